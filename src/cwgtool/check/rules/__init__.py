"""Importing this package registers every rule (one module per code group)."""

from cwgtool.check.rules import numbering, references, structure, symbols, typography

__all__ = ["numbering", "references", "structure", "symbols", "typography"]

"""Placeholder until the contributions extractor lands (issue 3)."""

from __future__ import annotations

from cwgtool.model import Document


def extract_contributions(doc: Document) -> list:
    return []

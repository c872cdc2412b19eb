"""Placeholder until the positions extractor lands (issue 3)."""

from __future__ import annotations

from cwgtool.model import Document


def extract_positions(doc: Document) -> list:
    return []

"""Placeholder until the actions extractor lands (issue 3)."""

from __future__ import annotations

from cwgtool.model import Document


def extract_actions(doc: Document) -> list:
    return []

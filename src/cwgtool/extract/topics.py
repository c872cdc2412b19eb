"""Placeholder until the topics extractor lands (issue 3)."""

from __future__ import annotations

from cwgtool.model import Document


def extract_topics(doc: Document) -> list:
    return []

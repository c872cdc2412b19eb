"""Placeholder until contribution documents land (issue 7)."""

from __future__ import annotations

from cwgtool.extract.metadata import Metadata
from cwgtool.model import Document


def enrich(doc: Document, meta: Metadata) -> None:
    doc.source_line = meta.source_line

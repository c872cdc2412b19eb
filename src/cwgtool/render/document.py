"""Whole-document renderers for `cwgtool parse`: JSON, JSON Lines, Markdown and plain text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from cwgtool.model import Document, Section


def to_dict(doc: Document) -> dict:
    return doc.model_dump(mode="json")


def render_json(docs: Sequence[Document], *, single: bool) -> str:
    payload = to_dict(docs[0]) if single and len(docs) == 1 else [to_dict(d) for d in docs]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(docs: Sequence[Document]) -> str:
    return "".join(json.dumps(to_dict(d), ensure_ascii=False) + "\n" for d in docs)


def _md_section(section: Section, out: list[str]) -> None:
    hashes = "#" * min(section.level + 1, 6)
    number = f"{section.number} " if section.number else ""
    out.append(f"{hashes} {number}{section.title}".rstrip() + "\n")
    for p in section.paragraphs:
        if p.label:
            out.append(f"- {p.text}" if not p.label[0].isalnum() else f"- {p.label} {p.text}")
        elif p.number:
            out.append(f"**{p.number}** {p.text}\n")
        else:
            out.append(p.text + "\n")
    for child in section.children:
        _md_section(child, out)


def render_markdown(doc: Document) -> str:
    out: list[str] = []
    title = doc.title or doc.source.path
    out.append(f"# {title}\n")
    facts = []
    if doc.symbol:
        facts.append(f"Symbol: {doc.symbol}")
    m = doc.meeting
    if m.body or m.number:
        facts.append(f"Meeting: {m.body or ''} {m.number or ''} {m.place or ''} {m.start_date or ''}".strip())
    if facts:
        out.append("  \n".join(facts) + "\n")
    for s in doc.sections:
        _md_section(s, out)
    return "\n".join(line.rstrip("\n") if line.startswith("- ") else line for line in out).rstrip() + "\n"


def render_text(doc: Document) -> str:
    lines: list[str] = []

    def walk(section: Section) -> None:
        indent = "  " * (section.level - 1)
        lines.append(f"{indent}{section.number or ''} {section.title}".rstrip())
        for p in section.paragraphs:
            prefix = p.number or p.label or ""
            lines.append(f"{indent}  {prefix + ' ' if prefix else ''}{p.text}")
        for c in section.children:
            walk(c)

    header = doc.title or doc.source.path
    lines.append(header)
    for s in doc.sections:
        walk(s)
    return "\n".join(lines) + "\n"

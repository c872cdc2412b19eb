"""Whole-document renderers for `cwgtool parse`: JSON, JSON Lines, Markdown and plain text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cwgtool.render.terminal import printable

if TYPE_CHECKING:
    from cwgtool.model import Document, Section


def render_json(docs: Sequence[Document], *, single: bool) -> str:
    """Indented JSON, serialised by pydantic's Rust encoder (the stdlib's indenting encoder is
    pure Python and was most of the time of a cached batch run)."""
    return json_texts([d.model_dump_json(indent=2) for d in docs], single=single)


def json_texts(texts: Sequence[str], *, single: bool) -> str:
    """Documents already serialised with indent=2 (``model_dump_json``, or the cache's bytes
    decoded) as ``cwgtool parse`` prints them: one document alone when ``single``, else a list.
    This module imports no model, so a cached run prints its JSON without building one."""
    if single and len(texts) == 1:
        return texts[0] + "\n"
    if not texts:
        return "[]\n"
    # JSON strings hold no raw newlines, so indenting every line is a plain replace
    return "[\n" + ",\n".join("  " + t.replace("\n", "\n  ") for t in texts) + "\n]\n"


def render_jsonl(docs: Sequence[Document]) -> str:
    return "".join(d.model_dump_json() + "\n" for d in docs)


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
    text = "\n".join(line.rstrip("\n") if line.startswith("- ") else line for line in out).rstrip() + "\n"
    return printable(text)  # document text is read on a terminal: no escape sequence gets through


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
    return printable("\n".join(lines) + "\n")

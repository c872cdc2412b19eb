"""The documents discussed in a record: contributions and reports, each with its summary and discussion.

A section is a contribution when its heading carries a document symbol *and* names an author
("CWG-Internet-12/4: Contribution by the Russian Federation: …", "Report of the secretariat …
(Document CWG-Internet-14/2)"). The author is what separates a contribution from the other
symbol-bearing headings: "CWG-Internet-12/1: Agenda of the meeting" names no author, so the
agenda is *not* a contribution. Reports by the secretariat (or Chair) *are* included — they are
documents presented and discussed like contributions — with a non-state submitter
(``{"name": "Secretariat", "iso3": null}``); callers wanting Member State contributions only can
filter on ``iso3``.
"""

from __future__ import annotations

import re

from cwgtool.extract.submitters import read_source
from cwgtool.model import ContributionRef, Document, Paragraph, Section
from cwgtool.symbols import Symbol, find_symbols

_SUMMARY = re.compile(r"^(?:executive\s+)?summary(?:\s+of\s+the\s+contribution)?\s*:?$", re.IGNORECASE)
_DISCUSSION = re.compile(r"^(?:discussions?|deliberations?|debate)\s*:?$", re.IGNORECASE)
_REPORT_TITLE = re.compile(r"^(?:\w+\s+)?(?:report|note)\b", re.IGNORECASE)
# Leftovers around a symbol once it is cut out of a heading: "Document", "(", ")", separators.
_DOC_WORD = re.compile(r"\(?\s*\b(?:Document|Doc\.)\s*:?\s*$", re.IGNORECASE)


def item_text(p: Paragraph) -> str:
    """A paragraph as read: list items keep their label so "1." / "·" structure survives joining."""
    return f"{p.label} {p.text}" if p.label else p.text


def _flatten(section: Section) -> list[str]:
    """Paragraphs in reading order, lettered children contributing their title first."""
    out = [item_text(p) for p in section.paragraphs]
    for child in section.children:
        out.append(child.title)
        out.extend(_flatten(child))
    return out


def summary_child(section: Section) -> Section | None:
    return next((c for c in section.children if _SUMMARY.match(c.title.strip())), None)


def discussion_child(section: Section) -> Section | None:
    return next((c for c in section.children if _DISCUSSION.match(c.title.strip())), None)


def _strip_symbol(title: str, sym: Symbol) -> str:
    """The heading with the symbol (and its "Document"/brackets/separator) removed."""
    before = _DOC_WORD.sub("", title[: sym.start]).rstrip()
    after = title[sym.end :]
    after = re.sub(r"^\s*(?:-[EFSACR]\b)?\s*\)?", "", after)
    before = before.rstrip(" (:-\u2013\u2014")
    after = after.lstrip(" ):-\u2013\u2014")
    if before and after:
        return f"{before} {after}"
    return before or after


def _symbol_for(section: Section) -> Symbol | None:
    """Symbol of the heading; for a bare "Report of the secretariat" heading, the first symbol
    in its opening text ("The secretariat introduced Document CWG-Internet-16/2 …")."""
    found = find_symbols(section.title)
    if found:
        return found[0]
    if not _REPORT_TITLE.match(section.title.strip()):
        return None
    opening = [p.text for p in section.paragraphs[:1]] + [c.title for c in section.children[:1]]
    for text in opening:
        found = find_symbols(text[:300])
        if found:
            return found[0]
    return None


def contribution_from(section: Section) -> ContributionRef | None:
    sym = _symbol_for(section)
    if sym is None:
        return None
    in_title = bool(find_symbols(section.title))
    source = read_source(_strip_symbol(section.title, sym) if in_title else section.title)
    if source is None:
        return None
    summary_sec, discussion_sec = summary_child(section), discussion_child(section)
    if summary_sec is None and discussion_sec is None:
        summary = "\n".join(_flatten(section))
        discussion: list[str] = []
    else:
        summary = "\n".join(_flatten(summary_sec)) if summary_sec else ""
        discussion = _flatten(discussion_sec) if discussion_sec else []
    return ContributionRef(
        symbol=sym.canonical,
        symbol_printed=sym.raw if sym.raw != sym.canonical else None,
        revision=sym.revision,
        type=source.kind,
        submitters=source.submitters,
        title=source.title,
        section=section.number,
        summary=summary,
        discussion=discussion,
        provenance=section.provenance,
    )


def contribution_sections(doc: Document) -> list[tuple[Section, ContributionRef]]:
    """Contribution sections with their reading; the topics extractor needs the section tree too."""
    out: list[tuple[Section, ContributionRef]] = []
    stack = list(reversed(doc.sections))
    while stack:
        section = stack.pop()
        ref = contribution_from(section)
        if ref is not None:
            out.append((section, ref))
            continue  # symbols inside a contribution's parts are references, not new contributions
        stack.extend(reversed(section.children))
    return out


def extract_contributions(doc: Document) -> list[ContributionRef]:
    return [ref for _, ref in contribution_sections(doc)]


__all__ = ["contribution_sections", "discussion_child", "extract_contributions", "item_text", "summary_child"]

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

from cwgtool.countries import find_countries
from cwgtool.extract.submitters import read_source
from cwgtool.model import ContributionRef, Document, Paragraph, Section, Submitter
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


def _opening_symbol(section: Section) -> Symbol | None:
    """For a bare "Report of the secretariat" heading (no symbol in it), the first symbol in its
    opening text ("The secretariat introduced Document CWG-Internet-16/2 …")."""
    if not _REPORT_TITLE.match(section.title.strip()):
        return None
    opening = [p.text for p in section.paragraphs[:1]] + [c.title for c in section.children[:1]]
    for text in opening:
        found = find_symbols(text[:300])
        if found:
            return found[0]
    return None


def contribution_from(section: Section) -> ContributionRef | None:
    in_title = find_symbols(section.title)
    sym = in_title[0] if in_title else _opening_symbol(section)
    if sym is None:
        return None
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


# ---- documents introduced inside paragraphs, and a record's list of the documents it discussed ----

# "The Councillor from Belarus introduced Document C17/98(Rev.1)", "… presented Documents C18/20
# and C18/21", "Document C19/35 was introduced by the secretariat".
_INTRODUCES = re.compile(r"\b(?:introduced|introducing|presented|presenting|submitted)\s+(?:the\s+)?(?:Documents?|Doc\.)?\s*$", re.IGNORECASE)
_INTRODUCED_BY = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:was|were|had been)\s+(?:introduced|presented|submitted)\s+by\s+(?P<by>[^,.;]+)", re.IGNORECASE)
# Who the document is from, after it is named: "containing a contribution submitted by her
# country, Armenia, … and Uzbekistan", "submitted by Ghana and Kenya", "on behalf of …".
_SUBMITTED_BY = re.compile(r"\b(?:submitted|presented|proposed|sponsored)\s+by\b|\bon\s+behalf\s+of\b|\bcontribution\s+(?:by|from|of)\b", re.IGNORECASE)
_OWN_COUNTRY = re.compile(r"^\s*(?:the\s+)?(?:(?:her|his|its|their)\s+(?:own\s+)?(?:country|administration|government)|themselves)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s,]*(?:and\s+)?(?:the\s+)?$", re.IGNORECASE)
_NON_STATE_ACTOR = re.compile(
    r"\b(?P<who>secretariat|secretary-general|chair(?:man|woman|person)?|director\s+of\s+(?:the\s+)?\w+|BDT|TSB|BR)\b", re.IGNORECASE
)
# "the contribution received by the USA", "a contribution from Kenya": a contribution named only
# by its author (no symbol).
_CONTRIBUTION_OF = re.compile(
    r"\bcontributions?\s+(?:received\s+|submitted\s+|presented\s+)?(?:by|from|of)\s+(?P<who>(?:the\s+)?[A-Z][^,.;:()]{1,80})"
)


def _country_run(text: str, own: list[Submitter]) -> list[Submitter]:
    """Member States listed at the start of ``text``, "her country" standing for ``own``."""
    out: list[Submitter] = []
    at = 0
    m = _OWN_COUNTRY.match(text)
    if m:
        out.extend(own)
        at = m.end()
    for c in find_countries(text):
        if c.start < at:
            continue
        if not _LIST_GAP.match(text[at : c.start]):
            break
        out.append(Submitter(name=c.name, iso3=c.iso3))
        at = c.end
    return out


def _actor_submitters(actor: str) -> tuple[list[Submitter], str]:
    """(submitters, type) read from the words before "introduced Document …"."""
    countries = [Submitter(name=c.name, iso3=c.iso3) for c in find_countries(actor)]
    if countries:
        return countries, "contribution"
    m = _NON_STATE_ACTOR.search(actor)
    if m:
        who = m["who"]
        return [Submitter(name=who[0].upper() + who[1:], iso3=None)], "report"
    return [], "contribution"


def _sentences(text: str) -> list[str]:
    return [t for t in re.split(r"(?<=[.;])\s+(?=[A-Z])", text) if t]


def _introduced(section: Section | None, p: Paragraph) -> list[ContributionRef]:
    out: list[ContributionRef] = []
    for sentence in _sentences(p.text):
        for sym in find_symbols(sentence):
            before, after = sentence[: sym.start], sentence[sym.end :]
            if verb := _INTRODUCES.search(before):
                actor = before[: verb.start()]
            elif by := _INTRODUCED_BY.match(after):
                actor = by["by"]
            else:
                continue
            subs, kind = _actor_submitters(actor)
            tail = _SUBMITTED_BY.search(after)
            if tail:
                listed = _country_run(after[tail.end() :], subs)
                if listed:
                    subs, kind = listed, "contribution"
            out.append(_ref(sym, subs, kind, section, p))
    return out


def _ref(sym: Symbol, subs: list[Submitter], kind: str, section: Section | None, p: Paragraph) -> ContributionRef:
    return ContributionRef(
        symbol=sym.canonical,
        symbol_printed=sym.raw if sym.raw != sym.canonical else None,
        revision=sym.revision,
        type=kind,
        submitters=subs,
        section=section.number if section else None,
        provenance=p.provenance,
    )


def _named_by_author(section: Section | None, p: Paragraph) -> list[ContributionRef]:
    out: list[ContributionRef] = []
    for m in _CONTRIBUTION_OF.finditer(p.text):
        if find_symbols(p.text[max(0, m.start() - 40) : m.end() + 40]):
            continue  # the symbol-bearing readings above cover it
        subs = _country_run(m["who"], [])
        if subs:
            out.append(
                ContributionRef(symbol=None, type="contribution", submitters=subs, section=section.number if section else None,
                                provenance=p.provenance)
            )
    return out


def _listed_documents(doc: Document) -> list[ContributionRef]:
    """The documents of a record's "Subjects discussed / Documents" table (list items before
    the body, "Report on cybersecurity / C18/20"): the record's own index of what it discussed."""
    out: list[ContributionRef] = []
    for p in doc.front_matter:
        if p.label is None or not p.label.strip().isdigit():
            continue
        for sym in find_symbols(p.text):
            ref = _ref(sym, [], "document", None, p)
            ref.section = p.label.strip()
            ref.title = _clean_title(p.text[: sym.start])
            out.append(ref)
    return out


def _clean_title(text: str) -> str | None:
    t = " ".join(text.split()).strip(" /-–,+")
    return t or None


def discussed(doc: Document, pairs: list[tuple[Section, ContributionRef]]) -> list[ContributionRef]:
    """Every contribution the document discusses, in order of first mention: the contribution
    sections (``pairs``), then documents introduced inside paragraphs ("The Councillor from X
    introduced Document C17/98 …") or named by their author only ("the contribution received by
    the USA"), then the documents a Council record lists in its subjects table. A symbol already
    known is merged (submitters filled in), never listed twice."""
    refs = [ref for _, ref in pairs]
    known = {ref.symbol: ref for ref in refs if ref.symbol}
    authors = {frozenset(s.iso3 for s in ref.submitters if s.iso3) for ref in refs}
    inside = {id(s) for s, _ in pairs}

    def add(ref: ContributionRef) -> None:
        if ref.symbol and ref.symbol in known:
            old = known[ref.symbol]
            if not old.submitters and ref.submitters:
                old.submitters, old.type = ref.submitters, ref.type
            return
        if ref.symbol is None:
            key = frozenset(s.iso3 for s in ref.submitters if s.iso3)
            if key in authors:
                return
            authors.add(key)
        else:
            known[ref.symbol] = ref
        refs.append(ref)

    stack = [(s, False) for s in reversed(doc.sections)]
    while stack:
        section, skip = stack.pop()
        skip = skip or id(section) in inside
        if not skip:
            for p in section.paragraphs:
                for ref in _introduced(section, p) + _named_by_author(section, p):
                    add(ref)
        stack.extend((c, skip) for c in reversed(section.children))
    for ref in _listed_documents(doc):
        add(ref)
    return refs


__all__ = ["contribution_sections", "discussed", "discussion_child", "item_text", "summary_child"]

"""REF: contributions the record lists but never discusses, or discusses but never introduces.

Many records do not enumerate the agenda's documents at all ("The agenda was approved as
presented"), so both rules only compare what the record itself says: documents of the record's
own meeting named in the agenda section, in headings, and in the running text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cwgtool.check.context import CheckContext, RawBlock
from cwgtool.check.registry import RULES, Diagnostic, Severity, rule
from cwgtool.check.rules.structure import agenda_section, is_within
from cwgtool.check.rules.symbols import cwg_symbols
from cwgtool.model import DocumentKind
from cwgtool.symbols import Symbol, normalise

# verbs that introduce a document, or say why it was not taken up (deferred, withdrawn…)
_INTRODUCES = re.compile(
    r"\b(introduc\w*|present\w*|submit\w*|contained in|proposed in|tabled|defer\w*|postpon\w*|withdr[ae]w\w*|carried over)\b",
    re.IGNORECASE,
)
_AGENDA_WORD = re.compile(r"\bagenda\b", re.IGNORECASE)


@dataclass(slots=True)
class Mention:
    rb: RawBlock
    sym: Symbol
    where: str  # "front" | "toc" | "heading" | "agenda" | "body"
    introduces: bool


def _mentions(ctx: CheckContext) -> list[Mention]:
    doc = ctx.doc
    if doc.kind is not DocumentKind.SUMMARY_RECORD or doc.meeting.number is None:
        return []
    own = normalise(doc.symbol) if doc.symbol else None
    body = doc.meeting.body
    agenda = agenda_section(doc)
    out: list[Mention] = []
    for rb, sym in cwg_symbols(ctx):
        if sym.meeting != doc.meeting.number or (body and sym.body != body) or sym.canonical == own:
            continue
        if rb.is_toc:
            where = "toc"
        elif rb.section is None:
            where = "front"
        elif rb.heading_of is not None:
            where = "heading"
        elif agenda is not None and is_within(rb.section, agenda):
            where = "agenda"
        else:
            where = "body"
        sentence_start = max(rb.text.rfind(". ", 0, sym.start), rb.text.rfind("; ", 0, sym.start)) + 1
        sentence = rb.text[sentence_start: rb.text.find(".", sym.end) if "." in rb.text[sym.end:] else len(rb.text)]
        out.append(Mention(rb, sym, where, where != "body" or bool(_INTRODUCES.search(sentence))))
    return out


def _is_agenda_document(m: Mention) -> bool:
    """The agenda's own symbol ("the draft agenda contained in Document CWG-Internet-16/1")."""
    if m.where == "heading":
        return True
    from cwgtool.symbols import find_symbols

    before = m.rb.text[: m.sym.start]
    hits = list(_AGENDA_WORD.finditer(before))
    if not hits or m.sym.start - hits[-1].end() > 60:
        return False
    after_word = hits[-1].end()
    return not any(s.start >= after_word and s.end <= m.sym.start for s in find_symbols(m.rb.text))


@rule(
    code="REF001",
    name="agenda-item-not-discussed",
    severity=Severity.WARNING,
    summary="A document listed in the agenda section is never mentioned again.",
    docs="""
    ## What it does
    Collects the documents of this meeting that the agenda section lists (other than the
    agenda document itself) and reports those that no heading or paragraph outside the
    agenda section mentions. Records whose agenda section lists no documents are not checked.

    ## Why is this bad?
    Every document on the agenda was considered by the meeting; if the record never
    mentions it again, its summary and discussion were probably left out.

    ## Example
    ```
    2	Adoption of the agenda
    The agenda (CWG-Internet-12/1) with contributions CWG-Internet-12/3 to 12/9 was adopted.
    …
    (no section or paragraph about CWG-Internet-12/9)
    ```

    ## Use instead
    Add the section on the missing contribution (heading with its symbol, Summary,
    Discussion), or correct the agenda list.
    """,
)
def agenda_item_not_discussed(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["REF001"]
    mentions = _mentions(ctx)
    elsewhere = {m.sym.canonical for m in mentions if m.where in ("heading", "body")}
    reported: set[str] = set()
    for m in mentions:
        if m.where != "agenda" or _is_agenda_document(m) or m.sym.canonical in reported:
            continue
        if m.sym.canonical not in elsewhere:
            reported.add(m.sym.canonical)
            yield r.diagnostic(
                ctx,
                f"{m.sym.canonical} is listed in the agenda section but never discussed",
                ctx.location(m.rb),
                ctx.excerpt(m.rb.text, m.sym.start, m.sym.end),
            )


@rule(
    code="REF002",
    name="discussed-not-introduced",
    severity=Severity.WARNING,
    summary="A document of this meeting is discussed but never introduced.",
    docs="""
    ## What it does
    Reports documents of this meeting that the running text mentions but that are never
    introduced: not in a section heading, not in the agenda section or table of contents, and
    never the object of a sentence that introduces it ("… introduced Document X", "… presented
    X", "contained in X") or says why it was not taken up ("consideration of X was deferred").

    ## Why is this bad?
    Readers meet a symbol with no indication of who submitted it or what it is; often the
    section that introduced it was dropped or its heading lost the symbol.

    ## Example
    ```
    4.2.2	Discussion
    Some Member States preferred the approach of CWG-Internet-12/11.
    ```
    (no heading or agenda entry for CWG-Internet-12/11)

    ## Use instead
    Add a heading for the document ("4.3 CWG-Internet-12/11: Contribution by …"), or list
    it in the agenda section.
    """,
)
def discussed_not_introduced(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["REF002"]
    mentions = _mentions(ctx)
    introduced = {m.sym.canonical for m in mentions if m.introduces}
    reported: set[str] = set()
    for m in mentions:
        if m.where == "body" and m.sym.canonical not in introduced and m.sym.canonical not in reported:
            reported.add(m.sym.canonical)
            yield r.diagnostic(
                ctx,
                f"{m.sym.canonical} is discussed but never introduced (no heading, agenda entry or introduction)",
                ctx.location(m.rb),
                ctx.excerpt(m.rb.text, m.sym.start, m.sym.end),
            )

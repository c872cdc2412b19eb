"""SYM: ITU document symbols as written in the record.

Symbols are matched in the raw block text (cover block included) with
:func:`cwgtool.symbols.find_symbols`, which already recognises the common misspellings; these
rules say which of them a reader would notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cwgtool.check.context import CheckContext, RawBlock
from cwgtool.check.registry import RULES, Diagnostic, Severity, rule
from cwgtool.symbols import Symbol, find_symbols

_CWG_BODY = re.compile(r"^C?WG")


def cwg_symbols(ctx: CheckContext, *, internet_only: bool = False) -> Iterator[tuple[RawBlock, Symbol]]:
    """Council Working Group symbols in every block, table-of-contents lines included.

    ``internet_only``: the spelling rules hold only CWG-Internet's own symbols to its canonical
    form; other groups write theirs their own way ("WG-COP/13", "WG-WSIS-32/19-E"), and calling
    those misspelled would be wrong."""
    for rb in ctx.raw_blocks:
        for sym in find_symbols(rb.text):
            if _CWG_BODY.match(sym.raw) and sym.body.startswith("CWG-") and (sym.body == "CWG-Internet" or not internet_only):
                yield rb, sym


# The form a symbol takes once its body and numbers are taken out: "WG-Internet" + " " + "11/11".
_FORM = re.compile(r"^(?P<body>C?WG[-\u2011\u2013 ?]?[A-Za-z&]+)(?P<sep>[-\u2011\u2013 ?\u00a0/]?)\s?\d")


def _form(raw: str) -> tuple[str, str] | None:
    """(body as written, separator) of a symbol: ("WG-Internet", " ") for "WG-Internet 11/11"."""
    m = _FORM.match(raw)
    return (m["body"], m["sep"]) if m else None


def own_style(ctx: CheckContext) -> tuple[str, str] | None:
    """The symbol style of the document's own period: the form its own symbol is printed in.

    CWG-Internet documents of 2017–18 are published as "Document WG-Internet 11/11"; in such a
    document "WG-Internet 11/2" is the style of its time and body, not a misspelling. A
    document printed in today's form ("CWG-Internet-12/10") is held to it."""
    printed = ctx.doc.symbol_printed
    if not printed or not ctx.doc.meeting.body or not ctx.doc.meeting.body.startswith("CWG-"):
        return None
    return _form(printed)


def _period_style(ctx: CheckContext, sym: Symbol) -> bool:
    style = own_style(ctx)
    return style is not None and _form(sym.raw) == style


@rule(
    code="SYM001",
    name="malformed-symbol",
    severity=Severity.ERROR,
    summary='A document symbol is misspelled ("WG-Internet 12/8-E", "CWGInternet-12/5").',
    docs="""
    ## What it does
    Finds document symbols whose body is not a Council Working Group name as ITU writes it:
    a lost "C" ("WG-Internet 12/8"), a lost hyphen ("CWGInternet-12/5") or another dash.
    Only CWG-Internet's own symbols are checked: other groups and bodies write theirs their
    own way ("WG-COP/13", "WG-WSIS-32/19-E", "C17/98(Rev.1)"). A document is judged by the
    style of its own period: when its own symbol is printed "WG-Internet 11/11" (the 2017–18
    form), symbols written the same way are not reported.

    ## Why is this bad?
    Symbols are how delegations and the document management system find a contribution; a
    misspelled symbol cannot be searched for or linked.

    ## Example
    ```
    Saudi Arabia submitted the contribution WG-Internet 12/8-E on …
    ```

    ## Use instead
    ```
    Saudi Arabia submitted the contribution CWG-Internet-12/8-E on …
    ```
    """,
)
def malformed_symbol(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["SYM001"]
    for rb, sym in cwg_symbols(ctx, internet_only=True):
        if not sym.raw.startswith(sym.body) and not _period_style(ctx, sym):
            yield r.diagnostic(
                ctx,
                f'malformed document symbol "{sym.raw}" (should be "{sym.canonical}")',
                ctx.location(rb),
                ctx.excerpt(rb.text, sym.start, sym.end),
            )


@rule(
    code="SYM002",
    name="non-canonical-symbol",
    severity=Severity.WARNING,
    summary='A symbol is spaced differently from the canonical form ("CWG-Internet 12/2").',
    docs="""
    ## What it does
    Finds document symbols with the right body but the wrong separators: a space instead of
    the hyphen before the meeting number ("CWG-Internet 12/2") or spaces around the slash —
    unless the document's own symbol is printed the same way (the style of its period).

    ## Why is this bad?
    ITU symbols are written "CWG-Internet-12/2"; variants break exact-match searches and
    hyperlinks, and look inconsistent beside correctly written symbols in the same record.

    ## Example
    ```
    3.	CWG-Internet 12/2: Secretariat report on ITU Internet Activities
    ```

    ## Use instead
    ```
    3.	CWG-Internet-12/2: Secretariat report on ITU Internet Activities
    ```
    """,
)
def non_canonical_symbol(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["SYM002"]
    for rb, sym in cwg_symbols(ctx, internet_only=True):
        if sym.raw.startswith(sym.body) and not sym.is_canonical and not _period_style(ctx, sym):
            yield r.diagnostic(
                ctx,
                f'document symbol "{sym.raw}" is not written in the canonical form "{sym.canonical}"',
                ctx.location(rb),
                ctx.excerpt(rb.text, sym.start, sym.end),
            )


@rule(
    code="SYM003",
    name="foreign-meeting-symbol",
    severity=Severity.WARNING,
    summary="A symbol introduced in the record belongs to another meeting.",
    docs="""
    ## What it does
    Compares the meeting number of the symbols that *introduce* documents — in the cover block,
    in section headings and in the agenda section — with the meeting of the record
    (`CWG-Internet-12/4` in the record of the 12th meeting). Symbols of the record's own
    working group only; references in running text to earlier meetings' documents are normal
    and not reported.

    ## Why is this bad?
    A contribution considered at the 12th meeting carries a "12/" symbol; another number is
    usually a copy-paste from a previous record or a typo, and sends readers to the wrong file.

    ## Example
    ```
    4.2	CWG-Internet-11/8: Contribution by the Kingdom of Saudi Arabia …
    ```

    ## Use instead
    ```
    4.2	CWG-Internet-12/8: Contribution by the Kingdom of Saudi Arabia …
    ```
    """,
)
def foreign_meeting_symbol(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["SYM003"]
    meeting = ctx.doc.meeting.number
    body = ctx.doc.meeting.body
    if meeting is None:
        return
    from cwgtool.check.rules.structure import agenda_section, is_within

    agenda = agenda_section(ctx.doc)
    for rb, sym in cwg_symbols(ctx, internet_only=True):
        if body and sym.body != body:
            continue
        introducing = rb.section is None or rb.heading_of is not None or (agenda is not None and is_within(rb.section, agenda))
        if introducing and sym.meeting is not None and sym.meeting != meeting:
            yield r.diagnostic(
                ctx,
                f'symbol "{sym.raw}" is from meeting {sym.meeting}, but this is the record of meeting {meeting}',
                ctx.location(rb),
                ctx.excerpt(rb.text, sym.start, sym.end),
            )

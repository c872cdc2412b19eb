"""TXT: typography, read from the raw block text (the model collapses whitespace).

The label (number, bullet) and the whitespace around it are removed first: a tab or a run of
spaces after "4.1" or "∙" is layout, not a typing error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cwgtool.check.context import CheckContext, RawBlock
from cwgtool.check.registry import RULES, Diagnostic, Severity, rule
from cwgtool.labels import LabelKind

_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
# a space before , . ; : ! ? that ends a clause (followed by a space, a closing mark or the end);
# "..." and " .5" are excluded by the look-ahead, "§ 9" and "…" are not in the set.
_SPACE_PUNCT = re.compile(r"(?<=[^\s])[ \u00a0]+([,.;:!?])(?=[\s\"”’)\]]|$)")
_FRENCH_SPACED = ":;!?"


@rule(
    code="TXT001",
    name="double-space",
    severity=Severity.WARNING,
    summary="Two or more spaces in a row inside a paragraph.",
    docs="""
    ## What it does
    Finds runs of two or more spaces between words, including after a full stop. Spaces and
    tabs separating a paragraph number or bullet from its text, and trailing spaces, are
    ignored.

    ## Why is this bad?
    Double spaces are left behind by edits ("send/update  their"); they show as uneven gaps in
    the published PDF and break phrase searches.

    ## Example
    ```
    The Chair invited Member States to send/update  their submissions …
    ```

    ## Use instead
    ```
    The Chair invited Member States to send/update their submissions …
    ```
    """,
)
def double_space(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT001"]
    for rb in ctx.body_blocks():
        for m in _DOUBLE_SPACE.finditer(rb.body):
            yield r.diagnostic(
                ctx,
                f"{len(m.group(0))} spaces in a row",
                ctx.location(rb),
                ctx.excerpt(rb.body, m.start(), m.end(), width=25),
            )


@rule(
    code="TXT002",
    name="space-before-punctuation",
    severity=Severity.WARNING,
    summary='A space before a comma, full stop, semicolon or colon ("Issues , which").',
    docs="""
    ## What it does
    Finds a space before `,` `.` `;` `:` `!` `?` that ends a clause. In records whose language
    is French, a space before `:` `;` `!` `?` is correct and not reported. Ellipses ("..."),
    decimals (" .5") and signs such as "§ 9" are not punctuation for this rule.

    ## Why is this bad?
    English typography puts no space before these marks; a stray space is usually the trace of
    a deleted word and can leave the mark alone at the start of a line in the PDF.

    ## Example
    ```
    … International Internet-related Public Policy Issues , which maintains …
    ```

    ## Use instead
    ```
    … International Internet-related Public Policy Issues, which maintains …
    ```
    """,
)
def space_before_punctuation(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT002"]
    french = (ctx.doc.language or "").lower().startswith("fr")
    for rb in ctx.body_blocks():
        for m in _SPACE_PUNCT.finditer(rb.body):
            mark = m.group(1)
            if french and mark in _FRENCH_SPACED:
                continue
            yield r.diagnostic(
                ctx,
                f'space before "{mark}"',
                ctx.location(rb),
                ctx.excerpt(rb.body, m.start(), m.end(), width=25),
            )


# -- quotes ------------------------------------------------------------------------------------

_OPENING_CONTEXT = " \t\u00a0([{–—-/"


@dataclass(slots=True)
class _Quote:
    kind: str  # "straight" | "curly"
    rb: RawBlock
    pos: int


@dataclass(slots=True)
class _QuoteScan:
    openers: list[_Quote]
    closers: list[_Quote]
    mixed: list[tuple[_Quote, _Quote]]  # (opener, closer) of different kinds


def _scan_quotes(rb: RawBlock) -> _QuoteScan:
    """Pair double quotes inside one paragraph; a straight quote's role comes from its neighbours."""
    text = rb.body
    stack: list[_Quote] = []
    closers: list[_Quote] = []
    mixed: list[tuple[_Quote, _Quote]] = []

    def close(q: _Quote) -> None:
        if not stack:
            closers.append(q)
            return
        top = stack.pop()
        if top.kind != q.kind:
            mixed.append((top, q))

    for i, ch in enumerate(text):
        if ch == "\u201c":
            stack.append(_Quote("curly", rb, i))
        elif ch == "\u201d":
            close(_Quote("curly", rb, i))
        elif ch == '"':
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opening_side = before in _OPENING_CONTEXT
            closing_side = after.isspace() or after in ".,;:!?)]}…"
            if opening_side and closing_side:
                continue  # a lone quote between spaces (ditto mark): neither opens nor closes
            if opening_side:
                stack.append(_Quote("straight", rb, i))
            elif closing_side or (stack and stack[-1].kind == "straight"):
                close(_Quote("straight", rb, i))
            else:
                stack.append(_Quote("straight", rb, i))
    return _QuoteScan(stack, closers, mixed)


def _quote_findings(ctx: CheckContext) -> Iterator[tuple[str, _Quote, str]]:
    """Yield ("unbalanced"|"mixed", quote, message) for the whole record.

    A quotation may run over several paragraphs (an opening mark in one, the closing mark in a
    later paragraph of the same section, as with quoted lists); such pairs are accepted. A
    paragraph that re-opens a quotation already running follows the convention for long
    quotations and is accepted too.
    """
    pending: list[_Quote] = []
    section_id: int | None = None

    def flush() -> Iterator[tuple[str, _Quote, str]]:
        for q in pending:
            yield "unbalanced", q, f"{_mark(q, True)} opening quotation mark is never closed"
        pending.clear()

    for rb in ctx.body_blocks():
        sid = id(rb.section) if rb.section is not None else None
        if sid != section_id:
            yield from flush()
            section_id = sid
        scan = _scan_quotes(rb)
        for opener, closer in scan.mixed:
            yield "mixed", closer, f"quotation opened with {_mark(opener, True)} is closed with {_mark(closer, False)}"
        for closer in scan.closers:
            if pending:
                opener = pending.pop()
                if opener.kind != closer.kind:
                    yield "mixed", closer, f"quotation opened with {_mark(opener, True)} is closed with {_mark(closer, False)}"
            else:
                yield "unbalanced", closer, f"{_mark(closer, False)} closing quotation mark without an opening one"
        for opener in scan.openers:
            if any(p.kind == opener.kind for p in pending) and opener.pos == _first_char(rb):
                continue  # long-quotation convention: each paragraph re-opens the quote
            pending.append(opener)
    yield from flush()


def _first_char(rb: RawBlock) -> int:
    return len(rb.body) - len(rb.body.lstrip())


def _mark(q: _Quote, opening: bool) -> str:
    if q.kind == "straight":
        return "straight (\")"
    return "curly (\u201c)" if opening else "curly (\u201d)"


@rule(
    code="TXT003",
    name="unbalanced-quotes",
    severity=Severity.WARNING,
    summary="A quotation mark is opened and never closed, or closed without being opened.",
    docs="""
    ## What it does
    Pairs double quotation marks (straight `"` and curly `“ ”`) within each paragraph. A
    quotation that runs over several paragraphs of the same section is accepted when it is
    closed in a later paragraph; what remains unpaired is reported.

    ## Why is this bad?
    A missing quotation mark leaves readers unsure where a quoted proposal ends and the
    record's own words begin — the difference between what a delegation proposed and what the
    Group agreed.

    ## Example
    ```
    · cooperation at the international level aimed at developing the international policies.”
    ```
    (no opening mark before it in the section)

    ## Use instead
    ```
    · “cooperation at the international level aimed at developing the international policies.”
    ```
    """,
)
def unbalanced_quotes(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT003"]
    for kind, q, message in _quote_findings(ctx):
        if kind == "unbalanced":
            yield r.diagnostic(ctx, message, ctx.location(q.rb), ctx.excerpt(q.rb.body, q.pos, q.pos + 1, width=30))


@rule(
    code="TXT005",
    name="mixed-quotes",
    severity=Severity.WARNING,
    summary='A quotation opened with one style of mark is closed with another (“…").',
    docs="""
    ## What it does
    Reports quotations whose opening and closing marks are of different styles: a curly
    opening `“` closed by a straight `"`, or the reverse.

    ## Why is this bad?
    Mixed marks come from pasting text between editors with different "smart quotes"
    settings; they look broken in print and confuse tools that extract quoted text.

    ## Example
    ```
    “Contributing to capacity building for Internet governance in developing countries"
    ```

    ## Use instead
    ```
    “Contributing to capacity building for Internet governance in developing countries”
    ```
    """,
)
def mixed_quotes(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT005"]
    for kind, q, message in _quote_findings(ctx):
        if kind == "mixed":
            yield r.diagnostic(ctx, message, ctx.location(q.rb), ctx.excerpt(q.rb.body, q.pos, q.pos + 1, width=30))


# -- brackets ----------------------------------------------------------------------------------

_ENUMERATOR = re.compile(r"(?:(?<=\s)|^)(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,2})\)")
_PAIRS = {")": "(", "]": "["}


@rule(
    code="TXT004",
    name="unbalanced-brackets",
    severity=Severity.WARNING,
    summary="A parenthesis or square bracket is not closed (or not opened) in its paragraph.",
    docs="""
    ## What it does
    Pairs `(` with `)` and `[` with `]` within each paragraph. In-text enumerators such as
    "a)", "ii)" or "2)" are not counted as closing brackets.

    ## Why is this bad?
    An unclosed parenthesis makes the rest of the paragraph read as an aside, often the trace
    of an incomplete edit to a symbol such as "CWG-Internet-14/5(Rev.1".

    ## Example
    ```
    … in the Internet adhoc group (and in the plenary sessions – on the key ITU Internet Resolutions.
    ```

    ## Use instead
    ```
    … in the Internet adhoc group (and in the plenary sessions) – on the key ITU Internet Resolutions.
    ```
    """,
)
def unbalanced_brackets(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT004"]
    for rb in ctx.body_blocks():
        text = rb.body
        skip = {m.end() - 1 for m in _ENUMERATOR.finditer(text)}
        stack: list[tuple[str, int]] = []
        problems: list[tuple[int, str]] = []
        for i, ch in enumerate(text):
            if ch in "([":
                stack.append((ch, i))
            elif ch in ")]" and i not in skip:
                if stack and stack[-1][0] == _PAIRS[ch]:
                    stack.pop()
                else:
                    problems.append((i, f'"{ch}" without a matching "{_PAIRS[ch]}"'))
        problems.extend((i, f'"{ch}" is never closed') for ch, i in stack)
        for i, message in sorted(problems):
            yield r.diagnostic(ctx, message, ctx.location(rb), ctx.excerpt(text, i, i + 1, width=30))


# -- bullets -----------------------------------------------------------------------------------


@rule(
    code="TXT006",
    name="mixed-bullets",
    severity=Severity.WARNING,
    summary="Consecutive items of one list use different bullet characters.",
    docs="""
    ## What it does
    Looks at runs of consecutive bulleted paragraphs (one list) and reports an item whose bullet
    character differs from the first item's at the same list level. Different lists may use
    different bullets; nested levels may too, when the reader knows the level.

    ## Why is this bad?
    A list with "·" and "-" items looks like two lists, and usually means items were pasted
    in from another document.

    ## Example
    ```
    · challenges of the transformation …;
    - establishing favorable and competitive market environment …;
    ```

    ## Use instead
    ```
    · challenges of the transformation …;
    · establishing favorable and competitive market environment …;
    ```
    """,
)
def mixed_bullets(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["TXT006"]
    run: list[RawBlock] = []

    def check(items: list[RawBlock]) -> Iterator[Diagnostic]:
        first: dict[int | None, str] = {}
        for rb in items:
            assert rb.label is not None
            lvl = rb.block.level
            bullet = rb.label.raw
            if lvl not in first:
                first[lvl] = bullet
            elif bullet != first[lvl]:
                yield r.diagnostic(
                    ctx,
                    f'list item uses bullet "{bullet}" but the list started with "{first[lvl]}"',
                    ctx.location(rb),
                    ctx.excerpt(rb.text.strip(), 0, 0, width=50),
                )

    for rb in ctx.raw_blocks:
        if rb.label is not None and rb.label.kind is LabelKind.BULLET and not rb.is_toc:
            if run and run[-1].section is not rb.section:
                yield from check(run)
                run = []
            run.append(rb)
        else:
            if run:
                yield from check(run)
            run = []
    if run:
        yield from check(run)

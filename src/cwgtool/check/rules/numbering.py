"""NUM: section and paragraph numbering.

Sequence rules use the model's numbers (already normalised and placed in the tree), so "4. 1"
counts as 4.1 when looking for gaps; style rules use the label exactly as typed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator

from cwgtool.check.context import CheckContext, NumberedItem
from cwgtool.check.registry import RULES, Diagnostic, Severity, rule

_SPACED = re.compile(r"\d[ \t\u00a0]+\.?\d|\d\.[ \t\u00a0]+\d")


def _depth(key: str) -> int:
    return key.count(".") + 1 if key else 0


def _what(item: NumberedItem) -> str:
    return "section" if item.role == "section" else "paragraph"


def _excerpt(ctx: CheckContext, item: NumberedItem) -> str:
    if item.raw_block is None:
        return f"{item.key} {item.section.title}".strip()[:80]
    return ctx.excerpt(item.raw_block.text.strip(), 0, 0, width=60)


def _loc(ctx: CheckContext, item: NumberedItem):  # noqa: ANN202 - Location
    return ctx.location(item.raw_block, item.section)


def _sequence(ctx: CheckContext) -> Iterator[tuple[str, NumberedItem, str]]:
    """Walk each level's numbers in order and yield (kind, item, message) for breaks in it."""
    last: dict[str, int] = {}
    seen: dict[str, set[int]] = defaultdict(set)
    for item in ctx.numbered:
        if _depth(item.key) != _depth(item.parent) + 1:
            continue  # level skips are NUM003's business
        n = item.parts[-1]
        under = f" under {item.parent}" if item.parent else " at the top level"
        prev = last.get(item.parent)
        if n in seen[item.parent]:
            yield "duplicate", item, f"{_what(item)} number {item.key} is used twice{under}"
        elif prev is None and n > 1:
            missing = ", ".join(_join(item.parent, i) for i in range(1, n))
            yield "gap", item, f"numbering{under} starts at {item.key}: {missing} missing"
        elif prev is not None and n > prev + 1:
            missing = ", ".join(_join(item.parent, i) for i in range(prev + 1, n))
            yield "gap", item, f"{_what(item)} {item.key} follows {_join(item.parent, prev)}: {missing} missing"
        elif prev is not None and n < prev:
            yield "order", item, f"{_what(item)} {item.key} comes after {_join(item.parent, prev)}"
        seen[item.parent].add(n)
        last[item.parent] = max(n, prev or 0)


def _join(parent: str, n: int) -> str:
    return f"{parent}.{n}" if parent else str(n)


def _sequence_rule(ctx: CheckContext, kind: str, code: str) -> Iterator[Diagnostic]:
    r = RULES[code]
    for k, item, message in _sequence(ctx):
        if k == kind:
            yield r.diagnostic(ctx, message, _loc(ctx, item), _excerpt(ctx, item))


@rule(
    code="NUM001",
    name="number-gap",
    severity=Severity.WARNING,
    summary="A section or paragraph number skips one or more numbers.",
    docs="""
    ## What it does
    Checks that section numbers and numbered paragraphs at each level run 1, 2, 3… without
    holes (4.1 followed by 4.3), counting sections and numbered paragraphs of one level together.

    ## Why is this bad?
    A missing number usually means a paragraph was deleted or a contribution was dropped during
    editing; readers and tools that cite "section 4.2" cannot find it.

    ## Example
    ```
    4.1  CWG-Internet-12/4: Contribution by …
    4.3  CWG-Internet-12/3: Contribution by …
    ```

    ## Use instead
    ```
    4.1  CWG-Internet-12/4: Contribution by …
    4.2  CWG-Internet-12/3: Contribution by …
    ```
    """,
)
def number_gap(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _sequence_rule(ctx, "gap", "NUM001")


@rule(
    code="NUM002",
    name="duplicate-number",
    severity=Severity.ERROR,
    summary="The same section or paragraph number is used twice at one level.",
    docs="""
    ## What it does
    Reports a section or paragraph number that already appeared under the same parent.

    ## Why is this bad?
    References such as "see 6.2" become ambiguous and the structured output has two items with
    one key.

    ## Example
    ```
    6.1  The Group invited Member States …
    6.1  The secretariat was asked …
    ```

    ## Use instead
    ```
    6.1  The Group invited Member States …
    6.2  The secretariat was asked …
    ```
    """,
)
def duplicate_number(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _sequence_rule(ctx, "duplicate", "NUM002")


@rule(
    code="NUM003",
    name="level-skip",
    severity=Severity.WARNING,
    summary="A number goes down more than one level at once (4.1 then 4.1.1.1).",
    docs="""
    ## What it does
    Reports a section or numbered paragraph that is nested two or more levels below its
    enclosing numbered level, e.g. "4.1.1.1" directly under "4.1".

    ## Why is this bad?
    The intermediate level ("4.1.1") does not exist, so the outline has a hole; it usually
    comes from a copied paragraph that kept the numbering of another document.

    ## Example
    ```
    4.1      CWG-Internet-12/4: Contribution by …
    4.1.1.1  Summary
    ```

    ## Use instead
    ```
    4.1    CWG-Internet-12/4: Contribution by …
    4.1.1  Summary
    ```
    """,
)
def level_skip(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["NUM003"]
    for item in ctx.numbered:
        if _depth(item.key) > _depth(item.parent) + 1:
            where = f"under {item.parent}" if item.parent else "at the top level"
            missing = ".".join(item.key.split(".")[: _depth(item.parent) + 1])
            yield r.diagnostic(
                ctx,
                f"{_what(item)} {item.key} is nested {_depth(item.key) - _depth(item.parent)} levels {where} (no {missing})",
                _loc(ctx, item),
                _excerpt(ctx, item),
            )


@rule(
    code="NUM004",
    name="inconsistent-number-style",
    severity=Severity.WARNING,
    summary='Numbers of one level are written in different styles ("4.4." beside "4.3").',
    docs="""
    ## What it does
    Compares how sibling numbers are typed (sections and numbered paragraphs alike, within
    one parent: "4.3" and "4.4." under section 4): with or without a trailing dot. The
    minority style is reported; on a tie, the style of the first number wins. Numbers under
    different parents are not compared: published ITU reports write "1.1." in one section and
    "2.1" in the next, and that is the document's own style, not an error.

    ## Why is this bad?
    Siblings in two styles ("4.3" then "4.4.") are a sign of text pasted from other drafts,
    look careless in a published record and trip up downstream tools that match numbers as
    text.

    ## Example
    ```
    4.3   CWG-Internet-12/3: Contribution by …
    4.4.  CWG-Internet-12/5: Contribution by Canada …
    ```

    ## Use instead
    ```
    4.3   CWG-Internet-12/3: Contribution by …
    4.4   CWG-Internet-12/5: Contribution by Canada …
    ```
    """,
)
def inconsistent_number_style(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["NUM004"]
    siblings: dict[tuple[int, str], list[NumberedItem]] = defaultdict(list)
    for item in ctx.numbered:
        if item.raw:
            siblings[(item.depth, item.key.rpartition(".")[0])].append(item)
    for (_depth, _parent), items in sorted(siblings.items()):
        styles = Counter(it.raw.endswith(".") for it in items)  # type: ignore[union-attr]
        if len(styles) < 2:
            continue
        dotted, plain = styles[True], styles[False]
        majority = items[0].raw.endswith(".") if dotted == plain else dotted > plain  # type: ignore[union-attr]
        examples = [it.raw for it in items if it.raw.endswith(".") == majority and not _SPACED.search(it.raw)][:3]  # type: ignore[union-attr]
        shown = ", ".join(f'"{e}"' for e in examples)
        for it in items:
            if it.raw.endswith(".") == majority:  # type: ignore[union-attr]
                continue
            how = "with a trailing dot" if not majority else "without a trailing dot"
            most = "without one" if not majority else "with one"
            yield r.diagnostic(
                ctx,
                f'{_what(it)} number "{it.raw}" is written {how}; most of its siblings are written {most} ({shown})',
                _loc(ctx, it),
                _excerpt(ctx, it),
            )


@rule(
    code="NUM005",
    name="space-in-number",
    severity=Severity.WARNING,
    summary='A section number has a space inside it ("4. 1").',
    docs="""
    ## What it does
    Reports section and paragraph numbers typed with a space or tab between their parts,
    such as "4. 1" or "4 .1".

    ## Why is this bad?
    A reader sees "4." followed by a paragraph starting with "1"; search, cross-references and
    automatic numbering do not recognise the number.

    ## Example
    ```
    4. 1	CWG-Internet-12/4: Contribution by the Russian Federation …
    ```

    ## Use instead
    ```
    4.1	CWG-Internet-12/4: Contribution by the Russian Federation …
    ```
    """,
)
def space_in_number(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["NUM005"]
    for item in ctx.numbered:
        if item.raw and _SPACED.search(item.raw):
            yield r.diagnostic(
                ctx,
                f'{_what(item)} number "{item.raw}" has a space inside it (should be "{item.key}")',
                _loc(ctx, item),
                _excerpt(ctx, item),
            )


@rule(
    code="NUM006",
    name="number-out-of-order",
    severity=Severity.WARNING,
    summary="A number is lower than the one before it at the same level.",
    docs="""
    ## What it does
    Reports a section or paragraph number that goes backwards (4.3 after 4.5) without being
    a repeat of an earlier number (repeats are NUM002).

    ## Why is this bad?
    Sections moved during editing without renumbering leave the record in an order that does
    not match its numbers, so citations point to the wrong place.

    ## Example
    ```
    4.5  CWG-Internet-12/6: …
    4.3  CWG-Internet-12/3: …
    ```

    ## Use instead
    Renumber the sections in the order they appear, or move them back into number order.
    """,
)
def number_out_of_order(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from _sequence_rule(ctx, "order", "NUM006")

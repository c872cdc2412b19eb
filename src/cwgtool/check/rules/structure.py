"""STR: the parts every summary record is expected to have.

Section roles are recognised from titles ("Agenda", "Actions"/"Decisions", "Summary",
"Discussion") because records number them differently from one meeting to the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cwgtool.check.context import CheckContext
from cwgtool.check.registry import RULES, Diagnostic, Severity, rule
from cwgtool.model import Document, DocumentKind, Section
from cwgtool.symbols import find_symbols

AGENDA_TITLE = re.compile(r"\bagenda\b", re.IGNORECASE)
ACTIONS_TITLE = re.compile(r"\b(actions?|decisions?|conclusions?|outcomes?|action items?)\b", re.IGNORECASE)
CONTRIBUTION_TITLE = re.compile(r"\b(contribution|proposal|submitted by)\b", re.IGNORECASE)
SUMMARY_TITLE = re.compile(r"^\s*(summary|introduction of the (contribution|document))\b", re.IGNORECASE)
DISCUSSION_TITLE = re.compile(r"^\s*(discussions?|deliberations?|comments)\b", re.IGNORECASE)


def agenda_section(doc: Document) -> Section | None:
    """The first section whose title mentions the agenda (not "any other business" items)."""
    for s in doc.iter_sections():
        if AGENDA_TITLE.search(s.title or "") and not re.search(r"other business", s.title or "", re.IGNORECASE):
            return s
    return None


def actions_section(doc: Document) -> Section | None:
    for s in doc.iter_sections():
        if s.level == 1 and ACTIONS_TITLE.search(s.title or ""):
            return s
    return None


def is_within(section: Section | None, ancestor: Section) -> bool:
    """True when ``section`` is ``ancestor`` or nested in it (by number, the model's key)."""
    if section is None:
        return False
    if section is ancestor:
        return True
    if not section.number or not ancestor.number:
        return False
    return section.number.startswith(ancestor.number + ".")


def is_contribution_section(s: Section) -> bool:
    """A section introducing one contribution: its heading carries a symbol and says so."""
    title = s.title or ""
    return bool(find_symbols(title)) and bool(CONTRIBUTION_TITLE.search(title))


def _has_part(s: Section, pattern: re.Pattern[str]) -> bool:
    if any(pattern.search(c.title or "") for c in s.children):
        return True
    return any(pattern.match(p.text) and len(p.text) < 40 for p in s.paragraphs)


@rule(
    code="STR001",
    name="contribution-parts-missing",
    severity=Severity.WARNING,
    summary="A contribution section lacks its Summary or Discussion part.",
    docs="""
    ## What it does
    For each section whose heading introduces a contribution (a document symbol and the word
    "Contribution"/"Proposal"), checks that it has a "Summary" and a "Discussion" sub-part.
    Only summary records are checked.

    ## Why is this bad?
    Summary records separate what the authors submitted from what the meeting said about it.
    Without the split, readers (and the contributions extractor) cannot tell the proponent's
    text from the Group's discussion.

    ## Example
    ```
    4.1	CWG-Internet-12/4: Contribution by the Russian Federation …
    Some Member States supported the contribution …
    ```

    ## Use instead
    ```
    4.1	CWG-Internet-12/4: Contribution by the Russian Federation …
    4.1.1	Summary
    Russian Federation presented a contribution …
    4.1.2	Discussion
    Some Member States supported the contribution …
    ```
    """,
)
def contribution_parts_missing(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["STR001"]
    if ctx.doc.kind is not DocumentKind.SUMMARY_RECORD:
        return
    for s in ctx.doc.iter_sections():
        if not is_contribution_section(s):
            continue
        missing = [name for name, pat in (("Summary", SUMMARY_TITLE), ("Discussion", DISCUSSION_TITLE)) if not _has_part(s, pat)]
        if missing:
            yield r.diagnostic(
                ctx,
                f"contribution section {s.number or ''} has no {' and no '.join(missing)} part".replace("  ", " "),
                ctx.section_location(s),
                s.title[:80],
            )


@rule(
    code="STR002",
    name="required-section-missing",
    severity=Severity.WARNING,
    summary="A summary record has no agenda section or no actions/decisions section.",
    docs="""
    ## What it does
    Checks that a summary record has a section about the agenda (a title mentioning
    "agenda") and a first-level section recording actions, decisions or conclusions.
    Documents not recognised as summary records are not checked.

    ## Why is this bad?
    The agenda section records what the meeting adopted; the actions section is what the
    secretariat and Member States follow up on. Both are what readers look for first.

    ## Example
    ```
    1	Opening of the meeting
    2	Consideration of contributions
    3	Closing of the meeting
    ```

    ## Use instead
    ```
    1	Opening of the meeting
    2	Adoption of the agenda
    3	Consideration of contributions
    4	Actions
    5	Closing of the meeting
    ```
    """,
)
def required_section_missing(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["STR002"]
    doc = ctx.doc
    if doc.kind is not DocumentKind.SUMMARY_RECORD:
        return
    first = doc.sections[0] if doc.sections else None
    loc = ctx.section_location(first) if first else ctx.location(None)
    if agenda_section(doc) is None:
        yield r.diagnostic(ctx, "summary record has no agenda section (no section title mentions the agenda)", loc)
    if actions_section(doc) is None:
        yield r.diagnostic(ctx, "summary record has no actions, decisions or conclusions section", loc)


@rule(
    code="STR003",
    name="empty-section",
    severity=Severity.WARNING,
    summary="A section has a heading but no text and no sub-sections.",
    docs="""
    ## What it does
    Reports sections with no paragraphs and no sub-sections in summary records (agendas and
    contributions legitimately have title-only items).

    ## Why is this bad?
    An empty "Discussion" or "Summary" usually means text was lost when the record was
    assembled, or that a heading was left over from a template.

    ## Example
    ```
    4.1.2	Discussion
    4.2	CWG-Internet-12/8: Contribution by …
    ```

    ## Use instead
    Write the missing text, or say so explicitly ("There was no discussion.").
    """,
)
def empty_section(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["STR003"]
    if ctx.doc.kind is not DocumentKind.SUMMARY_RECORD:
        return  # agendas and contributions legitimately have title-only items
    for s in ctx.doc.iter_sections():
        if not s.paragraphs and not s.children:
            yield r.diagnostic(ctx, f"section {s.number or ''} \u201c{s.title[:60]}\u201d is empty".replace("  ", " "), ctx.section_location(s), s.title[:80])


_ACTOR = re.compile(
    r"\b(Group|CWG|Chair(?:man|woman|person)?|Vice-Chair(?:man|woman|s)?|[Ss]ecretariat|Secretary-General|"
    r"Director|Bureau|BDT|TSB|BR|Council(?:lors?)?|Member States?|Administrations?|delegat(?:e|ion)s?|"
    r"representatives?|participants|proponents?|co-sponsors|authors?|Sector Members?|Study Groups?|"
    r"Union|ITU|Sectors?|stakeholders|countries|[Cc]onvener|[Rr]apporteur|[Cc]oordinator)\b"
)


def _names_actor(text: str) -> bool:
    if _ACTOR.search(text):
        return True
    try:
        from cwgtool.countries import find_countries

        return bool(find_countries(text))
    except Exception:  # noqa: BLE001 - the country table is optional for this heuristic
        return False


@rule(
    code="STR004",
    name="action-without-actor",
    severity=Severity.WARNING,
    summary="An item in the actions section does not say who is to act.",
    docs="""
    ## What it does
    Checks every item of the actions/decisions section names who acts: the Group, the Chair,
    the secretariat, Member States, Council, a named country… It uses the action extractor's
    `actor` when that is available and otherwise looks for such a subject in the sentence.
    Only summary records are checked.

    ## Why is this bad?
    An action nobody owns is not followed up. "It was agreed to prepare a document" leaves
    open who prepares it and for when.

    ## Example
    ```
    6	Actions
    6.1	A document on connectivity costs will be prepared for the next meeting.
    ```

    ## Use instead
    ```
    6	Actions
    6.1	The secretariat will prepare a document on connectivity costs for the next meeting.
    ```
    """,
)
def action_without_actor(ctx: CheckContext) -> Iterator[Diagnostic]:
    r = RULES["STR004"]
    if ctx.doc.kind is not DocumentKind.SUMMARY_RECORD:
        return  # a contribution's "Action requested" asks the Group; it names no actor by design
    section = actions_section(ctx.doc)
    if section is None:
        return
    extracted = [a for a in ctx.doc.actions if a.source == "actions"]
    if extracted:
        for a in extracted:
            if a.actor:
                continue
            rb = next((b for b in ctx.raw_blocks if a.provenance is not None and b.paragraph is not None
                       and b.paragraph.provenance == a.provenance), None)
            loc = ctx.location(rb) if rb else ctx.section_location(section)
            yield r.diagnostic(ctx, f"action {a.id or ''} does not name who is to act".replace("  ", " "), loc, a.text[:80])
        return
    sections = [s for s in ctx.doc.iter_sections() if is_within(s, section)]
    for s in sections:
        for p in s.paragraphs:
            if p.text.rstrip().endswith(":"):
                continue  # an introductory "The Group agreed on the following:" line
            if not _names_actor(p.text):
                rb = ctx.block_of_paragraph(p)
                what = f"action {p.number}" if p.number else "action item"
                yield r.diagnostic(ctx, f"{what} does not name who is to act", ctx.location(rb, s), p.text[:80])

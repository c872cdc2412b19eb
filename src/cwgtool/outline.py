"""Blocks → the numbered section tree.

Records number their parts in many ways and numbers are also used for things that are not
sections (the "1 to ensure…" items quoted inside a summary, the "1. The use of community
networks" topics inside a contribution). The rule that separates them is *sequence*: a number
is a section (or a numbered paragraph) only when it fits where the outline currently is — the
next sibling of an open section (allowing small gaps), or the first child of one. Everything
else keeps its label as a list item. Headings are told apart from numbered paragraphs by form:
a heading is a style/bold hint or a line that does not read as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from cwgtool.blocks import Block, BlockKind
from cwgtool.labels import Label, LabelKind, classify_label, clean_text, split_label
from cwgtool.model import Paragraph, Provenance, Section
from cwgtool.symbols import find_symbols

MAX_GAP = 3  # a section number may skip at most this many siblings and still count
_SENTENCE_END = re.compile(r"[.;!?][\"'”’)]*\s*$")
# A contents line ends in its page number after dot leaders ("...", three dots or more), an
# ellipsis run ("……") or a tab. Each alternative starts with its character, so the regex engine
# skips ahead to those characters instead of trying every position.
_TOC_ENTRY = re.compile(r"(?:\.\.\.+|……+|\t)\s*\d{1,3}\s*$")
# A numbered line ending in ":" that opens with a subject and verb leads a list, it is not a
# heading: "4.2 The Group considered the topics one by one:".
_LEADS_LIST = re.compile(
    r"^(?:The|It|Some|Several|Many|One|A|An|This|These|They|He|She)\s+(?:[\w-]+\s+){0,4}?(?:\w+ed|was|were|is|are|has|have)\b"
)
# The same part titles written at the start of their first paragraph, with a colon.
_INLINE_PART = re.compile(
    r"^(?P<title>summary(?:\s+of\s+(?:the\s+)?(?:contribution|document|report|discussions?))?|discussions?"
    r"|(?:brief\s+)?summary\s+of\s+(?:the\s+)?discussions?)\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
_LETTERED_NUMBER = re.compile(r"^[\d.]*\.[a-z]$")
_TOC_TITLE = re.compile(r"^(table of )?contents$", re.IGNORECASE)
# The parts of a contribution's section, often unnumbered ("Summary" / "Discussion" on a line
# of their own): they become unnumbered child sections, as if they had been numbered 4.1.1/4.1.2.
PART_TITLE = re.compile(
    r"^(?:summary(?:\s+of\s+(?:the\s+)?(?:contribution|document|report|discussions?))?|discussions?|"
    r"(?:brief\s+)?summary\s+of\s+(?:the\s+)?discussions?)\s*:?$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Item:
    label: Label | None
    text: str
    block: Block
    # The label's section number as integers, parsed once: the outline passes read it many times.
    number: tuple[int, ...] | None = field(init=False)

    def __post_init__(self) -> None:
        if self.label is None or self.label.kind is not LabelKind.NUMBER:
            self.number = None
        else:
            self.number = tuple(int(p) for p in self.label.key.split("."))


@dataclass(slots=True)
class Outline:
    front_matter: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def to_provenance(block: Block) -> Provenance:
    p = block.provenance
    return Provenance(file=p.file, page=p.page, index=p.index, line=p.line, bbox=p.bbox)


def is_toc_entry(text: str) -> bool:
    """A table-of-contents line ("Opening of the meeting ....... 1"): the checker skips the same lines."""
    return _TOC_ENTRY.search(text) is not None


# "I Introduction", "II. Background": a capital roman numeral before a short heading numbers a
# top-level section (contributions often number their parts so). "ii)" stays a list label.
_ROMAN_HEADING = re.compile(r"^(?P<raw>(?P<rom>X?(?:IX|IV|V?I{0,3}))\.?)[ \t\u00a0]+(?P<rest>[A-Z][^.;!?]{0,90})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman_value(rom: str) -> int:
    total = 0
    for i, ch in enumerate(rom):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(rom) and _ROMAN_VALUES[rom[i + 1]] > v else v
    return total


def _roman_heading(text: str) -> tuple[Label, str] | None:
    m = _ROMAN_HEADING.match(text.strip())
    if m is None or not m["rom"]:
        return None
    return Label(LabelKind.NUMBER, m["raw"], str(_roman_value(m["rom"]))), m["rest"]


def _roman_not_letter(label: Label, roman_before: int, letter_before: str | None) -> bool:
    """Is "I.", "V." or "X." a roman part number rather than a capital letter?

    A roman numeral when it starts a run or continues the roman headings before it ("IV.
    Actions" then "V. Budget"); a letter when it continues the capital letters before it ("H."
    then "I.").
    """
    if label.kind is not LabelKind.LETTER or label.raw not in ("I.", "V.", "X."):
        return False
    previous_letter = chr(ord(label.key) - 1)
    return _roman_value(label.key) in (1, roman_before + 1) and letter_before != previous_letter


def _items(blocks: Iterable[Block]) -> list[_Item]:
    """Split labels off, drop table-of-contents lines, glue a lone number to its title."""
    items: list[_Item] = []
    pending: _Item | None = None
    roman = 0  # the value of the last roman part heading
    letter: str | None = None  # the last capital letter label
    for block in blocks:
        if block.label:
            label, text = classify_label(block.label), block.text
        else:
            label, text = split_label(block.text)
            if (
                label is None
                or (label.kind is LabelKind.ROMAN and label.raw.isupper() and label.raw.endswith("."))
                or _roman_not_letter(label, roman, letter)
            ):
                heading = _roman_heading(block.text)
                if heading is not None:
                    label, text = heading
                    roman = int(label.key)
            if label is not None and label.kind is LabelKind.LETTER and label.key.isupper():
                letter = label.key
        text = clean_text(text)
        if _TOC_TITLE.match(text) or (label and label.kind is LabelKind.NUMBER and is_toc_entry(block.text)):
            continue
        if pending is not None:
            if not text and label is None:
                continue
            if label is None and is_toc_entry(block.text):
                pending = None  # "1." alone, then "Opening of the meeting ....... 1": a contents line
                continue
            if label is None:
                items.append(_Item(pending.label, text, pending.block))
                pending = None
                continue
            items.append(pending)
            pending = None
        if not text:
            if label is not None and label.kind is LabelKind.NUMBER:
                pending = _Item(label, "", block)  # "1." alone on a line (PDF text)
            continue
        items.append(_Item(label, text, block))
    if pending is not None:
        items.append(pending)
    return items


# A line that titles the list after it, not the outline: "Subjects discussed" (a Council record's
# table of subjects and documents), "Contents".
_LIST_TITLE = re.compile(r"^(?:subjects\s+discussed|(?:table\s+of\s+)?contents|documents)\b", re.IGNORECASE)


def _mark_lists_before_body(items: list[_Item]) -> None:
    """Top-level numbers that list the document's subjects before its body are list items.

    Council summary records open with a table "Subjects discussed / Documents" numbered 1, 2, 3…
    and then number their body 1, 2, 3… again with paragraphs 1.1, 1.2. Left in place, the list
    would become the outline and the body's real sections would be refused. Numbered questions
    ("1. How will new technologies …?") are a list too."""
    tops = [i for i, it in enumerate(items) if it.number is not None and len(it.number) == 1]
    listed = _restarted_list(items, tops) | _list_after_title(items) | _numbered_questions(items, tops)
    for i in listed:
        it = items[i]
        label = it.label
        assert label is not None
        items[i] = _Item(Label(LabelKind.ITEM, label.raw, label.key), it.text, it.block)


def _restarted_list(items: list[_Item], tops: list[int]) -> set[int]:
    """A run of top-level numbers without any paragraph number, followed by a restart at 1 whose
    section has numbered paragraphs: the subjects table before the body."""
    ones = [i for i in tops if items[i].number == (1,)]
    if len(ones) < 2:
        return set()
    first, second = ones[0], ones[1]
    between = [i for i in range(first, second) if items[i].number is not None]
    after = [it for it in items[second:] if it.number is not None]
    if (
        len(between) >= 2
        and all(len(items[i].number or ()) == 1 for i in between)
        and any(len(it.number or ()) >= 2 for it in after)
    ):
        return set(between)
    return set()


def _list_after_title(items: list[_Item]) -> set[int]:
    """The run 1, 2, 3… right after a line that titles a list ("Subjects discussed")."""
    listed: set[int] = set()
    for i, it in enumerate(items):
        if it.label is None and _LIST_TITLE.match(it.text) and len(it.text) < 60:
            expect = 1
            j = i + 1
            while j < len(items) and (items[j].number == (expect,) or items[j].label is None and items[j].text.lower() == "documents"):
                if items[j].number is not None:
                    listed.add(j)
                    expect += 1
                j += 1
    return listed


def _numbered_questions(items: list[_Item], tops: list[int]) -> set[int]:
    """Top-level numbered questions with another within three items: "1. How …?" "2. What …?"."""
    questions = [i for i in tops if items[i].text.rstrip().endswith("?")]
    return {i for i in questions if any(j != i and abs(j - i) <= 3 for j in questions)}


def _is_heading_form(item: _Item) -> bool:
    text = item.text
    if item.block.kind is BlockKind.HEADING or (item.block.style or "").lower().startswith(("heading", "title")):
        return len(text) < 400
    if item.block.bold and len(text) < 300:
        return True
    if text.rstrip().endswith(":") and (len(text) > 60 or _LEADS_LIST.match(text)):
        return False  # "The secretariat introduced … in the following areas:" leads a list
    return not _SENTENCE_END.search(text) and len(text) < 400


class _Builder:
    def __init__(self) -> None:
        self.outline = Outline()
        self.stack: list[tuple[tuple[int, ...], Section]] = []  # open numbered sections, outermost first
        self.current: Section | None = None  # where paragraphs go (may be a lettered sub-section)
        # numbers refused as headings since the last heading, by depth: (last number, run length)
        self.refused: dict[int, tuple[int, int]] = {}

    # -- sequence rules -------------------------------------------------------------------------
    def _last_child_number(self, parent: tuple[int, ...]) -> int | None:
        siblings = self.outline.sections if not parent else None
        if siblings is None:
            for num, sec in self.stack:
                if num == parent:
                    siblings = sec.children
                    break
        if not siblings:
            return None
        for sec in reversed(siblings):
            if sec.number and sec.number.replace(".", "").isdigit() and sec.number.count(".") == len(parent):
                return int(sec.number.split(".")[-1])
        return None

    def _open_numbers(self) -> list[tuple[int, ...]]:
        return [num for num, _ in self.stack]

    def refuse(self, num: tuple[int, ...]) -> None:
        last, run = self.refused.get(len(num), (0, 0))
        self.refused[len(num)] = (num[-1], run + 1 if num[-1] == last + 1 else 1)

    def continues_list(self, num: tuple[int, ...]) -> bool:
        """True when ``num`` continues a run of ≥3 numbers already refused as headings here
        (the "1.", "2.", … "5." topics listed inside a contribution's summary)."""
        last, run = self.refused.get(len(num), (0, 0))
        return run >= 3 and num[-1] == last + 1

    def numbers_paragraphs(self) -> bool:
        """True at the start, or when the top-level sections so far are numbered paragraphs."""
        return not self.outline.sections or self.outline.sections[-1].title == ""

    def fits_heading(self, num: tuple[int, ...]) -> bool:
        parent = num[:-1]
        if parent and parent not in self._open_numbers():
            # a level skip ("4.1" then "4.1.1.1") is tolerated when an ancestor is open
            if not any(num[: len(o)] == o for o in self._open_numbers()):
                return False
            return num[-1] <= 2
        last = self._last_child_number(parent)
        if last is None:
            return num[-1] <= 2 or (not parent and not self.outline.sections and num[-1] <= MAX_GAP)
        return last < num[-1] <= last + MAX_GAP

    def fits_paragraph(self, num: tuple[int, ...]) -> bool:
        return len(num) >= 2 and num[:-1] in self._open_numbers()

    # -- tree building --------------------------------------------------------------------------
    def open_section(self, num: tuple[int, ...], title: str, item: _Item) -> Section:
        while self.stack and not (num[: len(self.stack[-1][0])] == self.stack[-1][0] and len(self.stack[-1][0]) < len(num)):
            self.stack.pop()
        section = Section(
            number=".".join(map(str, num)),
            title=title,
            level=len(num),
            provenance=to_provenance(item.block),
        )
        (self.stack[-1][1].children if self.stack else self.outline.sections).append(section)
        self.stack.append((num, section))
        self.current = section
        self.refused.clear()
        return section

    def add_paragraph(self, paragraph: Paragraph, owner_number: tuple[int, ...] | None = None) -> None:
        if owner_number is not None:
            while self.stack and self.stack[-1][0] != owner_number:
                self.stack.pop()
            owner = self.stack[-1][1] if self.stack else None
            # "(a) Topic on …" followed by "4.3 Several Member States …": the numbered paragraph
            # stays in the lettered sub-section of its owner
            lettered = (
                self.current is not None
                and owner is not None
                and self.current.number is not None
                and _LETTERED_NUMBER.match(self.current.number) is not None
                and any(c is self.current for c in owner.children)
            )
            if not lettered:
                self.current = owner
        if self.current is None:
            self.outline.front_matter.append(paragraph)
        else:
            self.current.paragraphs.append(paragraph)

    def open_part(self, title: str, item: _Item) -> bool:
        """An unnumbered "Summary"/"Discussion" part of the innermost numbered section."""
        if not self.stack:
            return False
        parent = self.stack[-1][1]
        part = Section(number=None, title=title.rstrip(" :"), level=parent.level + 1, provenance=to_provenance(item.block))
        parent.children.append(part)
        self.current = part
        return True

    def open_lettered(self, letter: str, title: str, item: _Item) -> None:
        parent = self.stack[-1][1] if self.stack else None
        if parent is None:
            self.add_paragraph(_paragraph(item))
            return
        sub = Section(
            number=f"{parent.number}.{letter}",
            title=title,
            level=parent.level + 1,
            provenance=to_provenance(item.block),
        )
        parent.children.append(sub)
        self.current = sub


def _paragraph(item: _Item, number: str | None = None) -> Paragraph:
    label = None
    text = item.text
    if number is None and item.label is not None:
        label = item.label.raw
    return Paragraph(number=number, label=label, text=text, provenance=to_provenance(item.block))


def _lettered_runs(items: Sequence[_Item], is_section_break: list[bool], is_numpara: list[bool] | None = None) -> set[int]:
    """Indexes of lettered items that head sub-sections rather than list items.

    A run of letters (a, b, c… within one section) heads sub-sections when some letter other
    than the last owns unlabelled paragraphs before the next letter: that is the "a. Concerning
    the topic on …" pattern. Lists of questions ("a) what…", "b) how…") own nothing.
    """
    heads: set[int] = set()
    run: list[int] = []

    def owns(idx: int, next_idx: int) -> bool:
        return any(items[j].label is None or (is_numpara is not None and is_numpara[j]) for j in range(idx + 1, next_idx))

    def close(end: int) -> None:
        if not run:
            return
        bounds = [*run[1:], end]
        owning = [owns(i, b) for i, b in zip(run, bounds, strict=True)]
        if (len(run) >= 2 and any(owning[:-1])) or (
            len(run) == 1 and owning[0] and items[run[0]].label.raw.endswith(".")  # type: ignore[union-attr]
        ):
            heads.update(run)
        run.clear()

    for i, item in enumerate(items):
        if is_section_break[i]:
            close(i)
            continue
        lab = item.label
        if lab is not None and lab.kind is LabelKind.LETTER:
            expected = chr(ord(items[run[-1]].label.key.lower()) + 1) if run else "a"  # type: ignore[union-attr]
            if lab.key.lower() == expected:
                run.append(i)
            elif lab.key.lower() == "a":
                close(i)
                run.append(i)
    close(len(items))
    return heads


def _number_styled_headings(items: list[_Item]) -> None:
    """Unnumbered Word headings ("Heading 1"/"Heading 2" styles, no typed or automatic number):
    number them by their heading level and order, so the tree is built as if Word had numbered
    them. Only when nothing in the document is numbered like a section already (no numbered
    heading, no "1.1" paragraph) — a record mixing the two keeps its own numbers."""
    if any(it.number is not None and (len(it.number) >= 2 or it.block.kind is BlockKind.HEADING) for it in items):
        return
    heads = [
        i for i, it in enumerate(items)
        if it.label is None and it.block.kind is BlockKind.HEADING and not PART_TITLE.match(it.text)
        and ((it.block.level and 1 <= it.block.level <= 6) or it.block.font_size)
    ]  # fmt: skip
    heads = [i for i in heads if not (items[i].block.style or "").lower().startswith(("title", "subtitle"))]
    levels = {i: items[i].block.level for i in heads if items[i].block.level}
    if levels:  # Word heading levels known: the font size of other lines says nothing
        heads = [i for i in heads if i in levels]
    sized = [i for i in heads if i not in levels]
    if sized:  # PDF: heading levels from font size, largest first; a lone first, largest line is the title
        if len(sized) >= 2:
            first = items[sized[0]].block.font_size or 0
            if all(first > (items[i].block.font_size or 0) for i in sized[1:]):
                heads.remove(sized[0])
                sized = sized[1:]
        ranks = sorted({items[i].block.font_size or 0 for i in sized}, reverse=True)
        levels.update({i: ranks.index(items[i].block.font_size or 0) + 1 for i in sized})
    if len(heads) < 2:
        return
    top = min(levels[i] for i in heads)
    counters: list[int] = []
    for i in heads:
        depth = levels[i] - top + 1
        depth = min(depth, len(counters) + 1)  # a skipped level ("Heading 1" → "Heading 3") nests once
        counters = counters[:depth]
        if len(counters) < depth:
            counters.append(0)
        counters[-1] += 1
        key = ".".join(map(str, counters))
        items[i] = _Item(Label(LabelKind.NUMBER, "", key), items[i].text, items[i].block)


def _reads_as_paragraph(item: _Item, numpara_depths: set[int], last: bool, sibling_was_paragraph: bool) -> bool:
    """A long numbered line that stops without a full stop is a paragraph cut short, not a
    heading, when the document numbers its paragraphs at that depth ("2.1.Since PP-14 the Group
    facilitated inputs from … and the 20" at the end of a copied opening). Headings that name a
    document ("4. 1 CWG-Internet-12/4: Contribution by …") stay headings."""
    num = item.number
    if num is None or item.block.kind is BlockKind.HEADING or item.block.bold:
        return False
    words = len(item.text.split())
    if last and len(num) >= 2 and (words >= 12 or sibling_was_paragraph):
        return True
    return len(num) in numpara_depths and words >= 16 and not find_symbols(item.text)


def _heading_like(item: _Item, first_section: bool) -> bool:
    """A line that can be the heading whose number was lost: "- Introduction" (Word numbering
    turned into a bullet) or, once the outline has begun, a short unnumbered title line."""
    if item.number is not None or not item.text or len(item.text) > 200 or _SENTENCE_END.search(item.text):
        return False
    if item.label is not None:
        return item.label.kind is LabelKind.BULLET and item.label.raw in "-–•·"
    return len(item.text.split()) <= (8 if first_section else 20)


# How the first pass reads each item: a section heading, a numbered paragraph, a numbered
# paragraph whose section number was lost ("implied"), the line that is that lost section's title,
# or anything else.
_Role = Literal["heading", "numpara", "implied", "implied-title", "other"]


def build_outline(blocks: Iterable[Block]) -> Outline:
    items = _items(blocks)
    _number_styled_headings(items)
    _mark_lists_before_body(items)
    # The roles are decided first, over the whole document, so that lettered runs can be scoped
    # by the headings around them.
    roles, implied = _roles(items)
    lettered = _lettered_runs(items, [r == "heading" for r in roles], [r == "numpara" for r in roles])
    return _build(items, roles, implied, lettered)


def _roles(items: list[_Item]) -> tuple[list[_Role], dict[int, tuple[int, ...]]]:
    """The role of each item, and for each implied section the number it implies, by index (the
    number of a section whose heading was lost, read from "1.1 …" with no section 1)."""
    roles: list[_Role] = []
    implied: dict[int, tuple[int, ...]] = {}
    probe = _Builder()  # a throw-away tree: where the outline is, to judge whether a number fits
    numpara_depths: set[int] = set()
    last_at_depth: dict[int, str] = {}  # how the last number of each depth was read
    for i, item in enumerate(items):
        num = item.number
        role: _Role = "other"
        if num is not None:
            hinted = item.block.kind is BlockKind.HEADING
            fits = probe.fits_heading(num) and (hinted or not probe.continues_list(num))
            as_paragraph = _reads_as_paragraph(item, numpara_depths, i == len(items) - 1, last_at_depth.get(len(num)) == "numpara")
            if _is_heading_form(item) and fits and not as_paragraph:
                role = "heading"
                probe.open_section(num, item.text, item)
            elif probe.fits_paragraph(num):
                role = "numpara"
            elif len(num) == 1 and fits and probe.numbers_paragraphs() and probe.refused.get(1) is None:
                role = "heading"  # documents numbering paragraphs "1", "2"…: a section without a title
                probe.open_section(num, "", item)
            elif len(num) == 2 and num[1] <= 2 and probe.fits_heading(num[:1]):
                # "1.1 …" with no section 1: the heading's number was lost (Word numbering not
                # copied, "- Introduction") or the heading itself is missing. The line just
                # before, when it reads as a heading, is that section's title.
                j = i - 1
                first = not probe.outline.sections
                if j >= 0 and roles[j] == "other" and _heading_like(items[j], first):
                    roles[j] = "implied-title"
                    implied[j] = num[:1]
                    probe.open_section(num[:1], items[j].text, items[j])
                else:
                    implied[i] = num[:1]
                    probe.open_section(num[:1], "", item)
                role = "implied" if i in implied else "numpara"
            else:
                probe.refuse(num)
            if role in ("numpara", "implied"):
                numpara_depths.add(len(num))
            last_at_depth[len(num)] = "numpara" if role in ("numpara", "implied") else role
        roles.append(role)
    return roles, implied


def _build(items: list[_Item], roles: list[_Role], implied: dict[int, tuple[int, ...]], lettered: set[int]) -> Outline:
    """The section tree, each item placed by its role."""
    builder = _Builder()
    for i, item in enumerate(items):
        role = roles[i]
        num = item.number
        if role == "implied-title":
            builder.open_section(implied[i], item.text, item)
        elif role == "implied" and num is not None:
            builder.open_section(implied[i], "", item)
            builder.add_paragraph(_paragraph(item, item.label.key), owner_number=num[:-1])  # type: ignore[union-attr]
        elif role == "heading" and num is not None:
            if _is_heading_form(item):
                builder.open_section(num, item.text, item)
            else:
                builder.open_section(num, "", item)
                builder.current.paragraphs.append(_paragraph(item, item.label.key))  # type: ignore[union-attr]
        elif role == "numpara" and num is not None:
            builder.add_paragraph(_paragraph(item, item.label.key), owner_number=num[:-1])  # type: ignore[union-attr]
        elif i in lettered and item.label is not None:
            builder.open_lettered(item.label.key.lower(), item.text, item)
        elif item.label is None and PART_TITLE.match(item.text) and builder.open_part(item.text, item):
            pass
        elif item.label is None and (inline := _INLINE_PART.match(item.text)) and builder.open_part(inline["title"], item):
            # "Summary: The contribution proposes …": the part's title and its first paragraph
            builder.add_paragraph(
                Paragraph(number=None, label=None, text=inline["rest"], provenance=to_provenance(item.block))
            )
        else:
            builder.add_paragraph(_paragraph(item))
    return builder.outline

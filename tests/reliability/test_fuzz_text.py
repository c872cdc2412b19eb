"""Property-based tests: the text reader and the outline builder accept any text.

Generated documents mix what real pasted records contain — numbering in every style ("1.1.",
"4. 1", "a)", "iv."), bullets, page furniture — with what they should never contain but
sometimes do: NUL and control characters, RTL text, combining marks, very long lines.
Only invariants that truly hold for every input are asserted.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cwgtool.api import parse
from cwgtool.model import Section
from cwgtool.outline import build_outline
from cwgtool.readers.text import read_text

LABELS = st.sampled_from(
    ["1.", "1.1", "1.1.", "2.3.4", "4. 1", "10)", "a)", "(b)", "iv.", "A.", "•", "-", "–", "*", "1", "§ 3", "Annex 1", ""]
)
WORDS = st.sampled_from(
    [
        "The", "Chair", "noted", "Member States", "contribution", "CWG-FHR-5/3", "agreed.", "Russian Federation:",
        "مجلس", "اتحاد", "שלום", "é", "e\u0301", "\u202e", "\u200f", "\x00", "\x07", "\x1b[0m", "\ufeff", "\u00ad",
        "Page 2 of 9", "- 3 -", ":", ";", "…", "“quoted”", "\t", "\f", "\u2028", "\x85",
    ]
)
LINE = st.one_of(
    st.tuples(LABELS, st.lists(WORDS, max_size=12)).map(lambda t: (t[0] + " " + " ".join(t[1])).rstrip()),
    st.text(max_size=80),
    st.just(""),
    st.builds(lambda w, n: (w + " ") * n, WORDS, st.integers(200, 2000)),  # very long lines
)
DOCUMENT = st.lists(LINE, max_size=40).map("\n".join) | st.lists(LINE, max_size=40).map("\r\n".join)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _walk(sections: list[Section]) -> Iterator[Section]:
    for s in sections:
        yield s
        yield from _walk(s.children)


@FUZZ
@given(DOCUMENT)
def test_text_reader_invariants(text: str) -> None:
    result = read_text(text, display_name="fuzz.txt")
    assert result.format == "text"
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    previous = 0
    for i, b in enumerate(result.blocks):
        assert b.text.strip(), "blocks are never blank"
        assert b.text == b.text.rstrip()
        assert b.provenance.index == i and b.provenance.file == "fuzz.txt"
        assert b.provenance.line is not None and previous < b.provenance.line <= len(lines)
        previous = b.provenance.line
        assert lines[b.provenance.line - 1].replace("\f", "").strip()[:20] in b.text or "\f" in text


@FUZZ
@given(DOCUMENT)
def test_outline_invariants(text: str) -> None:
    blocks = read_text(text, display_name="fuzz.txt").blocks
    outline = build_outline(blocks)
    sections = list(_walk(outline.sections))
    for s in sections:
        for child in s.children:
            assert child.level > s.level
        for p in s.paragraphs:
            assert p.text.strip() or p.number or p.label, "a paragraph carries text or at least its number"
    for p in outline.front_matter:
        assert p.text.strip() or p.label
    # nothing is duplicated: each block is used at most once
    used = [p.provenance.index for s in sections for p in s.paragraphs] + [p.provenance.index for p in outline.front_matter]
    used += [s.provenance.index for s in sections if s.provenance is not None and s.title]
    assert len([i for i in used if i is not None]) <= len(blocks) + len(sections)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENT)
def test_whole_pipeline_never_raises_on_text(text: str) -> None:
    doc = parse("fuzz.txt", text=text)
    assert doc.source.format == "text"

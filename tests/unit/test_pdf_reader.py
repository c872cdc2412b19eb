"""PDF reader on real files: record fixtures, a tiny hand-written PDF, the foreign corpus.

The hand-written PDF uses the unembedded standard fonts, so the test controls exactly where
every line, hyphen, page number and running head is, and nothing binary needs committing.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from cwgtool import readers
from cwgtool.blocks import BlockKind, ReadResult
from cwgtool.errors import InputError
from cwgtool.labels import LabelKind, split_label
from cwgtool.readers.pdf import ENCRYPTED, NO_PAGES, NO_TEXT, read
from tests.conftest import FOREIGN, committed, needs_shared, shared_files
from tests.reliability.helpers import fixture_module

RECORD_PDFS = committed("fixtures/records/*/*.pdf")
# every PDF fixture: records, contribution documents, the invented meeting
FIXTURE_PDFS = sorted(
    {*RECORD_PDFS, *committed("fixtures/contributions/*/*.pdf"), *committed("fixtures/meetings/*/*.pdf")}
)
ENGINES = ("pdfplumber", "pdfium")

# --- a minimal PDF writer -----------------------------------------------------------------

# (x, top, text, bold, size); text may hold "\t" to place the rest at x + 18 (a tab stop)
Item = tuple[float, float, str, bool, float]
PAGE_W, PAGE_H = 595.0, 842.0


def _esc(s: str) -> bytes:
    raw = s.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(path: Path, pages: list[list[Item]], *, compress: bool = True) -> Path:
    streams = []
    for items in pages:
        ops = []
        for x, top, text, bold, size in items:
            font = b"/F2" if bold else b"/F1"
            y = PAGE_H - top - size
            head, _, tail = text.partition("\t")
            ops.append(b"BT %s %g Tf %g %g Td (%s) Tj ET" % (font, size, x, y, _esc(head)))
            if tail:
                ops.append(b"BT %s %g Tf %g %g Td (%s) Tj ET" % (font, size, x + 18, y, _esc(tail)))
        streams.append(b"\n".join(ops))
    return write_pdf_streams(path, streams, compress=compress)


def write_pdf_streams(path: Path, streams: list[bytes], *, compress: bool = True) -> Path:
    """A PDF with one page per content stream; fonts /F1 Helvetica and /F2 Helvetica-Bold."""
    objs: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # pages, filled below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for stream in streams:
        if compress:
            stream = zlib.compress(stream)
            objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream))
        else:
            objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objs)
        objs.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (PAGE_W, PAGE_H, content)
        )
        kids.append(len(objs))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    path.write_bytes(fixture_module("make_pdf").serialise(objs))
    return path


STAMP = r"P:\ENG\SG\COUNCIL\CWG-INTERNET\12\010E.docx (451234)"
SYMBOL = "CWG-Internet-12/10-E"


def record_pages() -> list[list[Item]]:
    """Three pages shaped like an ITU record rendered from Word."""

    def body(top: float, *lines: str, x: float = 72, bold: bool = False) -> list[Item]:
        return [(x, top + 13 * i, t, bold, 11) for i, t in enumerate(lines)]

    p1 = [
        (72, 60, "Council Working Group on International Internet-related Public Policy Issues", True, 12),
        (72, 90, "Document CWG-Internet-12/10-E", True, 11),
        (72, 120, "SUMMARY RECORD OF THE TWELFTH MEETING", True, 14),
        (72, 160, "1.", True, 11),
        (72, 173, "Introduction", True, 11),
        *body(200, "1.1\tThe Chairman welcomed the participants to the twelfth meeting and recalled that the decision-",
              "making community had been consulted on Internet-",
              "related public policy issues by e-mail and through the ITU-",
              "T study groups."),
        *body(260, "The following points were raised:"),
        *body(273, "\u2022\tthe need for affordable access;", "\u2022\tmultilingualism on the Internet."),
        *body(310, "a)\tthe first lettered item;"),
        *body(340, "2\tAgenda", bold=True),
        *body(367, "2.1\tThe agenda was adopted as presented in the document that the secretariat had",
              "circulated before the meeting and Member States noted that the work of the group"),
        (72, 810, STAMP, False, 8),
    ]
    p2 = [
        (290, 30, "- 2 -", False, 11),
        (250, 44, SYMBOL, False, 11),
        *body(80, "should continue in the same format as before.", "2.2\tNo other business was raised."),
        *body(120, "3\tActions", bold=True),
        *body(147, "3.1\tThe secretariat will circulate the report."),
        (72, 810, STAMP, False, 8),
    ]
    p3 = [
        (290, 30, "- 3 -", False, 11),
        (250, 44, SYMBOL, False, 11),
        *body(80, "4\tClosing", bold=True),
        *body(107, "4.1\tThe Chairman closed the meeting."),
        (72, 810, STAMP, False, 8),
    ]
    return [p1, p2, p3]


@pytest.fixture(scope="module")
def record_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "record.pdf", record_pages())


# --- shared checks ------------------------------------------------------------------------

_PAGE_FURNITURE = re.compile(r"(?:^|\s)[-–]\s\d{1,3}\s[-–](?:\s|$)|Page \d+ of \d+|P:\\", re.IGNORECASE)


def comparable(res: ReadResult) -> tuple[object, ...]:
    return (
        [(b.text, b.kind, b.label, b.bold, round(b.font_size or 0), b.provenance.page) for b in res.blocks],
        res.headers_footers,
        res.warnings,
        res.pages,
    )


def assert_clean_body(res: ReadResult) -> None:
    for b in res.blocks:
        assert not _PAGE_FURNITURE.search(b.text), b.text
        assert b.text not in res.headers_footers, b.text


# --- the hand-written record --------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_hand_written_record(record_pdf: Path, engine: str) -> None:
    res = read(record_pdf, engine=engine, display_name="record.pdf")
    assert res.format == "pdf" and res.pages == 3
    # the stamp on each page, "- n -" and the symbol on pages 2 and 3
    assert res.warnings == ["7 line(s) on 3 page(s) removed as running heads, feet and page numbers"]
    assert res.headers_footers == [STAMP, "- 2 -", SYMBOL]
    assert_clean_body(res)
    texts = [b.text for b in res.blocks]
    assert "1. Introduction" in texts
    assert texts[texts.index("1. Introduction") + 1] == (
        "1.1 The Chairman welcomed the participants to the twelfth meeting and recalled that the decision-making"
        " community had been consulted on Internet-related public policy issues by e-mail and through the ITU-T"
        " study groups."
    )
    # one lowercase line-end break in three pages: not auto-hyphenated, so "decision-" keeps its hyphen
    items = [(b.label, b.text) for b in res.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [("\u2022", "the need for affordable access;"), ("\u2022", "multilingualism on the Internet."),
                     ("a)", "the first lettered item;")]
    # the paragraph that runs over the page break is one block, anchored on page 1
    [cont] = [b for b in res.blocks if b.text.startswith("2.1 ")]
    assert cont.text.endswith("the work of the group should continue in the same format as before.")
    assert cont.provenance.page == 1 and cont.provenance.file == "record.pdf"
    assert cont.provenance.bbox is not None and cont.provenance.bbox[1] > 300
    headings = [b.text for b in res.blocks if b.kind is BlockKind.HEADING]
    assert headings[-3:] == ["2 Agenda", "3 Actions", "4 Closing"]
    assert all(b.bold for b in res.blocks if b.text in headings)


def test_engines_agree_on_hand_written_record(record_pdf: Path) -> None:
    assert comparable(read(record_pdf, engine="pdfplumber")) == comparable(read(record_pdf, engine="pdfium"))


@pytest.mark.parametrize("engine", ENGINES)
def test_max_pages(record_pdf: Path, engine: str) -> None:
    res = read(record_pdf, engine=engine, max_pages=1)
    assert res.pages == 3 and {b.provenance.page for b in res.blocks} == {1}
    assert any("first 1 of 3" in w for w in res.warnings)


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_input_errors(tmp_path: Path, engine: str) -> None:
    """Through the readers' front door, which checks the file once before an engine sees it."""
    cases = {
        "empty.pdf": (b"", "empty file"),
        "page.pdf": (b"<!DOCTYPE html><html><body>404</body></html>", "named .pdf but the content is an HTML page, not a PDF"),
        "doc.pdf": (b"PK\x03\x04rest-of-zip", "named .pdf but the content is a ZIP archive, not a PDF"),
        "cut.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "corrupt PDF"),
    }
    for name, (data, reason) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError) as info:
            readers.read(tmp_path / name, pdf_engine=engine)
        assert info.value.reason.startswith(reason), (name, info.value.reason)
    with pytest.raises(InputError, match="no such file"):
        readers.read(tmp_path / "missing.pdf", pdf_engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_text_layer_is_an_input_error(tmp_path: Path, engine: str) -> None:
    with pytest.raises(InputError) as info:
        read(write_pdf(tmp_path / "blank.pdf", [[]]), engine=engine)
    assert info.value.reason == NO_TEXT and info.value.exit_code == 3


def test_unknown_engine(record_pdf: Path) -> None:
    with pytest.raises(ValueError, match="engine"):
        read(record_pdf, engine="poppler")


# --- committed record fixtures ------------------------------------------------------------


def _outline_numbers(pdf: Path) -> list[str]:
    """Section numbers typed in the fixture's text twin (the source of the rendered PDF)."""
    txt = pdf.with_suffix(".txt")
    if not txt.exists():
        return []
    numbers = []
    for line in txt.read_text(encoding="utf-8").splitlines():
        label, _ = split_label(line)
        if label is not None and label.kind is LabelKind.NUMBER and ("." in label.raw or "\t" in line):
            numbers.append(label.key)
    return numbers


@pytest.mark.parametrize("pdf", RECORD_PDFS, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("engine", ENGINES)
def test_record_fixture(pdf: Path, engine: str) -> None:
    res = read(pdf, engine=engine)
    assert res.blocks and len(res.warnings) == 1
    assert res.warnings[0].endswith(f"line(s) on {res.pages} page(s) removed as running heads, feet and page numbers")
    assert res.headers_footers, "running heads/feet expected"
    assert_clean_body(res)
    starts = {}
    for b in res.blocks:
        label, _ = split_label(b.text)
        if label is not None and label.kind is LabelKind.NUMBER:
            starts[label.key] = b
    missing = [n for n in _outline_numbers(pdf) if n not in starts]
    assert not missing, f"section numbers not at the start of a block: {missing}"
    # no paragraph split at a page break: a page's first block never continues a sentence
    for prev, b in zip(res.blocks, res.blocks[1:], strict=False):
        if b.provenance.page != prev.provenance.page and b.kind is BlockKind.PARAGRAPH:
            assert not b.text[:1].islower(), (prev.text[-60:], b.text[:60])


@pytest.mark.parametrize("pdf", FIXTURE_PDFS, ids=lambda p: p.name)
def test_engine_equivalence(pdf: Path) -> None:
    """The gate for pdfium as the default engine: same blocks (text, kind, label, heading
    hints) and the same furniture removed, on every PDF fixture."""
    assert comparable(read(pdf, engine="pdfplumber")) == comparable(read(pdf, engine="pdfium"))


# --- foreign corpus -----------------------------------------------------------------------

FOREIGN_PDFS = shared_files("corpus/foreign/*.pdf")


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("pdf", FOREIGN_PDFS, ids=lambda p: p.name)
@pytest.mark.parametrize("engine", ENGINES)
def test_foreign_reads_or_input_error(pdf: Path, engine: str) -> None:
    try:
        res = read(pdf, engine=engine)
    except InputError as exc:
        assert exc.reason
        return
    assert res.format == "pdf"
    for b in res.blocks:
        assert b.text.strip() or b.label


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("engine", ENGINES)
def test_foreign_encrypted(engine: str) -> None:
    pdf = FOREIGN / "pdfplumber__password-example.pdf"
    with pytest.raises(InputError) as info:
        read(pdf, engine=engine)
    assert info.value.reason == ENCRYPTED
    with pytest.raises(InputError) as info:
        read(pdf, engine=engine, password="wrong")
    assert info.value.reason == ENCRYPTED
    res = read(pdf, engine=engine, password="test")
    assert res.pages == 4 and res.blocks


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("engine", ENGINES)
def test_foreign_no_text_layer(engine: str) -> None:
    with pytest.raises(InputError) as info:
        read(FOREIGN / "pdfplumber__issue-297-example.pdf", engine=engine)
    # pdfminer cannot follow this file's page tree (poppler and pdfium see one blank page)
    assert info.value.reason == (NO_PAGES if engine == "pdfplumber" else NO_TEXT)


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("engine", ENGINES)
def test_foreign_empty(engine: str) -> None:
    with pytest.raises(InputError, match="empty file"):
        readers.read(FOREIGN / "pdfplumber__empty.pdf", pdf_engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_cover_table_with_a_long_left_cell(tmp_path: Path, engine: str) -> None:
    """A two-cell cover whose left cell wraps close to the right one: on the second row the gap
    is only a tab stop wide, but it falls on the right cell's edge, so the cells stay apart."""
    left = ["Council Working Group on", "International Internet-related Public Policy", "Issues (CWG-Internet)"]
    right = ["Thirteenth meeting – Geneva, 17", "September 2019", "Document CWG-Internet-13/8-E"]
    items: list[Item] = []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        items += [(72, 60 + 13 * k, a, False, 11), (300, 60 + 13 * k, b, False, 11)]
    items += [(72, 140, "1.\tIntroduction", True, 11), (72, 160, "1.1\tThe meeting was opened.", False, 11)]
    pdf = write_pdf(tmp_path / "cover.pdf", [items])
    texts = [b.text for b in read(pdf, engine=engine).blocks]
    assert texts[:2] == [
        "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
        "Thirteenth meeting – Geneva, 17 September 2019 Document CWG-Internet-13/8-E",
    ]
    assert texts[2:] == ["1. Introduction", "1.1 The meeting was opened."]  # a label's tab is no column


@pytest.mark.parametrize("engine", ENGINES)
def test_plain_cover_and_heading_with_a_space(tmp_path: Path, engine: str) -> None:
    """Every line at the same spacing and size (paragraphs without spacing): the cover runs
    together, but "1 Adoption of the agenda" (number, plain space) after a short line is a
    heading, and the record title is found inside the joined cover."""
    import cwgtool

    lines = [
        "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)",
        "Sixteenth meeting – Geneva, 20 January 2022",
        "Document CWG-Internet-16/9-E",
        "Summary record of the sixteenth meeting",
        "1 Adoption of the agenda",
        "1.1\tThe agenda was adopted as amended.",
        "2 Closing",
        "2.1\tThe Chair closed the meeting on 20 January 2022 after thanking the participants of the",
        "12 delegations for their contributions.",
    ]
    pdf = write_pdf(tmp_path / "plain.pdf", [[(72, 60 + 13 * k, t, False, 11) for k, t in enumerate(lines)]])
    texts = [b.text for b in read(pdf, engine=engine).blocks]
    assert "1 Adoption of the agenda" in texts and "2 Closing" in texts
    # a wrapped line that starts with a number follows a full line: it stays in its paragraph
    assert texts[-1].endswith("participants of the 12 delegations for their contributions.")
    doc = cwgtool.parse(pdf, pdf_engine=engine)
    assert (doc.kind.value, doc.title, doc.meeting.number) == ("summary_record", "Summary record of the sixteenth meeting", 16)
    assert [s.title for s in doc.sections] == ["Adoption of the agenda", "Closing"]

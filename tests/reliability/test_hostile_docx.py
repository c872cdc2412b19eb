"""Hostile DOCX: external entities, entity expansion, zip bombs and deep nesting are refused
before anything is fetched, expanded or parsed — and the refusal is a clean one-line error."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from cwgtool.errors import InputError, LimitError
from cwgtool.limits import Limits
from cwgtool.readers import docx as docx_reader
from cwgtool.readers import read
from tests.reliability.helpers import (
    BILLION_LAUGHS_DOCUMENT,
    EXIT_INPUT,
    EXIT_LIMIT,
    W_NS,
    XXE_DOCUMENT,
    assert_clean_failure,
    cli,
    docx_bytes,
    empty_paragraphs_docx,
    numbered_docx,
    simple_document,
    zip_bomb_docx,
)

REFUSED = "DOCX contains a DTD/entity declaration; refused (in word/document.xml)"

# The whole table also runs with a warm cache holding the same bytes (tests/reliability/conftest.py).
pytestmark = pytest.mark.usefixtures("cache_mode")


def test_xxe_in_any_encoding_the_parser_reads_is_refused(tmp_path: Path) -> None:
    """However the part spells "<!DOCTYPE" in bytes (UTF-7: "+ADwAIQ-DOCTYPE"), the parsed part
    has a doctype, and is refused."""
    utf7 = XXE_DOCUMENT.replace('encoding="UTF-8"', 'encoding="UTF-7"').encode("utf-7")
    document = utf7.replace(b"<!", b"+ADwAIQ-")  # "<!" written the other way UTF-7 allows
    assert b"<!DOCTYPE" not in document and b"<!ENTITY" not in document
    path = tmp_path / "xxe-utf7.docx"
    path.write_bytes(docx_bytes(document))
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.reason == REFUSED


def test_xxe_docx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.docx"
    path.write_bytes(docx_bytes(XXE_DOCUMENT))
    run = cli(["parse", str(path)])
    assert_clean_failure(run, path, EXIT_INPUT, REFUSED)
    assert "root:" not in run.stdout + run.stderr


def _with_header(header_xml: bytes) -> bytes:
    """A python-docx document with a running head, whose header part is replaced by ``header_xml``."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Body")
    doc.sections[0].header.paragraphs[0].text = "Running head"
    buf = io.BytesIO()
    doc.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            is_header = item.filename.startswith("word/header")
            dst.writestr(item.filename, header_xml if is_header else data)
    return out.getvalue()


def test_xxe_in_a_header_part_and_in_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe-header.docx"
    path.write_bytes(_with_header(XXE_DOCUMENT.replace("w:document", "w:hdr").encode("utf-16")))
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.reason == "DOCX contains a DTD/entity declaration; refused (in word/header1.xml)"


def test_a_member_no_relationship_leads_to_is_never_parsed(tmp_path: Path) -> None:
    """Only the parts the document refers to are expanded and parsed (and so checked): a stray
    member, even one declaring an entity, is not part of the document."""
    stray = XXE_DOCUMENT.replace("w:document", "w:hdr").encode("utf-16")
    path = tmp_path / "stray.docx"
    path.write_bytes(docx_bytes(simple_document("Body"), extra={"word/header9.xml": stray}))
    assert [b.text for b in read(path).blocks] == ["Body"]


def test_billion_laughs_docx_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "lol.docx"
    path.write_bytes(docx_bytes(BILLION_LAUGHS_DOCUMENT))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(InputError) as info:
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.reason == REFUSED
    # refused before any expansion: the memory peak says so; the time bound only catches an
    # expansion that was not refused (minutes), so it is generous enough for any busy machine
    assert peak < 20 * 1024 * 1024
    assert time.perf_counter() - started < 60
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, REFUSED)


def test_zip_bomb_refused_before_expansion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb_docx(32 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    # nothing may be decompressed at all: fail loudly if any member is opened
    def no_open(*_a: object, **_k: object) -> None:
        raise AssertionError("a member was opened before the central-directory check")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_open)
    with pytest.raises(LimitError) as info:
        docx_reader.read(path, limits=Limits())
    assert info.value.exit_code == EXIT_LIMIT
    assert "member word/document.xml expands" in info.value.reason
    assert info.value.reason.endswith("exceeds the 100:1 compression-ratio limit; raise it with --max-ratio or CWGTOOL_MAX_RATIO")
    monkeypatch.undo()
    run = cli(["parse", str(path)])
    assert_clean_failure(run, path, EXIT_LIMIT, "member word/document.xml expands ")
    run = cli(["parse", str(path)], env={"CWGTOOL_MAX_RATIO": "0", "CWGTOOL_MAX_UNZIPPED_BYTES": "16MB"})
    assert_clean_failure(
        run, path, EXIT_LIMIT,
        "expands to 32 MB, which exceeds the 16 MB uncompressed DOCX size limit; "
        "raise it with --max-unzipped-bytes or CWGTOOL_MAX_UNZIPPED_BYTES",
    )


def _nested(depth: int) -> str:
    inner = "<w:r><w:t>deep</w:t></w:r>"
    # w:document, w:body, w:p = 3 levels; each w:hyperlink adds one
    links = depth - 3 - 2
    return (
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p>' + "<w:hyperlink>" * links + inner
        + "</w:hyperlink>" * links + "</w:p></w:body></w:document>"
    )


def test_xml_depth_limit(tmp_path: Path) -> None:
    ok = tmp_path / "ok.docx"
    ok.write_bytes(docx_bytes(_nested(200)))
    assert [b.text for b in read(ok).blocks] == ["deep"]
    path = tmp_path / "deep.docx"
    path.write_bytes(docx_bytes(_nested(200)))
    run = cli(["parse", str(path)], env={"CWGTOOL_MAX_XML_DEPTH": "100"})
    assert_clean_failure(
        run, path, EXIT_LIMIT,
        "XML nesting in word/document.xml exceeds the 100 XML nesting depth limit; "
        "raise it with --max-xml-depth or CWGTOOL_MAX_XML_DEPTH",
    )
    deeper = tmp_path / "deeper.docx"
    deeper.write_bytes(docx_bytes(_nested(5000)))
    assert_clean_failure(
        cli(["parse", str(deeper)]), deeper, EXIT_LIMIT, "XML nesting in word/document.xml exceeds the 256 XML nesting depth limit"
    )
    beyond_libxml = tmp_path / "beyond.docx"
    beyond_libxml.write_bytes(docx_bytes(_nested(300)))
    run = cli(["parse", str(beyond_libxml)], env={"CWGTOOL_MAX_XML_DEPTH": "1000"})
    assert_clean_failure(
        run, beyond_libxml, EXIT_INPUT, "XML in word/document.xml nests deeper than the XML parser's own 256-level limit"
    )


@pytest.mark.parametrize(
    ("start", "fmt", "first"),
    [
        ("10000000000", "upperRoman", "10000000000)"),  # 10^10 as roman: a 10-million-letter label
        ("1000000000", "lowerLetter", "1000000000)"),  # 10^9 as letters: MemoryError before
        ("3999", "upperRoman", "MMMCMXCIX)"),  # still roman up to 3999
        ("780", "lowerLetter", "z" * 30 + ")"),  # still letters up to 780 (z thirty times)
    ],
)
def test_huge_numbering_start_gives_short_labels(tmp_path: Path, start: str, fmt: str, first: str) -> None:
    path = tmp_path / "numbered.docx"
    path.write_bytes(numbered_docx(start, fmt))
    blocks = read(path).blocks
    assert [b.label for b in blocks][:1] == [first]
    assert [b.text for b in blocks] == ["Item"] * 3
    assert all(len(b.label or "") <= 64 for b in blocks)


def test_numbering_label_text_is_bounded(tmp_path: Path) -> None:
    """A w:lvlText repeating its placeholder ten thousand times still gives a short label."""
    path = tmp_path / "long-label.docx"
    path.write_bytes(numbered_docx("780", "lowerLetter", lvl_text="%1." * 10_000))
    labels = [b.label for b in read(path).blocks]
    assert len(labels) == 3 and all(label and 0 < len(label) <= 64 for label in labels)
    assert labels[0].startswith("z" * 30 + ".")


def test_paragraph_limit(tmp_path: Path) -> None:
    path = tmp_path / "empties.docx"
    path.write_bytes(empty_paragraphs_docx(3000))
    assert [b.text for b in read(path).blocks] == ["The end."]
    run = cli(["parse", str(path)], env={"CWGTOOL_MAX_PARAGRAPHS": "2000"})
    assert_clean_failure(
        run, path, EXIT_LIMIT,
        "the number of paragraphs in word/document.xml exceeds the 2000 paragraph limit; "
        "raise it with --max-paragraphs or CWGTOOL_MAX_PARAGRAPHS",
    )
    assert cli(["--max-paragraphs", "5000", "parse", str(path)], env={"CWGTOOL_MAX_PARAGRAPHS": "2000"}).exit_code == 0


def test_a_million_empty_paragraphs_are_refused_at_the_limit(tmp_path: Path) -> None:
    """The 6 MB DOCX of 10^6 empty paragraphs took 13-52 s and 0.4-2.8 GB; now the parse stops
    at the default limit, with a fifth of the part built and no Python object per paragraph
    kept (test_ceiling.py measures the process's whole peak)."""
    path = tmp_path / "million.docx"
    path.write_bytes(empty_paragraphs_docx(1_000_000))
    tracemalloc.start()
    try:
        with pytest.raises(LimitError) as info:
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.reason.startswith("the number of paragraphs in word/document.xml exceeds the 200000 paragraph limit")
    assert peak < 100 * 1024 * 1024

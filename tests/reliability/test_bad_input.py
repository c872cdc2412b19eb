"""Every bad-input case of docs/errors.md: one line naming the file, a documented exit code,
no traceback, no output. Test names here are the ones docs/errors.md cites."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest

from cwgtool.errors import InputError
from cwgtool.readers.pdf import ENCRYPTED, NO_PAGES, NO_TEXT
from tests.reliability.helpers import (
    EXIT_INPUT,
    EXIT_LIMIT,
    LOCAL_FOREIGN,
    RECORD_DOCX,
    RECORD_PDF,
    assert_clean_failure,
    cli,
    docx_bytes,
    simple_document,
)

ENGINES = ("pdfplumber", "pdfium")

# The whole table also runs with a warm cache holding the same bytes (tests/reliability/conftest.py).
pytestmark = pytest.mark.usefixtures("cache_mode")


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "absent.pdf"
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "no such file")


def test_directory_where_a_file_was_expected(tmp_path: Path) -> None:
    # The CLI expands folders, so a folder reaches the reader only through the library.
    from cwgtool import api

    folder = tmp_path / "minutes.pdf"
    folder.mkdir()
    with pytest.raises(InputError) as info:
        api.parse(folder)
    assert info.value.reason == "is a directory, not a document" and info.value.exit_code == EXIT_INPUT
    # A folder with no documents in it is an input error at the CLI too.
    run = cli(["parse", str(folder)])
    assert run.exit_code == EXIT_INPUT and run.stderr == "cwgtool: no input documents found\n"


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".txt"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "empty file")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("page.pdf", b"<!DOCTYPE html><html><body>404 Not Found</body></html>",
         "named .pdf but the content is an HTML page, not a PDF"),
        ("archive.pdf", b"PK\x03\x04" + b"\0" * 100, "named .pdf but the content is a ZIP archive, not a PDF"),
        ("record.docx", None, "named .docx but the content is a PDF; rename it to .pdf"),
        ("record.txt", None, "named .txt but the content is a PDF; rename it to .pdf"),
    ],
)
def test_extension_lies(tmp_path: Path, name: str, data: bytes | None, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data if data is not None else RECORD_PDF.read_bytes())
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, reason)


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_pdf(tmp_path: Path, engine: str) -> None:
    data = RECORD_PDF.read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert_clean_failure(cli(["parse", "--pdf-engine", engine, str(path)]), path, EXIT_INPUT, "corrupt PDF (truncated?): ")


@pytest.mark.parametrize("engine", ENGINES)
def test_broken_xref_is_recovered(tmp_path: Path, engine: str) -> None:
    """Both engines rebuild a wrong xref offset by scanning the file: that is a success, not an error."""
    data = RECORD_PDF.read_bytes()
    cut = data.rfind(b"startxref")
    path = tmp_path / "badxref.pdf"
    path.write_bytes(data[:cut] + b"startxref\n999999\n%%EOF\n")
    run = cli(["parse", "-q", "--pdf-engine", engine, str(path)])
    assert run.exit_code == 0 and '"contributions"' in run.stdout and "Traceback" not in run.stderr
    run = cli(["parse", "-q", "--pdf-engine", engine, str(LOCAL_FOREIGN / "pdfminer__missing_xref_trailer.pdf")])
    assert run.exit_code == 0 and "Page4" in run.stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf(engine: str) -> None:
    path = LOCAL_FOREIGN / "pdfplumber__password-example.pdf"
    assert_clean_failure(cli(["parse", "--pdf-engine", engine, str(path)]), path, EXIT_INPUT, ENCRYPTED)
    assert_clean_failure(cli(["parse", "--pdf-engine", engine, "--password", "nope", str(path)]), path, EXIT_INPUT, ENCRYPTED)
    run = cli(["parse", "-q", "--pdf-engine", engine, "--password", "test", str(path)])
    assert run.exit_code == 0 and '"pages": 4' in run.stdout


@pytest.mark.parametrize("engine", ENGINES)
def test_scanned_pdf_without_text(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "scan.pdf"
    # one page, no content stream: what a scanner's image-only page looks like to a text engine
    path.write_bytes(_blank_pdf())
    assert_clean_failure(cli(["parse", "--pdf-engine", engine, str(path)]), path, EXIT_INPUT, NO_TEXT)
    # pdfminer cannot follow this foreign file's page tree; pdfium sees its blank page
    foreign = LOCAL_FOREIGN / "pdfplumber__issue-297-example.pdf"
    expected = NO_PAGES if engine == "pdfplumber" else NO_TEXT
    assert_clean_failure(cli(["parse", "--pdf-engine", engine, str(foreign)]), foreign, EXIT_INPUT, expected)


def _blank_pdf() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_docx_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("just some text that someone named .docx\n")
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "named .docx but the content is plain text, not a DOCX")
    junk = tmp_path / "junk.docx"
    junk.write_bytes(bytes(range(256)) * 4)
    assert_clean_failure(cli(["parse", str(junk)]), junk, EXIT_INPUT, "named .docx but the content is binary data, not a DOCX")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(RECORD_DOCX.read_bytes()[:3000])  # a ZIP whose central directory is gone
    assert_clean_failure(cli(["parse", str(damaged)]), damaged, EXIT_INPUT, "not a valid DOCX (truncated or damaged ZIP archive)")


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("holiday.txt", "not a Word document")
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "not a DOCX: the ZIP has no word/document.xml")


def test_legacy_doc(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    doc = tmp_path / "old.doc"
    doc.write_bytes(ole)
    assert_clean_failure(cli(["parse", str(doc)]), doc, EXIT_INPUT, "legacy Word .doc format is not supported; convert it to .docx")
    renamed = tmp_path / "old.docx"
    renamed.write_bytes(ole)
    assert_clean_failure(cli(["parse", str(renamed)]), renamed, EXIT_INPUT, "legacy Word .doc format is not supported; convert it to .docx")


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"))
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "encrypted (password-protected) DOCX")


def test_corrupt_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(docx_bytes(b"<w:document xmlns:w='x'><w:body><w:p>"))
    assert_clean_failure(cli(["parse", str(path)]), path, EXIT_INPUT, "corrupt DOCX (XMLSyntaxError: ")


def test_not_a_cwg_record(tmp_path: Path) -> None:
    path = tmp_path / "shopping.docx"
    path.write_bytes(docx_bytes(simple_document("Buy milk, eggs and bread. Call the plumber on Tuesday.")))
    run = cli(["parse", str(path)])
    assert run.exit_code == 0 and "Traceback" not in run.stderr
    assert run.stderr == (
        f"cwgtool: warning: {path}: not recognised as a CWG summary record or contribution; parsed generically\n"
    )
    assert '"kind": "unknown"' in run.stdout and '"contributions": []' in run.stdout


def test_too_large_input(tmp_path: Path) -> None:
    path = tmp_path / "record.pdf"
    shutil.copy(RECORD_PDF, path)
    run = cli(["parse", str(path)], env={"CWGTOOL_MAX_BYTES": "10KB"})
    assert_clean_failure(
        run, path, EXIT_LIMIT, "is 102 KB, which exceeds the 10 KB input size limit; raise it with --max-bytes or CWGTOOL_MAX_BYTES"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_too_many_pages(engine: str) -> None:
    run = cli(["parse", "--pdf-engine", engine, str(RECORD_PDF)], env={"CWGTOOL_MAX_PAGES": "2"})
    assert_clean_failure(
        run, RECORD_PDF, EXIT_LIMIT, "has 11 pages, which exceeds the 2 page limit; raise it with --max-pages or CWGTOOL_MAX_PAGES"
    )


def test_unexpected_reader_exception_becomes_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cwgtool.readers.pdf as pdf

    def boom(*_a: object, **_k: object) -> None:
        raise KeyError("/Kids\nsecond line of a long library message")

    monkeypatch.setattr(pdf, "read", boom)
    assert_clean_failure(cli(["parse", str(RECORD_PDF)]), RECORD_PDF, EXIT_INPUT, "could not read: KeyError: '/Kids")


def test_failed_run_keeps_existing_output(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text('{"previous": "result"}\n')
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    run = cli(["parse", str(bad), "-o", str(out)])
    assert run.exit_code == EXIT_INPUT and "Traceback" not in run.stderr
    assert out.read_text() == '{"previous": "result"}\n'
    assert sorted(os.listdir(tmp_path)) == ["bad.pdf", "out.json"]  # no temp file left behind

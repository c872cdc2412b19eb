"""DOCX reader: body order, furniture, styles, text details, foreign files and bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml

from cwgtool.blocks import BlockKind
from cwgtool.errors import InputError
from cwgtool.readers.docx import read
from tests.conftest import FIXTURES, FOREIGN, committed, needs_shared, shared_files

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def save(doc: Any, tmp_path: Path, name: str = "t.docx") -> Path:
    path = tmp_path / name
    doc.save(str(path))
    return path


def test_body_order_with_interleaved_tables_and_merged_cells(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Before")
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))  # gridSpan
    table.cell(0, 0).text = "Merged across"
    table.cell(0, 2).merge(table.cell(1, 2))  # vMerge
    table.cell(0, 2).text = "Merged down"
    table.cell(1, 0).text = "Left"
    table.cell(1, 1).paragraphs[0].text = "Two"
    table.cell(1, 1).add_paragraph("lines")
    doc.add_paragraph("Between")
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "Second table"
    doc.add_paragraph("After")
    blocks = read(save(doc, tmp_path)).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.PARAGRAPH, "Before"),
        (BlockKind.TABLE_CELL, "Merged across"),
        (BlockKind.TABLE_CELL, "Merged down"),
        (BlockKind.TABLE_CELL, "Left"),
        (BlockKind.TABLE_CELL, "Two\nlines"),
        (BlockKind.PARAGRAPH, "Between"),
        (BlockKind.TABLE_CELL, "Second table"),
        (BlockKind.PARAGRAPH, "After"),
    ]
    indexes = [b.provenance.index for b in blocks]
    assert indexes == sorted(indexes) and len(set(indexes)) == len(indexes)


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    doc = docx.Document()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Outer"
    inner = outer.cell(0, 1).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "in-a"
    inner.cell(0, 1).text = "in-b"
    texts = [b.text for b in read(save(doc, tmp_path)).blocks]
    assert texts == ["Outer", "in-a\nin-b"]


def test_headers_and_footers_are_furniture_not_body(tmp_path: Path) -> None:
    doc = docx.Document()
    section = doc.sections[0]
    section.header.paragraphs[0].text = "CWG-WSIS&SDG-40/5-E"
    section.footer.paragraphs[0].text = "Footer text"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "First page head"
    doc.add_paragraph("Body")
    result = read(save(doc, tmp_path))
    assert [b.text for b in result.blocks] == ["Body"]
    assert result.headers_footers == ["CWG-WSIS&SDG-40/5-E", "First page head", "Footer text"]


def test_heading_styles_title_and_typed_numbers(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_heading("Record title", level=0)
    doc.add_heading("Opening of the meeting", level=1)
    doc.add_heading("Sub topic", level=2)
    doc.add_paragraph("1.1.\tThe Chairman opened the meeting.")
    blocks = read(save(doc, tmp_path)).blocks
    assert [(b.kind, b.style, b.level) for b in blocks] == [
        (BlockKind.HEADING, "Title", None),
        (BlockKind.HEADING, "Heading 1", 1),
        (BlockKind.HEADING, "Heading 2", 2),
        (BlockKind.PARAGRAPH, "Normal", None),
    ]
    assert blocks[3].text == "1.1.\tThe Chairman opened the meeting."
    assert blocks[3].label is None
    assert blocks[1].bold  # Heading 1 is bold through its style


def test_bold_and_font_size_from_runs(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("All bold").bold = True
    p.add_run(" ")
    p.add_run("here").bold = True
    p.runs[0].font.size = docx.shared.Pt(14)
    p.runs[2].font.size = docx.shared.Pt(14)
    q = doc.add_paragraph()
    q.add_run("Partly ").bold = True
    q.add_run("bold")
    blocks = read(save(doc, tmp_path)).blocks
    assert (blocks[0].bold, blocks[0].font_size) == (True, 14.0)
    assert blocks[1].bold is False


def test_text_details_tabs_breaks_soft_hyphens_hidden_deleted_and_page_fields(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph()
    p._p.append(
        parse_xml(
            f'<w:r {NS}><w:t xml:space="preserve">Co\u00adoper</w:t><w:softHyphen/><w:t>ation</w:t>'
            f'<w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:noBreakHyphen/><w:t>z</w:t></w:r>'
        )
    )
    p._p.append(parse_xml(f'<w:r {NS}><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:del {NS} w:id="1" w:author="a"><w:r><w:delText>DELETED</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {NS} w:id="2" w:author="a"><w:r><w:t> inserted</w:t></w:r></w:ins>'))
    for xml in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>7</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {NS}>", 1)))
    doc.add_paragraph("")  # empty paragraphs are skipped
    doc.add_paragraph("   ")
    blocks = read(save(doc, tmp_path)).blocks
    assert [b.text for b in blocks] == ["Cooperation\tx\ny-z inserted"]


def test_hyperlink_text_is_kept(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph("See ")
    p._p.append(parse_xml(f'<w:hyperlink {NS} w:anchor="x"><w:r><w:t>the annex</w:t></w:r></w:hyperlink>'))
    p.add_run(".")
    assert [b.text for b in read(save(doc, tmp_path)).blocks] == ["See the annex."]


def test_display_name_and_provenance(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("A")
    doc.add_paragraph("")
    doc.add_paragraph("B")
    result = read(save(doc, tmp_path), display_name="record.docx")
    assert result.format == "docx"
    assert [(b.provenance.file, b.provenance.index, b.provenance.page) for b in result.blocks] == [
        ("record.docx", 0, None),
        ("record.docx", 2, None),
    ]


# -- bad input -----------------------------------------------------------------------------------


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_text("hello, not a document")
    with pytest.raises(InputError, match="not a ZIP archive"):
        read(path)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="no word/document.xml"):
        read(path)


def test_legacy_doc(tmp_path: Path) -> None:
    path = tmp_path / "x.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(InputError, match="legacy Word .doc format") as info:
        read(path)
    assert info.value.path == str(path)
    assert info.value.exit_code == 3


def test_encrypted_docx_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(InputError, match="encrypted"):
        read(path)


def test_missing_empty_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.docx")
    (tmp_path / "empty.docx").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read(tmp_path / "empty.docx")
    with pytest.raises(InputError, match="directory"):
        read(tmp_path)


def test_corrupt_document_xml(tmp_path: Path) -> None:
    good = save(docx.Document(), tmp_path, "good.docx")
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, b"<w:document" if item.filename == "word/document.xml" else data)
    with pytest.raises(InputError, match="corrupt DOCX"):
        read(bad)


# -- foreign files ---------------------------------------------------------------------------------


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize("path", shared_files("corpus/foreign/*.docx"), ids=lambda p: p.name)
def test_foreign_docx_reads(path: Path) -> None:
    result = read(path)
    assert result.format == "docx"
    assert all(b.text.strip() for b in result.blocks)


@needs_shared
@pytest.mark.shared
def test_foreign_numbering_part_gets_label() -> None:
    blocks = read(FOREIGN / "python-docx__num-having-numbering-part.docx").blocks
    assert [(b.label, b.text, b.style) for b in blocks] == [
        ("1.", "Paragraph having List Number style.", "List Number")
    ]


@needs_shared
@pytest.mark.shared
def test_foreign_even_odd_headers() -> None:
    result = read(FOREIGN / "python-docx__doc-odd-even-hdrs.docx")
    assert "Even page header." in result.headers_footers
    assert "Odd page header." in result.headers_footers
    assert not any("header" in b.text for b in result.blocks)


@needs_shared
@pytest.mark.shared
def test_foreign_interleaved_sections_keep_body_order() -> None:
    blocks = read(FOREIGN / "python-docx__sct-inner-content.docx").blocks
    assert [b.text for b in blocks] == ["P1", "T2", "P3", "T4", "P5", "P6", "P7", "P8", "P9"]


@needs_shared
@pytest.mark.shared
def test_foreign_comments_stay_out_and_merged_cells_once() -> None:
    body = " ".join(b.text for b in read(FOREIGN / "python-docx__comments-rich-para.docx").blocks)
    assert "Document text" in body
    assert "hyperlink" not in body and "Heading 2 paragraph style" not in body  # comment text
    cells = [b.text for b in read(FOREIGN / "python-docx__tbl-cell-access.docx").blocks]
    assert len(cells) == len(set(zip(cells, range(len(cells)), strict=True)))
    assert cells[:9] == [str(i) for i in range(1, 10)]


def test_header_page_field_dropped_and_tabbed_items_split(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.sections[0].header.paragraphs[0]
    for xml in (
        '<w:r><w:t xml:space="preserve">- </w:t></w:r>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        '<w:r><w:instrText> PAGE </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        "<w:r><w:t>1</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:r><w:t xml:space="preserve"> -</w:t><w:tab/><w:t>CWG-FHR-5/3-E</w:t></w:r>',
    ):
        p._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {NS}>", 1)))
    doc.add_paragraph("Body")
    assert read(save(doc, tmp_path)).headers_footers == ["CWG-FHR-5/3-E"]


def test_body_level_content_control_is_read(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("Before")
    doc.element.body.insert(
        1,
        parse_xml(
            f"<w:sdt {NS}><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>"
            "<w:p><w:r><w:t>Inside control</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    assert [b.text for b in read(save(doc, tmp_path)).blocks] == ["Before", "Inside control"]


def test_text_box_is_skipped_with_warning(tmp_path: Path) -> None:
    doc = docx.Document()
    p = doc.add_paragraph("Anchor")
    p._p.append(
        parse_xml(
            f'<w:r {NS} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
            "<w:txbxContent><w:p><w:r><w:t>Boxed</w:t></w:r></w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r>"
        )
    )
    result = read(save(doc, tmp_path))
    assert [b.text for b in result.blocks] == ["Anchor"]
    assert result.warnings == ["1 text box(es) not read"]


@pytest.mark.parametrize("auto", committed("fixtures/records/*/*-auto.docx"), ids=lambda p: p.parent.name)
def test_auto_numbered_record_matches_typed_twin(auto: Path) -> None:
    """Every number Word would display must come out as a label equal to the typed twin's number."""
    from cwgtool.labels import classify_label, split_label

    typed = auto.with_name(auto.name.replace("-auto.docx", "-typed.docx"))
    a, t = read(auto).blocks, read(typed).blocks
    assert len(a) == len(t)
    for ba, bt in zip(a, t, strict=True):
        if ba.label is None:
            assert ba.text.split() == bt.text.split()
            continue
        typed_label, rest = split_label(bt.text)
        auto_label = classify_label(ba.label)
        assert typed_label is not None and auto_label is not None, (ba.label, bt.text[:40])
        assert auto_label.key == typed_label.key, (ba.label, bt.text[:40])
        assert ba.text.split() == rest.split()
    assert all(b.label for b in a if b.kind is BlockKind.HEADING and b.style != "Title")


def test_macro_enabled_main_part_found_through_relationships(tmp_path: Path) -> None:
    """python-docx's Document() refuses .docm, and a producer may name the main part as it
    likes: the reader finds it through the package relationships (here a macro-enabled main
    part stored as word/body.xml, so the usual word/document.xml is absent)."""
    doc = docx.Document()
    doc.add_paragraph("Macro body")
    src = save(doc, tmp_path)
    docm = tmp_path / "x.docm"
    main_ct = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    renamed = {"word/document.xml": "word/body.xml", "word/_rels/document.xml.rels": "word/_rels/body.xml.rels"}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(docm, "w") as zout:
        names = zin.namelist()
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(main_ct, b"application/vnd.ms-word.document.macroEnabled.main+xml")
            if item.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"word/document.xml", b"word/body.xml")
            zout.writestr(renamed.get(item.filename, item.filename), data)
    assert "word/document.xml" in names
    with zipfile.ZipFile(docm) as z:
        assert "word/document.xml" not in z.namelist()
    assert [b.text for b in read(docm).blocks] == ["Macro body"]


def test_main_part_missing_from_relationships_is_an_input_error(tmp_path: Path) -> None:
    """Relationships that name a main part the ZIP does not hold: one clear error."""
    src = save(docx.Document(), tmp_path)
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for item in zin.infolist():
            if item.filename != "word/document.xml":
                zout.writestr(item, zin.read(item.filename))
    with pytest.raises(InputError, match="no word/document.xml"):
        read(bad)


def test_page_fields_in_running_heads_show_as_hash() -> None:
    doc = FIXTURES / "records" / "cwg16" / "cwg16-auto.docx"
    result = read(doc)
    assert "Page # of #" in result.headers_footers
    assert all("#" not in b.text for b in result.blocks)

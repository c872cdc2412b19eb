"""The checker on the committed records: the real 12th-meeting defects, and a clean 16th meeting."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwgtool.check.diagnostic import Diagnostic, Severity
from cwgtool.check.runner import check_path
from tests.conftest import committed

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"
CWG12_TXT = RECORDS / "cwg12" / "cwg12.txt"
CWG12_DOCX = RECORDS / "cwg12" / "cwg12-typed.docx"


def find(diags: list[Diagnostic], code: str, needle: str) -> list[Diagnostic]:
    return [d for d in diags if d.code == code and (needle in d.excerpt or needle in d.message)]


def line_of(text: str) -> int:
    return CWG12_TXT.read_text(encoding="utf-8").splitlines().index(text) + 1


@pytest.fixture(scope="module")
def cwg12() -> list[Diagnostic]:
    return check_path(CWG12_TXT, discover_config=False)


def test_space_inside_section_number(cwg12: list[Diagnostic]) -> None:
    [d] = find(cwg12, "NUM005", "4. 1")
    assert d.location.section == "4.1"
    assert d.location.line == 25
    assert d.file == str(CWG12_TXT)


def test_inconsistent_number_styles(cwg12: list[Diagnostic]) -> None:
    [d] = find(cwg12, "NUM004", '"4.4."')
    assert (d.location.section, d.location.line) == ("4.4", 109)
    # "1.1."/"1.2." under section 1 and "2.1" elsewhere: each section is consistent in itself,
    # the style of a published record (#13), so nothing is reported for them
    assert not find(cwg12, "NUM004", "paragraph number")
    assert {x.location.section for x in find(cwg12, "NUM004", "without a trailing dot")} == {"5", "6", "7"}


def test_symbols(cwg12: list[Diagnostic]) -> None:
    [d] = find(cwg12, "SYM002", "CWG-Internet 12/2")
    assert (d.location.section, d.location.line) == ("3", 18)
    [d8] = find(cwg12, "SYM001", "WG-Internet 12/8-E")
    assert (d8.location.section, d8.location.line, d8.severity) == ("4.2.1", 53, Severity.ERROR)
    [d9] = find(cwg12, "SYM001", "WG-Internet 12/9-E")
    assert (d9.location.section, d9.location.line) == ("4.6.1", 204)
    assert "CWG-Internet-12/8" in d8.message


def test_double_spaces(cwg12: list[Diagnostic]) -> None:
    [a] = find(cwg12, "TXT001", "send/update  their submissions to")
    assert (a.location.section, a.location.line) == ("4.1.2", 47)
    [b] = find(cwg12, "TXT001", "send/update  their submissions, as")
    assert (b.location.paragraph, b.location.line) == ("6.1", 252)
    assert len([d for d in cwg12 if d.code == "TXT001" and d.location.line == 53]) == 3  # matters  international, Saudi  contribution  include
    assert find(cwg12, "TXT001", "in  developed")[0].location.line == 99


def test_punctuation_and_quotes(cwg12: list[Diagnostic]) -> None:
    [d] = find(cwg12, "TXT002", "Issues , which")
    assert d.location.line == 45
    [mixed] = [d for d in cwg12 if d.code == "TXT005"]
    assert mixed.location.line == line_of("“Contributing to capacity building for Internet governance in developing countries\" (according to § 9 of Annex 1 of Council Resolution 1305).")
    assert [d.location.line for d in cwg12 if d.code == "TXT003"] == [89]


def test_no_false_structure_findings(cwg12: list[Diagnostic]) -> None:
    assert not [d for d in cwg12 if d.code[:3] in ("STR", "REF") or d.code in ("NUM001", "NUM002", "NUM003", "NUM006")]


def test_docx_typed_twin_has_the_same_core_findings(cwg12: list[Diagnostic]) -> None:
    docx = check_path(CWG12_DOCX, discover_config=False)

    def core(diags: list[Diagnostic]) -> set[tuple[str, str | None, str | None]]:
        return {(d.code, d.location.section, d.location.paragraph) for d in diags if d.code[:3] in ("NUM", "SYM", "TXT")}

    assert core(docx) == core(cwg12)
    [d] = find(docx, "NUM005", "4. 1")
    assert d.location.index is not None and d.location.line is None


@pytest.mark.parametrize("name", ["cwg16.txt", "cwg16-typed.docx", "cwg16-auto.docx", "cwg16.pdf"])
def test_clean_record_has_no_findings(name: str) -> None:
    path = RECORDS / "cwg16" / name
    diags = check_path(path, discover_config=False)
    assert [(d.code, d.message) for d in diags if d.severity.rank >= Severity.WARNING.rank] == []


@pytest.mark.parametrize("name", ["cwg18-7-record.txt", "cwg18-7-record.docx"])
def test_record_with_deferred_document_is_clean(name: str) -> None:
    """The 18th-meeting record names a deferred document it never introduces: not a REF002."""
    path = RECORDS.parent / "meetings" / "cwg18" / name
    assert [(d.code, d.message) for d in check_path(path, discover_config=False)] == []


def test_contributions_are_not_held_to_record_structure() -> None:
    for p in committed("fixtures/contributions/*/*.txt"):
        assert [d.code for d in check_path(p, discover_config=False) if d.code[:3] in ("STR", "REF")] == [], p


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    from cwgtool.check.registry import all_rules
    from cwgtool.render.rules import rules_markdown

    docs = RECORDS.parents[1] / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(all_rules()), "regenerate: cwgtool rules --format markdown > docs/rules.md"

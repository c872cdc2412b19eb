"""Requests validate and normalise themselves where they are made, for scripts as for the CLI
(a contribution in any written form: "CWG-Internet-14/3-E" selects CWG-Internet-14/3)."""

from __future__ import annotations

import pytest

from cwgtool import api
from cwgtool.options import CheckRequest, ParseOptions, PdfEngine, RowKind, RowQuery, Severity, Stance
from tests.conftest import FIXTURES

CWG14 = str(FIXTURES / "records" / "cwg14" / "cwg14.txt")


def test_row_query_normalises_its_filters() -> None:
    q = RowQuery("positions", stance="Oppose", member=" blr ", contribution="CWG-Internet-14/3-E")
    assert (q.kind, q.stance, q.member, q.contribution) == (RowKind.POSITIONS, Stance.OPPOSE, "BLR", "CWG-Internet-14/3")


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: RowQuery(RowKind.POSITIONS, stance="supportt"), "unknown stance 'supportt' (choose from: support, oppose, suggest, clarify, note)"),
        (lambda: RowQuery(RowKind.POSITIONS, member="Russia"), "member must be an ISO 3166 alpha-3 code"),
        (lambda: RowQuery("rows"), "unknown row kind 'rows' (choose from: contributions, positions, actions, topics)"),
        (lambda: ParseOptions(pdf_engine="mupdf"), "unknown PDF engine 'mupdf' (choose from: pdfium, pdfplumber)"),
        (lambda: ParseOptions(jobs=0), "jobs must be at least 1"),
        (lambda: CheckRequest(select="NUM,XYZ9"), "unknown rule code or prefix 'XYZ9'"),
        (lambda: CheckRequest(fail_on="fatal"), "unknown severity 'fatal'"),
    ],
)
def test_a_bad_request_is_refused_with_the_valid_values(build: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        build()  # type: ignore[operator]
    assert str(info.value).startswith(message)


def test_parse_options_take_names_or_members() -> None:
    assert ParseOptions(pdf_engine="PDFPlumber").pdf_engine is PdfEngine.PDFPLUMBER


def test_select_rows_applies_the_query() -> None:
    doc = api.parse(CWG14)
    every = api.select_rows([doc], RowQuery(RowKind.POSITIONS))
    opposed = api.select_rows([doc], RowQuery(RowKind.POSITIONS, stance=Stance.OPPOSE))
    assert opposed and {r["stance"] for r in opposed} == {"oppose"} and len(opposed) < len(every)
    assert all(r["file"] == CWG14 for r in every)
    belarus = api.select_rows([doc], RowQuery(RowKind.POSITIONS, member="blr"))
    assert belarus and all("BLR" in r["members"] for r in belarus)


def test_check_report_carries_findings_files_errors_and_the_exit_code(tmp_path) -> None:  # noqa: ANN001
    missing = str(tmp_path / "absent.txt")
    clean = str(FIXTURES / "records" / "cwg16" / "cwg16.txt")
    report = api.check([clean, missing], CheckRequest(fail_on=Severity.ERROR), ParseOptions(use_cache=False))
    assert report.files == [clean]
    assert report.input_errors == [(missing, "no such file")]
    assert report.exit_code == 3  # an input could not be read
    ok = api.check([clean], CheckRequest(), ParseOptions(use_cache=False))
    assert ok.exit_code == (1 if ok.failing else 0) and ok.rules

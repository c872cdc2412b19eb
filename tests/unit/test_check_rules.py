"""Every checker rule has a failing and a passing example, built from one small clean record."""

from __future__ import annotations

import re

import pytest

from cwgtool.check.registry import DOC_SECTIONS, Severity, all_rules, parse_codes, selected_rules
from cwgtool.check.runner import check_text

CLEAN = """Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Twelfth meeting – Geneva, 4-5 February 2019
Document CWG-Internet-12/10-E
Date: 20 February 2019
English only

Summary record of the twelfth meeting of the Council Working Group on International Internet-related Public Policy Issues

1	Opening of the meeting
1.1	The Chair opened the meeting and welcomed the participants.
1.2	The Chair recalled the mandate of the Group.

2	Adoption of the agenda
2.1	The draft agenda contained in Document CWG-Internet-12/1 was adopted.

3	Consideration of contributions
3.1	CWG-Internet-12/4: Contribution by the Russian Federation
3.1.1	Summary
The Russian Federation presented a contribution on OTT services.
3.1.2	Discussion
Some Member States supported the contribution.
3.2	CWG-Internet-12/5: Contribution by Canada
3.2.1	Summary
Canada presented a contribution on community networks.
3.2.2	Discussion
Some Member States supported the topic.

4	Actions
4.1	The secretariat will prepare a report for the next meeting.

5	Closing of the meeting
5.1	The Chair closed the meeting.
"""


def variant(*pairs: tuple[str, str]) -> str:
    text = CLEAN
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


AGENDA = "2.1	The draft agenda contained in Document CWG-Internet-12/1 was adopted."
DISCUSSION = "Some Member States supported the contribution."

# code -> (failing record, passing near-miss record)
CASES: dict[str, tuple[str, str]] = {
    "NUM001": (
        variant(("3.2\tCWG", "3.3\tCWG"), ("3.2.1\tSummary", "3.3.1\tSummary"), ("3.2.2\tDiscussion", "3.3.2\tDiscussion")),
        CLEAN,
    ),
    "NUM002": (variant(("1.2\tThe Chair recalled", "1.1\tThe Chair recalled")), CLEAN),
    "NUM003": (variant(("3.1.1\tSummary", "3.1.1.1\tSummary")), CLEAN),
    "NUM004": (variant(("3.2\tCWG", "3.2.\tCWG")), variant(*((f"\n{n}\t", f"\n{n}.\t") for n in ("1", "2", "3", "4", "5")))),
    "NUM005": (variant(("3.1\tCWG", "3. 1\tCWG")), CLEAN),
    "NUM006": (
        variant(("1.1\tThe Chair opened", "1.2\tThe Chair opened"), ("1.2\tThe Chair recalled", "1.1\tThe Chair recalled")),
        CLEAN,
    ),
    "SYM001": (
        variant((DISCUSSION, "Some Member States supported WG-Internet 12/4-E.")),
        variant((DISCUSSION, "Some Member States supported CWG-Internet-12/4-E.")),
    ),
    "SYM002": (variant(("CWG-Internet-12/4:", "CWG-Internet 12/4:")), variant(("CWG-Internet-12/4:", "CWG-Internet-12/4(Rev.1):"))),
    "SYM003": (
        variant(("CWG-Internet-12/5:", "CWG-Internet-11/5:")),
        variant((DISCUSSION, "Some Member States recalled Document CWG-Internet-11/5 of the previous meeting.")),
    ),
    "STR001": (variant(("3.2.2\tDiscussion\nSome Member States supported the topic.\n", "")), CLEAN),
    "STR002": (variant(("4\tActions", "4\tOther matters")), variant(("4\tActions", "4\tDecisions"))),
    "STR003": (variant((f"3.1.2\tDiscussion\n{DISCUSSION}\n", "3.1.2\tDiscussion\n")), CLEAN),
    "STR004": (
        variant(("4.1\tThe secretariat will prepare a report", "4.1\tA report will be prepared")),
        variant(("4.1\tThe secretariat will prepare a report", "4.1\tMember States were invited to prepare a report")),
    ),
    "REF001": (
        variant((AGENDA, "2.1\tThe agenda (CWG-Internet-12/1), with Documents CWG-Internet-12/4, CWG-Internet-12/5 and CWG-Internet-12/9, was adopted.")),
        variant((AGENDA, "2.1\tThe agenda (CWG-Internet-12/1), with Documents CWG-Internet-12/4 and CWG-Internet-12/5, was adopted.")),
    ),
    "REF002": (
        variant((DISCUSSION, "Some Member States preferred the approach of CWG-Internet-12/11.")),
        variant((DISCUSSION, "Some Member States preferred the approach proposed in CWG-Internet-12/11.")),
    ),
    "TXT001": (
        variant((DISCUSSION, "Some Member States supported  the contribution.")),
        variant((DISCUSSION, "Some Member States supported the contribution.   "), ("5.1\tThe Chair", "5.1\t\t  The Chair")),
    ),
    "TXT002": (
        variant(("the meeting and welcomed", "the meeting , and welcomed")),
        variant((DISCUSSION, "Some Member States noted § 9 of Annex 1 and a share of .5 per cent … as well as the list (...).")),
    ),
    "TXT003": (
        variant((DISCUSSION, 'Some Member States supported the "new approach.')),
        variant(
            ("The Russian Federation presented a contribution on OTT services.", '"The Russian Federation presented a contribution'),
            ("3.1.2\tDiscussion", 'on OTT services."\n3.1.2\tDiscussion'),
        ),
    ),
    "TXT004": (
        variant((DISCUSSION, "Some Member States supported the contribution (on OTT services.")),
        variant((DISCUSSION, "Some Member States supported a) the contribution (on OTT) and b) the topic.")),
    ),
    "TXT005": (
        variant((DISCUSSION, "Some Member States supported the \u201cnew approach\".")),
        variant((DISCUSSION, "Some Member States supported the \u201cnew approach\u201d.")),
    ),
    "TXT006": (
        variant((DISCUSSION, "Some Member States noted:\n· the first point;\n- the second point.")),
        variant((DISCUSSION, "Some Member States noted:\n· the first point;\n· the second point.\nOthers noted:\n- a third point.")),
    ),
}


def codes_found(text: str, code: str) -> list[str]:
    return [d.code for d in check_text(text, name="inline.txt", select=[code])]


def test_clean_record_is_clean() -> None:
    assert check_text(CLEAN, name="clean.txt") == []


def test_every_rule_has_examples() -> None:
    assert sorted(CASES) == [r.code for r in all_rules()]


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fails_on_bad_example(code: str) -> None:
    assert code in codes_found(CASES[code][0], code)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_passes_on_good_example(code: str) -> None:
    assert codes_found(CASES[code][1], code) == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_has_documentation(rule) -> None:  # noqa: ANN001 - Rule
    headings = re.findall(r"^## (.+)$", rule.docs, re.MULTILINE)
    assert headings == list(DOC_SECTIONS), rule.code
    for section in re.split(r"^## .+$", rule.docs, flags=re.MULTILINE)[1:]:
        assert section.strip(), f"{rule.code}: empty docs section"
    assert rule.summary and rule.name == rule.name.lower()
    assert isinstance(rule.severity, Severity)


def test_findings_carry_location_and_excerpt() -> None:
    [d] = check_text(CASES["NUM005"][0], name="inline.txt", select="NUM005")
    assert d.file == "inline.txt"
    assert d.location.section == "3.1"
    assert d.location.line == CASES["NUM005"][0].splitlines().index("3. 1\tCWG-Internet-12/4: Contribution by the Russian Federation") + 1
    assert d.excerpt.startswith("3. 1")


def test_selection_by_prefix_and_ignore() -> None:
    assert {r.code for r in selected_rules(parse_codes("NUM00"))} == {f"NUM00{i}" for i in range(1, 7)}
    assert "TXT001" not in {r.code for r in selected_rules(None, parse_codes("TXT"))}
    kept = {r.code for r in selected_rules(parse_codes("TXT001"), parse_codes("TXT"))}
    assert kept == {"TXT001"}  # the more specific selector wins, as in ruff
    with pytest.raises(ValueError):
        check_text(CLEAN, select="NOPE")


def test_other_bodies_symbols_are_not_misspellings() -> None:
    """Other groups and bodies write their symbols their own way; only CWG-Internet's are held
    to its canonical form (the reference rules still see every CWG symbol)."""
    text = variant((DISCUSSION, "Some Member States recalled WG-COP/13, WG-WSIS-32/19-E Rev. 1 and C17/98(Rev.1)."))
    for code in ("SYM001", "SYM002"):
        assert codes_found(text, code) == []
    assert codes_found(variant((DISCUSSION, "Some Member States recalled WG-Internet 12/4.")), "SYM001")


PERIOD_2017 = """\
Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)
Ninth meeting – Geneva, 30-31 January 2017
Document WG-Internet 9/8
15 February 2017
English only
Final REPORT OF THE ninth meeting of the Council Working Group
1.\tIntroduction
1.1.\tThe Chairman opened the meeting.
1.2.\tThe agenda (WG-Internet 9/1) was adopted.
2.\tWG-Internet 9/2: Secretariat report on ITU Internet Activities
2.1\tThe report was noted by the Group.
2.2\tThe Group recalled Document CWG-Internet 9/3.
"""


def test_a_document_is_judged_by_the_symbol_style_of_its_period() -> None:
    """A 2017 report printed as "Document WG-Internet 9/8" writes the symbols it cites the same
    way: not a misspelling. "1.1." in section 1 and "2.1" in section 2: each section is
    consistent, as published reports are. Another form in the same document is still reported."""
    assert codes_found(PERIOD_2017, "SYM001") == []
    assert codes_found(PERIOD_2017, "NUM004") == []
    assert codes_found(PERIOD_2017, "SYM002") == ["SYM002"]  # "CWG-Internet 9/3": neither form
    today = PERIOD_2017.replace("Document WG-Internet 9/8", "Document CWG-Internet-9/8-E")
    assert codes_found(today, "SYM001") == ["SYM001", "SYM001"]
    mixed = PERIOD_2017.replace("2.2\tThe Group", "2.2.\tThe Group")
    assert codes_found(mixed, "NUM004") == ["NUM004"]  # "2.1" beside "2.2.": siblings differ

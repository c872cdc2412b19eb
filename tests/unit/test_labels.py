"""Label recognition: the many ways records write the same number, and what is not a number."""

from __future__ import annotations

import pytest

from cwgtool.labels import LabelKind, classify_label, clean_text, split_label


@pytest.mark.parametrize(
    ("text", "kind", "key", "rest"),
    [
        ("1.1.\tITU Secretary-General", LabelKind.NUMBER, "1.1", "ITU Secretary-General"),
        ("1.1 The Chairman", LabelKind.NUMBER, "1.1", "The Chairman"),
        ("4. 1\tCWG-Internet-12/4: Contribution", LabelKind.NUMBER, "4.1", "CWG-Internet-12/4: Contribution"),
        ("4.4.\tCWG-Internet-12/5", LabelKind.NUMBER, "4.4", "CWG-Internet-12/5"),
        ("1Introduction", LabelKind.NUMBER, "1", "Introduction"),
        ("1.1The 12th meeting", LabelKind.NUMBER, "1.1", "The 12th meeting"),
        ("3.Open Consultations", LabelKind.NUMBER, "3", "Open Consultations"),
        ("4.5.2\tDiscussion", LabelKind.NUMBER, "4.5.2", "Discussion"),
        ("a.\tConcerning the topic", LabelKind.LETTER, "a", "Concerning the topic"),
        ("a) what are", LabelKind.LETTER, "a", "what are"),
        ("(b) how can", LabelKind.LETTER, "b", "how can"),
        ("(iv) why", LabelKind.ROMAN, "iv", "why"),
        ("1) to invite", LabelKind.ITEM, "1", "to invite"),
        ("(2) to request", LabelKind.ITEM, "2", "to request"),
        ("· How can community networks", LabelKind.BULLET, "·", "How can community networks"),
        ("∙             to invite state", LabelKind.BULLET, "∙", "to invite state"),
        ("- what are best practices", LabelKind.BULLET, "-", "what are best practices"),
        ("• item", LabelKind.BULLET, "•", "item"),
    ],
)
def test_split_label(text: str, kind: LabelKind, key: str, rest: str) -> None:
    label, remainder = split_label(text)
    assert label is not None
    assert (label.kind, label.key, remainder) == (kind, key, rest)


@pytest.mark.parametrize(
    "text",
    ["2019 Session of the ITU Council", "12/4 was noted", "Some Member States", "CWG-Internet-12/1: Agenda", "", "   "],
)
def test_no_label(text: str) -> None:
    assert split_label(text)[0] is None


def test_classify_word_label() -> None:
    assert classify_label("4.1.").key == "4.1"  # type: ignore[union-attr]
    assert classify_label("a)").kind is LabelKind.LETTER  # type: ignore[union-attr]
    assert classify_label("\uf0b7").kind is LabelKind.BULLET  # type: ignore[union-attr]


def test_clean_text_collapses_whitespace_and_soft_hyphens() -> None:
    assert clean_text("send/update  their\tsub\u00admissions\u00a0now ") == "send/update their submissions now"


def test_a_date_is_not_a_section_number() -> None:
    assert split_label("30 August 2023")[0] is None
    assert split_label("4-5 February 2019")[0] is None
    assert split_label("18 March 2010")[0] is None

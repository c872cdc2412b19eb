"""What a meeting made of a proposed topic: its label ("Topic B") and its status.

Records settle topics in a few recurring ways — "The Group agreed to hold the next open
consultation on Topic B", "Topics A and C received support", "There was no consensus on the
second topic", "Topic D was deferred to the next meeting" — and name the topic by its label,
its ordinal or its title. This module reads the two things that need reading:

* a topic's **label**, as the proposal writes it ("Topic A: …", "Theme 2 – …"), and the labels a
  sentence refers to ("Topics A and C", "topic 2");
* the **status** a sentence gives a topic (:class:`~cwgtool.model.TopicStatus`), when the body
  itself says it. A sentence whose actor is a part of the membership ("Some Member States
  supported Topic A", "It was noted by several delegations that there was no consensus") is a
  position, not the meeting's outcome, and decides nothing here.

A sentence that names several topics is cut into clauses at ", while", ", whereas", ", but",
";" …, so "Topics A and C received support, while Topic B was considered premature" gives A
and C their status and nothing to B.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cwgtool.extract.metadata import ORDINAL_WORDS
from cwgtool.vocabulary import TopicStatus

# "Topic A: …", "Proposed topic 2 – …", "THEME B. …": the word, a label (a number, a roman
# numeral or one capital letter), then a separator and the title. The topics extractor strips
# the same head, label or not, off a title.
TOPIC_WORD = r"(?:(?:proposed|suggested|new|candidate)\s+)?(?:topic|theme|subject)"
TOPIC_LABEL = r"\d{1,2}|[IVX]{1,4}|[A-Z]"
TOPIC_SEPARATOR = r"\s*[:.\u2013\u2014-]\s+(?=\S)"
_LABELLED = re.compile(rf"^{TOPIC_WORD}\s+(?P<label>{TOPIC_LABEL}){TOPIC_SEPARATOR}", re.IGNORECASE)
# "Topic B", "topics A and C", "Themes 1, 2 and 4": the word in any case, the labels as written
# (capital letters only, so "the topic a number of …" names nothing).
_LABEL = r"(?:\d{1,2}|[A-Z])\b"
_REFERENCE = re.compile(rf"\b(?i:topics?|themes?)\s+(?P<labels>{_LABEL}(?:\s*(?:,|and|or|&)\s*{_LABEL})*)")
# "the first and third topics", "the second topic": up to the tenth
_ORDINALS = ORDINAL_WORDS[:10]
_ORD = "|".join(_ORDINALS)
# (written in lower case: referenced_places reads the sentence lowered)
_ORDINAL_REFERENCE = re.compile(rf"\b((?:{_ORD})(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:{_ORD}))*)\s+topics?\b")
_ORDINAL = re.compile(_ORD)
_CLAUSE = re.compile(
    r"\s*;\s*|,\s+(?=(?:while|whereas|but|although|though|as|since)\b)|,\s+(?=and\s+(?:that\s+)?(?:the\s+)?(?:\w+\s+)?topics?\b)"
)

# The status patterns are written in lower case and read a lowered copy of the sentence
# (sentence_status): the regex engine matches that about twice as fast as a case-insensitive
# pattern, and a status is a yes or no, so no span has to point back into the sentence.

# Who acts: a part of the membership is a position, not the meeting's outcome.
_FACTION = re.compile(
    r"\b(?:some|several|one|a\s+few|few|other|others|certain|various|two|three|a\s+number\s+of|a\s+group\s+of)\s+"
    r"(?:other\s+)?(?:member\s+states?|delegations?|delegates?|councillors?|participants?|members?|countries|"
    r"administrations?|speakers?|representatives?)\b"
)
_BODY = r"(?:group|working\s+group|meeting|council|plenary|committee|membership|cwg(?:-[\w&]+)?)"
_DEFERRED = re.compile(
    r"\b(?:defer(?:red|s)?|postpone[ds]?|carr(?:y|ied)\s+(?:it\s+|them\s+)?(?:over|forward)|revisit(?:ed)?)\b"
    r"|\bcontinue\s+(?:to\s+)?(?:discuss|consider|examine)|\bcontinue\s+(?:the\s+|its\s+)?(?:discussion|consideration)"
    r"|\bfurther\s+(?:discussion|consideration)s?\s+(?:of|on|at)\b"
    r"|\bkept\s+for\s+(?:the\s+|a\s+)?(?:following|later|future|subsequent)\b"
)
_NOT_AGREED = re.compile(
    r"\bno\s+(?:consensus|agreement)\b|\b(?:lack|absence)\s+of\s+(?:consensus|agreement|support)\b"
    r"|\bdivergen(?:ce|t)\b|\bdiffering\s+views\b|\b(?:little|no|limited|insufficient)\s+support\b"
    r"|\b(?:did|could|would)\s+not\s+(?:be\s+)?(?:agree|reach|accept|approve|select|retain|receive|gain|attract|obtain|find)\b"
    r"|\b(?:was|were)\s+unable\s+to\s+(?:agree|reach|accept)\b"
    r"|\bnot\s+(?:be\s+)?(?:agreed|accepted|approved|selected|retained|supported|pursued)\b"
    r"|\b(?:was|were)\s+(?:rejected|dropped|withdrawn)\b"
)
_AGREED = re.compile(
    rf"\b(?:the\s+)?{_BODY}\s+(?:\w+\s+){{0,3}}?(?:agreed|decided|approved|selected|chose|endorsed|adopted|retained)\b"
    r"|\bit\s+was\s+(?:\w+\s+)?(?:agreed|decided)\b"
    r"|\b(?:was|were)\s+(?:\w+\s+)?(?:agreed|approved|selected|chosen|adopted|endorsed|retained)\b"
    r"|\b(?:consensus|agreement)\s+(?:was|had\s+been)\s+reached\b|\bthere\s+was\s+(?:a\s+)?(?:general\s+)?(?:consensus|agreement)\b"
    r"|\bwould\s+be\s+(?:the\s+(?:subject|topic|theme)\s+of|proposed\s+for|held\s+on)\b"
)
_SUPPORTED = re.compile(
    r"\b(?:received|enjoyed|gained|attracted|garnered|found)\s+(?:\w+\s+){0,2}?support\b"
    r"|\b(?:general|broad|wide|strong|considerable|overall|widespread|unanimous)\s+support\b"
    r"|\bsupport\s+was\s+(?:\w+\s+)?(?:expressed|given|voiced)\s+for\b"
    r"|\b(?:was|were)\s+(?:generally\s+|widely\s+|broadly\s+|strongly\s+|unanimously\s+)?supported\b"
    r"|\b(?:most|many|numerous|all|the\s+majority\s+of|a\s+majority\s+of)\s+(?:\w+\s+)?"
    r"(?:member\s+states|delegations|participants|councillors|members|countries)\s+(?:\w+\s+)?supported\b"
)
# A decision or deferral must be about a topic or a consultation, not another matter.
_ABOUT = re.compile(r"\b(?:consultations?|topics?|themes?|proposals?|questions?)\b")
# The order a sentence is read in: "agreed to defer" is deferred, "agreed that there was no
# consensus" is not agreed, "supported and agreed" is agreed.
_SENTENCE_ORDER = (
    (TopicStatus.DEFERRED, _DEFERRED),
    (TopicStatus.NOT_AGREED, _NOT_AGREED),
    (TopicStatus.AGREED, _AGREED),
    (TopicStatus.SUPPORTED, _SUPPORTED),
)
# Across sentences the most conclusive wins: a decision outranks a deferral, which outranks a
# lack of consensus, which outranks support.
_RANK = {TopicStatus.AGREED: 4, TopicStatus.DEFERRED: 3, TopicStatus.NOT_AGREED: 2, TopicStatus.SUPPORTED: 1}


def split_label(text: str) -> tuple[str | None, str]:
    """("A", "Digital skills") for "Topic A: Digital skills"; (None, text) when there is no label."""
    m = _LABELLED.match(text.strip())
    if m is None:
        return None, text
    return m["label"].upper(), text.strip()[m.end() :]


def referenced_labels(sentence: str) -> list[str]:
    """The topic labels a sentence names, in order: "Topics A and C received support" → A, C."""
    out: list[str] = []
    for m in _REFERENCE.finditer(sentence):
        for label in re.findall(r"\d{1,2}|[A-Z]", m["labels"]):
            if label not in out:
                out.append(label)
    return out


def referenced_places(sentence: str) -> list[int]:
    """The places (0-based) of the topics a sentence names by ordinal: "the first and third topics" → 0, 2."""
    return [
        _ORDINALS.index(word)
        for m in _ORDINAL_REFERENCE.finditer(sentence.lower())
        for word in _ORDINAL.findall(m.group(1))
    ]


def names_topics(sentence: str) -> bool:
    """Whether a sentence names topics by label or ordinal (it then speaks only for those)."""
    return bool(referenced_labels(sentence) or referenced_places(sentence))


def clauses_about(sentence: str, labels: set[str], place: int) -> list[str]:
    """The clauses of ``sentence`` that name the topic — by one of its ``labels`` or by its
    ``place`` — the whole sentence when it names no other topic."""

    def about(text: str) -> bool:
        return bool(labels.intersection(referenced_labels(text))) or place in referenced_places(text)

    def others(text: str) -> bool:
        return bool(set(referenced_labels(text)) - labels) or bool(set(referenced_places(text)) - {place})

    if about(sentence) and not others(sentence):
        return [sentence]
    return [c for c in _CLAUSE.split(sentence) if c and about(c)]


def sentence_status(sentence: str) -> TopicStatus | None:
    """The status a sentence (or clause) states, or None (nothing said, or only a faction spoke)."""
    low = sentence.lower()
    if _FACTION.search(low):
        return None
    for status, pattern in _SENTENCE_ORDER:
        if pattern.search(low):
            if status in (TopicStatus.AGREED, TopicStatus.DEFERRED) and not (_ABOUT.search(low) or names_topics(sentence)):
                return None  # "It was agreed that the secretariat will prepare …": another matter
            return status
    return None


def decide(evidence: Iterable[tuple[str, str]]) -> tuple[TopicStatus | None, str | None]:
    """The most conclusive status among ``evidence`` — (clause read, sentence reported) pairs —
    and the sentence that gave it; on ties the later one, as conclusions come last."""
    best: tuple[TopicStatus, str] | None = None
    for clause, sentence in evidence:
        status = sentence_status(clause)
        if status is not None and (best is None or _RANK[status] >= _RANK[best[0]]):
            best = (status, sentence)
    return best if best else (None, None)


__all__ = [
    "TOPIC_LABEL",
    "TOPIC_SEPARATOR",
    "TOPIC_WORD",
    "clauses_about",
    "decide",
    "names_topics",
    "referenced_labels",
    "referenced_places",
    "sentence_status",
    "split_label",
]

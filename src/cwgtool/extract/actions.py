"""Actions and decisions: the numbered items of an actions section, and action sentences in discussions.

Two sources, kept apart by ``source``:

* ``"actions"`` — every paragraph of a section titled "Actions", "Conclusions and actions",
  "Decisions", "Action items", "Next steps" (…): the record's own list, so nothing is filtered
  except empty lines and courtesies;
* ``"discussion"`` — sentences elsewhere that *state* a request or decision of the meeting: an
  institutional subject (the Group, the Chair, the secretariat, "It was agreed", the agenda)
  with a request/decision/commitment verb ("invited Member States to", "was asked to",
  "agreed", "decided", "will", "was adopted"). Sentences whose subject is "Some Member
  States …" are positions, not actions, and a suggestion ("could", "suggested that") is not a
  request. "The report was noted", thanks and welcomes are not actions.

``related`` links an actions-section item to the discussion actions saying the same thing, by
content-word Jaccard similarity ≥ :data:`RELATED_THRESHOLD` (0.45: a paraphrase that moves a
request from "the Chair" to "the Group" and drops a qualifier scores 0.47–0.58; unrelated
actions of the same record score ≤ 0.33), computed per clause so a
sentence carrying two decisions can still match one item. Only discussion *actions* are
candidates: a member's suggestion with the same words is not the request itself.
"""

from __future__ import annotations

import re

from cwgtool.countries import find_countries
from cwgtool.extract.metadata import iso_date
from cwgtool.extract.sentences import Splitter, split_sentences
from cwgtool.extract.topics import content_words, jaccard
from cwgtool.labels import MONTH
from cwgtool.model import Action, Document, Paragraph, Section

RELATED_THRESHOLD = 0.45
_ACTION_SECTION = re.compile(
    r"^(?:(?:summary\s+of\s+|list\s+of\s+|follow[- ]up\s+)?(?:actions?|action\s+items?|decisions?|conclusions?|next\s+steps|outcomes?)"
    r"(?:\s*(?:,|and|&)\s*)?)+\s*:?$",
    re.IGNORECASE,
)
_COURTESY = re.compile(r"\b(?:thanked|welcomed|congratulated|expressed (?:its|their|his|her) (?:thanks|appreciation|gratitude)|moment of silence)\b", re.IGNORECASE)
_NOTED_ONLY = re.compile(r"^(?:the\s+)?(?:\w+\s+){0,3}(?:was|were)\s+noted\b|^(?:the\s+group|it)\s+noted\b(?!.*\b(?:agreed|decided|invited|asked|requested)\b)", re.IGNORECASE)
_NOTHING = re.compile(r"^no\s+(?:specific\s+|other\s+)?(?:issues?|business|matters?)\b", re.IGNORECASE)

# Who can act. Order matters: longer forms first.
_AGENT = (
    r"(?:the\s+)?(?:CWG(?:-Internet)?|(?:Council\s+)?Working\s+Group|Group|meeting|Council|Chair(?:man|woman|person)?|Vice-Chair(?:man|woman|person)?s?"
    r"|secretariat|Secretary-General|Deputy\s+Secretary-General|Director(?:\s+of\s+(?:the\s+)?(?:BDT|TSB|BR))?|BDT|TSB|BR"
    r"|Member\s+States|Sector\s+Members|co-sponsors|proponents?|stakeholders)"
)
_ADDRESSEE = _AGENT
_ACTIVE_REQUEST = re.compile(
    rf"^(?P<actor>{_AGENT}|[A-Z][\w\s-]{{2,60}}?)\s+(?:also\s+|further\s+)?(?:invited|requested|asked|urged|encouraged|instructed|tasked|called\s+(?:up)?on)\s+(?P<addr>{_ADDRESSEE}|[A-Z][\w\s-]{{2,60}}?)\s+to\b",
    re.IGNORECASE,
)
_REQUEST_OBJECT = re.compile(
    rf"(?<!was )(?<!were )\b(?:invite[sd]?|request(?:s|ed)?|ask(?:s|ed)?|urge[sd]?|encourage[sd]?|instruct(?:s|ed)?|tasked|call(?:s|ed)?\s+(?:up)?on)\s+(?P<addr>{_ADDRESSEE}|[A-Z][\w\s-]{{2,60}}?)\s+to\b",
    re.IGNORECASE,
)
_PASSIVE_REQUEST = re.compile(
    rf"(?:^|,\s*)(?P<actor>{_AGENT}|[A-Z][\w\s-]{{2,60}}?)\s+(?:was|were|is|are)\s+(?:also\s+)?(?:invited|requested|asked|urged|encouraged|instructed|tasked)\s+to\b",
    re.IGNORECASE,
)
_WILL = re.compile(rf"(?:^|,\s*|\bthat\s+)(?P<actor>{_AGENT})\s+(?:will|shall|is\s+to|agreed\s+to|undertook\s+to)\s+(?!be\s+(?:noted|held)\b)", re.IGNORECASE)
_DECISION = re.compile(rf"^(?P<actor>{_AGENT})\s+(?:[^.]{{0,80}}?\band\s+)?(?:also\s+)?(?:agreed|decided|approved|adopted|endorsed|resolved)\b", re.IGNORECASE)
# Minutes style: "The secretariat to circulate the list …" (subject + infinitive, no verb).
_INFINITIVE = re.compile(rf"^(?P<actor>{_AGENT})\s+(?:also\s+)?to\s+(?!be\s+noted\b)[a-z]", re.IGNORECASE)
_WHO_FORMS = (_PASSIVE_REQUEST, _WILL, _DECISION, _INFINITIVE)  # the subject forms, in order
# A label the record puts before an action item: "Action: …", "Action point 2: …", "Decision: …".
_ACTION_LABEL = re.compile(
    r"^(?:actions?(?:\s+(?:point|item))?|decisions?|follow[- ]up|next\s+steps?)(?:\s+\d+)?\s*[:\u2013\u2014-]\s*(?=\S)",
    re.IGNORECASE,
)
_IMPERSONAL = re.compile(r"\bit\s+was\s+(?:so\s+)?(?:agreed|decided|resolved|concluded)\b", re.IGNORECASE)
_AGENDA = re.compile(r"\bagenda\b.*\b(?:was|were)\s+(?:adopted|approved)\b", re.IGNORECASE)  # the draft agenda too
_DISCUSSION_AGENT = re.compile(
    r"^(?:the\s+)?(?:CWG|Group|Working\s+Group|meeting|Council|Chair|Chairman|Chairwoman|Chairperson|secretariat|Secretary-General)\b",
    re.IGNORECASE,
)
_TO_COUNCIL = re.compile(r"\b(?:to|inform|seek)\s+(?:the\s+)?(?:\d{4}\s+session\s+of\s+(?:the\s+)?)?(?P<addr>Council)(?:'s|’s)?\b")
_DEADLINE = re.compile(
    r"\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until|deadline(?:\s+\w+){0,3}\s*:?)\s+(?:the\s+)?"
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})",
    re.IGNORECASE,
)


def _actor_name(text: str) -> str:
    """Actor as written, trimmed, sentence-capitalised ("the secretariat" → "The secretariat")."""
    t = re.sub(r"\s+", " ", text).strip(" ,")
    return t[:1].upper() + t[1:]


def _addressee_name(text: str) -> str:
    """Addressee as written without its article ("Member States", "stakeholders")."""
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", text).strip(" ,"), flags=re.IGNORECASE)


def _is_agent(text: str) -> bool:
    return bool(re.fullmatch(_AGENT, text.strip(), re.IGNORECASE)) or bool(find_countries(text))


def actor_and_addressee(sentence: str) -> tuple[str | None, str | None]:
    """(actor, addressee) of an action sentence; the grammatical subject is the actor.

    Public because a contribution document's requests are read the same way
    (:mod:`cwgtool.extract.contribution_doc`)."""
    addressee: str | None = None
    sentence = _ACTION_LABEL.sub("", sentence)
    m = _ACTIVE_REQUEST.search(sentence)
    if m and _is_agent(m["actor"]):
        return _actor_name(m["actor"]), _addressee_name(m["addr"])
    actor: str | None = None
    for form in _WHO_FORMS:
        m = form.search(sentence)
        if m and _is_agent(m["actor"]):
            actor = _actor_name(m["actor"])
            break
    if actor is None and (_IMPERSONAL.search(sentence) or _AGENDA.search(sentence)):
        actor = "The Group"  # an impersonal decision of the meeting
    elif actor is None:
        lead = re.match(r"^([A-Z][\w\s-]{2,60}?)\s+(?:will|shall|was|were|is|are|has|have)\b", sentence)
        actor = _actor_name(lead.group(1)) if lead and _is_agent(lead.group(1)) else None
    if (r := _request_object(sentence)) is not None:
        addressee = _addressee_name(r)
    elif _TO_COUNCIL.search(sentence) and actor != "Council":
        addressee = "Council"
    return actor, addressee


def _request_object(sentence: str) -> str | None:
    """The first request object that is an agent. Matches may overlap ("invited to request the
    secretariat to"), so the search restarts one character after each rejected match.
    """
    pos = 0
    while (r := _REQUEST_OBJECT.search(sentence, pos)) is not None:
        if _is_agent(r["addr"]):
            return r["addr"]
        pos = r.start() + 1
    return None


def due_date(sentence: str) -> str | None:
    """The deadline a sentence sets ("by 30 June 2024"), as an ISO date."""
    m = _DEADLINE.search(sentence)
    return iso_date(m["d"], m["m"], m["y"]) if m else None


_LEAD_CLAUSE = re.compile(r"^[^,]{0,80},\s*")


def _is_excluded(text: str) -> bool:
    """Empty lines, "No other business", courtesies that decide nothing, "The report was noted"."""
    t = text.strip()
    return (
        not t
        or bool(_NOTHING.match(t))
        or (bool(_COURTESY.search(t)) and not _action_cue(t))
        or bool(_NOTED_ONLY.match(t))
    )


def _is_action(sentence: str) -> bool:
    return _action_cue(sentence) and not _is_excluded(sentence)


def _action_cue(sentence: str) -> bool:
    """Does this sentence state a request or decision of the meeting (see module doc)?"""
    s = sentence.strip()
    if _AGENDA.search(s) or _IMPERSONAL.search(s) or _ACTION_LABEL.match(s):
        return True
    # The agent opens the sentence or follows a short lead-in ("In conclusion, the Group …").
    lead = _LEAD_CLAUSE.match(s)
    if not _DISCUSSION_AGENT.search(s[lead.end() :] if lead else s) and not _DISCUSSION_AGENT.search(s):
        return False
    m = _ACTIVE_REQUEST.search(s)
    if m and _DISCUSSION_AGENT.match(m["actor"]) and _is_agent(m["addr"]):
        return True
    return bool(
        _PASSIVE_REQUEST.search(s) or _WILL.search(s) or _DECISION.search(s)
    )


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r";\s+|,\s+(?:and|while|but)\s+", text) if c.strip()]


def _clause_words(text: str) -> list[set[str]]:
    """Content words of ``text`` and of each of its clauses (what an item is compared with)."""
    return [content_words(c) for c in [text, *_clauses(text)]]


def _similarity(words_a: set[str], clause_words: list[set[str]]) -> float:
    return max((jaccard(words_a, w) for w in clause_words), default=0.0)


def action_sections(doc: Document) -> list[Section]:
    return [s for s in doc.iter_sections() if _ACTION_SECTION.match(" ".join(s.title.split()))]


def _action(text: str, action_id: str | None, section: Section, source: str, p: Paragraph) -> Action:
    """An action read from ``text``: who acts, for whom, and by when."""
    actor, addressee = actor_and_addressee(text)
    return Action(
        id=action_id,
        actor=actor,
        addressee=addressee,
        text=text,
        due=due_date(text),
        section=section.number,
        source=source,
        provenance=p.provenance,
    )


def extract_actions(doc: Document, *, sentences: Splitter | None = None) -> list[Action]:
    """Actions listed in the actions sections, then action sentences of the discussion.

    ``sentences`` splits a paragraph (default :func:`split_sentences`; see ``SentenceMemo``).
    """
    split = sentences or split_sentences
    listed: list[Action] = []
    in_action_sections: set[int] = set()
    for section in action_sections(doc):
        paragraphs = [p for s in section.iter_sections() for p in s.paragraphs]
        for i, p in enumerate(paragraphs, start=1):
            in_action_sections.add(id(p))
            text = " ".join(p.text.split())
            if _is_excluded(text):
                continue
            listed.append(_action(text, p.number or f"{section.number}.{i}", section, "actions", p))

    found: list[Action] = []
    for section in doc.iter_sections():
        for p in section.paragraphs:
            if id(p) in in_action_sections:
                continue
            for sent in split(p.text):  # it collapses whitespace itself
                if not _is_action(sent):
                    continue
                found.append(_action(sent, None, section, "discussion", p))

    # Each text's words are read once, not once per pair compared.
    found_words = [_clause_words(d.text) for d in found] if listed else []
    for action in listed:
        words = content_words(action.text)
        action.related = [
            d.text for d, dw in zip(found, found_words, strict=True) if _similarity(words, dw) >= RELATED_THRESHOLD
        ]
    # The Council's plenary decides as the Council: "It was so agreed." in its summary record.
    if (doc.meeting.body or "").startswith("Council"):
        for action in (*listed, *found):
            if action.actor == "The Group":
                action.actor = "The Council"
    return listed + found


__all__ = ["RELATED_THRESHOLD", "action_sections", "actor_and_addressee", "due_date", "extract_actions"]

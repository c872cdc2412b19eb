"""What a speaker's clause says about the matter under discussion: support, oppose, suggest,
clarify or note (the order of decision of docs/positions.md).

1. **The head verb decides when it is a stance verb.** The reporting verb after the actor is
   read through the stance lexicon with its negation (``lexicon.read_head``): "supported",
   "did not support", "objected to", "sought clarification" mean what they say whatever the
   rest of the clause argues.
2. **Otherwise content beats the verb.** Reporting verbs ("suggested", "stated", "noted") are
   nearly neutral in these records: "suggested that CWG-COP is a more effective platform … to
   avoid duplication" is an objection and "suggested that the topic is an important topic" is
   support. So the content rules below (``RULES``, in order) are looked for in the whole
   clause first, and only then does the reporting verb give suggest or note.

Within content, explicit objections ("outside the remit", "premature", "no need for") come
before denials of an objection ("was not duplication of work", "is not covered under SGs",
which argue *for* the item), and those before weaker objections ("duplication", "is already
being carried out elsewhere") so that a denial is not read as the objection it denies.

Known limits: implicature is not read — "Council had indeed determined the topic" (a precedent
offered in favour) comes out as ``note``; a clause holding two stances of one actor gets the
first.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from enum import StrEnum

from cwgtool.extract.lexicon import find_phrase, read_head
from cwgtool.model import Stance


class Stage(StrEnum):
    OBSERVATION = "observation"  # "there was general support" reports the room, not the speaker
    CONTENT = "content"  # anywhere in the clause after the actor


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    stance: Stance
    stage: Stage
    pattern: re.Pattern[str]
    why: str
    flips: bool = False  # a preceding negation ("not useful") turns support into oppose
    concessive: bool = False  # ignore inside "though X is important, …"


@dataclass(frozen=True, slots=True)
class StanceResult:
    stance: Stance
    cue: str  # the words that decided, as written
    rule: str


def _re(pattern: str) -> re.Pattern[str]:
    """A content rule, written in lower case: rules read the clause with its capitals lowered
    (:func:`lowered`), which the regex engine matches about twice as fast as it matches a
    case-insensitive pattern — and there are twenty rules per clause."""
    return re.compile(pattern)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lowered(text: str) -> str:
    """``text`` with its ASCII capitals lowered: the same length, so a match's span points at
    the same words of ``text`` (``str.lower`` can change the length: "İ" becomes two characters)."""
    return text.translate(_ASCII_LOWER)


RULES: tuple[Rule, ...] = (
    # ---- 2. the speaker reports the state of the room ----------------------------------
    Rule("room-observation", Stance.NOTE, Stage.OBSERVATION,
         _re(r"there (?:was|were|is) (?:\w+\s+){0,2}(?:support|consensus|agreement)|no (?:consensus|agreement) (?:was )?(?:reached|on)"
             r"|(?:consensus|agreement) (?:was|could) not (?:be )?reached"),
         "'there was general support' / 'no consensus' describes the room, it is not the speaker's view"),
    # ---- 3. content: explicit objections ------------------------------------------------
    Rule("negated-support-content", Stance.OPPOSE, Stage.CONTENT,
         _re(r"\b(?:(?:not|n't|cannot)\s+(?:(?:in a position|able|ready|prepared|willing) to\s+|\w+\s+)?|unable to\s+)"
             r"(?:support|endorse|in favou?r|agree|accept)\b"),
         "a negated supporting verb anywhere in the clause"),
    Rule("outside-remit", Stance.OPPOSE, Stage.CONTENT,
         _re(r"outside (?:of )?(?:the |its |their )?(?:\w+\s+)?(?:remit|mandate|scope|purview|competence)"
             r"|beyond (?:the |its )?(?:remit|mandate|scope)|not (?:within|part of) (?:the |its )?(?:remit|mandate|scope|work|engagement)"),
         "the item does not belong to the Group"),
    Rule("premature", Stance.OPPOSE, Stage.CONTENT, _re(r"\bpremature\b|\btoo early\b|\bnot (?:yet )?ripe\b"),
         "timing objection"),
    Rule("no-need", Stance.OPPOSE, Stage.CONTENT,
         _re(r"\bno need\b|\bnot (?:\w+\s+)?convinced\b|\bunconvinced\b|\bnot (?:\w+\s+){0,3}(?:a )?priority\b|\bnot (?:necessary|needed|required|justified)\b|\bunnecessary\b|\bno (?:added |additional )?value\b"),
         "denies the need"),
    Rule("not-relevant", Stance.OPPOSE, Stage.CONTENT,
         _re(r"\bnot (?:be )?(?:relevant|appropriate|suitable|useful)\b|\birrelevant\b|\binappropriate\b"),
         "denies relevance"),
    Rule("should-not", Stance.OPPOSE, Stage.CONTENT, _re(r"\bshould not\b|\bshouldn't\b|\bmust not\b"),
         "a prohibition on the item"),
    Rule("other-forum", Stance.OPPOSE, Stage.CONTENT,
         _re(r"more (?:appropriate|suitable|relevant|effective) (?:for|in|to|platform|forum|venue|place)"
             r"|better (?:suited|placed|platform|forum|venue|place|addressed|dealt with|handled|discussed|covered)"
             r"|(?:should|could|would)\s+(?:get|be)\s+(?:covered|dealt with|addressed|discussed|handled|taken up)\s+(?:in|by|under|within)\s+"
             r"(?!(?:the\s+)?(?:cwg-internet|cwg internet|group|this group))"
             r"|\bnot for (?:the )?(?:group|cwg)|\ba matter for (?:the )?(?:council|national|each|member states)"),
         "sending the item to another forum is a polite objection"),
    Rule("national-matter", Stance.OPPOSE, Stage.CONTENT,
         _re(r"national (?:matter|competence|sovereignty|prerogative)|matter of national"
             r"|(?:require|requires|required|requiring|dealt with|addressed|handled)\s+(?:\w+\s+){0,2}at (?:the )?national level"),
         "a national matter is not for international discussion"),
    Rule("objection-content", Stance.OPPOSE, Stage.CONTENT,
         _re(r"\bobject(?:ed|ion|ions)\b|\boppos(?:ed|ition|e)\b|\bconcerns? (?:about|over|regarding|that|with)\b|\breservations?\b"
             r"|\brisk of\b|\b(?:would|will|might|may|is|was) be difficult\b|\bdifficult (?:for|to)\b|\bcautioned\b"
             r"|\bagainst (?:any|the|a|such|this)\b"),
         "objection vocabulary in the reported content"),
    # ---- 3b. content: denials of an objection argue for the item --------------------------
    Rule("denied-objection", Stance.SUPPORT, Stage.CONTENT,
         _re(r"\b(?:is|are|was|were|would be|be)\s+not\s+(?:a\s+)?(?:duplicat\w*|premature|outside|overlap\w*)|\bno (?:duplication|overlap)\b"
             r"|\b(?:is|are|was|were|has|have|had|did)\s+not\s+(?:been\s+|yet\s+|specifically\s+|fully\s+|adequately\s+)*"
             r"(?:covered|address\w*|discussed|studied|dealt with)\b|different from (?:what|the work)"),
         "'was not duplication', 'is not covered under SGs', 'did not address': the item is needed"),
    # ---- 3c. content: weaker objections ---------------------------------------------------
    Rule("duplication", Stance.OPPOSE, Stage.CONTENT, _re(r"\bduplicat\w*|\boverlap\w*"),
         "duplication of work elsewhere"),
    Rule("already-done", Stance.OPPOSE, Stage.CONTENT,
         _re(r"\b(?:is|are|was|were|has|have|had)\s+(?:been\s+)?already\s+\w+|\balready\s+(?:being|been)\s+\w+"
             r"|\b(?:is|are|was|were)\s+also\s+(?:being\s+)?(?:discuss|stud|look|address|cover|work|consider|examin|deal)\w*"
             r"|\b(?:was|were|is|are|had been|has been|have been)\s+covered\s+(?:in|by|under|within)\b"),
         "the matter is (already / also) handled elsewhere — only as a predicate: 'the work already done' is neutral"),
    # ---- 3d. content: clarification ------------------------------------------------------
    Rule("clarify-content", Stance.CLARIFY, Stage.CONTENT,
         _re(r"sought (?:\w+\s+)?clarification|(?:requested|asked for|need for|needed|seeking) (?:\w+\s+)?(?:clarification|clarity)"
             r"|not clear (?:what|how|why|whether|if)|\bunclear\b|asked (?:what|whether|how|why|if)|questioned (?:what|whether|how|why|if)"),
         "a request for clarity in the reported content"),
    # ---- 3e. content: support --------------------------------------------------------------
    Rule("importance", Stance.SUPPORT, Stage.CONTENT, _re(r"\bimportan(?:t|ce)\b"),
         "calling the item important is support, whatever the reporting verb", flips=True, concessive=True),
    Rule("favour", Stance.SUPPORT, Stage.CONTENT,
         _re(r"\bin favou?r of\b|\bsupport (?:for|of)\b|\bsupportive\b|\b(?:could|would|can) support\b|\bpreference for\b"),
         "support vocabulary in the reported content", flips=True),
    Rule("positive-evaluation", Stance.SUPPORT, Stage.CONTENT,
         _re(r"\buseful\b|\bvaluable\b|\btimely\b|\bbeneficial\b|\bappropriate (?:place|forum|platform|venue|body)\b"
             r"|\bwithin (?:the |its )?(?:remit|mandate|scope)\b|\bmandate (?:covers|includes)\b"
             r"|\b(?:closely )?(?:linked|related) to the (?:mission|mandate|work|remit)\b|\b(?:is|was|are|were|be|been)\s+(?:\w+\s+)?relevant\b"
             r"|\b(?:value|merits?|benefits?) of (?:the|this|such a) (?:proposal|topic|contribution|consultation|initiative)\b"
             r"|\bdeserv\w+\b|\bmerits? (?:further )?(?:attention|consideration|discussion)\b"
             r"|\bshould be (?:retained|kept|maintained|pursued|taken forward)\b"),
         "the item is useful / belongs to the Group", flips=True, concessive=True),
    Rule("received-support", Stance.SUPPORT, Stage.CONTENT,
         _re(r"\breceived (?:the |broad |wide |strong |general |full )*support\b"),
         "'the proposal received the support of X': X's support, with the actor after the verb"),
    Rule("continue-work", Stance.SUPPORT, Stage.CONTENT,
         _re(r"\bshould continue (?:to )?(?:work|deliberat|discuss|consider|study|examin)\w*|\bcontinue (?:working|to work) on\b"),
         "asking the Group to keep working on the item"),
    # ---- 4. a modal in the content ------------------------------------------------------
    Rule("modal-should", Stance.SUGGEST, Stage.CONTENT,
         _re(r"\bshould\b(?!\s+not)|\bneeds? to be\b|\bought to\b|\bthe need (?:to|for)\b"
             r"|\b(?:further|more|additional) (?:work|refinement|discussion|consideration|time|study) (?:is|was|would be) (?:needed|required)"),
         "'X noted that the Group should …' is a suggestion whatever the verb"),
)  # fmt: skip

_NEGATION_BEFORE = _re(r"\b(?:not|no|never|n't|cannot|hardly|without)\s+(?:\w+\s+){0,2}$")
_CONCESSIVE_BEFORE = _re(r"\b(?:though|although|while|whilst|despite|even if|notwithstanding)\b[^,;]*$")
_BY_NAME = {r.name: r for r in RULES}
_CONTENT_RULES = tuple(
    r for stage in (Stage.OBSERVATION, Stage.CONTENT) for r in RULES if r.stage is stage and r.name != "modal-should"
)
_MODAL_SHOULD = _BY_NAME["modal-should"]
_STRONG = frozenset({Stance.SUPPORT, Stance.OPPOSE, Stance.CLARIFY})
# "the UK proposal" names a document: a bare noun is a stance only where the actor is known
_DOCUMENT_NOUNS = frozenset({"suggestion", "proposal", "recommendation", "question", "concern"})
LOOK_BACK = 60  # characters before a content cue searched for a negation or a concession


def _content_match(rule: Rule, low: str, start: int) -> tuple[re.Match[str], Stance] | None:
    """First match of ``rule`` in the lowered clause ``low`` from ``start`` that a concession
    does not cancel."""
    for m in rule.pattern.finditer(low, start):
        before = low[max(start, m.start() - LOOK_BACK) : m.start()]
        if rule.concessive and _CONCESSIVE_BEFORE.search(before):
            continue
        stance = rule.stance
        if rule.flips and _NEGATION_BEFORE.search(before):
            stance = Stance.OPPOSE
        return m, stance
    return None


def classify(text: str, verb_start: int | None = None) -> StanceResult | None:
    """Stance of one clause; ``verb_start`` is where the verb after the actor starts (None when
    the actor was not located, in which case the lexicon's phrases are looked for anywhere).

    Returns None when nothing in the clause expresses a stance (narrative sentences).
    """
    start = verb_start or 0
    head = read_head(text, verb_start) if verb_start is not None else None
    if head is not None and head.stance in _STRONG:
        return StanceResult(head.stance, head.cue, f"head:{head.phrase}")
    low = lowered(text)
    for rule in _CONTENT_RULES:
        if found := _content_match(rule, low, start):
            m, stance = found
            return StanceResult(stance, text[m.start() : m.end()].strip(), rule.name)
    if head is not None and head.stance is Stance.SUGGEST:
        return StanceResult(head.stance, head.cue, f"head:{head.phrase}")
    if found := _content_match(_MODAL_SHOULD, low, start):
        m = found[0]
        return StanceResult(Stance.SUGGEST, text[m.start() : m.end()].strip(), "modal-should")
    if head is not None:
        return StanceResult(head.stance, head.cue, f"head:{head.phrase}")
    # Actor not located, or the head verb is not in the lexicon: a phrase anywhere in the clause
    # still tells us something ("It was suggested that …").
    if (found_head := find_phrase(text, start, skip=_DOCUMENT_NOUNS)) is not None:
        return StanceResult(found_head.stance, found_head.cue, f"phrase:{found_head.phrase}")
    return None


_CONDITION = re.compile(
    r"\b(?:(?:on|upon) (?:the )?condition that|provided that|providing that|subject to|as long as|so long as|only if|if|unless"
    r"|with the (?:exception|proviso|understanding) (?:of|that)|except for|except that"
    r"|but (?:\w+ly\s+)?(?:requested|asked|called|wondered|noted|stressed|expressed|sought|questioned|regretted|cautioned|urged|hoped|insisted|felt|said|stated|added)"
    r"|,\s*(?:although|though|while|whilst) (?:it|they|he|she|this|the \w+) (?:\w+ly\s+)?(?:requested|asked|wondered|noted|regretted|expressed|questioned|felt|was|were|had|would|could))\b",
    re.IGNORECASE,
)


def condition(text: str, after: int) -> str | None:
    """What qualifies a supporting or opposing clause, from ``after`` (the end of the cue):
    "… on condition that …", "… provided that …", "… but requested …", "…, although it
    wondered …" — the words from the qualifier to the end of the clause, as written."""
    m = _CONDITION.search(text, after)
    if m is None:
        return None
    return text[m.start() :].lstrip(" ,").rstrip(" .;") or None


__all__ = ["RULES", "Rule", "Stage", "StanceResult", "classify", "condition"]

"""What a speaker's clause says about the matter under discussion: support, oppose, suggest,
clarify or note.

Summary records are written in a small, formulaic register, so an ordered table of patterns
does better than a general sentiment model and, unlike one, can say which words decided
(``cue``). The order encodes the two things that matter in this register:

1. **The head verb decides when it is a stance verb.** "Some Member States supported …",
   "did not support …", "objected to …", "sought clarification …" mean what they say whatever
   the rest of the clause argues.
2. **Otherwise content beats the verb.** Reporting verbs ("suggested", "stated", "noted",
   "commented") are nearly neutral in these records: "suggested that CWG-COP is a more
   effective platform … to avoid duplication" is an objection and "suggested that the topic is
   an important topic" is support. So oppose, clarify and support content is looked for in the
   whole clause first, and only then does the reporting verb give suggest or note.

Within content, explicit objections ("outside the remit", "premature", "no need for") come
before denials of an objection ("was not duplication of work", "is not covered under SGs",
which argue *for* the item), and those before weaker objections ("duplication", "is already
being carried out elsewhere") so that a denial is not read as the objection it denies.

Known limits (documented for the README): implicature is not read — "Council had indeed
determined the topic" (a precedent offered in favour) and "it is the task of CWG-Internet to
decide" (an argument against) come out as ``note``; a clause holding two stances of one actor
("agreed on the value … but noted that the deadline could not be changed") gets the first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from cwgtool.model import Stance


class Stage(StrEnum):
    HEAD = "head"  # anchored at the verb after the actor
    OBSERVATION = "observation"  # "there was general support" reports the room, not the speaker
    CONTENT = "content"  # anywhere in the clause after the actor
    WEAK_HEAD = "weak_head"  # reporting verbs after the actor
    FALLBACK = "fallback"  # reporting verbs anywhere (actor not located)


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
    return re.compile(pattern, re.IGNORECASE)


_ADVERBS = r"(?:(?:also|further|however|strongly|therefore|then|generally|again|nevertheless|instead|widely|fully|firmly|clearly|explicitly|in particular|both|all|too|initially|subsequently|equally|broadly)\s+)*"
# Passive heads ("was widely supported by") start at the auxiliary.
_AUX = r"(?:(?:was|were|has been|have been|had been|is|are)\s+)?"
_HEAD_PREFIX = rf"\s*{_AUX}{_ADVERBS}"

RULES: tuple[Rule, ...] = (
    # ---- 1. head verbs that carry a stance by themselves -------------------------------
    Rule("negated-support", Stance.OPPOSE, Stage.HEAD,
         _re(r"(?:(?:(?:did|do|does|could|would|can|will|were|was|are|is)\s*(?:not|n't)|cannot)\s+"
             r"(?:(?:in a position|able|ready|prepared|willing) to\s+|\w+\s+)?|unable to\s+)"
             r"(?:support|agree|endorse|accept|favou?r|in favou?r|see (?:the|any) (?:\w+\s+)?(?:need|value|merit|benefit|usefulness))"),
         "negation flips a supporting verb: 'did not support', 'could not agree', 'not in favour',"
         " 'was not in a position to support', 'unable to accept'"),
    Rule("objection-verb", Stance.OPPOSE, Stage.HEAD,
         _re(r"objected|opposed|disagreed|rejected|resisted|(?:were|was|spoke|argued) against|cautioned|warned"
             r"|expressed (?:\w+\s+){0,2}(?:concerns?|reservations?|doubts?|opposition|objections?)"
             r"|raised (?:\w+\s+){0,2}(?:concerns?|objections?|reservations?)|(?:were|was) concerned"
             r"|questioned the (?:\w+\s+)?(?:need|value|relevance|usefulness|merits?|appropriateness)"
             r"|(?:concerns?|reservations?|objections?) (?:was|were) (?:also )?(?:expressed|raised|voiced)"),
         "an objection verb; questioning the need/value of something is scepticism, not a question"),
    Rule("clarify-verb", Stance.CLARIFY, Stage.HEAD,
         _re(r"sought (?:\w+\s+){0,2}(?:clarification|clarity|explanations?|information|details?)|(?:wanted|wished|sought) to (?:know|understand|learn)"
             r"|requested (?:\w+\s+){0,2}(?:clarification|clarity|details?|explanations?|information)"
             r"|asked (?:for (?:\w+\s+){0,2}(?:clarification|clarity|details?|information|explanations?)|what|whether|how|why|if|about)"
             r"|asked (?:the \w+|\w+) (?:what|whether|how|why|if|when|which)\b"
             r"|questioned|queried|wondered|enquired|inquired|needed (?:\w+\s+)?clarification"),
         "asking for information is neither support nor opposition"),
    Rule("support-verb", Stance.SUPPORT, Stage.HEAD,
         _re(r"supported|endorsed|welcomed|favou?red|preferred|backed|approved of|agreed with|concurred"
             r"|agreed (?:on|to) the (?:value|importance|need|proposal)|(?:were|was|spoke) in favou?r"
             r"|(?:were|was) in (?:full |complete |general )?agreement with"
             r"|(?:could|would|can) (?:support|agree|endorse|accept)"
             r"|(?:expressed|indicated|voiced|reiterated) (?:their |its |his |her |a |strong |full )*(?:\w+\s+)?(?:support|preference)"
             r"|support (?:was|were) (?:also )?(?:expressed|voiced)"),
         "an explicitly supportive head verb"),
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
             r"(?!(?:the\s+)?(?:CWG-Internet|CWG Internet|Group|this group))"
             r"|\bnot for (?:the )?(?:Group|CWG)|\ba matter for (?:the )?(?:Council|national|each|Member States)"),
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
    # ---- 4. reporting verbs ----------------------------------------------------------------
    Rule("suggest-verb", Stance.SUGGEST, Stage.WEAK_HEAD,
         _re(r"suggest(?:ed|ion|ions)?|propos(?:ed|al|als)|recommend(?:ed|ation|ations)?|encouraged|invited|urged"
             r"|called (?:for|on|upon)|requested|asked (?:that|the|to|for)|put forward|advocated"
             r"|presented (?:a |an |the )?(?:revised|new|amended|alternative|modified|draft)|introduced (?:a |an )?(?:proposal|amendment|draft)"
             r"|wished to (?:add|include|propose)|would prefer"),
         "a proposal verb with no oppose/support/clarify content"),
    Rule("modal-should", Stance.SUGGEST, Stage.CONTENT,
         _re(r"\bshould\b(?!\s+not)|\bneeds? to be\b|\bought to\b|\bthe need (?:to|for)\b"
             r"|\b(?:further|more|additional) (?:work|refinement|discussion|consideration) (?:is|was|would be) (?:needed|required)"),
         "'X noted that the Group should …' is a suggestion whatever the verb"),
    Rule("note-verb", Stance.NOTE, Stage.WEAK_HEAD,
         _re(r"noted|recalled|stated|commented|highlighted|indicated|observed|informed|stressed|emphasi[sz]ed|underlined"
             r"|underscored|pointed out|mentioned|explained|reiterated|acknowledged|recogni[sz]ed|considered"
             r"|(?:were|was) of the view|expressed the view|(?:took|held) the view|believed|felt|said|added|reminded|concluded"
             r"|remarked|reported|shared|described|drew (?:the Group's )?attention|affirmed|clarified|confirmed|presented|introduced"),
         "a neutral reporting verb"),
)  # fmt: skip

_NEGATION_BEFORE = re.compile(
    r"\b(?:not|no|never|n't|cannot|hardly|without)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_CONCESSIVE_BEFORE = re.compile(
    r"\b(?:though|although|while|whilst|despite|even if|notwithstanding)\b[^,;]*$", re.IGNORECASE
)
_VERB_FALLBACK_STAGES = (Stage.WEAK_HEAD,)
_NOUNS = {"suggestion", "proposal", "recommendation"}
_HEAD_PREFIX_RE = re.compile(_HEAD_PREFIX, re.IGNORECASE)
_BY_NAME = {r.name: r for r in RULES}
_CONTENT_RULES = tuple(
    r for stage in (Stage.OBSERVATION, Stage.CONTENT) for r in RULES if r.stage is stage and r.name != "modal-should"
)
_FALLBACK = tuple(
    (r, re.compile(rf"\b(?:{r.pattern.pattern})\b", re.IGNORECASE))
    for r in RULES
    if r.stage in (Stage.HEAD, *_VERB_FALLBACK_STAGES)
)


_MODAL_SHOULD = _BY_NAME["modal-should"]
_HEAD_RULES = tuple(r for r in RULES if r.stage is Stage.HEAD)
_SUGGEST_VERB = _BY_NAME["suggest-verb"]
_NOTE_VERB = _BY_NAME["note-verb"]


def _head_start(text: str, verb_start: int) -> int:
    """Where head rules match: after the auxiliary and adverbs following ``verb_start``.

    Every head rule is anchored there, so it is found once per clause, not once per rule.
    """
    prefix = _HEAD_PREFIX_RE.match(text, verb_start)
    return prefix.end() if prefix else verb_start


def _content_match(rule: Rule, text: str, start: int) -> tuple[re.Match[str], Stance] | None:
    """First match of ``rule`` from ``start`` that a concession does not cancel."""
    for m in rule.pattern.finditer(text, start):
        before = text[max(start, m.start() - 60) : m.start()]
        if rule.concessive and _CONCESSIVE_BEFORE.search(before):
            continue
        stance = rule.stance
        if rule.flips and _NEGATION_BEFORE.search(before):
            stance = Stance.OPPOSE
        return m, stance
    return None


def classify(text: str, verb_start: int | None = None) -> StanceResult | None:
    """Stance of one clause; ``verb_start`` is where the verb after the actor starts (None when
    the actor was not located, in which case reporting verbs are looked for anywhere).

    Returns None when nothing in the clause expresses a stance (narrative sentences).
    """
    start = verb_start or 0
    head = _head_start(text, verb_start) if verb_start is not None else -1
    if head >= 0:
        for rule in _HEAD_RULES:
            if m := rule.pattern.match(text, head):
                return StanceResult(rule.stance, m.group(0).strip(), rule.name)
    for rule in _CONTENT_RULES:
        if found := _content_match(rule, text, start):
            m, stance = found
            return StanceResult(stance, m.group(0).strip(), rule.name)
    if head >= 0 and (m := _SUGGEST_VERB.pattern.match(text, head)):
        return StanceResult(Stance.SUGGEST, m.group(0).strip(), "suggest-verb")
    if found := _content_match(_MODAL_SHOULD, text, start):
        return StanceResult(Stance.SUGGEST, found[0].group(0).strip(), "modal-should")
    if head >= 0 and (m := _NOTE_VERB.pattern.match(text, head)):
        return StanceResult(Stance.NOTE, m.group(0).strip(), "note-verb")
    # Actor not located, or the head verb is not a reporting verb: a head-stage or reporting
    # verb anywhere in the clause still tells us something ("It was suggested that …").
    for rule, pat in _FALLBACK:
        for m in pat.finditer(text, start):
            if m.group(0).lower().rstrip("s") in _NOUNS:
                continue  # "the UK proposal" names a document; only "suggestion of X" heads count
            return StanceResult(rule.stance, m.group(0).strip(), rule.name)
    return None


__all__ = ["RULES", "Rule", "Stage", "StanceResult", "classify"]

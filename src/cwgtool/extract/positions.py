"""Who said what in the discussions: one :class:`~cwgtool.model.Position` per position statement.

Where positions are read:

* every sentence of a "Discussion" section and its children (lettered sub-items
  "a. Concerning the topic on …" are child sections whose *title* is a sentence too);
* sentences of sections that are neither a contribution's "Summary" (the authors' own text)
  nor meeting furniture (introduction/opening, actions, decisions, conclusions, closing,
  "Summary of the meeting"): procedural items such as the agenda, working methods and
  "Any other business", where delegations also take positions.

The contribution is derived from the section titles ("4.1 CWG-Internet-12/4: Contribution by
…"), not from ``doc.contributions``, which another extractor fills and may not have. An agenda
item ("CWG-Internet-12/1: Agenda of the meeting") is procedural, not a contribution.

Which sentences are positions: a sentence (or clause, when a second actor starts one —
"…, while some other Member States stated …") with an actor followed by a verb and a stance
cue. Records name actors in a handful of ways, each recognised here: quantified groups ("Some
Member States", "Some other Member States", "others"), one Member State ("One Member State",
"A Member State"), named ones ("The representative of Fiji, supported by Samoa and Tonga,",
"China and the Russian Federation", "Germany"), the Chair, the secretariat, the Group, passive
agents ("was widely supported by several Member States", "It was noted by some Member States
that") and impersonal forms ("It was suggested that", "A suggestion was made"). "They"/"He"
and actor-less follow-ups ("Hence, the CWG should continue …") take the previous actor of the
same paragraph.

Not positions: courtesies ("thanked", "welcomed the participants"), decisions ("It was agreed
that", "The Group noted the contribution" — those are outcomes, for the actions extractor),
presentations of a document ("presented its report"), and narrative with no actor. Any
sentence naming a quantified group of Member States as subject always yields a position, with
``note`` when nothing else is said, because those sentences are what readers look for.

``quantifier`` is normalised to one of: one, some, several, many, most, various, other,
a few, all. "Some other Member States" → ``other``: the contrast with the group just cited is
the information; "some" is nearly always there. "A number of" → several, "the majority of" →
most, "these Member States" takes the quantifier of the group they refer back to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from cwgtool.countries import CountryMention, find_countries
from cwgtool.extract.prefilter import Guard, fold
from cwgtool.extract.sentences import Splitter, split_sentences
from cwgtool.extract.stance import StanceResult, classify
from cwgtool.model import ActorKind, Document, Paragraph, Position, Provenance, Section, Stance
from cwgtool.symbols import find_symbols

# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------

_QUANTIFIERS = {
    "some": "some", "several": "several", "many": "many", "most": "most", "various": "various",
    "a few": "a few", "few": "a few", "all": "all", "a number of": "several", "a majority of": "most",
    "the majority of": "most", "a large number of": "many", "numerous": "many", "a small number of": "a few",
    "other": "other", "the other": "other", "some other": "other", "many other": "other", "several other": "other",
    "one": "one", "a": "one", "another": "one", "certain": "some", "two": "a few", "three": "a few",
}  # fmt: skip
_Q_ALT = "|".join(sorted((re.escape(q) for q in _QUANTIFIERS), key=len, reverse=True))

_GROUP = re.compile(
    rf"(?P<q>\b(?i:{_Q_ALT}|these|those|the)\s+)?(?P<other>(?i:other)\s+)?"
    r"(?P<noun>Member States?|Members|[Dd]elegations?|[Dd]elegates|[Aa]dministrations|Councillors|[Cc]ountries)\b"
    # "Delegates from several regions", "Member States of the Arab region"
    r"(?:\s+(?:from|of|in|representing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:regions?|countries|groups?|States))?"
    r"|(?P<others>\b(?i:(?:some|many|several|most|the)\s+)?(?i:others))\b"
)
_ROLE = re.compile(
    r"\b(?i:the\s+)?(?P<role>[Rr]epresentatives?|[Dd]elegates?|[Dd]elegations?|Councill?ors?|Administration|Minister|Ambassador"
    r"|[Hh]ead of (?:the )?[Dd]elegation)\s+(?:of|from)\s+"
)
_CHAIR = re.compile(
    r"\b(?i:the\s+)?(?i:(?:vice-)?chair(?:man|woman|person)?s?)(?:\s+of the (?:Group|CWG(?:-Internet)?|meeting|Council Working Group))?\b"
)
_SECRETARIAT = re.compile(
    r"\b(?i:the\s+)?(?:ITU\s+)?(?:(?i:secretariat)|(?:Deputy\s+)?Secretary-General|(?:BDT|TSB|BR) Director|Director of (?:BDT|TSB|BR))\b"
)
_BODY = re.compile(
    r"\b(?i:the)\s+(?:Group|CWG(?:-Internet)?(?![-\w])|meeting|Working Group|Council Working Group)\b"
)
_PRONOUN = re.compile(r"\b(?:They|He|She)\b")
_IMPERSONAL = re.compile(
    r"\b[Ii]t was (?:also |further |generally |widely )?(?P<v>suggested|proposed|noted|recommended|stressed|highlighted|observed"
    r"|recalled|pointed out|emphasi[sz]ed|stated|mentioned|felt|considered|questioned|agreed|decided|underlined|recogni[sz]ed"
    r"|argued|said|indicated|clarified|explained|requested|expressed|commented)\b(?:\s+by\s+)?"
)
_NOUN_IMPERSONAL = re.compile(
    r"\b(?:(?:A|An|One|Another|Some|Several|Further)\s+)?(?P<noun>[Ss]uggestions?|[Pp]roposals?|[Vv]iews?|[Cc]oncerns?|[Rr]ecommendations?"
    r"|[Cc]omments?|[Rr]eservations?|[Ss]upport|[Qq]uestions?)\s+(?:was|were)\s+(?:also\s+)?(?:made|expressed|raised|put forward|voiced)\b"
)
_ON_SUGGESTION = re.compile(
    r"\b(?i:upon|on|at|following) the (?P<v>suggestion|proposal|request|recommendation|initiative) of "
)
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+|also\s+)*(?:supported|endorsed|welcomed|opposed|objected to|noted"
    r"|suggested|proposed|questioned|recommended|favou?red|echoed|seconded|backed|shared|raised|expressed)\s+by\s+"
    # "the proposal received the support of many Member States": the same agent after the verb
    r"|\breceived\s+(?:the\s+)?(?:\w+\s+)?(?:support|backing|endorsement)\s+(?:of|from)\s+"
)
_SUPPORTED_BY = re.compile(
    # the aside runs to the first ", <lower-case word>" that is not "and": country lists have commas
    r"\s*,\s*(?:(?:and|as well as)\s+)?(?:supported|seconded|joined|echoed|backed)\s+by\s+"
    r"(?P<sup>.+?)\s*,\s*(?=(?!and\b|as well as\b)[a-z])"
)
_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s[^,]{1,80}|speaking on behalf of [^,]{1,120}|on behalf of [^,]{1,120})\s*,\s*"
)
_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_PASSIVE_AFTER = re.compile(
    r"\s*(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?"
    # participles that describe the speakers' own stance ("were opposed to", "were concerned
    # about"), not something done to them ("were invited to")
    r"(?!(?:opposed|concerned|convinced|inclined|prepared|determined|disappointed|worried|pleased|satisfied|interested)\b)"
    r"\w+(?:ed|en)\b(?!\s+(?:of the view|in favou?r))"
)
_VERB_AFTER = re.compile(
    r"\s*(?:(?:also|further|however|strongly|therefore|then|generally|again|nevertheless|instead|subsequently|firmly|fully"
    r"|clearly|in particular|both|all|too|equally|initially)\s+)*"
    r"(?:(?:did|do|does|could|would|can|cannot|will|may|might)\s+(?:not\s+)?(?:support|agree|accept|endorse|see|favou?r|oppose|object|not)\b"
    r"|(?:were|was|are|is)\s+(?:not\s+|also\s+)?(?:of the view|in favou?r|against|concerned|supportive|opposed|unable|not able|keen|reluctant|open to)\b"
    r"|[a-z]{2,}ed\b|sought|said|felt|made|put forward|took|held|raised|spoke|drew|brought|saw|thought|wished|shared)"
)
_COURTESY = re.compile(
    r"\s*(?:also\s+)?(?:thanked|congratulated|welcomed (?:all )?(?:the )?(?:participants|delegates|delegations|everyone|all|members|Member States)"
    r"|paid tribute|expressed (?:\w+\s+)?(?:appreciation|gratitude|thanks|condolences)|opened|closed|observed a moment|bade farewell)",
    re.IGNORECASE,
)
_DECISION = re.compile(
    r"\s*(?:\w+ly\s+)?(?:agreed|decided|adopted|approved|took note|examined|discussed|considered|noted the (?:report|contribution|document|information|contributions))",
    re.IGNORECASE,
)
_PRESENTATION = re.compile(
    r"\s*(?:also\s+)?(?:presented|introduced|submitted)\s+(?:(?:its|their|his|her|the|a|an)\s+(?:\w+\s+)?)?(?:report|contribution|document|paper)s?\b",
    re.IGNORECASE,
)
_MUST_GROUP = re.compile(
    r"\b(?:[Ss]ome|[Ss]everal|[Oo]ne|[Vv]arious|[Mm]any|[Mm]ost|[Nn]umerous|[Cc]ertain|[Aa] few|[Aa] number of|[Aa]"
    r"|[Tt]he majority of|[Aa] majority of) (?:other )?Member States?\b"
)


@dataclass(slots=True)
class Actor:
    text: str
    kind: ActorKind
    quantifier: str | None = None
    members: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    verb_start: int | None = None
    impersonal_verb: str | None = None  # "agreed" in "It was agreed" (decisions are skipped)


def _moved(
    actor: Actor, start: int, verb_start: int, *, end: int | None = None, impersonal_verb: str | None = None
) -> Actor:
    """``dataclasses.replace(actor, start=…, verb_start=…[, end=…][, impersonal_verb=…])``,
    written out: ``replace`` costs several microseconds a call (``None`` keeps a field)."""
    a = actor
    return Actor(
        a.text,
        a.kind,
        a.quantifier,
        a.members,
        start,
        a.end if end is None else end,
        verb_start,
        a.impersonal_verb if impersonal_verb is None else impersonal_verb,
    )


_OPTIONAL_THE = re.compile(r"(?i:the\s+)?")
_THE = re.compile(r"\b[Tt]he\s+")


def _country_at(text: str, pos: int, mentions: list[CountryMention]) -> CountryMention | None:
    m = _OPTIONAL_THE.match(text, pos)
    at = m.end() if m else pos
    # a name may hold its own article ("The Democratic Republic of the Congo" starts at ``pos``)
    return next((c for c in mentions if c.start == at or c.start == pos), None)


def _named_unit(text: str, pos: int, mentions: list[CountryMention]) -> tuple[int, list[str]] | None:
    """A role + country ("the delegate of Canada") or a bare country at ``pos``: end and ISO3."""
    role = _ROLE.match(text, pos)
    if role:
        c = _country_at(text, role.end(), mentions)
        return (c.end, [c.iso3]) if c else None
    c = _country_at(text, pos, mentions)
    return (c.end, [c.iso3]) if c else None


def _unit_at(text: str, pos: int, mentions: list[CountryMention]) -> Actor | None:
    """The actor noun phrase starting exactly at ``pos`` (before any verb check)."""
    named = _named_unit(text, pos, mentions)
    if named:
        end, members = named
        while (j := _JOIN.match(text, end)) and (nxt := _named_unit(text, j.end(), mentions)):
            end, members = nxt[0], members + nxt[1]
        kind = ActorKind.MEMBER_STATE if len(members) == 1 else ActorKind.MEMBER_STATES_GROUP
        return Actor(text[pos:end], kind, None, members, pos, end)
    if m := _GROUP.match(text, pos):
        if m.group("others"):
            return Actor(m.group(0), ActorKind.MEMBER_STATES_GROUP, "other", [], pos, m.end())
        q = (m.group("q") or "").strip().lower()
        if m.group("other") and q not in ("one", "a", "another"):
            quant: str | None = "other"
        else:
            quant = _QUANTIFIERS.get(q) if q not in ("these", "those", "the") else None
        singular = m.group("noun") == "Member State"
        if singular and q not in ("one", "a", "another", "the", "these", "those", ""):
            return None
        if singular:
            return Actor(m.group(0), ActorKind.MEMBER_STATE, "one", [], pos, m.end())
        return Actor(m.group(0), ActorKind.MEMBER_STATES_GROUP, quant, [], pos, m.end())
    if m := _CHAIR.match(text, pos):
        return Actor(m.group(0), ActorKind.CHAIR, None, [], pos, m.end())
    if m := _SECRETARIAT.match(text, pos):
        return Actor(m.group(0), ActorKind.SECRETARIAT, None, [], pos, m.end())
    if m := _BODY.match(text, pos):
        return Actor(m.group(0), ActorKind.GROUP, None, [], pos, m.end())
    return None


def _with_verb(text: str, actor: Actor, mentions: list[CountryMention]) -> Actor | None:
    """``actor`` completed with its parenthetical supporters, if a verb (not a passive) follows."""
    end = actor.end
    members = list(actor.members)
    while True:
        if sup := _SUPPORTED_BY.match(text, end):
            members += [c.iso3 for c in find_countries(sup.group("sup"))]
            end = sup.end()
        elif app := _APPOSITION.match(text, end):
            end = app.end()
        else:
            break
    if _PASSIVE_AFTER.match(text, end):
        return None
    if not _VERB_AFTER.match(text, end):
        return None
    a = actor
    return Actor(a.text, a.kind, a.quantifier, list(dict.fromkeys(members)), a.start, a.end, end, a.impersonal_verb)


# Where each actor pattern can match at all: a plain substring test is far cheaper than
# scanning the clause with the pattern, and most clauses name few actors. Each test is implied
# by its pattern (same case rules), so skipping a failed one loses nothing. Case-insensitive
# words are looked for in the folded clause (``prefilter.fold``: a case-insensitive search for
# an ASCII word matches exactly where the folded text holds it), or with a regex when the text
# cannot be folded soundly.
_OTHERS = re.compile(r"others", re.IGNORECASE)
_CHAIR_WORD = re.compile(r"chair", re.IGNORECASE)
_SECRETARIAT_WORD = re.compile(r"secretariat", re.IGNORECASE)


def _may_group(text: str, folded: str | None) -> bool:
    return (
        "Member" in text
        or "elegation" in text
        or "dministrations" in text
        or "elegates" in text
        or "ountries" in text
        or "Councillors" in text
        or ("others" in folded if folded is not None else _OTHERS.search(text) is not None)
    )


_ROLE_WORDS = ("epresentative", "elegat", "Council", "Administration", "Minister", "Ambassador", "ead of")


def _may_role(text: str, folded: str | None) -> bool:
    # ``any(w in text for w in _ROLE_WORDS)`` written out: the same tests in the same order,
    # stopping at the first true one, without a generator per call.
    return (
        "epresentative" in text
        or "elegat" in text
        or "Council" in text
        or "Administration" in text
        or "Minister" in text
        or "Ambassador" in text
        or "ead of" in text
    )


def _may_chair(text: str, folded: str | None) -> bool:
    return "chair" in folded if folded is not None else _CHAIR_WORD.search(text) is not None


def _may_secretariat(text: str, folded: str | None) -> bool:
    return (
        "Secretary-General" in text
        or "Director" in text
        or ("secretariat" in folded if folded is not None else _SECRETARIAT_WORD.search(text) is not None)
    )


def _may_body(text: str, folded: str | None) -> bool:
    return "Group" in text or "CWG" in text or "meeting" in text


# ``_GROUP`` opens with an optional quantifier, so the engine tries it at every position of the
# clause; its search is started instead a few words before the first place its noun can be.
# How many words: a quantifier's words (at most four, "a large number of") and "other".
_GROUP_LEAD_WORDS = max(len(q.split()) for q in [*_QUANTIFIERS, "these", "those", "the"]) + 1
# Each noun of ``_GROUP`` (case-sensitive there) holds one of these at the given offset from its
# start: "Member States?|Members", "[Dd]elegations?|[Dd]elegates", "[Aa]dministrations",
# "Councillors", "[Cc]ountries".
_GROUP_NOUN_CORES = (("Member", 0), ("elegat", 1), ("dministrations", 1), ("Councillors", 0), ("ountries", 1))


def _group_search(text: str, folded: str | None, pos: int) -> re.Match[str] | None:
    """``_GROUP.search(text, pos)``, started closer to its match.

    Why the match is the same: every match at p ≥ ``pos`` ends in a noun (or "others") at some
    n ≥ p, and ``text[p:n]`` is the optional quantifier and "other": letters (an ASCII letter
    under IGNORECASE matches only characters for which ``str.isalpha`` holds) and whitespace
    (``\\s``, ``str.isspace``), in at most ``_GROUP_LEAD_WORDS`` runs of letters, the first
    character a letter. ``first`` below is at most every such n (each noun's core is found at
    n + offset, or "others" at n, by a search from ``pos`` ≤ n). Walking back from ``first``
    over up to that many runs of letters and whitespace reaches p or further when p < first:
    ``text[p:first]`` is a prefix of ``text[p:n]``, of letters and whitespace in no more runs.
    So no match starts between ``pos`` and the walk's end ``floor``, and a search from
    ``floor`` tries the same positions from there on; ``\\b`` still sees the character before
    ``floor`` (a search from a position looks behind it).
    """
    first = len(text)
    for core, offset in _GROUP_NOUN_CORES:
        j = text.find(core, pos)
        if j >= 0 and j - offset < first:
            first = j - offset  # may be pos - 1 (a core at pos): the floor is then pos
    if folded is not None:
        j = folded.find("others", pos, first + 6)
    else:
        o = _OTHERS.search(text, pos, first + 6)
        j = o.start() if o is not None else -1
    if 0 <= j < first:
        first = j
    floor = max(first, pos)
    for _ in range(_GROUP_LEAD_WORDS):
        while floor > pos and text[floor - 1].isspace():
            floor -= 1
        while floor > pos and text[floor - 1].isalpha():
            floor -= 1
    return _GROUP.search(text, floor)


_ACTOR_PATTERNS = (
    (_GROUP, _may_group),
    (_ROLE, _may_role),
    (_CHAIR, _may_chair),
    (_SECRETARIAT, _may_secretariat),
    (_BODY, _may_body),
)


def _candidate_starts(text: str, folded: str | None, mentions: list[CountryMention]) -> Iterator[int]:
    """Where an actor may start, in increasing order without repeats, produced lazily.

    The starts are those of every match of each actor pattern (what ``finditer`` gives), of
    each country mention, and of a "the" right before one ("the Russian Federation").

    The caller stops at the first start that gives an actor, usually near the beginning of the
    clause, so each pattern is searched only as far as its next match: ``rx.search(text, end)``
    from the end of its previous match is the next ``finditer`` match (none of these patterns
    matches the empty string). A hand-written merge of the few streams costs less than
    ``heapq.merge`` over generators. Mention and "the" starts are few and found already.
    """
    fixed = [c.start for c in mentions]  # increasing: mentions do not overlap
    if fixed:
        mention_starts = set(fixed)
        fixed = sorted(mention_starts.union(m.start() for m in _THE.finditer(text) if m.end() in mention_starts))
    heads: list[list[Any]] = []  # [start, end, pattern] of each pattern's next match
    for rx, may_match in _ACTOR_PATTERNS:
        if not may_match(text, folded):
            continue
        if (m := _group_search(text, folded, 0) if rx is _GROUP else rx.search(text)) is not None:
            heads.append([m.start(), m.end(), rx])
    none = len(text) + 1  # after every start
    i = 0
    while True:
        pos = fixed[i] if i < len(fixed) else none
        for head in heads:
            if head[0] < pos:
                pos = head[0]
        if pos == none:
            return
        yield pos
        if i < len(fixed) and fixed[i] == pos:
            i += 1
        for head in heads:
            if head[0] == pos:
                rx = head[2]
                m = _group_search(text, folded, head[1]) if rx is _GROUP else rx.search(text, head[1])
                if m is not None:
                    head[0], head[1] = m.start(), m.end()
                else:
                    head[0] = none


# The impersonal and passive forms below are searched in every clause but seldom present; each
# can only match where one of the words its pattern requires is (see ``prefilter``).
_ON_SUGGESTION_G = Guard(_ON_SUGGESTION)
_IMPERSONAL_G = Guard(_IMPERSONAL)
_NOUN_IMPERSONAL_G = Guard(_NOUN_IMPERSONAL)
_PASSIVE_BY_G = Guard(_PASSIVE_BY)


def _starts_at_zero(text: str, folded: str | None, mentions: list[CountryMention]) -> bool:
    """Whether 0 is one of the positions :func:`_candidate_starts` yields.

    Each stream's first item is its leftmost match, which starts at 0 exactly when the pattern
    matches at 0 (``search`` tries 0 first, the same attempt as ``match``); likewise for the
    "the" before a mention, whose end is the same whichever call finds it.
    """
    for c in mentions:
        if c.start == 0:
            return True
    if mentions and (the := _THE.match(text)) is not None:
        end = the.end()
        for c in mentions:
            if c.start == end:
                return True
    for rx, may_match in _ACTOR_PATTERNS:  # noqa: SIM110 - a plain loop is cheaper than any() over a generator
        if may_match(text, folded) and rx.match(text) is not None:
            return True
    return False


def find_actor(text: str, previous: Actor | None = None) -> Actor | None:
    """The actor of a clause, or None. ``previous`` resolves "They"/"He"/"these Member States".

    Most clauses open with their actor ("Some Member States noted …"), so an actor at 0 is
    tried first, and when there is one the rest of the clause is not scanned. Why that gives
    :func:`_scan_actor`'s answer: the scan's actor is the candidate with the smallest start,
    the first such in the order they are collected. 0 is the smallest start possible, and the
    start loop, which tries its positions in increasing order, would try 0 first and stop
    there. Only the three forms collected before that loop can then win the tie, and only
    where they match at 0 (a search's first match starts at 0 exactly when a match at 0
    exists, and it is that match); the passive and pronoun forms come after and never win a
    tie.
    """
    mentions = find_countries(text)
    folded = fold(text)
    if not _starts_at_zero(text, folded, mentions):
        return _scan_actor(text, previous, mentions, folded, False)
    unit = _unit_at(text, 0, mentions)
    full = _with_verb(text, unit, mentions) if unit else None
    if full is None:
        return _scan_actor(text, previous, mentions, folded, True)
    actor = full
    # With the current patterns none of these can match where an actor starts, but the tie is
    # kept so the equivalence does not rest on that. A bare ``match`` at 0 fails on the first
    # characters, cheaper than the guards (which are sound: they never veto a match).
    if (m := _ON_SUGGESTION.match(text)) and (on := _unit_at(text, m.end(), mentions)):
        actor = _moved(on, 0, m.start("v"))
    elif m := _IMPERSONAL.match(text):
        agent = _unit_at(text, m.end(), mentions) if m.group(0).rstrip().endswith("by") else None
        if agent:
            actor = _moved(agent, 0, 3, impersonal_verb=m.group("v"))
        else:
            actor = Actor("It", ActorKind.UNSPECIFIED, None, [], 0, 2, 3, m.group("v"))
    elif m := _NOUN_IMPERSONAL.match(text):
        phrase = text[: m.start("noun")] + m.group("noun")
        actor = Actor(phrase, ActorKind.UNSPECIFIED, None, [], 0, m.end(), m.start("noun"))
    return _these_those(actor, previous)


def _these_those(actor: Actor, previous: Actor | None) -> Actor:
    """"these Member States" takes the quantifier of the group they refer back to."""
    if (
        actor.text.lower().startswith(("these ", "those "))
        and actor.quantifier is None
        and previous is not None
    ):
        actor.quantifier = previous.quantifier
    return actor


def _scan_actor(
    text: str, previous: Actor | None, mentions: list[CountryMention], folded: str | None, zero_failed: bool
) -> Actor | None:
    """:func:`find_actor` by scanning the whole clause; ``zero_failed``: the start 0 is known
    to give no actor with a verb (the start loop skips it: the same test would fail again)."""
    candidates: list[Actor] = []
    if m := _ON_SUGGESTION_G.search(text, folded):
        unit = _unit_at(text, m.end(), mentions)
        if unit:
            candidates.append(_moved(unit, m.start(), m.start("v")))
    if m := _IMPERSONAL_G.search(text, folded):
        agent = _unit_at(text, m.end(), mentions) if m.group(0).rstrip().endswith("by") else None
        if agent:
            candidates.append(_moved(agent, m.start(), m.start() + 3, impersonal_verb=m.group("v")))
        else:
            it = Actor(
                "It", ActorKind.UNSPECIFIED, None, [], m.start(), m.start() + 2, m.start() + 3, m.group("v")
            )
            candidates.append(it)
    if m := _NOUN_IMPERSONAL_G.search(text, folded):
        phrase = text[m.start() : m.start("noun")] + m.group("noun")
        candidates.append(Actor(phrase, ActorKind.UNSPECIFIED, None, [], m.start(), m.end(), m.start("noun")))
    for pos in _candidate_starts(text, folded, mentions):
        if pos == 0 and zero_failed:
            continue
        unit = _unit_at(text, pos, mentions)
        if unit and (full := _with_verb(text, unit, mentions)):
            candidates.append(full)
            break
    if m := _PASSIVE_BY_G.search(text, folded):
        agent = _unit_at(text, m.end(), mentions)
        if agent:
            candidates.append(_moved(agent, m.start(), m.start()))
    m = _PRONOUN.match(text, _lead_in_end(text))
    if (
        m
        and previous is not None
        and _VERB_AFTER.match(text, m.end())
        and not _PASSIVE_AFTER.match(text, m.end())
    ):
        candidates.append(_moved(previous, m.start(), m.end(), end=m.end()))
    if not candidates:
        return None
    return _these_those(min(candidates, key=lambda a: a.start), previous)


_LEAD_IN = re.compile(
    r"(?:(?:However|Also|Hence|Therefore|Thus|Moreover|Furthermore|In addition|Further|Finally|Nevertheless|In this regard|Similarly|Likewise|Accordingly)\s*,?\s*)*"
)


# An actor-less sentence continues the previous speaker only when it opens with a connective;
# "The report was noted." after a Member State's remark is the meeting's outcome, not theirs.
_FOLLOW_UP = re.compile(
    r"(?:Hence|Therefore|Thus|Accordingly|As such|In addition|Moreover|Furthermore|In this regard|Also)\b"
)


def _lead_in_end(text: str) -> int:
    m = _LEAD_IN.match(text)
    return m.end() if m else 0


# ---------------------------------------------------------------------------------------------
# Clauses
# ---------------------------------------------------------------------------------------------

_CLAUSE_BREAK_CORE = re.compile(r",\s*(?:while|whereas|though|although|but|and)\s+|;\s*(?:while|whereas|but|and)?\s*")
_CLAUSE_BREAK = re.compile(rf"\s*(?:{_CLAUSE_BREAK_CORE.pattern})")  # what a break is; see _clause_breaks


def _clause_breaks(sentence: str) -> list[tuple[int, int]]:
    """The spans of ``_CLAUSE_BREAK.finditer(sentence)``, found faster.

    ``_CLAUSE_BREAK`` opens with ``\\s*``, so the engine tries it at every position; the core
    (without that ``\\s*``) opens with "," or ";", which the engine skips to directly. Why the
    spans are the same: from a position p, ``\\s*`` runs to the end q of the whitespace there and
    the core must match at q (backing off leaves a whitespace character where "," or ";" is
    needed), and the core's match at q does not depend on p. So the first match at or after
    ``pos`` ends where the first core match at or after ``pos`` ends, and starts at the
    earliest p ≥ ``pos`` from which only whitespace leads to that core: its whitespace run,
    cut at ``pos``. ``finditer`` then goes on from the match's end (no match is empty: the
    core holds a "," or ";"). ``str.isspace`` is the test ``\\s`` makes on ``str`` patterns.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    search = _CLAUSE_BREAK_CORE.search
    while (m := search(sentence, pos)) is not None:
        start = m.start()
        while start > pos and sentence[start - 1].isspace():
            start -= 1
        pos = m.end()
        out.append((start, pos))
    return out


def split_clauses(sentence: str) -> list[str]:
    """Split where a second actor takes the floor ("…, while some other Member States stated …").

    Only breaks followed by an actor and its verb split: "…, whereas the Group's mandate
    covers …" stays one clause.
    """
    pieces: list[str] = []
    start = 0
    for b_start, b_end in _clause_breaks(sentence):
        rest = sentence[b_end:]
        mentions = find_countries(rest)
        unit = _unit_at(rest, 0, mentions)
        if unit and unit.kind is not ActorKind.GROUP and _with_verb(rest, unit, mentions):
            pieces.append(sentence[start:b_start].strip())
            start = b_end
    pieces.append(sentence[start:].strip())
    return [p for p in pieces if p]


@dataclass(frozen=True, slots=True)
class ClauseReading:
    clause: str
    actor: Actor | None
    stance: StanceResult | None
    skip_reason: str | None = None


def read_sentence(sentence: str, previous: Actor | None = None) -> list[ClauseReading]:
    """Actor and stance of each clause of a sentence (also used by the stance benchmark)."""
    return _read_sentence(sentence, previous, True)


def _read_sentence(sentence: str, previous: Actor | None, every_stance: bool) -> list[ClauseReading]:
    """:func:`read_sentence`; without ``every_stance``, a stance :func:`_positions_in` never
    reads is left None instead of classified (classifying is most of the cost of a clause).

    The stances left out, and why they are unread there: a clause whose actor is skipped
    (decision, courtesy, presentation) is dropped whatever its stance; so is an actor-less
    clause, unless it opens with a follow-up connective (``_FOLLOW_UP``), the one case where
    its stance is taken with the previous actor — so those are still classified.
    """
    out: list[ClauseReading] = []
    for clause in split_clauses(sentence):
        actor = find_actor(clause, previous)
        skip = None
        stance: StanceResult | None
        if actor is None:
            # every match holds "Member State" (same case): a substring test spares the scan
            must = _MUST_GROUP.search(clause) if "Member State" in clause else None
            if must:
                actor = _unit_at(clause, must.start(), find_countries(clause))
            if actor is not None:
                actor.verb_start = actor.end
                stance = classify(clause, actor.end) or StanceResult(Stance.NOTE, "", "default")
            elif every_stance or _FOLLOW_UP.match(clause):
                stance = classify(clause, None)
            else:
                stance = None
        else:
            vs = actor.verb_start if actor.verb_start is not None else actor.end
            if actor.impersonal_verb in ("agreed", "decided"):
                skip = "decision"
            elif _COURTESY.match(clause, vs):
                skip = "courtesy"
            elif _PRESENTATION.match(clause, vs):
                skip = "presentation"
            elif actor.kind is ActorKind.GROUP and _DECISION.match(clause, vs):
                skip = "decision"
            if skip is not None and not every_stance:
                stance = None
            else:
                stance = classify(clause, vs)
                if stance is None and actor.kind in (ActorKind.MEMBER_STATES_GROUP, ActorKind.MEMBER_STATE):
                    verb = re.match(r"\s*(\S+)", clause[vs:])
                    stance = StanceResult(Stance.NOTE, verb.group(1) if verb else "", "default")
                if actor.kind is ActorKind.GROUP and stance is not None and stance.stance is Stance.NOTE:
                    skip = skip or "decision"
        out.append(ClauseReading(clause, actor, stance, skip))
        if actor is not None:
            previous = actor
    return out


# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------

_SUMMARY_TITLE = re.compile(
    r"^\s*(?:summary|abstract|résumé|introduction of the (?:contribution|document))\s*[:.]?\s*$",
    re.IGNORECASE,
)
_DISCUSSION_TITLE = re.compile(r"^\s*discussions?\b", re.IGNORECASE)
_FURNITURE_TITLE = re.compile(
    r"\b(?:actions?|decisions?|conclusions?|outcomes?|closing|opening|introduction|summary of the meeting|next meeting|date and place"
    r"|welcome|election of|opening remarks)\b",
    re.IGNORECASE,
)
_AGENDA_TITLE = re.compile(r"\bagenda\b", re.IGNORECASE)
_TOPIC_TITLE = re.compile(
    # "Concerning the topic on X", and the bare item titles "Topic on X", "Topic 2: X", "Proposed topic – X"
    r"^\s*(?:(?:concerning|regarding|on|with regard to|as regards|with respect to|in relation to)\s+(?:the\s+)?(?:proposed\s+)?topics?\s*"
    r"|(?:proposed\s+)?topic(?:\s+\d{1,2})?(?:\s*[:\u2013\u2014-]\s*|\s+(?=on\b|of\b|entitled\b|concerning\b|about\b|regarding\b)))"
    r"(?:on|of|entitled|concerning|about|regarding)?\s*",
    re.IGNORECASE,
)
_LETTERED = re.compile(r"\.[a-z]$")


def topic_from_title(title: str) -> str | None:
    """The topic named by a lettered sub-item title ("Concerning the topic on X, several …")."""
    m = _TOPIC_TITLE.match(title)
    if not m:
        return None
    rest = title[m.end() :]
    actor = find_actor(rest)
    if actor is not None and actor.start > 0:
        rest = rest[: actor.start]
    rest = rest.split(":")[0]
    rest = rest.strip().strip("“”\"'‘’").strip(" ,;:.").strip("“”\"'‘’")
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    if not rest:
        return None
    return rest[0].upper() + rest[1:]


_STATE_ACTORS = frozenset({ActorKind.MEMBER_STATE, ActorKind.MEMBER_STATES_GROUP})
# A Member State actor is a country ("Canada", "the delegate of Canada") or one of ``_GROUP``'s
# nouns; these substrings are in every such noun (both cases where ``_GROUP`` allows both).
_STATE_WORDS = ("Member", "elegation", "elegates", "dministrations", "Councillors", "ountries")


def _names_states(text: str) -> bool:
    """Can ``text`` name a Member State actor? Not without a country or a group noun."""
    # ``any(w in text for w in _STATE_WORDS)`` written out (same tests, same order).
    return (
        "Member" in text
        or "elegation" in text
        or "elegates" in text
        or "dministrations" in text
        or "Councillors" in text
        or "ountries" in text
        or "others" in text.lower()
        or bool(find_countries(text))
    )


@dataclass(slots=True)
class _Context:
    contribution: str | None = None
    topic: str | None = None
    mode: str = "procedural"  # "procedural" | "discussion" | "excluded"
    number: str | None = None  # nearest numbered section (unnumbered "Discussion" parts report it)


def _contribution_of(title: str) -> str | None:
    if _AGENDA_TITLE.search(title):
        return None
    symbols = find_symbols(title)
    return symbols[0].canonical if symbols else None


def _texts(section: Section) -> Iterator[tuple[str, Provenance | None, bool]]:
    """(text, provenance, is_title) for the sentences-bearing text of a section."""
    if section.number and _LETTERED.search(section.number):
        yield section.title, section.provenance, True
    for p in section.paragraphs:
        yield p.text, p.provenance, False


def _positions_in(
    section: Section, ctx: _Context, split: Splitter = split_sentences, *, states_only: bool = False
) -> list[Position]:
    """``states_only``: read only sentences that name a Member State themselves (procedural
    sections, where a "They" is not followed back and only Member States' positions count)."""
    out: list[Position] = []
    previous: Actor | None = None
    for text, prov, _ in _texts(section):
        if states_only and not _names_states(text):
            continue
        previous_in_paragraph: Actor | None = None
        for sentence in split(text):
            if states_only and not _names_states(sentence):
                continue
            readings = _read_sentence(sentence, previous_in_paragraph or previous, False)
            for r in readings:
                actor = r.actor
                if (
                    actor is None
                    and r.stance is not None
                    and previous_in_paragraph is not None
                    and _FOLLOW_UP.match(r.clause)
                ):
                    actor = previous_in_paragraph  # "Hence, the CWG should continue …"
                if actor is None or r.stance is None or r.skip_reason:
                    if r.actor is not None:
                        previous_in_paragraph = r.actor
                    continue
                out.append(
                    Position(
                        section=section.number or ctx.number,
                        contribution=ctx.contribution,
                        topic=ctx.topic,
                        actor=actor.text,
                        actor_kind=actor.kind,
                        quantifier=actor.quantifier,
                        members=list(actor.members),
                        stance=r.stance.stance,
                        cue=r.stance.cue,
                        text=sentence,
                        provenance=prov,
                    )
                )
                previous_in_paragraph = actor
        if previous_in_paragraph is not None:
            previous = previous_in_paragraph
    return out


def _walk(section: Section, ctx: _Context, split: Splitter) -> list[Position]:
    title = section.title or ""
    if _SUMMARY_TITLE.match(title):
        return []
    contribution = _contribution_of(title)
    here = _Context(contribution or ctx.contribution, ctx.topic, ctx.mode, section.number or ctx.number)
    if _DISCUSSION_TITLE.match(title):
        here.mode = "discussion"
    elif here.mode == "procedural" and not contribution and _FURNITURE_TITLE.search(title):
        here.mode = "excluded"
    if section.number and _LETTERED.search(section.number):
        here.topic = topic_from_title(title) or ctx.topic
    out: list[Position] = []
    if here.mode != "excluded":
        out.extend(_positions_in(section, here, split))
    else:
        # Opening, elections, conclusions…: the Chair's and the secretariat's words there are
        # procedure, but a Member State taking a position is still one ("Some Members suggested
        # that regional balance be respected" under "Election of Vice-Chairmen").
        states = _positions_in(section, here, split, states_only=True)
        out.extend(p for p in states if p.actor_kind in _STATE_ACTORS)
    for child in section.children:
        out.extend(_walk(child, here, split))
    return out


def extract_positions(doc: Document, *, sentences: Splitter | None = None) -> list[Position]:
    """Positions taken in the discussions and on procedural items, in document order.

    ``sentences`` splits a paragraph into sentences (default :func:`split_sentences`; a
    :class:`~cwgtool.extract.sentences.SentenceMemo` shared with the other extractors of the
    document spares splitting a paragraph twice).
    """
    split = sentences or split_sentences
    out: list[Position] = []
    for section in doc.sections:
        out.extend(_walk(section, _Context(), split))
    return out


def positions_from_paragraphs(paragraphs: list[Paragraph], section: str | None = None) -> list[Position]:
    """Positions in loose paragraphs (no outline), e.g. for a pasted discussion excerpt."""
    sec = Section(number=section, title="Discussion", level=1, paragraphs=paragraphs)
    return _positions_in(sec, _Context(mode="discussion"))


__all__ = [
    "Actor",
    "ClauseReading",
    "extract_positions",
    "find_actor",
    "read_sentence",
    "split_clauses",
    "topic_from_title",
]

"""The actor of a clause: who speaks, found by the grammar of its parts.

An actor phrase is one of:

* **named**: a country, or a role and a country ("the delegate of Canada", "The Councillor from
  Fiji"), several joined by "," / "and" ("China and the Russian Federation"), with asides that
  add supporters (", supported by Samoa and Tonga,") or name the speaker (", Mr X,");
* **group**: an optional quantifier, "other", and a group noun ("Some other Member States",
  "Delegates from several regions", "others");
* **the Chair, the secretariat, the Group** (the body itself);
* **impersonal and passive**: "It was suggested (by …) that", "A suggestion was made", "Upon the
  suggestion of X", "was supported by X", "received the support of X";
* **a pronoun** ("They", "He") that takes the previous actor.

An actor counts only when a verb follows it (``with_verb``): "Member States" in the content of a
clause is not a speaker. ``quantifier`` is normalised to one of: one, some, several, many, most,
various, other, a few, all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cwgtool.countries import CountryMention, find_countries
from cwgtool.model import ActorKind

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


def actor_at(text: str, pos: int, mentions: list[CountryMention]) -> Actor | None:
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


def with_verb(text: str, actor: Actor, mentions: list[CountryMention]) -> Actor | None:
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
    return replace(actor, members=list(dict.fromkeys(members)), verb_start=end)


_THE_BEFORE = re.compile(r"\b[Tt]he\s+")
_ACTOR_PATTERNS = (_GROUP, _ROLE, _CHAIR, _SECRETARIAT, _BODY)


def _starts(text: str, mentions: list[CountryMention]) -> list[int]:
    """Where an actor phrase may start: each actor pattern's matches, each country, and a "the"
    right before a country ("the Russian Federation"), in order."""
    starts = {c.start for c in mentions}
    starts.update(m.start() for m in _THE_BEFORE.finditer(text) if m.end() in starts)
    for rx in _ACTOR_PATTERNS:
        starts.update(m.start() for m in rx.finditer(text))
    return sorted(starts)


def find_actor(text: str, previous: Actor | None = None) -> Actor | None:
    """The actor of a clause (the leftmost of the forms found), or None.

    ``previous`` resolves "They"/"He" and gives "these Member States" its quantifier.
    """
    mentions = find_countries(text)
    candidates: list[Actor] = []
    if m := _ON_SUGGESTION.search(text):
        unit = actor_at(text, m.end(), mentions)
        if unit:
            candidates.append(replace(unit, start=m.start(), verb_start=m.start("v")))
    if m := _IMPERSONAL.search(text):
        agent = actor_at(text, m.end(), mentions) if m.group(0).rstrip().endswith("by") else None
        if agent:
            candidates.append(
                replace(agent, start=m.start(), verb_start=m.start() + 3, impersonal_verb=m.group("v"))
            )
        else:
            candidates.append(
                Actor("It", ActorKind.UNSPECIFIED, None, [], m.start(), m.start() + 2, m.start() + 3, m.group("v"))
            )
    if m := _NOUN_IMPERSONAL.search(text):
        phrase = text[m.start() : m.start("noun")] + m.group("noun")
        candidates.append(Actor(phrase, ActorKind.UNSPECIFIED, None, [], m.start(), m.end(), m.start("noun")))
    for pos in _starts(text, mentions):
        unit = actor_at(text, pos, mentions)
        if unit and (full := with_verb(text, unit, mentions)):
            candidates.append(full)
            break
    if m := _PASSIVE_BY.search(text):
        agent = actor_at(text, m.end(), mentions)
        if agent:
            candidates.append(replace(agent, start=m.start(), verb_start=m.start()))
    m = _PRONOUN.match(text, lead_in_end(text))
    if m and previous is not None and _VERB_AFTER.match(text, m.end()) and not _PASSIVE_AFTER.match(text, m.end()):
        candidates.append(replace(previous, start=m.start(), end=m.end(), verb_start=m.end()))
    if not candidates:
        return None
    return _these_those(min(candidates, key=lambda a: a.start), previous)


def _these_those(actor: Actor, previous: Actor | None) -> Actor:
    """"these Member States" takes the quantifier of the group they refer back to."""
    if actor.text.lower().startswith(("these ", "those ")) and actor.quantifier is None and previous is not None:
        actor.quantifier = previous.quantifier
    return actor


_LEAD_IN = re.compile(
    r"(?:(?:However|Also|Hence|Therefore|Thus|Moreover|Furthermore|In addition|Further|Finally|Nevertheless"
    r"|In this regard|Similarly|Likewise|Accordingly)\s*,?\s*)*"
)


def lead_in_end(text: str) -> int:
    """Where a clause starts after its connectives ("However, also …")."""
    m = _LEAD_IN.match(text)
    return m.end() if m else 0


__all__ = ["Actor", "actor_at", "find_actor", "lead_in_end", "with_verb"]

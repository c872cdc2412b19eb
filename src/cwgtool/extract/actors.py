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

from cwgtool.countries import CountryMention, find_countries, trie_source
from cwgtool.model import ActorKind

_QUANTIFIERS = {
    "some": "some", "several": "several", "many": "many", "most": "most", "various": "various",
    "a few": "a few", "few": "a few", "all": "all", "a number of": "several", "a majority of": "most",
    "the majority of": "most", "a large number of": "many", "numerous": "many", "a small number of": "a few",
    "other": "other", "the other": "other", "some other": "other", "many other": "other", "several other": "other",
    "one": "one", "a": "one", "another": "one", "certain": "some", "two": "a few", "three": "a few",
    "a majority of the": "most", "the majority of the": "most", "most of the": "most", "many of the": "many",
    "some of the": "some", "several of the": "several", "all the": "all", "all of the": "all",
    "a minority": "a few", "a minority of": "a few",
}  # fmt: skip
# as a trie (one character tested per branch): _GROUP is tried at every word of a clause
_Q_ALT = trie_source([*_QUANTIFIERS, "these", "those", "the"])

_GROUP = re.compile(
    rf"(?P<q>\b(?i:{_Q_ALT})\s+)?(?P<other>(?i:other)\s+)?"
    r"(?P<noun>Member States?|[Mm]embers?|[Dd]elegations?|[Dd]elegates?|[Aa]dministrations?|[Cc]ouncill?ors?|[Cc]ountries"
    r"|[Ss]peakers?|[Pp]articipants?|(?:[Rr]egional\s+)?[Gg]roups)\b"
    # "Delegates from several regions", "Member States of the Arab region"
    r"(?:\s+(?:from|of|in|representing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:regions?|countries|groups?|States))?"
    r"|(?P<others>\b(?i:(?:some|many|several|most|the)\s+)?(?i:others))\b"
    # a quantifier standing for the group just named: "…; a few, however, expressed reservations"
    r"|(?P<elliptic>\b(?i:a few|a minority|some|several|many|most|one)(?=\s*,|\s+(?:were|was|had|did|could|would|also)\b))"
)
_ROLE = re.compile(
    r"\b(?i:the\s+)?(?P<role>[Rr]epresentatives?|[Dd]elegates?|[Dd]elegations?|[Cc]ouncill?ors?|[Oo]bservers?|Administration"
    r"|Minister|Ambassador"
    r"|[Hh]ead of (?:the )?[Dd]elegation)\s+(?:of|from)\s+"
)
_CHAIR = re.compile(
    r"\b(?i:the\s+)?(?i:(?:vice-)?chair(?:man|woman|person)?s?)(?:\s+of the (?:Group|CWG(?:-Internet)?|meeting|Council Working Group))?\b"
)
_SECRETARIAT = re.compile(
    r"\b(?i:the\s+)?(?:ITU\s+)?(?:(?i:secretariat)|(?:Deputy\s+)?Secretary-General|(?:BDT|TSB|BR) Director|Director of (?:BDT|TSB|BR))\b"
)
_BODY = re.compile(
    r"\b(?i:the)\s+(?:Group|CWG(?:-Internet)?(?![-\w])|meeting|Working Group|Council Working Group|Council(?!\s+(?:Res|Decision)))\b"
)
_PRONOUN = re.compile(r"\b(?:[Tt]hey|[Hh]e|[Ss]he)\b")  # only where the clause starts (after any lead-in)
# A decision of the body without its agent: "The report was noted", "The draft resolution was approved",
# also after a lead-in ("However, the report was noted").
_PASSIVE_DECISION = re.compile(
    r"(?P<subject>(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+){0,3}?(?:report|document|contribution|proposal|text|draft"
    r"|item|agenda|resolution|decision|information|minutes|summary|amendment|recommendation)s?(?:\s+[\w/().-]+){0,2}?)"
    r"\s+(?:was|were)\s+(?:duly\s+|thus\s+)?(?P<v>noted|approved|adopted|accepted|agreed)\b(?!\s+by\b)"
)
_DECISION_VERBS = frozenset({"agreed", "decided"})
_BARE_NOUNS = frozenset({"delegations", "delegates", "administrations", "countries"})  # as before #16
_IMPERSONAL = re.compile(
    r"\b[Ii]t was (?:also |further |generally |widely )?(?P<v>suggested|proposed|noted|recommended|stressed|highlighted|observed"
    r"|recalled|pointed out|emphasi[sz]ed|stated|mentioned|felt|considered|questioned|agreed|decided|underlined|recogni[sz]ed"
    r"|argued|said|indicated|clarified|explained|requested|expressed|commented)\b(?:\s+by\s+)?"
)
_NOUN_IMPERSONAL = re.compile(
    r"\b(?:(?:A|An|One|Another|Some|Several|Further|Broad|Wide|Strong|General|Serious|Many|Numerous|Considerable)\s+)?"
    r"(?P<noun>[Ss]uggestions?|[Pp]roposals?|[Vv]iews?|[Cc]oncerns?|[Rr]ecommendations?|[Cc]omments?|[Rr]eservations?|[Ss]upport"
    r"|[Qq]uestions?|[Dd]oubts?|[Oo]bjections?|[Cc]larifications?|[Rr]equests?|[Oo]pposition|[Bb]acking)"
    # "Support for the topic was expressed by several delegations"
    r"(?:\s+(?:for|on|about|to|of|regarding|concerning)\s+[^,;]{1,60}?)?"
    r"\s+(?:was|were)\s+(?:also\s+)?(?:made|expressed|raised|put forward|voiced|given|sought|requested|received|shown)\b"
    # "Support was given to the proposal by several delegations"
    r"(?:(?:\s+(?:to|for|on|about|regarding)\s+[^,;]{1,60}?)?\s+by\s+)?"
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
# "X, also speaking for Y and Z," — the countries named are members of the actor
_SPEAKING_FOR = re.compile(
    r"\s*,\s*(?:also\s+)?(?:speaking\s+)?(?:also\s+)?(?:for|on behalf of)\s+(?P<sup>[^,;]{1,120}?(?:,\s*[A-Z][^,;]{0,60}?)*)\s*,\s*(?=[a-z])"
)
_APPOSITION = re.compile(
    r"\s*,\s*(?:(?:Mr|Ms|Mrs|Dr|H\.E\.)\.?\s[^,]{1,80})\s*,\s*"
    # an aside between actor and verb: "Japan, while acknowledging …, was unable to", "Mexico,
    # which had consulted …, endorsed", "Denmark, however, considered", "introducing Document …"
    r"|\s*,\s*(?:which|who|while|whilst|although|though|after|having|noting|recogni[sz]ing|acknowledging|referring"
    r"|introducing|presenting|recalling|citing|stressing|emphasi[sz]ing|highlighting|in\s+\w+|as\s+\w+|for\s+its\s+part"
    r"|however|moreover|furthermore|nevertheless|therefore|also|too|for\s+their\s+part|on\s+the\s+other\s+hand|in\s+turn)"
    r"\b[^,;]{0,160}?\s*,\s*"
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
    r"(?:(?:did|do|does|could|would|can|cannot)(?:n't)?\b"
    r"|(?:were|was|are|is|had|has|have)\b"
    r"|[a-z]{2,}ed\b|sought|said|felt|made|put forward|took|held|raised|spoke|drew|brought|saw|thought|wished|shared|found|gave)"
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
    impersonal_verb: str | None = None  # "agreed" in "It was agreed"
    decision: bool = False  # the body's decision ("It was agreed that", "The report was noted")


_OPTIONAL_THE = re.compile(r"(?i:the\s+)?")
_THE = re.compile(r"\b[Tt]he\s+")


# The Member States named in a text, by where each name starts: what the actor forms look up.
Mentions = dict[int, CountryMention]


def mentions_in(text: str) -> Mentions:
    """The Member States named in ``text``, by where each name starts."""
    return {m.start: m for m in find_countries(text)}


def mentions_by_piece(mentions: Mentions, pieces: list[tuple[int, int]]) -> list[Mentions]:
    """The names inside each of ``pieces`` (``(start, end)`` of the text, in order), placed as
    in that piece: the clauses of a sentence get the sentence's countries, handed out in one
    pass over them."""
    names = iter(mentions.values())  # in text order
    name = next(names, None)
    out: list[Mentions] = []
    for start, end in pieces:
        inside: Mentions = {}
        while name is not None and name.end <= end:
            if name.start >= start:
                inside[name.start - start] = name.relative_to(start)
            name = next(names, None)
        out.append(inside)
    return out


def _country_at(text: str, pos: int, mentions: Mentions) -> CountryMention | None:
    m = _OPTIONAL_THE.match(text, pos)
    at = m.end() if m else pos
    # a name may hold its own article ("The Democratic Republic of the Congo" starts at ``pos``)
    return mentions.get(pos) or mentions.get(at)


def _named_unit(text: str, pos: int, mentions: Mentions) -> tuple[int, list[str]] | None:
    """A role + country ("the delegate of Canada") or a bare country at ``pos``: end and ISO3."""
    if not mentions:  # no country is named in the text
        return None
    role = _ROLE.match(text, pos)
    if role:
        c = _country_at(text, role.end(), mentions)
        return (c.end, [c.iso3]) if c else None
    c = _country_at(text, pos, mentions)
    return (c.end, [c.iso3]) if c else None


def actor_at(text: str, pos: int, mentions: Mentions) -> Actor | None:
    """The actor noun phrase starting exactly at ``pos`` (before any verb check)."""
    named = _named_unit(text, pos, mentions)
    if named:
        end, members = named
        while (j := _JOIN.match(text, end)) and (nxt := _named_unit(text, j.end(), mentions)):
            end = nxt[0]
            members.extend(nxt[1])
        kind = ActorKind.MEMBER_STATE if len(members) == 1 else ActorKind.MEMBER_STATES_GROUP
        return Actor(text[pos:end], kind, None, members, pos, end)
    if m := _GROUP.match(text, pos):
        if m.group("others"):
            return Actor(m.group(0), ActorKind.MEMBER_STATES_GROUP, "other", [], pos, m.end())
        if e := m.group("elliptic"):
            quant = _QUANTIFIERS[e.lower()]  # every elliptic quantifier is a key
            return Actor(e, ActorKind.MEMBER_STATES_GROUP, quant, [], pos, m.end())
        q = (m.group("q") or "").strip().lower()
        # "A few other Member States" are "other"; "one other Member State" is a singular, "one" below.
        # (A bare "other" is itself a quantifier: the group "other" is set only after another one.)
        quant = "other" if m.group("other") else _QUANTIFIERS.get(q)  # None for the / these / those
        if not q and m.group("noun")[0].islower() and m.group("noun") not in _BARE_NOUNS:
            return None  # "how members can improve": a bare lower-case noun is not a speaker
        singular = not m.group("noun").endswith("s")
        if singular and m.group("noun").lower() not in ("member state", "delegation") and q not in ("one", "a", "another"):
            return None  # "the delegate noted": a singular noun counts with "one", "a", "another"
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


def with_verb(text: str, actor: Actor) -> Actor | None:
    """``actor`` completed with its parenthetical supporters, if a verb (not a passive) follows."""
    end = actor.end
    members = list(actor.members)
    while True:
        if sup := _SUPPORTED_BY.match(text, end) or _SPEAKING_FOR.match(text, end):
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


_WORD = re.compile(r"\w+")


def _form_at(text: str, pos: int, lead: int, mentions: Mentions, previous: Actor | None) -> Actor | None:
    """The actor of one of the forms starting at the word at ``pos``, tried in order."""
    if m := _ON_SUGGESTION.match(text, pos):
        unit = actor_at(text, m.end(), mentions)
        if unit:
            return replace(unit, start=pos, verb_start=m.start("v"))
    if m := _IMPERSONAL.match(text, pos):
        agent = actor_at(text, m.end(), mentions) if m.group(0).rstrip().endswith("by") else None
        v = m.group("v")
        if agent:
            return replace(agent, start=pos, verb_start=pos + 3, impersonal_verb=v)
        return Actor("It", ActorKind.UNSPECIFIED, None, [], pos, pos + 2, pos + 3, v, v in _DECISION_VERBS)
    if pos == lead and (m := _PASSIVE_DECISION.match(text, pos)):
        return Actor(m.group("subject"), ActorKind.UNSPECIFIED, None, [], pos, m.end("subject"), m.start("v"), m.group("v"), True)
    if m := _NOUN_IMPERSONAL.match(text, pos):
        agent = actor_at(text, m.end(), mentions) if m.group(0).rstrip().endswith(" by") else None
        if agent:  # "Concerns were voiced by some Member States": the agent speaks, the noun says how
            return replace(agent, start=pos, verb_start=m.start("noun"))
        phrase = text[pos : m.start("noun")] + m.group("noun")
        return Actor(phrase, ActorKind.UNSPECIFIED, None, [], pos, m.end("noun"), m.start("noun"))
    unit = actor_at(text, pos, mentions)
    if unit and (full := with_verb(text, unit)):
        return full
    if (m := _PASSIVE_BY.match(text, pos)) and (agent := actor_at(text, m.end(), mentions)):
        return replace(agent, start=pos, verb_start=pos)
    if (
        pos == lead
        and previous is not None
        and (m := _PRONOUN.match(text, pos))
        and _VERB_AFTER.match(text, m.end())
        and not _PASSIVE_AFTER.match(text, m.end())
    ):
        return replace(previous, start=pos, end=m.end(), verb_start=m.end())
    return None


def find_actor(text: str, previous: Actor | None = None, mentions: Mentions | None = None) -> Actor | None:
    """The actor of a clause: reading word by word, the first phrase of one of the actor forms
    (see the module docstring), or None.

    ``previous`` resolves "They"/"He" and gives "these Member States" its quantifier;
    ``mentions`` are the countries named in ``text`` when the caller has found them.
    """
    if mentions is None:
        mentions = mentions_in(text)
    lead = lead_in_end(text)
    for w in _WORD.finditer(text):
        if (actor := _form_at(text, w.start(), lead, mentions, previous)) is not None:
            return _these_those(actor, previous)
    return None


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


__all__ = ["Actor", "Mentions", "actor_at", "find_actor", "lead_in_end", "mentions_by_piece", "mentions_in", "with_verb"]

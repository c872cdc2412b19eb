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
from dataclasses import dataclass
from functools import cached_property

from cwgtool.extract.actors import (
    Actor,
    Mentions,
    actor_at,
    find_actor,
    mentions_by_piece,
    mentions_in,
    with_verb,
)
from cwgtool.extract.sentences import Splitter, split_sentences
from cwgtool.extract.stance import StanceResult, classify, condition
from cwgtool.model import ActorKind, Document, Paragraph, Position, Provenance, Section, Stance
from cwgtool.symbols import find_symbols

_STATE_ACTORS = frozenset({ActorKind.MEMBER_STATE, ActorKind.MEMBER_STATES_GROUP})

# What an actor's verb can be that is not a position.
_COURTESY = re.compile(
    r"\s*(?:also\s+)?(?:thanked|congratulated|welcomed (?:all )?(?:the )?(?:participants|delegates|delegations|everyone|all|members|Member States)"
    r"|paid tribute|expressed (?:\w+\s+)?(?:appreciation|gratitude|thanks|condolences)|opened|closed|observed a moment|bade farewell)",
    re.IGNORECASE,
)
# What the body itself decides ("The Council approved …", "The Group agreed …"): a position
# with stance note; anything else the body does ("examined", "discussed") is narrative.
_BODY_DECISION = re.compile(
    r"\s*(?:(?:was|were|has been|have been|had been)\s+)?(?:\w+ly\s+|also\s+)*(?P<v>agreed|decided|approved|adopted|noted"
    r"|took note|endorsed|accepted|concluded)\b",
    re.IGNORECASE,
)
_PRESENTATION = re.compile(
    r"\s*(?:also\s+)?(?:presented|introduced|submitted)\s+(?:(?:its|their|his|her|the|a|an)\s+(?:\w+\s+)?)?(?:report|contribution|document|paper)s?\b",
    re.IGNORECASE,
)
# A presentation that carries a request or a proposal is the presenter's suggestion: "The
# Councillor from Belarus introduced Document C17/98(Rev.1), containing a contribution … requesting
# the Council to approve …", "presented Document C23/41, which proposed that the Council …".
_PROPOSAL_CARRIED = re.compile(
    r"\b(?:requesting|proposing|calling\s+for|inviting\s+the\s+(?:council|group|meeting)"
    r"|which\s+(?:proposes|proposed|requests|requested|calls\s+for|called\s+for|invites|invited))\b",
    re.IGNORECASE,
)
_MUST_GROUP = re.compile(
    r"\b(?:[Ss]ome|[Ss]everal|[Oo]ne|[Vv]arious|[Mm]any|[Mm]ost|[Nn]umerous|[Cc]ertain|[Aa] few|[Aa] number of|[Aa]"
    r"|[Tt]he majority of|[Aa] majority of) (?:other )?Member States?\b"
)



# An actor-less sentence continues the previous speaker only when it opens with a connective;
# "The report was noted." after a Member State's remark is the meeting's outcome, not theirs.
_FOLLOW_UP = re.compile(
    r"(?:Hence|Therefore|Thus|Accordingly|As such|In addition|Moreover|Furthermore|In this regard|Also)\b"
)


# ---------------------------------------------------------------------------------------------
# Clauses
# ---------------------------------------------------------------------------------------------

# Where a clause may end (the space before a break is left to the piece, which is stripped):
# strong breaks (a comma and a conjunction, a semicolon) split whenever an actor and its verb
# follow; weak ones (a bare comma, "and" or "but" without a comma) only when the clause before
# them has its own actor too, so that "China and the Russian Federation supported" or "Canada,
# Brazil and Mexico objected" stay one actor. The strong alternatives are left ungrouped: the
# regex engine then skips them at once where the text has no comma or semicolon.
_CLAUSE_BREAK = re.compile(
    r",\s*(?:while|whereas|though|although|but|and|which|who)\s+|;\s*(?:while|whereas|but|and)?\s*"  # strong
    r"|(?P<weak>,\s*|\s+(?:and|but|whereas|while)\s+)"
)
# "…, and so did Paraguay", "…, as did Peru": the actor takes the stance of the clause before
_ECHO = re.compile(r"(?:so|as)\s+(?:did|does|had|was|were|could|would)\s+(?:also\s+)?")


def split_clauses(sentence: str, mentions: Mentions) -> list[tuple[int, int]]:
    """Where each clause of ``sentence`` starts and ends (its spaces left out): split where a
    second actor takes the floor ("…, while some other Member States stated …").

    Only breaks followed by an actor and its verb split: "…, whereas the Group's mandate
    covers …" stays one clause. ``mentions`` are the countries named in ``sentence``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _CLAUSE_BREAK.finditer(sentence):
        b_start, b_end = brk.span()
        echo = _ECHO.match(sentence, b_end)
        unit = actor_at(sentence, echo.end() if echo else b_end, mentions)
        if unit is None or unit.kind is ActorKind.GROUP or not (echo or with_verb(sentence, unit)):
            continue
        if brk.group("weak") is not None and find_actor(sentence[start:b_start]) is None:
            continue
        spans.append(_span(sentence[start:b_start], start))
        start = b_end
    spans.append(_span(sentence[start:], start))
    return [(a, b) for a, b in spans if a < b]


def _span(piece: str, start: int) -> tuple[int, int]:
    """Where ``piece``, found at ``start``, begins and ends without the spaces around it."""
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())


@dataclass
class ClauseReading:
    """A clause, its actor and (read when first asked for) its stance.

    The stance is read lazily: most clauses of a record are never asked for theirs (no actor, a
    courtesy), and reading one runs the content rules.
    """

    clause: str
    actor: Actor | None
    skip_reason: str | None = None
    verb_start: int | None = None  # where the actor's verb starts; None: no actor located
    decided: StanceResult | None = None  # a stance fixed by the reading (the body's decision, a proposal presented)
    default: StanceResult | None = None  # what a Member State actor says when no cue is found

    @cached_property
    def stance(self) -> StanceResult | None:
        if self.decided is not None:
            return self.decided
        return classify(self.clause, self.verb_start) or self.default


def read_sentence(sentence: str, previous: Actor | None = None) -> list[ClauseReading]:
    """Actor and stance of each clause of a sentence (also used by the stance benchmark).

    A clause whose actor is skipped (courtesy, presentation) says why in ``skip_reason``.
    """
    out: list[ClauseReading] = []
    mentions = mentions_in(sentence)
    spans = split_clauses(sentence, mentions)
    for (start, end), named in zip(spans, mentions_by_piece(mentions, spans), strict=True):
        clause = sentence[start:end]
        echo = _ECHO.match(clause) if out else None
        if echo and (actor := actor_at(clause, echo.end(), named)) is not None:
            # "and so did Paraguay": the stance of the clause before, with its cue
            out.append(ClauseReading(clause, actor, None, echo.end(), out[-1].stance))
            continue
        actor = find_actor(clause, previous, named)
        reading = ClauseReading(clause, actor)
        if actor is None:
            must = _MUST_GROUP.search(clause)
            if must:
                actor = actor_at(clause, must.start(), named)
            if actor is not None:  # "… Some Member States …" always holds a position
                actor.verb_start = actor.end
                reading = ClauseReading(clause, actor, None, actor.end, None, StanceResult(Stance.NOTE, "", "default"))
        else:
            vs = actor.verb_start if actor.verb_start is not None else actor.end
            reading.verb_start = vs
            if _COURTESY.match(clause, vs):
                reading.skip_reason = "courtesy"
            elif _PRESENTATION.match(clause, vs):
                carried = _PROPOSAL_CARRIED.search(clause, vs)
                if carried and actor.kind in _STATE_ACTORS:
                    reading.decided = StanceResult(Stance.SUGGEST, carried.group(0), "presentation")
                else:
                    reading.skip_reason = "presentation"
            if actor.kind is ActorKind.GROUP and not actor.decision:
                decided = _BODY_DECISION.match(clause, vs)
                if decided:
                    actor.decision = True
                    actor.impersonal_verb = decided.group("v")
                else:  # "The CWG examined …", "the CWG should continue …": narrative, not a position
                    reading = ClauseReading(clause, None)
                    actor = None
            if actor is not None and actor.decision:
                # the body's own decision: recorded as a note, whatever its verb says
                reading.decided = StanceResult(Stance.NOTE, actor.impersonal_verb or "", "decision")
            elif actor is not None and actor.kind in _STATE_ACTORS:
                verb = re.match(r"\s*(\S+)", clause[vs:])
                reading.default = StanceResult(Stance.NOTE, verb.group(1) if verb else "", "default")
        out.append(reading)
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
    r"\b(?:actions?|decisions?|conclusions?|outcomes?|closing|opening|introduction|summary of the meeting|next meeting|next steps|date and place"
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
_QUOTES = "“”\"'‘’"


def topic_from_title(title: str) -> str | None:
    """The topic named by a lettered sub-item title ("Concerning the topic on X, several …")."""
    m = _TOPIC_TITLE.match(title)
    if not m:
        return None
    rest = title[m.end() :]
    actor = find_actor(rest)
    # "… on X, several Member States supported it": the topic ends where its actor starts, but a
    # title that opens with a speaker-like phrase ("“Countries affected by conflict”") is all topic
    if actor is not None and rest[: actor.start].strip(_QUOTES + " "):
        rest = rest[: actor.start]
    rest = rest.split(":")[0]
    rest = rest.strip().strip(_QUOTES).strip(" ,;:.").strip(_QUOTES)
    rest = re.sub(r"^(?:the|The)\s+", "", rest)
    if not rest:
        return None
    return rest[0].upper() + rest[1:]


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


def _texts(section: Section) -> Iterator[tuple[str, Provenance | None]]:
    """(text, provenance) for the sentences-bearing text of a section."""
    if section.number and _LETTERED.search(section.number):
        yield section.title, section.provenance
    for p in section.paragraphs:
        yield p.text, p.provenance


def _positions_in(
    section: Section, ctx: _Context, split: Splitter = split_sentences, *, states_only: bool = False
) -> list[Position]:
    """``states_only``: only actors named in the sentence itself count (furniture sections,
    where a "They" or a follow-up is not taken back to an earlier speaker)."""
    out: list[Position] = []
    previous: Actor | None = None
    for text, prov in _texts(section):
        previous_in_paragraph: Actor | None = None
        for sentence in split(text):
            back = None if states_only else previous_in_paragraph or previous
            readings = read_sentence(sentence, back)
            for r in readings:
                actor = r.actor
                if (
                    not states_only
                    and actor is None
                    and previous_in_paragraph is not None
                    and _FOLLOW_UP.match(r.clause)
                    and r.stance is not None
                ):
                    actor = previous_in_paragraph  # "Hence, the CWG should continue …"
                if (
                    actor is None
                    or r.skip_reason
                    or (states_only and actor.kind not in _STATE_ACTORS)
                    or r.stance is None
                ):
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
                        condition=condition(r.clause, r.verb_start or 0)
                        if r.stance.stance in (Stance.SUPPORT, Stance.OPPOSE)
                        else None,
                        # the evidence is the clause when a sentence holds several positions,
                        # so output grows with the input, not with clauses x sentence length
                        text=sentence if len(readings) == 1 else r.clause,
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

"""The actor grammar (docs/positions.md §2) through ``find_actor`` and the positions it gives:
who speaks, with which quantifier, and where in the clause the actor and its verb are."""

from __future__ import annotations

import pytest

from cwgtool.extract.actors import Actor, find_actor
from cwgtool.extract.positions import positions_from_paragraphs, topic_from_title
from cwgtool.model import ActorKind, Paragraph, Position, Provenance, Stance

# the values docs/positions.md promises for ``quantifier``
QUANTIFIERS = {"one", "some", "several", "many", "most", "various", "other", "a few", "all"}


def positions(text: str) -> list[Position]:
    return positions_from_paragraphs([Paragraph(text=text, provenance=Provenance(file="t.txt"))])


def actor(text: str, previous: Actor | None = None) -> Actor:
    found = find_actor(text, previous)
    assert found is not None, text
    return found


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "quantifier"),
    [
        # "other" after "one" is one more speaker, not the "other" group
        ("One other Member State objected to the text.", "One other Member State", ActorKind.MEMBER_STATE, "one"),
        # a lower-case noun counts after "other" as after a quantifier
        ("Other members stressed the need for more time.", "Other members", ActorKind.MEMBER_STATES_GROUP, "other"),
        # a singular noun after "the", "another", or a determiner whose plural "s" was lost
        ("The Member State stressed the need for more time.", "The Member State", ActorKind.MEMBER_STATE, "one"),
        ("The delegation stressed the need for more time.", "The delegation", ActorKind.MEMBER_STATE, "one"),
        ("Another delegate noted the report.", "Another delegate", ActorKind.MEMBER_STATE, "one"),
        ("These Member State also stressed the need for more time.", "These Member State", ActorKind.MEMBER_STATE, "one"),
        ("Those Member State also stressed the need for more time.", "Those Member State", ActorKind.MEMBER_STATE, "one"),
        ("One delegate noted the report.", "One delegate", ActorKind.MEMBER_STATE, "one"),
        # terse minutes drop the article: a capitalised singular noun still speaks
        ("Delegation stressed the need for more time.", "Delegation", ActorKind.MEMBER_STATE, "one"),
        ("A few other Member States objected.", "A few other Member States", ActorKind.MEMBER_STATES_GROUP, "other"),
        ("A minority of Member States objected.", "A minority of Member States", ActorKind.MEMBER_STATES_GROUP, "a few"),
    ],
)
def test_group_forms(text: str, phrase: str, kind: ActorKind, quantifier: str) -> None:
    (p,) = positions(text)
    assert (p.actor, p.actor_kind, p.quantifier) == (phrase, kind, quantifier)


@pytest.mark.parametrize(
    ("text", "quantifier"),
    [
        ("Some Member States supported the topic; a few, however, expressed reservations.", "a few"),
        ("Some Member States supported the topic; a minority, however, expressed reservations.", "a few"),
        ("Several Member States supported the topic; one, however, objected.", "one"),
        ("A few Member States objected to the topic; most, however, supported it.", "most"),
    ],
)
def test_a_bare_quantifier_after_a_break_is_a_group_with_a_documented_quantifier(text: str, quantifier: str) -> None:
    first, second = positions(text)
    assert second.actor_kind is ActorKind.MEMBER_STATES_GROUP
    assert second.quantifier == quantifier
    assert {first.quantifier, second.quantifier} <= QUANTIFIERS


@pytest.mark.parametrize("determiner", ["These", "Those"])
@pytest.mark.parametrize("quantifier", ["some", "many"])
def test_these_member_states_take_the_quantifier_of_the_group_named_before(determiner: str, quantifier: str) -> None:
    first, second = positions(
        f"{quantifier.capitalize()} Member States supported the topic. "
        f"{determiner} Member States also stressed the need for more time."
    )
    assert second.actor == f"{determiner} Member States"
    assert first.quantifier == second.quantifier == quantifier


def test_a_lower_case_noun_without_a_quantifier_is_no_speaker() -> None:
    assert find_actor("Guidance on how members can improve participation was circulated.") is None
    assert find_actor("A note on how participants could register was circulated.") is None


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        # the span of the actor in the clause is its phrase, also after a lead-in
        ("However, Brazil and Chile supported the topic.", "Brazil and Chile", ActorKind.MEMBER_STATES_GROUP),
        ("However, the delegate of Brazil supported the topic.", "the delegate of Brazil", ActorKind.MEMBER_STATE),
        ("However, some Member States supported the topic.", "some Member States", ActorKind.MEMBER_STATES_GROUP),
        ("However, one Member State objected.", "one Member State", ActorKind.MEMBER_STATE),
        ("However, a few, for their part, objected.", "a few", ActorKind.MEMBER_STATES_GROUP),
        ("However, the Chair noted the report.", "the Chair", ActorKind.CHAIR),
        ("However, the secretariat noted the report.", "the secretariat", ActorKind.SECRETARIAT),
        ("However, the Group noted the report.", "the Group", ActorKind.GROUP),
        ("However, others supported the topic.", "others", ActorKind.MEMBER_STATES_GROUP),
        ("However, a suggestion was made to shorten the questions.", "suggestion", ActorKind.UNSPECIFIED),
        # a name that holds its own article
        ("The Netherlands supported the topic.", "The Netherlands", ActorKind.MEMBER_STATE),
        # a role with no Member State after it names no country: the speaker is the body it names
        ("The representative of the secretariat replied to Brazil.", "the secretariat", ActorKind.SECRETARIAT),
    ],
)
def test_the_actor_s_span_is_its_phrase(text: str, phrase: str, kind: ActorKind) -> None:
    a = actor(text)
    assert text[a.start : a.end] == a.text == phrase
    assert a.kind is kind


def test_a_body_decision_is_a_note_with_its_verb() -> None:
    text = "However, the draft resolution was approved."
    a = actor(text)
    assert (a.kind, a.decision, a.impersonal_verb) == (ActorKind.UNSPECIFIED, True, "approved")
    assert text[a.start : a.end] == "the draft resolution"
    assert text[a.verb_start :].startswith("approved")
    (p,) = positions(text)
    assert (p.stance, p.cue) == (Stance.NOTE, "approved")


@pytest.mark.parametrize(
    ("text", "form", "verb", "phrase"),
    [
        # where the actor's form starts, where its verb starts, and the actor as reported
        ("However, it was suggested that the questions be shortened.", "it was", "was suggested", "It"),
        ("However, it was suggested by Brazil that the questions be shortened.", "it was", "was suggested", "Brazil"),
        ("However, a suggestion was made to shorten the questions.", "suggestion", "suggestion", "suggestion"),
        ("However, concerns were voiced by Brazil about the cost.", "concerns", "concerns", "Brazil"),
        ("The topic was widely supported by several Member States.", "was widely", "was widely", "several Member States"),
        ("Upon the suggestion of the Chair, the item was deferred.", "Upon", "suggestion", "the Chair"),
        # the first "… of X" names no speaker; the second does
        ("Following the proposal of the correspondence group, and at the suggestion of Brazil, the text was amended.",
         "at the suggestion", "suggestion", "Brazil"),
    ],
)  # fmt: skip
def test_where_the_actor_and_its_verb_are(text: str, form: str, verb: str, phrase: str) -> None:
    a = actor(text)
    assert a.text == phrase
    assert text[a.start :].startswith(form)
    assert a.verb_start is not None and text[a.verb_start :].startswith(verb)


def test_the_impersonal_verb_is_kept_with_or_without_an_agent() -> None:
    assert actor("It was recommended that the text be shortened.").impersonal_verb == "recommended"
    with_agent = actor("It was recommended by Brazil that the text be shortened.")
    assert (with_agent.members, with_agent.impersonal_verb, with_agent.decision) == (["BRA"], "recommended", False)
    text = "However, it was agreed that the text be shortened."
    decided = actor(text)
    assert (decided.impersonal_verb, decided.decision) == ("agreed", True)
    assert text[decided.start : decided.end] == "it"


@pytest.mark.parametrize("text", ["They also stressed the need for more time.", "However, they also stressed the need."])
def test_a_pronoun_is_the_previous_actor_at_the_pronoun(text: str) -> None:
    previous = actor("However, Brazil supported the topic.")
    a = actor(text, previous)
    assert (a.text, a.members) == ("Brazil", ["BRA"])
    assert text[a.start : a.end].lower() == "they"
    assert a.verb_start is not None and text[a.verb_start :].lstrip().startswith("also stressed")


def test_a_pronoun_before_a_passive_is_no_speaker() -> None:
    previous = actor("Brazil supported the topic.")
    assert find_actor("They were invited to submit contributions.", previous) is None
    assert find_actor("Later they noted the report.", previous) is None  # not where the clause starts


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        # the actor form starts after the topic words, whatever the form
        ("Concerning the topic on cybersecurity, concerns were raised about the cost.", "Cybersecurity"),
        ("Proposed topic on cybersecurity was supported by several Member States", "Cybersecurity"),
        ("Concerning the topic on cybersecurity, it was suggested that the questions be shortened.", "Cybersecurity"),
    ],
)
def test_the_topic_of_a_title_ends_where_its_actor_starts(title: str, topic: str) -> None:
    assert topic_from_title(title) == topic

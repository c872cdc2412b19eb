"""The model's closed vocabularies that requests also use (``--stance``, ``--actor-kind``).

Kept out of :mod:`cwgtool.model` so that the command line can offer and check these choices
without building the pydantic model classes: ``cwgtool --help`` and a cached run load no more
than they need. :mod:`cwgtool.model` and :mod:`cwgtool.options` both re-export them.
"""

from __future__ import annotations

from enum import StrEnum


class Stance(StrEnum):
    SUPPORT = "support"
    OPPOSE = "oppose"
    SUGGEST = "suggest"
    CLARIFY = "clarify"
    NOTE = "note"


class ActorKind(StrEnum):
    MEMBER_STATES_GROUP = "member_states_group"
    MEMBER_STATE = "member_state"
    CHAIR = "chair"
    SECRETARIAT = "secretariat"
    GROUP = "group"
    UNSPECIFIED = "unspecified"


class TopicStatus(StrEnum):
    """What the meeting made of a proposed topic, when its record says so (README "Consultation
    topics"): ``agreed`` (the body decided to consult on it, selected or approved it),
    ``deferred`` (left for a later meeting), ``not_agreed`` (no consensus, divergence, rejected)
    or ``supported`` (the body's support stated, "Topics A and C received support", with no
    decision). A topic nobody concluded on has no status."""

    AGREED = "agreed"
    DEFERRED = "deferred"
    NOT_AGREED = "not_agreed"
    SUPPORTED = "supported"

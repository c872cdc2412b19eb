"""positions._may_role and _names_states spell their word tests out as ``or`` chains; they must
answer as ``any(w in text for w in WORDS)`` did (a word left out or misspelt fails here)."""

from __future__ import annotations

from cwgtool.countries import find_countries
from cwgtool.extract import positions
from cwgtool.extract.prefilter import fold
from tests.unit.fixture_text import fixture_sentences


def _texts() -> list[str]:
    out = fixture_sentences()
    out += [w for w in positions._ROLE_WORDS + positions._STATE_WORDS]
    out += ["The Head of Delegation of Fiji said", "some others said", "OTHERS", "the Minister of", "x"]
    return out


def test_may_role_is_any_of_its_words() -> None:
    for t in _texts():
        want = any(w in t for w in positions._ROLE_WORDS)
        assert positions._may_role(t, fold(t)) == want, t
    for w in positions._ROLE_WORDS:
        assert positions._may_role(f"x {w} y", None)


def test_names_states_is_any_of_its_tests() -> None:
    for t in _texts():
        want = (
            any(w in t for w in positions._STATE_WORDS) or "others" in t.lower() or bool(find_countries(t))
        )
        assert positions._names_states(t) == want, t
    for w in positions._STATE_WORDS:
        assert positions._names_states(f"x {w} y")

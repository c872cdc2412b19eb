"""``_positions_in`` reads sentences without the stances it never uses; that must change no
position: the same positions as reading every stance, and every stance left out is one
``_positions_in`` would have dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

import cwgtool
from cwgtool.extract import positions
from cwgtool.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]
RECORDS = sorted((ROOT / "fixtures" / "records").glob("*/*.txt"))


def _sentences() -> list[str]:
    out: list[str] = []
    for path in RECORDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            out.extend(split_sentences(line))
    return out


def test_left_out_stances_are_the_dropped_ones() -> None:
    sentences = _sentences()
    assert len(sentences) > 200
    left_out = 0
    for s in sentences:
        for previous in (None, positions.find_actor("Some Member States noted it.")):
            full = positions.read_sentence(s, previous)
            lean = positions._read_sentence(s, previous, False)
            assert [(r.clause, r.actor, r.skip_reason) for r in full] == [
                (r.clause, r.actor, r.skip_reason) for r in lean
            ]
            for f, r in zip(full, lean, strict=True):
                if r.stance != f.stance:
                    left_out += 1
                    assert r.stance is None
                    assert f.skip_reason is not None or (
                        f.actor is None and not positions._FOLLOW_UP.match(f.clause)
                    ), s
    assert left_out > 0  # the shortcut is exercised


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: p.parent.name)
def test_positions_equal_reading_every_stance(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = cwgtool.parse(path)
    lean = positions.extract_positions(doc)
    reader = positions._read_sentence
    monkeypatch.setattr(positions, "_read_sentence", lambda s, p, _every: reader(s, p, True))
    full = positions.extract_positions(doc)
    assert lean
    assert [p.model_dump() for p in lean] == [p.model_dump() for p in full]

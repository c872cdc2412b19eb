"""Position accuracy on the labelled sentences of tests/data/positions/ (dev and held-out parts).

Each sentence is read as a one-paragraph discussion (``positions_from_paragraphs``, the path
of a pasted excerpt), so actor finding, clause splitting and stance all count. For each part
and category it prints:

- ``found``: expected rows matched by a position (recall);
- ``stance``: matched rows with the expected stance;
- ``iso3``: matched rows whose ISO3 codes are exactly the expected ones;
- ``qual``: matched rows whose ``condition`` is set exactly when the row is marked qualified;
- ``invented``: positions that match no expected row (on ``none`` sentences every position is
  invented).

A predicted position matches an expected row when its actor contains the row's actor words
(or shares a country with it; ``*`` matches any actor); rows are matched in order, each
position at most once. The held-out part was written before the rules were changed and is
never used to change them (see the README there).

Run: ``python benchmarks/positions_accuracy.py [-v]`` (-v lists every miss).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cwgtool.extract.positions import positions_from_paragraphs
from cwgtool.model import Paragraph, Position, Provenance

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "positions"
PARTS = ("dev", "heldout")
CATEGORIES = ("named", "group", "impersonal", "stance", "multi", "condition", "council", "none")


@dataclass(frozen=True, slots=True)
class Row:
    stance: str
    actor: str
    iso3: frozenset[str]
    qualified: bool


@dataclass(frozen=True, slots=True)
class Case:
    category: str
    sentence: str
    rows: tuple[Row, ...]


def parse_row(text: str) -> Row:
    stance, actor, codes, *rest = text.strip().split(":")
    return Row(stance, actor.strip(), frozenset(c for c in codes.split(",") if c), rest == ["q"])


def load(part: str) -> list[Case]:
    cases = []
    lines = (DATA / f"{part}.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        if not line.strip():
            continue
        category, sentence, rows = [*line.split("\t"), ""][:3]
        parsed = tuple(parse_row(r) for r in rows.split(" ; ") if r.strip())
        cases.append(Case(category, sentence, parsed))
    return cases


def predict(sentence: str) -> list[Position]:
    para = Paragraph(text=sentence, provenance=Provenance(file="<labelled>"))
    return positions_from_paragraphs([para])


def _matches(row: Row, p: Position) -> bool:
    if row.actor == "*":
        return True
    return row.actor.lower() in p.actor.lower() or bool(row.iso3 & set(p.members))


@dataclass
class Tally:
    rows: int = 0
    found: int = 0
    stance: int = 0
    iso3: int = 0
    qualified: int = 0
    invented: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.rows += other.rows
        self.found += other.found
        self.stance += other.stance
        self.iso3 += other.iso3
        self.qualified += other.qualified
        self.invented += other.invented
        self.misses += other.misses

    def rate(self, what: str) -> float:
        base = self.rows if what == "found" else self.found
        return getattr(self, what) / base if base else 1.0


def score(case: Case) -> Tally:
    t = Tally(rows=len(case.rows))
    predicted = predict(case.sentence)
    used: set[int] = set()
    for row in case.rows:
        i = next((i for i, p in enumerate(predicted) if i not in used and _matches(row, p)), None)
        if i is None:
            t.misses.append(f"missed {row.stance}:{row.actor}: {case.sentence}")
            continue
        used.add(i)
        p = predicted[i]
        t.found += 1
        t.stance += p.stance.value == row.stance
        t.iso3 += set(p.members) == row.iso3
        t.qualified += (getattr(p, "condition", None) is not None) == row.qualified
        if p.stance.value != row.stance:
            t.misses.append(f"stance {p.stance.value} ({p.cue!r}) for {row.stance}:{row.actor}: {case.sentence}")
        if set(p.members) != row.iso3:
            t.misses.append(f"iso3 {sorted(p.members)} for {sorted(row.iso3)}: {case.sentence}")
    for i, p in enumerate(predicted):
        if i not in used:
            t.invented += 1
            t.misses.append(f"invented {p.stance.value}:{p.actor!r}: {case.sentence}")
    return t


def evaluate(part: str) -> dict[str, Tally]:
    """Tallies per category of one part, and ``all``."""
    out: dict[str, Tally] = defaultdict(Tally)
    for case in load(part):
        t = score(case)
        out[case.category].add(t)
        out["all"].add(t)
    return dict(out)


def report(part: str, tallies: dict[str, Tally], verbose: bool = False) -> str:
    lines = [f"{part} ({len(load(part))} sentences)", ""]
    lines.append(f"{'category':<12}{'rows':>6}{'found':>8}{'stance':>8}{'iso3':>8}{'qual':>8}{'invented':>10}")
    for cat in (*CATEGORIES, "all"):
        t = tallies.get(cat)
        if t is None:
            continue
        lines.append(
            f"{cat:<12}{t.rows:>6}{t.rate('found'):>8.2f}{t.rate('stance'):>8.2f}{t.rate('iso3'):>8.2f}"
            f"{t.rate('qualified'):>8.2f}{t.invented:>10}"
        )
    if verbose:
        lines += ["", *(f"  {m}" for m in tallies["all"].misses)]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    for part in PARTS:
        print(report(part, evaluate(part), verbose="-v" in argv))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Stance accuracy on hand-labelled sentences (benchmarks/data/stance_labels.tsv).

Each row is a sentence and its expected stance by meaning; a sentence where two actors speak
has one label per clause ("note|oppose"). The sentence goes through the same path as
extraction (clause split → actor → stance), so actor detection errors count too. A clause
the extractor would not read as a position counts as wrong.

Sources (third column): ``cwg12`` every discussion sentence of the real 12th-meeting record;
``cwg14``/``cwg16`` the discussion sentences of the invented fixture records; ``invented``
sentences with other phrasings, labelled before the rules were written; ``heldout`` 25 more
written after the first version of the rules and scored before any change (0.70 then — the
misses led to general additions: value/relevance as predicates, "not convinced", "not a
priority", "wanted to know", "further work was needed"); ``heldout2`` 25 sentences written
by a different engineer after the rules were final and NOT used for any change (0.80 — the
honest figure to expect on new phrasing); ``probe3`` 40 sentences of typical record phrasing
written in a later session before running them (38/40 then; the two misses and two weak
readings led to "not in a position to / unable to support", "asked the secretariat how …",
"did not see the added value", "stressed the need to …"); ``probe4`` 18 more (14/18 before;
one label was set to note to agree with the held-out labelling of "reserved their position",
and "were in agreement with", "received the support of X", "would prefer" were added). Labels
are by meaning, so the
implicature cases the rules cannot read stay as errors rather than being relabelled.

Run: ``.venv/bin/python benchmarks/stance_accuracy.py [-v]`` (-v lists the errors).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from cwgtool.extract.positions import read_sentence
from cwgtool.extract.stance import classify
from cwgtool.model import Stance

LABELS = Path(__file__).parent / "data" / "stance_labels.tsv"
NONE = "-"


@dataclass(frozen=True, slots=True)
class Outcome:
    sentence: str
    source: str
    expected: str
    predicted: str
    cue: str


def load(path: Path = LABELS) -> list[tuple[str, list[str], str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        sentence, stance, source = line.split("\t")
        rows.append((sentence, stance.split("|"), source))
    return rows


def predict(sentence: str) -> list[tuple[str, str]]:
    """(stance, cue) per clause; a clause with no actor is classified on its own."""
    out = []
    for r in read_sentence(sentence):
        result = r.stance or classify(r.clause, None)
        out.append((result.stance.value, result.cue) if result else (NONE, ""))
    return out


def evaluate(path: Path = LABELS) -> list[Outcome]:
    outcomes = []
    for sentence, expected, source in load(path):
        got = predict(sentence)
        for i, exp in enumerate(expected):
            stance, cue = got[i] if i < len(got) else (NONE, "")
            outcomes.append(Outcome(sentence, source, exp, stance, cue))
    return outcomes


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.expected == o.predicted for o in outcomes) / len(outcomes)


def report(outcomes: list[Outcome], verbose: bool = False) -> str:
    labels = [s.value for s in Stance]
    lines = [f"clauses: {len(outcomes)}  accuracy: {accuracy(outcomes):.3f}", ""]
    lines.append(f"{'stance':<10}{'n':>5}{'recall':>9}{'precision':>11}")
    for lab in labels:
        n = sum(o.expected == lab for o in outcomes)
        tp = sum(o.expected == lab == o.predicted for o in outcomes)
        pp = sum(o.predicted == lab for o in outcomes)
        lines.append(f"{lab:<10}{n:>5}{(tp / n if n else 0):>9.2f}{(tp / pp if pp else 0):>11.2f}")
    by_source = Counter(o.source for o in outcomes)
    lines.append("")
    for src in sorted(by_source):
        sub = [o for o in outcomes if o.source == src]
        lines.append(f"source {src:<10} n={len(sub):<4} accuracy={accuracy(sub):.3f}")
    cols = [*labels, NONE]
    matrix = Counter((o.expected, o.predicted) for o in outcomes)
    lines += [
        "",
        "confusion (rows: expected, columns: predicted)",
        " " * 10 + "".join(f"{c:>9}" for c in cols),
    ]
    for lab in labels:
        lines.append(f"{lab:<10}" + "".join(f"{matrix[(lab, c)]:>9}" for c in cols))
    if verbose:
        lines += ["", "errors:"]
        for o in outcomes:
            if o.expected != o.predicted:
                lines.append(
                    f"  [{o.source}] expected {o.expected}, got {o.predicted} ({o.cue!r}): {o.sentence}"
                )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    print(report(evaluate(), verbose="-v" in argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Mutation score of the modules whose logic the tests must pin (docs/testing.md).

mutmut (configured in pyproject.toml, ``[tool.mutmut]``) makes small changes to the code — a
``<`` for a ``<=``, an ``and`` for an ``or``, a constant off by one, a string emptied — and runs
the tests that reach the changed function against each change. A change no test notices
("survived") is a behaviour the suite does not pin. The score of a module is
killed / (killed + survived), where a timeout counts as killed (the change made the code hang,
which the tests notice) and a mutant no selected test reaches counts as survived. Mutants that
cannot change behaviour (equivalent mutants) are listed by hand, with the reason, in
``benchmarks/data/equivalent_mutants.toml`` and left out of the score; an entry whose mutant no
longer survives, or whose change no longer reads as listed, is reported as stale and not
excluded.

Run one module at a time, with one worker (the machine is shared), e.g.::

    python benchmarks/mutation.py                  # every module, in turn
    python benchmarks/mutation.py outline docx_numbering
    python benchmarks/mutation.py outline --survivors   # also print each survivor's change

The survivors of each module, with their diffs, are written to ``mutants/survivors-MODULE.txt``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EQUIVALENT = ROOT / "benchmarks" / "data" / "equivalent_mutants.toml"

# module name → the dotted prefix of its mutants (mutmut names them after the function)
MODULES = {
    "outline": "cwgtool.outline.",
    "docx_numbering": "cwgtool.readers.docx_numbering.",
    "pdf_layout": "cwgtool.readers.pdf_layout.",
    "stance": "cwgtool.extract.stance.",
    "actors": "cwgtool.extract.actors.",
    "positions": "cwgtool.extract.positions.",
}
SAMPLE = 150  # mutants per module by default: the five modules in under ten minutes on two cores
DETECTED = {"killed", "timeout", "caught by type check", "segfault"}


@dataclass
class Score:
    module: str
    statuses: dict[str, str]
    equivalent: dict[str, str] = field(default_factory=dict)  # mutant → reason
    stale: list[str] = field(default_factory=list)
    total: int = 0  # mutants of the module (the sample is drawn from them)
    seconds: float = 0.0

    def count(self, *wanted: str) -> int:
        return sum(1 for name, s in self.statuses.items() if s in wanted and name not in self.equivalent)

    @property
    def killed(self) -> int:
        return self.count(*DETECTED)

    @property
    def timeouts(self) -> int:
        return self.count("timeout")

    @property
    def survived(self) -> list[str]:
        return sorted(n for n, s in self.statuses.items() if s not in DETECTED and n not in self.equivalent)

    @property
    def score(self) -> float:
        judged = self.killed + len(self.survived)
        return self.killed / judged if judged else 1.0


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("mutmut")
    return subprocess.run([str(exe), *args], cwd=ROOT, text=True, capture_output=capture, check=False)


def statuses(prefix: str) -> dict[str, str]:
    """Status of every mutant of one module, as ``mutmut results --all true`` prints them."""
    out = mutmut("results", "--all", "true", capture=True).stdout
    found: dict[str, str] = {}
    for line in out.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith(prefix):
            found[name] = status
    return found


def source_of(prefix: str) -> Path:
    return Path("src", *prefix.rstrip(".").split(".")).with_suffix(".py")


def diff(name: str, prefix: str) -> str:
    """The change a mutant makes, as ``mutmut show`` prints it (the -/+ lines only)."""
    try:  # in-process is much faster than one mutmut process per mutant
        from mutmut.mutation.diff_apply import get_diff_for_mutant

        text = get_diff_for_mutant(name, path=source_of(prefix))
    except Exception:  # noqa: BLE001 - any internal change in mutmut: fall back to its command
        text = mutmut("show", name, capture=True).stdout
    return "\n".join(
        line for line in text.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def changed_lines(text: str) -> set[str]:
    return {" ".join(line[1:].split()) for line in text.splitlines() if line.startswith("+")}


def load_equivalent() -> list[dict[str, str]]:
    if not EQUIVALENT.exists():
        return []
    return list(tomllib.loads(EQUIVALENT.read_text(encoding="utf-8")).get("mutant", []))


def run_module(module: str, *, sample: int, show: bool) -> Score:
    prefix = MODULES[module]
    start = time.monotonic()
    if sample:
        # generate the mutants (a pattern that names none of them runs none), then run a sample
        # mutmut then stops on "nothing matches" (exit 1) after generating every mutant
        generated = mutmut("run", "--max-children", "1", prefix + "__generate_only__*", capture=True)
        said = generated.stdout + generated.stderr
        names = sorted(statuses(prefix))
        if (generated.returncode and "nothing matches" not in said) or not names:  # e.g. a failing test
            sys.exit(f"mutmut could not prepare {module} (exit {generated.returncode}):\n{said[-3000:]}")
        chosen = names if len(names) <= sample else sorted(random.Random(module).sample(names, sample))
        mutmut("run", "--max-children", "1", *chosen)
        found = statuses(prefix)
        score = Score(module, {n: found[n] for n in chosen}, total=len(names))
    else:
        mutmut("run", "--max-children", "1", prefix + "*")
        score = Score(module, statuses(prefix))
        score.total = len(score.statuses)
    score.seconds = time.monotonic() - start
    diffs: dict[str, str] = {}
    for entry in load_equivalent():
        name = entry["name"]
        if not name.startswith(prefix):
            continue
        if name not in score.statuses:
            continue  # not in this sample (or no longer a mutant: a full run reports it)
        if score.statuses[name] in DETECTED:
            score.stale.append(f"{name}: no longer a surviving mutant")
            continue
        diffs[name] = diff(name, prefix)
        if " ".join(entry["change"].split()) not in changed_lines(diffs[name]):
            score.stale.append(f"{name}: the mutant now changes something else:\n{diffs[name]}")
            continue
        score.equivalent[name] = entry["reason"]
    report = ROOT / "mutants" / f"survivors-{module}.txt"
    with report.open("w", encoding="utf-8") as out:
        for name in score.survived:
            text = diffs.get(name) or diff(name, prefix)
            out.write(f"{name} ({score.statuses[name]})\n{text}\n\n")
            if show:
                print(f"{name} ({score.statuses[name]})\n{text}\n")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", help=f"modules to run, of {', '.join(MODULES)} (default: all configured)")
    parser.add_argument("--survivors", action="store_true", help="print each surviving mutant's change")
    parser.add_argument(
        "--sample", type=int, default=SAMPLE, metavar="N",
        help=f"run N mutants of each module, drawn at random with the module name as seed (default {SAMPLE}; 0 = all)",
    )
    parser.add_argument("--keep", action="store_true", help="keep mutmut's earlier results (default: start clean)")
    args = parser.parse_args(argv)
    if unknown := sorted(set(args.modules) - set(MODULES)):
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    configured = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]["only_mutate"]
    wanted = args.modules or [m for m, prefix in MODULES.items() if str(source_of(prefix)) in configured]
    if not args.keep:
        shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    scores = [run_module(m, sample=args.sample, show=args.survivors) for m in wanted]
    print(f"\n{'module':<16}{'mutants':>8}{'run':>6}{'killed':>8}{'(timeout)':>10}{'survived':>10}{'equivalent':>12}{'score':>8}{'time':>8}")
    for s in scores:
        print(
            f"{s.module:<16}{s.total:>8}{len(s.statuses):>6}{s.killed:>8}{s.timeouts:>10}{len(s.survived):>10}"
            f"{len(s.equivalent):>12}{s.score:>8.1%}{s.seconds:>7.0f}s"
        )
    for s in scores:
        for line in s.stale:
            print(f"stale equivalent-mutant entry: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

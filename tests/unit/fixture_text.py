"""The fixture records' text, as lines and sentences: the corpus the equivalence tests of the
extractors' shortcuts run over (each test adds its own edge cases)."""

from __future__ import annotations

from pathlib import Path

from cwgtool.extract.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[2]


def fixture_lines() -> list[str]:
    return [line for path in sorted(ROOT.glob("fixtures/*/*/*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]


def fixture_sentences() -> list[str]:
    return [s for line in fixture_lines() for s in split_sentences(line)]


# The cover of an invented record, for tests that write its body inline.
RECORD_HEAD = (
    "Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)\n"
    "Fifteenth meeting – Geneva, 3-4 March 2021\nDocument CWG-Internet-15/9-E\n\n"
    "Summary record of the fifteenth meeting of the Council Working Group\n\n"
)

"""Every shell example in README.md and docs/*.md runs, so none can rot.

What counts as an example:

* in a fenced block marked ``sh``, ``bash``, ``shell`` or ``console``: every line that starts
  with ``cwgtool `` or ``$ cwgtool``;
* in an indented code block: every line that starts with ``$ cwgtool`` (an indented line without
  ``$`` is a synopsis such as ``cwgtool link DIR|FILE… [--symbol SYM]``, not an example).

A ``$ cwgtool`` line followed by more lines of the block shows its output: those lines, up to the
next blank or ``$`` line, must be what the command prints, stdout then stderr as a terminal shows
them (compared line by line, runs of spaces and tabs counting as one separator, so a TSV may be
shown aligned). Each example must exit 0
unless its trailing comment says ``(exit N)``; ``(not run: reason)`` in the comment keeps an
example out of the test and says why in the test report.

The examples of one block run in order, in one scratch folder, through ``bash -o pipefail``: a
block may index an archive and then query it. The folder holds a copy of ``fixtures/`` and the
placeholder names the documentation uses, made of fixture files:

* ``archive/``: the 12th record (PDF and DOCX), the 14th (text), the 18th meeting's folder;
* ``records/``: ``2022/`` (the 12th record, PDF and DOCX) and ``2023/`` (the 14th, text, and the
  18th meeting);
* ``drafts/``: the 12th record and the clean 16th (text);
* ``record.docx``: the 12th record, DOCX with typed numbers.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELLS = {"sh", "bash", "shell", "console"}
EXIT = re.compile(r"\(exit (\d+)\b")
NOT_RUN = re.compile(r"\(not run: ([^)]+)\)")


@dataclass
class Example:
    line: int
    command: str
    output: list[str] | None = None  # None: not shown

    @property
    def comment(self) -> str:
        """The trailing comment: from the first ``#`` that starts a word outside quotes."""
        quote = ""
        for i, ch in enumerate(self.command):
            if quote:
                quote = "" if ch == quote else quote
            elif ch in "'\"":
                quote = ch
            elif ch == "#" and (i == 0 or self.command[i - 1].isspace()):
                return self.command[i:]
        return ""

    @property
    def exit_code(self) -> int:
        m = EXIT.search(self.comment)
        return int(m.group(1)) if m else 0

    @property
    def not_run(self) -> str | None:
        m = NOT_RUN.search(self.comment)
        return m.group(1) if m else None


@dataclass
class Block:
    source: Path
    line: int
    examples: list[Example] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.source.relative_to(ROOT)}:{self.line}"


def _examples(lines: list[str], first: int, *, dollar_only: bool) -> list[Example]:
    """The examples of one code block whose lines (indentation removed) start at line ``first``."""
    out: list[Example] = []
    current: Example | None = None
    for n, text in enumerate(lines, start=first):
        if text.startswith("$ cwgtool") or (not dollar_only and text.startswith("cwgtool ")):
            shown = text.startswith("$ ")
            current = Example(n, text.removeprefix("$ ").strip(), [] if shown else None)
            out.append(current)
        elif not text.strip() or text.startswith("$ "):
            current = None
        elif current is not None and current.output is not None:
            current.output.append(text)
    return out


def blocks(source: Path) -> list[Block]:
    lines = source.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    i = 0
    while i < len(lines):
        fence = re.match(r"^(\s*)```(\w*)", lines[i])
        if fence:
            indent, lang = fence.group(1), fence.group(2)
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip().startswith("```"))
            if lang in SHELLS:
                body = [line[len(indent) :] for line in lines[i + 1 : end]]
                found.append(Block(source, i + 1, _examples(body, i + 2, dollar_only=False)))
            i = end + 1
            continue
        if lines[i].startswith("    ") and (i == 0 or not lines[i - 1].strip()):
            end = i
            while end < len(lines) and (lines[end].startswith("    ") or not lines[end].strip()):
                end += 1
            body = [line[4:] for line in lines[i:end]]
            examples = _examples(body, i + 1, dollar_only=True)
            if examples:
                found.append(Block(source, i + 1, examples))
            i = end
            continue
        i += 1
    return [b for b in found if b.examples]


ALL_BLOCKS = [b for s in SOURCES for b in blocks(s)]


def test_examples_are_found() -> None:
    """The extraction itself: a change in how the docs write examples must not hide them."""
    readme = [b for b in ALL_BLOCKS if b.source.name == "README.md"]
    commands = [e.command.split()[1] for b in readme for e in b.examples]
    assert {"parse", "positions", "actions", "check", "link", "index", "search"} <= set(commands)
    assert any(e.output for b in ALL_BLOCKS for e in b.examples), "no example shows its output"


def _sandbox(root: Path) -> None:
    shutil.copytree(FIXTURES, root / "fixtures", ignore=shutil.ignore_patterns("golden", "sources", "__pycache__"))
    records, meeting = FIXTURES / "records", FIXTURES / "meetings" / "cwg18"
    layout = {
        "archive": [records / "cwg12" / "cwg12.pdf", records / "cwg12" / "cwg12-auto.docx", records / "cwg14" / "cwg14.txt", meeting],
        "records/2022": [records / "cwg12" / "cwg12.pdf", records / "cwg12" / "cwg12-auto.docx"],
        "records/2023": [records / "cwg14" / "cwg14.txt", meeting],
        "drafts": [records / "cwg12" / "cwg12.txt", records / "cwg16" / "cwg16.txt"],
    }
    for folder, items in layout.items():
        (root / folder).mkdir(parents=True)
        for item in items:
            if item.is_dir():
                shutil.copytree(item, root / folder / item.name)
            else:
                shutil.copy(item, root / folder / item.name)
    shutil.copy(records / "cwg12" / "cwg12-typed.docx", root / "record.docx")


def _words(command: str) -> list[str]:
    """Shell words and operators (``|``, ``>``…), quotes respected, the trailing comment kept."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.commenters = ""
    lexer.whitespace_split = True
    try:
        return list(lexer)
    except ValueError:  # unbalanced quote: the shell will say so when it runs
        return command.split()


def _programs(command: str) -> list[str]:
    """The programs a pipeline runs after ``cwgtool`` (the word after each ``|``)."""
    words = _words(command)
    return [words[i + 1] for i, w in enumerate(words[:-1]) if w == "|"]


def _tokens(lines: list[str]) -> list[list[str]]:
    return [line.split() for line in lines]


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=[b.id for b in ALL_BLOCKS])
def test_example(block: Block, tmp_path: Path) -> None:
    runnable = [e for e in block.examples if e.not_run is None]
    if not runnable:
        pytest.skip("; ".join(f"line {e.line}: not run: {e.not_run}" for e in block.examples))
    missing = sorted({p for e in runnable for p in _programs(e.command) if shutil.which(p) is None})
    if missing:
        pytest.skip(f"needs {', '.join(missing)}, which is not installed")
    _sandbox(tmp_path)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    for example in runnable:
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", example.command], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
        )
        where = f"{block.source.name}:{example.line}: {example.command}"
        assert done.returncode == example.exit_code, f"{where}\nexit {done.returncode}, expected {example.exit_code}\n{done.stderr}"
        assert "Traceback" not in done.stderr, f"{where}\n{done.stderr}"
        if example.output is not None:
            shown = (done.stdout + done.stderr).splitlines()  # what a terminal shows
            assert _tokens(shown) == _tokens(example.output), f"{where}\nprinted:\n{done.stdout}{done.stderr}"

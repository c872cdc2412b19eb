"""The ceiling: no input of up to 10 MB may use more than 1 GB of memory or 60 s of CPU.

Each hostile input (those of issue #12 and variants) is parsed by ``cwgtool parse`` in its own
process, under ``RLIMIT_CPU`` (60 s: a runaway is killed, not waited for) and a 2 GB
``RLIMIT_AS`` safety net for the machine running the suite; the child's peak resident memory
and CPU time come from ``wait4``, so the figures are the child's own, whatever else the machine
is doing (CPU time, not wall-clock time: a loaded CI box does not make the test fail). Every
run must also end the documented way: exit 0, 3 or 4 and no traceback.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    BILLION_LAUGHS_DOCUMENT,
    RECORDS,
    body_document,
    docx_bytes,
    empty_paragraphs_docx,
    fixture_module,
    numbered_docx,
    zip_bomb_docx,
)

resource = pytest.importorskip("resource")  # POSIX only

MAX_INPUT = 10 * 1024 * 1024
MAX_RSS = 1024 * 1024 * 1024  # bytes
MAX_CPU = 60  # seconds
SAFETY_AS = 2 * 1024 * 1024 * 1024  # address space: a blow-up fails fast instead of taking the box
HANG_GUARD = 600  # wall-clock seconds before a child is taken for hung (CPU is capped at 60 s)

make_pdf = fixture_module("make_pdf")
RECORD_TEXT = (RECORDS / "cwg12" / "cwg12.txt").read_text(encoding="utf-8")


def _country_list(count: int) -> bytes:
    """The 12th record with a list of ``count`` Member States as a submitter list and as the
    subject of a discussion sentence (minutes before: cubic in the list's length)."""
    import pycountry

    names = [c.name for c in pycountry.countries if "," not in c.name]
    random.Random(count).shuffle(names)
    listed = (names * (count // len(names) + 1))[:count]
    text = ", ".join(listed[:-1]) + " and " + listed[-1]
    record = RECORD_TEXT.replace("Contribution by the Russian Federation:", f"Contribution by {text}:", 1)
    record = record.replace("Some Member States supported the contribution,", f"{text} supported the contribution,", 1)
    return record.encode("utf-8")


def _long_pdf(copies: int) -> bytes:
    pages = make_pdf.typeset(make_pdf.record_paragraphs(RECORD_TEXT, copies), furniture=make_pdf.itu_furniture)
    return make_pdf.pdf_bytes(pages)


def _pages(count: int, *, declared: int | None = None) -> bytes:
    pages = [make_pdf.Page(runs=[make_pdf.Run(72, 100, f"The Group noted the report on page {n}.")]) for n in range(count)]
    return make_pdf.pdf_bytes(pages, declared_count=declared)


def _crowded_page(chars: int) -> bytes:
    """One page holding ``chars`` characters in lines of 100 overprinted on one another."""
    rnd = random.Random(chars)
    line = lambda: "".join(rnd.choice("abcdefghij ") for _ in range(100))  # noqa: E731
    runs = [make_pdf.Run(72, 100 + (k % 600), line(), size=1) for k in range(chars // 100)]
    return make_pdf.pdf_bytes([make_pdf.Page(runs=runs)])


def _one_huge_paragraph_docx(chars: int) -> bytes:
    rnd = random.Random(chars)
    words = " ".join("".join(rnd.choice("abcdefghij") for _ in range(7)) for _ in range(chars // 8))
    return docx_bytes(body_document(f"<w:p><w:r><w:t>{words}</w:t></w:r></w:p>"))


def _newlines(size: int) -> bytes:
    return b"\n" * (size - 10) + b"The end.\n"


def _one_long_line(size: int) -> bytes:
    rnd = random.Random(size)
    return bytes(rnd.choice(b"abcdefghij") for _ in range(size - 1)) + b"\n"


def _clauses(count: int) -> bytes:
    """One sentence of ``count`` "Some Member States supported …, while …" clauses."""
    clause = "Some Member States supported the proposal on OTT services"
    sentence = ", while ".join([clause] * count) + "."
    return RECORD_TEXT.replace("Some Member States supported the contribution,", sentence + " Some,", 1).encode("utf-8")


def _country_clauses(count: int) -> bytes:
    """One sentence of ``count`` clauses that each name a Member State ("Canada supported …,
    while Brazil objected …"): handing a sentence's countries to its clauses was once quadratic."""
    import pycountry

    names = [c.name for c in pycountry.countries if "," not in c.name and "(" not in c.name]
    verbs = ("supported the proposal", "objected to the proposal", "suggested further study")
    clauses = [f"{names[k % len(names)]} {verbs[k % len(verbs)]}" for k in range(count)]
    sentence = ", while ".join(clauses) + "."
    return RECORD_TEXT.replace("Some Member States supported the contribution,", sentence + " Some,", 1).encode("utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[], bytes]
    codes: tuple[int, ...]  # the documented exit codes this input may end with


CASES = [
    Case("million-empty-paragraphs.docx", lambda: empty_paragraphs_docx(1_000_000), (4,)),
    Case("199999-empty-paragraphs.docx", lambda: empty_paragraphs_docx(199_999), (0,)),
    Case("roman-from-1e10.docx", lambda: numbered_docx("10000000000", "upperRoman", count=2000), (0,)),
    Case("letters-from-1e9.docx", lambda: numbered_docx("1000000000", "lowerLetter", count=2000), (0,)),
    Case("zip-bomb.docx", lambda: zip_bomb_docx(400 * 1024 * 1024), (4,)),
    Case("billion-laughs.docx", lambda: docx_bytes(BILLION_LAUGHS_DOCUMENT), (3,)),
    Case("one-3mb-paragraph.docx", lambda: _one_huge_paragraph_docx(3_000_000), (0,)),
    Case("3000-countries.txt", lambda: _country_list(3000), (0,)),
    Case("2800-clauses.txt", lambda: _clauses(2800), (0,)),  # was 511 MB of JSON and 2.5 GB
    Case("60000-country-clauses.txt", lambda: _country_clauses(60_000), (0,)),
    Case("10mb-of-newlines.txt", lambda: _newlines(MAX_INPUT), (0, 3)),
    Case("10mb-line.txt", lambda: _one_long_line(MAX_INPUT), (0, 3)),
    Case("record-ten-times.pdf", lambda: _long_pdf(10), (0,)),
    Case("lying-count-3000-pages.pdf", lambda: _pages(3000, declared=1), (4,)),
    Case("crowded-page.pdf", lambda: _crowded_page(300_000), (0, 3)),
]



def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (MAX_CPU, MAX_CPU + 5))
    resource.setrlimit(resource.RLIMIT_AS, (SAFETY_AS, SAFETY_AS))


def _measured(path: Path) -> tuple[int, str, int, float]:
    """``cwgtool parse`` on ``path`` in a child: exit code, stderr, peak RSS (bytes), CPU seconds.

    ``wait4`` gives the child's own resource usage; a timer kills a child that sleeps forever
    (a hang that uses no CPU is not stopped by RLIMIT_CPU)."""
    import threading

    err_path = path.with_name(path.name + ".stderr")
    with open(os.devnull, "wb") as sink, open(err_path, "wb") as err:
        child = subprocess.Popen(
            [sys.executable, "-m", "cwgtool", "parse", "--no-cache", str(path)],
            stdout=sink, stderr=err, preexec_fn=_limit_child,  # noqa: PLW1509 - rlimits need it
        )
        guard = threading.Timer(HANG_GUARD, child.kill)
        guard.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            guard.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode == -9:
        pytest.fail(f"{path.name}: no end after {HANG_GUARD} s")
    return (
        child.returncode,
        err_path.read_text(encoding="utf-8", errors="replace"),
        usage.ru_maxrss * 1024,  # kilobytes on Linux
        usage.ru_utime + usage.ru_stime,
    )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ceiling")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_no_input_exhausts_the_machine(inputs: Path, case: Case) -> None:
    path = inputs / case.name
    path.write_bytes(case.build())
    assert path.stat().st_size <= MAX_INPUT
    code, err, rss, cpu = _measured(path)
    print(f"{case.name}: {path.stat().st_size / 2**20:.1f} MB in, exit {code}, {rss / 2**20:.0f} MB peak, {cpu:.1f} s CPU")
    assert "Traceback" not in err and len(err.splitlines()) <= 2, err
    assert code in case.codes, (code, err)
    assert rss <= MAX_RSS, f"{case.name}: {rss / 2**20:.0f} MB"
    assert cpu <= MAX_CPU, f"{case.name}: {cpu:.1f} s of CPU"

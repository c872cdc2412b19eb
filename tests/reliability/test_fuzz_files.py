"""Mutation fuzzing of the PDF and DOCX readers over the committed record fixtures.

Bounded and seeded, so it is a regression test rather than a lottery: the same 40 PDF and 40
DOCX mutants every run (flipped bytes, truncation, splices of two files, damaged ZIP members).
Any outcome is fine except an exception other than InputError/LimitError — that would be a
traceback for a user with a damaged download.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

from cwgtool.api import build_document
from cwgtool.errors import InputError
from cwgtool.limits import Limits, call_with_timeout
from cwgtool.model import Source
from cwgtool.readers import read
from tests.conftest import committed

PDFS = committed("fixtures/records/*/*.pdf")
DOCXS = committed("fixtures/records/*/*.docx")
CASES = 40
SEED = 20240611


def flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, len(data))]


def splice(rng: random.Random, a: bytes, b: bytes) -> bytes:
    return a[: rng.randrange(len(a))] + b[rng.randrange(len(b)) :]


def smear(rng: random.Random, data: bytes) -> bytes:
    """Overwrite a run with zeros or copy a chunk elsewhere (damaged sectors, bad transfers)."""
    i, n = rng.randrange(len(data)), rng.randint(1, 2048)
    if rng.random() < 0.5:
        return data[:i] + b"\0" * n + data[i + n :]
    j = rng.randrange(len(data))
    return data[:j] + data[i : i + n] + data[j:]


def mutate_bytes(rng: random.Random, data: bytes, other: bytes) -> bytes:
    op = rng.choice(("flip", "truncate", "splice", "smear"))
    if op == "flip":
        return flip(rng, data)
    if op == "truncate":
        return truncate(rng, data)
    if op == "splice":
        return splice(rng, data, other)
    return smear(rng, data)


def mutate_docx_member(rng: random.Random, data: bytes, other: bytes) -> bytes:
    """Damage the XML inside a valid ZIP, so the reader gets past the container checks."""
    src = zipfile.ZipFile(io.BytesIO(data))
    donor = zipfile.ZipFile(io.BytesIO(other))
    names = [n for n in src.namelist() if n.endswith((".xml", ".rels"))]
    victim = rng.choice([n for n in names if n.startswith("word/")] * 3 + names)
    op = rng.choice(("flip", "truncate", "splice", "drop", "swap", "tags"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            body = src.read(name)
            if name == victim:
                if op == "drop":
                    continue
                if op == "swap" and name in donor.namelist():
                    body = donor.read(name)
                elif op == "tags":  # unbalance or rename elements but keep the bytes XML-ish
                    body = body.replace(rng.choice([b"<w:p>", b"</w:r>", b"<w:tc>", b"w:val=", b"<w:num "]), b"", rng.randint(1, 5))
                elif op == "truncate":
                    body = truncate(rng, body)
                elif op == "splice":
                    body = splice(rng, body, donor.read(rng.choice(donor.namelist())))
                else:
                    body = flip(rng, body)
            dst.writestr(name, body)
    return out.getvalue()


def _exercise(path: Path, engine: str) -> None:
    limits = Limits(timeout=10)
    try:
        result = call_with_timeout(read, limits.timeout, path, pdf_engine=engine, limits=limits, name=str(path))
    except InputError:  # LimitError included
        return
    # what a reader returns must also survive the rest of the pipeline
    build_document(result, Source(path=str(path), format=result.format, sha256="0" * 64, pages=result.pages))


def test_mutated_pdfs(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    data = [p.read_bytes() for p in PDFS]
    for case in range(CASES):
        i = rng.randrange(len(data))
        mutant = mutate_bytes(rng, data[i], data[(i + 1) % len(data)])
        path = tmp_path / f"mutant-{case}.pdf"
        path.write_bytes(mutant)
        # pdfium is the fast engine: most cases; pdfplumber (pdfminer) every fourth case
        engine = "pdfplumber" if case % 4 == 0 else "pdfium"
        try:
            _exercise(path, engine)
        except Exception as exc:  # noqa: BLE001 - report the case, not just the exception
            pytest.fail(f"case {case} ({engine}): {type(exc).__name__}: {exc}")
        # library chatter (pdfminer's log warnings, C-level prints) must not reach the terminal
        assert capfd.readouterr().err == "", f"case {case} ({engine}) wrote to stderr"


def test_mutated_docx(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(SEED)
    data = [p.read_bytes() for p in DOCXS]
    for case in range(CASES):
        i = rng.randrange(len(data))
        other = data[(i + 1) % len(data)]
        mutant = mutate_docx_member(rng, data[i], other) if case % 2 else mutate_bytes(rng, data[i], other)
        path = tmp_path / f"mutant-{case}.docx"
        path.write_bytes(mutant)
        try:
            _exercise(path, "pdfplumber")
        except Exception as exc:  # noqa: BLE001
            pytest.fail(f"case {case}: {type(exc).__name__}: {exc}")
        assert capfd.readouterr().err == "", f"case {case} wrote to stderr"

"""Whole-parse throughput against the PDF engines' own text extraction, and DOCX docs/s.

Everything is measured in one process and one run, so the ratios compare like with like on a
noisy machine; each figure is the best of N passes over the whole batch (the pass least
disturbed by other load). The target ratio for ``parse(pdfium)`` is ≤ 3× raw pypdfium2 text.

    .venv/bin/python benchmarks/bench_parse.py [--repeat N] [--pdf-only | --docx-only]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from cwgtool.api import parse

ROOT = Path(__file__).resolve().parents[1]


def pdf_batch() -> list[Path]:
    return sorted(ROOT.glob("fixtures/records/*/*.pdf")) + sorted(ROOT.glob("fixtures/contributions/*/*.pdf"))


def docx_batch() -> list[Path]:
    return sorted(ROOT.glob("fixtures/records/*/*-auto.docx")) + sorted(
        ROOT.glob("fixtures/records/*/*-typed.docx")
    )


def pdfium_raw(path: Path) -> None:
    doc = pdfium.PdfDocument(str(path))
    try:
        for page in doc:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        doc.close()


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def parse_json(engine: str) -> Callable[[Path], None]:
    def run(path: Path) -> None:
        parse(path, pdf_engine=engine).model_dump_json()

    return run


def best_of(fn: Callable[[Path], object], paths: Sequence[Path], repeat: int) -> float:
    """Best wall time of one pass over ``paths``; GC is collected before, not during, a pass."""
    fn(paths[0])  # warm imports and caches: cold start is measured separately (-X importtime)
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        for p in paths:
            fn(p)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pdf-only", action="store_true")
    ap.add_argument("--docx-only", action="store_true")
    args = ap.parse_args()

    if not args.docx_only:
        pdfs = pdf_batch()
        pages = sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)
        print(f"PDF batch: {len(pdfs)} files, {pages} pages; best of {args.repeat}")
        raw = best_of(pdfium_raw, pdfs, args.repeat)
        rows = [
            ("pypdfium2 raw text", raw),
            ("pdfplumber extract_text", best_of(plumber_text, pdfs, args.repeat)),
            ("parse(pdfium) + json", best_of(parse_json("pdfium"), pdfs, args.repeat)),
            ("parse(pdfplumber) + json", best_of(parse_json("pdfplumber"), pdfs, args.repeat)),
        ]
        for name, t in rows:
            print(f"  {name:<26}{t * 1000:>9.1f} ms{t / raw:>8.2f}× raw pdfium")

    if not args.pdf_only:
        docs = docx_batch()
        t = best_of(parse_json("pdfium"), docs, args.repeat)
        print(f"DOCX batch: {len(docs)} files; best of {args.repeat}")
        print(f"  parse + json              {t * 1000:>9.1f} ms{len(docs) / t:>8.1f} docs/s")


if __name__ == "__main__":
    main()

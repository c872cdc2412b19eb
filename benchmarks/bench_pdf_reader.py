"""Time the PDF reader against the engines' own plain-text extraction, per fixture PDF.

The target is that a full cwgtool read costs at most ~1.3× pdfplumber's ``extract_text``:
the layout stage must stay a single cheap pass over characters, not a second extraction.

    .venv/bin/python benchmarks/bench_pdf_reader.py [PDF ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from bench_parse import pdfium_raw as pdfium_text_range
from bench_parse import plumber_text as plumber_extract_text

from cwgtool.readers.pdf import read

ROOT = Path(__file__).resolve().parents[1]


def best_of(fn: Callable[[Path], object], path: Path, repeat: int) -> float:
    """Best wall time of ``repeat`` runs: the least disturbed by other load on the machine."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pdfs = args.pdfs or sorted(ROOT.glob("fixtures/records/*/*.pdf"))
    print(f"{'file':<22}{'pages':>6}{'plumber':>10}{'read/plb':>10}{'ratio':>7}"
          f"{'pdfium':>9}{'read/pdm':>10}{'ratio':>7}{'plb/pdm':>9}")
    for pdf in pdfs:
        pages = len(pdfium.PdfDocument(str(pdf)))
        t_plb = best_of(plumber_extract_text, pdf, args.repeat)
        t_read_plb = best_of(lambda p: read(p, engine="pdfplumber"), pdf, args.repeat)
        t_pdm = best_of(pdfium_text_range, pdf, args.repeat)
        t_read_pdm = best_of(lambda p: read(p, engine="pdfium"), pdf, args.repeat)
        print(f"{pdf.name:<22}{pages:>6}{t_plb * 1000:>9.0f}m{t_read_plb * 1000:>9.0f}m{t_read_plb / t_plb:>7.2f}"
              f"{t_pdm * 1000:>8.1f}m{t_read_pdm * 1000:>9.1f}m{t_read_pdm / t_pdm:>7.1f}"
              f"{t_read_plb / t_read_pdm:>9.1f}")
    print(f"times are best-of-{args.repeat} wall ms; ratio = cwgtool read / engine's own text extraction")


if __name__ == "__main__":
    main()

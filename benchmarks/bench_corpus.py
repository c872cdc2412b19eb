"""Corpus benchmark: where the time goes when cwgtool parses an archive, in one run.

Builds a corpus of copies of the fixture PDFs and DOCX (each copy made byte-unique, so the
cache sees N distinct documents as in a real archive) in ``benchmarks/.corpus/`` (git-ignored)
and reports side by side:

* the floor: pdfplumber's own ``extract_text`` over every page of the PDFs;
* ``cwgtool`` parsing in-process (PDF and DOCX separately), ``cwgtool parse --jobs 1`` and
  ``--jobs 2`` (subprocesses, cache off), and a cached re-run;
* cold start of ``cwgtool --help`` and ``cwgtool actions small.docx`` (best of 5);
* peak RSS parsing a 100-page PDF (the record fixtures concatenated) with each engine
  (``getrusage`` in a fresh subprocess).

The cwgtool code under test is a snapshot copied to a temporary directory at start (put first
on ``PYTHONPATH``): in a working checkout other people's edits would otherwise change the code
between the measurements — and invalidate the cache, whose key includes a code fingerprint.
The snapshot is byte-compiled up front, as an installed package is: with
``PYTHONDONTWRITEBYTECODE`` set, every CLI run would otherwise recompile what it imports (~20 ms).

Usage: ``python benchmarks/bench_corpus.py [--n 200] [--quick]``
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "fixtures" / "records"
CORPUS = ROOT / "benchmarks" / ".corpus"


def build_corpus(n: int, dest: Path = CORPUS) -> list[Path]:
    """n documents alternating PDF / DOCX, in nested folders, each copy with unique bytes."""
    pdfs = sorted(RECORDS.glob("*/*.pdf"))
    docxs = sorted(RECORDS.glob("*/*.docx"))
    if dest.exists():
        shutil.rmtree(dest)
    out: list[Path] = []
    for i in range(n):
        src = pdfs[(i // 2) % len(pdfs)] if i % 2 == 0 else docxs[(i // 2) % len(docxs)]
        target = dest / f"batch{i // 50:02}" / f"doc{i:04}{src.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, target)
        if src.suffix == ".pdf":
            with open(target, "ab") as fh:  # a trailing comment: readers ignore it, the hash changes
                fh.write(f"\n% corpus copy {i}\n".encode())
        else:
            with zipfile.ZipFile(target, "a") as z:
                z.comment = f"corpus copy {i}".encode()
        out.append(target)
    return out


def code_snapshot(work: Path) -> dict[str, str]:
    """Copy and byte-compile the cwgtool code under test into ``work`` (see the module docstring),
    put it first on this process's path, and return the environment that gives the CLI processes
    the same code and a cache of their own under ``work``."""
    snapshot = work / "code"
    shutil.copytree(ROOT / "src" / "cwgtool", snapshot / "cwgtool", ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(snapshot, quiet=1)
    sys.path.insert(0, str(snapshot))
    return {
        **os.environ,
        "CWGTOOL_CACHE_DIR": str(work / "cache"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(snapshot), os.environ.get("PYTHONPATH")])),
    }


def timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cli(args: list[str], env: dict[str, str]) -> float:
    def run() -> None:
        subprocess.run([sys.executable, "-m", "cwgtool", *args], env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return timed(run)


def best_of(k: int, fn: Callable[[], float]) -> float:
    return min(fn() for _ in range(k))


def extract_text_floor(pdfs: list[Path]) -> float:
    import pdfplumber

    def run() -> None:
        for p in pdfs:
            with pdfplumber.open(p) as pdf:
                for page in pdf.pages:
                    page.extract_text()

    return timed(run)


def in_process(paths: list[Path]) -> float:
    from cwgtool.batch import parse_many
    from cwgtool.options import ParseOptions

    def run() -> None:
        for o in parse_many([str(p) for p in paths], ParseOptions(use_cache=False), jobs=1):
            assert o.document is not None, o.error

    return timed(run)


def hundred_page_pdf(dest: Path) -> tuple[Path, int]:
    """The record fixture PDFs concatenated until there are at least 100 pages."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    sources = [pdfium.PdfDocument(str(p)) for p in sorted(RECORDS.glob("*/*.pdf"))]
    k = 0
    while len(out) < 100:
        out.import_pages(sources[k % len(sources)])
        k += 1
    pages = len(out)
    out.save(str(dest))
    for src in sources:
        src.close()
    out.close()
    return dest, pages


_PEAK_RSS = """
import resource, sys
from cwgtool.api import parse
parse(sys.argv[1], pdf_engine=sys.argv[2])
try:  # the peak of this program's own memory: VmHWM starts afresh at exec
    with open("/proc/self/status") as fh:
        print(next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")))
except OSError:  # not Linux: ru_maxrss (which on Linux would still count the parent's memory at fork)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mib(pdf: Path, env: dict[str, str], engine: str) -> float:
    """Peak resident memory of a fresh process parsing ``pdf``, in MiB."""
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_RSS, str(pdf), engine], env=env, capture_output=True, text=True, check=True
    ).stdout
    return int(out.strip()) / 1024  # KiB on Linux


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200, help="documents in the corpus (default 200)")
    ap.add_argument("--quick", action="store_true", help="40 documents, best of 3 for start-up times")
    args = ap.parse_args()
    n = 40 if args.quick and args.n == 200 else args.n
    reps = 3 if args.quick else 5

    paths = build_corpus(n)
    pdfs = [p for p in paths if p.suffix == ".pdf"]
    docxs = [p for p in paths if p.suffix == ".docx"]
    work = Path(tempfile.mkdtemp(prefix="cwgbench-"))
    env = code_snapshot(work)
    os.environ["CWGTOOL_CACHE_DIR"] = env["CWGTOOL_CACHE_DIR"]
    corpus = str(CORPUS)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"corpus: {n} documents ({len(pdfs)} PDF, {len(docxs)} DOCX) in {corpus}; {os.cpu_count()} CPUs; load {load:.2f}", flush=True)

    floor = extract_text_floor(pdfs)
    pdf_in = in_process(pdfs)
    docx_in = in_process(docxs)
    jobs1 = cli(["parse", corpus, "--jobs", "1", "--no-cache", "-q", "-O", str(work / "out1")], env)
    jobs2 = cli(["parse", corpus, "--jobs", "2", "--no-cache", "-q", "-O", str(work / "out2")], env)
    cli(["parse", corpus, "--jobs", "2", "-q", "-O", str(work / "warm")], env)  # fills the cache
    cached = cli(["parse", corpus, "--jobs", "2", "-q", "-O", str(work / "out3")], env)
    help_s = best_of(reps, lambda: cli(["--help"], env))
    small = min(docxs, key=lambda p: p.stat().st_size)
    actions_nocache = best_of(reps, lambda: cli(["actions", str(small), "--no-cache"], env))
    actions_cached = best_of(reps, lambda: cli(["actions", str(small)], env))
    big, big_pages = hundred_page_pdf(work / "hundred.pdf")
    rss = {engine: peak_rss_mib(big, env, engine) for engine in ("pdfium", "pdfplumber")}
    same = all(
        (work / "out1" / r).read_bytes() == (work / "out2" / r).read_bytes()
        for r in (p.relative_to(work / "out1") for p in (work / "out1").rglob("*.json"))
    )

    rows = [
        ("pdfplumber extract_text (floor), PDFs", floor, len(pdfs)),
        ("cwgtool in-process, PDFs", pdf_in, len(pdfs)),
        ("cwgtool in-process, DOCX", docx_in, len(docxs)),
        ("cwgtool parse --jobs 1 (CLI, all)", jobs1, n),
        ("cwgtool parse --jobs 2 (CLI, all)", jobs2, n),
        ("cwgtool parse --jobs 2, cached re-run", cached, n),
    ]
    print(f"\n{'measurement':44} {'seconds':>8} {'docs':>5} {'docs/s':>8}")
    for name, secs, count in rows:
        print(f"{name:44} {secs:8.2f} {count:5} {count / secs if secs else 0:8.1f}")
    help_label = f"cold start: cwgtool --help (best of {reps})"
    print(f"\n{help_label:44} {help_s:8.3f}")
    print(f"{'cold start: cwgtool actions small.docx':44} {actions_nocache:8.3f}  (--no-cache)")
    print(f"{'cold start: cwgtool actions small.docx':44} {actions_cached:8.3f}  (cached)")
    for engine, mib in rss.items():
        label = f"peak RSS parsing a {big_pages}-page PDF ({engine})"
        print(f"{label:44} {mib:8.1f} MiB   (target < 300)")
    print("\nratios")
    print(f"  parse / extract_text (PDFs, in-process)   {pdf_in / floor:6.2f}x")
    print(f"  jobs 2 throughput / jobs 1                {jobs1 / jobs2:6.2f}x   (target >= 1.7)")
    print(f"  cached / uncached (jobs 2)                {cached / jobs2 * 100:6.1f}%   (target < 5%)")
    print(f"  --jobs 1 and --jobs 2 outputs identical:  {same}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

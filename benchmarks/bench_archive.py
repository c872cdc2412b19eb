"""Archive benchmark: indexing a whole archive, in one run.

Builds N distinct documents (default 1,000: the fixture records' PDF and DOCX, each copy made
byte-unique, see ``bench_corpus.build_corpus``) and prints:

* ``cwgtool index`` throughput with ``--jobs 1`` and ``--jobs 2`` (cache off), the CPU time
  of each run (all its processes: what a second core can share out), and
  ``cwgtool parse -O`` on the first 200 documents with both (the 1.6x target of issue #18);
* the peak memory (``VmHWM``) of the ``index`` process and of each of its workers, read from
  ``/proc`` while it runs (``VmHWM`` only grows, so the last reading is the peak);
* the database size per document;
* incremental re-index time: nothing changed, then 1 % of the files changed;
* ``search`` latency over 20 queries, as a process (``cwgtool search``) and in-process
  (``open_reader`` + ``search``), median and 95th percentile;
* start-up of the commands scripts call in loops, as a process, median of 11 runs: ``cwgtool
  --help``, and ``actions`` / ``positions`` on a document already in the cache.

The cwgtool code under test is a byte-compiled snapshot put first on ``PYTHONPATH``, as in
``bench_corpus.py``: an installed package has its bytecode, while a checkout run with
``PYTHONDONTWRITEBYTECODE`` set recompiles every module it imports at every start (~40 ms of a
cached listing), and other people's edits cannot change the code between measurements.

Figures depend on the machine's load: the README's are from a quiet 2-core machine.

Usage: ``python benchmarks/bench_archive.py [--n 1000] [--keep]``
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

from bench_corpus import build_corpus, code_snapshot

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "benchmarks" / ".corpus-archive"
QUERIES = [
    "community networks", "affordability", "IPv6", "CWG-Internet-12/4", "open consultation", "secretariat report",
    "Russian Federation", "\"international connectivity\"", "cybersecurity", "capacity building", "network*",
    "Internet exchange points", "developing countries", "child online protection", "multilingualism",
    "OTT services", "Resolution 102", "data protection", "the", "Any other business",
]


def _hwm_kib(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return None


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, int, dict[int, int], float]:
    """(seconds, parent's peak KiB, {worker pid: peak KiB}, CPU seconds of the process and its
    workers) of ``cwgtool ARGS``, sampling /proc every 20 ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cwgtool", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent, workers = 0, {}
    stop = threading.Event()

    def sample() -> None:
        nonlocal parent
        while not stop.is_set():
            parent = max(parent, _hwm_kib(proc.pid) or 0)
            for child in _children(proc.pid):
                workers[child] = max(workers.get(child, 0), _hwm_kib(child) or 0)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"cwgtool {' '.join(args)} failed ({proc.returncode}): {err.decode()[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers were waited for by cwgtool: counted
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, parent, workers, cpu


def timed_cli(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cwgtool", *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def change(paths: list[Path], k: int) -> None:
    """Give k files new bytes (the readers ignore the change; the sha256 does not)."""
    for p in paths[:k]:
        if p.suffix == ".pdf":
            with open(p, "ab") as fh:
                fh.write(b"\n% changed\n")
        else:
            with zipfile.ZipFile(p, "a") as z:
                z.comment = b"changed " + z.comment


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="documents (default 1000)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (databases, outputs) and print its path")
    args = ap.parse_args()

    paths = build_corpus(args.n, CORPUS)
    work = Path(tempfile.mkdtemp(prefix="cwgarchive-"))
    env = code_snapshot(work)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"corpus: {args.n} documents in {CORPUS}; {os.cpu_count()} CPUs; load {load:.2f} at start", flush=True)

    results: dict[int, tuple[float, int, dict[int, int], float]] = {}
    for jobs in (1, 2):
        db = work / f"jobs{jobs}.sqlite"
        results[jobs] = run_measured(["index", str(CORPUS), "--db", str(db), "--jobs", str(jobs), "--no-cache", "-q"], env)
    subset = work / "subset"
    for p in paths[:200]:
        target = subset / p.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(p, target)
    parse_s = {jobs: timed_cli(["parse", str(subset), "-O", str(work / f"out{jobs}"), "--jobs", str(jobs), "--no-cache", "-q"], env) for jobs in (1, 2)}

    db = work / "jobs2.sqlite"
    size = db.stat().st_size
    unchanged = timed_cli(["index", str(CORPUS), "--db", str(db), "--jobs", "2", "--no-cache", "-q"], env)
    k = max(1, args.n // 100)
    change(paths, k)
    incremental = timed_cli(["index", str(CORPUS), "--db", str(db), "--jobs", "2", "--no-cache", "-q"], env)

    process = [timed_cli(["search", q, "--db", str(db), "-f", "tsv"], env) for q in QUERIES]
    record = str(next(p for p in paths if p.suffix == ".pdf"))
    timed_cli(["actions", record, "-q"], env)  # puts it in the cache
    startup = {
        label: statistics.median([timed_cli(args, env) for _ in range(11)])
        for label, args in (
            ("--help", ["--help"]),
            ("actions, cached PDF", ["actions", record, "-f", "tsv", "-q"]),
            ("positions, cached PDF", ["positions", record, "-f", "tsv", "-q"]),
        )
    }
    from cwgtool.index import open_reader, search

    conn = open_reader(db)
    inproc = []
    for q in QUERIES:
        start = time.perf_counter()
        search(conn, q)
        inproc.append(time.perf_counter() - start)
    conn.close()

    print(f"\n{'measurement':52} {'value':>14}")
    for jobs, (secs, parent, workers, cpu) in results.items():
        peaks = ", ".join(mib(v) for v in workers.values()) or "none (in-process)"
        print(f"{f'index --jobs {jobs}: wall time, documents/s':52} {secs:8.1f} s {args.n / secs:6.1f}/s")
        print(f"{f'index --jobs {jobs}: CPU time, all processes':52} {cpu:8.1f} s")
        print(f"{f'index --jobs {jobs}: peak memory of the parent':52} {mib(parent):>14}")
        print(f"{f'index --jobs {jobs}: peak memory of each worker':52} {peaks:>14}")
    print(f"{'index speed-up, --jobs 2 vs --jobs 1':52} {results[1][0] / results[2][0]:13.2f}x")
    # on 2 idle cores --jobs 2 cannot beat 2 x (CPU of --jobs 1) / (CPU of --jobs 2); a ratio far below
    # this bound under load says the load, not cwgtool, took the difference
    print(f"{'index speed-up bound from CPU: 2 x CPU 1 / CPU 2':52} {2 * results[1][3] / results[2][3]:13.2f}x")
    print(f"{f'parse -O, {min(200, args.n)} documents, --jobs 1 / --jobs 2':52} {parse_s[1]:6.1f} s / {parse_s[2]:.1f} s")
    print(f"{'parse -O speed-up, --jobs 2 vs --jobs 1':52} {parse_s[1] / parse_s[2]:13.2f}x")
    print(f"{'database size per document':52} {size / args.n / 1024:11.1f} KB")
    print(f"{'re-index, nothing changed':52} {unchanged:12.2f} s")
    print(f"{f're-index, {k} files changed (1 %)':52} {incremental:12.2f} s")
    print(f"{'search as a process: median / p95 (20 queries)':52} {statistics.median(process) * 1000:6.0f} / {p95(process) * 1000:.0f} ms")
    print(f"{'search in-process: median / p95 (20 queries)':52} {statistics.median(inproc) * 1000:6.1f} / {p95(inproc) * 1000:.1f} ms")
    for label, secs in startup.items():
        print(f"{f'start-up, median of 11 runs: {label}':52} {secs * 1000:9.0f} ms")
    if args.keep:
        print(f"\nwork folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Batches stream: the parent's memory does not grow with the batch, outputs keep input order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cwgtool.batch import BatchReport, ParseOptions, parse_many, pool_workers, usable_cpus, window_size

RECORDS = Path(__file__).resolve().parents[2] / "fixtures" / "records"

# A short summary record (cover block and the first sections of the 14th meeting's record); each
# copy gets its own closing section, so every document of a batch is distinct.
_HEAD = "\n".join((RECORDS / "cwg14" / "cwg14.txt").read_text(encoding="utf-8").splitlines()[:16])


def _small_records(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"rec{i:04}.txt"
        p.write_text(f"{_HEAD}\n\n5\tAny other business\n5.1\tThe Chair closed copy {i} of the meeting.\n", encoding="utf-8")
        paths.append(str(p))
    return paths


# Run in a fresh interpreter so that VmHWM (the peak resident set) is this batch's alone.
_MEASURE = """
import json, sys
from cwgtool.batch import ParseOptions, parse_many
paths = sys.argv[1:]
order = []
for o in parse_many(paths, ParseOptions(use_cache=False), jobs=2):
    assert o.document is not None, o.error
    order.append(o.document.source.path)
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"hwm_kib": hwm, "in_order": order == paths}))
"""


def _parent_peak(paths: list[str]) -> dict[str, int]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, *paths], capture_output=True, text=True, timeout=600, check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(not Path("/proc/self/status").exists() or usable_cpus() < 2, reason="needs /proc and 2 CPUs for a pool")
def test_parent_memory_does_not_grow_with_the_batch(tmp_path: Path) -> None:
    few = _parent_peak(_small_records(tmp_path / "few", 50))
    many = _parent_peak(_small_records(tmp_path / "many", 500))
    assert few["in_order"] and many["in_order"]
    # Keeping every parsed document would cost tens of MiB for 450 more records.
    assert many["hwm_kib"] - few["hwm_kib"] < 6 * 1024, (few, many)


def test_outputs_keep_input_order_and_failures_are_data(tmp_path: Path) -> None:
    paths = _small_records(tmp_path, 12)
    paths.insert(5, str(tmp_path / "missing.txt"))
    seen: list[str] = []
    report = BatchReport()
    outcomes = list(parse_many(paths, ParseOptions(use_cache=False), jobs=2, on_done=lambda o: seen.append(o.path), report=report))
    assert [o.path for o in outcomes] == paths == seen
    assert [o.document.source.path for o in outcomes if o.document is not None] == paths[:5] + paths[6:]
    assert outcomes[5].error == "no such file" and outcomes[5].exit_code == 3
    assert report.done == 12 and [f.path for f in report.failures] == [paths[5]] and report.exit_code() == 3


def test_transform_runs_where_the_document_is_parsed(tmp_path: Path) -> None:
    from cwgtool.index import document_rows

    paths = _small_records(tmp_path, 4)
    for jobs in (1, 2):
        outcomes = list(parse_many(paths, ParseOptions(use_cache=False), jobs=jobs, transform=document_rows))
        assert all(o.document is None and o.result is not None for o in outcomes)
        assert [o.result.paragraphs[-1][5] for o in outcomes] == [f"The Chair closed copy {i} of the meeting." for i in range(4)]


def test_pool_only_where_it_helps() -> None:
    assert pool_workers(jobs=1, inputs=100) == 0
    assert pool_workers(jobs=8, inputs=1) == 0
    assert pool_workers(jobs=64, inputs=100) == (usable_cpus() if usable_cpus() >= 2 else 0)
    assert window_size(0) == 1 and window_size(2) > 2

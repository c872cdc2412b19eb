"""Baselines: accept today's findings, report only new ones.

Keys use the file name, the rule, the section/paragraph and a hash of the excerpt — never line
numbers alone — so adding a paragraph above a known finding does not make it "new". Identical
keys are counted, so a second identical defect in the same section still shows up.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from cwgtool.check.diagnostic import Diagnostic

BASELINE_VERSION = 1


def _file_key(file: str, base_dir: Path | None) -> str:
    """The file as a path relative to the baseline's folder, so the baseline can move with the repo."""
    if file in ("-", "<stdin>") or base_dir is None:
        return Path(file).as_posix()
    try:
        return Path(os.path.relpath(Path(file).resolve(), base_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(file).as_posix()


def excerpt_hash(excerpt: str) -> str:
    return hashlib.sha256(" ".join(excerpt.replace("…", "").split()).encode("utf-8")).hexdigest()[:16]


def fingerprint(d: Diagnostic, base_dir: Path | None = None) -> str:
    loc = d.location
    where = loc.paragraph or loc.section or "-"
    return f"{_file_key(d.file, base_dir)}|{d.code}|{where}|{excerpt_hash(d.excerpt)}"


def write_baseline(path: str | os.PathLike[str], diagnostics: Iterable[Diagnostic]) -> int:
    from cwgtool.fileio import write_text_atomic

    base = Path(path).resolve().parent
    entries = []
    for d in diagnostics:
        entries.append(
            {
                "key": fingerprint(d, base),
                "file": _file_key(d.file, base),
                "code": d.code,
                "section": d.location.section,
                "paragraph": d.location.paragraph,
                "message": d.message,
            }
        )
    entries.sort(key=lambda e: (e["file"], e["key"]))
    write_text_atomic(path, json.dumps({"version": BASELINE_VERSION, "findings": entries}, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def load_baseline(path: str | os.PathLike[str]) -> Counter[str]:
    """Counts of known fingerprints; raises ValueError for a file that is not a baseline."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a JSON baseline: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError(f"{path}: not a cwgtool baseline (no 'findings' list)")
    return Counter(str(e.get("key")) for e in data["findings"] if isinstance(e, dict))


def filter_new(diagnostics: Iterable[Diagnostic], known: Counter[str], baseline_path: str | os.PathLike[str]) -> list[Diagnostic]:
    """Drop findings the baseline accounts for (each baseline entry absorbs one finding)."""
    base = Path(baseline_path).resolve().parent
    remaining = Counter(known)
    out: list[Diagnostic] = []
    for d in diagnostics:
        key = fingerprint(d, base)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(d)
    return out

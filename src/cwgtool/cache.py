"""Parsed-document cache keyed by content, so re-running over an unchanged archive is near-instant.

Key = sha256 of the file's bytes + cwgtool version + a fingerprint of the installed cwgtool code
+ the parse options that change the result (PDF engine). The code fingerprint (sizes and mtimes
of the package's files) exists because developers edit extractors without bumping the version:
without it an editable install would keep serving documents parsed by yesterday's code.

Entries are gzip-compressed JSON (the public model, so an entry is inspectable with ``zcat``),
written atomically; anything unreadable is treated as a miss and overwritten — the cache can
never make a parse fail. Documents are stored with the path they were parsed under and re-labelled
with the current path on load, because the same bytes often live at several paths.

Location: ``$CWGTOOL_CACHE_DIR`` or ``platformdirs.user_cache_dir("cwgtool")``.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cwgtool import __version__

if TYPE_CHECKING:
    from cwgtool.model import Document

ENV_VAR = "CWGTOOL_CACHE_DIR"
_LAYOUT = "docs-v1"  # bump when the entry format changes
_fingerprint: str | None = None


def cache_root() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("cwgtool"))


def code_fingerprint() -> str:
    """Changes whenever any file of the installed package changes (see module docstring)."""
    global _fingerprint
    if _fingerprint is None:
        pkg = Path(__file__).resolve().parent
        h = hashlib.sha256(__version__.encode())
        for root, dirs, files in os.walk(pkg):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                p = os.path.join(root, name)
                with contextlib.suppress(OSError):
                    st = os.stat(p)
                    h.update(f"{os.path.relpath(p, pkg)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        _fingerprint = h.hexdigest()[:16]
    return _fingerprint


_SOURCE_PATH = re.compile(r'^\{"schema_version":"[^"]*","source":\{"path":("(?:[^"\\]|\\.)*")')


def relabel_json(text: str, path: str) -> str:
    """Point a cached document's ``source.path`` and provenance ``file`` fields at ``path``.

    Works on the compact JSON text pydantic wrote (``"file":"old"``), which costs a string
    replace instead of a walk over the decoded tree — a cache hit is then dominated by the
    Rust JSON validation, not by Python.
    """
    m = _SOURCE_PATH.match(text)
    if m is None:
        raise ValueError("not a cached document")
    old, new = m.group(1), json.dumps(path, ensure_ascii=False)
    if old == new:
        return text
    return text.replace(f'"path":{old}', f'"path":{new}', 1).replace(f'"file":{old}', f'"file":{new}')


@dataclass(slots=True)
class CacheInfo:
    location: str
    entries: int
    size: int  # bytes


class ParseCache:
    """One directory of entries; safe to share between concurrent processes (atomic renames)."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else cache_root()

    def entry_path(self, sha256: str, pdf_engine: str) -> Path:
        variant = hashlib.sha256(f"{__version__}|{code_fingerprint()}|{pdf_engine}".encode()).hexdigest()[:16]
        return self.root / _LAYOUT / sha256[:2] / f"{sha256}-{variant}.json.gz"

    def get(self, sha256: str, pdf_engine: str, path: str) -> Document | None:
        """The cached document re-labelled with ``path``, or None (missing or unreadable entry)."""
        entry = self.entry_path(sha256, pdf_engine)
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            from cwgtool.model import Document

            text = gzip.decompress(raw).decode("utf-8")
            doc = Document.model_validate_json(relabel_json(text, path))
            return doc
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss, never an error
            with contextlib.suppress(OSError):
                entry.unlink()
            return None

    def put(self, sha256: str, pdf_engine: str, document: Document | str) -> None:
        """Store quietly: a read-only or full cache directory must not fail the parse.

        ``document`` may already be its JSON (workers serialise once for cache and transport).
        """
        entry = self.entry_path(sha256, pdf_engine)
        text = document if isinstance(document, str) else document.model_dump_json()
        payload = gzip.compress(text.encode("utf-8"), compresslevel=1, mtime=0)
        try:
            from cwgtool.fileio import atomic_writer

            with atomic_writer(entry, "wb") as fh:
                fh.write(payload)
        except OSError:
            pass

    def info(self) -> CacheInfo:
        entries = size = 0
        base = self.root / _LAYOUT
        if base.is_dir():
            for root, _dirs, files in os.walk(base):
                for name in files:
                    if name.endswith(".json.gz"):
                        entries += 1
                        with contextlib.suppress(OSError):
                            size += os.stat(os.path.join(root, name)).st_size
        return CacheInfo(str(self.root), entries, size)

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        n = self.info().entries
        base = self.root / _LAYOUT
        if base.exists():
            shutil.rmtree(base, ignore_errors=True)
        return n

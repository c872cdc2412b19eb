"""Parsed-document cache keyed by content, so re-running over an unchanged archive is near-instant.

Key = sha256 of the file's bytes + cwgtool version + a fingerprint of the installed cwgtool code
+ the parse options that change the result (PDF engine). The code fingerprint (sizes and mtimes
of the package's files) exists because developers edit extractors without bumping the version:
without it an editable install would keep serving documents parsed by yesterday's code.

Entries are gzip-compressed JSON (the public model, so an entry is inspectable with ``zcat``),
stored in exactly the form ``cwgtool parse`` writes — ``model_dump_json(indent=2)`` — so that
a cache hit for JSON output is a decompress, a path rewrite and a write: no JSON decoding, no
model validation, no re-serialisation (``get_json``, bytes). Commands that need the model validate the
text (``get``). Entries are written atomically; anything unreadable (a failed gzip CRC, a
truncated file, text without the shape we write, or for ``get`` text that fails validation) is
treated as a miss and overwritten — the cache can never make a parse fail. Documents are stored
with the path they were parsed under and re-labelled with the current path on load, because
the same bytes often live at several paths.

Location: ``$CWGTOOL_CACHE_DIR`` or ``platformdirs.user_cache_dir("cwgtool")``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cwgtool import __version__

if TYPE_CHECKING:
    from cwgtool.model import Document

ENV_VAR = "CWGTOOL_CACHE_DIR"
_LAYOUT = "docs-v2"  # bump when the entry format changes (v2: indent=2 JSON, was compact)
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


def dump_json(document: Document) -> bytes:
    """The one serialised form: cache entry, worker transport and ``parse`` JSON output (UTF-8)."""
    return document.model_dump_json(indent=2).encode("utf-8")


# The head and tail of ``dump_json``: fields are written in model order, so ``schema_version``
# then ``source.path`` always open the text. JSON strings hold no raw quote or newline, so these
# anchors cannot match inside a string value.
_SOURCE_PATH = re.compile(rb'^\{\n  "schema_version": "[^"]*",\n  "source": \{\n    "path": ("(?:[^"\\]|\\.)*")')
_WARNINGS = b'\n  "warnings": '


def relabel_json(data: bytes, path: str) -> bytes:
    """Point a cached document's ``source.path`` and provenance ``file`` fields at ``path``.

    Works on the UTF-8 JSON pydantic wrote (``"file": "old"``), which costs a bytes replace
    instead of a walk over the decoded tree. ``json.dumps(ensure_ascii=False)`` escapes exactly
    what pydantic's encoder escapes (quote, backslash, control characters as ``\\n`` etc. or
    lowercase ``\\u00XX``; nothing else), so the result is byte-identical to serialising the
    re-labelled model (tested with awkward names); a path that cannot be encoded (lone
    surrogates) raises, which the cache turns into a miss.
    Raises ValueError when the data does not have the shape of a cached document.
    """
    m = _SOURCE_PATH.match(data)
    if m is None or not data.endswith(b"\n}"):
        raise ValueError("not a cached document")
    old, new = m.group(1), json.dumps(path, ensure_ascii=False).encode("utf-8")
    if old == new:
        return data
    return data.replace(b'"path": ' + old, b'"path": ' + new, 1).replace(b'"file": ' + old, b'"file": ' + new)


def json_warnings(data: bytes) -> list[str]:
    """The top-level ``warnings`` of a document given as ``dump_json`` bytes, decoding only them.

    ``warnings`` is the model's last field; deeper keys are indented by at least four spaces,
    so the two-space anchor only finds the top-level one.
    """
    i = data.rfind(_WARNINGS)
    if i < 0:
        return []
    value, _end = json.JSONDecoder().raw_decode(data[i + len(_WARNINGS) :].decode("utf-8"))
    return [str(w) for w in value]


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

    def get_json(self, sha256: str, pdf_engine: str, path: str) -> bytes | None:
        """The cached document as ``dump_json`` bytes re-labelled with ``path``, or None.

        This is the cache-hit fast path of ``cwgtool parse`` (JSON output): it neither imports
        nor validates the pydantic model. Integrity rests on what can go wrong with an entry
        this code wrote itself (the key includes the code fingerprint): a torn or damaged file
        fails gzip's CRC-32 / length check, foreign text fails the shape check of
        :func:`relabel_json`. Either is a miss, and the entry is removed.
        """
        entry = self.entry_path(sha256, pdf_engine)
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            # wbits=31: gzip framing, header and CRC-32/ISIZE trailer checked in C (one pass)
            return relabel_json(zlib.decompress(raw, 31), path)
        except Exception:  # noqa: BLE001 - a corrupt entry is a miss, never an error
            self._drop(entry)
            return None

    def get(self, sha256: str, pdf_engine: str, path: str) -> Document | None:
        """The cached document re-labelled with ``path``, or None (missing or unreadable entry)."""
        data = self.get_json(sha256, pdf_engine, path)
        if data is None:
            return None
        try:
            from cwgtool.model import Document

            return Document.model_validate_json(data)
        except Exception:  # noqa: BLE001 - an entry that no longer validates is a miss too
            self._drop(self.entry_path(sha256, pdf_engine))
            return None

    @staticmethod
    def _drop(entry: Path) -> None:
        with contextlib.suppress(OSError):
            entry.unlink()

    def put(self, sha256: str, pdf_engine: str, document: Document | bytes) -> None:
        """Store quietly: a read-only or full cache directory must not fail the parse.

        ``document`` may already be its ``dump_json`` bytes (workers serialise once for cache,
        transport and output). No fsync: a torn entry after
        a crash fails the gzip check and is a miss, so durability would buy nothing here.
        """
        entry = self.entry_path(sha256, pdf_engine)
        data = document if isinstance(document, bytes) else dump_json(document)
        # level 6: indented JSON shrinks to ~10 %, and smaller entries also decompress faster
        payload = zlib.compress(data, 6, 31)
        try:
            from cwgtool.fileio import atomic_writer

            with atomic_writer(entry, "wb", durable=False) as fh:
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

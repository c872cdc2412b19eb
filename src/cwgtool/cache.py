"""Parsed-document cache keyed by content, so re-running over an unchanged archive is near-instant.

**Key** = sha256 of the file's bytes + cwgtool version + a fingerprint of the installed cwgtool
code + the PDF engine + the reading limits (every limit but the time limit). The code fingerprint
(sizes and mtimes of the package's files) exists because developers edit extractors without
bumping the version. The limits are in the key because the checks made while reading (pages, DOCX
sizes and depth, and any limit added later: every field of :class:`~cwgtool.limits.Limits`
counts) depend only on the bytes and the limits: under one key a hit stands for a parse of the
same bytes that passed the same checks, so the cache can never turn a refusal into a success.
The checks that depend on more than the bytes (file type and size, content against name) run
before every lookup, in :mod:`cwgtool.pipeline`. A failed parse is never stored.

**Entry layout 3** (gzip): one line of JSON, ``{"layout": 3, "path": "<path parsed under>",
"bytes": <length of what follows>}``, then the document exactly as ``cwgtool parse`` writes it
(``Document.model_dump_json(indent=2)``).
An entry is read by decoding, never by editing its text: when the path asked for is the
stored one the document text is used as it is (it is what the model wrote for that path — this
is the hit of a re-run over the same archive, and costs no model validation); otherwise the text
is validated into the model, re-labelled with :meth:`Document.relabel` and serialised again.
Anything unreadable (failed gzip CRC, truncated file or body, another layout, a document that
does not validate) is a miss and is overwritten; the one thing not caught is a hand-edited entry,
recompressed with the same length, served for its own path. Entries are written atomically.

Location: ``$CWGTOOL_CACHE_DIR`` or ``platformdirs.user_cache_dir("cwgtool")``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import zlib
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from cwgtool import __version__

if TYPE_CHECKING:
    from cwgtool.limits import Limits
    from cwgtool.model import Document

ENV_VAR = "CWGTOOL_CACHE_DIR"
LAYOUT = 3
_DIR = "docs-v3"  # one folder per layout; older layouts' folders are ignored
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
    """The one serialised form: cache entry body, worker transport and ``parse`` JSON output (UTF-8)."""
    return document.model_dump_json(indent=2).encode("utf-8")


def _limits_key(limits: Limits | None) -> str:
    """Every reading limit (not the time limit: a hit takes no time)."""
    if limits is None:
        from cwgtool.limits import Limits

        limits = Limits.from_env()
    return ",".join(f"{f.name}={v}" for f, v in zip(fields(limits), astuple(limits), strict=True) if f.name != "timeout")


@dataclass(slots=True)
class CacheInfo:
    location: str
    entries: int
    size: int  # bytes


class ParseCache:
    """One directory of entries; safe to share between concurrent processes (atomic renames)."""

    def __init__(self, root: str | os.PathLike[str] | None = None) -> None:
        self.root = Path(root) if root is not None else cache_root()

    def entry_path(self, sha256: str, pdf_engine: str, limits: Limits | None = None) -> Path:
        variant = hashlib.sha256(f"{__version__}|{code_fingerprint()}|{pdf_engine}|{_limits_key(limits)}".encode()).hexdigest()[:16]
        return self.root / _DIR / sha256[:2] / f"{sha256}-{variant}.json.gz"

    def _read(self, entry: Path) -> tuple[str, bytes] | None:
        """(stored path, document text) of an entry, or None (missing, damaged: then removed)."""
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            # wbits=31: gzip framing, header and CRC-32/ISIZE trailer checked in C (one pass)
            data = zlib.decompress(raw, 31)
            head, _, body = data.partition(b"\n")
            header = json.loads(head)
            if header.get("layout") != LAYOUT or not isinstance(header.get("path"), str) or header.get("bytes") != len(body):
                raise ValueError("not an entry of this layout, or cut short")
            return header["path"], body
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, never an error
            self._drop(entry)
            return None

    def get_json(self, sha256: str, pdf_engine: str, path: str, limits: Limits | None = None) -> bytes | None:
        """The cached document as ``dump_json`` bytes for ``path``, or None."""
        entry = self.entry_path(sha256, pdf_engine, limits)
        found = self._read(entry)
        if found is None:
            return None
        stored, body = found
        if stored == path:
            return body
        doc = self._validate(entry, body)
        if doc is None:
            return None
        doc.relabel(path)
        return dump_json(doc)

    def get(self, sha256: str, pdf_engine: str, path: str, limits: Limits | None = None) -> Document | None:
        """The cached document labelled with ``path``, or None (missing or unreadable entry)."""
        entry = self.entry_path(sha256, pdf_engine, limits)
        found = self._read(entry)
        if found is None:
            return None
        stored, body = found
        doc = self._validate(entry, body)
        if doc is not None and stored != path:
            doc.relabel(path)
        return doc

    def _validate(self, entry: Path, body: bytes) -> Document | None:
        from cwgtool.model import Document

        try:
            return Document.model_validate_json(body)
        except Exception:  # noqa: BLE001 - an entry that no longer validates is a miss too
            self._drop(entry)
            return None

    @staticmethod
    def _drop(entry: Path) -> None:
        with contextlib.suppress(OSError):
            entry.unlink()

    def put(self, sha256: str, pdf_engine: str, document: Document, limits: Limits | None = None) -> bytes:
        """Store ``document``; returns its ``dump_json`` bytes (serialised once, for the caller too).

        Quiet: a read-only or full cache directory must not fail the parse. No fsync: a torn
        entry after a crash fails the gzip check and is a miss, so durability would buy nothing.
        """
        data = dump_json(document)
        try:
            from cwgtool.fileio import atomic_writer

            header = json.dumps({"layout": LAYOUT, "path": document.source.path, "bytes": len(data)}, ensure_ascii=False).encode("utf-8")
            # level 6: indented JSON shrinks to ~10 %, and smaller entries also decompress faster
            payload = zlib.compress(header + b"\n" + data, 6, 31)
            with atomic_writer(self.entry_path(sha256, pdf_engine, limits), "wb", durable=False) as fh:
                fh.write(payload)
        except (OSError, UnicodeEncodeError):
            pass
        return data

    def info(self) -> CacheInfo:
        entries = size = 0
        base = self.root / _DIR
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
        base = self.root / _DIR
        if base.exists():
            shutil.rmtree(base, ignore_errors=True)
        return n

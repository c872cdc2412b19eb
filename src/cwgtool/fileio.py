"""Atomic output: a failed or interrupted run never leaves a truncated or half-written file.

Every write goes to a temporary file in the target's directory and is renamed over the target
only when complete, so a visible name always holds either its previous content or the whole new
content, whatever happens to the process (an exception, Ctrl-C, SIGKILL): ``rename(2)`` within
one directory is atomic.

``durable=True`` (the default) also fsyncs the data before the rename, so the new content
survives an operating-system crash or power loss once the name is visible. Batch callers that
write hundreds of files (``parse --output-dir``, cache entries) pass ``durable=False``: the
fsync cost 0.65 ms per file here, several times all the other work of a cached document. What
they give up: after an OS crash (not a process crash) a file renamed in the last seconds before
it may be empty, as if it had been written by ``cp``; re-running the command rewrites it.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import IO

_counter = itertools.count()
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _temp_name(target: str) -> str:
    """A fresh name for a temporary file next to ``target``: our pid, a counter and 32 random
    bits, so no other live process can hold it (at worst a leftover of a dead process)."""
    directory = os.path.dirname(os.path.abspath(target))
    return os.path.join(directory, f".cwgtool-{os.getpid()}-{next(_counter)}-{os.urandom(4).hex()}.tmp")


def _create(name: str) -> int:
    """Create ``name`` (which must not exist) for writing; its folder too if missing.

    Created with mode 0o666 so the kernel applies the umask, i.e. the result gets the
    permissions a plain ``open(target, "w")`` would give (``mkstemp`` makes 0600 and then needs
    a chmod plus two umask calls).
    """
    try:
        return os.open(name, _FLAGS, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(name), exist_ok=True)
        return os.open(name, _FLAGS, 0o666)


def _finish(fd: int, tmp: str, target: str, durable: bool, ok: bool) -> None:
    """Close the temporary file, then rename it over ``target`` (ok) or remove it (failure).

    ``fd`` is -1 when the interruption came before the descriptor was known (the file may exist
    all the same: Ctrl-C can land just after ``os.open`` returned), so the name is removed
    whatever happened. The descriptor is closed exactly once whatever fails, so a retry can
    never close a number that another thread has been given in the meantime.
    """
    try:
        try:
            if ok and durable:
                os.fsync(fd)
        finally:
            if fd >= 0:
                os.close(fd)
        if ok:
            os.replace(tmp, target)
            return
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        os.unlink(tmp)


@contextlib.contextmanager
def atomic_writer(
    path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8", *, durable: bool = True
) -> Iterator[IO]:
    """Write to a temporary file beside ``path`` and rename it over ``path`` only on success."""
    target = os.fspath(path)
    tmp = _temp_name(target)
    fd, ok = -1, False
    try:  # from before the file exists: an interruption at any point removes it
        fd = _create(tmp)
        with os.fdopen(fd, mode, encoding=encoding if "b" not in mode else None, closefd=False) as fh:
            yield fh
        ok = True
    finally:
        _finish(fd, tmp, target, durable, ok)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes, *, durable: bool = True) -> None:
    """``atomic_writer`` for a ready buffer: a few syscalls instead of a file object (batch output)."""
    target = os.fspath(path)
    tmp = _temp_name(target)
    fd, ok = -1, False
    try:  # from before the file exists: an interruption at any point removes it
        fd = _create(tmp)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        ok = True
    finally:
        _finish(fd, tmp, target, durable, ok)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, durable: bool = True) -> None:
    """UTF-8 text, newlines as a text-mode file would write them (``os.linesep``)."""
    if os.linesep != "\n":  # pragma: no cover - Windows
        text = text.replace("\n", os.linesep)
    write_bytes_atomic(path, text.encode("utf-8"), durable=durable)


# Folder walks pick these up (.doc too, so a legacy file is reported rather than silently skipped).
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".docm", ".txt", ".doc")


SPECIAL_FILE = "not a regular file (a pipe, device or socket); skipped"
OUTSIDE_LINK = "a symbolic link to a file outside the folder; skipped (give --follow-symlinks to read it)"


class NotARegularFile(OSError):
    """A FIFO, device or socket where a document was expected: opening or reading it may block
    forever (a FIFO with no writer) or never end (``/dev/zero``), so it is refused from its
    ``stat`` alone."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, SPECIAL_FILE, path)


def _skip_reason(path: str, folder: str, follow_symlinks: bool) -> str | None:
    """Why a file met while walking ``folder`` is not a document to read, or None.

    Decided from ``stat``, never by opening. A link is followed only to a regular file inside
    the folder, unless ``follow_symlinks``: a link named ``x.txt`` to ``/etc/passwd`` would
    otherwise end up in an archive.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None  # a dangling link or a vanished file: the reader says which, per file
    if not stat.S_ISREG(st.st_mode):
        return SPECIAL_FILE
    if not follow_symlinks and os.path.islink(path):
        inside = os.path.realpath(folder)
        if os.path.commonpath([inside, os.path.realpath(path)]) != inside:
            return OUTSIDE_LINK
    return None


def resolve_inputs(
    inputs: list[str],
    *,
    follow_symlinks: bool = False,
    on_skip: Callable[[str, str], None] | None = None,
) -> list[str]:
    """Expand folders (recursively) and globs into document paths, in a stable order.

    In a folder, special files (FIFOs, devices, sockets) and symbolic links that lead outside it
    are left out, and ``on_skip(path, reason)`` is told; ``follow_symlinks`` takes such links
    (and walks linked folders, each real folder once, so a link loop ends). Paths named
    directly are kept as given: the reader refuses a special file there with a message.

    Lives here rather than in ``cwgtool.api`` (which re-exports it) so that the CLI can expand
    its inputs without importing the pydantic model (~50 ms of a cached run).
    """
    import glob

    out: list[str] = []

    def walk(folder: str) -> None:
        visited: set[str] = set()
        for root, dirs, files in os.walk(folder, followlinks=follow_symlinks):
            real = os.path.realpath(root)
            if real in visited:  # a link loop (only with follow_symlinks)
                dirs[:] = []
                continue
            visited.add(real)
            dirs.sort()
            for f in sorted(files):
                if PurePath(f).suffix.lower() not in DOCUMENT_SUFFIXES:
                    continue
                path = os.path.join(root, f)
                reason = _skip_reason(path, folder, follow_symlinks)
                if reason is None:
                    out.append(path)
                elif on_skip is not None:
                    on_skip(path, reason)

    for item in inputs:
        if item == "-":
            out.append(item)
        elif os.path.isdir(item):
            walk(item)
        elif any(ch in item for ch in "*?[") and not os.path.exists(item):
            for match in sorted(glob.glob(item, recursive=True)):
                if os.path.isdir(match):  # 'archive/*' names folders too: take their documents
                    walk(match)
                else:
                    out.append(match)
        else:
            out.append(item)
    seen: set[str] = set()
    # "-" twice is stdin once: it can only be read once
    return [p for p in out if not (os.path.normpath(p) in seen or seen.add(os.path.normpath(p)))]  # type: ignore[func-returns-value]


def open_regular(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open a regular file for reading; raise :class:`NotARegularFile` for anything else.

    ``stat`` first, so a device is never opened at all; then the open itself does not block
    (``O_NONBLOCK``: a FIFO swapped in after the ``stat`` cannot hang it) and ``fstat`` checks
    again what was really opened.
    """
    p = os.fspath(path)
    if not stat.S_ISREG(os.stat(p).st_mode):
        raise NotARegularFile(str(p))
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(str(p))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sha256_file(path: str | os.PathLike[str], *, max_bytes: int = 0) -> str:
    """Content hash used for the cache key, the index and `source.sha256`.

    Only a regular file is read (:func:`open_regular`); with ``max_bytes`` > 0 a larger file
    raises ``OSError(EFBIG)`` before a byte is hashed, so a 50 GB file is not read through to be
    refused afterwards (the reader's size check then gives the limit's own message).
    """
    import hashlib  # here: loading OpenSSL is a few ms that `search` and `--help` never need

    h = hashlib.sha256()
    with open_regular(path) as fh:
        if 0 < max_bytes < os.fstat(fh.fileno()).st_size:
            raise OSError(errno.EFBIG, "larger than the input size limit", os.fspath(path))
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()

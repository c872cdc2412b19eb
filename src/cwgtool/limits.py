"""Safety limits for hostile or accidental inputs (huge files, zip bombs, deep XML, hangs).

cwgtool reads documents people download from the web, so a single bad file must fail fast
with a message instead of eating the machine's memory or a batch's time. Every limit has a
safe default, an environment override (for scripts and CI) and, once the CLI wires it, a flag;
the message of a tripped limit always says how to raise it, because the limit is sometimes
wrong for a legitimate document and the user must be able to get past it without reading code.

Exceeding a limit raises :class:`~cwgtool.errors.LimitError` (exit code 4), which is kept
apart from :class:`~cwgtool.errors.InputError` (exit 3) so scripts can tell "the file is
broken" from "the file is too big for the current settings".
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from cwgtool.errors import LimitError

T = TypeVar("T")

MB = 1024 * 1024

# field name -> (environment variable, CLI flag, unit shown in messages)
_KNOBS: dict[str, tuple[str, str, str]] = {
    "max_bytes": ("CWGTOOL_MAX_BYTES", "--max-bytes", "bytes"),
    "max_pages": ("CWGTOOL_MAX_PAGES", "--max-pages", "pages"),
    "max_unzipped_bytes": ("CWGTOOL_MAX_UNZIPPED_BYTES", "--max-unzipped-bytes", "bytes"),
    "max_ratio": ("CWGTOOL_MAX_RATIO", "--max-ratio", "ratio"),
    "max_xml_depth": ("CWGTOOL_MAX_XML_DEPTH", "--max-xml-depth", "levels"),
    "max_paragraphs": ("CWGTOOL_MAX_PARAGRAPHS", "--max-paragraphs", "paragraphs"),
    "timeout": ("CWGTOOL_TIMEOUT", "--timeout", "seconds"),
}


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits applied while reading one document.

    ``0`` (or a negative value) disables a limit; the defaults are far above any real CWG
    record (the largest are a few MB and under 100 pages) and far below what hurts a laptop.
    """

    max_bytes: int = 200 * MB
    """Size of the input file on disk."""
    max_pages: int = 2000
    """Pages of a PDF (checked from the page tree, before any page is read)."""
    max_unzipped_bytes: int = 500 * MB
    """Sum of the uncompressed sizes of all DOCX members, from the ZIP central directory."""
    max_ratio: int = 100
    """Uncompressed:compressed size of one DOCX member (members under 1 MB are exempt)."""
    max_xml_depth: int = 256
    """Element nesting depth of any XML part of a DOCX that the reader parses (libxml2 itself
    stops at 256 levels)."""
    max_paragraphs: int = 200_000
    """Paragraphs (``w:p``) in any XML part of a DOCX, counted while the part is parsed: the
    parse stops at the limit, before the tree grows further. A long real record has a few thousand; a million empty ones fit in a 6 MB DOCX and would
    cost a minute and gigabytes, each one a Python object through the whole pipeline."""
    timeout: float = 120.0
    """Seconds for one document in batch mode (see :func:`call_with_timeout`)."""

    @classmethod
    def from_env(cls, environ: dict[str, str] | os._Environ[str] | None = None) -> Limits:
        """Defaults overridden by ``CWGTOOL_MAX_*`` / ``CWGTOOL_TIMEOUT`` variables.

        A malformed value is ignored rather than fatal: a typo in an environment variable
        should not make every document unreadable, and the default is the safe choice.
        """
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            var = _KNOBS[f.name][0]
            raw = env.get(var)
            if raw is None or not raw.strip():
                continue
            try:
                values[f.name] = _parse_value(f.name, raw)
            except ValueError:
                continue
        return cls(**values)

    def with_overrides(self, **values: Any) -> Limits:
        """These limits with the given fields replaced; ``None`` values are ignored (unset flags)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    # -- checks ---------------------------------------------------------------------------------

    def check_file_size(self, path: str, name: str | None = None) -> None:
        """Refuse a file larger than ``max_bytes`` before any reader opens it."""
        if self.max_bytes <= 0:
            return
        try:
            size = os.path.getsize(path)
        except OSError:
            return  # the reader reports missing/unreadable files with a better message
        if size > self.max_bytes:
            raise limit_error(name or path, "max_bytes", f"is {human_bytes(size)}, which", self.max_bytes)

    def check_pages(self, total: int, name: str) -> None:
        if 0 < self.max_pages < total:
            raise limit_error(name, "max_pages", f"has {total} pages, which", self.max_pages)


def _parse_value(field_name: str, raw: str) -> int | float:
    raw = raw.strip().lower().replace("_", "")
    if field_name == "timeout":
        return float(raw.removesuffix("s"))
    if _KNOBS[field_name][2] == "bytes":
        return parse_size(raw)
    return int(raw)


def parse_size(text: str) -> int:
    """``"200"``, ``"200MB"``, ``"1.5g"`` → bytes (binary multiples: what ``ls -lh`` shows)."""
    t = text.strip().lower().replace(" ", "").removesuffix("b").removesuffix("i")
    mult = 1
    if t and t[-1] in "kmgt":
        mult = 1024 ** ("kmgt".index(t[-1]) + 1)
        t = t[:-1]
    value = float(t)
    if value < 0:
        raise ValueError(text)
    return int(value * mult)


def human_bytes(n: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", MB), ("KB", 1024)):
        if n >= size:
            value = n / size
            return f"{value:.0f} {unit}" if value >= 10 or value == int(value) else f"{value:.1f} {unit}"
    return f"{n} bytes"


def _show(field_name: str, value: float) -> str:
    unit = _KNOBS[field_name][2]
    if unit == "bytes":
        return human_bytes(int(value))
    if unit == "ratio":
        return f"{value:g}:1"
    if unit == "seconds":
        return f"{value:g} s"
    return f"{value:g}"


_LIMIT_NAMES = {
    "max_bytes": "input size",
    "max_pages": "page",
    "max_unzipped_bytes": "uncompressed DOCX size",
    "max_ratio": "compression-ratio",
    "max_xml_depth": "XML nesting depth",
    "max_paragraphs": "paragraph",
    "timeout": "per-document time",
}


def limit_error(name: str, field_name: str, what: str, value: float) -> LimitError:
    """``<what> exceeds the <value> <limit> limit; raise it with --flag or VAR``.

    ``what`` is the subject and verb lead-in, e.g. ``"is 250 MB, which"``; keeping the wording
    in one place keeps every limit message greppable and the same shape.
    """
    var, flag, _unit = _KNOBS[field_name]
    return LimitError(
        name, f"{what} exceeds the {_show(field_name, value)} {_LIMIT_NAMES[field_name]} limit; raise it with {flag} or {var}"
    )


# -- time limit -----------------------------------------------------------------------------------


class _Expired(BaseException):
    """Raised by the alarm handler; a BaseException so library ``except Exception`` blocks
    (pdfminer has several) cannot swallow it on the way out."""


def call_with_timeout(fn: Callable[..., T], seconds: float | None, *args: Any, name: str = "", **kwargs: Any) -> T:
    """Run ``fn(*args, **kwargs)``; raise :class:`LimitError` if it takes longer than ``seconds``.

    Uses ``SIGALRM``/``setitimer``, so it interrupts pure-Python loops (pdfminer, layout) but
    not a single long C call (a pdfium call finishes first; the alarm fires right after). It
    works only in the main thread of a process — which is where every ProcessPoolExecutor task
    runs — and only on POSIX; elsewhere, or with ``seconds`` falsy, ``fn`` simply runs without
    a limit rather than failing. Any previous handler and timer are restored afterwards.

    ``name`` is the document shown in the message (defaults to the first positional argument).
    """
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        return fn(*args, **kwargs)
    assert seconds is not None
    label = name or (str(args[0]) if args else getattr(fn, "__name__", "document"))
    token = object()

    def on_alarm(_signum: int, _frame: object) -> None:
        raise _Expired(token)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn(*args, **kwargs)
    except _Expired as exc:
        if exc.args and exc.args[0] is token:
            raise limit_error(label, "timeout", "reading it", seconds) from None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_delay > 0:  # an outer timer was running: give it back (what is left of it)
            left = old_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), old_interval)

"""cwgtool's own exceptions; the CLI maps each to a one-line message and an exit code."""

from __future__ import annotations


class CwgError(Exception):
    """Base of cwgtool's own errors; the CLI turns these into one-line messages and exit codes."""

    exit_code = 1


class InputError(CwgError):
    """The input cannot be read as a document (missing, wrong format, corrupt, encrypted…)."""

    exit_code = 3

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Errors cross process boundaries (batch workers); the default reduce would call
        # __init__ with the one formatted message and fail in the parent.
        return (type(self), (self.path, self.reason))


class LimitError(InputError):
    """A configured safety limit tripped (size, pages, decompression ratio, time)."""

    exit_code = 4


class RequestError(CwgError, ValueError):
    """A request that cannot be carried out as given (an unknown rule code, an unusable config or
    baseline file): the CLI's usage error, exit 2."""

    exit_code = 2


class ArchiveError(CwgError):
    """An archive (``--db``) that cannot be opened or was written by an incompatible cwgtool."""

    exit_code = 3


def short_reason(exc: BaseException, width: int = 160) -> str:
    """``ExceptionType: first line of its message`` (at most ``width`` characters of it): how an
    unexpected library exception is named in a one-line error."""
    text = str(exc).strip()
    first = text.splitlines()[0][:width] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def debug_details(exc: BaseException) -> str:
    """The full traceback of ``exc`` and the library exception it wraps, for ``--debug``.

    Readers chain the original exception (``raise InputError(...) from exc``), so this shows
    where pdfminer/python-docx actually failed, which the one-line message deliberately hides.
    """
    import traceback

    return "".join(traceback.format_exception(exc))

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


class LimitError(InputError):
    """A configured safety limit tripped (size, pages, decompression ratio, time)."""

    exit_code = 4

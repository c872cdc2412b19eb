"""Text that may reach a terminal, a log or a spreadsheet, made unable to act on its reader.

Documents come from the web and file names from anywhere, so their text may carry what drives
the reader's tools rather than what they show: terminal escape sequences (``ESC[2J`` clears the
screen, OSC 8 makes a hidden hyperlink), rich markup (``[link=…]``, or a stray ``[/x]`` that
makes rich raise), a newline in a file name that starts a forged ``cwgtool:`` line, or a
spreadsheet formula (``=HYPERLINK(…)``, OWASP "CSV injection"). Real document text never needs
C0/C1 control characters, so they are shown as escapes (``\\x1b``) rather than dropped: the
reader still sees that something was there.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (CSI, OSC… in their 8-bit form).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_BREAK = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# What a spreadsheet reads as the start of a formula (OWASP's list); a plain number is safe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _escape(m: re.Match[str]) -> str:
    return repr(m.group(0))[1:-1]  # "\x1b", "\r", "\x9b": what Python shows for it


def printable(text: str) -> str:
    """``text`` with control characters written as escapes; tabs and newlines kept."""
    return _CONTROL.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` as exactly one line of a message: newlines and tabs escaped too (a file name
    holding ``"\\ncwgtool: …"`` cannot forge a second message)."""
    return _CONTROL_OR_BREAK.sub(_escape, text)


def markup_safe(text: str) -> str:
    """``text`` for a rich renderable that parses markup: printable, and its brackets escaped."""
    from rich.markup import escape

    return escape(printable(text))


def formula_safe(cell: str) -> str:
    """A CSV cell a spreadsheet will not evaluate: one starting like a formula gets a leading
    ``'`` (which spreadsheets show as text and hide), unless it is a plain number."""
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell

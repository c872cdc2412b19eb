"""Plain-text reader: records pasted from e-mail, web pages, ``pdftotext`` or other converters.

One line is one paragraph (the usual shape of text copied out of Word). Hard-wrapped text is
rejoined: a line continues the previous one when the previous line does not end a sentence and
this one starts in lower case without a label. Page furniture that survives a copy ("- 2 -",
"Page 2 of 9", a running head "C17/130(Rev.1)-E" or "2 C17/51-E", a bare page number next to
one) is dropped and kept as metadata. A table flattened into "1 / title / C17/5" rows keeps its
row number as a list label. Text whose line breaks were all lost, or turned into spaces, is cut
back into paragraphs by :mod:`cwgtool.readers.runon`.
"""

from __future__ import annotations

import re

from cwgtool.blocks import Block, BlockKind, Provenance, ReadResult
from cwgtool.labels import LabelKind, split_label
from cwgtool.limits import Limits
from cwgtool.readers.runon import (
    RUNON_MIN_CHARS,
    is_runon,
    looks_collapsed,
    looks_glued,
    split_collapsed,
    split_runon,
)
from cwgtool.symbols import find_symbols

PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+(?:/\d+)?\s*-|Page\s+\d+\s+of\s+\d+|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)
_CONTINUES = re.compile(r"[^.:;!?\"”)]\s*$")
_BARE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# A table row flattened by a web mirror: "1 / Strengthening the regional presence / C17/98(Rev.1)".
_TABLE_ROW = re.compile(r"^\s*(?P<n>\d{1,2})\s+/\s+(?P<rest>\S.*)$")


def _running_head(line: str) -> bool:
    """A page's running head: the document symbol alone with its language suffix
    ("C17/130(Rev.1)-E", "PP-14/20(Add.1)-E"), optionally after the page number ("2 C17/51-E",
    "2C17/51-E"). A cover line names the field ("Document C17/130-E") and is kept."""
    s = line.strip()
    if not s or len(s) > 40 or s[-2:-1] != "-":
        return False
    found = find_symbols(s)
    if len(found) != 1 or found[0].language is None:
        return False
    before = s[: found[0].start].strip()
    return found[0].end >= len(s) - 1 and (not before or before.isdigit())


def _furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of lines that are page furniture: running heads and the bare page numbers
    standing next to one (``pdftotext`` puts the page number on its own line)."""
    heads = {i for i, ln in enumerate(lines) if _running_head(ln)}
    out = set(heads)
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    for k, i in enumerate(filled):
        if _BARE_NUMBER.match(lines[i]):
            near = filled[max(0, k - 1) : k + 2]
            if any(j in heads for j in near):
                out.add(i)
    return out


# Hard-wrapped text (pdftotext, e-mail): most lines end near one width. A line that reaches it was
# cut by the wrapping, so the next line continues it.
_WRAP_MAX_WIDTH = 130
_WRAP_FULL = 0.7


def _wrap_width(lines: list[str]) -> int | None:
    """The width the text was wrapped at, or None when it was not hard-wrapped."""
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if len(lengths) < 8:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    if width > _WRAP_MAX_WIDTH or width < 40:
        return None
    full = sum(1 for n in lengths if n >= 0.8 * width)
    return width if full >= max(5, len(lengths) // 5) and lengths[-1] <= width + 10 else None


def _block_width(lines: list[str]) -> int | None:
    """The width of short hard-wrapped text whose paragraphs are set apart by blank lines (as
    ``pdftotext`` prints a short document), or None. Too few lines reach the width for
    :func:`_wrap_width` to be sure; the blank lines say where paragraphs end, so a line that
    reaches the width without ending a sentence continues on the next even when the next starts
    with a capital ("… from Norway and" / "Chile said …")."""
    filled = [i for i, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 8:
        return None
    starts = sum(1 for i in filled if i == 0 or not lines[i - 1].strip())
    widest = max(len(lines[i].rstrip()) for i in filled)
    return widest if starts * 10 >= 3 * len(filled) and 40 <= widest <= _WRAP_MAX_WIDTH else None


def _join(parts: list[str]) -> str:
    """Rejoin wrapped lines; a line that ends in a word's hyphen ("Secretary-" / "General") is
    glued to the next, keeping the hyphen (ITU documents are not auto-hyphenated)."""
    out = parts[0].strip()
    for part in parts[1:]:
        part = part.strip()
        glue = "" if len(out) >= 2 and out[-1] == "-" and out[-2].isalpha() and part[:1].isalpha() else " "
        out = f"{out}{glue}{part}"
    return out


def _expand_runon(raw_lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) pairs; a run-on line becomes its paragraphs, each followed by a blank.

    A run of blank lines is kept as its first: one blank ends a paragraph as well as many, and a
    pair per line cost 10 MB of newlines 1.2 GB."""
    out: list[tuple[int, str]] = []
    runon = is_runon(raw_lines)
    for lineno, line in enumerate(raw_lines, start=1):
        if out and not out[-1][1].strip() and not line.strip():
            continue
        long = runon and len(line) >= RUNON_MIN_CHARS
        if long and (looks_collapsed(line) or looks_glued(line)):
            for piece in split_collapsed(line) if looks_collapsed(line) else split_runon(line):
                out.append((lineno, piece))
                out.append((lineno, ""))
        else:
            out.append((lineno, line))
    return out


def read_text(text: str, *, display_name: str = "<stdin>") -> ReadResult:
    blocks: list[Block] = []
    furniture: list[str] = []
    lines: list[tuple[int, str]] = []  # (line number, text) of the current paragraph

    def flush() -> None:
        if lines:
            first = lines[0][0]
            body = _join([t for _, t in lines]) if len(lines) > 1 else lines[0][1]
            label, _ = split_label(body)
            kind = BlockKind.LIST_ITEM if label is not None and label.kind is not LabelKind.NUMBER else BlockKind.PARAGRAPH
            blocks.append(Block(text=body.rstrip(), kind=kind, provenance=Provenance(file=display_name, index=len(blocks), line=first)))
            lines.clear()

    numbered = _expand_runon(text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "").split("\n"))
    dropped = _furniture_lines([line for _, line in numbered])
    width = _wrap_width([line for _, line in numbered])
    block_width = None if width is not None else _block_width([line for _, line in numbered])
    for at, (lineno, line) in enumerate(numbered):
        if not line.strip():
            flush()
            continue
        if PAGE_NUMBER.match(line) or at in dropped:
            if line.strip() not in furniture:
                furniture.append(line.strip())
            continue
        row = _TABLE_ROW.match(line)
        if row:
            flush()
            blocks.append(
                Block(text=row["rest"].rstrip(), kind=BlockKind.LIST_ITEM, label=row["n"],
                      provenance=Provenance(file=display_name, index=len(blocks), line=lineno))
            )
            continue
        label, rest = split_label(line)
        starts_lower = line.lstrip()[:1].islower()
        if lines and label is None and starts_lower and _CONTINUES.search(lines[-1][1]):
            lines.append((lineno, line))
            continue
        if (
            lines
            and width is not None
            and len(lines[-1][1].rstrip()) >= _WRAP_FULL * width
            # a label after a full line that stops mid-sentence is the wrapped sentence going on
            # ("… the work of Study Group" / "17. Other Member States …", "… Mexico" / "– Proposed …")
            and (label is None or rest[:1].islower() or _CONTINUES.search(lines[-1][1]))
            and not PAGE_NUMBER.match(lines[-1][1])
        ):
            lines.append((lineno, line))  # the line before was cut by the wrapping
            continue
        if (
            lines
            and block_width is not None
            and label is None
            and len(lines[-1][1].rstrip()) >= _WRAP_FULL * block_width
            and _CONTINUES.search(lines[-1][1])
        ):
            lines.append((lineno, line))  # a short wrapped paragraph going on
            continue
        flush()
        lines.append((lineno, line))
    flush()
    return ReadResult(blocks=blocks, format="text", headers_footers=furniture)


def read(path: str, *, display_name: str | None = None, limits: Limits | None = None) -> ReadResult:
    from cwgtool.errors import InputError

    (limits if limits is not None else Limits.from_env()).check_file_size(path, display_name or path)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    return read_text(decode(data, path), display_name=display_name or path)


def decode(data: bytes, path: str) -> str:
    """UTF-8 (with or without BOM), then UTF-16 with BOM, then cp1252 as a last resort."""
    from cwgtool.errors import InputError

    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "binary data, not text")
    for enc in ("utf-8-sig", "utf-16"):
        if enc == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("cp1252", errors="replace")

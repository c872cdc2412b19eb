"""Plain-text reader: records pasted from e-mail, web pages or other converters.

One line is one paragraph (the usual shape of text copied out of Word). Hard-wrapped text is
rejoined: a line continues the previous one when the previous line does not end a sentence and
this one starts in lower case without a label. Page furniture that survives a copy ("- 2 -",
"Page 2 of 9") is dropped and kept as metadata.
"""

from __future__ import annotations

import re

from cwgtool.blocks import Block, BlockKind, Provenance, ReadResult
from cwgtool.labels import LabelKind, split_label
from cwgtool.limits import Limits

PAGE_NUMBER = re.compile(r"^\s*(?:-\s*\d+(?:/\d+)?\s*-|Page\s+\d+\s+of\s+\d+|\d+\s*/\s*\d+)\s*$", re.IGNORECASE)
_CONTINUES = re.compile(r"[^.:;!?\"”)]\s*$")


def read_text(text: str, *, display_name: str = "<stdin>") -> ReadResult:
    blocks: list[Block] = []
    furniture: list[str] = []
    lines: list[tuple[int, str]] = []  # (line number, text) of the current paragraph

    def flush() -> None:
        if lines:
            first = lines[0][0]
            body = " ".join(t.strip() for _, t in lines) if len(lines) > 1 else lines[0][1]
            label, _ = split_label(body)
            kind = BlockKind.LIST_ITEM if label is not None and label.kind is not LabelKind.NUMBER else BlockKind.PARAGRAPH
            blocks.append(Block(text=body.rstrip(), kind=kind, provenance=Provenance(file=display_name, index=len(blocks), line=first)))
            lines.clear()

    for lineno, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.replace("\f", "")
        if not line.strip():
            flush()
            continue
        if PAGE_NUMBER.match(line):
            if line.strip() not in furniture:
                furniture.append(line.strip())
            continue
        label, _ = split_label(line)
        starts_lower = line.lstrip()[:1].islower()
        if lines and label is None and starts_lower and _CONTINUES.search(lines[-1][1]):
            lines.append((lineno, line))
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

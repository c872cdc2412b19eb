"""ITU document symbols: finding them in running text and normalising them.

Records write the same symbol many ways ("CWG-Internet-12/4", "CWG-Internet 12/4",
"WG-Internet 12/4", "CWGInternet-12/4", "CWG-Internet-12/5-E", "Document CWG-Internet-12/4(Rev.1)",
"WG-CP/1/16 Rev.1"), and other bodies' documents appear beside them: Council ("C17/98(Rev.1)",
"C17/DT/5"), Plenipotentiary ("PP-14/20(Add.1)-E") and the newer system ids
("S23-RCLINTPOL18-C-0005"). Everything that compares symbols (contributions, links, the checker)
goes through here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What may follow the number of a symbol: an addendum "(Add.1)", the language "-E", a revision
# "(Rev.1)" or "Rev.1", and the language again after the revision.
_SUFFIXES = r"""
        (?:\s?\((?P<add>Add\.?\s?\d+)\))?
        (?:-(?P<lang>[EFSACR])\b)?
        (?:\s?(?:\(\s?(?P<rev>Rev\.?\s?\d+)\s?\)|(?P<revb>Rev\.?\s?\d+)))?
        (?:-(?P<lang2>[EFSACR])\b)?"""
# Body part: CWG-Internet, WG-Internet (the "C" lost), CWGInternet (hyphen lost), CWG-COP, WG-WSIS…
_SYMBOL = re.compile(
    # "?" stands for a non-breaking hyphen or space lost in conversion ("CWG?Internet?19/3")
    r"""(?P<body>\bC?WG[-\u2011\u2013 ?]?(?P<name>[A-Z][A-Za-z&]+(?:[-&][A-Za-z]+)?)|\bEG-ITRs|\bC\d{2}|\bPP-\d{2})
        (?P<sep>[-\u2011\u2013 ?\u00a0/]?)\s?
        (?P<meeting>\d{1,2})\s?/\s?(?P<num>\d{1,3}|DT/\d{1,3})"""
    + _SUFFIXES,
    re.VERBOSE,
)

LANGUAGES = {"E": "en", "F": "fr", "S": "es", "A": "ar", "C": "zh", "R": "ru"}


@dataclass(frozen=True, slots=True)
class Symbol:
    raw: str  # as written
    canonical: str  # "CWG-Internet-12/4"
    body: str  # "CWG-Internet"
    meeting: int | None
    number: str  # "4"
    language: str | None  # "en"
    revision: str | None  # "Rev.1"
    start: int
    end: int
    addendum: str | None = None  # "Add.1"

    @property
    def is_canonical(self) -> bool:
        """True when written exactly in the canonical form (language/revision suffixes allowed)."""
        return self.raw.startswith(self.canonical)


def _revision(written: str | None) -> str | None:
    """ "Rev. 1", "Rev1" → "Rev.1"."""
    return "Rev." + re.sub(r"\D", "", written) if written else None


def _addendum(written: str | None) -> str | None:
    """ "Add. 1", "Add1" → "Add.1"."""
    return "Add." + re.sub(r"\D", "", written) if written else None


# Older symbols carry no meeting number: "Document: WG-COP/13", "CWG-WSIS/5-E".
_SHORT_SYMBOL = re.compile(
    r"\bC?WG-(?P<name>[A-Z][A-Za-z&]+)/(?P<num>\d{1,3})(?![\d/])(?:-(?P<lang>[EFSACR])\b)?"
    r"(?:\s?(?:\((?P<rev>Rev\.?\s?\d+)\)|(?P<revb>Rev\.?\s?\d+)))?"
)


def _short_symbols(text: str, taken: list[tuple[int, int]]) -> list[Symbol]:
    out: list[Symbol] = []
    for m in _SHORT_SYMBOL.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        body = f"CWG-{m['name']}"
        rev = _revision(m["rev"] or m["revb"])
        raw = m.group(0).rstrip()
        out.append(
            Symbol(raw, f"{body}/{m['num']}", body, None, m["num"], LANGUAGES.get(m["lang"]) if m["lang"] else None, rev,
                   m.start(), m.start() + len(raw))
        )
    return out


# Council and Plenipotentiary documents: "C17/98", "C17/DT/5", "C17/DL/7" (drafting), "PP-14/20(Add.1)-E" (no meeting part).
_COUNCIL_SYMBOL = re.compile(
    # not inside a capitalised word; glued to a lower-case word or a number is fine, since
    # text that lost its line breaks reads "…introducedC17/98" or "2019C19/111"
    r"""(?<![A-Z])(?P<body>C\d{2}|PP-\d{2})/(?P<num>(?:D[TL]/)?\d{1,3})(?![\d/])"""
    + _SUFFIXES,
    re.VERBOSE,
)
# The newer ITU document ids: "S23-RCLINTPOL18-C-0005" = 2023, CWG-Internet (RCLINTPOL) 18th
# meeting, contribution 5.
_SYSTEM_ID = re.compile(r"\bS\d{2}-(?P<group>[A-Z]{2,}?)(?P<meeting>\d{1,2})-(?P<kind>[A-Z]{1,4})-(?P<num>\d{4})\b")


def _council_symbols(text: str) -> list[Symbol]:
    out: list[Symbol] = []
    for m in _COUNCIL_SYMBOL.finditer(text):
        rev = _revision(m["rev"] or m["revb"])
        lang = m["lang"] or m["lang2"]
        raw = m.group(0).rstrip()
        out.append(
            Symbol(raw, f"{m['body']}/{m['num']}", m["body"], None, m["num"], LANGUAGES.get(lang) if lang else None, rev,
                   m.start(), m.start() + len(raw), _addendum(m["add"]))
        )
    return out


def _system_ids(text: str) -> list[Symbol]:
    return [
        Symbol(m.group(0), m.group(0), m.group(0)[: m.start("meeting") - m.start()], int(m["meeting"]),
               m["num"].lstrip("0") or "0", None, None, m.start(), m.end())
        for m in _SYSTEM_ID.finditer(text)
    ]


def find_symbols(text: str) -> list[Symbol]:
    """Every symbol in ``text``, in order; a Council or short form inside a longer one is not
    counted twice."""
    out = _system_ids(text) + _long_symbols(text)
    out.extend(_short_symbols(text, [(s.start, s.end) for s in out]))
    taken = [(s.start, s.end) for s in out]
    out.extend(s for s in _council_symbols(text) if not any(a <= s.start < b for a, b in taken))
    return sorted(out, key=lambda s: s.start)


def _long_symbols(text: str) -> list[Symbol]:
    out: list[Symbol] = []
    for m in _SYMBOL.finditer(text):
        body = f"CWG-{m['name']}" if m["name"] else m["body"]
        meeting = int(m.group("meeting"))
        num = m.group("num")
        rev = _revision(m.group("rev") or m.group("revb"))
        lang = m.group("lang") or m.group("lang2")
        raw = m.group(0).rstrip()
        out.append(
            Symbol(
                raw=raw,
                canonical=f"{body}-{meeting}/{num}",
                body=body,
                meeting=meeting,
                number=num,
                language=LANGUAGES.get(lang) if lang else None,
                revision=rev,
                start=m.start(),
                end=m.start() + len(raw),
                addendum=_addendum(m.group("add")),
            )
        )
    return out


def parse_symbol(text: str) -> Symbol | None:
    found = find_symbols(text)
    return found[0] if found else None


def normalise(text: str) -> str | None:
    sym = parse_symbol(text)
    return sym.canonical if sym else None

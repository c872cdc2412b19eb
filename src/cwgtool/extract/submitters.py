"""Who submitted a document, read from the "Contribution by …" / "Report of the secretariat …" line.

Contribution headings, cover source lines and running text all name authors the same few ways
("Contribution by the Russian Federation", "Joint contribution by Argentina, Brazil and Mexico",
"Secretariat report on …", "Report by the Chairman"). Keeping the reading here lets the
contribution, topic and checker code agree on one list of submitters per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cwgtool.countries import find_countries, iso3
from cwgtool.model import Submitter

# Where the source ends and the document title begins: ": ", " - ", " – ", " — ".
TITLE_SEPARATOR = re.compile(r"\s*:\s+|\s+[-\u2010-\u2015]\s+|\s*[\u2013\u2014]\s*(?=[A-Z\"“])")
_CONTRIBUTION = re.compile(
    r"^(?:(?:joint|revised|common)\s+)?(?:contributions?|proposals?|submission)\s+(?:by|from|of)\s+(?P<src>.+)$",
    re.IGNORECASE,
)
# Reports and notes: the author is either before ("Secretariat report on …") or after ("Report of
# the secretariat on …", "Note by the Secretary-General").
_NON_STATE = (
    r"secretariat|secretary-general|deputy secretary-general|chair(?:man|woman|person)?|vice-chair(?:man|woman|person)?"
    r"|director of (?:the )?(?:BDT|TSB|BR)|BDT|TSB|BR|ITU-[TDR]|general secretariat"
)
_REPORT_BEFORE = re.compile(rf"^(?P<by>{_NON_STATE})(?:'s)?\s+(?:progress\s+)?(?:report|note)\b", re.IGNORECASE)
_REPORT_AFTER = re.compile(
    rf"^(?:progress\s+|activity\s+|annual\s+)?(?:report|note|information document)\s+(?:by|of|from)\s+(?:the\s+)?(?P<by>{_NON_STATE})\b",
    re.IGNORECASE,
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*;\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Authorship:
    """Who a heading says submitted a document, and its title (not the model's ``Source``,
    which is the file a document was read from)."""

    submitters: list[Submitter]
    title: str | None
    kind: str  # "contribution" | "report"


def _clean(text: str) -> str:
    return " ".join(text.split())


def _display(name: str) -> str:
    """Name as written minus a leading article; institutional names get a capital ("secretariat")."""
    name = re.sub(r"^the\s+", "", _clean(name), flags=re.IGNORECASE).strip(" .,;:")
    if name and name[0].islower() and iso3_any_case(name) is None:
        name = name[0].upper() + name[1:]
    return name


_SMALL_WORDS = frozenset({"of", "the", "and", "da", "de", "del", "des", "du", "la", "le", "et"})


def title_case(text: str) -> str:
    """ "RUSSIAN FEDERATION", "Russian federation" → "Russian Federation"; "REPUBLIC OF KENYA" →
    "Republic of Kenya". Cover lines set in capitals or small caps lose the case the country
    table knows; the length is kept, so offsets found in the result hold in the original."""
    words = re.split(r"(\s+)", text)
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        out.append(low if i and low in _SMALL_WORDS else w[:1].upper() + w[1:].lower())
    return "".join(out)


def iso3_any_case(name: str) -> str | None:
    """ISO3 of a Member State name written in any case."""
    return iso3(name) or iso3(title_case(name))


def parse_submitters(text: str) -> list[Submitter]:
    """Split an author list and map each Member State to ISO3, whatever its case.

    Separators inside a country name ("Trinidad and Tobago", "United Kingdom of Great Britain and
    Northern Ireland") are protected by locating the country names first.
    """
    text = _clean(text).strip(" .,;:")
    protected = [(m.start, m.end) for m in find_countries(text)]
    if not protected or text.upper() == text:
        protected += [(m.start, m.end) for m in find_countries(title_case(text))]
    pieces: list[str] = []
    last = 0
    for sep in _LIST_SEPARATOR.finditer(text):
        if any(start < sep.start() < end for start, end in protected):
            continue
        pieces.append(text[last : sep.start()])
        last = sep.end()
    pieces.append(text[last:])
    out: list[Submitter] = []
    for piece in pieces:
        name = _display(piece)
        if name:
            out.append(Submitter(name=name, iso3=iso3_any_case(name)))
    return out


def _leading_countries(text: str) -> tuple[list[Submitter], str] | None:
    """"Argentina, Brazil and Mexico – Proposed topics" (no "Contribution by"): the source is the
    run of country names at the very start, if the whole run is countries; (them, the rest)."""
    parts = TITLE_SEPARATOR.split(text, maxsplit=1)
    subs = only_countries(parts[0])
    if subs is None:
        return None
    return subs, parts[1] if len(parts) > 1 else ""


_BRACKET_LEAD = re.compile(r"^\((?P<src>[^()]+)\)\s*(?P<rest>.*)$")
_BRACKET_TAIL = re.compile(r"^(?P<rest>.*?)\s*\((?P<src>[^()]+)\)\s*[.:]?$")
_BY_LEAD = re.compile(r"^(?:(?:submitted|presented|proposed|introduced)\s+)?(?:by|from)\s+(?P<src>.+)$", re.IGNORECASE)


def only_countries(text: str) -> list[Submitter] | None:
    """The Member States an author list names, when it names nothing but Member States."""
    subs = parse_submitters(text)
    return subs if subs and all(s.iso3 for s in subs) else None


def _bracketed(text: str) -> Authorship | None:
    """The author in brackets beside the title: "(Saudi Arabia) – Public policy aspects of AI"
    (what is left of "CWG-Internet-20/6 (Saudi Arabia) – …") or "Public policy aspects of AI
    (Saudi Arabia)"; "(Contribution by Egypt)" too. Only when the brackets hold nothing but
    the author, so a title's own bracketed words are never read as a source."""
    for pattern in (_BRACKET_LEAD, _BRACKET_TAIL):
        m = pattern.match(text)
        if not m:
            continue
        inner = _clean(m["src"])
        rest = _clean(m["rest"]).strip(" :-\u2013\u2014")
        subs = only_countries(inner)
        if subs:
            return Authorship(subs, rest or None, "contribution")
        inner_src = read_source(inner) if not inner.startswith("(") else None
        if inner_src is not None:
            return Authorship(inner_src.submitters, rest or inner_src.title, inner_src.kind)
    return None


def read_source(text: str) -> Authorship | None:
    """Submitters and title from the text of a heading with its symbol removed; None if no author."""
    text = _clean(text).strip(" :-\u2013\u2014")
    m = _BY_LEAD.match(text)
    if m:  # "submitted by Saudi Arabia – …", what is left of "CWG-Internet-20/6 from Egypt: …"
        text = f"Contribution by {m['src']}"
    m = _CONTRIBUTION.match(text)
    if m:
        parts = TITLE_SEPARATOR.split(m["src"], maxsplit=1)
        title = _clean(parts[1]) if len(parts) > 1 and parts[1].strip() else None
        return Authorship(parse_submitters(parts[0]), title, "contribution")
    m = _REPORT_BEFORE.match(text) or _REPORT_AFTER.match(text)
    if m:
        return Authorship([Submitter(name=_display(m["by"]), iso3=None)], text or None, "report")
    lead = _leading_countries(text)
    if lead:
        subs, rest = lead
        return Authorship(subs, _clean(rest) or None, "contribution")
    return _bracketed(text)


__all__ = ["TITLE_SEPARATOR", "Authorship", "only_countries", "parse_submitters", "read_source"]

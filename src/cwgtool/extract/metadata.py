"""Cover-block metadata: body, meeting number, place and dates, symbol, date, language, title, kind.

Cover blocks are two-cell tables whose text may arrive as separate cells, as one line, or only
in the running head; so every field is looked for in the front matter first, then in the page
furniture, then in the first section titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cwgtool.labels import MONTH, MONTH_NAMES
from cwgtool.model import DocumentKind, Meeting, Section
from cwgtool.symbols import LANGUAGES, Symbol, find_symbols

# The ordinal names, written once (the month names are labels.MONTH_NAMES): the patterns below
# are built from these lists and the values are read from them.
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
_ORDINAL_WORDS = {word: i for i, word in enumerate(ORDINAL_WORDS, start=1)}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_ORD = rf"(?:(?:{'|'.join(_TENS)})[- ])?(?:{'|'.join(_ORDINAL_WORDS)})|\d{{1,2}}(?:st|nd|rd|th)"
_MEETING = re.compile(rf"\b(?P<ord>{_ORD})\s*meeting\b", re.IGNORECASE)  # "tenthmeeting" too
_DASH = r"\s*[-\u2010-\u2015]\s*|(?<=\d)\?(?=\d)"  # "18?19": a dash or NBSP lost to "?" in conversion
# "4-5 February 2019", "30 September - 1 October 2019", "30 September 2015", "4 and 5 February 2019"
_RANGE = re.compile(
    rf"(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*(?P<m1>{MONTH}))?(?:\s+(?P<y1>\d{{4}}))?(?:{_DASH}|\s+(?:and|to)\s+)"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<m2>{MONTH}),?\s*(?P<y2>\d{{4}})",
    re.IGNORECASE,
)
# "25January 2016": extracted text often loses the space between day and month
_SINGLE = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[\s?]*(?P<m>{MONTH}),?[\s?]*(?P<y>\d{{4}})", re.IGNORECASE)
# "… Public Policy Issues Geneva, 17-18 March 2010": the word before ", <dates>" is the place
_PLACE_BEFORE_DATE = re.compile(r"(?P<place>[A-Z][a-zà-ÿ'.-]+)\s*,\s*$")
_PLACE = re.compile(rf"meeting\s*(?:{_DASH}|,|:)\s*(?P<place>[A-Z][A-Za-z .'()]+?)\s*(?:,|{_DASH}|$)", re.IGNORECASE)
_BODY_PAREN = re.compile(r"\((?P<body>C?WG-[A-Za-z&]+(?:-[A-Za-z]+)?|EG-ITRs)\)")
# The group's name runs to a bracket, a dash, the place and dates ("… Issues Geneva, 17-18 March
# 2010") or the end of the line.
_BODY_NAME = re.compile(
    r"Council Working Group on (?P<name>[^()\n]+?)"
    r"(?:\s*\(|\s+[-\u2013\u2014]\s|\s+[A-Z][a-zà-ÿ'.-]+\s*,\s*\d|\s*,\s*\d|$)",
    re.IGNORECASE,
)
# Long names of the Council Working Groups → the short form their symbols use, so that a record
# whose cover gives only the name is filed under the same body as one with a symbol.
_BODY_ACRONYMS = (
    (re.compile(r"internet-related public policy", re.IGNORECASE), "CWG-Internet"),
    (re.compile(r"child online protection", re.IGNORECASE), "CWG-COP"),
    (re.compile(r"world summit on the information society|\bWSIS\b", re.IGNORECASE), "CWG-WSIS"),
    (re.compile(r"financial and human resources", re.IGNORECASE), "CWG-FHR"),
    (re.compile(r"official languages", re.IGNORECASE), "CWG-LANG"),
)


def _body_from_name(name: str) -> str:
    for pattern, acronym in _BODY_ACRONYMS:
        if pattern.search(name):
            return acronym
    return name


_DATE_ONLY = re.compile(rf"^\s*(?:\w+day,?\s*)?\d{{1,2}}(?:st|nd|rd|th)?[\s?]*{MONTH},?[\s?]*\d{{4}}\s*$", re.IGNORECASE)
_DATE_FIELD = re.compile(r"^Date\s*:?\s*(?P<date>.+)$", re.IGNORECASE)
# The six official languages, by the name a cover writes ("English only", "Original: French").
LANGUAGE_NAMES = {"English": "en", "French": "fr", "Spanish": "es", "Arabic": "ar", "Chinese": "zh", "Russian": "ru"}
_LANGUAGE = re.compile(rf"\b(?:Original\s*:\s*(?P<orig>[A-Z][a-z]+)|(?P<only>{'|'.join(LANGUAGE_NAMES)})\s+only)\b")
_LANG_CODES = {name.lower(): code for name, code in LANGUAGE_NAMES.items()}
_TITLE = re.compile(
    r"^(?:draft\s+)?(?:final\s+)?(?:summary\s+record|report|outcome|summary|minutes)\b.*\bmeetings?\b|^report by the chair"
    r"|^(?:draft\s+|interim\s+|progress\s+|annual\s+)?report\s+(?:on|of)\s+the\s+(?:outcomes?|activities|work)\b"
    r"|^(?:draft\s+|revised\s+|provisional\s+)?agenda(?:\s+of\s+the\s+\w+\s+meeting)?\s*$",  # agendas: titled, still kind unknown
    re.IGNORECASE,
)
_CONTRIBUTION_SOURCE = re.compile(
    r"^(?:joint\s+)?contribution\s+(?:by|from)\b|^note by the (?:secretary-general|secretariat|chair)|^report by the secretar",
    re.IGNORECASE,
)
# Titles of the documents that report a meeting ("Report by the Chairman of …" reports the group's
# meetings to Council, with the same contributions and positions).
_RECORD_TITLE = re.compile(
    r"summary record|report of the|outcome of|summary of the|minutes|^report by the chair", re.IGNORECASE
)
# "Revision 1 to Document CWG-Internet-19/4-E": the revision is written before the symbol, which
# the symbol pattern cannot see; "(Rev.1)" may also stand alone on the line after the symbol.
_REVISION_TO = re.compile(r"^\s*Revision\s+(?P<n>\d+)\s+to\s+Document\b", re.IGNORECASE)
_REVISION_LINE = re.compile(r"^\s*\(?\s*Rev\.?\s*(?P<n>\d+)\s*\)?\s*(?:-[EFSACR])?\s*$")
# A source line is a cover field: it stands near the top of the front matter and is short. Records
# quote "Contribution by …" in their body, so looking further would misclassify a coverless record.
_COVER_LINES = 15
_SOURCE_MAX_CHARS = 250


def iso_date(day: str | int, month: str, year: str | int) -> str | None:
    mon = MONTHS.get(month.lower())
    if mon is None:
        return None
    try:
        d = int(day)
        if not 1 <= d <= 31:
            return None
        return f"{int(year):04d}-{mon:02d}-{d:02d}"
    except ValueError:
        return None


def find_dates(text: str) -> list[str]:
    """Every explicit day-month-year date in ``text``, as ISO strings, in order."""
    return [d for m in _SINGLE.finditer(text) if (d := iso_date(m["d"], m["m"], m["y"]))]


def parse_date_range(text: str) -> tuple[str | None, str | None]:
    m = _RANGE.search(text)
    if m:
        end = iso_date(m["d2"], m["m2"], m["y2"])
        start = iso_date(m["d1"], m["m1"] or m["m2"], m["y1"] or m["y2"])
        return start, end
    m = _SINGLE.search(text)
    if m:
        d = iso_date(m["d"], m["m"], m["y"])
        return d, d
    return None, None


def ordinal_value(word: str) -> int | None:
    w = word.lower().replace("-", " ").strip()
    m = re.match(r"(\d+)", w)
    if m:
        return int(m.group(1))
    parts = w.split()
    if len(parts) == 2 and parts[0] in _TENS:
        unit = _ORDINAL_WORDS.get(parts[1])
        return _TENS[parts[0]] + unit if unit else None
    return _ORDINAL_WORDS.get(w)


@dataclass(slots=True)
class Metadata:
    title: str | None
    symbol: str | None
    date: str | None
    language: str | None
    meeting: Meeting
    kind: DocumentKind
    source_line: str | None
    symbol_printed: str | None = None
    revision: str | None = None
    addendum: str | None = None


# The document's own symbol stands in a cover field or a running head: a short line, or after
# "Document" outside brackets. A symbol inside running text ("… (Document CWG-FHR-12/15)") is
# one the document cites.
_OWN_SYMBOL_LINE = 80
_DOCUMENT_FIELD = re.compile(r"(?<!\()\bDocument\s*:?\s*$", re.IGNORECASE)
_ADDENDUM_TO = re.compile(r"^\s*Addendum\s+(?P<n>\d+)\s+to\b", re.IGNORECASE)


def _own_symbol(line: str) -> Symbol | None:
    for sym in find_symbols(line):
        if len(line.strip()) <= _OWN_SYMBOL_LINE or _DOCUMENT_FIELD.search(line[: sym.start]):
            return sym
    return None


# "Council 2017", "Council 2019Geneva": the session of a Council document's cover.
_COUNCIL_SESSION = re.compile(r"^\s*Council\s+(?P<year>(?:19|20)\d\d)\b")
_PLENARY = re.compile(rf"\b(?P<ord>{_ORD}|inaugural)\s+plenary\s+meeting\b", re.IGNORECASE)
# "Outcome of the fifteenth and sixteenth meetings of the Council Working Group on Child Online
# Protection": a report about another body's meetings names that body and its first meeting.
_MEETINGS_OF = re.compile(rf"\b(?P<ord>{_ORD})(?:\s+(?:and|to|-)\s+(?:{_ORD}))?\s*meetings?\s*of\s+the\b", re.IGNORECASE)
# A country name set alone as the cover's source line ("Russian federation[1]", "RUSSIAN
# FEDERATION", "Republic of Kenya"), possibly with a footnote marker.
_FOOTNOTE = re.compile(r"\s*(?:\[\d{1,2}\]|\(\d{1,2}\)|\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*$")


def extract_metadata(front: Sequence[str], furniture: Sequence[str], sections: Sequence[Section]) -> Metadata:
    """Read the cover fields from the front-matter texts and the running heads."""
    lines = [t for text in front for t in re.split(r"\n|\s/\s|\t{2,}", text) if t.strip()]
    meeting = Meeting()
    body = _BODY_PAREN.search("\n".join(lines))
    if body:
        meeting.body = body["body"] if body["body"].startswith(("CWG", "EG")) else "C" + body["body"]
    own = _own_symbol_fields(lines, furniture, meeting)
    _council_meeting(lines, meeting)
    _meeting_lines(lines, meeting)
    title, title_at = _title_line(lines)
    if title is None:
        title = _title_fallback(lines)
    source_line, source_at = _source_line(lines)
    # A record-like title below the source line ("Report on the outcome of the … meeting") is the
    # contribution's own title: records never carry a source line above their title.
    source_first = source_at is not None and (title_at is None or source_at < title_at)
    kind = _kind(title, source_line, sections, source_first=source_first)
    if kind is DocumentKind.UNKNOWN and _is_consultation(lines, sections):
        kind = DocumentKind.CONSULTATION
        if meeting.number is None:  # "The 13th Session of the … (CWG-Internet) decided …"
            m = next((m for line in lines if (m := _SESSION.search(line))), None)
            meeting.number = ordinal_value(m["ord"]) if m else None
    return Metadata(
        title,
        own.symbol,
        _date(lines, meeting),
        own.language or _language(lines),
        meeting,
        kind,
        source_line,
        own.printed,
        own.revision,
        own.addendum,
    )


@dataclass(frozen=True, slots=True)
class _OwnSymbol:
    symbol: str | None = None  # canonical, with its addendum and revision: "C17/130(Add.1)(Rev.1)"
    printed: str | None = None  # as the cover prints it
    language: str | None = None
    revision: str | None = None
    addendum: str | None = None


def _own_symbol_fields(lines: Sequence[str], furniture: Sequence[str], meeting: Meeting) -> _OwnSymbol:
    """The document's own symbol: the first in a cover field or a running head (see
    :func:`_own_symbol`), else a conference document's bare number. The meeting's body and number
    are taken from it when the cover has not given them."""
    candidates = [*lines, *furniture]
    for at, candidate in enumerate(candidates):
        sym = _own_symbol(candidate)
        if sym is not None:
            revision = sym.revision or _revision_near(candidates, at)
            addendum = sym.addendum or _addendum_near(candidates, at)
            meeting.body = meeting.body or sym.body
            meeting.number = meeting.number or sym.meeting
            symbol = sym.canonical + (f"({addendum})" if addendum else "") + (f"({revision})" if revision else "")
            return _OwnSymbol(symbol, sym.raw, sym.language, revision, addendum)
    symbol, addendum, revision = _conference_symbol(lines, meeting)
    return _OwnSymbol(symbol, revision=revision, addendum=addendum)


def _meeting_lines(lines: Sequence[str], meeting: Meeting) -> None:
    """What the lines that name the meeting ("Tenth meeting – Geneva, 4-5 February 2019") say of
    it: its number, dates and place, and the group's name, where nothing before gave them."""
    for line in lines:
        m = _MEETING.search(line)
        if m is None:
            continue
        if meeting.number is None:
            meeting.number = ordinal_value(m["ord"])
        if meeting.start_date is None:
            start, end = parse_date_range(line[m.end():])
            if start:
                meeting.start_date, meeting.end_date = start, end
            p = _PLACE.search(line[m.start():])
            if p and not re.match(MONTH, p["place"]):
                meeting.place = p["place"].strip()
            elif start:
                dates_at = (_RANGE.search(line, m.end()) or _SINGLE.search(line, m.end()))
                before = _PLACE_BEFORE_DATE.search(line[m.end() : dates_at.start()]) if dates_at else None
                if before and not re.match(MONTH, before["place"]):
                    meeting.place = before["place"]
        if meeting.number is not None and meeting.body is None:
            b = _BODY_NAME.search(line)
            if b:
                meeting.body = _body_from_name(b["name"].strip())
    if meeting.body is None and meeting.number is not None:
        for line in lines:
            b = _BODY_NAME.search(line)
            if b:
                meeting.body = _body_from_name(b["name"].strip())
                break


def _language(lines: Sequence[str]) -> str | None:
    """The language a cover line names ("English only", "Original: French"), for a symbol without one."""
    for line in lines:
        lang = _LANGUAGE.search(line)
        code = _LANG_CODES.get((lang["orig"] or lang["only"]).lower()) if lang else None
        if code:
            return code
    return None


def _date(lines: Sequence[str], meeting: Meeting) -> str | None:
    """The document's own date: a "Date:" field, else a date line of the cover, else the first
    date of a cover line that is not one of the meeting's days."""
    for line in lines:
        d = _DATE_FIELD.match(line.strip())
        if d and (found := find_dates(d["date"])):
            return found[0]
    # A bare date line in the cover ("20 February 2019"), not the meeting line; a line that is
    # only a date outranks one that also holds a place or a range of days (the session:
    # "Geneva, 15-25 May 2017" above the document's own "12 May 2017").
    short = [line for line in lines if len(line) < 40 and not _MEETING.search(line) and find_dates(line)]
    only = [line for line in short if _DATE_ONLY.match(line)]
    plain = [line for line in short if not _RANGE.search(line)]
    for group in (only, plain, short):
        if group:
            return find_dates(group[0])[0]
    # A PDF may join a cover cell's lines ("… Geneva, 17 September 2019 Document
    # CWG-Internet-13/8-E 1 October 2019 English only"): the first date that is not the
    # meeting's own.
    meeting_days = {meeting.start_date, meeting.end_date}
    cover_lines = [line for line in lines if len(line) < 60 or _own_symbol(line) or _LANGUAGE.search(line)]
    return next((d for line in cover_lines for d in find_dates(line) if d not in meeting_days), None)


def _title_line(lines: Sequence[str]) -> tuple[str | None, int | None]:
    """The record's title and the index of its line: a line that reads as a record title, or
    "SUMMARY RECORD" / "OF THE EIGHTEENTH MEETING OF …", a title set on two lines."""
    for at, line in enumerate(lines):
        s = line.strip()
        if _TITLE.search(s) and not _MEETING.match(s):
            return re.sub(r"\s+", " ", line).strip(), at
        if _TITLE_HEAD.match(s) and at + 1 < len(lines) and _TITLE.search(joined := _title_lines_joined(lines, at)):
            return re.sub(r"\s+", " ", joined).strip(), at
    return None, None


def _source_line(lines: Sequence[str]) -> tuple[str | None, int | None]:
    """The source line ("Contribution by …", "Note by the Secretariat", a country name alone) and
    its index: a short line near the top of the cover (see ``_COVER_LINES``)."""
    for at, line in enumerate(lines[:_COVER_LINES]):
        s = line.strip()
        if len(s) <= _SOURCE_MAX_CHARS and (_CONTRIBUTION_SOURCE.search(s) or _country_source(line)):
            return _FOOTNOTE.sub("", s), at
    return None, None


# "Addendum 2 to / Document 35-E" under "Plenipotentiary Conference (PP-22)": conference and
# Council documents print only the number; the body comes from the cover.
_BARE_DOCUMENT = re.compile(r"^\s*Document\s+(?P<n>\d{1,3})(?:\((?P<rev>Rev\.\s?\d+)\))?-[EFSACR]\s*$")
_CONFERENCE = re.compile(r"\((?P<body>PP-\d\d|WCIT-\d\d|WTDC-\d\d|WTSA-\d\d|WRC-\d\d)\)")


def _conference_symbol(lines: Sequence[str], meeting: Meeting) -> tuple[str | None, str | None, str | None]:
    """(symbol, addendum, revision) of a conference document that prints only its number."""
    body = next((m["body"] for line in lines[: _COVER_LINES] if (m := _CONFERENCE.search(line))), None)
    if body is None:
        return None, None, None
    for at, line in enumerate(lines[: _COVER_LINES * 2]):
        m = _BARE_DOCUMENT.match(line)
        if m:
            addendum = _addendum_near(lines, at)
            revision = _revision_near(lines, at)
            meeting.body = meeting.body or body
            symbol = f"{body}/{m['n']}" + (f"({addendum})" if addendum else "") + (f"({revision})" if revision else "")
            return symbol, addendum, revision
    return None, None, None


def _country_source(line: str) -> bool:
    """A cover line that is nothing but Member State names: the contribution's source."""
    from cwgtool.extract.submitters import only_countries

    text = _FOOTNOTE.sub("", line.strip())
    if not text or len(text) > 120 or text.endswith((".", ":")):
        return False
    return only_countries(text) is not None


def _council_meeting(lines: Sequence[str], meeting: Meeting) -> None:
    """Council and conference documents: the session ("Council 2017") is the body, and a
    plenary's ordinal ("EIGHTH PLENARY MEETING") its number; a report on a working group's
    meetings ("Outcome of the fifteenth and sixteenth meetings of the Council Working Group on
    …") is filed under that group and its first meeting."""
    if not meeting.body or not re.fullmatch(r"C\d\d", meeting.body):
        return
    head = lines[:_COVER_LINES * 2]
    for line in head:
        m = _MEETINGS_OF.search(line)
        if m:
            b = _BODY_NAME.search(line[m.end():]) or _BODY_NAME.search(" ".join(head))
            if b:
                meeting.body = _body_from_name(b["name"].strip())
                meeting.number = ordinal_value(m["ord"])
                return
    session = next((m for line in head if (m := _COUNCIL_SESSION.match(line))), None)
    meeting.body = f"Council {session['year']}" if session else f"Council 20{meeting.body[1:]}"
    # a cover that lost its line breaks glues "OF THE" to the ordinal: "OF THESECOND PLENARY"
    joined = re.sub(r"(?<=\bTHE)(?=[A-Z]{4})", " ", " ".join(line.strip() for line in head))
    plenary = _PLENARY.search(joined)
    if plenary and plenary["ord"].lower() != "inaugural":
        meeting.number = ordinal_value(plenary["ord"])


_SESSION = re.compile(rf"\b(?P<ord>{_ORD})\s+(?:session|meeting)\s+of\b", re.IGNORECASE)
# An open-consultation page: the consultation named in a heading line, a topic and its questions.
_CONSULTATION_HEAD = re.compile(r"\bopen\s+consultation\b", re.IGNORECASE)


def _is_consultation(lines: Sequence[str], sections: Sequence[Section]) -> bool:
    head = [line for line in lines[:_COVER_LINES] if len(line) < 120]
    if not any(_CONSULTATION_HEAD.search(line) for line in head):
        return False
    text = " ".join(lines) + " " + " ".join(p.text for s in sections for p in s.paragraphs)
    return text.count("?") >= 2 or bool(re.search(r"\bquestions?\b", text, re.IGNORECASE))


def _title_lines_joined(lines: Sequence[str], at: int) -> str:
    """"SUMMARY RECORD" + "OF THE EIGHTEENTH MEETING", or over three lines with "OF THE" alone."""
    nxt = lines[at + 1].strip()
    if re.fullmatch(r"of\s+the", nxt, re.IGNORECASE) and at + 2 < len(lines):
        nxt = f"{nxt} {lines[at + 2].strip()}"
    return f"{lines[at].strip()} {nxt}"


# The first line of a title set on two lines: the record words alone, "of the … meeting" below.
_TITLE_HEAD = re.compile(r"^(?:draft\s+)?(?:final\s+)?(?:summary\s+record|report|outcome|summary|minutes)\s*$", re.IGNORECASE)
# A record title inside a longer line: a PDF may join the cover's lines into one paragraph
# ("… Document CWG-Internet-16/9-E Summary record of the sixteenth meeting").
_EMBEDDED_TITLE = re.compile(
    r"\b(?:(?:draft|final)\s+)?(?:summary\s+record|report|outcome|summary|minutes)\s+of\s+the\s+"
    r"(?:[\w-]+\s+){1,2}?meeting\b.*$",
    re.IGNORECASE,
)


def _title_fallback(lines: Sequence[str]) -> str | None:
    for line in lines:
        s = line.strip()
        if len(s) > 20 and s.upper() == s and any(c.isalpha() for c in s):
            return re.sub(r"\s+", " ", s)
    for line in lines[:_COVER_LINES]:
        if m := _EMBEDDED_TITLE.search(line):
            return re.sub(r"\s+", " ", m.group(0)).strip()
    return None


def _revision_near(candidates: Sequence[str], at: int) -> str | None:
    """Revision written around the symbol rather than inside it (see ``_REVISION_TO``), also
    when the cover cell wraps "Revision 1 to" / "Document C17/130-E" over two lines."""
    m = _REVISION_TO.match(candidates[at])
    if m is None and at > 0:
        m = re.match(r"^\s*Revision\s+(?P<n>\d+)\s+to\s*$", candidates[at - 1], re.IGNORECASE)
    if m is None and at + 1 < len(candidates):
        m = _REVISION_LINE.match(candidates[at + 1])
    return f"Rev.{m['n']}" if m else None


def _addendum_near(candidates: Sequence[str], at: int) -> str | None:
    """"Addendum 1 to Document 20-E" (possibly on the line before the symbol's)."""
    for line in candidates[max(0, at - 1) : at + 1]:
        m = _ADDENDUM_TO.match(line)
        if m:
            return f"Add.{m['n']}"
    return None


def _has_summary_and_discussion(section: Section) -> bool:
    """A section (at any depth) with both a Summary and a Discussion part: a discussed contribution."""
    titles = {c.title.strip().rstrip(":").lower() for c in section.children}
    if "summary" in titles and ("discussion" in titles or "discussions" in titles):
        return True
    return any(_has_summary_and_discussion(c) for c in section.children)


def _discusses_contributions(sections: Sequence[Section]) -> bool:
    """A section heading that is a Member State's contribution ("Contribution from the Russian
    Federation (Document WG-COP/32/4)"): a record of the meeting that discussed it."""
    from cwgtool.extract.contributions import contribution_from

    stack = list(sections)
    while stack:
        section = stack.pop()
        ref = contribution_from(section)
        if ref is not None and ref.type == "contribution" and any(s.iso3 for s in ref.submitters):
            return True
        if ref is None:
            stack.extend(section.children)
    return False


# A note transmitting a report ("Note by the Secretary-General"), and the titles of reports that
# are not the record of one meeting: the Chairman's report to Council, draft reports on a
# group's outcomes or activities.
_NOTE_SOURCE = re.compile(r"^note by the\b", re.IGNORECASE)
_REPORT_TITLE = re.compile(
    r"^report by the chair|^(?:draft\s+|interim\s+|progress\s+|annual\s+)?report\s+(?:on|of)\s+the\s+(?:outcomes?|activities|work)\b"
    r"|\bmeetings\s+of\s+the\b",
    re.IGNORECASE,
)


def _kind(title: str | None, source_line: str | None, sections: Sequence[Section], *, source_first: bool = False) -> DocumentKind:
    # A record without a cover: numbered contribution sections with Summary/Discussion parts. This
    # outranks a source line, which a coverless record may quote in its first paragraphs.
    if any(_has_summary_and_discussion(s) for s in sections):
        return DocumentKind.SUMMARY_RECORD
    if source_line and source_first:
        return DocumentKind.NOTE if _NOTE_SOURCE.match(source_line) else DocumentKind.CONTRIBUTION
    if title and _REPORT_TITLE.search(title):
        return DocumentKind.REPORT
    if title and _RECORD_TITLE.search(title):
        return DocumentKind.SUMMARY_RECORD
    if source_line:
        return DocumentKind.NOTE if _NOTE_SOURCE.match(source_line) else DocumentKind.CONTRIBUTION
    if _discusses_contributions(sections):
        return DocumentKind.SUMMARY_RECORD
    return DocumentKind.UNKNOWN


__all__ = ["LANGUAGES", "LANGUAGE_NAMES", "ORDINAL_WORDS", "Metadata", "extract_metadata", "find_dates", "iso_date", "parse_date_range"]

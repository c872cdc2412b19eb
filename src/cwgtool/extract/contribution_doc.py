"""Contribution documents: what a Member State (or the secretariat) submitted to a meeting.

``api.build_document`` has already read the cover (symbol, meeting, date, language, source
line) and built the numbered outline; this module turns that into the contribution's own facts:

* **submitters** from the source line ("Joint contribution by Argentina, Brazil and Mexico",
  "Report by the secretariat", "Note by the Secretary-General"), read by the same
  :func:`~cwgtool.extract.submitters.read_source` that reads record headings, so a record and
  the document it discusses name their submitters identically;
* **title**: the lines after the source line (often in capitals and split over two lines),
  never the body's name in the cover table;
* **revision** from the symbol ("CWG-Internet-18/3(Rev.1)", "Revision 1 to Document …");
* **annexes**: from the first "Annex 1: …" / "ANNEX" line to the end. The outline knows nothing
  of annexes, so without this their text (and their numbered questions) would sit in the last
  section of the body;
* **topics** proposed for an open consultation, read with the record rules
  (:func:`~cwgtool.extract.topics.proposed_topics`) over the body and then the annexes, where
  contributions often put their questions;
* **actions**: the paragraphs of the "Action requested" / "Action required" / "Proposal" part,
  ``source="contribution"``. ``actor`` is who is asked to act — the Group unless the paragraph
  asks someone else ("The secretariat is requested to …") — and ``addressee`` whom that action is
  aimed at ("request the secretariat to …" → secretariat, "report … to Council" → Council).

Running heads that the PDF reader could not recognise (a two-page document repeats its head
only once) are moved from the body to ``headers_footers`` when they are the document's own
symbol, so they neither pollute paragraphs nor look like references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cwgtool.extract.actions import actor_and_addressee, due_date
from cwgtool.extract.metadata import LANGUAGE_NAMES, Metadata, find_dates
from cwgtool.extract.submitters import TITLE_SEPARATOR, read_source
from cwgtool.extract.topics import is_question, label_of, proposed_topics
from cwgtool.model import Action, Annex, Document, DocumentKind, Paragraph, Section, Submitter, Topic
from cwgtool.symbols import find_symbols, parse_symbol

_ANNEX = re.compile(
    r"^(?:ANNEX|Annex|APPENDIX|Appendix|ATTACHMENT|Attachment)(?:\s+(?:\d{1,2}|[A-Z]|[IVX]{1,4}))?"
    r"(?:\s*(?::|[-\u2013\u2014]|\.)\s*(?P<title>\S.*))?\s*$"
)
_ACTION_HEADING = re.compile(
    r"^(?:actions?\s+(?:requested|required|proposed)|proposed\s+actions?|proposals?|requested\s+actions?|request)"
    r"(?:\s+(?:to|for)\s+(?:the\s+)?(?:group|cwg(?:-internet)?|council))?\s*(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE,
)
_COVER_FIELD = re.compile(
    rf"^(?:Document\b|Revision\s+\d|Addendum\s+\d|Date\b|Original\s*:|(?:{'|'.join(LANGUAGE_NAMES)})\s+only\b|\(?Rev\.)",
    re.IGNORECASE,
)
_MEETING_LINE = re.compile(r"\bmeeting\b", re.IGNORECASE)
_FURNITURE_REST = re.compile(r"^[\s\-\u2013\u2014/\d()]*(?:Rev\.?\s*\d+)?[\s\-\u2013\u2014/\d()]*(?:-?[EFSACR])?\s*$")
_GROUP = re.compile(r"^(?:the\s+)?(?:CWG(?:-Internet)?|(?:Council\s+)?Working\s+Group|Group|meeting)$", re.IGNORECASE)
_SELF = re.compile(r"^(?:the\s+)?(?:co-?sponsors?|proponents?|authors?|we|submitters?|contributors?)$", re.IGNORECASE)
_COURTESY = re.compile(r"\b(?:thanks?|thanked|grateful|appreciat\w+)\b", re.IGNORECASE)
_MAX_TITLE_LINES = 4
# ITU file-path footer: "P:\\ENG\\SG\\CONSEIL\\CWG-INTERNET\\18\\003E.docx (524120)"
_FILE_FOOTER = re.compile(r"^[A-Z]:\\\S.*\.(?:docx?|pdf|rtf)\b[^.]{0,40}$", re.IGNORECASE)


def enrich(doc: Document, meta: Metadata) -> None:
    doc.source_line = meta.source_line
    sym = parse_symbol(doc.symbol or "")
    doc.revision = (sym.revision if sym else None) or doc.revision
    canonical = sym.canonical if sym else None
    source_at = _source_index(doc)
    if doc.source_line:
        source = read_source(doc.source_line)
        if source is not None:
            doc.submitters = list(source.submitters)
        if not doc.submitters:
            doc.warnings.append(f"contribution: no submitter read from the source line {doc.source_line!r}")
    doc.title = _title(doc, source_at) or doc.title
    if doc.date is None:
        doc.date = _cover_date(doc)
    if canonical:
        _drop_running_heads(doc, canonical)
    body_front = doc.front_matter[source_at + 1 + _title_lines(doc, source_at) :] if source_at is not None else []
    # A note transmitting an annex ("Please find attached Annex 4 …") has no body of its own: the
    # annex's numbered sections are the document's outline, not text moved out of it.
    doc.annexes = _split_annexes(doc, body_front, keep_sections=doc.kind is DocumentKind.NOTE)
    units = list(_body_units(doc, body_front))
    doc.topics = _topics(doc, units, canonical)
    doc.actions = _actions(units, doc.submitters)


# ---- cover ---------------------------------------------------------------------------------------


def _squash(text: str) -> str:
    """Runs of whitespace as one space, ends trimmed."""
    return re.sub(r"\s+", " ", text).strip()


def _text(p: Paragraph) -> str:
    """A paragraph as written: the outline splits "30 August 2023" into label "30" and text."""
    return _squash(f"{p.label} {p.text}" if p.label else p.text)


def _source_index(doc: Document) -> int | None:
    if not doc.source_line:
        return None
    for i, p in enumerate(doc.front_matter):
        if doc.source_line in _text(p) or _text(p) in doc.source_line:
            return i
    return None


def _is_title_line(p: Paragraph) -> bool:
    t = _text(p)
    if not t or len(t) > 250 or _COVER_FIELD.match(t) or find_dates(t) and len(t) < 60:
        return False
    return not re.search(r"[.;!?]$", t) and not find_symbols(t)


def _title_lines(doc: Document, source_at: int | None) -> int:
    """How many front-matter paragraphs after the source line make up the title."""
    if source_at is None:
        return 0
    n = 0
    for p in doc.front_matter[source_at + 1 : source_at + 1 + _MAX_TITLE_LINES]:
        if not _is_title_line(p):
            break
        n += 1
        if not _text(p).endswith(":") and not _continues(doc.front_matter, source_at + n + 1):
            break
    return n


def _continues(front: list[Paragraph], at: int) -> bool:
    """Does the title go on in ``front[at]``? Yes for another line in capitals (titles are set in
    capitals and wrap), no for a sentence-case line, which is the body's first paragraph."""
    if at >= len(front):
        return False
    t = _text(front[at])
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and t.upper() == t and _is_title_line(front[at])


def _title(doc: Document, source_at: int | None) -> str | None:
    """The title the source line carries after a separator ("Contribution by Brazil – Title"),
    else the title lines below the source line."""
    if doc.source_line:
        parts = TITLE_SEPARATOR.split(doc.source_line, maxsplit=1)
        inline = read_source(doc.source_line) if len(parts) > 1 and parts[1].strip() else None
        if inline is not None and inline.title and inline.title != doc.source_line:
            return inline.title
    n = _title_lines(doc, source_at)
    if source_at is None or n == 0:
        return None
    return " ".join(_text(p) for p in doc.front_matter[source_at + 1 : source_at + 1 + n])


def _cover_date(doc: Document) -> str | None:
    for p in doc.front_matter:
        t = _text(p)
        if _MEETING_LINE.search(t):
            continue
        dates = find_dates(t)
        if dates:
            return dates[0]
    return None


# ---- running heads -------------------------------------------------------------------------------


def _is_running_head(text: str, canonical: str) -> bool:
    found = find_symbols(text)
    if len(found) != 1 or found[0].canonical != canonical:
        return False
    rest = text[: found[0].start] + text[found[0].end :]
    rest = re.sub(r"^\s*Document\b", "", rest)
    return bool(_FURNITURE_REST.match(rest))


def _drop_running_heads(doc: Document, canonical: str) -> None:
    for section in doc.iter_sections():
        kept = []
        for p in section.paragraphs:
            if p.label is None and p.number is None and (_is_running_head(p.text, canonical) or _FILE_FOOTER.match(p.text.strip())):
                if p.text.strip() not in doc.headers_footers:
                    doc.headers_footers.append(p.text.strip())
                continue
            kept.append(p)
        section.paragraphs = kept


# ---- annexes -------------------------------------------------------------------------------------


def _annex_heading(p: Paragraph) -> bool:
    return p.label is None and p.number is None and len(p.text) < 200 and bool(_ANNEX.match(p.text.strip()))


def _as_paragraphs(section: Section) -> list[Paragraph]:
    """A section moved into an annex, as paragraphs: its numbered title, its text, its children."""
    out: list[Paragraph] = []
    if section.title and section.provenance is not None:
        out.append(Paragraph(number=section.number, text=section.title, provenance=section.provenance))
    out.extend(section.paragraphs)
    for child in section.children:
        out.extend(_as_paragraphs(child))
    return out


def _cut_sections(sections: list[Section], path: list[Section]) -> list[Paragraph]:
    """Remove everything after the paragraphs of ``path[-1]`` (its children, then the later
    siblings of it and of each ancestor) and return it as paragraphs in document order."""
    moved: list[Paragraph] = []
    last = path[-1]
    for child in last.children:
        moved.extend(_as_paragraphs(child))
    last.children = []
    for depth in range(len(path) - 1, -1, -1):
        siblings = path[depth - 1].children if depth else sections
        at = next(i for i, s in enumerate(siblings) if s is path[depth])
        for later in siblings[at + 1 :]:
            moved.extend(_as_paragraphs(later))
        del siblings[at + 1 :]
    return moved


def _section_paths(sections: list[Section], prefix: list[Section] | None = None) -> Iterator[list[Section]]:
    for s in sections:
        path = [*(prefix or []), s]
        yield path
        yield from _section_paths(s.children, path)


def _split_annexes(doc: Document, body_front: list[Paragraph], *, keep_sections: bool = False) -> list[Annex]:
    """Move everything from the first annex heading on out of the body, as annexes."""
    return _annexes(_take_annex_stream(doc, body_front, keep_sections=keep_sections))


def _take_annex_stream(doc: Document, body_front: list[Paragraph], *, keep_sections: bool) -> list[Paragraph]:
    """Cut the paragraphs from the first annex heading to the end out of ``doc`` and return them
    in document order: from the front matter (with every section after it, unless
    ``keep_sections``), else from inside the section that holds the heading."""
    for i, p in enumerate(body_front):
        if _annex_heading(p):
            stream = body_front[i:]
            keep = {id(q) for q in stream}
            doc.front_matter = [q for q in doc.front_matter if id(q) not in keep]
            if not keep_sections:
                for s in list(doc.sections):
                    stream.extend(_as_paragraphs(s))
                doc.sections = []
            return stream
    for path in _section_paths(doc.sections):
        section = path[-1]
        at = next((i for i, p in enumerate(section.paragraphs) if _annex_heading(p)), None)
        if at is None:
            continue
        stream = section.paragraphs[at:]
        section.paragraphs = section.paragraphs[:at]
        stream.extend(_cut_sections(doc.sections, path))
        return stream
    return []


def _annexes(stream: list[Paragraph]) -> list[Annex]:
    """The annexes of a stream that starts at an annex heading: each heading opens one (with the
    capitals line after a bare "ANNEX" as its title), the paragraphs after it are its text."""
    annexes: list[Annex] = []
    i = 0
    while i < len(stream):
        p = stream[i]
        if _annex_heading(p) or not annexes:
            title = _squash(p.text)
            m = _ANNEX.match(title)
            nxt = stream[i + 1] if i + 1 < len(stream) else None
            if m and not m["title"] and nxt is not None and _caps_title(nxt):
                title = f"{title} – {_squash(nxt.text)}"
                i += 1
            annexes.append(Annex(title=title, provenance=p.provenance))
        else:
            annexes[-1].paragraphs.append(p)
        i += 1
    return annexes


def _caps_title(p: Paragraph) -> bool:
    t = p.text.strip()
    return p.label is None and p.number is None and 0 < len(t) < 200 and t.upper() == t and any(c.isalpha() for c in t)


# ---- body units: paragraphs with where they are ----------------------------------------------------


@dataclass(slots=True)
class _Unit:
    paragraph: Paragraph
    section: str | None  # section number, "Annex 1 …" title, or None for the front matter
    in_action_part: bool


def _body_units(doc: Document, body_front: list[Paragraph]) -> Iterator[_Unit]:
    """Body paragraphs in reading order, each marked with its place and whether it belongs to the
    action part: a section titled "Action requested"/"Proposal" (and its children), or the
    paragraphs after such a line inside a section, up to the end of that section."""
    front_ids = {id(p) for p in doc.front_matter}
    yield from _units_of([p for p in body_front if id(p) in front_ids], None, False)
    for path in _section_paths(doc.sections):
        section = path[-1]
        heading = any(_ACTION_HEADING.match(s.title.strip()) for s in path if s.title)
        yield from _units_of(section.paragraphs, section.number, heading)
    for annex in doc.annexes:
        yield from _units_of(annex.paragraphs, annex.title, False)


def _units_of(paras: list[Paragraph], where: str | None, in_action: bool) -> Iterator[_Unit]:
    for p in paras:
        m = _ACTION_HEADING.match(p.text.strip()) if p.label is None and len(p.text) < 300 else None
        if m:
            in_action = True
            rest = (m["rest"] or "").strip()
            if rest:  # "Action requested: The Group is invited to …"
                yield _Unit(p.model_copy(update={"text": rest}), where, True)
            continue
        yield _Unit(p, where, in_action)


# ---- topics --------------------------------------------------------------------------------------


def _topics(doc: Document, units: list[_Unit], canonical: str | None) -> list[Topic]:
    paras = [u.paragraph for u in units]
    where = {id(u.paragraph): u.section for u in units}
    return [
        Topic(
            title=title,
            label=label_of(title, para),
            proposed_by=[s.model_copy() for s in doc.submitters],
            source=canonical,
            questions=questions,
            section=where.get(id(para)),
            provenance=para.provenance,
        )
        for title, questions, para in proposed_topics(paras, doc.title)
    ]


# ---- actions -------------------------------------------------------------------------------------


def _asked(text: str, submitters: list[Submitter]) -> tuple[str, str | None]:
    """(actor, addressee): who the contribution asks to act, and whom that action targets."""
    actor, addressee = actor_and_addressee(text)
    names = {s.name.lower() for s in submitters}
    is_self = actor is None or bool(_SELF.match(actor)) or actor.lower().removeprefix("the ") in names
    if is_self:
        if addressee and not _GROUP.match(addressee) and re.search(r"\bthat\s+the\s+Group\b", text, re.IGNORECASE):
            return "The Group", addressee  # "propose that the Group invite the secretariat to …"
        if addressee and not _GROUP.match(addressee):
            return addressee[:1].upper() + addressee[1:], None  # "Canada invites the secretariat to …"
        return "The Group", None
    if _GROUP.match(actor):
        actor = "The Group"
    if addressee and _GROUP.match(addressee):
        addressee = None
    return actor, addressee


def _actions(units: list[_Unit], submitters: list[Submitter]) -> list[Action]:
    part = [u for u in units if u.in_action_part]
    out: list[Action] = []
    counters: dict[str | None, int] = {}
    i = 0
    while i < len(part):
        unit = part[i]
        p = unit.paragraph
        text = _squash(p.text)
        items: list[_Unit] = []
        if p.label is None and text.endswith(":"):
            j = i + 1
            while j < len(part) and part[j].paragraph.label is not None and part[j].section == unit.section:
                items.append(part[j])
                j += 1
            i = j
        else:
            i += 1
        if p.label is not None and not items and is_question(text):
            continue  # a stray question of a proposed topic
        requests = [it for it in items if not is_question(it.paragraph.text)]
        if items and requests:
            lead = text.rstrip(":").rstrip()
            for it in requests:
                out.append(_action(f"{lead} {_squash(it.paragraph.text)}", it, submitters, counters))
        elif text and not (_COURTESY.search(text) and not re.search(r"\binvit|\brequest|\bpropos", text, re.IGNORECASE)):
            out.append(_action(text.rstrip(":") + ("." if text.endswith(":") else ""), unit, submitters, counters))
    return out


def _action(text: str, unit: _Unit, submitters: list[Submitter], counters: dict[str | None, int]) -> Action:
    counters[unit.section] = counters.get(unit.section, 0) + 1
    n = counters[unit.section]
    actor, addressee = _asked(text, submitters)
    ident = unit.paragraph.number or (f"{unit.section}.{n}" if unit.section and unit.section[:1].isdigit() else str(n))
    return Action(
        id=ident,
        actor=actor,
        addressee=addressee,
        text=text,
        due=due_date(text),
        section=unit.section,
        source="contribution",
        provenance=unit.paragraph.provenance,
    )


__all__ = ["enrich"]

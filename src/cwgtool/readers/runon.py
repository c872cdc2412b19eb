"""Text whose line breaks were lost: recover the paragraphs from the number sequence.

Web mirrors of ITU documents often store a whole page as one line: "…Document C19/111-E11 June
2019Original: EnglishSUMMARY RECORD…1Opening of the 2019 session1.1The Secretary-General
declared…". Nothing in the layout says where a paragraph starts, but the document's own
numbering does: after "1" comes "1.1" or "2", after "2.3" comes "2.4" or "3". So the line is
cut before each number that is the *next one expected* and is glued to a capitalised word
("1.1The", "2Chairmanship", "3.Open") — an ordinary number in a sentence ("in 2019 the", "1.1to
exchange", "Resolution 179 (") is not. A restart at "1" after a run of top-level numbers (the
"Subjects discussed" list of a Council record, then the body) is accepted when "1.1" follows.

The cover before the first number is cut at its fields ("Document …", "Original:", a date glued
to the next word, "Summary", "Action required"…), so the metadata reader sees the lines it
would have seen in the original layout.

Text whose line breaks became single spaces ("…session. 1.1 The Secretary-General …") has no
glue to go by; :func:`split_collapsed` builds the same chain from the numbers standing between
spaces, each allowed only after a sentence's end or a heading (see the section at the end).
"""

from __future__ import annotations

import functools
import re

from cwgtool.labels import MONTH

# A run-on line: this long, in a text whose lines are on average this long.
RUNON_MIN_CHARS = 300
RUNON_MEAN_CHARS = 150

# A section or paragraph number glued to (or one space from) a capitalised word, tried at every
# position (a lookahead, so matches overlap): the number may be glued to the digits before it
# ("Resolution 13061Introduction", "C19/281Opening", "Resolution 1216.1.2The").
# A flattened table row keeps its cell separator: "…C21/41(Rev.1)2 / Review of …".
_CANDIDATE = re.compile(
    r"(?=(?P<num>\d{1,2}(?:\.\s?\d{1,2}){0,2})(?P<dot>\.?)(?P<space> ?(?:/ )?)[A-Z\u00c0-\u00de“\"])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_AFTER = re.compile(rf"\s*{MONTH}\b")
_FIELD_AFTER = re.compile(r"(?:Date\s*:|Document\b|Original\s*:|English\s+only|Revision\s+\d|Addendum\s+\d)")
# A heading glued to the paragraph after it: "Adoption of the agendaFollowing the contribution …".
_HEADING_GLUE = re.compile(r"(?<=[a-z)\d])(?=[A-Z][a-z])")
_HEADING_MAX = 120
# Where a cover field begins inside a glued cover ("…2019Document C19/111-E11 June 2019Original:
# English…"). Each alternative is a lookahead: the cut is made before the field.
_COVER_FIELD = (
    r"(?:Document(?:\s|:)|Original\s*:|Revision\s+\d+\s+to\b|Addendum\s+\d+\s+to\b|English\s+only\b|Date\s*:|"
    r"SUMMARY\s+RECORD|Summary\s+record|Subjects\s+discussed|Documents(?=\d)|Summary(?=[A-Z])|Action\s+required|"
    r"References(?=[A-Z])|(?:Acting\s+)?Chairman\s*:|Agenda\s+item|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),|"
    r"Note\s+by\s+the|Report\s+by\s+the|(?:Joint\s+)?[Cc]ontribution\s+(?:by|from)\b)"
)
_COVER_CUT = re.compile(
    rf"(?<=\S)(?={_COVER_FIELD})"
    rf"|(?<=\d{{4}})(?=[A-Z][a-z]|[A-Z]{{2}})"  # "2019Geneva", "2020PL 1.5"
    rf"|(?<=-[EFSACR])(?=\d{{1,2}}\s*{MONTH})"  # "C19/111-E11 June 2019"
    r"|(?<=[a-z]{2})(?=[A-Z]{2,})"  # "…Child Online ProtectionOUTCOME OF THE …", "the worldCWG-Internet"
    r"|(?<=[a-z]{2})(?=[A-Z][a-z])"  # "Topic of DiscussionThe 24th Session …"
    r"|(?<=[a-z)\].])(?=[IVX]{1,4}\.?\s[A-Z][a-z])"  # "… ConferenceI Introduction", "….II Proposal"
    r"|(?<=[)\]])(?=[A-Z])"  # "(March - July 2026)Topic", "KENYA[1]Proposals"
    r"|(?<=[^\s\d])(?=\d{1,2}(?:st|nd|rd|th)\s+meeting)"  # "English only13th meeting – Geneva"
    r"|(?<=Summary)(?=[A-Z][a-z])|(?<=Action required)(?=[A-Z])|(?<=References)(?=[A-Z])|(?<=discussed)(?=Documents)"
    r"|(?<=_{4})(?=[A-Z])"
)


# The same fields in a collapsed cover ("…2019 Document C19/111-E 11 June 2019 Original: English …"):
# each field after a space, a date after a symbol's language suffix, a place after a year.
_SPACED_COVER_CUT = re.compile(
    rf"(?<=\S\s)(?={_COVER_FIELD})"
    rf"|(?<=-[EFSACR]\s)(?=\d{{1,2}}\s*{MONTH})"
    r"|(?<=(?:19|20)\d\d\s)(?=[A-Z][a-z]+,)"
    r"|(?<=[a-z)\]]\s)(?=[A-Z]{2,}\s[A-Z]{2,})"  # "…(WG-COP) SUMMARY OF THE 13th MEETING"
    r"|(?<=only\s)(?=\S)|(?<=\S\s)(?=\d{1,2}(?:st|nd|rd|th)\s+meeting)"  # "English only 13th meeting – Geneva"
    r"|(?<=\S\s)(?=\d{1,2}\s/\s)"  # a flattened table's row: "… Documents 1 / Regional presence / C21/41"
    r"|(?<=\]\s)(?=[A-Z])"  # a footnote marker ends a line: "KENYA[1] Proposals for …"
)


# What only a lost line break leaves behind: a cover field or a year glued to the word before it.
_GLUED_FIELD = re.compile(
    r"(?<=[a-z\d)\]])(?:Document\s|Original\s*:|English\s+only|Date\s*:|SUMMARY\s+RECORD)|(?:19|20)\d\d(?:Document|Original|Geneva)"
)


def is_runon(lines: list[str]) -> bool:
    """True when the text has lost its line breaks: long lines on average, one of them long."""
    filled = [ln for ln in lines if ln.strip()]
    if not filled:
        return False
    longest = max(len(ln) for ln in filled)
    mean = sum(len(ln) for ln in filled) / len(filled)
    return longest >= RUNON_MIN_CHARS and mean >= RUNON_MEAN_CHARS


_GLUED_NUMBER = re.compile(r"[a-z.:;?)](?:\d{1,2}\.){1,2}\d{0,2} ?[A-Z][a-z]|[a-z.:;?)]\d{1,2}[A-Z][a-z]")


def looks_glued(line: str) -> bool:
    """A line that is several paragraphs glued together: a cover field glued to the word before
    it, or section numbers glued to the words around them ("…Council1.1The …delegates.2Chair")."""
    if _GLUED_FIELD.search(line):
        return True
    return any(n >= 1 for n, _ in enumerate(_GLUED_NUMBER.finditer(line)))  # a second one


@functools.lru_cache(maxsize=4096)
def _expected(current: tuple[int, ...]) -> frozenset[tuple[int, ...]]:
    """The numbers that may come after ``current``: its first child, the next sibling of it or of
    any ancestor, and "N.1" for a next section whose heading lost its number."""
    nxt = {(*current, 1)} if len(current) < 3 else set()
    for k in range(1, len(current) + 1):
        nxt.add((*current[: k - 1], current[k - 1] + 1))
    top = current[0] if current else 0
    nxt.update({(top + 1,), (top + 1, 1)})
    return frozenset(nxt)


def _candidates(line: str) -> list[tuple[int, tuple[int, ...]]]:
    """(offset, number) of every place a section number may begin (see module doc)."""
    out: list[tuple[int, tuple[int, ...]]] = []
    for m in _CANDIDATE.finditer(line):
        start = m.start()
        before = line[start - 1] if start else ""
        if before == "/":
            continue  # "…Document CWG-FHR-14/3. Several": the end of a symbol, not a number
        if m["space"] and before.isspace() and "." not in m["num"] and "/" not in m["space"]:
            continue  # "in 2019 Member States": a number in a sentence
        inside = _INSIDE_NUMBER.search(line, max(0, start - 5), start)
        if inside and not _WORD_NUMBER_END.search(line, max(0, start - 8), start):
            continue  # the "1.1" inside "4.1.1" (not the "1.2" after "Resolution 1216.")
        if before.isdigit():
            run = re.search(r"\d+$", line[max(0, start - 8) : start])
            whole = (run.group(0) if run else "") + m["num"].split(".")[0]
            if _LEADER_PAGE.search(line, max(0, start - 12), start):
                pass  # "Opening of the meeting ...... 12. Adoption …": page 1, then entry 2
            elif _YEAR.fullmatch(whole) or m["dot"]:
                continue  # "Council 2021Geneva": a year; "Resolution 1305.Some": a sentence's end
        if _DATE_AFTER.match(line, m.end("space")) or (before.isdigit() and _FIELD_AFTER.match(line, m.end("space"))):
            continue  # "… 1 October 2016": a date; "WG-LANG/31Date: …": a symbol before a field
        out.append((start, tuple(int(p) for p in re.sub(r"\s", "", m["num"]).split("."))))
    return out


# A contents line's leader dots and page number, just before a glued number.
_LEADER_PAGE = re.compile(r"(?:\.{3}|…)\s*\d{1,3}$")
# "…could not agree on Theme 2.1.4 The Council …": a number ending a sentence ("Theme 2."), then
# the next paragraph's "1.4". Both readings are candidates; the number sequence chooses.
_WORD_NUMBER_END = re.compile(r"[A-Za-z]\s\d{1,2}\.$")
_NUMBER_AT = re.compile(r"\d{1,2}(?:\.\s?\d{1,2}){0,2}|[IVX]{1,4}|")  # a candidate's own number, used with .match
_INSIDE_NUMBER = re.compile(r"(?<![\d/])\d{1,2}\.\s?$")
_WINDOW = 120  # how many earlier candidates a number may follow
_MAX_CANDIDATES = 20_000  # beyond this a line is not a document's text (keeps the search linear)


# In collapsed text a number follows a space and is followed by one: "… session. 1.1 The …".
_SPACED_CANDIDATE = re.compile(
    r"(?<=\s)(?=(?:(?P<num>\d{1,2}(?:\.\s?\d{1,2}){0,2})|(?P<roman>[IVX]{1,4}(?=\.?\s[A-Z][a-z])))(?P<dot>\.?)\s[A-Z\u00c0-\u00de“\"])"
)
# What may stand before a number that starts a paragraph in collapsed text: a sentence's end.
_STOP_BEFORE = re.compile(r"[.:;?!)”\"’]\s+$")
_FIRST_STOP = re.compile(r"[.?!](?=\s|$)")
# A heading has no sentence stop inside it; a contribution's title may be long.
_SPACED_TITLE_MAX = 300
_SENTENCE_STOP = re.compile(r"[.!?;](?:\s|$)")


def _spaced_candidates(line: str) -> list[tuple[int, tuple[int, ...]]]:
    """(offset, number) of every number standing between spaces before a capital, not a date."""
    out: list[tuple[int, tuple[int, ...]]] = []
    for m in _SPACED_CANDIDATE.finditer(line):
        if _DATE_AFTER.match(line, m.end("dot")):
            continue
        stop = _FIRST_STOP.search(line, m.end("dot"))
        if stop and stop.group(0) == "?" and not re.search(r"[:;]", line[m.end("dot") : stop.start()]):
            continue  # a numbered question is a list item, never the outline
        if m["roman"]:
            if m["roman"].lower() in _ROMAN:  # a part number: "I Introduction … II Proposal"
                out.append((m.start(), (_ROMAN[m["roman"].lower()],)))
            continue
        out.append((m.start(), tuple(int(p) for p in re.sub(r"\s", "", m["num"]).split("."))))
    return out


def _after_break(line: str, prev_end: int, start: int) -> bool:
    """In collapsed text a number starts a paragraph only after a sentence's end or after a
    heading: the text since the previous number, or since the last sentence's end, has no stop
    and is at most a long title's length."""
    if _STOP_BEFORE.search(line, max(0, start - 4), start):
        return True
    seg = line[prev_end:start].lstrip(". ").strip()
    if len(seg) <= _SPACED_TITLE_MAX and not _SENTENCE_STOP.search(seg):
        return True
    # an unnumbered heading after the paragraph: "… cycle. Agenda item 2: Adoption of the agenda 2.1 The …"
    return _heading_tail(seg) is not None


def _heading_tail(text: str) -> int | None:
    """Offset of a heading at the end of ``text``: after its last sentence stop, capitalised,
    short and without a stop of its own; None when there is none."""
    label = _LABEL_AT_START.match(text)
    stops = list(_SENTENCE_STOP.finditer(text, label.end() if label and text[:1].isdigit() else 0))
    if not stops:
        return None
    at = stops[-1].end()
    while at < len(text) and text[at].isspace():
        at += 1
    tail = text[at:].strip()
    label = _SPACED_LABEL.match(tail)
    words = tail[label.end() if label else 0 :]  # "(b) Topic on …": a lettered heading
    return at if words[:1].isupper() and len(tail) <= _SPACED_TITLE_MAX else None


def _number_cuts(line: str, *, collapsed: bool = False) -> list[int]:
    """Offsets where a numbered paragraph or heading begins: the longest chain of candidates in
    which each number is one that may follow the one before (:func:`_expected`). A list item
    that happens to fit ("5." in a list of topics after section 4.5) leads the chain away from
    the document's own numbers, so a longer chain exists without it. A restart at 1 after a
    top-level number (the body after a numbered list of subjects) is allowed."""
    cands = (_spaced_candidates(line) if collapsed else _candidates(line))[:_MAX_CANDIDATES]
    ends = [start + len(_NUMBER_AT.match(line, start).group(0)) for start, _ in cands]
    score: list[int] = []
    parent: list[int] = []
    for i, (start, number) in enumerate(cands):
        best, best_at = (1, -1) if number in _expected(()) else (0, -1)
        for j in range(i - 1, max(-1, i - _WINDOW - 1), -1):
            if ends[j] > start:
                continue  # "11Report" is 11, not 1 after 1
            prev = cands[j][1]
            gain = 1 if number in _expected(prev) else 0 if number == (1,) and len(prev) == 1 and prev[0] >= 2 else -1
            if gain >= 0 and collapsed and not _after_break(line, ends[j], start):
                continue
            if gain >= 0 and score[j] + gain > best:  # a restart gains nothing: taken only when it leads on
                best, best_at = score[j] + gain, j
        score.append(best)
        parent.append(best_at)
    if not score or max(score) == 0:
        return []
    i = max(range(len(score)), key=lambda k: (score[k], -k))
    cuts: list[int] = []
    while i >= 0 and score[i] > 0:
        cuts.append(cands[i][0])
        i = parent[i]
    return sorted(cuts)


def split_runon(line: str) -> list[str]:
    """Cut one run-on line into the paragraphs it held: at the numbers (the cover before the
    first one at its fields), then at what else a lost line break leaves behind — a sentence's
    end glued to the next capital, list labels and bullets glued to the item before — and
    last between a heading and the paragraph glued to it."""
    cuts = _number_cuts(line)
    body = cuts[0] if cuts else len(line)
    labels = set(cuts)
    extra = {m.start() for m in _PARAGRAPH_GLUE.finditer(line, body)}
    extra.update(_list_cuts(line, body))
    extra.update(m.start() for m in _BULLET.finditer(line, body))
    dashes = [m.start() for m in _DASH_BULLET.finditer(line, body)]
    if len(dashes) >= 2:
        extra.update(dashes)
    # never inside a section number's own label ("4.1.1 Summary")
    starts = sorted(labels)
    label_ends = {c: c + len(m.group(0)) for c in starts if (m := _LABEL_AT_START.match(line, c))}
    extra = {x for x in extra if not any(c < x <= e for c, e in label_ends.items())}
    bounds = sorted({0, *cuts, *extra, len(line)})
    pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return []
    if not cuts or cuts[0] > 0:
        pieces = [*_split_cover(pieces[0]), *pieces[1:]]
    out: list[str] = []
    for piece in pieces:
        out.extend(_heading_cut(piece))
    return out


# Two paragraphs glued where a line break was lost: a sentence's end with no space before the
# next capital ("…was approved.The report was noted.", "…(CWG-Internet-12/2).The", "…as
# follows:The Group", "…“digital divide”.The", "What …?How …"). Prose always puts a space
# there; "U.S.A" and "e.g.The" are not cut (a dot two places before the stop).
_PARAGRAPH_GLUE = re.compile(
    r"(?<=[A-Za-z\d)\]”’\"/]{2}[.!])(?=[“\"‘]?[A-Z])"  # "…approved.The", "…of the ITU.Some", "….“International"
    # "…play?How", "…countries?what are"; not the "?" that stands for a lost non-breaking space
    # or hyphen ("CWG?Internet?19/3", "18?19")
    r"|(?<=[a-z)”’\"]\?)(?=[“\"‘]?[A-Za-z])"
    r"|(?<=[a-z\d)\]]{2}[:,])(?=[“\"‘]?[A-Z][a-z ])"  # "…as follows:The", "…Forums,Some", "…2019:“Contributing"
    r"|(?<=[.!?][”’])(?=[A-Z])"  # "…divide”.The" → after the quote
    r"|(?<=[A-Z]{3})(?=[A-Z][a-z]{2})"  # "…GENDER DIVIDERecognizing"
    r"|(?<=\s\d[.!])(?=[“\"‘]?[A-Z][a-z])"  # "…held on Theme 3.The Secretary-General"
    r"|(?<=[a-z]{3})(?=[A-Z][a-z]{3,}[A-Z][a-z])"  # "…on preventionDiscussionVarious …": a word glued on both sides
    r"|(?<=[A-Z]{2}s)(?=[A-Z][a-z]{2})"  # "…emerging ICTsHarnessing AI …": an acronym's plural
    r"|(?<=[a-z]{3})(?=An?\s[a-z])"  # "…land locked countriesA suggestion was made …"
)
# A list label where a line break was lost: after a sentence's end or a colon ("…questions:(a)
# What …?(b) Which …?", "…crises?2. How …", "…integration:1 to ensure …;2 to support …") or
# glued to the word before it ("…satellite broadband1. What …", "Discussiona. Concerning the
# topic …"). Letters, numbers and roman numerals are read as runs that count up; see
# :func:`_list_cuts`.
_LABEL_AND_NEXT = (
    r"(?P<label>\((?P<p1>[a-z]|\d{1,2}|[ivx]{1,4})\)|(?P<p2>[a-z]|\d{1,2}|[ivx]{1,4})[.)](?!\d)|(?P<p3>\d{1,2})(?=\s[a-z]))"
    r"\s?(?=(?P<next>[A-Za-z“\"]))"
)
_LIST_LABEL = re.compile(r"(?<=(?P<before>[a-z?.:;!)\]]))" + _LABEL_AND_NEXT)
# "…;- the assistance …", "…countries- what are …": a dash bullet glued to the item before it,
# taken when there are two; never a prefix's hyphen ("pre- and post-session", "short- to
# medium-term").
_DASH_BULLET = re.compile(r"(?<=[^\s-])(?=-\s(?!(?:and|or|to)\b)[a-z])")
_IN_SECTION_NUMBER = re.compile(r"\d\.\s?$")
_BULLET = re.compile(r"(?<=\S)(?=[·∙•▪◦]\s)")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _readings(inner: str) -> list[tuple[str, int]]:
    """How a label's inside counts: ("1", 3) for "3"; ("a", 9) and ("i", 1) for "i"."""
    if inner.isdigit():
        return [("1", int(inner))]
    out = [("a", ord(inner) - 96)] if len(inner) == 1 else []
    if inner in _ROMAN:
        out.append(("i", _ROMAN[inner]))
    return out


def _list_cuts(piece: str, start: int, labels: re.Pattern[str] = _LIST_LABEL) -> list[int]:
    """Offsets of the list labels glued in ``piece`` (after ``start``).

    Labels are read as runs of one style ("a)", "(a)", "1.", "1 ", "i.") that count up from the
    first; lists may nest ("1) title a) …? b) …? 2) title a) …?"), so each style keeps its own
    run. A run is kept when it has two items or its one item is a short question, so "…the
    agenda) The" is no list; a one-item run glued to a word must be "a)" or a number ("…data
    centres1. What …?"), as a word's last letter before a sentence's stop ("…the agenda. Who
    …?") is no label; a label followed by a
    lower-case word must belong to a run of two, after a sentence's end or a colon."""
    runs: list[list[tuple[int, tuple[str, bool, str], bool, int, bool]]] = []
    last: dict[tuple[str, bool, str], list] = {}
    for m in labels.finditer(piece, start):
        inner = m["p1"] or m["p2"] or m["p3"]
        if inner.isdigit() and _IN_SECTION_NUMBER.search(piece, max(0, m.start() - 3), m.start()):
            continue  # the "1." of "4.1." is part of a section number, not a list label
        strong = m["before"] in "?.:;!"
        if m["next"].islower() and m["before"] not in ":;.?":
            continue
        shape = (m["label"][0] == "(", m["label"][-1] if not m["p3"] else " ")
        for kind, value in _readings(inner):
            style = (kind, *shape)
            run = last.get(style)
            if run is not None and run[-1][3] + 1 == value:
                run.append((m.start(), style, strong, value, m["next"].islower()))
                break
        else:
            for kind, value in _readings(inner):
                if value == 1:
                    style = (kind, *shape)
                    last[style] = [(m.start(), style, strong, value, m["next"].islower())]
                    runs.append(last[style])
                    break
    cuts: list[int] = []
    for run in runs:
        if len(run) == 1:
            at, style, strong, _, lower = run[0]
            if lower or not (strong or style[2] == ")" or style[0] == "1"):
                continue  # "…the agenda. Who …": a word's last letter and a sentence's stop, no label
            end = piece.find("?", at, at + _QUESTION_MAX)
            if end < 0 or re.search(r"[.!:;]", piece[at + 3 : end]):
                continue  # one item that is not a question
        cuts.extend(item[0] for item in run)
    return cuts


_QUESTION_MAX = 300  # a one-item list is kept when its item is a question this short


# An unnumbered heading glued to its first sentence: "SummaryRussian Federation presented …",
# "DiscussionSome Member States …" — at most three words, the last of three lower-case letters
# or more running into a capitalised word, with no punctuation before it.
_UNNUMBERED_HEADING_GLUE = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")
_UNNUMBERED_HEADING_MAX = 40
_UNNUMBERED_HEADING_WORDS = 3


_LABEL_AT_START = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\)|[a-z]\.)\s*")  # used with .match


def _heading_cut(piece: str) -> list[str]:
    """A heading and the paragraph glued to it: numbered or lettered ("4.1.1 SummaryRussian
    Federation …", "d. Concerning the topic on …ProtectionSome Member States …") or a short
    bare one ("SummaryThe Islamic Republic …"), also right after a numbered heading ("3.1
    Contribution from Iran (Document CWG-Internet-20/5)SummaryThe Islamic Republic …")."""
    label = _LABEL_AT_START.match(piece)
    if label:
        at = label.end()
        m = _HEADING_GLUE.search(piece, at + 1, _HEADING_MAX + 1)
        # a "?" inside a word is a lost non-breaking space or hyphen ("CWG?Internet"), no stop
        if m and not re.search(r"[.;!]|\?(?!\S)", piece[at : m.start()]):
            return [piece[: m.start()], *_heading_cut(piece[m.start() :])]
        return [piece]
    m = _UNNUMBERED_HEADING_GLUE.search(piece, 1, _UNNUMBERED_HEADING_MAX + 1)
    head = piece[: m.start()] if m else ""
    if m and len(head.split()) <= _UNNUMBERED_HEADING_WORDS and not re.search(r"[.;:!?,]", head):
        return [head, piece[m.start() :]]
    return [piece]


def _split_cover(text: str) -> list[str]:
    bounds = [0, *(m.start() for m in _COVER_CUT.finditer(text)), len(text)]
    out = [text[a:b].strip().rstrip("_").strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p for p in out if p]




# ---- collapsed text: line breaks turned into single spaces ---------------------------------------
#
# A converter that collapses whitespace leaves no glue to cut at: "…the agenda. 2 Adoption of the
# agenda The agenda was adopted. 3 Report …". The same number sequence decides, read from numbers
# standing between spaces, and a number starts a paragraph only after a sentence's end or a
# heading (:func:`_after_break`), so "paragraph 3.2 of", "Resolution 102 (" or "2 topics" never do.

# Collapsed text: a number after a sentence's end and before a capital, as a paragraph starts.
_COLLAPSED_NUMBER = re.compile(r"[.:;?!)]\s(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,4})\.?\s[A-Z]")
# A numbered heading followed by its first sentence: "1.1.2 Discussion The proposal received …".
# The heading has no stop; the sentence starts with a word that opens
# sentences in these records and never ends a heading.
_STARTER = r"(?:The|This|These|There|It|In|At|On|Following|After|Several|Some|Many|Numerous|Various)\s[A-Za-z]"
_SPACED_HEADING_END = re.compile(rf"(?<=[a-z)\d])\s(?={_STARTER})")
# A lettered item's line ends after a stop, colon or comma, or a word of four letters or more
# (not "… the topic on The development of …").
_LETTERED_ITEM_END = re.compile(rf"(?:(?<=[a-z]{{4}})|(?<=[a-z)\d][.:,]))\s(?={_STARTER})")
# A one-word unnumbered heading between a paragraph and the next one ("…(Document 20/5) Summary
# The Islamic Republic …", "…premature. Discussion Various Member States …"); taken when the
# document uses the same word so at least twice, once before a sentence's usual first word.
_BARE_HEADING = re.compile(r"(?<=[.?!)]\s)(?P<word>[A-Z][a-z]{3,})\s(?=[A-Z])")
_STARTER_AT = re.compile(_STARTER)
# A known one-word heading, also after a heading's last word ("… intelligence Summary Saudi …").
_KNOWN_HEADING = re.compile(r"(?<=\S\s)(?P<word>[A-Z][a-z]{3,})\s(?=[A-Z])")
_SPACED_HEADING_WORDS = 30
_SPACED_LABEL = re.compile(r"(?:\d{1,2}(?:\.\s?\d{1,2})*\.?|[IVX]{1,4}\.?(?=\s)|\(?[a-z]\)|[a-z]\.)\s*")  # used with .match
_SPACED_BULLET = re.compile(r"(?<=\S\s)(?=[·∙•▪◦]\s)")  # "… their own experience. · How can …"
# A list label after a space: "…questions: (a) What …? (b) Which …?", "Discussion a. Concerning …".
_SPACED_LIST_LABEL = re.compile(r"(?<=(?P<before>[a-z?.:;!)\]])\s)" + _LABEL_AND_NEXT)


def looks_collapsed(line: str) -> bool:
    """A line that is several numbered paragraphs whose line breaks became spaces: numbers
    after a sentence's end and a space, more of them than numbers or fields glued to a word
    (the "1.1 Su" inside "… 4.1.1 Summary" is no glue)."""
    spaced = len(_COLLAPSED_NUMBER.findall(line))
    glued = len(_GLUED_FIELD.findall(line))
    glued += sum(1 for m in _GLUED_NUMBER.finditer(line) if not line[m.start() - 1 : m.start()].isdigit())
    return spaced > glued and len(_number_cuts(line, collapsed=True)) >= 2


def _spaced_heading_cut(piece: str) -> list[str]:
    """A numbered heading and the sentence after it; a lettered item ("a. Concerning the topic
    on …, several Member States supported the topic. Various Member States …") ends at its first
    sentence, colon or comma before a sentence's usual first word, as its own line did."""
    label = _SPACED_LABEL.match(piece)
    if not label or not label.group(0).strip():
        return [piece]
    lettered = not label.group(0)[:1].isdigit()  # roman part numbers too: "I Introduction The …"
    if lettered:  # in the item's first sentence; a title's "… on The …" goes on
        first = _SENTENCE_STOP.search(piece, label.end())
        limit = first.end() if first else len(piece)
        m = next((e for e in _LETTERED_ITEM_END.finditer(piece, label.end()) if e.start() < limit), None)
    else:
        m = _SPACED_HEADING_END.search(piece, label.end())
    if not m:
        return [piece]
    head = piece[label.end() : m.start()]
    if lettered:
        head = head[:-1]
    if not head or len(head.split()) > _SPACED_HEADING_WORDS or _SENTENCE_STOP.search(head) or not head[0].isupper():
        return [piece]
    return [piece[: m.start()], piece[m.end() :]]


# Where the title of a list may begin: after a colon or a question ("…of the group: Theme 1 –
# Cybersecurity …", "…be handled? Theme 2 – …").
_TITLE_START = re.compile(r"(?<=[.:?]\s)(?=[A-Z])")


def _list_title_cut(piece: str, following: list[str]) -> list[str]:
    """The title of a list, glued by the collapse to the sentence or the question before it,
    is a paragraph of its own: the shortest stopless tail of ``piece`` before a list item."""
    if not following or not _LIST_START.match(following[0]):
        return [piece]
    for m in _TITLE_START.finditer(piece):
        tail = piece[m.start() :]
        if len(tail) <= _HEADING_MAX and not _FIRST_STOP.search(tail):
            return [piece[: m.start()].strip(), tail]
    return [piece]


_LIST_START = re.compile(r"(?:\(?[a-z]\)|[a-z]\.|\d{1,2}[.)]|[·∙•▪◦])\s")


def split_collapsed(line: str) -> list[str]:
    """Cut one collapsed line into its paragraphs: at the numbers of the document's sequence,
    the cover before the first one at its fields, and a numbered heading from its first
    sentence. Unnumbered paragraphs after a numbered one stay joined to it."""
    cuts = _number_cuts(line, collapsed=True)
    if len(cuts) < 2:
        return [line]
    # list labels and bullets, read as runs over the whole body ("…one by one: (a) Topic on … 4.3
    # … 4.4 … (b) Topic on …"), never inside a section number's own label
    extra = set(_list_cuts(line, cuts[0], _SPACED_LIST_LABEL))
    extra.update(m.start() for m in _SPACED_BULLET.finditer(line, cuts[0]))
    label_ends = {c: c + len(m.group(0)) for c in cuts if (m := _SPACED_LABEL.match(line, c))}
    extra = {x for x in extra if not any(c < x <= e for c, e in label_ends.items())}
    bounds = sorted({0, *cuts, *extra, len(line)})
    pieces = [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    pieces = [p for p in pieces if p]
    if cuts[0] > 0:
        cover = pieces.pop(0)
        at = [0, *(m.start() for m in _SPACED_COVER_CUT.finditer(cover)), len(cover)]
        pieces[:0] = [p for a, b in zip(at, at[1:], strict=False) if (p := cover[a:b].strip())]
    # an unnumbered heading glued after the paragraph before a number: "… cycle. Agenda item 2: …"
    pieces = [part for at, piece in enumerate(pieces) for part in _list_title_cut(piece, pieces[at + 1 : at + 2])]
    tailed: list[str] = []
    for piece, after in zip(pieces, [*pieces[1:], ""], strict=True):
        at = _heading_tail(piece) if _LABEL_AT_START.match(after) and after[:1].isdigit() else None
        tailed.extend([piece[:at].strip(), piece[at:].strip()] if at else [piece])
    return _heading_cuts(tailed, _bare_headings(line))


def _heading_cuts(pieces: list[str], bare: set[str]) -> list[str]:
    """Headings cut from the paragraphs glued to them: the document's one-word headings
    (:func:`_bare_headings`) wherever they stand, a numbered heading before a sentence's usual
    first word, then a numbered piece that opens with a heading found so elsewhere ("4.1.1
    Summary Russian …" beside "4.2.1 Summary The …") or with as many words as its sibling's
    heading ("4.1.1 Summary Kenya …" beside "4.1.2 Discussion The …")."""
    split: list[list[str]] = []
    for piece in pieces:
        parts = _bare_heading_cut(piece, bare)
        split.append([*_spaced_heading_cut(parts[0]), *parts[1:]])
    known: set[str] = set()
    words: dict[str, int] = {}
    for parts in split:
        if len(parts) >= 2 and parts[0][:1].isdigit() and (label := _LABEL_AT_START.match(parts[0])):
            known.add(parts[0][label.end() :])
            if (parent := _parent(parts[0])) is not None:
                words[parent] = len(parts[0][label.end() :].split())
    out: list[str] = []
    for parts in split:
        label = _LABEL_AT_START.match(parts[0]) if len(parts) == 1 and parts[0][:1].isdigit() else None
        if label:
            rest = parts[0][label.end() :]
            head = next((h for h in known if rest.startswith(h + " ") and rest[len(h) + 1 : len(h) + 2].isupper()), None)
            n = words.get(_parent(parts[0]) or "", 0)
            first = rest.split(" ", n) if n else []
            if head is None and len(first) > n > 0 and first[n][:1].isupper() and rest[:1].isupper():
                head = None if _SENTENCE_STOP.search(" ".join(first[:n]) + " ") else " ".join(first[:n])
            if head:
                at = label.end() + len(head)
                parts = [parts[0][:at], parts[0][at + 1 :]]
        out.extend(parts)
    return out


def _bare_headings(line: str) -> set[str]:
    """The one-word headings of a collapsed document (see ``_BARE_HEADING``)."""
    seen: dict[str, int] = {}
    starts: set[str] = set()
    for m in _KNOWN_HEADING.finditer(line):
        if not _STARTER_AT.match(line, m.start("word")):
            seen[m["word"]] = seen.get(m["word"], 0) + 1
    for m in _BARE_HEADING.finditer(line):
        if _STARTER_AT.match(line, m.end()) and not _STARTER_AT.match(line, m.start()):
            starts.add(m["word"])
    return {w for w, n in seen.items() if n >= 2 and w in starts}


def _bare_heading_cut(piece: str, bare: set[str]) -> list[str]:
    """``piece`` cut around each of the document's one-word headings in it."""
    label = _LABEL_AT_START.match(piece) if piece[:1].isdigit() else None
    bounds = {0, len(piece)}
    for m in _KNOWN_HEADING.finditer(piece):
        if m["word"] in bare:
            bounds.add(m.end("word"))
            if not (label and m.start("word") == label.end()):
                bounds.add(m.start("word"))  # a numbered heading keeps its number: "1.1.2 Discussion"
    at = sorted(bounds)
    return [p for a, b in zip(at, at[1:], strict=False) if (p := piece[a:b].strip())]


def _parent(piece: str) -> str | None:
    """"4.1" for a piece numbered "4.1.2 …"; None for a top-level or unnumbered one."""
    m = re.match(r"(\d{1,2}(?:\.\s?\d{1,2})+)\.?\s", piece)
    return re.sub(r"\s", "", m.group(1)).rsplit(".", 1)[0] if m else None


__all__ = ["is_runon", "looks_collapsed", "looks_glued", "split_collapsed", "split_runon"]

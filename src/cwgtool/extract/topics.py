"""Topics proposed for an open consultation, with their questions and what the meeting made of them.

A topic is read only from a contribution's Summary (what the proponent proposed), never from
the discussion (what others said about it), in one of two shapes:

* structural — a titled item followed by a list of questions: a numbered item ("1. The use of
  community networks …", "1) Meaningful connectivity …") or a short unlabelled line with no
  closing full stop, then a run of list items most of which are questions (end in "?" or open
  with an interrogative). The question test is what keeps recommendation lists ("1 to ensure …")
  and work plans ("∙ to invite state …") out;
* announced — a sentence that proposes a topic/theme for a consultation and names it: the quoted
  paragraph after "proposes the following topic for the next open consultation", a quoted title
  in a sentence "… on “X” as a theme for the next … consultation", "proposed that the next open
  consultation address X", or "consider the matter as a topic for a future open consultation"
  (title: the contribution's title). Its questions are the first list after the title, whatever
  their form ("· challenges of …"), because the sentence already said they belong to the topic.

Not topics: a sentence that mentions "the topic" without naming one ("proposes that Council
decide on the topic for the next open consultation"), recommendation lists, lists of
"elements" or topics for another list ("add the following topics to the list").

The 12th meeting gives nine: Russia 12/3 (1), Canada 12/5 (1), United Kingdom 12/6 (5),
Saudi Arabia 12/9 (2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from cwgtool.countries import find_countries
from cwgtool.extract.contributions import contribution_sections, discussion_child, summary_child
from cwgtool.extract.sentences import Splitter, split_sentences
from cwgtool.extract.topic_outcome import (
    TOPIC_LABEL,
    TOPIC_SEPARATOR,
    TOPIC_WORD,
    clauses_about,
    decide,
    names_topics,
    referenced_labels,
    referenced_places,
    split_label,
)
from cwgtool.model import (
    ContributionRef,
    Document,
    DocumentKind,
    Paragraph,
    Provenance,
    Section,
    Submitter,
    Topic,
)
from cwgtool.symbols import find_symbols

# ---- shared text helpers (also used by the actions extractor) ----------------------------------

_STOPWORD_TEXT = """a an the of to in on and or for with by at from as that this these those which who whom whose
    its it their they them there be been being is are was were will would could should shall may might
    can has have had do does did not no also all any such other than then so into onto about upon
    concerning regarding topic topics"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[a-z0-9][a-z0-9\-]*")


def _stem(word: str) -> str:
    """Drop "ing", "es" or "s" (first that applies) when at least four letters remain."""
    n = len(word)
    if n >= 7 and word.endswith("ing"):
        return word[:-3]
    if n >= 6 and word.endswith("es"):
        return word[:-2]
    if n >= 5 and word.endswith("s"):
        return word[:-1]
    return word


def content_words(text: str, extra_stop: Iterable[str] = ()) -> set[str]:
    """Lower-cased, lightly stemmed words minus function words; "send/update" gives two words."""
    stop = _STOPWORDS.union(extra_stop) if extra_stop else _STOPWORDS
    words = _WORD.findall(text.lower().replace("’", "'").replace("'s", ""))
    return {_stem(w) for w in words if w not in stop and len(w) > 1}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def overlap(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger: a short sub-item title vs a long topic title."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


# ---- questions and titles -----------------------------------------------------------------------

_QUOTES = "\"“”‘’'"
_INTERROGATIVE = re.compile(
    r"^(?:what|how|which|why|who|whom|whose|where|when|to what extent|in what|is|are|can|could|should|do|does|will|would|shall)\b",
    re.IGNORECASE,
)
_TOPIC_LABEL = re.compile(r"^\(?(?:\d{1,2}|[IVX]{1,4})[.)]?$")  # "1.", "1)", "(2)", "II."


def _unquote(text: str) -> str:
    return text.strip().strip(_QUOTES).strip()


def is_question(text: str) -> bool:
    t = _unquote(text)
    return t.endswith("?") or bool(_INTERROGATIVE.match(t))


def _is_title_line(p: Paragraph) -> bool:
    """A heading-like line: short, no sentence end (a topic name, not a statement)."""
    t = _unquote(p.text)
    return 0 < len(t.split()) <= 20 and not re.search(r"[.:;?!]$", t)


def _list_run(paras: Sequence[Paragraph], start: int) -> tuple[list[Paragraph], int]:
    """The list items from ``start`` on (stopping at the first unlabelled paragraph or a new topic number)."""
    run: list[Paragraph] = []
    i = start
    while i < len(paras) and paras[i].label and not _TOPIC_LABEL.match(paras[i].label):
        run.append(paras[i])
        i += 1
    return run, i


def _numbered_questions(paras: Sequence[Paragraph], start: int) -> tuple[list[Paragraph], int]:
    """Questions numbered "1.", "2." under a bare title line (a contribution's annex). ``_list_run``
    stops at such labels because elsewhere they number topics; here every item must be a question."""
    run: list[Paragraph] = []
    i = start
    while i < len(paras) and paras[i].label and is_question(paras[i].text):
        run.append(paras[i])
        i += 1
    return run, i


def _clean_question(text: str) -> str:
    return re.sub(r"\s+", " ", _unquote(text))


# "Topic 1: X", "Proposed topic – X": a labelled title's head (see topic_outcome), label or not.
_TITLE_PREFIX = re.compile(rf"^{TOPIC_WORD}(?:\s+(?:{TOPIC_LABEL}))?{TOPIC_SEPARATOR}", re.IGNORECASE)


def _clean_title(text: str) -> str:
    t = " ".join(text.split())
    t = re.sub(r"\s*\((?:according to|see|cf\.)[^)]*\)\.?$", "", t, flags=re.IGNORECASE)  # trailing reference
    t = _TITLE_PREFIX.sub("", t)  # "Topic 1: X", "Proposed topic – X"
    return _unquote(t).rstrip(".:;")



def label_of(title: str, para: Paragraph) -> str | None:
    """The label of a topic whose title was read from ``para`` ("Topic B: X" → "B"), else None."""
    label, _ = split_label(_unquote(para.text))
    return label if label is not None and _clean_title(para.text) == title else None


def _structural(paras: Sequence[Paragraph]) -> list[tuple[str, list[str], Paragraph]]:
    """Titled items followed by questions (see module doc)."""
    found: list[tuple[str, list[str], Paragraph]] = []
    i = 0
    while i < len(paras):
        p = paras[i]
        numbered = bool(p.label and _TOPIC_LABEL.match(p.label))
        bare = p.label is None and _is_title_line(p)
        if not (numbered or bare) or not _is_title_line(p):
            i += 1
            continue
        j = i + 1
        if numbered:  # a numbered topic may be described in prose before its questions
            while j < len(paras) and paras[j].label is None:
                j += 1
        run, end = _list_run(paras, j)
        if not run and bare:
            run, end = _numbered_questions(paras, j)
        if run and sum(is_question(q.text) for q in run) * 2 > len(run):
            found.append((_clean_title(p.text), [_clean_question(q.text) for q in run], p))
            i = end
        else:
            i += 1
    return found


_CONSULT = re.compile(r"\bconsultations?\b", re.IGNORECASE)
_FOLLOWING_TOPIC = re.compile(r"\b(?:propos\w*|suggest\w*)\s+the\s+following\s+(?:topic|theme|subject)\b", re.IGNORECASE)
# "decided … to hold an open consultation (online and physical) on the following topic": the
# title is the paragraph that follows.
_ON_FOLLOWING_TOPIC = re.compile(
    r"\b(?:hold|organi[sz]e|launch|convene|conduct)\b[^.]*?\bconsultations?\b[^.]*?\bon\s+the\s+following\s+(?:topic|theme|subject)s?\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[“\"]([^”\"]{8,300})[”\"]")
_AS_THEME = re.compile(r"\bas\s+(?:a|the)\s+(?:new\s+)?(?:topic|theme|subject)\b", re.IGNORECASE)
_ADDRESS = re.compile(
    r"\b(?:next|future|forthcoming)\s+(?:online\s+|physical\s+)?open\s+consultations?\s+(?:should\s+)?"
    r"(?:address|be\s+(?:on|devoted\s+to)|focus\s+on|cover|consider)\s+(?P<t>[^.;:]+?)(?=,\s*with\s+the\s+following\b|[.;:]|$)",
    re.IGNORECASE,
)
# The proposing verb, and a title read from running text: up to ", with the following …",
# ", and"/", which" or the end of the clause.
_PROPOSE = r"(?:propos\w*|suggest\w*|recommend\w*)"
_TITLE_TO_CLAUSE_END = r"(?P<t>[^.;:]+?)(?=,\s*with\s+the\s+following\b|,\s*(?:and|which)\b|[.;:]|$)"
# "proposed that the Group hold an open consultation on data governance, with the following …"
# "proposed that the Group hold an open consultation on X", "which proposes an open consultation on X"
_CONSULTATION_ON = re.compile(
    rf"\b{_PROPOSE}\b(?:.*?\b(?:hold|organi[sz]e|convene|have|launch))?\s+(?:an?\s+|the\s+next\s+)?"
    r"(?:online\s+|physical\s+)?open\s+consultations?\s+(?:on|about|regarding|concerning)\s+"
    rf"(?:the\s+(?:topic|theme|subject)\s+(?:of\s+)?)?{_TITLE_TO_CLAUSE_END}",
    re.IGNORECASE,
)
# "proposed that the theme of the next open consultation be X, with the following questions"
_THEME_BE = re.compile(
    rf"\b{_PROPOSE}\b.*?\b(?:topic|theme|subject)\s+(?:of|for)\s+(?:the|a|its|their)\s+"
    r"(?:next|future|forthcoming)\s+(?:online\s+|physical\s+)?(?:open\s+)?consultations?\s+(?:should\s+|would\s+|could\s+)?be\s+"
    + _TITLE_TO_CLAUSE_END,
    re.IGNORECASE,
)
# The title after the colon of "proposes the following topic for the next open consultation: X."
_AFTER_COLON = re.compile(r"^[^:]*:\s*(?P<t>[^.;:“\"]{3,200}?)\s*(?:[.;]|$)")
# Questions written inside the paragraph: "… the following questions: 1) What …? 2) How …?"
_INLINE_QUESTIONS = re.compile(r"\bfollowing\s+(?:\w+\s+)?questions?\s*:\s*(?P<rest>.+)$", re.IGNORECASE | re.DOTALL)
_INLINE_LABEL = re.compile(r"(?:^|\s)(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\((?:[ivx]{1,4})\)|[ivx]{1,4}[.)])\s+")
# Unquoted titles named by the proposing verb: "put forward X as the topic for the next open
# consultation", "proposed that X be the theme of the next consultation".
_NAMED_AS_TOPIC = re.compile(
    rf"\b(?:put\s+forward|{_PROPOSE})\s+(?!that\b)(?P<t>[^.;:]{{3,200}}?)\s+as\s+(?:a|the)\s+"
    r"(?:new\s+|possible\s+)?(?:topic|theme|subject)\s+(?:for|of)\s+(?:the|a|its|their)\s+(?:next|future|forthcoming)\b"
    rf"|\b{_PROPOSE}\s+that\s+(?P<u>[^.;:]{{3,200}}?)\s+(?:be|become|should\s+be)\s+(?:the|a)\s+"
    r"(?:topic|theme|subject)\s+(?:of|for)\s+(?:the|a|its|their)\s+(?:next|future|forthcoming)\b",
    re.IGNORECASE,
)
_MATTER_AS_TOPIC = re.compile(
    r"\b(?:consider|propos\w*|suggest\w*)\s+(?:the\s+matter|the\s+(?:issue|subject)|it|this(?:\s+\w+)?)\s+as\s+a\s+(?:topic|theme)\s+for\b",
    re.IGNORECASE,
)



def _announced(
    paras: Sequence[Paragraph], doc_title: str | None, split: Splitter = split_sentences
) -> list[tuple[str, list[str], Paragraph]]:
    """The first topic named by a proposing sentence (see module doc); ``doc_title`` as in
    :func:`_announcements`."""
    for title, questions, para, _, _ in _announcements(paras, doc_title, split):
        return [(title, questions, para)]
    return []


def _announcements(
    paras: Sequence[Paragraph], doc_title: str | None, split: Splitter = split_sentences
) -> Iterator[tuple[str, list[str], Paragraph, str, int]]:
    """Every topic named by a proposing sentence: (title, questions, title paragraph, proposing
    sentence, index of the first paragraph after its questions). ``doc_title`` names the topic
    of "consider the matter as a topic …"."""
    i = 0
    while i < len(paras):
        p = paras[i]
        i += 1
        if p.label:
            continue
        for sent in split(p.text):
            following = _FOLLOWING_TOPIC.search(sent)
            if not _CONSULT.search(sent) and not (following and _QUOTED.search(sent, following.end())):
                continue  # "proposes the following topic: “X”" needs no "consultation" beside it
            title: str | None = None
            title_at = i - 1
            if _ON_FOLLOWING_TOPIC.search(sent) and not _QUOTED.search(sent):
                if i < len(paras) and paras[i].label is None:
                    title, title_at = paras[i].text, i
            elif following:
                quoted = _QUOTED.search(sent[following.end() :])
                after = _AFTER_COLON.match(sent[following.end() :])
                if quoted:
                    title = quoted.group(1)
                elif after:
                    title = after["t"].strip()
                elif i < len(paras) and paras[i].label is None:
                    title, title_at = paras[i].text, i
            elif _AS_THEME.search(sent) and _QUOTED.search(sent):
                title = _QUOTED.search(sent).group(1)
            elif m := _ADDRESS.search(sent):
                title = m["t"].strip()
                title = title[:1].upper() + title[1:]  # drawn from running text: make it a title
            elif m := _NAMED_AS_TOPIC.search(sent):
                title = (m["t"] or m["u"]).strip()
                title = title[:1].upper() + title[1:]
            elif _MATTER_AS_TOPIC.search(sent) and doc_title:
                title = doc_title
            elif (m := _THEME_BE.search(sent)) or (m := _CONSULTATION_ON.search(sent)):
                title = m["t"].strip()
                title = title[:1].upper() + title[1:]
            if not title:
                continue
            k = title_at + 1
            while k < len(paras) and paras[k].label is None and k - title_at <= 2:
                k += 1  # one or two lines ("It is expected to discuss the following issues:") may intervene
            run, end = _list_run(paras, k) if k < len(paras) and paras[k].label else ([], k)
            if not run and k < len(paras) and paras[k].label:
                run, end = _numbered_questions(paras, k)  # "1. How will …?" under the title
            questions = [_clean_question(q.text) for q in run] or _inline_questions(paras[title_at].text)
            yield _clean_title(title), questions, paras[title_at], sent, end if run else title_at + 1
            i = max(i, end if run else title_at + 1)
            break


def _inline_questions(text: str) -> list[str]:
    """Questions listed inside the proposing paragraph ("… questions: 1) What …? 2) How …?"):
    the numbered pieces after the colon, kept only if most of them are questions."""
    m = _INLINE_QUESTIONS.search(text)
    if m is None:
        return []
    pieces = [p.strip() for p in _INLINE_LABEL.split(m["rest"]) if p.strip()]
    if len(pieces) < 2 and not (pieces and pieces[0].endswith("?")):
        return []
    if sum(is_question(p) for p in pieces) * 2 < len(pieces):
        return []
    return [_clean_question(p) for p in pieces]


# ---- discussion: revised questions and outcomes ---------------------------------------------------

_REVISED = re.compile(r"\brevised\s+(?:set\s+of\s+)?questions\b|\bfollowing\s+revised\b", re.IGNORECASE)
_CHAIR_CONCLUSION = re.compile(r"\b(?:the\s+)?chair(?:man|person)?\s+(?:noted|concluded|summari[sz]ed|stated)\b", re.IGNORECASE)
_CONCLUSIVE = re.compile(r"\b(?:agreed|decided|consensus|divergence|divergent|no\s+agreement)\b", re.IGNORECASE)
_SUPPORT = re.compile(r"\bsupport(?:ed|s)?\b", re.IGNORECASE)
_CONCERNING = re.compile(r"^\s*(?:concerning|regarding|on|with\s+regard\s+to)\s+(?:the\s+)?(?:topic|theme|subject)?\s*(?:on|of)?\s*", re.IGNORECASE)
_TOPIC_N_OF = re.compile(r"\btopic\s+(?P<n>\d{1,2})\s+of\b", re.IGNORECASE)
MATCH_THRESHOLD = 0.6  # share of the shorter title's content words a sub-item must share with a topic


_TOPIC_WORD = re.compile(r"\btopic\b", re.IGNORECASE)


def _score(sentence: str) -> float:
    """Chair's conclusion > agreement/consensus/divergence > support; naming "topic" breaks ties."""
    bonus = 0.5 if _TOPIC_WORD.search(sentence) else 0.0
    if _CHAIR_CONCLUSION.search(sentence):
        return 3 + bonus
    if _CONCLUSIVE.search(sentence):
        return 2 + bonus
    if _SUPPORT.search(sentence):
        return 1 + bonus
    return 0


def _outcome(texts: Iterable[str], split: Splitter = split_sentences) -> str | None:
    """The most conclusive sentence; on ties the later one (conclusions come last)."""
    best: tuple[float, str] | None = None
    for text in texts:
        for sent in split(text):
            s = _score(sent)
            if s and (best is None or s >= best[0]):
                best = (s, sent)
    return best[1] if best else None


def _section_texts(section: Section) -> list[str]:
    """What a section and the sections below it say: their paragraphs, and the titles of the
    numbered sub-sections ("4.1 …"), in document order."""
    out: list[str] = []
    for s in section.iter_sections():
        if s.number and "." in s.number and s.title:
            out.append(s.title)
        out.extend(p.text for p in s.paragraphs)
    return out


def match_topic(text: str, topics: Sequence[Topic]) -> int | None:
    words = content_words(_CONCERNING.sub("", text))
    scored = [(overlap(words, content_words(t.title)), i) for i, t in enumerate(topics)]
    best = max(scored, default=(0.0, -1))
    return best[1] if best[0] >= MATCH_THRESHOLD else None


def _attach_discussion(
    topics: list[Topic],
    discussion: Section | None,
    source_texts: dict[int, list[str]],
    split: Splitter = split_sentences,
) -> None:
    """Fill ``source_texts[i]`` with the discussion text about topic i (lettered item, ordinal, or whole)."""
    if discussion is None or not topics:
        return
    lettered = [c for c in discussion.children if c.number and re.search(r"\.[a-z]$", c.number)]
    for child in lettered:
        i = match_topic(child.title, topics)
        if i is not None:
            source_texts.setdefault(i, []).extend([child.title] + [p.text for p in child.paragraphs])
    loose = [p.text for p in discussion.paragraphs]
    if len(topics) == 1:
        source_texts.setdefault(0, []).extend(loose)
        return
    for text in loose:
        for sent in split(text):
            idxs = referenced_places(sent)
            if not find_symbols(sent):  # "Topic 1 of the UK proposal (CWG-Internet-12/6)" is another's
                idxs += _label_indexes(sent, topics)
            for idx in idxs:
                if 0 <= idx < len(topics) and sent not in source_texts.get(idx, []):
                    source_texts.setdefault(idx, []).append(sent)


def _label_indexes(sentence: str, topics: Sequence[Topic]) -> list[int]:
    """The topics a sentence names by label: "Topics A and C" by the labels the proposal gave
    them; "topic 2" by its place when the proposal labelled none."""
    labels = referenced_labels(sentence)
    if not labels:
        return []
    by_label = {t.label: i for i, t in enumerate(topics) if t.label}
    if by_label:
        return [by_label[lab] for lab in labels if lab in by_label]
    return [int(lab) - 1 for lab in labels if lab.isdigit()]


def _evidence(f: _Found, split: Splitter) -> list[tuple[str, str]]:
    """(clause, sentence) pairs that may state the topic's status: a sentence that names topics
    by label or ordinal speaks for this one only in the clauses that name it."""
    names = {f.topic.label} if f.topic.label else {str(f.place + 1)}
    out: list[tuple[str, str]] = []
    for text in f.texts:
        for sent in split(text):
            if names_topics(sent):
                out.extend((clause, sent) for clause in clauses_about(sent, names, f.place))
            else:
                out.append((sent, sent))
    return out


def _revised(discussion: Section | None) -> tuple[str | None, list[str], Provenance | None]:
    """A revised set of questions presented in the discussion: optional title line, then the list."""
    if discussion is None:
        return None, [], None
    paras = discussion.paragraphs
    for i, p in enumerate(paras):
        if p.label or not _REVISED.search(p.text):
            continue
        j, title = i + 1, None
        if j < len(paras) and paras[j].label is None and _is_title_line(paras[j]):
            title, j = _clean_title(paras[j].text), j + 1
        run, _ = _list_run(paras, j)
        if run:
            return title, [_clean_question(q.text) for q in run], run[0].provenance
    return None, [], None


def proposed_topics(paras: Sequence[Paragraph], title: str | None = None) -> list[tuple[str, list[str], Paragraph]]:
    """(title, questions, title paragraph) of the topics proposed in ``paras``.

    Public so a contribution document's body is read with exactly the rules used for a record's
    Summary; ``title`` is the document's title, for "consider the matter as a topic …".
    """
    return _structural(paras) or _announced(paras, title)


def _consultation_topics(doc: Document, split: Splitter) -> list[Topic]:
    """An open-consultation page: the topic the group decided to consult on and its questions,
    proposed by the group itself."""
    paras = [*doc.front_matter, *(p for s in doc.iter_sections() for p in s.paragraphs)]
    found = _announced(paras, doc.title, split) or _structural(paras)
    by = [Submitter(name=doc.meeting.body)] if doc.meeting.body else []
    return [
        Topic(title=title, label=label_of(title, para), proposed_by=[s.model_copy() for s in by], questions=questions, provenance=para.provenance)
        for title, questions, para in found
    ]


def extract_topics(
    doc: Document,
    *,
    sentences: Splitter | None = None,
    sections: Sequence[tuple[Section, ContributionRef]] | None = None,
) -> list[Topic]:
    """Topics proposed by the contributions of a record, with the discussion's outcome.

    ``sentences`` splits a paragraph (default :func:`split_sentences`; see ``SentenceMemo``).
    ``sections`` is ``contribution_sections(doc)`` when the caller has it already (it costs as
    much as the rest of this function); the references in it are only read. Each topic gets
    its own copies of the submitters, so it shares no object with those references.
    """
    split = sentences or split_sentences
    if doc.kind is DocumentKind.CONSULTATION:
        return _consultation_topics(doc, split)
    pairs = contribution_sections(doc) if sections is None else sections
    proposals = [(section, ref, *_proposed_in(section, ref, split)) for section, ref in pairs]
    _add_shared_discussions(proposals)
    inside = {id(s) for section, _ in pairs for s in section.iter_sections()}
    found = [_Found(topic, texts.get(i, []), section, i) for section, _, topics, texts in proposals for i, topic in enumerate(topics)]
    found += _record_topics(doc, inside, split, found)
    _record_references(doc, inside, found, split)
    order = {id(s): k for k, s in enumerate(doc.iter_sections())}
    found.sort(key=lambda f: order.get(id(f.at), 0))  # stable: document order of the sections
    for f in found:
        f.topic.status, said = decide(_evidence(f, split))
        f.topic.outcome = said or _outcome(f.texts, split)
    return [f.topic for f in found]


# A contribution section, its reference, the topics it proposes and, by topic index, the
# discussion texts that speak of each.
_Proposal = tuple[Section, ContributionRef, list[Topic], dict[int, list[str]]]


def _proposed_in(section: Section, ref: ContributionRef, split: Splitter) -> tuple[list[Topic], dict[int, list[str]]]:
    """The topics a contribution section proposes (read from its Summary), with their revised
    questions, and by topic index the texts of its discussion that speak of each."""
    summary = summary_child(section)
    paras = summary.paragraphs if summary else section.paragraphs
    topics = [
        Topic(
            title=title,
            label=label_of(title, para),
            proposed_by=[s.model_copy() for s in ref.submitters],
            source=ref.symbol,
            questions=questions,
            section=ref.section,
            provenance=para.provenance,
        )
        for title, questions, para in _structural(paras) or _announced(paras, ref.title, split)
    ]
    texts: dict[int, list[str]] = {}
    discussion = discussion_child(section)
    if discussion is None and summary is None:
        discussion = section  # a record without Summary/Discussion parts: the section says it all
    _attach_discussion(topics, discussion, texts, split)
    revised_title, revised, _ = _revised(discussion)
    if revised and topics:
        target = 0 if len(topics) == 1 else match_topic(revised_title or "", topics)
        if target is not None:
            topics[target].revised_questions = revised
            topics[target].revised_title = revised_title
    return topics, texts


def _add_shared_discussions(proposals: Sequence[_Proposal]) -> None:
    """"Topic 1 of the UK proposal (CWG-Internet-12/6) was … discussed together with the Canadian
    proposal": the discussion of one contribution also speaks for another's numbered topic."""
    by_symbol = {ref.symbol: (topics, texts) for _, ref, topics, texts in proposals}
    for section, ref, _, _ in proposals:
        discussion = discussion_child(section)
        if discussion is None:
            continue
        for p in discussion.paragraphs:
            m = _TOPIC_N_OF.search(p.text)
            if not m:
                continue
            for sym in find_symbols(p.text):
                target = by_symbol.get(sym.canonical)
                n = int(m["n"]) - 1
                if target and sym.canonical != ref.symbol and n < len(target[0]):
                    target[1].setdefault(n, []).extend(_section_texts(discussion))


@dataclass
class _Found:
    """A topic being read: the texts that speak of it, and the section it was proposed in."""

    topic: Topic
    texts: list[str]
    at: Section
    place: int  # among the topics proposed together ("the second topic")


def _outside(doc: Document, inside: set[int]) -> Iterable[Section]:
    """The record's sections that are not (in) a contribution section."""
    return (s for s in doc.iter_sections() if id(s) not in inside)


def _proposer(sentence: str) -> list[Submitter]:
    """Who proposes in a record's sentence: the Member States named before the proposing verb,
    or the Chair; nobody when the sentence does not say."""
    m = _PROPOSING.search(sentence)
    head = sentence[: m.start()] if m else ""
    found = [Submitter(name=c.name, iso3=c.iso3) for c in find_countries(head)]
    if found:
        return list({s.iso3 or s.name: s for s in found}.values())
    return [Submitter(name="Chair")] if _CHAIR.search(head) else []


_PROPOSING = re.compile(r"\b(?:propos|suggest|recommend|put\s+forward)\w*", re.IGNORECASE)
_CHAIR = re.compile(r"\bchair(?:man|person|woman)?\b", re.IGNORECASE)


def _record_topics(doc: Document, inside: set[int], split: Splitter, known: Sequence[_Found] = ()) -> list[_Found]:
    """Topics proposed in a record outside any contribution section: a list of labelled topics
    ("Topic A: …" with its questions) or a sentence that proposes one ("Brazil proposed to hold
    the next open consultation on X", "The Group decided to hold an open consultation on the
    following topic"). Unlabelled title lines, which a contribution's Summary may hold, are not
    read here: in a record's own text they are too often something else."""
    out: list[_Found] = []
    for section in _outside(doc, inside):
        paras = section.paragraphs
        here: list[_Found] = []
        for title, questions, para in _structural(paras):
            label = label_of(title, para)
            if label is not None:
                here.append(_Found(_topic(title, label, questions, [], section, para), [], section, len(here)))
        if not here:
            for title, questions, para, sent, end in _announcements(paras, None, split):
                if referenced_labels(title) and len(title.split()) <= 3:
                    continue  # "… on Topic B": a reference, not a new topic
                if _same_topic(title, known):
                    continue  # a topic a contribution proposed, named again (its decision is read below)
                topic = _topic(title, label_of(title, para), questions, _proposer(sent), section, para)
                # what follows the proposal in the same section speaks of it
                here.append(_Found(topic, [sent, *(p.text for p in paras[end:] if p.label is None)], section, len(here)))
            if len(here) > 1:
                for f in here:
                    del f.texts[1:]
        out.extend(here)
    return out


def _same_topic(title: str, known: Sequence[_Found]) -> bool:
    words = content_words(title)
    return any(
        (other := content_words(f.topic.title)) and len(words & other) >= TITLE_REFERENCE * max(len(words), len(other)) for f in known
    )


def _topic(title: str, label: str | None, questions: list[str], by: list[Submitter], section: Section, para: Paragraph) -> Topic:
    return Topic(title=title, label=label, proposed_by=by, questions=questions, section=section.number, provenance=para.provenance)


_CONSULTATION_OR_TOPIC = re.compile(r"\b(?:consultations?|topics?|themes?)\b", re.IGNORECASE)
TITLE_REFERENCE = 0.8  # share of a topic title's content words a decision sentence must hold to name it


def _record_references(doc: Document, inside: set[int], found: list[_Found], split: Splitter) -> None:
    """Sentences outside the contribution sections that settle a topic proposed anywhere in the
    record: by its label when no other topic has it ("The Group agreed to hold the next open
    consultation on Topic B"), by the symbol of a contribution that proposed only that topic
    ("the topic in Document CWG-Internet-19/4 would be the subject of the next open
    consultation"), or by its title."""
    if not found:
        return
    labels: dict[str, list[int]] = {}
    for k, f in enumerate(found):
        if f.topic.label:
            labels.setdefault(f.topic.label, []).append(k)
    by_source: dict[str, list[int]] = {}
    for k, f in enumerate(found):
        if f.topic.source:
            by_source.setdefault(f.topic.source, []).append(k)
    titles = [content_words(f.topic.title) for f in found]
    for section in _outside(doc, inside):
        for p in section.paragraphs:
            for sent in split(p.text):
                if not _CONSULTATION_OR_TOPIC.search(sent):
                    continue
                targets = [labels[lab][0] for lab in referenced_labels(sent) if len(labels.get(lab, [])) == 1]
                if not targets:
                    targets = [ks[0] for sym in find_symbols(sent) if len(ks := by_source.get(sym.canonical, [])) == 1]
                if not targets:
                    words = content_words(sent)
                    targets = [k for k, t in enumerate(titles) if len(t) >= 2 and len(t & words) >= TITLE_REFERENCE * len(t)]
                for k in targets:
                    if sent not in found[k].texts:
                        found[k].texts.append(sent)


__all__ = ["content_words", "extract_topics", "is_question", "jaccard", "label_of", "overlap", "proposed_topics"]

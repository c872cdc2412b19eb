"""The reporting verb of a clause: its stance from the lexicon, its negation and its modal.

Two tables, both small and explicit:

* **verb forms**: one function (:func:`inflections`) gives the forms of an English verb
  (supports, supported, supporting) by the regular spelling rules, with the irregular verbs of
  the register in :data:`IRREGULAR`; nouns take their plural the same way. Clause words are
  compared by lemma, so the lexicon lists each verb once.
* **the stance lexicon**, ``data/stance_lexicon.tsv``: a phrase, its stance and an example
  (documented in docs/positions.md). In a phrase, ``a/b`` is a choice of words, ``…`` stands
  for up to three words and ``$`` for the end of the clause.

:func:`read_head` reads the words after the actor: adverbs, auxiliaries, modals and a negation
("did not", "could not", "was unable to", "was not in a position to"), then the longest lexicon
phrase. A negation turns support into oppose and oppose into support ("did not object",
"would not block"); other stances keep their reading. Nothing else is inferred: a verb not in
the lexicon gives no reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from cwgtool.model import Stance

# Irregular verbs of the register: lemma → (past, past participle).
IRREGULAR: dict[str, tuple[str, str]] = {
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"), "see": ("saw", "seen"),
    "take": ("took", "taken"), "hold": ("held", "held"), "give": ("gave", "given"), "go": ("went", "gone"),
    "say": ("said", "said"), "feel": ("felt", "felt"), "make": ("made", "made"), "put": ("put", "put"),
    "seek": ("sought", "sought"), "find": ("found", "found"), "speak": ("spoke", "spoken"),
    "draw": ("drew", "drawn"), "bring": ("brought", "brought"), "think": ("thought", "thought"),
    "stand": ("stood", "stood"), "get": ("got", "got"), "keep": ("kept", "kept"), "set": ("set", "set"),
    "understand": ("understood", "understood"), "withhold": ("withheld", "withheld"),
}  # fmt: skip
# Verbs that double their last consonant (preferred, concurred, regretted).
DOUBLED = frozenset({"prefer", "concur", "regret", "submit", "refer", "occur", "commit", "admit", "permit", "stop", "plan"})
_BE_FORMS = ("am", "is", "are", "was", "were", "been", "being", "be")
_HAVE_FORMS = ("has", "have", "had", "having")


def inflections(lemma: str) -> set[str]:
    """The forms of ``lemma`` as a verb (or a noun's plural, which is spelled like the -s form)."""
    if lemma == "be":
        return set(_BE_FORMS)
    if lemma == "have":
        return set(_HAVE_FORMS)
    stem = lemma + lemma[-1] if lemma in DOUBLED else lemma
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    forms = {lemma, third, past, ing}
    if lemma in IRREGULAR:
        forms.discard(past)
        forms.update(IRREGULAR[lemma])
    return forms


@dataclass(frozen=True, slots=True)
class Entry:
    words: tuple[frozenset[str] | str, ...]  # a set of lemmas, "…" or "$"
    stance: Stance
    phrase: str
    example: str


@dataclass(frozen=True, slots=True)
class Head:
    stance: Stance
    cue: str  # the words that decided, as written
    negated: bool
    modal: str | None
    phrase: str  # the lexicon phrase that matched
    end: int  # where the phrase ends in the text


# Words of the phrases that are not verbs or nouns: compared as written, never inflected
# ("not" must not read "noted").
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "to", "of", "on", "in", "for", "with", "at", "by", "what", "if", "how", "not", "no", "against",
    "that", "it", "itself", "themselves", "himself", "herself", "others", "whether", "why", "about", "when", "which",
    "upon", "along", "forward", "out", "further", "more",
})  # fmt: skip


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[Entry, ...], dict[str, str]]:
    """The lexicon entries, and every form of their words mapped to its lemma."""
    text = resources.files("cwgtool").joinpath("data/stance_lexicon.tsv").read_text(encoding="utf-8")
    entries: list[Entry] = []
    lemmas: dict[str, str] = {}
    for line in text.splitlines()[2:]:
        if not line.strip():
            continue
        phrase, stance, example = line.split("\t")
        words: list[frozenset[str] | str] = []
        for token in phrase.split():
            if token in ("…", "$"):
                words.append(token)
                continue
            choice = frozenset(token.split("/"))
            words.append(choice)
            for lemma in choice:
                if lemma in _FUNCTION_WORDS or len(lemma) < 3:
                    lemmas.setdefault(lemma, lemma)
                    continue
                for form in inflections(lemma):
                    lemmas.setdefault(form, lemma)
        entries.append(Entry(tuple(words), Stance(stance), phrase, example))
    # auxiliaries are read by their lemma too ("were" in "support was expressed")
    for form in (*_BE_FORMS, *_HAVE_FORMS):
        lemmas[form] = "be" if form in _BE_FORMS else "have"
    return tuple(entries), lemmas


_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[,;:.()]")


class Token(NamedTuple):
    text: str  # lower case
    lemma: str
    start: int
    end: int


class Tokens:
    """The first ``limit`` words (and clause punctuation) of ``text`` from ``start``, each read
    from the text when a caller first looks at it: :func:`read_head` decides after one to three
    words of the 24 it may look at, so the rest are never built."""

    __slots__ = ("_matches", "_lemmas", "_read", "_limit")

    def __init__(self, text: str, start: int = 0, limit: int = 40) -> None:
        self._matches = _WORD.finditer(text, start)
        self._lemmas = lexicon()[1]
        self._read: list[Token] = []
        self._limit = limit

    def get(self, i: int) -> Token | None:
        """The ``i``-th token, or None past the end of the text or the limit."""
        read = self._read
        while len(read) <= i < self._limit:
            m = next(self._matches, None)
            if m is None:
                break
            w = m.group(0).lower()
            lemmas = self._lemmas
            lemma = lemmas.get(w)
            if lemma is None and w.endswith("s") and w[:-1] in lemmas:
                lemma = lemmas[w[:-1]]
            read.append(Token(w, lemma or w, m.start(), m.end()))
        return read[i] if i < len(read) else None

    def __getitem__(self, i: int) -> Token:
        tok = self.get(i)
        if tok is None:
            raise IndexError(i)
        return tok


def _match(entry: Entry, toks: Tokens, i: int) -> int | None:
    """Index after ``entry`` matched at ``toks[i]``, or None."""
    j = i
    words = entry.words
    k = 0
    while k < len(words):
        w = words[k]
        if w == "$":
            tok = toks.get(j)
            if tok is not None and tok.lemma not in (".", ";", ",", ":"):
                return None
            k += 1
            continue
        if w == "…":
            nxt = words[k + 1] if k + 1 < len(words) else None
            for gap in range(4):
                tok = toks.get(j + gap)
                if tok is None or tok.text in _STOP:
                    break
                if isinstance(nxt, frozenset) and tok.lemma in nxt:
                    j += gap
                    break
            else:
                return None
            tok = toks.get(j)
            if tok is None or not (isinstance(nxt, frozenset) and tok.lemma in nxt):
                return None
            k += 1
            continue
        tok = toks.get(j)
        if tok is None or tok.lemma not in w:
            return None
        j += 1
        k += 1
    return j


_STOP = frozenset({".", ";", ",", ":", "(", ")"})


@lru_cache(maxsize=1)
def _by_first() -> dict[str, tuple[Entry, ...]]:
    """Entries by the lemmas their first word can be."""
    out: dict[str, list[Entry]] = {}
    for e in lexicon()[0]:
        first = e.words[0]
        assert isinstance(first, frozenset), e.phrase
        for lemma in first:
            out.setdefault(lemma, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def match_at(toks: Tokens, i: int) -> tuple[Entry, int] | None:
    """The longest lexicon phrase starting at ``toks[i]`` (the first listed on a tie)."""
    best: tuple[Entry, int] | None = None
    for e in _by_first().get(toks[i].lemma, ()):
        end = _match(e, toks, i)
        if end is not None and end > i and (best is None or end > best[1]):
            best = (e, end)
    return best


_ADVERBS = frozenset({
    "also", "further", "however", "strongly", "therefore", "then", "generally", "again", "nevertheless", "instead",
    "widely", "fully", "firmly", "clearly", "explicitly", "particularly", "both", "all", "too", "initially",
    "subsequently", "equally", "broadly", "duly", "in", "particular", "once", "still", "warmly", "readily",
})  # fmt: skip
_AUX = frozenset({"do", "does", "did", "was", "were", "is", "are", "has", "have", "had", "been", "be", "being"})
_MODALS = frozenset({"could", "would", "can", "will", "may", "might", "should", "shall", "must", "cannot"})
_NEGATORS = frozenset({"not", "never", "n't", "cannot"})
# Words between the subject and the reporting verb that carry no stance of their own; a
# negation before them still counts ("was not in a position to support").
_WRAPPERS: tuple[tuple[str, ...], ...] = (
    ("in", "a", "position", "to"), ("able", "to"), ("prepared", "to"), ("ready", "to"), ("willing", "to"),
    ("happy", "to"), ("pleased", "to"), ("take", "the", "floor", "to"), ("took", "the", "floor", "to"),
    ("continue", "to"), ("continued", "to"), ("wish", "to"), ("wished", "to"),
)  # fmt: skip
_NEGATIVE_WRAPPERS: tuple[tuple[str, ...], ...] = (("unable", "to"), ("not", "able", "to"))
# "said that his administration could not accept …": the speaker reports its own stance.
_REPORTED = re.compile(
    r"(?:said|stated|indicated|explained|added|noted|confirmed|announced|informed the \w+)\s+that\s+"
    r"(?:(?:his|her|its|their)\s+(?:administration|government|country|delegation)|it|they|he|she)\s+",
    re.IGNORECASE,
)


def _seq_at(toks: Tokens, i: int, seq: tuple[str, ...]) -> bool:
    return all((tok := toks.get(i + k)) is not None and tok.text == w for k, w in enumerate(seq))


_FLIP = {Stance.SUPPORT: Stance.OPPOSE, Stance.OPPOSE: Stance.SUPPORT}


def read_head(text: str, start: int) -> Head | None:
    """The reporting verb at ``start`` (just after the actor), read through the lexicon."""
    if m := _REPORTED.match(text, start):
        start = m.end()
    toks = Tokens(text, start, 24)
    i = 0
    negated = False
    modal: str | None = None
    cue_from: int | None = None
    aux_from: int | None = None
    while i < 14 and (tok := toks.get(i)) is not None:
        found = match_at(toks, i)
        if found is not None:
            entry, end = found
            stance = _FLIP.get(entry.stance, entry.stance) if negated else entry.stance
            begin = tok.start if cue_from is None else cue_from
            return Head(stance, text[begin : toks[end - 1].end], negated, modal, entry.phrase, toks[end - 1].end)
        w = tok.text
        if w.endswith(("n't", "n’t")):  # "didn't", "couldn't"
            negated = True
            cue_from = (aux_from if aux_from is not None else tok.start) if cue_from is None else cue_from
            i += 1
            continue
        if w in _ADVERBS:
            i += 1
            continue
        if w in _AUX or w in _MODALS or w in _NEGATORS:
            if aux_from is None:
                aux_from = tok.start
            if w in _MODALS or w in _NEGATORS:
                cue_from = aux_from  # "could not agree", "would support": the cue keeps them
            if w in _MODALS:
                modal = w
            negated = negated or w in _NEGATORS
            i += 1
            continue
        wrapped = next((s for s in _NEGATIVE_WRAPPERS if _seq_at(toks, i, s)), None)
        if wrapped:
            negated = True
            cue_from = (aux_from if aux_from is not None else tok.start) if cue_from is None else cue_from
            i += len(wrapped)
            continue
        wrapped = next((s for s in _WRAPPERS if _seq_at(toks, i, s)), None)
        if wrapped:
            i += len(wrapped)
            continue
        break
    return None


_NOT_BEFORE = re.compile(r"(?:\bnot|\bnever|n['’]t|\bcannot)\s+$", re.IGNORECASE)


def find_phrase(text: str, start: int = 0, skip: frozenset[str] = frozenset()) -> Head | None:
    """The first lexicon phrase anywhere from ``start`` (for clauses whose actor is not
    located), negated when "not" / "never" comes just before it; a one-word match on a lemma
    in ``skip`` does not count."""
    _entries, lemmas = lexicon()
    firsts = _by_first()
    for first in _WORD.finditer(text, start):
        w = first.group(0).lower()
        if lemmas.get(w, w) not in firsts and lemmas.get(w[:-1]) not in firsts:
            continue
        toks = Tokens(text, first.start(), 12)
        i = 0
        found = match_at(toks, 0)
        if found is None:
            continue
        entry, end = found
        if end == i + 1 and (toks[i].lemma in skip or toks[i].text == toks[i].lemma):
            continue  # one bare word ("the report", "support") names a thing; "reported" is a verb
        negated = _NOT_BEFORE.search(text, max(0, first.start() - 8), first.start()) is not None
        stance = _FLIP.get(entry.stance, entry.stance) if negated else entry.stance
        return Head(stance, text[toks[i].start : toks[end - 1].end], negated, None, entry.phrase, toks[end - 1].end)
    return None


__all__ = ["DOUBLED", "IRREGULAR", "Entry", "Head", "find_phrase", "inflections", "Tokens", "lexicon", "read_head"]

"""Cheap "can this pattern match at all?" tests derived from the patterns themselves.

Scanning a clause with a large case-insensitive alternation costs the regex engine work at
every position: Python's ``re`` has no literal prefix optimisation for case-insensitive
branches. Most clauses contain none of the words a rule needs, so a test for those words
first skips most scans.

The words are not written by hand: :func:`required_literals` reads them out of the compiled
pattern's syntax tree, so they cannot drift from the rule. The result is a set of lower-case
strings such that *every* match of the pattern contains at least one of them (as lower-cased
text). A pattern for which no such set can be proved (an optional item, a class like ``\\w``)
gives ``None`` and is never skipped.

Soundness against case-insensitive matching: an ASCII letter in a pattern matches, under
``re.IGNORECASE``, its two ASCII cases and four non-ASCII characters: "İ" (U+0130), "ı" (U+0131),
"ſ" (U+017F) and "K" (U+212A, Kelvin). ``str.lower()`` maps the ASCII cases and the Kelvin sign
to the pattern's lower-case letter, but not the other three, so :func:`fold` refuses text that
holds any of them (the caller then runs the pattern unfiltered). U+0130 is also the only
character whose lower case is longer than one character, so folded text has the same length
and positions as the original. Non-ASCII literals in a pattern are not used as requirements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Characters that match an ASCII letter under re.IGNORECASE but do not lower-case to it.
_UNFOLDABLE = ("\u0130", "\u0131", "\u017f")


def fold(text: str) -> str | None:
    """``text`` lower-cased for literal tests, or None when a literal test would be unsound."""
    for ch in _UNFOLDABLE:
        if ch in text:
            return None
    return text.lower()


def required_literals(pattern: re.Pattern[str] | str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains, or None if unknown."""
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source = pattern
    _exact, needs = _sequence(_parser.parse(source, flags))
    if needs is None or not all(needs):
        return None
    # A string that contains another of the set adds nothing: drop it, so tests stay few.
    return frozenset(s for s in needs if not any(t != s and t in s for t in needs))


class Guard:
    """One pattern behind its literal test: ``search`` returns what ``pattern.search`` would.

    Two tests, cheapest first: one of ``needs`` (the best single set of alternatives) must be
    present, then, when the pattern requires more than that, its whole requirement
    (:func:`requirement_test`: e.g. "by" *and* one of the verbs of a passive).
    """

    __slots__ = ("_both", "needs", "pattern", "test")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needs = required_literals(pattern)
        self.test = requirement_test(pattern) if self.needs is not None else None
        # Both tests as one compiled expression: "any word of needs is in f, and the tree holds".
        # That is what a loop over ``needs`` that runs ``test`` at the first word found returns
        # (which word is found first does not change the answer), without the loop's cost.
        self._both: Callable[[str], bool] | None = None
        if self.needs is not None:
            tree = requirement(pattern) if self.test is not None else None
            words = ("or", tuple(sorted(self.needs)))
            self._both = _compiled(words if tree is None else ("and", (words, tree)), pattern)

    def may_match(self, folded: str | None) -> bool:
        """False only when no match is possible in the text that folds to ``folded``."""
        both = self._both
        return True if folded is None or both is None else both(folded)

    def search(self, text: str, folded: str | None) -> re.Match[str] | None:
        """``pattern.search(text)``, skipped when ``fold(text)`` (given) rules a match out."""
        # ``may_match`` inlined (the same test): one Python call less on a hot path.
        both = self._both
        if folded is None or both is None or both(folded):
            return self.pattern.search(text)
        return None


class Screen(Generic[T]):
    """Which of several patterns can match in a text, judged by their required literals.

    Each pattern's whole :func:`requirement` is compiled to one boolean expression of ``in``
    tests, and the patterns are judged lazily, in order: a caller that stops at the first
    pattern that matches never tests the words of the later ones. (An earlier version tested
    every distinct word of every pattern once per text and intersected sets: classify over
    the record clauses took 1.76 ms that way, 1.43 ms with the trees tested after the sets,
    1.23 ms with these lazy compiled tests alone.)
    A pattern whose requirement is not met cannot match and is left out; order is kept, so
    "the first rule that matches" is unchanged.
    """

    def __init__(self, entries: Sequence[tuple[T, re.Pattern[str]]]) -> None:
        self._items = tuple(item for item, _p in entries)
        self._tests = tuple((item, _compiled(requirement(p), p)) for item, p in entries)

    def candidates(self, folded: str | None) -> Iterator[T]:
        """The items whose pattern can match in the text that folds to ``folded``, lazily.

        ``folded`` may be any slice of the folded text that holds every match wanted (e.g. the
        tail from a start position); None (``fold`` refused) keeps every item.
        """
        if folded is None:
            return iter(self._items)
        return (item for item, test in self._tests if test is None or test(folded))


def trie_pattern(words: Iterable[str], end: str = "") -> str:
    """Regex source that matches, at a position, the longest of ``words`` followed by ``end``.

    ``"|".join(sorted(words, key=len, reverse=True))`` finds the same word, but tries every
    alternative at every position; in a trie each position costs one literal test per distinct
    next character (the engine skips an alternative whose first literal differs without
    entering it). Why it picks the same word: the text fixes one path through the trie, and at
    each node the continuations are tried before ending there, so the first word that succeeds
    (``end`` included, which may be a lookahead) is the longest one on the path that does — the
    first of the length-sorted alternation to succeed. Matching is case-sensitive: compile
    without IGNORECASE, or the trie would need case-folded keys.
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # the word ends here
    return _trie_node(root, end)


def _trie_node(node: dict[str, Any], end: str) -> str:
    alts = [re.escape(ch) + _trie_node(child, end) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        alts.append(end)  # last: every continuation is a longer word
    if not alts:
        return "(?!)"  # no words: never matches
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


_Needs = frozenset[str] | None


def _better(a: _Needs, b: _Needs) -> _Needs:
    """The more selective of two requirement sets (longest shortest string, then fewest)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _pieces(items: Any, read_item: Callable[[Any, Any], tuple[str | None, Any]]) -> tuple[str | None, list[tuple[bool, Any]]]:
    """A sequence's exact lower-case text (or None) and, in order, its maximal runs of literal
    text ``(True, text)`` and what ``read_item`` requires of each other item ``(False, req)``;
    shared by :func:`_sequence` (literal sets) and :func:`_seq_req` (requirement trees)."""
    pieces: list[tuple[bool, Any]] = []
    run = ""  # literal text matched contiguously so far
    exact: str | None = ""
    for op, av in items:
        if op is _c.AT:  # zero-width: the literals around it stay adjacent
            continue
        item_exact, item_req = read_item(op, av)
        if item_exact is not None:
            run += item_exact
            if exact is not None:
                exact += item_exact
            continue
        exact = None
        if run:
            pieces.append((True, run))
        run = ""
        pieces.append((False, item_req))
    if run:
        pieces.append((True, run))
    return exact, pieces


def _sequence(items: Any) -> tuple[str | None, _Needs]:
    """(exact lower-case text the sequence always matches or None, requirement set or None)."""
    exact, pieces = _pieces(items, _item)
    best: _Needs = None
    for is_run, value in pieces:
        best = _better(best, frozenset({value}) if is_run else value)
    return exact, best


def _item(op: Any, av: Any) -> tuple[str | None, _Needs]:
    if op is _c.LITERAL:
        if av < 128:
            ch = chr(av).lower()
            return ch, frozenset({ch})
        return None, None
    if op is _c.IN:
        # [Dd]: every member lower-cases to one ASCII character.
        chars = {chr(v).lower() for o, v in av if o is _c.LITERAL and v < 128}
        if len(chars) == 1 and all(o is _c.LITERAL and v < 128 for o, v in av):
            ch = chars.pop()
            return ch, frozenset({ch})
        return None, None
    if op is _c.SUBPATTERN:
        _group, _add, _del, sub = av
        return _sequence(sub)
    if op is _c.BRANCH:
        _none, branches = av
        results = [_sequence(b) for b in branches]
        exacts = {e for e, _n in results}
        exact = exacts.pop() if len(exacts) == 1 else None
        union: set[str] = set()
        for _e, needs in results:
            if needs is None:
                return exact, None
            union |= needs
        return exact, frozenset(union)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if lo < 1:
            return None, None
        sub_exact, sub_needs = _sequence(sub)
        if sub_exact is not None and lo == hi:
            return sub_exact * lo, sub_needs
        return None, sub_needs
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    return None, None


# A requirement: a lower-case literal, or ("and" | "or", children).
_Req = Any
# Shorter literals are left out of requirements (treated as no requirement, which only weakens
# a test): a single letter or space is in nearly every clause and costs a test for nothing.
_MIN_TEST = 2


def requirement(pattern: re.Pattern[str] | str, flags: int = 0) -> _Req | None:
    """What every match of ``pattern`` contains, as an AND/OR tree of lower-case literals.

    Finer than :func:`required_literals`, which keeps one set of alternatives: a sequence
    requires each of its items (each item's match is a substring of the sequence's match), an
    alternation one of its branches. None when no literal is required. Same soundness rules
    as :func:`required_literals` (it shares :func:`_item`'s reading of single items).
    """
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source = pattern
    return _seq_req(_parser.parse(source, flags))[1]


def requirement_test(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """A function of the folded text that is False only where :func:`requirement` rules a
    match out, or None when that requirement is no stronger than :func:`required_literals`.
    """
    req = requirement(pattern)
    if req is None or isinstance(req, str):
        return None
    if req[0] == "or" and all(isinstance(c, str) for c in req[1]):
        return None  # a plain set of alternatives: the literal set already is it
    return _compiled(req, pattern)


def _compiled(req: _Req | None, pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """``req`` as a function of the folded text, None for no requirement.

    The tree is written out as one boolean expression of ``in`` tests on string constants
    (``repr`` of each literal) and compiled: evaluating a tree node by node costs several
    times more than the tests themselves.
    """
    if req is None:
        return None
    code = compile(f"lambda f: {_expr(req)}", f"<requirement of {pattern.pattern[:40]!r}>", "eval")
    fn: Callable[[str], bool] = eval(code, {})  # noqa: S307 - built from repr() of literals only
    return fn


def _expr(req: _Req) -> str:
    if isinstance(req, str):
        return f"{req!r} in f"
    op, children = req
    return "(" + f" {op} ".join(_expr(c) for c in children) + ")"


def _node(op: str, children: list[_Req]) -> _Req | None:
    """An and/or node, flattened (nested nodes of the same kind merged), duplicates dropped.

    In an "or", a literal containing another of the node's literals adds nothing; in an "and",
    a literal contained in another adds nothing. Plain literals go first: they are the cheap
    tests, and ``and``/``or`` stop at the first that decides.
    """
    flat: list[_Req] = []
    for c in children:
        for x in c[1] if not isinstance(c, str) and c[0] == op else [c]:
            if x not in flat:
                flat.append(x)
    lits = [x for x in flat if isinstance(x, str)]
    if op == "or":
        lits = [x for x in lits if not any(y != x and y in x for y in lits)]
    else:
        lits = [x for x in lits if not any(y != x and x in y for y in lits)]
    out = lits + [x for x in flat if not isinstance(x, str)]
    if not out:
        return None
    return out[0] if len(out) == 1 else (op, tuple(out))


def _seq_req(items: Any) -> tuple[str | None, _Req | None]:
    """(exact text as in :func:`_sequence`, requirement tree or None)."""
    exact, pieces = _pieces(items, _item_req)
    parts: list[_Req] = [v for is_run, v in pieces if (len(v) >= _MIN_TEST if is_run else v is not None)]
    return exact, _node("and", parts)


def _item_req(op: Any, av: Any) -> tuple[str | None, _Req | None]:
    if op is _c.SUBPATTERN:
        return _seq_req(av[3])
    if op is _c.ATOMIC_GROUP:
        return _seq_req(av)
    if op is _c.BRANCH:
        results = [_seq_req(b) for b in av[1]]
        exacts = {e for e, _r in results}
        exact = exacts.pop() if len(exacts) == 1 else None
        if any(r is None for _e, r in results):
            return exact, None
        return exact, _node("or", [r for _e, r in results])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if lo < 1:
            return None, None
        sub_exact, sub_req = _seq_req(sub)
        if sub_exact is not None and lo == hi:
            return sub_exact * lo, sub_req
        return None, sub_req
    exact, _needs = _item(op, av)  # a literal or a class: one character, too weak to test alone
    return exact, None


__all__ = ["Guard", "Screen", "fold", "requirement", "requirement_test", "required_literals", "trie_pattern"]

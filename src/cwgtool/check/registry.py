"""Diagnostics, severities and the rule registry.

Rules register themselves with a plain decorator so that adding a rule is one function in one
module: the CLI, the docs, SARIF's rule table and the tests all read the same registry.
Codes are a public contract (they appear in configs and baselines): never renumber, only add.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cwgtool.check.context import CheckContext


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected one of: info, warning, error)") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

GROUPS = {
    "NUM": "numbering",
    "SYM": "symbols",
    "STR": "structure",
    "TXT": "typography",
    "REF": "references",
}


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is, in the terms a secretariat editor uses: section, paragraph, page/line."""

    section: str | None = None  # normalised section number ("4.1"); None in the front matter
    paragraph: str | None = None  # numbered paragraph ("6.2") when the finding is in one
    page: int | None = None  # PDF
    index: int | None = None  # DOCX body paragraph index (0-based), block index otherwise
    line: int | None = None  # text input

    def describe(self) -> str:
        parts: list[str] = []
        if self.paragraph:
            parts.append(f"paragraph {self.paragraph}")
        elif self.section:
            parts.append(f"section {self.section}")
        else:
            parts.append("front matter")
        if self.line is not None:
            parts.append(f"line {self.line}")
        elif self.page is not None:
            parts.append(f"page {self.page}")
        elif self.index is not None:
            parts.append(f"paragraph index {self.index}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "paragraph": self.paragraph,
            "page": self.page,
            "index": self.index,
            "line": self.line,
        }


@dataclass(frozen=True, slots=True)
class Diagnostic:
    file: str
    code: str
    name: str
    severity: Severity
    message: str
    location: Location = field(default_factory=Location)
    excerpt: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "location": self.location.to_dict(),
            "excerpt": self.excerpt,
        }


RuleFunc = Callable[["CheckContext"], Iterable[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    docs: str
    func: RuleFunc

    @property
    def group(self) -> str:
        return self.code[:3]

    def diagnostic(self, ctx: CheckContext, message: str, location: Location, excerpt: str = "") -> Diagnostic:
        """Build a finding of this rule; keeps the code/name/severity in one place."""
        return Diagnostic(
            file=ctx.display_name,
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=message,
            location=location,
            excerpt=excerpt,
        )


RULES: dict[str, Rule] = {}
_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


def rule(*, code: str, name: str, severity: Severity, summary: str, docs: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule. Duplicate codes or names are programming errors and fail at import."""
    if not _CODE.match(code) or code[:3] not in GROUPS:
        raise ValueError(f"bad rule code {code!r}")

    def wrap(func: RuleFunc) -> RuleFunc:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        if any(r.name == name for r in RULES.values()):
            raise ValueError(f"duplicate rule name {name}")
        RULES[code] = Rule(code, name, severity, summary, _dedent(docs), func)
        return func

    return wrap


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip() + "\n"


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code (imports the rule modules on first use)."""
    from cwgtool.check import rules  # noqa: F401 - registers the rules

    return [RULES[c] for c in sorted(RULES)]


def parse_codes(value: str | Iterable[str] | None) -> list[str]:
    """Split "NUM,TXT001" (or a list from a config file) into upper-case selectors."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return [i.strip().upper() for i in items if i.strip()]


def validate_selectors(selectors: Iterable[str]) -> None:
    """Refuse a selector that matches no rule: a typo would otherwise silently disable checks."""
    codes = [r.code for r in all_rules()]
    for sel in selectors:
        if sel == "ALL":
            continue
        if not any(c.startswith(sel) for c in codes):
            raise ValueError(f"unknown rule code or prefix {sel!r}")


def selected_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Rule]:
    """Rules enabled by prefix selectors; the longest matching prefix decides, as in ruff."""
    sel = list(select) if select else ["ALL"]
    ign = list(ignore or [])
    out: list[Rule] = []
    for r in all_rules():
        best_sel = max((len(s) if s != "ALL" else 0 for s in sel if s == "ALL" or r.code.startswith(s)), default=-1)
        best_ign = max((len(s) if s != "ALL" else 0 for s in ign if s == "ALL" or r.code.startswith(s)), default=-1)
        if best_sel >= 0 and best_sel > best_ign:
            out.append(r)
    return out

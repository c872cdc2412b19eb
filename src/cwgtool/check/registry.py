"""The rule registry (findings themselves are :mod:`cwgtool.check.diagnostic`).

Rules register themselves with a plain decorator so that adding a rule is one function in one
module: the CLI, the docs, SARIF's rule table and the tests all read the same registry.
Codes are a public contract (they appear in configs and baselines): never renumber, only add.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cwgtool.check.diagnostic import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from cwgtool.check.context import CheckContext


__all__ = ["GROUPS", "RULES", "Diagnostic", "Location", "Rule", "Severity", "all_rules", "rule", "selected_rules"]

GROUPS = {
    "NUM": "numbering",
    "SYM": "symbols",
    "STR": "structure",
    "TXT": "typography",
    "REF": "references",
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

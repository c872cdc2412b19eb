"""What a finding is: its severity, where it is, what it says.

Kept apart from the rule registry and from the context rules read, so that rules, the
context, the registry, the runner and the renderers can all import these without importing
each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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

"""Validated requests: what a caller (the CLI, a script) asks the library to do.

Every closed choice is a str-Enum, so a wrong value is refused where the request is made, with
the valid values in the message, instead of quietly matching nothing later (``--stance
supportt`` used to return no rows and exit 0). The CLI builds exactly one of these per command
from its arguments and hands it to :mod:`cwgtool.api`; a script builds the same objects, so
both get the same checks. Values are normalised here once (upper-case ISO3 codes, canonical
contribution symbols), so the code that filters never has to.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, TypeVar

from cwgtool.check.diagnostic import Severity
from cwgtool.vocabulary import ActorKind, Stance, TopicStatus

if TYPE_CHECKING:
    from cwgtool.cache import ParseCache
    from cwgtool.limits import Limits

__all__ = [
    "ActorKind",
    "BriefFormat",
    "BriefRequest",
    "CheckFormat",
    "CheckRequest",
    "DocFormat",
    "InfoFormat",
    "ParseOptions",
    "PdfEngine",
    "RowKind",
    "RowQuery",
    "RulesFormat",
    "Severity",
    "Stance",
    "TopicStatus",
    "choice",
]


class PdfEngine(StrEnum):
    """The PDF text engine. pdfium is the default: same blocks as the reference, far faster."""

    PDFIUM = "pdfium"
    PDFPLUMBER = "pdfplumber"


DEFAULT_PDF_ENGINE = PdfEngine.PDFIUM


class DocFormat(StrEnum):
    """Output of ``cwgtool parse``: the whole document."""

    JSON = "json"
    JSONL = "jsonl"
    MD = "md"
    TEXT = "text"


class RowKind(StrEnum):
    """The kinds of extracted facts listed one per row (``cwgtool positions`` …)."""

    CONTRIBUTIONS = "contributions"
    POSITIONS = "positions"
    ACTIONS = "actions"
    TOPICS = "topics"


class InfoFormat(StrEnum):
    """Output of a status command (``cwgtool cache info``): lines for people, or one JSON object."""

    TEXT = "text"
    JSON = "json"


class RulesFormat(StrEnum):
    """Output of ``cwgtool rules``."""

    TABLE = "table"
    TSV = "tsv"
    JSON = "json"
    MARKDOWN = "markdown"


E = TypeVar("E", bound=Enum)


def choice(enum: type[E], value: str | E, what: str) -> E:
    """``value`` as a member of ``enum``, or a ValueError that lists the valid values.

    Case-insensitive, as on the command line. ``what`` names the setting in the message
    ("stance", "PDF engine").
    """
    if isinstance(value, enum):
        return value
    text = str(value).strip().lower()
    for member in enum:
        if str(member.value).lower() == text:
            return member
    valid = ", ".join(str(m.value) for m in enum)
    raise ValueError(f"unknown {what} {value!r} (choose from: {valid})")


@dataclass(frozen=True, slots=True)
class ParseOptions:
    """How to parse documents: engine, password, cache, limits, parallelism.

    ``pdf_engine`` accepts the enum or its name; anything else is refused here, not deep in
    a reader. ``jobs`` None means one process per CPU.
    """

    pdf_engine: PdfEngine = DEFAULT_PDF_ENGINE
    password: str | None = None
    use_cache: bool = True
    cache_dir: str | None = None  # None: $CWGTOOL_CACHE_DIR or the user cache directory
    limits: Limits | None = None  # None: Limits.from_env()
    debug: bool = False  # keep tracebacks of failures (Outcome.detail)
    jobs: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "pdf_engine", choice(PdfEngine, self.pdf_engine, "PDF engine"))
        if self.jobs is not None and self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")

    def effective_limits(self) -> Limits:
        from cwgtool.limits import Limits

        return self.limits if self.limits is not None else Limits.from_env()

    def effective_jobs(self) -> int:
        return self.jobs or os.cpu_count() or 1

    def cache(self) -> ParseCache | None:
        """The cache to use, or None. A password means the file is encrypted: its plaintext is
        kept out of a shared cache."""
        if not self.use_cache or self.password is not None:
            return None
        from cwgtool.cache import ParseCache

        return ParseCache(self.cache_dir)


@dataclass(frozen=True, slots=True)
class RowQuery:
    """Which rows of one kind to list, from parsed documents or from an archive.

    Filters left at None keep everything. ``member`` is an ISO3 code (upper-cased here);
    ``contribution`` any written form of a symbol (normalised here: "CWG-Internet-18/3-E" and
    "cwg-internet-18/3" select the same rows). ``all_actions`` also keeps actions found inside
    discussions; ``status`` keeps the topics the meeting settled that way (an archive's grouped
    topics by their last status); ``occurrences`` (archive topics only) lists one row per meeting instead of one
    per topic; ``paths`` (archive only) keeps documents at or under these paths.
    """

    kind: RowKind
    stance: Stance | None = None
    member: str | None = None
    contribution: str | None = None
    actor_kind: ActorKind | None = None
    status: TopicStatus | None = None
    all_actions: bool = False
    occurrences: bool = False
    paths: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", choice(RowKind, self.kind, "row kind"))
        if self.stance is not None:
            object.__setattr__(self, "stance", choice(Stance, self.stance, "stance"))
        if self.actor_kind is not None:
            object.__setattr__(self, "actor_kind", choice(ActorKind, self.actor_kind, "actor kind"))
        if self.status is not None:
            object.__setattr__(self, "status", choice(TopicStatus, self.status, "topic status"))
        if self.member is not None:
            member = self.member.strip().upper()
            if not (len(member) == 3 and member.isalpha() and member.isascii()):
                raise ValueError(f"member must be an ISO 3166 alpha-3 code such as RUS or USA, not {self.member!r}")
            object.__setattr__(self, "member", member)
        if self.contribution is not None:
            from cwgtool.symbols import normalise

            object.__setattr__(self, "contribution", normalise(self.contribution) or self.contribution.strip())
        object.__setattr__(self, "paths", tuple(self.paths))


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """What ``cwgtool check`` is asked: rule selection, failing severity, a baseline.

    ``select``/``ignore`` are comma-separated codes or prefixes ("NUM,TXT001") or lists of them;
    None leaves each file's config in charge. An unknown code is refused here (a typo would
    otherwise silently disable a check). ``skip_unknown`` leaves out, and reports as skipped,
    documents that are neither records nor contributions (kind ``unknown``).
    """

    select: str | tuple[str, ...] | None = None
    ignore: str | tuple[str, ...] | None = None
    fail_on: Severity | None = None
    baseline: str | None = None
    skip_unknown: bool = False  # leave out documents that are neither records nor contributions

    def __post_init__(self) -> None:
        from cwgtool.check.registry import validate_selectors

        if self.fail_on is not None:
            object.__setattr__(self, "fail_on", choice(Severity, self.fail_on, "severity"))
        validate_selectors((self.selected() or []) + (self.ignored() or []))

    def selected(self) -> list[str] | None:
        from cwgtool.check.registry import parse_codes

        return parse_codes(self.select) if self.select is not None else None

    def ignored(self) -> list[str] | None:
        from cwgtool.check.registry import parse_codes

        return parse_codes(self.ignore) if self.ignore is not None else None


class CheckFormat(StrEnum):
    """Output of ``cwgtool check``: text for people, or a format a CI service reads."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


class BriefFormat(StrEnum):
    """Output of ``cwgtool brief``: one self-contained HTML page, or Markdown."""

    HTML = "html"
    MD = "md"


@dataclass(frozen=True, slots=True)
class BriefRequest:
    """What ``cwgtool brief`` is asked: from parsed records, or with ``db`` from an archive.

    ``member`` (ISO3, upper-cased here) adds that Member State's positions over time;
    ``topic`` narrows the stance map to topics and contributions whose title holds that text;
    ``paths`` (archive only) keeps the records at or under these paths.
    """

    format: BriefFormat = BriefFormat.HTML
    member: str | None = None
    topic: str | None = None
    db: str | None = None
    paths: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "format", choice(BriefFormat, self.format, "brief format"))
        if self.member is not None:
            member = self.member.strip().upper()
            if not (len(member) == 3 and member.isalpha() and member.isascii()):
                raise ValueError(f"member must be an ISO 3166 alpha-3 code such as RUS or USA, not {self.member!r}")
            object.__setattr__(self, "member", member)
        if self.topic is not None and not self.topic.strip():
            raise ValueError("topic must be some text of a topic's title, not empty")
        object.__setattr__(self, "paths", tuple(self.paths))

"""Running the rules: on one document (read once, model built once, both shared by every rule),
and on many (:func:`check_paths`), whose :class:`CheckReport` is what ``cwgtool check`` prints.

Reading goes through :mod:`cwgtool.pipeline`, the same checks as ``parse`` (stdin included).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cwgtool.blocks import ReadResult
from cwgtool.check.config import CheckConfig, config_for
from cwgtool.check.context import CheckContext
from cwgtool.check.diagnostic import Diagnostic, Severity
from cwgtool.check.registry import RULES, Rule, parse_codes, selected_rules, validate_selectors
from cwgtool.errors import InputError

if TYPE_CHECKING:
    from cwgtool.limits import Limits
    from cwgtool.options import CheckRequest, ParseOptions

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 3


def _sort_key(d: Diagnostic) -> tuple[int, int, int, str]:
    loc = d.location
    return (loc.page or 0, loc.index if loc.index is not None else -1, loc.line or 0, d.code)


def run_rules(ctx: CheckContext, rules: Sequence[Rule], config: CheckConfig | None = None) -> list[Diagnostic]:
    """Apply ``rules`` to a prepared context; per-rule severity overrides come from ``config``."""
    overrides = config.rule_severity if config else {}
    out: list[Diagnostic] = []
    for r in rules:
        try:
            found = list(r.func(ctx))
        except Exception as exc:  # a rule bug must name the rule and the file, not just crash
            raise RuntimeError(f"rule {r.code} ({r.name}) failed on {ctx.display_name}: {exc!r}") from exc
        sev = next((overrides[k] for k in sorted(overrides, key=len, reverse=True) if r.code.startswith(k)), None)
        if sev is not None:
            found = [replace(d, severity=sev) for d in found]
        out.extend(found)
    out.sort(key=_sort_key)
    return out


def _rules_for(config: CheckConfig, select: Iterable[str] | str | None, ignore: Iterable[str] | str | None) -> tuple[CheckConfig, list[Rule]]:
    sel = parse_codes(select) if select is not None else None
    ign = parse_codes(ignore) if ignore is not None else None
    validate_selectors((sel or []) + (ign or []))
    config = config.merged(select=sel, ignore=ign)
    return config, selected_rules(config.select, config.ignore)


class NotARecord(Exception):
    """Raised instead of checking a document that is neither a record nor a contribution, when
    the caller asked to skip those (``skip_unknown``): a pre-commit hook sees every ``.txt`` of a
    repository, and a ``notes.txt`` must not fail the commit for its double spaces."""

    REASON = "skipped: not a CWG record or contribution"


def check_result(
    result: ReadResult,
    *,
    display_name: str,
    sha256: str = "",
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: CheckConfig | None = None,
    path: str | None = None,
    skip_unknown: bool = False,
) -> list[Diagnostic]:
    """Check blocks already read (the document is built here, once).

    ``skip_unknown``: raise :class:`NotARecord` for a document of kind ``unknown``.
    """
    from cwgtool.model import DocumentKind, Source
    from cwgtool.pipeline import build_document

    config, rules = _rules_for(config or CheckConfig(), select, ignore)
    doc = build_document(result, Source(path=display_name, format=result.format, sha256=sha256, pages=result.pages))
    if skip_unknown and doc.kind is DocumentKind.UNKNOWN:
        raise NotARecord(display_name)
    ctx = CheckContext(display_name=display_name, doc=doc, result=result, path=path)
    return run_rules(ctx, rules, config)


def check_path(
    path: str | os.PathLike[str],
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: CheckConfig | None = None,
    discover_config: bool = True,
    pdf_engine: str | None = None,
    password: str | None = None,
    limits: Limits | None = None,
    skip_unknown: bool = False,
) -> list[Diagnostic]:
    """Check one document (PDF, DOCX, text, or "-" for stdin).

    ``select``/``ignore`` take codes or prefixes ("NUM", "TXT001", "NUM00"); when given they
    replace the config file's lists. Without ``config`` the nearest config file is used.
    Raises :class:`~cwgtool.errors.InputError` for unreadable input and ``ValueError`` for an
    unknown rule code.
    """
    from cwgtool import pipeline
    from cwgtool.options import ParseOptions

    p = str(path)
    if config is None:
        config = config_for(p) if discover_config else CheckConfig()
    options = ParseOptions(use_cache=False, password=password, limits=limits, **({"pdf_engine": pdf_engine} if pdf_engine else {}))
    checked = pipeline.check_input(p, options.effective_limits())
    try:
        result = pipeline.read_checked(checked, options)
    finally:
        checked.release()
    return check_result(
        result, display_name=checked.name, sha256=checked.sha256, select=select, ignore=ignore, config=config, path=p,
        skip_unknown=skip_unknown,
    )


def check_text(
    text: str,
    *,
    name: str = "<text>",
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: CheckConfig | None = None,
) -> list[Diagnostic]:
    """Check a record given as a string (tests, editors' "check selection")."""
    from cwgtool.readers.text import read_text

    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return check_result(read_text(text, display_name=name), display_name=name, sha256=sha, select=select, ignore=ignore, config=config)


@dataclass(slots=True)
class CheckReport:
    """What a check of many documents found: the renderers print it, the CLI exits with
    :attr:`exit_code`.

    ``fail_on`` is the failing severity asked for (the renderers show it); each file's own
    threshold comes from its config, and ``failing`` says whether any finding reached it.
    """

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # checked, as shown
    input_errors: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) not read
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) not checked (skip_unknown)
    rules: list[Rule] = field(default_factory=list)  # every rule that ran on some file
    fail_on: Severity = Severity.WARNING
    failing: bool = False

    @property
    def exit_code(self) -> int:
        """3 when an input could not be read, else 1 when a finding reached its failing severity."""
        if self.input_errors:
            return EXIT_INPUT
        return EXIT_FINDINGS if self.failing else EXIT_OK


def check_paths(paths: Sequence[str], request: CheckRequest, options: ParseOptions) -> CheckReport:
    """Check documents (already expanded) as ``request`` asks: each file's config merged with the
    request's selections, findings already in the request's baseline left out.

    Raises :class:`~cwgtool.check.config.ConfigError` (a usage error) for a config file that
    cannot be used; an unreadable input is recorded in the report and the others are checked.
    """
    from cwgtool.check.baseline import filter_new, load_baseline
    from cwgtool.pipeline import STDIN, STDIN_NAME

    known = load_baseline(request.baseline) if request.baseline else None
    report = CheckReport(fail_on=request.fail_on or Severity.WARNING)
    codes: set[str] = set()
    for path in paths:
        config = config_for(path).merged(select=request.selected(), ignore=request.ignored(), fail_on=request.fail_on)
        try:
            found = check_path(
                path, config=config, pdf_engine=options.pdf_engine, password=options.password, limits=options.effective_limits(),
                skip_unknown=request.skip_unknown,
            )
        except NotARecord as exc:
            report.skipped.append((str(exc), NotARecord.REASON))
            continue
        except InputError as exc:
            report.input_errors.append((exc.path, exc.reason))
            continue
        except OSError as exc:
            report.input_errors.append((path, str(exc.strerror or exc)))
            continue
        report.files.append(STDIN_NAME if path == STDIN else path)
        codes.update(r.code for r in selected_rules(config.select, config.ignore))
        if known is not None and request.baseline is not None:
            found = filter_new(found, known, request.baseline)
        report.failing = report.failing or any(d.severity.rank >= config.fail_on.rank for d in found)
        report.diagnostics.extend(found)
    report.rules = [RULES[c] for c in sorted(codes)]
    return report

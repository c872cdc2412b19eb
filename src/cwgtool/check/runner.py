"""Running the rules on one document: read once, build the model once, share both."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from cwgtool.blocks import ReadResult
from cwgtool.check.config import CheckConfig, config_for
from cwgtool.check.context import CheckContext
from cwgtool.check.registry import Diagnostic, Rule, parse_codes, selected_rules, validate_selectors
from cwgtool.fileio import sha256_file
from cwgtool.model import Source
from cwgtool.readers import DEFAULT_PDF_ENGINE

if TYPE_CHECKING:
    from cwgtool.limits import Limits


def _sort_key(d: Diagnostic) -> tuple[int, int, int, str]:
    loc = d.location
    return (loc.page or 0, loc.index if loc.index is not None else -1, loc.line or 0, d.code)


def run_rules(ctx: CheckContext, rules: Sequence[Rule], config: CheckConfig | None = None) -> list[Diagnostic]:
    """Apply ``rules`` to a prepared context; per-rule severity overrides come from ``config``."""
    from dataclasses import replace

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


def check_result(
    result: ReadResult,
    *,
    display_name: str,
    sha256: str = "",
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: CheckConfig | None = None,
    path: str | None = None,
) -> list[Diagnostic]:
    """Check blocks already read (the document is built here, once)."""
    from cwgtool.api import build_document

    config, rules = _rules_for(config or CheckConfig(), select, ignore)
    doc = build_document(result, Source(path=display_name, format=result.format, sha256=sha256, pages=result.pages))
    ctx = CheckContext(display_name=display_name, doc=doc, result=result, path=path)
    return run_rules(ctx, rules, config)


def check_path(
    path: str | os.PathLike[str],
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    config: CheckConfig | None = None,
    discover_config: bool = True,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
    password: str | None = None,
    limits: Limits | None = None,
) -> list[Diagnostic]:
    """Check one document (PDF, DOCX, text, or "-" for stdin).

    ``select``/``ignore`` take codes or prefixes ("NUM", "TXT001", "NUM00"); when given they
    replace the config file's lists. Without ``config`` the nearest config file is used.
    Raises :class:`~cwgtool.errors.InputError` for unreadable input and ``ValueError`` for an
    unknown rule code.
    """
    from cwgtool.api import read_blocks

    p = str(path)
    if config is None:
        config = config_for(p) if discover_config else CheckConfig()
    result = read_blocks(p, pdf_engine=pdf_engine, password=password, limits=limits)
    name = "<stdin>" if p == "-" else p
    sha = sha256_file(p) if p != "-" else ""
    return check_result(result, display_name=name, sha256=sha, select=select, ignore=ignore, config=config, path=p)


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

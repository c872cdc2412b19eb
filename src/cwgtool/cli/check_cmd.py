"""`cwgtool check` and `cwgtool rules`: lint summary records like code.

Exit codes: 0 nothing at/above the failing severity, 1 something is, 2 usage error (unknown
rule code, bad config or baseline), 3 an input could not be read (the message names the file).
"""

from __future__ import annotations

import re
import sys

import typer

from cwgtool.check.registry import Rule, Severity
from cwgtool.cli.common import (
    ENGINE,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    PASSWORD,
    Settings,
    emit,
    error,
    stdout_is_terminal,
)
from cwgtool.cli.common import usage_error as _usage
from cwgtool.options import PdfEngine, RulesFormat
from cwgtool.render.diagnostics import CheckFormat


def check(
    inputs: list[str] = typer.Argument(..., metavar="FILE...", help="Records to check: files, folders (recursive), globs, or - for stdin."),
    select: str | None = typer.Option(None, "--select", metavar="CODES", help='Rule codes or prefixes to enable, comma-separated ("NUM,TXT001"). Replaces the config file\'s list.'),
    ignore: str | None = typer.Option(None, "--ignore", metavar="CODES", help="Rule codes or prefixes to disable, comma-separated. Replaces the config file's list."),
    severity: Severity | None = typer.Option(None, "--severity", help="Failing threshold: exit 1 when a finding is at or above it (default: warning).", case_sensitive=False),
    fmt: CheckFormat = typer.Option(CheckFormat.TEXT, "--format", "-f", help="text, json, github (workflow annotations), sarif (2.1.0), junit (XML).", case_sensitive=False),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to this file instead of stdout."),
    baseline: str | None = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings not recorded in this baseline file."),
    write_baseline: str | None = typer.Option(None, "--write-baseline", metavar="FILE", help="Record the current findings in this file (JSON) and exit 0."),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
) -> None:
    """Check summary records for numbering, symbol, structure, reference and typography problems."""
    from cwgtool.api import resolve_inputs
    from cwgtool.check.baseline import filter_new, load_baseline
    from cwgtool.check.baseline import write_baseline as save_baseline
    from cwgtool.check.config import ConfigError, config_for
    from cwgtool.check.registry import Diagnostic, parse_codes, selected_rules, validate_selectors
    from cwgtool.check.runner import check_path
    from cwgtool.errors import InputError
    from cwgtool.render.diagnostics import render

    cli_select = parse_codes(select) if select is not None else None
    cli_ignore = parse_codes(ignore) if ignore is not None else None
    try:
        validate_selectors((cli_select or []) + (cli_ignore or []))
    except ValueError as exc:
        raise _usage(str(exc)) from None
    known = None
    if baseline:
        try:
            known = load_baseline(baseline)
        except ValueError as exc:
            raise _usage(str(exc)) from None

    paths = resolve_inputs(inputs)
    if not paths:
        error("no input documents found")
        raise typer.Exit(EXIT_INPUT)

    findings: list[Diagnostic] = []
    failing = False
    checked: list[str] = []
    input_errors: list[tuple[str, str]] = []
    codes: set[str] = set()
    for path in paths:
        try:
            config = config_for(path).merged(select=cli_select, ignore=cli_ignore, fail_on=severity)
        except ConfigError as exc:
            raise _usage(str(exc)) from None
        try:
            found = check_path(path, config=config, pdf_engine=str(engine.value), password=password, limits=Settings.limits())
        except InputError as exc:
            error(str(exc))
            input_errors.append((exc.path, exc.reason))
            continue
        except OSError as exc:
            error(f"{path}: {exc.strerror or exc}")
            input_errors.append((path, str(exc.strerror or exc)))
            continue
        checked.append("<stdin>" if path == "-" else path)
        codes.update(r.code for r in selected_rules(config.select, config.ignore))
        if known is not None:
            found = filter_new(found, known, baseline)  # type: ignore[arg-type]
        failing = failing or any(d.severity.rank >= config.fail_on.rank for d in found)
        findings.extend(found)

    if write_baseline:
        n = save_baseline(write_baseline, findings)
        error(f"wrote {n} finding{'s' if n != 1 else ''} to baseline {write_baseline}")
        raise typer.Exit(EXIT_INPUT if input_errors else EXIT_OK)

    from cwgtool.check.registry import RULES

    rules = [RULES[c] for c in sorted(codes)]
    text = render(
        fmt,
        findings,
        rules=rules,
        files=checked,
        fail_on=severity or Severity.WARNING,
        input_errors=input_errors,
    )
    if checked or fmt is not CheckFormat.TEXT:
        emit(text, output)
    if input_errors:
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def rules(
    code: str | None = typer.Argument(None, metavar="[CODE]", help="A rule code or name (prints its documentation) or a code prefix (lists that group)."),
    fmt: RulesFormat | None = typer.Option(
        None, "--format", "-f", help="table (default on a terminal), tsv (default when piped), json, markdown.", case_sensitive=False
    ),
) -> None:
    """List the checker's rules, or print one rule's documentation."""
    import json

    from cwgtool.check.registry import all_rules

    rules = all_rules()
    if code:
        wanted = code.strip()
        exact = [r for r in rules if r.code == wanted.upper() or r.name == wanted.lower()]
        if exact:
            r = exact[0]
            sys.stdout.write(f"# {r.code} {r.name} ({r.severity.value})\n\n{r.summary}\n\n{r.docs}")
            return
        rules = [r for r in rules if r.code.startswith(wanted.upper())]
        if not rules:
            raise _usage(f"unknown rule {code!r} (see `cwgtool rules`)")
    chosen = fmt or (RulesFormat.TABLE if stdout_is_terminal() else RulesFormat.TSV)
    if chosen == "json":
        rows = [{"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary, "docs": r.docs} for r in rules]
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif chosen == "markdown":
        sys.stdout.write(rules_markdown(rules))
    elif chosen == "tsv":
        sys.stdout.write("code\tname\tseverity\tsummary\n")
        for r in rules:
            sys.stdout.write(f"{r.code}\t{r.name}\t{r.severity.value}\t{r.summary}\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="cwgtool check rules")
        for col in ("code", "name", "severity", "summary"):
            table.add_column(col)
        for r in rules:
            table.add_row(r.code, r.name, r.severity.value, r.summary)
        Console().print(table)


def rules_markdown(rules: list[Rule]) -> str:
    """The rule reference as Markdown (docs/rules.md is generated with this)."""
    out = ["# `cwgtool check` rules", "", "Generated by `cwgtool rules --format markdown`; do not edit by hand.", ""]
    out += ["| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
    for r in rules:
        summary = r.summary.replace("|", "\\|")
        out.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity.value} | {summary} |")
    for r in rules:
        body = re.sub(r"^## ", "### ", r.docs, flags=re.MULTILINE)
        out += ["", f"## {r.code} {r.name}", "", f"Default severity: **{r.severity.value}**. {r.summary}", "", body.rstrip()]
    return "\n".join(out) + "\n"

"""`cwgtool check` and `cwgtool rules`: lint summary records like code.

Exit codes: 0 nothing at/above the failing severity, 1 something is, 2 usage error (unknown
rule code, bad config or baseline), 3 an input could not be read (the message names the file).
Config merging, baseline filtering and the failing decision are the library's
(:func:`cwgtool.api.check` → ``CheckReport``); this module turns arguments into a request and
prints the report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from cwgtool import api
from cwgtool.cli.common import (
    DEBUG,
    ENGINE,
    EXIT_INPUT,
    EXIT_OK,
    PASSWORD,
    QUIET,
    emit,
    error,
    expand_inputs,
    parse_options,
    stdout_is_terminal,
    usage_error,
)
from cwgtool.options import CheckFormat, CheckRequest, PdfEngine, RulesFormat, Severity
from cwgtool.render.rules import print_rules_table, rule_doc, rules_json, rules_markdown, rules_tsv


def check(
    inputs: list[str] = typer.Argument(..., metavar="FILE...", help="Records to check: files, folders (recursive), globs, or - for stdin."),
    select: str | None = typer.Option(
        None, "--select", metavar="CODES", help='Rule codes or prefixes to enable, comma-separated ("NUM,TXT001"). Replaces the config file\'s list.'
    ),
    ignore: str | None = typer.Option(
        None, "--ignore", metavar="CODES", help="Rule codes or prefixes to disable, comma-separated. Replaces the config file's list."
    ),
    severity: Severity | None = typer.Option(
        None, "--severity", help="Failing threshold: exit 1 when a finding is at or above it (default: warning).", case_sensitive=False
    ),
    fmt: CheckFormat = typer.Option(
        CheckFormat.TEXT, "--format", "-f", help="text, json, github (workflow annotations), sarif (2.1.0), junit (XML).", case_sensitive=False
    ),
    output: str | None = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report to this file instead of stdout."),
    baseline: str | None = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings not recorded in this baseline file."),
    write_baseline: str | None = typer.Option(
        None, "--write-baseline", metavar="FILE", help="Record the current findings in this file (JSON) and exit 0."
    ),
    skip_unknown: bool = typer.Option(
        False, "--skip-unknown", help="Skip (with a note on stderr) documents that are neither records nor contributions: for pre-commit hooks."
    ),
    base_dir: Path | None = typer.Option(
        None, "--base-dir", metavar="DIR", exists=True, file_okay=False, help="Write github/sarif paths relative to DIR (default: the git repository root, else the current folder)."
    ),
    engine: PdfEngine = ENGINE,
    password: str | None = PASSWORD,
    no_cache: bool = typer.Option(False, "--no-cache", help="Accepted for symmetry with the other commands: check never uses the cache."),
    quiet: bool = QUIET,
    debug: bool = DEBUG,
) -> None:
    """Check summary records for numbering, symbol, structure, reference and typography problems."""
    from cwgtool.render.diagnostics import render

    try:
        request = CheckRequest(select=select, ignore=ignore, fail_on=severity, baseline=baseline, skip_unknown=skip_unknown)
    except ValueError as exc:
        raise usage_error(str(exc)) from None
    paths = expand_inputs(inputs)
    if not paths:
        error("no input documents found")
        raise typer.Exit(EXIT_INPUT)
    try:
        report = api.check(paths, request, parse_options(engine, password, None, no_cache=True))
    except ValueError as exc:  # a config file or baseline that cannot be used
        raise usage_error(str(exc)) from None
    for file, reason in report.input_errors:
        error(f"{file}: {reason}")
    if not quiet:
        for file, reason in report.skipped:
            error(f"{file}: {reason}")

    if write_baseline:
        n = api.write_baseline(write_baseline, report)
        error(f"wrote {n} finding{'s' if n != 1 else ''} to baseline {write_baseline}")
        raise typer.Exit(EXIT_INPUT if report.input_errors else EXIT_OK)

    text = render(
        fmt,
        report.diagnostics,
        rules=report.rules,
        files=report.files,
        fail_on=report.fail_on,
        input_errors=report.input_errors,
        skipped=report.skipped,
        base_dir=base_dir,
    )
    if report.files or report.skipped or fmt is not CheckFormat.TEXT:
        emit(text, output)
    raise typer.Exit(report.exit_code)


def rules(
    code: str | None = typer.Argument(
        None, metavar="[CODE]", help="A rule code or name (prints its documentation) or a code prefix (lists that group)."
    ),
    fmt: RulesFormat | None = typer.Option(
        None, "--format", "-f", help="table (default on a terminal), tsv (default when piped), json, markdown.", case_sensitive=False
    ),
) -> None:
    """List the checker's rules, or print one rule's documentation."""
    if code and (one := api.rule(code)) is not None:
        sys.stdout.write(rule_doc(one))
        return
    found = api.rules(code or "")
    if not found:
        raise usage_error(f"unknown rule {code!r} (see `cwgtool rules`)")
    chosen = fmt or (RulesFormat.TABLE if stdout_is_terminal() else RulesFormat.TSV)
    if chosen is RulesFormat.TABLE:
        print_rules_table(found)
    else:
        text = {RulesFormat.JSON: rules_json, RulesFormat.MARKDOWN: rules_markdown, RulesFormat.TSV: rules_tsv}[chosen](found)
        sys.stdout.write(text)

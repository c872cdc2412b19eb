"""The `cwgtool` command: a thin typer layer over :mod:`cwgtool.api`.

Each command lives in a short module of this package (arguments → one request → one library
call → render) and is listed once in :data:`COMMANDS`; adding a command is one module and one
line there.

Exit codes (documented in README.md):
0 success · 1 `check` found problems at/above the failing severity · 2 usage error ·
3 an input could not be read (in a batch: at least one) · 4 a safety limit tripped · 130 interrupted.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer

from cwgtool import __version__, api
from cwgtool.cli import (
    brief_cmd,
    cache_cmd,
    check_cmd,
    extract_cmds,
    index_cmd,
    link_cmd,
    parse_cmd,
    schema_cmd,
)
from cwgtool.cli.common import EXIT_INTERRUPTED, Settings, command, unexpected_error

HELP = "Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data."

# (name, function) of every command, in the order `cwgtool --help` lists them.
COMMANDS: list[tuple[str, Callable[..., Any]]] = [
    ("parse", parse_cmd.parse),
    ("contributions", extract_cmds.contributions),
    ("positions", extract_cmds.positions),
    ("actions", extract_cmds.actions),
    ("topics", extract_cmds.topics),
    ("check", check_cmd.check),
    ("rules", check_cmd.rules),
    ("index", index_cmd.index),
    ("search", index_cmd.search),
    ("link", link_cmd.link),
    ("brief", brief_cmd.brief),
    ("schema", schema_cmd.schema),
]
# (name, sub-application) of every command group.
GROUPS: list[tuple[str, typer.Typer]] = [
    ("cache", cache_cmd.app),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cwgtool {__version__}")
        raise typer.Exit()


def _size(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        return api.parse_size(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    max_bytes: str | None = typer.Option(
        None, "--max-bytes", metavar="SIZE", help="Largest input file (e.g. 200M; 0 = no limit). Env: CWGTOOL_MAX_BYTES."
    ),
    max_pages: int | None = typer.Option(None, "--max-pages", metavar="N", help="Most PDF pages. Env: CWGTOOL_MAX_PAGES."),
    max_unzipped_bytes: str | None = typer.Option(
        None, "--max-unzipped-bytes", metavar="SIZE", help="Largest uncompressed DOCX (e.g. 500M). Env: CWGTOOL_MAX_UNZIPPED_BYTES."
    ),
    max_ratio: int | None = typer.Option(None, "--max-ratio", metavar="N", help="Highest DOCX member compression ratio. Env: CWGTOOL_MAX_RATIO."),
    max_xml_depth: int | None = typer.Option(None, "--max-xml-depth", metavar="N", help="Deepest DOCX XML nesting. Env: CWGTOOL_MAX_XML_DEPTH."),
    max_paragraphs: int | None = typer.Option(
        None, "--max-paragraphs", metavar="N", help="Most paragraphs in a DOCX part. Env: CWGTOOL_MAX_PARAGRAPHS."
    ),
    timeout: float | None = typer.Option(None, "--timeout", metavar="SECONDS", help="Seconds allowed per document. Env: CWGTOOL_TIMEOUT."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback behind an error message."),
    raw_csv: bool = typer.Option(
        False, "--raw-csv", help="Write csv cells as they are: no ' before a cell starting with = + - @ (spreadsheet formula guard)."
    ),
    follow_symlinks: bool = typer.Option(
        False, "--follow-symlinks", help="Read symbolic links in input folders that lead outside them (skipped by default)."
    ),
) -> None:
    """Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data.

    Safety limits (given before the command, e.g. `cwgtool --max-bytes 1G parse big.pdf`) apply
    to every command; their defaults and environment variables are listed in README.md.
    """
    overrides = {
        "max_bytes": _size(max_bytes),
        "max_pages": max_pages,
        "max_unzipped_bytes": _size(max_unzipped_bytes),
        "max_ratio": max_ratio,
        "max_xml_depth": max_xml_depth,
        "max_paragraphs": max_paragraphs,
        "timeout": timeout,
    }
    Settings.limit_overrides = {k: v for k, v in overrides.items() if v is not None}
    Settings.debug = Settings.debug or debug
    Settings.formula_guard = not raw_csv
    Settings.follow_symlinks = follow_symlinks


def make_app() -> typer.Typer:
    """The application: root options, then every command of :data:`COMMANDS` and :data:`GROUPS`."""
    application = typer.Typer(
        name="cwgtool",
        help=HELP,
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    application.callback()(_root)
    for name, function in COMMANDS:
        command(application, name)(function)
    for name, group in GROUPS:
        application.add_typer(group, name=name)
    return application


app = make_app()


def main() -> None:
    """``cwgtool``: whatever happens, stderr gets one line and the exit code is a documented one
    (tracebacks only with ``--debug``)."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("cwgtool: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: nothing escapes as a traceback
        sys.exit(unexpected_error(exc, debug=Settings.debug))

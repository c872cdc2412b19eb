"""The `cwgtool` command: a thin typer layer over :mod:`cwgtool.api`.

Exit codes (documented in README.md):
0 success · 1 `check` found problems at/above the failing severity · 2 usage error ·
3 an input could not be read (in a batch: at least one) · 4 a safety limit tripped · 130 interrupted.
"""

from __future__ import annotations

import sys

import typer

from cwgtool import __version__

app = typer.Typer(
    name="cwgtool",
    help="Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cwgtool {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data."""


def _register() -> None:
    """Import every ``*_cmd*.py`` module of this package; each registers its commands on ``app``."""
    import importlib
    import pkgutil

    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if "_cmd" in mod:
            importlib.import_module(f"{__name__}.{mod}")


def main() -> None:
    _register()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("cwgtool: interrupted\n")
        sys.exit(130)

"""The `cwgtool` command: a thin typer layer over :mod:`cwgtool.api`.

Exit codes (documented in README.md):
0 success · 1 `check` found problems at/above the failing severity · 2 usage error ·
3 an input could not be read (in a batch: at least one) · 4 a safety limit tripped · 130 interrupted.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from cwgtool import __version__

if TYPE_CHECKING:
    import typer

_registered = False


def _make_app() -> typer.Typer:
    """The typer application with its root options; commands are added by :func:`_register`."""
    import typer

    app = typer.Typer(
        name="cwgtool",
        help="Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data.",
        no_args_is_help=True,
        add_completion=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )

    def _root(
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
        max_bytes: str | None = typer.Option(None, "--max-bytes", help="Largest input file (e.g. 200M; 0 = no limit). Env: CWGTOOL_MAX_BYTES."),
        max_pages: int | None = typer.Option(None, "--max-pages", help="Most PDF pages. Env: CWGTOOL_MAX_PAGES."),
        max_unzipped_bytes: str | None = typer.Option(
            None, "--max-unzipped-bytes", help="Largest uncompressed DOCX (e.g. 500M). Env: CWGTOOL_MAX_UNZIPPED_BYTES."
        ),
        max_ratio: int | None = typer.Option(None, "--max-ratio", help="Highest DOCX member compression ratio. Env: CWGTOOL_MAX_RATIO."),
        max_xml_depth: int | None = typer.Option(None, "--max-xml-depth", help="Deepest DOCX XML nesting. Env: CWGTOOL_MAX_XML_DEPTH."),
        max_paragraphs: int | None = typer.Option(
            None, "--max-paragraphs", help="Most paragraphs in a DOCX part. Env: CWGTOOL_MAX_PARAGRAPHS."
        ),
        timeout: float | None = typer.Option(None, "--timeout", help="Seconds allowed per document. Env: CWGTOOL_TIMEOUT."),
        debug: bool = typer.Option(False, "--debug", help="Show the traceback behind an error message."),
        raw_csv: bool = typer.Option(
            False, "--raw-csv", help="Write csv cells as they are: no ' before a cell starting with = + - @ (spreadsheet formula guard)."
        ),
    ) -> None:
        """Turn ITU Council Working Group records and contributions (PDF, DOCX, text) into structured data.

        Safety limits (given before the command, e.g. `cwgtool --max-bytes 1G parse big.pdf`) apply
        to every command; their defaults and environment variables are listed in README.md.
        """
        from cwgtool.cli.common import Settings

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

    app.callback()(_root)
    return app


def __getattr__(name: str) -> Any:
    """``app`` is made on first use, so that the typer-free fast path (``main``) never imports typer."""
    if name == "app":
        globals()["app"] = made = _make_app()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version(value: bool) -> None:
    if value:
        import typer

        typer.echo(f"cwgtool {__version__}")
        raise typer.Exit()


def _size(text: str | None) -> int | None:
    if text is None:
        return None
    from cwgtool.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        import typer

        raise typer.BadParameter(str(exc)) from None


def _register() -> None:
    """Import every ``*_cmd*.py`` module of this package; each registers its commands on ``app``
    (with decorators, or with a ``register(app)`` function for modules that must stay importable
    without typer). Idempotent."""
    global _registered
    if _registered:
        return
    import importlib
    import pkgutil

    app = __getattr__("app") if "app" not in globals() else globals()["app"]
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if "_cmd" in mod:
            module = importlib.import_module(f"{__name__}.{mod}")
            register = getattr(module, "register", None)
            if register is not None:
                register(app)
    _registered = True


def main() -> None:
    from cwgtool.cli.parse_cmd import fast_parse

    try:
        if fast_parse(sys.argv[1:]):
            return
        _register()
        globals()["app"]()
    except KeyboardInterrupt:
        sys.stderr.write("cwgtool: interrupted\n")
        sys.exit(130)

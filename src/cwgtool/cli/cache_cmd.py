"""`cwgtool cache info|clear`: the parsed-document cache (see :mod:`cwgtool.cache`)."""

from __future__ import annotations

import json

import typer

from cwgtool import api
from cwgtool.cli.common import command
from cwgtool.options import InfoFormat

app = typer.Typer(help="Inspect or empty the parsed-document cache.", no_args_is_help=True)


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


@command(app, "info")
def info(
    fmt: InfoFormat = typer.Option(InfoFormat.TEXT, "--format", "-f", help="text, or json: {location, entries, size (bytes)}.", case_sensitive=False),
) -> None:
    """Where the cache lives, how many parsed documents it holds and their size."""
    found = api.cache_info()
    if fmt is InfoFormat.JSON:
        typer.echo(json.dumps({"location": found.location, "entries": found.entries, "size": found.size}, ensure_ascii=False, indent=2))
    else:
        typer.echo(f"location: {found.location}\nentries:  {found.entries}\nsize:     {_size(found.size)} ({found.size} bytes)")


@command(app, "clear")
def clear() -> None:
    """Delete every cached parse (they are rebuilt on demand)."""
    n, where = api.cache_clear()
    typer.echo(f"removed {n} cached document{'s' if n != 1 else ''} from {where}")

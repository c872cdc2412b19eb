"""`cwgtool cache info|clear`: the parsed-document cache (see :mod:`cwgtool.cache`)."""

from __future__ import annotations

import typer

from cwgtool.cli import app

cache_app = typer.Typer(help="Inspect or empty the parsed-document cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


@cache_app.command("info")
def info_cmd() -> None:
    """Where the cache lives, how many parsed documents it holds and their size."""
    from cwgtool.cache import ParseCache

    info = ParseCache().info()
    typer.echo(f"location: {info.location}\nentries:  {info.entries}\nsize:     {_size(info.size)} ({info.size} bytes)")


@cache_app.command("clear")
def clear_cmd() -> None:
    """Delete every cached parse (they are rebuilt on demand)."""
    from cwgtool.cache import ParseCache

    cache = ParseCache()
    n = cache.clear()
    typer.echo(f"removed {n} cached document{'s' if n != 1 else ''} from {cache.root}")

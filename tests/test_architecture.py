"""The import rules of docs/architecture.md, checked on the source: the CLI reaches the library
only through its front door, nothing below the front door imports it, no module hides its
names behind a module-level ``__getattr__``, and commands are listed, not discovered."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src" / "cwgtool"
MODULES = sorted(SRC.rglob("*.py"))
# The CLI may import these cwgtool modules (and typer, rich).
CLI_MAY_IMPORT = ("cwgtool", "cwgtool.api", "cwgtool.options", "cwgtool.render", "cwgtool.cli")
BELOW_THE_FRONT_DOOR = ("batch", "cache", "check", "index", "link", "pipeline", "rows", "readers", "extract", "model")


def _runtime_imports(path: Path) -> set[str]:
    """cwgtool modules imported by ``path`` when it runs (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cwgtool"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("cwgtool"))
    return found


@pytest.mark.parametrize("path", sorted((SRC / "cli").glob("*.py")), ids=lambda p: p.name)
def test_the_cli_imports_only_the_front_door(path: Path) -> None:
    outside = {m for m in _runtime_imports(path) if not m.startswith(CLI_MAY_IMPORT)}
    assert not outside, f"{path.name} imports {sorted(outside)}: go through cwgtool.api"


@pytest.mark.parametrize("path", [p for p in MODULES if p.relative_to(SRC).parts[0].removesuffix(".py") in BELOW_THE_FRONT_DOOR], ids=str)
def test_nothing_below_the_front_door_imports_it(path: Path) -> None:
    assert "cwgtool.api" not in _runtime_imports(path) | {
        f"cwgtool.{n.name}" for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.alias) and n.name == "api"
    }


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_level_getattr(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "__getattr__"]


def test_commands_are_listed_not_discovered() -> None:
    """Every command module is imported by name in cli/__init__.py, and no module scan is left."""
    from cwgtool.cli import COMMANDS, GROUPS, app

    source = (SRC / "cli" / "__init__.py").read_text(encoding="utf-8")
    assert "pkgutil" not in source and "import_module" not in source
    registered = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    assert registered == {n for n, _ in COMMANDS} | {n for n, _ in GROUPS}
    for module in (SRC / "cli").glob("*_cmd*.py"):
        assert module.stem in source, f"{module.name} is not imported by cli/__init__.py"


def test_help_loads_only_the_front_door() -> None:
    """Start-up stays small without a second argument parser: `cwgtool --help` builds no
    pydantic model and imports none of the modules behind the front door."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom cwgtool.cli import main\nsys.argv = ['cwgtool', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('cwgtool.model', 'cwgtool.cache', 'cwgtool.index', 'cwgtool.check.runner', 'cwgtool.batch', 'cwgtool.readers.pdf')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr


# What a command that scripts call in a loop must not load when it answers from the cache or an
# archive: pydantic and the model (its classes are built at import), the parser and the file readers.
PARSER_MODULES = ("pydantic", "cwgtool.model", "cwgtool.extract", "cwgtool.outline", "cwgtool.readers.pdf", "cwgtool.readers.docx", "pypdfium2", "pdfplumber", "docx")


def _loaded_by(args: list[str], env: dict[str, str], modules: tuple[str, ...] = PARSER_MODULES) -> tuple[int, list[str]]:
    """(exit code, which of ``modules`` were loaded) of ``cwgtool ARGS`` in a fresh interpreter."""
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\nfrom cwgtool.cli import main\n"
        f"sys.argv = ['cwgtool', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code or 0\nelse:\n    code = 0\n"
        f"print(json.dumps([code, sorted(m for m in {modules!r} if m in sys.modules)]), file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    code, loaded = json.loads(proc.stderr.strip().splitlines()[-1])
    return code, loaded


def test_cached_listings_and_search_load_neither_the_model_nor_the_parser(tmp_path: Path) -> None:
    """`actions`/`positions`/`contributions`/`topics` on a cached document read its JSON form,
    and `search` only the archive."""
    import os

    record = str(ROOT / "fixtures" / "records" / "cwg14" / "cwg14.pdf")
    env = {**os.environ, "CWGTOOL_CACHE_DIR": str(tmp_path / "cache")}
    db = str(tmp_path / "a.sqlite")
    first, loaded = _loaded_by(["index", record, "--db", db, "-q"], env)  # parses: fills the cache
    assert first == 0 and "cwgtool.model" in loaded  # the check can see the parser
    for command in ("actions", "positions", "contributions", "topics"):
        assert _loaded_by([command, record, "-f", "tsv", "-q"], env) == (0, []), command
    # an archive is read without the pipeline or the cache either
    archive_only = (*PARSER_MODULES, "cwgtool.pipeline", "cwgtool.cache", "cwgtool.batch")
    assert _loaded_by(["search", "connectivity", "--db", db, "-f", "tsv"], env, archive_only) == (0, [])
    assert _loaded_by(["positions", "--db", db, "-f", "tsv"], env, archive_only) == (0, [])

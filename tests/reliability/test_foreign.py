"""Foreign documents (not CWG records) through ``cwgtool parse``: a result or a clean error, never
a traceback, and never an invented contribution, position, action or topic.

The committed copies in fixtures/foreign always run; the full shared corpus runs when present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import committed, needs_shared, shared_files
from tests.reliability.helpers import EXIT_INPUT, EXIT_LIMIT, SHARED_FOREIGN, cli

ENGINES = ("pdfplumber", "pdfium")
LOCAL = sorted({*committed("fixtures/foreign/*.pdf"), *committed("fixtures/foreign/*.docx")})
SHARED = sorted({*shared_files("corpus/foreign/*.pdf"), *shared_files("corpus/foreign/*.docx")})
GENERIC = "not recognised as a CWG summary record or contribution; parsed generically"


def _cases(files: list[Path]) -> list[tuple[Path, str]]:
    # the engine only matters for PDFs
    return [(f, e) for f in files for e in ENGINES if f.suffix == ".pdf" or e == ENGINES[0]]


def check_foreign(path: Path, engine: str) -> None:
    run = cli(["parse", "--pdf-engine", engine, str(path)])
    assert run.exception is None, repr(run.exception)
    assert "Traceback" not in run.stderr
    assert run.exit_code in (0, EXIT_INPUT, EXIT_LIMIT), (run.exit_code, run.stderr)
    if run.exit_code:
        lines = run.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"cwgtool: {path}: "), run.stderr
        assert run.stdout == ""
        return
    doc = json.loads(run.stdout)
    assert doc["kind"] == "unknown"
    assert f"cwgtool: warning: {path}: {GENERIC}" in run.stderr.splitlines()
    for facts in ("contributions", "positions", "actions", "topics"):
        assert doc.get(facts, []) == [], facts


@pytest.mark.parametrize(("path", "engine"), _cases(LOCAL), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_committed_foreign_files(path: Path, engine: str) -> None:
    check_foreign(path, engine)


@needs_shared
@pytest.mark.shared
@pytest.mark.parametrize(("path", "engine"), _cases(SHARED), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_shared_foreign_corpus(path: Path, engine: str) -> None:
    check_foreign(path, engine)


def test_committed_copies_match_the_corpus() -> None:
    """The committed copies are byte-for-byte the shared files (when the corpus is here to compare)."""
    assert LOCAL, "fixtures/foreign is empty"
    for p in LOCAL:
        assert p.stat().st_size < 100_000
        shared = SHARED_FOREIGN / p.name
        if shared.exists():
            assert shared.read_bytes() == p.read_bytes(), p.name


def _mangled_texts(path: Path) -> list[tuple[str, str]]:
    """The document's text as pdftotext would print it, with every line break lost and with line
    breaks turned into spaces (fixtures/make_variants.py), the renderings the run-on, collapsed
    and wrap rules act on."""
    import importlib.util
    import sys

    from cwgtool import parse
    from tests.conftest import FIXTURES

    spec = importlib.util.spec_from_file_location("make_variants", FIXTURES / "make_variants.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_variants", mod)
    spec.loader.exec_module(mod)
    doc = parse(str(path))
    lines = [p.text for p in doc.front_matter]
    for s in doc.iter_sections():
        lines += [s.title, *(p.text for p in s.paragraphs)]
    text = "\n".join(lines) + "\n"
    return [
        ("pdftotext", mod.pdftotext_like(text, "")),
        ("runon", mod.without_line_breaks(text)),
        ("collapsed", mod.collapsed_whitespace(text)),
    ]


MANGLED = sorted({p.name: p for p in [*LOCAL, *SHARED]}.values(), key=lambda p: p.name)


@pytest.mark.parametrize("path", MANGLED, ids=lambda p: p.name)
def test_foreign_text_mangled_invents_nothing(path: Path) -> None:
    """The text of a foreign document, pasted from a PDF or with its line breaks lost, is still
    no CWG document: the rules that cut run-on text and rejoin wrapped lines invent nothing."""
    from cwgtool import parse
    from cwgtool.errors import CwgError

    try:
        renderings = _mangled_texts(path)
    except CwgError:
        return  # unreadable: test_committed_foreign_files checks the clean error
    for how, text in renderings:
        doc = parse(f"{path.name}-{how}.txt", text=text)
        assert doc.kind.value == "unknown", how
        assert (doc.contributions, doc.positions, doc.actions, doc.topics) == ([], [], [], []), how

"""Shared helpers for the reliability tests: run the CLI in-process and build hostile files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from typer.testing import CliRunner

from tests.conftest import FIXTURES, FOREIGN

RECORDS = FIXTURES / "records"
LOCAL_FOREIGN = FIXTURES / "foreign"
SHARED_FOREIGN = FOREIGN
RECORD_PDF = RECORDS / "cwg12" / "cwg12.pdf"
RECORD_DOCX = RECORDS / "cwg12" / "cwg12-auto.docx"

EXIT_INPUT = 3
EXIT_LIMIT = 4


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None


# Set by the ``cache_mode`` fixture (tests/reliability/conftest.py): run each case again with a
# warm cache holding the same bytes, and through ``positions`` and ``index`` too.
WARM_CACHE = False
COMMANDS = ("parse", "positions", "index")


def _invoke(args: Sequence[str], env: Mapping[str, str] | None) -> Run:
    from cwgtool.cli import app

    result = CliRunner().invoke(app, list(args), env=env)
    exc = result.exception if result.exception is not None and not isinstance(result.exception, SystemExit) else None
    return Run(result.exit_code, result.stdout, result.stderr, exc)


def cli(args: Sequence[str], env: Mapping[str, str] | None = None) -> Run:
    """``cwgtool <args>`` in-process, cache off, with stderr kept apart from stdout.

    With :data:`WARM_CACHE`, a ``parse`` runs with the cache on, after the same bytes were parsed
    into it under a name that matches their content and with the default limits; ``positions``
    and ``index`` on the same inputs must then end exactly as they do without the cache.
    """
    args = list(args)
    if not WARM_CACHE or "parse" not in args:
        return _invoke([*args, "--no-cache"] if args and args[0] == "parse" else args, env)
    at = args.index("parse")
    root, rest = args[:at], args[at + 1 :]
    inputs, options, values = [], [], iter(rest)
    for a in values:
        if a in _VALUED:
            options += [a, next(values, "")]
        elif a.startswith("-") or not Path(a).is_file():
            options.append(a)
        else:
            inputs.append(a)
    _warm(inputs, [o for o in options if o != "-q"])
    run = _invoke(args, env)
    if any(o in _VALUED and o not in _SHARED for o in options) or any(o.startswith("-") and o not in _SHARED for o in options):
        return run  # options only `parse` has (-o …): the other commands cannot take the same line
    for command in COMMANDS[1:]:
        outcomes = []
        for cache in ([], ["--no-cache"]):
            db = ["--db", str(_warm_dir() / f"archive{len(cache)}.sqlite")] if command == "index" else []
            other = _invoke([*root, command, *db, *cache, *rest], env)
            assert other.exception is None, (command, repr(other.exception))
            outcomes.append((other.exit_code, other.stdout, other.stderr.replace(db[-1] if db else "\0", "ARCHIVE")))
        assert outcomes[0] == outcomes[1], (command, "the warm cache changed the outcome")
    return run


_VALUED = {"--pdf-engine", "--password", "-o", "--output", "-f", "--format", "-O", "--output-dir", "-j", "--jobs"}
_SHARED = {"-q", "--quiet", "--pdf-engine", "--password", "-j", "--jobs"}  # taken by parse, positions and index
_WARM: list[Path] = []


def _warm_dir() -> Path:
    import tempfile

    if not _WARM:
        _WARM.append(Path(tempfile.mkdtemp(prefix="cwgtool-warm-")))
    return _WARM[0]


def _warm(inputs: list[str], options: list[str]) -> None:
    """Parse the bytes of ``inputs`` into the cache under names that match their content, with
    the default limits (no ``CWGTOOL_MAX_*`` variables, no root options)."""
    from cwgtool.readers import sniff

    suffix = {"pdf": ".pdf", "zip": ".docx", "ole": ".docx", "text": ".txt"}
    copies = []
    for i, name in enumerate(inputs):
        data = Path(name).read_bytes()
        kind = sniff(data[:2048]) if data else "empty"
        if kind in suffix:
            copy = _warm_dir() / f"warm-{i}-{len(data)}{suffix[kind]}"
            copy.write_bytes(data)
            copies.append(str(copy))
    if copies:
        _invoke(["parse", "-q", *options, *copies], None)


def assert_clean_failure(run: Run, path: str | Path, code: int, reason: str) -> None:
    """One line on stderr, ``cwgtool: <path>: <reason…>``, the exit code, no traceback, no output."""
    assert run.exception is None, repr(run.exception)
    assert run.exit_code == code, (run.exit_code, run.stderr)
    assert "Traceback" not in run.stderr
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith(f"cwgtool: {path}: {reason}"), lines[0]
    assert run.stdout == ""


# -- hostile DOCX builders ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(document_xml: str | bytes, *, extra: Mapping[str, bytes] | None = None) -> bytes:
    """A DOCX package around ``document_xml``: a real python-docx package with that main part.

    ``extra`` members are added, or replace the template's member of the same name."""
    import docx

    buf = io.BytesIO()
    docx.Document().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    body = document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml
    parts = {item.filename: src.read(item.filename) for item in src.infolist()}
    parts["word/document.xml"] = body
    parts.update(extra or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out.getvalue()


def body_document(paragraphs_xml: str) -> str:
    """A main part whose body holds ``paragraphs_xml`` as it is."""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body>{paragraphs_xml}</w:body></w:document>"
    )


def numbered_docx(start: int | str, fmt: str, count: int = 3, lvl_text: str = "%1)") -> bytes:
    """``count`` paragraphs numbered by Word from ``w:start`` ``start`` in format ``fmt``."""
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{lvl_text}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    paragraph = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>Item</w:t></w:r></w:p>'
    return docx_bytes(body_document(paragraph * count), extra={"word/numbering.xml": numbering.encode()})


def empty_paragraphs_docx(count: int) -> bytes:
    """``count`` empty paragraphs, each with its own revision id as Word writes them (so the
    part compresses like a real document, ~6 bytes a paragraph, and passes the ratio limit)."""
    import random

    rnd = random.Random(count)
    empties = "".join(f'<w:p w:rsidR="{rnd.getrandbits(32):08X}"/>' for _ in range(count))
    return docx_bytes(body_document(empties + "<w:p><w:r><w:t>The end.</w:t></w:r></w:p>"))


def simple_document(text: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )


XXE_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
)

BILLION_LAUGHS_DOCUMENT = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [\n <!ENTITY lol "lol">\n'
    + "".join(f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + f']>\n<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
)


def zip_bomb_docx(size: int = 200 * 1024 * 1024) -> bytes:
    """A DOCX whose document.xml declares ``size`` bytes of zeros (deflates ~1000:1).

    Built by streaming, so the test never holds the expanded member in memory either.
    """
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(size // len(block)):
                fh.write(block)
    return buf.getvalue()


def fixture_module(name: str) -> ModuleType:
    """A generator module of ``fixtures/`` (not a package), e.g. ``make_pdf``."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, FIXTURES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module

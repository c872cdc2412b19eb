"""The DOCX package: the ZIP container, its relationships, and the one parse of each XML part.

A DOCX comes from the web, so everything here assumes a hostile file. The container is judged
from its bytes first (a legacy or encrypted .doc, not a ZIP, a zip bomb declared in the central
directory), before anything is expanded. After that the reader gets XML only through
:meth:`DocxPackage.xml`, which parses a part once, with one hardened parser, and runs the part's
checks on the way; so the parts that are checked are exactly the parts that are read. Parts the
reader does not ask for (themes, fonts, settings, images, members nothing refers to) are never
expanded at all.

The relationships are read as python-docx reads them (a part's ``_rels/<name>.rels``, targets
relative to the part's folder, external targets ignored); reading them here rather than through
python-docx's package loader is what keeps every parse in one place, and skips the parts
python-docx would load and parse for nothing.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from typing import Any

from cwgtool.errors import InputError, short_reason
from cwgtool.limits import Limits, human_bytes, limit_error
from cwgtool.readers.docx_numbering import W

# An lxml element (typed loosely: this package has no lxml stubs).
Element = Any

LEGACY_DOC = "legacy Word .doc format is not supported; convert it to .docx (e.g. libreoffice --headless --convert-to docx)"
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"

DTD_REFUSED = "DOCX contains a DTD/entity declaration; refused"
# "<!DOCTYPE" / "<!ENTITY" as they appear in the encodings a DOCX part can use.
_DECLARATIONS = tuple(d.encode(enc) for d in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))
_CHUNK = 1 << 20
_LIBXML_MAX_DEPTH = 256  # libxml2's own nesting limit without huge_tree, which is never set here
_RATIO_EXEMPT = 1024 * 1024  # small members may compress absurdly well (runs of spaces) and are harmless
_W_P = f"{{{W}}}p"

# What zipfile raises on a damaged member: RuntimeError for an encrypted one, NotImplementedError
# for an unknown compression, ValueError for a local header offset pointing before the file start
# (found by fuzzing), the rest for corrupt streams and headers.
_ZIP_DAMAGE = (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError, EOFError, ValueError, struct.error, zlib.error)


class DocxPackage:
    """An opened DOCX: its main part's name, and each XML part parsed on request, once."""

    def __init__(self, data: bytes, name: str, limits: Limits) -> None:
        """Refuse what can be refused from the bytes alone, then find the main part."""
        self.name = name
        self.limits = limits
        _check_container(data, name)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            _check_sizes(self._zip.infolist(), name, limits)
        except _ZIP_DAMAGE as exc:
            raise _damaged(name, exc) from exc
        self._members = set(self._zip.namelist())
        self._parsed: dict[str, Element] = {}
        self._relationships: dict[str, dict[str, tuple[str, str]]] = {}
        # .docm/.dotx or a producer's own naming: the package relationships say which part is main
        self.main = self.related("", RT_OFFICE_DOCUMENT) or "word/document.xml"
        if self.main not in self._members:
            raise InputError(name, f"not a DOCX: the ZIP has no {self.main}")

    def related(self, source: str, reltype: str) -> str | None:
        """The part that ``source`` (``""``: the package) relates to by ``reltype``, if it exists."""
        for rel_type, target in self._rels(source).values():
            if rel_type == reltype and target in self._members:
                return target
        return None

    def target(self, source: str, rid: str) -> str | None:
        """The part that relationship ``rid`` of ``source`` points to, if it exists."""
        rel = self._rels(source).get(rid)
        return rel[1] if rel is not None and rel[1] in self._members else None

    def xml(self, part: str) -> Element:
        """The root element of ``part``, parsed once; refused if it is hostile or malformed."""
        if part not in self._parsed:
            try:
                with self._zip.open(part) as fh:
                    self._parsed[part] = _parse(fh, part, self.name, self.limits)
            except _ZIP_DAMAGE as exc:
                raise _damaged(self.name, exc) from exc
        return self._parsed[part]

    def _rels(self, source: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, part name) of ``source``; internal targets only."""
        if source not in self._relationships:
            folder, leaf = posixpath.split(source)
            rels_part = posixpath.join(folder, "_rels", f"{leaf}.rels")
            found: dict[str, tuple[str, str]] = {}
            if rels_part in self._members:
                for rel in self.xml(rels_part).iter(_RELS):
                    if rel.get("TargetMode") == "External":
                        continue
                    target = posixpath.normpath(posixpath.join("/", folder, rel.get("Target", "")))
                    found[rel.get("Id", "")] = (rel.get("Type", ""), target.lstrip("/"))
            self._relationships[source] = found
        return self._relationships[source]


# ---------------------------------------------------------------------------------------------
# Before anything is expanded


def _check_container(data: bytes, name: str) -> None:
    """Give the user a reason they can act on before a ZIP library fails with a generic one."""
    if not data:
        raise InputError(name, "empty file")
    if data.startswith(OLE2_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise InputError(name, "encrypted (password-protected) DOCX; save it without a password")
        raise InputError(name, LEGACY_DOC)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        if data.startswith(b"PK\x03\x04"):  # a ZIP that lost its end (the central directory)
            raise InputError(name, "not a valid DOCX (truncated or damaged ZIP archive)")
        raise InputError(name, "not a valid DOCX (not a ZIP archive)")


def _check_sizes(infos: list[zipfile.ZipInfo], name: str, limits: Limits) -> None:
    """Refuse a zip bomb from the central directory alone, before anything is expanded.

    The declared sizes are trustworthy as upper bounds: :mod:`zipfile` stops decompressing a
    member at its declared ``file_size`` (and then fails the CRC check), so a member that lies
    about its size cannot expand beyond what was checked here.
    """
    total = sum(i.file_size for i in infos)
    if 0 < limits.max_unzipped_bytes < total:
        raise limit_error(name, "max_unzipped_bytes", f"expands to {human_bytes(total)}, which", limits.max_unzipped_bytes)
    if limits.max_ratio <= 0:
        return
    for info in infos:
        if info.file_size > _RATIO_EXEMPT:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise limit_error(
                    name, "max_ratio", f"member {info.filename} expands {ratio:.0f}:1, which", limits.max_ratio
                )


def _damaged(name: str, exc: BaseException) -> InputError:
    return InputError(name, f"not a valid DOCX (damaged ZIP archive: {short_reason(exc)})")


# ---------------------------------------------------------------------------------------------
# The one XML parse


def _parse(fh: Any, part: str, name: str, limits: Limits) -> Element:
    """Parse one part, fed from the ZIP a chunk at a time, and refuse it if it is hostile.

    The parser resolves no entity, loads no DTD, opens no network connection and keeps
    libxml2's own limits (no ``huge_tree``): nesting beyond 256 levels and entity expansion
    beyond a small factor stop the parse. On top of that:

    * WordprocessingML never needs a DTD, so a declaration is refused outright (XXE, billion
      laughs): when its bytes arrive, before the parser reads them, and, whatever the encoding
      of the part, when the parsed tree turns out to have a doctype.
    * Paragraphs are counted as the parser meets them (only ``w:p`` is reported back), so a
      part with a million empty ones is refused at the limit, with the tree still small.
    * A depth limit below libxml2's is checked on the tree by one XPath.

    The parser keeps python-docx's settings otherwise (``remove_blank_text``), so the tree is
    the one python-docx would have built, without its element classes.
    """
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start",), tag=_W_P, resolve_entities=False, load_dtd=False, no_network=True,
        huge_tree=False, remove_blank_text=True,
    )
    paragraphs = 0
    tail = b""
    try:
        while chunk := fh.read(_CHUNK):  # ZipExtFile.read(n) stops short only at the end
            window = tail + chunk
            if any(d in window for d in _DECLARATIONS):
                raise InputError(name, f"{DTD_REFUSED} (in {part})")
            tail = window[-32:]
            parser.feed(chunk)
            for _event in parser.read_events():
                paragraphs += 1
                if 0 < limits.max_paragraphs < paragraphs:
                    raise limit_error(name, "max_paragraphs", f"the number of paragraphs in {part}", limits.max_paragraphs)
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise _too_deep(part, name, limits) from None
        raise InputError(name, f"corrupt DOCX ({short_reason(exc)})") from exc
    if root.getroottree().docinfo.doctype:
        raise InputError(name, f"{DTD_REFUSED} (in {part})")
    limit = limits.max_xml_depth
    if 0 < limit < _LIBXML_MAX_DEPTH and root.xpath("boolean(/" + "/".join(["*"] * (limit + 1)) + ")"):
        raise limit_error(name, "max_xml_depth", f"XML nesting in {part}", limit)
    return root


def _too_deep(part: str, name: str, limits: Limits) -> InputError:
    """libxml2 stopped at its own 256 levels: that is our limit, unless the user raised ours."""
    if 0 < limits.max_xml_depth <= _LIBXML_MAX_DEPTH:
        return limit_error(name, "max_xml_depth", f"XML nesting in {part}", limits.max_xml_depth)
    return InputError(name, f"XML in {part} nests deeper than the XML parser's own 256-level limit")

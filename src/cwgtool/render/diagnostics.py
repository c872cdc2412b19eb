"""Rendering `cwgtool check` findings: text, json, github, sarif, junit.

Every format carries the same facts — file, location, code, message, excerpt — because each
ends up in a different place (a terminal, a CI annotation, a code-scanning dashboard, a test
report) and a finding must be actionable wherever it is read. An input that could not be read is
visible in every format too (text summary, ``::error`` annotation, SARIF
``executionSuccessful: false``, JUnit ``<error>``): a report must never look clean because a file
was never checked.

Paths in GitHub annotations and SARIF are relative to a base folder — the repository root by
default — because code-scanning services match them against the repository and SARIF
fingerprints must not change with the folder a checkout happens to be in.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from cwgtool import __version__
from cwgtool.check.registry import Diagnostic, Rule, Severity
from cwgtool.render.terminal import one_line, printable

if TYPE_CHECKING:
    from cwgtool.options import CheckFormat

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


InputErrors = Sequence[tuple[str, str]]  # (path, reason) of each input that could not be read


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the current folder) holding ``.git``,
    else ``start`` itself: the base that CI services resolve report paths against."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_path(file: str, base_dir: Path) -> str | None:
    """``file`` as a POSIX path relative to ``base_dir``, or None when it lies outside it (or is stdin)."""
    if file in ("-", "<stdin>"):
        return None
    try:
        rel = Path(os.path.relpath(Path(file).resolve(), base_dir.resolve()))
    except ValueError:  # another drive on Windows
        return None
    return None if rel.parts[:1] == ("..",) else rel.as_posix()


def _where(d: Diagnostic) -> str:
    loc = d.location
    if loc.line is not None:
        return f"{d.file}:{loc.line}:"
    if loc.page is not None:
        return f"{d.file} (page {loc.page}):"
    if loc.index is not None:
        return f"{d.file} (paragraph index {loc.index}):"
    return f"{d.file}:"


def _part(d: Diagnostic) -> str:
    loc = d.location
    if loc.paragraph:
        return f"paragraph {loc.paragraph}"
    if loc.section:
        return f"section {loc.section}"
    return "front matter"


def render_text(
    diagnostics: Sequence[Diagnostic], *, files: int = 1, input_errors: InputErrors = (), skipped: InputErrors = ()
) -> str:
    """Findings, then one summary line; unreadable inputs are named in the summary (their
    errors went to stderr as they happened) so "All checks passed" never hides them, and so are
    documents skipped as neither records nor contributions."""
    lines: list[str] = []
    for d in diagnostics:
        lines.append(one_line(f"{_where(d)} {d.code} [{d.severity.value}] {d.message} ({_part(d)})"))
        if d.excerpt:  # tabs kept: whitespace findings point at them
            excerpt = printable(d.excerpt).replace("\n", "\\n")
            lines.append(f"    | {excerpt}")
    counts = Counter(d.severity for d in diagnostics)
    if diagnostics:
        detail = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
        lines.append(f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} ({detail}) in {files} file{'s' if files != 1 else ''}.")
    else:
        lines.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
    if input_errors:
        n = len(input_errors)
        names = ", ".join(one_line(path) for path, _ in input_errors)
        lines[-1] = lines[-1].removesuffix(".") + f"; {n} file{'s' if n != 1 else ''} could not be read: {names}."
    if skipped:
        n = len(skipped)
        names = ", ".join(one_line(path) for path, _ in skipped)
        lines[-1] = lines[-1].removesuffix(".") + f"; {n} file{'s' if n != 1 else ''} skipped (not a CWG record or contribution): {names}."
    return "\n".join(lines) + "\n"


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.to_dict() for d in diagnostics], indent=2, ensure_ascii=False) + "\n"


# -- GitHub Actions workflow commands ----------------------------------------------------------

_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _gh_data(value: str) -> str:
    """Escape a workflow-command message (GitHub's escapeData)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    """Escape a workflow-command property value (GitHub's escapeProperty)."""
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def _gh_file(file: str, base_dir: Path) -> str:
    return relative_path(file, base_dir) or Path(file).as_posix()


def render_github(diagnostics: Sequence[Diagnostic], *, input_errors: InputErrors = (), base_dir: Path | None = None) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding, one ``::error`` per input
    that could not be read.

    ``line`` is the text line for text input; PDF and DOCX findings have no line in the
    source file, so they are annotated on line 1 and the message says where they are.
    """
    base = base_dir or repository_root()
    out: list[str] = []
    for path, reason in input_errors:
        props = f"file={_gh_property(_gh_file(path, base))},title={_gh_property('cwgtool could not read this file')}"
        out.append(f"::error {props}::{_gh_data(reason)}")
    for d in diagnostics:
        line = d.location.line or 1
        msg = f"{d.message} ({d.location.describe()})"
        if d.excerpt:
            msg += f"\n{d.excerpt}"
        props = f"file={_gh_property(_gh_file(d.file, base))},line={line},title={_gh_property(f'{d.code} {d.name}')}"
        out.append(f"::{_GH_LEVEL[d.severity]} {props}::{_gh_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")


# -- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


SRCROOT = "%SRCROOT%"


def _artifact(file: str, base_dir: Path) -> dict[str, str]:
    """A SARIF artifactLocation: relative to ``%SRCROOT%`` (the base folder) when the file is in
    it, else an absolute ``file:`` URI (or the name as given, for stdin)."""
    rel = relative_path(file, base_dir)
    if rel is not None:
        return {"uri": quote(rel, safe="/-._~"), "uriBaseId": SRCROOT}
    if file in ("-", "<stdin>"):
        return {"uri": "stdin"}
    return {"uri": Path(file).resolve().as_uri()}


def _what_it_does(docs: str) -> str:
    m = re.search(r"## What it does\s*\n(.*?)(?:\n## |\Z)", docs, re.DOTALL)
    return " ".join((m.group(1) if m else docs).split())


def render_sarif(
    diagnostics: Sequence[Diagnostic],
    rules: Sequence[Rule],
    *,
    input_errors: InputErrors = (),
    base_dir: Path | None = None,
) -> str:
    """A SARIF 2.1.0 log of one run.

    ``invocations[0].executionSuccessful`` is false when an input could not be read, with one
    ``toolExecutionNotifications`` entry per such input: code-scanning services then show the
    run as incomplete instead of clean. Fingerprints use the path relative to ``base_dir``.
    """
    from cwgtool.check.baseline import fingerprint

    base = base_dir or repository_root()

    rule_list = list(rules)
    known = {r.code for r in rule_list}
    for d in diagnostics:  # a finding of a rule not in the list still needs a descriptor
        if d.code not in known:
            from cwgtool.check.registry import RULES

            if d.code in RULES:
                rule_list.append(RULES[d.code])
                known.add(d.code)
    index = {r.code: i for i, r in enumerate(rule_list)}
    descriptors = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": _what_it_does(r.docs)},
            "help": {"text": r.docs, "markdown": r.docs},
            "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
            "properties": {"tags": [r.group]},
        }
        for r in rule_list
    ]
    results = []
    for d in diagnostics:
        physical: dict[str, object] = {"artifactLocation": _artifact(d.file, base)}
        if d.location.line is not None:
            physical["region"] = {"startLine": d.location.line}
        location: dict[str, object] = {"physicalLocation": physical}
        logical = d.location.paragraph or d.location.section
        if logical:
            location["logicalLocations"] = [
                {"name": logical, "fullyQualifiedName": logical, "kind": "paragraph" if d.location.paragraph else "section"}
            ]
        result: dict[str, object] = {
            "ruleId": d.code,
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": f"{d.message} ({d.location.describe()})" + (f": {d.excerpt}" if d.excerpt else "")},
            "locations": [location],
            "partialFingerprints": {"cwgtool/v1": fingerprint(d, base)},
            "properties": {
                k: v
                for k, v in {"excerpt": d.excerpt, "page": d.location.page, "paragraphIndex": d.location.index}.items()
                if v not in (None, "")
            },
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cwgtool",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": base.resolve().as_uri().rstrip("/") + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": not input_errors,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": f"{path}: {reason}"},
                                "locations": [{"physicalLocation": {"artifactLocation": _artifact(path, base)}}],
                                "descriptor": {"id": "input-error"},
                            }
                            for path, reason in input_errors
                        ],
                    }
                ],
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


# -- JUnit XML ---------------------------------------------------------------------------------


def render_junit(
    diagnostics: Sequence[Diagnostic],
    rules: Sequence[Rule],
    files: Sequence[str],
    *,
    fail_on: Severity = Severity.WARNING,
    input_errors: InputErrors = (),
) -> str:
    """A ``testsuite`` per file and a ``testcase`` per rule checked.

    A rule fails (one ``failure`` listing its findings) when it found something at or above
    the failing severity; findings below it are listed in ``system-out`` of a passing case.
    Unreadable files get one ``error`` testcase.
    """
    from xml.etree import ElementTree as ET  # here: only JUnit output needs the XML machinery

    by_file: dict[str, dict[str, list[Diagnostic]]] = defaultdict(lambda: defaultdict(list))
    for d in diagnostics:
        by_file[d.file][d.code].append(d)
    root = ET.Element("testsuites", name="cwgtool check")
    total_tests = total_failures = total_errors = 0
    for file in files:
        suite = ET.SubElement(root, "testsuite", name=file)
        failures = 0
        for r in rules:
            found = by_file.get(file, {}).get(r.code, [])
            case = ET.SubElement(suite, "testcase", name=f"{r.code} {r.name}", classname=file)
            if not found:
                continue
            text = "\n".join(f"{d.location.describe()}: [{d.severity.value}] {d.message}" + (f"\n    | {d.excerpt}" if d.excerpt else "") for d in found)
            if any(d.severity.rank >= fail_on.rank for d in found):
                failures += 1
                fail = ET.SubElement(case, "failure", message=f"{len(found)} finding{'s' if len(found) != 1 else ''}: {found[0].message}", type=r.code)
                fail.text = text
            else:
                ET.SubElement(case, "system-out").text = text
        suite.set("tests", str(len(rules)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += len(rules)
        total_failures += failures
    for file, message in input_errors:
        suite = ET.SubElement(root, "testsuite", name=file, tests="1", failures="0", errors="1", skipped="0")
        case = ET.SubElement(suite, "testcase", name="read", classname=file)
        ET.SubElement(case, "error", message=message, type="InputError").text = message
        total_tests += 1
        total_errors += 1
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render(
    fmt: CheckFormat | str,
    diagnostics: Sequence[Diagnostic],
    *,
    rules: Sequence[Rule],
    files: Sequence[str],
    fail_on: Severity = Severity.WARNING,
    input_errors: InputErrors = (),
    skipped: InputErrors = (),
    base_dir: Path | None = None,
) -> str:
    """The report in ``fmt`` (a :class:`~cwgtool.options.CheckFormat` or its value).

    ``input_errors`` lists (path, reason) of inputs that could not be read, ``skipped`` those
    left out as neither records nor contributions (named in the text summary); ``base_dir`` is
    what GitHub and SARIF paths are relative to (default: the repository root above the current
    folder, else the current folder)."""
    if fmt == "json":
        return render_json(diagnostics)
    if fmt == "github":
        return render_github(diagnostics, input_errors=input_errors, base_dir=base_dir)
    if fmt == "sarif":
        return render_sarif(diagnostics, rules, input_errors=input_errors, base_dir=base_dir)
    if fmt == "junit":
        return render_junit(diagnostics, rules, files, fail_on=fail_on, input_errors=input_errors)
    return render_text(diagnostics, files=len(files), input_errors=input_errors, skipped=skipped)

"""Rendering `cwgtool check` findings: text, json, github, sarif, junit.

Every format carries the same facts — file, location, code, message, excerpt — because each
ends up in a different place (a terminal, a CI annotation, a code-scanning dashboard, a test
report) and a finding must be actionable wherever it is read.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree as ET

from cwgtool import __version__
from cwgtool.check.registry import Diagnostic, Rule, Severity

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"
    JUNIT = "junit"


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


def render_text(diagnostics: Sequence[Diagnostic], *, files: int = 1) -> str:
    lines: list[str] = []
    for d in diagnostics:
        lines.append(f"{_where(d)} {d.code} [{d.severity.value}] {d.message} ({_part(d)})")
        if d.excerpt:
            lines.append(f"    | {d.excerpt}")
    counts = Counter(d.severity for d in diagnostics)
    if diagnostics:
        detail = ", ".join(f"{counts[s]} {s.value}{'s' if counts[s] != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if counts[s])
        lines.append(f"Found {len(diagnostics)} problem{'s' if len(diagnostics) != 1 else ''} ({detail}) in {files} file{'s' if files != 1 else ''}.")
    else:
        lines.append(f"All checks passed ({files} file{'s' if files != 1 else ''}).")
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


def render_github(diagnostics: Sequence[Diagnostic]) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding.

    ``line`` is the text line for text input; PDF and DOCX findings have no line in the
    source file, so they are annotated on line 1 and the message says where they are.
    """
    out: list[str] = []
    for d in diagnostics:
        line = d.location.line or 1
        msg = f"{d.message} ({d.location.describe()})"
        if d.excerpt:
            msg += f"\n{d.excerpt}"
        props = f"file={_gh_property(Path(d.file).as_posix())},line={line},title={_gh_property(f'{d.code} {d.name}')}"
        out.append(f"::{_GH_LEVEL[d.severity]} {props}::{_gh_data(msg)}")
    return "\n".join(out) + ("\n" if out else "")


# -- SARIF 2.1.0 -------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(file: str) -> str:
    p = Path(file)
    if p.is_absolute():
        return p.as_uri()
    return quote(p.as_posix(), safe="/-._~")


def _what_it_does(docs: str) -> str:
    m = re.search(r"## What it does\s*\n(.*?)(?:\n## |\Z)", docs, re.DOTALL)
    return " ".join((m.group(1) if m else docs).split())


def render_sarif(diagnostics: Sequence[Diagnostic], rules: Sequence[Rule]) -> str:
    from cwgtool.check.baseline import fingerprint

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
        physical: dict[str, object] = {"artifactLocation": {"uri": _uri(d.file)}}
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
            "partialFingerprints": {"cwgtool/v1": fingerprint(d)},
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
    input_errors: Sequence[tuple[str, str]] = (),
) -> str:
    """A ``testsuite`` per file and a ``testcase`` per rule checked.

    A rule fails (one ``failure`` listing its findings) when it found something at or above
    the failing severity; findings below it are listed in ``system-out`` of a passing case.
    Unreadable files get one ``error`` testcase.
    """
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
    fmt: CheckFormat,
    diagnostics: Sequence[Diagnostic],
    *,
    rules: Sequence[Rule],
    files: Sequence[str],
    fail_on: Severity = Severity.WARNING,
    input_errors: Sequence[tuple[str, str]] = (),
) -> str:
    if fmt is CheckFormat.JSON:
        return render_json(diagnostics)
    if fmt is CheckFormat.GITHUB:
        return render_github(diagnostics)
    if fmt is CheckFormat.SARIF:
        return render_sarif(diagnostics, rules)
    if fmt is CheckFormat.JUNIT:
        return render_junit(diagnostics, rules, files, fail_on=fail_on, input_errors=input_errors)
    return render_text(diagnostics, files=len(files))

"""Per-file configuration, discovered upward from each document's folder as ruff does.

The nearest folder with a ``cwgtool.toml`` (a top-level ``[check]`` table or
``[tool.cwgtool.check]``) or a ``pyproject.toml`` with ``[tool.cwgtool.check]`` wins outright;
settings are not merged across folders, so a sub-folder's config is read on its own.
Within one folder ``cwgtool.toml`` beats ``pyproject.toml``. Command-line flags win over both.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cwgtool.check.diagnostic import Severity
from cwgtool.check.registry import parse_codes, validate_selectors
from cwgtool.errors import RequestError

DEFAULT_FAIL = Severity.WARNING


class ConfigError(RequestError):
    """A config file that cannot be used; the CLI reports it as a usage error (exit 2)."""


@dataclass(frozen=True, slots=True)
class CheckConfig:
    select: list[str] = field(default_factory=list)  # empty = all rules
    ignore: list[str] = field(default_factory=list)
    fail_on: Severity = DEFAULT_FAIL  # findings at or above this make `check` exit 1
    rule_severity: dict[str, Severity] = field(default_factory=dict)  # per-code overrides
    source: str | None = None  # the file the settings came from

    def merged(
        self,
        *,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        fail_on: Severity | None = None,
    ) -> CheckConfig:
        """Command-line values replace the file's, key by key."""
        return replace(
            self,
            select=self.select if select is None else select,
            ignore=self.ignore if ignore is None else ignore,
            fail_on=self.fail_on if fail_on is None else fail_on,
        )


def _table(data: dict[str, Any], *keys: str) -> dict[str, Any] | None:
    cur: Any = data
    for k in keys:
        if not isinstance(cur, dict) or k not in cur:
            return None
        cur = cur[k]
    return cur if isinstance(cur, dict) else None


def _load(path: Path, *, pyproject: bool) -> dict[str, Any] | None:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if pyproject:
        return _table(data, "tool", "cwgtool", "check")
    return _table(data, "check") or _table(data, "tool", "cwgtool", "check") or {}


def find_config_file(start: str | os.PathLike[str]) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config table at or above ``start`` (a file's folder, or the file itself)."""
    p = Path(start).resolve()
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        own = d / "cwgtool.toml"
        if own.is_file():
            return own, _load(own, pyproject=False) or {}
        py = d / "pyproject.toml"
        if py.is_file():
            table = _load(py, pyproject=True)
            if table is not None:
                return py, table
    return None


def _get(table: dict[str, Any], key: str) -> Any:
    return table.get(key, table.get(key.replace("-", "_")))


def parse_config(table: dict[str, Any], source: str | None = None) -> CheckConfig:
    where = f"{source}: " if source else ""
    known = {"select", "ignore", "severity", "rule-severity", "rule_severity"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{where}unknown key(s) in check settings: {', '.join(unknown)}")
    try:
        select = parse_codes(_get(table, "select"))
        ignore = parse_codes(_get(table, "ignore"))
        validate_selectors(select + ignore)
        sev = _get(table, "severity")
        fail_on = Severity.parse(str(sev)) if sev is not None else DEFAULT_FAIL
        overrides_raw = _get(table, "rule-severity") or {}
        if not isinstance(overrides_raw, dict):
            raise ValueError("rule-severity must be a table of CODE = \"level\"")
        overrides = {str(k).upper(): Severity.parse(str(v)) for k, v in overrides_raw.items()}
        validate_selectors(list(overrides))
    except ValueError as exc:
        raise ConfigError(f"{where}{exc}") from None
    return CheckConfig(select, ignore, fail_on, overrides, source)


def config_for(path: str | os.PathLike[str]) -> CheckConfig:
    """The settings that apply to one document (defaults when no config file is found)."""
    if str(path) == "-":
        path = os.getcwd()
    found = find_config_file(path)
    if found is None:
        return CheckConfig()
    file, table = found
    return parse_config(table, str(file))

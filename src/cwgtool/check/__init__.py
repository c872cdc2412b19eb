"""`cwgtool check`: a linter for summary records (numbering, symbols, structure, typography).

The CLI is a thin layer over :func:`check_path`; rules live in :mod:`cwgtool.check.rules`,
one module per code group, and register themselves in :data:`RULES`.
"""

from __future__ import annotations

import importlib
from typing import Any

# Names are loaded on first use (PEP 562): the CLI imports the registry at start-up to declare
# `cwgtool check`, and must not pay for the document model and the rules until they run.
_HOME = {
    "CheckConfig": "config",
    "ConfigError": "config",
    "config_for": "config",
    "CheckContext": "context",
    "RULES": "registry",
    "Diagnostic": "registry",
    "Location": "registry",
    "Rule": "registry",
    "Severity": "registry",
    "all_rules": "registry",
    "rule": "registry",
    "selected_rules": "registry",
    "check_path": "runner",
    "check_result": "runner",
    "check_text": "runner",
    "run_rules": "runner",
}


def __getattr__(name: str) -> Any:
    if name in _HOME:
        return getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RULES",
    "CheckConfig",
    "CheckContext",
    "ConfigError",
    "Diagnostic",
    "Location",
    "Rule",
    "Severity",
    "all_rules",
    "check_path",
    "check_result",
    "check_text",
    "config_for",
    "rule",
    "run_rules",
    "selected_rules",
]

"""`cwgtool check`: a linter for summary records (numbering, symbols, structure, typography).

The CLI is a thin layer over :func:`check_path`; rules live in :mod:`cwgtool.check.rules`,
one module per code group, and register themselves in :data:`RULES`.
"""

from __future__ import annotations

from cwgtool.check.config import CheckConfig, ConfigError, config_for
from cwgtool.check.context import CheckContext
from cwgtool.check.registry import (
    RULES,
    Diagnostic,
    Location,
    Rule,
    Severity,
    all_rules,
    rule,
    selected_rules,
)
from cwgtool.check.runner import check_path, check_result, check_text, run_rules

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

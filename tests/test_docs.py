"""Documentation stays complete: every command has help text and a README entry, every exit
code the CLI uses is documented, and README's quick start is the CI's test command."""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main

from cwgtool.cli import app
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: Any, prefix: str = "") -> dict[str, Any]:
    """Every command and group of the CLI by its full name ("parse", "cache", "cache clear"),
    read from the command tree typer builds (a group is a command with sub-commands)."""
    found: dict[str, Any] = {}
    for name, command in group.commands.items():
        found[prefix + name] = command
        found.update(_commands(command, f"{prefix}{name} ") if hasattr(command, "commands") else {})
    return found


COMMANDS = _commands(typer.main.get_command(app))


def test_commands_found() -> None:
    assert {"parse", "actions", "positions", "topics", "contributions", "check", "rules", "schema"} <= set(COMMANDS)
    assert {"cache", "cache info", "cache clear"} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help(name: str) -> None:
    """Groups too: ``cache`` and each of its sub-commands have help text of their own."""
    assert (COMMANDS[name].help or "").strip(), f"`cwgtool {name}` has no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_in_readme(name: str) -> None:
    assert f"cwgtool {name}" in README, f"README.md does not document `cwgtool {name}`"


@pytest.mark.parametrize("code", [0, 1, 2, 3, 4, 130])
def test_exit_codes_documented(code: int) -> None:
    assert re.search(rf"^\| {code} \|", README, re.MULTILINE), f"exit code {code} missing from README"


def test_quick_start_is_two_commands_and_ci_runs_the_readme_test_command() -> None:
    quick = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in quick.splitlines()[1:] if line.strip()]
    assert len(commands) == 2
    assert "cwgtool parse fixtures/" in commands[0]
    test_command = commands[1].split("&&")[-1].strip()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci

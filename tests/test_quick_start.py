"""README's quick start works as written on a machine like a fresh Debian or Ubuntu.

Those systems mark their Python as externally managed (PEP 668), so a bare ``pip install``
fails there; the quick start therefore makes a virtual environment first. This test runs the
first quick-start command, word for word, with the system ``python3`` and a ``PATH`` that holds
only system folders, in a scratch copy of the project. The second command (install the test
extra, run the suite) would run this suite inside itself; it is checked to use the same
environment, and ``test_docs.py`` checks that ``.ci/run`` runs its test command.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"


def quick_start() -> list[str]:
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    return [line for line in block.splitlines()[1:] if line.strip()]


def test_both_commands_make_and_enter_the_same_virtual_environment() -> None:
    first, second = quick_start()
    prefix = "python3 -m venv .venv && . .venv/bin/activate && "
    assert first.startswith(prefix) and second.startswith(prefix)
    assert "--break-system-packages" not in first + second


def _system_python() -> str | None:
    found = shutil.which("python3", path=SYSTEM_PATH)
    if found is None:
        return None
    version = subprocess.run([found, "-c", "import sys; print(sys.version_info >= (3, 11))"], capture_output=True, text=True)
    return found if version.stdout.strip() == "True" else None


@pytest.mark.slow
def test_first_command_installs_and_parses_with_the_system_python(tmp_path: Path) -> None:
    if _system_python() is None:
        pytest.skip(f"no python3 >= 3.11 in {SYSTEM_PATH}")
    first = quick_start()[0]
    fixture = next(word for word in shlex.split(first) if word.startswith("fixtures/"))
    clone = tmp_path / "cwgtool"
    shutil.copytree(ROOT / "src", clone / "src", ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    for name in ("pyproject.toml", "README.md", fixture):
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, clone / name)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = SYSTEM_PATH
    done = subprocess.run(["bash", "-c", first], cwd=clone, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    # pip's progress comes first on stdout, then the document
    document = json.loads(done.stdout[done.stdout.index("\n{\n") + 1 :])
    assert document["symbol"] == "CWG-Internet-12/10"
    assert document["kind"] == "summary_record"
    assert (clone / ".venv" / "bin" / "cwgtool").exists()

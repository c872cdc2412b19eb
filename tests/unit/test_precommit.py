"""The pre-commit snippet in README.md works as written.

The hook is installed with pre-commit itself into a temporary git repository, then commits are
attempted: the 12th record (which has findings) must be refused, the clean ``cwg16`` record
accepted, and a ``notes.txt`` with typography problems skipped (it is not a record). The snippet uses ``language: system``, so pre-commit builds no environment and
needs no network; the ``cwgtool`` it runs is the one of the environment running the tests.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed (it is in the test extra)")


def readme_snippet() -> str:
    blocks = re.findall(r"```yaml\n(.*?)```", README, re.DOTALL)
    [snippet] = [b for b in blocks if "id: cwgtool-check" in b]
    return snippet


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    repo = tmp_path / "records"
    repo.mkdir()
    env = dict(os.environ)
    env.update(
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="Secretariat",
        GIT_AUTHOR_EMAIL="secretariat@example.org",
        GIT_COMMITTER_NAME="Secretariat",
        GIT_COMMITTER_EMAIL="secretariat@example.org",
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
    )
    assert git(repo, "init", "-q", "-b", "main", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(readme_snippet(), encoding="utf-8")
    installed = subprocess.run([str(PRE_COMMIT), "install"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr
    return repo, env


def commit(repo: Path, env: dict[str, str], *files: Path) -> subprocess.CompletedProcess[str]:
    for f in files:
        shutil.copy(f, repo / f.name)
    git(repo, "add", ".pre-commit-config.yaml", *(f.name for f in files), env=env)
    return git(repo, "commit", "-q", "-m", "records", env=env)


def commits(repo: Path, env: dict[str, str]) -> int:
    log = git(repo, "rev-list", "--count", "HEAD", env=env)
    return int(log.stdout) if log.returncode == 0 else 0


def test_hook_blocks_a_record_with_findings_and_passes_a_clean_one(repo: tuple[Path, dict[str, str]]) -> None:
    path, env = repo
    bad = commit(path, env, FIXTURES / "records" / "cwg12" / "cwg12.txt")
    assert bad.returncode != 0
    assert "cwg12.txt:25: NUM005" in bad.stdout + bad.stderr  # the finding, as check prints it
    assert commits(path, env) == 0

    git(path, "rm", "-q", "--cached", "cwg12.txt", env=env)
    good = commit(path, env, FIXTURES / "records" / "cwg16" / "cwg16.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert commits(path, env) == 1


NOTES = "Meeting notes\n\nFirst  point , really\n"  # a double space and a space before a comma


def test_hook_skips_a_file_that_is_not_a_record(repo: tuple[Path, dict[str, str]]) -> None:
    path, env = repo
    (path / "notes.txt").write_text(NOTES, encoding="utf-8")
    git(path, "add", "notes.txt", env=env)
    refused = commit(path, env, FIXTURES / "records" / "cwg12" / "cwg12.txt")
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "cwg12.txt:25: NUM005" in out  # the record still fails…
    assert "notes.txt: skipped: not a CWG record or contribution" in out  # …the notes are named, not linted
    assert "notes.txt:3: TXT001" not in out

    git(path, "rm", "-q", "--cached", "cwg12.txt", env=env)
    good = commit(path, env, FIXTURES / "records" / "cwg16" / "cwg16.txt")
    assert good.returncode == 0, good.stdout + good.stderr
    assert set(git(path, "ls-files", env=env).stdout.split()) == {".pre-commit-config.yaml", "notes.txt", "cwg16.txt"}


def test_shipped_hook_manifest_is_valid() -> None:
    done = subprocess.run([str(PRE_COMMIT), "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    # the shipped hook runs what the README snippet runs
    manifest = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    [entry] = re.findall(r"entry: (.*)", readme_snippet())
    assert f"entry: {entry}\n" in manifest

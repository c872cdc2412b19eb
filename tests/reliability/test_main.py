"""No traceback can leave ``cwgtool.cli.main``: whatever goes wrong, stderr gets one line and the
exit code is a documented one; ``--debug`` shows the traceback."""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from cwgtool import api
from cwgtool.cli import main
from cwgtool.cli.common import Settings
from tests.reliability.helpers import RECORDS

RECORD_TXT = RECORDS / "cwg12" / "cwg12.txt"
EXIT_INTERNAL = 70
EXIT_OUTPUT = 74


def _main(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["cwgtool", *args])
    monkeypatch.setattr(Settings, "debug", False)  # process-wide: a --debug run would leave it on
    with pytest.raises(SystemExit) as info:
        main()
    return int(info.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize(
    "failure",
    [RuntimeError("boom\nsecond line"), MemoryError(), RecursionError("maximum recursion depth exceeded"), KeyError("x")],
    ids=lambda e: type(e).__name__,
)
@pytest.mark.parametrize("command", ["parse", "positions"])
def test_an_unexpected_exception_is_one_line_and_exit_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], failure: BaseException, command: str
) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise failure

    monkeypatch.setattr(api, "parse_many", broken)
    code, err = _main(monkeypatch, capsys, command, "--no-cache", str(RECORD_TXT))
    assert code == EXIT_INTERNAL
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"cwgtool: internal error: {type(failure).__name__}")
    assert lines[0].endswith("(run with --debug for the traceback)")

    code, err = _main(monkeypatch, capsys, "--debug", command, "--no-cache", str(RECORD_TXT))
    assert code == EXIT_INTERNAL
    assert err.startswith("Traceback") and err.splitlines()[-1].startswith(f"cwgtool: internal error: {type(failure).__name__}")


def test_a_write_error_on_stdout_is_one_line_and_exit_74(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys.stdout, "write", full)
    code, err = _main(monkeypatch, capsys, "parse", "--no-cache", str(RECORD_TXT))
    assert (code, err) == (EXIT_OUTPUT, "cwgtool: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("args", [["parse"], ["parse", "--format", "md"], ["actions", "--format", "csv"], ["schema"]])
def test_writing_to_a_full_disk_prints_no_traceback(args: list[str], tmp_path: Path) -> None:
    """``cwgtool … > /dev/full``: the real device, so the interpreter's own last flush is covered too."""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    command = [sys.executable, "-m", "cwgtool", *args]
    if args[0] != "schema":
        command += ["--no-cache", str(RECORD_TXT)]
    with open("/dev/full", "w") as full:
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert result.returncode == EXIT_OUTPUT, result.stderr
    assert result.stderr == "cwgtool: cannot write the output: No space left on device\n"

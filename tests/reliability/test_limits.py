"""Limits: defaults, environment overrides, the per-document timeout, interrupts and atomic output."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from cwgtool.errors import LimitError
from cwgtool.fileio import atomic_writer
from cwgtool.limits import MB, Limits, call_with_timeout, parse_size


def test_defaults_and_env_overrides() -> None:
    assert Limits.from_env({}) == Limits()
    assert Limits().max_bytes == 200 * MB and Limits().max_pages == 2000 and Limits().max_ratio == 100
    env = {
        "CWGTOOL_MAX_BYTES": "5MB",
        "CWGTOOL_MAX_PAGES": "10",
        "CWGTOOL_MAX_UNZIPPED_BYTES": "1g",
        "CWGTOOL_MAX_RATIO": "0",
        "CWGTOOL_MAX_XML_DEPTH": "64",
        "CWGTOOL_TIMEOUT": "2.5",
    }
    lim = Limits.from_env(env)
    assert (lim.max_bytes, lim.max_pages, lim.max_unzipped_bytes, lim.max_ratio, lim.max_xml_depth, lim.timeout) == (
        5 * MB, 10, 1024 * MB, 0, 64, 2.5
    )
    # a typo falls back to the safe default instead of breaking every run
    assert Limits.from_env({"CWGTOOL_MAX_PAGES": "ten"}).max_pages == 2000
    assert Limits().with_overrides(max_pages=5, max_bytes=None) == Limits(max_pages=5)
    assert parse_size("200") == 200 and parse_size("1.5k") == 1536 and parse_size("2 MiB") == 2 * MB


def test_zero_disables_a_limit(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(b"x" * 100)
    Limits(max_bytes=0).check_file_size(str(p))
    with pytest.raises(LimitError):
        Limits(max_bytes=10).check_file_size(str(p))


def test_timeout_interrupts_a_slow_document() -> None:
    def slow(path: str) -> str:
        while True:  # a pure-Python loop, like pdfminer stuck on a pathological page
            time.sleep(0.001)

    started = time.monotonic()
    with pytest.raises(LimitError) as info:
        call_with_timeout(slow, 0.2, "minutes.pdf")
    # without the limit the loop never ends; the bound is generous so that a busy machine,
    # which may deliver the alarm late, cannot fail the test
    assert time.monotonic() - started < 30
    assert info.value.exit_code == 4
    assert str(info.value) == (
        "minutes.pdf: reading it exceeds the 0.2 s per-document time limit; raise it with --timeout or CWGTOOL_TIMEOUT"
    )
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_timeout_passes_results_and_errors_through() -> None:
    assert call_with_timeout(lambda a, b=0: a + b, 5, 1, b=2) == 3
    assert call_with_timeout(lambda: "no limit", None) == "no limit"
    with pytest.raises(ZeroDivisionError):
        call_with_timeout(lambda: 1 / 0, 5)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_timeout_in_a_process_pool_worker() -> None:
    """Each pool task runs in the worker's main thread, so SIGALRM works there too."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool, pytest.raises(LimitError, match="per-document time limit"):
        pool.submit(call_with_timeout, time.sleep, 0.1, 5, name="slow.pdf").result(timeout=10)


def test_keyboard_interrupt_inside_atomic_writer(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old content\n")
    with pytest.raises(KeyboardInterrupt), atomic_writer(target) as fh:
        fh.write('{"half": ')
        raise KeyboardInterrupt
    assert target.read_text() == "old content\n"
    assert os.listdir(tmp_path) == ["out.json"]  # the temporary file is gone too


def test_errors_survive_pickling() -> None:
    import pickle

    from cwgtool.errors import InputError

    for exc in (InputError("a.pdf", "empty file"), LimitError("b.pdf", "too big")):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc) and (back.path, back.reason, str(back)) == (exc.path, exc.reason, str(exc))


def test_debug_details_show_the_wrapped_library_error(tmp_path: Path) -> None:
    from cwgtool.errors import InputError, debug_details
    from cwgtool.readers import read

    bad = tmp_path / "cut.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    with pytest.raises(InputError) as info:
        read(bad, pdf_engine="pdfplumber")
    details = debug_details(info.value)
    assert "Traceback" in details and "direct cause" in details and "pdfminer" in details

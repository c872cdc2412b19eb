"""Parsing many documents: a stream in input order, bounded memory, failures as data.

The CLI and the library share this so that a folder of records behaves the same everywhere.

**Streaming.** :func:`parse_many` reads its inputs lazily and yields one :class:`Outcome` per
input, in input order, as soon as that input and every one before it are done. At any moment it
holds at most :func:`window_size` documents (those being parsed plus those finished early and
waiting for their turn), whatever the length of the batch, so an archive of 10^5 documents runs
in the memory of a few. A caller that keeps outcomes (a list of every parsed document) keeps
them itself; :class:`BatchReport` keeps only the failures.

**When a pool is used** (:func:`pool_workers`): ``min(jobs, CPUs this process may use)``
workers, and a pool only when that is at least 2 and the batch has at least 2 inputs. One core,
``--jobs 1`` or one document: everything runs in this process, as a pool would only add
process start-up and transport to the same amount of work on the same core.

**What a worker sends back** is what the caller keeps, in its final form, never something the
parent must decode and validate again:

* ``as_json``: the document as ``cache.dump_json`` bytes (the form ``cwgtool parse`` writes and
  the cache stores). Every input is then checked and looked up in the cache in this process
  (:mod:`cwgtool.pipeline`; a hit is a decompress and relabel, a fraction of a millisecond), so
  a fully cached run starts no pool; the pool is started at the first miss.
* ``transform``: a module-level function ``Document -> T`` run in the worker (``index`` turns a
  document into its database rows there); the outcome carries ``result``, not the document.
* neither: the :class:`~cwgtool.model.Document` itself (pickled: no validation on arrival).

Without ``as_json`` the whole of :func:`cwgtool.pipeline.parse` — checks, cache, parse — runs in
the worker: a cache hit then has to be validated into the model, which is the work worth sharing
between processes. stdin is always read in this process, when its turn comes. Whoever runs
them, the checks come before the cache and are the same code (``pipeline``).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cwgtool.errors import CwgError
from cwgtool.options import ParseOptions
from cwgtool.pipeline import STDIN

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from cwgtool.model import Document
    from cwgtool.pipeline import Checked

# Documents a worker may have queued beyond the one it parses: enough that a worker never waits
# for the parent, small enough that the ordered-output window stays a handful of documents.
_AHEAD_PER_WORKER = 3


@dataclass(slots=True)
class Outcome:
    path: str
    document: Document | None = None
    error: str | None = None  # one-line reason
    exit_code: int = 0
    cached: bool = False
    # The document as ``cache.dump_json`` (UTF-8 ``model_dump_json(indent=2)``), set on every
    # success with ``as_json`` (``document`` is then None).
    document_json: bytes | None = None
    result: Any = None  # what ``transform`` returned (``document`` is then None)
    document_warnings: list[str] | None = None  # the document's warnings when only ``result`` is kept
    document_data: dict[str, Any] | None = None  # ``document_json`` decoded (see :meth:`data`)
    detail: str | None = None  # traceback for --debug

    @property
    def ok(self) -> bool:
        return self.error is None

    def warnings(self) -> list[str]:
        """The document's warnings, from whichever form this outcome carries."""
        if self.document is not None:
            return list(self.document.warnings)
        if self.document_warnings is not None:
            return list(self.document_warnings)
        if self.document_json is not None:
            return [str(w) for w in self.data().get("warnings", [])]
        return []

    def data(self) -> dict[str, Any]:
        """The document's JSON form (``document_json`` decoded, once; or the model dumped).

        What a command that lists rows reads (:func:`cwgtool.rows.select_rows`): a cached
        document is decoded, never validated into the model.
        """
        if self.document_data is None:
            if self.document_json is not None:
                import json

                self.document_data = json.loads(self.document_json)
            elif self.document is not None:
                self.document_data = self.document.model_dump(mode="json")
            else:
                raise ValueError(f"{self.path}: a failed outcome has no document")
        return self.document_data


@dataclass(slots=True)
class BatchReport:
    """What a batch did, as data: counts and the failed outcomes (path, reason, exit code).

    Successes are counted, not kept, so a report stays small whatever the batch size.
    """

    done: int = 0
    cached: int = 0
    failures: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.error is not None:
            outcome.document = outcome.document_json = outcome.document_data = outcome.result = None
            self.failures.append(outcome)
        else:
            self.done += 1
            self.cached += outcome.cached

    @property
    def total(self) -> int:
        return self.done + len(self.failures)

    def exit_code(self) -> int:
        """0, or the highest exit code among the failures (3 unreadable input, 4 limit)."""
        return max((f.exit_code for f in self.failures), default=0)


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask, which containers and ``taskset`` set)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def pool_workers(jobs: int, inputs: int) -> int:
    """Worker processes for a batch: 0 (parse in this process) unless at least 2 would run.

    Never more than the CPUs available: a third worker on two cores only competes with the
    other two (and with the parent, which stores and writes what they send).
    """
    workers = min(jobs, usable_cpus(), inputs)
    return workers if workers >= 2 else 0


def window_size(workers: int) -> int:
    """Most outcomes :func:`parse_many` holds at once with ``workers`` processes (1 without a pool)."""
    return max(1, workers * (1 + _AHEAD_PER_WORKER))


def _failure(path: str, exc: BaseException, options: ParseOptions) -> Outcome:
    from cwgtool.errors import debug_details

    detail = debug_details(exc) if options.debug else None
    if isinstance(exc, CwgError):
        return Outcome(path, error=getattr(exc, "reason", str(exc)), exit_code=exc.exit_code, detail=detail)
    # A parser crash on one file: reported like an unreadable input (exit 3), the batch goes on.
    return Outcome(path, error=f"internal error: {type(exc).__name__}: {exc}", exit_code=3, detail=detail)


def _parse(checked: Checked, options: ParseOptions) -> tuple[Document, bytes | None]:
    """One checked document, under the per-document time limit (see ``pipeline.parse_checked``)."""
    from cwgtool.limits import call_with_timeout
    from cwgtool.pipeline import parse_checked

    return call_with_timeout(parse_checked, options.effective_limits().timeout, checked, options, name=checked.name)


def _lookup(path: str, options: ParseOptions, as_json: bool) -> tuple[Outcome | None, Checked | None]:
    """Every check before reading, then the cache (``pipeline``): (the outcome if already known —
    a failed check or a cache hit — else None; the checked input to parse)."""
    from cwgtool import pipeline

    try:
        checked = pipeline.check_input(path, options.effective_limits())
    except Exception as exc:  # noqa: BLE001 - a failed check is this input's outcome
        return _failure(path, exc, options), None
    hit = pipeline.lookup(checked, options, as_json=as_json)
    if hit is None:
        return None, checked
    checked.release()
    if isinstance(hit, bytes):
        return Outcome(path, document_json=hit, cached=True), None
    return Outcome(path, hit, cached=True), None


def _finish(outcome: Outcome, transform: Callable[[Document], Any] | None) -> Outcome:
    if transform is not None and outcome.document is not None:
        outcome.result = transform(outcome.document)
        outcome.document_warnings = list(outcome.document.warnings)
        outcome.document = None
    return outcome


def _parse_uncached(path: str, options: ParseOptions, checked: Checked, as_json: bool) -> Outcome:
    try:
        doc, data = _parse(checked, options)
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the others
        return _failure(path, exc, options)
    finally:
        checked.release()
    if not as_json:
        return Outcome(path, doc)
    if data is None:
        from cwgtool.cache import dump_json

        data = dump_json(doc)
    return Outcome(path, document_json=data)


def parse_one(
    path: str,
    options: ParseOptions,
    *,
    as_json: bool = False,
    transform: Callable[[Document], Any] | None = None,
    checked: Checked | None = None,
) -> Outcome:
    """One document through the checks, the cache and the parser; never raises for a bad input.
    (It is also what a pool worker runs: it prints nothing, and anything unexpected becomes a
    failed outcome.)

    ``checked``: the caller already checked the input and missed the cache (see ``pipeline``).
    ``as_json`` / ``transform``: see :func:`parse_many`.
    """
    try:
        if checked is None:
            known, checked = _lookup(path, options, as_json)
            if known is not None:
                return _finish(known, transform)
        assert checked is not None
        return _finish(_parse_uncached(path, options, checked, as_json), transform)
    except Exception as exc:  # noqa: BLE001 - e.g. a transform failing on one document
        return _failure(path, exc, options)


# What a worker needs to parse, imported once before the workers start (by this process for
# fork, by the server for forkserver) instead of once in each of them.
_PRELOAD = ["cwgtool.pipeline", "cwgtool.readers.docx", "cwgtool.readers.pdf"]


def _leave_interrupts_to_the_parent() -> None:
    """Workers ignore Ctrl-C: the terminal sends SIGINT to the whole process group, and a worker
    interrupted inside an import or a finaliser prints a traceback it cannot catch. The parent
    alone stops the batch: nothing new is started, the documents in hand finish (or reach their
    time limit), and the pool is shut down."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _start_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool; the caller submits its first document right away, which starts every worker.

    ``fork`` (workers inherit the imported parser: no start-up cost) while this process has a
    single thread; once another thread runs (a progress bar's refresh thread), forking could
    copy a lock that thread holds and deadlock the child, so ``forkserver`` is used instead
    (its workers import the parser once, in the server; like every start method but fork, it
    needs a script that calls cwgtool to guard its top level with ``if __name__ == "__main__"``).
    """
    import importlib
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        for module in _PRELOAD:
            importlib.import_module(module)
        context = multiprocessing.get_context("fork")
    elif "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
    else:  # pragma: no cover - Windows, macOS defaults
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_leave_interrupts_to_the_parent)


def parse_many(
    paths: Iterable[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] | None = None,
    as_json: bool = False,
    transform: Callable[[Document], Any] | None = None,
    report: BatchReport | None = None,
    count: int | None = None,
) -> Iterator[Outcome]:
    """Yield one outcome per path, in input order; a failure is an outcome with ``error`` set.

    ``jobs``: see :func:`pool_workers` (``count`` is the number of paths when ``paths`` is a
    generator; default ``len(paths)``). ``on_done`` is called in this process for each outcome
    just before it is yielded (progress bars). ``as_json`` / ``transform``: the form of a
    success, see the module docstring; ``transform`` must be a module-level function so that a
    worker can be given it. ``report`` records every outcome yielded.
    """
    if as_json and transform is not None:
        raise ValueError("as_json and transform are two forms of the result: give one")
    total = count if count is not None else len(paths) if hasattr(paths, "__len__") else 2  # type: ignore[arg-type]
    workers = pool_workers(jobs, total)
    stream = _pooled(iter(paths), options, workers, as_json, transform) if workers else _serial(paths, options, as_json, transform)
    for outcome in stream:
        if on_done is not None:
            on_done(outcome)
        if report is not None:
            report.add(outcome)
        yield outcome


def _serial(paths: Iterable[str], options: ParseOptions, as_json: bool, transform: Callable[[Document], Any] | None) -> Iterator[Outcome]:
    for path in paths:
        yield parse_one(path, options, as_json=as_json, transform=transform)


def _pooled(
    paths: Iterator[str], options: ParseOptions, workers: int, as_json: bool, transform: Callable[[Document], Any] | None
) -> Iterator[Outcome]:
    """The pool version of :func:`_serial`: same outcomes, same order, at most ``window_size`` held.

    The window is a queue in input order of finished outcomes and futures; it is refilled as the
    head leaves, so workers always have the next documents queued while the caller consumes.
    """
    window: deque[tuple[str, Outcome | Future[Outcome] | None]] = deque()
    limit = window_size(workers)
    from concurrent.futures.process import BrokenProcessPool

    executor: ProcessPoolExecutor | None = None
    try:
        while True:
            while len(window) < limit:
                path = next(paths, None)
                if path is None:
                    break
                if path == STDIN:
                    window.append((path, None))  # stdin belongs to this process: parsed when its turn comes
                    continue
                known, checked = _lookup(path, options, as_json) if as_json else (None, None)
                if known is not None:
                    window.append((path, known))
                    continue
                if executor is None:
                    executor = _start_pool(workers)
                try:
                    future = executor.submit(parse_one, path, options, as_json=as_json, transform=transform, checked=checked)
                except BrokenProcessPool:
                    # a worker died (OOM killer, a signal): the documents it had are reported as
                    # failed by their futures; the rest of the batch gets a fresh pool
                    executor.shutdown(wait=False, cancel_futures=True)
                    executor = _start_pool(workers)
                    future = executor.submit(parse_one, path, options, as_json=as_json, transform=transform, checked=checked)
                window.append((path, future))
            if not window:
                return
            path, item = window.popleft()
            if item is None:
                yield parse_one(path, options, as_json=as_json, transform=transform)
            elif isinstance(item, Outcome):
                yield item
            else:
                yield _result(path, item)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _result(path: str, future: Future[Outcome]) -> Outcome:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - e.g. a worker killed by the OOM killer
        return Outcome(path, error=f"worker failed: {type(exc).__name__}: {exc}", exit_code=3)


class OutputTree:
    """Where ``parse --output-dir DIR`` writes each input's result, and the writes themselves.

    As ``tsc --outDir`` does, the inputs' common root (the deepest folder holding them all) is
    mapped onto DIR and the tree below it mirrored: ``parse archive/ -O out`` writes
    ``archive/2022/rec.pdf`` to ``out/2022/rec.pdf.json``. The input's extension is kept and
    the format's appended, so ``rec.pdf`` and ``rec.docx`` never collide; stdin goes to
    ``DIR/stdin.json``. Nothing is ever written outside DIR.

    Two inputs of one run that map to the same file (``-`` and a file named ``stdin``, one file
    named twice through different spellings) are a collision: the later one is refused, never
    written over the earlier. A write that fails (read-only folder, full disk) is a failure of
    that input only; the batch goes on.
    """

    def __init__(self, out_dir: str | os.PathLike[str], paths: Iterable[str], suffix: str) -> None:
        self.out_dir = Path(out_dir)
        self.suffix = suffix
        folders = {os.path.dirname(os.path.abspath(p)) for p in paths if p != STDIN}
        self.root = os.path.commonpath(sorted(folders)) if folders else os.getcwd()
        self._written: dict[str, str] = {}  # target (normalised) → the input written there

    def target(self, path: str) -> Path:
        rel = Path("stdin") if path == STDIN else Path(os.path.relpath(os.path.abspath(path), self.root))
        return self.out_dir / rel.parent / (rel.name + self.suffix)

    def write(self, path: str, data: bytes) -> Outcome | None:
        """Write ``data`` (UTF-8) as ``path``'s output: None, or the failed outcome that says why."""
        from cwgtool.fileio import write_bytes_atomic

        target = self.target(path)
        key = os.path.normcase(os.path.abspath(target))
        if key in self._written:
            return Outcome(path, error=f"output {target} is also the output of {self._written[key]}; not written", exit_code=3)
        if os.linesep != "\n":  # pragma: no cover - Windows: what a text-mode write would give
            data = data.replace(b"\n", os.linesep.encode())
        try:
            # one file per input: no per-file fsync (cwgtool.fileio says what that gives up)
            write_bytes_atomic(target, data, durable=False)
        except OSError as exc:
            return Outcome(path, error=f"cannot write {target}: {exc.strerror or exc}", exit_code=3)
        self._written[key] = path
        return None


__all__ = ["BatchReport", "Outcome", "OutputTree", "parse_many", "parse_one", "pool_workers", "usable_cpus", "window_size"]

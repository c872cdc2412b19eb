"""Parsing many documents: ordered results, one failure never stops the others.

The CLI and library share this so that a folder of records behaves the same everywhere.

Every input is checked, then looked up in the cache, in the calling process, by
:mod:`cwgtool.pipeline` (the same steps as ``api.parse``): a failed check is the input's outcome
and no cache hit can skip a check. Hashing and loading an entry costs a fraction of a
millisecond, far less than shipping the work to a worker, so a fully cached run never starts a
pool. Only the misses go to a process pool; workers parse, store the cache entry themselves
(atomic renames make concurrent writers safe) and send back the Document as its indent=2 JSON
(UTF-8 bytes) — the exact cache-entry and output form, so it is serialised once. Measured on
cwg12.pdf: worker ``model_dump_json`` 1.5 ms vs ``pickle.dumps`` 2.7 ms; parent
``model_validate_json`` 5.1 ms vs ``pickle.loads`` 6.2 ms.

Callers that only write the JSON (``cwgtool parse`` in its default format) ask for
``as_json=True``: then a success carries ``document_json`` and the parent validates nothing,
neither cache hits nor worker results. Everyone else gets a validated ``document``.
Results are yielded in input order whatever the scheduling, so output is reproducible.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cwgtool.errors import CwgError
from cwgtool.options import ParseOptions

if TYPE_CHECKING:
    from concurrent.futures import Future

    from cwgtool.model import Document
    from cwgtool.pipeline import Checked

STDIN = "-"


@dataclass(slots=True)
class Outcome:
    path: str
    document: Document | None = None
    error: str | None = None  # one-line reason
    exit_code: int = 0
    cached: bool = False
    # The document as ``cache.dump_json`` (UTF-8 ``model_dump_json(indent=2)``): set on every
    # success with ``as_json`` (``document`` may then be None); otherwise only a transport form,
    # turned into ``document``.
    document_json: bytes | None = None
    detail: str | None = None  # traceback for --debug

    def warnings(self) -> list[str]:
        """The document's warnings, from whichever form this outcome carries."""
        if self.document is not None:
            return list(self.document.warnings)
        if self.document_json is not None:
            from cwgtool.cache import json_warnings

            return json_warnings(self.document_json)
        return []


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


def _parse_uncached(path: str, options: ParseOptions, checked: Checked, as_json: bool = False) -> Outcome:
    try:
        doc, data = _parse(checked, options)
    except Exception as exc:  # noqa: BLE001 - one broken file must not stop the others
        return _failure(path, exc, options)
    finally:
        checked.release()
    if as_json and data is None:
        from cwgtool.cache import dump_json

        data = dump_json(doc)
    return Outcome(path, doc, document_json=data if as_json else None)


def _lookup(path: str, options: ParseOptions, as_json: bool = False) -> tuple[Outcome | None, Checked | None]:
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


def parse_one(path: str, options: ParseOptions, *, as_json: bool = False) -> Outcome:
    """One document, through the checks and the cache. ``as_json``: see :func:`parse_many`."""
    known, checked = _lookup(path, options, as_json)
    if known is not None:
        return known
    assert checked is not None
    return _parse_uncached(path, options, checked, as_json)


def _work(path: str, options: ParseOptions, checked: Checked) -> Outcome:
    """Worker entry point: never prints; anything unexpected becomes a failed outcome."""
    try:
        doc, data = _parse(checked, options)
        if data is None:
            from cwgtool.cache import dump_json

            data = dump_json(doc)
        return Outcome(path, document_json=data)
    except Exception as exc:  # noqa: BLE001 - one broken file must not kill the batch
        return _failure(path, exc, options)


def _received(outcome: Outcome, as_json: bool) -> Outcome:
    if outcome.document_json is not None and not as_json:
        from cwgtool.model import Document

        outcome.document = Document.model_validate_json(outcome.document_json)
        outcome.document_json = None
    return outcome


def _warm_imports() -> None:
    """With fork, modules imported here are inherited by every worker instead of imported N times."""
    import cwgtool.pipeline  # noqa: F401
    import cwgtool.readers.docx  # noqa: F401
    import cwgtool.readers.pdf  # noqa: F401


def parse_many(
    paths: Sequence[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    on_done: Callable[[Outcome], None] | None = None,
    as_json: bool = False,
) -> Iterator[Outcome]:
    """Yield one outcome per path, in input order.

    ``jobs > 1`` parses cache misses in a process pool (never for a single miss). ``on_done`` is
    called in this process as each document finishes, in completion order (for progress bars).
    ``as_json``: successes carry ``document_json`` (``cache.dump_json`` bytes, exactly) and
    maybe no ``document`` — cache hits and worker results are passed through unvalidated.
    """
    pending: dict[int, tuple[str, Checked]] = {}
    ready: dict[int, Outcome] = {}
    for i, path in enumerate(paths):
        known, checked = _lookup(path, options, as_json)
        if known is not None:
            ready[i] = known
        else:
            assert checked is not None
            pending[i] = (path, checked)

    parallel = {i: v for i, v in pending.items() if v[0] != STDIN} if jobs > 1 and len(pending) > 1 else {}
    futures: dict[int, object] = {}
    executor = None
    if len(parallel) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        if method == "fork":
            _warm_imports()
        executor = ProcessPoolExecutor(max_workers=min(jobs, len(parallel)), mp_context=multiprocessing.get_context(method))
        # Submit everything before the caller's progress thread exists (see on_done): forking
        # while another thread holds a lock can deadlock the child.
        futures = {i: executor.submit(_work, path, options, checked) for i, (path, checked) in parallel.items()}
    try:
        yield from _ordered(paths, ready, pending, futures, options, on_done, as_json)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _ordered(
    paths: Sequence[str],
    ready: dict[int, Outcome],
    pending: dict[int, tuple[str, Checked]],
    futures: dict[int, object],
    options: ParseOptions,
    on_done: Callable[[Outcome], None] | None,
    as_json: bool,
) -> Iterator[Outcome]:
    if futures:  # a fully cached run never needs the module
        from concurrent.futures import FIRST_COMPLETED, wait
    if on_done is not None:
        for i in sorted(ready):
            on_done(ready[i])
    index_of = {id(f): i for i, f in futures.items()}
    running: set[Future[Outcome]] = set(futures.values())  # type: ignore[arg-type]
    for i in range(len(paths)):
        while i not in ready:
            if i in futures:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for f in done:
                    j = index_of[id(f)]
                    try:
                        ready[j] = _received(f.result(), as_json)
                    except Exception as exc:  # noqa: BLE001 - e.g. a worker killed by the OOM killer
                        ready[j] = Outcome(paths[j], error=f"worker failed: {type(exc).__name__}: {exc}", exit_code=3)
                    if on_done is not None:
                        on_done(ready[j])
            else:
                path, checked = pending[i]
                ready[i] = _parse_uncached(path, options, checked, as_json)
                if on_done is not None:
                    on_done(ready[i])
        yield ready.pop(i)

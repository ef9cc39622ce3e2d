"""Work spread over all cores, and the garbage collector kept out of its way.

Workers are forked: they inherit the job and everything it reads (knowledge base, language
model, documents), so only the results cross between processes, and results come back in
order, so builds repeat byte for byte.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

PARALLEL_FROM = 40  # documents' worth of work: below this, starting worker processes costs more than it saves
MAX_WORKERS = 8
# A build makes millions of small objects and almost no reference cycles; at Python's default
# threshold (700) full collections keep walking every document in memory (measured: about a
# tenth of a cold build at 1,000 documents).
BUILD_GC_THRESHOLD = 100_000

R = TypeVar("R")
_JOB: Callable | None = None


def on_all_cores(
    job: Callable[[int], R], items: Sequence[int], chunksize: int = 16, documents: int | None = None
) -> Iterator[R]:
    """`job(i)` for each item, yielded in order as results arrive (so the caller works while the
    workers do); on all cores when the work is worth it: `documents`, how many documents the items
    go over (default: one each), at least PARALLEL_FROM."""
    workers = min(available_cores(), MAX_WORKERS)
    worth_it = (len(items) if documents is None else documents) >= PARALLEL_FROM and len(items) > 1
    if not worth_it or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from (job(i) for i in items)
        return
    global _JOB
    _JOB = job
    gc.freeze()  # workers' collections then skip everything inherited (no copy-on-write churn)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_run_job, items, chunksize)
    finally:
        gc.unfreeze()
        _JOB = None


def available_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _run_job(item: int) -> object:
    assert _JOB is not None, "a worker runs jobs only inside on_all_cores"
    return _JOB(item)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run a build with the cyclic garbage collector at BUILD_GC_THRESHOLD (restored after)."""
    previous = gc.get_threshold()
    gc.set_threshold(BUILD_GC_THRESHOLD, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)

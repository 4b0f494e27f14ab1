"""``LocalExecutor``: a multiprocessing pool on this machine (in-process when workers == 1)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Iterator

from saywho.engines.base import Executor, Result, RunOptions, process
from saywho.records import RawDocument

_worker_options: RunOptions | None = None


def _init_worker(options: RunOptions) -> None:
    global _worker_options
    _worker_options = options
    # The parent handles Ctrl-C and terminates the pool; workers dying mid-task on their own
    # would only print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _process_in_worker(doc: RawDocument) -> Result:
    assert _worker_options is not None
    return process(doc, _worker_options)


class LocalExecutor(Executor):
    name = "local"

    def __init__(self, workers: int, *, chunksize: int = 8, in_flight: int | None = None):
        super().__init__(workers)
        self.chunksize = chunksize
        self.in_flight = in_flight or max(64, 8 * chunksize * self.workers)
        self._pool = None

    def imap(self, docs: Iterable[RawDocument], options: RunOptions) -> Iterator[Result]:
        if self.workers == 1:
            for doc in docs:
                yield process(doc, options)
            return
        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self._pool = ctx.Pool(self.workers, initializer=_init_worker, initargs=(options,))
        # Pool.imap drains its input in a feeder thread; the semaphore holds that thread back
        # so at most ``in_flight`` documents are read ahead of the results taken.
        slots = threading.Semaphore(self.in_flight)
        stop = threading.Event()

        def bounded() -> Iterator[RawDocument]:
            for doc in docs:
                while not slots.acquire(timeout=0.5):
                    if stop.is_set():
                        return
                if stop.is_set():
                    return
                yield doc

        finished = False
        try:
            for result in self._pool.imap_unordered(_process_in_worker, bounded(), self.chunksize):
                slots.release()
                yield result
            finished = True
        finally:
            stop.set()
            if finished:
                self._pool.close()
                self._pool.join()
                self._pool = None
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

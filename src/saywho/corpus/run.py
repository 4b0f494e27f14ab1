"""``run_corpus``: read inputs, process them on an executor, store every outcome, then run the
corpus-level passes (syndication clusters, speakers across articles, statements).

Every input item ends as an ``articles`` row or a ``failures`` row. Results are written in one
transaction per batch and inputs whose key is already stored are skipped, so a run killed at
any moment resumes with the same command, losing and duplicating nothing.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from saywho.corpus.inputs import parse_item, read_inputs, read_raw
from saywho.corpus.prior import BlockCounter, BlockPrior, page_blocks, publisher_of
from saywho.engines.base import (
    ArticleResult,
    FailureResult,
    RawLine,
    RowsResult,
    RunOptions,
    article_key,
    failure_key,
)
from saywho.errors import StoreError
from saywho.input.sources import JsonlFields
from saywho.records import Failure, RawDocument
from saywho.store.db import Store, article_rows, open_store

BATCH_SIZE = 256
BATCH_SECONDS = 2.0


@dataclass(slots=True)
class RunSummary:
    run_id: int = 0
    articles: int = 0
    quotes: int = 0
    failures: int = 0
    skipped: int = 0
    seconds: float = 0.0
    clusters: int = 0
    people: int = 0
    statements: int = 0
    status: str = "running"
    failure_samples: list = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


# What the second pass does with an item, by its position in the input (see ``Survey.plan``):
# items not in the plan go to the workers.
STORED = "stored"
SKIP = "skip"


@dataclass(slots=True)
class Survey:
    """What the first pass learns: the boilerplate prior, how many items there are, and the
    plan for the items the workers must not get (see ``survey``)."""

    prior: BlockPrior | None
    total: int
    plan: dict = field(default_factory=dict)


def survey(
    paths: Sequence[str],
    fields: JsonlFields,
    *,
    with_prior: bool,
    stored: set[str] = frozenset(),
    workers: int = 1,
) -> Survey:
    """First pass: count the items, with ``with_prior`` the repeated blocks per publisher, and
    plan the second pass by item position: ``STORED`` (a resumed run skips it), ``SKIP`` (a
    failure already stored or seen) or the (key, failure) to store without a worker (an
    unreadable item, a duplicate id). The first item with a key in input order owns it.
    With ``workers`` > 1 the pages are hashed in a pool while this process reads on."""
    counter = BlockCounter()
    with PageHasher(counter, workers if with_prior else 1) as hasher:
        plan, total = _plan(paths, fields, stored, hasher if with_prior else None)
    prior = counter.prior() if with_prior else None
    return Survey(prior=prior if prior else None, total=total, plan=plan)


def _plan(paths: Sequence[str], fields: JsonlFields, stored: set[str], hasher: PageHasher | None) -> tuple[dict, int]:
    plan: dict[int, object] = {}
    seen: set[str] = set()
    total = 0
    for index, raw in enumerate(read_raw(paths, fields)):
        total += 1
        item = parse_item(raw, fields)
        if isinstance(item, Failure):
            key = failure_key(item)
            plan[index] = SKIP if key in stored or key in seen else (key, item)
            seen.add(key)
            continue
        if hasher is not None:
            hasher.add(publisher_of(item), item.content)
        key = article_key(item)
        if key in seen:
            plan[index] = _duplicate(item, key, stored, seen) or SKIP
        elif key in stored:
            plan[index] = STORED
        seen.add(key)
    return plan, total


def _ignore_sigint() -> None:
    # The parent handles Ctrl-C and terminates the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class PageHasher:
    """Feeds ``counter`` each publisher's first ``counter.sample`` pages in input order, the
    pages chosen here and hashed (``page_blocks``) in a pool when ``workers`` > 1, a bounded
    number of batches in flight; what the counter gets is the same either way."""

    BATCH = 256
    IN_FLIGHT = 4

    def __init__(self, counter: BlockCounter, workers: int):
        self.counter = counter
        self.chosen: Counter = Counter()
        self.batch: list[tuple[str, str | bytes]] = []
        self.pending: deque = deque()
        self.workers = workers
        self.pool = None

    def add(self, publisher: str | None, content: str | bytes) -> None:
        if publisher is None or self.chosen[publisher] >= self.counter.sample:
            return
        self.chosen[publisher] += 1
        if self.workers <= 1:
            self.counter.add(publisher, content)
            return
        self.batch.append((publisher, content))
        if len(self.batch) >= self.BATCH:
            self._send()

    def _send(self) -> None:
        if self.pool is None:
            # Started on the first full batch only: a small corpus is hashed before a pool would be up.
            ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
            self.pool = ctx.Pool(self.workers, initializer=_ignore_sigint)
        publishers = [p for p, _ in self.batch]
        self.pending.append((publishers, self.pool.map_async(page_blocks, [c for _, c in self.batch], chunksize=32)))
        self.batch = []
        while len(self.pending) > self.IN_FLIGHT:
            self._take()

    def _take(self) -> None:
        publishers, result = self.pending.popleft()
        for publisher, page in zip(publishers, result.get(), strict=True):
            self.counter.pages[publisher].append(page)

    def __enter__(self) -> PageHasher:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None and self.batch:
            if self.pool is None:
                for publisher, content in self.batch:
                    self.counter.add(publisher, content)
            else:
                self._send()
        if self.pool is None:
            return
        try:
            while exc_type is None and self.pending:
                self._take()
        finally:
            self.pool.terminate()
            self.pool.join()


def _duplicate(item: RawDocument, key: str, stored: set[str], seen: set[str]) -> tuple[str, Failure] | None:
    """A later item with a taken key is a failure under a key of its own, so that a resumed
    run sees it as done too; None when that failure is already stored or planned."""
    dup_key = f"{key}@{item.source}"
    if dup_key in stored or dup_key in seen:
        return None
    seen.add(dup_key)
    return dup_key, Failure(source=item.source, id=item.id, code="SW105", reason=f"duplicate id {item.id!r}: an earlier input has the same id")


Progress = Callable[[RunSummary, int | None], None]


def run_corpus(
    paths: Sequence[str],
    db: str,
    *,
    workers: int | None = None,
    engine: str = "local",
    fields: JsonlFields | None = None,
    clean: bool = True,
    with_prior: bool = True,
    count_first: bool = True,
    progress: Progress | None = None,
    args: dict | None = None,
    retry_failures: bool = False,
    batch_size: int = BATCH_SIZE,
) -> RunSummary:
    """Build or extend the store at ``db`` from ``paths``; returns what this run did."""
    from saywho.engines import get_executor

    workers = workers or os.cpu_count() or 1
    fields = fields or JsonlFields()
    started = time.monotonic()
    with recorded_run(db, engine=engine, workers=workers, args=args or {"inputs": list(paths)}) as (store, summary):
        store.forget_failures(everything=retry_failures)
        stored = store.stored_keys()
        reader_failures: deque[tuple[str, Failure]] = deque()
        if with_prior or count_first:
            first = survey(paths, fields, with_prior=with_prior, stored=stored, workers=workers if engine == "local" else 1)
            docs = planned_items(read_raw(paths, fields), first.plan, reader_failures, summary)
        else:
            # One pass only (standard input can be read once): the items are parsed here.
            first = Survey(None, 0)
            docs = new_documents(read_inputs(paths, fields), stored, reader_failures, summary)
        del stored
        total = first.total or None
        options = RunOptions(clean=clean, prior=first.prior, fields=fields, rows=True)

        def report() -> None:
            if progress is not None:
                summary.seconds = time.monotonic() - started
                progress(summary, total)

        with get_executor(engine, workers) as executor:
            store_results(store, summary, executor.imap(docs, options), reader_failures, batch_size, report)
        # the last, partial batch is stored after the last per-batch report
        report()
    return summary


@contextmanager
def recorded_run(db: str, *, engine: str, workers: int, args: dict) -> Iterator[tuple[Store, RunSummary]]:
    """Open the store and record a run in ``runs``; the body stores results, then the corpus
    passes run and the run's status (done, interrupted, failed) is written whatever happened."""
    store = open_store(db)
    summary = RunSummary()
    started = time.monotonic()
    try:
        summary.run_id = store.start_run(engine=engine, workers=workers, args=args)
        yield store, summary
        passes = finalize(store)
        summary.clusters, summary.people, summary.statements = passes["clusters"], passes["people"], passes["statements"]
        summary.status = "done"
    except KeyboardInterrupt:
        summary.status = "interrupted"
        raise
    except BaseException:
        summary.status = "failed"
        raise
    finally:
        summary.seconds = time.monotonic() - started
        try:
            if summary.run_id:
                store.finish_run(summary.run_id, summary.status, skipped=summary.skipped)
        except StoreError:
            # The store is failing (a full disk): the error already on its way says so.
            pass
        finally:
            store.close()


def store_results(
    store: Store,
    summary: RunSummary,
    results: Iterable[ArticleResult | FailureResult],
    reader_failures: deque,
    batch_size: int = BATCH_SIZE,
    after_each: Callable[[], None] | None = None,
) -> None:
    """Write results in batches, with the reader's failures in input order; what was read
    before an interruption is still written."""
    writer = BatchWriter(store, summary, batch_size)
    try:
        for result in results:
            writer.add(result)
            while reader_failures:
                writer.add(FailureResult(*reader_failures.popleft()))
            writer.maybe_flush()
            if after_each is not None:
                after_each()
        while reader_failures:
            writer.add(FailureResult(*reader_failures.popleft()))
        writer.flush()
    except BaseException:
        writer.flush()
        raise


def planned_items(
    items: Iterator[RawDocument | Failure | RawLine],
    plan: dict,
    failures: deque,
    summary: RunSummary,
) -> Iterator[RawDocument | RawLine]:
    """The second pass: the items ``survey`` left to the workers. Runs in the executor's
    feeder thread, so failures go through a thread-safe deque to the writer."""
    lock = threading.Lock()
    for index, item in enumerate(items):
        action = plan.get(index)
        if action is None:
            if isinstance(item, Failure):
                # The input changed since the survey; the failure is stored all the same.
                failures.append((failure_key(item), item))
                continue
            yield item
        elif action is STORED:
            with lock:
                summary.skipped += 1
        elif action is not SKIP:
            failures.append(action)


def new_documents(
    items: Iterator[RawDocument | Failure],
    stored: set[str],
    failures: deque,
    summary: RunSummary,
) -> Iterator[RawDocument]:
    """The documents still to process. Runs in the executor's feeder thread, so reader
    failures go through a thread-safe deque to the writer instead of the store directly."""
    seen: set[str] = set()
    lock = threading.Lock()
    for item in items:
        if isinstance(item, Failure):
            key = failure_key(item)
            if key not in stored and key not in seen:
                seen.add(key)
                failures.append((key, item))
            continue
        key = article_key(item)
        if key in seen:
            # The first item with a key in input order owns it; later ones are failures under
            # a key of their own so that a resumed run sees them as done too.
            dup_key = f"{key}@{item.source}"
            if dup_key not in stored and dup_key not in seen:
                seen.add(dup_key)
                failures.append((dup_key, Failure(source=item.source, id=item.id, code="SW105", reason=f"duplicate id {item.id!r}: an earlier input has the same id")))
            continue
        seen.add(key)
        if key in stored:
            with lock:
                summary.skipped += 1
            continue
        yield item


class BatchWriter:
    def __init__(self, store: Store, summary: RunSummary, batch_size: int = BATCH_SIZE):
        self.store = store
        self.batch_size = batch_size
        self.summary = summary
        self.articles: list = []
        self.failures: list = []
        self.signatures: list = []
        self.last = time.monotonic()

    def add(self, result: ArticleResult | RowsResult | FailureResult) -> None:
        if isinstance(result, RowsResult):
            self.articles.append(result.rows)
        elif isinstance(result, ArticleResult):
            self.articles.append(article_rows(result.key, result.article, result.signature))
        else:
            self.failures.append((result.key, result.failure))
            if len(self.summary.failure_samples) < 20:
                self.summary.failure_samples.append(result.failure)

    def maybe_flush(self) -> None:
        if len(self.articles) + len(self.failures) >= self.batch_size or time.monotonic() - self.last >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.articles or self.failures:
            a, q, f = self.store.write_rows(self.summary.run_id, self.articles, self.failures)
            self.summary.articles += a
            self.summary.quotes += q
            self.summary.failures += f
            self.articles, self.failures = [], []
        self.last = time.monotonic()


def finalize(store: Store) -> dict[str, int]:
    """The corpus-level passes, recomputed over the whole store in one transaction."""
    from saywho.corpus.people import count_people, resolve_people
    from saywho.corpus.syndication import assign_statements, cluster_articles

    with store.transaction() as conn:
        clusters = cluster_articles(conn)
        people = resolve_people(conn)
        statements = assign_statements(conn)
        count_people(conn)
    return {"clusters": clusters, "people": people, "statements": statements}

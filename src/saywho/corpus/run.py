"""``run_corpus``: read inputs, process them on an executor, store every outcome, then run the
corpus-level passes (syndication clusters, speakers across articles, statements).

Every input item ends as an ``articles`` row or a ``failures`` row. Results are written in one
transaction per batch and inputs whose key is already stored are skipped, so a run killed at
any moment resumes with the same command, losing and duplicating nothing.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from saywho.corpus.inputs import read_inputs
from saywho.corpus.prior import BlockCounter, BlockPrior, publisher_of
from saywho.engines.base import ArticleResult, FailureResult, RunOptions, article_key, failure_key
from saywho.errors import StoreError
from saywho.input.sources import JsonlFields
from saywho.records import Failure, RawDocument
from saywho.store.db import Store, open_store

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


@dataclass(slots=True)
class Survey:
    """What the first pass learns: the boilerplate prior and how many items there are."""

    prior: BlockPrior | None
    total: int


def survey(paths: Sequence[str], fields: JsonlFields, *, with_prior: bool) -> Survey:
    """First pass: count the items and, with ``with_prior``, the repeated blocks per publisher."""
    counter = BlockCounter()
    total = 0
    for item in read_inputs(paths, fields):
        total += 1
        if with_prior and isinstance(item, RawDocument):
            counter.add(publisher_of(item), item.content)
    prior = counter.prior() if with_prior else None
    return Survey(prior=prior if prior else None, total=total)


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
        first = survey(paths, fields, with_prior=with_prior) if (with_prior or count_first) else Survey(None, 0)
        total = first.total or None
        options = RunOptions(clean=clean, prior=first.prior)
        store.forget_failures(everything=retry_failures)
        reader_failures: deque[tuple[str, Failure]] = deque()
        docs = new_documents(read_inputs(paths, fields), store.stored_keys(), reader_failures, summary)

        def report() -> None:
            if progress is not None:
                summary.seconds = time.monotonic() - started
                progress(summary, total)

        with get_executor(engine, workers) as executor:
            store_results(store, summary, executor.imap(docs, options), reader_failures, batch_size, report)
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

    def add(self, result: ArticleResult | FailureResult) -> None:
        if isinstance(result, ArticleResult):
            self.articles.append((result.key, result.article, result.signature))
        else:
            self.failures.append((result.key, result.failure))
            if len(self.summary.failure_samples) < 20:
                self.summary.failure_samples.append(result.failure)

    def maybe_flush(self) -> None:
        if len(self.articles) + len(self.failures) >= self.batch_size or time.monotonic() - self.last >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.articles or self.failures:
            a, q, f = self.store.write_batch(self.summary.run_id, self.articles, self.failures)
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

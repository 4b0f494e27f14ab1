"""The Ray engine: the per-article ``engines.base.process`` run on a Ray cluster.

Two ways in, one per-article function:

- ``RayExecutor`` is the ``Executor`` the local pool also implements: the driver streams
  documents to Ray tasks (in batches, a bounded number in flight) and gets results back, so
  ``saywho run INPUT --db news.db --engine ray`` writes the store exactly as the local engine
  does.
- ``run_to_shards`` is the cluster-scale path (``--out DIR``): the driver only plans work
  shards (``engines.ray_inputs``); Ray Data maps one task over each shard, which reads its
  inputs from shared storage, runs ``process`` on every item and writes Parquet shards
  (``engines.shards``). ``build_db`` then turns the shards into the store.

Ray is imported lazily and only here, so the rest of saywho works without the extra.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import islice

from saywho.engines.base import Executor, FailureResult, Result, RunOptions, failure_key, process
from saywho.engines.ray_inputs import DEFAULT_SHARD_SIZE, WorkShard, plan_shards, read_shard
from saywho.engines.shards import ShardStore
from saywho.errors import MissingDependency, RayError, SaywhoError
from saywho.input.sources import JsonlFields
from saywho.records import Failure, RawDocument

ProcessFn = Callable[[RawDocument, RunOptions], Result]

DEFAULT_RETRIES = 3
DEFAULT_BATCH = 16


def import_ray():
    """Ray, with usage statistics off (no network calls); a clear error when not installed."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ImportError as err:
        raise MissingDependency("the ray engine needs Ray: pip install 'saywho[ray]'") from err
    return ray


def _quiet_ray_logs() -> None:
    # Ray's own lines (start-up banner, token notice, per-dataset progress) would drown the
    # CLI's; real failures still reach the user as a RayError.
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds on a cluster address nothing answers at: Ray itself retries for minutes."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=timeout).close()
    except OSError as err:
        raise RayError(f"cannot reach the Ray cluster at {address}: {err.strerror or err}") from None


class RayConnection:
    """Joins the cluster at ``address`` (``auto``, ``ray://host:10001``) or, with no address,
    starts a private local instance with ``workers`` CPUs; shuts down only what it started."""

    def __init__(self, address: str | None = None, workers: int | None = None):
        self.address = address
        self.workers = workers
        self.started = False

    def __enter__(self):
        ray = import_ray()
        if ray.is_initialized():
            return ray
        _quiet_ray_logs()
        kwargs: dict = {"include_dashboard": False, "log_to_driver": False, "logging_level": logging.ERROR}
        if self.address:
            _check_reachable(self.address)
            kwargs["address"] = self.address
        elif self.workers:
            kwargs["num_cpus"] = self.workers
        try:
            ray.init(**kwargs)
        except (ConnectionError, RuntimeError, ValueError) as err:
            where = self.address or "a local Ray instance"
            raise RayError(f"cannot start or reach Ray at {where}: {str(err).splitlines()[0]}") from None
        self.started = True
        import ray.data

        with warnings.catch_warnings():
            # Ray's own defaults trip its own deprecation warnings when the context is made.
            warnings.simplefilter("ignore", DeprecationWarning)
            ray.data.DataContext.get_current().enable_progress_bars = False
        _quiet_ray_logs()
        return ray

    def __exit__(self, *exc) -> None:
        if self.started:
            import ray

            ray.shutdown()
            self.started = False


def _result_of(item: RawDocument | Failure, options: RunOptions, process_fn: ProcessFn) -> Result:
    if isinstance(item, Failure):
        return FailureResult(failure_key(item), item)
    return process_fn(item, options)


def _process_batch(docs: list[RawDocument | Failure], options: RunOptions, process_fn: ProcessFn) -> list[Result]:
    return [_result_of(doc, options, process_fn) for doc in docs]


class RayExecutor(Executor):
    """``Executor.imap`` on Ray tasks: batches of documents, a bounded number in flight, each
    task retried (on another worker if need be) when its worker dies."""

    name = "ray"

    def __init__(
        self,
        workers: int,
        *,
        address: str | None = None,
        batch_size: int = DEFAULT_BATCH,
        max_retries: int = DEFAULT_RETRIES,
        process_fn: ProcessFn = process,
    ):
        super().__init__(workers)
        self.address = address or os.environ.get("RAY_ADDRESS") or None
        self.batch_size = max(1, batch_size)
        self.max_retries = max_retries
        self.process_fn = process_fn
        self._connection: RayConnection | None = None

    def imap(self, docs: Iterable[RawDocument], options: RunOptions) -> Iterator[Result]:
        self._connection = RayConnection(self.address, self.workers)
        ray = self._connection.__enter__()
        try:
            task = ray.remote(_process_batch).options(max_retries=self.max_retries, retry_exceptions=[OSError])
            options_ref = ray.put(options)
            process_ref = ray.put(self.process_fn)
            in_flight = 2 * max(self.workers, int(ray.cluster_resources().get("CPU", 1)))
            pending: list = []
            stream = iter(docs)
            while batch := list(islice(stream, self.batch_size)):
                pending.append(task.remote(batch, options_ref, process_ref))
                while len(pending) >= in_flight:
                    done, pending = ray.wait(pending, num_returns=1)
                    yield from ray.get(done[0])
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                yield from ray.get(done[0])
        except ray.exceptions.RayError as err:
            raise RayError(f"a Ray task failed (retried {self.max_retries} times): {_explain(err)}") from None
        finally:
            self.close()

    def close(self) -> None:
        if self._connection is not None:
            self._connection.__exit__()
            self._connection = None


def run_shard(shard: WorkShard, store: ShardStore, options: RunOptions, process_fn: ProcessFn, fields: JsonlFields) -> dict:
    """Process one work shard into its Parquet files; a shard already done is not redone, which
    makes a retried task (or a resumed run) write each shard exactly once."""
    done = store.done(shard.name)
    if done is not None:
        return {**done, "reused": True}
    started, cpu = time.perf_counter(), time.process_time()
    results = [(_result_of(item, options, process_fn), isinstance(item, RawDocument)) for item in read_shard(shard, fields)]
    stats = {"seconds": round(time.perf_counter() - started, 4), "cpu_seconds": round(time.process_time() - cpu, 4), "pid": os.getpid()}
    return {**store.write(shard.name, results, **stats), "reused": False}


_options_cache: dict = {}


def _shard_task(batch: dict, *, out: str, options_ref, process_fn: ProcessFn, fields: JsonlFields) -> dict:
    """The Ray Data map function: one batch of shard descriptors in, one summary row per shard out."""
    import ray

    key = options_ref.hex()
    if key not in _options_cache:
        _options_cache.clear()
        _options_cache[key] = ray.get(options_ref)
    options = _options_cache[key]
    store = ShardStore(out)
    summaries = []
    for spec in batch["shard"]:
        shard = WorkShard.from_dict(json.loads(spec))
        summaries.append(json.dumps(run_shard(shard, store, options, process_fn, fields)))
    return {"summary": summaries}


def run_to_shards(
    paths: Iterable[str],
    out: str,
    *,
    options: RunOptions | None = None,
    address: str | None = None,
    workers: int | None = None,
    shard_size: int = DEFAULT_SHARD_SIZE,
    max_retries: int = DEFAULT_RETRIES,
    fields: JsonlFields | None = None,
    prior: bool = False,
    process_fn: ProcessFn = process,
) -> dict:
    """Run ``process`` over ``paths`` as Ray Data map tasks, one per work shard, into Parquet
    shards under ``out``. Shards already complete in ``out`` are kept, so re-running the same
    command finishes an interrupted run. Returns the run's totals."""
    paths = list(paths)
    fields = fields or JsonlFields()
    options = options or RunOptions()
    shards = plan_shards(paths, shard_size)
    store = ShardStore(out)
    existing = store.plan()
    names = [s.name for s in shards]
    if existing is not None and existing.get("shards") != names:
        raise RayError(f"{out} holds shards of a different run (other inputs or --shard-size): use a new --out directory")
    store.prepare(names, {"inputs": paths, "shard_size": shard_size, "clean": options.clean, "workers": workers or 0})
    started = time.perf_counter()
    with RayConnection(address, workers) as ray:
        try:
            if prior and options.prior is None:
                options = replace(options, prior=count_prior(ray, shards, fields) or None)
            todo = [s for s in shards if store.done(s.name) is None]
            summaries = [store.done(s.name) for s in shards if store.done(s.name) is not None]
            if todo:
                summaries.extend(_map_shards(ray, todo, store, options, process_fn, fields, max_retries))
        except SaywhoError:
            raise
        except Exception as err:  # noqa: BLE001 - whatever the cluster raises, the user gets one line
            raise RayError(f"the cluster job failed (each shard is retried {max_retries} times): {_explain(err)}") from None
    totals = {name: sum(s.get(name, 0) for s in summaries) for name in ("articles", "quotes", "people", "failures")}
    return {
        "shards": len(shards),
        "ran": len(todo),
        **totals,
        "cpu_seconds": round(sum(s.get("cpu_seconds", 0.0) for s in summaries), 3),
        "seconds": round(time.perf_counter() - started, 3),
        "out": store.uri,
    }


def _map_shards(ray, todo: list[WorkShard], store: ShardStore, options: RunOptions, process_fn: ProcessFn, fields: JsonlFields, max_retries: int) -> list[dict]:
    import ray.data

    dataset = ray.data.from_items([{"shard": json.dumps(s.to_dict())} for s in todo], override_num_blocks=len(todo))
    with warnings.catch_warnings():
        # Newer Ray deprecates ray_remote_args, but has no named parameter for retries yet.
        warnings.simplefilter("ignore")
        mapped = dataset.map_batches(
            _shard_task,
            batch_size=1,
            fn_kwargs={"out": store.uri, "options_ref": ray.put(options), "process_fn": process_fn, "fields": fields},
            max_retries=max_retries,
            retry_exceptions=[OSError],
        )
    return [json.loads(row["summary"]) for row in mapped.take_all()]


def _explain(err: BaseException) -> str:
    """The root cause of a Ray error in one line (Ray wraps task errors in several layers)."""
    while True:
        inner = getattr(err, "cause", None) or err.__cause__
        if not isinstance(inner, BaseException) or inner is err:
            break
        err = inner
    lines = [line for line in str(err).splitlines() if line.strip()]
    return f"{type(err).__name__}: {lines[-1].strip() if lines else ''}"


def _count_pages(shard: WorkShard, fields: JsonlFields, sample: int, full: frozenset) -> dict:
    from saywho.corpus.prior import BlockCounter, publisher_of

    counter = BlockCounter(sample=sample)
    for item in read_shard(shard, fields):
        if isinstance(item, RawDocument):
            publisher = publisher_of(item)
            if publisher not in full:
                counter.add(publisher, item.content)
    return dict(counter.pages)


def count_prior(ray, shards: list[WorkShard], fields: JsonlFields):
    """The corpus boilerplate prior, counted by Ray tasks but equal to the local engine's first
    pass: each publisher's first ``sample`` pages in input order, wherever they fall.

    Shard tallies are merged in shard order; tasks are submitted a window at a time and told
    which publishers are already full, so late shards skip their hashing."""
    from saywho.corpus.prior import BlockCounter, publisher_of

    total = BlockCounter()
    if not isinstance(getattr(total, "pages", None), dict):
        # A counter kept some other way cannot be merged: count on the driver, in order.
        for shard in shards:
            for item in read_shard(shard, fields):
                if isinstance(item, RawDocument):
                    total.add(publisher_of(item), item.content)
        return total.prior()
    task = ray.remote(_count_pages).options(max_retries=DEFAULT_RETRIES, retry_exceptions=[OSError])
    window = 4 * max(1, int(ray.cluster_resources().get("CPU", 1)))
    pending: deque = deque()
    submitted = 0
    while submitted < len(shards) or pending:
        full = frozenset(p for p, pages in total.pages.items() if len(pages) >= total.sample)
        while submitted < len(shards) and len(pending) < window:
            pending.append(task.remote(shards[submitted], fields, total.sample, full))
            submitted += 1
        for publisher, pages in ray.get(pending.popleft()).items():
            room = total.sample - len(total.pages[publisher])
            if room > 0:
                total.pages[publisher].extend(pages[:room])
    return total.prior()

"""A Ray worker process dies mid-run: the job still completes, nothing lost or duplicated."""

from __future__ import annotations

import os

import pytest

from test_engines_ray_results import FIXTURE_INPUTS, assert_same_store, start_ray


@pytest.fixture(scope="module")
def ray_instance():
    ray, connection = start_ray()
    yield ray
    connection.__exit__()


def _dies_once_on(doc_id: str, marker: str):
    """``process``, except that the worker handling ``doc_id`` kills its own process the first
    time (the marker file, created atomically, says it has happened)."""
    from saywho.engines.base import process

    def process_or_die(doc, options):
        if doc.id == doc_id:
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.write(fd, str(os.getpid()).encode())
                os.close(fd)
                os._exit(1)
        return process(doc, options)

    return process_or_die


def test_engines_ray_faults_shard_job_survives_a_killed_worker(ray_instance, tmp_path):
    from saywho.corpus.inputs import read_inputs
    from saywho.corpus.run import run_corpus
    from saywho.engines.base import ArticleResult
    from saywho.engines.ray import run_to_shards
    from saywho.engines.shards import ShardStore, build_db
    from saywho.input.sources import JsonlFields

    marker = tmp_path / "killed"
    out = tmp_path / "shards"
    totals = run_to_shards(
        FIXTURE_INPUTS, str(out), workers=2, shard_size=10, prior=True, process_fn=_dies_once_on("wire-017", str(marker))
    )
    assert marker.exists(), "the worker was never killed"
    store = ShardStore(out)
    assert len(store.completed()) == totals["shards"] == 5
    killed_in = [name for name in store.completed() for result, _ in store.read(name) if getattr(result, "article", None) and result.article.id == "wire-017"]
    assert store.done(killed_in[0])["pid"] != int(marker.read_text()), "the shard was not redone by another worker"
    sources = [(r.article if isinstance(r, ArticleResult) else r.failure).source for r, _ in store.read_all()]
    assert sources == [item.source for item in read_inputs(FIXTURE_INPUTS, JsonlFields())]
    build_db(str(out), str(tmp_path / "ray.db"))
    run_corpus(FIXTURE_INPUTS, str(tmp_path / "local.db"), workers=2, engine="local")
    assert_same_store(tmp_path / "local.db", tmp_path / "ray.db")


def test_engines_ray_faults_executor_survives_a_killed_worker(ray_instance, tmp_path):
    from saywho.engines.base import RunOptions, article_key
    from saywho.engines.ray import RayExecutor
    from saywho.input.sources import read_paths
    from saywho.records import RawDocument

    marker = tmp_path / "killed"
    docs = [item for item in read_paths(FIXTURE_INPUTS) if isinstance(item, RawDocument)]
    executor = RayExecutor(2, batch_size=4, process_fn=_dies_once_on("wire-021", str(marker)))
    with executor:
        results = list(executor.imap(docs, RunOptions()))
    assert marker.exists(), "the worker was never killed"
    assert sorted(result.key for result in results) == sorted(article_key(doc) for doc in docs)

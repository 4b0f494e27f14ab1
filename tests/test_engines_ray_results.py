"""The Ray engine builds the same store as the local engine: same articles, quotes, people.

The helpers here (a local Ray instance, stores compared on natural keys) are shared with the
fault-tolerance tests.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SEED, shared_path

RAY_FIXTURES = Path(__file__).parent / "fixtures" / "ray"
FIXTURE_INPUTS = [str(RAY_FIXTURES / "wire" / "articles.jsonl.gz"), str(RAY_FIXTURES / "pages")]


def start_ray():
    """A private two-CPU Ray instance, the size of the CI machine."""
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray = pytest.importorskip("ray")
    pytest.importorskip("pyarrow")
    from saywho.engines.ray import RayConnection

    connection = RayConnection(workers=2)
    connection.__enter__()
    return ray, connection


def natural_rows(path: str | Path) -> dict[str, list[tuple]]:
    """Every table of a store as sorted rows, with autoincrement ids replaced by what they name:
    article ids by article keys, person ids by the person's name, kind and aliases, a
    syndication cluster by its member keys, a statement by its first quote. Run metadata
    (``runs``, ``run_id``) is left out. A person's roles and aliases are compared as sets: the
    store lists them in the order articles were stored, which even the local engine's
    unordered pool does not fix."""
    conn = sqlite3.connect(str(path))
    try:
        article = dict(conn.execute("SELECT id, key FROM articles"))
        person = {row[0]: row[1:] for row in conn.execute("SELECT id, name, kind, aliases FROM people")}
        members: dict[int, list[str]] = {}
        for article_id, cluster_id in conn.execute("SELECT id, cluster_id FROM articles WHERE cluster_id IS NOT NULL"):
            members.setdefault(cluster_id, []).append(article[article_id])
        cluster = {cid: tuple(sorted(keys)) for cid, keys in members.items()}
        statement: dict[int, tuple] = {}
        for article_id, seq, statement_id in conn.execute("SELECT article_id, seq, statement_id FROM quotes WHERE statement_id IS NOT NULL"):
            quote = (article[article_id], seq)
            statement[statement_id] = min(statement.get(statement_id, quote), quote)
        maps = {"article_id": article, "cluster_id": cluster, "person_id": person, "statement_id": statement}
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if "fts" not in name and name not in ("runs", "schema_version") and not name.startswith("sqlite_")
        ]
        out = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            rows = []
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                rows.append(
                    tuple(
                        (column, _natural(column, value, maps))
                        for column, value in zip(columns, row, strict=True)
                        if column not in ("id", "run_id")
                    )
                )
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def _natural(column: str, value, maps: dict):
    if value is None:
        return None
    if column in maps:
        return maps[column][value]
    if column in ("roles", "aliases"):
        return tuple(sorted(json.loads(value)))
    return value


def assert_same_store(expected: str | Path, got: str | Path) -> None:
    want, have = natural_rows(expected), natural_rows(got)
    assert sorted(want) == sorted(have)
    for table in want:
        assert len(have[table]) == len(want[table]), table
        if have[table] != want[table]:
            present = set(have[table])
            missing = [row for row in want[table] if row not in present][:1]
            raise AssertionError(f"{table} differs, e.g. {missing}")


@pytest.fixture(scope="module")
def ray_instance():
    ray, connection = start_ray()
    yield ray
    connection.__exit__()


def _local_store(paths, db):
    from saywho.corpus.run import run_corpus

    summary = run_corpus(paths, str(db), workers=2, engine="local")
    assert summary.status == "done"
    return summary


def _ray_store(paths, out, db, shard_size):
    from saywho.engines.ray import run_to_shards
    from saywho.engines.shards import build_db

    totals = run_to_shards(paths, str(out), workers=2, shard_size=shard_size, prior=True)
    summary = build_db(str(out), str(db))
    assert summary.status == "done"
    return totals, summary


@pytest.mark.slow
def test_engines_ray_results_match_local_on_bbc_and_seed(ray_instance, tmp_path):
    paths = [str(shared_path("data", "corpus", "bbc-news.jsonl.gz")), str(SEED)]
    local = _local_store(paths, tmp_path / "local.db")
    totals, built = _ray_store(paths, tmp_path / "shards", tmp_path / "ray.db", shard_size=300)
    assert totals["shards"] == 9 and totals["articles"] == local.articles == built.articles == 2226
    assert built.quotes == local.quotes > 1000 and built.people == local.people > 100
    assert_same_store(tmp_path / "local.db", tmp_path / "ray.db")


def test_engines_ray_results_match_local_on_fixtures(ray_instance, tmp_path):
    local = _local_store(FIXTURE_INPUTS, tmp_path / "local.db")
    totals, built = _ray_store(FIXTURE_INPUTS, tmp_path / "shards", tmp_path / "ray.db", shard_size=10)
    assert totals["shards"] == 5 and totals["ran"] == 5
    assert (built.articles, built.failures) == (local.articles, local.failures)
    assert built.quotes == local.quotes > 30
    rows = natural_rows(tmp_path / "ray.db")
    assert any("duplicate id" in dict(row)["reason"] for row in rows["failures"])
    assert_same_store(tmp_path / "local.db", tmp_path / "ray.db")


def test_engines_ray_results_executor_matches_local(ray_instance, tmp_path):
    from saywho.corpus.run import run_corpus

    _local_store(FIXTURE_INPUTS, tmp_path / "local.db")
    summary = run_corpus(FIXTURE_INPUTS, str(tmp_path / "ray.db"), workers=2, engine="ray")
    assert summary.status == "done" and summary.articles > 30
    assert_same_store(tmp_path / "local.db", tmp_path / "ray.db")


def test_engines_ray_results_rerun_keeps_finished_shards(ray_instance, tmp_path):
    from saywho.engines.ray import run_to_shards

    first = run_to_shards(FIXTURE_INPUTS, str(tmp_path / "shards"), workers=2, shard_size=10)
    again = run_to_shards(FIXTURE_INPUTS, str(tmp_path / "shards"), workers=2, shard_size=10)
    assert first["ran"] == 5 and again["ran"] == 0
    assert {k: again[k] for k in ("articles", "quotes", "failures")} == {k: first[k] for k in ("articles", "quotes", "failures")}
    from saywho.errors import RayError

    with pytest.raises(RayError, match="different run"):
        run_to_shards(FIXTURE_INPUTS, str(tmp_path / "shards"), workers=2, shard_size=7)


def test_engines_ray_results_build_db_command(ray_instance, tmp_path):
    from saywho.cli import main
    from saywho.engines.ray import run_to_shards

    run_to_shards(FIXTURE_INPUTS, str(tmp_path / "shards"), workers=2, shard_size=10)
    runner = CliRunner()
    result = runner.invoke(main, ["build-db", str(tmp_path / "shards"), "--db", str(tmp_path / "news.db")])
    assert result.exit_code == 0, result.output
    assert "articles" in result.output and natural_rows(tmp_path / "news.db")["articles"]
    missing = runner.invoke(main, ["build-db", str(tmp_path / "nothing"), "--db", str(tmp_path / "other.db")])
    assert missing.exit_code == 2 and "SW210" in missing.output and "Traceback" not in missing.output


def test_engines_ray_results_run_command_with_out_and_db(ray_instance, tmp_path):
    from saywho.cli import main

    runner = CliRunner()
    args = ["run", *FIXTURE_INPUTS, "--engine", "ray", "--out", str(tmp_path / "shards"), "--shard-size", "10", "--db", str(tmp_path / "news.db")]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "5 shards" in result.output and (tmp_path / "shards" / "_done" / "000004.json").exists()
    _local_store(FIXTURE_INPUTS, tmp_path / "local.db")
    assert_same_store(tmp_path / "local.db", tmp_path / "news.db")
    wrong = runner.invoke(main, ["run", *FIXTURE_INPUTS, "--out", str(tmp_path / "x")])
    assert wrong.exit_code == 2 and "need --engine ray" in wrong.output


def test_engines_ray_results_unreachable_cluster_fails_fast_in_one_line():
    from saywho.engines.ray import _check_reachable
    from saywho.errors import RayError

    with pytest.raises(RayError, match=r"cannot reach the Ray cluster at ray://127.0.0.1:1: .*\[SW300\]"):
        _check_reachable("ray://127.0.0.1:1", timeout=2)


def test_engines_ray_results_missing_extra_is_one_line(monkeypatch):
    import sys

    from saywho.engines.ray import import_ray
    from saywho.errors import MissingDependency

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingDependency, match=r"needs Ray: pip install 'saywho\[ray\]' \[SW001\]"):
        import_ray()

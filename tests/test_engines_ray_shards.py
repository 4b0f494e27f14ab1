"""Parquet shards and work-shard planning: no Ray needed, only pyarrow."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from saywho.corpus.inputs import read_inputs
from saywho.engines.base import ArticleResult, FailureResult
from saywho.engines.ray_inputs import plan_shards, read_shard
from saywho.engines.shards import ShardStore
from saywho.errors import ShardError
from saywho.input.sources import JsonlFields
from saywho.records import Article, Cue, Failure, Person, Quote, Span

pytest.importorskip("pyarrow")

RAY_FIXTURES = Path(__file__).parent / "fixtures" / "ray"
INPUTS = [str(RAY_FIXTURES / "wire" / "articles.jsonl.gz"), str(RAY_FIXTURES / "pages"), "no/such/file.txt"]


def _results():
    quoted = Article(
        id="a1",
        source="wire/a.jsonl:1",
        text='Jane Doe said: "We will act." She told MPs.',
        url="https://example.org/1",
        publisher="example.org",
        published="2024-03-01",
        title="Doe acts",
        authors=("Sam Writer", "Kim Editor"),
        boilerplate=("Sign up now",),
        quotes=(
            Quote("direct", "text", 15, 27, "We will act.", speaker="Jane Doe", mention=Span("Jane Doe", 0, 8), cue=Cue("said", 9, 13, "say"), date="2024-03-01"),
            Quote("indirect", "title", 0, 3, "Doe", addressee="MPs"),
        ),
        people=(Person("Jane Doe", roles=("minister",), gender="f", mentions=2), Person("Example Party", kind="organisation")),
        language="en",
    )
    plain = Article(id="a2", source="wire/a.jsonl:2", text="No quotes here.")
    return [
        (ArticleResult("wire/a.jsonl:a1", quoted, b"\x00\x01signature"), True),
        (FailureResult("wire/a.jsonl:3", Failure(source="wire/a.jsonl:3", code="SW105", reason="not a JSON object")), False),
        (FailureResult("wire/a.jsonl:a4", Failure(source="wire/a.jsonl:4", code="SW101", reason="input is empty", id="a4")), True),
        (ArticleResult("wire/a.jsonl:a2", plain, None), True),
    ]


def test_engines_ray_shards_round_trip_keeps_every_field(tmp_path):
    store = ShardStore(tmp_path / "out")
    store.prepare(["000000"], {})
    counts = store.write("000000", _results(), cpu_seconds=0.5)
    assert counts["articles"] == 2 and counts["quotes"] == 2 and counts["people"] == 2 and counts["failures"] == 2
    assert store.done("000000")["cpu_seconds"] == 0.5
    assert list(store.read_all()) == _results()


def test_engines_ray_shards_rewrite_replaces_instead_of_adding(tmp_path):
    store = ShardStore(tmp_path / "out")
    store.prepare(["000000"], {})
    store.write("000000", _results())
    store.write("000000", _results())
    assert len(list(store.read_all())) == len(_results())
    leftovers = [p.name for p in (tmp_path / "out").rglob("*") if ".tmp-" in p.name]
    assert leftovers == []


def test_engines_ray_shards_incomplete_run_is_refused(tmp_path):
    store = ShardStore(tmp_path / "out")
    store.prepare(["000000", "000001"], {})
    store.write("000000", _results())
    with pytest.raises(ShardError, match="1 of 2 shards are not complete.*000001"):
        list(store.read_all())
    with pytest.raises(ShardError, match="not a shard directory"):
        ShardStore(tmp_path / "elsewhere").check_complete()


def test_engines_ray_shards_plan_reads_exactly_what_the_local_engine_reads():
    shards = plan_shards(INPUTS, shard_size=8)
    kinds = [s.kind for s in shards]
    assert kinds.count("jsonl") == 5 and kinds.count("files") == 1 and kinds[-1] == "missing"
    assert [s.name for s in shards] == sorted(s.name for s in shards)
    from_shards = [item for shard in shards for item in read_shard(shard)]
    assert from_shards == list(read_inputs(INPUTS, JsonlFields()))
    assert any(isinstance(item, Failure) for item in from_shards)


def test_engines_ray_shards_truncated_gzip_fails_once_in_the_last_shard(tmp_path):
    data = (RAY_FIXTURES / "wire" / "articles.jsonl.gz").read_bytes()
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(data[: len(data) * 2 // 3])
    shards = plan_shards([str(broken)], shard_size=5)
    per_shard = [list(read_shard(s)) for s in shards]
    breaks = [i for i, items in enumerate(per_shard) for item in items if isinstance(item, Failure) and "stream broken" in item.reason]
    assert breaks == [len(shards) - 1]
    assert [item for items in per_shard for item in items] == list(read_inputs([str(broken)], JsonlFields()))


def test_engines_ray_shards_parquet_input_reads_like_jsonl(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    with gzip.open(RAY_FIXTURES / "wire" / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip().startswith("{\"")]
    path = tmp_path / "wire.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=5)
    shards = plan_shards([str(path)], shard_size=10)
    assert len(shards) == 4 and {s.kind for s in shards} == {"parquet"}
    docs = [item for shard in shards for item in read_shard(shard)]
    assert [d.id for d in docs] == [r["id"] for r in rows]
    assert [d.content for d in docs if not isinstance(d, Failure)] == [r["text"] for r in rows]
    assert docs[6].source == f"{path}:7" and docs[0].url == rows[0]["url"]


def test_engines_ray_shards_warc_is_one_shard_per_file_read_like_the_local_engine():
    warcs = Path(__file__).parent / "fixtures" / "warc"
    if not warcs.exists():
        pytest.skip("no WARC fixtures")
    paths = [str(warcs)]
    shards = plan_shards(paths, shard_size=2)
    assert {s.kind for s in shards} == {"warc"} and len(shards) == len(list(warcs.glob("*.warc*")))
    assert [item for shard in shards for item in read_shard(shard)] == list(read_inputs(paths, JsonlFields()))

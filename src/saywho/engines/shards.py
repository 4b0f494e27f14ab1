"""Parquet shards: what a cluster run writes and ``saywho build-db`` reads back.

A shard output directory holds one Parquet file per work shard in each of four tables::

    OUT/articles/<shard>.parquet   one row per article (its store key, Article fields but quotes/people)
    OUT/quotes/<shard>.parquet     one row per quote (Quote fields; mention_*, cue_* flattened)
    OUT/people/<shard>.parquet     one row per person named in an article (Person fields)
    OUT/failures/<shard>.parquet   one row per input that did not become an article
    OUT/_done/<shard>.json         written last: the shard is complete, with its counts
    OUT/_plan.json                 every shard the run planned, so build-db can tell a gap

Every row carries ``shard`` and ``pos`` (the item's position in its shard), so reading the
shards in name order gives the items back in input order. Files are written under a temporary
name and renamed, so a task that dies mid-shard leaves nothing half-written, and a retried
shard replaces its files instead of adding rows twice.

Columns come from the record dataclasses, so a field appended to ``records.py`` travels
through the shards without an edit here. ``OUT`` may be a local path or any URI pyarrow.fs
understands (``s3://bucket/run``).
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from saywho import records
from saywho.engines.base import ArticleResult, FailureResult, Result
from saywho.errors import MissingDependency, ShardError
from saywho.records import Article, Failure, Person, Quote

TABLES = ("articles", "quotes", "people", "failures")
DONE_DIR = "_done"
PLAN_FILE = "_plan.json"
ORDER_COLUMNS = ("shard", "pos")
KEYED_ORDER = ("shard", "pos", "key")


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.fs as pafs
        import pyarrow.parquet as pq
    except ImportError as err:
        raise MissingDependency("Parquet shards need pyarrow: pip install 'saywho[parquet]'") from err
    return pa, pafs, pq


@dataclass(frozen=True, slots=True)
class Column:
    """One Parquet column and the record field (or nested field) it holds."""

    name: str
    kind: str
    field: str
    nested: str | None = None


def _kind(annotation: str) -> str:
    if annotation.startswith("tuple[str"):
        return "strings"
    if annotation in ("int", "int | None"):
        return "int"
    if annotation in ("float", "float | None"):
        return "float"
    if annotation in ("bool", "bool | None"):
        return "bool"
    if annotation.startswith("dict"):
        return "json"
    return "string"


def _columns(record: type, skip: tuple[str, ...] = ()) -> tuple[Column, ...]:
    columns: list[Column] = []
    for f in dataclasses.fields(record):
        if f.name in skip:
            continue
        nested = getattr(records, f.type.split(" | ")[0], None)
        if dataclasses.is_dataclass(nested):
            for inner in dataclasses.fields(nested):
                columns.append(Column(f"{f.name}_{inner.name}", _kind(inner.type), f.name, inner.name))
        else:
            columns.append(Column(f.name, _kind(f.type), f.name))
    return tuple(columns)


ARTICLE_COLUMNS = _columns(Article, skip=("quotes", "people"))
QUOTE_COLUMNS = _columns(Quote)
PERSON_COLUMNS = _columns(Person)
FAILURE_COLUMNS = _columns(Failure)
_CHILD_ORDER = ("shard", "pos", "seq")


def _schema(columns: tuple[Column, ...], order: tuple[str, ...], extra: tuple = ()):
    pa, _, _ = _pyarrow()
    types = {"strings": pa.list_(pa.string()), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    order_fields = [pa.field(name, pa.string() if name in ("shard", "key") else pa.int64(), nullable=False) for name in order]
    return pa.schema(order_fields + list(extra) + [pa.field(c.name, types.get(c.kind, pa.string())) for c in columns])


def _row(record, columns: tuple[Column, ...], **order) -> dict:
    row = dict(order)
    for c in columns:
        value = getattr(record, c.field)
        if c.nested is not None:
            value = getattr(value, c.nested) if value is not None else None
        if c.kind == "strings" and value is not None:
            value = list(value)
        elif c.kind == "json" and value is not None:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row[c.name] = value
    return row


def _record(record_type: type, columns: tuple[Column, ...], row: dict, **extra):
    values: dict = {}
    nested: dict[str, dict] = {}
    for c in columns:
        value = row.get(c.name)
        if c.kind == "strings":
            value = tuple(value) if value is not None else ()
        elif c.kind == "json":
            value = json.loads(value) if value is not None else {}
        if c.nested is None:
            values[c.field] = value
        else:
            nested.setdefault(c.field, {})[c.nested] = value
    types = {f.name: f.type.split(" | ")[0] for f in dataclasses.fields(record_type)}
    for name, parts in nested.items():
        present = any(v is not None for v in parts.values())
        values[name] = getattr(records, types[name])(**parts) if present else None
    return record_type(**values, **extra)


def result_tables(shard: str, results: Iterable[tuple[Result, bool]]) -> dict:
    """The four Arrow tables of one shard's results, in input order.

    Each result comes with whether the reader yielded a document (False for an input the
    reader itself could not read), which the store's duplicate-id rule needs.
    """
    pa, _, _ = _pyarrow()
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    for pos, (found, from_document) in enumerate(results):
        if isinstance(found, FailureResult):
            row = _row(found.failure, FAILURE_COLUMNS, shard=shard, pos=pos, key=found.key, document=from_document)
            rows["failures"].append(row)
            continue
        result = found.article
        rows["articles"].append(_row(result, ARTICLE_COLUMNS, shard=shard, pos=pos, key=found.key, signature=found.signature))
        for seq, quote in enumerate(result.quotes):
            rows["quotes"].append(_row(quote, QUOTE_COLUMNS, shard=shard, pos=pos, seq=seq))
        for seq, person in enumerate(result.people):
            rows["people"].append(_row(person, PERSON_COLUMNS, shard=shard, pos=pos, seq=seq))
    schemas = {
        "articles": _schema(ARTICLE_COLUMNS, KEYED_ORDER, (pa.field("signature", pa.binary()),)),
        "quotes": _schema(QUOTE_COLUMNS, _CHILD_ORDER),
        "people": _schema(PERSON_COLUMNS, _CHILD_ORDER),
        "failures": _schema(FAILURE_COLUMNS, KEYED_ORDER, (pa.field("document", pa.bool_(), nullable=False),)),
    }
    return {name: pa.Table.from_pylist(rows[name], schema=schemas[name]) for name in TABLES}


class ShardStore:
    """A shard output directory (local path or pyarrow.fs URI)."""

    def __init__(self, out: str | os.PathLike):
        _, pafs, _ = _pyarrow()
        uri = str(out)
        if "://" not in uri:
            uri = str(Path(uri).resolve())
        self.uri = uri
        try:
            self.fs, self.root = pafs.FileSystem.from_uri(uri)
        except (ValueError, OSError) as err:
            raise ShardError(f"cannot open shard directory: {err}", source=uri) from err

    def _path(self, *parts: str) -> str:
        return "/".join((self.root.rstrip("/"),) + parts)

    def _write_bytes(self, path: str, data: bytes) -> None:
        temporary = f"{path}.tmp-{uuid.uuid4().hex}"
        with self.fs.open_output_stream(temporary) as handle:
            handle.write(data)
        self.fs.move(temporary, path)

    def _read_text(self, path: str) -> str | None:
        _, pafs, _ = _pyarrow()
        if self.fs.get_file_info(path).type != pafs.FileType.File:
            return None
        with self.fs.open_input_stream(path) as handle:
            return handle.read().decode("utf-8")

    def prepare(self, shard_names: list[str], meta: dict) -> None:
        """Create the directories and record the plan (which shards make a complete run)."""
        for name in TABLES + (DONE_DIR,):
            self.fs.create_dir(self._path(name), recursive=True)
        plan = {"shards": shard_names, **meta}
        self._write_bytes(self._path(PLAN_FILE), json.dumps(plan, indent=1).encode("utf-8"))

    def plan(self) -> dict | None:
        text = self._read_text(self._path(PLAN_FILE))
        return json.loads(text) if text is not None else None

    def done(self, shard: str) -> dict | None:
        """The counts of a completed shard, or None if it has not completed."""
        text = self._read_text(self._path(DONE_DIR, f"{shard}.json"))
        return json.loads(text) if text is not None else None

    def write(self, shard: str, results: Iterable[tuple[Result, bool]], **stats) -> dict:
        """Write one shard's tables, then its done marker; returns the marker's counts."""
        _, _, pq = _pyarrow()
        tables = result_tables(shard, results)
        for name, table in tables.items():
            path = self._path(name, f"{shard}.parquet")
            temporary = f"{path}.tmp-{uuid.uuid4().hex}"
            pq.write_table(table, temporary, filesystem=self.fs, compression="zstd")
            self.fs.move(temporary, path)
        counts = {"shard": shard, **{name: tables[name].num_rows for name in TABLES}, **stats}
        self._write_bytes(self._path(DONE_DIR, f"{shard}.json"), json.dumps(counts).encode("utf-8"))
        return counts

    def completed(self) -> list[str]:
        _, pafs, _ = _pyarrow()
        selector = pafs.FileSelector(self._path(DONE_DIR), allow_not_found=True)
        names = [Path(info.path).name for info in self.fs.get_file_info(selector)]
        return sorted(name[: -len(".json")] for name in names if name.endswith(".json"))

    def check_complete(self) -> list[str]:
        """The planned shards, all completed; a clear error naming the gap otherwise."""
        plan = self.plan()
        if plan is None:
            raise ShardError(f"not a shard directory (no {PLAN_FILE}): write one with `saywho run INPUT --engine ray --out DIR`", source=self.uri)
        done = set(self.completed())
        missing = [name for name in plan["shards"] if name not in done]
        if missing:
            raise ShardError(
                f"{len(missing)} of {len(plan['shards'])} shards are not complete (first: {missing[0]}): "
                "re-run the same `saywho run ... --engine ray --out DIR` to finish them",
                source=self.uri,
            )
        return list(plan["shards"])

    def read(self, shard: str) -> Iterator[tuple[Result, bool]]:
        """One shard's results, rebuilt as records in input order, each with whether it came
        from a document the reader yielded."""
        _, _, pq = _pyarrow()
        try:
            tables = {name: pq.read_table(self._path(name, f"{shard}.parquet"), filesystem=self.fs).to_pylist() for name in TABLES}
        except OSError as err:
            raise ShardError(f"cannot read shard {shard}: {err}", source=self.uri) from err
        quotes: dict[int, list[Quote]] = {}
        for row in sorted(tables["quotes"], key=lambda r: (r["pos"], r["seq"])):
            quotes.setdefault(row["pos"], []).append(_record(Quote, QUOTE_COLUMNS, row))
        people: dict[int, list[Person]] = {}
        for row in sorted(tables["people"], key=lambda r: (r["pos"], r["seq"])):
            people.setdefault(row["pos"], []).append(_record(Person, PERSON_COLUMNS, row))
        items: list[tuple[int, tuple[Result, bool]]] = []
        for row in tables["articles"]:
            pos = row["pos"]
            article = _record(Article, ARTICLE_COLUMNS, row, quotes=tuple(quotes.get(pos, ())), people=tuple(people.get(pos, ())))
            items.append((pos, (ArticleResult(row["key"], article, row["signature"]), True)))
        for row in tables["failures"]:
            items.append((row["pos"], (FailureResult(row["key"], _record(Failure, FAILURE_COLUMNS, row)), row["document"])))
        for _, item in sorted(items, key=lambda pair: pair[0]):
            yield item

    def read_all(self) -> Iterator[tuple[Result, bool]]:
        """Every result of a complete run, in input order."""
        for shard in self.check_complete():
            yield from self.read(shard)


def build_db(out: str | os.PathLike, db: str | os.PathLike, *, batch_seconds: float | None = None):
    """Turn a complete shard directory into the SQLite store, as ``saywho run`` builds it.

    The results go through the corpus run's own duplicate-id rule, batch writer and final
    passes (syndication, speakers across articles, statements), which must see the whole
    corpus. Keys already in ``db`` are skipped, so shards of several runs can be added in turn.
    """
    from collections import deque

    from saywho.corpus.run import new_documents, recorded_run, store_results

    shards = ShardStore(out)
    shards.check_complete()
    plan = shards.plan() or {}
    args = {"inputs": plan.get("inputs", []), "shards": shards.uri}
    with recorded_run(db, engine="ray", workers=int(plan.get("workers") or 0), args=args) as (store, summary):
        reader_failures: deque = deque()
        docs = new_documents(_as_reader_items(shards.read_all()), store.stored_keys(), reader_failures, summary)
        store_results(store, summary, (doc.meta["result"] for doc in docs), reader_failures)
    return summary


def _as_reader_items(results: Iterable[tuple[Result, bool]]) -> Iterator[records.RawDocument | Failure]:
    """The reader's view of the shard results: a stand-in document (carrying its result) for
    each input the reader yielded, the failure itself for each it could not read."""
    for result, from_document in results:
        if not from_document:
            yield result.failure
            continue
        record = result.article if isinstance(result, ArticleResult) else result.failure
        yield records.RawDocument(id=record.id, source=record.source, content="", meta={"result": result})

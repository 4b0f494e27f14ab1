"""Cutting a corpus into work shards that a cluster task can read on its own.

The driver only plans: it walks the inputs in the order ``input.sources.read_paths`` does and
cuts them into ``WorkShard`` descriptors (a few hundred bytes each, not the documents). Each
Ray task then reads its own shard from the shared file system, so input bytes never pass
through the driver. Reading a shard yields exactly the ``RawDocument``/``Failure`` items that
``read_paths`` yields for that stretch of input (same ids, sources and line numbers), which
is what lets both engines give the same store.

- JSONL(.gz): ranges of physical lines (``--shard-size`` lines each; the driver counts lines).
- WARC(.gz): one shard per file (Common Crawl files are ~1 GB: already a good unit).
- Parquet: ranges of row groups; rows are read as JSONL objects with the same field names.
- Article files (.txt, .html): ``--shard-size`` files per shard.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from saywho.input.sources import (
    ARTICLE_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    JsonlFields,
    parse_jsonl_line,
    read_jsonl,
)
from saywho.records import Failure, RawDocument

PARQUET_SUFFIXES = (".parquet",)
DEFAULT_SHARD_SIZE = 500


@dataclass(frozen=True, slots=True)
class WorkShard:
    """One unit of cluster work: a stretch of one input file, or a group of article files.

    ``start``/``stop`` are 1-based physical lines for JSONL, row groups for Parquet; ``stop``
    None reads to the end (so the last shard of a truncated gzip reports the break).
    """

    name: str
    kind: str
    path: str = ""
    start: int = 0
    stop: int | None = None
    files: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> WorkShard:
        return cls(**{**data, "files": tuple(data.get("files") or ())})


def _walk(paths: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """(name as given, path) per input file in ``read_paths`` order; missing paths yield None."""
    suffixes = ARTICLE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + PARQUET_SUFFIXES
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                name = child.name.lower()
                if child.is_file() and not name.startswith(".") and name.endswith(suffixes):
                    yield str(child), child
        elif p.exists():
            yield str(p), p
        else:
            yield given, None


def count_lines(path: Path) -> int:
    """Physical lines of a (possibly gzipped) file; a truncated gzip counts up to the break."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    lines = 0
    try:
        with opener(path, "rb") as handle:
            for _ in handle:
                lines += 1
    except (OSError, EOFError, zlib.error):
        pass
    return lines


def plan_shards(paths: Iterable[str], shard_size: int = DEFAULT_SHARD_SIZE) -> list[WorkShard]:
    """The work shards of ``paths``, in input order; shard names sort in that order."""
    size = max(1, shard_size)
    units: list[dict] = []
    files: list[str] = []

    def flush_files() -> None:
        for i in range(0, len(files), size):
            units.append({"kind": "files", "files": tuple(files[i : i + size])})
        files.clear()

    for given, path in _walk(paths):
        if given == "-":
            from saywho.errors import InputError

            raise InputError("the ray engine reads files a cluster can see, not standard input", source="-")
        name = given.lower()
        if path is None:
            flush_files()
            units.append({"kind": "missing", "path": given})
        elif name.endswith(JSONL_SUFFIXES):
            flush_files()
            lines = count_lines(path)
            starts = list(range(1, lines + 1, size)) or [1]
            for i, start in enumerate(starts):
                stop = starts[i + 1] if i + 1 < len(starts) else None
                units.append({"kind": "jsonl", "path": given, "start": start, "stop": stop})
        elif name.endswith(WARC_SUFFIXES):
            flush_files()
            units.append({"kind": "warc", "path": given})
        elif name.endswith(PARQUET_SUFFIXES):
            flush_files()
            units.extend({"kind": "parquet", "path": given, **span} for span in _row_group_spans(path, size))
        else:
            files.append(given)
    flush_files()
    return [WorkShard(name=f"{i:06d}", **unit) for i, unit in enumerate(units)]


def _row_group_spans(path: Path, size: int) -> list[dict]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError):
        return [{"start": 0, "stop": None}]
    spans, start, rows = [], 0, 0
    for group in range(meta.num_row_groups):
        rows += meta.row_group(group).num_rows
        if rows >= size:
            spans.append({"start": start, "stop": group + 1})
            start, rows = group + 1, 0
    if start < meta.num_row_groups or not spans:
        spans.append({"start": start, "stop": None})
    return spans


def read_shard(shard: WorkShard, fields: JsonlFields | None = None) -> Iterator[RawDocument | Failure]:
    """The input items of one shard, exactly as ``read_paths`` yields them."""
    from saywho.corpus.inputs import read_inputs

    fields = fields or JsonlFields()
    if shard.kind == "files":
        yield from read_inputs(shard.files, fields)
    elif shard.kind == "missing":
        yield Failure(source=shard.path, code="SW106", reason="no such file or directory")
    elif shard.kind == "warc":
        yield from read_inputs([shard.path], fields)
    elif shard.kind in ("jsonl", "parquet"):
        reader = _read_jsonl_lines if shard.kind == "jsonl" else _read_parquet_rows
        n = 0
        try:
            for item in reader(shard, fields):
                n += 1
                yield item
        except Exception as err:  # noqa: BLE001 - as in the local engine, one unreadable file must not stop the run
            where = f"after {n} items of its shard" if n else "at its shard's start"
            yield Failure(source=shard.path, code="SW105", reason=f"reading stopped {where}: {type(err).__name__}: {err}")
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")


def _read_jsonl_lines(shard: WorkShard, fields: JsonlFields) -> Iterator[RawDocument | Failure]:
    return read_jsonl(shard.path, fields, start=shard.start, stop=shard.stop)


def _read_parquet_rows(shard: WorkShard, fields: JsonlFields) -> Iterator[RawDocument | Failure]:
    import pyarrow.parquet as pq

    source = shard.path
    try:
        handle = pq.ParquetFile(source)
        groups = range(shard.start, shard.stop if shard.stop is not None else handle.metadata.num_row_groups)
        first_row = sum(handle.metadata.row_group(g).num_rows for g in range(shard.start))
    except (OSError, ValueError) as err:
        yield Failure(source=source, code="SW105", reason=f"not a readable Parquet file: {err}")
        return
    row_number = first_row
    for group in groups:
        for row in handle.read_row_group(group).to_pylist():
            row_number += 1
            line = json.dumps(row, default=str, ensure_ascii=False)
            yield parse_jsonl_line(line, source=source, lineno=row_number, fields=fields)

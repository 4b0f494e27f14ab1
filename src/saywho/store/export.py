"""``saywho export``: one table or view of the store to Parquet, JSON Lines or CSV, streamed."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from pathlib import Path

from saywho.errors import SaywhoError

EXPORTABLE = ("articles", "quotes", "people", "mentions", "failures", "runs", "statements")
FORMATS = ("parquet", "jsonl", "csv")
_CHUNK = 5000


def export_table(conn: sqlite3.Connection, table: str, fmt: str, output: str | None) -> int:
    """Write ``table`` to ``output`` (stdout for ``-`` or None, except Parquet); returns rows written."""
    if table not in EXPORTABLE:
        raise SaywhoError(f"cannot export {table!r}: choose one of {', '.join(EXPORTABLE)}")
    cur = conn.execute(f'SELECT * FROM "{table}"')
    columns = [d[0] for d in cur.description]
    if fmt == "parquet":
        declared = {r[1]: (r[2] or "").upper() for r in conn.execute(f'PRAGMA table_xinfo("{table}")')}
        return _parquet(cur, columns, declared, table, output)
    handle = sys.stdout if output in (None, "-") else open(output, "w", encoding="utf-8", newline="")
    n = 0
    try:
        if fmt == "csv":
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in cur:
                writer.writerow(row)
                n += 1
        else:
            for row in cur:
                handle.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n")
                n += 1
    finally:
        if handle is not sys.stdout:
            handle.close()
    return n


def _parquet(cur, columns: list[str], declared: dict[str, str], table: str, output: str | None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise SaywhoError("Parquet export needs pyarrow: pip install 'saywho[parquet]'") from None
    if output in (None, "-"):
        output = f"{table}.parquet"
    path = Path(output)
    # Declared SQLite types fix the Parquet types, so a column that is NULL in the first chunk
    # does not get a type later chunks contradict; view columns have none and are text.
    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64(), "BLOB": pa.binary()}
    schema = pa.schema([(c, kinds.get(declared.get(c, ""), pa.string())) for c in columns])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        while True:
            rows = cur.fetchmany(_CHUNK)
            if not rows:
                break
            arrays = []
            for i, f in enumerate(schema):
                values = [r[i] for r in rows]
                if f.type == pa.string():
                    values = [v if v is None or isinstance(v, str) else str(v) for v in values]
                arrays.append(pa.array(values, f.type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            n += len(rows)
    return n

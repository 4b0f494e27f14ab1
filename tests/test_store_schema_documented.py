import re
from pathlib import Path

from saywho.store import SCHEMA_VERSION, open_store

DOC = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


def documented_columns() -> dict[str, set[str]]:
    tables: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w+)", line)
        if heading:
            current = heading.group(1)
            tables.setdefault(current, set())
            continue
        cell = re.match(r"^\| (\w+) \|", line)
        if current and cell and cell.group(1) != "column":
            tables[current].add(cell.group(1))
    return tables


def test_store_schema_documented_every_column(tmp_path):
    with open_store(tmp_path / "news.db") as store:
        live = store.columns()
    docs = documented_columns()
    missing = [f"{table}.{col}" for table, cols in live.items() if table != "statements" and not table.endswith("_fts") for col in cols if col not in docs.get(table, set())]
    assert not missing, f"columns not documented in docs/schema.md: {missing}"
    undocumented_tables = [t for t in live if t not in docs and not t.endswith("_fts") and t != "statements"]
    assert not undocumented_tables


def test_store_schema_documented_no_stale_columns(tmp_path):
    with open_store(tmp_path / "news.db") as store:
        live = store.columns()
    stale = [f"{t}.{c}" for t, cols in documented_columns().items() if t in live for c in cols if c not in live[t]]
    assert not stale, f"docs/schema.md documents columns the store does not have: {stale}"


def test_store_schema_documented_version_recorded(tmp_path):
    with open_store(tmp_path / "news.db") as store:
        assert store.version() == SCHEMA_VERSION
    with open_store(tmp_path / "news.db") as store:
        rows = store.conn.execute("SELECT count(*) FROM schema_version").fetchone()[0]
    assert rows == SCHEMA_VERSION

import sqlite3

import pytest

from saywho.errors import StoreError
from saywho.store import SCHEMA_VERSION, open_store
from saywho.store import db as store_db


def test_store_migrations_refuse_newer_store(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'later')", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert "newer than this saywho" in str(err.value)


def test_store_migrations_apply_pending(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    open_store(path).close()
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(store_db.MIGRATIONS, SCHEMA_VERSION + 1, "ALTER TABLE articles ADD COLUMN section TEXT;")
    with open_store(path) as store:
        assert store.version() == SCHEMA_VERSION + 1
        assert "section" in store.columns()["articles"]


def test_store_migrations_not_a_database(tmp_path):
    path = tmp_path / "news.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as err:
        open_store(path)
    assert str(path) in str(err.value)


def test_store_migrations_missing_store_for_reading(tmp_path):
    with pytest.raises(StoreError) as err:
        open_store(tmp_path / "absent.db", create=False)
    assert "saywho run" in str(err.value)


def test_store_migrations_from_version_1(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX mentions_name")
    conn.execute("DELETE FROM schema_version WHERE version > 1")
    conn.commit()
    conn.close()
    with open_store(path) as store:
        assert store.version() == SCHEMA_VERSION
        names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "mentions_name" in names

"""Batches index FTS in one statement; other writers still get the triggers."""

import sqlite3

from saywho.records import Article, Quote
from saywho.store import db as store_db
from saywho.store import open_store


def article(n: int) -> Article:
    text = f'"Rates will fall {n}," said Ann Lee.'
    quote = Quote(kind="direct", field="text", start=1, end=15, quote=f"Rates will fall {n}", speaker="Ann Lee")
    return Article(id=f"d{n}", source=f"feed.jsonl:{n}", text=text, title=f"Budget day {n}", quotes=(quote,))


def matches(conn, table: str, words: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (words,)).fetchone()[0]


def test_store_fts_batch_indexes_written_rows(tmp_path):
    with open_store(tmp_path / "news.db") as store:
        run = store.start_run(engine="local", workers=1, args={})
        store.write_batch(run, [(f"k{n}", article(n), None) for n in range(3)], [])
        store.write_batch(run, [("k0", article(0), None), ("k9", article(9), None)], [])
        conn = store.conn
        assert matches(conn, "quotes_fts", "rates") == 4
        assert matches(conn, "articles_fts", '"budget day"') == 4
        assert conn.execute("SELECT count(*) FROM fts_batch").fetchone()[0] == 0
        conn.execute("INSERT INTO articles(key, doc_id, source, text, content_hash) VALUES ('x', 'x', 'x', 'hand written', 'h')")
        assert matches(conn, "articles_fts", '"hand written"') == 1
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("DELETE FROM quotes WHERE article_id = 1")
        assert matches(conn, "quotes_fts", "rates") == 3
        # Raises when an index and its content table disagree.
        conn.execute("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")


def test_store_fts_batch_migrates_version_2(tmp_path):
    path = tmp_path / "news.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TABLE fts_batch; DROP TRIGGER quotes_fts_insert;"
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
        "INSERT INTO quotes_fts(rowid, quote, speaker) VALUES (new.id, new.quote, new.speaker); END;"
        "DELETE FROM schema_version WHERE version > 2;"
    )
    conn.close()
    with open_store(path) as store:
        assert store.version() == store_db.SCHEMA_VERSION == 3
        trigger = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts_insert'").fetchone()[0]
        assert "fts_batch" in trigger
        run = store.start_run(engine="local", workers=1, args={})
        store.write_batch(run, [("k1", article(1), None)], [])
        assert matches(store.conn, "quotes_fts", "rates") == 1

"""Opening, migrating and writing the store.

Writes go in one transaction per batch of results, in WAL mode, so a run killed at any moment
leaves every batch either fully stored or not at all; the keys already stored are what a
resumed run skips.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from saywho.errors import StoreError
from saywho.records import Article, Failure

SCHEMA_VERSION = 3
INTERNAL_ERROR = "internal error"

# Migrations from version N-1 to N, applied in order to older stores. schema.sql is always the
# current schema, so a new store runs it alone and records every version as applied.
MIGRATIONS: dict[int, str] = {
    2: "CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name);",
    3: """
CREATE TABLE IF NOT EXISTS fts_batch (run_id INTEGER PRIMARY KEY);
DROP TRIGGER IF EXISTS articles_fts_insert;
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN NOT EXISTS (SELECT 1 FROM fts_batch) BEGIN
    INSERT INTO articles_fts(rowid, title, standfirst, text) VALUES (new.id, new.title, new.standfirst, new.text);
END;
DROP TRIGGER IF EXISTS quotes_fts_insert;
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes WHEN NOT EXISTS (SELECT 1 FROM fts_batch) BEGIN
    INSERT INTO quotes_fts(rowid, quote, speaker) VALUES (new.id, new.quote, new.speaker);
END;
""",
}

_WORDS = re.compile(r"\w+")


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def text_hash(text: str) -> str:
    """SHA-1 of the words of ``text``, lower-cased: the same words share a hash."""
    return words_hash(_WORDS.findall(text.lower()))


def words_hash(words: list[str]) -> str:
    """``text_hash`` of a text whose lower-cased words are ``words``."""
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def _json_list(values) -> str:
    return json.dumps(list(values), ensure_ascii=False) if values else "[]"


# One article as the rows it becomes, without the ids the store assigns: the articles row
# (run_id last, added on insert), its mentions and its quotes (article_id first, added on
# insert), and its MinHash signature. Workers build these so the writer only inserts.
ArticleRows = tuple[tuple, list[tuple], list[tuple], bytes | None]

_INSERT_ARTICLE = """INSERT OR IGNORE INTO articles(key, doc_id, source, url, publisher, published, title, standfirst,
    authors, text, boilerplate, language, content_hash, quote_count, run_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
_INSERT_MENTION = "INSERT OR IGNORE INTO mentions(article_id, name, kind, gender, roles, mentions) VALUES (?, ?, ?, ?, ?, ?)"
_INSERT_QUOTE = """INSERT INTO quotes(article_id, seq, kind, field, start, "end", quote, speaker,
    mention_text, mention_start, mention_end, cue_text, cue_start, cue_end, cue_lemma, addressee, date, quote_hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""


def article_rows(key: str, a: Article, signature: bytes | None, content_hash: str | None = None) -> ArticleRows:
    """The store rows of one extracted article (see ``ArticleRows``); ``content_hash`` is
    ``text_hash(a.text)``, computed here unless the caller has it."""
    article = (
        key, a.id, a.source, a.url, a.publisher, a.published, a.title, a.standfirst,
        _json_list(a.authors), a.text, _json_list(a.boilerplate), a.language,
        content_hash or text_hash(a.text), len(a.quotes),
    )
    names = {}
    for p in a.people:
        names[p.name] = (p.name, p.kind, p.gender, _json_list(p.roles), p.mentions)
    for q in a.quotes:
        if q.speaker and q.speaker not in names:
            names[q.speaker] = (q.speaker, "person", None, "[]", 0)
    quotes = []
    for seq, q in enumerate(a.quotes):
        m, c = q.mention, q.cue
        quotes.append((
            seq, q.kind, q.field, q.start, q.end, q.quote, q.speaker,
            m.text if m else None, m.start if m else None, m.end if m else None,
            c.text if c else None, c.start if c else None, c.end if c else None, c.lemma if c else None,
            q.addressee, q.date, text_hash(q.quote),
        ))
    return article, list(names.values()), quotes, signature


def schema_sql() -> str:
    return resources.files("saywho.store").joinpath("schema.sql").read_text(encoding="utf-8")


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store at ``path``; problems are a ``StoreError``."""
    path = Path(path)
    if not create and not path.exists():
        raise StoreError("no such database (build one with `saywho run INPUT --db FILE`)", source=str(path))
    if path.is_dir():
        raise StoreError("is a directory, not a database file", source=str(path))
    try:
        conn = sqlite3.connect(str(path), timeout=30, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        if not create and Store(conn, path).version() == 0:
            conn.close()
            raise StoreError("not a saywho store (build one with `saywho run INPUT --db FILE`)", source=str(path))
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=30000")
        conn.execute("PRAGMA cache_size=-65536")
        conn.execute("PRAGMA temp_store=MEMORY")
        store = Store(conn, path)
        store.migrate()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"cannot open as a saywho store: {err}", source=str(path)) from None
    return store


class Store:
    """A connection to one store, with the writes a corpus run makes."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def version(self) -> int:
        has = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone()
        if not has:
            return 0
        row = self.conn.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    def migrate(self) -> None:
        current = self.version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"store has schema version {current}, newer than this saywho ({SCHEMA_VERSION}); upgrade saywho", source=str(self.path))
        if current == SCHEMA_VERSION:
            return
        with self.transaction():
            if current == 0:
                for statement in _split_sql(schema_sql()):
                    self.conn.execute(statement)
                applied = now()
                self.conn.executemany(
                    "INSERT INTO schema_version(version, applied) VALUES (?, ?)",
                    [(v, applied) for v in range(1, SCHEMA_VERSION + 1)],
                )
                return
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in _split_sql(MIGRATIONS[version]):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO schema_version(version, applied) VALUES (?, ?)", (version, now()))

    def transaction(self):
        return _Transaction(self.conn)

    # Runs

    def start_run(self, *, engine: str, workers: int, args: dict) -> int:
        with self.transaction():
            cur = self.conn.execute(
                "INSERT INTO runs(started, engine, workers, args) VALUES (?, ?, ?, ?)",
                (now(), engine, workers, json.dumps(args, ensure_ascii=False, sort_keys=True)),
            )
        return cur.lastrowid

    def finish_run(self, run_id: int, status: str, *, skipped: int = 0) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished = ?, status = ?, skipped = ? WHERE id = ?", (now(), status, skipped, run_id))

    def forget_failures(self, *, everything: bool = False) -> int:
        """Drop failures a new run should retry: internal errors (a bug, not the input), or all
        of them with ``everything``."""
        where = "" if everything else f"WHERE reason LIKE '{INTERNAL_ERROR}%'"
        with self.transaction():
            return self.conn.execute(f"DELETE FROM failures {where}").rowcount

    def stored_keys(self) -> set[str]:
        keys = {row[0] for row in self.conn.execute("SELECT key FROM articles")}
        keys.update(row[0] for row in self.conn.execute("SELECT key FROM failures"))
        return keys

    # Batches

    def write_batch(
        self,
        run_id: int,
        articles: Iterable[tuple[str, Article, bytes | None]],
        failures: Iterable[tuple[str, Failure]],
    ) -> tuple[int, int, int]:
        """Store one batch of (key, article, signature) in one transaction; see ``write_rows``."""
        return self.write_rows(run_id, [article_rows(key, a, sig) for key, a, sig in articles], failures)

    def write_rows(self, run_id: int, articles: Iterable[ArticleRows], failures: Iterable[tuple[str, Failure]]) -> tuple[int, int, int]:
        """Store one batch of ``article_rows`` in one transaction; returns (articles, quotes,
        failures) written. Keys already stored are left as they are, so writing a batch twice
        changes nothing."""
        n_articles = n_quotes = n_failures = 0
        conn = self.conn
        with self.transaction():
            last_article = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
            last_quote = conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
            conn.execute("INSERT INTO fts_batch(run_id) VALUES (?)", (run_id,))
            mentions, quotes, signatures = [], [], []
            for article, article_mentions, article_quotes, signature in articles:
                cur = conn.execute(_INSERT_ARTICLE, (*article, run_id))
                if cur.rowcount == 0:
                    continue
                article_id = cur.lastrowid
                mentions.extend((article_id, *m) for m in article_mentions)
                quotes.extend((article_id, *q) for q in article_quotes)
                if signature is not None:
                    signatures.append((article_id, signature))
                n_articles += 1
                n_quotes += len(article_quotes)
            conn.executemany("INSERT INTO signatures(article_id, minhash) VALUES (?, ?)", signatures)
            conn.executemany(_INSERT_MENTION, mentions)
            conn.executemany(_INSERT_QUOTE, quotes)
            # Rows inserted in this transaction are exactly those past the ids read at its start.
            conn.execute(
                "INSERT INTO articles_fts(rowid, title, standfirst, text) SELECT id, title, standfirst, text FROM articles WHERE id > ?",
                (last_article,),
            )
            conn.execute("INSERT INTO quotes_fts(rowid, quote, speaker) SELECT id, quote, speaker FROM quotes WHERE id > ?", (last_quote,))
            conn.execute("DELETE FROM fts_batch")
            for key, failure in failures:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO failures(key, source, doc_id, code, reason, run_id) VALUES (?, ?, ?, ?, ?, ?)",
                    (key, failure.source, failure.id, failure.code, failure.reason, run_id),
                )
                n_failures += cur.rowcount
            conn.execute(
                "UPDATE runs SET articles = articles + ?, quotes = quotes + ?, failures = failures + ? WHERE id = ?",
                (n_articles, n_quotes, n_failures, run_id),
            )
        return n_articles, n_quotes, n_failures

    def counts(self) -> dict[str, int]:
        tables = ("articles", "quotes", "people", "mentions", "failures", "runs")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def columns(self) -> dict[str, list[str]]:
        """Every table and view with its columns, FTS shadow tables left out."""
        out = {}
        for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name"):
            name = row[0]
            if name.startswith("sqlite_") or re.search(r"_fts_(data|idx|docsize|config|content)$", name):
                continue
            out[name] = [c[1] for c in self.conn.execute(f'PRAGMA table_xinfo("{name}")')]
        return out


class _Transaction:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as err:
                self.conn.execute("ROLLBACK")
                raise StoreError(f"cannot write: {err}") from None
        else:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise StoreError(f"cannot write: {exc}") from None
        return False


def _split_sql(script: str) -> list[str]:
    """Statements of a script, keeping trigger bodies whole (sqlite3.complete_statement decides)."""
    statements, buf = [], []
    for line in script.splitlines():
        if not buf and (not line.strip() or line.strip().startswith("--")):
            continue
        buf.append(line)
        candidate = "\n".join(buf)
        if sqlite3.complete_statement(candidate):
            statements.append(candidate)
            buf = []
    return statements

-- saywho corpus store, schema version 3 (saywho.store.db.SCHEMA_VERSION). Documented column by column in docs/schema.md.
-- Applied once to a new database; older stores are brought here by MIGRATIONS in saywho/store/db.py.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    engine TEXT,
    workers INTEGER,
    args TEXT NOT NULL DEFAULT '{}',
    articles INTEGER NOT NULL DEFAULT 0,
    quotes INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT,
    publisher TEXT,
    published TEXT,
    title TEXT,
    standfirst TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL,
    boilerplate TEXT NOT NULL DEFAULT '[]',
    language TEXT,
    content_hash TEXT NOT NULL,
    cluster_id INTEGER,
    quote_count INTEGER NOT NULL DEFAULT 0,
    run_id INTEGER REFERENCES runs(id)
);

CREATE TABLE IF NOT EXISTS signatures (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);

CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'person',
    gender TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    aliases TEXT NOT NULL DEFAULT '[]',
    quote_count INTEGER NOT NULL DEFAULT 0,
    statement_count INTEGER NOT NULL DEFAULT 0,
    article_count INTEGER NOT NULL DEFAULT 0,
    merge_reason TEXT
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'person',
    gender TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (article_id, name)
);

CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT 'text',
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    quote TEXT NOT NULL,
    speaker TEXT,
    person_id INTEGER REFERENCES people(id) ON DELETE SET NULL,
    mention_text TEXT,
    mention_start INTEGER,
    mention_end INTEGER,
    cue_text TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    cue_lemma TEXT,
    addressee TEXT,
    date TEXT,
    quote_hash TEXT NOT NULL,
    statement_id INTEGER,
    UNIQUE (article_id, seq)
);

CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    doc_id TEXT,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id)
);

CREATE INDEX IF NOT EXISTS articles_publisher_published ON articles(publisher, published);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_cluster ON articles(cluster_id);
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_person_date ON quotes(person_id, date);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(date);
CREATE INDEX IF NOT EXISTS quotes_statement ON quotes(statement_id);
CREATE INDEX IF NOT EXISTS quotes_hash ON quotes(quote_hash);
CREATE INDEX IF NOT EXISTS mentions_person ON mentions(person_id);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions(name);
CREATE INDEX IF NOT EXISTS people_name ON people(name);
CREATE INDEX IF NOT EXISTS people_quote_count ON people(statement_count DESC);
CREATE INDEX IF NOT EXISTS failures_run ON failures(run_id);

-- Full-text search: external-content FTS5 tables kept in sync by triggers, so text is
-- stored once and `MATCH` works on both titles and bodies. A corpus run's batch indexes its
-- new rows with one INSERT ... SELECT instead (several times cheaper than a trigger per row):
-- while fts_batch holds a row, inside that batch's transaction, the insert triggers stand aside.
CREATE TABLE IF NOT EXISTS fts_batch (
    run_id INTEGER PRIMARY KEY
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, standfirst, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    quote, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles WHEN NOT EXISTS (SELECT 1 FROM fts_batch) BEGIN
    INSERT INTO articles_fts(rowid, title, standfirst, text) VALUES (new.id, new.title, new.standfirst, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, text) VALUES ('delete', old.id, old.title, old.standfirst, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, standfirst, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, standfirst, text) VALUES ('delete', old.id, old.title, old.standfirst, old.text);
    INSERT INTO articles_fts(rowid, title, standfirst, text) VALUES (new.id, new.title, new.standfirst, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes WHEN NOT EXISTS (SELECT 1 FROM fts_batch) BEGIN
    INSERT INTO quotes_fts(rowid, quote, speaker) VALUES (new.id, new.quote, new.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, quote, speaker) VALUES ('delete', old.id, old.quote, old.speaker);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_update AFTER UPDATE OF quote, speaker ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, quote, speaker) VALUES ('delete', old.id, old.quote, old.speaker);
    INSERT INTO quotes_fts(rowid, quote, speaker) VALUES (new.id, new.quote, new.speaker);
END;

-- One row per statement: a quote syndicated to many outlets counts once.
CREATE VIEW IF NOT EXISTS statements AS
    SELECT q.statement_id AS id,
           min(q.quote) AS quote,
           min(q.speaker) AS speaker,
           min(q.person_id) AS person_id,
           min(q.date) AS date,
           count(*) AS quote_count,
           count(DISTINCT q.article_id) AS source_count,
           group_concat(DISTINCT a.publisher) AS publishers
    FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE q.statement_id IS NOT NULL
    GROUP BY q.statement_id;

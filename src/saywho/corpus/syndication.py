"""Syndication: near-duplicate articles (wire copies, updated versions) and the statements
they repeat.

Each article gets a MinHash signature over word 5-gram shingles (computed by the workers);
``cluster_articles`` groups articles whose estimated Jaccard similarity passes ``THRESHOLD``
using rensa's LSH for candidates and the signatures to confirm them. ``assign_statements``
then gives the same statement id to the same words said by the same person, so a quote
syndicated to 50 outlets counts once.
"""

from __future__ import annotations

import re
import sqlite3

NUM_PERM = 64
NUM_BANDS = 16
SHINGLE = 5
SEED = 7
THRESHOLD = 0.6
MIN_WORDS = 25

_WORDS = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``, as signatures and content hashes see them."""
    return _WORDS.findall(text.lower())


def signature(title: str | None, text: str) -> bytes | None:
    """The article's MinHash signature, as rensa's serialized ``RMinHash`` state; None for a
    text too short to tell a copy from a coincidence."""
    return signature_of_words(words_of(f"{title or ''} {text}"))


def signature_of_words(words: list[str]) -> bytes | None:
    """``signature`` of the title's and then the text's ``words_of``."""
    import rensa

    if len(words) < MIN_WORDS:
        return None
    shingles = [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    mh = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    mh.update(shingles)
    return mh.__getstate__()


def load_signature(blob: bytes):
    import rensa

    mh = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    mh.__setstate__(blob)
    return mh


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the articles behind two signatures."""
    return load_signature(a).jaccard(load_signature(b))


class _Groups:
    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def near_duplicate_pairs(rows, threshold: float = THRESHOLD):
    """Yield (earlier_id, later_id, similarity) for each confirmed near-duplicate pair.

    ``rows`` is an iterable of (article_id, signature) in ascending id order; each later article
    is compared with the earlier ones LSH puts in its buckets.
    """
    import rensa

    lsh = rensa.RMinHashLSH(threshold=threshold, num_perm=NUM_PERM, num_bands=NUM_BANDS)
    kept = {}
    for article_id, blob in rows:
        mh = load_signature(blob)
        for other in lsh.query(mh):
            sim = kept[other].jaccard(mh)
            if sim >= threshold:
                yield other, article_id, sim
        lsh.insert(article_id, mh)
        kept[article_id] = mh


def cluster_articles(conn: sqlite3.Connection, threshold: float = THRESHOLD) -> int:
    """Recompute ``articles.cluster_id`` for the whole store; returns the number of clusters."""
    groups = _Groups()
    rows = conn.execute("SELECT article_id, minhash FROM signatures ORDER BY article_id")
    for a, b, _ in near_duplicate_pairs(rows, threshold):
        groups.union(a, b)
    members: dict[int, int] = {}
    for article_id in list(groups.parent):
        members[article_id] = groups.find(article_id)
    conn.execute("UPDATE articles SET cluster_id = NULL WHERE cluster_id IS NOT NULL")
    conn.executemany("UPDATE articles SET cluster_id = ? WHERE id = ?", [(root, a) for a, root in members.items()])
    conn.executemany("UPDATE articles SET cluster_id = ? WHERE id = ?", [(root, root) for root in set(members.values())])
    return len(set(members.values()))


def assign_statements(conn: sqlite3.Connection) -> int:
    """Recompute ``quotes.statement_id``: the same words by the same person are one statement;
    unattributed, the same words within one cluster (or one article). Returns the number of
    statements. Done in SQL so that memory stays flat however many quotes there are."""
    conn.execute("DROP TABLE IF EXISTS temp.quote_scope")
    conn.execute("DROP TABLE IF EXISTS temp.statement_first")
    conn.execute(
        "CREATE TEMP TABLE quote_scope AS SELECT q.id AS id, q.quote_hash AS quote_hash, "
        "CASE WHEN q.person_id IS NOT NULL THEN 'p' || q.person_id ELSE 'c' || coalesce(a.cluster_id, a.id) END AS scope "
        "FROM quotes q JOIN articles a ON a.id = q.article_id"
    )
    conn.execute(
        "CREATE TEMP TABLE statement_first AS SELECT quote_hash, scope, min(id) AS statement_id FROM quote_scope GROUP BY quote_hash, scope"
    )
    conn.execute("CREATE INDEX temp.quote_scope_id ON quote_scope(id)")
    conn.execute("CREATE INDEX temp.statement_first_key ON statement_first(quote_hash, scope)")
    conn.execute(
        "UPDATE quotes SET statement_id = (SELECT f.statement_id FROM quote_scope s JOIN statement_first f "
        "ON f.quote_hash = s.quote_hash AND f.scope = s.scope WHERE s.id = quotes.id)"
    )
    n = conn.execute("SELECT count(*) FROM statement_first").fetchone()[0]
    conn.execute("DROP TABLE quote_scope")
    conn.execute("DROP TABLE statement_first")
    return n

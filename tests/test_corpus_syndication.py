"""Near-duplicate articles share a cluster; a syndicated quote is one statement."""

from saywho.corpus.syndication import assign_statements, cluster_articles, signature, similarity
from saywho.store import open_store

STORY = (
    "The central bank held interest rates at 4.75% on Thursday, citing slowing consumer spending "
    "and weaker house prices across the country. Economists had expected the decision after a run "
    "of soft data on retail sales and manufacturing output. The governor said inflation was close "
    "to target and that the committee would watch wage growth closely in the coming months."
)
OTHER = (
    "The football club confirmed the signing of a young striker from Brazil on a five-year deal. "
    "The manager said the player had impressed scouts during the youth tournament last summer and "
    "would join the first team squad after a period of training with the reserves next season."
)


def test_corpus_syndication_signatures():
    copy = STORY.replace("Thursday", "Thursday afternoon") + " Shares rose slightly."
    assert similarity(signature("Rates held", STORY), signature("Rates held", copy)) > 0.6
    assert similarity(signature("Rates held", STORY), signature("Striker signs", OTHER)) < 0.2
    assert signature(None, "Too short to compare.") is None


def test_corpus_syndication_clusters_and_statements(tmp_path):
    with open_store(tmp_path / "news.db") as store:
        conn = store.conn
        texts = {1: STORY, 2: STORY + " Updated with comment from analysts.", 3: OTHER, 4: STORY.replace("4.75%", "4.75 per cent")}
        for n, text in texts.items():
            conn.execute("INSERT INTO articles(id, key, doc_id, source, text, content_hash) VALUES (?, ?, ?, 'x', ?, 'h')", (n, f"k{n}", f"d{n}", text))
            conn.execute("INSERT INTO signatures VALUES (?, ?)", (n, signature(None, text)))
            conn.execute(
                "INSERT INTO quotes(article_id, seq, kind, start, \"end\", quote, speaker, quote_hash) VALUES (?, 0, 'direct', 0, 1, 'Inflation is close to target', NULL, 'same')",
                (n,),
            )
        assert cluster_articles(conn) == 1
        clusters = dict(conn.execute("SELECT id, cluster_id FROM articles").fetchall())
        assert clusters == {1: 1, 2: 1, 3: None, 4: 1}
        assert assign_statements(conn) == 2
        statements = dict(conn.execute("SELECT article_id, statement_id FROM quotes").fetchall())
        assert statements[1] == statements[2] == statements[4] != statements[3]
        row = conn.execute("SELECT source_count FROM statements WHERE id = ?", (statements[1],)).fetchone()
        assert row[0] == 3

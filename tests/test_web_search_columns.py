"""The search's in-memory columns and Python bm25 agree with what SQLite and FTS5 would answer."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

pytest.importorskip("numpy")

from saywho.web import queries  # noqa: E402
from saywho.web.columns import Filter, day_number  # noqa: E402
from saywho.web.queries import SearchParams, Store, fts_query, phrases  # noqa: E402


@pytest.fixture(scope="module")
def store(small_db):
    return Store(small_db)


@pytest.mark.parametrize("text", ["budget", "budget balanced", '"number 3"', "say again", "minister budget",
                                  '"is balanced" number'])
def test_web_search_bm25_matches_fts5(store, text):
    cols = store.columns()
    fts = store.conn.execute("SELECT rowid, bm25(quotes_fts) FROM quotes_fts WHERE quotes_fts MATCH ?",
                             (fts_query(text),)).fetchall()
    assert fts, text
    ids = [row[0] for row in fts]
    wanted = phrases(text)
    ours = store._scores(wanted, ids, store._texts(ids), cols)
    theirs = [row[1] for row in fts]
    if len(wanted) == 1:
        # One phrase: its document frequency scales every score alike, so it is not counted.
        ours = [s * theirs[0] / ours[0] for s in ours]
    assert ours == pytest.approx(theirs, rel=1e-9, abs=1e-12)


def test_web_search_relevance_order_is_fts5_rank_order(store):
    for text in ("budget balanced", "minister budget 4"):
        data = store.search(SearchParams.from_query({"q": text}))
        fts = [r[0] for r in store.conn.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank, rowid DESC LIMIT 20",
            (fts_query(text),))]
        assert [r["id"] for r in data["results"]] == fts


@pytest.mark.parametrize("params", [
    {"from": "2019-02-01", "to": "2019-02-28"},
    {"publisher": "Daily Budget", "kind": "indirect"},
    {"speaker": "Dan Coats", "from": "2018-07-21"},
    {"publisher": "Daily Budget", "to": "2019-01-31"},
    {"publisher": "No Such Paper"},
])
def test_web_search_columns_keep_what_sql_keeps(store, params):
    p = SearchParams.from_query(params)
    cols = store.columns()
    f = store._filter(p, cols)
    where, args = store._filters(p)
    if p.date_from or p.date_to:
        where.append("coalesce(q.date, a.published) BETWEEN ? AND ?")
        args += [p.date_from or "0000-00-00", p.date_to or "9999-99-99"]
    sql = "SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id" + (
        " WHERE " + " AND ".join(where) if where else "")
    expected = {r[0] for r in store.conn.execute(sql, args)}
    ids, _ = cols.narrowed(f)
    assert set(ids.tolist()) == expected
    every = [r[0] for r in store.conn.execute("SELECT id FROM quotes")]
    import numpy as np

    assert {i for i, keep in zip(every, cols.keep(np.array(every), f), strict=True) if keep} == expected


def test_web_search_date_filter_reads_iso_days(store):
    cols = store.columns()
    f = Filter(span=(day_number("2019-03-01"), day_number("2019-03-31")))
    ids, day_ordered = cols.narrowed(f)
    assert day_ordered and len(ids) == 15
    assert [cols.day[i] for i in ids] == sorted(cols.day[i] for i in ids)


def test_web_search_columns_reload_when_the_store_changes(small_db, tmp_path, monkeypatch):
    db = tmp_path / "growing.db"
    shutil.copy(small_db, db)
    store = Store(db)
    assert store.search(SearchParams.from_query({"q": "budget", "kind": "indirect"}))["count"] == 15
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO quotes(article_id, seq, kind, start, \"end\", quote, speaker, date, quote_hash) "
                     "VALUES (3, 9, 'indirect', 0, 5, 'budget later', 'Jane Minister', '2019-01-10', 'x')")
    monkeypatch.setattr(queries, "CACHE_TTL", 0.0)
    data = store.search(SearchParams.from_query({"q": "budget", "kind": "indirect"}))
    assert data["count"] == 16
    assert "budget later" in {r["quote"] for r in data["results"]}


def test_web_search_empty_store_and_odd_filters_answer_nothing(tmp_path, small_db):
    from starlette.testclient import TestClient

    from fixtures.web.webstore import create
    from saywho.web.app import create_app

    empty = tmp_path / "empty.db"
    create(empty).close()
    odd = [{"q": "budget", "from": "2019-03-01", "to": "2019-01-01"}, {"q": "budget", "person": "99999999999"},
           {"q": "budget", "speaker": "Nobody Here"}, {"q": '"number 3"', "publisher": "No Such Paper"},
           {"from": "2020-01-01", "to": "2019-01-01"}]
    for db in (empty, small_db):
        with TestClient(create_app(db)) as client:
            for params in odd + [{"q": "budget"}, {"from": "2019-01-01"}]:
                response = client.get("/search.json", params=params)
                assert response.status_code == 200, params
                found = response.json()["count"]
                assert found == 0 if db == empty or params in odd else found > 0, params


def test_web_search_says_whether_the_cache_answered(small_db):
    from starlette.testclient import TestClient

    from saywho.web.app import create_app

    with TestClient(create_app(small_db)) as client:
        first = client.get("/search.json", params={"q": "budget", "kind": "direct"})
        second = client.get("/search", params={"q": "budget", "kind": "direct", "page": 2})
        assert (first.headers["x-saywho-cache"], second.headers["x-saywho-cache"]) == ("miss", "hit")

"""The JSON API (and its HTML twins) over a small store built through the store's schema."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient  # noqa: E402

from fixtures.web.webstore import build_small  # noqa: E402
from saywho.web.app import create_app, week_bars  # noqa: E402
from saywho.web.queries import COUNT_CAP, PAGE_SIZE, contains_all, fts_query, highlight, phrases  # noqa: E402


def fresh(db):
    """A client on a new app, so that no answer comes from an earlier test's cache."""
    return TestClient(create_app(db))


def test_web_api_home_gives_figures_speakers_and_recent_articles(client):
    data = client.get("/index.json").json()
    assert data["figures"]["articles"] == 48
    assert data["figures"]["quotes"] == 49
    assert data["top_speakers"][0]["name"] == "Jane Minister"
    assert data["recent_articles"][0]["published"] == "2020-01-01"


def test_web_api_search_finds_the_quote_with_its_speaker_and_article(client):
    data = client.get("/search.json", params={"q": "Say that again"}).json()
    assert data["count"] == 2
    first = data["results"][0]
    assert first["quote"] == "Say that again. Did I hear you?"
    assert first["speaker"] == "Dan Coats"
    assert first["cue_text"] == "said"
    assert {r["publisher"] for r in data["results"]} == {"The Independent", "Wire"}


def test_web_api_search_filters_by_date_publisher_kind_and_speaker(client):
    get = lambda **p: client.get("/search.json", params=p).json()  # noqa: E731
    dated = get(**{"from": "2019-02-01", "to": "2019-02-28"})
    assert dated["count"] == 15
    assert all("2019-02-01" <= r["date"] <= "2019-02-28" for r in dated["results"])
    assert get(publisher="Wire")["count"] == 1
    assert get(kind="indirect")["count"] == 15
    assert get(speaker="Dan Coats")["count"] == 3
    assert get(speaker="Dan")["count"] == 3
    assert get(q="budget", speaker="Dan Coats")["count"] == 0


def test_web_api_search_pages_through_results_in_order(client):
    first = client.get("/search.json", params={"q": "budget", "sort": "oldest"}).json()
    second = client.get("/search.json", params={"q": "budget", "sort": "oldest", "page": 2}).json()
    third = client.get("/search.json", params={"q": "budget", "sort": "oldest", "page": 3}).json()
    assert first["count"] == 45 and first["pages"] == 3
    assert len(first["results"]) == len(second["results"]) == PAGE_SIZE
    assert len(third["results"]) == 5 and not third["has_next"] and first["has_next"]
    dates = [r["date"] for page in (first, second, third) for r in page["results"]]
    assert dates == sorted(dates)
    assert len({r["id"] for page in (first, second, third) for r in page["results"]}) == 45


def test_web_api_speaker_lists_quotes_in_date_order_with_publishers_and_weeks(client):
    coats = client.get("/search.json", params={"speaker": "Dan Coats"}).json()["results"][0]["person_id"]
    data = client.get(f"/speaker/{coats}.json").json()
    assert data["person"]["name"] == "Dan Coats"
    assert data["person"]["roles"] == ["director of national intelligence"]
    assert [q["date"] for q in data["quotes"]] == ["2018-07-20", "2018-07-20", "2018-07-21"]
    assert {p["publisher"]: p["quotes"] for p in data["publishers"]} == {"The Independent": 2, "Wire": 1}
    assert data["weeks"] == [{"week": "2018-07-16", "quotes": 3}]
    assert data["co_people"][0]["name"] == "Jane Minister"


def test_web_api_article_gives_text_quotes_people_and_copies(client):
    data = client.get("/article/1.json").json()
    text = data["article"]["text"]
    for quote in data["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["quote"]
    assert data["article"]["boilerplate"] == ["Join our commenting forum"]
    assert [c["publisher"] for c in data["copies"]] == ["Wire"]
    assert {p["name"] for p in data["people"]} == {"Dan Coats", "Vladimir Putin"}


def test_web_api_html_pages_render(client):
    for path in ("/", "/search?q=budget", "/speaker/1", "/article/1"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
    article = client.get("/article/1").text
    assert '<mark class="q q-direct"' in article and "<details" in article


def test_web_api_unknown_ids_and_bad_parameters_get_clear_errors(client):
    missing = client.get("/article/999999.json")
    assert missing.status_code == 404 and "no article 999999" in missing.json()["error"]
    assert client.get("/speaker/424242").status_code == 404
    assert client.get("/nowhere").status_code == 404
    bad = client.get("/search.json", params={"from": "yesterday"})
    assert bad.status_code == 400 and "YYYY-MM-DD" in bad.json()["error"]
    assert client.get("/search.json", params={"page": "0"}).status_code == 400
    assert client.get("/search.json", params={"page": "26"}).status_code == 400
    assert client.get("/search.json", params={"kind": "shouted"}).status_code == 400
    assert "no such date" in client.get("/search", params={"to": "2019-13-45"}).text


def test_web_api_fts_query_quotes_every_token():
    assert fts_query('Say that again') == '"say" "that" "again"'
    assert fts_query('"Fake news" trade') == '"fake news" "trade"'
    assert fts_query('NEAR(a b) OR c* -d ^e') == '"near" "a" "b" "or" "c" "d" "e"'
    assert fts_query('"" ***') is None


def test_web_api_python_match_agrees_with_the_fts_reading():
    wanted = phrases('"fake news" Café')
    assert wanted == [("fake", "news"), ("cafe",)]
    assert contains_all(wanted, "The FAKE news, at a cafe.")
    assert contains_all(wanted, "fake news!", "Café owner")
    assert not contains_all(wanted, "news fake cafe")
    assert not contains_all(wanted, "fake news", None)


def test_web_api_highlight_skips_bad_and_overlapping_offsets():
    quotes = [{"field": "text", "start": 0, "end": 5}, {"field": "text", "start": 3, "end": 8},
              {"field": "text", "start": 8, "end": 99}, {"field": "title", "start": 6, "end": 8}]
    segments = highlight("Hello, world", quotes)
    assert "".join(s["text"] for s in segments) == "Hello, world"
    assert [s["quote"] is not None for s in segments] == [True, False]


def test_web_api_week_bars_keep_a_true_time_axis():
    chart = week_bars([{"week": "2019-01-07", "quotes": 2}, {"week": "2019-01-28", "quotes": 4}])
    assert chart["weeks"] == 4
    assert chart["bars"][1]["x"] > chart["bars"][0]["x"] + 2 * chart["width"] / 4
    assert chart["bars"][1]["h"] > chart["bars"][0]["h"]


def test_web_api_counts_are_capped(small_db, monkeypatch):
    from saywho.web import queries

    assert COUNT_CAP == queries.PAGE_SIZE * queries.MAX_PAGE
    monkeypatch.setattr(queries, "COUNT_CAP", 10)
    client = fresh(small_db)
    for params in ({"q": "budget"}, {}, {"q": "budget", "from": "2019-01-01"}):
        data = client.get("/search.json", params=params).json()
        assert data["count"] == 10 and data["count_capped"], params
    assert "More than 10 quotes" in client.get("/search", params={"q": "budget"}).text


def test_web_api_scan_budget_is_flagged(small_db, monkeypatch):
    from saywho.web import queries

    monkeypatch.setattr(queries, "SCAN_BUDGET", 5)
    monkeypatch.setattr(queries, "NARROW_CAP", 0)
    client = fresh(small_db)
    data = client.get("/search.json", params={"q": "budget", "from": "2019-03-01", "to": "2019-03-31"}).json()
    assert data["scan_limited"] == 5
    assert data["count"] == 5
    assert "most recently stored" in client.get("/search", params={"q": "budget", "from": "2019-01-01"}).text
    assert client.get("/search.json", params={"q": "budget"}).json()["scan_limited"] is None


def test_web_api_search_walking_filters_finds_what_fts_finds(small_db, monkeypatch):
    from saywho.web import queries

    client = fresh(small_db)
    params = [{"q": "budget balanced", "from": "2019-02-01", "to": "2019-03-31"},
              {"q": '"number 3"', "publisher": "Daily Budget"},
              {"q": "say again", "speaker": "Dan Coats", "sort": "oldest"}]
    by_fts = [client.get("/search.json", params=p).json() for p in params]
    monkeypatch.setattr(queries, "PYTHON_MATCH_COST", 0)
    client = fresh(small_db)
    by_filters = [client.get("/search.json", params=p).json() for p in params]
    for fts, walked in zip(by_fts, by_filters, strict=True):
        assert fts["count"] == walked["count"] > 0
        assert {r["id"] for r in fts["results"]} == {r["id"] for r in walked["results"]}


def test_web_api_huge_ids_are_not_found(client):
    assert client.get("/article/99999999999999999999999999.json").status_code == 404
    assert client.get("/speaker/99999999999999999999999999").status_code == 404


def test_web_api_store_read_errors_are_503_with_a_message(tmp_path):
    db = build_small(tmp_path / "gone.db")
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        assert client.get("/search.json", params={"q": "budget"}).status_code == 200
        db.write_bytes(b"this is no longer a database" * 1000)
        response = client.get("/speaker/1.json")
        assert response.status_code == 503
        assert "could not be read" in response.json()["error"]


def test_web_api_date_filter_uses_the_article_date_where_the_quote_has_none(tmp_path):
    import sqlite3

    db = build_small(tmp_path / "undated.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE quotes SET date = NULL WHERE article_id = 1")
    with TestClient(create_app(db)) as client:
        for params in ({"from": "2018-07-20", "to": "2018-07-20"},
                       {"q": "say again", "from": "2018-07-20", "to": "2018-07-20"},
                       {"speaker": "Dan Coats", "from": "2018-07-01", "to": "2018-07-20", "sort": "oldest"}):
            data = client.get("/search.json", params=params).json()
            assert data["count"] == (1 if "q" in params else 2), params
            assert {r["date"] for r in data["results"]} == {"2018-07-20"}
        both = client.get("/search.json", params={"from": "2018-07-20", "to": "2018-07-21"}).json()
        assert [r["date"] for r in both["results"]] == ["2018-07-21", "2018-07-20", "2018-07-20"]


def test_web_api_pages_of_one_search_are_ordered_once(small_db, monkeypatch):
    from saywho.web import queries

    client = fresh(small_db)
    calls = []
    original = queries.Store._candidates
    monkeypatch.setattr(queries.Store, "_candidates", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    pages = [client.get("/search.json", params={"q": "budget", "page": n}).json() for n in (1, 2, 3, 1)]
    assert len(calls) == 1
    assert pages[0] == {**pages[3], "elapsed_ms": pages[0]["elapsed_ms"]}
    client.get("/search.json", params={"q": "budget", "kind": "direct"})
    assert len(calls) == 2

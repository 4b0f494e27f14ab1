"""saywho serve only reads: read-only store, GET/HEAD only, bound parameters, loopback by default."""

from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")


from fixtures.web.harness import serving  # noqa: E402
from saywho.cli import main  # noqa: E402
from saywho.web.queries import Store, open_store  # noqa: E402


def quote_count(small_db) -> int:
    with sqlite3.connect(small_db) as conn:
        return conn.execute("SELECT count(*) FROM quotes").fetchone()[0]


def test_web_security_store_connection_cannot_write(small_db):
    conn = open_store(small_db)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM quotes")
    conn.execute("PRAGMA query_only = 0")
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM quotes")
    assert Store(small_db).conn.execute("PRAGMA query_only").fetchone()[0] == 1


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/", "/search", "/search.json", "/article/1", "/speaker/1", "/static/style.css"])
def test_web_security_only_get_and_head_are_answered(client, method, path):
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_web_security_head_and_headers(client):
    assert client.head("/search?q=budget").status_code == 200
    headers = client.get("/").headers
    assert "script-src" not in headers["content-security-policy"]
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("params", [
    {"q": "' OR 1=1 --"},
    {"q": '"; DROP TABLE quotes; --'},
    {"q": "budget) OR (quote MATCH *"},
    {"speaker": "x' OR '1'='1"},
    {"publisher": "x\" OR 1=1 --"},
    {"speaker": "%"},
    {"speaker": "_"},
    {"person": "1 OR 1=1"},
    {"sort": "date; DROP TABLE quotes"},
    {"sort": "q.id"},
    {"kind": "direct' OR 'x'='x"},
    {"from": "2019-01-01' OR '1'='1"},
    {"page": "1; DELETE FROM quotes"},
])
def test_web_security_parameters_cannot_inject_sql(client, small_db, params):
    before = quote_count(small_db)
    response = client.get("/search.json", params=params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["count"] == 0
    else:
        assert response.json()["error"]
    assert quote_count(small_db) == before


def test_web_security_serve_binds_loopback_by_default(small_db):
    assert next(p for p in main.get_command(None, "serve").params if p.name == "host").default == "127.0.0.1"
    with serving(small_db) as base:
        port = int(base.rsplit(":", 1)[1])
        listening = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                lines = open(table).read().splitlines()[1:]
            except OSError:
                continue
            for line in lines:
                local, state = line.split()[1], line.split()[3]
                address, hexport = local.rsplit(":", 1)
                if int(hexport, 16) == port and state == "0A":
                    listening.add(address)
        assert listening == {"0100007F"}, listening


def test_web_security_serve_refuses_foreign_host_names(small_db):
    import httpx

    with serving(small_db) as base:
        assert httpx.get(base + "/").status_code == 200
        assert httpx.get(base + "/", headers={"host": "localhost"}).status_code == 200
        rebound = httpx.get(base + "/search.json?q=said", headers={"host": "attacker.example"})
        assert rebound.status_code == 400
        assert "said" not in rebound.text

"""Bad input ends in ``failures`` with a reason, and the run goes on."""

import gzip
import json
import random
import sqlite3

from saywho.corpus.run import run_corpus

GOOD = "Ministers met on Tuesday to discuss the budget.\n\n\"We will cut taxes,\" said Jane Smith, the finance minister.\n"


def failures(db):
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT source, doc_id, code, reason FROM failures ORDER BY source").fetchall()
    articles = [r[0] for r in conn.execute("SELECT doc_id FROM articles ORDER BY doc_id")]
    conn.close()
    return rows, articles


def test_corpus_bad_input_jsonl_lines_and_missing_file(tmp_path):
    corpus = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": GOOD}),
        "{this is not json",
        json.dumps({"id": "a2", "headline": "no body here", "extra": 1}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "text": "   "}),
        json.dumps({"id": "a1", "text": GOOD + " again"}),
        json.dumps({"id": "a4", "body": GOOD, "unknown_field": {"nested": True}}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "news.db"
    summary = run_corpus([str(corpus), str(tmp_path / "missing.jsonl")], str(db), workers=1)
    rows, articles = failures(db)
    assert articles == ["a1", "a4"]
    assert summary.articles == 2 and summary.failures == 6
    by_source = {r[0].rsplit("/", 1)[-1]: r for r in rows}
    assert by_source["feed.jsonl:2"][2] == "SW105" and "not a JSON object" in by_source["feed.jsonl:2"][3]
    assert "no text field" in by_source["feed.jsonl:3"][3]
    assert "not an object" in by_source["feed.jsonl:4"][3]
    assert by_source["feed.jsonl:5"][2] in ("SW100", "SW101") and "empty" in by_source["feed.jsonl:5"][3]
    assert "duplicate id 'a1'" in by_source["feed.jsonl:6"][3]
    assert by_source["missing.jsonl"][2] == "SW106"
    # Every input line ends as exactly one row.
    assert len(articles) + len(rows) == len(lines) + 1


def test_corpus_bad_input_truncated_gzip(tmp_path):
    corpus = tmp_path / "feed.jsonl.gz"
    rng = random.Random(1)
    words = ["tax", "vote", "minister", "rain", "court", "market", "school", "river", "union", "energy"]
    body = [GOOD + " ".join(rng.choice(words) + str(rng.randrange(10**6)) for _ in range(400)) for _ in range(200)]
    data = gzip.compress("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(body)).encode())
    corpus.write_bytes(data[: len(data) // 2])
    db = tmp_path / "news.db"
    run_corpus([str(corpus)], str(db), workers=1)
    rows, articles = failures(db)
    assert articles, "the readable part of the stream is stored"
    assert any(r[2] == "SW105" and "stream broken" in r[3] for r in rows)


def test_corpus_bad_input_unreadable_warc_record(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://example.com/a\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: 400\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut"
    )
    warc.write_bytes(gzip.compress(record)[:-6])
    text = tmp_path / "story.txt"
    text.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "news.db"
    run_corpus([str(warc), str(text)], str(db), workers=1)
    rows, articles = failures(db)
    assert articles == ["story"]
    assert rows and all(r[3] for r in rows)
    assert any("crawl.warc.gz" in r[0] for r in rows)


def test_corpus_bad_input_binary_and_empty_files(tmp_path):
    corpus = tmp_path / "site"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.html").write_bytes(bytes(range(256)) * 40)
    db = tmp_path / "news.db"
    run_corpus([str(corpus)], str(db), workers=2)
    rows, articles = failures(db)
    assert articles == ["good"]
    assert sorted(r[1] for r in rows) == ["binary", "empty"]
    assert {r[2] for r in rows} <= {"SW101", "SW102", "SW100"}


def test_corpus_progress_ends_at_the_total(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"a{i}", "text": GOOD}) + "\n" for i in range(5)) + "{broken\n",
                    encoding="utf-8")
    seen = []
    run_corpus([str(feed)], db=str(tmp_path / "p.db"), workers=1, batch_size=4,
               progress=lambda summary, total: seen.append((summary.articles + summary.failures, total)))
    assert seen[-1] == (6, 6)

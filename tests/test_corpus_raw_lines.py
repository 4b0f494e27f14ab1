"""JSONL lines go to the workers unparsed; the store ends the same as when the run parses them."""

import json
import sqlite3

from saywho.corpus.inputs import read_inputs, read_raw
from saywho.corpus.run import run_corpus
from saywho.engines.base import RawLine
from saywho.input.sources import JsonlFields, read_paths

GOOD = "Ministers met on Tuesday to discuss the budget.\n\n\"We will cut taxes,\" said Jane Smith, the finance minister.\n"


def write_feed(path, n=12):
    lines = []
    for i in range(n):
        lines.append(json.dumps({"id": f"a{i}", "url": f"https://news{i % 3}.example/{i}", "text": GOOD.replace("Tuesday", f"Tuesday {i}")}))
    lines[3] = "{broken"
    lines[5] = json.dumps({"id": "a1", "text": GOOD + " again"})
    lines.insert(7, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def stored(db):
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT key, source, text, quote_count FROM articles ORDER BY key").fetchall()
    failures = conn.execute("SELECT key, source, code FROM failures ORDER BY key").fetchall()
    quotes = conn.execute("SELECT a.key, q.quote, q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id ORDER BY 1, 2").fetchall()
    found = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'taxes'").fetchone()[0]
    conn.close()
    return articles, failures, quotes, found


def test_corpus_raw_lines_read_as_read_paths(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    raw = list(read_raw([str(feed)], JsonlFields()))
    assert sum(isinstance(item, RawLine) for item in raw) == 12
    assert list(read_inputs([str(feed)], JsonlFields())) == list(read_paths([str(feed)]))


def test_corpus_raw_lines_store_matches_parsed_run(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    raw_lines = tmp_path / "raw.db"
    parsed = tmp_path / "parsed.db"
    first = run_corpus([str(feed)], str(raw_lines), workers=2, with_prior=False, count_first=True)
    run_corpus([str(feed)], str(parsed), workers=1, with_prior=False, count_first=False)
    articles, failures, quotes, found = stored(raw_lines)
    assert (articles, failures, quotes, found) == stored(parsed)
    assert first.articles == len(articles) == 10 and first.failures == len(failures) == 2
    assert {f[2] for f in failures} == {"SW105"}
    assert found == 10


def test_corpus_raw_lines_resume_skips_stored(tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed)
    db = tmp_path / "news.db"
    run_corpus([str(feed)], str(db), workers=2)
    again = run_corpus([str(feed)], str(db), workers=2)
    assert again.articles == 0 and again.failures == 0 and again.skipped == 10

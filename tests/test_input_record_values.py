"""Values a scraper's record carries (dates, half surrogate pairs, titles) are checked once at
the edge, so nothing later fails on them."""

import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from saywho import extract
from saywho.attribution import attribute
from saywho.cli import main
from saywho.corpus.run import run_corpus
from saywho.errors import InputError
from saywho.input.dates import iso_date
from saywho.input.sources import read_paths

QUOTE = 'Bob Smith said on Friday: "We will win."\n\nYesterday the coach told reporters: "They will lose."'


@pytest.mark.parametrize(("value", "expected"), [
    ("2016-05-03", "2016-05-03"),
    ("2016-05-03T12:00:00Z", "2016-05-03"),
    ("2016-5-3", "2016-05-03"),
    (date(2018, 7, 20), "2018-07-20"),
    ("0001-01-01T00:00:00Z", None),
    ("9999-12-31", None),
    ("2018-13-45", None),
    ("yesterday-ish", None),
    (12345, None),
    (None, None),
])
def test_input_dates_iso_date_keeps_only_real_dates(value, expected):
    assert iso_date(value) == expected


def test_input_dates_placeholder_year_does_not_break_relative_dates():
    found = attribute(QUOTE, published="0001-01-01")
    assert [q.speaker for q in found.quotes if q.kind == "direct"] == ["Bob Smith", "Bob Smith"]
    assert all(q.date is None for q in found.quotes)
    dated = attribute(QUOTE, published=date(2018, 7, 21))
    assert [q.date for q in dated.quotes if q.kind == "direct"] == ["2018-07-20", "2018-07-20"]


def test_input_dates_extract_rejects_an_impossible_date_by_name():
    with pytest.raises(InputError, match="published '2018-13-45' is not a date"):
        extract(QUOTE, published="2018-13-45")


def test_input_dates_cli_rejects_placeholder_date(tmp_path):
    path = tmp_path / "z.txt"
    path.write_text(QUOTE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--no-clean", "--published", "0001-01-01", str(path)])
    assert result.exit_code == 2
    assert "expected a calendar date as YYYY-MM-DD" in result.output


def test_input_empty_text_is_empty_input_error():
    with pytest.raises(InputError) as err:
        extract("  \n")
    assert err.value.code == "SW101"


def _jsonl(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        '{"id": "cut", "title": "Cut \\ud83d emoji", "published": "0001-01-01T00:00:00Z", '
        '"text": "\\"Broken \\ud83d emoji,\\" said John Smith, the mayor, yesterday.\\n\\nMore text."}',
        json.dumps({"id": "ok", "headline": "Mayor speaks", "date": "2016-05-03T09:00:00Z",
                    "text": "\"Fine,\" said John Smith, the mayor of the town.\n\nMore text here."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_input_jsonl_record_values_are_repaired(tmp_path):
    docs = list(read_paths([str(_jsonl(tmp_path))]))
    assert [d.id for d in docs] == ["cut", "ok"]
    assert "\ufffd" in docs[0].content and docs[0].published is None
    assert docs[0].meta["title"] == "Cut \ufffd emoji"
    assert docs[1].published == "2016-05-03" and docs[1].meta["title"] == "Mayor speaks"


def test_input_jsonl_half_surrogate_goes_through_extract_cli(tmp_path):
    result = CliRunner().invoke(main, ["extract", "--no-clean", str(_jsonl(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["cut", "ok"]
    assert rows[1]["title"] == "Mayor speaks"
    assert [q["speaker"] for q in rows[0]["quotes"] if q["kind"] == "direct"] == ["John Smith"]


def test_input_jsonl_half_surrogate_goes_through_corpus_run(tmp_path):
    db = tmp_path / "s.db"
    run_corpus([str(_jsonl(tmp_path))], db=str(db), workers=1)
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT doc_id, title, published FROM articles ORDER BY doc_id").fetchall()
    failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    conn.close()
    assert articles == [("cut", "Cut \ufffd emoji", None), ("ok", "Mayor speaks", "2016-05-03")]
    assert failures == 0

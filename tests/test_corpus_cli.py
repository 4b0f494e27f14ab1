"""``saywho run`` then ``quotes``, ``people``, ``export`` and ``datasette-metadata`` on the result."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saywho.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "news.db"
    result = CliRunner().invoke(main, ["run", str(FIXTURES / "corpus" / "bbc-sample.jsonl"), "--db", str(path), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def test_corpus_cli_run_summary(tmp_path):
    path = tmp_path / "news.db"
    result = CliRunner().invoke(main, ["run", str(FIXTURES / "000_baf42c301885f353.txt"), "--db", str(path), "--workers", "1", "-q"])
    assert result.exit_code == 0
    assert "1 articles" in result.output and "0 failures" in result.output
    again = CliRunner().invoke(main, ["run", str(FIXTURES / "000_baf42c301885f353.txt"), "--db", str(path), "--workers", "1", "-q"])
    assert "0 articles" in again.output and "1 already stored" in again.output


def test_corpus_cli_quotes_json_and_filters(db):
    result = CliRunner().invoke(main, ["quotes", str(db), "--format", "json", "--limit", "500"])
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert rows and all(r["quote"] for r in rows)
    top = json.loads(CliRunner().invoke(main, ["people", str(db), "--top", "1", "--format", "json"]).output)[0]
    by_speaker = json.loads(CliRunner().invoke(main, ["quotes", str(db), "--speaker", top["name"], "--format", "json", "--limit", "500"]).output)
    assert by_speaker and all(r["speaker"] == top["name"] for r in by_speaker)
    assert sum(r["sources"] for r in by_speaker) == top["quote_count"]
    word = max(rows[0]["quote"].split(), key=len).strip(".,;:'\"")
    found = json.loads(CliRunner().invoke(main, ["quotes", str(db), "--search", word, "--format", "json", "--limit", "500"]).output)
    assert found and all(word.lower() in r["quote"].lower() for r in found)
    none = json.loads(CliRunner().invoke(main, ["quotes", str(db), "--since", "2999-01-01", "--format", "json"]).output)
    assert none == []


def test_corpus_cli_quotes_table_and_csv(db):
    table = CliRunner().invoke(main, ["quotes", str(db), "--limit", "3"])
    assert table.exit_code == 0 and table.output.splitlines()[0].split()[:3] == ["date", "speaker", "quote"]
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(main, ["quotes", str(db), "--format", "csv"]).output)))
    assert rows and "quote" in rows[0]


def test_corpus_cli_people_top(db):
    rows = json.loads(CliRunner().invoke(main, ["people", str(db), "--top", "5", "--format", "json"]).output)
    assert 0 < len(rows) <= 5
    counts = [r["statement_count"] for r in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0


def test_corpus_cli_export_formats(db, tmp_path):
    out = tmp_path / "quotes.jsonl"
    result = CliRunner().invoke(main, ["export", str(db), "--table", "quotes", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and "quote" in json.loads(lines[0])
    pq = pytest.importorskip("pyarrow.parquet")
    parquet = tmp_path / "articles.parquet"
    assert CliRunner().invoke(main, ["export", str(db), "--table", "articles", "--format", "parquet", "-o", str(parquet)]).exit_code == 0
    assert pq.read_table(parquet).num_rows == 29
    bad = CliRunner().invoke(main, ["export", str(db), "--table", "sqlite_master"])
    assert bad.exit_code == 2 and "cannot export" in bad.output


def test_corpus_cli_missing_store(tmp_path):
    result = CliRunner().invoke(main, ["quotes", str(tmp_path / "nope.db")])
    assert result.exit_code == 2 and "no such database" in result.output


@pytest.mark.parametrize("command", ["quotes", "people", "datasette-metadata"])
def test_corpus_cli_read_commands_leave_a_non_store_untouched(tmp_path, command):
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    text = tmp_path / "notes.txt"
    text.write_text("hello\n", encoding="utf-8")
    for path, reason in ((empty, "not a saywho store"), (text, "file is not a database")):
        result = CliRunner().invoke(main, [command, str(path)])
        assert result.exit_code == 2
        assert result.stdout == "" and reason in result.stderr
    assert empty.read_bytes() == b"" and text.read_text(encoding="utf-8") == "hello\n"


def test_corpus_cli_datasette_metadata(db):
    result = CliRunner().invoke(main, ["datasette-metadata", str(db)])
    meta = json.loads(result.output)
    tables = meta["databases"]["news"]["tables"]
    assert tables["quotes"]["fts_table"] == "quotes_fts"
    assert "publisher" in tables["articles"]["facets"]

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import SEED
from saywho.cli import main

CONTRACT_KEYS = ["id", "source", "url", "publisher", "published", "title", "standfirst", "authors",
                 "text", "boilerplate", "quotes", "people", "language"]


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_cli_extract_one_file_gives_the_contract():
    result = run("extract", str(SEED), "--published", "2018-07-20", "--url", "https://example.org/a")
    assert result.exit_code == 0, result.output
    article = json.loads(result.output)
    assert list(article) == CONTRACT_KEYS
    assert article["id"] == "000_baf42c301885f353"
    assert article["published"] == "2018-07-20"
    assert article["url"] == "https://example.org/a"
    assert "Moscow is ready to discuss" in article["text"]


def test_cli_extract_no_clean_keeps_input_unchanged():
    result = run("extract", "--no-clean", str(SEED))
    assert result.exit_code == 0
    assert json.loads(result.output)["text"] == SEED.read_text(encoding="utf-8")


def test_cli_extract_stdin_jsonl():
    result = run("extract", "--format", "jsonl", "-", input="Mr Smith said it was “fine”.\n")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "stdin"


def test_cli_extract_directory_reports_bad_files_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "d.txt").write_text("A second article. It has one line only.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == ["a", "d"]
    errors = result.stderr.splitlines()
    assert errors == [
        f"error: {tmp_path / 'b.txt'}: input is empty [SW101]",
        f"error: {tmp_path / 'c.txt'}: input looks binary, not text or HTML [SW102]",
        "2 input(s) failed, 2 extracted",
    ]


def test_cli_extract_directory_without_articles_is_an_error(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    result = CliRunner().invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path}: directory holds no .txt, .html, .jsonl or .warc files [SW106]\n"


def test_cli_extract_missing_file_is_one_line():
    result = run("extract", "nowhere.txt")
    assert result.exit_code == 1
    assert result.stderr == "error: nowhere.txt: no such file or directory [SW106]\n"


def test_cli_extract_rejects_bad_date():
    result = run("extract", str(SEED), "--published", "20 July")
    assert result.exit_code == 2
    assert "expected a calendar date as YYYY-MM-DD" in result.output


def test_cli_extract_text_format_is_readable():
    result = run("extract", "--format", "text", str(SEED))
    assert result.exit_code == 0
    assert "Moscow is ready to discuss" in result.output
    assert not result.output.lstrip().startswith("{")

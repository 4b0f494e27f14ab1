from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from saywho.cli import main
from saywho.input.sources import read_paths
from saywho.records import Failure, RawDocument

WARC = Path(__file__).parent / "fixtures" / "warc"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_input_warc_records_one_document_per_html_response(name):
    items = list(read_paths([str(WARC / name)]))
    assert all(isinstance(i, RawDocument) for i in items)
    assert [i.url for i in items] == [
        "https://news.example.com/2024/03/05/harbour.html",
        "https://news.example.com/weather/storm",
        "https://news.example.com/council/budget",
    ]
    assert b"Harbour reopens" in items[0].content


def test_input_warc_records_page_date_first_then_warc_date():
    items = list(read_paths([str(WARC / "crawl.warc.gz")]))
    # The first page declares article:published_time; the others fall back on WARC-Date.
    assert [i.published for i in items] == ["2024-03-05", "2024-03-07", "2024-03-08"]


def test_input_warc_records_cli_emits_one_article_each():
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(WARC / "crawl.warc.gz")])
    assert result.exit_code == 0, result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["url"] for a in articles][0] == "https://news.example.com/2024/03/05/harbour.html"
    assert len(articles) == 3
    first = articles[0]
    assert first["title"] == "Harbour reopens"
    assert first["publisher"] == "Example News"
    assert first["published"] == "2024-03-05"
    assert "three-week closure" in first["text"]
    assert "All rights reserved" not in first["text"]
    assert articles[1]["published"] == "2024-03-07"


def test_input_warc_records_not_a_warc_is_a_failure(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_bytes(b"just some text, not a WARC file\n")
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "SW105"

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from saywho.cli import main
from saywho.input.warc import read_warc
from saywho.records import Failure, RawDocument

WARC = Path(__file__).parent / "fixtures" / "warc"


@pytest.mark.parametrize("name", ["corrupt-member.warc.gz", "corrupt-record.warc"])
def test_input_warc_corrupt_record_reported_and_others_come_out(name):
    items = list(read_warc(str(WARC / name)))
    documents = [i for i in items if isinstance(i, RawDocument)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.url for d in documents] == [
        "https://news.example.com/2024/03/05/harbour.html",
        "https://news.example.com/council/budget",
    ]
    assert len(failures) == 1
    assert failures[0].code == "SW105"
    assert "corrupt WARC record" in failures[0].reason
    assert failures[0].source.endswith("#3")


def test_input_warc_corrupt_truncated_file_keeps_complete_records():
    items = list(read_warc(str(WARC / "truncated.warc.gz")))
    assert sum(isinstance(i, RawDocument) for i in items) == 3
    assert isinstance(items[-1], Failure)
    assert "truncated" in items[-1].reason


def test_input_warc_corrupt_cli_reports_one_line_and_goes_on():
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(WARC / "corrupt-member.warc.gz")])
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "corrupt WARC record" in errors[0]
    assert "Traceback" not in result.output


def test_input_warc_corrupt_html_typed_binary_body_is_a_failure(tmp_path):
    spec = importlib.util.spec_from_file_location("build_warc", WARC / "build_warc.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    path = tmp_path / "binary.warc"
    path.write_bytes(builder.record("https://x.example/a.html", "2024-01-01T00:00:00Z", "\x00\x01\x02\x03" * 200, number=1))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert "binary" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("cut", [30, 200])
def test_input_warc_corrupt_record_shorter_than_its_length(tmp_path, cut):
    path = tmp_path / "short.warc"
    whole = (WARC / "crawl.warc").read_bytes()
    path.write_bytes(whole[: len(whole) - cut])
    items = list(read_warc(str(path)))
    assert [i.url for i in items if isinstance(i, RawDocument)][:2] == [
        "https://news.example.com/2024/03/05/harbour.html",
        "https://news.example.com/weather/storm",
    ]
    assert isinstance(items[-1], Failure) and "truncated WARC record" in items[-1].reason

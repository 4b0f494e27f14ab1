"""Bad HTML input: every case ends in an article or a one-line error, never a traceback."""

from __future__ import annotations

import gzip

import pytest
from click.testing import CliRunner

from saywho import extract
from saywho.cli import main
from saywho.errors import SaywhoError
from saywho.input.html import decode_html, parse_html
from saywho.input.sources import read_paths
from saywho.records import Failure

PARAGRAPH = (
    "The regional council voted on Tuesday to extend the tram line to the university campus, "
    "a decision that ends a debate of almost ten years, the mayor told reporters after the vote."
)


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>Tram line extended</title></head><body>{body}</body></html>"


def test_input_html_bad_binary_that_says_html_is_a_clear_error(tmp_path):
    path = tmp_path / "photo.html"
    path.write_bytes(b"<html>" + bytes(range(256)) * 40)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert "binary" in result.stderr and "[SW102]" in result.stderr
    assert "Traceback" not in result.output


def test_input_html_bad_binary_bytes_to_parse_html_raise_saywho_error():
    with pytest.raises(SaywhoError, match="binary"):
        parse_html(b"<html><body>" + b"\x00\x01\x02\x03\x04\x05" * 500)


def test_input_html_bad_tag_soup_without_text_is_a_clear_error():
    with pytest.raises(SaywhoError, match="no text"):
        parse_html("<html><body><div><img src='a.png'></div></body></html>")


def test_input_html_bad_latin1_declared_but_utf8_served():
    raw = page(f"<p>{PARAGRAPH} Café owners in Zürich said “yes”.</p>", "<meta charset='iso-8859-1'>").encode("utf-8")
    text = decode_html(raw)
    assert "Café owners in Zürich said “yes”." in text


def test_input_html_bad_utf8_declared_but_cp1252_served():
    raw = page(f"<p>{PARAGRAPH} Café owners in Zürich said “yes”.</p>", "<meta charset='utf-8'>").encode("cp1252")
    article = extract(raw)
    assert "Café owners in Zürich said “yes”." in article.text


def test_input_html_bad_shift_jis_declared_and_served():
    raw = page("<p>東京都は火曜日、新しい路面電車の路線を大学まで延長すると発表した。市長は記者団に語った。</p>", "<meta charset='shift_jis'>").encode("shift_jis")
    assert "路面電車" in decode_html(raw)


def test_input_html_bad_bom_wins_over_meta():
    raw = b"\xef\xbb\xbf" + page(f"<p>{PARAGRAPH} Zürich.</p>", "<meta charset='windows-1251'>").encode("utf-8")
    assert "Zürich" in decode_html(raw)


def test_input_html_bad_ten_thousand_nested_divs():
    html = page("<div>" * 10000 + f"<p>{PARAGRAPH}</p>" + "</div>" * 10000)
    article = extract(html)
    assert article.title == "Tram line extended"


def test_input_html_bad_fifty_megabyte_page_is_handled():
    filler = ("<div class='promo'><a href='/x'>More stories</a></div>" * 1_000_000)[: 50 * 1024 * 1024]
    html = page(f"<p>{PARAGRAPH}</p>" + filler).encode("utf-8")
    assert len(html) > 50 * 1024 * 1024
    try:
        article = extract(html)
    except SaywhoError as err:
        assert "\n" not in str(err)
    else:
        assert PARAGRAPH in article.text


def test_input_html_bad_over_the_size_limit_is_a_clear_error():
    with pytest.raises(SaywhoError, match="over the"):
        decode_html(b"<html>" + b" " * (70 * 1024 * 1024))


def test_input_html_bad_truncated_gzip_is_a_failure(tmp_path):
    data = gzip.compress(page(f"<p>{PARAGRAPH}</p>" * 50).encode("utf-8"))
    path = tmp_path / "cut.html.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([str(path)]))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert items[0].code == "SW105"
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "gzip" in result.stderr


def test_input_html_bad_plain_text_named_html_reads_as_text(tmp_path):
    path = tmp_path / "notes.html"
    path.write_text(PARAGRAPH + "\n\nA second paragraph of plain prose follows here, with no markup at all.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(path)])
    assert result.exit_code == 0, result.output
    assert "tram line" in result.stdout


def test_input_html_bad_unclosed_tags_and_stray_bytes():
    raw = b"<html><body><div><p>" + PARAGRAPH.encode() + b"<p>\xff\xfe broken <b>bold <i>italic</div></span></html>"
    article = extract(raw)
    assert "tram line" in article.text


def test_input_html_bad_lone_surrogate_in_text_reads_as_a_question_mark():
    page = parse_html("<html><body><p>The minister said the plan \ud800 would go ahead next spring, aides said.</p></body></html>")
    assert page.paragraphs == ("The minister said the plan ? would go ahead next spring, aides said.",)

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from saywho import extract
from saywho.input.html import parse_html
from saywho.input.html_meta import normalise_date

HTML = Path(__file__).parent / "fixtures" / "html"


def load(name: str) -> bytes:
    return gzip.decompress((HTML / name).read_bytes())


@pytest.mark.parametrize(
    ("name", "title", "published", "publisher"),
    [
        ("latimes-disney.html.gz", "‘We had some issues,’ exec says on Disney+ glitches", "2019-11-20", "Los Angeles Times"),
        ("sciencealert-europa.html.gz", "NASA Just Confirmed There Are Water Plumes Above The Surface of Jupiter's Moon Europa", "2019-11-18", "ScienceAlert"),
        ("expapp-ceo.html.gz", "Introducing Junior Gaspard, New CEO at Experience", "2018-04-09", "Experience"),
        ("bearblog-endies.html.gz", "ENDIES Pt. 1: Tabletop Games", "2025-12-15", "discodanlives"),
    ],
)
def test_input_html_metadata_title_published_publisher(name, title, published, publisher):
    page = parse_html(load(name))
    assert page.title == title
    assert page.published == published
    assert page.publisher == publisher


def test_input_html_metadata_authors_url_language():
    page = parse_html(load("latimes-disney.html.gz"))
    assert page.authors == ("Meg James",)
    assert page.url == "https://www.latimes.com/entertainment-arts/business/story/2019-11-19/disney-plus-kevin-mayer"
    assert page.language == "en"
    assert page.standfirst and "Disney" in page.standfirst


def test_input_html_metadata_extract_gives_article_json():
    article = extract(load("latimes-disney.html.gz"), id="latimes")
    data = article.to_dict()
    assert data["title"] == "‘We had some issues,’ exec says on Disney+ glitches"
    assert data["language"] == "en"
    assert data["text"].startswith("Walt Disney Co. executive Kevin Mayer said overwhelming demand")
    assert data["title"] not in data["text"]


def test_input_html_metadata_date_forms():
    assert normalise_date("2019-11-20T01:50:59.403Z") == "2019-11-20"
    assert normalise_date("November 19, 2019") == "2019-11-19"
    assert normalise_date("19 Nov 2019") == "2019-11-19"
    assert normalise_date("20191119") == "2019-11-19"
    assert normalise_date("yesterday") is None
    assert normalise_date("2019-13-45") is None


def test_input_html_metadata_site_name_dropped_from_title():
    html = (
        "<html><head><title>Harbour reopens after storm | Example News</title>"
        "<meta property='og:site_name' content='Example News'></head><body>"
        "<p>The harbour reopened on Tuesday after a three-week closure, port officials said, and ferries ran.</p>"
        "</body></html>"
    )
    assert parse_html(html).title == "Harbour reopens after storm"

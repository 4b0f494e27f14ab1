from conftest import FIXTURES
from saywho.cleaning import clean_text
from saywho.cleaning.features import page_features
from saywho.cleaning.model import is_appeal
from saywho.cleaning.structure import read_head

CLEAN_ARTICLE = FIXTURES / "cleaning" / "clean_article.txt"


def _article() -> tuple[str, list[str]]:
    text = CLEAN_ARTICLE.read_text(encoding="utf-8")
    headline, *paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return headline, paragraphs


def test_cleaning_clean_input_keeps_every_paragraph():
    headline, paragraphs = _article()
    page = clean_text(CLEAN_ARTICLE.read_text(encoding="utf-8"))
    assert page.title == headline
    assert list(page.paragraphs) == paragraphs
    assert page.boilerplate == ()


def test_cleaning_clean_input_takes_no_lead_paragraph_as_standfirst():
    _, paragraphs = _article()
    page = clean_text(CLEAN_ARTICLE.read_text(encoding="utf-8"))
    assert page.standfirst is None
    assert page.paragraphs[0] == paragraphs[0]


def test_cleaning_clean_input_still_cleans_a_page_with_furniture():
    headline, paragraphs = _article()
    text = "\n\n".join(["Home | News | Sport | Weather", headline, *paragraphs, "Share this article", "© 2026 Alder Gazette. All rights reserved."])
    page = clean_text(text)
    assert "Home | News | Sport | Weather" in page.boilerplate
    assert not any("All rights reserved" in p for p in page.paragraphs)


def test_cleaning_clean_input_reads_us_the_country_as_no_appeal():
    _, paragraphs = _article()
    closing = paragraphs[-1]
    assert "US operator" in closing
    assert not is_appeal(page_features([closing])[0])


def test_cleaning_clean_input_reads_a_full_opening_sentence_as_body_not_standfirst():
    headline, paragraphs = _article()
    texts = [headline, paragraphs[0], paragraphs[1]]
    body = [False, False, True]
    head = read_head(texts, body)
    assert head.title == headline
    assert head.standfirst is None
    assert body == [False, True, True]


def test_cleaning_clean_input_keeps_a_short_dek_as_standfirst():
    headline, paragraphs = _article()
    dek = "Opponents wanted a coastal bus link instead"
    body = [False, False, True]
    head = read_head([headline, dek, paragraphs[1]], body)
    assert head.standfirst == dek
    assert body == [False, False, True]

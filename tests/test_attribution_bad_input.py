"""Hostile text: no exception, every offset inside the text, and linear time."""

from __future__ import annotations

import time

import pytest

from saywho.attribution import attribute


def _check(text: str, seconds: float = 1.0):
    started = time.process_time()
    found = attribute(text, published="2018-07-20", title=text[:200], standfirst=text[:100])
    assert time.process_time() - started < seconds
    fields = {"text": text, "title": text[:200], "standfirst": text[:100]}
    for quote in found.quotes:
        field = fields[quote.field]
        assert 0 <= quote.start <= quote.end <= len(field)
        for span in (quote.mention, quote.cue):
            if span is not None:
                assert 0 <= span.start <= span.end <= len(field)
                assert field[span.start : span.end] == span.text
    return found


def test_attribution_bad_input_unclosed_quote_over_forty_paragraphs():
    text = 'He said: "This never closes.\n\n' + "\n\n".join(
        f"Paragraph {i} says that Mr Smith went to town and nothing was quoted." for i in range(40))
    found = _check(text)
    assert all(q.end - q.start < 200 for q in found.quotes if q.kind != "indirect")


def test_attribution_bad_input_ten_thousand_marks():
    found = _check('"' * 10_000)
    assert not [q for q in found.quotes if q.kind != "indirect"]
    _check("“" * 5_000 + "”" * 5_000)
    _check("'" * 10_000)
    _check(('"a" ' * 2_500) + " she said.")


def test_attribution_bad_input_five_megabyte_paragraph():
    chunk = 'Mr Smith said the "plan" was fine and Jones told Reuters that it would work, according to aides. '
    text = chunk * (5_000_000 // len(chunk))
    _check(text, seconds=2.0)


def test_attribution_bad_input_five_megabyte_paragraph_is_linear():
    chunk = 'Mr Smith said the "plan" was fine, "yes", he added. '
    small = chunk * 2_000
    started = time.process_time()
    attribute(small)
    small_time = time.process_time() - started
    started = time.process_time()
    attribute(small * 8)
    assert time.process_time() - started < 8 * small_time * 3 + 0.5


@pytest.mark.parametrize("text", [
    "« C'est une honte », a déclaré le président Emmanuel Macron jeudi.",
    "„Das ist nicht akzeptabel“, sagte Bundeskanzlerin Angela Merkel am Montag.",
    "«Это неприемлемо», — заявил министр иностранных дел Сергей Лавров.",
    "「これは受け入れられない」と首相は述べた。",
    "",
    "   \n\n  ",
    "\"",
    "he said",
])
def test_attribution_bad_input_other_languages_and_scraps(text):
    _check(text)


def test_attribution_bad_input_apostrophes_are_not_quotes():
    found = _check("Trump's team said the voters' choice was clear. Don't worry, it's 'fine' Mr Smith said.")
    assert all("Don" not in q.quote and "s team" not in q.quote for q in found.quotes if q.kind != "indirect")


def test_attribution_bad_input_every_truncation_of_the_seed(seed_text):
    # a text cut anywhere (mid-quote, mid-cue, mid-name) must still attribute cleanly
    for cut in range(0, len(seed_text), 11):
        _check(seed_text[:cut])
    _check("“It is bad,” Jane Doe said in an interview with")
    _check("“It is bad,” Jane Doe said on")

"""Quote dates in context: a day near the cue, the publication date for a present-tense cue, never a date
inside what was said."""

from __future__ import annotations

from saywho.attribution import attribute
from saywho.attribution.dates import find_date

PUBLISHED = "2016-07-13"  # a Wednesday


def _dates(text: str, published: str | None = PUBLISHED) -> list[str | None]:
    return [q.date for q in attribute(text, published=published).quotes]


def test_attribution_dates_statements_day_name_near_the_cue():
    assert _dates('"We will win," Jane Doe said on Tuesday.') == ["2016-07-12"]


def test_attribution_dates_statements_present_tense_cue_is_the_publication_day():
    assert _dates('"We will win," says Jane Doe, the campaign manager.') == [PUBLISHED]


def test_attribution_dates_statements_past_tense_cue_without_a_day_stays_undated():
    assert _dates('"We will win," Jane Doe said.') == [None]


def test_attribution_dates_statements_date_inside_the_statement_is_not_when_it_was_said():
    dates = _dates("Alex Jones regularly promotes theories about the terrorist attacks of Sept. 11, 2001.")
    assert "2001-09-11" not in dates


def test_attribution_dates_statements_no_publication_date_no_relative_day():
    assert _dates('"We will win," says Jane Doe.', published=None) == [None]


def test_attribution_dates_statements_next_day_name_is_the_future():
    assert find_date("the vote next Monday", PUBLISHED) is None


def test_attribution_dates_statements_day_name_at_the_end_of_reported_words():
    dates = _dates("Keron Blair called for more school investment in a statement on Tuesday.")
    assert dates and dates[-1] == "2016-07-12"


def test_attribution_dates_statements_written_date_in_reported_words_is_their_topic():
    dates = _dates("The union called Clinton a champion, citing her work after the Sept. 11 attacks.")
    assert "2016-09-11" not in dates

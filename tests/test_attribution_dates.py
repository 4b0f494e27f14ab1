"""When it was said: day names, yesterday and written dates against the publication date."""

from __future__ import annotations

import pytest

from saywho.attribution.dates import find_date


@pytest.mark.parametrize("clause, expected", [
    ("On Thursday morning Mr Trump had tweeted", "2018-07-19"),
    ("in Helsinki on Monday", "2018-07-16"),
    ("he said on Friday", "2018-07-20"),
    ("she said yesterday", "2018-07-19"),
    ("said today", "2018-07-20"),
    ("said on July 4", "2018-07-04"),
    ("said on 4 July 2017", "2017-07-04"),
    ("said in December", None),
    ("no date here", None),
])
def test_attribution_dates_against_publication(clause, expected):
    assert find_date(clause, "2018-07-20") == expected


def test_attribution_dates_need_a_publication_date_for_relative_days():
    assert find_date("said on Monday", None) is None
    assert find_date("said on July 4, 2016", None) == "2016-07-04"
    assert find_date("said on Monday", "not a date") is None

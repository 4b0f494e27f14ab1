from __future__ import annotations

from saywho.attribution.reported import find_reported

TEXT = "The minister said the talks had failed. She said “we will try again” next week."


def test_attribution_reported_taken_spans_are_skipped():
    start = TEXT.index("the talks")
    end = TEXT.index(" had failed")
    assert any(s.content_start <= start < s.content_end for s in find_reported(TEXT))
    assert not any(s.content_start < end and s.content_end > start for s in find_reported(TEXT, [(start, end)]))


def test_attribution_reported_quote_marks_left_to_direct_quotes():
    second = TEXT.index("She said")
    assert not any(s.content_end > second for s in find_reported(TEXT))

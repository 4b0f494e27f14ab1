"""Quotation marks found in one pass: pairs, paragraphs, apostrophes, and marks that never close."""

from __future__ import annotations

from saywho.attribution.marks import find_double, find_single


def _words(text):
    return [m.words(text) for m in find_double(text)]


def test_attribution_marks_curly_straight_guillemets_and_two_apostrophes():
    assert _words('He said “one” and "two" and «three» and \'\'four\'\' today.') == ["one", "two", "three", "four"]


def test_attribution_marks_paragraph_reopened_is_one_quote():
    text = "“First paragraph.\n\n“Second paragraph.”"
    marks = find_double(text)
    assert len(marks) == 1
    assert marks[0].words(text) == "First paragraph. Second paragraph."
    assert [text[s:e] for s, e in marks[0].pieces] == ["First paragraph.", "Second paragraph."]


def test_attribution_marks_unclosed_quote_stays_in_its_paragraph():
    text = "“Never closed\n\nNext paragraph has “a quote” in it."
    assert _words(text) == ["a quote"]


def test_attribution_marks_wrong_way_curly_closer():
    assert _words("She called it “abhorrent“ on Sunday.") == ["abhorrent"]


def test_attribution_marks_single_quotes_skip_apostrophes():
    text = "Russia 'open' to Putin visit after Trump's invite, voters' choice"
    assert [m.words(text) for m in find_single(text)] == ["open"]


def test_attribution_marks_offsets_are_inside_the_marks():
    text = 'A "quoted bit" here'
    mark = find_double(text)[0]
    assert text[mark.open_at] == '"' and text[mark.close_at] == '"'
    assert text[mark.start : mark.end] == "quoted bit"


def test_attribution_marks_invisible_direction_mark_before_a_reversed_opener():
    text = "Posts followed.\n\n\u202a”Sorry Sarah, you should have said it!!” posted Sharon Geyer.\n"
    assert _words(text) == ["Sorry Sarah, you should have said it!!"]


def test_attribution_marks_closer_typed_for_an_opener_after_a_comma():
    assert _words("He says,” there are a lot of people who never get listened to.”") == [
        "there are a lot of people who never get listened to."]
    assert _words("He said “yes,” and left. Then “no.”") == ["yes,", "no."]

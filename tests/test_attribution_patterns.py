"""The newspaper patterns, one small text each: marks, cues, speakers, addressees, dates."""

from __future__ import annotations

import pytest

from saywho.attribution import attribute


def _quotes(text, **kwargs):
    return [q for q in attribute(text, **kwargs).quotes if q.kind != "indirect"]


def _one(text, **kwargs):
    quotes = _quotes(text, **kwargs)
    assert len(quotes) == 1, [q.quote for q in quotes]
    quote = quotes[0]
    assert 0 <= quote.start < quote.end <= len(text)
    return quote


@pytest.mark.parametrize("text, speaker, cue", [
    ("“We will win,” Jane Doe said.", "Jane Doe", "said"),
    ('"We will win," said Jane Doe.', "Jane Doe", "said"),
    ("Jane Doe said: “We will win.”", "Jane Doe", "said"),
    ("Jane Doe, who leads the party, said: “We will win.”", "Jane Doe", "said"),
    ("«We will win», Jane Doe said.", "Jane Doe", "said"),
    ("''We will win,'' Jane Doe said.", "Jane Doe", "said"),
    ("“We will win,” Jane Doe, a senator, told reporters.", "Jane Doe", "told"),
])
def test_attribution_patterns_direct(text, speaker, cue):
    quote = _one(text)
    assert quote.kind == "direct"
    assert quote.quote.rstrip(",.") == "We will win"
    assert quote.speaker == speaker
    assert quote.cue.text == cue


def test_attribution_patterns_according_to():
    quote = _one("The plan was “dead on arrival,” according to Senator John Smith.")
    assert quote.kind == "partial"
    assert quote.cue.lemma == "according to"
    assert quote.speaker == "John Smith"


def test_attribution_patterns_told_names_the_addressee():
    quote = _one("Mary Jones told Reuters: “The deal is done.”")
    assert quote.addressee == "Reuters"
    assert quote.cue.lemma == "tell"


def test_attribution_patterns_tweeted_addressee_is_twitter():
    assert _one("Bob Brown tweeted: “Great rally tonight!”").addressee == "Twitter"


def test_attribution_patterns_split_quote_is_one_statement():
    quote = _one("“The first part,” Jane Doe said. “And the second part.”")
    assert quote.quote == "The first part, And the second part."


def test_attribution_patterns_paragraphs_reopened_without_closing():
    text = "Jane Doe said: “The first paragraph.\n\n“The second paragraph.”"
    quote = _one(text)
    assert quote.quote == "The first paragraph. The second paragraph."
    assert text[quote.start : quote.start + 5] == "The f" and text[quote.end - 5 : quote.end] == "raph."


def test_attribution_patterns_nested_single_quotes_stay_inside():
    quote = _one("“He told me ‘no way’ and left,” Jane Doe said.")
    assert quote.quote == "He told me ‘no way’ and left,"


def test_attribution_patterns_scare_quotes_titles_nicknames_are_not_quotes():
    text = ("The so-called “experts” were wrong. She read the book “War and Peace” again. "
            "Gov. C.L. “Butch” Otter arrived. He appeared on ABC's “This Week.”")
    assert _quotes(text) == []


def test_attribution_patterns_apostrophes_are_not_quotes():
    assert _quotes("Trump's aides said the voters' mood didn't matter.") == []


@pytest.mark.parametrize("text, speaker", [
    ("Mary Jones arrived. Later she said: “It is over.”", "Mary Jones"),
    ("John Smith and Mary Jones met. Mr Smith said: “It is over.”", "John Smith"),
    ("Hillary Clinton spoke. Bill Clinton waved. Mrs Clinton said: “It is over.”", "Hillary Clinton"),
    ("Donald Trump spoke. “It is over,” Trump said.", "Donald Trump"),
    ("Senator Mary Jones arrived. “It is over,” the senator said.", "Mary Jones"),
    ("The Associated Press reported the move. “It is over,” AP said.", "Associated Press"),
    ("“It is over,” said Ted Cruz, who trails in the polls.", "Ted Cruz"),
])
def test_attribution_patterns_speaker_resolution(text, speaker):
    assert _one(text).speaker == speaker


def test_attribution_patterns_mention_and_cue_offsets():
    text = "Later, White House spokesman Josh Earnest said: “No comment.”"
    quote = _one(text)
    assert quote.speaker == "Josh Earnest"
    assert text[quote.mention.start : quote.mention.end] == quote.mention.text
    assert "Josh Earnest" in quote.mention.text
    assert text[quote.cue.start : quote.cue.end] == "said"


@pytest.mark.parametrize("text, date", [
    ("On Thursday Jane Doe said: “Yes.”", "2018-07-19"),
    ("Jane Doe said yesterday: “Yes.”", "2018-07-19"),
    ("Jane Doe said on July 4: “Yes.”", "2018-07-04"),
    ("Jane Doe said: “Yes.”", None),
])
def test_attribution_patterns_dates(text, date):
    assert _one(text, published="2018-07-20").date == date


def test_attribution_patterns_headline_single_quotes():
    found = attribute("Nothing here.", title="Minister 'ready' to talk, aide says")
    quote = next(q for q in found.quotes if q.field == "title")
    assert quote.quote == "ready"
    assert quote.cue.text == "says"


def test_attribution_patterns_people_table_gender_and_kind():
    found = attribute("“Yes,” said Sarah Connor. “No,” the Pentagon said. “Maybe,” Mr Reese said.")
    people = {p.name: p for p in found.people}
    assert people["Sarah Connor"].gender == "f"
    assert people["Pentagon"].kind == "organisation"
    assert people["Reese"].gender == "m"


def test_attribution_patterns_dash_credit_and_sentence_initial_said():
    quote = _one("“We can build a better city.” ― Carla Sanchez\n\nMore text follows here.")
    assert quote.speaker == "Carla Sanchez"
    assert quote.cue.text == "―"
    quote = _one("Taxes went up. Said Ryan Ellis: “Nobody wants reform.”")
    assert quote.speaker == "Ryan Ellis"
    assert quote.cue.text == "Said"


def test_attribution_patterns_pronoun_skips_names_inside_quotes():
    text = ('Mr. Obama spoke at length. "My adviser, John Holdren, sends me charts," he said, '
            '"and they are terrifying."')
    assert _one(text).speaker == "Obama"


@pytest.mark.parametrize("text, addressee", [
    ("“It is bad,” Jane Doe said in an interview with CNBC.", "CNBC"),
    ("“It is bad,” Jane Doe wrote on Facebook.", "Facebook"),
    ("“It is bad,” Jane Doe said to reporters.", "reporters"),
    ("Jane Doe said on Monday: “It is bad.”", None),
])
def test_attribution_patterns_said_to_addressee(text, addressee):
    assert _one(text, published="2016-09-14").addressee == addressee


def test_attribution_patterns_headline_role_falls_back_to_the_main_speaker():
    found = attribute("“We are ready,” Mr Antonov told Associated Press. “Soon,” he added.",
                      title="Russia 'open' to talks, envoy says")
    quote = next(q for q in found.quotes if q.field == "title")
    assert quote.speaker == "Antonov"
    assert quote.mention.text == "envoy"

"""Relative pronouns as speakers: 'who' stands for the name right before it, not for a place."""

from __future__ import annotations

from saywho.attribution.people import build_people
from saywho.attribution.resolve import Resolver


def _resolve(text: str, phrase: str) -> str | None:
    people = build_people(text)
    start = text.index(phrase)
    return Resolver(people).resolve(text, start, start + len(phrase))[0]


def test_attribution_speakers_relatives_who_with_its_verb_is_the_name_before():
    text = 'Senators praised Ann Ridley, who took to the talk shows to defend the plan.'
    assert _resolve(text, "who took to the talk shows") == "Ann Ridley"


def test_attribution_speakers_relatives_who_after_a_place_is_the_person_of_it():
    text = 'Voters cheered Sen. Tom Hale of Vermont, who said the plan was "a fraud."'
    assert _resolve(text, "who") == "Tom Hale"


def test_attribution_speakers_relatives_who_after_a_lone_place_is_no_one():
    text = 'Voters in Burlington, Vermont, who said the plan was "a fraud," cheered.'
    assert _resolve(text, "who") is None


def test_attribution_speakers_relatives_noun_before_who_speaks():
    text = 'The plan worried officials who spoke with The Daily Record on Monday.'
    assert _resolve(text, "officials who spoke with The Daily Record") == "officials"


def test_attribution_speakers_relatives_who_with_its_own_subject_is_not_the_name_before():
    text = 'Voters cheered Ann Ridley, who critics said was "a fraud."'
    assert _resolve(text, "who critics") != "Ann Ridley"


def test_attribution_speakers_relatives_the_adviser_of_a_name_is_not_that_name():
    text = ('Ted Cruz met donors on Monday.\n\n'
            '"I think politicians are practical people," said the senior Cruz adviser.')
    assert _resolve(text, "the senior Cruz adviser") is None


def test_attribution_speakers_relatives_someone_who_opening_is_the_subject_after_it():
    text = ('For someone who conceded in a debate that she\'s "not a natural politician," Ann Ridley had a good '
            'night on Tuesday.')
    assert _resolve(text, "who") == "Ann Ridley"


def test_attribution_speakers_relatives_who_after_party_and_state():
    text = 'Senators met. Rep. Tom Hale (R-Kan.), who has seen the emails, said they were "sensitive."'
    assert _resolve(text, "who") == "Tom Hale"
    text = 'Senators met. Senator Ann Ridley, Republican of Arizona, who echoed the speaker, said "no."'
    assert _resolve(text, "who") == "Ann Ridley"

"""Speakers that are no names: a modifier kept instead of the head noun, "it" taken back to a place or a
thing, a fragment around a pronoun, an opening participle."""

from __future__ import annotations

from pathlib import Path

from saywho.attribution import attribute
from saywho.attribution.people import build_people
from saywho.attribution.resolve import Resolver

SEED = Path(__file__).parent / "fixtures" / "000_baf42c301885f353.txt"


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes]


def test_attribution_speaker_noise_demonym_is_no_speaker():
    speakers = _speakers('German politicians said the plan was "a disaster for everyone".')
    assert speakers and "German" not in speakers


def test_attribution_speaker_noise_head_of_possessive_phrase():
    text = "The UK's biggest mortgage lender said prices rose by 2% last month."
    speakers = _speakers(text)
    assert speakers and "UK" not in speakers


def test_attribution_speaker_noise_it_skips_places_and_modifiers():
    text = ("Halifax Bank reported strong results on Monday. Sales grew in the UK and the UK housing market stayed "
            'firm. "We are pleased with the year," it said.')
    direct = [q.speaker for q in attribute(text).quotes if q.kind == "direct"]
    assert direct == ["Halifax Bank"]


def test_attribution_speaker_noise_it_skips_acronym_of_a_thing():
    text = ('The TV licence fee will rise next year. "This is a fair settlement," it said.')
    assert "TV" not in _speakers(text)


def test_attribution_speaker_noise_pronoun_fragment_resolves_the_pronoun():
    text = ('Tony Blair spoke in London on Monday. The plan, which he said was "the right thing to do", '
            "goes to a vote.")
    assert "which he" not in _speakers(text)


def test_attribution_speaker_noise_seed_has_no_fragment_speakers():
    attribution = attribute(SEED.read_text(encoding="utf-8"))
    speakers = {q.speaker for q in attribution.quotes if q.speaker}
    assert not any(s.split()[0].lower() in ("he", "she", "it", "they") for s in speakers)
    assert "European" not in speakers
    people = {p.name: p for p in attribution.people}
    assert "European" not in people
    assert people["Dan Coats"].roles == ("director of national intelligence",)
    assert people["Anatoly Antonov"].kind == "person"


def test_attribution_speaker_noise_it_skips_plural_noun_modifier():
    text = ('Ministers want to bring in ID cards. Opponents say ID cards are costly. "The scheme will not work," '
            "it said.")
    assert "ID" not in _speakers(text)



def test_attribution_speaker_noise_demonym_before_organisation_word():
    text = 'The Russian government said the report was "entirely false".'
    speakers = _speakers(text)
    assert speakers and "Russian" not in speakers



def test_attribution_speaker_noise_relative_clause_subject_speaks():
    text = "The ruling, which the law lords found flawed, was overturned by Lord Bingham."
    resolver = Resolver(build_people(text))
    start = text.index("which")
    speaker, _ = resolver.resolve(text, start, text.index(" found"))
    assert speaker == "law lords"


def test_attribution_speaker_noise_demonym_alone_is_no_speaker():
    text = "Andy Roddick beat Lleyton Hewitt. The American said he was tired."
    resolver = Resolver(build_people(text))
    start = text.index("The American")
    assert resolver.resolve(text, start, start + len("The American")) == (None, None)


def test_attribution_speaker_noise_fragment_opening_with_a_preposition_is_no_speaker():
    text = "With the economic picture brightening, ministers said growth would pick up."
    resolver = Resolver(build_people(text))
    assert resolver.resolve(text, 0, len("With the economic picture")) == (None, None)


def test_attribution_speaker_noise_description_stops_at_its_verb():
    text = "The figures confounded economists, who said growth was slowing."
    resolver = Resolver(build_people(text))
    assert resolver.resolve(text, 0, len("The figures confounded"))[0] == "figures"


def test_attribution_speaker_noise_lone_adjective_is_no_speaker():
    text = "The latest said prices were rising."
    resolver = Resolver(build_people(text))
    assert resolver.resolve(text, 0, len("The latest")) == (None, None)

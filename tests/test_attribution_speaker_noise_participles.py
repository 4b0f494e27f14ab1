"""A lone participle or a 'than ...' phrase left of a broken subject is no speaker."""

from __future__ import annotations

from saywho.attribution.descriptions import noun_phrase_of


def test_attribution_speaker_noise_participles_are_no_description():
    assert noun_phrase_of("seen") is None
    assert noun_phrase_of("shown") is None
    assert noun_phrase_of("came") is None
    assert noun_phrase_of("than 650") is None


def test_attribution_speaker_noise_participles_nouns_stay():
    assert noun_phrase_of("the narrator") == "narrator"
    assert noun_phrase_of("critics of the plan") == "critics of the plan"

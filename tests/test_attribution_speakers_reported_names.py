"""A name inside what another name in the sentence says is not who a role or pronoun after it stands for."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_speakers_reported_names_role_goes_to_the_reporter():
    text = ('Tom Walsh said Friday that it would have been polite had Mary Dunn congratulated him.\n\n'
            '"I was curious to see what she would do," the Republican nominee said at a rally.')
    assert _speakers(text) == ["Tom Walsh"]


def test_attribution_speakers_reported_names_speaker_after_a_non_reporting_verb():
    text = ('The race between Ann Clark and Bob Stone has taken a negative turn, Madeleine Kunin said.\n\n'
            '"His normal demeanor is grumpy," she said.')
    assert _speakers(text) == ["Madeleine Kunin"]

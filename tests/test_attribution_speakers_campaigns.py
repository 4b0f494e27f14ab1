"""A candidate's campaign speaks as an organisation named after the candidate."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_speakers_campaigns_the_name_campaign():
    text = 'Bernie Sanders spoke in Iowa.\n\n"We will win," the Sanders campaign said.'
    assert _speakers(text) == ["Bernie Sanders campaign"]


def test_attribution_speakers_campaigns_possessive():
    text = 'Bernie Sanders spoke in Iowa.\n\n"We will win," Sanders’ campaign said.'
    assert _speakers(text) == ["Bernie Sanders campaign"]


def test_attribution_speakers_campaigns_his_campaign():
    text = 'Bernie Sanders spoke in Iowa on Monday.\n\n"We will win," his campaign said.'
    assert _speakers(text) == ["Bernie Sanders campaign"]

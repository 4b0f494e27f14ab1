"""Pronoun speakers across asides: a photo's caption and the writer's own questions between quotes."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_speakers_asides_caption_names_are_skipped():
    text = ('Mark Dalton said he had received offers for the painting.\n\n'
            'Jane Parker / Reuters.\n\n'
            'Gallery guard Peter Hollis holds up the painting sold by Mark Dalton last year.\n\n'
            '"It is a piece of history," he added.')
    assert _speakers(text) == ["Mark Dalton"]


def test_attribution_speakers_asides_question_object_is_skipped():
    text = ('"They will run out the clock," said Carl Mendel, a law professor.\n\n'
            'But what if the Senate changes hands? Would that help nominees like Paul Shaw?\n\n'
            '"Nobody can say," he said.')
    assert _speakers(text) == ["Carl Mendel", "Carl Mendel"]


def test_attribution_speakers_asides_question_about_a_person_is_answered_by_them():
    text = ('Rubio spoke to voters in Iowa.\n\n'
            'Was Scott Baker satisfied with the answer?\n\n'
            '"To a point," he said.')
    assert _speakers(text) == ["Scott Baker"]


def test_attribution_speakers_asides_caption_pronoun_resolves_inside_it():
    text = ('Ann Lee / Reuters.\n\n'
            'Tom Brandt holds the trophy. "We earned it," he said.')
    assert _speakers(text) == ["Tom Brandt"]

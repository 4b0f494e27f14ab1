"""Pronoun speakers: a pronoun goes on being the sentence's own subject, not a name inside the sentence."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind in ("direct", "partial")]


def test_attribution_speakers_pronouns_subject_pronoun_before_a_name_in_the_sentence():
    text = ('Donald Trump spoke to Bloomberg News in October.\n\n'
            'He thought rates were kept low to help President Obama and that the result, as he later explained, '
            'was an "economic bubble."')
    assert _speakers(text) == ["Donald Trump"]


def test_attribution_speakers_pronouns_relative_clause_pronoun_is_the_subject():
    text = ('Donald Trump spoke in Florida on Tuesday.\n\n'
            'But he could not resist taking swipes at Marco Rubio, who he dubbed "the little senator."')
    assert _speakers(text) == ["Donald Trump"]


def test_attribution_speakers_pronouns_description_that_speaks_carries_on():
    text = ('Carson on why young black men should vote Trump.\n\n'
            'Donald Trump plans to empower the black community by fostering "capital investment," Ben Carson '
            'said Monday.\n\n'
            '"Well first of all, they have to stop and listen. And a lot of it has to do with the economic situation '
            'that exists in this country," the retired neurosurgeon told REVOLT TV in a video.\n\n'
            'The former Republican presidential candidate continued, saying, "You need somebody who understands '
            'economics."')
    assert _speakers(text) == ["Ben Carson", "Ben Carson", "Ben Carson"]


def test_attribution_speakers_pronouns_relative_clause_pronoun_is_not_its_antecedent():
    text = ('Columnist George Will wrote on Friday.\n\n'
            'Instead, Will called for Republicans to back Chris Christie, whom he describes as having '
            '"a prosecutor\'s bearing."')
    assert _speakers(text) == ["George Will"]


def test_attribution_speakers_pronouns_clause_subject_after_an_opening_phrase():
    text = ('One month after announcing his support for Donald Trump, Marco Rubio still believes that the presumptive '
            'GOP nominee is unfit to be commander-in-chief. "I stand by everything I said during the campaign," the '
            'Florida senator told THE WEEKLY STANDARD on Thursday.')
    assert _speakers(text) == ["Marco Rubio"]

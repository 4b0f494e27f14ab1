"""A pronoun does not reach back over many narrative paragraphs to its last named person."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_speakers_reach_far_pronoun_is_unresolved():
    text = ('Senator Mark Hollis opened the meeting on Monday.\n\n'
            'The hall was full of farmers from three counties.\n\n'
            'Prices for grain have fallen for a third year.\n\n'
            'Many farms now rely on loans to plant.\n\n'
            'One farmer stood up at the back of the room.\n\n'
            '"We cannot wait another year," he said.')
    assert _speakers(text) == [None]


def test_attribution_speakers_reach_quote_paragraphs_are_no_distance():
    text = ('"We will fight this," said Mark Hollis, a senator.\n\n'
            '"It is wrong for the state."\n\n'
            '"It is wrong for the farmers."\n\n'
            '"It is wrong for the towns."\n\n'
            '"And we will win," he said.')
    assert _speakers(text)[-1] == "Mark Hollis"

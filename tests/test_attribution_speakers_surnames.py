"""Speaker names from a fresh sample of PolNeAR train errors: surnames that are also common or
organisation words, titles before a surname, and acronyms defined in parentheses."""

from __future__ import annotations

from saywho.attribution import attribute
from saywho.attribution.people import build_people


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind in ("direct", "partial")]


def test_attribution_speakers_surnames_org_word_surname_is_the_person():
    text = ('"We need to diversify," said Atlantic City Mayor Don Guardian.\n\n'
            '"There is a story there," Guardian said.')
    assert _speakers(text) == ["Don Guardian", "Don Guardian"]


def test_attribution_speakers_surnames_newspaper_after_the_stays_the_paper():
    text = "Atlantic City Mayor Don Guardian spoke on Monday. The Guardian reported it."
    people = build_people(text)
    paper = people.mentions[-1]
    assert text[paper.start : paper.end] == "Guardian"
    assert paper.entity.kind == "organisation"


def test_attribution_speakers_surnames_title_before_known_surname():
    text = ('Cleveland Police Chief Calvin Williams lobbied for a ban.\n\n'
            'Chief Williams later admitted that "nobody has been arrested."')
    assert _speakers(text) == ["Calvin Williams"]

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


def test_attribution_speakers_surnames_acronym_in_parentheses_is_the_spelled_name():
    text = ('The request came from Citizens for Responsibility and Ethics in Washington (CREW).\n\n'
            'CREW asked for "records sufficient to show the number of email accounts."\n\n'
            'Officials in Washington said "no records were located."')
    assert _speakers(text)[0] == "Citizens for Responsibility and Ethics in Washington"
    # its last word names no short form of it
    assert build_people(text).by_name["washington"].name == "Washington"


def test_attribution_speakers_surnames_acronym_makes_no_person():
    text = ('The Christian Medical Fellowship (CMF) opposed the bill. Peter Saunders of the CMF said it was wrong. '
            '"Patients will make hasty decisions," he said.')
    assert _speakers(text) == ["Peter Saunders"]
    assert build_people(text).by_name["cmf"].kind == "organisation"


def test_attribution_speakers_surnames_misspelt_surname_is_the_person():
    text = ('State Senate President Steve Sweeney spoke on Wednesday.\n\n'
            '"He put a lot of people out of business," Sweeny said.')
    assert _speakers(text) == ["Steve Sweeney"]


def test_attribution_speakers_surnames_nationality_misspells_no_one():
    people = build_people("Arab Israeli spoke to Moscow. Israel said it would wait.")
    assert people.by_name["israel"].name == "Israel"


def test_attribution_speakers_surnames_sentence_with_lowercase_verb_is_no_headline():
    text = ("Former New York Gov. George Pataki is endorsing John Kasich.\n\n"
            'Pataki says Kasich "has a track record of bringing people together."')
    assert _speakers(text) == ["George Pataki"]


def test_attribution_speakers_surnames_name_ends_before_its_place():
    text = ('Prominent Democrats include Senate Minority Whip Richard J. Durbin of Illinois.\n\n'
            'Durbin said he "has confidence" in the inquiry.')
    assert _speakers(text) == ["Richard J. Durbin"]


def test_attribution_speakers_surnames_programme_named_after_its_host():
    text = ('Clinton appeared on The Rachel Maddow Show on Wednesday.\n\n'
            '"Would you rule it out?" Maddow asked.')
    assert _speakers(text) == ["Rachel Maddow"]


def test_attribution_speakers_surnames_public_body_described_by_whose_it_is():
    text = ("Japan's defence minister spoke on Saturday, while China’s foreign ministry also weighed in.\n\n"
            '"Countries outside the region should stick to their promises," the ministry said in a statement.')
    assert _speakers(text) == ["China’s foreign ministry"]


def test_attribution_speakers_surnames_company_given_as_a_kind_of_company():
    text = ("The filibuster drew attention from local employers such as Monsanto, which opposed the bill. "
            '"We call on other businesses to join us," the company tweeted.')
    assert _speakers(text) == ["Monsanto"]


def test_attribution_speakers_surnames_company_named_far_back_is_not_the_company():
    text = ("Trump has attacked companies such as Ford. Nabisco laid off workers. He spoke for an hour.\n\n"
            '"Who do they think they are?" Trump said of Apple, when the company balked at hacking an iPhone.')
    assert all(q.speaker != "Ford" for q in attribute(text).quotes)


def test_attribution_speakers_surnames_the_group_is_the_body_that_acted():
    text = ('The Trayvon Martin Foundation did not want to address "that person," telling Fox 35 it is focused '
            'on gun violence.\n\n"This election season, we are laser focused on that mission," the group said.')
    assert _speakers(text)[-1] == "Trayvon Martin Foundation"


def test_attribution_speakers_surnames_name_qualifying_a_backer_is_not_who_speaks():
    text = ('Ted Cruz campaigned in South Carolina.\n\n'
            'State Sen. Lee Bright (R), another early Cruz supporter, said: "He is against the establishment."\n\n'
            'A senior Cruz adviser said: "We will win."\n\nA Cruz spokesman said: "We are confident."')
    assert _speakers(text) == ["Lee Bright", None, "Ted Cruz"]

"""The fullest name the article gives: a description before a first name is no part of the name, a title
word that opens a company's name is no title, and an organisation's short form is its full name."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes]


def test_attribution_names_fullest_description_before_first_name():
    found = attribute("Labour MP Stephen Pound said he was shocked. Mr Pound said he was also delighted.")
    assert [q.speaker for q in found.quotes] == ["Stephen Pound", "Stephen Pound"]
    assert {p.name: p.roles for p in found.people}["Stephen Pound"] == ("Labour MP",)


def test_attribution_names_fullest_title_word_inside_a_company_name():
    assert _speakers("General Motors said sales fell.") == ["General Motors"]
    assert _speakers("The Justice Department said it would appeal.") == ["Justice Department"]
    assert _speakers("General David Petraeus said the plan would work.") == ["David Petraeus"]


def test_attribution_names_fullest_newspaper_named_after_a_day():
    assert _speakers("The Sunday Telegraph said the deal was off.") == ["Sunday Telegraph"]


def test_attribution_names_fullest_organisation_short_form():
    text = ("The European Commission fined Microsoft on Monday. The Commission said the company had abused "
            "its position.")
    assert _speakers(text)[-1] == "European Commission"


def test_attribution_names_fullest_capitalised_title_is_no_name():
    text = '"We need more women," Former Secretary of State Madeleine Albright said.'
    assert _speakers(text) == ["Madeleine Albright"]
    assert "Former Secretary" not in {p.name for p in attribute(text).people}


def test_attribution_names_fullest_surname_that_is_a_title_word():
    text = 'Paul King runs the firm. "We are growing," Mr King said.'
    assert _speakers(text) == ["Paul King"]


def test_attribution_names_fullest_surname_that_is_a_common_word():
    found = attribute('George Will wrote a column. "It is sad," Will said. Al From, who founded the DLC, said no.')
    assert [q.speaker for q in found.quotes if q.kind == "direct"] == ["George Will"]
    assert {"George Will", "Al From"} <= {p.name for p in found.people}


def test_attribution_names_fullest_modal_is_no_surname():
    assert "John Will" not in {p.name for p in attribute("When John Will meet them, he will say so.").people}


def test_attribution_names_fullest_name_cut_short_by_the_mention():
    assert _speakers("Theresa May said the plan would not change.") == ["Theresa May"]


def test_attribution_names_fullest_title_cut_from_its_name():
    text = 'Rudy Giuliani came. "No," said Former prosecutor and New York City Mayor Rudy Giuliani.'
    assert _speakers(text)[-1] == "Rudy Giuliani"


def test_attribution_names_fullest_in_paragraph_sentence_full_of_names_is_no_headline():
    text = ('The plan drew criticism. On Twitter, Former Florida Gov. Jeb Bush called Trump "unhinged." '
            "Others agreed.")
    assert "Jeb Bush" in {p.name for p in attribute(text).people}


def test_attribution_names_fullest_abbreviated_title_before_the_name():
    found = attribute('Tory MP Boris Johnson told the BBC it was fine. "We will see," he said.')
    assert [q.speaker for q in found.quotes if q.kind == "direct"] == ["Boris Johnson"]
    assert {p.name: p.roles for p in found.people}["Boris Johnson"] == ("Tory MP",)

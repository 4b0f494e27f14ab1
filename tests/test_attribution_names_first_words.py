"""First names that are also words ('Will', 'April'), and a first of two family names standing alone."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_names_first_words_will_inside_a_sentence():
    text = '"It is expensive," said Will Dorsey, a professor. "Very," Dorsey added.'
    assert _speakers(text) == ["Will Dorsey", "Will Dorsey"]


def test_attribution_names_first_words_month_after_in_is_a_date():
    text = 'The vote was held in May Hartley said. "We won," Hartley said.'
    assert "May Hartley" not in _speakers(text)


def test_attribution_names_first_words_first_of_two_family_names():
    text = ('"Guarantees are good," said Melba Acosta Febo, the bank president.\n\n'
            '"We pay," Ms. Acosta said.')
    assert _speakers(text) == ["Melba Acosta Febo", "Melba Acosta Febo"]

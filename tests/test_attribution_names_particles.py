"""Family names with lowercase particles: 'in 't', 'von der', 'de la', and Arabic articles joined by a hyphen."""

from __future__ import annotations

from saywho.attribution import attribute
from saywho.attribution.people import build_people


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes if q.kind == "direct"]


def test_attribution_names_particles_in_t():
    text = ('"Europe is splitting," said Marieke in \'t Hout, a Dutch member of parliament.\n\n'
            '"It is a risk," In \'t Hout added. "Everywhere," she said.')
    assert _speakers(text) == ["Marieke in 't Hout"] * 3


def test_attribution_names_particles_two_particles():
    text = '"We will act," said Karin von der Brug. "Soon," von der Brug added.'
    assert _speakers(text) == ["Karin von der Brug"] * 2


def test_attribution_names_particles_capitalised_particle_later():
    text = '"We lost," said Pieter van Hoek. "Badly," Van Hoek added.'
    assert _speakers(text) == ["Pieter van Hoek"] * 2


def test_attribution_names_particles_joined_arabic_article():
    text = '"We stay," said Faisal al-Hamdan. "Always," Hamdan added. "Yes," Al-Hamdan said.'
    assert _speakers(text) == ["Faisal al-Hamdan"] * 3


def test_attribution_names_particles_in_is_no_particle_before_a_place():
    text = 'Sophie in Paris said: "No."'
    assert _speakers(text) == ["Sophie"]



def test_attribution_names_particles_group_known_as_is_no_person():
    people = build_people("Reports said a terrorist group known as Ansar al-Sharia was involved.")
    assert people.by_name["ansar al-sharia"].kind == "organisation"


def test_attribution_names_particles_demonym_pair_before_a_noun_is_no_person():
    people = build_people("Arab officials met on Monday.\n\nArab Israeli lawmakers called on the government to act.")
    assert people.by_name["arab israeli"].kind != "person"

"""Role phrases as speakers: the person the article gives the role, the person named just before, an
organisation a spokesman or "the firm" stands for; never a role merged into someone who holds another."""

from __future__ import annotations

from saywho.attribution import attribute


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in attribute(text).quotes]


def _roles(text: str) -> dict[str, tuple[str, ...]]:
    return {p.name: p.roles for p in attribute(text).people}


def test_attribution_people_roles_role_is_not_merged_into_another_title():
    text = ("The government must act on the ruling, Mary Robinson has said. The former Irish president told "
            "Radio 4 the response would be watched. Home Secretary Charles Clarke has said detainees will "
            "not be freed.")
    roles = _roles(text)
    assert "Irish president" not in " ".join(roles.get("Charles Clarke", ()))
    assert roles["Charles Clarke"] == ("Home Secretary",)


def test_attribution_people_roles_role_right_after_a_name_is_that_person():
    text = ('Tony Blair has apologised to two families. The prime minister said: "I am very sorry that they '
            'suffered such an ordeal."')
    assert _speakers(text)[-1] == "Tony Blair"


def test_attribution_people_roles_unnamed_role_is_no_speaker():
    text = ('Home Secretary Charles Clarke set out the plan. Ministers deny they acted late. "It will be '
            'toughened up," the prime minister said.')
    speakers = _speakers(text)
    assert "Charles Clarke" not in speakers[-1:]
    assert "prime minister" not in speakers


def test_attribution_people_roles_indefinite_role_is_someone_new():
    text = 'Gerhard Schroeder met the board on Monday. "No decision was taken," a spokesman said.'
    assert _speakers(text)[-1] is None


def test_attribution_people_roles_spokesman_for_an_organisation_speaks_for_it():
    text = "The plan was dropped. A spokesman for the Home Office said it would not comment."
    assert _speakers(text)[-1] == "Home Office"


def test_attribution_people_roles_the_company_is_the_company_named():
    text = ("EMI said sales fell by 8% in the year. The company said it would cut 1,500 jobs worldwide.")
    assert _speakers(text)[-1] == "EMI"


def test_attribution_people_roles_deputy_is_another_role():
    text = ('Deputy Prime Minister John Prescott told the BBC the plan was right. "We will not change course," '
            "the prime minister said.")
    assert _speakers(text)[-1] != "John Prescott"


def test_attribution_people_roles_title_before_an_honorific():
    roles = _roles("Deputy Prime Minister Mr Prescott told BBC News the plan was right.")
    assert roles["Prescott"] == ("Deputy Prime Minister",)


def test_attribution_people_roles_predicate_is_no_title():
    text = ("Gordon Brown set out his plans. Many wonder how good a prime minister Gordon Brown will make, "
            "the paper said.")
    assert "prime minister" not in _roles(text)["Gordon Brown"]


def test_attribution_people_roles_other_kind_of_minister_is_another_role():
    text = ("Aid minister Hilary Benn set out his plans for Africa. The visit was seen as a rival camp. "
            "Later the prime minister denied any split.")
    assert "prime minister" not in _roles(text)["Hilary Benn"]

"""People roles from descriptions: a role the article uses after naming someone goes to them only when it
surely describes them (BBC politics: Blair is not the chancellor, Howard not the prime minister)."""

from __future__ import annotations

from saywho.attribution import attribute


def _roles(text: str) -> dict[str, tuple[str, ...]]:
    return {p.name: p.roles for p in attribute(text).people}


def test_attribution_roles_described_office_after_the_person_named():
    text = ("Tony Blair seems certain to call a general election on 5 May.\n\n"
            "Despite panics that the prime minister was on the verge of calling a snap poll, the date held.")
    assert "prime minister" in _roles(text)["Tony Blair"]


def test_attribution_roles_described_two_people_named_before_is_no_ones():
    text = ("Tony Blair faces questions after a week of talk about his relationship with Gordon Brown.\n\n"
            "Meanwhile, the chancellor is leaving Britain on a tour of Africa.")
    roles = _roles(text)
    assert "chancellor" not in roles["Tony Blair"]


def test_attribution_roles_described_him_in_the_roles_clause_is_someone_else():
    text = ("Mr Blair then changed his mind in June 2004, amid suspicion the chancellor was manoeuvring against him."
            " Tony Blair said so.")
    assert "chancellor" not in _roles(text).get("Tony Blair", ())


def test_attribution_roles_described_office_in_the_same_sentence_is_someone_else():
    text = ("On Wednesday Tony Blair said he hoped the former home secretary would serve again in government.")
    assert "home secretary" not in _roles(text).get("Tony Blair", ())


def test_attribution_roles_described_office_used_for_another_earlier():
    text = ("Mr Brown pointedly refused to deny claims the prime minister had reneged on a deal. Gordon Brown "
            "set out a rival manifesto.\n\nThe prime minister responds by scheduling his press conference.")
    assert "prime minister" not in _roles(text).get("Gordon Brown", ())


def test_attribution_roles_described_bare_institution_is_no_role():
    text = ("First Minister Jack McConnell spoke on Wednesday. Mr McConnell went on to signal that the executive "
            "would play its part in the campaign.")
    roles = _roles(text)["Jack McConnell"]
    assert "executive" not in roles
    assert "First Minister" in roles


def test_attribution_roles_described_two_offices_are_two_people():
    text = ('Tony Blair is prime minister. Gordon Brown is chancellor. '
            '"We are friends," the prime minister and chancellor said.')
    attribution = attribute(text)
    assert [q.speaker for q in attribution.quotes if q.kind == "direct"] == [None]
    assert "prime minister" not in {p.name: p.roles for p in attribution.people}["Gordon Brown"]


def test_attribution_roles_described_office_and_candidacy_are_one_person():
    text = 'Marco Rubio spoke in Miami. "We will win," the Florida senator and Republican presidential candidate said.'
    attribution = attribute(text)
    assert [q.speaker for q in attribution.quotes] == ["Marco Rubio"]
    assert {"Florida senator", "Republican presidential candidate"} <= set(attribution.people[0].roles)


def test_attribution_roles_described_role_set_before_the_name():
    text = ('Sanders\'s campaign manager, Jeff Weaver, spoke on Monday. "I think that\'s right," said Weaver. '
            '"I think the evidence is strong" than that of the CIA chief, Zuckoff said.')
    roles = _roles(text)
    assert "campaign manager" in roles["Jeff Weaver"]
    assert not any("chief" in role for role in roles.get("Zuckoff", ()))

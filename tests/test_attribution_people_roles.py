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


def test_attribution_people_roles_pronoun_prefers_who_spoke_last():
    text = ('The race between Hillary Clinton and Bernie Sanders has turned negative and that will take time to '
            '"cool off," Madeleine Kunin said. "His normal demeanor is grumpy," she said.')
    assert _speakers(text)[-1] == "Madeleine Kunin"


def test_attribution_people_roles_addressee_is_no_speaker_for_the_pronoun():
    text = ('The board told Sarah Jones the news, and Mary Smith said nothing at first. "It will work," she said.')
    assert _speakers(text)[-1] == "Mary Smith"


def test_attribution_people_roles_titled_name_of_unknown_gender_takes_he():
    text = ("Jens Stoltenberg called on the regime to stop. Yukiya Amano, director general of the agency, said "
            'the test was a breach. "I strongly urge them to comply," he said.')
    assert _speakers(text)[-1] == "Yukiya Amano"


def test_attribution_people_roles_person_noun_after_a_name():
    text = ('It was Donald Trump who commanded most of the attention. Appearing on CBS, the GOP front-runner said '
            'Clinton "caused tremendous death".')
    speakers = [q.speaker for q in attribute(text).quotes if q.kind != "indirect" or q.mention]
    assert "Donald Trump" in speakers and "GOP" not in speakers


def test_attribution_people_roles_document_speaks_for_its_issuer():
    text = 'Ash Carter spoke with his counterpart, according to a Pentagon readout. A Pentagon readout said talks went well.'
    assert "Pentagon" in _speakers(text)


def test_attribution_people_roles_appositive_role_is_the_name_before():
    text = ('The attack was condemned. Jean-Marc Ayrault, the foreign minister of France, said it was '
            '"a crime against humanity".')
    resolver_speakers = _speakers(text)
    assert "Jean-Marc Ayrault" in resolver_speakers


def test_attribution_people_roles_role_after_description_chain():
    text = ("Mike Pence says too much is made of the tweets. The Republican vice presidential nominee was "
            'speaking in Fort Wayne. The Indiana governor said the media "are to blame".')
    assert _speakers(text)[-1] == "Mike Pence"


def test_attribution_people_roles_plural_name_that_speaks_is_no_he():
    text = ('Analysts said the results were poor. Dan Smith, a trader, agreed. "It was a bad year," he said.')
    assert _speakers(text)[-1] == "Dan Smith"


def test_attribution_people_roles_possessor_is_not_the_role_holder():
    text = 'Marco Rubio was there. "We will win," Rubio’s deputy campaign manager, Rich Beeson, said.'
    assert _speakers(text)[-1] == "Rich Beeson"


def test_attribution_people_roles_unnamed_aide_is_no_one():
    text = "Tony Blair spoke in London. Mr Blair's official spokesman said the plan would go ahead."
    assert _speakers(text)[-1] is None


def test_attribution_people_roles_title_before_first_name_of_an_organisation_word():
    roles = _roles('"It is a disaster," Atlantic City Mayor Don Guardian said.')
    assert roles == {"Don Guardian": ("Atlantic City Mayor",)}


def test_attribution_people_roles_subject_ends_at_its_head_noun():
    text = ('Marco Rubio spoke over boos. The Florida senator sought to calm his supporters, saying the person '
            'would "not get beat up" at his rally.')
    speakers = _speakers(text)
    assert "Marco Rubio" in speakers and not any(s and "sought" in s for s in speakers)


def test_attribution_people_roles_person_noun_speaking_after_a_name():
    text = ('"Trump plans to empower the community," Ben Carson said Monday. "They have to stop and listen," the '
            "retired neurosurgeon told REVOLT TV.")
    assert _speakers(text)[-1] == "Ben Carson"


def test_attribution_people_roles_organisation_called_by_its_kind():
    text = ("The State Department released the emails on Thursday. The department said it will add the missing "
            "data in January.")
    assert _speakers(text)[-1] == "State Department"


def test_attribution_people_roles_unnamed_member_of_an_organisation_is_no_one():
    text = ('Donald Trump has won the primary. "It is rigged," the GOP nominee said of the system.')
    assert "GOP" not in _speakers(text)


def test_attribution_people_roles_family_name_first_after_a_title():
    text = ('In September 2013, Chinese President Xi Jinping chose Astana to announce his plan. The two nations, '
            'Xi said, have a "golden opportunity".')
    assert "Xi Jinping" in _speakers(text)


def test_attribution_people_roles_honorific_takes_a_surname_not_a_first_name():
    text = 'Tory MP Howard Flight resigned. "It was right," Mr Howard said.'
    assert "Howard Flight" not in _speakers(text)


def test_attribution_people_roles_role_goes_to_who_spoke_not_who_was_named_last():
    text = ('Tony Blair has had the chance to tackle the problems and has failed, Michael Howard has said. '
            '"Britain is heading in the wrong direction," the Conservative leader said.')
    assert _speakers(text)[-1] == "Michael Howard"
    assert "Conservative leader" not in " ".join(_roles(text).get("Tony Blair", ()))


def test_attribution_people_roles_possessed_role_is_not_the_possessor_s():
    text = "Chancellor Gordon Brown's closest ally has denied suggestions of a giveaway."
    assert "Chancellor Gordon Brown's closest ally" not in _roles(text).get("Gordon Brown", ())


def test_attribution_people_roles_same_office_despite_a_plain_modifier():
    text = ("Popular Christian and corporate speaker Lance Wallnau believes he has a word for Donald Trump. "
            'In the video, he sends a message. "My dear Michael," the conference speaker says into the camera.')
    assert _speakers(text)[-1] == "Lance Wallnau"


def test_attribution_people_roles_party_tells_offices_apart():
    text = ("Lib Dem leader Charles Kennedy spoke first. "
            '"We will cut taxes," the Tory leader said.')
    assert _speakers(text)[-1] != "Charles Kennedy"


def test_attribution_people_roles_speaker_of_unknown_gender_takes_she():
    text = ("Jennifer Ping and 34-year state Sen. Pat Miller were on the slate. Contacted by POLITICO, a terse "
            'Miller agreed that she was not in the Trump camp. "I am supporting Tom Selleck," she said.')
    assert _speakers(text)[-1] == "Pat Miller"

"""Which quotes of a paragraph are one statement: a clause of another act between two quotes keeps them apart."""

from __future__ import annotations

from saywho.attribution import attribute


def _quotes(text: str):
    return [(q.quote, q.speaker, q.cue.text if q.cue else None) for q in attribute(text).quotes]


def test_attribution_merge_clauses_joins_quotes_around_one_cue():
    text = ("Jane Ebeling lives in Chicago.\n\n"
            "“Tell her I promised you a picture,” Ebeling said. “We were all in the same grade.”\n")
    quotes = attribute(text).quotes
    assert len(quotes) == 1
    assert "picture" in quotes[0].quote and "same grade" in quotes[0].quote
    assert quotes[0].speaker == "Jane Ebeling"


def test_attribution_merge_clauses_another_subject_keeps_quotes_apart():
    text = ("Jane Ebeling lives in Chicago.\n\n"
            "“Tell her I promised you a picture,” Ebeling said, and her husband cut in. "
            "“Don’t forget Betsy’s husband Tom.”\n")
    quotes = _quotes(text)
    assert len(quotes) == 2
    assert "picture" in quotes[0][0] and quotes[0][1] == "Jane Ebeling" and quotes[0][2] == "said"
    assert "Betsy" in quotes[1][0] and "picture" not in quotes[1][0]
    assert quotes[1][2] == "cut"


def test_attribution_merge_clauses_participle_object_is_another_statement():
    text = ("Deja Stewart is a student.\n\n"
            "“Savage,” Stewart said, meaning that he’s “radical enough and doesn’t care what people think.”\n")
    quotes = _quotes(text)
    assert len(quotes) == 2
    assert quotes[1][2] == "meaning"
    assert quotes[1][1] == "Deja Stewart"


def test_attribution_merge_clauses_finished_participle_clause_still_joins():
    text = ("Deja Stewart is a student.\n\n"
            "“He is the one,” Stewart said, referring to Sanders. “Nobody else comes close to him.”\n")
    quotes = attribute(text).quotes
    assert len(quotes) == 1
    assert "Nobody" in quotes[0].quote


def test_attribution_merge_clauses_capitalised_will_before_its_verb_is_the_columnist():
    text = ("Columnist George Will attacked Donald Trump this week.\n\n"
            "In Orlando, Will described Trump as a “caricature of democracy” and more.\n\n"
            "“Will he win?” asked Ann Smith.\n")
    quotes = {q.quote: q for q in attribute(text).quotes if q.kind in ("direct", "partial")}
    assert quotes["caricature of democracy"].speaker == "George Will"
    assert quotes["caricature of democracy"].mention.text == "Will"
    assert quotes["Will he win?"].speaker == "Ann Smith"


def test_attribution_merge_clauses_two_roles_of_one_person_and_with_subject():
    text = ("Sen. Marco Rubio responded first, ripping into President Barack Obama late Tuesday night.\n\n"
            "\"I have been warning throughout this campaign,\" the Florida senator and Republican presidential "
            "candidate said in a statement.\n\n"
            "Donald Trump held a rally. Some of his supporters kicked a Black Lives Matter protester, with Trump "
            "reportedly yelling: “Get him the hell out of here!”\n")
    quotes = {q.quote: q for q in attribute(text).quotes if q.kind == "direct"}
    warning = quotes["I have been warning throughout this campaign,"]
    assert warning.speaker == "Marco Rubio"
    assert warning.mention.text == "the Florida senator and Republican presidential candidate"
    yelled = quotes["Get him the hell out of here!"]
    assert yelled.mention.text == "Trump" and yelled.speaker == "Donald Trump"


def test_attribution_merge_clauses_participle_after_for_is_not_the_cue():
    text = "Reince Priebus spoke in Boston.\n\nPriebus criticized Romney for suggesting that immigrants should “self-deport.”\n"
    quote = next(q for q in attribute(text).quotes if q.quote == "self-deport.")
    assert quote.cue.text == "criticized"
    assert quote.speaker == "Reince Priebus"


def test_attribution_merge_clauses_quote_in_opening_participle_takes_it_as_cue():
    text = ("Al Gore will skip the convention.\n\n"
            "Citing “obligations in Tennessee,” the former vice president’s spokeswoman told POLITICO that Gore "
            "plans to skip it.\n")
    quote = next(q for q in attribute(text).quotes if q.quote.startswith("obligations"))
    assert quote.cue.text == "Citing"
    assert "spokeswoman" in quote.mention.text


def test_attribution_merge_clauses_unpaired_mark_or_first_person_keeps_one_statement():
    # paragraphs run together with a quotation reopened and never closed: the words between are the quote's own
    text = ('ONGC chief Subir Raha spoke in Delhi.\n\n"At current prices, our cash flow is good," he told Reuters. '
            '"What we are saying is - Gazprom has gas and we have the money. "The investment may go up to $20bn."\n')
    quotes = attribute(text).quotes
    assert all(q.cue is None or q.cue.text in ("told", "said") for q in quotes)
    assert all(q.speaker in (None, "Subir Raha") for q in quotes)


def test_attribution_merge_clauses_the_agency_is_the_department_that_acted():
    text = ("The State Department also said on Thursday that it fell short of its goal.\n\n"
            "“We have worked diligently to come as close to the goal as possible,” said the agency, which fell "
            "about 2,000 pages short.\n")
    quote = next(q for q in attribute(text).quotes if q.kind == "direct")
    assert quote.speaker == "State Department"


def test_attribution_merge_clauses_possessive_title_of_a_paper_is_whole():
    text = ("Kashgar sits on the old Silk Road.\n\n"
            "Today, the People's Daily newspaper calls it \"the pearl\" on the Silk Road Economic Belt.\n")
    quote = next(q for q in attribute(text).quotes if q.quote.startswith("the pearl"))
    assert quote.speaker == "People's Daily"


def test_attribution_merge_clauses_titles_joined_by_and_before_a_singular_verb_are_one_person():
    text = ("Katie Couric has a long career.\n\n"
            "Yahoo News and former TV network anchor Katie Couric has promoted humility in speeches, advising "
            "graduates to \"become members of the two-H club.\"\n")
    quote = next(q for q in attribute(text).quotes if q.quote.startswith("become"))
    assert quote.speaker == "Katie Couric"
    assert quote.mention.text.endswith("Katie Couric")


def test_attribution_merge_clauses_dash_credit_before_a_colon_names_the_writer():
    text = ("Polls were close in Iowa.\n\n"
            "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one: keep on contacting voters.”\n")
    quote = next(q for q in attribute(text).quotes if q.kind == "direct")
    assert quote.mention.text == "Carl Bialik"
    assert quote.cue.text == ":"

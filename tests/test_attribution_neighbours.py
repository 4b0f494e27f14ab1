"""Quotes whose cue is beside their own clause: a rare verb after the quote, or the sentence before it."""

from __future__ import annotations

import pytest

from saywho.attribution import attribute


def _direct(text):
    return [q for q in attribute(text).quotes if q.kind != "indirect"]


@pytest.mark.parametrize("text, mention, cue", [
    ("“France will always be France,” an angry Hollande retaliated.", "an angry Hollande", "retaliated"),
    ("“This is fantastic!” beamed Donald Hartley of Madison.", "Donald Hartley of Madison", "beamed"),
    ('"We need him," his wife, Gabriela Lazar, wrote in a letter.', "his wife, Gabriela Lazar", "wrote"),
    ("“Not us but can’t argue with it!” Murphy, the head of the group, Tweeted on Friday.",
     "Murphy, the head of the group", "Tweeted"),
    ('"People point the finger at Wall Street," From said.', "From", "said"),
])
def test_attribution_neighbours_verb_after_the_quote(text, mention, cue):
    quotes = _direct(text)
    assert len(quotes) == 1
    assert quotes[0].mention.text == mention
    assert quotes[0].cue.text == cue


def test_attribution_neighbours_relative_clause_verb_is_not_the_cue():
    quote = _direct("“Clinton needs a strategy,” Nate Silver, the guru who founded the site, tweeted on Wednesday.")[0]
    assert quote.cue.text == "tweeted"


def test_attribution_neighbours_sentence_before_attributes_a_whole_sentence_quote():
    quote = _direct('Dianne Bystrom agreed. "Mainstream Republicans are running out of time."')[0]
    assert quote.mention.text == "Dianne Bystrom"
    assert quote.cue.text == "agreed"


def test_attribution_neighbours_split_statement_stays_one_quote():
    quotes = _direct("“The first part,” Jane Doe said. “And the second part.”")
    assert len(quotes) == 1


def test_attribution_neighbours_quote_paragraph_after_a_reported_statement():
    text = "Then Kerry said that 100,000 would be accepted.\n\n\"That adds up to 185,000 over two years.\"\n"
    quote = _direct(text)[0]
    assert quote.mention.text == "Kerry"
    assert quote.cue.text == "said"


def test_attribution_neighbours_quote_paragraph_after_a_quoted_one_is_not_recredited():
    text = "“Are they small hands?” Trump said.\n\n“He referred to my hands. I guarantee you, there’s no problem.”\n"
    assert len(_direct(text)) == 1


def test_attribution_neighbours_main_verb_attributes_a_long_phrase_inside_a_sentence():
    quote = _direct("Germany’s Chancellor Angela Merkel heralded the deal with Turkey as “a breakthrough for all of us.”")[0]
    assert quote.cue.text == "heralded"
    assert "Angela Merkel" in quote.mention.text


def test_attribution_neighbours_main_verb_leaves_short_phrases_alone():
    assert _direct("Senator Smith heralded the deal as a “breakthrough.”") == []


def test_attribution_neighbours_later_clause_introduces_the_next_quote():
    text = ('"We know we have got work to do," she told a cheering crowd, then referred to the slogan. '
            '"But that work is not to make America great."')
    quotes = _direct(text)
    assert [q.cue.text for q in quotes] == ["told", "referred"]


def test_attribution_neighbours_colon_paragraph_without_a_speech_verb_introduces_the_quote():
    text = 'Partial transcript as follows:\n\n"We lost Americans serving in embassies. That is when I did."\n'
    quote = _direct(text)[0]
    assert quote.cue.text.endswith(":")


def test_attribution_neighbours_heading_over_headline_credits_is_no_speaker():
    text = 'SHORT READS:\n\n—"Star refused to get a breast reduction," by the Post\'s Amy Spencer.\n'
    assert _direct(text) == []


def test_attribution_neighbours_long_quotation_ending_the_next_sentence_goes_on_with_the_argument():
    text = ("Brill has argued that the law was crippled from the outset. As a result, there's still "
            "“a very powerful industry that has the freedom to charge whatever.”")
    quote = _direct(text)[0]
    assert (quote.mention.text, quote.cue.text) == ("Brill", "argued")


def test_attribution_neighbours_quote_paragraph_after_an_attributed_quote_goes_on_with_it():
    text = ("“Ted Cruz is the best candidate,” Viguerie tells Breitbart News in an interview.\n\n"
            "“He is what we waited for. He checks all our boxes.”\n\nOther news.")
    quotes = _direct(text)
    assert len(quotes) == 1
    assert quotes[0].quote.endswith("He checks all our boxes.")
    assert quotes[0].speaker == "Viguerie"

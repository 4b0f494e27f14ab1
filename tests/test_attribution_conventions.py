"""PolNeAR's attribution conventions, learnt from its train split, one small text each."""

from __future__ import annotations

import pytest

from saywho.attribution import attribute


def _quote(text, words):
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect" and words in q.quote]
    assert len(quotes) == 1, [q.quote for q in attribute(text).quotes]
    return quotes[0]


@pytest.mark.parametrize("text, words, mention, cue", [
    # a relayed statement is the relayer's
    ("“I will win,” Jane Doe said, according to John Roe.", "I will win", "John Roe", "according to"),
    ("According to the Daily Planet, Jane Doe praised her “wonderful donors” on Monday.", "wonderful donors",
     "the Daily Planet", "According to"),
    ("In a national poll released Monday, most voters said they were “extremely enthusiastic” about it.",
     "extremely enthusiastic", "a national poll released Monday", "In"),
    # the one who issued the statement, not the statement
    ("Jane Doe issued a statement saying the plan was “a disaster for farmers.”", "a disaster", "Jane Doe",
     "issued a statement saying"),
    # a time phrase between subject and verb
    ("Senator Jane Doe last week said the plan was “a disaster for farmers.”", "a disaster", "Senator Jane Doe",
     "said"),
    # the outer speaker of "X said he called it"
    ("Jane Doe said he called the plan “a disaster for farmers.”", "a disaster", "Jane Doe", "said"),
    # a fronted clause's "said that" is not the main clause's
    ("After John Roe said that the plan would pass, Jane Doe said: “It will not.”", "It will not", "Jane Doe",
     "said"),
    # the nearest of two coordinated verbs
    ("Jane Doe called the vote a sham and likened the count to “a banana republic.”", "banana republic",
     "Jane Doe", "likened"),
    # a colon with no speech verb: the predicate is the cue
    ("Jane Doe lobbies for a higher minimum wage: “No one who works should live in poverty.”", "No one",
     "Jane Doe", "lobbies for a higher minimum wage:"),
])
def test_attribution_conventions_mention_and_cue(text, words, mention, cue):
    quote = _quote(text, words)
    assert quote.mention.text == mention
    assert text[quote.cue.start : quote.cue.end] == cue


def test_attribution_conventions_adding_starts_a_new_quote():
    text = ("“We will win,” Jane Doe said, adding that the count was not over. “The people have spoken.”")
    second = _quote(text, "The people have spoken")
    assert second.cue.text == "adding"
    assert second.speaker == "Jane Doe"
    first = _quote(text, "We will win")
    assert "The people" not in first.quote


@pytest.mark.parametrize("text", [
    "“Cake Boss” star Buddy Valastro said he liked the governor.",
    "To top it off, “Chi-Raq,” a movie about the city, opens this week, the mayor said.",
])
def test_attribution_conventions_titles_are_not_quotes(text):
    assert [q.quote for q in attribute(text).quotes if q.kind != "indirect"] == []


def test_attribution_conventions_adding_after_a_quoted_show_title_is_its_own_cue():
    text = ('“He would be the best nominee, but he has no chance,” Graham said on MSNBC\'s "Morning Joe," adding, '
            '“His problem is he is an insider in an outsider year.”')
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [q.cue.text for q in quotes] == ["said", "adding"]
    assert [q.mention.text for q in quotes] == ["Graham", "Graham"]


@pytest.mark.parametrize("text, mention", [
    ("Proponents of the new bill, however, say it would act as an “umpire” in the states.", "Proponents"),
    ("Yet another said, “Rubio is in a five-person battle” for second place.", "another"),
    ('A former candidate -- John McCain, who lost in 2008 -- said the president "offered no changes."',
     "A former candidate"),
])
def test_attribution_conventions_subject_across_an_aside(text, mention):
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [q.mention.text for q in quotes] == [mention]


def test_attribution_conventions_sentence_break_inside_an_earlier_quote_keeps_the_later_cue():
    text = ('"I am just not ready to do that at this point. I am not there right now," Ryan said on CNN, '
            'though he said, "I hope to."')
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [(q.mention.text, q.cue.text) for q in quotes] == [("Ryan", "said"), ("he", "said")]


def test_attribution_conventions_said_with_a_day_then_a_participle_clause():
    text = ("Hollande has joined the critics.\nTrump’s “excesses” are sickening, Hollande said Tuesday in Paris, "
            "noting the Republican nominee “makes you want to retch.”")
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [(q.mention.text, q.cue.text) for q in quotes] == [("Hollande", "said"), ("Hollande", "noting")]


def test_attribution_conventions_but_clause_quote_has_its_own_cue():
    text = ('In somber comments, Trump called the assault that killed five officers "an attack on our country," '
            'but he also noted the "senseless, tragic deaths" of black men.')
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [(q.mention.text, q.cue.text) for q in quotes] == [("Trump", "called"), ("he", "noted")]


def test_attribution_conventions_participle_after_a_that_clause_quote_is_its_own_cue():
    text = ('To wit, Trump told Newsmax that Mitt Romney “had a crazy policy of self-deportation,” adding, '
            '“He lost all of the Latino vote.”')
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert [q.cue.text for q in quotes] == ["told", "adding"]


def test_attribution_conventions_commented_that_is_a_cue():
    quote = _quote("He commented that his network “held on” Trump during her event.", "held on")
    assert quote.cue.text == "commented"


def test_attribution_conventions_bare_form_after_a_singular_word_is_a_noun():
    text = "Which swing state is she going to win with her message of gun control and Republicans as the “enemy,” then?"
    assert [q for q in attribute(text).quotes if q.kind != "indirect" and q.cue and q.cue.text == "state"] == []
    quote = _quote("Officials say the plan is “dead on arrival” in the Senate.", "dead on arrival")
    assert quote.cue.text == "say"


@pytest.mark.parametrize("text, mention", [
    ("Trump has hailed the vote as “fantastic,” telling reporters in Scotland that it is “a great thing.”", "Trump"),
    ("PHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a statement on Monday, "
     "offering “a deep and sincere apology” to Sanders.", "The Democratic National Committee"),
    ("WASHINGTON (AP) — Hours after Trump released a proposal, Hillary Clinton’s aide rallied supporters, "
     "saying: “We have to be ready to stop him.”", "Hillary Clinton’s"),
])
def test_attribution_conventions_participle_speaker_is_the_sentence_subject(text, mention):
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect"]
    assert quotes[0].mention.text.startswith(mention)


@pytest.mark.parametrize("text, words, mention, cue", [
    ("Clinton made history. Democrats had “put the biggest crack” yet in the glass ceiling for women, she said in "
     "a video message to the convention.", "put the biggest crack", "she", "said"),
    ("Still, the fact that the race “is a dead heat right now,” as Cruz said on Glenn Beck’s program on Monday, "
     "only magnifies the stakes.", "dead heat", "Cruz", "said"),
    ('He said his boss was kind. But, said Solovey, "I do not want to drum up conflict."', "drum up", "Solovey",
     "said"),
])
def test_attribution_conventions_cue_in_an_aside_or_a_long_closing_clause(text, words, mention, cue):
    quote = _quote(text, words)
    assert (quote.mention.text, quote.cue.text) == (mention, cue)

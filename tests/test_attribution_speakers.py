"""Speaker names and closing cues: the patterns the PolNeAR train error analysis turned up."""

from __future__ import annotations

from saywho.attribution import attribute


def _only(text: str):
    quotes = [q for q in attribute(text).quotes if q.kind in ("direct", "partial")]
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_attribution_speakers_closing_cue_with_aside():
    quote = _only('That would create a "summer of agony" for Clinton, said Brad Bannon, a Democratic pollster.')
    assert quote.speaker == "Brad Bannon"
    assert quote.cue.text == "said"


def test_attribution_speakers_closing_cue_with_trailing_phrase():
    quote = _only('"Boots on the ground" would be appropriate, Republican candidate Ben Carson said after the attacks.')
    assert quote.speaker == "Ben Carson"


def test_attribution_speakers_short_quote_after_question_is_no_nickname():
    text = 'Neil Sroka runs the group.\n\nWould you say his impact could be big? "That\'s fine," Sroka said.'
    assert _only(text).speaker == "Neil Sroka"


def test_attribution_speakers_quipped_is_a_cue():
    quote = _only('"I may have to leave the stage," Ted Cruz quipped.')
    assert quote.cue.lemma == "quip"
    assert quote.speaker == "Ted Cruz"


def test_attribution_speakers_inverted_cue_before_name():
    text = 'Roger Stone spoke on the radio.\n\nStated Stone: "The stakes are so high."'
    assert _only(text).speaker == "Roger Stone"


def test_attribution_speakers_head_of_titled_name():
    text = 'Clinton campaign spokesman Brian Fallon responded on Twitter, calling the charge "pathetic."'
    assert _only(text).speaker == "Brian Fallon"


def test_attribution_speakers_pronoun_skips_modifier_name():
    text = ('Mitch McConnell leads the Senate. McConnell spokesman Don Stewart would not say when.\n\n'
            '"I have no announcements yet," he said.')
    assert _only(text).speaker == "Don Stewart"


def test_attribution_speakers_participle_aside_after_name():
    text = 'Larry David, playing Bernie Sanders on Saturday Night Live, explained: "The young people love me."'
    assert _only(text).speaker == "Larry David"


def test_attribution_speakers_learnt_verb_after_full_stop_is_not_the_cue():
    text = ('"They grow up in American families," said Sen. Amy Klobuchar. "We need to ensure they are recognized." '
            'Bills were introduced last year in the Senate.')
    quotes = [q for q in attribute(text).quotes if q.kind in ("direct", "partial")]
    assert all(q.cue.text != "introduced" for q in quotes)
    assert {q.speaker for q in quotes} == {"Amy Klobuchar"}


def test_attribution_speakers_learnt_verb_after_comma_beats_colon_clause():
    text = 'Then there was the most obvious change of all: "It is about time," offered actress Jamie Lee Curtis.'
    quote = _only(text)
    assert quote.cue.text == "offered"
    assert quote.speaker == "Jamie Lee Curtis"


def test_attribution_speakers_credit_line_after_quote_paragraph():
    text = ('The silence has been deafening.\n\n"I went to Wall Street before the crash."\n\n- Hillary Clinton.\n\n'
            'Clinton tends to overstate it.')
    quote = _only(text)
    assert quote.speaker == "Hillary Clinton"
    assert quote.cue.text == "-"


def test_attribution_speakers_closing_cue_before_long_asides():
    text = ('"We are extremely happy" about the decision, said RoseAnn DeMoro, executive director of National Nurses '
            'United, a union that has broken away from many other groups.')
    quote = _only(text)
    assert quote.speaker == "RoseAnn DeMoro"


def test_attribution_speakers_quote_paragraph_continues_reported_statement():
    text = ('Defense Secretary Ash Carter said that critics had predicted a withdrawal, but it would not happen.\n\n'
            '"That is because this region is home to half the world\'s people."\n\nThe talks went on.')
    quotes = [q for q in attribute(text).quotes if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Ash Carter"]
    assert quotes[0].cue.text == "said"


def test_attribution_speakers_less_common_speech_verbs():
    for verb in ("barked", "surmised", "scoffed", "groused"):
        quote = _only(f'"Go back to Univision," Donald Trump {verb}.')
        assert quote.cue.text == verb
        assert quote.speaker == "Donald Trump"


def test_attribution_speakers_nested_quote_closing_first():
    text = 'Meantime "It\'s easy for her to say \'I\'m the only one with experience,\'" Mark Green said.'
    quote = _only(text)
    assert quote.speaker == "Mark Green"


def test_attribution_speakers_contracted_pronoun_subject():
    text = 'Marco Rubio spoke in Nevada.\n\nHe’s predicting he will do "very, very well" in the next contest.'
    quote = _only(text)
    assert quote.mention.text == "He"
    assert quote.speaker == "Marco Rubio"

"""Speakers named after their verb (inverted or passive) and subjects after a fronted phrase."""

from __future__ import annotations

import pytest

from saywho.attribution import attribute


def _quote(text, words):
    quotes = [q for q in attribute(text).quotes if q.kind != "indirect" and words in q.quote]
    assert len(quotes) == 1, [q.quote for q in attribute(text).quotes]
    return quotes[0]


@pytest.mark.parametrize("text, words, mention, cue", [
    # an inverted verb after a fronted phrase names its speaker after it
    ("Because of how the party wrote the calendar, explained Jane Doe, “this thing will be over by March.”",
     "this thing", "Jane Doe", "explained"),
    ("In other words, explained CBS moderator Jane Doe: “What does that have to do with it?”", "What does",
     "CBS moderator Jane Doe", "explained"),
    # a verb with an object keeps its subject before it
    ("John Roe, who was listed on the slate, told POLITICO, “I like the governor best.”", "I like", "John Roe",
     "told"),
    # the agent of a passive asking verb is the source
    ("Jane Doe was asked by host John Roe, who backs her, “Are you tired of the emails?”", "Are you tired",
     "host John Roe", "asked"),
    # a possessive noun phrase for a body or an aide speaks; the statement it put out does not
    ("His office put out a statement saying the country “cannot vet every refugee.”", "cannot vet", "His office",
     "put out a statement saying"),
    ("Her campaign quickly blasted out an email to supporters stating, “We are winning.”", "We are winning",
     "Her campaign", "blasted out an email to supporters stating"),
    # an opening participle or adverb phrase comes before the subject
    ("Reached by POLITICO, John Roe denied the report, explaining that he was “taking a day off.”",
     "taking a day off", "John Roe", "explaining"),
    ("Shortly after the call ended, John Roe’s campaign sent out a press release saying he owes “an explanation.”",
     "an explanation", "John Roe’s campaign", "sent out a press release saying"),
    # a verb coordinated after a clause of its own takes that clause's subject, not the sentence's first name
    ("Asked by a reporter if Clinton would hold a press conference, he laughed and said, “We’ll see.”", "We’ll see",
     "he", "said"),
    ("For that she drew Trump's ire - he called her “weak” and said she had “zero support” there.", "zero support",
     "he", "said"),
    ("In an interview with journalist Jane Roe last year, John Doe said he welcomed it and added, “I’ll plead guilty.”",
     "plead guilty", "John Doe", "added"),
    # a partial quote after its clause's own verb: that verb, not a participle after the quote
    ("He said that is a “distortion,” describing the security team as highly accomplished.", "distortion", "He",
     "said"),
    ("At the same time, Obama remarked upon the fact that there is still “more work to do,” noting weak growth.",
     "more work", "Obama", "remarked"),
    # "according to" after the quote stays the source
    ("The witness saw the “flash of light,” according to the report.", "flash of light", "the report",
     "according to"),
    # a participle after a speech verb is that verb's speaker's, after another verb the outer speaker's
    ("John Roe cannot say that “from his perspective,” Jane Doe added, saying it should be “up to the prosecutor.”",
     "up to the prosecutor", "Jane Doe", "saying"),
    ("John Roe said the race reminds him of the book titled “The Tragedy,” explaining, “because of what could have "
     "been.”", "because of what", "John Roe", "explaining"),
    # "that" before a name is a complementizer, not part of the name
    ("It was three years ago that Michael Bloomberg, who may run, said it was “impossible” for him to win.",
     "impossible", "Michael Bloomberg", "said"),
    # the next of a list of verb phrases has the list's subject, not the object before its comma
    ("The candidate has mocked a disabled newspaper reporter, referred to immigrants as “rapists” and more.",
     "rapists", "The candidate", "referred"),
    ("Jane Roe, a Chicago-based radio host considered one of the most influential, recalled “the moment.”",
     "the moment", "Jane Roe", "recalled"),
    # a quoted title right before the subject is no preposition's object ('on "CBS This Morning," Sanders said')
    ('Asked why he waited, during an appearance Friday on "CBS This Morning," John Roe said he had not "heard her '
     'say it."', "heard her", "John Roe", "said"),
    # a publication reporting the whole sentence at its end is the source, as "according to" is
    ("Fans also chanted, “Build a wall,” referring to the candidate’s vow, the Chicago Tribune reports.",
     "Build a wall", "the Chicago Tribune", "reports"),
    ("Jane Doe noted that it is “central” to the platform for the first time, reported the Washington Examiner.",
     "central", "the Washington Examiner", "reported"),
    # a quote inside a relative clause is that clause's, not the main verb's after it
    ("John Roe, who estimates that his legal costs were “in the seven figures,” described the impact as grave.",
     "in the seven figures", "who", "estimates"),
    # an inverted verb and a name before a colon
    ("Stated Jane Doe: “I think the stakes are so high.”", "the stakes", "Jane Doe", "Stated"),
    # a title, its name between commas, then the verb: both are the speaker, the object after the verb is not
    ("“Positions are gonna soften,” Rep. John Roe’s chief of staff, Joe Kasper, told POLITICO on Monday.",
     "Positions are", "Rep. John Roe’s chief of staff, Joe Kasper", "told"),
    # "with" and an organisation's whole name before a participle; a participle after "and" pairs with the one before
    ("Unions backed her early, with the American Federation of Teachers calling her “the champion families need.”",
     "the champion", "the American Federation of Teachers", "calling"),
    ("Republicans were quick to chime in, with Donald Trump tweeting that it was a “disaster” and asking, “How can "
     "someone with such bad judgement be our next president?”", "How can someone", "Donald Trump", "asking"),
    ("Then he cut into Bush, calling him a “stiff” and accusing him of acting like a “spoiled child.”",
     "spoiled child", "he", "accusing"),
    # back over a list of verb phrases to the clause that has a subject
    ("Last month, when I asked John Roe if he would endorse her, he looked into my camera, furrowed his brow and "
     "said, “I'm gonna endorse YOU!”", "gonna endorse", "he", "said"),
    # a passive perception verb is no subject; "-More from X:" credits X
    ("“Should there be a database of them?” a reporter can be heard asking the candidate after an event.",
     "Should there be", "a reporter", "asking"),
    ("Signs of a shift were there all along -More from Jane Doe and John Roe: “Data collected by our firm confirm it.”",
     "Data collected", "Jane Doe and John Roe", ":"),
    ("Jane Doe and her backers tried to tie him to the governor, with one of her ads asking, “Is he independent?”",
     "Is he independent", "one of her ads", "asking"),
    # an adverb between the comma and its participle
    ("Jane Doe has expressed frustration about her face-off with John Roe later this month, recently telling a friend "
     "that she is perplexed about “which John will show up.”", "which John", "Jane Doe", "telling"),
    # a participle right after a "where/as/when" clause is what that clause's subject does
    ("Jane Doe spoke down the street, where about 50 protesters had gathered on Wednesday, chanting “no contract, no "
     "peace” all morning.", "no contract", "about 50 protesters", "chanting"),
    ("“Is it two?” Jane Doe asks as a maintenance guy walks in front of her, saying he’s “here to fix the wall.”",
     "here to fix", "a maintenance guy", "saying"),
    # not a phrase after "as" that has no verb of its own
    ("She quickly noted her years as senator representing the state, saying “we faced difficult challenges.”",
     "difficult challenges", "She", "saying"),
    # an age and a place between commas, and an amount of time before "ago", are no subject
    ('Cory James, 22, of Flint, Mich., said he could pull a convention "surprise," because he could never vote.',
     "surprise", "Cory James", "said"),
    ("Maria Roe, 45, a teacher from Ohio, said the plan was “a disaster for farmers.”", "a disaster", "Maria Roe",
     "said"),
    ("The State Department less than two weeks ago said for the first time that “top secret” material had passed.",
     "top secret", "The State Department", "said"),
    # a speech noun with its owner after a preposition or "and" is the cue, the owner the source
    ("Jane Doe, a Clinton supporter, fanned controversy over her remark that “there’s a special place in hell.”",
     "special place", "her", "remark"),
    ("As for John Roe’s mangling of “Hamas,” Jane Doe found comic relief in it.", "Hamas", "John Roe’s", "mangling"),
    # not after a verb of speech, which stays the cue
    ("Jane Doe also repeated his claim that “nobody builds walls better.”", "nobody builds", "Jane Doe", "repeated"),
    ("She came under fire over her assertion during the debate that “we now finally are where we need to be.”",
     "we now finally", "her", "assertion"),
    ("The attacks stand out for the suggestion by a potential president that someone “ought to look into” the judge.",
     "ought to look", "a potential president", "suggestion"),
    # the cue runs from the verb that issues a document to the participle, and the issuer speaks
    ("He sent out a fundraising email as the committee meeting began vowing to “fight for every vote.”",
     "fight for every", "He", "sent out a fundraising email as the committee meeting began vowing"),
    ("Jane Doe issued a statement saying the plan was “a disaster for farmers.”", "a disaster", "Jane Doe",
     "issued a statement saying"),
    # the speech verb right before the quote is its cue, not a participle after it; a name may end in "ing"
    ("Boreing said the members will still meet, but said, “It’s time we change how we do it,” promising a return.",
     "time we change", "Boreing", "said"),
    # a quotation ends the noun phrase before a name
    ('The former secretary will play the "woman card," Jane Doe said, adding that the way to go after it "is to attack '
     'her record."', "is to attack", "Jane Doe", "adding"),
    ("Speaking on Fox News channel’s “Sunday Morning Futures,” Rep. John Roe said the plan was “a disaster.”",
     "a disaster", "Rep. John Roe", "said"),
    # "began"/"kept" before a participle is no subject
    ('Bob said he began calling Libyan groups and making an effort to "help get eyes up," a reference to drones.',
     "help get eyes", "Bob", "said"),
    ('The employee first said he did not recall it, but in a later interview said he had an "Oh, no" moment then.',
     "Oh, no", "The employee", "said"),
    # a fronted "If ..." clause comes before the subject
    ('If he wins the presidency, John Roe has indicated he would try to curb critics, vowing to "open up" libel laws.',
     "open up", "John Roe", "vowing"),
    # a verb coordinated inside a "when" clause has that clause's subject, after a list of verb phrases the list's
    ("The anxiety was underscored Wednesday when House Speaker John Roe of Wisconsin lamented the state of the "
     "campaign and criticized the “identity politics” on display.", "identity politics",
     "House Speaker John Roe of Wisconsin", "criticized"),
    ("He mocked his rivals, talked over them as they answered questions and even assured the crowd that he can "
     "“guarantee” it.", "guarantee", "He", "assured"),
])
def test_attribution_clauses_speaker_and_cue(text, words, mention, cue):
    quote = _quote(text, words)
    assert quote.mention is not None and quote.mention.text == mention
    assert quote.cue is not None and quote.cue.text == cue


def test_attribution_clauses_possessive_of_a_thing_does_not_speak():
    text = "His standing improved after the shootings, and his call for “a total ban” on visitors drew fire."
    assert all(q.mention is None or q.mention.text != "His standing" for q in attribute(text).quotes)


def test_attribution_clauses_asked_question_has_no_speaker():
    text = "Asked whether Jane Doe “has the integrity to serve,” 75 percent of Democrats said yes."
    quote = _quote(text, "has the integrity")
    assert quote.cue is not None and quote.cue.text == "Asked"
    assert quote.mention is None


def test_attribution_clauses_long_predicate_before_colon_is_the_cue():
    text = ("Former candidate Jane Doe broke down exactly what was wrong with the image and the message to the Dutch "
            "newspaper NRC Handelsblad: “What he did was so insensitive.”")
    quote = _quote(text, "so insensitive")
    assert quote.mention is not None and quote.mention.text == "Former candidate Jane Doe"
    assert quote.cue is not None and quote.cue.text.startswith("broke down exactly") and quote.cue.text.endswith(":")


def test_attribution_clauses_coordinated_clause_after_and_has_its_own_subject():
    text = ("Before the appearance, a group of rabbis called for a boycott of his speech, and the prominent civil rights "
            "organization the Anti-Defamation League strongly denounced the rhetoric and said it would “redirect” all "
            "of his past donations.")
    quote = _quote(text, "redirect")
    assert quote.mention is not None and quote.mention.text.startswith("the prominent civil rights organization")
    assert quote.cue is not None and quote.cue.text == "said"

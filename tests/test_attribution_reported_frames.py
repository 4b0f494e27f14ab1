"""Cue frames that say nobody stated anything: denied, passive, hypothetical; sources that run into a verb."""

from __future__ import annotations

from saywho.attribution.reported import find_reported
from saywho.attribution.reported_text import source_head


def _by_cue(text, cue):
    return [s for s in find_reported(text) if text[s.cue_start:s.cue_end] == cue]


def test_attribution_reported_frames_denied_cue_never_takes_the_clause_before():
    text = "While the minister tweeted the two men discussed trade, he did not mention a possible referendum."
    for speech in find_reported(text):
        content = text[speech.content_start:speech.content_end]
        assert not (text[speech.cue_start:speech.cue_end].endswith("mention") and "tweeted" in content)
    (tweeted,) = _by_cue(text, "tweeted")
    assert text[tweeted.content_start:tweeted.content_end] == "the two men discussed trade"


def test_attribution_reported_frames_coordinated_cue_ends_the_content():
    text = "The senator did not mention a possible referendum, and has not revealed specifics of the talks."
    speeches = _by_cue(text, "did not mention")
    assert speeches
    assert text[speeches[0].content_start:speeches[0].content_end] == "a possible referendum"


def test_attribution_reported_frames_passive_topic_is_no_statement():
    text = "It came as a surprise to the director, who was on stage in Aspen, where he was informed of the invitation."
    assert _by_cue(text, "informed") == []


def test_attribution_reported_frames_passive_with_clause_stays():
    text = "The mayor was told that the bridge would close for three weeks in March."
    speeches = _by_cue(text, "told")
    assert [text[s.content_start:s.content_end] for s in speeches] == ["the bridge would close for three weeks in March"]


def test_attribution_reported_frames_source_cut_before_its_verb():
    text = "Tory spokesman also criticised the government"
    start, end = source_head(text, (0, len(text)))
    assert text[start:end] == "Tory spokesman"
    text = "The band has sold"
    assert text[slice(*source_head(text, (0, len(text))))] == "The band"


def test_attribution_reported_frames_source_keeps_adjectives_and_prepositions():
    for text in ("The embattled minister", "Russia’s top envoy to the US", "White House press secretary Sarah Sanders"):
        assert source_head(text, (0, len(text))) == (0, len(text))


def test_attribution_reported_frames_verb_phrase_is_no_source():
    text = "is also the most effective way"
    assert source_head(text, (0, len(text))) == (-1, -1)


def test_attribution_reported_frames_seed_non_statements(seed_text):
    body = seed_text[seed_text.index("Moscow is ready"):seed_text.index("hold sway.") + len("hold sway.")]
    speeches = find_reported(body)
    cues = {body[s.cue_start:s.cue_end] for s in speeches}
    assert "informed" not in cues and "support" not in cues
    for s in speeches:
        if body[s.cue_start:s.cue_end] == "did not mention":
            assert body[s.content_start:s.content_end] == "a possible referendum"


def test_attribution_reported_frames_passive_subject_is_the_addressee():
    text = "Mr Blair was asked if the SAS had also been in the country. The mayor was told that the bridge would close."
    found = {text[s.content_start:s.content_end]: s for s in find_reported(text)}
    for content, addressee in (("if the SAS had also been in the country", "Mr Blair"),
                               ("the bridge would close", "The mayor")):
        speech = found[content]
        assert speech.source_start == -1
        assert text[speech.addressee_start:speech.addressee_end] == addressee


def test_attribution_reported_frames_hearsay_subject_is_no_speaker():
    text = "The chancellor is said to be far more sceptical about private finance. Mr Brown said he would meet his rules."
    speeches = {text[s.content_start:s.content_end]: s for s in find_reported(text)}
    assert speeches["to be far more sceptical about private finance"].source_start == -1
    mr_brown = speeches["he would meet his rules"]
    assert text[mr_brown.source_start:mr_brown.source_end] == "Mr Brown"

from __future__ import annotations

from saywho.attribution.reported import candidates, find_reported
from saywho.attribution.reported_model import load_model


def _sources(text):
    return {text[s.cue_start:s.cue_end]: text[s.source_start:s.source_end] if s.source_start >= 0 else None
            for s in find_reported(text)}


def _features(text, cue):
    (found,) = [c for c in candidates(text, (), load_model()) if text[c.speech.cue_start:c.speech.cue_end] == cue]
    return found.features


def test_attribution_reported_sources_drop_auxiliaries_and_negation():
    text = "The senator has not said whether he will run for a second term."
    assert _sources(text)["said"] == "The senator"


def test_attribution_reported_sources_first_person_copula_is_not_the_speaker():
    text = "I am convinced that pop music needs no money from the taxpayer."
    assert "I am" not in _sources(text).values()


def test_attribution_reported_sources_determiner_alone_is_no_speaker():
    for text in ("The fear is that prices will rise again next year.",
                 "Despite urging from ministers, the bank refused to cut its rates."):
        assert not any(source in ("The", "Despite") for source in _sources(text).values())


def test_attribution_reported_sources_verb_frame_features():
    assert "frame:neg" in _features("A lawyer for Mills did not respond to a request for comment.", "respond")
    assert "frame:passive" in _features("He was informed that the court had ruled against him on Monday.", "informed")
    assert "frame:modal" in _features("I will remind them that we are all Americans first.", "remind")


def test_attribution_reported_sources_colon_list_is_not_a_statement():
    text = "Replacements: Peel, Wilson, Thompson, Parling, Sititi."
    assert not [c for c in candidates(text, (), load_model()) if "pat:colon" in c.features]


def test_attribution_reported_sources_colon_transcript_line_is_a_clause():
    text = "CLINTON: Honestly, I mean, I just do not know what he wants."
    (found,) = [c for c in candidates(text, (), load_model()) if "pat:colon" in c.features]
    assert "content_clause" in found.features
    assert text[found.speech.source_start:found.speech.source_end] == "CLINTON"


def test_attribution_reported_sources_fragments_are_no_speakers():
    text = ("How about bringing the show back to the big screen? Some 4% of those questioned thought the "
            "Tories were in power. I'm convinced that pop music needs money from the taxpayer.")
    sources = {text[c.speech.source_start:c.speech.source_end] for c in candidates(text, (), load_model())
               if c.speech.source_start >= 0}
    assert not sources & {"How", "of those", "I'm"}


def test_attribution_reported_sources_inverted_cue_after_a_quote_reads_no_content_after():
    text = "“We have not met the goal this month,” said the agency, which fell 2,000 pages short of the target."
    assert not any(text[s.cue_start:s.cue_end] == "said" for s in find_reported(text))


def test_attribution_reported_sources_comma_source_drops_auxiliaries():
    text = "''It is bad for the town,'' said the mayor, who was angry about the vote."
    features = candidates(text, (), load_model())
    sources = {text[c.speech.source_start:c.speech.source_end] for c in features if c.speech.source_start >= 0}
    assert "who was" not in sources

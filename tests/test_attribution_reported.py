from __future__ import annotations

from saywho.attribution.reported import find_reported

SEED_INDIRECT = [
    ("Moscow is ready to discuss a visit to Washington by president Vladimir Putin", "has said",
     "Russia’s top envoy to the US"),
    ("the two men discussed a possible referendum in eastern Ukraine", "claimed", "He"),
    ("the president had instructed national security adviser John Bolton to approach Mr Putin and invite him "
     "to the nation’s capital in the autumn", "tweeted", "White House press secretary Sarah Sanders"),
    ("Mr Antonov gave a few more details of what Mr Trump and Mr Putin talked about in Helsinki", "said", "AP"),
    ("the two men discussed Ukraine", "tweeted", "Mr Trump"),
]


def _seed_body(seed_text: str) -> str:
    start = seed_text.index("Moscow is ready")
    end = seed_text.index("hold sway.") + len("hold sway.")
    return seed_text[start:end]


def _found(body, content, cue, source, speeches):
    start = body.index(content)
    end = start + len(content)
    for s in speeches:
        if s.content_start < end and s.content_end > start:
            if body[s.cue_start:s.cue_end] == cue and body[s.source_start:s.source_end] == source:
                return True
    return False


def test_attribution_reported_seed_statements(seed_text):
    body = _seed_body(seed_text)
    speeches = find_reported(body)
    found = [content for content, cue, source in SEED_INDIRECT if _found(body, content, cue, source, speeches)]
    assert len(found) >= 4, found


def test_attribution_reported_seed_content_has_no_quote_marks(seed_text):
    body = _seed_body(seed_text)
    for s in find_reported(body):
        assert not any(mark in body[s.content_start:s.content_end] for mark in "\"“”")


def test_attribution_reported_content_is_the_clause():
    text = "Moscow is ready to discuss a visit, Russia's top envoy has said."
    (speech,) = [s for s in find_reported(text) if text[s.cue_start:s.cue_end] == "has said"]
    assert text[speech.content_start:speech.content_end] == "Moscow is ready to discuss a visit"
    assert text[speech.source_start:speech.source_end] == "Russia's top envoy"
    assert speech.cue_lemma == "say"


def test_attribution_reported_that_clause_and_addressee():
    text = "The senator told reporters that the bill would pass before the summer recess."
    speeches = [s for s in find_reported(text) if text[s.cue_start:s.cue_end] == "told"]
    assert len(speeches) == 1
    speech = speeches[0]
    assert text[speech.content_start:speech.content_end] == "the bill would pass before the summer recess"
    assert text[speech.addressee_start:speech.addressee_end] == "reporters"
    assert text[speech.source_start:speech.source_end] == "The senator"
    assert speech.cue_lemma == "tell"


def test_attribution_reported_according_to():
    text = "According to the Associated Press, the two leaders met for two hours in Helsinki."
    speeches = [s for s in find_reported(text) if s.cue_lemma == "according to"]
    assert len(speeches) == 1
    speech = speeches[0]
    assert text[speech.source_start:speech.source_end] == "the Associated Press"
    assert text[speech.content_start:speech.content_end] == "the two leaders met for two hours in Helsinki"

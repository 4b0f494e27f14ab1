from __future__ import annotations

import time

from saywho.attribution.reported import find_reported


def _check(text: str) -> list:
    start = time.process_time()
    speeches = find_reported(text)
    # A guard against quadratic behaviour (minutes on these inputs), not a speed figure.
    assert time.process_time() - start < 10
    for s in speeches:
        assert 0 <= s.content_start < s.content_end <= len(text)
        assert 0 <= s.cue_start < s.cue_end <= len(text)
        assert s.source_start == -1 or 0 <= s.source_start < s.source_end <= len(text)
        assert s.addressee_start == -1 or 0 <= s.addressee_start < s.addressee_end <= len(text)
    return speeches


def test_attribution_reported_empty_and_blank():
    assert _check("") == []
    assert _check("   \n\n  ") == []


def test_attribution_reported_huge_paragraph():
    sentence = "the official said the plan was ready and according to aides it would pass, he told them "
    text = sentence * (5_000_000 // len(sentence))
    _check(text)
    _check(("The minister said the talks had failed. " * 50 + "\n") * 100)


def test_attribution_reported_many_quote_marks():
    _check("He said “yes” and " * 5_000)
    _check("“" * 10_000 + " she said the vote was fair")


def test_attribution_reported_unbalanced_marks():
    _check("“He said the vote was fair. ” She said “ no. ‘ They told us that ’’ it was")


def test_attribution_reported_other_languages():
    _check("Le ministre a dit que les négociations avaient échoué. Er sagte, dass es regnet.")
    _check("他说会谈失败了。 Он сказал, что переговоры провалились. قال الوزير إن المحادثات فشلت")


def test_attribution_reported_cue_only():
    _check("said")
    _check("according to")
    _check(", said.")


def test_attribution_reported_long_text_offsets():
    text = "x" * 150_000 + "\nThe minister said the talks had failed.\n" + "y " * 60_000
    speeches = [s for s in _check(text) if text[s.cue_start:s.cue_end] == "said"]
    assert len(speeches) == 1
    speech = speeches[0]
    assert text[speech.content_start:speech.content_end] == "the talks had failed"
    assert text[speech.source_start:speech.source_end] == "The minister"

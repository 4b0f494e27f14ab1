"""The speed-ups' shortcuts give what the plain readings give: cue matching over lower-cased text, the mark
passes that skip to the next mark, and the tokenizer's dot splitting."""

from __future__ import annotations

from saywho.attribution.marks import find_double, find_single
from saywho.attribution.reported_model import load_model
from saywho.attribution.text import Token, tokenize


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_attribution_fastpaths_cue_matches_agree_with_ignorecase() -> None:
    model = load_model()
    texts = [
        "He SAID that the plan, According  To aides, was “dead,” she Told reporters.",
        "The ſaid letter and the Kelvin sign in “K said”: no ASCII folding is assumed.",
        "İstanbul officials said; the mayor’s office later Denied it.",
        "",
    ]
    for text in texts:
        assert _spans(model.cue_matches(text)) == _spans(model.cue_pattern.finditer(text))
    assert _spans(model.cue_matches("Officials SAID so.")) == [(10, 14)]


def test_attribution_fastpaths_two_apostrophes_are_one_double_mark() -> None:
    text = "He said ''we will win'' and left. Then '''odd''' marks."
    quoted = [text[m.start : m.end] for m in find_double(text)]
    assert quoted == ["we will win", "'odd"]


def test_attribution_fastpaths_single_marks_in_a_window() -> None:
    text = "Trump's 'big win' was 'a disaster' for voters' hopes"
    assert [text[m.start : m.end] for m in find_single(text)] == ["big win", "a disaster"]
    assert [text[m.start : m.end] for m in find_single(text, 20)] == ["a disaster"]


def test_attribution_fastpaths_tokenize_splits_sentence_dots_only() -> None:
    toks = tokenize("Sen. Smith said so. J. Doe agreed, U.S. officials said.")
    assert [t.text for t in toks] == ["Sen.", "Smith", "said", "so", ".", "J.", "Doe", "agreed", ",", "U.S.",
                                      "officials", "said", "."]
    assert all(type(t) is Token for t in toks)
    assert toks[3] == Token("so", 16, 18) and toks[4] == Token(".", 18, 19)
    assert toks[1].bare == "Smith" and Token("Trump’s", 0, 7).bare == "Trump"

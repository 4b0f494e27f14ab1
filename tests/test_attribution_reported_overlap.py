from __future__ import annotations

from saywho.attribution.reported import find_reported

NESTED = "He claimed the two men discussed a possible referendum in eastern Ukraine."
SIDE_BY_SIDE = (
    "The mayor said the budget would be balanced by June, and the council chairman said the vote "
    "would be delayed until autumn."
)
BEFORE_QUOTE = (
    "Sanders has said repeatedly that the Clinton campaign is unfairly maligning his record on guns, "
    "pointing to his \"D-minus\" rating."
)


def _pairs(text):
    return [(text[s.cue_start:s.cue_end], text[s.content_start:s.content_end]) for s in find_reported(text)]


def test_attribution_reported_overlap_nested_cue_is_not_a_second_statement():
    assert _pairs(NESTED) == [("claimed", "the two men discussed a possible referendum in eastern Ukraine")]


def test_attribution_reported_overlap_next_speaker_ends_the_first_statement():
    assert _pairs(SIDE_BY_SIDE) == [
        ("said", "the budget would be balanced by June"),
        ("said", "the vote would be delayed until autumn"),
    ]


def test_attribution_reported_overlap_statements_never_share_a_character():
    for text in (NESTED, SIDE_BY_SIDE, BEFORE_QUOTE):
        spans = sorted((s.content_start, s.content_end) for s in find_reported(text))
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


def test_attribution_reported_overlap_statement_ends_before_a_later_quote():
    assert _pairs(BEFORE_QUOTE) == [("has said", "the Clinton campaign is unfairly maligning his record on guns")]

from __future__ import annotations

from saywho.cleaning.html_repeats import RepeatFilter
from saywho.input.html import label_blocks
from saywho.input.html_blocks import HtmlBlock

STORY = [
    "The council voted on Tuesday to extend the tram line to the campus, the mayor told reporters after the meeting.",
    "Work on the extension will start next spring and should take three years, with the depot built first.",
]
# A hidden copy of the whole story, as some publishers ship for their scripts.
COPY = " ".join(STORY)


def _block(text: str) -> HtmlBlock:
    return HtmlBlock(text=text, tag="p", context=(), link_chars=0, depth=3, container=1, outer=0, attrs="", hidden=False)


def test_cleaning_html_repeats_long_copy_of_kept_text_dropped():
    blocks = [_block(t) for t in [*STORY, COPY]]
    paragraphs, boilerplate, labelled = label_blocks(blocks, [0.9, 0.9, 0.9], threshold=0.5, repeat_words=15)
    assert paragraphs == STORY
    assert boilerplate == [COPY]
    assert [b.label for b in labelled] == ["body", "body", "boilerplate"]


def test_cleaning_html_repeats_off_keeps_copy():
    blocks = [_block(t) for t in [*STORY, COPY]]
    paragraphs, _, _ = label_blocks(blocks, [0.9, 0.9, 0.9], threshold=0.5, repeat_words=0)
    assert paragraphs == [*STORY, COPY]


def test_cleaning_html_repeats_short_repeated_lines_kept():
    lines = ["Meal 1", "Eat every two to three hours, with water.", "Meal 2", "Eat every two to three hours, with water."]
    paragraphs, _, _ = label_blocks([_block(t) for t in lines], [0.9] * 4, threshold=0.5, repeat_words=15)
    assert paragraphs == lines


def test_cleaning_html_repeats_new_text_counts_as_kept():
    repeats = RepeatFilter(5)
    assert not repeats.repeats(STORY[0])
    assert not repeats.repeats(STORY[1])
    assert repeats.repeats(STORY[1].upper())
    assert not repeats.repeats("A different paragraph about the bus routes that open in June next year.")

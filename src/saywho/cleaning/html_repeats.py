"""The page-level pass after the HTML block classifier: a long kept block that repeats the kept text."""

from __future__ import annotations

import re

# A kept block repeats the article when this share of its word 4-grams is in the text kept before it.
REPEAT_SHARE = 0.8
_WORDS = re.compile(r"\w+")


class RepeatFilter:
    """The word 4-grams of the blocks kept so far on a page, to catch a long block that repeats them.

    Pages carry the story twice: a hidden copy of the whole text for scripts, a teaser list shown
    above and below it. A reader gets the text once; a repeated line or a short paragraph (a
    recipe's "Eat every 2-3 hours") is the story's own and is never dropped. ``min_words`` 0
    turns the filter off.
    """

    __slots__ = ("min_words", "seen")

    def __init__(self, min_words: int) -> None:
        self.min_words = min_words
        self.seen: set[tuple[str, ...]] = set()

    def repeats(self, text: str) -> bool:
        """Whether ``text`` mostly repeats the kept text; if not, it counts as kept from now on."""
        if not self.min_words:
            return False
        words = _WORDS.findall(text.lower())
        if len(words) < 4:
            return False
        grams = set(zip(words, words[1:], words[2:], words[3:], strict=False))
        if len(words) >= self.min_words and len(grams & self.seen) >= REPEAT_SHARE * len(grams):
            return True
        self.seen |= grams
        return False

"""Words as the store's FTS5 index reads them (unicode61: runs of letters and digits, case and
diacritics folded), for building safe FTS5 queries and for checking or ranking a quote's words
in Python the way FTS5 would."""

from __future__ import annotations

import re
import unicodedata

_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"[^\W_]+")


def phrases(text: str) -> list[tuple[str, ...]]:
    """What a user typed as FTS5 would read it: "quoted phrases" stay phrases, other words stand
    alone; tokens are folded (case, diacritics) as the store's unicode61 tokenizer folds them."""
    found = [tuple(tokens(phrase)) for phrase in _PHRASE.findall(text)]
    found.extend((word,) for word in tokens(_PHRASE.sub(" ", text)))
    return [p for p in found if p]


def fold(text: str) -> str:
    """Case and diacritics folded as the store's unicode61 tokenizer folds them."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def fts_query(text: str) -> str | None:
    """A safe FTS5 query (phrases ANDed): every token is double-quoted, so FTS5 syntax typed
    into the search box is inert."""
    return " ".join('"' + " ".join(p) + '"' for p in phrases(text)) or None


def phrase_patterns(wanted: list[tuple[str, ...]]) -> list[re.Pattern]:
    """One regex per phrase: its tokens in a row, separated by non-token characters, with no
    token character either side, which is how FTS5 reads a phrase over unicode61 tokens."""
    # The first token leads, with the no-token-before test behind it: a pattern that starts with
    # a literal is found by a fast scan, one that starts with a lookbehind is tried at every place.
    return [re.compile(re.escape(phrase[0]) + rf"(?<![^\W_]{re.escape(phrase[0])})"
                       + "".join(r"[\W_]+" + re.escape(token) for token in phrase[1:]) + r"(?![^\W_])")
            for phrase in wanted]


def contains_all(wanted: list[tuple[str, ...]] | list[re.Pattern], *fields: str | None) -> bool:
    """Whether every phrase occurs in one of the fields: the FTS5 match, done in Python for the
    rows a narrow filter leaves."""
    patterns = wanted if wanted and isinstance(wanted[0], re.Pattern) else phrase_patterns(wanted)
    folded = [fold(f) for f in fields if f]
    return all(any(p.search(f) for f in folded) for p in patterns)

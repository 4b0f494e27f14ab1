"""Tokens and sentences with character offsets: the small amount of text structure attribution needs."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

TOKEN = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*\.?|''|[^\w\s]", re.UNICODE)

ABBREVIATIONS = {
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "col.", "lt.", "sgt.", "st.", "jr.",
    "sr.", "prof.", "rev.", "u.s.", "u.k.", "d.c.", "inc.", "co.", "corp.", "no.", "vs.", "jan.", "feb.",
    "aug.", "sept.", "sep.", "oct.", "nov.", "dec.", "mt.", "ft.", "capt.", "cmdr.", "adm.", "e.g.", "i.e.",
}


class Token(NamedTuple):
    """A word or mark and where it is; a tuple because articles have tens of thousands of them."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """The word without a sentence dot or a possessive ending."""
        return _bare(self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


# A pure function of the word, asked for the same names over and over as people are matched.
@lru_cache(maxsize=65_536)
def _bare(word: str) -> str:
    if word.endswith(".") and word.lower() not in ABBREVIATIONS and not _is_initial(word):
        word = word[:-1]
    for tail in ("’s", "'s"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


# Token(...) goes through a Python-level __new__; tuple.__new__ builds the same Token without that frame
# (tokenize makes one per word of every article).
_new_tuple = tuple.__new__


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    for m in TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        # a trailing dot ends the sentence unless the word is an abbreviation or an initial
        if word[-1] == "." and len(word) > 1 and word.count(".") == 1 and text[e : e + 1] != "," \
                and word.lower() not in ABBREVIATIONS and not _is_initial(word):
            append(_new_tuple(Token, (word[:-1], s, e - 1)))
            append(_new_tuple(Token, (".", e - 1, e)))
        else:
            append(_new_tuple(Token, (word, s, e)))
    return out


class Sentences:
    """Sentence boundaries of one text, found once, looked up by offset."""

    BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']*\s+(?=[\"“‘'«(\[]?[A-Z0-9])|\n+")

    def __init__(self, text: str) -> None:
        starts = [0]
        for m in self.BOUNDARY.finditer(text):
            head = text[max(0, m.start() - 6) : m.start()].split()
            last = head[-1].lower() if head else ""
            if (last in ABBREVIATIONS or (len(last) == 2 and last[0].isalpha() and last[1] == ".")) \
                    and "\n" not in m.group():
                continue
            starts.append(m.end())
        self.starts = starts
        self.text = text

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def span(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def __len__(self) -> int:
        return len(self.starts)


def without_parentheses(toks: list[Token]) -> list[Token]:
    """Drop closed asides "( ... )"; an aside still open holds the quote, so its words stay."""
    out, depth, opened = [], 0, 0
    for index, tok in enumerate(toks):
        if tok.text == "(":
            depth += 1
            if depth == 1:
                opened = index
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            out.append(tok)
    if depth:
        out.extend(t for t in toks[opened + 1 :] if t.text not in "()")
    return out


def outside_quotes(toks: list[Token]) -> list[Token]:
    """Drop the words of any earlier quote in the clause: a cue inside a quote is someone else's."""
    out: list[Token] = []
    inside = False
    for tok in toks:
        if tok.text in ("“", "«"):
            inside = True
            continue
        if tok.text in ("”", "»"):
            inside = False
            continue
        if tok.text in ('"', "''"):
            inside = not inside
            continue
        if not inside:
            out.append(tok)
    return out


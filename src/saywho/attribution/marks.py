"""Quotation marks: which marks open and close quotes, in one linear pass over a text.

A quote may run over several paragraphs: by typographic convention a paragraph that ends
inside a quote has no closing mark and the next paragraph opens again. A quote that is opened
and never closed (and not continued) is dropped rather than swallowing the rest of the article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OPENERS = "“«„‟"
CLOSERS = "”»"
STRAIGHT = '"'
DOUBLE_MARKS = OPENERS + CLOSERS + STRAIGHT
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"
# The characters the mark passes stop at: the rest of a text is skipped in C rather than read a character at a
# time in Python. Two apostrophes come first, so they are read as one straight double mark.
_DOUBLE_MARK = re.compile(SINGLE_STRAIGHT * 2 + "|[" + re.escape(DOUBLE_MARKS) + "]")
_SINGLE_MARK = re.compile("[" + re.escape(SINGLE_STRAIGHT + SINGLE_OPEN + SINGLE_CLOSE) + "]")
# What may stand between a sentence's start and a quote that opens it.
LEAD_IN = " \t\"“”'‘’(—–-\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"

# A single quote stays open at most this far: headlines and nested quotes are short, and a
# bound keeps a stray apostrophe from turning into a long bogus quote.
MAX_SINGLE = 300


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted stretch: ``pieces`` are the (start, end) spans inside the marks, one a paragraph."""

    pieces: tuple[tuple[int, int], ...]
    open_at: int
    close_at: int

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def words(self, text: str) -> str:
        return " ".join(text[s:e].strip() for s, e in self.pieces).strip()


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _is_blank(ch: str) -> bool:
    """Space, or an invisible format character (a direction mark pasted from social media: "\u202a”Q”")."""
    return ch.isspace() or (ch > "\u00ff" and unicodedata.category(ch) == "Cf")


def _straight_role(text: str, i: int, is_open: bool, width: int = 1) -> str:
    """Whether a straight mark at ``i`` looks like an opener, a closer, or either."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    left_space = _is_blank(before) or before in "([{—–-/" or before in OPENERS
    right_space = after.isspace() or after in ".,;:!?)]}—–-" or after in CLOSERS
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    return "close" if is_open else "open"


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start, n = [], 0, len(text)
    while start < n:
        nl = text.find("\n", start)
        end = n if nl < 0 else nl
        if end > start:
            spans.append((start, end))
        start = end + 1
    return spans


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def find_double(text: str) -> list[Marked]:
    """Every double-quoted stretch, continuing over paragraphs that reopen the quote."""
    out: list[Marked] = []
    paragraphs = _paragraph_spans(text)
    pending: list[tuple[int, int]] = []
    pending_open = -1
    for index, (ps, pe) in enumerate(paragraphs):
        open_at, open_width = -1, 1
        first_mark = True
        for mark in _DOUBLE_MARK.finditer(text, ps, pe):
            i = mark.start()
            ch = mark.group()
            width = 1
            if ch == SINGLE_STRAIGHT * 2:
                # two apostrophes stand for a straight double mark in some archives
                ch, width = STRAIGHT, 2
            if ch in OPENERS:
                role = "open"
                after = text[i + 1] if i + 1 < pe else " "
                if open_at >= 0 and not text[i - 1].isspace() and (after.isspace() or after in ".,;:!?)"):
                    role = "close"
            elif ch in CLOSERS:
                role = "close"
                if open_at < 0 and not pending and i + 1 < pe and _is_word(text[i + 1]) and (
                    i == ps or _is_blank(text[i - 1])
                ):
                    role = "open"
                elif open_at < 0 and not pending and text[i + 1 : i + 2] == " " and (
                        i == ps or text[i - 1] == ",") and i + 2 < pe and (_is_word(text[i + 2]) or text[i + 2] == "…") \
                        and any(c in CLOSERS for c in text[i + 2 : pe]):
                    # 'He says,” there are ...”' / '” … they are not like him,”': a closer typed for an opener,
                    # with nothing open and a closer later in the paragraph
                    role = "open"
            else:
                role = _straight_role(text, i, open_at >= 0, width)
            if pending and first_mark and role == "open" and not text[ps:i].strip():
                # the paragraph reopens the quote that the previous one left open
                open_at = i
                first_mark = False
                continue
            if pending and first_mark:
                pending = []
            first_mark = False
            if role == "open":
                open_at, open_width = i, width
            elif open_at >= 0:
                s, e = _trim(text, open_at + open_width, i)
                pieces = (*pending, (s, e)) if pending else ((s, e),)
                if e > s or pending:
                    out.append(Marked(tuple(p for p in pieces if p[1] > p[0]), pending_open if pending else open_at,
                                      i + width - 1))
                pending, open_at = [], -1
        if pending and first_mark:
            pending = []
        if open_at >= 0:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            lead = text[nxt[0] : nxt[1]].lstrip()[:2] if nxt else ""
            if lead[:1] in OPENERS or lead[:1] == STRAIGHT or lead == "''":
                s, e = _trim(text, open_at + open_width, pe)
                if not pending:
                    pending_open = open_at
                pending.append((s, e))
            else:
                pending = []
    return [m for m in out if m.pieces]


def find_single(text: str, start: int = 0, end: int | None = None) -> list[Marked]:
    """Single-quoted stretches in ``text[start:end]`` (headlines, quotes inside quotes).

    An apostrophe inside a word ("don't", "Trump's") or after a plural ("voters'") is not a mark.
    """
    end = len(text) if end is None else end
    out: list[Marked] = []
    open_at = -1
    for mark in _SINGLE_MARK.finditer(text, start, end):
        i = mark.start()
        ch = mark.group()
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if _is_word(before) and _is_word(after):
            continue
        if ch == SINGLE_OPEN or (not _is_word(before) and _is_word(after)):
            if not before.isalnum():
                open_at = i
            continue
        if open_at >= 0 and not _is_word(after):
            s, e = _trim(text, open_at + 1, i)
            if e > s and e - s <= MAX_SINGLE and "\n" not in text[s:e]:
                out.append(Marked(((s, e),), open_at, i))
            open_at = -1
        if open_at >= 0 and i - open_at > MAX_SINGLE:
            open_at = -1
    return out

"""One quote as the quote finder finds it, before speaker resolution, and the marks' span helpers."""

from __future__ import annotations

from dataclasses import dataclass

from saywho.attribution.marks import Marked
from saywho.attribution.text import Token


@dataclass
class Found:
    """One quote as found, before speaker resolution."""

    mark: Marked
    kind: str
    cue: Token | None = None
    lemma: str | None = None
    cue_text_end: int = 0
    subject: tuple[int, int] | None = None
    addressee: str | None = None


def mark_with_open(mark: Marked, open_at: int) -> Marked:
    return Marked(mark.pieces, open_at, mark.close_at)


def mark_with_close(mark: Marked, close_at: int) -> Marked:
    return Marked(mark.pieces, mark.open_at, close_at)

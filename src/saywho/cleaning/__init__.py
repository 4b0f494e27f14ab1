"""Separating an article from its publisher's boilerplate."""

from __future__ import annotations

from collections.abc import Callable

from saywho.records import CleanedPage


def clean_text(text: str, *, prior: Callable[[str], float] | None = None) -> CleanedPage:
    """Split plain text into blocks and keep the article's."""
    paragraphs = tuple(line.strip() for line in text.splitlines() if line.strip())
    return CleanedPage(paragraphs=paragraphs)

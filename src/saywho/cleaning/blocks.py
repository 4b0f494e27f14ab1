"""Plain text to blocks: one block a line, with sentences a scraper glued together split apart.

Scrapers often drop the break between a page's last boilerplate sentence and the article's first
("...all the difference.Moscow is ready..."). A lower-case word, a full stop and a capitalised
word with no space between them is such a seam; abbreviations (``U.S.``, ``e.g.``), decimals,
domain names (``Independent.co.uk``) and URLs do not have that shape or are skipped.
"""

from __future__ import annotations

import re

# Two lower-case letters, a sentence end, an optional closing quote, then a capitalised word.
# Starting at the sentence end lets the regex engine skip to the rare ".!?" characters.
_GLUE = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’)]?(?=[A-Z][a-z])")
_LINK_HINTS = ("/", "@", "www", "http")
_WHITESPACE = frozenset(" \t\u00a0\n\r")
# How far to look around a seam for the edges of its whitespace-delimited token.
_TOKEN_REACH = 80


def split_blocks(text: str) -> list[tuple[str, int, int]]:
    """The non-blank lines of ``text`` as ``(block_text, start, end)``, glued sentences split.

    ``text[start:end]`` is the block before stripping surrounding whitespace.
    """
    # One scan of the whole text finds the seams; most lines have none.
    cuts = [m.end() for m in _GLUE.finditer(text) if not _in_link(text, m.end())]
    if not cuts:
        return _lines(text)
    cuts.append(len(text) + 1)
    next_cut = 0
    blocks: list[tuple[str, int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        end = lead + len(stripped)
        while cuts[next_cut] <= lead:
            next_cut += 1
        if cuts[next_cut] >= end:
            blocks.append((stripped, lead, end))
            continue
        part_start = lead
        while cuts[next_cut] < end:
            cut = cuts[next_cut]
            blocks.append((text[part_start:cut].strip(), part_start, cut))
            part_start = cut
            next_cut += 1
        blocks.append((text[part_start:end].strip(), part_start, end))
    return [b for b in blocks if b[0]]


def _lines(text: str) -> list[tuple[str, int, int]]:
    """``split_blocks`` for a text without seams: its non-blank lines."""
    blocks = []
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        stripped = line.strip()
        if stripped:
            lead = start + len(line) - len(line.lstrip())
            blocks.append((stripped, lead, lead + len(stripped)))
    return blocks


def _in_link(line: str, cut: int) -> bool:
    """Whether the seam at ``cut`` sits inside a URL, e-mail address or path."""
    lo = max(0, cut - _TOKEN_REACH)
    hi = min(len(line), cut + _TOKEN_REACH)
    left = cut
    while left > lo and line[left - 1] not in _WHITESPACE:
        left -= 1
    right = cut
    while right < hi and line[right] not in _WHITESPACE:
        right += 1
    token = line[left:right]
    return any(hint in token for hint in _LINK_HINTS)

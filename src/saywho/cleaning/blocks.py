"""Plain text to blocks: one block a line, with sentences a scraper glued together split apart.

Scrapers often drop the break between a page's last boilerplate sentence and the article's first
("...all the difference.Moscow is ready..."). A lower-case word, a full stop and a capitalised
word with no space between them is such a seam; abbreviations (``U.S.``, ``e.g.``), decimals,
domain names (``Independent.co.uk``) and URLs do not have that shape or are skipped.
"""

from __future__ import annotations

import re

# Two lower-case letters, a sentence end, an optional closing quote, then a capitalised word.
_GLUE = re.compile(r"[a-z]{2}[.!?][\"”’)]?(?=[A-Z][a-z])")
_LINK_HINTS = ("/", "@", "www", "http")
_WHITESPACE = frozenset(" \t\u00a0")
# How far to look around a seam for the edges of its whitespace-delimited token.
_TOKEN_REACH = 80


def split_blocks(text: str) -> list[tuple[str, int, int]]:
    """The non-blank lines of ``text`` as ``(block_text, start, end)``, glued sentences split.

    ``text[start:end]`` is the block before stripping surrounding whitespace.
    """
    blocks: list[tuple[str, int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        start = position
        position += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        for part_start, part_end in _unglue(stripped):
            part = stripped[part_start:part_end].strip()
            if part:
                blocks.append((part, lead + part_start, lead + part_end))
    return blocks


def _unglue(line: str) -> list[tuple[int, int]]:
    """Offsets of the parts of ``line`` between glued sentence seams."""
    cuts = [m.end() for m in _GLUE.finditer(line) if not _in_link(line, m.end())]
    if not cuts:
        return [(0, len(line))]
    edges = [0, *cuts, len(line)]
    return [(edges[k], edges[k + 1]) for k in range(len(edges) - 1)]


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

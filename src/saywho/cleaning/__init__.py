"""Separating an article from its publisher's boilerplate in plain text.

``clean_text`` splits text into blocks (lines, with glued sentences split apart), scores each
block with a small two-pass model of what boilerplate looks like (``model``, features in
``features``), keeps the body as one contiguous story, and reads the title, standfirst,
bylines, date and publisher off the blocks around it (``structure``). Every block that is not
body, title, standfirst or byline lands in ``boilerplate`` verbatim.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress

from saywho.cleaning.blocks import split_blocks
from saywho.cleaning.features import FEATURE_NAMES
from saywho.cleaning.model import already_clean, decode, load_weights, score_page, trim_appeals
from saywho.cleaning.structure import find_publisher, read_head
from saywho.records import Block, CleanedPage

__all__ = ["clean_text", "clean_with"]
PROSE = FEATURE_NAMES.index("long_prose")
REPEATED_PRIOR = 0.5


def clean_text(text: str, *, prior: Callable[[str], float] | None = None) -> CleanedPage:
    """Split plain text into blocks and keep the article's.

    ``prior`` maps a block's text to the share (0..1) of its publisher's articles that repeat
    it; blocks most pages repeat are pushed towards boilerplate (see ``model.PRIOR_PENALTY``).
    """
    return clean_with(text, prior=prior)


def clean_with(
    text: str, *, prior: Callable[[str], float] | None = None, weights: dict | None = None
) -> CleanedPage:
    """``clean_text`` under given model weights (training and cross-validation use this)."""
    if "\x00" in text:
        # Same length, so block offsets still index the caller's text.
        text = text.replace("\x00", " ")
    spans = split_blocks(text)
    if not spans:
        return CleanedPage(paragraphs=())
    weights = weights or load_weights()
    texts = [s[0] for s in spans]
    probs, rows = score_page(texts, prior=prior, weights=weights)
    prose = (rows.matrix[PROSE] > 0).tolist()
    # A page with no furniture and no block its publisher repeats is all article.
    if already_clean(rows) and (prior is None or all(prior(t) < REPEATED_PRIOR for t in texts)):
        body = [True] * len(texts)
    else:
        body = trim_appeals(decode(probs, weights, list(map(len, texts)), prose), rows)
    head = read_head(texts, body, rows.own)
    labels = ["body" if is_body else "boilerplate" for is_body in body]
    for i, role in head.roles.items():
        labels[i] = role
    boilerplate = tuple(compress(texts, [label == "boilerplate" for label in labels]))
    return CleanedPage(
        paragraphs=tuple(compress(texts, [label == "body" for label in labels])),
        boilerplate=boilerplate,
        title=head.title,
        standfirst=head.standfirst,
        authors=head.authors,
        publisher=find_publisher(boilerplate),
        published=head.published,
        blocks=tuple(
            map(Block, texts, [s[1] for s in spans], [s[2] for s in spans], labels, [round(p, 4) for p in probs])
        ),
    )

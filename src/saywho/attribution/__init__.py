"""Who said what: quotes, speakers, cues, addressees and dates."""

from __future__ import annotations

from saywho.attribution.resolve import attribute_text
from saywho.records import Attribution


def attribute(
    text: str,
    *,
    published: str | None = None,
    title: str | None = None,
    standfirst: str | None = None,
) -> Attribution:
    """Find the statements in ``text`` (and in ``title``/``standfirst`` where given)."""
    return attribute_text(text or "", published=published, title=title, standfirst=standfirst)

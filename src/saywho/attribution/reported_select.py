"""Choosing among scored reported-speech candidates: at most one statement per stretch of content,
with its source and addressee read from how the cue is framed."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from saywho.attribution.reported_text import source_head, trim
from saywho.records import ReportedSpeech

if TYPE_CHECKING:
    from saywho.attribution.reported import Candidate

# A cut must leave a few words of the outer statement, else the two are one statement read twice.
_MIN_CUT = 15
_MIN_CUT_CONTENT = 5
_TRAILING_JOINT = re.compile(r"[\s,;:—–-]+(?:and|but|while|as|although|though|because|so|or|whereas|yet)$")


def select(text: str, found: list[Candidate], probabilities: list[float], threshold: float) -> list[ReportedSpeech]:
    """The candidates scored at least ``threshold``, with no two statements sharing a character.

    PolNeAR's train split has 9 overlapping pairs among 19,832 attributions, so a second overlapping
    statement is nearly always wrong. Best-scored first: a weaker candidate whose cue sits inside a
    kept statement's content ("X said A, and Y said B") cuts that content short before its source,
    the other way round likewise; one that cannot be separated so is dropped.
    """
    ranked = sorted(
        (i for i, p in enumerate(probabilities) if p >= threshold), key=lambda i: (-probabilities[i], i)
    )
    kept: dict[int, ReportedSpeech] = {}
    for i in ranked:
        speech = found[i].speech
        trial = dict(kept)
        for j, other in kept.items():
            if not _shares_content(other, speech):
                continue
            shorter = _cut_before(text, other, speech)
            if shorter is not None:
                trial[j] = shorter
                continue
            shorter = _cut_before(text, speech, other)
            if shorter is None:
                break
            speech = shorter
        else:
            if not any(_shares_content(other, speech) for other in trial.values()):
                trial[i] = speech
                kept = trial
    return [_source_fixed(text, kept[i], found[i].features) for i in sorted(kept)]


# Verbs whose passive subject is the one spoken to: "Mr Blair was asked if ...", "She was told that ...".
_BE_FIRST = re.compile(r"(?:is|was|are|were|been|being|be)\s", re.I)
_HEARSAY = frozenset("say report think believe understand know rumour rumor allege claim".split())
_TO_BE = re.compile(r"\s+to\s+(?:be|have)\b")
_ADDRESSED = frozenset("ask tell inform urge warn advise brief remind assure notify".split())


def _source_fixed(text, speech: ReportedSpeech, features) -> ReportedSpeech:
    """The statement with its source cut before any verb the source runs on into, and a passive
    addressing cue's subject moved to the addressee (the candidates were scored as found)."""
    passive = "frame:passive" in features or _BE_FIRST.match(text, speech.cue_start, speech.cue_end)
    if speech.source_start >= 0 and speech.cue_lemma in _ADDRESSED and passive:
        return replace(speech, source_start=-1, source_end=-1,
                       addressee_start=speech.source_start, addressee_end=speech.source_end)
    if speech.source_start >= 0 and speech.cue_lemma in _HEARSAY and _TO_BE.match(text, speech.cue_end):
        # "Souness (is) said to have been impressed": hearsay about the subject, who is not the speaker.
        return replace(speech, source_start=-1, source_end=-1)
    start, end = source_head(text, (speech.source_start, speech.source_end))
    if end == speech.source_end:
        return speech
    return replace(speech, source_start=start, source_end=end)


def _shares_content(a: ReportedSpeech, b: ReportedSpeech) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end


def _cut_before(text, outer: ReportedSpeech, inner: ReportedSpeech) -> ReportedSpeech | None:
    """``outer`` with its content ended before ``inner``'s source and cue, when ``inner`` reads forward."""
    head = min(inner.cue_start, inner.source_start) if inner.source_start >= 0 else inner.cue_start
    if inner.content_start < inner.cue_end or not outer.content_start + _MIN_CUT < head < outer.content_end:
        return None
    start, end = trim(text, outer.content_start, head)
    joint = _TRAILING_JOINT.search(text, max(start, end - 20), end)
    if joint and joint.start() > start:
        start, end = trim(text, start, joint.start())
    if end - start <= _MIN_CUT_CONTENT or end <= start:
        return None
    shorter = replace(outer, content_end=end)
    return None if _shares_content(shorter, inner) else shorter

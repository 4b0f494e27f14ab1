"""When a statement was made, where the article says: day names and "yesterday" against the
publication date, or a written date ("July 19", "19 July 2018")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from saywho.attribution.lexicon import DAYS, speech_lemma
from saywho.input.dates import iso_date

if TYPE_CHECKING:
    from saywho.attribution.people import People

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBREVIATIONS = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}

DAY_NAME = re.compile(r"\b(?:(last|on|this|late|early|next|coming)\s+)?(" + "|".join(DAYS) + r")\b", re.IGNORECASE)
RELATIVE = re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|last night)\b",
                      re.IGNORECASE)
MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+"
                       r"(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r")(?:\s+(\d{4}))?\b", re.IGNORECASE)


def parse_published(published: str | date | None) -> date | None:
    """The publication date, when it is a plausible one: a placeholder year such as 0001 would
    put "yesterday" before the calendar's first day."""
    checked = iso_date(published)
    return date.fromisoformat(checked) if checked else None


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS.get(word[:4] if word.startswith("sept") else word[:3], 0)


def _written(month: int, day: int, year: str | None, published: date | None) -> str | None:
    if not 1 <= day <= 31 or not month:
        return None
    if year:
        y = int(year)
    elif published is not None:
        y = published.year
        try:
            if date(y, month, day) > published + timedelta(days=1):
                y -= 1
        except ValueError:
            return None
    else:
        return None
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, published: str | None, written: bool = True) -> str | None:
    """The date a sentence says something happened, as YYYY-MM-DD, or None; without ``written``, only a day
    name or "yesterday"/"today" counts, not "July 4"."""
    pub = parse_published(published)
    m = MONTH_DAY.search(text) if written else None
    if m:
        found = _written(_month_number(m.group(1)), int(m.group(2)), m.group(3), pub)
        if found:
            return found
    m = DAY_MONTH.search(text) if written else None
    if m:
        found = _written(_month_number(m.group(2)), int(m.group(1)), m.group(3), pub)
        if found:
            return found
    if pub is None:
        return None
    m = RELATIVE.search(text)
    if m:
        word = m.group(1).lower()
        if word in ("yesterday",):
            return (pub - timedelta(days=1)).isoformat()
        if word == "last night":
            return (pub - timedelta(days=1)).isoformat()
        return pub.isoformat()
    m = DAY_NAME.search(text)
    if m and (m.group(1) or "").lower() in ("next", "coming"):
        # "next Monday" is when something will happen, not when it was said
        return None
    if m:
        # news reports the latest such day on or before publication; "last Monday" is the same day
        target = DAYS.index(m.group(2).lower())
        back = (pub.weekday() - target) % 7
        return (pub - timedelta(days=back)).isoformat()
    return None


def clause_text(text: str, people: People, lo: int, hi: int, said: tuple[tuple[int, int], ...] = ()) -> str:
    """The clause holding a cue and its speaker: where the article says when it was said. What was said is
    blanked out: a date inside it is what the statement is about ("the attacks of Sept. 11, 2001")."""
    start, end = people.sentences.span(people.sentences.index(lo))
    start, end = max(start, lo - 300), min(end, hi + 300)
    comma = text.rfind(",", start, lo)
    start = comma + 1 if comma >= 0 else start
    comma = text.find(",", hi, end)
    end = comma if comma >= 0 else end
    clause = list(text[start:end])
    for s, e in said:
        for at in range(max(s, start), min(e, end)):
            clause[at - start] = " "
    return "".join(clause)


def statement_date(clause: str, cue: str | None, published: str | None, reported: str | None = None) -> str | None:
    """The day the clause names; else, for a cue in the present tense ("says", "tells"), the publication
    date, since the article reports the statement as standing when it went out. A past-tense cue with no
    day ("said") stays undated: it may be days old. ``reported`` is the clause with a reported statement's
    words left in, whose day name may still say when it was said ("called for more investment in a
    statement on Thursday"), though its written dates are what it is about ("after the Sept. 11 attacks")."""
    day = parse_published(published)
    if day is None:
        return find_date(clause, None) if published else None
    found = find_date(clause, day.isoformat())
    if found is None and reported is not None:
        found = find_date(reported, day.isoformat(), written=False)
    if found is None and cue and present_tense(cue):
        return day.isoformat()
    return found


def present_tense(cue: str) -> bool:
    first = cue.split()[0].lower() if cue.split() else ""
    return first.endswith("s") and not first.endswith("ss") and speech_lemma(first) is not None

"""The parts of a page around its body: title, standfirst, bylines, date and publisher.

All of these are read off the blocks just before the body (the "head"), with general shapes
rather than any publisher's phrases: a title is a short line without a closing full stop and
without calls to action; a standfirst is the sentence-like line right after it; a byline
starts with "By" or pairs a name with a date; the publisher is whoever the page's copyright
line or its own boilerplate ("The Independent is ...") names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from saywho.cleaning.features import FEATURE_NAMES, own_features

HEAD_REACH = 20
LEAD_WORDS = 15
# A headline may use words that elsewhere mark site furniture or calls to action ("Oil prices fall
# back", "Gold falls on IMF sale concerns"); right above the story, it still is one when most of
# its words are the story's.
TOPICAL_TITLE = 0.5
# Words of four or more characters: whole runs of word characters, as \w+ would give them.
_CONTENT_WORD = re.compile(r"\w{4,}")
_MONTHS = {
    m: i + 1
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE)
# Every date pattern holds a digit: most head lines have none and need no further search.
_DIGIT = re.compile(r"\d").search
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
_BY = re.compile(r"^(?:written\s+)?by\s+(.+)$", re.IGNORECASE)
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|van|von|de|da|del|der|la|le|bin|al))*$")
_NAME_CUT = re.compile(r"\s*(?:[|,;•·(]|\s[-–—]\s|\bon\s|\bat\s|\bupdated\b|\bpublished\b|\d)", re.IGNORECASE)
_NAME_JOIN = re.compile(r"\s*(?:,|\band\b|&)\s*")
_NAME_DASH_DATE = re.compile(r"^([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s+[-–—|]\s+")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:the\s+)?"
    r"([A-Z][\w&'’.]*(?:\s+[A-Z&][\w&'’.]*){0,4})",
    re.IGNORECASE,
)
_COPYRIGHT_TRAILER = re.compile(r"[\s.,]*(?:all\s+rights.*|ltd\.?|limited|inc\.?|llc|plc)$", re.IGNORECASE)
_SELF = re.compile(r"\b(The(?:\s+[A-Z][a-z]+){1,2})(?:\s+(?:is|has|was|will|does|relies)\b|['’]s\b)")
_THE_NAME = re.compile(r"\bThe(?:\s+[A-Z][a-z]+){1,2}")
_TITLE_END_BAD = frozenset(".:;,")

# Own-block statistics are the leading features, so FEATURE_NAMES indexes them too.
_I = {name: i for i, name in enumerate(FEATURE_NAMES)}


@dataclass(slots=True)
class Head:
    """What the head of a page holds: the roles of its blocks and the metadata they give."""

    roles: dict[int, str]
    title: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as YYYY-MM-DD, or None."""
    if not _DIGIT(text):
        return None
    found = []
    for pattern, order in ((_DATE_ISO, "ymd"), (_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")):
        match = pattern.search(text)
        if match:
            found.append((match.start(), match, order))
    for _, match, order in sorted(found, key=lambda f: f[0]):
        a, b, c = match.groups()
        if order == "ymd":
            year, month, day = int(a), int(b), int(c)
        elif order == "mdy":
            year, month, day = int(c), _MONTHS[a[:3].lower()], int(b)
        else:
            year, month, day = int(c), _MONTHS[b[:3].lower()], int(a)
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2100:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def byline_authors(text: str) -> tuple[str, ...] | None:
    """The names a byline gives ("By Jane Doe and John Roe"), or None if it is no byline."""
    if len(text) > 160:
        return None
    match = _BY.match(text.strip())
    if match:
        rest = _NAME_CUT.split(match.group(1), maxsplit=1)[0]
        names = [n.strip(" .") for n in _NAME_JOIN.split(rest)]
        names = [n for n in names if n and _NAME.match(n) and len(n.split()) <= 4]
        return tuple(names) if names else None
    match = _NAME_DASH_DATE.match(text.strip())
    if match and parse_date(text[match.end() :]):
        return (match.group(1),)
    return None


def _is_dateline(text: str) -> bool:
    return len(text) < 120 and parse_date(text) is not None


def _title_like(text: str, stats: list[float], story: set[str] | None = None) -> bool:
    """Whether a line can be the headline; with the ``story``'s words, a line most of whose
    words are the story's may carry furniture or call-to-action words."""
    words = len(text.split())
    return (
        3 <= words <= 30
        and len(text) < 250
        and text[-1] not in _TITLE_END_BAD
        and not stats[_I["bullet"]]
        and not stats[_I["separators"]]
        and not stats[_I["url"]]
        and not stats[_I["copyright"]]
        and not stats[_I["second"]]
        and ((stats[_I["action"]] < 0.5 and stats[_I["furniture"]] < 0.5)
             or (story is not None and _topicality(text, story) >= TOPICAL_TITLE))
        and byline_authors(text) is None
        and not _is_dateline(text)
    )


def _reads_as_lead(text: str, stats: Sequence[float]) -> bool:
    """Whether the line between a title and the body is the story's opening paragraph rather
    than a dek: a full sentence of ``LEAD_WORDS`` or more, where a dek is a short phrase."""
    return bool(stats[_I["ends_sentence"]]) and text.rstrip()[-1] != ":" and len(text.split()) >= LEAD_WORDS


def _content_words(text: str) -> set[str]:
    return set(_CONTENT_WORD.findall(text.lower()))


def _story(texts: Sequence[str], body: list[bool], blocks: Sequence[int]) -> set[str]:
    """The content words of the story's opening body blocks."""
    return _content_words(" ".join(texts[k] for k in blocks if body[k])[:4000])


def _topicality(text: str, story: set[str]) -> float:
    words = _content_words(text)
    return len(words & story) / len(words) if words else 0.0


def read_head(texts: Sequence[str], body: list[bool], rows: Sequence[Sequence[float]] | None = None) -> Head:
    """Find the title, standfirst and bylines before the first body block (may relabel it).

    ``rows`` are the blocks' feature vectors where the caller has them already (only their
    leading own-statistics part is read).
    """
    head = Head(roles={})
    starts = [i for i, b in enumerate(body) if b]
    if not starts:
        return head
    first = starts[0]
    span = range(max(0, first - HEAD_REACH), min(len(texts), first + 4))
    stats = {i: rows[i] for i in span} if rows else {i: own_features(texts[i]) for i in span}
    # A title-like line opening the body, followed by body, is the headline the model took in.
    if (
        first + 1 < len(texts)
        and body[first + 1]
        and len(texts[first].split()) <= 20
        and _title_like(texts[first], stats[first], _story(texts, body, starts[1:9]))
    ):
        body[first] = False
        first += 1
    lo = max(0, first - HEAD_REACH)
    story = _story(texts, body, starts[:8])
    # Only the line right above the story may be a headline by topicality alone: further up, a
    # short call to action shares a word or two with any story.
    candidates = [i for i in range(first - 1, lo - 1, -1)
                  if _title_like(texts[i], stats[i], story if i == first - 1 else None)]
    if candidates:
        # The headline is about what the story is about: of the title-like lines before the
        # body, take the one whose words the opening paragraphs share, nearer ones first.
        title = max(candidates, key=lambda i: _topicality(texts[i], story) - 0.02 * (first - i))
        head.title = texts[title]
        head.roles[title] = "title"
        if head.standfirst is None:
            for i in range(title + 1, first):
                if byline_authors(texts[i]) or _is_dateline(texts[i]) or len(texts[i].split()) < 3:
                    continue
                if len(texts[i].split()) >= 6 and not stats[i][_I["second"]] and stats[i][_I["action"]] < 0.5:
                    if i == first - 1 and _reads_as_lead(texts[i], stats[i]):
                        body[i] = True
                    else:
                        head.standfirst = texts[i]
                        head.roles[i] = "standfirst"
                break
    authors: list[str] = []
    for i in range(lo, min(len(texts), first + 3)):
        if i in head.roles or (body[i] and len(texts[i]) > 160):
            continue
        names = byline_authors(texts[i])
        if names or (_is_dateline(texts[i]) and not body[i]):
            head.roles[i] = "byline"
            body[i] = False
            authors.extend(n for n in names or () if n not in authors)
            if head.published is None:
                head.published = parse_date(texts[i])
    head.authors = tuple(authors)
    return head


def find_publisher(texts: Sequence[str]) -> str | None:
    """The publisher a page names in its copyright line or in its own voice, else None."""
    for text in reversed(texts):
        # The copyright pattern needs a "©", a "(c)" or "copyright" in any case: most lines
        # have none of them, and these checks cost less than the case-blind search.
        if len(text) > 300 or not ("©" in text or "(" in text or "opyr" in text.lower()):
            continue
        match = _COPYRIGHT.search(text)
        if match:
            name = _COPYRIGHT_TRAILER.sub("", match.group(1)).strip(" .,")
            if name and name.lower() not in ("all", "copyright", "rights"):
                return name
    # Both name patterns start with "The".
    named = [text[:2000] for text in texts if "The" in text]
    counts = Counter(m.group(0) for text in named for m in _THE_NAME.finditer(text))
    for text in named:
        for match in _SELF.finditer(text):
            name = match.group(1)
            if counts[name] >= 2:
                return name
    return None

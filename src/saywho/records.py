"""The records saywho reads and writes: frozen, slotted dataclasses with character offsets.

Every stage speaks these types. ``to_dict`` gives the stable JSON contract documented in
``docs/json.md``; keys are never renamed, only added.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
QuoteField = Literal["text", "title", "standfirst"]
BlockLabel = Literal["title", "standfirst", "byline", "body", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one field's text: ``field_text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Cue:
    """The verb or phrase that signals speech ("told", "according to"), with its lemma."""

    text: str
    start: int
    end: int
    lemma: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "lemma": self.lemma}


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement: what was said, by whom, to whom and when.

    ``start``/``end`` index the field named by ``field``; for direct and partial quotes they
    lie inside the quotation marks.
    """

    kind: QuoteKind
    field: QuoteField
    start: int
    end: int
    quote: str
    speaker: str | None = None
    mention: Span | None = None
    cue: Cue | None = None
    addressee: str | None = None
    date: str | None = None

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "speaker": self.speaker,
            "mention": self.mention.to_dict() if self.mention else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "addressee": self.addressee,
            "date": self.date,
        }


@dataclass(frozen=True, slots=True)
class Person:
    """A speaker or organisation named in one article, under its fullest name there."""

    name: str
    kind: Literal["person", "organisation"] = "person"
    roles: tuple[str, ...] = ()
    gender: Literal["m", "f"] | None = None
    mentions: int = 0

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "kind": self.kind,
            "roles": list(self.roles),
            "gender": self.gender,
            "mentions": self.mentions,
        }


@dataclass(frozen=True, slots=True)
class Attribution:
    """What ``saywho.attribute`` finds in one text."""

    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()

    def to_dict(self) -> dict:
        return {
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
        }


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a page (a line of text, or an HTML block) and what the cleaner made of it.

    ``start``/``end`` index the decoded input text; ``tag`` and ``attrs`` carry the HTML
    structure where there was any.
    """

    text: str
    start: int = 0
    end: int = 0
    label: BlockLabel = "body"
    score: float = 0.0
    tag: str | None = None
    attrs: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article and its statements. ``to_dict`` is the JSON contract."""

    id: str
    source: str
    text: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    title: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    people: tuple[Person, ...] = ()
    language: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "publisher": self.publisher,
            "published": self.published,
            "title": self.title,
            "standfirst": self.standfirst,
            "authors": list(self.authors),
            "text": self.text,
            "boilerplate": list(self.boilerplate),
            "quotes": [q.to_dict() for q in self.quotes],
            "people": [p.to_dict() for p in self.people],
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article, and why. Corpus runs store these."""

    source: str
    code: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict:
        return {"source": self.source, "id": self.id, "code": self.code, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input item before cleaning: what a reader (file, JSONL line, WARC record) yields."""

    id: str
    source: str
    content: str | bytes
    url: str | None = None
    published: str | None = None
    media_type: str | None = None
    meta: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class CleanedPage:
    """What a cleaner makes of one page: its parts, before attribution.

    ``paragraphs`` become ``Article.text``; ``boilerplate`` keeps every removed block verbatim.
    """

    paragraphs: tuple[str, ...]
    boilerplate: tuple[str, ...] = ()
    title: str | None = None
    standfirst: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportedSpeech:
    """One reported (indirect) statement: what was said, by which cue, by whom, to whom.

    Offsets index the text it was found in; ``-1`` marks a part the sentence does not name.
    """

    content_start: int
    content_end: int
    cue_start: int
    cue_end: int
    cue_lemma: str
    source_start: int
    source_end: int
    addressee_start: int = -1
    addressee_end: int = -1

"""The corpus boilerplate prior: how many of a publisher's articles repeat a block.

A first pass over the corpus counts normalized block hashes per publisher; the result is a
``BlockPrior`` whose ``for_publisher(name)`` is the ``prior`` callable ``extract`` takes. A
block that recurs across many articles of one publisher (newsletter pitches, copyright lines,
navigation) is boilerplate even where the text model alone is unsure.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from urllib.parse import urlsplit

from saywho.records import RawDocument

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
_HTML_BLOCK = re.compile(
    r"<\s*/?\s*(?:p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|section|article|header|footer|nav|aside|blockquote|figcaption|figure|dd|dt|form|option|title|pre)\b[^>]*>",
    re.I,
)
_HTML_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);", re.I)

# A block needs MIN_REPEATS copies among at least MIN_ARTICLES articles of its publisher. The
# share is shrunk towards 0 (n / (articles + 1)), so two copies in two articles say "likely
# furniture" (0.67) while a hundred in a hundred say "certainly" (0.99).
MIN_ARTICLES = 2
MIN_REPEATS = 2
MIN_SHARE = 0.05


def normalize_block(text: str) -> str:
    """Block text as compared across articles: case, spacing, numbers and edge punctuation ignored."""
    text = _SPACE.sub(" ", text.lower()).strip()
    text = _DIGITS.sub("0", text)
    return _EDGE_PUNCT.sub("", text)


def block_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(normalize_block(text).encode("utf-8"), digest_size=8).digest(), "little")


def publisher_of(doc: RawDocument) -> str | None:
    """Who published an input: its own metadata, else the URL host, else its directory or file."""
    meta = doc.meta.get("publisher") if doc.meta else None
    if isinstance(meta, str) and meta.strip():
        return meta.strip()
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    if doc.source in ("-", ""):
        return None
    path = doc.source
    head, sep, tail = path.rpartition(":")
    if sep and tail.isdigit():
        return PurePath(head).name.split(".")[0] or None
    parent = PurePath(path).parent.name
    return parent or None


def blocks_of(content: str | bytes) -> list[str]:
    """The blocks of a page as the cleaners see them: the text cleaner's blocks (lines) of
    text, block elements of HTML."""
    if isinstance(content, bytes):
        content = content.decode("utf-8", errors="replace")
    head = content[:2048].lstrip().lower()
    if head.startswith(("<!doctype", "<html", "<?xml")) or ("<body" in head or "<div" in head or "<p>" in head):
        content = _HTML_DROP.sub(" ", content)
        content = _HTML_BLOCK.sub("\n", content)
        content = _ENTITY.sub(" ", _TAG.sub(" ", content))
    else:
        try:
            from saywho.cleaning.blocks import split_blocks
        except ImportError:
            split_blocks = None
        if split_blocks is not None:
            return [b[0] for b in split_blocks(content) if len(b[0].strip()) >= 2]
    return [line for line in (part.strip() for part in content.splitlines()) if len(line) >= 2]


@dataclass(slots=True)
class BlockCounter:
    """First-pass tally. Only the first ``sample`` articles of each publisher are counted, which
    keeps memory bounded on huge corpora: repeated boilerplate shows in any sample of them."""

    sample: int = 2000
    articles: Counter = field(default_factory=Counter)
    blocks: dict = field(default_factory=lambda: defaultdict(Counter))

    def add(self, publisher: str | None, content: str | bytes) -> None:
        if publisher is None or self.articles[publisher] >= self.sample:
            return
        self.articles[publisher] += 1
        self.blocks[publisher].update({block_hash(b) for b in blocks_of(content)})

    def prior(self) -> BlockPrior:
        shares: dict[str, dict[int, float]] = {}
        for publisher, total in self.articles.items():
            if total < MIN_ARTICLES:
                continue
            kept = {h: n / (total + 1) for h, n in self.blocks[publisher].items() if n >= MIN_REPEATS and n / total >= MIN_SHARE}
            if kept:
                shares[publisher] = kept
        return BlockPrior(shares)


@dataclass(frozen=True, slots=True)
class BlockPrior:
    """Per publisher, the share of its articles repeating each (normalized) block."""

    shares: dict

    def for_publisher(self, publisher: str | None) -> Callable[[str], float] | None:
        table = self.shares.get(publisher) if publisher else None
        if not table:
            return None
        return _PublisherPrior(table)

    def __len__(self) -> int:
        return sum(len(t) for t in self.shares.values())


@dataclass(frozen=True, slots=True)
class _PublisherPrior:
    table: dict

    def __call__(self, text: str) -> float:
        return self.table.get(block_hash(text), 0.0)


def count_blocks(docs: Iterable[RawDocument], sample: int = 2000) -> BlockPrior:
    counter = BlockCounter(sample=sample)
    for doc in docs:
        counter.add(publisher_of(doc), doc.content)
    return counter.prior()

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
    container = re.sub(r"[:#]\d+$", "", doc.source)
    if container != doc.source:
        return PurePath(container).name.split(".")[0] or None
    return PurePath(doc.source).parent.name or None


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


def page_blocks(content: str | bytes) -> tuple[frozenset, frozenset]:
    """What the counter keeps of a page: the hashes of all its blocks, and of its prose blocks."""
    hashes = {b: block_hash(b) for b in blocks_of(content)}
    prose = frozenset(h for b, h in hashes.items() if b.count(" ") >= PROSE_WORDS - 1)
    return frozenset(hashes.values()), prose


@dataclass(slots=True)
class BlockCounter:
    """First-pass tally. Only the first ``sample`` articles of each publisher are counted, which
    keeps memory bounded on huge corpora: repeated boilerplate shows in any sample of them."""

    sample: int = 1000
    pages: dict = field(default_factory=lambda: defaultdict(list))

    def add(self, publisher: str | None, content: str | bytes) -> None:
        if publisher is None or len(self.pages[publisher]) >= self.sample:
            return
        self.pages[publisher].append(page_blocks(content))

    def prior(self) -> BlockPrior:
        shares: dict[str, dict[int, float]] = {}
        for publisher, pages in self.pages.items():
            total = len(pages)
            if total < MIN_ARTICLES:
                continue
            counts = Counter(h for page, _ in pages for h in page)
            kept = {h: n for h, n in counts.items() if n >= MIN_REPEATS and n / total >= MIN_SHARE}
            for h, n in _discount_copies(pages, {h for h, n in kept.items() if n < TRUSTED_REPEATS}).items():
                if n < MIN_REPEATS:
                    del kept[h]
                else:
                    kept[h] = n
            if kept:
                shares[publisher] = {h: n / (total + 1) for h, n in kept.items()}
        return BlockPrior(shares)


# Below this many copies a block may be a paragraph of one story the publisher ran twice (an
# update, a wire copy), not furniture; such copies are counted once.
TRUSTED_REPEATS = 5
SAME_STORY = 0.5
# Pages are compared on their prose blocks only: two pages of one site share their furniture
# whatever their stories, so comparing all blocks would call any two of them copies.
PROSE_WORDS = 12


def _discount_copies(pages: list[tuple[frozenset, frozenset]], rare: set[int]) -> dict[int, int]:
    """For each rare block, the number of its pages that are not near-copies of each other
    (Jaccard similarity of their prose blocks below ``SAME_STORY``)."""
    holders: dict[int, list[frozenset]] = defaultdict(list)
    for page, prose in pages:
        for h in page & rare:
            holders[h].append(prose)
    distinct = {}
    for h, held in holders.items():
        stories: list[frozenset] = []
        for prose in held:
            if not prose or not any(len(prose & s) / len(prose | s) >= SAME_STORY for s in stories):
                stories.append(prose)
        distinct[h] = len(stories)
    return distinct


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


def count_blocks(docs: Iterable[RawDocument], sample: int = 1000) -> BlockPrior:
    counter = BlockCounter(sample=sample)
    for doc in docs:
        counter.add(publisher_of(doc), doc.content)
    return counter.prior()

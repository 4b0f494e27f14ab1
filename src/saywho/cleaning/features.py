"""Cheap per-block features that say how much a block of a page reads like article prose.

Public API (the HTML cleaner reuses it for HTML blocks):

``page_features(texts: list[str]) -> list[list[float]]``
    One feature vector per block of one page, in ``FEATURE_NAMES`` order. Vectorised: use it
    when scoring every block of a page (it computes each block's own statistics once).
``page_arrays(texts: list[str]) -> (own, matrix)``
    The same features as the scorer reads them: each block's own statistics as a tuple, and a
    numpy matrix with a row per feature and a column per block (``PageRows`` views it by block).
``clear_cache()``
    Forgets the features of blocks seen before (short blocks' features are cached, as menus
    and teasers recur across a publisher's pages).
``block_features(texts: list[str], i: int) -> dict[str, float]``
    The same features for block ``i`` only, by name; convenient, but O(page) per call.
``FEATURE_NAMES: tuple[str, ...]``
    The order of the vectors.

Features are publisher-agnostic signals: length and punctuation, list and link shapes
(``* Foo``, ``a | b``), calls to action and second person, publisher self-reference
(``©``, "all rights reserved"), reporting verbs, function-word density, position on the page
and the shape of the neighbouring blocks. Only the first ``HEAD_CHARS`` characters of a block
feed the text statistics, so a 50 MB line costs the same as a paragraph.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np

HEAD_CHARS = 400

# Categories of words whose density separates prose from page furniture. General English
# vocabulary, not any publisher's phrases.
_WORDS = {
    "second": "you your yours you're youre yourself",
    "first_plural": "we our us we're ours",
    "action": (
        "subscribe subscribed subscriber subscribers subscription sign login log register click tap"
        " share follow download newsletter newsletters join donate support continue watch listen"
        " read save shop buy deals sale unlock upgrade trial account print email enter submit"
        " accept reject manage settings skip view install"
    ),
    "furniture": (
        "cookie cookies privacy policy terms copyright rights reserved advertisement advertising"
        " advertise sponsored related comments comment menu search home contact about loading"
        " trending popular newsletter notifications video videos photos gallery topics tags"
        " recommended more latest next previous back top"
    ),
    "publishing": (
        "journalism journalist journalists reporters readers reader donation donations contribute"
        " contribution newsroom paywall membership members premium advertisers"
        " funded funding sponsors partner partners"
    ),
    "reporting": (
        "said says told according added stated explained asked announced reported noted claimed"
        " argued warned"
    ),
    "function": (
        "the of and to in that is was for with on as at by from he she it they his her their has"
        " have had were been be which who but not an this would will"
    ),
}
_CATEGORY = {word: index for index, words in enumerate(_WORDS.values()) for word in words.split()}
_PUNCT = ".,:;!?()[]\"'“”‘’"
_WORD = re.compile(r"[a-z']+")
_DIGIT = re.compile(r"\d")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk|html?)\b|@\w")
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b\d+ (?:min|mins|minutes|hours?|days?) ago\b|\b\d{1,2}:\d{2}\b"
)
_BULLETS = frozenset("*+-•·–—>#")
_HAS_DIGIT = re.compile(r"\d").search
_CAPITALISED = re.compile(r"\s[A-Z]")
# "US" is the country, not "us": lowercasing would count it as the page speaking as "we".
_COUNTRY_US = re.compile(r"\bUS\b")
# Menus, share buttons, section names and teaser lines recur from page to page of a publisher;
# article paragraphs, mostly longer, rarely do.
_CACHED_CHARS = 160
_CACHE: dict[str, tuple[float, ...]] = {}
_CACHE_SIZE = 50_000
# log1p of a block's length below the cache bound and of a head's word count, looked up.
_LOG1P = tuple(math.log1p(k) for k in range(max(_CACHED_CHARS, HEAD_CHARS) + 1))
_SENTENCE_END = frozenset(".!?\"”’)'")
_PIPES = re.compile(r" [|/•·] ")
# ASCII digits only: the share counts what a layout's numbering and timestamps are made of.
_ASCII_DIGIT = re.compile(r"[0-9]")
# How a page names its publisher: a copyright line, or "The Name is/has/'s" in its own voice.
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:[Tt]he\s+)?([A-Z][\w&'’.]*(?:\s+[A-Z&][\w&'’.]*){0,3})"
)
_SELF_NAME = re.compile(r"\bThe((?:\s+[A-Z][a-z]+){1,2})(?=\s+(?:is|has|was|will|does|relies|needs)\b|['’]s\b)")
_NOT_NAMES = frozenset(("All", "Copyright", "The", "News"))
_NAME_STOPS = frozenset(("All", "Rights", "Inc", "Ltd", "LLC", "Limited", "Plc", "The"))

# One block's own statistics, in this order; page_features adds position and neighbours.
_OWN = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "ends_sentence",
    "ends_colon",
    "bullet",
    "separators",
    "capital_share",
    "digit_share",
    "url",
    "copyright",
    "date",
    "by_line",
    "quote_marks",
    "commas",
    "sentences",
    "second",
    "first_plural",
    "action",
    "furniture",
    "reporting",
    "function",
    "short",
    "long_prose",
    "publishing",
    "address",
    "headline_start",
    "bullet_prose",
)
_CONTEXT = (
    "position",
    "first",
    "last",
    "prose_before",
    "prose_after",
    "relative_length",
    "prev_log_chars",
    "next_log_chars",
    "prev_ends_sentence",
    "next_ends_sentence",
    "prev_bullet",
    "next_bullet",
    "window_prose",
    "window_function",
    "window_action",
    "window_address",
    "self_reference",
    "repeated",
    "bias",
)
FEATURE_NAMES: tuple[str, ...] = _OWN + _CONTEXT
_N_OWN = len(_OWN)
# Context features by name: their rows below the own statistics in ``page_arrays``' matrix.
_C = {name: i for i, name in enumerate(_CONTEXT)}
_EMPTY = (0.0,) * _N_OWN
_IDX = {name: i for i, name in enumerate(_OWN)}
# Own statistics the neighbours see, and those averaged over five-block windows.
_NEIGHBOURED = [_IDX[name] for name in ("log_chars", "ends_sentence", "bullet")]
_PREVIOUS = [_C[f"prev_{name}"] for name in ("log_chars", "ends_sentence", "bullet")]
_NEXT = [_C[f"next_{name}"] for name in ("log_chars", "ends_sentence", "bullet")]
_WINDOWED = [_IDX[name] for name in ("long_prose", "function", "action", "address")]
_WINDOWS = [_C[f"window_{name}"] for name in ("prose", "function", "action", "address")]
_ADDRESS = _IDX["address"]
_LOG_CHARS, _PROSE = _IDX["log_chars"], _IDX["long_prose"]


def own_features(text: str) -> list[float]:
    """A block's own statistics (the first ``len(_OWN)`` features), from its head only."""
    return list(_own(text))


def _own(text: str) -> tuple[float, ...]:
    """``own_features`` as a tuple: cached blocks' tuples are shared through the cache."""
    s = text.strip()
    if not s:
        return _EMPTY
    n = len(s)
    if n >= _CACHED_CHARS:
        return _long_features(s, n)
    cached = _CACHE.get(s)
    if cached is None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        cached = _CACHE[s] = _short_features(s, n) if n < 40 else _long_features(s, n)
    return cached


def clear_cache() -> None:
    """Forget the features of blocks seen before (benchmarks time unseen pages with this)."""
    _CACHE.clear()


def _long_features(s: str, n: int) -> tuple[float, ...]:
    """``own_features`` for a stripped block of 40 characters or more."""
    head = s[:HEAD_CHARS]
    size = len(head)
    lower = head.lower()
    words = head.split()
    nw = len(words)
    counts = [0, 0, 0, 0, 0, 0, 0, 0]
    category = _CATEGORY.get
    for word in _WORD.findall(lower):
        counts[category(word, 7)] += 1
    second, plural, action, furniture, publishing, reporting, function, _ = counts
    if "US" in head:
        plural -= len(_COUNTRY_US.findall(head))
    quoted = '"' in head or "“" in head or "”" in head
    capitals = (len(_CAPITALISED.findall(head)) + head[0].isupper()) / nw
    first, last = s[0], s[-1]
    ends = 1.0 if last in _SENTENCE_END else 0.0
    separators = head.count("|")
    # A separator is " | ", " / ", " • " or " · ": without one of those marks no search is due.
    if separators or "/" in head or "•" in head or "·" in head:
        separators += len(_PIPES.findall(head))
    commas = head.count(",") * 5.0 / nw
    stops = head.count(". ") + ends
    second_share = second * 10.0 / nw
    plural_share = plural * 10.0 / nw
    action_share = action * 5.0 / nw
    furniture_share = furniture * 5.0 / nw
    reporting_share = reporting * 10.0 / nw
    publishing_share = publishing * 10.0 / nw
    address = 0.0 if quoted else (second + plural) * 10.0 / nw
    return (
        math.log1p(n) if n >= _CACHED_CHARS else _LOG1P[n],
        _LOG1P[nw],
        size / nw / 10.0 if size < nw * 20 else 2.0,
        ends,
        1.0 if last == ":" else 0.0,
        1.0 if first in _BULLETS else 0.0,
        separators / 5.0 if separators < 5 else 1.0,
        capitals if capitals < 1.0 else 1.0,
        len(_ASCII_DIGIT.findall(head)) / size,
        1.0 if _URL.search(lower) else 0.0,
        1.0 if "©" in head or "(c)" in lower or "copyright" in lower else 0.0,
        1.0 if n < 160 and _HAS_DIGIT(head) and _DATE.search(lower) else 0.0,
        1.0 if n < 150 and lower[:3] == "by " else 0.0,
        1.0 if quoted else 0.0,
        commas if commas < 2.0 else 2.0,
        stops / 10.0 if stops < 10 else 1.0,
        second_share if second_share < 2.0 else 2.0,
        plural_share if plural_share < 2.0 else 2.0,
        action_share if action_share < 2.0 else 2.0,
        furniture_share if furniture_share < 2.0 else 2.0,
        reporting_share if reporting_share < 2.0 else 2.0,
        function / nw,
        1.0 if nw <= 3 else 0.0,
        1.0 if n >= 120 and ends and nw >= 15 else 0.0,
        publishing_share if publishing_share < 2.0 else 2.0,
        # "You" and "we" outside any quotation: the page talking to its reader, not a source.
        address if address < 2.0 else 2.0,
        # Teasers open with a Title Case Headline, often glued to their summary.
        1.0 if nw >= 8 and [w[0].isupper() for w in words[:6]].count(True) >= 5 else 0.0,
        1.0 if first in _BULLETS and n >= 80 else 0.0,
    )


def _capped(value: float) -> float:
    return value if value < 2.0 else 2.0


def _short_features(s: str, n: int) -> tuple[float, ...]:
    """``own_features`` for a block under 40 characters: most statistics are moot there."""
    lower = s.lower()
    words = s.split()
    nw = len(words)
    counts = [0, 0, 0, 0, 0, 0, 0, 0]
    category = _CATEGORY.get
    if "US" in s:
        for word, original in zip(lower.split(), words, strict=False):
            if original.strip(_PUNCT) != "US":
                counts[category(word.strip(_PUNCT), 7)] += 1
    else:
        for word in lower.split():
            counts[category(word.strip(_PUNCT), 7)] += 1
    second, plural, action, furniture, publishing, reporting, function, _ = counts
    last = s[-1]
    ends = 1.0 if last in _SENTENCE_END else 0.0
    digits = len(_DIGIT.findall(s))
    commas = s.count(",") * 5.0 / nw if "," in s else 0.0
    if second or plural or action or furniture or publishing or reporting:
        shares = (
            _capped(second * 10.0 / nw),
            _capped(plural * 10.0 / nw),
            _capped(action * 5.0 / nw),
            _capped(furniture * 5.0 / nw),
            _capped(reporting * 10.0 / nw),
        )
        publishing_share = _capped(publishing * 10.0 / nw)
        address = _capped((second + plural) * 10.0 / nw)
    else:
        shares = (0.0, 0.0, 0.0, 0.0, 0.0)
        publishing_share = address = 0.0
    return (
        _LOG1P[n],
        _LOG1P[nw],
        n / nw / 10.0 if n < nw * 20 else 2.0,
        ends,
        1.0 if last == ":" else 0.0,
        1.0 if s[0] in _BULLETS else 0.0,
        0.2 if "|" in s or " / " in s else 0.0,
        [w[0].isupper() for w in words].count(True) / nw,
        digits / n,
        1.0 if ("." in s or "@" in s) and _URL.search(lower) else 0.0,
        1.0 if "©" in s or "(c)" in lower or "copyright" in lower else 0.0,
        1.0 if digits and _DATE.search(lower) else 0.0,
        1.0 if lower[:3] == "by " else 0.0,
        1.0 if '"' in s or "“" in s or "”" in s else 0.0,
        commas if commas < 2.0 else 2.0,
        ends / 10.0,
        *shares,
        function / nw,
        1.0 if nw <= 3 else 0.0,
        0.0,
        publishing_share,
        address,
        0.0,
        0.0,
    )


def self_names(texts: list[str], own: Sequence[Sequence[float]] | None = None) -> list[str]:
    """Names the page calls itself by: its copyright holder, and "The Name" where a block that
    addresses the reader ("you", "we" outside quotes) speaks of it ("The Independent is ...")."""
    names = []
    for k, text in enumerate(texts):
        if len(text) < 300 and ("©" in text or "opyright" in text or "(c)" in text):
            match = _COPYRIGHT_NAME.search(text)
            if match:
                name = []
                for word in match.group(1).split():
                    if word.strip(".,") in _NAME_STOPS:
                        break
                    name.append(word.strip(".,"))
                names.append(" ".join(name))
        elif "The " in text and (own[k][_ADDRESS] if own else own_features(text)[_ADDRESS]) > 0:
            names.extend(m.group(1).strip() for m in _SELF_NAME.finditer(text[:HEAD_CHARS]))
    return [n for n in dict.fromkeys(names) if len(n) > 2 and n not in _NOT_NAMES]


def page_features(texts: list[str]) -> list[list[float]]:
    """Feature vectors (``FEATURE_NAMES`` order) for every block of one page."""
    return page_arrays(texts)[1].T.tolist()


class PageRows(Sequence):
    """A page's feature rows (``FEATURE_NAMES`` order) as ``page_arrays`` gives them, each row
    built when read: after scoring, the cleaner reads whole rows for a few blocks only."""

    __slots__ = ("own", "matrix")

    def __init__(self, own: list[tuple[float, ...]], matrix: np.ndarray) -> None:
        self.own = own
        self.matrix = matrix

    def __len__(self) -> int:
        return len(self.own)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.own)))]
        return self.own[i] + tuple(self.matrix[_N_OWN:, i].tolist())


def page_arrays(texts: list[str]) -> tuple[list[tuple[float, ...]], np.ndarray]:
    """Every block's own statistics (a tuple each) and the page's feature matrix: a row per
    feature in ``FEATURE_NAMES`` order, a column per block.

    Context features are whole-row numpy operations; each is the same float the per-block
    arithmetic would give (sums run in block order, like Python's).
    """
    # A cache hit needs no call: a cached text is its own stripped form.
    cached = _CACHE.get
    own = [cached(t) or _own(t) for t in texts]
    n = len(own)
    matrix = np.zeros((len(FEATURE_NAMES), n))
    if not n:
        return own, matrix
    matrix[:_N_OWN] = np.fromiter(chain.from_iterable(own), float, n * _N_OWN).reshape(n, _N_OWN).T
    log_chars, long_prose = matrix[_LOG_CHARS], matrix[_PROSE]
    prose = long_prose * log_chars
    before = np.zeros(n + 1)
    np.cumsum(prose, out=before[1:])
    total = float(before[n]) or 1.0
    longest = float(log_chars.max()) or 1.0
    context = matrix[_N_OWN:]
    context[_C["position"]] = np.arange(n) / max(n - 1, 1)
    context[_C["first"], 0] = 1.0
    context[_C["last"], n - 1] = 1.0
    context[_C["prose_before"]] = before[:n] / total
    context[_C["prose_after"]] = (total - before[:n] - prose) / total
    context[_C["relative_length"]] = log_chars / longest
    context[_PREVIOUS, 1:] = matrix[_NEIGHBOURED, :-1]
    context[_NEXT, :-1] = matrix[_NEIGHBOURED, 1:]
    context[_WINDOWS] = window_means(matrix[_WINDOWED], 2, 2)
    # A block said twice on one page (share buttons, teaser lists) is rarely the story.
    seen = Counter(texts)
    if len(seen) < n:
        context[_C["repeated"]] = [1.0 if seen[t] > 1 else 0.0 for t in texts]
    names = self_names(texts, own)
    if names:
        named = [names[0] in t for t in texts]
        for name in names[1:]:
            named = [hit or name in t for hit, t in zip(named, texts, strict=True)]
        context[_C["self_reference"]] = named
    context[_C["bias"]] = 1.0
    return own, matrix


def window_means(values: np.ndarray, before: int, after: int) -> np.ndarray:
    """For every i, the mean of ``values[..., max(i - before, 0) : min(i + after + 1, n)]``
    (``values`` is one row, or a matrix of rows averaged each on its own)."""
    n = values.shape[-1]
    # Prefix sums make each mean O(1).
    cum = np.zeros((*values.shape[:-1], n + 1))
    np.cumsum(values, axis=-1, out=cum[..., 1:])
    highs, lows, widths = _window_bounds(n, before, after)
    return (cum[..., highs] - cum[..., lows]) / widths


@lru_cache(maxsize=4096)
def _window_bounds(n: int, before: int, after: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ends and widths of every block's window on a page of ``n`` blocks."""
    blocks = np.arange(n)
    highs = np.minimum(blocks + (after + 1), n)
    lows = np.maximum(blocks - before, 0)
    bounds = highs, lows, (highs - lows).astype(float)
    for array in bounds:
        array.flags.writeable = False  # shared by every page of this length
    return bounds


def block_features(texts: list[str], i: int) -> dict[str, float]:
    """The features of block ``i`` of a page, by name (see ``page_features`` for all blocks)."""
    return dict(zip(FEATURE_NAMES, page_features(texts)[i], strict=True))

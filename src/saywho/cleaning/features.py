"""Cheap per-block features that say how much a block of a page reads like article prose.

Public API (the HTML cleaner reuses it for HTML blocks):

``page_features(texts: list[str]) -> list[list[float]]``
    One feature vector per block of one page, in ``FEATURE_NAMES`` order. Vectorised: use it
    when scoring every block of a page (it computes each block's own statistics once).
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
# Menus, share buttons and section names recur from page to page of a publisher.
_SHORT_CACHE: dict[str, list[float]] = {}
_SHORT_CACHE_SIZE = 50_000
_SENTENCE_END = frozenset(".!?\"”’)'")
_PIPES = re.compile(r" [|/•·] ")
_NO_DIGITS = str.maketrans("", "", "0123456789")
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
_IDX = {name: i for i, name in enumerate(_OWN)}
_ADDRESS = _IDX["address"]
_LOG_CHARS, _ENDS, _BULLET, _FUNCTION, _ACTION, _PROSE = (
    _IDX["log_chars"],
    _IDX["ends_sentence"],
    _IDX["bullet"],
    _IDX["function"],
    _IDX["action"],
    _IDX["long_prose"],
)


def own_features(text: str) -> list[float]:
    """A block's own statistics (the first ``len(_OWN)`` features), from its head only."""
    return _own(text).copy()


def _own(text: str) -> list[float]:
    """``own_features`` without the copy: short blocks' lists are shared with the cache."""
    s = text.strip()
    if not s:
        return [0.0] * _N_OWN
    n = len(s)
    if n < 40:
        cached = _SHORT_CACHE.get(s)
        if cached is None:
            if len(_SHORT_CACHE) >= _SHORT_CACHE_SIZE:
                _SHORT_CACHE.clear()
            cached = _SHORT_CACHE[s] = _short_features(s, n)
        return cached
    head = s[:HEAD_CHARS]
    lower = head.lower()
    words = head.split()
    nw = len(words)
    counts = [0, 0, 0, 0, 0, 0, 0, 0]
    category = _CATEGORY.get
    for word in _WORD.findall(lower):
        counts[category(word, 7)] += 1
    if "US" in head:
        counts[1] -= len(_COUNTRY_US.findall(head))
    quoted = '"' in head or "“" in head or "”" in head
    capitals = min(1.0, (len(_CAPITALISED.findall(head)) + head[0].isupper()) / nw)
    ends = 1.0 if s[-1] in _SENTENCE_END else 0.0
    separators = len(_PIPES.findall(head)) + head.count("|")
    commas = head.count(",") * 5.0 / nw
    stops = head.count(". ") + ends
    return [
        math.log1p(n),
        math.log1p(nw),
        len(head) / nw / 10.0 if len(head) < nw * 20 else 2.0,
        ends,
        1.0 if s[-1] == ":" else 0.0,
        1.0 if s[0] in _BULLETS else 0.0,
        separators / 5.0 if separators < 5 else 1.0,
        capitals,
        (len(head) - len(head.translate(_NO_DIGITS))) / len(head),
        1.0 if _URL.search(lower) else 0.0,
        1.0 if "©" in head or "(c)" in lower or "copyright" in lower else 0.0,
        1.0 if n < 160 and _HAS_DIGIT(head) and _DATE.search(lower) else 0.0,
        1.0 if n < 150 and lower[:3] == "by " else 0.0,
        1.0 if quoted else 0.0,
        commas if commas < 2.0 else 2.0,
        stops / 10.0 if stops < 10 else 1.0,
        _capped(counts[0] * 10.0 / nw),
        _capped(counts[1] * 10.0 / nw),
        _capped(counts[2] * 5.0 / nw),
        _capped(counts[3] * 5.0 / nw),
        _capped(counts[5] * 10.0 / nw),
        counts[6] / nw,
        1.0 if nw <= 3 else 0.0,
        1.0 if n >= 120 and ends and nw >= 15 else 0.0,
        _capped(counts[4] * 10.0 / nw),
        # "You" and "we" outside any quotation: the page talking to its reader, not a source.
        0.0 if quoted else _capped((counts[0] + counts[1]) * 10.0 / nw),
        # Teasers open with a Title Case Headline, often glued to their summary.
        1.0 if nw >= 8 and sum(1 for w in words[:6] if w[0].isupper()) >= 5 else 0.0,
        1.0 if s[0] in _BULLETS and n >= 80 else 0.0,
    ]


def _capped(value: float) -> float:
    return value if value < 2.0 else 2.0


def _short_features(s: str, n: int) -> list[float]:
    """``own_features`` for a block under 40 characters: most statistics are moot there."""
    lower = s.lower()
    words = s.split()
    nw = len(words)
    counts = [0, 0, 0, 0, 0, 0, 0, 0]
    category = _CATEGORY.get
    for word, original in zip(lower.split(), words, strict=False):
        if original.strip(_PUNCT) != "US":
            counts[category(word.strip(_PUNCT), 7)] += 1
    ends = 1.0 if s[-1] in _SENTENCE_END else 0.0
    digits = len(_DIGIT.findall(s)) if _HAS_DIGIT(s) else 0
    return [
        math.log1p(n),
        math.log1p(nw),
        n / nw / 10.0 if n < nw * 20 else 2.0,
        ends,
        1.0 if s[-1] == ":" else 0.0,
        1.0 if s[0] in _BULLETS else 0.0,
        0.2 if "|" in s or " / " in s else 0.0,
        sum(1 for w in words if w[0].isupper()) / nw,
        digits / n,
        1.0 if ("." in s or "@" in s) and _URL.search(lower) else 0.0,
        1.0 if "©" in s or "(c)" in lower or "copyright" in lower else 0.0,
        1.0 if digits and _DATE.search(lower) else 0.0,
        1.0 if lower[:3] == "by " else 0.0,
        1.0 if '"' in s or "“" in s or "”" in s else 0.0,
        _capped(s.count(",") * 5.0 / nw),
        ends / 10.0,
        _capped(counts[0] * 10.0 / nw),
        _capped(counts[1] * 10.0 / nw),
        _capped(counts[2] * 5.0 / nw),
        _capped(counts[3] * 5.0 / nw),
        _capped(counts[5] * 10.0 / nw),
        counts[6] / nw,
        1.0 if nw <= 3 else 0.0,
        0.0,
        _capped(counts[4] * 10.0 / nw),
        _capped((counts[0] + counts[1]) * 10.0 / nw),
        0.0,
        0.0,
    ]


def self_names(texts: list[str], own: list[list[float]] | None = None) -> list[str]:
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
    own = [_own(t) for t in texts]
    n = len(own)
    if not n:
        return []
    prose = [o[_PROSE] * o[_LOG_CHARS] for o in own]
    total = sum(prose) or 1.0
    longest = max(o[_LOG_CHARS] for o in own) or 1.0
    # A block said twice on one page (share buttons, teaser lists) is rarely the story.
    seen: dict[str, int] = {}
    for t in texts:
        seen[t] = seen.get(t, 0) + 1
    names = self_names(texts, own)
    # Prefix sums make the five-block window means O(1) per block.
    cum_prose, cum_function, cum_action, cum_address = [0.0], [0.0], [0.0], [0.0]
    for o in own:
        cum_prose.append(cum_prose[-1] + o[_PROSE])
        cum_function.append(cum_function[-1] + o[_FUNCTION])
        cum_action.append(cum_action[-1] + o[_ACTION])
        cum_address.append(cum_address[-1] + o[_ADDRESS])
    empty = [0.0] * _N_OWN
    rows = []
    before = 0.0
    span = max(n - 1, 1)
    for i, o in enumerate(own):
        prev = own[i - 1] if i else empty
        nxt = own[i + 1] if i + 1 < n else empty
        lo = i - 2 if i > 2 else 0
        hi = i + 3 if i + 3 < n else n
        width = hi - lo
        row = [
            *o,
            i / span,
            1.0 if i == 0 else 0.0,
            1.0 if i == n - 1 else 0.0,
            before / total,
            (total - before - prose[i]) / total,
            o[_LOG_CHARS] / longest,
            prev[_LOG_CHARS],
            nxt[_LOG_CHARS],
            prev[_ENDS],
            nxt[_ENDS],
            prev[_BULLET],
            nxt[_BULLET],
            (cum_prose[hi] - cum_prose[lo]) / width,
            (cum_function[hi] - cum_function[lo]) / width,
            (cum_action[hi] - cum_action[lo]) / width,
            (cum_address[hi] - cum_address[lo]) / width,
            1.0 if names and any(name in texts[i] for name in names) else 0.0,
            1.0 if seen[texts[i]] > 1 else 0.0,
            1.0,
        ]
        rows.append(row)
        before += prose[i]
    return rows


def block_features(texts: list[str], i: int) -> dict[str, float]:
    """The features of block ``i`` of a page, by name (see ``page_features`` for all blocks)."""
    return dict(zip(FEATURE_NAMES, page_features(texts)[i], strict=True))

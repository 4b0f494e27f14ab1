"""The HTML block classifier: is a block of a page part of the article, or boilerplate?

Two stacked stages, scored in numpy at inference. The first, boosted trees, scores each block from
its own features: the page structure around it (tag, ancestor tags, class/id keywords such as
"related" or "newsletter", link density, depth, position), whether resiliparse's main-content
extractor kept it, and the text features of ``saywho.cleaning.features``. The second adds the
first's scores for the block's neighbours and its container, because article paragraphs come in
runs, the block's place relative to the page's confident core, to its densest run of article
text and to the subtree holding the most article text; it is boosted trees too. Both stages see
the shape of a block's siblings (teaser lists are runs of same-sized units that each link).
``RepeatFilter`` then drops a kept long block that mostly repeats the text kept before it (the
metric and a reader count a story shipped twice as twice the text). Weights live in
``html_model.json``; ``scripts/train_html_cleaning.py`` rebuilds them.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from saywho.cleaning.features import FEATURE_NAMES as TEXT_FEATURE_NAMES
from saywho.cleaning.features import page_arrays
from saywho.cleaning.html_trees import tree_sums, tree_tables
from saywho.input.html_blocks import CLASS_NAMES, CONTEXT_TAGS, HtmlBlock, class_groups

_LONG_PROSE = TEXT_FEATURE_NAMES.index("long_prose")
_N_FIXED = 34
WEIGHTS_PATH = Path(__file__).with_name("html_model.json")
BLOCK_TAG_GROUPS = ("p", "h1", "h2", "h3", "h4", "li", "td", "blockquote", "figcaption", "div", "pre", "dd")
_TAG_SLOT = {"h5": "h4", "h6": "h4", "th": "td", "dt": "dd", "section": "div", "article": "div", "br": "div"}
HTML_FEATURE_NAMES: tuple[str, ...] = (
    ("link_density", "in_main", "in_main_long", "hidden", "depth", "container_log_chars",
     "container_blocks", "container_links", "container_main", "duplicate", "prev_in_main",
     "next_in_main", "prev_links", "next_links", "chars_before", "main_span", "main_depth_gap",
     "best_container", "best_outer", "credit", "all_caps", "main_prose", "main_p", "outer_main",
     "caption_short", "list_link", "main_distance", "after_image", "about_company", "title_like",
     "title_run", "after_last_main", "before_first_main", "link_run")
    + tuple(f"tag_{t}" for t in BLOCK_TAG_GROUPS)
    + tuple(f"inside_{t}" for t in CONTEXT_TAGS)
    + tuple(f"class_{c}" for c in CLASS_NAMES)
    + tuple(f"shape_{stat}_{level}" for level in (1, 2) for stat in ("units", "linked", "links", "spread"))
)
FEATURE_NAMES: tuple[str, ...] = HTML_FEATURE_NAMES + tuple(f"text_{n}" for n in TEXT_FEATURE_NAMES)
STACK_FEATURE_NAMES = (
    "own", "prev", "next", "prev2", "next2", "container_mean", "window_mean", "page_mean", "run_length",
    "core_inside", "core_distance", "core_before", "core_after", "log_chars", "own_vs_top", "own_outside_core",
    "subtree_inside", "subtree_up", "subtree_down", "teaser", "repeats", "section_aside",
    *(f"shape_{stat}_{level}" for level in (1, 2, 3) for stat in ("units", "linked", "links", "spread")),
    "run_inside", "run_distance",
)
_SHAPE_LEVELS = 3
_N_SHAPES = 4
_CONTEXT_OFFSET = _N_FIXED + len(BLOCK_TAG_GROUPS)
_FIRST_SHAPES = 2 * _N_SHAPES
_SHAPE_OFFSET = len(HTML_FEATURE_NAMES) - _FIRST_SHAPES
_FLAGS_END = _CONTEXT_OFFSET + len(CONTEXT_TAGS) + len(CLASS_NAMES)
# A block scoring this high with this much text is part of the page's confident core.
CORE_SCORE = 0.8
CORE_CHARS = 80
_TAG_INDEX = {t: i for i, t in enumerate(BLOCK_TAG_GROUPS)}
_CAPTION_SLOTS = {CONTEXT_TAGS.index("figure"), CONTEXT_TAGS.index("figcaption"), len(CONTEXT_TAGS) + CLASS_NAMES.index("caption")}
_LIST_SLOT = CONTEXT_TAGS.index("li")
# Class/id groups that, on a section's heading, mark the whole section as not the story.
_ASIDE_SLOTS = frozenset(len(CONTEXT_TAGS) + CLASS_NAMES.index(g) for g in ("related", "newsletter", "comment", "share", "promo", "sidebar"))
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_PREFIX = 40

# Photo credits and captions: "(Image: GETTY)", "Photo: AP", "[File: Reuters]".
_CREDIT = re.compile(r"\b(?:photo|image|picture|credit|getty|reuters|afp|shutterstock|file|illustration)\b", re.I)
# The publisher's or a company's self-description that closes press-release style pages.
_ABOUT = re.compile(
    r"^about\b|\b(?:is|are) (?:an?|the)\b[^.]{0,80}\b(?:company|provider|firm|organi[sz]ation|leader|agency|"
    r"publisher|network|platform|manufacturer|developer|group|institute|foundation|supplier)\b|"
    r"\bfor more information\b|\bvisit (?:us at |www\.|https?://)|\bfollow (?:us|him|her|them) on\b",
    re.I,
)
_TERMINAL = frozenset('.!?"\u201d\u2019)')
# Words one of which every match of _ABOUT's middle branch holds: a plain search for them
# rules most text out before the slow pattern runs.
_ABOUT_NOUNS = re.compile(
    "company|provider|firm|organi|leader|agency|publisher|network|platform|manufacturer|developer|group|institute|foundation|supplier"
)


# The only non-ASCII letters re.I matches to ASCII ones: Turkish dotted and dotless i ("i"),
# long s ("s") and the Kelvin sign ("k"). In text without them, a keyword the patterns spell in
# ASCII matches case-insensitively only where ``text.lower()`` holds it in lowercase.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDING = re.compile(f"[{FOLDS_TO_ASCII}]")


def _lowers_safely(text: str) -> bool:
    return text.isascii() or _FOLDING.search(text) is None


def _is_credit(text: str) -> bool:
    if _lowers_safely(text):
        low = text.lower()
        if not (
            "photo" in low or "image" in low or "picture" in low or "credit" in low or "getty" in low or "reuters" in low
            or "afp" in low or "shutterstock" in low or "file" in low or "illustration" in low
        ):
            return False
    return _CREDIT.search(text) is not None


def _is_about(text: str) -> bool:
    if _lowers_safely(text):
        low = text.lower()
        if not (
            "about" in low or "information" in low or "visit" in low or "follow" in low
            or (("is " in low or "are " in low) and _ABOUT_NOUNS.search(low))
        ):
            return False
    return _ABOUT.search(text) is not None


def block_feature_rows(blocks: list[HtmlBlock], in_main: list[bool]) -> list[list[float]]:
    """One feature vector (``FEATURE_NAMES`` order) per block of one page."""
    return block_feature_matrix(blocks, in_main).tolist() if blocks else []


def block_feature_matrix(blocks: list[HtmlBlock], in_main: list[bool], shapes: np.ndarray | None = None) -> np.ndarray:
    """The page's feature rows as one matrix, a row per block, columns in ``FEATURE_NAMES`` order.

    ``shapes`` is ``sibling_shapes(blocks)`` when the caller has it already.
    """
    n = len(blocks)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    if shapes is None:
        shapes = sibling_shapes(blocks)
    texts = [b.text for b in blocks]
    text_matrix = page_arrays(texts)[1]
    lengths = [len(t) for t in texts]
    size = np.array(lengths, dtype=float)
    link_chars = np.fromiter((b.link_chars for b in blocks), float, n)
    links = link_chars / size
    main = np.array(in_main, dtype=bool)
    depth = np.fromiter((b.depth for b in blocks), float, n)
    _, by_container = np.unique(np.fromiter((b.container for b in blocks), np.intp, n), return_inverse=True)
    _, by_outer = np.unique(np.fromiter((b.outer for b in blocks), np.intp, n), return_inverse=True)
    container_chars = np.bincount(by_container, size)
    container_sizes = np.maximum(container_chars, 1.0)
    outer_chars = np.bincount(by_outer, size)
    seen: dict[str, int] = {}
    for t in texts:
        seen[t] = seen.get(t, 0) + 1
    main_positions = np.flatnonzero(main)
    first_main = int(main_positions[0]) if len(main_positions) else n
    last_main = int(main_positions[-1]) if len(main_positions) else -1
    main_depths = sorted(blocks[i].depth for i in main_positions.tolist() if lengths[i] > 80) or [0]
    main_depth = main_depths[len(main_depths) // 2]
    longest = max(range(n), key=lambda i: lengths[i] if in_main[i] else lengths[i] // 4)
    title_like = np.array([_title_like(t, k) for t, k in zip(texts, links.tolist(), strict=True)])
    index = np.arange(n)
    isolated = np.zeros(n + 4)
    columns = np.zeros((n, _N_FIXED))
    columns[:, 0] = links
    columns[:, 1] = main
    columns[:, 2] = main & (size > 80)
    columns[:, 3] = np.fromiter((b.hidden for b in blocks), bool, n)
    columns[:, 4] = np.minimum(depth, 60) / 60.0
    columns[:, 5] = (np.array([math.log1p(c) for c in container_chars.tolist()]) / 10.0)[by_container]
    columns[:, 6] = np.minimum(np.bincount(by_container), 50)[by_container] / 50.0
    columns[:, 7] = (np.bincount(by_container, link_chars) / container_sizes)[by_container]
    columns[:, 8] = (np.bincount(by_container, size * main) / container_sizes)[by_container]
    columns[:, 9] = np.fromiter((seen[t] > 1 for t in texts), bool, n)
    columns[1:, 10] = main[:-1]
    columns[:-1, 11] = main[1:]
    columns[:, 12] = np.concatenate([[1.0], links[:-1]])
    columns[:, 13] = np.concatenate([links[1:], [1.0]])
    columns[:, 14] = (np.cumsum(size) - size) / (sum(lengths) or 1)
    columns[:, 15] = (index >= first_main) & (index <= last_main)
    columns[:, 16] = np.minimum(np.abs(depth - main_depth), 10) / 10.0
    columns[:, 17] = by_container == by_container[longest]
    columns[:, 18] = by_outer == by_outer[longest]
    columns[:, 19] = [size < 250 and _is_credit(t) for t, size in zip(texts, lengths, strict=True)]
    columns[:, 20] = [t.isupper() for t in texts]
    columns[:, 21] = main * text_matrix[_LONG_PROSE]
    columns[:, 22] = main & np.fromiter((b.tag == "p" for b in blocks), bool, n)
    columns[:, 23] = (np.bincount(by_outer, size * main) / np.maximum(outer_chars, 1.0))[by_outer]
    columns[:, 24] = (size < 300) & np.fromiter((not _CAPTION_SLOTS.isdisjoint(b.context) for b in blocks), bool, n)
    columns[:, 25] = (links > 0.5) & np.fromiter((_LIST_SLOT in b.context for b in blocks), bool, n)
    columns[:, 26] = np.minimum(np.abs(index - np.array(_nearest(in_main))), 20) / 20.0
    columns[:, 27] = (size < 300) & np.fromiter((b.after_image for b in blocks), bool, n)
    columns[:, 28] = [size < 600 and _is_about(t) for t, size in zip(texts, lengths, strict=True)]
    columns[:, 29] = title_like
    # Window sums over [i - 2, i + 2] added left to right from zero, as sum() adds a slice.
    isolated[2:-2] = title_like
    columns[:, 30] = _window_sum(isolated, n) / 5.0
    columns[:, 31] = index > last_main
    columns[:, 32] = index < first_main
    isolated[2:-2] = links
    columns[:, 33] = _window_sum(isolated, n) / (np.minimum(index + 3, n) - np.maximum(index - 2, 0))
    # A page's blocks come in a few dozen (tag, context) kinds: their flags are set once a kind.
    kinds: dict[tuple[str, tuple[int, ...]], int] = {}
    kind_of = [kinds.setdefault((b.tag, b.context), len(kinds)) for b in blocks]
    flags = np.zeros((len(kinds), _FLAGS_END - _N_FIXED))
    div_slot = _TAG_INDEX["div"]
    for (tag, context), row in kinds.items():
        flags[row, _TAG_INDEX.get(_TAG_SLOT.get(tag, tag), div_slot)] = 1.0
        for slot in context:
            flags[row, _CONTEXT_OFFSET - _N_FIXED + slot] = 1.0
    matrix = np.zeros((n, len(FEATURE_NAMES)))
    matrix[:, :_N_FIXED] = columns
    matrix[:, _N_FIXED:_FLAGS_END] = flags[kind_of]
    matrix[:, len(HTML_FEATURE_NAMES):] = text_matrix.T
    matrix[:, _SHAPE_OFFSET:len(HTML_FEATURE_NAMES)] = shapes[:, :_FIRST_SHAPES]
    return matrix


def sibling_shapes(blocks: list[HtmlBlock]) -> np.ndarray:
    """Per block, for its own element and the two enclosing ones (a unit each): how many units
    share that unit's parent, the share of them holding a link, their mean link density, and
    the spread of their log sizes.

    Teaser lists and link rails are runs of same-sized sibling units that each hold a link;
    a story's paragraphs vary in size and few of them link.
    """
    parent_of: dict[int, int] = {}
    children: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    links: dict[int, int] = {}
    for b in blocks:
        path = b.path
        if not path:
            continue
        leaf = path[-1]
        if leaf in sizes:
            sizes[leaf] += len(b.text)
            links[leaf] += b.link_chars
            continue
        sizes[leaf] = len(b.text)
        links[leaf] = b.link_chars
        # A path's upper part is known once one of its links is: each element is met once.
        for i in range(len(path) - 1, 0, -1):
            if path[i] in parent_of:
                break
            parent_of[path[i]] = path[i - 1]
            children.setdefault(path[i - 1], []).append(path[i])
    if not parent_of:
        return np.zeros((len(blocks), _SHAPE_LEVELS * _N_SHAPES))
    # Element ids grow in document order, so every child is summed before its parent.
    for node in sorted(parent_of, reverse=True):
        up = parent_of[node]
        sizes[up] = sizes.get(up, 0) + sizes.get(node, 0)
        links[up] = links.get(up, 0) + links.get(node, 0)
    stats = _unit_stats(children, sizes, links)
    empty = (0.0,) * _N_SHAPES
    made: dict[int, int] = {}
    table: list[float] = []
    row_of = []
    for b in blocks:
        # A block's container fixes the elements above it; 0 stands for none.
        row = made.get(b.container)
        if row is None:
            row = made[b.container] = len(made)
            node = b.container
            for _ in range(_SHAPE_LEVELS):
                found = stats.get(node)
                table.extend(found or empty)
                node = parent_of.get(node, 0) if found else 0
        row_of.append(row)
    return np.array(table, dtype=float).reshape(len(made), _SHAPE_LEVELS * _N_SHAPES)[row_of]


def _unit_stats(children: dict[int, list[int]], sizes: dict[int, int], links: dict[int, int]) -> dict[int, tuple[float, ...]]:
    """``sibling_shapes``'s four figures for every element with children."""
    parents = list(children)
    kids = [c for p in parents for c in children[p]]
    counts = np.array([len(children[p]) for p in parents], dtype=float)
    group = np.repeat(np.arange(len(parents)), counts.astype(np.intp))
    chars = np.array([sizes.get(c, 0) for c in kids], dtype=float)
    linked = np.array([links.get(c, 0) for c in kids], dtype=float)
    logs = np.log1p(chars)
    means = np.bincount(group, logs) / counts
    variances = np.bincount(group, (logs - means[group]) ** 2) / counts
    # Units of one size give a variance of rounding noise, whose root would be far from 0.
    variances[variances < 1e-12] = 0.0
    columns = np.stack([
        np.log1p(counts) / 5.0,
        np.bincount(group, linked > 0) / counts,
        np.bincount(group, linked / np.maximum(chars, 1.0)) / counts,
        np.sqrt(variances),
    ], axis=1)
    return dict(zip(parents, map(tuple, columns.tolist()), strict=True))


def _window_sum(padded: np.ndarray, n: int) -> np.ndarray:
    """Sums of five consecutive values of ``padded`` (two zeros each side of ``n`` values)."""
    total = np.zeros(n)
    for shift in range(5):
        total += padded[shift:shift + n]
    return total


def _title_like(text: str, link_share: float) -> float:
    """1.0 for a headline-shaped block: short, unpunctuated at the end, linked or capitalised."""
    if not text or len(text) > 140 or text[-1] in _TERMINAL:
        return 0.0
    if link_share > 0.5:
        return 1.0
    words = text.split()
    capital = sum(1 for w in words if w[0].isupper())
    return 1.0 if len(words) >= 3 and capital * 2 > len(words) else 0.0


def _nearest(flags: list[bool]) -> list[int]:
    """For each position, the index of the nearest flagged position (far away when none is)."""
    n = len(flags)
    far = -10 * n - 100
    nearest = [far] * n
    last = far
    for i in range(n):
        if flags[i]:
            last = i
        nearest[i] = last
    last = far
    for i in range(n - 1, -1, -1):
        if flags[i]:
            last = i
        if last != far and (nearest[i] == far or last - i < i - nearest[i]):
            nearest[i] = last
    return nearest


def stack_rows(blocks: list[HtmlBlock], first: list[float], shapes: np.ndarray | None = None) -> list[list[float]]:
    """``stack_matrix`` as lists, a row per block."""
    return stack_matrix(blocks, first, shapes).tolist()


def stack_matrix(blocks: list[HtmlBlock], first: list[float], shapes: np.ndarray | None = None) -> np.ndarray:
    """Second-stage inputs (``STACK_FEATURE_NAMES``): each block's first-stage score beside its
    neighbours', its place relative to the page's confident core and to its densest run of
    article text, its place in the tree relative to the subtree holding the most article
    evidence, the shape of its siblings (``sibling_shapes``), and whether it repeats or teases
    another block or sits under a "related" / "comments" heading."""
    n = len(first)
    if shapes is None:
        shapes = sibling_shapes(blocks)
    if not n:
        return np.zeros((0, len(STACK_FEATURE_NAMES)))
    scores = np.array(first, dtype=float)
    logits = _logits(scores)
    edge = _logit(0.0)
    _, group = np.unique(np.fromiter((b.container for b in blocks), np.intp, n), return_inverse=True)
    container_means = _logits(np.bincount(group, scores) / np.bincount(group))[group]
    cumulative = np.zeros(n + 1)
    np.cumsum(scores, out=cumulative[1:])
    index = np.arange(n)
    lo, hi = np.maximum(index - 3, 0), np.minimum(index + 4, n)
    runs = np.array(_run_lengths([p >= 0.5 for p in first]), dtype=float)
    lengths = [len(b.text) for b in blocks]
    core = np.array(_core_places(lengths, first))
    reference = _logit(sorted(first, reverse=True)[min(2, n - 1)])
    texts = [b.text for b in blocks]
    seen: dict[str, int] = {}
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
    columns = [
        logits,
        np.concatenate([[edge], logits[:-1]]),
        np.concatenate([logits[1:], [edge]]),
        np.concatenate([[edge, edge], logits[:-2]])[:n],
        np.concatenate([logits[2:], [edge, edge]])[-n:],
        container_means,
        _logits((cumulative[hi] - cumulative[lo]) / (hi - lo)),
        np.full(n, _logit(float(cumulative[n]) / n)),
        np.copysign(np.log1p(np.abs(runs)), runs),
        core,
        np.log1p(np.array(lengths, dtype=float)) / 8.0,
        logits - reference,
        (1.0 - core[:, 0]) * logits,
        np.array(_subtree_places(blocks, lengths, first)),
        np.array(_teasers(texts)),
        np.fromiter((min(seen[t] - 1, 5) / 5.0 for t in texts), float, n),
        np.array(_aside_sections(blocks)),
        shapes,
        np.array(_story_run(lengths, first)),
    ]
    return np.column_stack(columns)


def _story_run(lengths: list[int], first: list[float]) -> list[tuple[float, float]]:
    """Per block: inside the run of blocks with the most first-stage article text net of
    boilerplate text (the story), and how many blocks away from it.

    Unlike the confident core, the run stops at a long stretch of boilerplate between the story
    and a teaser list that scores well block by block.
    """
    best, best_lo, best_hi = -math.inf, 0, -1
    total, lo = 0.0, 0
    for i, (size, p) in enumerate(zip(lengths, first, strict=True)):
        if total <= 0:
            total, lo = 0.0, i
        total += size * (2.0 * p - 1.0)
        if total > best:
            best, best_lo, best_hi = total, lo, i
    return [
        (1.0, 0.0) if best_lo <= i <= best_hi else (0.0, math.log1p(best_lo - i if i < best_lo else i - best_hi))
        for i in range(len(first))
    ]


def _core_places(lengths: list[int], first: list[float]) -> list[tuple[float, float, float, float]]:
    """Per block: inside the run from the first to the last confident paragraph, how many blocks
    outside it, and the shares of confident text before and after it.

    Captions, "About" paragraphs and newsletter pitches sit at the edges of or outside that run.
    """
    n = len(first)
    confident = [first[i] >= CORE_SCORE and lengths[i] >= CORE_CHARS for i in range(n)]
    marks = [i for i in range(n) if confident[i]]
    lo, hi = (marks[0], marks[-1]) if marks else (n, -1)
    total = sum(lengths[i] for i in marks) or 1
    places = []
    seen = 0
    for i in range(n):
        inside = lo <= i <= hi
        distance = 0 if inside else (lo - i if i < lo else i - hi)
        mass = lengths[i] if confident[i] else 0
        places.append((1.0 if inside else 0.0, math.log1p(distance), seen / total, 1.0 - (seen + mass) / total))
        seen += mass
    return places


def _subtree_places(blocks: list[HtmlBlock], lengths: list[int], first: list[float]) -> list[tuple[float, float, float]]:
    """Per block: inside the element whose text is most article by first-stage score, the levels
    from the block up to where it meets that element, and from there down to the element.

    Teaser lists and "You may like" cards often score like prose one by one, but sit in another
    branch of the tree than the story.
    """
    mass: dict[int, float] = {}
    parent_of: dict[int, int] = {}
    for b, size, p in zip(blocks, lengths, first, strict=True):
        path = b.path
        if not path:
            continue
        leaf = path[-1]
        if leaf in mass:
            mass[leaf] += size * (2.0 * p - 1.0)
            continue
        mass[leaf] = size * (2.0 * p - 1.0)
        for i in range(len(path) - 1, 0, -1):
            if path[i] in parent_of:
                break
            parent_of[path[i]] = path[i - 1]
    if not mass:
        return [(0.0, 0.0, 0.0)] * len(blocks)
    # Element ids grow in document order: children are summed into their parents first.
    for node in sorted(parent_of, reverse=True):
        up = parent_of[node]
        mass[up] = mass.get(up, 0.0) + mass.get(node, 0.0)
    # Of equal masses (an element and its only child) the outermost, first element wins.
    top = max(mass.values())
    best = min(node for node, value in mass.items() if value == top)
    best_path: tuple[int, ...] = ()
    for b in blocks:
        if best in b.path:
            best_path = b.path[: b.path.index(best) + 1]
            break
    places = []
    # The elements above a block follow from its container: how far they follow the best
    # element's path is worked out once per container.
    shared: dict[int, int] = {}
    for b in blocks:
        path = b.path
        if best in path:
            places.append((1.0, 0.0, min(len(path) - path.index(best) - 1, 10) / 10.0))
            continue
        common = shared.get(b.container)
        if common is None:
            common = 0
            for mine, theirs in zip(path[:-1], best_path, strict=False):
                if mine != theirs:
                    break
                common += 1
            shared[b.container] = common
        if common == len(path) - 1 and common < len(best_path) and path[-1] == best_path[common]:
            common += 1
        places.append((0.0, min(len(path) - common, 10) / 10.0, min(len(best_path) - common, 10) / 10.0))
    return places


def _aside_sections(blocks: list[HtmlBlock]) -> list[float]:
    """1.0 for blocks in a section whose heading is classed as related links, comments, a
    newsletter pitch and the like: the class sits on the heading, not on the cards below it."""
    marked: set[int] = set()
    flags = []
    for b in blocks:
        if b.tag in _HEADINGS and b.attrs and not _ASIDE_SLOTS.isdisjoint(class_groups(b.attrs)) and len(b.path) > 1:
            marked.add(b.path[-2])
        flags.append(1.0 if marked and not marked.isdisjoint(b.path) else 0.0)
    return flags


def _teasers(texts: list[str]) -> list[float]:
    """1.0 for a block that opens like another, different block (a teaser of a paragraph) or
    opens with another block's whole text (a linked headline followed by its summary)."""
    openings: dict[str, set[str]] = {}
    short: dict[str, set[str]] = {}
    for text in texts:
        size = len(text)
        if size >= _PREFIX:
            openings.setdefault(text[:_PREFIX], set()).add(text)
        if 20 <= size < 200:
            short.setdefault(text[:20], set()).add(text)
    flags = []
    for text in texts:
        size = len(text)
        if size >= _PREFIX and len(openings[text[:_PREFIX]]) > 1:
            flags.append(1.0)
            continue
        heads = short.get(text[:20]) if size >= 20 else None
        # Most blocks share their opening with no other block: no head to test.
        if not heads or (len(heads) == 1 and text in heads):
            flags.append(0.0)
            continue
        flags.append(1.0 if any(len(t) < size and text.startswith(t) for t in heads) else 0.0)
    return flags


def _run_lengths(flags: list[bool]) -> list[int]:
    """For each position, the length of the run of equal flags it sits in, signed by the flag."""
    runs = [0] * len(flags)
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            size = i - start if flags[start] else -(i - start)
            runs[start:i] = [size] * (i - start)
            start = i
    return runs


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _logits(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _sigmoids(raw: list[float]) -> list[float]:
    """The logistic function of each raw score, saturated beyond +-30."""
    exp = math.exp
    return [0.0 if z < -30 else 1.0 if z > 30 else 1.0 / (1.0 + exp(-z)) for z in raw]


@lru_cache(maxsize=4)
def load_weights(path: str = str(WEIGHTS_PATH)) -> dict:
    """The weights, with both stages as arrays over today's ``FEATURE_NAMES`` and ``STACK_FEATURE_NAMES``.

    The text features belong to the cleaning package and may gain or lose members between
    retrainings: a feature the weights lack reads as zero, one they have that is gone is ignored.
    """
    with open(path, encoding="utf-8") as handle:
        weights = json.load(handle)
    weights["first_tables"] = tree_tables(weights["first"], weights["features"], FEATURE_NAMES)
    weights["second_tables"] = tree_tables(weights["second"], weights["stack_features"], STACK_FEATURE_NAMES)
    return weights


def score_blocks(blocks: list[HtmlBlock], in_main: list[bool], weights: dict | None = None) -> list[float]:
    """The probability that each block belongs to the article."""
    if not blocks:
        return []
    weights = weights or load_weights()
    shapes = sibling_shapes(blocks)
    first = _sigmoids(tree_sums(block_feature_matrix(blocks, in_main, shapes), weights["first_tables"]))
    return _sigmoids(tree_sums(stack_matrix(blocks, first, shapes), weights["second_tables"]))

"""The HTML block classifier: is a block of a page part of the article, or boilerplate?

Two stacked stages, pure Python at inference. The first, boosted trees, scores each block from
its own features: the page structure around it (tag, ancestor tags, class/id keywords such as
"related" or "newsletter", link density, depth, position), whether resiliparse's main-content
extractor kept it, and the text features of ``saywho.cleaning.features``. The second adds the
first's scores for the block's neighbours and its container, because article paragraphs come in
runs, and the block's place relative to the page's confident core and to the subtree holding
the most article text; it is boosted trees too. Weights live in ``html_model.json``; ``scripts/train_html_cleaning.py`` rebuilds them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from saywho.cleaning.features import FEATURE_NAMES as TEXT_FEATURE_NAMES
from saywho.cleaning.features import page_arrays
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
)
FEATURE_NAMES: tuple[str, ...] = HTML_FEATURE_NAMES + tuple(f"text_{n}" for n in TEXT_FEATURE_NAMES)
STACK_FEATURE_NAMES = (
    "own", "prev", "next", "prev2", "next2", "container_mean", "window_mean", "page_mean", "run_length",
    "core_inside", "core_distance", "core_before", "core_after", "log_chars", "own_vs_top", "own_outside_core",
    "subtree_inside", "subtree_up", "subtree_down", "teaser", "repeats", "section_aside",
)
_CONTEXT_OFFSET = _N_FIXED + len(BLOCK_TAG_GROUPS)
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


def _is_credit(text: str) -> bool:
    # Only for ASCII text does case-insensitive matching come down to lower(): with re.I,
    # "\u017f" matches "s" and "\u212a" matches "k".
    if text.isascii():
        low = text.lower()
        if not (
            "photo" in low or "image" in low or "picture" in low or "credit" in low or "getty" in low or "reuters" in low
            or "afp" in low or "shutterstock" in low or "file" in low or "illustration" in low
        ):
            return False
    return _CREDIT.search(text) is not None


def _is_about(text: str) -> bool:
    if text.isascii():
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


def block_feature_matrix(blocks: list[HtmlBlock], in_main: list[bool]) -> np.ndarray:
    """The page's feature rows as one matrix, a row per block, columns in ``FEATURE_NAMES`` order."""
    n = len(blocks)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    texts = [b.text for b in blocks]
    text_matrix = page_arrays(texts)[1]
    long_prose = text_matrix[_LONG_PROSE].tolist()
    lengths = [len(t) for t in texts]
    total_chars = sum(lengths) or 1
    links = [b.link_chars / lengths[i] for i, b in enumerate(blocks)]
    containers: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        containers.setdefault(b.container, []).append(i)
    container_stats = {}
    for key, members in containers.items():
        chars = sum(lengths[i] for i in members) or 1
        container_stats[key] = (
            math.log1p(chars) / 10.0,
            min(len(members), 50) / 50.0,
            sum(blocks[i].link_chars for i in members) / chars,
            sum(lengths[i] for i in members if in_main[i]) / chars,
        )
    seen: dict[str, int] = {}
    for t in texts:
        seen[t] = seen.get(t, 0) + 1
    main_positions = [i for i in range(n) if in_main[i]]
    first_main = main_positions[0] if main_positions else n
    last_main = main_positions[-1] if main_positions else -1
    main_depths = sorted(blocks[i].depth for i in main_positions if lengths[i] > 80) or [0]
    main_depth = main_depths[len(main_depths) // 2]
    longest = max(range(n), key=lambda i: lengths[i] if in_main[i] else lengths[i] // 4)
    best_container, best_outer = blocks[longest].container, blocks[longest].outer
    nearest_main = _nearest(in_main)
    outer_chars: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        tally = outer_chars.setdefault(b.outer, [0, 0])
        tally[0] += lengths[i]
        if in_main[i]:
            tally[1] += lengths[i]
    title_like = [_title_like(texts[i], links[i]) for i in range(n)]
    div_slot = _TAG_INDEX["div"]
    rows = []
    # Where each block's one-hot tag and context flags go, as (row, column) pairs.
    flag_rows: list[int] = []
    flag_columns: list[int] = []
    before = 0
    for i, b in enumerate(blocks):
        stats = container_stats[b.container]
        text, size, link, main = texts[i], lengths[i], links[i], in_main[i]
        in_main_flag = 1.0 if main else 0.0
        tally = outer_chars[b.outer]
        lo, hi = max(0, i - 2), min(n, i + 3)
        row = [
            link,
            in_main_flag,
            1.0 if main and size > 80 else 0.0,
            1.0 if b.hidden else 0.0,
            min(b.depth, 60) / 60.0,
            *stats,
            1.0 if seen[text] > 1 else 0.0,
            1.0 if i and in_main[i - 1] else 0.0,
            1.0 if i + 1 < n and in_main[i + 1] else 0.0,
            links[i - 1] if i else 1.0,
            links[i + 1] if i + 1 < n else 1.0,
            before / total_chars,
            1.0 if first_main <= i <= last_main else 0.0,
            min(abs(b.depth - main_depth), 10) / 10.0,
            1.0 if b.container == best_container else 0.0,
            1.0 if b.outer == best_outer else 0.0,
            1.0 if size < 250 and _is_credit(text) else 0.0,
            1.0 if text.isupper() else 0.0,
            in_main_flag * long_prose[i],
            in_main_flag if b.tag == "p" else 0.0,
            tally[1] / (tally[0] or 1),
            1.0 if size < 300 and not _CAPTION_SLOTS.isdisjoint(b.context) else 0.0,
            1.0 if link > 0.5 and _LIST_SLOT in b.context else 0.0,
            min(abs(i - nearest_main[i]), 20) / 20.0,
            1.0 if b.after_image and size < 300 else 0.0,
            1.0 if size < 600 and _is_about(text) else 0.0,
            title_like[i],
            sum(title_like[lo:hi]) / 5.0,
            1.0 if i > last_main else 0.0,
            1.0 if i < first_main else 0.0,
            sum(links[lo:hi]) / (hi - lo),
        ]
        rows.append(row)
        flag_rows.append(i)
        flag_columns.append(_N_FIXED + _TAG_INDEX.get(_TAG_SLOT.get(b.tag, b.tag), div_slot))
        for slot in b.context:
            flag_rows.append(i)
            flag_columns.append(_CONTEXT_OFFSET + slot)
        before += size
    matrix = np.zeros((n, len(FEATURE_NAMES)))
    matrix[:, :_N_FIXED] = rows
    matrix[flag_rows, flag_columns] = 1.0
    matrix[:, len(HTML_FEATURE_NAMES):] = text_matrix.T
    return matrix


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


def stack_rows(blocks: list[HtmlBlock], first: list[float]) -> list[list[float]]:
    """Second-stage inputs (``STACK_FEATURE_NAMES``): each block's first-stage score beside its
    neighbours', its place relative to the page's confident core, its place in the tree relative
    to the subtree holding the most article evidence, and whether it repeats or teases another
    block or sits under a "related" / "comments" heading."""
    n = len(first)
    by_container: dict[int, list[float]] = {}
    for b, p in zip(blocks, first, strict=True):
        by_container.setdefault(b.container, []).append(p)
    means = {k: _logit(sum(v) / len(v)) for k, v in by_container.items()}
    logits = [_logit(p) for p in first]
    edge = _logit(0.0)
    cumulative = [0.0]
    for p in first:
        cumulative.append(cumulative[-1] + p)
    page_mean = _logit(cumulative[-1] / n) if n else edge
    runs = _run_lengths([p >= 0.5 for p in first])
    lengths = [len(b.text) for b in blocks]
    core = _core_places(lengths, first)
    top = sorted(first, reverse=True)
    reference = _logit(top[min(2, n - 1)]) if n else 0.0
    places = _subtree_places(blocks, lengths, first)
    texts = [b.text for b in blocks]
    seen: dict[str, int] = {}
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
    teasers = _teasers(texts)
    aside = _aside_sections(blocks)
    rows = []
    for i in range(n):
        lo, hi = max(0, i - 3), min(n, i + 4)
        inside, distance, before, after = core[i]
        rows.append([
            logits[i],
            logits[i - 1] if i else edge,
            logits[i + 1] if i + 1 < n else edge,
            logits[i - 2] if i > 1 else edge,
            logits[i + 2] if i + 2 < n else edge,
            means[blocks[i].container],
            _logit((cumulative[hi] - cumulative[lo]) / (hi - lo)),
            page_mean,
            math.copysign(math.log1p(abs(runs[i])), runs[i]),
            inside,
            distance,
            before,
            after,
            math.log1p(lengths[i]) / 8.0,
            logits[i] - reference,
            (1.0 - inside) * logits[i],
            *places[i],
            teasers[i],
            min(seen[texts[i]] - 1, 5) / 5.0,
            aside[i],
        ])
    return rows


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
    for b, size, p in zip(blocks, lengths, first, strict=True):
        weight = size * (2.0 * p - 1.0)
        for node in b.path:
            mass[node] = mass.get(node, 0.0) + weight
    if not mass:
        return [(0.0, 0.0, 0.0)] * len(blocks)
    best = max(mass, key=mass.__getitem__)
    best_path: tuple[int, ...] = ()
    for b in blocks:
        if best in b.path:
            best_path = b.path[: b.path.index(best) + 1]
            break
    places = []
    for b in blocks:
        if best in b.path:
            places.append((1.0, 0.0, min(len(b.path) - b.path.index(best) - 1, 10) / 10.0))
            continue
        common = 0
        for mine, theirs in zip(b.path, best_path, strict=False):
            if mine != theirs:
                break
            common += 1
        places.append((0.0, min(len(b.path) - common, 10) / 10.0, min(len(best_path) - common, 10) / 10.0))
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
    for text in texts:
        if len(text) >= _PREFIX:
            openings.setdefault(text[:_PREFIX], set()).add(text)
    short: dict[str, set[str]] = {}
    for text in texts:
        if 20 <= len(text) < 200:
            short.setdefault(text[:20], set()).add(text)
    flags = []
    for text in texts:
        if len(text) >= _PREFIX and len(openings[text[:_PREFIX]]) > 1:
            flags.append(1.0)
            continue
        heads = short.get(text[:20], ())
        flags.append(1.0 if any(len(t) < len(text) and text.startswith(t) for t in heads) else 0.0)
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


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def compile_trees(first: dict, names: list[str], columns: tuple[str, ...] = FEATURE_NAMES) -> Callable[[list[float]], float]:
    """Boosted trees as one Python expression over a feature row (the raw score).

    Walking 100 trees node by node in a Python loop costs several times more than letting
    Python evaluate nested conditionals; the source is built only from our own weights file.
    A feature the trees use that today's rows lack reads as 0.0.
    """
    column = {name: i for i, name in enumerate(columns)}

    def expression(tree: list[list], index: int) -> str:
        node = tree[index]
        if len(node) == 1:
            return repr(float(node[0]))
        feature, threshold, left, right = node
        col = column.get(names[feature])
        if col is None:
            return expression(tree, left if 0.0 <= threshold else right)
        return f"({expression(tree, left)} if x[{col}] <= {float(threshold)!r} else {expression(tree, right)})"

    source = " + ".join([repr(float(first["baseline"]))] + [expression(tree, 0) for tree in first["trees"]])
    return eval(compile(f"lambda x: {source}", "<html_model trees>", "eval"))  # noqa: S307


@dataclass(frozen=True, slots=True)
class TreeTables:
    """Boosted trees as arrays, for scoring every block of a page at once.

    Each tree's leaves are listed with the tests on their path; a block reaches the leaf all of
    whose tests it passes. Test ``k`` reads column ``columns[k]`` of the feature matrix; a leaf's
    path is at most ``depth`` test columns of ``[passed, failed, always]``.
    """

    columns: np.ndarray
    thresholds: np.ndarray
    paths: np.ndarray
    values: np.ndarray
    starts: np.ndarray
    baseline: float


def tree_tables(stage: dict, names: list[str], columns: tuple[str, ...] = FEATURE_NAMES) -> TreeTables:
    """The arrays of ``TreeTables`` for one stage of the weights file."""
    column = {name: i for i, name in enumerate(columns)}
    tests: list[int] = []
    thresholds: list[float] = []
    paths: list[list[int]] = []
    values: list[float] = []
    starts: list[int] = []
    for tree in stage["trees"]:
        starts.append(len(values))
        pending = [(0, [])]
        while pending:
            index, path = pending.pop()
            node = tree[index]
            if len(node) == 1:
                paths.append(path)
                values.append(float(node[0]))
                continue
            feature, threshold, left, right = node
            col = column.get(names[feature])
            if col is None:
                # A feature today's rows lack reads as 0.0: the branch is known now.
                pending.append((left if 0.0 <= threshold else right, path))
                continue
            test = len(tests)
            tests.append(col)
            thresholds.append(float(threshold))
            pending.append((right, [*path, -test - 1]))
            pending.append((left, [*path, test]))
    always = 2 * len(tests)
    depth = max(1, *(len(p) for p in paths))
    table = np.full((depth, len(paths)), always, dtype=np.intp)
    for leaf, path in enumerate(paths):
        for level, test in enumerate(path):
            table[level, leaf] = test if test >= 0 else len(tests) + (-test - 1)
    return TreeTables(
        np.array(tests, dtype=np.intp), np.array(thresholds), table, np.array(values), np.array(starts, dtype=np.intp), float(stage["baseline"])
    )


def tree_sums(matrix: np.ndarray, tables: TreeTables) -> list[float]:
    """Each row's raw score: the baseline plus every tree's leaf, added in tree order as the
    compiled expression adds them, so the floats are the same to the last bit."""
    n = len(matrix)
    passed = matrix[:, tables.columns] <= tables.thresholds
    outcomes = np.concatenate([passed, ~passed, np.ones((n, 1), dtype=bool)], axis=1)
    reached = outcomes[:, tables.paths[0]]
    for level in tables.paths[1:]:
        reached &= outcomes[:, level]
    # One leaf per tree is reached: its tree's sum is that leaf's value plus exact zeros.
    leaves = np.add.reduceat(np.where(reached, tables.values, 0.0), tables.starts, axis=1)
    terms = np.concatenate([np.full((n, 1), tables.baseline), leaves], axis=1)
    return np.cumsum(terms, axis=1)[:, -1].tolist()


@lru_cache(maxsize=4)
def load_weights(path: str = str(WEIGHTS_PATH)) -> dict:
    """The weights, the first stage as arrays over today's ``FEATURE_NAMES``, the second compiled.

    The text features belong to the cleaning package and may gain or lose members between
    retrainings: a feature the weights lack reads as zero, one they have that is gone is ignored.
    """
    with open(path, encoding="utf-8") as handle:
        weights = json.load(handle)
    weights["first_tables"] = tree_tables(weights["first"], weights["features"])
    weights["second_score"] = compile_trees(weights["second"], weights["stack_features"], STACK_FEATURE_NAMES)
    return weights


def score_blocks(blocks: list[HtmlBlock], in_main: list[bool], weights: dict | None = None) -> list[float]:
    """The probability that each block belongs to the article."""
    if not blocks:
        return []
    weights = weights or load_weights()
    first = [_sigmoid(z) for z in tree_sums(block_feature_matrix(blocks, in_main), weights["first_tables"])]
    second_score = weights["second_score"]
    return [_sigmoid(second_score(row)) for row in stack_rows(blocks, first)]

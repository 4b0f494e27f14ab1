"""Scoring blocks with the shipped weights: two logistic passes and a contiguity decoder.

Pass one scores each block from its own and its neighbours' shape (``features.page_features``).
Pass two rescores each block from pass one's scores around it (is it inside a run of prose, or
in a menu?) plus the corpus prior when one is given. The decoder then keeps the body as one
story: short blocks between body blocks stay when pass two does not reject them outright.

Inference reads ``weights.json``, which ``scripts/train_cleaning.py`` rebuilds. A page is scored
as a numpy matrix (a row per feature, a column per block); training reads the same features a
row per block (``page_features``, ``first_pass``, ``second_rows``) and gets the same floats.
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np

from saywho.cleaning.features import FEATURE_NAMES, PageRows, page_arrays, window_means

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
_CLIP = 8.0
PRIOR_PENALTY = 6.0
_OWN_IN_SECOND = (
    "log_chars",
    "ends_sentence",
    "bullet",
    "short",
    "long_prose",
    "action",
    "furniture",
    "date",
    "address",
    "headline_start",
    "bullet_prose",
)
_OWN_INDEX = tuple(FEATURE_NAMES.index(name) for name in _OWN_IN_SECOND)
_LOG_CHARS = FEATURE_NAMES.index("log_chars")
_ADDRESS = FEATURE_NAMES.index("address")
_ACTION = FEATURE_NAMES.index("action")
_PUBLISHING = FEATURE_NAMES.index("publishing")
_SELF = FEATURE_NAMES.index("self_reference")
_ENDS = FEATURE_NAMES.index("ends_sentence")
_LOG_WORDS = FEATURE_NAMES.index("log_words")
_BULLET_PROSE = FEATURE_NAMES.index("bullet_prose")
_LINK_MARKS = tuple(FEATURE_NAMES.index(name) for name in ("url", "copyright", "by_line", "date", "repeated"))
_SEPARATORS = FEATURE_NAMES.index("separators")
_BULLET = FEATURE_NAMES.index("bullet")
_WORDY_MARKS = tuple(FEATURE_NAMES.index(name) for name in ("action", "furniture"))
# log1p of the word counts below which a block is a line of furniture rather than prose
# when it also lacks a sentence end (15 words) or is dense in menu words (12 words).
_FRAGMENT_WORDS = math.log1p(15)
_SHORT_WORDS = math.log1p(12)
_RUN_GAP = 2
SECOND_NAMES: tuple[str, ...] = (
    "z",
    "z_prev",
    "z_next",
    "z_window2",
    "z_window6",
    "z_max_before",
    "z_max_after",
    "body_before",
    "body_after",
    "z_below_best",
    "window_below_best",
    "in_main_run",
    "run_share",
    "before_main_run",
    "after_main_run",
    *_OWN_IN_SECOND,
    "bias",
)
_S = {name: i for i, name in enumerate(SECOND_NAMES)}


@cache
def load_weights(path: str | None = None) -> dict:
    """The model in ``weights.json`` (or ``path``): coefficients and decoder thresholds."""
    with open(path or WEIGHTS_PATH, encoding="utf-8") as handle:
        weights = json.load(handle)
    if tuple(weights["features"]) != FEATURE_NAMES or tuple(weights["second_features"]) != SECOND_NAMES:
        raise ValueError(f"{path or WEIGHTS_PATH} was trained on other features: rerun scripts/train_cleaning.py")
    return weights


def _dot_product(row: Sequence[float], coef: Sequence[float]) -> float:
    return sum(map(operator.mul, row, coef))


# math.sumprod (Python 3.12+) is the fastest exact dot product; older Pythons use the map.
dot = getattr(math, "sumprod", _dot_product)


def first_pass(rows: Sequence[Sequence[float]], coef: Sequence[float]) -> list[float]:
    """Pass-one logits, clipped so one extreme block cannot dominate its neighbours' features."""
    return [_CLIP if z > _CLIP else -_CLIP if z < -_CLIP else z for z in (dot(row, coef) for row in rows)]


def second_rows(z: Sequence[float], rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """Pass-two features: pass-one logits in windows around each block, and before/after it."""
    if not len(z):
        return []
    return second_matrix(np.asarray(z, dtype=float), np.array(rows, dtype=float).T).T.tolist()


def second_matrix(z: np.ndarray, features: np.ndarray) -> np.ndarray:
    """``second_rows`` as a matrix: a row per feature (``SECOND_NAMES`` order), a column per
    block. ``features`` are pass one's, a row each (its own-statistics rows suffice)."""
    n = len(z)
    out = np.zeros((len(SECOND_NAMES), n))
    if not n:
        return out
    window2 = window_means(z, 2, 2)
    run_of, run_share, main_start, main_end = _runs(z.tolist(), features[_LOG_CHARS].tolist())
    positive = np.concatenate(([0], np.cumsum(z > 0)))
    out[_S["z"]] = z
    out[_S["z_prev"], 0] = -_CLIP
    out[_S["z_prev"], 1:] = z[:-1]
    out[_S["z_next"], :-1] = z[1:]
    out[_S["z_next"], -1] = -_CLIP
    out[_S["z_window2"]] = window2
    out[_S["z_window6"]] = window_means(z, 6, 6)
    out[_S["z_max_before"], 0] = -_CLIP
    out[_S["z_max_before"], 1:] = np.maximum.accumulate(z[:-1])
    out[_S["z_max_after"], :-1] = np.maximum.accumulate(z[:0:-1])[::-1]
    out[_S["z_max_after"], -1] = -_CLIP
    out[_S["body_before"]] = positive[:n] / n
    out[_S["body_after"]] = (positive[n] - positive[1:]) / n
    # Relative to the page's best, so a page whose article is a table or a first-person
    # column still has a body: the most prose-like stretch it has.
    out[_S["z_below_best"]] = z - z.max()
    out[_S["window_below_best"]] = window2 - window2.max()
    out[_S["in_main_run"], main_start:main_end] = 1.0
    out[_S["run_share"]] = [run_share[run] if run >= 0 else 0.0 for run in run_of]
    out[_S["before_main_run"], :main_start] = 1.0
    out[_S["after_main_run"], main_end:] = 1.0
    out[_S["log_chars"] : _S["bias"]] = features[list(_OWN_INDEX)]
    out[_S["bias"]] = 1.0
    return out


def _runs(z: Sequence[float], log_chars: Sequence[float]) -> tuple[list[int], list[float], int, int]:
    """Runs of positive blocks (bridging gaps of up to ``_RUN_GAP``), and the heaviest one.

    Returns each block's run index (-1 outside runs), each run's mass relative to the heaviest,
    and the heaviest run's start and end. Mass weighs confidence by length, so the story
    outweighs a menu of confident one-liners.
    """
    n = len(z)
    run_of = [-1] * n
    masses: list[float] = []
    bounds: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if z[i] <= 0:
            i += 1
            continue
        start = end = i
        mass = 0.0
        j = i
        while j < n and j - end <= _RUN_GAP:
            if z[j] > 0:
                mass += z[j] * log_chars[j]
                end = j
            j += 1
        for k in range(start, end + 1):
            run_of[k] = len(masses)
        masses.append(mass)
        bounds.append((start, end + 1))
        i = end + 1
    if not masses:
        return run_of, [], n, n
    heaviest = max(masses) or 1.0
    main = masses.index(max(masses))
    return run_of, [m / heaviest for m in masses], bounds[main][0], bounds[main][1]


def score_blocks(
    texts: Sequence[str],
    *,
    prior: Callable[[str], float] | None = None,
    weights: dict | None = None,
) -> list[float]:
    """The probability that each block is article body, from both passes."""
    return score_page(texts, prior=prior, weights=weights)[0]


def score_page(
    texts: Sequence[str],
    *,
    prior: Callable[[str], float] | None = None,
    weights: dict | None = None,
) -> tuple[list[float], PageRows]:
    """``score_blocks`` and the feature rows it scored."""
    weights = weights or load_weights()
    own, matrix = page_arrays(list(texts))
    if not own:
        return [], PageRows(own, matrix)
    # Every feature row times its weight, then a running sum down the rows: the terms are added
    # in feature order, so each logit is the very float the row-at-a-time dot product of
    # training (first_pass, second_rows) gives on Python 3.11, whose sum() adds left to right
    # (3.12's compensated sums and math.sumprod may differ in the last bit).
    first = np.add.accumulate(matrix * np.array(weights["first"])[:, None], axis=0)[-1]
    second = second_matrix(np.clip(first, -_CLIP, _CLIP), matrix)
    scores = np.add.accumulate(second * np.array(weights["second"])[:, None], axis=0)[-1].tolist()
    # The corpus prior (share of the publisher's articles repeating a block) is no training
    # signal here, so it enters as a fixed penalty: a block on every page loses PRIOR_PENALTY
    # logits, enough to overturn all but the most prose-like verdicts.
    if prior is not None:
        penalty = weights.get("prior_penalty", PRIOR_PENALTY)
        scores = [s - penalty * min(1.0, max(0.0, float(prior(text)))) for s, text in zip(scores, texts, strict=True)]
    exp = math.exp
    probs = [1.0 / (1.0 + exp(-(-30.0 if s < -30.0 else 30.0 if s > 30.0 else s))) for s in scores]
    return probs, PageRows(own, matrix)


def is_appeal(row: Sequence[float]) -> bool:
    """Whether a block speaks to the reader for the publisher: "you"/"we" outside quotes with a
    call to action, talk of journalism and readers, or the page's own name."""
    return row[_ADDRESS] > 0 and (row[_ACTION] > 0 or row[_PUBLISHING] > 0 or row[_SELF] > 0)


def looks_like_furniture(row: Sequence[float], first: bool = False) -> bool:
    """Whether a block has any shape of page furniture: a menu or link line, a short list item,
    a copyright, byline or date line, a repeat, an appeal to the reader, or a short run of menu
    or call-to-action words. The first block (a headline) is judged only on separators and list
    shape, as a headline need not end a sentence and is short enough for any word to be dense.
    """
    if row[_SEPARATORS] >= 0.4 or (row[_BULLET] and not row[_BULLET_PROSE] and not row[_ENDS]):
        return True
    if first:
        return False
    short = row[_LOG_WORDS] < _SHORT_WORDS
    return (
        (not row[_ENDS] and row[_LOG_WORDS] < _FRAGMENT_WORDS)
        or (short and any(row[k] for k in _LINK_MARKS))
        or (short and any(row[k] >= 0.5 for k in _WORDY_MARKS))
        or is_appeal(row)
    )


def already_clean(rows: Sequence[Sequence[float]]) -> bool:
    """Whether a page is an article with nothing around it: no block ``looks_like_furniture``.

    Such a page is kept whole: on clean text the model's position and length features (learnt
    on pages whose tails are footers) would otherwise drop real closing paragraphs.
    """
    return len(rows) > 1 and not any(looks_like_furniture(row, i == 0) for i, row in enumerate(rows))


def trim_appeals(keep: list[bool], rows: Sequence[Sequence[float]]) -> list[bool]:
    """Cut appeals (``is_appeal``) off both ends of every run of body blocks.

    Donation and subscription pitches sit at the edges of the story and read like prose, so
    the model may take them in; inside the story "you" and "we" are the writer's own.
    """
    for start, end in true_runs(keep):
        while start < end and is_appeal(rows[start]):
            keep[start] = False
            start += 1
        while end > start and is_appeal(rows[end - 1]):
            keep[end - 1] = False
            end -= 1
    return keep


def true_runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """``(start, end)`` of every run of consecutive true flags."""
    runs = []
    i, n = 0, len(flags)
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < n and flags[j]:
            j += 1
        runs.append((i, j))
        i = j
    return runs


def decode(
    probs: Sequence[float],
    weights: dict | None = None,
    lengths: Sequence[int] | None = None,
    prose: Sequence[bool] | None = None,
) -> list[bool]:
    """Which blocks are body: the story's runs of confident blocks, gaps inside them filled.

    Blocks at or over ``threshold`` form runs, bridged across up to ``max_gap`` blocks that all
    score at least ``gap_threshold``. The heaviest run (confidence times length) is the story;
    other runs stay only when they weigh at least ``keep_run_share`` of it, so a stray teaser
    or comment far from the story goes. Last, the story grows over adjoining ``prose`` blocks
    scoring at least ``edge_threshold``: an opening or closing paragraph next to furniture.
    """
    weights = weights or load_weights()
    threshold = weights["threshold"]
    keep = [p >= threshold for p in probs]
    gap_threshold = weights["gap_threshold"]
    max_gap = weights["max_gap"]
    last = None
    for i, is_body in enumerate(keep):
        if not is_body:
            continue
        if last is not None and 0 < i - last - 1 <= max_gap:
            if all(probs[k] >= gap_threshold for k in range(last + 1, i)):
                for k in range(last + 1, i):
                    keep[k] = True
        last = i
    n = len(keep)
    runs = [
        (i, j, sum((lengths[k] if lengths else 1) * (probs[k] - threshold + 0.01) for k in range(i, j)))
        for i, j in true_runs(keep)
    ]
    if not runs:
        return keep
    floor = weights["keep_run_share"] * max(r[2] for r in runs)
    for start, end, mass in runs:
        if mass < floor:
            for k in range(start, end):
                keep[k] = False
    kept = [k for k in range(n) if keep[k]]
    # Gap-filled blocks weigh negative, so every run can fall below the floor (a corpus prior
    # can push a whole page down): then there is no story to grow.
    if prose and kept:
        edge = weights["edge_threshold"]
        k = kept[-1] + 1
        while k < n and prose[k] and probs[k] >= edge:
            keep[k] = True
            k += 1
        k = kept[0] - 1
        while k >= 0 and prose[k] and probs[k] >= edge:
            keep[k] = True
            k -= 1
    return keep

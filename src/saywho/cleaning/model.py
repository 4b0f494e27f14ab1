"""Scoring blocks with the shipped weights: two logistic passes and a contiguity decoder.

Pass one scores each block from its own and its neighbours' shape (``features.page_features``).
Pass two rescores each block from pass one's scores around it (is it inside a run of prose, or
in a menu?) plus the corpus prior when one is given. The decoder then keeps the body as one
story: short blocks between body blocks stay when pass two does not reject them outright.

Inference is pure Python over ``weights.json``, which ``scripts/train_cleaning.py`` rebuilds.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from saywho.cleaning.features import FEATURE_NAMES, page_features

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
_CLIP = 8.0
PRIOR_PENALTY = 6.0
_OWN_IN_SECOND = ("log_chars", "ends_sentence", "bullet", "short", "long_prose", "action")
_OWN_INDEX = tuple(FEATURE_NAMES.index(name) for name in _OWN_IN_SECOND)
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
    *_OWN_IN_SECOND,
    "bias",
)


@cache
def load_weights(path: str | None = None) -> dict:
    """The model in ``weights.json`` (or ``path``): coefficients and decoder thresholds."""
    with open(path or WEIGHTS_PATH, encoding="utf-8") as handle:
        weights = json.load(handle)
    if tuple(weights["features"]) != FEATURE_NAMES or tuple(weights["second_features"]) != SECOND_NAMES:
        raise ValueError(f"{path or WEIGHTS_PATH} was trained on other features: rerun scripts/train_cleaning.py")
    return weights


def first_pass(rows: Sequence[Sequence[float]], coef: Sequence[float]) -> list[float]:
    """Pass-one logits, clipped so one extreme block cannot dominate its neighbours' features."""
    out = []
    for row in rows:
        z = sum(map(float.__mul__, row, coef))
        out.append(_CLIP if z > _CLIP else -_CLIP if z < -_CLIP else z)
    return out


def second_rows(z: Sequence[float], rows: Sequence[Sequence[float]]) -> list[list[float]]:
    """Pass-two features: pass-one logits in windows around each block, and before/after it."""
    n = len(z)
    cum = [0.0]
    positive = [0]
    for value in z:
        cum.append(cum[-1] + value)
        positive.append(positive[-1] + (value > 0))
    max_before = [-_CLIP] * n
    running = -_CLIP
    for i in range(n):
        max_before[i] = running
        running = max(running, z[i])
    max_after = [-_CLIP] * n
    running = -_CLIP
    for i in range(n - 1, -1, -1):
        max_after[i] = running
        running = max(running, z[i])
    out = []
    for i in range(n):
        lo2, hi2 = max(0, i - 2), min(n, i + 3)
        lo6, hi6 = max(0, i - 6), min(n, i + 7)
        row = rows[i]
        out.append(
            [
                z[i],
                z[i - 1] if i else -_CLIP,
                z[i + 1] if i + 1 < n else -_CLIP,
                (cum[hi2] - cum[lo2]) / (hi2 - lo2),
                (cum[hi6] - cum[lo6]) / (hi6 - lo6),
                max_before[i],
                max_after[i],
                positive[i] / n,
                (positive[n] - positive[i + 1]) / n,
                *(row[k] for k in _OWN_INDEX),
                1.0,
            ]
        )
    return out


def score_blocks(
    texts: Sequence[str],
    *,
    prior: Callable[[str], float] | None = None,
    weights: dict | None = None,
) -> list[float]:
    """The probability that each block is article body, from both passes."""
    weights = weights or load_weights()
    rows = page_features(list(texts))
    z = first_pass(rows, weights["first"])
    coef = weights["second"]
    # The corpus prior (share of the publisher's articles repeating a block) is no training
    # signal here, so it enters as a fixed penalty: a block on every page loses PRIOR_PENALTY
    # logits, enough to overturn all but the most prose-like verdicts.
    penalty = weights.get("prior_penalty", PRIOR_PENALTY)
    probs = []
    for text, row in zip(texts, second_rows(z, rows), strict=True):
        s = sum(map(float.__mul__, row, coef))
        if prior is not None:
            s -= penalty * min(1.0, max(0.0, float(prior(text))))
        probs.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, s)))))
    return probs


def decode(probs: Sequence[float], weights: dict | None = None) -> list[bool]:
    """Which blocks are body: thresholded scores, with gaps inside the story filled."""
    weights = weights or load_weights()
    keep = [p >= weights["threshold"] for p in probs]
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
    return keep

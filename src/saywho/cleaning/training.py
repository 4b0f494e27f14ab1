"""Training the block model from pages with a known body (needs the ``train`` extra).

A data set is a directory with ``text/ID.txt`` (the whole page as text) and ``truth.jsonl``
(``{"id", "body"}``). Each block is labelled body when most of its word 4-grams occur in the
true body; short blocks count as body when their words occur there and the nearest long
blocks on both sides are body. ``scripts/train_cleaning.py`` drives this module; the
benchmark reuses ``cross_validate``.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from saywho.cleaning.blocks import split_blocks
from saywho.cleaning.features import FEATURE_NAMES, page_features
from saywho.cleaning.model import SECOND_NAMES, first_pass, second_rows

_WORDS = re.compile(r"\w+")
_STACK_FOLDS = 3
_PAGE_WEIGHT = 100.0
DEFAULTS = {"threshold": 0.4, "gap_threshold": 0.1, "max_gap": 2, "keep_run_share": 0.2, "edge_threshold": 0.02, "C": 1.0}


@dataclass(slots=True)
class Page:
    """One training page: its raw text, blocks, per-block labels and the true body."""

    id: str
    text: str
    blocks: list[str]
    labels: list[int]
    truth: str


def words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


def shingles(text: str, n: int = 4) -> Counter:
    """Lower-cased word 4-gram multiset, exactly as ``tools/score_extraction.py`` counts them."""
    ws = words(text)
    if len(ws) < n:
        return Counter([tuple(ws)]) if ws else Counter()
    return Counter(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))


def page_scores(truth: str, pred: str) -> tuple[float, float]:
    """Precision and recall of one page's predicted body, as the benchmark tool scores them."""
    t, p = shingles(truth), shingles(pred)
    if not t and not p:
        return 1.0, 1.0
    shared = sum((t & p).values())
    return (shared / sum(p.values()) if p else 0.0, shared / sum(t.values()) if t else 0.0)


def summarise(rows: Sequence[tuple[float, float]]) -> dict[str, float]:
    """Mean precision and recall over pages and the F1 of the two means."""
    n = len(rows) or 1
    p = sum(r[0] for r in rows) / n
    r = sum(r[1] for r in rows) / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def label_blocks(blocks: Sequence[str], truth: str) -> list[int]:
    """1 for blocks of the true body, 0 for the rest (see the module docstring)."""
    grams = {tuple(g) for g in _grams(words(truth))}
    flat = " " + " ".join(words(truth)) + " "
    labels: list[int | None] = []
    for block in blocks:
        ws = words(block)
        if len(ws) >= 4:
            own = _grams(ws)
            hits = sum(1 for g in own if g in grams)
            labels.append(1 if hits * 2 >= len(own) else 0)
        elif ws and (" " + " ".join(ws) + " ") in flat:
            labels.append(None)
        else:
            labels.append(0)
    long_labels = [(i, v) for i, v in enumerate(labels) if v is not None and len(words(blocks[i])) >= 4]
    out = []
    for i, value in enumerate(labels):
        if value is not None:
            out.append(value)
            continue
        before = [v for k, v in long_labels if k < i][-1:]
        after = [v for k, v in long_labels if k > i][:1]
        out.append(1 if before == [1] and after == [1] else 0)
    return out


def _grams(ws: list[str]) -> list[tuple[str, ...]]:
    return [tuple(ws[i : i + 4]) for i in range(len(ws) - 3)]


def load_dataset(root: Path) -> list[Page]:
    """Every page of a data set directory, labelled."""
    pages = []
    with open(root / "truth.jsonl", encoding="utf-8") as handle:
        truths = [json.loads(line) for line in handle if line.strip()]
    for record in truths:
        path = root / "text" / f"{record['id']}.txt"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        blocks = [b[0] for b in split_blocks(text)]
        pages.append(Page(str(record["id"]), text, blocks, label_blocks(blocks, record["body"]), record["body"]))
    return pages


def _sample_weight(block: str) -> float:
    # The metric counts 4-grams, so long blocks matter more; the square root keeps menus of
    # many one-word links from being drowned out.
    return 1.0 + math.sqrt(len(block) / 40.0)


def _page_weights(page: Page) -> list[float]:
    """Block weights summing to the same total on every page: the metric averages over pages,
    so a 500-line portal must not outvote a 40-line article page."""
    raw = [_sample_weight(b) for b in page.blocks]
    scale = _PAGE_WEIGHT / (sum(raw) or 1.0)
    return [w * scale for w in raw]


def _fit_logistic(rows: list[list[float]], labels: list[int], weights: list[float], c: float) -> list[float]:
    """A logistic regression on standardised features, folded back to raw-feature coefficients."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(rows, dtype=float)
    # The last feature is the constant bias; the model's own intercept takes its place.
    body = x[:, :-1]
    mean = body.mean(axis=0)
    scale = body.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((body - mean) / scale, np.asarray(labels), sample_weight=np.asarray(weights))
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (coef * mean).sum())
    return [round(float(v), 6) for v in coef] + [round(intercept, 6)]


def fit(pages: Sequence[Page], *, c: float = DEFAULTS["C"], settings: dict | None = None) -> dict:
    """Weights (the ``weights.json`` contents) trained on ``pages``."""
    rows_by_page = [page_features(p.blocks) for p in pages]
    labels = [label for p in pages for label in p.labels]
    sample = [w for p in pages for w in _page_weights(p)]
    first = _fit_logistic([r for rows in rows_by_page for r in rows], labels, sample, c)
    # Pass two learns from out-of-fold pass-one scores, as unseen pages will give it, not from
    # pass one's overconfident scores on its own training pages.
    held_first = {}
    for k in range(_STACK_FOLDS):
        train = [j for j in range(len(pages)) if j % _STACK_FOLDS != k]
        coef = _fit_logistic(
            [r for j in train for r in rows_by_page[j]],
            [label for j in train for label in pages[j].labels],
            [w for j in train for w in _page_weights(pages[j])],
            c,
        )
        for j in range(k, len(pages), _STACK_FOLDS):
            held_first[j] = coef
    second_x = []
    for j, rows in enumerate(rows_by_page):
        second_x.extend(second_rows(first_pass(rows, held_first[j]), rows))
    second = _fit_logistic(second_x, labels, sample, c)
    weights = {
        "features": list(FEATURE_NAMES),
        "second_features": list(SECOND_NAMES),
        "first": first,
        "second": second,
    }
    weights.update({k: v for k, v in {**DEFAULTS, **(settings or {})}.items() if k != "C"})
    return weights


def predict(page: Page, weights: dict) -> str:
    """The body text the full cleaner extracts from a page under ``weights``."""
    from saywho.cleaning import clean_with

    return "\n\n".join(clean_with(page.text, weights=weights).paragraphs)


def evaluate(pages: Sequence[Page], weights: dict) -> dict[str, float]:
    return summarise([page_scores(p.truth, predict(p, weights)) for p in pages])


def cross_validate(
    pages: Sequence[Page], extra: Sequence[Page] = (), *, folds: int = 5, seed: int = 0, **fit_args
) -> dict[str, float]:
    """K-fold figures over ``pages``, each fold's model also trained on all of ``extra``."""
    order = list(range(len(pages)))
    random.Random(seed).shuffle(order)
    rows = []
    for k in range(folds):
        held = set(order[k::folds])
        train = [p for i, p in enumerate(pages) if i not in held] + list(extra)
        weights = fit(train, **fit_args)
        rows.extend(page_scores(pages[i].truth, predict(pages[i], weights)) for i in sorted(held))
    return summarise(rows)

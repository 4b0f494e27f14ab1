#!/usr/bin/env python3
"""Train the HTML block classifier and write src/saywho/cleaning/html_model.json.

usage: train_html_cleaning.py [--shared DIR] [--folds 5] [--cv-only] [--trees 100] [--depth 3] [--second-trees 60]
                              [--learning-rates 0.1,0.15,0.2]

Data: ``data/extraction/{scrapinghub,modern-train}`` under the shared directory (``../shared``
or $SAYWHO_SHARED): ``html/ID.html.gz`` pages and ``truth.jsonl`` article bodies. A block's label
comes from matching it to the truth body: a block of four or more words is article when most of
its word 4-grams occur in the body; a shorter one when it is a whole line of the body.

Reported figure: F1 on scrapinghub cross-validated over its pages (each fold trained on the other
scrapinghub pages plus all of modern-train), scored like tools/score_extraction.py. The
first-stage learning rate, the cut-off and the repeat filter (``label_blocks``'s
``repeat_words``) are chosen inside each training fold, on its pages scored by first stages that
did not see them. The shipped weights are then trained
on everything. Needs the ``train`` extra (scikit-learn, numpy).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from saywho.cleaning.html_model import (
    FEATURE_NAMES,
    STACK_FEATURE_NAMES,
    WEIGHTS_PATH,
    block_feature_rows,
    stack_rows,
)
from saywho.input.html import decode_html, label_blocks, parse_page
from saywho.input.html_meta import page_metadata

ROOT = Path(__file__).resolve().parents[1]
SECOND_TREES = 60
RATES = (0.1, 0.15, 0.2)
THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
# Shortest block, in words, that may be dropped for repeating the kept text (0: none is).
REPEAT_WORDS = (0, 15, 30, 60, 100)
WORDS = re.compile(r"\w+")


def shingles(words: list[str], n: int = 4) -> Counter:
    if len(words) < n:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


@lru_cache(maxsize=1024)
def truth_shingles(truth: str) -> Counter:
    """A page's truth shingles, read once: model selection scores each page dozens of times."""
    return shingles(WORDS.findall(truth.lower()))


def page_f1(truth: str, pred: str) -> tuple[float, float]:
    t, p = truth_shingles(truth), shingles(WORDS.findall(pred.lower()))
    if not t and not p:
        return 1.0, 1.0
    shared = sum((t & p).values())
    return (shared / sum(p.values()) if p else 0.0), (shared / sum(t.values()) if t else 0.0)


def block_labels(texts: list[str], body: str) -> tuple[list[int], list[float]]:
    words = WORDS.findall(body.lower())
    grams = {tuple(words[i:i + 4]) for i in range(len(words) - 3)}
    lines = {" ".join(WORDS.findall(line.lower())) for line in body.split("\n") if line.strip()}
    labels, weights = [], []
    for text in texts:
        bw = WORDS.findall(text.lower())
        if len(bw) >= 4:
            own = [tuple(bw[i:i + 4]) for i in range(len(bw) - 3)]
            labels.append(int(sum(g in grams for g in own) / len(own) >= 0.5))
        else:
            labels.append(int(bool(bw) and " ".join(bw) in lines))
        weights.append(len(bw))
    # The metric averages precision and recall over pages, so each page weighs the same in
    # total, whatever its length; the floor keeps empty and one-word blocks in play.
    total = max(1, sum(weights))
    return labels, [200.0 * n / total + 0.01 for n in weights]


def load_set(shared: Path, name: str) -> list[dict]:
    base = shared / "data" / "extraction" / name
    pages = []
    for line in open(base / "truth.jsonl", encoding="utf-8"):
        truth = json.loads(line)
        data = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes())
        page = parse_page(decode_html(data))
        texts = [b.text for b in page.blocks]
        labels, weights = block_labels(texts, truth["body"])
        meta = page_metadata(page.root, url=truth.get("url"))
        pages.append({
            "id": truth["id"], "set": name, "body": truth["body"], "blocks": page.blocks, "title": meta.title,
            "x": np.array(block_feature_rows(page.blocks, page.in_main) or np.zeros((0, len(FEATURE_NAMES)))),
            "y": np.array(labels, dtype=int), "w": np.array(weights),
        })
    return pages


def fit_trees(x: np.ndarray, y: np.ndarray, w: np.ndarray, trees: int = 100, depth: int = 3, rate: float = 0.15) -> dict:
    """Boosted trees for the first stage, exported as nested lists for pure-Python inference."""
    model = HistGradientBoostingClassifier(
        max_iter=trees, max_depth=depth, max_leaf_nodes=2 ** depth, learning_rate=rate, early_stopping=False, random_state=0
    ).fit(x, y, sample_weight=w)
    exported = []
    for (predictor,) in model._predictors:
        nodes = []
        for node in predictor.nodes:
            if node["is_leaf"]:
                nodes.append([round(float(node["value"]), 6)])
            else:
                nodes.append([int(node["feature_idx"]), float(node["num_threshold"]), int(node["left"]), int(node["right"])])
        exported.append(nodes)
    return {"kind": "trees", "baseline": float(model._baseline_prediction.ravel()[0]), "trees": exported, "sklearn": model}


def tree_scores(first: dict, x: np.ndarray) -> np.ndarray:
    return first["sklearn"].predict_proba(x)[:, 1]


def train(
    pages: list[dict], inner_folds: int = 3, trees: int = 100, depth: int = 3, second_trees: int = SECOND_TREES,
    rates: tuple[float, ...] = RATES,
) -> dict:
    """Both stages; the second learns from first-stage scores on pages the first did not see.

    The first stage's learning rate is the one of ``rates`` whose inner-fold models score the
    pages they did not see best (weighted log-loss), so it is chosen on these pages alone.
    """
    usable = [p for p in pages if len(p["y"])]
    stack = lambda ps: [np.concatenate([p[k] for p in ps]) for k in ("x", "y", "w")]  # noqa: E731
    x, y, w = stack(usable)
    by_rate: dict[float, list[tuple[dict, list[float]]]] = {rate: [] for rate in rates}
    losses = dict.fromkeys(rates, 0.0)
    for k in range(inner_folds):
        held = usable[k::inner_folds]
        rest = [p for i, p in enumerate(usable) if i % inner_folds != k]
        for rate in rates:
            inner = fit_trees(*stack(rest), trees, depth, rate)
            for page in held:
                scores = np.clip(tree_scores(inner, page["x"]), 1e-6, 1 - 1e-6)
                by_rate[rate].append((page, list(scores)))
                losses[rate] -= float(np.sum(page["w"] * np.where(page["y"] == 1, np.log(scores), np.log(1 - scores))))
    rate = min(rates, key=losses.__getitem__)
    first = fit_trees(x, y, w, trees, depth, rate)
    unseen = by_rate[rate]
    second_x = [np.array(stack_rows(page["blocks"], scores)) for page, scores in unseen]
    second_y = [page["y"] for page, _ in unseen]
    second_w = [page["w"] for page, _ in unseen]
    second = fit_trees(np.vstack(second_x), np.concatenate(second_y), np.concatenate(second_w), second_trees, 3)
    # The cut-off and the repeat filter are chosen on the training pages, scored by first stages
    # that did not see them.
    second_scores = [(p, list(tree_scores(second, np.array(stack_rows(p["blocks"], scores))))) for p, scores in unseen]
    threshold, repeat_words = max(
        ((t, r) for r in REPEAT_WORDS for t in THRESHOLDS),
        key=lambda c: mean_f1([(p, cut(p, scores, *c)) for p, scores in second_scores]),
    )
    return {"first": first, "second": second, "threshold": threshold, "repeat_words": repeat_words, "learning_rate": rate}


def cut(page: dict, scores: list[float], threshold: float, repeat_words: int) -> str:
    paragraphs, _, _ = label_blocks(page["blocks"], scores, title=page["title"], threshold=threshold, repeat_words=repeat_words)
    return "\n\n".join(paragraphs)


def mean_f1(pairs: list[tuple[dict, str]]) -> float:
    rows = [page_f1(p["body"], text) for p, text in pairs]
    prec = sum(r[0] for r in rows) / len(rows)
    rec = sum(r[1] for r in rows) / len(rows)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def apply(model: dict, page: dict) -> str:
    if not len(page["y"]):
        return ""
    second = np.array(stack_rows(page["blocks"], list(tree_scores(model["first"], page["x"]))))
    return cut(page, list(tree_scores(model["second"], second)), model["threshold"], model["repeat_words"])


def evaluate(model: dict, pages: list[dict]) -> tuple[float, float, float]:
    rows = [page_f1(p["body"], apply(model, p)) for p in pages]
    prec = sum(r[0] for r in rows) / len(rows)
    rec = sum(r[1] for r in rows) / len(rows)
    return prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def check_export(model: dict, pages: list[dict]) -> None:
    """The exported trees of both stages must score exactly like scikit-learn's models."""
    from saywho.cleaning.html_trees import compile_trees

    first = compile_trees(model["first"], list(FEATURE_NAMES), FEATURE_NAMES)
    second = compile_trees(model["second"], list(STACK_FEATURE_NAMES), STACK_FEATURE_NAMES)
    for page in pages:
        if not len(page["y"]):
            continue
        stacked = np.array(stack_rows(page["blocks"], list(tree_scores(model["first"], page["x"]))))
        for stage, score, x in (("first", first, page["x"]), ("second", second, stacked)):
            for row, expected in zip(x, tree_scores(model[stage], x), strict=True):
                got = 1.0 / (1.0 + np.exp(-score(list(row))))
                if abs(got - expected) > 1e-4:
                    raise SystemExit(f"exported {stage}-stage trees disagree with scikit-learn: {got} vs {expected}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.environ.get("SAYWHO_SHARED", str(ROOT.parent / "shared")))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--trees", type=int, default=100, help="boosted trees in the first stage")
    parser.add_argument("--depth", type=int, default=3, help="depth of each first-stage tree")
    parser.add_argument("--second-trees", type=int, default=SECOND_TREES, help="boosted trees in the second stage")
    parser.add_argument(
        "--learning-rates", default=",".join(map(str, RATES)), help="first-stage learning rates to choose from inside each training fold"
    )
    parser.add_argument("--cv-only", action="store_true", help="report the cross-validated figure, write nothing")
    args = parser.parse_args()
    shared = Path(args.shared)
    if not (shared / "data" / "extraction").is_dir():
        sys.exit(f"no data/extraction under {shared}: pass --shared")
    rates = tuple(float(r) for r in args.learning_rates.split(","))
    started = time.time()
    scrapinghub = load_set(shared, "scrapinghub")
    modern = load_set(shared, "modern-train")
    print(f"loaded {len(scrapinghub)} + {len(modern)} pages in {time.time() - started:.0f}s", file=sys.stderr)

    held_scores = []
    for k in range(args.folds):
        held = scrapinghub[k::args.folds]
        rest = [p for i, p in enumerate(scrapinghub) if i % args.folds != k]
        model = train(rest + modern, trees=args.trees, depth=args.depth, second_trees=args.second_trees, rates=rates)
        held_scores.append((len(held), evaluate(model, held)))
        print(f"fold {k}: threshold {model['threshold']} rate {model['learning_rate']} repeat words {model['repeat_words']} P/R/F1 {held_scores[-1][1]}", file=sys.stderr)
    total = sum(n for n, _ in held_scores)
    prec = sum(n * s[0] for n, s in held_scores) / total
    rec = sum(n * s[1] for n, s in held_scores) / total
    f1 = 2 * prec * rec / (prec + rec)
    print(f"scrapinghub {args.folds}-fold cross-validated: precision={prec:.4f} recall={rec:.4f} f1={f1:.4f}")
    if args.cv_only:
        return
    model = train(scrapinghub + modern, trees=args.trees, depth=args.depth, second_trees=args.second_trees, rates=rates)
    check_export(model, scrapinghub[:20])
    model["first"].pop("sklearn")
    model["second"].pop("sklearn")
    model.update({
        "features": list(FEATURE_NAMES),
        "stack_features": list(STACK_FEATURE_NAMES),
        "trained_on": ["scrapinghub", "modern-train"],
        "cross_validated": {"set": "scrapinghub", "folds": args.folds, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4)},
    })
    WEIGHTS_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS_PATH}")


if __name__ == "__main__":
    main()

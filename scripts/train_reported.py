#!/usr/bin/env python3
"""Learn the reported-speech cue lexicon and scorer from PolNeAR's train split; pick the threshold on dev.

usage: .venv/bin/python scripts/train_reported.py [--out src/saywho/attribution/reported_weights.json]

Needs the train extra (scikit-learn) and ../shared (or SAYWHO_SHARED). Writes the JSON that
``saywho.attribution.reported_model`` reads at run time; inference never needs scikit-learn.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from reported_eval import load_split, score_split, shared_dir  # noqa: E402
from saywho.attribution import reported_model  # noqa: E402
from saywho.attribution.reported import candidates  # noqa: E402
from saywho.attribution.reported_text import head_word, inflections, lemma  # noqa: E402

AUX = {"has", "have", "had", "also", "has also", "reportedly"}
MAX_CUE_WORDS = 3
MIN_HITS = 3
MIN_LEMMA_HITS = 1
MIN_PRECISION = 0.04
MIN_FEATURE_COUNT = 3
MIN_WEIGHT = 0.01
MIN_FORM_PRECISION = 0.3
MIN_FORM_YIELD = 0.02
PRUNE_THRESHOLD = 0.4
FOLDS = 5
CONTEXT_C = 1.0
F1_TIE = 0.001


def cue_form(text: str) -> str | None:
    words = text.lower().replace("’", "'").split()
    while len(words) > 1 and words[0] in AUX:
        words = words[1:]
    if not words or len(words) > MAX_CUE_WORDS or not all(w.replace("'", "").isalpha() for w in words):
        return None
    return " ".join(words)


def overlap(a: tuple[int, int], spans) -> bool:
    return any(s < a[1] and e > a[0] for s, e in spans)


def build_lexicon(docs) -> dict[str, str]:
    """Cue forms: the multi-word cues annotators used, and every inflection of their head verbs."""
    phrase_counts, head_counts = collections.Counter(), collections.Counter()
    for doc in docs:
        for a in doc["reported"]:
            cue = " ".join(doc["text"][s:e] for s, e in a["cue"])
            form = cue_form(cue)
            if form and " " in form:
                phrase_counts[form] += 1
            head = head_word(cue)
            if head and len(head) > 2:
                head_counts[lemma(head)] += 1
    forms = {f for f, n in phrase_counts.items() if n >= MIN_HITS}
    for base, n in head_counts.items():
        if n >= MIN_LEMMA_HITS:
            forms.update(inflections(base))
    forms = sorted(forms)
    pattern = reported_model.cue_regex(forms)
    seen, hits = collections.Counter(), collections.Counter()
    lemma_seen, lemma_hits = collections.Counter(), collections.Counter()
    for doc in docs:
        cues = [span for a in doc["reported"] for span in a["cue"]]
        for m in pattern.finditer(doc["text"]):
            form = " ".join(m.group().lower().replace("’", "'").split())
            hit = overlap(m.span(), cues)
            seen[form] += 1
            hits[form] += hit
            lemma_seen[lemma(form)] += 1
            lemma_hits[lemma(form)] += hit
    keep = {}
    for f in forms:
        base = lemma(f)
        if hits[f] >= MIN_HITS and hits[f] / max(seen[f], 1) >= MIN_PRECISION:
            keep[f] = base
        elif hits[f] >= 1 and lemma_hits[base] >= MIN_HITS and lemma_hits[base] / max(lemma_seen[base], 1) >= 0.1:
            keep[f] = base
        elif seen[f] == 0 and lemma_hits[base] >= MIN_HITS and lemma_hits[base] / max(lemma_seen[base], 1) >= 0.2:
            keep[f] = base
    for f in sorted(keep, key=lambda f: -hits[f])[:25]:
        print(f"  cue {f!r}: {hits[f]}/{seen[f]} = {hits[f] / max(seen[f], 1):.2f}", file=sys.stderr)
    print(f"lexicon: {len(keep)} forms ({len(head_counts)} head lemmas in gold)", file=sys.stderr)
    return keep


def labelled(docs, model):
    """Per document: its candidates and whether each meets a gold attribution by cue and content."""
    out = []
    for doc in docs:
        golds = doc["reported"]
        found = candidates(doc["text"], (), model)
        labels = [
            int(any(
                overlap((c.speech.cue_start, c.speech.cue_end), a["cue"])
                and overlap((c.speech.content_start, c.speech.content_end), a["content"])
                for a in golds
            ))
            for c in found
        ]
        out.append((found, labels))
    return out


def sparse(rows, index):
    from scipy.sparse import lil_matrix

    matrix = lil_matrix((len(rows), len(index)))
    for r, row in enumerate(rows):
        for f in row:
            if f in index:
                matrix[r, index[f]] = 1.0
    return matrix.tocsr()


def logistic(C: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=3000)


def model_for(payload: dict, out: Path):
    out.write_text(json.dumps(payload), encoding="utf-8")
    reported_model.load_model.cache_clear()
    return reported_model.load_model(str(out))


def fit(train, cues: dict[str, str], out: Path, C: float) -> tuple[dict, list]:
    """First stage: logistic regression over the candidates the lexicon yields on train."""
    docs = labelled(train, model_for({"cues": cues, "weights": {}, "bias": 0.0, "threshold": 0.0}, out))
    rows = [c.features for found, _ in docs for c in found]
    labels = [y for _, ys in docs for y in ys]
    counts = collections.Counter(f for row in rows for f in row)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    print(f"candidates: {len(rows)} ({sum(labels)} positive), features: {len(vocab)}", file=sys.stderr)
    clf = logistic(C).fit(sparse(rows, index), labels)
    weights = {f: round(float(w), 3) for f, w in zip(vocab, clf.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT}
    payload = {"cues": cues, "weights": weights, "bias": round(float(clf.intercept_[0]), 4), "threshold": 0.5}
    return payload, docs


def held_out_logits(docs, C: float) -> list[list[float]]:
    """First-stage logits for each train document from a model that did not see it (5 folds)."""
    logits: list[list[float]] = [[] for _ in docs]
    for fold in range(FOLDS):
        fit_docs = [d for i, d in enumerate(docs) if i % FOLDS != fold]
        rows = [c.features for found, _ in fit_docs for c in found]
        labels = [y for _, ys in fit_docs for y in ys]
        counts = collections.Counter(f for row in rows for f in row)
        index = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT))}
        clf = logistic(C).fit(sparse(rows, index), labels)
        for i, (found, _) in enumerate(docs):
            if i % FOLDS == fold and found:
                logits[i] = [float(z) for z in clf.decision_function(sparse([c.features for c in found], index))]
    return logits


def fit_context(docs, logits, C: float) -> dict:
    """Second stage: the held-out first-stage logit plus features of the sentence's rival candidates."""
    import numpy as np

    contexts, zs, labels = [], [], []
    for (found, ys), doc_logits in zip(docs, logits, strict=True):
        contexts.extend(reported_model.context_features(found, doc_logits))
        zs.extend(doc_logits)
        labels.extend(ys)
    vocab = sorted({f for row in contexts for f in row})
    index = {f: i for i, f in enumerate(vocab)}
    from scipy.sparse import hstack

    matrix = hstack([np.array(zs).reshape(-1, 1), sparse(contexts, index)]).tocsr()
    clf = logistic(C).fit(matrix, labels)
    coef = clf.coef_[0]
    return {
        "logit_weight": round(float(coef[0]), 4),
        "context_weights": {f: round(float(w), 4) for f, w in zip(vocab, coef[1:], strict=True)},
        "context_bias": round(float(clf.intercept_[0]), 4),
    }


def prune(train, payload: dict, out: Path, threshold: float) -> dict[str, str]:
    """Drop cue forms whose accepted train candidates are mostly wrong: they cost F1 and time."""
    model = model_for({**payload, "threshold": threshold}, out)
    seen, accepted, right = collections.Counter(), collections.Counter(), collections.Counter()
    for found, labels in labelled(train, model):
        for c, y in zip(found, labels, strict=True):
            form = c.features[0].partition(":")[2]
            seen[form] += 1
            if model.probability(c.features) < threshold:
                continue
            accepted[form] += 1
            right[form] += y
    # A form must also earn its candidates (2 right statements per 100): "for" and "will" are matched
    # thousands of times for a handful of right statements, which costs time and, through the second
    # stage, precision. 0.02 over 0.01: same dev all_f1, fewer candidates.
    keep = {f: b for f, b in payload["cues"].items()
            if accepted[f] and right[f] / accepted[f] >= MIN_FORM_PRECISION and right[f] / seen[f] >= MIN_FORM_YIELD}
    print(f"pruned lexicon: {len(keep)} of {len(payload['cues'])} forms", file=sys.stderr)
    return keep


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(reported_model.WEIGHTS_PATH))
    parser.add_argument("--C", type=float, default=0.3,
                        help="inverse regularisation (0.3 picked on dev over 0.5 and 1.0 once frame and particle features came in)")
    parser.add_argument("--single-stage", action="store_true", help="skip the sentence-context rescoring")
    args = parser.parse_args()

    base = shared_dir() / "data" / "quotes" / "polnear"
    train, dev = load_split(base / "train"), load_split(base / "dev")
    out = Path(args.out)
    payload, _ = fit(train, build_lexicon(train), out, args.C)
    payload, docs = fit(train, prune(train, payload, out, PRUNE_THRESHOLD), out, args.C)
    if not args.single_stage:
        payload.update(fit_context(docs, held_out_logits(docs, args.C), CONTEXT_C))
        print(f"context stage: {payload['logit_weight']} x logit, {payload['context_weights']}", file=sys.stderr)

    results = []
    for threshold in [x / 20 for x in range(4, 16)]:
        payload["threshold"] = threshold
        out.write_text(json.dumps(payload), encoding="utf-8")
        reported_model.load_model.cache_clear()
        result = score_split(dev, reported_model.load_model(str(out)))
        print(f"  dev threshold={threshold}: {result}", file=sys.stderr)
        results.append((threshold, result))
    # The target is every statement scored together, so the threshold is one best for all_f1; within
    # F1_TIE of the best (a handful of dev statements) the higher, more precise threshold wins.
    top = max(r["all_f1"] for _, r in results)
    best = max((t, r) for t, r in results if r["all_f1"] >= top - F1_TIE)
    payload["threshold"] = best[0]
    out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}: threshold {best[0]}, dev {best[1]}", file=sys.stderr)


if __name__ == "__main__":
    main()

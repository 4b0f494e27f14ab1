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
from saywho.attribution.reported_text import lemma  # noqa: E402

AUX = {"has", "have", "had", "also", "has also", "reportedly"}
MAX_CUE_WORDS = 3
MIN_HITS = 3
MIN_PRECISION = 0.04
MIN_FEATURE_COUNT = 3


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
    gold_forms = collections.Counter()
    for doc in docs:
        for a in doc["reported"]:
            form = cue_form(" ".join(doc["text"][s:e] for s, e in a["cue"]))
            if form:
                gold_forms[form] += 1
    forms = sorted(f for f, n in gold_forms.items() if n >= MIN_HITS)
    pattern = reported_model.cue_regex(forms)
    seen, hits = collections.Counter(), collections.Counter()
    for doc in docs:
        cues = [span for a in doc["reported"] for span in a["cue"]]
        for m in pattern.finditer(doc["text"]):
            form = " ".join(m.group().lower().replace("’", "'").split())
            seen[form] += 1
            hits[form] += overlap(m.span(), cues)
    keep = {f: lemma(f) for f in forms if hits[f] >= MIN_HITS and hits[f] / max(seen[f], 1) >= MIN_PRECISION}
    for f in sorted(keep, key=lambda f: -hits[f])[:40]:
        print(f"  cue {f!r}: {hits[f]}/{seen[f]} = {hits[f] / max(seen[f], 1):.2f}", file=sys.stderr)
    print(f"lexicon: {len(keep)} forms of {len(gold_forms)} seen in gold", file=sys.stderr)
    return keep


def labelled(docs, model):
    rows, labels = [], []
    for doc in docs:
        text = doc["text"]
        golds = doc["reported"]
        for speech, features in candidates(text, (), model):
            cue = (speech.cue_start, speech.cue_end)
            content = (speech.content_start, speech.content_end)
            positive = any(overlap(cue, a["cue"]) and overlap(content, a["content"]) for a in golds)
            rows.append(features)
            labels.append(int(positive))
    return rows, labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(reported_model.WEIGHTS_PATH))
    parser.add_argument("--C", type=float, default=1.0)
    args = parser.parse_args()

    from sklearn.linear_model import LogisticRegression

    base = shared_dir() / "data" / "quotes" / "polnear"
    train, dev = load_split(base / "train"), load_split(base / "dev")
    cues = build_lexicon(train)
    out = Path(args.out)
    out.write_text(json.dumps({"cues": cues, "weights": {}, "bias": 0.0, "threshold": 0.0}), encoding="utf-8")
    reported_model.load_model.cache_clear()
    model = reported_model.load_model(str(out))

    rows, labels = labelled(train, model)
    counts = collections.Counter(f for row in rows for f in row)
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    from scipy.sparse import lil_matrix

    matrix = lil_matrix((len(rows), len(vocab)))
    for r, row in enumerate(rows):
        for f in row:
            if f in index:
                matrix[r, index[f]] = 1.0
    print(f"candidates: {len(rows)} ({sum(labels)} positive), features: {len(vocab)}", file=sys.stderr)
    clf = LogisticRegression(C=args.C, max_iter=2000)
    clf.fit(matrix.tocsr(), labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocab, clf.coef_[0], strict=True) if abs(w) >= 1e-4}
    payload = {"cues": cues, "weights": weights, "bias": round(float(clf.intercept_[0]), 4), "threshold": 0.5}

    best = None
    for threshold in [x / 20 for x in range(4, 16)]:
        payload["threshold"] = threshold
        out.write_text(json.dumps(payload), encoding="utf-8")
        reported_model.load_model.cache_clear()
        result = score_split(dev, reported_model.load_model(str(out)))
        print(f"  dev threshold={threshold}: {result}", file=sys.stderr)
        if best is None or result["f1"] > best[1]["f1"]:
            best = (threshold, result)
    payload["threshold"] = best[0]
    out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out}: threshold {best[0]}, dev {best[1]}", file=sys.stderr)


if __name__ == "__main__":
    main()

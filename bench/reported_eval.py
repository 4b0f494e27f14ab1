#!/usr/bin/env python3
"""Score reported-speech detection on PolNeAR and time it per CPU-second.

usage: .venv/bin/python bench/reported_eval.py [--split dev] [--predictions out.jsonl] [--bbc-review out.txt]

Figures for ``find_reported`` alone, against gold attributions whose content holds no quotation
mark, with score_quotes.py's one-to-one largest-overlap matching: precision, recall, F1, and for
matched pairs whether the predicted source and cue overlap the gold ones. With --predictions it also
writes our statements as kind="indirect" (plus the direct quotes of ``saywho.attribution.attribute``
when that finds any) and prints score_quotes.py's own figures for them, all_f1 included.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saywho.attribution.reported import candidates, select  # noqa: E402
from saywho.attribution.reported_model import ReportedModel, load_model  # noqa: E402


def shared_dir() -> Path:
    return Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))


def scorer():
    path = shared_dir() / "tools" / "score_quotes.py"
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_split(split_dir: Path) -> list[dict]:
    gold = scorer().load_gold(str(split_dir))
    return [
        {"name": name, "text": g["text"], "attrs": g["attrs"], "reported": [a for a in g["attrs"] if not a["direct"]]}
        for name, g in gold.items()
    ]


def predict(text: str, model: ReportedModel, taken=()):
    found = candidates(text, taken, model)
    return select(text, found, model.final_probabilities(found), model.threshold)


def _overlaps(span, spans) -> bool:
    return span[0] < span[1] and any(s < span[1] and e > span[0] for s, e in spans)


def direct_quotes(doc: dict) -> list[dict]:
    """The direct and partial quotes ``attribute`` finds in ``doc`` (computed once, kept in the doc)."""
    if "direct" not in doc:
        from saywho.attribution import attribute

        doc["direct"] = [{"start": q.start, "end": q.end} for q in attribute(doc["text"]).quotes
                         if q.kind in ("direct", "partial")]
    return doc["direct"]


def score_split(docs: list[dict], model: ReportedModel | None = None) -> dict:
    """Reported-only figures, plus all_p/all_r/all_f1: our statements beside the direct quotes, as
    score_quotes.py counts them (every prediction against every gold attribution)."""
    model = model or load_model()
    match = scorer().match
    tp = npred = ngold = src_n = src_ok = cue_n = cue_ok = 0
    all_tp = all_pred = all_gold = 0
    for doc in docs:
        direct = direct_quotes(doc)
        combined = predict(doc["text"], model, [(q["start"], q["end"]) for q in direct])
        every = direct + [{"start": p.content_start, "end": p.content_end} for p in combined]
        all_tp += len(match(every, doc["attrs"]))
        all_pred += len(every)
        all_gold += len(doc["attrs"])
        preds = predict(doc["text"], model)
        golds = doc["reported"]
        pairs = match([{"start": p.content_start, "end": p.content_end} for p in preds], golds)
        tp += len(pairs)
        npred += len(preds)
        ngold += len(golds)
        for i, j in pairs:
            p, g = preds[i], golds[j]
            if "source" in g:
                src_n += 1
                src_ok += _overlaps((p.source_start, p.source_end), g["source"])
            if "cue" in g:
                cue_n += 1
                cue_ok += _overlaps((p.cue_start, p.cue_end), g["cue"])
    precision, recall, f1 = _prf(tp, npred, ngold)
    all_p, all_r, all_f1 = _prf(all_tp, all_pred, all_gold)
    return {
        "gold": ngold, "pred": npred, "p": precision, "r": recall, "f1": f1,
        "source_acc": round(src_ok / src_n, 4) if src_n else None,
        "cue_acc": round(cue_ok / cue_n, 4) if cue_n else None,
        "all_p": all_p, "all_r": all_r, "all_f1": all_f1,
    }


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    precision = tp / npred if npred else 0.0
    recall = tp / ngold if ngold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def speed(docs: list[dict], rounds: int = 3) -> float:
    """Articles per CPU-second for find_reported alone, best of ``rounds``."""
    from saywho.attribution.reported import find_reported

    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        for doc in docs:
            find_reported(doc["text"])
        elapsed = time.process_time() - start
        best = max(best, len(docs) / elapsed if elapsed else float("inf"))
    return round(best, 1)


def write_predictions(docs: list[dict], path: Path) -> None:
    from saywho.attribution import attribute

    model = load_model()
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            text = doc["text"]
            quotes = [q.to_dict() for q in attribute(text).quotes if q.kind in ("direct", "partial")]
            taken = [(q["start"], q["end"]) for q in quotes]
            for s in predict(text, model, taken):
                has_source = s.source_start >= 0
                quotes.append({
                    "kind": "indirect", "start": s.content_start, "end": s.content_end,
                    "quote": text[s.content_start:s.content_end],
                    "speaker": text[s.source_start:s.source_end] if has_source else None,
                    "mention": {"start": s.source_start, "end": s.source_end} if has_source else None,
                    "cue": {"start": s.cue_start, "end": s.cue_end},
                })
            out.write(json.dumps({"id": doc["name"], "quotes": quotes}) + "\n")


def bbc_review(path: Path, seed: int = 7) -> None:
    """Write the BBC corpus's reported statements for reading by hand: the 200 whose speakers are named
    most often, then a random 100 (fixed seed), one line each: speaker <mention> [cue] content."""
    import collections
    import gzip
    import random

    from saywho import extract

    rows = []
    with gzip.open(shared_dir() / "data" / "corpus" / "bbc-news.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for q in extract(record["text"], id=record["id"]).quotes:
                if q.kind == "indirect":
                    rows.append((q.speaker, q.mention.text if q.mention else None, q.cue.text if q.cue else None, q.quote))
    named = collections.Counter(r[0] for r in rows if r[0])
    top = sorted((r for r in rows if r[0]), key=lambda r: (-named[r[0]], r[0]))[:200]
    sample = random.Random(seed).sample(rows, min(100, len(rows)))
    with path.open("w", encoding="utf-8") as out:
        out.write(f"# {len(rows)} reported statements; top 200 by speaker, then random 100 (seed {seed})\n")
        for i, (speaker, mention, cue, quote) in enumerate(top + sample):
            out.write(f"{i:3d} {speaker} <{mention}> [{cue}] {quote[:120]}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--predictions", type=Path)
    parser.add_argument("--bbc-review", type=Path, help="write BBC statements to read by hand, then stop")
    args = parser.parse_args()
    if args.bbc_review:
        bbc_review(args.bbc_review)
        return
    split_dir = shared_dir() / "data" / "quotes" / "polnear" / args.split
    docs = load_split(split_dir)
    result = score_split(docs)
    result["articles_per_cpu_s"] = speed(docs)
    print("reported " + " ".join(f"{k}={v}" for k, v in result.items()))
    if args.predictions:
        write_predictions(docs, args.predictions)
        tool = shared_dir() / "tools" / "score_quotes.py"
        subprocess.run([sys.executable, str(tool), str(split_dir), str(args.predictions)], check=True)


if __name__ == "__main__":
    main()

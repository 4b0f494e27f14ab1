#!/usr/bin/env python3
"""Rebuild src/saywho/cleaning/weights.json from the shared extraction data sets.

usage: train_cleaning.py [--shared DIR] [--cv FOLDS] [--out PATH]

Trains on every page of scrapinghub and modern-train. With ``--cv``, first prints the
cross-validated figures on scrapinghub (each fold's model also trained on all of modern-train).
Needs the ``train`` extra (scikit-learn, numpy).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from saywho.cleaning.model import WEIGHTS_PATH
from saywho.cleaning.training import cross_validate, evaluate, fit, load_dataset

REPO = Path(__file__).resolve().parents[1]


def shared_root(given: str | None) -> Path:
    return Path(given or os.environ.get("SAYWHO_SHARED") or REPO.parent / "shared")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the shared data directory (default ../shared or $SAYWHO_SHARED)")
    parser.add_argument("--cv", type=int, default=0, metavar="FOLDS", help="also report k-fold figures")
    parser.add_argument("--out", default=str(WEIGHTS_PATH), help="where to write the weights")
    args = parser.parse_args(argv)
    data = shared_root(args.shared) / "data" / "extraction"
    if not (data / "scrapinghub" / "truth.jsonl").exists():
        print(f"train_cleaning: no extraction data under {data}", file=sys.stderr)
        return 2
    started = time.process_time()
    scrapinghub = load_dataset(data / "scrapinghub")
    modern = load_dataset(data / "modern-train")
    print(f"pages: scrapinghub={len(scrapinghub)} modern-train={len(modern)}")
    if args.cv:
        figures = cross_validate(scrapinghub, modern, folds=args.cv)
        print(f"scrapinghub {args.cv}-fold CV: " + " ".join(f"{k}={v:.4f}" for k, v in figures.items()))
    weights = fit(scrapinghub + modern)
    for name, pages in (("scrapinghub", scrapinghub), ("modern-train", modern)):
        figures = evaluate(pages, weights)
        print(f"{name} (trained on): " + " ".join(f"{k}={v:.4f}" for k, v in figures.items()))
    Path(args.out).write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out} in {time.process_time() - started:.1f} CPU-s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

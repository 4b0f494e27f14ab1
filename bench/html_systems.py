#!/usr/bin/env python3
"""HTML extraction bench: saywho beside trafilatura and resiliparse on the same pages, one run.

usage: python bench/html_systems.py [--set scrapinghub] [--limit N] [--titles 40]
       python bench/extraction.py --html   (the same, from the extraction bench)

Prints, per system: pages, precision, recall and F1 by the shared scorer
(tools/score_extraction.py: word 4-gram shingles, averaged over pages) and pages per CPU-second
(time.process_time around decoding and extraction only). Then a sample of pages with saywho's
title, for checking titles by hand. saywho's weights are trained on scrapinghub and modern-train,
so its F1 here is a training-set figure: the held-out figure is the cross-validated one the
training script wrote into the weights, printed beside it. Peers need the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    return Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", shared / "tools" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(shared: Path, name: str, limit: int | None) -> list[dict]:
    base = shared / "data" / "extraction" / name
    pages = []
    for line in open(base / "truth.jsonl", encoding="utf-8"):
        truth = json.loads(line)
        html = gzip.decompress((base / "html" / f"{truth['id']}.html.gz").read_bytes())
        pages.append({"id": truth["id"], "url": truth.get("url"), "body": truth["body"], "html": html, "title": truth.get("title")})
        if limit and len(pages) >= limit:
            break
    return pages


def saywho_system() -> Callable[[bytes, str | None], str]:
    from saywho.errors import SaywhoError
    from saywho.input.html import parse_html

    def run(html: bytes, url: str | None) -> str:
        try:
            return "\n\n".join(parse_html(html, url=url).paragraphs)
        except SaywhoError:
            return ""

    return run


def trafilatura_system() -> Callable[[bytes, str | None], str]:
    import trafilatura

    def run(html: bytes, url: str | None) -> str:
        return trafilatura.extract(html, url=url, favor_precision=True, include_comments=False, include_tables=True) or ""

    return run


def resiliparse_system() -> Callable[[bytes, str | None], str]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    def run(html: bytes, url: str | None) -> str:
        tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html)))
        return extract_plain_text(tree, main_content=True, alt_texts=False, links=False, list_bullets=False, noscript=False, comments=False)

    return run


SYSTEMS = {"saywho": saywho_system, "trafilatura": trafilatura_system, "resiliparse": resiliparse_system}


def run_bench(pages: list[dict], scorer, systems: list[str]) -> list[dict]:
    results = []
    for name in systems:
        try:
            run = SYSTEMS[name]()
        except ImportError as err:
            print(f"{name}: not installed ({err}); pip install -e '.[bench]'", file=sys.stderr)
            continue
        outputs = []
        spent = 0.0
        for page in pages:
            started = time.process_time()
            text = run(page["html"], page["url"])
            spent += time.process_time() - started
            outputs.append(text)
        rows = [scorer.page_scores(p["body"], text) for p, text in zip(pages, outputs, strict=True)]
        prec = sum(r[0] for r in rows) / len(rows)
        rec = sum(r[1] for r in rows) / len(rows)
        results.append({
            "system": name, "pages": len(pages), "precision": round(prec, 4), "recall": round(rec, 4),
            "f1": round(2 * prec * rec / (prec + rec) if prec + rec else 0.0, 4),
            "pages_per_cpu_s": round(len(pages) / spent, 1) if spent else None,
        })
    return results


def title_sample(pages: list[dict], count: int) -> list[tuple[str, str | None, str | None]]:
    """Every k-th page's id, saywho's title and the truth title where the data set has one."""
    from saywho.errors import SaywhoError
    from saywho.input.html import parse_html

    step = max(1, len(pages) // count) if count else 1
    sample = []
    for page in pages[::step][:count]:
        try:
            title = parse_html(page["html"], url=page["url"]).title
        except SaywhoError:
            title = None
        sample.append((page["id"], title, page.get("title")))
    return sample


def print_report(results: list[dict], sample, name: str) -> None:
    print(f"HTML extraction on {name}: {results[0]['pages'] if results else 0} pages, one run")
    print(f"{'system':<12} {'precision':>9} {'recall':>7} {'F1':>7} {'pages/CPU-s':>12}")
    for r in results:
        print(f"{r['system']:<12} {r['precision']:>9.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} {r['pages_per_cpu_s'] or 0:>12.1f}")
    weights = ROOT / "src" / "saywho" / "cleaning" / "html_model.json"
    if weights.exists():
        cv = json.loads(weights.read_text(encoding="utf-8")).get("cross_validated")
        if cv:
            print(f"saywho held-out (cross-validated over {cv['set']}, {cv['folds']} folds): precision={cv['precision']} recall={cv['recall']} f1={cv['f1']}")
    if sample:
        print(f"\nTitles to check by hand ({len(sample)} pages):")
        for ident, title, truth in sample:
            print(f"  {ident[:16]:<16} {title!r}" + (f"  [truth: {truth!r}]" if truth else ""))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="scrapinghub", help="a data set under data/extraction")
    parser.add_argument("--shared", default=None, help="the shared data directory (default ../shared or $SAYWHO_SHARED)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--titles", type=int, default=40)
    parser.add_argument("--systems", default="saywho,trafilatura,resiliparse")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    shared = Path(args.shared) if args.shared else shared_dir()
    if not (shared / "data" / "extraction" / args.set).is_dir():
        sys.exit(f"no data/extraction/{args.set} under {shared}; set SAYWHO_SHARED")
    pages = load_pages(shared, args.set, args.limit)
    results = run_bench(pages, load_scorer(shared), args.systems.split(","))
    sample = title_sample(pages, args.titles)
    if args.json:
        print(json.dumps({"set": args.set, "results": results, "titles": sample}))
    else:
        print_report(results, sample, args.set)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Article-body extraction benchmark: saywho and its peers side by side, from one run.

usage: python bench/extraction.py [--shared DIR] [--dataset scrapinghub] [--cv FOLDS] [--repeat N] [--no-clean-check]

On ``data/extraction/<dataset>/text`` it prints, per system, F1, precision and recall (the
metric of ``tools/score_extraction.py``: word 4-gram shingles, averaged over pages) and pages per
CPU-second (``time.process_time``, one process; only the cleaning is timed, not reading or
scoring, and saywho's feature cache is emptied before each timed pass, so ``--repeat`` passes
time pages it has not seen). Systems: saywho's ``clean_text``, "do nothing" (the whole page),
and datatrove's C4 filter (the optional ``bench`` extra) twice: its line
filter alone, and as the quality filter that also drops whole documents. With ``--cv``, also
the cross-validated saywho figure (folds over the data set, each fold trained on the rest plus
all of modern-train, by the training module that rebuilds the shipped weights). Last, the
"clean input" check: on the BBC corpus (articles with no boilerplate at all), the share of body
words ``clean_text`` keeps, which should be all of them.

Other modes plug in as more systems: build ``System`` records and pass them to ``run_systems``
and ``print_table``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from saywho.cleaning import clean_text
from saywho.cleaning.features import clear_cache
from saywho.cleaning.training import page_scores, summarise

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True, slots=True)
class System:
    """One extractor under test: page content in, article body text out."""

    name: str
    extract: Callable[[str], str]
    note: str = ""
    # Run before each timed pass, untimed: forgets what earlier passes cached, so every pass
    # times pages the system has not seen (a repeat would otherwise time cache hits).
    reset: Callable[[], None] | None = None


@dataclass(frozen=True, slots=True)
class BenchPage:
    id: str
    content: str
    truth: str


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    f1: float | None
    precision: float | None
    recall: float | None
    pages_per_cpu_second: float | None
    note: str = ""


def shared_root(given: str | None = None) -> Path:
    return Path(given or os.environ.get("SAYWHO_SHARED") or REPO.parent / "shared")


def load_pages(dataset: Path, kind: str = "text", suffix: str = ".txt") -> list[BenchPage]:
    """The pages of a data set that have both content (``kind/ID.suffix``) and a true body."""
    pages = []
    with open(dataset / "truth.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            path = dataset / kind / f"{record['id']}{suffix}"
            if path.exists():
                content = path.read_text(encoding="utf-8", errors="replace")
                pages.append(BenchPage(str(record["id"]), content, record["body"]))
    return pages


def run_systems(pages: Sequence[BenchPage], systems: Sequence[System], repeat: int = 1) -> list[Result]:
    """Score and time every system on the same pages; a system that fails says why."""
    results = []
    for system in systems:
        try:
            system.extract(pages[0].content)
            elapsed = 0.0
            for _ in range(repeat):
                if system.reset is not None:
                    system.reset()
                started = time.process_time()
                predictions = [system.extract(page.content) for page in pages]
                elapsed += time.process_time() - started
        except Exception as err:  # a peer's failure is a benchmark row, not a crash
            results.append(Result(system.name, None, None, None, None, f"failed: {err}"))
            continue
        figures = summarise([page_scores(p.truth, pred) for p, pred in zip(pages, predictions, strict=True)])
        speed = len(pages) * repeat / elapsed if elapsed > 0 else float("inf")
        results.append(Result(system.name, figures["f1"], figures["precision"], figures["recall"], speed, system.note))
    return results


def print_table(title: str, results: Sequence[Result], out=sys.stdout) -> None:
    """One row per system: F1, precision, recall, pages per CPU-second, and any note."""
    print(title, file=out)
    print(f"  {'system':<30} {'F1':>7} {'prec':>7} {'recall':>7} {'pages/CPU-s':>12}  note", file=out)
    for r in results:
        cells = [f"{v:7.4f}" if v is not None else f"{'-':>7}" for v in (r.f1, r.precision, r.recall)]
        speed = f"{r.pages_per_cpu_second:12.0f}" if r.pages_per_cpu_second is not None else f"{'-':>12}"
        print(f"  {r.name:<30} {' '.join(cells)} {speed}  {r.note}", file=out)


def text_systems() -> list[System]:
    """saywho, do-nothing and the C4 filters (or a row saying why they are missing)."""
    systems = [
        System("saywho clean_text", lambda text: "\n\n".join(clean_text(text).paragraphs), reset=clear_cache),
        System("do nothing", lambda text: text),
    ]
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except Exception as err:
        reason = f"datatrove not importable ({type(err).__name__}: {err}); pip install -e '.[bench]'"
        systems.append(System("c4 (datatrove)", _unavailable(reason), reason))
        return systems
    quality = C4QualityFilter(filter_no_terminal_punct=True)
    # The same line rules with the page-level drops (too few sentences, "{", lorem ipsum) off.
    lines_only = C4QualityFilter(
        filter_no_terminal_punct=True, min_num_sentences=0, filter_curly_bracket=False, filter_lorem_ipsum=False
    )

    def run_c4(c4, text: str) -> str:
        doc = Document(text=text, id="page")
        verdict = c4.filter(doc)
        kept = verdict[0] if isinstance(verdict, tuple) else verdict
        return doc.text if kept else ""

    systems.append(System("c4 line filter (datatrove)", lambda t: run_c4(lines_only, t), "page-level drops off"))
    systems.append(System("c4 quality filter (datatrove)", lambda t: run_c4(quality, t), "empty where C4 drops the page"))
    return systems


def _unavailable(reason: str) -> Callable[[str], str]:
    def extract(text: str) -> str:
        raise RuntimeError(reason)

    return extract


def cross_validated(shared: Path, dataset: str, folds: int) -> Result:
    """saywho's k-fold figure: each fold's model trained on the other folds plus modern-train."""
    try:
        from saywho.cleaning.training import cross_validate, load_dataset
    except ImportError as err:
        return Result(f"saywho {folds}-fold CV", None, None, None, None, f"needs the train extra: {err}")
    data = shared / "data" / "extraction"
    extra = load_dataset(data / "modern-train") if dataset != "modern-train" else []
    try:
        figures = cross_validate(load_dataset(data / dataset), extra, folds=folds)
    except ImportError as err:
        return Result(f"saywho {folds}-fold CV", None, None, None, None, f"needs the train extra: {err}")
    return Result(
        f"saywho {folds}-fold CV", figures["f1"], figures["precision"], figures["recall"], None, "held-out folds"
    )


def clean_input_check(corpus: Path, out=sys.stdout) -> dict[str, float] | None:
    """On already-clean articles (headline line, then paragraphs), how much body stays body.

    Body is the text minus its first line; kept is the words of ``clean_text``'s paragraphs
    (a lead taken as standfirst counts as dropped). Prints and returns the mean and median share
    of body words kept, the share of articles keeping at least 95%, how many got a standfirst,
    and how many got no title or a title other than the headline line.
    """
    if not corpus.exists():
        print(f"clean input: no corpus at {corpus}", file=out)
        return None
    shares = []
    standfirsts = untitled = other_title = 0
    clear_cache()
    started = time.process_time()
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            text = json.loads(line)["text"]
            body_words = len(text.split("\n", 1)[1].split()) if "\n" in text else 0
            if not body_words:
                continue
            page = clean_text(text)
            kept = sum(len(p.split()) for p in page.paragraphs)
            shares.append(min(1.0, kept / body_words))
            standfirsts += page.standfirst is not None
            untitled += page.title is None
            other_title += page.title is not None and page.title != text.split("\n", 1)[0].strip()
    elapsed = time.process_time() - started
    figures = {
        "articles": len(shares),
        "mean": statistics.mean(shares),
        "median": statistics.median(shares),
        "share_95": sum(s >= 0.95 for s in shares) / len(shares),
        "standfirsts": standfirsts,
        "untitled": untitled,
        "other_title": other_title,
        "articles_per_cpu_second": len(shares) / elapsed if elapsed > 0 else float("inf"),
    }
    print(
        f"clean input ({corpus.name}, {figures['articles']} articles): body words kept mean {figures['mean']:.4f}"
        f" median {figures['median']:.4f}; articles keeping >= 95%: {figures['share_95']:.4f};"
        f" standfirsts taken: {standfirsts}; no title: {untitled}; title not the headline line: {other_title};"
        f" {figures['articles_per_cpu_second']:.0f} articles/CPU-s",
        file=out,
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the shared data directory (default ../shared or $SAYWHO_SHARED)")
    parser.add_argument("--dataset", default="scrapinghub", help="a data set under data/extraction")
    parser.add_argument("--cv", type=int, default=5, metavar="FOLDS", help="cross-validation folds (0: skip)")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes over the pages")
    parser.add_argument("--no-clean-check", action="store_true", help="skip the clean-input check on the BBC corpus")
    parser.add_argument("--html", action="store_true", help="the HTML pages instead: saywho, trafilatura, resiliparse (bench/html_systems.py)")
    args = parser.parse_args(argv)
    if args.html:
        sys.path.insert(0, str(Path(__file__).parent))
        from html_systems import main as html_main

        html_main(["--set", args.dataset, *(["--shared", args.shared] if args.shared else [])])
        return 0
    shared = shared_root(args.shared)
    dataset = shared / "data" / "extraction" / args.dataset
    if not (dataset / "truth.jsonl").exists():
        print(f"extraction bench: no data set at {dataset}", file=sys.stderr)
        return 2
    pages = load_pages(dataset)
    results = run_systems(pages, text_systems(), repeat=args.repeat)
    if args.cv:
        results.append(cross_validated(shared, args.dataset, args.cv))
    print_table(f"{args.dataset} text, {len(pages)} pages (saywho row: shipped weights, trained on these pages)", results)
    if not args.no_clean_check:
        clean_input_check(shared / "data" / "corpus" / "bbc-news.jsonl.gz")
    return 0


if __name__ == "__main__":
    sys.exit(main())

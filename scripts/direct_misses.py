"""Why we miss PolNeAR train's direct quotes, and where the quotes we match get their mention or cue wrong.

    python scripts/direct_misses.py [--show CAUSE] [--json]
    python scripts/direct_misses.py --wrong [--show BUCKET] [--json]

Gold direct = an attribution whose content holds one of score_quotes.py's quotation marks; a miss is one left
unmatched by ``score_quotes.match`` (one-to-one, largest overlap first). Causes, in the order we test them:

  no_mark         no quotation found over the content (unusual or unbalanced marks)
  dropped         the quotation was found and set aside as a title, nickname or markup value
  no_cue/<where>  the quotation was found but no cue: <where> says where it sits (whole paragraph, opening a
                  sentence, inside a sentence) and the gold cue's kind (colon, a verb of our lexicon, other)
  matched_other   we attributed the quotation but our quote went to another gold attribution (two gold
                  statements merged into one of ours, or a gold content much larger than the quotation)

With ``--wrong``: every matched direct quote whose mention (or cue) does not overlap the gold Source (Cue), the
scorer's mention_acc / cue_acc errors, in buckets ``mention|cue/<ours>-><gold>/<distance>``: <ours> and <gold>
are where each span sits against the quote (L before it, R after it, in inside it, none), <distance> whether the
two spans are in one sentence, neighbouring sentences or other paragraphs; a mention bucket adds both spans'
shapes (pron, name, np, other), a cue bucket whether gold is the nearer or the farther of the two on one side.

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
from saywho.attribution.lexicon import PRONOUNS, core_lemma, speech_lemma  # noqa: E402
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


def _side(start: int, quote: tuple[int, int]) -> str:
    return "L" if start < quote[0] else "R" if start >= quote[1] else "in"


def _distance(text: str, a: int, b: int) -> str:
    between = text[min(a, b) : max(a, b)]
    if "\n" in between:
        return "para"
    return "sentence" if any(mark in between for mark in (". ", "? ", "! ", ".” ", ".\" ")) else "same"


def _shape(words: str) -> str:
    low = words.strip().lower()
    if low in PRONOUNS or low in ("who", "which", "that", "i", "we", "you", "they"):
        return "pron"
    if low.split()[:1] and low.split()[0] in ("the", "a", "an", "his", "her", "their", "its"):
        return "np"
    return "name" if words.strip()[:1].isupper() else "other"


def wrong(scorer, split_dir: Path) -> list[dict]:
    """The matched direct quotes whose mention or cue misses gold, one row each error."""
    rows = []
    for name, gold in sorted(scorer.load_gold(str(split_dir)).items()):
        text = gold["text"]
        direct = [q.to_dict() for q in attribute(text).quotes if q.kind in ("direct", "partial")]
        golds = [a for a in gold["attrs"] if a["direct"]]
        for i, j in scorer.match(direct, golds):
            ours, attribution = direct[i], golds[j]
            quote = (ours["start"], ours["end"])
            for what, role in (("mention", "source"), ("cue", "cue")):
                if role not in attribution:
                    continue
                span = ours.get(what)
                gold_spans = attribution[role]
                if span and scorer.chars([(span["start"], span["end"])]) & scorer.chars(gold_spans):
                    continue
                gold_start = min(s for s, _ in gold_spans)
                gold_words = " ".join(text[s:e] for s, e in gold_spans)
                if span is None:
                    bucket = f"{what}/none->{_side(gold_start, quote)}"
                    our_words = None
                else:
                    our_words = text[span["start"] : span["end"]]
                    sides = (_side(span["start"], quote), _side(gold_start, quote))
                    bucket = f"{what}/{sides[0]}->{sides[1]}/{_distance(text, span['start'], gold_start)}"
                    if what == "mention":
                        bucket += f"/{_shape(our_words)}->{_shape(gold_words)}"
                    elif sides[0] == sides[1] != "in":
                        nearer = (gold_start > span["start"]) == (sides[0] == "L")
                        bucket += "/gold_nearer" if nearer else "/gold_farther"
                rows.append({"cause": bucket, "article": name, "start": quote[0], "end": quote[1], "ours": our_words,
                             "gold": gold_words, "context": text[max(0, min(quote[0], gold_start) - 150) : quote[1]
                                                                  + 80]})
    return rows


def main() -> None:
    split_dir = SHARED / "data" / "quotes" / "polnear" / "train"
    if not split_dir.exists():
        sys.exit(f"scripts/direct_misses.py: needs {split_dir} (the shared data beside the repo)")
    rows = wrong(load_scorer(), split_dir) if "--wrong" in sys.argv else classify(load_scorer(), split_dir)
    if "--json" in sys.argv:
        print(json.dumps(rows, ensure_ascii=False))
        return
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else None
    counts = collections.Counter(row["cause"] for row in rows)
    if "--wrong" in sys.argv:
        mentions = sum(row["cause"].startswith("mention") for row in rows)
        print(f"PolNeAR train: {mentions} wrong mentions and {len(rows) - mentions} wrong cues of matched direct quotes")
    else:
        print(f"PolNeAR train: {len(rows)} gold direct attributions missed")
    for cause, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:6d}  {cause}")
    for row in rows:
        if show and row["cause"].startswith(show):
            found = f"ours={row['ours']!r} gold={row['gold']!r}" if "ours" in row \
                else f"source={row['gold_source']!r} cue={row['gold_cue']!r}"
            print(f"\n{row['cause']}  {row['article']}  {found}")
            print("  " + row["context"].replace("\n", " ⏎ "))


if __name__ == "__main__":
    main()

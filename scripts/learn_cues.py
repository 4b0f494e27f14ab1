"""Learn the speech-cue word forms from PolNeAR's train split (brat .ann files).

usage: python scripts/learn_cues.py [TRAIN_DIR] [OUT]

Counts the head word of every annotated Cue span (auxiliaries and adverbs skipped) and writes the
forms seen at least MIN_COUNT times, with a lemma, to src/saywho/attribution/cues.txt. Each form also
gets its cue rate: the share of its occurrences in the train texts that head a cue ("said" nearly
always does, "made" or "got" seldom), which lexicon.py uses to leave out forms that are mostly not
cues. Only the train split is read; dev is for tuning.
"""

from __future__ import annotations

import collections
import glob
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saywho.attribution.lexicon import NOT_NAMES, lemmatize  # noqa: E402

MIN_COUNT = 3
SKIP = {"has", "have", "had", "also", "is", "was", "were", "are", "will", "would", "be", "been", "later",
        "then", "once", "previously", "recently", "repeatedly", "just", "even", "not", "did", "does", "do",
        "publicly", "again", "never", "first", "still", "often", "could", "can", "may", "might", "should",
        "must", "reportedly", "widely", "already", "quickly", "strongly", "increasingly", "openly", "initially",
        "immediately", "formally", "officially", "regularly", "directly", "largely", "finally", "especially",
        "long", "more", "only", "so", "now", "all", "both", "being"}
# Words that head cue spans but are not speech verbs on their own (they need the whole phrase).
NOT_CUES = {"according", "to", "in", "a", "the", "an", "it", "of", "for", "on", "by", "as", "that", "like",
            "about", "under", "since", "there", "no", "one", "campaign", "supporters", "debate", "criticism",
            "decision", "concerns", "questions", "view", "last", "without", "yet", "critical", "eager",
            "quick", "likely", "attacks", "talks", "vote", "plans", "plan", "hope", "need", "push"}


def cue_heads(train_dir: str) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for path in sorted(glob.glob(os.path.join(train_dir, "attributions", "*.ann"))):
        name = os.path.basename(path)[:-4].rsplit("_", 1)[0]
        text_path = os.path.join(train_dir, "text", name + ".txt")
        if not os.path.exists(text_path):
            continue
        text = open(text_path, encoding="utf-8").read()
        for line in open(path, encoding="utf-8"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].startswith("T") or not parts[1].startswith("Cue "):
                continue
            spans = [tuple(map(int, p.split())) for p in parts[1][4:].split(";")]
            words = re.findall(r"[a-z’']+", " ".join(text[s:e] for s, e in spans).lower())
            words = [w for w in words if w not in SKIP]
            if words and words[0].isalpha() and words[0] not in NOT_CUES and words[0] not in NOT_NAMES:
                counts[words[0]] += 1
    return counts


def occurrences(train_dir: str) -> collections.Counter:
    """How often each lower-cased word occurs in the train texts."""
    counts: collections.Counter = collections.Counter()
    for path in sorted(glob.glob(os.path.join(train_dir, "text", "*.txt"))):
        counts.update(re.findall(r"[a-z’']+", open(path, encoding="utf-8").read().lower()))
    return counts


def is_verb_form(form: str, known: set[str]) -> bool:
    """Keep forms that behave as verbs in the annotations: -ed/-ing forms, or a base whose -ed or -ing
    form is annotated too ("email" stays only if "emailed" is there). Drops nouns and adverbs
    ("favorite", "mostly") that head some cue spans."""
    if form.endswith(("ed", "ing")) or form in ("said", "told", "wrote", "says", "say", "tells", "writes"):
        return True
    base = form[:-1] if form.endswith("s") else form
    stems = {base, base[:-1] if base.endswith("e") else base}
    return any(s + suffix in known for s in stems for suffix in ("ed", "ing", "d"))


def main() -> None:
    train_dir = sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared/data/quotes/polnear/train")
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "src/saywho/attribution/cues.txt"
    counts = cue_heads(train_dir)
    seen = occurrences(train_dir)
    known = set(counts)
    lines = [f"{form}\t{lemmatize(form, known)}\t{n}\t{'verb' if is_verb_form(form, known) else 'other'}"
             f"\t{min(1.0, n / max(seen[form], 1)):.3f}"
             for form, n in counts.most_common() if n >= MIN_COUNT]
    out.write_text("# form\tlemma\tcount in PolNeAR train cue spans\tverb|other\tcue rate (scripts/learn_cues.py)\n"
                   + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} cue forms -> {out}")


if __name__ == "__main__":
    main()

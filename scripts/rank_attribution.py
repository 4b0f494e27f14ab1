"""Could a learnt ranker pick the cue and the mention of direct quotes better than our rules?

usage: python scripts/rank_attribution.py [TRAIN_DIR] [--folds 5]

Reads PolNeAR's train split only. For every direct quote of ours that matches a gold direct attribution
(score_quotes.py's one-to-one matching), it lists candidate cues (words in the cue lexicon, colons and the
rule's pick, within the quote's sentence and its neighbours) and candidate mentions (runs of capitalised
words, pronouns and the rule's pick), labels a candidate positive when it overlaps the gold span, and prints:

* rules:   the share of quotes whose rule pick overlaps gold (the scorer's mention_acc / cue_acc on train)
* oracle:  the share with at least one positive candidate (the ceiling of re-ranking these candidates)
* ranker:  a logistic-regression ranker's top pick, cross-validated by article (sklearn; the rule's pick is
           one of its features, so it can learn where to keep it)
* trees:   the same with gradient-boosted trees (they can learn interactions, e.g. "a weak rule pick and a
           stronger verb beyond it")
* losses:  where the oracle misses (gold span inside the quote, or no candidate overlaps it)
* agreement: how often PolNeAR's other annotators mark a source / cue overlapping the first annotator's, on
           the train articles annotated several times: the human ceiling of these figures
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saywho.attribution import attribute  # noqa: E402
from saywho.attribution.lexicon import PRONOUNS, ROLE_NOUNS, VERB_FORMS  # noqa: E402

SHARED = Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))
WORD = re.compile(r"[A-Za-z][A-Za-z’'.-]*[A-Za-z]|[A-Za-z]|:")
WINDOW = 250
QUOTE_MARKS = "\"“”"
TOP_FORMS = ("said", "says", "told", "wrote", "writes", "added", "called", "calls", "calling", "saying", "asked",
             "according", ":", "described", "tweeted", "argued", "noted", "declared", "insisted", "continued")


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "tools" / "score_quotes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def cue_rates() -> dict[str, float]:
    rates = {}
    for line in (ROOT / "src" / "saywho" / "attribution" / "cues.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            rates[parts[0]] = float(parts[4])
    return rates


def between(text: str, a: tuple[int, int], b: tuple[int, int]) -> str:
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return text[lo:hi] if lo < hi else ""


def features(text: str, cand: tuple[int, int], quote: tuple[int, int], rule: tuple[int, int] | None,
             kind: str, rates: dict[str, float], rank: int, partner: tuple[int, int] | None) -> dict[str, float]:
    word = text[cand[0]:cand[1]]
    lower = word.lower()
    gap = between(text, cand, quote)
    after = cand[0] >= quote[1]
    f = {
        "rule": float(rule is not None and cand[0] < rule[1] and rule[0] < cand[1]),
        "rule_none": float(rule is None),
        "after": float(after),
        "dist": min(len(gap), WINDOW) / WINDOW,
        "near": float(len(gap) < 20),
        "rank": min(rank, 5) / 5,
        "first": float(rank == 0),
        "gap_period": float(bool(re.search(r"[.!?]\s", gap))),
        "gap_quote": float(any(q in gap for q in QUOTE_MARKS)),
        "gap_comma": float("," in gap),
        "gap_colon": float(":" in gap),
        "gap_newline": float("\n" in gap),
    }
    # the rule's pick for the other role: a cue and its source usually stand side by side ("Fiorina wrote")
    partner_gap = between(text, cand, partner) if partner else None
    f["partner_adjacent"] = float(partner_gap is not None and len(partner_gap) <= 3 and "," not in partner_gap)
    f["partner_near"] = float(partner_gap is not None and len(partner_gap) <= 40 and not re.search(r"[.!?]\s", partner_gap))
    f["partner_inside"] = float(partner is not None and cand[0] < partner[1] and partner[0] < cand[1])
    if kind == "cue":
        for form in TOP_FORMS:
            f["form_" + form] = float(text[cand[0]:cand[1]].lower() == form)
    if rule is not None and not f["rule"]:
        rule_gap = between(text, rule, quote)
        f["beyond_rule"] = float(len(gap) > len(rule_gap) and (cand[0] >= quote[1]) == (rule[0] >= quote[1]))
        f["other_side"] = float((cand[0] >= quote[1]) != (rule[0] >= quote[1]))
        f["rule_dist"] = min(len(between(text, cand, rule)), WINDOW) / WINDOW
        rule_word = text[rule[0]:rule[1]].lower()
        f["rule_weak"] = 1.0 - rates.get(rule_word, 0.0) if kind == "cue" else float(rule_word in PRONOUNS)
        # a lower-case pick that is neither a pronoun nor a role ("a nod", "22 percent") is seldom a source
        f["rule_common"] = float(kind == "mention" and rule_word[:1].islower() and rule_word not in PRONOUNS
                                 and not any(w in ROLE_NOUNS for w in rule_word.split()))
    else:
        f.update(beyond_rule=0.0, other_side=0.0, rule_dist=0.0, rule_weak=0.0, rule_common=0.0)
    if kind == "cue":
        nxt = text[cand[1]:cand[1] + 30]
        prev = text[max(0, cand[0] - 30):cand[0]]
        f.update({
            "colon": float(word == ":"),
            "rate": rates.get(lower, 0.0),
            "lexicon": float(lower in VERB_FORMS),
            "said": float(lower in ("said", "says", "say", "told", "tells")),
            "coord_first": float(bool(re.match(r"\s+(and|,)\s+\w+", nxt))),
            "coord_second": float(bool(re.search(r"\b(and)\s+$", prev))),
            "colon_next": float(":" in nxt[:15]),
            "according": float(lower == "according"),
        })
    else:
        f.update({
            "pronoun": float(lower in PRONOUNS),
            "lowercase": float(word[:1].islower() and lower not in PRONOUNS),
            "role": float(any(w in ROLE_NOUNS for w in lower.split())),
            "words": min(len(word.split()), 4) / 4,
            "sentence_start": float(bool(re.search(r"(^|[.!?]\s+|\n)\s*$", text[max(0, cand[0] - 5):cand[0]]))),
            "poss": float(text[cand[1]:cand[1] + 2] in ("'s", "’s")),
            "verb_next": float(bool(re.match(r"\s+(\w+)", text[cand[1]:cand[1] + 20]))
                               and re.match(r"\s+(\w+)", text[cand[1]:cand[1] + 20]).group(1).lower() in VERB_FORMS),
            "verb_prev": float(bool(re.search(r"(\w+)\s+$", text[max(0, cand[0] - 20):cand[0]]))
                               and re.search(r"(\w+)\s+$", text[max(0, cand[0] - 20):cand[0]]).group(1).lower()
                               in VERB_FORMS),
        })
    return f


def candidates(text: str, quote: tuple[int, int], rule: tuple[int, int] | None, kind: str) -> list[tuple[int, int]]:
    lo, hi = max(0, quote[0] - WINDOW), min(len(text), quote[1] + WINDOW)
    out = []
    if kind == "cue":
        for m in WORD.finditer(text, lo, hi):
            if quote[0] <= m.start() < quote[1]:
                continue
            if m.group() == ":" or m.group().lower() in VERB_FORMS or m.group().lower() == "according":
                out.append(m.span())
    else:
        for m in re.finditer(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|de|van))*|\b(?:he|she|they|we|it|I)\b",
                             text[lo:hi]):
            span = (lo + m.start(), lo + m.end())
            if not (quote[0] <= span[0] < quote[1]):
                out.append(span)
    if rule and rule not in out:
        out.append(rule)
    return out


def collect(split_dir: Path, scorer) -> list[dict]:
    """One row per matched direct quote and role: its candidates, their features and labels."""
    gold = scorer.load_gold(str(split_dir))
    rates = cue_rates()
    rows = []
    for name, g in sorted(gold.items()):
        text = g["text"]
        preds = [q.to_dict() for q in attribute(text).quotes]
        direct_p = [q for q in preds if q.get("kind") in ("direct", "partial")]
        direct_g = [a for a in g["attrs"] if a["direct"]]
        for i, j in scorer.match(direct_p, direct_g):
            p, a = direct_p[i], direct_g[j]
            quote = (p["start"], p["end"])
            for kind, role in (("cue", "cue"), ("mention", "source")):
                if role not in a:
                    continue
                picked = p.get(kind)
                rule = (picked["start"], picked["end"]) if picked else None
                cands = candidates(text, quote, rule, kind)
                other = p.get("mention" if kind == "cue" else "cue")
                partner = (other["start"], other["end"]) if other else None
                # rank: order of closeness on the candidate's side
                order = sorted(range(len(cands)), key=lambda k: len(between(text, cands[k], quote)))
                ranks = {k: r for r, k in enumerate(order)}
                rows.append({
                    "article": name, "kind": kind, "gold": a[role], "rule_ok": bool(rule) and overlaps(rule, a[role]),
                    "inside": all(quote[0] <= s and e <= quote[1] for s, e in a[role]),
                    "labels": [overlaps(c, a[role]) for c in cands],
                    "feats": [features(text, c, quote, rule, kind, rates, ranks[k], partner) for k, c in enumerate(cands)],
                })
    return rows


def cross_validate(rows: list[dict], folds: int, trees: bool = False) -> float:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    articles = sorted({r["article"] for r in rows})
    fold_of = {name: k % folds for k, name in enumerate(articles)}
    keys = sorted(rows[0]["feats"][0]) if rows and rows[0]["feats"] else []
    correct = 0
    for fold in range(folds):
        train = [r for r in rows if fold_of[r["article"]] != fold]
        X = [[f[k] for k in keys] for r in train for f in r["feats"]]
        y = [int(lab) for r in train for lab in r["labels"]]
        model = (HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1) if trees
                 else LogisticRegression(C=1.0, max_iter=2000)).fit(X, y)
        for r in rows:
            if fold_of[r["article"]] != fold or not r["feats"]:
                continue
            scores = (model.predict_proba if trees else model.decision_function)([[f[k] for k in keys] for f in r["feats"]])
            scores = [row[1] for row in scores] if trees else scores
            best = max(range(len(scores)), key=lambda k: scores[k])
            correct += r["labels"][best]
    return correct / len(rows)


def annotator_agreement(split_dir: Path, scorer) -> dict[str, tuple[int, float]]:
    """Source and cue agreement of the other annotators with the first one (the scorer's gold), on the
    articles PolNeAR had annotated several times: a human ceiling for mention_acc and cue_acc."""
    groups = collections.defaultdict(list)
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        groups[ann.stem.rsplit("_", 1)[0]].append(ann)
    counts: collections.Counter = collections.Counter()
    for name, anns in groups.items():
        if len(anns) < 2:
            continue
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")

        def direct(ann: Path, text: str = text) -> list[dict]:
            out = []
            for a in scorer.parse_ann(str(ann)):
                if any(q in "".join(text[s:e] for s, e in a["content"]) for q in scorer.QUOTES):
                    out.append(a | {"start": min(s for s, _ in a["content"]), "end": max(e for _, e in a["content"])})
            return out

        gold = direct(anns[0])
        for other in anns[1:]:
            preds = direct(other)
            for i, j in scorer.match(preds, gold):
                for role in ("source", "cue"):
                    if role in gold[j]:
                        counts[role] += 1
                        counts[role + "_ok"] += role in preds[i] and bool(set(scorer.chars(preds[i][role]))
                                                                          & scorer.chars(gold[j][role]))
    return {role: (counts[role], counts[role + "_ok"] / max(counts[role], 1)) for role in ("source", "cue")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("train_dir", nargs="?", default=str(SHARED / "data" / "quotes" / "polnear" / "train"))
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    scorer = load_scorer()
    for role, (n, share) in annotator_agreement(Path(args.train_dir), scorer).items():
        print(f"annotators agreeing with the first on the {role} of direct quotes: {share:.4f} (n={n})")
    rows = collect(Path(args.train_dir), scorer)
    for kind in ("mention", "cue"):
        part = [r for r in rows if r["kind"] == kind]
        n = len(part)
        oracle = sum(any(r["labels"]) for r in part)
        lost = [r for r in part if not any(r["labels"])]
        inside = sum(r["inside"] for r in lost)
        print(f"{kind}: n={n} rules={sum(r['rule_ok'] for r in part) / n:.4f} oracle={oracle / n:.4f} "
              f"ranker_cv={cross_validate(part, args.folds):.4f} trees_cv={cross_validate(part, args.folds, True):.4f}  oracle misses: {len(lost)} "
              f"({inside} gold span inside the quote, {len(lost) - inside} no candidate overlaps)")
        cands = collections.Counter(len(r["labels"]) for r in part)
        print(f"  candidates per quote: mean {sum(k * v for k, v in cands.items()) / n:.1f}")


if __name__ == "__main__":
    main()

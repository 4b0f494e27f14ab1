"""The shipped cue lexicon and logistic-regression weights for reported speech, scored in pure Python.

``reported_weights.json`` is written by ``scripts/train_reported.py`` from PolNeAR's train split:
``cues`` maps each cue form (lower case, words joined by one space) to its lemma, ``weights`` maps
feature names to coefficients and ``bias`` completes the first stage. The optional second stage
(``context_weights``, ``context_bias``, ``logit_weight``) rescores each candidate beside its rivals
in the same sentence; ``threshold`` applies to the final probability.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import repeat
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("reported_weights.json")


# A first-stage probability from which a candidate counts as a rival for its neighbours.
STRONG = 0.4
_STRONG_LOGIT = math.log(STRONG / (1 - STRONG))
# Sentences with more candidates than this (lists, dumps) get no context features: pairs are quadratic.
MAX_GROUP = 40


@dataclass(frozen=True, slots=True)
class ReportedModel:
    cues: dict[str, str]
    weights: dict[str, float]
    bias: float
    threshold: float
    cue_pattern: re.Pattern[str]
    context_weights: dict[str, float] = field(default_factory=dict)
    context_bias: float = 0.0
    logit_weight: float = 1.0

    def cue_matches(self, text: str) -> Iterator[re.Match[str]]:
        """``cue_pattern``'s matches in ``text``; their offsets index ``text``, their words may be lower-cased."""
        lowered = _lowered(text)
        exact = _case_sensitive(self.cue_pattern)
        if lowered is None or exact is None:
            return self.cue_pattern.finditer(text)
        return exact.finditer(lowered)

    def logit(self, features: list[str]) -> float:
        return self.bias + sum(map(self.weights.get, features, repeat(0.0)))

    def probability(self, features: list[str]) -> float:
        return sigmoid(self.logit(features))

    def final_probabilities(self, found) -> list[float]:
        """Second stage: each candidate's first-stage logit read beside its rivals in the sentence."""
        logits = [self.logit(c[1]) for c in found]
        if not self.context_weights:
            return [sigmoid(z) for z in logits]
        weights = self.context_weights
        out = []
        for z, context in zip(logits, context_features(found, logits), strict=True):
            out.append(sigmoid(self.context_bias + self.logit_weight * z + sum(map(weights.get, context, repeat(0.0)))))
        return out


def sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def context_features(found, logits: list[float]) -> list[list[str]]:
    """What each candidate's sentence neighbours say about it; ``found`` holds (speech, features, sentence)."""
    by_sentence: dict[int, list[int]] = {}
    for i, c in enumerate(found):
        by_sentence.setdefault(c[2], []).append(i)
    out: list[list[str]] = [[] for _ in found]
    for group in by_sentence.values():
        if len(group) > MAX_GROUP:
            continue
        for i in group:
            speech, z = found[i][0], logits[i]
            strong_others = 0
            features = out[i]
            best = True
            for j in group:
                if j == i:
                    continue
                other, oz = found[j][0], logits[j]
                if oz > z:
                    best = False
                    if other.content_start < speech.content_end and speech.content_start < other.content_end:
                        features.append("ctx_overlaps_stronger")
                if oz < _STRONG_LOGIT:
                    continue
                strong_others += 1
                if other.content_start <= speech.cue_start < other.content_end:
                    features.append("ctx_inside_strong")
                if speech.content_start <= other.cue_start < speech.content_end:
                    features.append("ctx_holds_strong")
            features.append(f"ctx_strong_others:{min(strong_others, 3)}")
            if best:
                features.append("ctx_best")
            if z >= _STRONG_LOGIT:
                features.append("ctx_strong")
    return [sorted(set(f)) for f in out]


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _lowered(text: str) -> str | None:
    """``text.lower()`` where that is what case-insensitive matching sees: offset for offset, and with no
    non-ASCII letter that folds onto an ASCII one (the long s, the Kelvin sign, the dotted capital I); else None.
    """
    for run in set(_NON_ASCII.findall(text)):
        if run.lower() != run or run.upper() != run:
            return None
    return text.lower()


@cache
def _case_sensitive(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The lexicon's pattern without IGNORECASE, for lower-cased text: its matching on ASCII letters is a table
    lookup less per character. None if the pattern spells any capital (then lower-cased text would miss it)."""
    source = pattern.pattern
    if source != source.lower():
        return None
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def cue_regex(forms: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex for all cue forms, factored as a trie so matching stays linear."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(r"(?<![\w’'-])(?:" + _trie_source(trie) + r")(?![\w’'-])", re.IGNORECASE)


def _trie_source(node: dict) -> str:
    branches = []
    optional = False
    for ch, child in sorted(node.items()):
        if ch == "":
            optional = True
            continue
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_source(child))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return "(?:" + body + ")?"
    return body


@cache
def load_model(path: str | None = None) -> ReportedModel:
    data = json.loads(Path(path or WEIGHTS_PATH).read_text(encoding="utf-8"))
    cues = dict(data["cues"])
    return ReportedModel(
        cues=cues,
        weights={k: float(v) for k, v in data.get("weights", {}).items()},
        bias=float(data.get("bias", 0.0)),
        threshold=float(data.get("threshold", 0.5)),
        cue_pattern=cue_regex(sorted(cues)),
        context_weights={k: float(v) for k, v in data.get("context_weights", {}).items()},
        context_bias=float(data.get("context_bias", 0.0)),
        logit_weight=float(data.get("logit_weight", 1.0)),
    )

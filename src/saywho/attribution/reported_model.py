"""The shipped cue lexicon and logistic-regression weights for reported speech, scored in pure Python.

``reported_weights.json`` is written by ``scripts/train_reported.py`` from PolNeAR's train split:
``cues`` maps each cue form (lower case, words joined by one space) to its lemma, ``weights`` maps
feature names to coefficients, ``bias`` and ``threshold`` complete the scorer.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS_PATH = Path(__file__).with_name("reported_weights.json")


@dataclass(frozen=True, slots=True)
class ReportedModel:
    cues: dict[str, str]
    weights: dict[str, float]
    bias: float
    threshold: float
    cue_pattern: re.Pattern[str]

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(f, 0.0) for f in features)
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


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
    )

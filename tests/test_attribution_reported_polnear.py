from __future__ import annotations

import importlib.util

from conftest import shared_path
from saywho.attribution.reported import find_reported

# Measured 0.7285 on dev when the weights were trained (bench/reported_eval.py); a floor, not the figure.
DEV_F1_FLOOR = 0.68


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", shared_path("tools", "score_quotes.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_attribution_reported_polnear_dev_f1():
    split = shared_path("data", "quotes", "polnear", "dev")
    scorer = _scorer()
    gold = scorer.load_gold(str(split))
    tp = npred = ngold = 0
    for g in gold.values():
        text = g["text"]
        found = find_reported(text)
        for s in found:
            assert 0 <= s.content_start < s.content_end <= len(text)
            assert not any(mark in text[s.content_start:s.content_end] for mark in scorer.QUOTES)
        spans = sorted((s.content_start, s.content_end) for s in found)
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
        reported = [a for a in g["attrs"] if not a["direct"]]
        tp += len(scorer.match([{"start": s.content_start, "end": s.content_end} for s in found], reported))
        npred += len(found)
        ngold += len(reported)
    precision, recall = tp / npred, tp / ngold
    assert 2 * precision * recall / (precision + recall) >= DEV_F1_FLOOR

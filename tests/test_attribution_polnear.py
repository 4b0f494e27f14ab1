"""PolNeAR dev through ``attribute`` on raw text, scored by the shared scorer: floors, not targets."""

from __future__ import annotations

import importlib.util
import json

from conftest import shared_path
from saywho.attribution import attribute


def test_attribution_polnear_dev_direct_quotes(tmp_path):
    split = shared_path("data", "quotes", "polnear", "dev")
    tool = shared_path("tools", "score_quotes.py")
    spec = importlib.util.spec_from_file_location("score_quotes", tool)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    predictions = tmp_path / "preds.jsonl"
    with predictions.open("w", encoding="utf-8") as handle:
        for path in sorted((split / "text").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            quotes = attribute(text).quotes
            for quote in quotes:
                assert 0 <= quote.start < quote.end <= len(text)
            handle.write(json.dumps({"id": path.stem, "quotes": [q.to_dict() for q in quotes]}) + "\n")
    figures = scorer.score(str(split), str(predictions))
    assert figures["direct_r"] >= 0.85
    assert figures["direct_p"] >= 0.80
    assert figures["span_exact"] >= 0.93
    assert figures["mention_acc"] >= 0.85
    assert figures["cue_acc"] >= 0.85

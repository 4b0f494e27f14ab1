"""PolNeAR dev through ``attribute`` on raw text, scored by the shared scorer: floors, not targets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from conftest import shared_path
from saywho.attribution import attribute


def _scorer():
    spec = importlib.util.spec_from_file_location("score_quotes", shared_path("tools", "score_quotes.py"))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def _predict(split, names, predictions) -> None:
    with predictions.open("w", encoding="utf-8") as handle:
        for path in sorted((split / "text").glob("*.txt")):
            if names is not None and path.stem not in names:
                continue
            text = path.read_text(encoding="utf-8")
            quotes = attribute(text).quotes
            for quote in quotes:
                assert 0 <= quote.start < quote.end <= len(text)
            handle.write(json.dumps({"id": path.stem, "quotes": [q.to_dict() for q in quotes]}) + "\n")


def test_attribution_polnear_dev_direct_quotes(tmp_path):
    split = shared_path("data", "quotes", "polnear", "dev")
    scorer = _scorer()
    predictions = tmp_path / "preds.jsonl"
    _predict(split, None, predictions)
    figures = scorer.score(str(split), str(predictions))
    # measured 0.850 / 0.933 / 0.968 / 0.941 / 0.938; floors a little under
    assert figures["direct_r"] >= 0.92
    assert figures["direct_p"] >= 0.83
    assert figures["span_exact"] >= 0.95
    assert figures["mention_acc"] >= 0.93
    assert figures["cue_acc"] >= 0.925


def test_attribution_polnear_speaker_names(tmp_path):
    """Canonical speaker names on the hand-resolved check set of train articles (bench/)."""
    split = shared_path("data", "quotes", "polnear", "train")
    speakers = Path(__file__).resolve().parents[1] / "bench" / "polnear_train_speakers_check.jsonl"
    names = {json.loads(line)["file"] for line in speakers.read_text(encoding="utf-8").splitlines() if line.strip()}
    linked = tmp_path / "split"
    for sub in ("text", "attributions"):
        (linked / sub).mkdir(parents=True)
        for path in (split / sub).iterdir():
            if (path.stem if sub == "text" else path.stem.rsplit("_", 1)[0]) in names:
                (linked / sub / path.name).symlink_to(path)
    predictions = tmp_path / "preds.jsonl"
    _predict(split, names, predictions)
    figures = _scorer().score(str(linked), str(predictions), str(speakers))
    # measured 0.872 over 47 quotes
    assert figures["speaker_n"] >= 40
    assert figures["speaker_acc"] >= 0.82

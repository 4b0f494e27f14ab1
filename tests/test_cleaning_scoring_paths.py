import math

import numpy as np
import pytest

from saywho.cleaning import clean_text
from saywho.cleaning.blocks import split_blocks
from saywho.cleaning.features import FEATURE_NAMES, clear_cache, page_arrays, page_features, window_means
from saywho.cleaning.model import SECOND_NAMES, dot, first_pass, load_weights, score_page, second_rows

MENU = ["Home", "News", "Sport", "Subscribe to our newsletter", "Share | Facebook | Twitter"]
STORY = [
    "Officials said on Tuesday that the bridge, which carries 40,000 cars a day, would reopen in the spring.",
    "The repairs, which began in March, were delayed by a shortage of steel, the transport ministry said.",
    "Drivers have faced detours of up to 40 minutes since the closure, according to local councils.",
]


def _row_path_probabilities(texts: list[str]) -> list[float]:
    """The model as training applies it: one feature row a block, one dot product a row."""
    weights = load_weights()
    rows = page_features(texts)
    z = first_pass(rows, weights["first"])
    return [
        1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, dot(row, weights["second"])))))
        for row in second_rows(z, rows)
    ]


@pytest.mark.parametrize("size", range(1, 9))
def test_cleaning_scoring_paths_agree_on_pages_of_every_small_size(size):
    texts = (MENU + STORY + MENU)[:size]
    probs, _ = score_page(texts)
    assert probs == pytest.approx(_row_path_probabilities(texts), abs=1e-12)


def test_cleaning_scoring_paths_agree_on_the_seed(seed_text):
    texts = [b[0] for b in split_blocks(seed_text)]
    probs, rows = score_page(texts)
    assert probs == pytest.approx(_row_path_probabilities(texts), abs=1e-12)
    # The rows the cleaner reads after scoring are the training rows.
    features = page_features(texts)
    for i in (0, len(texts) // 2, len(texts) - 1):
        assert list(rows[i]) == features[i]
    assert rows[1:3] == [tuple(features[1]), tuple(features[2])]


@pytest.mark.parametrize("size", range(1, 10))
@pytest.mark.parametrize(("before", "after"), [(2, 2), (6, 6), (0, 3)])
def test_cleaning_scoring_paths_window_means_average_the_clipped_window(size, before, after):
    values = [float(k * k % 7) for k in range(size)]
    expected = [
        sum(values[max(i - before, 0) : min(i + after + 1, size)]) / (min(i + after + 1, size) - max(i - before, 0))
        for i in range(size)
    ]
    assert window_means(np.array(values), before, after).tolist() == pytest.approx(expected)


def test_cleaning_scoring_paths_context_of_a_one_block_page():
    own, matrix = page_arrays(["Officials said the bridge would reopen in the spring after months of repairs."])
    row = dict(zip(FEATURE_NAMES, matrix[:, 0].tolist(), strict=True))
    assert row["first"] == row["last"] == row["bias"] == 1.0
    assert row["position"] == 0.0 and row["prev_log_chars"] == row["next_log_chars"] == 0.0
    assert row["relative_length"] == 1.0
    assert len(second_rows([1.0], [matrix[:, 0].tolist()])[0]) == len(SECOND_NAMES)


def test_cleaning_scoring_paths_the_cache_changes_no_output(seed_text):
    clear_cache()
    cold = clean_text(seed_text)
    warm = clean_text(seed_text)
    assert cold == warm
    assert page_arrays([])[1].shape == (len(FEATURE_NAMES), 0)

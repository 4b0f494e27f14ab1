"""The array scoring of the HTML model's boosted trees equals the compiled expression, bit for bit."""

import numpy as np

from saywho.cleaning.html_model import FEATURE_NAMES, STACK_FEATURE_NAMES, load_weights
from saywho.cleaning.html_trees import compile_trees, tree_sums, tree_tables


def _rows(width: int, count: int) -> np.ndarray:
    rng = np.random.default_rng(7)
    rows = rng.normal(0.0, 1.0, (count, width))
    rows[::3] = rng.integers(0, 2, (len(rows[::3]), width))
    rows[1::5] = 0.0
    return rows


def test_cleaning_html_trees_sums_match_compiled_trees_for_both_stages():
    weights = load_weights()
    for stage, names, columns in (
        (weights["first"], weights["features"], FEATURE_NAMES),
        (weights["second"], weights["stack_features"], STACK_FEATURE_NAMES),
    ):
        rows = _rows(len(columns), 200)
        expected = [compile_trees(stage, names, columns)(row) for row in rows.tolist()]
        assert tree_sums(rows, tree_tables(stage, names, columns)) == expected


def test_cleaning_html_trees_missing_feature_reads_as_zero():
    stage = {"baseline": 0.5, "trees": [[[0, 0.25, 1, 2], [1.0], [1, 0.5, 3, 4], [3.0], [4.0]]]}
    columns = ("kept",)
    names = ["kept", "gone"]
    rows = np.array([[0.0], [1.0]])
    tables = tree_tables(stage, names, columns)
    # The second row goes right at the first test, then "gone" reads 0.0 <= 0.5: left, to 3.0.
    assert tree_sums(rows, tables) == [1.5, 3.5]
    assert tree_sums(rows, tables) == [compile_trees(stage, names, columns)(row) for row in rows.tolist()]

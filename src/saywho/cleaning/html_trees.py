"""Boosted trees exported from scikit-learn as nested lists, scored without scikit-learn.

A tree is a list of nodes: ``[value]`` for a leaf, ``[feature, threshold, left, right]`` for a
test (``feature`` indexes the stage's feature names in the weights file). The HTML block
classifier (``saywho.cleaning.html_model``) scores both of its stages for all blocks of a page
at once from arrays; the training script checks the export against the compiled expression.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


def compile_trees(first: dict, names: list[str], columns: tuple[str, ...]) -> Callable[[list[float]], float]:
    """Boosted trees as one Python expression over a feature row (the raw score).

    Walking 100 trees node by node in a Python loop costs several times more than letting
    Python evaluate nested conditionals; the source is built only from our own weights file.
    A feature the trees use that today's rows lack reads as 0.0.
    """
    column = {name: i for i, name in enumerate(columns)}

    def expression(tree: list[list], index: int) -> str:
        node = tree[index]
        if len(node) == 1:
            return repr(float(node[0]))
        feature, threshold, left, right = node
        col = column.get(names[feature])
        if col is None:
            return expression(tree, left if 0.0 <= threshold else right)
        return f"({expression(tree, left)} if x[{col}] <= {float(threshold)!r} else {expression(tree, right)})"

    source = " + ".join([repr(float(first["baseline"]))] + [expression(tree, 0) for tree in first["trees"]])
    return eval(compile(f"lambda x: {source}", "<html_model trees>", "eval"))  # noqa: S307


@dataclass(frozen=True, slots=True)
class TreeTables:
    """Boosted trees as arrays, for scoring every block of a page at once.

    Each tree's leaves are listed with the tests on their path; a block reaches the leaf all of
    whose tests it passes. Test ``k`` reads column ``columns[k]`` of the feature matrix; a leaf's
    path is at most ``depth`` test columns of ``[passed, failed, always]``.
    """

    columns: np.ndarray
    thresholds: np.ndarray
    paths: np.ndarray
    values: np.ndarray
    starts: np.ndarray
    baseline: float


def tree_tables(stage: dict, names: list[str], columns: tuple[str, ...]) -> TreeTables:
    """The arrays of ``TreeTables`` for one stage of the weights file."""
    column = {name: i for i, name in enumerate(columns)}
    tests: list[int] = []
    thresholds: list[float] = []
    paths: list[list[int]] = []
    values: list[float] = []
    starts: list[int] = []
    for tree in stage["trees"]:
        starts.append(len(values))
        pending = [(0, [])]
        while pending:
            index, path = pending.pop()
            node = tree[index]
            if len(node) == 1:
                paths.append(path)
                values.append(float(node[0]))
                continue
            feature, threshold, left, right = node
            col = column.get(names[feature])
            if col is None:
                # A feature today's rows lack reads as 0.0: the branch is known now.
                pending.append((left if 0.0 <= threshold else right, path))
                continue
            test = len(tests)
            tests.append(col)
            thresholds.append(float(threshold))
            pending.append((right, [*path, -test - 1]))
            pending.append((left, [*path, test]))
    always = 2 * len(tests)
    depth = max(1, *(len(p) for p in paths))
    table = np.full((depth, len(paths)), always, dtype=np.intp)
    for leaf, path in enumerate(paths):
        for level, test in enumerate(path):
            table[level, leaf] = test if test >= 0 else len(tests) + (-test - 1)
    return TreeTables(
        np.array(tests, dtype=np.intp), np.array(thresholds), table, np.array(values), np.array(starts, dtype=np.intp), float(stage["baseline"])
    )


def tree_sums(matrix: np.ndarray, tables: TreeTables) -> list[float]:
    """Each row's raw score: the baseline plus every tree's leaf, added in tree order as the
    compiled expression adds them, so the floats are the same to the last bit."""
    n = len(matrix)
    passed = matrix[:, tables.columns] <= tables.thresholds
    outcomes = np.concatenate([passed, ~passed, np.ones((n, 1), dtype=bool)], axis=1)
    reached = outcomes[:, tables.paths[0]]
    for level in tables.paths[1:]:
        reached &= outcomes[:, level]
    # One leaf per tree is reached: its tree's sum is that leaf's value plus exact zeros.
    leaves = np.add.reduceat(np.where(reached, tables.values, 0.0), tables.starts, axis=1)
    terms = np.concatenate([np.full((n, 1), tables.baseline), leaves], axis=1)
    return np.cumsum(terms, axis=1)[:, -1].tolist()

"""Boosted trees exported from scikit-learn as nested lists, scored without scikit-learn.

A tree is a list of nodes: ``[value]`` for a leaf, ``[feature, threshold, left, right]`` for a
test (``feature`` indexes the stage's feature names in the weights file). The HTML block
classifier (``saywho.cleaning.html_model``) scores both of its stages for all blocks of a page
at once from arrays; the training script checks the export against the compiled expression.
"""

from __future__ import annotations

import math
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
    """Boosted trees as arrays of nodes, for scoring every block of a page at once.

    Every block steps down all trees together, ``depth`` times: at node ``k`` it reads column
    ``columns[k]`` and goes to ``left[k]`` if that is at most ``thresholds[k]``, else to
    ``right[k]``. A leaf leads to itself, so blocks that reach one early stay there; ``roots``
    are the trees' first nodes and ``values`` the leaves' values.
    """

    columns: np.ndarray
    thresholds: np.ndarray
    left: np.ndarray
    right: np.ndarray
    values: np.ndarray
    roots: np.ndarray
    depth: int
    baseline: float


def tree_tables(stage: dict, names: list[str], columns: tuple[str, ...]) -> TreeTables:
    """The arrays of ``TreeTables`` for one stage of the weights file."""
    column = {name: i for i, name in enumerate(columns)}
    tests: list[int] = []
    thresholds: list[float] = []
    left: list[int] = []
    right: list[int] = []
    values: list[float] = []
    roots: list[int] = []
    depth = 1
    for tree in stage["trees"]:
        offset = len(tests)
        roots.append(offset)
        for node in tree:
            # A leaf, and a test of a feature today's rows lack (it reads as 0.0, so its branch
            # is known now), always go one way: an infinite threshold sends every row left.
            here = len(tests)
            if len(node) == 1:
                tests.append(0)
                thresholds.append(math.inf)
                left.append(here)
                right.append(here)
                values.append(float(node[0]))
                continue
            feature, threshold, low, high = node
            col = column.get(names[feature])
            values.append(0.0)
            if col is None:
                known = offset + (low if 0.0 <= threshold else high)
                tests.append(0)
                thresholds.append(math.inf)
                left.append(known)
                right.append(known)
                continue
            tests.append(col)
            thresholds.append(float(threshold))
            left.append(offset + low)
            right.append(offset + high)
        depth = max(depth, _depth(tree))
    return TreeTables(
        np.array(tests, dtype=np.intp),
        np.array(thresholds),
        np.array(left, dtype=np.intp),
        np.array(right, dtype=np.intp),
        np.array(values),
        np.array(roots, dtype=np.intp),
        depth,
        float(stage["baseline"]),
    )


def _depth(tree: list[list]) -> int:
    """The most steps from the root to a leaf."""
    most = 0
    pending = [(0, 0)]
    while pending:
        index, steps = pending.pop()
        node = tree[index]
        if len(node) == 1:
            most = max(most, steps)
        else:
            pending.extend(((node[2], steps + 1), (node[3], steps + 1)))
    return most


def tree_sums(matrix: np.ndarray, tables: TreeTables) -> list[float]:
    """Each row's raw score: the baseline plus every tree's leaf, added in tree order as the
    compiled expression adds them, so the floats are the same to the last bit."""
    n, width = matrix.shape
    # The first step starts from the roots for every row: a plain column selection.
    roots = tables.roots
    passed = matrix[:, tables.columns[roots]] <= tables.thresholds[roots]
    nodes = np.where(passed, tables.left[roots], tables.right[roots])
    if tables.depth > 1:
        flat = matrix.ravel()
        starts = np.arange(0, n * width, width)[:, None]
        for _ in range(tables.depth - 1):
            passed = flat[starts + tables.columns[nodes]] <= tables.thresholds[nodes]
            nodes = np.where(passed, tables.left[nodes], tables.right[nodes])
    terms = np.empty((n, len(roots) + 1))
    terms[:, 0] = tables.baseline
    terms[:, 1:] = tables.values[nodes]
    return np.cumsum(terms, axis=1)[:, -1].tolist()

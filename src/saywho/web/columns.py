"""Every quote's filter values held in memory, as numpy arrays indexed by quote id.

A search checks its date, publisher, kind and speaker filters on thousands of full-text matches
by array lookups instead of joining two tables per match, and finds the quotes one filter keeps
by slicing a presorted id array instead of walking an index. The server opens the store
read-only, so the arrays stay true until the file changes; ``Store`` reloads them then.
Loading costs about 2 CPU-seconds and 40 MB per million quotes, once per server process.
"""

from __future__ import annotations

import itertools
import math
import re
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

KINDS = ("direct", "partial", "indirect")
NO_PUBLISHER = -1
# A publisher the store does not have: matches nothing (a real code is never negative).
UNKNOWN_PUBLISHER = -2
LAST_DAY = 99_999_999
ROWS_PER_FETCH = 100_000
# FTS5's bm25 constants (fts5_aux.c), so the relevance order matches what FTS5 would give.
K1 = 1.2
B = 0.75

_DAY_SQL = ("CASE WHEN {c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
            "THEN CAST(substr({c}, 1, 4) || substr({c}, 6, 2) || substr({c}, 9, 2) AS INTEGER) ELSE 0 END")
_KIND_SQL = "CASE q.kind " + " ".join(f"WHEN '{k}' THEN {i + 1}" for i, k in enumerate(KINDS)) + " ELSE 0 END"


def day_number(iso: str) -> int:
    """``2019-02-28`` as 20190228: integer days that sort as the dates do."""
    return int(iso[0:4] + iso[5:7] + iso[8:10])


def day_text(day: int) -> str | None:
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}" if day else None


def varints(data: bytes) -> list[int]:
    """The SQLite varints FTS5 packs its records with (averages, per-row column sizes)."""
    values, at = [], 0
    while at < len(data):
        value = 0
        for step in range(9):
            byte = data[at]
            at += 1
            if step == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80 or at >= len(data):
                break
        values.append(value)
    return values


def _flat(rows, width: int) -> np.ndarray:
    values = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)
    return values.reshape(-1, width)


@dataclass(slots=True)
class Filter:
    """The non-word filters of one search, as codes the arrays hold."""

    ids: np.ndarray | None = None
    publisher: int | None = None
    kind: int | None = None
    span: tuple[int, int] | None = None
    _member: np.ndarray | None = field(default=None, repr=False)

    @property
    def active(self) -> bool:
        return self.ids is not None or self.publisher is not None or bool(self.kind) or self.span is not None


class QuoteColumns:
    """Date (as YYYYMMDD, 0 when unknown), publisher code, kind code and person id of each quote."""

    def __init__(self, conn: sqlite3.Connection):
        quotes = []
        after = -1
        while True:
            rows = conn.execute(
                f"SELECT q.id, q.article_id, coalesce(q.person_id, 0), ({_DAY_SQL.format(c='q.date')}) * 4 + "
                f"{_KIND_SQL} FROM quotes q WHERE q.id > ? ORDER BY q.id LIMIT ?", (after, ROWS_PER_FETCH),
            ).fetchall()
            if not rows:
                break
            quotes.append(_flat(rows, 4))
            after = rows[-1][0]
        table = np.concatenate(quotes) if quotes else np.zeros((0, 4), dtype=np.int64)
        names: dict[str, int] = {}
        articles = conn.execute(f"SELECT id, publisher, {_DAY_SQL.format(c='published')} FROM articles "
                                "ORDER BY id").fetchall()
        article_ids = np.fromiter((r[0] for r in articles), dtype=np.int64, count=len(articles))
        article_pub = np.fromiter((NO_PUBLISHER if r[1] is None else names.setdefault(r[1], len(names))
                                   for r in articles), dtype=np.int32, count=len(articles))
        article_day = np.fromiter((r[2] for r in articles), dtype=np.int32, count=len(articles))
        size = int(table[:, 0].max()) + 1 if len(table) else 1
        ids = table[:, 0]
        self.size = size
        self.count = len(table)
        self.publishers = names
        self.present = np.zeros(size, dtype=bool)
        self.present[ids] = True
        self.kind = np.zeros(size, dtype=np.int8)
        self.kind[ids] = table[:, 3] % 4
        self.person = np.zeros(size, dtype=np.int32)
        self.person[ids] = table[:, 2]
        # Where the quote states no date, its article's publication date stands in.
        position = np.searchsorted(article_ids, table[:, 1]).clip(0, max(0, len(article_ids) - 1))
        known = (article_ids[position] == table[:, 1]) if len(article_ids) else np.zeros(len(ids), dtype=bool)
        self.day = np.zeros(size, dtype=np.int32)
        self.day[ids] = np.where(table[:, 3] // 4 > 0, table[:, 3] // 4,
                                 np.where(known, article_day[position] if len(article_ids) else 0, 0))
        self.publisher = np.full(size, NO_PUBLISHER, dtype=np.int32)
        self.publisher[ids] = np.where(known, article_pub[position] if len(article_ids) else NO_PUBLISHER,
                                       NO_PUBLISHER)
        # Presorted ids: a day range, a publisher or a person is one slice of these.
        self.by_day = np.argsort(np.where(self.present, self.day, 0), kind="stable").astype(np.int32)
        self.by_day = self.by_day[self.present[self.by_day]]
        self.day_sorted = self.day[self.by_day]
        self.by_publisher = ids[np.argsort(self.publisher[ids], kind="stable")].astype(np.int32)
        self.publisher_sorted = self.publisher[self.by_publisher]
        self.by_person = ids[np.argsort(self.person[ids], kind="stable")].astype(np.int32)
        self.person_sorted = self.person[self.by_person]
        self.rows, self.mean_tokens = self._fts_averages(conn)
        self.document_counts: dict[tuple[str, ...], int] = {}
        self.newest_matches: dict[tuple[str, int], tuple[int, int | None]] = {}
        self.walks: OrderedDict[tuple, np.ndarray] = OrderedDict()

    def _fts_averages(self, conn: sqlite3.Connection) -> tuple[int, float]:
        """Rows and mean tokens per row as FTS5 keeps them (its averages record), for bm25."""
        try:
            blob = conn.execute("SELECT block FROM quotes_fts_data WHERE id = 1").fetchone()
        except sqlite3.Error:
            blob = None
        values = varints(bytes(blob[0]) if blob and blob[0] else b"")
        if len(values) >= 2 and values[0] > 0:
            return values[0], max(1.0, sum(values[1:]) / values[0])
        return max(1, self.count), 10.0

    def person_ids(self, people: list[int]) -> np.ndarray:
        """Ids of the quotes attributed to any of these people."""
        wanted = np.asarray([p for p in people if 0 < p < 2**31], dtype=np.int32)
        if not len(wanted):
            return np.zeros(0, dtype=np.int32)
        starts = np.searchsorted(self.person_sorted, wanted, side="left")
        ends = np.searchsorted(self.person_sorted, wanted, side="right")
        return np.concatenate([self.by_person[s:e] for s, e in zip(starts, ends, strict=True)])

    def publisher_code(self, name: str) -> int:
        return self.publishers.get(name, UNKNOWN_PUBLISHER)

    def keep(self, ids: np.ndarray, f: Filter) -> np.ndarray:
        """Which of these quote ids pass every filter (ids past the arrays, stored since, do not)."""
        inside = ids < self.size
        at = np.where(inside, ids, 0)
        mask = inside & self.present[at]
        if f.publisher is not None:
            mask &= self.publisher[at] == f.publisher
        if f.kind:
            mask &= self.kind[at] == f.kind
        if f.span is not None:
            day = self.day[at]
            mask &= (day >= f.span[0]) & (day <= f.span[1])
        if f.ids is not None:
            if f._member is None:
                f._member = np.zeros(self.size, dtype=bool)
                f._member[f.ids[f.ids < self.size]] = True
            mask &= f._member[at]
        return mask

    def narrowed(self, f: Filter) -> tuple[np.ndarray, bool] | None:
        """Ids of every quote passing the filters, taken from the one filter that keeps fewest, and
        whether they come in (day, id) order; None when no filter has a slice (kind alone)."""
        slices = []
        if f.ids is not None:
            slices.append((len(f.ids), f.ids, False))
        if f.span is not None:
            lo, hi = np.searchsorted(self.day_sorted, np.array([max(1, f.span[0]), f.span[1] + 1], dtype=np.int32))
            slices.append((hi - lo, self.by_day[lo:hi], True))
        if f.publisher is not None:
            lo, hi = np.searchsorted(self.publisher_sorted, np.array([f.publisher, f.publisher + 1], dtype=np.int32))
            slices.append((hi - lo, self.by_publisher[lo:hi], False))
        if not slices:
            return None
        _, ids, day_ordered = min(slices, key=lambda s: s[0])
        return ids[self.keep(ids, f)], day_ordered

    def by_date(self, ids: np.ndarray, newest: bool, day_ordered: bool = False) -> np.ndarray:
        """These ids by date, then id (undated last either way)."""
        if not day_ordered:
            ids = ids[np.lexsort((ids, self.day[ids]))]
        if newest:
            ids = ids[::-1]
        undated = self.day[ids] == 0
        return np.concatenate([ids[~undated], ids[undated]]) if undated.any() else ids


def phrase_counts(patterns: list[re.Pattern], documents: list[str]) -> np.ndarray:
    """How often each pattern occurs in each document (a row per document), found in one regex
    pass per pattern over the documents joined by NUL; a match spanning two is dropped."""
    counts = np.zeros((len(documents), len(patterns)))
    if not documents:
        return counts
    joined = "\0".join(documents)
    starts = np.cumsum([0] + [len(d) + 1 for d in documents[:-1]])
    for k, pattern in enumerate(patterns):
        found = [m.start() for m in pattern.finditer(joined) if "\0" not in m.group()]
        if found:
            counts[:, k] = np.bincount(np.searchsorted(starts, found, side="right") - 1, minlength=len(documents))
    return counts


def bm25(freqs: np.ndarray, lengths: np.ndarray, hits: list[int], rows: int, mean_tokens: float) -> np.ndarray:
    """FTS5's bm25 (negated, so smaller is better) of each document, from how often each phrase
    occurs in it (a row per document) and its length in tokens.

    ``hits`` is how many rows match each phrase; FTS5 counts them on every query, which for a
    common word costs more than the whole rest of the search, so the caller remembers them.
    """
    idf = np.array([max(1e-6, math.log((rows - n + 0.5) / (n + 0.5))) for n in hits])
    norm = K1 * (1 - B + B * lengths / mean_tokens)
    return -(idf * (freqs * (K1 + 1) / (freqs + norm[:, None]))).sum(axis=1)

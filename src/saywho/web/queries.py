"""Read-only queries over a saywho store for the web UI and its JSON API.

Every value reaches SQLite as a bound parameter; the only SQL built from request data is
chosen from fixed whitelists (sort orders, filter clauses). Work per request is bounded:
counts stop at ``COUNT_CAP``, pages stop at ``MAX_PAGE``, full-text walks under filters stop at
``SCAN_BUDGET`` matches, and filters are checked on in-memory columns (columns.py), so a
1M-quote store answers about as fast as a small one. The home, speaker and article pages'
queries are in pages.py.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from urllib.parse import quote as url_quote

import numpy as np

from saywho.errors import StoreError
from saywho.web.columns import KINDS, LAST_DAY, Filter, QuoteColumns, bm25, day_number, phrase_counts, varints
from saywho.web.pages import QUOTE_COLUMNS, PageQueries, highlight  # noqa: F401 (callers import highlight from here)
from saywho.web.words import contains_all, fold, fts_query, phrase_patterns, phrases

PAGE_SIZE = 20
MAX_PAGE = 25
COUNT_CAP = PAGE_SIZE * MAX_PAGE
NARROW_CAP = 10_000
SCAN_BUDGET = 10_000
# Checking a quote's words in Python costs about as much as reading this many FTS5 matches
# (whose filters are array lookups).
PYTHON_MATCH_COST = 20
CACHE_TTL = 60.0
PAGES_KEPT = 256
WORDS_KEPT = 4096
WALKS_KEPT = 512

SORTS = ("relevance", "newest", "oldest")
# Without words there is no rank; newest first is the natural reading order.
BROWSE_SORTS = {"relevance": "q.date DESC, q.id DESC", "newest": "q.date DESC, q.id DESC",
                "oldest": "q.date ASC, q.id ASC"}
PUBLISHER_SORTS = {"relevance": "a.published DESC, a.id DESC, q.seq", "newest": "a.published DESC, a.id DESC, q.seq",
                   "oldest": "a.published ASC, a.id ASC, q.seq"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class BadQuery(ValueError):
    """A request parameter the UI cannot use; the message is shown to the user."""


def open_store(path: str | Path) -> sqlite3.Connection:
    """A read-only connection: URI mode=ro, and query_only as a second lock."""
    path = Path(path)
    if not path.is_file():
        raise StoreError("no such store (build one with `saywho run INPUT --db FILE`)", source=str(path))
    uri = f"file:{url_quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        # Memory-mapped reads share the OS page cache across the server's threads.
        conn.execute("PRAGMA mmap_size = 1073741824")
        conn.execute("SELECT 1 FROM quotes LIMIT 1").fetchall()
        conn.execute("SELECT 1 FROM quotes_fts LIMIT 1").fetchall()
    except sqlite3.Error as err:
        raise StoreError(f"cannot read it as a saywho store ({err})", source=str(path)) from None
    conn.row_factory = sqlite3.Row
    return conn


def check_date(value: str | None, name: str) -> str | None:
    if not value:
        return None
    if not _DATE.match(value):
        raise BadQuery(f"{name}: expected a date as YYYY-MM-DD, got {value[:40]!r}")
    try:
        Date.fromisoformat(value)
    except ValueError:
        raise BadQuery(f"{name}: no such date {value!r}") from None
    return value


def check_int(value: str | None, name: str, default: int, low: int = 1, high: int = 2**62) -> int:
    if value in (None, ""):
        return default
    if not value.isdigit():
        raise BadQuery(f"{name}: expected a whole number, got {value[:40]!r}")
    number = int(value)
    if not low <= number <= high:
        raise BadQuery(f"{name}: expected a number from {low} to {high}, got {number}")
    return number


@dataclass(frozen=True, slots=True)
class SearchParams:
    q: str = ""
    speaker: str = ""
    person: int | None = None
    publisher: str = ""
    date_from: str | None = None
    date_to: str | None = None
    kind: str = ""
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_query(cls, params) -> SearchParams:
        kind = params.get("kind", "")
        if kind and kind not in KINDS:
            raise BadQuery(f"kind: expected one of {', '.join(KINDS)}, got {kind[:40]!r}")
        sort = params.get("sort", "") or "relevance"
        if sort not in SORTS:
            raise BadQuery(f"sort: expected one of {', '.join(SORTS)}, got {sort[:40]!r}")
        person = params.get("person", "")
        return cls(
            q=params.get("q", "").strip()[:500],
            speaker=params.get("speaker", "").strip()[:200],
            person=check_int(person, "person", 0) or None,
            publisher=params.get("publisher", "").strip()[:200],
            date_from=check_date(params.get("from"), "from"),
            date_to=check_date(params.get("to"), "to"),
            kind=kind,
            sort=sort,
            page=check_int(params.get("page"), "page", 1, 1, MAX_PAGE),
        )

    def to_query(self, **changes) -> dict:
        """The URL parameters of this search, with some changed (for pager and filter links)."""
        values = {
            "q": self.q, "speaker": self.speaker, "person": self.person or "",
            "publisher": self.publisher, "from": self.date_from or "", "to": self.date_to or "",
            "kind": self.kind, "sort": self.sort if self.sort != "relevance" else "", "page": self.page,
        }
        values.update(changes)
        return {k: v for k, v in values.items() if v not in ("", None) and not (k == "page" and v == 1)}


class Store(PageQueries):
    """The queries behind each page. One connection per thread (SQLite objects are not shared)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        open_store(self.path).close()
        self._local = threading.local()
        self._cache: dict[str, tuple[float, object]] = {}
        self._searches: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._columns: QuoteColumns | None = None
        self._columns_lock = threading.Lock()
        self._columns_signature: tuple = ()
        self._columns_at = 0.0
        self._columns_checked = 0.0
        self.walk_hits = self.walk_misses = 0

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = open_store(self.path)
        return conn

    def _all(self, sql: str, args=()) -> list[dict]:
        return [dict(r) for r in self.conn.execute(sql, args).fetchall()]

    def _people_ids(self, name: str) -> list[int]:
        rows = self.conn.execute("SELECT id FROM people WHERE name = ? LIMIT 50", (name,)).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT id FROM people WHERE name LIKE ? ESCAPE '\\' ORDER BY statement_count DESC LIMIT 50",
                (name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
            ).fetchall()
        return [r[0] for r in rows]

    def _filters(self, p: SearchParams) -> tuple[list[str], list]:
        """WHERE clauses (fixed text) and their bound values for every filter but words and dates."""
        where: list[str] = []
        args: list = []
        if p.person:
            where.append("q.person_id = ?")
            args.append(p.person)
        elif p.speaker:
            ids = self._people_ids(p.speaker)
            if ids:
                where.append(f"q.person_id IN ({','.join('?' * len(ids))})")
                args.extend(ids)
            else:
                where.append("q.speaker = ?")
                args.append(p.speaker)
        if p.publisher:
            where.append("a.publisher = ?")
            args.append(p.publisher)
        if p.kind:
            where.append("q.kind = ?")
            args.append(p.kind)
        return where, args

    def _capped_count(self, sql: str, args: list, cap: int) -> int:
        return self.conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {int(cap) + 1})", args).fetchone()[0]

    def _plain(self, sql: str, args=()) -> sqlite3.Cursor:
        """A cursor giving plain tuples: a Row per full-text match would cost more than the match."""
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, args)

    def _signature(self) -> tuple:
        """What changes when anything writes the store (the WAL file first, the database at checkpoints)."""
        found = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                stat = path.stat()
                found.append((stat.st_mtime_ns, stat.st_size))
            except OSError:
                found.append(None)
        return tuple(found)

    def columns(self) -> QuoteColumns:
        """Every quote's filter values in memory, reloaded when the store has changed, at most
        once per ``CACHE_TTL`` (a store still being written is not reloaded on every request)."""
        now = time.monotonic()
        if self._columns is not None and now - self._columns_checked < min(1.0, CACHE_TTL):
            return self._columns
        signature = self._signature()
        with self._columns_lock:
            self._columns_checked = now
            stale = signature != self._columns_signature and now - self._columns_at >= CACHE_TTL
            if self._columns is None or stale:
                self._columns = QuoteColumns(self.conn)
                self._columns_signature, self._columns_at = signature, time.monotonic()
                with self._lock:
                    self._searches.clear()
            return self._columns

    def _filter(self, p: SearchParams, cols: QuoteColumns) -> Filter:
        f = Filter()
        if p.person:
            f.ids = cols.person_ids([p.person])
        elif p.speaker:
            people = self._people_ids(p.speaker)
            f.ids = cols.person_ids(people) if people else self._speaker_ids(p.speaker)
        if p.publisher:
            f.publisher = cols.publisher_code(p.publisher)
        if p.kind:
            f.kind = KINDS.index(p.kind) + 1
        if p.date_from or p.date_to:
            f.span = (day_number(p.date_from) if p.date_from else 1,
                      day_number(p.date_to) if p.date_to else LAST_DAY)
        return f

    def _speaker_ids(self, name: str) -> np.ndarray:
        """Quotes whose speaker is exactly this name though no person has it: FTS5 finds the
        quotes holding its words, then the name is compared."""
        match = fts_query(name)
        if not match:
            return np.zeros(0, dtype=np.int64)
        rows = self._plain("SELECT q.id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid "
                           "WHERE quotes_fts MATCH ? AND q.speaker = ?", (match, name))
        return np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64)

    def _newest_matches(self, match: str, limit: int) -> tuple[int, int | None]:
        """How many of the newest ``limit`` rows match, and the oldest of them. Remembered until
        the store changes: it depends on the words alone, and searches with other filters or
        orders reuse it."""
        cols = self.columns()
        key = (match, limit)
        found = cols.newest_matches.get(key)
        if found is None:
            found = self._plain("SELECT count(*), min(rowid) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts "
                                "MATCH ? ORDER BY rowid DESC LIMIT ?)", (match, limit)).fetchone()
            if len(cols.newest_matches) >= WORDS_KEPT:
                cols.newest_matches.clear()
            cols.newest_matches[key] = found
        return found

    def _match_ids(self, match: str, below: int | None, floor: int | None, limit: int) -> np.ndarray:
        """Rowids matching, newest first, under ``below`` and from ``floor`` on. They come as one
        string: a Python row per match would cost three times the FTS5 walk itself."""
        where = (" AND rowid < ?" if below is not None else "") + (" AND rowid >= ?" if floor is not None else "")
        args = [match, *(x for x in (below, floor) if x is not None), limit]
        text = self.conn.execute("SELECT group_concat(rowid) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts "
                                 f"MATCH ?{where} ORDER BY rowid DESC LIMIT ?)", args).fetchone()[0]
        if not text:
            return np.zeros(0, dtype=np.int64)
        ids = np.fromstring(text, dtype=np.int64, sep=",")
        # SQLite keeps the subquery's order in practice, but does not promise it.
        return ids if len(ids) < 2 or bool(np.all(ids[:-1] > ids[1:])) else np.sort(ids)[::-1]

    def _walk(self, match: str, floor: int | None) -> np.ndarray:
        """The newest ``SCAN_BUDGET + 1`` rowids matching (from ``floor`` on, all of them), which
        filtered searches check. Kept for the ``WALKS_KEPT`` most recent words until the store
        changes: the same words come back with other filters, orders and pages."""
        cols = self.columns()
        key = (match, floor, SCAN_BUDGET)
        with self._lock:
            ids = cols.walks.get(key)
            if ids is not None:
                cols.walks.move_to_end(key)
                self.walk_hits += 1
                return ids
        ids = self._match_ids(match, None, floor, -1 if floor is not None else SCAN_BUDGET + 1).astype(np.int32)
        with self._lock:
            self.walk_misses += 1
            cols.walks[key] = ids
            while len(cols.walks) > WALKS_KEPT:
                cols.walks.popitem(last=False)
        return ids

    def _texts(self, ids) -> dict[int, tuple[str, str | None, bytes | None]]:
        """Quote, speaker and FTS5's per-column token counts of each id."""
        found = {}
        ids = [int(i) for i in ids]
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            for row in self._plain("SELECT q.id, q.quote, q.speaker, d.sz FROM quotes q "
                                   "LEFT JOIN quotes_fts_docsize d ON d.id = q.id "
                                   f"WHERE q.id IN ({','.join('?' * len(chunk))})", chunk):
                found[row[0]] = row[1:]
        return found

    def _document_count(self, phrase: tuple[str, ...], cols: QuoteColumns) -> int:
        """Rows matching a phrase: exact up to ``SCAN_BUDGET``, past that estimated from how far
        back the newest ``SCAN_BUDGET`` matches reach (bm25 barely moves among common words)."""
        known = cols.document_counts.get(phrase)
        if known is None:
            count, oldest = self._newest_matches('"' + " ".join(phrase) + '"', SCAN_BUDGET)
            if count >= SCAN_BUDGET and oldest:
                count = round(count * cols.size / max(1, cols.size - oldest))
            known = cols.document_counts[phrase] = count
        return known

    def _rank(self, wanted: list[tuple[str, ...]], ids, texts: dict, cols: QuoteColumns) -> list[int]:
        """The ids by bm25, ties newest stored first."""
        ids = np.asarray(ids, dtype=np.int64)
        scores = np.asarray(self._scores(wanted, ids.tolist(), texts, cols))
        return ids[np.lexsort((-ids, scores))].tolist()

    def _scores(self, wanted: list[tuple[str, ...]], ids: list[int], texts: dict, cols: QuoteColumns) -> list[float]:
        """bm25 as FTS5 reckons it over the quote and speaker columns. Lengths are FTS5's own
        per-row token counts; phrases are counted by regex."""
        hits = [self._document_count(p, cols) for p in wanted] if len(wanted) > 1 else [0] * len(wanted)
        quotes, speakers, lengths = [], [], np.full(len(ids), cols.mean_tokens)
        for n, i in enumerate(ids):
            quote, speaker, size = texts.get(i, ("", None, None))
            quotes.append(fold(quote or ""))
            speakers.append(fold(speaker or ""))
            if size:
                # Column sizes under 128 are one byte each, the usual case for a quote.
                lengths[n] = sum(size) if max(size) < 0x80 else sum(varints(size))
        patterns = phrase_patterns(wanted)
        freqs = phrase_counts(patterns, quotes) + phrase_counts(patterns, speakers)
        return bm25(freqs, lengths, hits, cols.rows, cols.mean_tokens).tolist()

    def _candidates(self, text: str, f: Filter, sort: str) -> tuple[list[int], bool]:
        """Ids of up to ``COUNT_CAP + 1`` quotes matching words and filters, in ``sort`` order.

        Two ways, whichever reads fewer rows: FTS5 walks the words' posting lists newest-stored
        first and the filters are checked on the in-memory columns, stopping at the cap; or, when
        the filters leave few quotes and the words are common, those quotes' words are checked in
        Python. The flag is true when the walk read only the ``SCAN_BUDGET`` newest matches and
        the answer may miss older ones.
        """
        cols = self.columns()
        wanted = phrases(text)
        narrowed = cols.narrowed(f) if f.active else None
        texts: dict = {}
        limited = False
        if narrowed is not None:
            budget = len(narrowed[0]) * PYTHON_MATCH_COST
            loose = " ".join(f'"{token}"' for p in wanted for token in p)
            in_python = (len(narrowed[0]) <= NARROW_CAP and budget < SCAN_BUDGET
                         and self._newest_matches(loose, budget + 1)[0] > budget)
        if narrowed is not None and in_python:
            patterns = phrase_patterns(wanted)
            kept = []
            ids = np.sort(narrowed[0])[::-1]
            for at in range(0, len(ids), 500):
                chunk = self._texts(ids[at:at + 500])
                for i in ids[at:at + 500].tolist():
                    if i in chunk and contains_all(patterns, *chunk[i][:2]):
                        kept.append(i)
                        texts[i] = chunk[i]
                if len(kept) > COUNT_CAP:
                    break
            kept = np.asarray(kept[:COUNT_CAP + 1], dtype=np.int64)
        else:
            bound, bound_args = "", []
            if any(len(p) > 1 for p in wanted):
                # Checking phrase positions over common words is what costs: the phrase is looked
                # for among the newest SCAN_BUDGET rows holding all its words.
                words, oldest = self._newest_matches(" ".join(f'"{t}"' for p in wanted for t in p), SCAN_BUDGET)
                if words >= SCAN_BUDGET:
                    bound, bound_args = " AND rowid >= ?", [oldest]
            match, floor = fts_query(text), bound_args[0] if bound else None
            if f.active:
                ids = self._walk(match, floor)
                walked = ids if floor is not None else ids[:SCAN_BUDGET]
                kept = walked[cols.keep(walked, f)][:COUNT_CAP + 1]
                limited = (floor is not None or len(ids) > SCAN_BUDGET) and len(kept) <= COUNT_CAP
            elif floor is not None:
                kept = self._walk(match, floor)[:COUNT_CAP + 1]
                limited = len(kept) <= COUNT_CAP
            else:
                kept = self._match_ids(match, None, None, COUNT_CAP + 1)
        if sort != "relevance":
            return cols.by_date(kept, newest=sort == "newest").tolist(), limited
        if not texts:
            texts = self._texts(kept)
        return self._rank(wanted, kept, texts, cols), limited

    def search(self, p: SearchParams) -> dict:
        """One page of quotes matching the words and filters, and a count capped at ``COUNT_CAP``.

        With words, at most ``COUNT_CAP`` matches are ordered (by rank or date); past that the
        count says "more than" and the user narrows the search. Without words, a date range is
        one slice of the in-memory columns, and without either the date index orders the store.
        """
        started = time.perf_counter()
        scan_limited = False
        span = p.date_from or p.date_to
        match = fts_query(p.q) if p.q else None
        offset = (p.page - 1) * PAGE_SIZE
        self._local.hit = False
        if match or span:
            sort = p.sort if match else ("oldest" if p.sort == "oldest" else "newest")

            def order() -> tuple[list[int], bool, int]:
                cols = self.columns()
                f = self._filter(p, cols)
                if match:
                    found, limited = self._candidates(p.q, f, sort)
                else:
                    ids, day_ordered = cols.narrowed(f)
                    found = cols.by_date(ids, newest=sort == "newest", day_ordered=day_ordered)[:COUNT_CAP + 1]
                    found, limited = found.tolist(), False
                return found[:COUNT_CAP], limited, len(found)

            # Paging through one search reuses its ordered matches instead of finding them again.
            ordered, scan_limited, total = self._cached(("search", *sorted(p.to_query(page=1).items()), sort), order,
                                                         PAGES_KEPT)
            ids = ordered[offset:offset + PAGE_SIZE]
            rows = {r["id"]: r for r in self._all(
                f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE q.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
            results = [rows[i] for i in ids if i in rows]
        else:
            where, args = self._filters(p)
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            source = f"FROM quotes q JOIN articles a ON a.id = q.article_id {clause}"
            order = BROWSE_SORTS[p.sort]
            if p.publisher and not (p.person or p.speaker):
                # One publisher's quotes come fastest through its (publisher, published) index,
                # so they are listed by the articles' publication date.
                source = f"FROM articles a CROSS JOIN quotes q ON q.article_id = a.id {clause}"
                order = PUBLISHER_SORTS[p.sort]
            results = self._all(f"SELECT {QUOTE_COLUMNS} {source} ORDER BY {order} LIMIT ? OFFSET ?",
                                [*args, PAGE_SIZE, offset])
            # The in-memory columns count what the filters keep without reading the store again.
            cols = self.columns()
            f = self._filter(p, cols)
            narrowed = cols.narrowed(f) if f.active else None
            if not f.active:
                total = cols.count
            elif narrowed is not None:
                total = len(narrowed[0])
            else:
                total = self._capped_count(f"SELECT 1 {source}", args, COUNT_CAP)
        shown = min(total, COUNT_CAP)
        pages = min(MAX_PAGE, max(1, -(-shown // PAGE_SIZE)))
        return {
            "query": p.to_query(),
            "fts": match,
            "results": results,
            "count": shown,
            "count_capped": total > COUNT_CAP,
            "scan_limited": SCAN_BUDGET if scan_limited else None,
            "page": p.page,
            "pages": pages,
            "page_size": PAGE_SIZE,
            "has_next": p.page < pages,
            "elapsed_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def last_search_cached(self) -> bool:
        """Whether this thread's last ``search`` was answered from the cache of ordered matches."""
        return getattr(self._local, "hit", False)

    def publishers(self, limit: int = 300) -> list[str]:
        """Publisher names for the filter menu, read once a minute (a DISTINCT walks an index)."""
        return self._cached("publishers", lambda: [r[0] for r in self.conn.execute(
            "SELECT DISTINCT publisher FROM articles WHERE publisher IS NOT NULL ORDER BY publisher LIMIT ?",
            (limit,),
        )])

    def _cached(self, key, compute, keep: int = 0):
        """``compute()``, remembered for ``CACHE_TTL`` seconds (the store may grow meanwhile).
        With ``keep``, at most that many such entries stay, the least recently used going first."""
        cache = self._searches if keep else self._cache
        with self._lock:
            hit = cache.get(key)
            if hit and time.monotonic() - hit[0] < CACHE_TTL:
                if keep:
                    cache.move_to_end(key)
                    self._local.hit = True
                return hit[1]
        value = compute()
        with self._lock:
            cache[key] = (time.monotonic(), value)
            while keep and len(cache) > keep:
                cache.popitem(last=False)
        return value

"""Read-only queries over a saywho store for the web UI and its JSON API.

Every value reaches SQLite as a bound parameter; the only SQL built from request data is
chosen from fixed whitelists (sort orders, filter clauses). Work per request is bounded:
counts stop at ``COUNT_CAP``, pages stop at ``MAX_PAGE``, and aggregates over one speaker
read at most ``SPEAKER_SCAN`` rows, so a 1M-quote store answers as fast as a small one.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from urllib.parse import quote as url_quote

from saywho.errors import StoreError

PAGE_SIZE = 20
MAX_PAGE = 25
COUNT_CAP = PAGE_SIZE * MAX_PAGE
NARROW_CAP = 10_000
SCAN_BUDGET = 10_000
# Checking words in Python costs about this many FTS5 posting-list reads per row.
PYTHON_MATCH_COST = 3
SPEAKER_QUOTES = 200
SPEAKER_SCAN = 5000
CACHE_TTL = 60.0
PAGES_KEPT = 256

KINDS = ("direct", "partial", "indirect")
SORTS = ("relevance", "newest", "oldest")
# Without words there is no rank; newest first is the natural reading order.
BROWSE_SORTS = {"relevance": "q.date DESC, q.id DESC", "newest": "q.date DESC, q.id DESC",
                "oldest": "q.date ASC, q.id ASC"}
PUBLISHER_SORTS = {"relevance": "a.published DESC, a.id DESC, q.seq", "newest": "a.published DESC, a.id DESC, q.seq",
                   "oldest": "a.published ASC, a.id ASC, q.seq"}
# Candidate rows are (id, bm25 rank, date); undated quotes go last in both date orders.
_SORT_KEYS = {
    "relevance": lambda r: (r[1], -r[0]),
    "newest": lambda r: (r[2] is None, "" if r[2] is None else _desc(r[2]), -r[0]),
    "oldest": lambda r: (r[2] is None, r[2] or "", r[0]),
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PHRASE = re.compile(r'"([^"]*)"')
_WORD = re.compile(r"[^\W_]+")


def _desc(text: str) -> str:
    """A key that sorts ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


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


def phrases(text: str) -> list[tuple[str, ...]]:
    """What a user typed as FTS5 would read it: "quoted phrases" stay phrases, other words stand
    alone; tokens are folded (case, diacritics) as the store's unicode61 tokenizer folds them."""
    found = [tuple(tokens(phrase)) for phrase in _PHRASE.findall(text)]
    found.extend((word,) for word in tokens(_PHRASE.sub(" ", text)))
    return [p for p in found if p]


def fold(text: str) -> str:
    """Case and diacritics folded as the store's unicode61 tokenizer folds them."""
    folded = text.casefold()
    if folded.isascii():
        return folded
    folded = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in folded if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def fts_query(text: str) -> str | None:
    """A safe FTS5 query (phrases ANDed): every token is double-quoted, so FTS5 syntax typed
    into the search box is inert."""
    return " ".join('"' + " ".join(p) + '"' for p in phrases(text)) or None


def phrase_patterns(wanted: list[tuple[str, ...]]) -> list[re.Pattern]:
    """One regex per phrase: its tokens in a row, separated by non-token characters, with no
    token character either side, which is how FTS5 reads a phrase over unicode61 tokens."""
    return [re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, phrase)) + r"(?![^\W_])")
            for phrase in wanted]


def contains_all(wanted: list[tuple[str, ...]] | list[re.Pattern], *fields: str | None) -> bool:
    """Whether every phrase occurs in one of the fields: the FTS5 match, done in Python for the
    rows a narrow filter leaves."""
    patterns = wanted if wanted and isinstance(wanted[0], re.Pattern) else phrase_patterns(wanted)
    folded = [fold(f) for f in fields if f]
    return all(any(p.search(f) for f in folded) for p in patterns)


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


def _row(row: sqlite3.Row | None) -> dict | None:
    return dict(row) if row is not None else None


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


_QUOTE_COLUMNS = """
    q.id, q.article_id, q.kind, q.field, q.start, q."end", q.quote, q.speaker, q.person_id,
    q.cue_text, q.cue_lemma, q.addressee, coalesce(q.date, a.published) AS date,
    a.title AS article_title, a.publisher, a.published
"""


class Store:
    """The queries behind each page. One connection per thread (SQLite objects are not shared)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        open_store(self.path).close()
        self._local = threading.local()
        self._cache: dict[str, tuple[float, object]] = {}
        self._searches: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

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

    def _dated(self, columns: str, where: list[str], args: list, span: tuple[str, str], order: str = "") -> tuple[str, list]:
        """Quotes whose date (stated, else the article's) lies in ``span``, as one SQL over two
        index walks: stated dates through quotes(date), the rest through articles(published).
        ``{date}`` in ``columns`` stands for that date."""
        rest = "".join(f" AND {w}" for w in where)
        first, last = (f" ORDER BY q.date {order} LIMIT ?", f" ORDER BY a.published {order} LIMIT ?") if order \
            else ("", "")
        limit = [COUNT_CAP + 1] if order else []
        stated = columns.replace("{date}", "q.date")
        join = " JOIN articles a ON a.id = q.article_id" if "a." in stated + rest else ""
        sql = f"SELECT * FROM (SELECT {stated} FROM quotes q{join} WHERE q.date BETWEEN ? AND ?{rest}{first})"
        if not self._has_undated():
            return sql, [*span, *args, *limit]
        columns = columns.replace("{date}", "a.published")
        sql += (f" UNION ALL SELECT * FROM (SELECT {columns} FROM articles a CROSS JOIN quotes q "
                f"ON q.article_id = a.id WHERE a.published BETWEEN ? AND ? AND q.date IS NULL{rest}{last})")
        return sql, [*span, *args, *limit, *span, *args, *limit]

    def _has_undated(self) -> bool:
        """Whether some quotes state no date (then their article's date stands in); where none
        do, date filters skip walking the articles."""
        return self._cached("undated", lambda: self.conn.execute(
            "SELECT EXISTS (SELECT 1 FROM quotes WHERE date IS NULL)").fetchone()[0] == 1)

    def _capped_count(self, sql: str, args: list, cap: int) -> int:
        return self.conn.execute(f"SELECT count(*) FROM ({sql} LIMIT {int(cap) + 1})", args).fetchone()[0]

    def _candidates(self, text: str, where: list[str], args: list, span: tuple[str, str] | None,
                    ranked: bool) -> tuple[list[tuple], bool]:
        """(id, bm25 rank, date) of up to ``COUNT_CAP + 1`` quotes matching words and filters.

        Two ways, whichever reads fewer rows: FTS5 walks the words' posting lists newest-stored
        first and checks the filters per match, stopping at the cap; or, when the filters leave
        a few thousand quotes and the words are common, their index is walked and the words
        checked in Python (those rows get no bm25 rank, so they come newest-stored first).
        The flag is true when FTS5 read only its ``SCAN_BUDGET`` newest matches and the answer
        may miss older ones.
        """
        match = fts_query(text)
        row_where, row_args = list(where), list(args)
        if span:
            # The first test needs only the quote row, so most rows fail before the article join.
            row_where += ["(q.date IS NULL OR q.date BETWEEN ? AND ?)", "coalesce(q.date, a.published) BETWEEN ? AND ?"]
            row_args += [*span, *span]
        filters = "".join(f" AND {w}" for w in row_where)
        bound, floor_args = "", []
        wanted = phrases(text)
        if row_where or any(len(p) > 1 for p in wanted):
            # The newest SCAN_BUDGET quotes holding all the words, read once: their number says
            # how common the words are, and the last one bounds the FTS5 walk below. Words, not
            # phrases, since checking phrase positions over common words is what costs.
            loose = " ".join(f'"{token}"' for p in wanted for token in p)
            words, oldest_read = self.conn.execute(
                "SELECT count(*), min(rowid) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT ?)",
                [loose, SCAN_BUDGET],
            ).fetchone()
        if row_where:
            # Only filters with an index behind them can be walked cheaply (kind has none).
            if span or any(not w.startswith("q.kind") for w in where):
                columns = "q.id, {date}, q.quote, q.speaker"
                if span:
                    narrow_sql, narrow_args = self._dated(columns, where, args, span)
                    count_sql, _ = self._dated("q.id", where, args, span)
                else:
                    narrow_sql = (f"SELECT {columns.format(date='coalesce(q.date, a.published)')} FROM quotes q "
                                  f"JOIN articles a ON a.id = q.article_id WHERE {' AND '.join(where)}")
                    count_sql, narrow_args = narrow_sql, args
                narrowed = self._capped_count(count_sql, narrow_args, NARROW_CAP)
                stored = self.conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 1
                fts_reads = min(words, (COUNT_CAP + 1) * stored / max(1, narrowed))
                if narrowed <= NARROW_CAP and narrowed * PYTHON_MATCH_COST < fts_reads:
                    patterns = phrase_patterns(wanted)
                    found = []
                    for row in self.conn.execute(narrow_sql, narrow_args):
                        if contains_all(patterns, row[2], row[3]):
                            found.append((row[0], 0.0, row[1]))
                            if len(found) > COUNT_CAP:
                                break
                    return found, False
        if (row_where or any(len(p) > 1 for p in wanted)) and words >= SCAN_BUDGET:
            # Filters or phrases that keep few of many matches would make FTS5 walk them all;
            # walk only the newest SCAN_BUDGET (the answer says so, and to narrow the words).
            bound, floor_args = " AND quotes_fts.rowid >= ?", [oldest_read]
        found = self.conn.execute(
            f"SELECT q.id, {'quotes_fts.rank' if ranked else '0.0'}, coalesce(q.date, a.published) FROM quotes_fts "
            "JOIN quotes q ON q.id = quotes_fts.rowid JOIN articles a ON a.id = q.article_id "
            f"WHERE quotes_fts MATCH ?{bound} {filters} ORDER BY quotes_fts.rowid DESC LIMIT ?",
            [match, *floor_args, *row_args, COUNT_CAP + 1],
        ).fetchall()
        return found, bool(bound) and len(found) <= COUNT_CAP

    def search(self, p: SearchParams) -> dict:
        """One page of quotes matching the words and filters, and a count capped at ``COUNT_CAP``.

        With words, at most ``COUNT_CAP`` matches are ordered (by rank or date); past that the
        count says "more than" and the user narrows the search. Without words, the date index
        orders the whole store.
        """
        started = time.perf_counter()
        scan_limited = False
        where, args = self._filters(p)
        span = (p.date_from or "0000-00-00", p.date_to or "9999-99-99") if p.date_from or p.date_to else None
        match = fts_query(p.q) if p.q else None
        offset = (p.page - 1) * PAGE_SIZE
        if match or span:
            sort = p.sort if match else ("oldest" if p.sort == "oldest" else "newest")

            def order() -> tuple[list[tuple], bool, int]:
                if match:
                    found, limited = self._candidates(p.q, where, args, span, ranked=sort == "relevance")
                else:
                    sql, sql_args = self._dated("q.id, 0.0, {date}", where, args, span,
                                                "ASC" if sort == "oldest" else "DESC")
                    found, limited = self.conn.execute(sql, sql_args).fetchall(), False
                return sorted(found, key=_SORT_KEYS[sort])[:COUNT_CAP], limited, len(found)

            # Paging through one search reuses its ordered matches instead of finding them again.
            ordered, scan_limited, total = self._cached(("search", *sorted(p.to_query(page=1).items()), sort), order,
                                                         PAGES_KEPT)
            ids = [row[0] for row in ordered[offset:offset + PAGE_SIZE]]
            rows = {r["id"]: r for r in self._all(
                f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"WHERE q.id IN ({','.join('?' * len(ids))})", ids)} if ids else {}
            results = [rows[i] for i in ids if i in rows]
        else:
            clause = ("WHERE " + " AND ".join(where)) if where else ""
            source = f"FROM quotes q JOIN articles a ON a.id = q.article_id {clause}"
            order = BROWSE_SORTS[p.sort]
            if p.publisher and not (p.person or p.speaker):
                # One publisher's quotes come fastest through its (publisher, published) index,
                # so they are listed by the articles' publication date.
                source = f"FROM articles a CROSS JOIN quotes q ON q.article_id = a.id {clause}"
                order = PUBLISHER_SORTS[p.sort]
            results = self._all(f"SELECT {_QUOTE_COLUMNS} {source} ORDER BY {order} LIMIT ? OFFSET ?",
                                [*args, PAGE_SIZE, offset])
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
                return hit[1]
        value = compute()
        with self._lock:
            cache[key] = (time.monotonic(), value)
            while keep and len(cache) > keep:
                cache.popitem(last=False)
        return value

    def speaker(self, person_id: int) -> dict | None:
        person = _row(self.conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone())
        if person is None:
            return None
        person["roles"] = _json_list(person["roles"])
        person["aliases"] = _json_list(person["aliases"])
        quotes = self._all(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            "WHERE q.person_id = ? ORDER BY coalesce(q.date, a.published), q.id LIMIT ?",
            (person_id, SPEAKER_QUOTES),
        )
        scan = f"(SELECT q.id, q.date, q.article_id FROM quotes q WHERE q.person_id = ? LIMIT {SPEAKER_SCAN})"
        publishers = self._all(
            f"SELECT a.publisher, count(*) AS quotes FROM {scan} s JOIN articles a ON a.id = s.article_id "
            "WHERE a.publisher IS NOT NULL GROUP BY a.publisher ORDER BY quotes DESC, a.publisher LIMIT 20",
            (person_id,),
        )
        weeks = self._all(
            f"SELECT date(coalesce(s.date, a.published), '-6 days', 'weekday 1') AS week, count(*) AS quotes "
            f"FROM {scan} s JOIN articles a ON a.id = s.article_id "
            "WHERE coalesce(s.date, a.published) IS NOT NULL GROUP BY week ORDER BY week",
            (person_id,),
        )
        articles = f"(SELECT DISTINCT article_id FROM mentions WHERE person_id = ? LIMIT {SPEAKER_SCAN})"
        co_people = self._all(
            f"SELECT p.id, p.name, count(*) AS articles FROM {articles} x "
            "JOIN mentions m ON m.article_id = x.article_id JOIN people p ON p.id = m.person_id "
            "WHERE m.person_id != ? AND p.kind = 'person' "
            "GROUP BY p.id ORDER BY articles DESC, p.name LIMIT 12",
            (person_id, person_id),
        )
        return {
            "person": person,
            "quotes": quotes,
            "quotes_shown_limit": SPEAKER_QUOTES,
            "publishers": publishers,
            "weeks": weeks,
            "co_people": co_people,
        }

    def article(self, article_id: int) -> dict | None:
        article = _row(self.conn.execute(
            "SELECT id, key, doc_id, source, url, publisher, published, title, standfirst, authors, text, "
            "boilerplate, language, content_hash, cluster_id, quote_count FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone())
        if article is None:
            return None
        article["authors"] = _json_list(article["authors"])
        article["boilerplate"] = _json_list(article["boilerplate"])
        quotes = self._all(
            'SELECT id, seq, kind, field, start, "end", quote, speaker, person_id, mention_text, '
            "mention_start, mention_end, cue_text, cue_start, cue_end, cue_lemma, addressee, date "
            "FROM quotes WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        people = self._all(
            "SELECT name, person_id, kind, gender, roles, mentions FROM mentions WHERE article_id = ? "
            "ORDER BY mentions DESC, name",
            (article_id,),
        )
        for person in people:
            person["roles"] = _json_list(person["roles"])
        copies = []
        if article["cluster_id"] is not None:
            copies = self._all(
                "SELECT id, title, publisher, published, url FROM articles WHERE cluster_id = ? AND id != ? "
                "ORDER BY published, id LIMIT 50",
                (article["cluster_id"], article_id),
            )
        return {"article": article, "quotes": quotes, "people": people, "copies": copies}

    def figures(self) -> dict:
        """Corpus totals, counted once a minute since counting 1M rows takes a while."""
        def count() -> dict:
            one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
            return {
                "articles": one("SELECT count(*) FROM articles"),
                "quotes": one("SELECT count(*) FROM quotes"),
                "speakers": one("SELECT count(*) FROM people WHERE quote_count > 0"),
                "publishers": one("SELECT count(DISTINCT publisher) FROM articles"),
                "first_published": one("SELECT min(published) FROM articles"),
                "last_published": one("SELECT max(published) FROM articles"),
            }

        return self._cached("figures", count)

    def home(self) -> dict:
        return {
            "figures": self.figures(),
            "top_speakers": self._all(
                "SELECT id, name, kind, roles, statement_count, quote_count FROM people "
                "WHERE statement_count > 0 ORDER BY statement_count DESC LIMIT 15"
            ),
            "recent_articles": self._recent_articles(15),
        }

    def _recent_articles(self, limit: int) -> list[dict]:
        """Latest by publication date, topped up with the latest stored where dates are missing
        (two index walks rather than one sort over every article)."""
        columns = "SELECT id, title, publisher, published, quote_count FROM articles"
        recent = self._all(f"{columns} WHERE published IS NOT NULL ORDER BY published DESC, id DESC LIMIT ?",
                           (limit,))
        if len(recent) < limit:
            recent += self._all(f"{columns} WHERE published IS NULL ORDER BY id DESC LIMIT ?",
                                (limit - len(recent),))
        return recent


def highlight(text: str, quotes: list[dict]) -> list[dict]:
    """Split an article's text into plain and quoted segments for rendering.

    Quotes whose offsets fall outside the text, or overlap an earlier quote, are left
    unhighlighted rather than garbling the text around them.
    """
    spans = sorted(
        (q for q in quotes if q["field"] == "text" and 0 <= q["start"] < q["end"] <= len(text)),
        key=lambda q: (q["start"], -q["end"]),
    )
    segments = []
    at = 0
    for quote in spans:
        if quote["start"] < at:
            continue
        if quote["start"] > at:
            segments.append({"text": text[at:quote["start"]], "quote": None})
        segments.append({"text": text[quote["start"]:quote["end"]], "quote": quote})
        at = quote["end"]
    if at < len(text):
        segments.append({"text": text[at:], "quote": None})
    return segments

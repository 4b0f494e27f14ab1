"""The queries behind the home, speaker and article pages, and the article text's quote marks.

Each reads a bounded number of rows, so a 1M-quote store answers as fast as a small one: a
speaker page reads at most ``SPEAKER_SCAN`` of their quotes or articles for its aggregates.
"""

from __future__ import annotations

import json
import sqlite3

SPEAKER_QUOTES = 200
SPEAKER_SCAN = 5000

QUOTE_COLUMNS = """
    q.id, q.article_id, q.kind, q.field, q.start, q."end", q.quote, q.speaker, q.person_id,
    q.cue_text, q.cue_lemma, q.addressee, coalesce(q.date, a.published) AS date,
    a.title AS article_title, a.publisher, a.published
"""


def _row(row: sqlite3.Row | None) -> dict | None:
    return dict(row) if row is not None else None


def _json_list(text: str | None) -> list:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


class PageQueries:
    """Page queries over ``self.conn``; the ``Store`` in queries.py supplies the connection,
    ``_all`` and ``_cached``."""

    def speaker(self, person_id: int) -> dict | None:
        person = _row(self.conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone())
        if person is None:
            return None
        person["roles"] = _json_list(person["roles"])
        person["aliases"] = _json_list(person["aliases"])
        quotes = self._all(
            f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
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

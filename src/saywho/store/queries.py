"""Read queries over the store for ``saywho quotes`` and ``saywho people``.

Quotes are listed one row per statement (syndicated copies folded, with their source count),
newest first.
"""

from __future__ import annotations

import json
import re
import sqlite3

_FTS_SPECIAL = re.compile(r'["]')


def phrase_query(words: str) -> str:
    """``words`` as an FTS5 phrase: matched in that order, punctuation and case ignored."""
    tokens = re.findall(r"\w+", words)
    if not tokens:
        return '""'
    return '"' + " ".join(tokens) + '"'


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def people_matching(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the people called ``name`` (or with it as an alias), case-insensitive; failing
    that, of those whose name or an alias contains it."""
    exact = conn.execute(
        "SELECT id FROM people WHERE name = ? COLLATE NOCASE OR aliases LIKE ? ESCAPE '\\'",
        (name, _like(json.dumps(name, ensure_ascii=False))),
    ).fetchall()
    if exact:
        return [r[0] for r in exact]
    pattern = _like(name)
    rows = conn.execute(
        "SELECT id FROM people WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'",
        (pattern, pattern),
    )
    return [r[0] for r in rows]


def find_quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[dict]:
    where, args = [], []
    source = "quotes q"
    if search:
        source = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
        where.append("quotes_fts MATCH ?")
        args.append(phrase_query(search))
    if speaker:
        ids = people_matching(conn, speaker)
        if ids:
            where.append(f"q.person_id IN ({','.join('?' * len(ids))})")
            args.extend(ids)
        else:
            # Speakers that are not people rows (unresolved strings) are still findable.
            where.append("q.speaker LIKE ? ESCAPE '\\'")
            args.append(_like(speaker))
    date = "coalesce(q.date, a.published)"
    if since:
        where.append(f"{date} >= ?")
        args.append(since)
    if until:
        where.append(f"{date} <= ?")
        args.append(until)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = f"""
        SELECT min(q.id) AS id, coalesce(p.name, q.speaker) AS speaker, q.quote AS quote, q.kind AS kind,
               min({date}) AS date, count(DISTINCT q.article_id) AS sources,
               min(a.publisher) AS publisher, min(a.title) AS title, min(a.url) AS url,
               min(q.cue_lemma) AS cue, min(q.addressee) AS addressee, q.statement_id AS statement_id
        FROM {source} JOIN articles a ON a.id = q.article_id LEFT JOIN people p ON p.id = q.person_id
        {clause}
        GROUP BY coalesce(q.statement_id, -q.id)
        ORDER BY date DESC, id DESC
        LIMIT ?"""
    args.append(limit)
    return _dicts(conn.execute(sql, args))


def top_people(conn: sqlite3.Connection, *, top: int = 20, kind: str | None = None) -> list[dict]:
    where = "WHERE statement_count > 0" + (" AND kind = ?" if kind else "")
    args: list = [kind] if kind else []
    rows = conn.execute(
        f"""SELECT id, name, kind, gender, roles, aliases, statement_count, quote_count, article_count
            FROM people {where} ORDER BY statement_count DESC, quote_count DESC, name LIMIT ?""",
        [*args, top],
    )
    return _dicts(rows)


def _dicts(cursor: sqlite3.Cursor) -> list[dict]:
    """Rows as dicts whatever the connection's row factory."""
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]

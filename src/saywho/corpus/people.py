"""Speakers across the corpus: one ``people`` row per person, whatever the articles call them.

Merging is conservative and explained. Within an article the attribution stage already
resolves "he" and "Mr Trump" to the fullest name there; across articles we merge:

- names equal after dropping titles and middle names/initials ("Donald J. Trump" and
  "President Donald Trump" are "donald trump"),
- a surname-only name ("President Trump") into the one full name with that surname, and only
  when that full name is the only one with the surname in the corpus, or the only one sharing
  a role with it,
- an initial and surname ("D. Trump") into the one full name matching both.

Different first names are never merged ("Boris Johnson", "Jo Johnson"), nor are names whose
known genders differ. Organisations merge only when their normalized names are equal.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "gen", "general",
    "col", "colonel", "capt", "captain", "lt", "sgt", "sergeant", "rev", "reverend", "father",
    "pope", "king", "queen", "prince", "princess", "chief", "inspector", "det", "detective",
    "officer", "commissioner", "coach", "manager", "ceo", "chairman", "chairwoman", "leader",
    "former", "deputy", "acting", "interim", "foreign", "home", "shadow", "mp", "mep", "the",
    "first", "speaker", "attorney", "ambassador", "spokesman", "spokeswoman",
    "spokesperson", "director", "head", "boss", "state", "us", "u.s", "uk", "labour", "tory",
    "conservative", "democratic", "republican", "democrat", "mrs.", "mr.", "dr.",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "qc", "kc", "mp", "phd", "md"}
PARTICLES = {"de", "da", "di", "del", "van", "von", "der", "den", "la", "le", "al", "bin", "ben", "du", "dos", "mac"}

_TOKEN = re.compile(r"[\w'’.-]+")


@dataclass(slots=True)
class NameKey:
    """A person's name reduced for comparison: first name, surname, and titles dropped."""

    first: str | None
    last: str
    initial_only: bool = False
    titles: tuple[str, ...] = ()

    @property
    def full(self) -> tuple[str, str] | None:
        return (self.first, self.last) if self.first and not self.initial_only else None


def name_key(name: str) -> NameKey | None:
    tokens = [t.strip(".'’-").lower() for t in _TOKEN.findall(name)]
    tokens = [t for t in tokens if t]
    titles = []
    while tokens and tokens[0] in TITLES and len(tokens) > 1:
        titles.append(tokens.pop(0))
    while tokens and tokens[-1] in SUFFIXES and len(tokens) > 1:
        tokens.pop()
    if not tokens:
        return None
    last = tokens[-1]
    # "Ursula von der Leyen": particles belong to the surname.
    i = len(tokens) - 2
    while i >= 1 and tokens[i] in PARTICLES:
        last = f"{tokens[i]} {last}"
        i -= 1
    if i < 0:
        return NameKey(None, last, titles=tuple(titles))
    first = tokens[0]
    if i == 0 and first in PARTICLES:
        return NameKey(None, last, titles=tuple(titles))
    if len(tokens) == 1:
        return NameKey(None, last, titles=tuple(titles))
    return NameKey(first, last, initial_only=len(first) == 1, titles=tuple(titles))


def org_key(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.lower().removeprefix("the ")))


@dataclass(slots=True)
class _Entity:
    names: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    kind: str = "person"
    reasons: list = field(default_factory=list)

    def gender(self) -> str | None:
        if not self.genders:
            return None
        (top, n), *rest = self.genders.most_common()
        return top if not rest or n > 2 * rest[0][1] else None

    def absorb(self, other: _Entity, why: str) -> None:
        """Merge ``other`` in; the reason names both sides as they were, the final name is
        filled in when the row is written."""
        self.reasons.extend(other.reasons)
        self.reasons.append((_canonical(other), _canonical(self), why))
        self.names.update(other.names)
        self.genders.update(other.genders)
        self.roles.update(other.roles)


def _compatible(a: _Entity, b: _Entity) -> bool:
    ga, gb = a.gender(), b.gender()
    return ga is None or gb is None or ga == gb


def _canonical(entity: _Entity) -> str:
    """The name to show: a plain first-and-last name over titled or partial ones, then the
    most used, then the longest."""

    def rank(name: str):
        nk = name_key(name)
        plain = bool(nk and nk.full and not nk.titles)
        return (plain, entity.names[name], len(name), name)

    return max(entity.names, key=rank)


NOT_NAMES = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "who", "which", "that", "this",
    "there", "his", "her", "its", "their", "one", "some", "others", "many", "officials", "sources",
}


CONNECTORS = PARTICLES | {"of", "and", "for", "the", "on", "in", "&"}


def is_name(name: str) -> bool:
    """Whether a speaker string can name someone: every word capitalized (but connectors like
    "of" and "von"), and not a lone pronoun or article."""
    tokens = _TOKEN.findall(name)
    if not tokens or name.strip().lower() in NOT_NAMES:
        return False
    return all(t[:1].isupper() or t[:1].isdigit() or t.lower() in CONNECTORS for t in tokens) and tokens[0][:1].isupper()


def _titled_person(name: str) -> bool:
    """A title then a first and last name ("Prime Minister Tony Blair") is a person, whatever
    kind the article gave it."""
    nk = name_key(name)
    return bool(nk and nk.titles and nk.full and len(_TOKEN.findall(name)) - len(nk.titles) == 2)


def resolve_people(conn: sqlite3.Connection) -> int:
    """Rebuild ``people`` from ``mentions`` and link mentions and quotes to it. Returns the
    number of people."""
    rows = conn.execute(
        "SELECT name, kind, gender, roles, count(*) FROM mentions GROUP BY name, kind, gender, roles"
    )
    by_name: dict[tuple[str, str], _Entity] = {}
    for name, kind, gender, roles, n in rows:
        if not is_name(name):
            continue
        ent = by_name.setdefault((kind, name), _Entity(kind=kind))
        ent.names[name] += n
        if gender:
            ent.genders[gender] += n
        for role in json.loads(roles or "[]"):
            ent.roles[role.lower()] += n

    entities: dict[tuple, _Entity] = {}
    owner: dict[tuple[str, str], tuple] = {}
    short: list[tuple[tuple[str, str], NameKey, _Entity]] = []
    for (kind, name), ent in by_name.items():
        if kind != "person" and _titled_person(name):
            ent.kind = "person"
        if ent.kind != "person":
            key = ("org", org_key(name) or name)
        else:
            nk = name_key(name)
            if nk is None:
                key = ("raw", name)
            elif nk.full:
                key = ("full", *nk.full)
            else:
                _note_titles(ent, nk)
                short.append(((kind, name), nk, ent))
                continue
            _note_titles(ent, nk)
        if key in entities:
            target = entities[key]
            if not _compatible(target, ent):
                key = ("raw", name)
                entities[key] = ent
            else:
                target.absorb(ent, "same name without titles or middle names")
        else:
            entities[key] = ent
        owner[(kind, name)] = key

    surnames: dict[str, list[tuple]] = defaultdict(list)
    for key in entities:
        if key[0] == "full":
            surnames[key[2]].append(key)
    context = _Context(conn, owner)

    for (kind, name), nk, ent in short:
        candidates = surnames.get(nk.last, [])
        if nk.initial_only:
            candidates = [k for k in candidates if k[1].startswith(nk.first)]
        target, reason = _pick(candidates, entities, ent, nk, context.around((kind, name)), context)
        if target is None:
            key = ("short", nk.first or "", nk.last)
            if key in entities:
                entities[key].absorb(ent, "same name without titles")
            else:
                entities[key] = ent
        else:
            key = target
            entities[key].absorb(ent, reason)
        owner[(kind, name)] = key

    return _write(conn, entities, owner)


class _Context:
    """Who else is named in the articles naming someone: evidence for telling apart two
    people who share a surname. Read from the store on demand, since only ambiguous
    surnames need it."""

    def __init__(self, conn: sqlite3.Connection, owner: dict):
        self.conn, self.owner = conn, owner
        self.names_of: dict[tuple, list] = defaultdict(list)
        for kn, key in owner.items():
            self.names_of[key].append(kn)
        self.cache: dict[tuple[str, str], set] = {}

    def around(self, kn: tuple[str, str]) -> set:
        if kn not in self.cache:
            rows = self.conn.execute(
                "SELECT DISTINCT m2.kind, m2.name FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id "
                "WHERE m1.name = ? AND m1.kind = ? AND m2.name != m1.name",
                (kn[1], kn[0]),
            )
            self.cache[kn] = {self.owner[other] for other in map(tuple, rows) if other in self.owner}
        return self.cache[kn]

    def around_entity(self, key: tuple) -> set:
        keys = set()
        for kn in self.names_of.get(key, ()):
            keys |= self.around(kn)
        keys.discard(key)
        return keys


HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
                    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f", "princess": "f"}
NOT_ROLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "the", "former", "sir", "dame", "lord", "lady", "acting", "interim", "deputy", "vice", "first"}


def _note_titles(ent: _Entity, nk: NameKey | None) -> None:
    """Titles in a name tell roles ("President Trump") and sometimes gender ("Mrs May")."""
    if nk is None:
        return
    n = sum(ent.names.values())
    for title in nk.titles:
        if title in HONORIFIC_GENDER:
            ent.genders[HONORIFIC_GENDER[title]] += n
    role = " ".join(t for t in nk.titles if t not in NOT_ROLES and t != "the")
    if role:
        ent.roles[role] += n


MIN_SHARED_CONTEXT = 3


def _pick(candidates: list[tuple], entities: dict, ent: _Entity, nk: NameKey, around: set, context: _Context) -> tuple[tuple | None, str]:
    compatible = [k for k in candidates if _compatible(entities[k], ent)]
    if len(compatible) == 1:
        what = "the only full name with this initial and surname" if nk.initial_only else "the only full name with this surname"
        return compatible[0], what
    if not compatible:
        return None, ""
    roles = {r for r in ent.roles if ent.roles[r]}
    if roles:
        sharing = [k for k in compatible if roles & {r for r in entities[k].roles if entities[k].roles[r]}]
        if len(sharing) == 1:
            role = sorted(roles & set(entities[sharing[0]].roles))[0]
            return sharing[0], f"the only person with this surname holding the role {role!r}"
    # Co-occurrence: the candidate named alongside the same people, by a clear margin.
    scored = sorted(((len(around & context.around_entity(k)), k) for k in compatible), reverse=True)
    best, key = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else 0
    if best >= MIN_SHARED_CONTEXT and best >= 2 * runner_up + 1:
        return key, f"named alongside {best} of the same people (next candidate: {runner_up})"
    return None, ""


def _write(conn: sqlite3.Connection, entities: dict, owner: dict) -> int:
    conn.execute("UPDATE quotes SET person_id = NULL WHERE person_id IS NOT NULL")
    conn.execute("UPDATE mentions SET person_id = NULL WHERE person_id IS NOT NULL")
    # A person keeps the id they had before this rebuild when their name is unchanged, so
    # links into the store survive a run that adds articles.
    previous = {(kind, name): pid for pid, kind, name in conn.execute("SELECT id, kind, name FROM people")}
    conn.execute("DELETE FROM people")
    ids = {}
    ordered = sorted(entities.items(), key=lambda kv: (-sum(kv[1].names.values()), _canonical(kv[1])))
    named = [(key, ent, _canonical(ent)) for key, ent in ordered]
    next_id = max(previous.values(), default=0) + 1
    for key, ent, name in named:
        person_id = previous.pop((ent.kind, name), None)
        if person_id is None:
            person_id, next_id = next_id, next_id + 1
        roles = [r for r, n in ent.roles.most_common() if n > 0]
        aliases = sorted(n for n in ent.names if n != name)
        conn.execute(
            "INSERT INTO people(id, name, kind, gender, roles, aliases, merge_reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (person_id, name, ent.kind, ent.gender(), json.dumps(roles, ensure_ascii=False),
             json.dumps(aliases, ensure_ascii=False), _reasons(ent, name)),
        )
        ids[key] = person_id
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS name_person (kind TEXT, name TEXT, person_id INTEGER, PRIMARY KEY (kind, name))")
    conn.execute("DELETE FROM name_person")
    conn.executemany("INSERT INTO name_person VALUES (?, ?, ?)", [(kind, name, ids[key]) for (kind, name), key in owner.items()])
    conn.execute(
        "UPDATE mentions SET person_id = (SELECT np.person_id FROM name_person np WHERE np.kind = mentions.kind AND np.name = mentions.name)"
    )
    conn.execute("DROP TABLE name_person")
    conn.execute(
        "UPDATE quotes SET person_id = (SELECT m.person_id FROM mentions m WHERE m.article_id = quotes.article_id "
        "AND m.name = quotes.speaker) WHERE speaker IS NOT NULL"
    )
    return len(ids)


def _reasons(ent: _Entity, name: str) -> str | None:
    """One ``alias -> name: why`` line per merge, in terms of the row's final name."""
    lines = []
    for merged, into, why in ent.reasons:
        alias = into if merged == name else merged
        lines.append(f"{alias} -> {name}: {why}")
    return "\n".join(lines) or None


def count_people(conn: sqlite3.Connection) -> None:
    """Fill the per-person counts once quotes carry person and statement ids."""
    conn.execute(
        """UPDATE people SET
             quote_count = (SELECT count(*) FROM quotes q WHERE q.person_id = people.id),
             statement_count = (SELECT count(DISTINCT q.statement_id) FROM quotes q WHERE q.person_id = people.id),
             article_count = (SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.person_id = people.id)"""
    )

"""Speakers across articles: name variants merge with a recorded reason; namesakes without
evidence stay apart."""

import json

import pytest

from saywho.corpus.people import count_people, is_name, name_key, resolve_people
from saywho.store import open_store


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "news.db") as s:
        yield s


def add_article(store, n, names, quotes=()):
    """An article naming ``names`` ((name, gender, roles) tuples) with quotes by speaker name."""
    conn = store.conn
    conn.execute(
        "INSERT INTO articles(id, key, doc_id, source, text, content_hash) VALUES (?, ?, ?, 'x', 't', 'h')",
        (n, f"k{n}", f"d{n}"),
    )
    for name, gender, roles in names:
        conn.execute(
            "INSERT INTO mentions(article_id, name, gender, roles, mentions) VALUES (?, ?, ?, ?, 1)",
            (n, name, gender, json.dumps(roles)),
        )
    for seq, speaker in enumerate(quotes):
        conn.execute(
            "INSERT INTO quotes(article_id, seq, kind, start, \"end\", quote, speaker, quote_hash) VALUES (?, ?, 'direct', 0, 1, 'q', ?, ?)",
            (n, seq, speaker, f"h{n}-{seq}"),
        )


def people(store):
    resolve_people(store.conn)
    conn = store.conn
    conn.execute("UPDATE quotes SET statement_id = id")
    count_people(conn)
    return {r["name"]: dict(r) for r in conn.execute("SELECT * FROM people")}


def test_corpus_people_merge_trump_variants(store):
    add_article(store, 1, [("Donald Trump", "m", ["president"])], ["Donald Trump"])
    add_article(store, 2, [("Donald J. Trump", None, [])], ["Donald J. Trump"])
    add_article(store, 3, [("President Trump", None, [])], ["President Trump"])
    add_article(store, 4, [("Donald Trump", "m", [])], ["Donald Trump"])
    found = people(store)
    assert list(found) == ["Donald Trump"]
    trump = found["Donald Trump"]
    assert sorted(json.loads(trump["aliases"])) == ["Donald J. Trump", "President Trump"]
    assert trump["quote_count"] == 4 and trump["article_count"] == 4
    assert "Donald J. Trump -> Donald Trump" in trump["merge_reason"]
    assert "President Trump -> Donald Trump" in trump["merge_reason"]


def test_corpus_people_merge_namesakes_stay_apart(store):
    add_article(store, 1, [("Boris Johnson", "m", ["prime minister"])], ["Boris Johnson"])
    add_article(store, 2, [("Jo Johnson", "m", ["universities minister"])], ["Jo Johnson"])
    add_article(store, 3, [("Johnson", None, [])], ["Johnson"])
    found = people(store)
    assert {"Boris Johnson", "Jo Johnson", "Johnson"} == set(found)
    assert found["Johnson"]["merge_reason"] is None


def test_corpus_people_merge_by_role(store):
    add_article(store, 1, [("Boris Johnson", "m", ["prime minister"])], [])
    add_article(store, 2, [("Jo Johnson", "m", ["universities minister"])], [])
    add_article(store, 3, [("Prime Minister Johnson", None, [])], ["Prime Minister Johnson"])
    found = people(store)
    assert "Prime Minister Johnson" in json.loads(found["Boris Johnson"]["aliases"])
    assert "role 'prime minister'" in found["Boris Johnson"]["merge_reason"]


def test_corpus_people_merge_gender_conflict_blocks(store):
    add_article(store, 1, [("Chris Evans", "m", [])], [])
    add_article(store, 2, [("Mrs Evans", None, [])], ["Mrs Evans"])
    found = people(store)
    assert set(found) == {"Chris Evans", "Mrs Evans"}


def test_corpus_people_merge_by_co_occurrence(store):
    cast = [("Gordon Brown", "m", []), ("Alistair Darling", "m", []), ("Ed Balls", "m", []), ("Jack Straw", "m", [])]
    for n in range(1, 4):
        add_article(store, n, cast, [])
    add_article(store, 4, [("James Brown", "m", ["singer"]), ("Mick Jagger", "m", [])], [])
    add_article(store, 5, [("Brown", None, []), ("Alistair Darling", "m", []), ("Ed Balls", "m", []), ("Jack Straw", "m", [])], ["Brown"])
    found = people(store)
    assert "Brown" in json.loads(found["Gordon Brown"]["aliases"])
    assert "named alongside 3 of the same people" in found["Gordon Brown"]["merge_reason"]
    assert found["James Brown"]["merge_reason"] is None


def test_corpus_people_merge_name_keys():
    assert (name_key("Donald J. Trump").first, name_key("Donald J. Trump").last) == ("donald", "trump")
    assert name_key("President Trump").full is None
    assert name_key("Ursula von der Leyen").last == "von der leyen"
    assert name_key("Martin Luther King Jr.").last == "king"
    assert not is_name("who") and not is_name("It is") and is_name("Department of Health")


def test_corpus_people_merge_ids_survive_a_rebuild(store):
    add_article(store, 1, [("Ann Lee", "f", []), ("Bo Chan", "m", [])], ["Ann Lee"])
    first = {name: row["id"] for name, row in people(store).items()}
    add_article(store, 2, [("Cy Young", "m", []), ("Cy Young Jr", None, []), ("Bo Chan", "m", [])], ["Cy Young", "Bo Chan"])
    add_article(store, 3, [("Cy Young", "m", [])], ["Cy Young"])
    second = {name: row["id"] for name, row in people(store).items()}
    assert second["Ann Lee"] == first["Ann Lee"] and second["Bo Chan"] == first["Bo Chan"]
    assert second["Cy Young"] not in first.values()


def test_corpus_people_merge_titled_name_tagged_organisation(store):
    add_article(store, 1, [("Tony Blair", "m", [])], ["Tony Blair"])
    store.conn.execute(
        "INSERT INTO mentions(article_id, name, kind, roles, mentions) VALUES (1, 'Prime Minister Tony Blair', 'organisation', '[]', 1)"
    )
    add_article(store, 2, [("Johnson & Johnson", None, [])], [])
    store.conn.execute("UPDATE mentions SET kind = 'organisation' WHERE name = 'Johnson & Johnson'")
    found = people(store)
    assert "Prime Minister Tony Blair" in json.loads(found["Tony Blair"]["aliases"])
    assert found["Johnson & Johnson"]["kind"] == "organisation"

"""The corpus boilerplate prior: blocks a publisher repeats across articles."""

from saywho.corpus.prior import BlockCounter, blocks_of, normalize_block, publisher_of
from saywho.records import RawDocument


def test_corpus_prior_shares_per_publisher():
    counter = BlockCounter()
    places = ["harbour", "bridge", "market", "school", "station", "museum", "park", "library", "stadium", "airport"]
    for i, place in enumerate(places):
        body = f"A story about the {place}.\nSign up to our newsletter!\nCopyright 2024 Daily Planet"
        if i % 2:
            body += f"\nRead more: item {i}"
        counter.add("planet.example", body)
    for i in range(10):
        counter.add("other.example", f"Another story {i}\nSign up to our newsletter!")
    prior = counter.prior()
    planet = prior.for_publisher("planet.example")
    assert planet("Sign up to our newsletter!") == 10 / 11
    assert planet("  copyright 2025 daily planet ") == 10 / 11
    assert planet("Read more: item 99") == 5 / 11
    assert planet("A story about the harbour.") == 0.0
    assert prior.for_publisher("unknown.example") is None


def test_corpus_prior_needs_enough_articles():
    counter = BlockCounter()
    counter.add("tiny.example", "Same line\nSame footer")
    assert counter.prior().for_publisher("tiny.example") is None


def test_corpus_prior_publisher_sources():
    assert publisher_of(RawDocument(id="1", source="x", content="", url="https://www.bbc.co.uk/news/1")) == "bbc.co.uk"
    assert publisher_of(RawDocument(id="1", source="/data/guardian/a.txt", content="")) == "guardian"
    assert publisher_of(RawDocument(id="1", source="/data/feeds/reuters.jsonl.gz:12", content="")) == "reuters"
    assert publisher_of(RawDocument(id="1", source="x", content="", meta={"publisher": "AP"})) == "AP"


def test_corpus_prior_html_blocks():
    html = "<html><body><nav>Home | World</nav><p>First paragraph.</p><div>Second &amp; last</div><script>x()</script></body></html>"
    assert blocks_of(html) == ["Home | World", "First paragraph.", "Second   last"]
    assert normalize_block("  Page 12 of 30 ") == normalize_block("page 3 of 4")


def test_corpus_prior_copies_of_one_story_are_not_furniture():
    story = (
        "The council approved the new bridge over the river after a long debate on Monday night.\n"
        "Work starts in May and should be finished within two years, the mayor told reporters.\n"
        "It will cost four million pounds, most of it paid for by a grant from the government."
    )
    counter = BlockCounter()
    counter.add("small.example", story + "\nSubscribe now")
    counter.add("small.example", story.replace("May", "June") + "\nSubscribe now")
    counter.add("small.example", "A fire closed the school.\nNobody was hurt.\nSubscribe now")
    prior = counter.prior().for_publisher("small.example")
    assert prior("The council approved the new bridge over the river after a long debate on Monday night.") == 0.0
    assert prior("Subscribe now") == 0.5


def test_corpus_prior_publisher_from_jsonl_field():
    from saywho.input.sources import JsonlFields, parse_jsonl_line

    line = '{"id": "7", "text": "Body", "url": "https://www.example.com/a", "outlet": "Example Times"}'
    doc = parse_jsonl_line(line, source="feed.jsonl", lineno=1, fields=JsonlFields())
    assert publisher_of(doc) == "Example Times"
    doc = parse_jsonl_line(line, source="feed.jsonl", lineno=1, fields=JsonlFields(publisher=("nope",)))
    assert publisher_of(doc) == "example.com"

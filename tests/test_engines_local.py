"""The local engine: same results as in-process, input read only a bounded way ahead."""

import itertools

from saywho.engines import ArticleResult, FailureResult, RunOptions, get_executor
from saywho.engines.local import LocalExecutor
from saywho.records import RawDocument

TEXT = "Officials met on Monday.\n\n\"We are ready,\" said Ann Lee, the mayor.\n"


def docs(n, consumed=None):
    for i in range(n):
        if consumed is not None:
            consumed.append(i)
        content = TEXT.replace("Monday", f"Monday {i}") if i % 5 else ""
        yield RawDocument(id=f"d{i}", source=f"feed/x.jsonl:{i + 1}", content=content)


def outcome(result):
    if isinstance(result, ArticleResult):
        return (result.key, "article", result.article.text, len(result.article.quotes))
    return (result.key, "failure", result.failure.code)


def test_engines_local_pool_matches_serial():
    serial = sorted(outcome(r) for r in LocalExecutor(1).imap(docs(40), RunOptions()))
    with get_executor("local", 2) as executor:
        pooled = sorted(outcome(r) for r in executor.imap(docs(40), RunOptions()))
    assert pooled == serial
    assert sum(1 for r in serial if r[1] == "failure") == 8
    assert serial[0][0] == "feed/x.jsonl:d0"


def test_engines_local_bounded_read_ahead():
    consumed = []
    executor = LocalExecutor(2, chunksize=2, in_flight=10)
    results = executor.imap(docs(10_000, consumed), RunOptions())
    first = list(itertools.islice(results, 5))
    assert len(first) == 5
    assert len(consumed) <= 5 + 10 + 2
    results.close()
    executor.close()


def test_engines_local_failure_is_a_result():
    results = list(LocalExecutor(1).imap([RawDocument(id="b", source="b.html", content=b"\x00\x01" * 500)], RunOptions()))
    assert isinstance(results[0], FailureResult) and results[0].failure.code == "SW102"


def test_engines_local_keys_name_the_container():
    from saywho.engines.base import container_of

    assert container_of("/data/feeds/reuters.jsonl.gz:12") == "feeds/reuters.jsonl.gz"
    assert container_of("crawls/crawl.warc.gz#3") == "crawls/crawl.warc.gz"
    assert container_of("/abs/path/site/a.txt") == container_of("site/a.txt") == "site/a.txt"

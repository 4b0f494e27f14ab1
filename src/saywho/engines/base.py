"""The per-article work of a corpus run and the interface every executor implements.

``process`` is the one function an engine runs on each input; it only needs its arguments,
so the local pool and the Ray engine run exactly the same code. Results are frozen records
(picklable) and carry the stable article key the store deduplicates on.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath

from saywho.corpus.prior import BlockPrior, publisher_of
from saywho.corpus.syndication import signature, signature_of_words, words_of
from saywho.errors import SaywhoError
from saywho.input.sources import JsonlFields, parse_jsonl_line
from saywho.records import Article, Failure, RawDocument
from saywho.store.db import INTERNAL_ERROR, ArticleRows, article_rows, words_hash


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What every worker needs besides the document; sent to each worker once. With ``rows``
    an article comes back as the store rows it becomes (a ``RowsResult``), so that the
    process writing the store only inserts."""

    clean: bool = True
    prior: BlockPrior | None = None
    fields: JsonlFields = JsonlFields()
    rows: bool = False


@dataclass(frozen=True, slots=True)
class RawLine:
    """One JSONL line as read, parsed by the worker: the reading process then only splits
    lines, and each line crosses to the worker as its bytes, not as a parsed document."""

    source: str
    lineno: int
    data: bytes


@dataclass(frozen=True, slots=True)
class ArticleResult:
    key: str
    article: Article
    signature: bytes | None = None


@dataclass(frozen=True, slots=True)
class RowsResult:
    key: str
    rows: ArticleRows


@dataclass(frozen=True, slots=True)
class FailureResult:
    key: str
    failure: Failure


Result = ArticleResult | RowsResult | FailureResult


_ITEM_NUMBER = re.compile(r"[:#]\d+$")


def container_of(source: str) -> str:
    """The input file a source names, as ``parent/name``, without a JSONL line number
    (``feed.jsonl:12``) or WARC record number (``crawl.warc.gz#3``).

    Two path components keep keys apart for same-named files in different directories while
    staying the same whether the corpus was given by a relative or an absolute path.
    """
    path = _ITEM_NUMBER.sub("", source)
    parts = PurePath(path).parts
    return "/".join(parts[-2:]) if parts else source


def article_key(doc: RawDocument) -> str:
    """The stable key of an input item: its container and its own id."""
    return f"{container_of(doc.source)}:{doc.id}"


def failure_key(failure: Failure) -> str:
    if failure.id is not None:
        return f"{container_of(failure.source)}:{failure.id}"
    return failure.source


def process(doc: RawDocument | RawLine, options: RunOptions) -> Result:
    """Clean and attribute one input item; any error an input can cause becomes a failure."""
    from saywho.extraction import extract_document

    if isinstance(doc, RawLine):
        parsed = parse_jsonl_line(doc.data, source=doc.source, lineno=doc.lineno, fields=options.fields)
        if isinstance(parsed, Failure):
            return FailureResult(failure_key(parsed), parsed)
        doc = parsed
    key = article_key(doc)
    publisher = publisher_of(doc)
    prior = options.prior.for_publisher(publisher) if options.prior is not None else None
    try:
        article = extract_document(doc, clean=options.clean, prior=prior, publisher=publisher)
    except SaywhoError as err:
        return FailureResult(key, Failure(source=doc.source, id=doc.id, code=err.code, reason=err.message))
    except RecursionError:
        return FailureResult(key, Failure(source=doc.source, id=doc.id, code="SW105", reason="input is nested too deeply to parse"))
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a corpus run
        reason = f"{INTERNAL_ERROR} while extracting: {type(err).__name__}: {err}"
        return FailureResult(key, Failure(source=doc.source, id=doc.id, code="SW100", reason=reason[:500]))
    if not options.rows:
        return ArticleResult(key, article, signature(article.title, article.text))
    # The text's words serve both the signature and the content hash.
    words = words_of(article.text)
    minhash = signature_of_words(words_of(article.title) + words if article.title else words)
    return RowsResult(key, article_rows(key, article, minhash, words_hash(words)))


class Executor(ABC):
    """Runs ``process`` over a stream of documents and yields each result once.

    Implementations must keep a bounded number of documents in flight (memory stays flat
    however long the stream) and may yield results out of input order.
    """

    name = "base"

    def __init__(self, workers: int):
        self.workers = max(1, workers)

    @abstractmethod
    def imap(self, docs: Iterable[RawDocument], options: RunOptions) -> Iterator[Result]:
        """Yield ``process(doc, options)`` for every doc."""

    def close(self) -> None:  # noqa: B027 - most executors hold nothing to release
        """Release workers; called once, also after an interruption."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

"""The inputs of a corpus run, read so that no reader error stops the run.

``read_paths`` already turns broken items into failures; this guard also catches a reader that
raises part-way through a file (an unexpected bug, a WARC reader that is not installed), records
that file as a failure and goes on with the next one.

``read_raw`` yields JSONL lines unparsed (``RawLine``), for the workers to parse: the process
that reads the inputs also writes the store, and on two cores every millisecond it spends is
one the workers lose.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from saywho.engines.base import RawLine
from saywho.input.sources import (
    ARTICLE_SUFFIXES,
    JSONL_SUFFIXES,
    WARC_SUFFIXES,
    JsonlFields,
    jsonl_lines,
    parse_jsonl_line,
    read_paths,
)
from saywho.records import Failure, RawDocument
from saywho.store.db import INTERNAL_ERROR


def _files(path: str) -> Iterator[str]:
    p = Path(path)
    if path != "-" and p.is_dir():
        for child in sorted(p.rglob("*")):
            name = child.name.lower()
            if child.is_file() and not name.startswith(".") and name.endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES):
                yield str(child)
    else:
        yield path


def read_inputs(paths: Iterable[str], fields: JsonlFields) -> Iterator[RawDocument | Failure]:
    """Every item of ``paths``, as ``read_paths`` yields them, with reader crashes contained."""
    for item in read_raw(paths, fields):
        yield parse_item(item, fields)


def parse_item(item: RawDocument | Failure | RawLine, fields: JsonlFields) -> RawDocument | Failure:
    if isinstance(item, RawLine):
        return parse_jsonl_line(item.data, source=item.source, lineno=item.lineno, fields=fields)
    return item


def read_raw(paths: Iterable[str], fields: JsonlFields) -> Iterator[RawDocument | Failure | RawLine]:
    """The items of ``read_inputs``, with JSONL lines left unparsed."""
    for path in paths:
        for file in _files(path):
            n = 0
            try:
                items = _jsonl_lines(str(Path(file))) if _is_jsonl(file) else read_paths([file], fields)
                for item in items:
                    n += 1
                    yield item
            except ImportError as err:
                yield Failure(source=file, code="SW100", reason=f"{INTERNAL_ERROR}: cannot read this kind of file here: {err}")
            except Exception as err:  # noqa: BLE001 - one unreadable file must not stop a corpus run
                where = f"after {n} items" if n else "at its start"
                yield Failure(source=file, code="SW105", reason=f"reading stopped {where}: {type(err).__name__}: {err}")


def _is_jsonl(file: str) -> bool:
    return file != "-" and file.lower().endswith(JSONL_SUFFIXES) and Path(file).is_file()


def _jsonl_lines(source: str) -> Iterator[RawLine | Failure]:
    """The non-blank lines of a JSONL(.gz) file, unparsed, with the failures ``read_jsonl`` reports."""
    for item in jsonl_lines(source):
        yield item if isinstance(item, Failure) else RawLine(source, *item)

"""Readers: paths, directories, JSONL(.gz) and WARC(.gz) in, a stream of ``RawDocument`` out.

A broken item never stops the stream: it is yielded as a ``Failure`` with its reason.
"""

from __future__ import annotations

import gzip
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from saywho.input.dates import iso_date
from saywho.input.decode import MAX_INPUT_BYTES, without_lone_surrogates
from saywho.records import Failure, RawDocument

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSONL keys hold what. The defaults fit common news corpora (and our own output)."""

    text: tuple[str, ...] = ("text", "body", "content", "maintext")
    html: tuple[str, ...] = ("html", "raw_html")
    id: tuple[str, ...] = ("id", "_id", "uuid", "doc_id")
    url: tuple[str, ...] = ("url", "link", "source_url")
    date: tuple[str, ...] = ("published", "date", "publish_date", "date_publish", "publication_date")
    publisher: tuple[str, ...] = ("publisher", "source_domain", "site_name", "outlet")
    title: tuple[str, ...] = ("title", "headline")


def read_paths(paths: Iterable[str], fields: JsonlFields = JsonlFields()) -> Iterator[RawDocument | Failure]:
    """Yield every article in ``paths`` (``-`` is standard input); directories are walked in name order."""
    for path in paths:
        if path == "-":
            yield RawDocument(id="stdin", source="-", content=sys.stdin.buffer.read())
            continue
        p = Path(path)
        if p.is_dir():
            found = False
            for child in sorted(p.rglob("*")):
                name = child.name.lower()
                if child.is_file() and not name.startswith(".") and name.endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES):
                    found = True
                    yield from read_file(child, fields)
            if not found:
                yield Failure(source=path, code="SW106", reason="directory holds no .txt, .html, .jsonl or .warc files")
        elif p.exists():
            yield from read_file(p, fields)
        else:
            yield Failure(source=path, code="SW106", reason="no such file or directory")


def read_file(path: Path, fields: JsonlFields = JsonlFields()) -> Iterator[RawDocument | Failure]:
    name = path.name.lower()
    source = str(path)
    if name.endswith(WARC_SUFFIXES):
        from saywho.input.warc import read_warc

        yield from read_warc(source)
        return
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(source, fields)
        return
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            yield Failure(source=source, code="SW104", reason=f"file is {size // (1024 * 1024)} MB, over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit")
            return
        data = path.read_bytes()
    except OSError as err:
        yield Failure(source=source, code="SW106", reason=f"cannot read: {err.strerror or err}")
        return
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            yield Failure(source=source, code="SW105", reason=f"broken gzip: {err}")
            return
    stem = path.name.split(".")[0] or path.name
    yield RawDocument(id=stem, source=source, content=data)


def _first(record: dict, keys: tuple[str, ...]):
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def read_jsonl(
    source: str,
    fields: JsonlFields = JsonlFields(),
    *,
    start: int = 1,
    stop: int | None = None,
) -> Iterator[RawDocument | Failure]:
    """One ``RawDocument`` per line of lines ``start`` to ``stop`` (exclusive); a broken line is a
    ``Failure``, and so are the failures ``jsonl_lines`` reports."""
    for item in jsonl_lines(source, start=start, stop=stop):
        if isinstance(item, Failure):
            yield item
        else:
            yield parse_jsonl_line(item[1], source=source, lineno=item[0], fields=fields)


def jsonl_lines(source: str, *, start: int = 1, stop: int | None = None) -> Iterator[tuple[int, bytes] | Failure]:
    """The non-blank lines ``start`` to ``stop`` (exclusive) of a JSONL(.gz) file as
    ``(line number, bytes)``; a file that cannot be opened is a ``Failure``, and so is a truncated
    gzip, reported by the range that reads to the end."""
    opener = gzip.open if source.lower().endswith(".gz") else open
    try:
        handle = opener(source, "rb")
    except OSError as err:
        yield Failure(source=source, code="SW106", reason=f"cannot read: {err.strerror or err}")
        return
    lineno = 0
    try:
        with handle:
            for lineno, line in enumerate(handle, 1):
                if lineno < start or not line.strip():
                    continue
                if stop is not None and lineno >= stop:
                    return
                yield lineno, line
    except (OSError, EOFError, zlib.error) as err:
        if stop is None:
            yield Failure(source=f"{source}:{lineno + 1}", code="SW105", reason=f"stream broken after line {lineno}: {err}")


def parse_jsonl_line(line: bytes | str, *, source: str, lineno: int, fields: JsonlFields) -> RawDocument | Failure:
    where = f"{source}:{lineno}"
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError) as err:
        return Failure(source=where, code="SW105", reason=f"not a JSON object: {err}")
    if not isinstance(record, dict):
        return Failure(source=where, code="SW105", reason="line is JSON but not an object")
    ident = _first(record, fields.id)
    ident = str(ident) if ident is not None else f"{Path(source).name.split('.')[0]}-{lineno}"
    html = _first(record, fields.html)
    text = html if html is not None else _first(record, fields.text)
    if not isinstance(text, str):
        return Failure(source=where, id=ident, code="SW105", reason=f"no text field (looked for {', '.join(fields.html + fields.text)})")
    url = _text_or_none(_first(record, fields.url))
    return RawDocument(
        id=without_lone_surrogates(ident),
        source=where,
        content=without_lone_surrogates(text),
        url=url,
        published=iso_date(_first(record, fields.date)),
        media_type="text/html" if html is not None else None,
        meta={"lineno": lineno, "publisher": _text_or_none(_first(record, fields.publisher)),
              "title": _text_or_none(_first(record, fields.title))},
    )


def _text_or_none(value) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = without_lone_surrogates(str(value)).strip()
    return text or None

"""WARC(.gz) files in, one ``RawDocument`` per HTML response out.

fastwarc parses the records. We cut the file into records ourselves first (gzip members, or
``WARC/1.x`` boundaries in an uncompressed file) so that one corrupt record is reported as a
``Failure`` and the records after it still come out, which a single streaming parser cannot do.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from saywho.input.decode import MAX_INPUT_BYTES
from saywho.input.html_meta import declared_date
from saywho.records import Failure, RawDocument

CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b\x08"
_BOUNDARY = re.compile(rb"\r?\n\r?\n(?=WARC/\d\.\d\r?\n)")
_HTML_TYPES = ("text/html", "application/xhtml")
_WARC_TYPE = re.compile(rb"^WARC-Type:\s*(\S+)", re.I | re.M)
_CONTENT_LENGTH = re.compile(rb"^Content-Length:\s*(\d+)", re.I | re.M)
_WARC_HEAD = re.compile(rb"^WARC/\d\.\d\r?\n")


class _Broken(Exception):
    """A record that could not be cut out of the file, with the reason."""


def read_warc(source: str) -> Iterator[RawDocument | Failure]:
    """Every HTML response in a WARC file; a corrupt record is a ``Failure`` and reading goes on."""
    path = Path(source)
    stem = path.name.split(".")[0] or path.name
    try:
        handle = open(path, "rb")
    except OSError as err:
        yield Failure(source=source, code="SW106", reason=f"cannot read: {err.strerror or err}")
        return
    with handle:
        compressed = handle.peek(2)[:2] == b"\x1f\x8b" if hasattr(handle, "peek") else False
        chunks = _gzip_members(handle) if compressed else _plain_records(handle)
        ordinal = 0
        for chunk in chunks:
            ordinal += 1
            where = f"{source}#{ordinal}"
            if isinstance(chunk, _Broken):
                yield Failure(source=where, id=f"{stem}-{ordinal}", code="SW105", reason=f"corrupt WARC record: {chunk}")
                continue
            yield from _records(chunk, where=where, ident=f"{stem}-{ordinal}")
        if ordinal == 0:
            yield Failure(source=source, code="SW105", reason="not a WARC file: no records found")


def _gzip_members(handle) -> Iterator[bytes | _Broken]:
    """Decompress one gzip member at a time; after a broken one, resume at the next member."""
    pending = handle.read(CHUNK)
    while pending:
        fed: list[bytes] = []
        parts: list[bytes] = []
        size = 0
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            while not inflater.eof:
                if not pending:
                    pending = handle.read(CHUNK)
                    if not pending:
                        raise _Broken("file ends inside a gzip member (truncated)")
                fed.append(pending)
                out = inflater.decompress(pending)
                size += len(out)
                if size > MAX_INPUT_BYTES * 2:
                    raise _Broken(f"record inflates past {MAX_INPUT_BYTES * 2 // (1024 * 1024)} MB")
                parts.append(out)
                pending = inflater.unused_data if inflater.eof else b""
        except (zlib.error, _Broken) as err:
            yield err if isinstance(err, _Broken) else _Broken(f"bad gzip data ({err})")
            pending = _resync(b"".join(fed)[1:], handle)
            continue
        yield b"".join(parts)
        while pending and not pending.strip(b"\x00"):
            pending = handle.read(CHUNK)


def _resync(seen: bytes, handle) -> bytes:
    """The bytes from the next gzip member header on (empty at end of file)."""
    while True:
        index = seen.find(_GZIP_MAGIC)
        if index >= 0:
            return seen[index:]
        more = handle.read(CHUNK)
        if not more:
            return b""
        seen = seen[-2:] + more


def _plain_records(handle) -> Iterator[bytes | _Broken]:
    """Cut an uncompressed WARC at the blank line before each ``WARC/1.x`` version line."""
    buffer = b""
    scan_from = 0
    while True:
        more = handle.read(CHUNK)
        buffer += more
        while True:
            match = _BOUNDARY.search(buffer, scan_from)
            if not match:
                break
            yield buffer[: match.end()]
            buffer = buffer[match.end():]
            scan_from = 0
        if len(buffer) > MAX_INPUT_BYTES * 2:
            yield _Broken(f"record runs past {MAX_INPUT_BYTES * 2 // (1024 * 1024)} MB without a WARC boundary")
            buffer = buffer[-16:]
        scan_from = max(0, len(buffer) - 16)
        if not more:
            if buffer.strip():
                yield buffer
            return


def _records(chunk: bytes, *, where: str, ident: str) -> Iterator[RawDocument | Failure]:
    """The HTML response in one cut-out record, a ``Failure`` if it is corrupt, else nothing."""
    if not _WARC_HEAD.match(chunk):
        yield Failure(source=where, id=ident, code="SW105", reason="corrupt WARC record: no WARC/1.x version line")
        return
    kind = _WARC_TYPE.search(chunk[:8192])
    kind_name = kind.group(1).decode("ascii", "replace").lower() if kind else ""
    if kind_name not in ("response", "resource"):
        return
    head_end = chunk.find(b"\r\n\r\n")
    if head_end < 0:
        yield Failure(source=where, id=ident, code="SW105", reason="truncated WARC record: its headers are cut short")
        return
    length = _CONTENT_LENGTH.search(chunk[:head_end])
    if length and len(chunk) - head_end - 4 < int(length.group(1)):
        yield Failure(source=where, id=ident, code="SW105", reason=f"truncated WARC record: {len(chunk) - head_end - 4} of its {int(length.group(1))} bytes")
        return
    found = False
    try:
        for record in ArchiveIterator(io.BytesIO(chunk), record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=True):
            found = True
            item = _document(record, where=where, ident=ident)
            if item is not None:
                yield item
    except (OSError, ValueError, UnicodeDecodeError) as err:
        yield Failure(source=where, id=ident, code="SW105", reason=f"corrupt WARC record: {err}")
        return
    if not found:
        yield Failure(source=where, id=ident, code="SW105", reason=f"corrupt WARC {kind_name} record: fastwarc could not parse its headers")


def _document(record, *, where: str, ident: str) -> RawDocument | Failure | None:
    headers = record.headers
    url = (headers.get("WARC-Target-URI") or "").strip("<> ") or None
    warc_date = (headers.get("WARC-Date") or "")[:10] or None
    if record.record_type == WarcRecordType.response and record.is_http:
        content_type = (record.http_content_type or "").lower()
        http = record.http_headers
        status = getattr(http, "status_code", 200) if http is not None else 200
        if status and status >= 300:
            return None
    else:
        content_type = (headers.get("Content-Type") or "").lower()
        http = None
    body = record.reader.read()
    declared = record.content_length
    if not content_type.startswith(_HTML_TYPES):
        if content_type or not body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html")):
            return None
    if http is not None:
        try:
            body = _decode_transfer(body, http)
        except _Broken as err:
            return Failure(source=where, id=ident, code="SW105", reason=f"corrupt WARC record ({url}): {err}")
    if not body.strip():
        return Failure(source=where, id=ident, code="SW101", reason=f"empty HTML response ({url}), record says {declared} bytes")
    content: str | bytes = body
    charset = (record.http_charset or "").lower() if http is not None else ""
    if charset and charset not in ("utf-8", "utf8"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                content = body.decode(charset, errors="replace")
            except LookupError:
                content = body
    published = declared_date(body, url=url) or warc_date
    return RawDocument(
        id=ident,
        source=where,
        content=content,
        url=url,
        published=published,
        media_type=content_type or "text/html",
        meta={"warc_date": warc_date, "warc_record_id": headers.get("WARC-Record-ID")},
    )


def _decode_transfer(body: bytes, http) -> bytes:
    """Undo chunked transfer and gzip/deflate content encoding, which crawlers store as sent."""
    if "chunked" in (http.get("Transfer-Encoding") or "").lower():
        body = _dechunk(body)
    encoding = (http.get("Content-Encoding") or "").lower().strip()
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(body)
        if encoding == "deflate":
            try:
                return zlib.decompress(body)
            except zlib.error:
                return zlib.decompress(body, -zlib.MAX_WBITS)
    except (OSError, EOFError, zlib.error) as err:
        if body[:2] == b"\x1f\x8b" or encoding == "deflate":
            raise _Broken(f"bad {encoding} body ({err})") from None
    return body


def _dechunk(body: bytes) -> bytes:
    out = []
    position = 0
    while position < len(body):
        end = body.find(b"\r\n", position)
        if end < 0:
            break
        try:
            size = int(body[position:end].split(b";")[0].strip() or b"0", 16)
        except ValueError:
            # Crawlers often store the body already de-chunked while keeping the header.
            return body if not out else b"".join(out)
        if size == 0:
            break
        out.append(body[end + 2:end + 2 + size])
        position = end + 2 + size + 2
    return b"".join(out) if out else body

"""Bytes to text: BOMs, UTF-8, cp1252 fallback, mojibake repair, and what kind of input it is."""

from __future__ import annotations

import codecs
import re

from saywho.errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput

MAX_INPUT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that never occur in text; tab, newline, form feed and carriage return do.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# UTF-8 read as cp1252: a lead byte rendered as Ã/Â/â followed by a continuation rendered as
# one of cp1252's 0x80-0xBF characters.
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]+")


def decode(data: bytes, *, source: str = "<input>") -> str:
    """Decode raw bytes to text, or raise an ``InputError`` that says why not."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"input is {len(data) // (1024 * 1024)} MB, over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit", source=source)
    if not data.strip():
        raise EmptyInput("input is empty", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return repair_mojibake(data[len(bom):].decode(encoding))
            except UnicodeDecodeError as err:
                raise UndecodableInput(f"not valid {encoding} despite its byte-order mark", source=source) from err
    head = data[:65536]
    if head.count(b"\x00") > max(4, len(head) // 100) or len(_CONTROL.findall(head)) > max(8, len(head) // 200):
        raise BinaryInput("input looks binary, not text or HTML", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        if text.count("\ufffd") > max(8, len(text) // 100):
            raise UndecodableInput("input is neither UTF-8 nor cp1252 text", source=source) from None
    if "\x00" in text:
        text = text.replace("\x00", "")
    return repair_mojibake(text)


def without_lone_surrogates(text: str) -> str:
    """JSON may carry half of a surrogate pair (``"\\ud83d"``, what a cut-off emoji leaves);
    no encoder accepts it, so it becomes U+FFFD before it can reach a file or the store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 (``â€™`` to ``’``) where the repair decodes cleanly."""
    if not _MOJIBAKE.search(text):
        return text

    def fix(match: re.Match) -> str:
        chunk = match.group(0)
        try:
            return chunk.encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return chunk

    return _MOJIBAKE.sub(fix, text)


def sniff(data: bytes | str) -> str:
    """Say what an input is by its content: ``warc``, ``html``, ``jsonl`` or ``text``."""
    head = data[:4096]
    if isinstance(head, bytes):
        if head.startswith(b"\x1f\x8b"):
            return "gzip"
        head = head.decode("utf-8", errors="replace")
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith("WARC/"):
        return "warc"
    lower = stripped[:1024].lower()
    if lower.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(html|head|body|div|p|article|meta)[\s>]", lower):
        return "html"
    if stripped.startswith("{") and stripped.split("\n", 1)[0].rstrip().endswith("}"):
        return "jsonl"
    return "text"

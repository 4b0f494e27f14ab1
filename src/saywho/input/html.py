"""HTML in, a ``CleanedPage`` out: decode, parse, cut into blocks, keep the article's blocks.

lxml parses and ``html_blocks`` cuts the page into blocks with their structure; resiliparse's
main-content extractor gives a first opinion on each block, and the trained block classifier
(``saywho.cleaning.html_model``) makes the call. Metadata comes from ``html_meta``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import dataclass

from htmldate import find_date
from lxml import etree
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.encoding import bytes_to_str, detect_encoding
from resiliparse.parse.html import HTMLTree

from saywho.cleaning.html_model import load_weights, score_blocks
from saywho.cleaning.html_repeats import RepeatFilter
from saywho.errors import BinaryInput, EmptyInput, InputTooLarge, MalformedInput
from saywho.input.decode import MAX_INPUT_BYTES, repair_mojibake
from saywho.input.html_blocks import HtmlBlock, page_blocks
from saywho.input.html_meta import page_metadata
from saywho.records import Block, CleanedPage

THRESHOLD = 0.5
# Work limits for pathological pages: an article sits in the first megabytes of any real page,
# and classifying a million "More stories" links would take minutes.
PARSE_LIMIT = 8 * 1024 * 1024
MAX_BLOCKS = 20000
FALLBACK_CHARS = 80
# A publisher-wide prior at or above this marks a block as the publisher's furniture.
PRIOR_THRESHOLD = 0.5
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*\?>")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
# Control bytes no text page holds; counted by deleting them, a C pass, not a regex scan.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Fed UTF-8 bytes, which libxml2 reads as they are, rather than a str, which it converts first:
# the encoding is fixed so that a page's own charset declaration cannot override it.
# No table of id attributes either: nothing here looks an element up by its id.
_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True, encoding="utf-8", collect_ids=False)


@dataclass(slots=True)
class ParsedPage:
    """A page cut into blocks, before classification: what training and inference share."""

    root: object
    blocks: list[HtmlBlock]
    in_main: list[bool]


def decode_html(data: bytes, *, source: str = "<input>") -> str:
    """Bytes to text: a BOM wins, then valid UTF-8, then the declared charset, then detection.

    Valid UTF-8 beats a declared charset because pages often declare ISO-8859-1 while serving
    UTF-8; the reverse (cp1252 bytes that happen to be valid UTF-8) almost never happens.
    """
    return _decode(data, source)[0]


def _decode(data: bytes, source: str) -> tuple[str, bool]:
    """``decode_html``'s text, and whether it is ``data`` read as UTF-8 (so ``data`` is its UTF-8)."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLarge(f"page is {len(data) // (1024 * 1024)} MB, over the {MAX_INPUT_BYTES // (1024 * 1024)} MB limit", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace"), False
    head = data[:65536]
    if head.count(b"\x00") > len(head) // 100 or len(head) - len(head.translate(None, _CONTROL_BYTES)) > max(8, len(head) // 200):
        raise BinaryInput("says it is HTML but looks binary", source=source)
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii", errors="replace").lower()
        try:
            codec = codecs.lookup("cp1252" if declared in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else declared)
            if codec.name not in ("utf-8", "utf-16", "utf-32"):
                return repair_mojibake(data.decode(codec.name)), False
        except (LookupError, UnicodeDecodeError):
            pass
    return repair_mojibake(bytes_to_str(data, detect_encoding(data))), False


def _normal(text: str) -> str:
    return " ".join(text.split())


def _main_lines(tree: HTMLTree) -> set[str]:
    main = extract_plain_text(tree, main_content=True, alt_texts=False, links=False, list_bullets=False, noscript=False, comments=False)
    lines = {" ".join(line.split()) for line in main.splitlines()}
    lines.discard("")
    return lines


def main_content_flags(tree: HTMLTree, blocks: list[HtmlBlock]) -> list[bool]:
    """Which blocks resiliparse's main-content extractor keeps."""
    lines = _main_lines(tree)
    joined = "\n".join(lines)
    return [b.text in lines or (len(b.text) >= 25 and b.text in joined) for b in blocks]


def _flat_blocks(tree: HTMLTree) -> list[HtmlBlock]:
    """Blocks without structure, from resiliparse's text, for pages lxml cannot build a tree of."""
    text = extract_plain_text(tree, main_content=False, alt_texts=False, links=False, list_bullets=False, noscript=False, comments=False)
    return [
        HtmlBlock(text=line, tag="p", context=(), link_chars=0, depth=0, container=0, outer=0, attrs="", hidden=False)
        for line in (_normal(raw) for raw in text.splitlines())
        if line
    ]


def parse_page(html: str, *, source: str = "<input>", utf8: bytes | None = None) -> ParsedPage:
    """Parse decoded HTML and cut it into blocks; raise ``MalformedInput`` if it cannot be.

    ``utf8``, when given, is ``html`` as UTF-8 (the page's own bytes), which spares encoding it.
    """
    if len(html) > PARSE_LIMIT:
        html, utf8 = html[:PARSE_LIMIT], None
    declaration = _XML_DECLARATION.match(html)
    if declaration:
        html, utf8 = html[declaration.end():], None
    data = utf8
    if data is None:
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates (JSON's "\ud800" escapes) have no UTF-8 form: both parsers read "?".
            data = html.encode("utf-8", errors="replace")
            html = data.decode("utf-8")
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as err:
        raise MalformedInput(f"cannot parse as HTML: {err}", source=source) from None
    if root is None:
        raise EmptyInput("page has no HTML elements", source=source)
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log)
    tree = HTMLTree.parse(html)
    # lxml stops building below depth 2048; resiliparse does not, so its text stands in.
    blocks = _flat_blocks(tree) if too_deep else page_blocks(root)
    if len(blocks) > MAX_BLOCKS:
        blocks = blocks[:MAX_BLOCKS]
    return ParsedPage(root=root, blocks=blocks, in_main=main_content_flags(tree, blocks) if blocks else [])


def label_blocks(
    page_blocks: list[HtmlBlock],
    scores: list[float],
    *,
    title: str | None = None,
    prior: Callable[[str], float] | None = None,
    threshold: float = THRESHOLD,
    repeat_words: int = 0,
) -> tuple[list[str], list[str], list[Block]]:
    """Split scored blocks into article paragraphs and boilerplate; the headline is neither.

    A kept block of ``repeat_words`` words or more that mostly repeats the text kept before it is
    boilerplate (``RepeatFilter``); 0 keeps repeats.
    """
    title_key = _normal(title).lower() if title else None
    cut = threshold
    if scores and max(scores) < threshold:
        # A page with no confident block still has an article when it is one short piece: keep
        # the prose that scores near the best rather than return nothing.
        prose = [score for block, score in zip(page_blocks, scores, strict=True) if len(block.text) >= FALLBACK_CHARS]
        cut = max(prose) * 0.8 if prose else 1.1
    paragraphs: list[str] = []
    boilerplate: list[str] = []
    blocks: list[Block] = []
    repeats = RepeatFilter(repeat_words)
    for block, score in zip(page_blocks, scores, strict=True):
        keep = score >= cut and (cut == threshold or len(block.text) >= FALLBACK_CHARS)
        if keep and prior is not None and prior(block.text) >= PRIOR_THRESHOLD:
            keep = False
        if title_key and not paragraphs and block.text.lower() == title_key:
            label = "title"
        elif keep and not repeats.repeats(block.text):
            label = "body"
            paragraphs.append(block.text)
        else:
            label = "boilerplate"
            boilerplate.append(block.text)
        blocks.append(Block(block.text, 0, 0, label, round(score, 4), block.tag, block.attrs))
    return paragraphs, boilerplate, blocks


def _htmldate(html: str) -> str | None:
    """htmldate's reading of the markup, for the pages that declare no date where we look.

    Its quick mode costs about two milliseconds on the one page in ten that needs it; its
    extensive mode, which guesses from the text, is what makes it slow, so it stays off. It is
    imported with this module, like lxml and resiliparse: its import (about 70 ms, mostly
    urllib3) is a once-per-process cost, and taken on the first page it would look like one.
    """
    try:
        return find_date(html[:PARSE_LIMIT], extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - a heuristic over arbitrary markup: no date beats a crash
        return None


def parse_html(
    raw: str | bytes,
    *,
    url: str | None = None,
    source: str = "<input>",
    prior: Callable[[str], float] | None = None,
) -> CleanedPage:
    """Clean one HTML page: its article paragraphs, removed blocks and metadata."""
    html, as_read = _decode(raw, source) if isinstance(raw, bytes) else (raw, False)
    if not html or html.isspace():
        raise EmptyInput("page is empty", source=source)
    page = parse_page(html, source=source, utf8=raw if as_read else None)
    meta = page_metadata(page.root, url=url)
    published = meta.published or _htmldate(html)
    if not page.blocks:
        raise EmptyInput("page has no text", source=source)
    weights = load_weights()
    scores = score_blocks(page.blocks, page.in_main, weights)
    paragraphs, boilerplate, blocks = label_blocks(
        page.blocks, scores, title=meta.title, prior=prior, threshold=weights.get("threshold", THRESHOLD), repeat_words=weights.get("repeat_words", 0)
    )
    return CleanedPage(
        paragraphs=tuple(paragraphs),
        boilerplate=tuple(boilerplate),
        title=meta.title,
        standfirst=meta.standfirst,
        authors=meta.authors,
        publisher=meta.publisher,
        published=published,
        url=meta.url,
        language=meta.language,
        blocks=tuple(blocks),
    )

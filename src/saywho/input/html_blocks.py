"""Cut a parsed HTML page into text blocks, each with the structure around it.

A block is the run of text between two block-level tag boundaries (``<p>``, ``<div>``,
``<li>``, ``<br>``...). Each block carries what the classifier needs to tell article from
boilerplate: its tag, the tags and class/id keywords of its ancestors, its link text and depth.
The walk is iterative (lxml's ``iterwalk``), so deeply nested pages cannot overflow the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul br".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg iframe select option textarea head title button input "
    "canvas video audio object embed math map label".split()
)
# Ancestor tags the classifier looks at; each is one flag in a block's context.
CONTEXT_TAGS = (
    "nav", "footer", "header", "aside", "figure", "a", "li", "table", "article", "main",
    "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "dl", "section", "time",
    "strong", "em", "b", "i",
)
# Words in class and id attributes that publishers use for the parts of a page.
CLASS_GROUPS = {
    "related": r"related|recommend|more-?stor|popular|trending|most-?read|read-?more|also|next-?up|up-?next|outbrain|taboola|teaser|promo-list",
    "newsletter": r"newsletter|subscri|sign-?up|signin|login|register|paywall|cta|piano|meter|offer",
    "share": r"share|social|sharing|facebook|twitter|whatsapp|linkedin|pinterest|email",
    "caption": r"caption|credit|figcaption|photo|image|img|gallery|media|video|player",
    "comment": r"comment|disqus|discussion|respond|reply|community",
    "promo": r"promo|advert|(?:^|[-_ ])ads?(?:$|[-_ ])|sponsor|banner|dfp|gpt|native|partner|affiliate",
    "nav": r"nav|menu|breadcrumb|masthead|topbar|toolbar|skip|pagination|pager",
    "footer": r"footer|copyright|legal|disclaimer|bottom",
    "header": r"header|top-?bar|site-?head",
    "sidebar": r"sidebar|side-?bar|aside|rail|widget|secondary",
    "article": r"article|story|content|body|entry|post|main|text|prose|rich|paragraph|copy",
    "byline": r"byline|author|contributor|writer|reporter",
    "date": r"date|time|stamp|publish|updated",
    "tags": r"(?:^|[-_ ])tags?(?:$|[-_ ])|topic|categor|keyword|label",
    "hidden": r"hidden|sr-only|visually-hidden|screen-?reader|modal|popup|overlay|cookie|consent|gdpr",
    "title": r"title|headline|heading|(?:^|[-_ ])hed(?:$|[-_ ])",
    "summary": r"summary|(?:^|[-_ ])dek(?:$|[-_ ])|standfirst|subtitle|subhead|lede|lead|intro|excerpt|description|deck",
    "card": r"list|item|card|tile|grid|feed|module|box|block|widget",
    "bio": r"bio|about|profile|contact|tip",
}
_CLASS_RE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in CLASS_GROUPS.items()))


def _alternatives(pattern: str) -> list[str]:
    """The top-level branches of a group's pattern, in order."""
    branches, current, depth, in_set = [], "", 0, False
    for char in pattern:
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and not depth:
            branches.append(current)
            current = ""
            continue
        current += char
    return [*branches, current]


# The same branches without the named groups, gathered under their first letter (in their
# order within each letter): branches with different first letters never match at the same
# place, so the first branch to match is the same, but the engine tests one letter to rule out
# a whole bunch. The anchored branches ("-ad-", or "ad" as the whole token) go last: no
# lettered branch matches where one of them does (tests/test_input_html_class_groups.py).
def _by_first_letter(branches: list[str]) -> str:
    letters: dict[str, list[str]] = {}
    anchored = []
    for branch in branches:
        if branch[0].isalpha() and branch[1] not in "?*+{":
            letters.setdefault(branch[0], []).append(branch[1:])
        else:
            anchored.append(branch)
    return "|".join([f"{letter}(?:{'|'.join(rests)})" for letter, rests in letters.items()] + anchored)


_CLASS_START = re.compile(_by_first_letter([b for pattern in CLASS_GROUPS.values() for b in _alternatives(pattern)]))
CLASS_NAMES = tuple(CLASS_GROUPS)
_TAG_INDEX = {tag: i for i, tag in enumerate(CONTEXT_TAGS)}
_N_TAGS = len(CONTEXT_TAGS)


@dataclass(slots=True)
class HtmlBlock:
    """One block of text and the page structure around it."""

    text: str
    tag: str
    context: tuple[int, ...]
    link_chars: int
    depth: int
    container: int
    outer: int
    attrs: str
    hidden: bool
    after_image: bool = False
    # Ids of the enclosing block elements, outermost first: where the block sits in the tree.
    path: tuple[int, ...] = ()


_token_cache: dict[str, frozenset[int]] = {}
_value_cache: dict[str, frozenset[int]] = {}


def class_groups(value: str) -> frozenset[int]:
    """The context slots of the keyword groups named in a class/id value, token by token."""
    # Pages repeat the same class strings hundreds of times: one lookup beats a token scan.
    cached = _value_cache.get(value)
    if cached is not None:
        return cached
    found: frozenset[int] = frozenset()
    for token in value.lower().split():
        groups = _token_cache.get(token)
        if groups is None:
            groups = _token_groups(token)
            if len(_token_cache) < 100000:
                _token_cache[token] = groups
        if groups:
            found = found | groups
    if len(_value_cache) < 100000:
        _value_cache[value] = found
    return found


def _token_groups(token: str) -> frozenset[int]:
    """The context slots of the groups ``_CLASS_RE.finditer`` names in one token."""
    found = _CLASS_START.findall(token)
    return frozenset([_match_slot(text) for text in found]) if found else _NO_GROUPS


_NO_GROUPS: frozenset[int] = frozenset()
# The group of a matched text, by the first branch matching all of it: the branch that matched
# in the token (an earlier branch matching that text would have matched there first).
_match_slots: dict[str, int] = {}


def _match_slot(text: str) -> int:
    slot = _match_slots.get(text)
    if slot is None:
        slot = _match_slots[text] = _N_TAGS + CLASS_NAMES.index(_CLASS_RE.fullmatch(text).lastgroup)
    return slot


def _is_hidden(attrib) -> bool:
    if attrib.get("hidden") is not None or attrib.get("aria-hidden") == "true":
        return True
    style = attrib.get("style")
    if not style or "none" not in style and "hidden" not in style:
        return False
    style = style.replace(" ", "")
    return "display:none" in style or "visibility:hidden" in style


# What the walk does with an element, by tag: skip its subtree, or open it (with flags below).
_SKIP, _OPEN = 0, 1
_BLOCK, _IMAGE, _LINK = 1, 2, 4


def _tag_kind(tag) -> tuple[int, int, int | None, str]:
    """(action, flags, context slot, name) for a tag; comments and the like carry no element."""
    if not isinstance(tag, str):
        return (-1, 0, None, "")
    tag = tag.lower()
    if tag in SKIP_TAGS:
        return (_SKIP, 0, None, tag)
    flags = (_BLOCK if tag in BLOCK_TAGS else 0) | (_IMAGE if tag == "img" else 0) | (_LINK if tag == "a" else 0)
    return (_OPEN, flags, _TAG_INDEX.get(tag), tag)


# One lookup per element instead of a lower() and four set tests: pages use a few dozen tags.
_tag_kinds: dict = {}
# The context after opening an element, by the context around it, its tag's slot and its
# class/id value: the same few combinations recur all over a page.
_context_cache: dict = {}


def page_blocks(root) -> list[HtmlBlock]:
    """The text blocks of a parsed page (an lxml HTML element) in document order."""
    body = root.find("body")
    if body is None:
        body = root
    blocks: list[HtmlBlock] = []
    # Per open element: the context slots open there (its own and its ancestors'), its tag
    # flags, and whether it hides its content.
    stack: list[tuple[tuple[int, ...], int, bool]] = []
    context: tuple[int, ...] = ()
    block_ids: list[int] = [0, 0]
    block_tags: list[str] = ["div"]
    attrs_stack: list[str] = [""]
    parts: list[str] = []
    # Whether parts hold any non-whitespace: most block boundaries close a run of markup
    # whitespace, which makes no block.
    solid = False
    link_chars = 0
    in_link = 0
    hidden_depth = 0
    next_block_id = 1
    images = 0
    kinds = _tag_kinds
    contexts = _context_cache

    def flush() -> None:
        nonlocal link_chars, images, solid
        # str.split() splits on exactly the characters the regex \s matches, at a quarter of the cost.
        text = " ".join("".join(parts).split())
        parts.clear()
        solid = False
        # Positional, in field order: keywords cost three times as much, once per block.
        blocks.append(
            HtmlBlock(
                text,
                block_tags[-1],
                context,
                min(link_chars, len(text)),
                len(stack),
                block_ids[-2],
                block_ids[-3] if len(block_ids) > 2 else 0,
                attrs_stack[-1],
                hidden_depth > 0,
                images > 0,
                tuple(block_ids[2:]),
            )
        )
        images = 0
        link_chars = 0

    def end_run() -> None:
        """At a block boundary: the text gathered so far becomes a block, or is dropped as markup whitespace."""
        nonlocal link_chars
        if solid:
            flush()
        else:
            parts.clear()
            link_chars = 0

    # Set on opening an element the walk does not enter (skipped, childless, or a comment):
    # the next event is its end, where only its tail counts.
    shut = False
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            tag = element.tag
            kind = kinds.get(tag)
            if kind is None:
                kind = _tag_kind(tag)
                # Made-up tag names are endless over a corpus; real pages use a few hundred.
                if len(kinds) < 10000:
                    kinds[tag] = kind
            action, flags, index, name = kind
            if action != _OPEN:
                if action == _SKIP:
                    walker.skip_subtree()
                shut = True
                continue
            if not flags & _BLOCK and not len(element):
                # A childless inline element (a third of them): no block boundary falls inside
                # it, so its context, class and visibility reach no block; its text, link text
                # and image count do.
                if flags & _IMAGE:
                    images += 1
                text = element.text
                if text:
                    parts.append(text)
                    if not solid and not text.isspace():
                        solid = True
                    if in_link or flags & _LINK:
                        link_chars += len(text)
                shut = True
                continue
            if flags & _IMAGE:
                images += 1
            if flags & _BLOCK and (solid or parts):
                end_run()
            attrib = element.attrib
            if attrib:
                marker = attrib.get("class")
                ident = attrib.get("id")
                named = f"{marker or ''} {ident or ''}" if marker or ident else ""
                # Only an attribute besides class and id can hide the element.
                hides = len(attrib) > (marker is not None) + (ident is not None) and _is_hidden(attrib)
            else:
                named = ""
                hides = False
            if index is not None or named:
                key = (context, index, named)
                opened = contexts.get(key)
                if opened is None:
                    own = class_groups(named) if named else frozenset()
                    if index is not None:
                        own = own | {index}
                    opened = context if own.issubset(context) else tuple(sorted(own.union(context)))
                    if len(contexts) < 100000:
                        contexts[key] = opened
                context = opened
            if hides:
                hidden_depth += 1
            if flags & _LINK:
                in_link += 1
            stack.append((context, flags, hides))
            if flags & _BLOCK:
                block_ids.append(next_block_id)
                next_block_id += 1
                block_tags.append(name)
                attrs_stack.append(named.strip()[:80])
            text = element.text
            if text:
                parts.append(text)
                if not solid and not text.isspace():
                    solid = True
                if in_link:
                    link_chars += len(text)
            continue
        if shut:
            shut = False
        else:
            _, flags, hides = stack.pop()
            if flags & _BLOCK:
                if solid or parts:
                    end_run()
                block_ids.pop()
                block_tags.pop()
                attrs_stack.pop()
            context = stack[-1][0] if stack else ()
            if hides:
                hidden_depth -= 1
            if flags & _LINK:
                in_link -= 1
        tail = element.tail
        if tail and element is not body:
            parts.append(tail)
            if not solid and not tail.isspace():
                solid = True
            if in_link:
                link_chars += len(tail)
    if solid:
        flush()
    return blocks

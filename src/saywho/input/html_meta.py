"""Page metadata from HTML: title, standfirst, date, authors, publisher, canonical URL, language.

Reads what publishers declare for search engines and social cards (``<meta>``, Open Graph,
JSON-LD, ``<link rel=canonical>``, ``<html lang>``) and falls back on the page itself (``<h1>``,
``<title>``, ``<time>``, a date in the URL). Everything here is cheap: no date guessing over the
whole text, which is what makes htmldate slow.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree

_HEAD_PARSER = etree.HTMLParser(remove_comments=True)
_ISO_DATE = re.compile(r"((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)")
_COMPACT_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)")
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_WORD_DATE = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DAY_FIRST_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b", re.I)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»«]\s+|\s+::\s+")
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "published_time",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime", "originalpublicationdate", "displaydate",
    "dc.date.created", "citation_publication_date", "og:updated_time", "article:modified_time",
)
_AUTHOR_KEYS = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "citation_author")
_READ_TAGS = ("meta", "script", "h1", "title", "time", "link")
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage", "analysisnewsarticle", "opinionnewsarticle", "report", "liveblogposting")


@dataclass(slots=True)
class PageMeta:
    title: str | None = None
    standfirst: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


def _text(element) -> str:
    return _clean("".join(element.itertext()))


def _clean(value) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _meta_tags(elements) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in elements:
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get("http-equiv")
        content = element.get("content")
        if key and content:
            found.setdefault(key.strip().lower(), _clean(content))
    return found


def _json_ld(scripts) -> list[dict]:
    """Every JSON-LD object in these script elements, @graph members flattened in."""
    objects: list[dict] = []
    for script in scripts:
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        pending = [data]
        while pending and len(objects) < 200:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(reversed(item))
            elif isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(reversed(graph))
    return objects


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO, compact or written-out date, or None."""
    if not value:
        return None
    for pattern, order in ((_ISO_DATE, "ymd"), (_WORD_DATE, "mdy"), (_DAY_FIRST_DATE, "dmy"), (_COMPACT_DATE, "ymd")):
        match = pattern.search(value)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["m"]
        month = _MONTHS.get(month[:3].lower(), 0) if not month.isdigit() else int(month)
        year, day = int(parts["y"]), int(parts["d"])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _language(root, meta: dict[str, str]) -> str | None:
    for value in (root.get("lang"), root.get("xml:lang"), meta.get("og:locale"), meta.get("content-language"), meta.get("language")):
        if value:
            code = re.split(r"[-_,;\s]", value.strip())[0].lower()
            if 2 <= len(code) <= 3 and code.isalpha():
                return code
    return None


def _similar(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b or (len(a) > 15 and a in b) or (len(b) > 15 and b in a):
        return True
    ta, tb = set(re.findall(r"\w+", a)), set(re.findall(r"\w+", b))
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.6


def _strip_site(title: str, publisher: str | None) -> str:
    """Drop the " | Site Name" (or "Site Name: ") a <title> or og:title carries around the headline."""
    for _ in range(2):
        matches = list(_TITLE_SEPARATORS.finditer(title))
        if not matches:
            break
        head, tail = title[: matches[-1].start()], title[matches[-1].end():]
        lead, rest = title[: matches[0].start()], title[matches[0].end():]
        if publisher and (_similar(tail, publisher) or publisher.lower() in tail.lower()):
            title = head
        elif publisher and (_similar(lead, publisher) or publisher.lower() == lead.lower()):
            title = rest
        elif len(tail.split()) <= 4 and len(head.split()) >= 2 and len(tail) < len(head):
            title = head
        else:
            break
    return title.strip()


def _main_object(objects: list[dict]) -> dict:
    articles = [o for o in objects if _types(o) & set(_ARTICLE_TYPES)] or objects
    return next((o for o in articles if o.get("headline") or o.get("datePublished")), articles[0] if articles else {})


def _published(times, meta: dict[str, str], ld: dict, url: str | None) -> str | None:
    published = normalise_date(_clean(ld.get("datePublished")))
    if not published:
        published = next((d for d in (normalise_date(meta.get(k)) for k in _DATE_KEYS) if d), None)
    if not published:
        for element in times:
            published = normalise_date(element.get("datetime") or _clean(_text(element)))
            if published:
                break
    if not published and url:
        match = _URL_DATE.search(url)
        if match:
            published = normalise_date("-".join(match.groups()))
    return published


def declared_date(html: bytes, *, url: str | None = None) -> str | None:
    """The publication date a page declares in its ``<head>`` or URL, parsing the head only.

    For readers (WARC) that want the page's own date before the full parse, and fall back on
    the crawl date without it.
    """
    end = html.find(b"</head>", 0, 1 << 20)
    head = html[: end + 7] if end > 0 else html[: 1 << 16]
    try:
        root = etree.fromstring(head, parser=_HEAD_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    return _published(root.iter("time"), _meta_tags(root.iter("meta")), _main_object(_json_ld(root.iter("script"))), url)


def page_metadata(root, *, url: str | None = None) -> PageMeta:
    """What the page says about itself. ``root`` is an lxml HTML document element."""
    # One walk of the tree for every element read here, each kind kept in document order.
    found: dict[str, list] = {tag: [] for tag in _READ_TAGS}
    for element in root.iter(*_READ_TAGS):
        found[element.tag].append(element)
    meta = _meta_tags(found["meta"])
    objects = _json_ld(found["script"])
    ld = _main_object(objects)

    publisher = meta.get("og:site_name") or next(iter(_names(ld.get("publisher"))), None) or meta.get("application-name")
    publisher = _clean(publisher) or None

    headings = [_clean(_text(h)) for h in found["h1"]]
    headings = [h for h in headings if 3 <= len(h) <= 300]
    declared = [t for t in (meta.get("og:title"), _clean(ld.get("headline")), meta.get("twitter:title"), meta.get("title")) if t]
    page_title = _clean(_text(found["title"][0])) if found["title"] else ""
    # Compared with the site name stripped, so that a site-name <h1> never passes as the headline.
    references = [_strip_site(r, publisher) for r in declared + ([page_title] if page_title else [])]
    title = next((h for h in headings if any(_similar(h, r) for r in references)), None)
    if title is None and declared:
        title = _strip_site(declared[0], publisher)
    if title is None and page_title:
        title = _strip_site(page_title, publisher)
    if title is None and headings:
        title = headings[0]

    standfirst = meta.get("og:description") or meta.get("description") or meta.get("twitter:description") or _clean(ld.get("description"))

    published = _published(found["time"], meta, ld, url)

    authors = [_clean(n) for n in _names(ld.get("author"))]
    if not authors:
        for key in _AUTHOR_KEYS:
            value = meta.get(key)
            if value and not value.startswith(("http://", "https://", "/")):
                value = re.sub(r"^by\s+", "", value, flags=re.I)
                # "Kaufman, Jeff" is one name written surname first, not two authors.
                surname_first = re.fullmatch(r"[A-Z][\w'-]+, [A-Z][\w.' -]+", value) and " and " not in value
                authors = [value] if surname_first else re.split(r",\s*|\s+and\s+|\s*&\s*", value)
                break
    authors = list(dict.fromkeys(a for a in (_clean(a) for a in authors) if 1 < len(a) < 80))

    canonical = None
    for link in found["link"]:
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = (link.get("href") or "").strip()
            break
    if not canonical or not canonical.startswith(("http://", "https://")):
        canonical = meta.get("og:url") if (meta.get("og:url") or "").startswith(("http://", "https://")) else None

    return PageMeta(
        title=title or None,
        standfirst=standfirst or None,
        published=published,
        authors=tuple(authors[:10]),
        publisher=publisher,
        url=canonical or url,
        language=_language(root, meta),
    )

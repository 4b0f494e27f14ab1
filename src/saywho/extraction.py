"""``extract``: raw bytes or text in, one clean, attributed ``Article`` out.

The stages are the packages beside this module: ``input`` reads and decodes, ``cleaning``
separates the article from the publisher's boilerplate, ``attribution`` finds who said what.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from saywho.attribution import attribute
from saywho.cleaning import clean_text
from saywho.errors import EmptyInput, InputError
from saywho.input.dates import iso_date
from saywho.input.decode import decode, sniff, without_lone_surrogates
from saywho.records import Article, CleanedPage, RawDocument

BoilerplatePrior = Callable[[str], float]


def extract(
    raw: str | bytes,
    *,
    url: str | None = None,
    published: str | date | None = None,
    id: str = "input",
    source: str = "<input>",
    clean: bool = True,
    prior: BoilerplatePrior | None = None,
) -> Article:
    """Clean and attribute one article given as plain text or HTML (str or bytes).

    ``clean=False`` keeps plain text exactly as given, so that quote offsets index the input.
    ``prior`` is the corpus-level seam: it maps a block's text to the share of its publisher's
    articles that repeat it.
    """
    if published is not None:
        checked = iso_date(published)
        if checked is None:
            raise InputError(f"published {published!r} is not a date as YYYY-MM-DD", source=source)
        published = checked
    if isinstance(raw, str):
        raw = without_lone_surrogates(raw)
    kind = sniff(raw)
    if kind in ("warc", "gzip"):
        raise InputError("a WARC or gzip archive holds many pages: use `saywho extract FILE` or `saywho.input.read_path`", source=source)
    if kind == "html":
        from saywho.input.html import parse_html

        page = parse_html(raw, url=url, source=source, prior=prior)
    else:
        text = decode(raw, source=source) if isinstance(raw, bytes) else raw
        if not text.strip():
            raise EmptyInput("input is empty", source=source)
        page = clean_text(text, prior=prior) if clean else CleanedPage(paragraphs=(text,))
    return build_article(page, id=id, source=source, url=url, published=published, keep_layout=not clean)


def extract_document(
    doc: RawDocument,
    *,
    clean: bool = True,
    prior: BoilerplatePrior | None = None,
    url: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
) -> Article:
    """``extract`` on one item a reader yielded; what its record says (a JSONL line's title and
    publisher) fills what the page itself does not, and ``url``/``published`` override the record.
    ``publisher`` is the fallback when neither page nor record names one."""
    article = extract(doc.content, url=url or doc.url, published=published or doc.published, id=doc.id,
                      source=doc.source, clean=clean, prior=prior)
    publisher = (doc.meta.get("publisher") if doc.meta else None) or publisher
    title = doc.meta.get("title") if doc.meta else None
    if (article.publisher is None and publisher) or (article.title is None and title):
        from dataclasses import replace

        article = replace(article, publisher=article.publisher or publisher, title=article.title or title)
    return article


def build_article(
    page: CleanedPage,
    *,
    id: str,
    source: str,
    url: str | None = None,
    published: str | None = None,
    keep_layout: bool = False,
) -> Article:
    """Attribute a cleaned page and assemble the ``Article``; caller-given metadata wins."""
    text = page.paragraphs[0] if keep_layout else "\n\n".join(page.paragraphs)
    date = published or page.published
    found = attribute(text, published=date, title=page.title, standfirst=page.standfirst)
    return Article(
        id=id,
        source=source,
        text=text,
        url=url or page.url,
        publisher=page.publisher,
        published=date,
        title=page.title,
        standfirst=page.standfirst,
        authors=page.authors,
        boilerplate=page.boilerplate,
        quotes=found.quotes,
        people=found.people,
        language=page.language,
    )

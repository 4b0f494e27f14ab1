"""``saywho extract``: clean and attribute articles, one JSON object per input."""

from __future__ import annotations

import json
import re
import sys

import click

from saywho.errors import SaywhoError
from saywho.extraction import extract_document
from saywho.input.dates import iso_date
from saywho.input.sources import read_paths
from saywho.records import Article, Failure

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_date(ctx, param, value):
    if value is not None and (not _DATE.match(value) or iso_date(value) is None):
        raise click.BadParameter("expected a calendar date as YYYY-MM-DD")
    return value


def render_text(article: Article) -> str:
    lines = []
    if article.title:
        lines.append(f"# {article.title}")
    if article.standfirst:
        lines.append(f"_{article.standfirst}_")
    meta = [x for x in (article.publisher, article.published, ", ".join(article.authors)) if x]
    if meta:
        lines.append(" · ".join(meta))
    lines.append("")
    lines.append(article.text)
    if article.quotes:
        lines.append("")
        lines.append(f"## Quotes ({len(article.quotes)})")
        for q in article.quotes:
            where = f" [{q.field}]" if q.field != "text" else ""
            cue = q.cue.text if q.cue else "?"
            to = f" to {q.addressee}" if q.addressee else ""
            date = f" on {q.date}" if q.date else ""
            lines.append(f"- {q.speaker or 'unknown'} ({q.kind}, {cue}{to}{date}){where}: “{q.quote}”")
    if article.people:
        lines.append("")
        lines.append(f"## People ({len(article.people)})")
        for p in article.people:
            roles = f": {', '.join(p.roles)}" if p.roles else ""
            lines.append(f"- {p.name} ({p.kind}, {p.mentions} mention{'' if p.mentions == 1 else 's'}){roles}")
    if article.boilerplate:
        lines.append("")
        lines.append(f"## Removed ({len(article.boilerplate)} blocks)")
        lines.extend(f"- {b[:100]}" for b in article.boilerplate)
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, type=str)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default=None,
              help="json: one indented object per input (default for one input); jsonl: one line each (default for many); text: for reading.")
@click.option("--no-clean", is_flag=True, help="Keep plain text unchanged as `text`, so that offsets index the input.")
@click.option("--url", default=None, help="The article's URL, where the input does not say.")
@click.option("--published", default=None, callback=_check_date, help="Publication date YYYY-MM-DD, for resolving 'on Monday'.")
def extract(paths: tuple[str, ...], fmt: str | None, no_clean: bool, url: str | None, published: str | None) -> None:
    """Clean and attribute articles: files, directories (walked), JSONL, WARC, or - for stdin."""
    if not paths:
        paths = ("-",)
    failures = 0
    written = 0
    out = sys.stdout
    for item in read_paths(paths):
        if isinstance(item, Failure):
            failures += 1
            click.echo(f"error: {item.source}: {item.reason} [{item.code}]", err=True)
            continue
        try:
            article = extract_document(item, clean=not no_clean, url=url, published=published)
        except SaywhoError as err:
            failures += 1
            click.echo(f"error: {err}", err=True)
            continue
        except RecursionError:
            failures += 1
            click.echo(f"error: {item.source}: input is nested too deeply to parse [SW105]", err=True)
            continue
        style = fmt or ("json" if len(paths) == 1 and item.source == paths[0] else "jsonl")
        if style == "text":
            if written:
                out.write("\n" + "-" * 72 + "\n")
            out.write(render_text(article) + "\n")
        elif style == "json":
            out.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        written += 1
    out.flush()
    if failures:
        if written:
            click.echo(f"{failures} input(s) failed, {written} extracted", err=True)
        sys.exit(1)

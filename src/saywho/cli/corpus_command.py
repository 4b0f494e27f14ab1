"""Corpus commands: ``saywho run`` builds a store; ``quotes``, ``people``, ``export`` and
``datasette-metadata`` read it."""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from pathlib import Path

import click

from saywho.errors import SaywhoError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_date(ctx, param, value):
    if value is not None and not _DATE.match(value):
        raise click.BadParameter("expected YYYY-MM-DD (or YYYY-MM, YYYY)")
    return value


def _fail(err: SaywhoError, status: int = 2) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(status)


def _field_option(name: str, what: str):
    return click.option(f"--{name}-field", f"{name}_field", multiple=True, metavar="KEY",
                        help=f"JSONL key holding the {what} (repeatable; default: common names).")


@click.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=None, type=click.Path(dir_okay=False), help="SQLite store to create or extend (optional with --out).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: CPU count).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--address", default=None, metavar="ADDR", help="With --engine ray: Ray cluster to join (auto, ray://head:10001); default: a local Ray instance.")
@click.option("--out", default=None, metavar="DIR", help="With --engine ray: write Parquet shards to DIR (path or s3://...), then build --db from them if given.")
@click.option("--shard-size", type=click.IntRange(min=1), default=None, help="With --engine ray --out: input items per work shard (default 500).")
@_field_option("text", "plain text")
@_field_option("html", "HTML")
@_field_option("id", "article id")
@_field_option("url", "URL")
@_field_option("date", "publication date")
@_field_option("publisher", "publisher (else the URL host or the file name)")
@_field_option("title", "headline, where the page shows none")
@click.option("--no-prior", is_flag=True, help="Skip the first pass that finds blocks repeated across a publisher's articles.")
@click.option("--no-clean", is_flag=True, help="Store plain text unchanged (no boilerplate removal).")
@click.option("--retry-failures", is_flag=True, help="Process again the inputs that failed in earlier runs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--batch-size", type=click.IntRange(min=1), default=256, help="Results stored per transaction.")
def run(inputs, db, workers, engine, address, out, shard_size, text_field, html_field, id_field, url_field, date_field, publisher_field, title_field, no_prior, no_clean, retry_failures, quiet, batch_size):
    """Extract articles and quotes from INPUTS into the SQLite store --db.

    INPUTS are directories of .txt/.html files, JSONL(.gz) and WARC(.gz) files. Interrupted
    runs resume with the same command; inputs already stored are skipped.
    """
    from saywho.corpus.run import run_corpus
    from saywho.input.sources import JsonlFields

    defaults = JsonlFields()
    fields = JsonlFields(
        text=tuple(text_field) or defaults.text,
        html=tuple(html_field) or defaults.html,
        id=tuple(id_field) or defaults.id,
        url=tuple(url_field) or defaults.url,
        date=tuple(date_field) or defaults.date,
        publisher=tuple(publisher_field) or defaults.publisher,
        title=tuple(title_field) or defaults.title,
    )
    workers = workers or os.cpu_count() or 1
    from saywho.cli.ray_command import run_on_ray

    if run_on_ray(list(inputs), engine=engine, db=db, out=out, address=address, workers=workers, shard_size=shard_size,
                  fields=fields, clean=not no_clean, prior=not no_prior):
        return
    if db is None:
        raise click.UsageError("--db is required (or --engine ray --out DIR)")
    bar = None if quiet else _ProgressBar()
    args = {"inputs": list(inputs), "workers": workers, "engine": engine, "prior": not no_prior, "clean": not no_clean}
    try:
        summary = run_corpus(
            list(inputs), db, workers=workers, engine=engine, fields=fields, clean=not no_clean,
            with_prior=not no_prior, count_first=not no_prior, progress=bar, args=args, retry_failures=retry_failures, batch_size=batch_size,
        )
    except KeyboardInterrupt:
        if bar:
            bar.close()
        click.echo(f"\ninterrupted: what was processed is stored in {db}; run the same command to resume.", err=True)
        sys.exit(130)
    except SaywhoError as err:
        if bar:
            bar.close()
        _fail(err)
    if bar:
        bar.close()
    click.echo(
        f"{db}: {summary.articles} articles, {summary.quotes} quotes, {summary.failures} failures, "
        f"{summary.skipped} already stored; {summary.clusters} syndication clusters, {summary.people} people "
        f"({summary.rate:.1f} articles/s)",
        err=True,
    )
    for failure in summary.failure_samples[:5]:
        click.echo(f"  failed: {failure.source}: {failure.reason} [{failure.code}]", err=True)
    if summary.failures > 5:
        click.echo(f"  ... all failures: saywho export {db} --table failures --format csv", err=True)
    if summary.failures and not summary.articles and not summary.skipped:
        sys.exit(1)


class _ProgressBar:
    """tqdm on stderr, showing articles/s, quotes and failures, with an ETA when the total is known."""

    def __init__(self):
        self.bar = None

    def __call__(self, summary, total):
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="art", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
            self.done = 0
        done = summary.articles + summary.failures + summary.skipped
        if done > self.done:
            self.bar.update(done - self.done)
            self.done = done
            self.bar.set_postfix(quotes=summary.quotes, failures=summary.failures, skipped=summary.skipped, refresh=False)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def _open(db: str):
    from saywho.store import open_store

    try:
        return open_store(db, create=False)
    except SaywhoError as err:
        _fail(err)


def _emit(rows: list[dict], columns: list[str], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        widths = {c: min(60, max([len(c)] + [len(_cell(r.get(c))) for r in rows])) for c in columns}
        out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
        for row in rows:
            out.write("  ".join(_clip(_cell(row.get(c)), widths[c]).ljust(widths[c]) for c in columns).rstrip() + "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith("["):
        try:
            return ", ".join(json.loads(value))
        except (ValueError, TypeError):
            return value
    return str(value).replace("\n", " ")


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl", "csv"]), default="table", show_default=True)


@click.command("quotes")
@click.argument("db", type=str)
@click.option("--speaker", default=None, help="Speaker name, or part of it (aliases count).")
@click.option("--search", default=None, help="Words the quote contains, as a phrase.")
@click.option("--since", default=None, callback=_check_date, help="Said on or after this date.")
@click.option("--until", default=None, callback=_check_date, help="Said on or before this date.")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@FORMAT
def quotes(db, speaker, search, since, until, limit, fmt):
    """List quotes in the store DB, newest first, one row per statement (syndicated copies folded)."""
    from saywho.store.queries import find_quotes

    with _open(db) as store:
        rows = find_quotes(store.conn, speaker=speaker, search=search, since=since, until=until, limit=limit)
    columns = ["date", "speaker", "quote", "sources", "publisher"] if fmt == "table" else list(rows[0]) if rows else ["date", "speaker", "quote"]
    _emit(rows, columns, fmt)


@click.command("people")
@click.argument("db", type=str)
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--kind", type=click.Choice(["person", "organisation"]), default=None)
@FORMAT
def people(db, top, kind, fmt):
    """The most quoted speakers in the store DB (statements: syndicated copies count once)."""
    from saywho.store.queries import top_people

    with _open(db) as store:
        rows = top_people(store.conn, top=top, kind=kind)
    columns = ["name", "statement_count", "quote_count", "article_count", "roles"] if fmt == "table" else list(rows[0]) if rows else ["name"]
    _emit(rows, columns, fmt)


@click.command("export")
@click.argument("db", type=str)
@click.option("--table", default="quotes", show_default=True, help="articles, quotes, people, mentions, failures, runs or statements.")
@click.option("--format", "fmt", type=click.Choice(["parquet", "jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default=None, help="Output file (default: stdout; TABLE.parquet for parquet).")
def export(db, table, fmt, output):
    """Export one table of the store DB."""
    from saywho.store.export import export_table

    with _open(db) as store:
        try:
            n = export_table(store.conn, table, fmt, output)
        except SaywhoError as err:
            _fail(err)
        except BrokenPipeError:
            # the reader (`| head`) has all it wanted: like any Unix filter, stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except OSError as err:
            _fail(SaywhoError(f"cannot write: {err.strerror or err}", source=output))
    click.echo(f"{n} rows of {table} written to {output or ('stdout' if fmt != 'parquet' else table + '.parquet')}", err=True)


@click.command("datasette-metadata")
@click.argument("db", type=str, default="news.db")
def datasette_metadata(db):
    """Print Datasette metadata (labels, facets, search) for the store DB:
    `saywho datasette-metadata news.db > metadata.json; datasette news.db -m metadata.json`."""
    from importlib import resources

    _open(db).close()
    template = json.loads(resources.files("saywho.store").joinpath("metadata.json").read_text(encoding="utf-8"))
    template["databases"] = {Path(db).stem: template["databases"]["DATABASE"]}
    click.echo(json.dumps(template, indent=2, ensure_ascii=False))


COMMANDS = (run, quotes, people, export, datasette_metadata)

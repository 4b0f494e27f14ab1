"""Cluster commands: ``saywho build-db`` turns Parquet shards into the store, and the
``--engine ray --address --out`` part of ``saywho run`` (``run_on_ray``)."""

from __future__ import annotations

import os
import sys

import click

from saywho.errors import SaywhoError


def _fail(err: SaywhoError, status: int = 2) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(status)


def _report_store(db: str, summary) -> None:
    click.echo(
        f"{db}: {summary.articles} articles, {summary.quotes} quotes, {summary.failures} failures, "
        f"{summary.skipped} already stored; {summary.clusters} syndication clusters, {summary.people} people",
        err=True,
    )


def run_on_ray(
    inputs: list[str],
    *,
    engine: str,
    db: str | None,
    out: str | None,
    address: str | None,
    workers: int | None,
    shard_size: int | None,
    fields,
    clean: bool,
    prior: bool,
) -> bool:
    """The ``saywho run`` options that only the ray engine has. With ``--out`` this runs the
    job (then builds ``--db`` from the shards if given) and returns True; with only
    ``--address`` it points the ray executor at the cluster and returns False, leaving the run
    to ``run_corpus``."""
    if (out or address or shard_size) and engine != "ray":
        raise click.UsageError("--out, --address and --shard-size need --engine ray")
    if address:
        os.environ["RAY_ADDRESS"] = address
    if not out:
        return False
    from saywho.engines.base import RunOptions
    from saywho.engines.ray import run_to_shards
    from saywho.engines.ray_inputs import DEFAULT_SHARD_SIZE

    try:
        totals = run_to_shards(
            inputs, out, options=RunOptions(clean=clean), address=address, workers=None if address else workers,
            shard_size=shard_size or DEFAULT_SHARD_SIZE, fields=fields, prior=prior,
        )
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: finished shards are kept in {out}; run the same command to finish the rest.", err=True)
        sys.exit(130)
    except SaywhoError as err:
        _fail(err)
    rate = totals["articles"] / totals["seconds"] if totals["seconds"] else 0.0
    click.echo(
        f"{totals['out']}: {totals['shards']} shards ({totals['ran']} run now), {totals['articles']} articles, "
        f"{totals['quotes']} quotes, {totals['failures']} failures ({rate:.1f} articles/s)",
        err=True,
    )
    if db:
        _build(out, db)
    else:
        click.echo(f"next: saywho build-db {out} --db news.db", err=True)
    return True


def _build(shards: str, db: str) -> None:
    from saywho.engines.shards import build_db as build

    try:
        summary = build(shards, db)
    except KeyboardInterrupt:
        click.echo(f"\ninterrupted: run the same command to finish {db}.", err=True)
        sys.exit(130)
    except SaywhoError as err:
        _fail(err)
    _report_store(db, summary)


@click.command("build-db")
@click.argument("shards", metavar="DIR")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite store to create or extend.")
def build_db(shards, db):
    """Build the SQLite store --db from the Parquet shards a `saywho run --engine ray --out DIR`
    wrote (a local path or a pyarrow URI such as s3://bucket/run).

    Syndication clusters and speakers across articles are computed here, over the whole corpus.
    Articles already in --db are skipped, so shards of several runs can be added in turn.
    """
    _build(shards, db)

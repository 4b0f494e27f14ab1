"""``saywho serve``: browse a store in the browser (read-only), with a JSON API."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import click

from saywho.errors import MissingDependency, SaywhoError

DB_ENV = "SAYWHO_SERVE_DB"


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535),
              help="TCP port.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to bind. The default keeps the store private to this machine.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes; more use more cores under many concurrent clients.")
def serve(db: str, port: int, host: str, workers: int) -> None:
    """Serve a store built by `saywho run` as a read-only web UI and JSON API."""
    try:
        try:
            import uvicorn

            from saywho.web.app import HOSTS_ENV, allowed_hosts, create_app
            from saywho.web.queries import Store
        except ImportError as err:
            raise MissingDependency(f"saywho serve needs the web extra: pip install 'saywho[web]' ({err.name} is missing)") from None
        hosts = allowed_hosts(host)
        if workers == 1:
            app = create_app(db, hosts=hosts)
        else:
            # Each worker process loads the store's search columns itself; here the store is only
            # opened once to check it, so the parent holds no copy.
            Store(db)
    except SaywhoError as err:
        click.echo(f"error: {err}", err=True)
        raise SystemExit(1) from None
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as err:
        reason = os.strerror(err.errno) if err.errno else str(err)
        click.echo(f"error: cannot listen on {host}:{port}: {reason} (try another --port)", err=True)
        raise SystemExit(1) from None
    click.echo(f"saywho: serving {db} read-only on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    # Worker processes build their own app from the path (an app object cannot cross processes).
    os.environ[DB_ENV] = str(Path(db).resolve())
    os.environ[HOSTS_ENV] = ",".join(hosts)
    uvicorn.run("saywho.web.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)

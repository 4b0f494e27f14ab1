"""The SQLite corpus store: schema, migrations, the batch writer and the queries the CLI and
web app use. The schema is documented in ``docs/schema.md``."""

from __future__ import annotations

from saywho.store.db import SCHEMA_VERSION, Store, open_store

__all__ = ["SCHEMA_VERSION", "Store", "open_store"]

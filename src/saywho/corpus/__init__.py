"""Corpus runs: many inputs into one SQLite store, with corpus-level passes (boilerplate
prior, syndication clusters, speakers across articles)."""

from __future__ import annotations

"""saywho: who said what, to whom, and when, in the news."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Article", "Attribution", "InputError", "Person", "Quote", "SaywhoError", "attribute", "extract"]

# Loaded on first use, so that `saywho quotes` and `saywho serve` start without the models.
_LAZY = {
    "attribute": "saywho.attribution",
    "extract": "saywho.extraction",
    "InputError": "saywho.errors",
    "SaywhoError": "saywho.errors",
    "Article": "saywho.records",
    "Attribution": "saywho.records",
    "Person": "saywho.records",
    "Quote": "saywho.records",
}

if TYPE_CHECKING:
    from saywho.attribution import attribute
    from saywho.errors import InputError, SaywhoError
    from saywho.extraction import extract
    from saywho.records import Article, Attribution, Person, Quote


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'saywho' has no attribute {name!r}")

"""saywho: who said what, to whom, and when, in the news."""

from saywho.attribution import attribute
from saywho.errors import InputError, SaywhoError
from saywho.extraction import extract
from saywho.records import Article, Attribution, Person, Quote

__version__ = "0.1.0"
__all__ = ["Article", "Attribution", "InputError", "Person", "Quote", "SaywhoError", "attribute", "extract"]

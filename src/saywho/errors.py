"""Errors a user can meet. Each has a stable code and a one-line message naming the input."""

from __future__ import annotations


class SaywhoError(Exception):
    """Base of every error saywho raises on purpose. ``str(err)`` is the one-line message."""

    code = "SW000"

    def __init__(self, message: str, *, source: str | None = None):
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.message} [{self.code}]"


class MissingDependency(SaywhoError):
    """An optional extra (web, ray, parquet) is not installed."""

    code = "SW001"


class InputError(SaywhoError):
    """The input cannot be read as an article."""

    code = "SW100"


class EmptyInput(InputError):
    code = "SW101"


class BinaryInput(InputError):
    code = "SW102"


class UndecodableInput(InputError):
    code = "SW103"


class InputTooLarge(InputError):
    code = "SW104"


class MalformedInput(InputError):
    """A container (JSONL line, WARC record, gzip stream) is broken."""

    code = "SW105"


class MissingInput(InputError):
    code = "SW106"


class StoreError(SaywhoError):
    """The SQLite store cannot be opened, written or migrated."""

    code = "SW200"


class ShardError(StoreError):
    """A shard directory is missing, incomplete or unreadable."""

    code = "SW210"


class RayError(SaywhoError):
    """The Ray cluster cannot be reached or a cluster job failed."""

    code = "SW300"

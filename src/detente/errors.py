"""Errors raised by detente, each with a stable code in its message.

    DetenteError
    ├── InputError      bad input that stops a whole command (file missing, unreadable)   [D1xx]
    ├── OntologyError   a bundled data table is malformed (names file:line:field)         [D2xx]
    ├── StoreError      the DuckDB store cannot be opened or written                       [D3xx]
    └── ConfigError     an option or setting is invalid (unknown model, bad date)          [D4xx]

A single bad document is not an exception: ingest yields a ``Rejected`` record for it, and the
pipeline counts it and goes on.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class. ``code`` is a stable identifier such as "D101"."""

    code = "D000"

    def __init__(self, detail: str, *, code: str | None = None) -> None:
        self.code = code or self.code
        self.detail = detail
        super().__init__(f"[{self.code}] {detail}")


class InputError(DetenteError):
    code = "D100"


class OntologyError(DetenteError):
    code = "D200"


class StoreError(DetenteError):
    code = "D300"


class ConfigError(DetenteError):
    code = "D400"


__all__ = ["ConfigError", "DetenteError", "InputError", "OntologyError", "StoreError"]

"""Stable codes for rejected inputs (documented in ``detente.ingest``'s docstring)."""

from __future__ import annotations

EMPTY = "D101"
BINARY = "D102"
BAD_UTF8 = "D103"
BAD_JSON = "D104"
MISSING_FIELD = "D105"
WRONG_TYPE = "D106"
BAD_DATE = "D107"
DUPLICATE_ID = "D108"
LANGUAGE = "D109"
NO_MAIN_TEXT = "D110"
UNREADABLE = "D111"
NOT_FOUND = "D112"
BAD_TABLE = "D113"

__all__ = [
    "BAD_DATE", "BAD_JSON", "BAD_TABLE", "BAD_UTF8", "BINARY", "DUPLICATE_ID", "EMPTY", "LANGUAGE",
    "MISSING_FIELD", "NOT_FOUND", "NO_MAIN_TEXT", "UNREADABLE", "WRONG_TYPE",
]

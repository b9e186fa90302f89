"""Small SQL-building helpers shared by the modules that read the store."""

from __future__ import annotations

import datetime as dt


def date_bounds(column: str, since: dt.date | None, until: dt.date | None) -> tuple[list[str], list[object]]:
    """WHERE clauses and parameters for ``column`` in [since, until] (either bound optional)."""
    clauses: list[str] = []
    params: list[object] = []
    if since is not None:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return clauses, params


__all__ = ["date_bounds"]

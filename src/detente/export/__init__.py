"""Exports of event clusters (one row per real-world event): GDELT 2.0 events, PLOVER JSON Lines,
CSV and Parquet. Reads ``clusters``/``cluster_members``/``events``/``documents``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO

import duckdb

from detente.dedup.records import load_clusters
from detente.errors import ConfigError
from detente.export.gdelt import GDELT_COLUMNS, write_gdelt
from detente.export.plover import write_plover
from detente.export.tabular import write_csv, write_parquet

EXPORT_FORMATS = ("gdelt", "plover", "csv", "parquet")


def export_clusters(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    *,
    stream: TextIO | None = None,
    folder: str | Path | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Write clusters dated in [since, until] as ``fmt`` to ``stream`` (parquet: to ``folder``)."""
    records = load_clusters(con, since=since, until=until)
    if fmt == "parquet":
        if folder is None:
            raise ConfigError("parquet export needs --output FOLDER", code="D420")
        return write_parquet(records, folder)
    if stream is None:
        raise ConfigError(f"{fmt} export needs an output stream", code="D420")
    writers = {"gdelt": write_gdelt, "plover": write_plover, "csv": write_csv}
    if fmt not in writers:
        raise ConfigError(
            f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}", code="D421"
        )
    return writers[fmt](records, stream)


__all__ = ["EXPORT_FORMATS", "GDELT_COLUMNS", "export_clusters"]

"""Exports of event clusters (one row per real-world event): GDELT 2.0 events, PLOVER JSON Lines,
POLECAT-style and ICEWS-style tables, CSV and Parquet. Reads ``clusters``/``cluster_members``/
``events``/``documents`` through :func:`detente.query.query_clusters`, so the defaults of
:mod:`detente.filters` hold: current, non-negated events only unless ``filters`` says otherwise.

Every export returns an :class:`ExportSummary` saying how many events it wrote and how many it
left out, and why (and logs it). Written to a file, a text export gets a sidecar schema
(``<file>.schema.json``) that :func:`read_export` uses to load it with the right dtypes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

from detente.dedup.records import ClusterRecord
from detente.errors import ConfigError, InputError
from detente.export.gdelt import GDELT_COLUMNS, GDELT_LAYOUT, write_gdelt
from detente.export.icews import ICEWS_LAYOUT, write_icews
from detente.export.plover import PLOVER_LAYOUT, write_plover
from detente.export.polecat import POLECAT_LAYOUT, write_polecat
from detente.export.schema import Layout, read_export, write_sidecar
from detente.export.tabular import CSV_LAYOUT, PARQUET_LAYOUT, write_csv, write_parquet
from detente.filters import DEFAULT_FILTER, DEFAULT_STATUS, EventFilter, Omitted
from detente.query import omitted_clusters, query_clusters

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("gdelt", "plover", "polecat", "icews", "csv", "parquet")
LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (
    GDELT_LAYOUT, PLOVER_LAYOUT, POLECAT_LAYOUT, ICEWS_LAYOUT, CSV_LAYOUT, PARQUET_LAYOUT)}
NEEDS_PLOVER = ("plover", "polecat")  # formats whose rows need a PLOVER type


@dataclass(frozen=True)
class ExportSummary:
    """What one export wrote, and what it left out and why."""

    format: str
    written: int
    omitted: Omitted
    schema: Path | None = None  # the sidecar schema file, when one was written

    def describe(self) -> str:
        return f"exported {self.written} events as {self.format}; {self.omitted.describe()}"


def _records(con: duckdb.DuckDBPyConnection, fmt: str,
             filters: EventFilter) -> tuple[list[ClusterRecord], Omitted]:
    records = query_clusters(con, filters=filters)
    left_out = omitted_clusters(con, filters=filters)
    if fmt in NEEDS_PLOVER:
        kept = [record for record in records if record.plover]
        left_out = left_out.plus("without a PLOVER type", len(records) - len(kept))
        records = kept
    if fmt == "gdelt":
        unmarked = sum(record.status != DEFAULT_STATUS or record.negated for record in records)
        if unmarked:
            log.warning("GDELT rows have no status column: %d events that are not current news are "
                        "written unmarked", unmarked)
    return records, left_out


def _write(fmt: str, records: list[ClusterRecord], stream: TextIO, header: bool) -> int:
    if fmt == "plover":
        return write_plover(records, stream)
    if fmt == "csv":
        return write_csv(records, stream)
    writers = {"gdelt": write_gdelt, "polecat": write_polecat, "icews": write_icews}
    return writers[fmt](records, stream, header=header)


def _open(path: Path) -> TextIO:
    try:
        return path.open("w", encoding="utf-8", newline="")
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror}", code="D131") from err


def export_clusters(con: duckdb.DuckDBPyConnection, fmt: str, target: TextIO | str | Path | None = None,
                    *, filters: EventFilter = DEFAULT_FILTER, header: bool = True) -> ExportSummary:
    """Write the clusters ``filters`` keeps as ``fmt`` to ``target``.

    ``target`` is an open text stream (no sidecar), a file path (the file and its
    ``.schema.json`` sidecar), or for ``parquet`` a folder. ``header=False`` leaves out the header
    row of the GDELT, POLECAT and ICEWS tables (GDELT's own files have none).
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}",
                          code="D421")
    if target is None or (fmt == "parquet" and not isinstance(target, str | Path)):
        raise ConfigError(f"{fmt} export needs " + ("--output FOLDER" if fmt == "parquet" else
                                                    "an output stream or file"), code="D420")
    records, left_out = _records(con, fmt, filters)
    schema = None
    if isinstance(target, str | Path):
        path = Path(target)
        if fmt == "parquet":
            written = write_parquet(records, path)
        else:
            with _open(path) as stream:
                written = _write(fmt, records, stream, header)
        schema = write_sidecar(LAYOUTS[fmt], path, header=header)
    else:
        written = _write(fmt, records, target, header)
    summary = ExportSummary(fmt, written, left_out, schema)
    log.info("%s", summary.describe())
    return summary


__all__ = [
    "EXPORT_FORMATS",
    "GDELT_COLUMNS",
    "LAYOUTS",
    "ExportSummary",
    "export_clusters",
    "read_export",
]

"""Flat cluster exports: CSV (one row per cluster), Parquet partitioned by event month, and a
plain-text table for the terminal. Both carry status, modality and confidence; their column
types are ``FLAT_TYPES`` (CSV: in the sidecar schema; Parquet: in the file)."""

from __future__ import annotations

import csv
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import pyarrow as pa

from detente.dedup.records import ClusterRecord
from detente.errors import InputError
from detente.export.schema import FieldType, Layout, typed_columns

log = logging.getLogger(__name__)

FLAT_COLUMNS: tuple[str, ...] = (
    "cluster_id",
    "date",
    "year_month",
    "source_text",
    "source_name",
    "source_country",
    "source_sector",
    "source_code",
    "target_text",
    "target_name",
    "target_country",
    "target_sector",
    "target_code",
    "cameo",
    "cameo_root",
    "cameo_name",
    "plover",
    "plover_mode",
    "quad_class",
    "goldstein",
    "negated",
    "status",
    "modality",
    "confidence",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_seen",
    "last_seen",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "representative_event_id",
    "url",
    "outlet",
    "sentence",
    "event_ids",
    "doc_ids",
)
UNKNOWN_MONTH = "unknown"
FLAT_TYPES: dict[str, FieldType] = {
    "date": "date",
    "first_seen": "datetime",
    "last_seen": "datetime",
    **{name: "integer" for name in ("quad_class", "num_mentions", "num_articles", "num_sources")},
    **{name: "number" for name in ("goldstein", "confidence", "lat", "lon")},
    "negated": "boolean",
}
CSV_LAYOUT = Layout("csv", "csv", typed_columns(FLAT_COLUMNS, FLAT_TYPES))
PARQUET_LAYOUT = Layout("parquet", "parquet", CSV_LAYOUT.columns)
_ARROW_TYPES = {"date": pa.date32(), "datetime": pa.timestamp("us"), "integer": pa.int32(),
                "number": pa.float64(), "boolean": pa.bool_(), "string": pa.string()}
ARROW_SCHEMA = pa.schema([(c.name, _ARROW_TYPES[c.type]) for c in CSV_LAYOUT.columns])


def flat_row(record: ClusterRecord) -> dict[str, Any]:
    """One cluster as flat, typed values (dates stay dates, lists are joined with ';')."""
    source, target, location = record.source or {}, record.target or {}, record.location or {}
    row: dict[str, Any] = {
        "cluster_id": record.cluster_id,
        "date": record.date,
        "year_month": record.date.strftime("%Y-%m") if record.date else UNKNOWN_MONTH,
    }
    for role, actor in (("source", source), ("target", target)):
        for key in ("text", "name", "country", "sector", "code"):
            row[f"{role}_{key}"] = actor.get(key)
    row.update(
        {
            "cameo": record.cameo,
            "cameo_root": record.cameo_root,
            "cameo_name": record.cameo_name,
            "plover": record.plover,
            "plover_mode": record.plover_mode,
            "quad_class": record.quad_class,
            "goldstein": record.goldstein,
            "negated": record.negated,
            "status": record.status,
            "modality": record.modality,
            "confidence": record.confidence,
            "num_mentions": record.num_mentions,
            "num_articles": record.num_articles,
            "num_sources": record.num_sources,
            "first_seen": record.first_seen,
            "last_seen": record.last_seen,
            "location_name": location.get("name"),
            "location_country": location.get("country"),
            "lat": location.get("lat"),
            "lon": location.get("lon"),
            "representative_event_id": record.representative_event_id,
            "url": record.url,
            "outlet": record.outlet,
            "sentence": record.sentence,
            "event_ids": ";".join(record.event_ids),
            "doc_ids": ";".join(record.doc_ids),
        }
    )
    return row


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _cell(value: Any) -> str:
    """A value on one line: tabs and line breaks become spaces."""
    return " ".join(_text(value).replace("\t", " ").splitlines()) if value is not None else ""


def write_delimited(layout: Layout, rows: Iterable[Sequence[Any]], stream: TextIO, *,
                    header: bool = True) -> int:
    """Write rows (values in ``layout``'s column order) with ``layout``'s delimiter; returns rows.

    Values stay on one line; a value holding a quote or the delimiter is quoted as CSV does.
    """
    writer = csv.writer(stream, delimiter=layout.delimiter, lineterminator="\n")
    if header:
        writer.writerow([column.name for column in layout.columns])
    count = 0
    for row in rows:
        writer.writerow([_cell(value) for value in row])
        count += 1
    return count


def write_csv(records: Iterable[ClusterRecord], stream: TextIO) -> int:
    rows = ([flat_row(record)[c] for c in FLAT_COLUMNS] for record in records)
    return write_delimited(CSV_LAYOUT, rows, stream)


def write_parquet(records: Iterable[ClusterRecord], folder: str | Path) -> int:
    """Write ``folder/year_month=YYYY-MM/part-0.parquet`` (hive partitioning); returns rows."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"{folder}: parquet export needs a folder, and this is a file", code="D130")
    import pyarrow.dataset as pads  # 0.4 s to import (it loads pandas): only Parquet needs it

    rows = [flat_row(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=ARROW_SCHEMA)
    partitioning = pads.partitioning(pa.schema([("year_month", pa.string())]), flavor="hive")
    pads.write_dataset(
        table,
        folder,
        format="parquet",
        partitioning=partitioning,
        existing_data_behavior="delete_matching",
        basename_template="part-{i}.parquet",
    )
    log.info("wrote %d clusters to %s", len(rows), folder)
    return len(rows)


__all__ = ["ARROW_SCHEMA", "CSV_LAYOUT", "FLAT_COLUMNS", "FLAT_TYPES", "PARQUET_LAYOUT", "UNKNOWN_MONTH",
           "flat_row", "write_csv", "write_delimited", "write_parquet"]

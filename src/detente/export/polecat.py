"""POLECAT-style tab-separated export: one row per cluster with a PLOVER type, under the column
names of the POLECAT weekly release files (Harvard Dataverse; PLOVER-coded global event data),
then detente's own columns.

What detente fills: ``Event ID`` (``detente-<cluster id>``), ``Event Date``, ``Event Type`` (the
PLOVER type), ``Event Mode``, ``Quad Code`` (PLOVER's own quad table, as in the PLOVER export),
actor and recipient ``Name`` (resolved name), ``Country`` (ISO3), ``Primary ... Sector`` and
``... Sectors`` (sector code), ``Name Raw`` (the text), the place (``Placename``, ``City`` or
``Province`` by precision, ``Country`` ISO3, ``Latitude``, ``Longitude``, ``GeoNames ID``, ``Raw
Placename``, ``Feature Type``), ``Source`` (outlet), ``Publication Date``, ``Language`` and
``Version``. Left empty because detente does not code them: ``Event Intensity`` (PLOVER scores
are not Goldstein values), ``Contexts``, the COW codes, titles, Wikipedia ids, ``District`` and
the story-level people, organisations and locations.

Extra columns: ``Status``, ``Modality``, ``Confidence``, ``Goldstein``, ``CAMEO Code``,
``Mentions``, ``Articles``, ``Sources`` and ``Source URL``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from detente import __version__
from detente.dedup.records import ClusterRecord
from detente.export.plover import plover_quads
from detente.export.schema import FieldType, Layout, typed_columns
from detente.export.tabular import write_delimited


def _actor_columns(role: str) -> tuple[str, ...]:
    return (f"{role} Name", f"{role} Country", f"{role} COW", f"Primary {role} Sector", f"{role} Sectors",
            f"{role} Title", f"{role} Name Raw", f"Wikipedia {role} ID")


POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    *_actor_columns("Actor"), *_actor_columns("Recipient"),
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
    "Status", "Modality", "Confidence", "Goldstein", "CAMEO Code", "Mentions", "Articles", "Sources",
    "Source URL",
)
_TYPES: dict[str, FieldType] = {
    "Event Date": "date", "Publication Date": "date", "Event Intensity": "number", "Quad Code": "integer",
    "Actor COW": "integer", "Recipient COW": "integer", "Latitude": "number", "Longitude": "number",
    "GeoNames ID": "integer", "Confidence": "number", "Goldstein": "number", "Mentions": "integer",
    "Articles": "integer", "Sources": "integer",
}
POLECAT_LAYOUT = Layout("polecat", "tsv", typed_columns(POLECAT_COLUMNS, _TYPES))


def _actor(actor: dict[str, Any] | None) -> list[Any]:
    actor = actor or {}
    sector = actor.get("sector")
    return [actor.get("name") or actor.get("text"), actor.get("country"), None, sector, sector, None,
            actor.get("text"), None]


def _place(location: dict[str, Any] | None) -> list[Any]:
    location = location or {}
    precision = location.get("precision")
    name = location.get("name")
    return [name, name if precision == "city" else None, None, name if precision == "admin1" else None,
            location.get("country"), location.get("lat"), location.get("lon"), location.get("geonames_id"),
            location.get("text"), location.get("feature_class")]


def polecat_row(record: ClusterRecord) -> list[Any]:
    """The POLECAT-style fields of one cluster, in ``POLECAT_COLUMNS`` order."""
    return [
        f"detente-{record.cluster_id}", record.date, record.plover, record.plover_mode, None,
        plover_quads().get(record.plover or ""), None,
        *_actor(record.source), *_actor(record.target), *_place(record.location),
        record.outlet, record.published, None, None, None, record.language, f"detente {__version__}",
        record.status, record.modality, record.confidence, record.goldstein, record.cameo,
        record.num_mentions, record.num_articles, record.num_sources, record.url,
    ]


def write_polecat(records: Iterable[ClusterRecord], stream: TextIO, *, header: bool = True) -> int:
    """Write one row per cluster (each must have a PLOVER type); returns rows written."""
    return write_delimited(POLECAT_LAYOUT, (polecat_row(r) for r in records), stream, header=header)


__all__ = ["POLECAT_COLUMNS", "POLECAT_LAYOUT", "polecat_row", "write_polecat"]

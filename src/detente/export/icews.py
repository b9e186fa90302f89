"""ICEWS-style tab-separated export: one row per cluster under the column names of the ICEWS
coded event files (Harvard Dataverse), then detente's own columns.

``Event ID`` is the integer GDELT export's GLOBALEVENTID; ``Source Name`` and ``Target Name``
are the resolved names (else the text); ``Source Sectors`` and ``Target Sectors`` hold detente's
sector code (GOV, MIL, ...) rather than ICEWS's sector names; ``Source Country`` and ``Target
Country`` are country names, as in ICEWS. ``Event Text`` is the CAMEO name, ``CAMEO Code`` the
zero-padded code, ``Intensity`` the ICEWS CAMEO-codebook Goldstein value. ``Story ID`` and
``Sentence Number`` (counted from 1) point at the representative report; ``Publisher`` is its
outlet. The place fills ``City`` or ``Province`` by its precision, ``Country`` (name),
``Latitude`` and ``Longitude``; ``District`` stays empty.

Extra columns: ``Status``, ``Modality``, ``Confidence``, ``Mentions`` and ``Source URL``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from detente.dedup.records import ClusterRecord
from detente.export.gdelt import global_event_id
from detente.export.schema import FieldType, Layout, typed_columns
from detente.export.tabular import write_delimited
from detente.filters import country_name

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "Status", "Modality", "Confidence", "Mentions", "Source URL",
)
_TYPES: dict[str, FieldType] = {
    "Event ID": "integer", "Event Date": "date", "Intensity": "number", "Sentence Number": "integer",
    "Latitude": "number", "Longitude": "number", "Confidence": "number", "Mentions": "integer",
}
ICEWS_LAYOUT = Layout("icews", "tsv", typed_columns(ICEWS_COLUMNS, _TYPES))


def _country(code: str | None) -> str | None:
    return country_name(code) if code else None


def _actor(actor: dict[str, Any] | None) -> list[Any]:
    actor = actor or {}
    return [actor.get("name") or actor.get("text"), actor.get("sector"), _country(actor.get("country"))]


def icews_row(record: ClusterRecord) -> list[Any]:
    """The ICEWS-style fields of one cluster, in ``ICEWS_COLUMNS`` order."""
    location = record.location or {}
    precision, place = location.get("precision"), location.get("name")
    sentence = None if record.sentence_index is None else record.sentence_index + 1
    return [
        global_event_id(record.cluster_id), record.date, *_actor(record.source), record.cameo_name,
        record.cameo, record.goldstein, *_actor(record.target), record.doc_id, sentence, record.outlet,
        place if precision == "city" else None, None, place if precision == "admin1" else None,
        _country(location.get("country")), location.get("lat"), location.get("lon"),
        record.status, record.modality, record.confidence, record.num_mentions, record.url,
    ]


def write_icews(records: Iterable[ClusterRecord], stream: TextIO, *, header: bool = True) -> int:
    """Write one row per cluster; returns rows written."""
    return write_delimited(ICEWS_LAYOUT, (icews_row(r) for r in records), stream, header=header)


__all__ = ["ICEWS_COLUMNS", "ICEWS_LAYOUT", "icews_row", "write_icews"]

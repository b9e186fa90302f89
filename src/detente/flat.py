"""One flat row per event: the columns of ``detente code --output-format csv`` and of the Python
API's event DataFrames (``detente.api``).

Actors become ``source_*`` / ``target_*`` columns (every key of ``ACTOR_KEYS``, ``code`` and
``country_source`` included), the trigger ``trigger_text`` / ``trigger_start`` / ``trigger_end``,
the location ``location_*``. ``EVENT_DTYPES`` gives the pandas dtype of each column that is not
text: CAMEO codes stay text, so "045" keeps its zero.
"""

from __future__ import annotations

from typing import Any

from detente.models import ACTOR_KEYS

LOCATION_KEYS = ("name", "country", "admin1", "lat", "lon", "geonames_id", "precision")
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "date", "date_precision",
    *(f"source_{k}" for k in ACTOR_KEYS), *(f"target_{k}" for k in ACTOR_KEYS),
    "cameo", "cameo_root", "cameo_name", "plover", "plover_mode", "goldstein", "quad_class", "negated",
    "modality", "status", "confidence", "coder", "trigger_text", "trigger_start", "trigger_end",
    *(f"location_{k}" for k in LOCATION_KEYS), "quote_id", "sentence", "ontology_version",
    "detente_version",
)
# pandas dtypes of the columns that are not text ("date" becomes datetime64 in the API's frames).
EVENT_DTYPES: dict[str, str] = {
    "sentence_index": "Int64", "quad_class": "Int64", "trigger_start": "Int64", "trigger_end": "Int64",
    "location_geonames_id": "Int64", "goldstein": "float64", "confidence": "float64",
    "location_lat": "float64", "location_lon": "float64", "negated": "boolean",
}


def flatten_event(event: dict[str, Any]) -> dict[str, Any]:
    """One event dict (``Event.to_dict()``) as a flat row keyed by ``EVENT_COLUMNS``."""
    row = {key: event.get(key) for key in EVENT_COLUMNS if key in event}
    for role in ("source", "target"):
        actor = event.get(role) or {}
        row.update({f"{role}_{k}": actor.get(k) for k in ACTOR_KEYS})
    trigger = event.get("trigger") or {}
    row.update({f"trigger_{k}": trigger.get(k) for k in ("text", "start", "end")})
    location = event.get("location") or {}
    row.update({f"location_{k}": location.get(k) for k in LOCATION_KEYS})
    return {key: row.get(key) for key in EVENT_COLUMNS}


__all__ = ["EVENT_COLUMNS", "EVENT_DTYPES", "LOCATION_KEYS", "flatten_event"]

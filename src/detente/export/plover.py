"""PLOVER JSON Lines export, following the PLOVER manual's "Data Fields" chapter (draft 0.8).

One record per cluster that has a PLOVER type: the required fields ``id``, ``date``, ``actor``,
``event`` and the optional ``recipient``, ``event_loc``, ``event_text``, ``quad_code``, ``mode``,
``context``, ``text``, ``cite_info``, ``coder``, ``coded_date``. Entity objects
use the manual's names (``code`` country, ``sector``, ``entity_text``, ``identifier_text``).
``quad_code`` follows PLOVER's own table (SANCTION is verbal conflict), read from
data/export/plover_quad.csv (CC BY-SA 4.0, see NOTICE there). ``event_scale`` is left out: PLOVER
scores are not Goldstein values; the Goldstein value travels as the extra field ``goldstein``,
with ``cameo``, ``status``, ``modality``, ``confidence``, ``negated``, ``num_mentions``,
``num_articles`` and ``num_sources`` (the manual allows extra named fields). ``context`` is an
empty list: detente does not code context yet. Only clusters with a PLOVER type are written
(``event`` is required); detente.export leaves the others out and says so.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from detente import __version__
from detente.dedup.records import ClusterRecord
from detente.export.schema import FieldType, Layout, typed_columns

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "export"


@cache
def plover_quads() -> dict[str, int]:
    text = (DATA_DIR / "plover_quad.csv").read_text(encoding="utf-8")
    return {row["plover"]: int(row["quad_class"]) for row in csv.DictReader(text.splitlines())}


def _entity(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if actor is None:
        return []
    return [
        {
            "code": actor.get("country"),
            "sector": actor.get("sector"),
            "entity_text": actor.get("text"),
            "identifier_text": actor.get("name"),
        }
    ]


def _location(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if not location:
        return None
    return {
        "extracted_place": location.get("text"),
        "resolved_place": location.get("name"),
        "geonameid": location.get("geonames_id"),
        "lat": location.get("lat"),
        "lon": location.get("lon"),
        "country_code": location.get("country"),
        "province": location.get("admin1"),
        "feature_class": location.get("feature_class"),
        "resolution": {"country": 1, "admin1": 2, "city": 4}.get(location.get("precision") or ""),
    }


def plover_record(record: ClusterRecord, *, coded_date: dt.date) -> dict[str, Any]:
    """One PLOVER event object for a cluster with a PLOVER type."""
    return {
        "id": f"detente-{record.cluster_id}",
        "date": record.date.isoformat() if record.date else None,
        "actor": _entity(record.source),
        "recipient": _entity(record.target),
        "event": [record.plover],
        "event_loc": _location(record.location),
        "event_text": [record.trigger_text] if record.trigger_text else [],
        "quad_code": plover_quads().get(record.plover or ""),
        "mode": [record.plover_mode] if record.plover_mode else [],
        "context": [],
        "text": record.sentence,
        "cite_info": {
            "url": record.url,
            "title": record.title,
            "language": record.language,
            "publication": record.outlet,
            "coder": record.coder or f"detente {__version__}",
            "codebook": "plover-0.8",
        },
        "coder": f"detente {__version__}",
        "coded_date": coded_date.isoformat(),
        "cameo": record.cameo,
        "goldstein": record.goldstein,
        "status": record.status,
        "modality": record.modality,
        "confidence": record.confidence,
        "negated": record.negated,
        "num_mentions": record.num_mentions,
        "num_articles": record.num_articles,
        "num_sources": record.num_sources,
    }


PLOVER_FIELDS = ("id", "date", "actor", "recipient", "event", "event_loc", "event_text", "quad_code", "mode",
                 "context", "text", "cite_info", "coder", "coded_date", "cameo", "goldstein", "status",
                 "modality", "confidence", "negated", "num_mentions", "num_articles", "num_sources")
_TYPES: dict[str, FieldType] = {
    "date": "date", "coded_date": "date", "quad_code": "integer", "goldstein": "number",
    "confidence": "number", "negated": "boolean", "num_mentions": "integer", "num_articles": "integer",
    "num_sources": "integer", "event_loc": "object", "cite_info": "object",
    **{name: "array" for name in ("actor", "recipient", "event", "event_text", "mode", "context")},
}
PLOVER_LAYOUT = Layout("plover", "jsonl", typed_columns(PLOVER_FIELDS, _TYPES))


def write_plover(
    records: Iterable[ClusterRecord], stream: TextIO, *, coded_date: dt.date | None = None
) -> int:
    """Write one JSON line per cluster (each must have a PLOVER type); returns lines written."""
    coded_date = coded_date or dt.date.today()
    count = 0
    for record in records:
        stream.write(json.dumps(plover_record(record, coded_date=coded_date), ensure_ascii=False) + "\n")
        count += 1
    return count


__all__ = ["PLOVER_FIELDS", "PLOVER_LAYOUT", "plover_quads", "plover_record", "write_plover"]

"""PLOVER JSON Lines export, following the PLOVER manual's "Data Fields" chapter (draft 0.8).

One record per cluster that has a PLOVER type: the required fields ``id``, ``date``, ``actor``,
``event`` and the optional ``recipient``, ``event_loc``, ``event_text``, ``quad_code``, ``mode``,
``context``, ``text``, ``cite_info``, ``coder``, ``coded_date``. Entity objects
use the manual's names (``code`` country, ``sector``, ``entity_text``, ``identifier_text``).
``quad_code`` follows PLOVER's own table (SANCTION is verbal conflict), read from
data/export/plover_quad.csv (CC BY-SA 4.0, see NOTICE there). ``event_scale`` is left out: PLOVER
scores are not Goldstein values; the Goldstein value travels as the extra field ``goldstein``,
with ``cameo``, ``num_mentions``, ``num_articles``, ``num_sources`` and ``negated`` (the manual
allows extra named fields). ``context`` is an empty list: detente does not code context yet.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import logging
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from detente import __version__
from detente.dedup.records import ClusterRecord

log = logging.getLogger(__name__)
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
        "negated": record.negated,
        "num_mentions": record.num_mentions,
        "num_articles": record.num_articles,
        "num_sources": record.num_sources,
    }


def write_plover(
    records: Iterable[ClusterRecord], stream: TextIO, *, coded_date: dt.date | None = None
) -> int:
    """Write JSON Lines; clusters without a PLOVER type are skipped (``event`` is required)."""
    coded_date = coded_date or dt.date.today()
    count = skipped = 0
    for record in records:
        if not record.plover:
            skipped += 1
            continue
        stream.write(json.dumps(plover_record(record, coded_date=coded_date), ensure_ascii=False) + "\n")
        count += 1
    if skipped:
        log.info("skipped %d clusters without a PLOVER type", skipped)
    return count


__all__ = ["plover_quads", "plover_record", "write_plover"]

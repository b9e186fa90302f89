"""GDELT 2.0 Event table export: 61 tab-separated columns, one row per cluster, with a header
row unless ``header=False`` (GDELT's own files have none).

Column names are those of GDELT's BigQuery table ``gdelt-bq.gdeltv2.events`` and its published
header files (``GLOBALEVENTID``, ``SQLDATE``, ..., ``DATEADDED``, ``SOURCEURL``), which the GDELT
2.0 codebook calls GlobalEventID and Day. Types follow the BigQuery schema (``GDELT_LAYOUT``).
GDELT has no column for status or modality, and none is added: by default only current events
are exported (see detente.filters).

Conventions (GDELT 2.0 Event Database codebook):
- GLOBALEVENTID: a stable integer, the first 15 hex digits of the cluster id (fits in int64).
- SQLDATE YYYYMMDD, MonthYear YYYYMM, Year, FractionDate = Year + (Month * 30 + Day) / 365.
- Actor codes are CAMEO actor codes: ISO3 country + sector ("RUSGOV"); the country code is
  ISO3; Type1Code is the sector. Known group, ethnic and religion codes are left empty.
- EventCode/EventBaseCode/EventRootCode are strings with leading zeros ("0871", "087", "08").
- QuadClass follows GDELT: roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
- GoldsteinScale: the stored (ICEWS codebook) value, replaced by GDELT's own value for the four
  codes where GDELT's lookup differs (data/export/gdelt_goldstein_overrides.csv).
- AvgTone is 0: detente does not measure tone.
- Geo blocks use FIPS 10-4 country codes (data/export/iso3_fips.csv). Only ActionGeo is filled,
  from the event location; actor geo blocks have type 0 and empty fields, as GDELT does when
  it finds no location. Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
  FeatureID is the GeoNames id (GDELT uses GNS/GNIS ids; the two differ).
- DATEADDED is the earliest ingest time of the cluster's documents (YYYYMMDDHHMMSS, UTC as stored).
- SOURCEURL is the representative document's URL, else its outlet name.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from detente.dedup.records import ClusterRecord
from detente.export.schema import FieldType, Layout, typed_columns
from detente.export.tabular import write_delimited

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "export"
ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

_INTEGERS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
             "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED")
_NUMBERS = ("FractionDate", "GoldsteinScale", "AvgTone",
            *(f"{geo}Geo_{f}" for geo in ("Actor1", "Actor2", "Action") for f in ("Lat", "Long")))
GDELT_TYPES: dict[str, FieldType] = {name: "integer" for name in _INTEGERS} | {n: "number" for n in _NUMBERS}
GDELT_LAYOUT = Layout("gdelt", "tsv", typed_columns(GDELT_COLUMNS, GDELT_TYPES))


def _data_rows(name: str) -> list[dict[str, str]]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@cache
def iso3_to_fips() -> dict[str, str]:
    return {row["iso3"]: row["fips"] for row in _data_rows("iso3_fips.csv")}


@cache
def goldstein_overrides() -> dict[str, float]:
    return {row["code"]: float(row["goldstein"]) for row in _data_rows("gdelt_goldstein_overrides.csv")}


def global_event_id(cluster_id: str) -> int:
    return int(cluster_id[:15], 16)


def gdelt_quad_class(cameo: str) -> int:
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _date_fields(day: dt.date | None) -> list[Any]:
    if day is None:
        return ["", "", "", ""]
    fraction = round(day.year + (day.month * 30 + day.day) / 365, 4)
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year, f"{fraction:.4f}"]


def _actor_fields(actor: dict[str, Any] | None) -> list[Any]:
    if actor is None:
        return [""] * len(ACTOR_FIELDS)
    country, sector = actor.get("country") or "", actor.get("sector") or ""
    code = actor.get("code") or (country + sector)
    name = (actor.get("name") or actor.get("text") or "").upper()
    return [code, name, country, "", "", "", "", sector, "", ""]


def _geo_type(country_iso3: str | None, precision: str | None) -> int:
    if precision == "country":
        return 1
    us = country_iso3 == "USA"
    if precision == "admin1":
        return 2 if us else 5
    return 3 if us else 4


def _geo_fields(location: dict[str, Any] | None) -> list[Any]:
    if not location:
        return [0, "", "", "", "", "", "", ""]
    country = location.get("country")
    fips = iso3_to_fips().get(country or "", "")
    admin1 = location.get("admin1") or ""
    adm1 = fips + admin1 if fips and admin1 and len(admin1) <= 3 and admin1.isalnum() else fips
    lat, lon = location.get("lat"), location.get("lon")
    return [
        _geo_type(country, location.get("precision")),
        location.get("name") or "",
        fips,
        adm1,
        "",
        "" if lat is None else lat,
        "" if lon is None else lon,
        location.get("geonames_id") or "",
    ]


def _goldstein(record: ClusterRecord) -> Any:
    value = goldstein_overrides().get(record.cameo, record.goldstein)
    return "" if value is None else value


def gdelt_row(record: ClusterRecord) -> list[Any]:
    """The 61 GDELT fields of one cluster, in GDELT's order."""
    cameo = record.cameo
    added = record.first_added or record.first_seen
    return [
        global_event_id(record.cluster_id),
        *_date_fields(record.date),
        *_actor_fields(record.source),
        *_actor_fields(record.target),
        1 if record.in_lead else 0,
        cameo,
        cameo[:3],
        cameo[:2],
        gdelt_quad_class(cameo),
        _goldstein(record),
        record.num_mentions,
        record.num_sources,
        record.num_articles,
        0,
        *_geo_fields(None),
        *_geo_fields(None),
        *_geo_fields(record.location),
        added.strftime("%Y%m%d%H%M%S") if added else "",
        record.url or record.outlet or "",
    ]


def write_gdelt(records: Iterable[ClusterRecord], stream: TextIO, *, header: bool = True) -> int:
    """Write GDELT rows (after a header row unless ``header`` is False); returns rows written."""
    return write_delimited(GDELT_LAYOUT, (gdelt_row(record) for record in records), stream, header=header)


__all__ = ["GDELT_COLUMNS", "GDELT_LAYOUT", "gdelt_quad_class", "gdelt_row", "global_event_id",
           "iso3_to_fips", "write_gdelt"]

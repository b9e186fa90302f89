"""The compact index of the actor knowledge base: every table of src/detente/data/actors/, already
validated and keyed, in one gzip'd JSON file (kb_index.json.gz) that loads in one read.

tools/build_actor_tables.py writes it after building the tables. The CSV files stay the versioned
data: the index records the sha256 of each, and `load_tables` uses it only while every digest matches,
so an edited table is never shadowed by a stale index (the CSVs are then read and validated, slower).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from detente.actors.tables import (
    ActorTables,
    Agent,
    Country,
    Entity,
    NameSector,
    Place,
    Role,
)

INDEX_FILE = "kb_index.json.gz"
FORMAT = 4


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _undate(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class LazyRoles(Mapping[str, tuple[Role, ...]]):
    """Person name -> terms, built from the index rows on first look-up (most people of the
    knowledge base are never named in a given run, so their terms are never built)."""

    def __init__(self, rows: dict[str, list[list[Any]]]) -> None:
        self._rows = rows
        self._built: dict[str, tuple[Role, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Role, ...]:
        built = self._built.get(name)
        if built is None:
            built = tuple(Role(name, r[0], r[1], r[2], _undate(r[3]), _undate(r[4]), r[5])
                          for r in self._rows[name])
            self._built[name] = built
        return built

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _entity_row(e: Entity) -> list[str | None]:
    return [e.name, e.country, e.sector, e.kind, e.source, _day(e.start), _day(e.end)]


def _entity(row: list[Any]) -> Entity:
    return Entity(*row[:5], _undate(row[5]), _undate(row[6]))


def _entities(table: dict[str, Entity]) -> dict[str, list[str | None]]:
    return {k: _entity_row(e) for k, e in sorted(table.items())}


def dump_index(tables: ActorTables, digests: dict[str, str]) -> bytes:
    """The index of `tables`, built from files with these sha256 digests (deterministic bytes)."""
    data: dict[str, Any] = {
        "format": FORMAT,
        "digests": dict(sorted(digests.items())),
        "countries": [[c.iso3, c.name, c.adjective] for c in tables.countries.values()],
        "aliases": {k: list(v) for k, v in sorted(tables.aliases.items())},
        "agents": [[a.noun, a.sector, list(a.secondary), a.kind] for a in tables.agents.values()],
        "seats": _entities(tables.seats),
        "organisations": _entities(tables.organisations),
        "organisation_terms": {k: [_entity_row(e) for e in terms]
                               for k, terms in sorted(tables.organisation_terms.items())},
        "places": {k: [p.name, p.country, p.geonames_id, p.source] for k, p in sorted(tables.places.items())},
        "roles": {name: [[r.country, r.sector, r.role, _day(r.start), _day(r.end), r.source] for r in terms]
                  for name, terms in sorted(tables.roles.items())},
        "people": {k: list(v) for k, v in sorted(tables.people.items())},
        "skeletons": {k: dict(sorted(v.items())) for k, v in sorted(tables.skeletons.items())},
        "capital_keys": sorted(tables.capital_keys),
        "name_sectors": [[list(n.words), n.position, n.sector]
                         for _, n in sorted(tables.name_sectors.items())],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def load_index(path: Path, digests: dict[str, str], version: str) -> ActorTables | None:
    """The tables in the index at `path`, or None when it is missing, of another format, or built
    from files other than those with `digests`."""
    if not path.exists():
        return None
    data = json.loads(gzip.decompress(path.read_bytes()))
    if data.get("format") != FORMAT or data.get("digests") != digests:
        return None
    return ActorTables(
        version=version,
        countries={row[0]: Country(*row) for row in data["countries"]},
        aliases={k: (v[0], v[1]) for k, v in data["aliases"].items()},
        agents={row[0]: Agent(row[0], row[1], tuple(row[2]), row[3]) for row in data["agents"]},
        seats={k: _entity(v) for k, v in data["seats"].items()},
        organisations={k: _entity(v) for k, v in data["organisations"].items()},
        organisation_terms={k: tuple(_entity(v) for v in terms)
                            for k, terms in data["organisation_terms"].items()},
        places={k: Place(*v) for k, v in data["places"].items()},
        roles=LazyRoles(data["roles"]),
        people={k: tuple(v) for k, v in data["people"].items()},
        skeletons=data["skeletons"],
        capital_keys=frozenset(data["capital_keys"]),
        name_sectors={(row[1], tuple(w.lower() for w in row[0])): NameSector(tuple(row[0]), row[1], row[2])
                      for row in data["name_sectors"]},
    )


__all__ = ["INDEX_FILE", "LazyRoles", "dump_index", "load_index"]

"""The bundled actor tables (src/detente/data/actors/), loaded and validated once.

Every row problem raises ``OntologyError`` naming ``file:line:field``. Lookup keys are normalised
with ``normalise`` (lower case, no dots, no leading "the"); short all-capital aliases ("US", "WHO",
"UN") only match text written in capitals, so the pronouns "us" and "who" never become actors.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import re
import tomllib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from detente.errors import OntologyError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"

# PLOVER sector codes plus the CAMEO-style IGO/NGO/IMG agent codes; NON/JNK mark non-actors. Health
# is HLH and media JRN (CAMEO's names, as in the Phoenix dictionaries; see NOTICE.md). A compound
# code joins two of them, the primary first ("GOVMIL": a defence ministry).
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "HLH", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO", "IMG",
    "NON", "JNK",
})
NON_ACTOR_SECTORS = frozenset({"NON", "JNK"})
# PLOVER's international non-state entities, and KOS for Kosovo (no ISO code).
PSEUDO_COUNTRIES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"})
KINDS = frozenset({"person", "org", "country", "group", "none"})
ALIAS_FORMS = frozenset({"name", "adjective", "demonym"})
SPELLINGS = {"isation": "ization", "isations": "izations", "co-operation": "cooperation"}
SPELLING = re.compile(r"(?<=\w)isations?\b|\bco-operation\b")
TABLE_FILES = ("countries.csv", "country_aliases.csv", "agents.csv", "seats.csv", "kb_organisations.csv",
               "kb_people.csv", "kb_places.csv", "name_sectors.csv")
NAME_POSITIONS = frozenset({"start", "end", "of"})


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    adjective: str


@dataclass(frozen=True)
class Agent:
    noun: str
    sector: str
    secondary: tuple[str, ...]
    kind: str

    @property
    def code(self) -> str:
        """The sector with its first secondary sector: "CVLOPP" for an activist."""
        return self.sector + (self.secondary[0] if self.secondary else "")


@dataclass(frozen=True)
class Entity:
    """A seat of power, capital, breakaway entity, news outlet or organisation."""

    name: str
    country: str
    sector: str
    kind: str
    source: str = "own"
    start: dt.date | None = None  # an organisation whose role changed ("Taliban": REB, then GOV)
    end: dt.date | None = None

    def active(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class NameSector:
    """Words that give an unknown organisation's name its sector (name_sectors.csv row): "end"
    words close a longer head ("Novaya Gazeta"), "of" words are the whole head before "of" ("the
    Times of India"), "start" words open the name ("Radio Free Asia")."""

    words: tuple[str, ...]
    position: str
    sector: str


@dataclass(frozen=True)
class Place:
    """A place named under a state (kb_places.csv), with its gazetteer entry when there is one."""

    name: str
    country: str
    geonames_id: int | None
    source: str


@dataclass(frozen=True)
class Role:
    """One term of one person (kb_people.csv row)."""

    name: str
    country: str
    sector: str | None
    role: str
    start: dt.date | None  # None: the source gives no dates
    end: dt.date | None
    source: str

    def active(self, on: dt.date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class ActorTables:
    version: str
    countries: dict[str, Country]
    aliases: dict[str, tuple[str, str]]  # key -> (iso3, form)
    agents: dict[str, Agent]
    seats: dict[str, Entity]
    organisations: dict[str, Entity]
    organisation_terms: dict[str, tuple[Entity, ...]]  # keys whose organisation changed role
    places: dict[str, Place]
    roles: Mapping[str, tuple[Role, ...]]  # canonical person name -> terms by start date
    people: dict[str, tuple[str, ...]]  # key -> canonical person names
    skeletons: Mapping[str, Mapping[str, str]]  # transliteration key -> spelling -> name (names.py)
    capital_keys: frozenset[str]  # keys that only match text written in capitals
    name_sectors: dict[tuple[str, tuple[str, ...]], NameSector]  # (position, lower-case words)


def normalise(text: str) -> str:
    """Lookup key: lower case, curly apostrophes straightened, dots and every "the" removed
    ("Save the Children" and a name read without its inner "the" meet), British "-isation" and
    "co-operation" spelt as "-ization" and "cooperation"."""
    key = text.replace("’", "'").replace(".", "").lower()
    key = re.sub(r"\bthe\s+", "", key)
    key = SPELLING.sub(lambda m: SPELLINGS[m.group(0)], key)
    return re.sub(r"\s+", " ", key).strip()


def _fail(path: Path, line: int, field: str, problem: str) -> OntologyError:
    return OntologyError(f"{path.name}:{line}:{field}: {problem}", code="D201")


def _rows(path: Path, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [f for f in fields if f not in (reader.fieldnames or [])]
        if missing:
            raise _fail(path, 1, missing[0], "missing column")
        return [(number, row) for number, row in enumerate(reader, start=2)]


def _check(path: Path, line: int, field: str, ok: bool, problem: str) -> None:
    if not ok:
        raise _fail(path, line, field, problem)


def valid_sector(code: str) -> bool:
    """A sector code, or two joined ("GOVMIL")."""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    return 0 < len(parts) <= 2 and len(code) % 3 == 0 and all(p in SECTORS for p in parts)


@cache
def valid_country(code: str) -> bool:
    return code in PSEUDO_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None


def _check_entity_row(path: Path, line: int, row: dict[str, str]) -> None:
    _check(path, line, "country", valid_country(row["country"]), f"unknown country {row['country']!r}")
    _check(path, line, "sector", valid_sector(row["sector"]), f"unknown sector {row['sector']!r}")
    _check(path, line, "kind", row["kind"] in KINDS, f"unknown kind {row['kind']!r}")


def _unique(path: Path, line: int, field: str, key: str, seen: Collection[str]) -> None:
    _check(path, line, field, key not in seen, f"duplicate key {key!r}")
    if isinstance(seen, set):
        seen.add(key)


def load_countries(path: Path) -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line, row in _rows(path, ("iso3", "name", "adjective")):
        _check(path, line, "iso3", valid_country(row["iso3"]), f"unknown country {row['iso3']!r}")
        _unique(path, line, "iso3", row["iso3"], out)
        out[row["iso3"]] = Country(row["iso3"], row["name"], row["adjective"])
    return out


def load_aliases(path: Path, capital_keys: set[str]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for line, row in _rows(path, ("alias", "iso3", "form")):
        _check(path, line, "iso3", valid_country(row["iso3"]), f"unknown country {row['iso3']!r}")
        _check(path, line, "form", row["form"] in ALIAS_FORMS, f"unknown form {row['form']!r}")
        key = _key(row["alias"], capital_keys)
        out.setdefault(key, (row["iso3"], row["form"]))  # first spelling wins ("Congolese" etc.)
    return out


def _key(alias: str, capital_keys: set[str]) -> str:
    key = normalise(alias)
    bare = alias.replace(".", "")
    if bare.isupper() and len(bare) <= 4:
        capital_keys.add(key)
    return key


def load_agents(path: Path) -> dict[str, Agent]:
    out: dict[str, Agent] = {}
    for line, row in _rows(path, ("noun", "sector", "secondary", "kind")):
        _check(path, line, "sector", row["sector"] in SECTORS, f"unknown sector {row['sector']!r}")
        secondary = tuple(s for s in row["secondary"].split("|") if s)
        _check(path, line, "secondary", all(s in SECTORS for s in secondary), "unknown sector")
        _check(path, line, "kind", row["kind"] in KINDS, f"unknown kind {row['kind']!r}")
        _unique(path, line, "noun", row["noun"], out)
        out[row["noun"]] = Agent(row["noun"], row["sector"], secondary, row["kind"])
    return out


def load_entities(path: Path, capital_keys: set[str],
                  terms: dict[str, tuple[Entity, ...]] | None = None) -> dict[str, Entity]:
    """Alias key -> entity. An alias may repeat on rows with dates (`start`, `end` columns): all
    its rows go to `terms`, and the latest is the entity."""
    out: dict[str, Entity] = {}
    dated: dict[str, list[Entity]] = {}
    for line, row in _rows(path, ("alias", "name", "country", "sector", "kind")):
        _check_entity_row(path, line, row)
        key = _key(row["alias"], capital_keys)
        start = _date(path, line, "start", row["start"]) if row.get("start") else None
        end = _date(path, line, "end", row["end"]) if row.get("end") else None
        entity = Entity(row["name"], row["country"], row["sector"], row["kind"], row.get("source") or "own",
                        start, end)
        if start or end:
            dated.setdefault(key, []).append(entity)
            out[key] = max(dated[key], key=lambda e: e.start or dt.date.min)
            continue
        _unique(path, line, "alias", key, out)
        out[key] = entity
    if terms is not None:
        terms.update({key: tuple(sorted(found, key=lambda e: e.start or dt.date.min))
                      for key, found in dated.items()})
    return out


def load_name_sectors(path: Path) -> dict[tuple[str, tuple[str, ...]], NameSector]:
    out: dict[tuple[str, tuple[str, ...]], NameSector] = {}
    for line, row in _rows(path, ("words", "position", "sector")):
        _check(path, line, "words", bool(row["words"].split()), "empty words")
        _check(path, line, "position", row["position"] in NAME_POSITIONS,
               f"unknown position {row['position']!r}")
        _check(path, line, "sector", valid_sector(row["sector"]), f"unknown sector {row['sector']!r}")
        words = tuple(row["words"].split())
        key = (row["position"], tuple(w.lower() for w in words))
        _check(path, line, "words", key not in out, f"duplicate words {row['words']!r}")
        out[key] = NameSector(words, row["position"], row["sector"])
    return out


def load_places(path: Path) -> dict[str, Place]:
    out: dict[str, Place] = {}
    for line, row in _rows(path, ("alias", "country", "geonames_id", "source")):
        _check(path, line, "country", valid_country(row["country"]), f"unknown country {row['country']!r}")
        _check(path, line, "geonames_id", row["geonames_id"].isdigit() or not row["geonames_id"],
               f"not a GeoNames id: {row['geonames_id']!r}")
        key = normalise(row["alias"])
        _unique(path, line, "alias", key, out)
        geonames_id = int(row["geonames_id"]) if row["geonames_id"] else None
        out[key] = Place(row["alias"], row["country"], geonames_id, row["source"])
    return out


def _date(path: Path, line: int, field: str, text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise _fail(path, line, field, f"not a YYYY-MM-DD date: {text!r}") from err


def _role(path: Path, line: int, row: dict[str, str]) -> Role:
    _check(path, line, "country", valid_country(row["country"]), f"unknown country {row['country']!r}")
    _check(path, line, "sector", not row["sector"] or valid_sector(row["sector"]),
           f"unknown sector {row['sector']!r}")
    _check(path, line, "source", bool(row["source"].strip()), "empty source")
    start = _date(path, line, "start", row["start"]) if row["start"] else None
    end = _date(path, line, "end", row["end"]) if row["end"] else None
    _check(path, line, "end", end is None or start is None or start <= end, "end before start")
    return Role(row["name"], row["country"], row["sector"] or None, row["role"], start, end, row["source"])


def load_leaders(path: Path, capital_keys: set[str]) -> tuple[dict[str, tuple[Role, ...]],
                                                              dict[str, tuple[str, ...]]]:
    roles: dict[str, list[Role]] = {}
    people: dict[str, list[str]] = {}
    seen: set[str] = set()
    fields = ("name", "aliases", "country", "sector", "role", "start", "end", "source")
    for line, row in _rows(path, fields):
        _unique(path, line, "start", f"{row['name']}|{row['start']}", seen)
        roles.setdefault(row["name"], []).append(_role(path, line, row))
        for alias in [row["name"], *row["aliases"].split("|")]:
            names = people.setdefault(_key(alias, capital_keys), []) if alias else []
            if alias and row["name"] not in names:
                names.append(row["name"])
    ordered = {name: tuple(sorted(terms, key=lambda r: r.start or dt.date.min))
               for name, terms in roles.items()}
    return ordered, {key: tuple(names) for key, names in people.items()}


def read_manifest(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by exactly one insertion, deletion, substitution or swap of neighbours."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    swapped = a[i] == b[i + 1] and a[i + 1] == b[i] if i + 1 < len(a) else False
    return a[i + 1:] == b[i + 1:] or (swapped and a[i + 2:] == b[i + 2:])


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def spelling_index(aliases: dict[str, tuple[str, str]], min_length: int) -> dict[str, tuple[str, ...]]:
    """One-word country names and adjectives of at least `min_length` - 1 letters, filed under
    themselves and under each of their one-letter deletions, so that `near_spellings` finds the
    words one edit away from a query without comparing it with every name."""
    index: dict[str, set[str]] = {}
    for key in aliases:
        if key.isalpha() and len(key) >= min_length - 1:
            for variant in {key, *_deletions(key)}:
                index.setdefault(variant, set()).add(key)
    return {variant: tuple(sorted(keys)) for variant, keys in index.items()}


def near_spellings(word: str, index: dict[str, tuple[str, ...]]) -> list[str]:
    """The indexed words exactly one edit (insertion, deletion, substitution, swap) from `word`."""
    found = {key for variant in {word, *_deletions(word)} for key in index.get(variant, ())}
    return sorted(key for key in found if one_edit(word, key))


def table_digests(directory: Path) -> dict[str, str]:
    return {name: file_sha256(directory / name) for name in TABLE_FILES}


@cache
def load_tables(directory: Path = DATA_DIR) -> ActorTables:
    """Every actor table in `directory` (cached per directory): from the compact index
    (kb_index.json.gz) while it matches the CSV files, else read and validated from the CSVs."""
    from detente.actors.kb_index import INDEX_FILE, load_index  # kb_index imports this module

    version = str(read_manifest(directory / "MANIFEST.toml")["version"])
    indexed = load_index(directory / INDEX_FILE, table_digests(directory), version)
    if indexed is not None:
        return indexed
    log.info("actor tables: %s does not match the CSV files; reading them", INDEX_FILE)
    return read_tables(directory)


def read_tables(directory: Path = DATA_DIR) -> ActorTables:
    """Read and validate every actor table (CSV) in `directory`."""
    from detente.actors.names import skeleton_table  # names.py imports this module
    capital: set[str] = set()
    terms: dict[str, tuple[Entity, ...]] = {}
    roles, people = load_leaders(directory / "kb_people.csv", capital)
    return ActorTables(
        version=str(read_manifest(directory / "MANIFEST.toml")["version"]),
        countries=load_countries(directory / "countries.csv"),
        aliases=load_aliases(directory / "country_aliases.csv", capital),
        agents=load_agents(directory / "agents.csv"),
        seats=load_entities(directory / "seats.csv", capital),
        organisations=load_entities(directory / "kb_organisations.csv", capital, terms),
        organisation_terms=terms,
        places=load_places(directory / "kb_places.csv"),
        roles=roles, people=people, skeletons=skeleton_table(people), capital_keys=frozenset(capital),
        name_sectors=load_name_sectors(directory / "name_sectors.csv"),
    )


__all__ = [
    "DATA_DIR",
    "PSEUDO_COUNTRIES",
    "SECTORS",
    "TABLE_FILES",
    "ActorTables",
    "Agent",
    "Country",
    "Entity",
    "NameSector",
    "Place",
    "Role",
    "file_sha256",
    "load_tables",
    "near_spellings",
    "normalise",
    "one_edit",
    "read_manifest",
    "read_tables",
    "spelling_index",
    "table_digests",
    "valid_country",
    "valid_sector",
]

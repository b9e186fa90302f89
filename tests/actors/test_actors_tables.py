"""The bundled actor tables load, validate and match their MANIFEST and build script."""

from __future__ import annotations

import csv
import importlib.util
import shutil
from pathlib import Path

import pytest

from detente.actors.tables import (
    DATA_DIR,
    TABLE_FILES,
    file_sha256,
    load_tables,
    normalise,
    read_manifest,
    valid_country,
    valid_sector,
)
from detente.errors import OntologyError

ROOT = Path(__file__).resolve().parents[2]
G20_AND_P5 = ("ARG", "AUS", "BRA", "CAN", "CHN", "DEU", "FRA", "GBR", "IDN", "IND", "ITA", "JPN", "KOR",
              "MEX", "RUS", "SAU", "TUR", "USA", "ZAF")
KEYS = {"countries.csv": ("iso3",), "country_aliases.csv": ("alias",), "agents.csv": ("noun",),
        "seats.csv": ("alias",), "organisations.csv": ("alias", "start"), "leaders.csv": ("name", "start"),
        "kb_organisations.csv": ("alias", "start"), "kb_people.csv": ("name", "start"),
        "kb_places.csv": ("alias",), "name_sectors.csv": ("words", "position")}


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_actors_tables_load() -> None:
    tables = load_tables()
    assert tables.version == read_manifest(DATA_DIR / "MANIFEST.toml")["version"]
    assert len(tables.countries) > 190 and len(tables.agents) > 1000 and len(tables.roles) > 300


@pytest.mark.parametrize("name", TABLE_FILES)
def test_actors_tables_unique_sorted_keys(name: str) -> None:
    fields = KEYS[name]
    keys = [tuple(row[f] for f in fields) for row in _rows(name)]
    assert len(keys) == len(set(keys))
    if name in {"seats.csv", "organisations.csv", "kb_organisations.csv", "kb_places.csv"}:
        normalised = [(normalise(k[0]), *k[1:]) for k in keys]
        assert len(normalised) == len(set(normalised))
    by_alias = fields[0] == "alias"
    order = sorted(keys, key=lambda k: tuple(x.lower() for x in k) + k) if by_alias else sorted(keys)
    assert keys == order


@pytest.mark.parametrize("name,field", [("countries.csv", "iso3"), ("country_aliases.csv", "iso3"),
                                        ("seats.csv", "country"), ("organisations.csv", "country"),
                                        ("leaders.csv", "country")])
def test_actors_tables_valid_countries(name: str, field: str) -> None:
    assert [row[field] for row in _rows(name) if not valid_country(row[field])] == []


@pytest.mark.parametrize("name", ["agents.csv", "seats.csv", "organisations.csv", "leaders.csv",
                                  "kb_organisations.csv", "name_sectors.csv"])
def test_actors_tables_known_sectors(name: str) -> None:
    assert [row["sector"] for row in _rows(name) if not valid_sector(row["sector"])] == []


def test_actors_tables_terms_ordered() -> None:
    bad = [row["name"] for row in _rows("leaders.csv") if row["end"] and row["end"] < row["start"]]
    assert bad == []


@pytest.mark.parametrize("country", G20_AND_P5)
def test_actors_tables_leaders_cover_g20(country: str) -> None:
    roles = [r for terms in load_tables().roles.values() for r in terms if r.country == country and r.start]
    years = {year for r in roles for year in range(r.start.year, (r.end.year if r.end else 2026) + 1)}
    assert set(range(2000, 2026)) <= years
    assert any("foreign" in r.role or "secretary of state" in r.role for r in roles)


@pytest.mark.parametrize("name", [*TABLE_FILES, "country_aliases_own.csv", "agents_own.csv"])
def test_actors_tables_manifest_sha256(name: str) -> None:
    manifest = read_manifest(DATA_DIR / "MANIFEST.toml")
    assert manifest["files"][name]["sha256"] == file_sha256(DATA_DIR / name)  # type: ignore[index]


def test_actors_tables_rebuild_matches() -> None:
    script = ROOT / "tools" / "build_actor_tables.py"
    spec = importlib.util.spec_from_file_location("build_actor_tables", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, content in module.build_all().items():
        assert (DATA_DIR / name).read_text(encoding="utf-8") == content, name


@pytest.mark.parametrize("name,old,new,where", [
    ("kb_people.csv", ",2021-01-20,2025-01-20,", ",2021-01-20,2019-01-20,", ":end:"),
    ("seats.csv", "Kremlin,Kremlin,RUS,GOV", "Kremlin,Kremlin,XXX,GOV", ":country:"),
    ("agents.csv", "ambassador,GOV,", "ambassador,BAD,", ":sector:"),
    ("name_sectors.csv", "Gazeta,end,JRN", "Gazeta,middle,JRN", ":position:"),
    ("name_sectors.csv", "Gazeta,end,JRN", "Gazeta,end,XYZ", ":sector:"),
])
def test_actors_tables_bad_row_names_file_line_field(tmp_path: Path, name: str, old: str, new: str,
                                                     where: str) -> None:
    for item in DATA_DIR.iterdir():
        if item.is_file():
            shutil.copy(item, tmp_path / item.name)
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(OntologyError, match=rf"{name}:\d+{where}"):
        load_tables(tmp_path)

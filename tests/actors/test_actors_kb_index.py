"""The compact index (actors/kb_index.py) holds exactly the CSV tables and is used only while they match."""

from __future__ import annotations

import shutil
from pathlib import Path

from detente.actors.kb_index import INDEX_FILE, LazyRoles, dump_index, load_index
from detente.actors.tables import DATA_DIR, load_tables, read_tables, table_digests


def test_actors_kb_index_matches_csv_tables() -> None:
    indexed, read = load_tables(), read_tables()
    assert isinstance(indexed.roles, LazyRoles)  # the bundled index is current
    for field in ("countries", "aliases", "agents", "seats", "organisations", "organisation_terms", "places",
                  "people", "skeletons"):
        assert getattr(indexed, field) == getattr(read, field), field
    assert dict(indexed.roles.items()) == dict(read.roles.items())
    assert indexed.capital_keys == read.capital_keys


def test_actors_kb_index_round_trip(tmp_path: Path) -> None:
    tables = read_tables()
    digests = table_digests(DATA_DIR)
    (tmp_path / INDEX_FILE).write_bytes(dump_index(tables, digests))
    again = load_index(tmp_path / INDEX_FILE, digests, tables.version)
    assert again is not None and again.organisations == tables.organisations


def test_actors_kb_index_stale_index_is_not_used(tmp_path: Path) -> None:
    for item in DATA_DIR.iterdir():
        if item.is_file():
            shutil.copy(item, tmp_path / item.name)
    seats = tmp_path / "seats.csv"
    extra = "Atlantis Palace,Atlantis,GRC,GOV,org\n"
    seats.write_text(seats.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert load_index(tmp_path / INDEX_FILE, table_digests(tmp_path), "x") is None
    assert "atlantis palace" in load_tables(tmp_path).seats

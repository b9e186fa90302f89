"""The bundled word lists: manifest checksums and loading."""

from __future__ import annotations

import hashlib
import tomllib
from importlib.resources import files

import pytest

from detente.quotes import quote_words

DATA = files("detente").joinpath("data/quotes")
MANIFEST = tomllib.loads(DATA.joinpath("MANIFEST.toml").read_text("utf-8"))


@pytest.mark.parametrize("name", sorted(MANIFEST["files"]))
def test_quotes_data_sha256_matches_manifest(name: str) -> None:
    digest = hashlib.sha256(DATA.joinpath(name).read_bytes()).hexdigest()
    assert digest == MANIFEST["files"][name]["sha256"], f"{name} changed: bump version and sha256"


@pytest.mark.parametrize("name", sorted(MANIFEST["files"]))
def test_quotes_data_sorted_lf_utf8(name: str) -> None:
    raw = DATA.joinpath(name).read_bytes()
    assert b"\r" not in raw
    rows = raw.decode("utf-8").splitlines()[1:]
    assert rows == sorted(rows)


@pytest.mark.parametrize(("opener", "closer"), [("“", "”"), ("„", "“"), ("«", "»"), ('"', '"'), ("‘", "’")])
def test_quotes_data_mark_pairs(opener: str, closer: str) -> None:
    assert closer in quote_words().closers[opener]


@pytest.mark.parametrize(("lemma", "speech", "reporting"), [
    ("say", True, True), ("retort", True, True), ("continue", True, False), ("believe", False, False),
])
def test_quotes_data_speech_verbs(lemma: str, speech: bool, reporting: bool) -> None:
    words = quote_words()
    assert (lemma in words.speech, lemma in words.reporting) == (speech, reporting)


def test_quotes_data_version() -> None:
    assert quote_words().version == MANIFEST["version"]

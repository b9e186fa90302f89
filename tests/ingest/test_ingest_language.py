"""Only English is accepted; other languages are rejected with a named reason."""

from __future__ import annotations

import json

import pytest

from detente.ingest.language import normalise_language
from detente.models import Document, Rejected
from tests.ingest.ingest_samples import ENGLISH, FRENCH, GERMAN


@pytest.mark.parametrize(("text", "language"), [(FRENCH, "fr"), (GERMAN, "de")])
def test_ingest_rejects_detected_language(read_all, write, text, language):
    path = write("foreign.txt", text)
    [item] = read_all(path)
    assert isinstance(item, Rejected)
    assert (item.input, item.code) == (str(path), "D109")
    assert f"language {language!r} is not supported yet (only English)" in item.detail


@pytest.mark.parametrize(("declared", "accepted"), [
    ("en", True), ("EN-us", True), ("English", True), ("fr", False), ("de-AT", False),
])
def test_ingest_declared_language(read_all, write, declared, accepted):
    path = write("in.jsonl", json.dumps({"id": "a", "text": ENGLISH, "language": declared}))
    [item] = read_all(path)
    assert isinstance(item, Document) is accepted
    if not accepted:
        assert item.code == "D109" and repr(declared) in item.detail


def test_ingest_declared_language_wins_over_detection(read_all, write):
    path = write("in.jsonl", json.dumps({"id": "a", "text": FRENCH, "language": "en"}))
    [item] = read_all(path)
    assert isinstance(item, Document) and item.language == "en"


@pytest.mark.parametrize("text", ["Merci.", "Putin", "Danke schön!", "Ja", "Bonjour à tous"])
def test_ingest_short_text_is_not_rejected(read_all, write, text):
    [item] = read_all(write("short.txt", text))
    assert isinstance(item, Document) and item.language == "en"


@pytest.mark.parametrize(("value", "expected"), [("en_GB", "en"), ("eng", "en"), ("FR-ca", "fr")])
def test_ingest_normalise_language(value, expected):
    assert normalise_language(value) == expected

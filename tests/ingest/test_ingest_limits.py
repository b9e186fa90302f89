"""Limits: parsing NAME=VALUE settings and splitting over-long documents at their breaks."""

from __future__ import annotations

import pytest

from detente.errors import ConfigError
from detente.ingest.limits import Limits, split_document
from detente.models import Document, Rejected


@pytest.mark.parametrize(("settings", "expected"), [
    ([], Limits()),
    (["document_chars=200000"], Limits(document_chars=200_000)),
    (["document-parts=3", "events=10"], Limits(document_parts=3, events=10)),
])
def test_ingest_limits_from_settings(settings: list[str], expected: Limits) -> None:
    assert Limits.from_settings(settings) == expected


@pytest.mark.parametrize(("setting", "named"), [
    ("pages=3", "unknown limit 'pages'"),
    ("events=0", "'0' is not a positive whole number"),
    ("events=lots", "'lots'"),
    ("events", "''"),
])
def test_ingest_limits_bad_setting(setting: str, named: str) -> None:
    with pytest.raises(ConfigError, match=named):
        Limits.from_settings([setting])


@pytest.mark.parametrize(("text", "parts"), [
    ("short text", ["short text"]),
    ("aaaa bbbb.\n\ncccc dddd.\n\neeee.", ["aaaa bbbb.", "cccc dddd.", "eeee."]),
    ("aaaa.\n\nbb.\n\ncc.", ["aaaa.\n\nbb.", "cc."]),
    ("line one ok\nline two ok", ["line one ok", "line two ok"]),
    ("First one. Second one. Third.", ["First one.", "Second one.", "Third."]),
])
def test_ingest_split_document_at_breaks(text: str, parts: list[str]) -> None:
    limits = Limits(document_chars=12, document_parts=5)
    found = split_document(Document(doc_id="d", text=text, title="T"), limits)
    assert isinstance(found, list)
    assert [part.text for part in found] == parts
    assert [part.doc_id for part in found] == (["d"] if len(parts) == 1 else [f"d#{n}" for n in
                                                                              range(1, len(parts) + 1)])
    assert {part.title for part in found} == {"T"}


@pytest.mark.parametrize(("text", "words"), [
    ("x" * 40, "without a paragraph, line or sentence break"),
    ("\n\n".join(["word"] * 20), "would make 10 parts"),
])
def test_ingest_split_document_rejected(text: str, words: str) -> None:
    found = split_document(Document(doc_id="d", text=text, path="in.txt"), Limits(document_chars=12,
                                                                                    document_parts=5))
    assert isinstance(found, Rejected)
    assert (found.input, found.code) == ("in.txt", "D119") and words in found.detail

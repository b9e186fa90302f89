"""Property-based tests (hypothesis) of the readers: any bytes in give Documents or Rejected records
out, never an exception; good JSON Lines records survive any bad lines around them; normalised text
holds no control, invisible or surrogate characters.

``make fuzz`` runs the JSON Lines and HTML properties at length (``fuzz_readers`` below).
"""

from __future__ import annotations

import json
import os
import time
import unicodedata
from pathlib import Path
from tempfile import TemporaryDirectory

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.ingest import read_documents
from detente.ingest.decode import normalise_text
from detente.ingest.limits import Limits, split_document
from detente.models import Document, Rejected
from tests.ingest.ingest_samples import ENGLISH

SMALL = Limits(file_bytes=50_000, line_bytes=20_000, document_chars=3_000, document_parts=20)
CASES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORBIDDEN = {"Cc", "Cs"}  # control characters and surrogates (tab and line feed aside)

bad_lines = st.binary(max_size=300).filter(lambda data: b"\n" not in data and b"\r" not in data)
html_pages = st.builds(
    lambda head, body, tail: f"<html><head>{head}</head><body>{body}</body>{tail}".encode(),
    st.text(max_size=80), st.text(max_size=400), st.text(max_size=40))


def read_file(name: str, data: bytes) -> list[Document | Rejected]:
    with TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        return list(read_documents(path, limits=SMALL))


def assert_clean(items: list[Document | Rejected]) -> None:
    for item in items:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Rejected):
            assert item.code.startswith("D1") and item.detail
            continue
        assert item.text.strip() and len(item.text) <= SMALL.document_chars
        for value in (item.text, item.title or "", item.doc_id):
            assert not any(unicodedata.category(ch) in FORBIDDEN and ch not in "\t\n" for ch in value)


@pytest.mark.issue(13)
@CASES
@given(data=st.binary(max_size=2_000), name=st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.html", "a.gz"]))
def test_ingest_any_bytes_read_or_rejected(data: bytes, name: str) -> None:
    assert_clean(read_file(name, data))


@pytest.mark.issue(13)
@CASES
@given(pages=html_pages)
def test_ingest_any_html_read_or_rejected(pages: bytes) -> None:
    assert_clean(read_file("page.html", pages))


def check_jsonl_keeps_good_records(bad: list[bytes], where: list[int]) -> None:
    good = [json.dumps({"id": f"good-{n}", "text": f"{ENGLISH} Report {n}."}).encode() for n in range(3)]
    lines = list(bad)
    for number, line in enumerate(good):
        lines.insert(min(where[number], len(lines)), line)
    items = read_file("feed.jsonl", b"\n".join(lines) + b"\n")
    assert_clean(items)
    found = {item.doc_id for item in items if isinstance(item, Document)}
    assert {f"good-{n}" for n in range(3)} <= found, [i for i in items if isinstance(i, Rejected)]


@pytest.mark.issue(13)
@CASES
@given(bad=st.lists(bad_lines, max_size=8), where=st.lists(st.integers(0, 8), min_size=3, max_size=3))
def test_ingest_jsonl_good_records_survive_bad_lines(bad: list[bytes], where: list[int]) -> None:
    check_jsonl_keeps_good_records(bad, where)


@pytest.mark.issue(13)
@CASES
@given(text=st.text())
def test_ingest_normalised_text_is_clean_and_stable(text: str) -> None:
    clean = normalise_text(text)
    assert normalise_text(clean) == clean
    assert not any(unicodedata.category(ch) in FORBIDDEN and ch not in "\t\n" for ch in clean)


@pytest.mark.issue(13)
@CASES
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), min_size=1, max_size=400),
       limit=st.integers(5, 60))
def test_ingest_split_parts_fit_and_keep_the_words(text: str, limit: int) -> None:
    parts = split_document(Document(doc_id="d", text=text), Limits(document_chars=limit, document_parts=500))
    if isinstance(parts, Rejected):
        assert parts.code == "D119"
        return
    assert all(len(part.text) <= limit for part in parts)
    assert "".join("".join(part.text.split()) for part in parts) == "".join(text.split())


def fuzz_readers(seconds: float) -> int:
    """Run the JSON Lines and HTML properties in rounds until ``seconds`` have passed; returns the
    number of examples tried."""
    tried = 0
    deadline = time.monotonic() + seconds
    run = settings(max_examples=500, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
    where = st.lists(st.integers(0, 20), min_size=3, max_size=3)
    jsonl = run(given(bad=st.lists(bad_lines, max_size=20), where=where)(check_jsonl_keeps_good_records))
    html = run(given(pages=html_pages)(lambda pages: assert_clean(read_file("page.html", pages))))
    while time.monotonic() < deadline:
        jsonl()
        html()
        tried += 1_000
    return tried


@pytest.mark.skipif(not os.environ.get("DETENTE_FUZZ_SECONDS"), reason="make fuzz sets DETENTE_FUZZ_SECONDS")
def test_ingest_fuzz_readers() -> None:
    tried = fuzz_readers(float(os.environ["DETENTE_FUZZ_SECONDS"]))
    print(f"fuzz: {tried} JSON Lines and HTML inputs read without an exception")

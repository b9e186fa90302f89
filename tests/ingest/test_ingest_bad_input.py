"""Bad input yields Rejected records (naming the input and the problem) and the read goes on."""

from __future__ import annotations

import io
import json

import pytest

from detente.errors import InputError
from detente.models import Document, Rejected
from tests.ingest.ingest_samples import ENGLISH


def _line(**fields):
    return json.dumps(fields)


@pytest.mark.parametrize(("line", "code", "words"), [
    ('{"id": "a", "text": ', "D104", ["bad JSON"]),
    ("not json at all", "D104", ["bad JSON"]),
    ('["a", "b"]', "D106", ["expected a JSON object", "an array"]),
    (_line(text=ENGLISH), "D105", ["missing required field 'id'"]),
    (_line(id="a"), "D105", ["missing required field 'text'"]),
    (_line(id="a", text=None), "D105", ["missing required field 'text'"]),
    (_line(id="", text=ENGLISH), "D105", ["'id' is empty"]),
    (_line(id=True, text=ENGLISH), "D106", ["'id'", "a boolean"]),
    (_line(id=["a"], text=ENGLISH), "D106", ["'id'", "an array"]),
    (_line(id="a", text=42), "D106", ["'text'", "a number"]),
    (_line(id="a", text=ENGLISH, title=["x"]), "D106", ["'title'"]),
    (_line(id="a", text=ENGLISH, date=20210317), "D106", ["'date'"]),
    (_line(id="a", text=ENGLISH, date="2021-02-30"), "D107", ["'2021-02-30'", "day is out of range"]),
    (_line(id="a", text=ENGLISH, date="yesterday"), "D107", ["'yesterday'"]),
    (_line(id="a", text=ENGLISH, date="2021-13-01T10:00:00"), "D107", ["'2021-13-01T10:00:00'"]),
    (_line(id="a", text="   \n  "), "D101", ["empty text"]),
])
def test_ingest_bad_jsonl_line(read_all, write, line, code, words):
    good = _line(id="good-1", text=ENGLISH)
    path = write("feed.jsonl", f"{good}\n{line}\n{_line(id='good-2', text=ENGLISH)}\n")
    first, bad, last = read_all(path)
    assert isinstance(first, Document) and isinstance(last, Document)
    assert isinstance(bad, Rejected)
    assert (bad.input, bad.code) == (f"{path}:2", code)
    for word in words:
        assert word in bad.detail
    assert bad.message().startswith(f"[{code}] {path}:2: ")


def test_ingest_jsonl_invalid_utf8_names_line_and_offset(read_all, write):
    good = _line(id="a", text=ENGLISH).encode()
    bad = b'{"id": "b", "text": "caf\xe9"}'
    path = write("feed.jsonl", good + b"\n" + bad + b"\n" + _line(id="c", text=ENGLISH).encode())
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Rejected", "Document"]
    assert (items[1].input, items[1].code) == (f"{path}:2", "D103")
    offset = len(good) + 1 + bad.index(b"\xe9")
    assert f"byte offset {offset}" in items[1].detail


def test_ingest_duplicate_ids(read_all, write):
    path = write("feed.jsonl", "\n".join([_line(id="x", text=ENGLISH), _line(id="y", text=ENGLISH),
                                          _line(id="x", text=ENGLISH + " Again.")]))
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Rejected"]
    assert (items[2].input, items[2].code) == (f"{path}:3", "D108")
    assert "duplicate id 'x'" in items[2].detail and f"{path}:1" in items[2].detail


@pytest.mark.parametrize(("content", "code", "words"), [
    (b"", "D101", ["empty file"]),
    (b" \n\r\n\t", "D101", ["empty text"]),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "D102", ["binary"]),
    (bytes(range(1, 9)) * 20, "D102", ["binary"]),
    (b"Ministers met in Zurich\xff\xfe on Monday.", "D103", ["invalid UTF-8", "byte offset 23"]),
])
def test_ingest_bad_text_file(read_all, write, content, code, words):
    path = write("bad.txt", content)
    [item] = read_all(path)
    assert isinstance(item, Rejected)
    assert (item.input, item.code) == (str(path), code)
    for word in words:
        assert word in item.detail


@pytest.mark.parametrize(("name", "content", "code"), [
    ("bad.json", b'{"id": "a", "text": "x"', "D104"),
    ("bad.json", b"", "D101"),
    ("bad.json", b'"just a string"', "D106"),
    ("bad.json", b"\x00\x01\x02\x03", "D102"),
    ("bad.jsonl", b"\x00\x01\x02\x03", "D102"),
    ("bad.html", b"\x00\x01\x02\x03", "D102"),
    ("bad.html", b"", "D101"),
])
def test_ingest_bad_structured_file(read_all, write, name, content, code):
    path = write(name, content)
    [item] = read_all(path)
    assert (item.input, item.code) == (str(path), code)


def test_ingest_bad_file_in_directory_does_not_stop_walk(read_all, write, tmp_path):
    write("a.txt", b"\x00\x00binary")
    write("b.txt", b"")
    write("c.txt", ENGLISH)
    items = read_all(tmp_path)
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Rejected", "D102"), ("Rejected", "D101"), ("Document", None)]


def test_ingest_missing_path_raises_input_error(tmp_path):
    from detente.ingest import read_documents
    missing = tmp_path / "nowhere.jsonl"
    with pytest.raises(InputError) as info:
        read_documents(missing)
    assert str(missing) in str(info.value) and info.value.code == "D112"


def test_ingest_stdin_bad_jsonl_line(read_all):
    text = _line(id="a", text=ENGLISH) + "\n" + _line(id="b", text=ENGLISH, date="2021-02-30") + "\n"
    first, bad = read_all("-", stdin=io.StringIO(text))
    assert isinstance(first, Document)
    assert (bad.input, bad.code) == ("-:2", "D107")


def test_ingest_stdin_invalid_utf8(read_all):
    stream = io.TextIOWrapper(io.BytesIO(b"Talks in Oslo\xc3 resumed."))
    [item] = read_all("-", stdin=stream)
    assert (item.input, item.code) == ("-", "D103")
    assert "byte offset 13" in item.detail


def test_ingest_duplicate_ids_across_files_in_directory(read_all, write, tmp_path):
    write("a.jsonl", _line(id="same", text=ENGLISH))
    write("b.json", _line(id="same", text=ENGLISH))
    first, second = read_all(tmp_path)
    assert isinstance(first, Document)
    assert (second.input, second.code) == (str(tmp_path / "b.json"), "D108")

"""Every input kind reads into the right Documents."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging

import pytest

from detente.models import Document, Rejected
from tests.ingest.ingest_samples import ENGLISH

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ministers meet in Geneva | Example Times</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-03-17T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ministers meet in Geneva</h1>
<p>The foreign ministers of two neighbouring countries met in Geneva on Tuesday to discuss a border
dispute that has lasted for a decade.</p>
<p>Officials said the talks were constructive and that a second round would take place next month
in Vienna.</p>
</article>
<footer>Copyright 2021 Example Times. All rights reserved.</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["article.txt", "article.md", "article"])
def test_ingest_plain_text_file(read_all, write, name):
    path = write(name, ENGLISH)
    [document] = read_all(path)
    assert isinstance(document, Document)
    assert document.doc_id == "article"
    assert document.text == ENGLISH
    assert document.path == str(path)
    assert document.language == "en"
    assert document.date is None


@pytest.mark.parametrize(("raw", "expected"), [
    (b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n", "First line.\nSecond line.\n"),
    (b"One.\rTwo.\n", "One.\nTwo.\n"),
    (b"  Keep   inner  spacing.\n\n\nAnd blank lines.  ", "  Keep   inner  spacing.\n\n\nAnd blank lines.  "),
])
def test_ingest_text_normalisation_only_bom_and_line_endings(read_all, write, raw, expected):
    [document] = read_all(write("a.txt", raw + ENGLISH.encode()))
    assert document.text == expected + ENGLISH


def test_ingest_jsonl_fields(read_all, write):
    records = [
        {"id": 17, "text": ENGLISH, "title": "Talks", "date": "2021-03-17", "source": "Example Times",
         "url": "https://example.org/a", "license": "ignored"},
        {"id": "b", "text": ENGLISH, "date": "2021-03-18T23:10:00Z"},
        {"id": "c", "text": ENGLISH, "date": "2021-03-19T08:00:00+05:00", "language": "en-GB"},
        {"id": "d", "text": ENGLISH, "title": None, "date": None},
    ]
    path = write("in.jsonl", "\n".join(json.dumps(r) for r in records) + "\n\n")
    documents = read_all(path)
    assert [d.doc_id for d in documents] == ["17", "b", "c", "d"]
    first = documents[0]
    assert (first.title, first.date, first.source, first.url) == (
        "Talks", dt.date(2021, 3, 17), "Example Times", "https://example.org/a")
    assert first.path == f"{path}:1"
    assert [d.date for d in documents[1:]] == [dt.date(2021, 3, 18), dt.date(2021, 3, 19), None]
    assert documents[2].language == "en"
    assert documents[3].title is None


@pytest.mark.parametrize("content", [
    json.dumps({"id": "one", "text": ENGLISH, "date": "2020-05-01"}),
    json.dumps([{"id": "one", "text": ENGLISH, "date": "2020-05-01"}]),
])
def test_ingest_json_object_or_list(read_all, write, content):
    [document] = read_all(write("x.json", content))
    assert (document.doc_id, document.date) == ("one", dt.date(2020, 5, 1))


def test_ingest_json_list_item_labels(read_all, write):
    path = write("x.json", json.dumps([{"id": "a", "text": ENGLISH}, {"text": ENGLISH}, 3]))
    items = read_all(path)
    assert isinstance(items[0], Document)
    assert items[1] == Rejected(f"{path}[1]", "D105", "missing required field 'id'")
    assert (items[2].input, items[2].code) == (f"{path}[2]", "D106")


def test_ingest_default_date_fills_only_missing(read_all, write):
    path = write("in.jsonl", "\n".join([json.dumps({"id": "a", "text": ENGLISH, "date": "2019-01-04"}),
                                        json.dumps({"id": "b", "text": ENGLISH})]))
    documents = read_all(path, default_date=dt.date(2021, 3, 18))
    assert [d.date for d in documents] == [dt.date(2019, 1, 4), dt.date(2021, 3, 18)]


def test_ingest_default_date_for_text_file(read_all, write):
    [document] = read_all(write("a.txt", ENGLISH), default_date=dt.date(2021, 3, 18))
    assert document.date == dt.date(2021, 3, 18)


def test_ingest_html_page(read_all, write):
    path = write("news/geneva.html", HTML_PAGE)
    [document] = read_all(path)
    assert isinstance(document, Document)
    assert document.doc_id == "geneva"
    assert document.title == "Ministers meet in Geneva"
    assert document.date == dt.date(2021, 3, 17)
    assert "border\ndispute" not in document.text and "border dispute that has lasted" in document.text
    assert "second round would take place" in document.text
    assert "Sport" not in document.text
    assert "All rights reserved" not in document.text


@pytest.mark.parametrize("page", [
    "<html><head><title>x</title></head><body><script>var x = 1;</script></body></html>",
    "<html><body><div></div></body></html>",
])
def test_ingest_html_without_text_is_rejected(read_all, write, page):
    path = write("blank.htm", page)
    [item] = read_all(path)
    assert (item.input, item.code) == (str(path), "D110")


def test_ingest_directory_walk(read_all, write, tmp_path, caplog):
    write("b/a.txt", ENGLISH)
    write("a/a.txt", ENGLISH)
    write("a/page.htm", HTML_PAGE)
    write("c/feed.jsonl", json.dumps({"id": "feed-1", "text": ENGLISH}) + "\n")
    write("c/one.json", json.dumps({"id": "json-1", "text": ENGLISH}))
    write("notes.csv", "a,b\n1,2\n")
    write("image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    with caplog.at_level(logging.INFO, logger="detente.ingest"):
        items = read_all(tmp_path)
    documents = [item for item in items if isinstance(item, Document)]
    assert [d.doc_id for d in documents] == ["a/a", "a/page", "b/a", "feed-1", "json-1"]
    assert documents[0].path == str(tmp_path / "a" / "a.txt")
    skipped = [(item.input, item.code) for item in items if isinstance(item, Rejected)]
    assert skipped == [(str(tmp_path / "image.png"), "D117"), (str(tmp_path / "notes.csv"), "D117")]
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "notes.csv" in logged and "image.png" in logged


def test_ingest_stdin_plain_text(read_all):
    [document] = read_all("-", stdin=io.StringIO(ENGLISH + "\r\n"))
    assert (document.doc_id, document.path, document.text) == ("stdin", "-", ENGLISH + "\n")


def test_ingest_stdin_jsonl(read_all):
    lines = [json.dumps({"id": "s1", "text": ENGLISH, "date": "2021-03-17"}), "",
             json.dumps({"id": "s2", "text": ENGLISH})]
    documents = read_all("-", stdin=io.StringIO("\n".join(lines)))
    assert [(d.doc_id, d.path) for d in documents] == [("s1", "-:1"), ("s2", "-:3")]


def test_ingest_stdin_jsonl_keeps_good_lines_next_to_prose(read_all):
    content = json.dumps({"id": "a", "text": ENGLISH}) + "\nThe ministers met on Tuesday.\n"
    document, bad = read_all("-", stdin=io.StringIO(content))
    assert (document.doc_id, document.path) == ("a", "-:1")
    assert (bad.input, bad.code) == ("-:2", "D104")


@pytest.mark.parametrize("content", [
    '["not", "an", "object"]\n',
    "{ this is prose in braces }",
])
def test_ingest_stdin_mixed_content_is_plain_text(read_all, content):
    [document] = read_all("-", stdin=io.StringIO(content))
    assert (document.doc_id, document.text) == ("stdin", content)


def test_ingest_stdin_bytes_buffer(read_all):
    stream = io.TextIOWrapper(io.BytesIO(b"Caf\xc3\xa9 owners protested in Paris on Monday."))
    [document] = read_all("-", stdin=stream)
    assert document.text == "Café owners protested in Paris on Monday."


def test_ingest_html_declared_charset(read_all, write):
    page = HTML_PAGE.replace("utf-8", "iso-8859-1").replace("Geneva on Tuesday", "Genève on Tuesday")
    [document] = read_all(write("latin.html", page.encode("latin-1")))
    assert isinstance(document, Document)
    assert "met in Genève on Tuesday" in document.text

"""Articles in CSV, TSV and Parquet tables, and in DataFrames: columns, defaults and bad rows."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from detente.errors import ConfigError
from detente.ingest import TableColumns
from detente.ingest.tables import Resolved, as_date, frame_documents, resolve_columns
from detente.models import Document, Rejected
from tests.ingest.ingest_samples import ENGLISH, FRENCH

SECOND = "The president of one country visited the capital of another on Monday for talks on trade."


def csv_text(sep: str = ",") -> str:
    rows = [["id", "date", "title", "text"], ["007", "2021-03-17", "Ministers meet", ENGLISH],
            ["8", "", "", SECOND]]
    return "\n".join(sep.join(f'"{cell}"' if "," in cell else cell for cell in row) for row in rows) + "\n"


@pytest.mark.parametrize(("name", "sep"), [("articles.csv", ","), ("articles.tsv", "\t"), ("a.TAB", "\t")])
def test_ingest_tables_delimited(read_all, write, name, sep):
    path = write(name, csv_text(sep))
    first, second = read_all(path)
    assert (first.doc_id, first.date, first.title, first.text) == ("007", dt.date(2021, 3, 17),
                                                                   "Ministers meet", ENGLISH)
    assert (second.doc_id, second.date, second.title) == ("8", None, None)
    assert first.path == f"{path} row 1"


def test_ingest_tables_parquet(read_all, tmp_path):
    path = tmp_path / "articles.parquet"
    pd.DataFrame({"story_id": ["a", "b"], "headline": ["Talks", "Visit"], "body": [ENGLISH, SECOND],
                  "published": pd.to_datetime(["2021-03-17 10:00", None])}).to_parquet(path)
    first, second = read_all(path)
    assert (first.doc_id, first.title, first.date) == ("a", "Talks", dt.date(2021, 3, 17))
    assert first.text == ENGLISH
    assert (second.doc_id, second.date) == ("b", None)


def test_ingest_tables_named_columns(read_all, write):
    path = write("feed.csv", f'key,when,headline_en,story\nk1,2021-03-17,Talks,"{ENGLISH}"\n')
    columns = TableColumns(text="story", id="key", date="when", title="headline_en")
    [document] = read_all(path, columns=columns)
    assert (document.doc_id, document.date, document.title) == ("k1", dt.date(2021, 3, 17), "Talks")


def test_ingest_tables_row_number_is_the_default_id(read_all, write):
    path = write("feed.csv", f'text\n"{ENGLISH}"\n"{SECOND}"\n')
    assert [d.doc_id for d in read_all(path)] == ["feed:1", "feed:2"]


@pytest.mark.parametrize(("columns", "message"), [
    (TableColumns(text="body"), "text column 'body' not found; the columns are: id, date, title, text"),
    (TableColumns(date="published"), "date column 'published' not found"),
])
def test_ingest_tables_missing_named_column(read_all, write, columns, message):
    path = write("articles.csv", csv_text())
    with pytest.raises(ConfigError, match=message):
        read_all(path, columns=columns)


def test_ingest_tables_without_text_column_names_the_option(read_all, write):
    path = write("articles.csv", "id,summary\n1,Ministers met.\n")
    with pytest.raises(ConfigError, match="--text-column"):
        read_all(path)


@pytest.mark.parametrize(("content", "code", "detail"), [
    (f'id,date,text\n1,2021-02-30,"{ENGLISH}"\n', "D107", "date '2021-02-30' is not a valid date"),
    (f'id,date,text\n1,yesterday,"{ENGLISH}"\n', "D107", "date 'yesterday' is not a valid date"),
    ("id,date,text\n1,2021-03-17,\n", "D101", "empty text in column 'text'"),
    (f'id,date,text\n,2021-03-17,"{ENGLISH}"\n', "D105", "empty id in column 'id'"),
    (f'id,text\n1,"{FRENCH}"\n', "D109", "only English"),
])
def test_ingest_tables_bad_row_is_rejected(read_all, write, content, code, detail):
    path = write("articles.csv", content)
    [item] = read_all(path)
    assert isinstance(item, Rejected)
    assert (item.input, item.code) == (f"{path} row 1", code)
    assert detail in item.detail


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.csv", "", "D101"),
    ("header.csv", "id,text\n", "D101"),
    ("latin1.csv", "id,text\n1,caf\xe9\n".encode("latin-1"), "D103"),
    ("broken.parquet", b"PAR1 this is not a parquet file", "D113"),
])
def test_ingest_tables_unreadable_file_is_rejected(read_all, write, name, content, code):
    path = write(name, content)
    [item] = read_all(path)
    assert (item.input, item.code) == (str(path), code)


def test_ingest_tables_duplicate_ids_are_rejected(read_all, write):
    path = write("articles.csv", f'id,text\n1,"{ENGLISH}"\n1,"{SECOND}"\n')
    first, second = read_all(path)
    assert isinstance(first, Document) and isinstance(second, Rejected) and second.code == "D108"


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-03-17", dt.date(2021, 3, 17)),
    ("2021-03-17T23:10:00+02:00", dt.date(2021, 3, 17)),
    (dt.date(2021, 3, 17), dt.date(2021, 3, 17)),
    (dt.datetime(2021, 3, 17, 8), dt.date(2021, 3, 17)),
    (pd.Timestamp("2021-03-17 08:00"), dt.date(2021, 3, 17)),
    (None, None), ("", None), (float("nan"), None), (pd.NaT, None), (pd.NA, None),
])
def test_ingest_tables_date_cells(value, expected):
    assert as_date(value) == expected


@pytest.mark.parametrize("value", [20210317, "17/03/2021", ["2021-03-17"]])
def test_ingest_tables_bad_date_cells(value):
    with pytest.raises(ValueError):
        as_date(value)


def test_ingest_tables_default_names_any_case():
    columns = resolve_columns(["ID", "Headline", "Body", "Pub_Date", "URL"], TableColumns())
    assert columns == Resolved(text="Body", id="ID", date="Pub_Date", title="Headline", source=None,
                               url="URL")


def test_ingest_tables_frame_rows_take_their_index():
    frame = pd.DataFrame({"text": [ENGLISH, SECOND]}, index=[10, 11])
    columns = Resolved(text="text", id=None, date=None, title=None, source=None, url=None)
    assert [(d.doc_id, d.path) for d in frame_documents(frame, columns)] == [("10", "frame[10]"),
                                                                             ("11", "frame[11]")]


def test_ingest_tables_directory_walk_leaves_tables_out(read_all, write, tmp_path):
    write("a.txt", ENGLISH)
    write("b.csv", csv_text())
    document, table = read_all(tmp_path)
    assert document.doc_id == "a"
    assert (table.input, table.code) == (str(tmp_path / "b.csv"), "D117")  # counted, not read

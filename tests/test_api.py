"""The Python API: detente.load(), coding a text, a DataFrame and an iterable, and the event frame."""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import detente
from detente.api import Coder, as_publication_date, events_frame
from detente.errors import ConfigError, InputError
from detente.flat import EVENT_COLUMNS
from detente.models import Document

CONDEMN = "France condemned Iran on Monday over the arrest of two French aid workers."
TALKS = "The foreign ministers of Japan and South Korea met in Tokyo on Tuesday to discuss trade."
PUBLISHED = dt.date(2021, 3, 21)  # a Sunday: "on Monday" is 2021-03-15


@pytest.fixture(scope="module")
def coder() -> Coder:
    return detente.load()


@pytest.mark.parametrize("name", detente.__all__)
def test_api_package_exports(name: str) -> None:
    assert getattr(detente, name) is not None


def test_api_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        detente.nothing  # noqa: B018


@pytest.mark.parametrize(("value", "expected"), [
    ("2021-03-21", PUBLISHED), ("2021-03-21T10:00:00Z", PUBLISHED), (PUBLISHED, PUBLISHED),
    (dt.datetime(2021, 3, 21, 23, 59), PUBLISHED), (pd.Timestamp("2021-03-21"), PUBLISHED), (None, None),
])
def test_api_publication_date_types(value, expected) -> None:
    assert as_publication_date(value) == expected


@pytest.mark.parametrize("value", ["21/03/2021", "2021-02-30", 20210321, 2021.0, ["2021-03-21"]])
def test_api_publication_date_errors_name_the_value(value) -> None:
    with pytest.raises(ConfigError, match=r"\[D431\] date: .* is not a date; give a str such as"):
        as_publication_date(value)


def test_api_unknown_model() -> None:
    with pytest.raises(ConfigError, match="D401"):
        detente.load(model="lg")


def test_api_events_frame_without_events() -> None:
    frame = events_frame([])
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 0
    assert str(frame["quad_class"].dtype) == "Int64"



@pytest.mark.model
@pytest.mark.parametrize("date", ["2021-03-21", PUBLISHED, dt.datetime(2021, 3, 21, 12)])
def test_api_code_text(coder: Coder, date) -> None:
    result = coder(CONDEMN, date=date, doc_id="condemn")
    assert result.document.date == PUBLISHED
    event = next(e for e in result.events if e.source and e.source.country == "FRA")
    assert (event.doc_id, event.date, event.target.country if event.target else None) == (
        "condemn", dt.date(2021, 3, 15), "IRN")
    assert {a.country for a in result.actors} >= {"FRA", "IRN"}
    assert len(result) == len(result.events)


@pytest.mark.model
def test_api_result_to_frame(coder: Coder) -> None:
    result = coder(CONDEMN, date=PUBLISHED)
    frame = result.to_frame()
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == len(result.events)
    row = frame[frame["source_country"] == "FRA"].iloc[0]
    assert row["date"] == pd.Timestamp("2021-03-15")
    assert row["status"] == "current" and row["doc_id"].startswith("text:")
    assert frame["cameo"].map(type).eq(str).all() and frame["cameo_root"].str.len().eq(2).all()
    assert str(frame["date"].dtype).startswith("datetime64")


@pytest.mark.model
def test_api_text_errors(coder: Coder) -> None:
    with pytest.raises(ConfigError, match="D432"):
        coder(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="D101"):
        coder("   ")


@pytest.mark.model
def test_api_undated_text_warns(coder: Coder, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="detente.api"):
        result = coder(CONDEMN)
    assert "1 of 1 document(s) have no publication date" in caplog.text
    assert all(event.date is None for event in result.events)


@pytest.mark.model
def test_api_frame(coder: Coder, caplog: pytest.LogCaptureFixture) -> None:
    articles = pd.DataFrame({"id": [7, 8, 9], "text": [CONDEMN, TALKS, ""],
                             "date": ["2021-03-21", None, "2021-03-22"]})
    with caplog.at_level(logging.WARNING, logger="detente.api"):
        events = coder.frame(articles)
    assert set(events["doc_id"]) == {"7", "8"}
    assert "skipped [D101] frame[2]" in caplog.text
    assert "1 of 2 document(s) have no publication date" in caplog.text
    assert events.loc[events["doc_id"] == "8", "date"].isna().all()
    assert (events.loc[events["doc_id"] == "7", "date"] == pd.Timestamp("2021-03-15")).any()


@pytest.mark.model
def test_api_frame_columns_and_index(coder: Coder) -> None:
    articles = pd.DataFrame({"body": [CONDEMN], "published": [pd.Timestamp("2021-03-21")]}, index=["a1"])
    events = coder.frame(articles, text="body", date="published")
    assert set(events["doc_id"]) == {"a1"}
    with pytest.raises(ConfigError, match="text column 'text' not found; the columns are: body, published"):
        coder.frame(articles)


@pytest.mark.model
def test_api_pipe_accepts_texts_mappings_and_documents(coder: Coder) -> None:
    articles = [CONDEMN, {"id": "m", "text": TALKS, "date": "2021-03-21"},
                Document(doc_id="d", text=CONDEMN + " It was the second protest this year.")]
    results = list(coder.pipe(articles, date="2021-03-21"))
    assert [r.document.doc_id for r in results] == ["text:0", "m", "d"]
    assert all(r.document.date == PUBLISHED for r in results)
    with pytest.raises(ConfigError, match="article 0: expected a str"):
        list(coder.pipe([42]))  # type: ignore[list-item]


@pytest.mark.model
def test_api_pipe_in_two_processes_gives_the_same_events(coder: Coder) -> None:
    texts = [CONDEMN, TALKS, CONDEMN.replace("France", "Germany")]
    one = [e.to_dict() for r in coder.pipe(texts, date=PUBLISHED) for e in r.events]
    parallel = coder.pipe(texts, date=PUBLISHED, batch_size=1, n_process=2)
    two = [e.to_dict() for r in parallel for e in r.events]
    assert one == two and one


# detente.open: the hand-built dedup corpus (tests/data/dedup_corpus) in a DuckDB file ----------


@pytest.fixture
def db(corpus_file):
    with detente.open(corpus_file, write=True):  # clusters the corpus, as ingest would
        pass
    with detente.open(corpus_file) as database:
        yield database


def test_api_open_read_only_cannot_add(db) -> None:
    with pytest.raises(ConfigError, match=r"\[D434\] .* open for reading only"):
        db.add([])


def test_api_open_events_frame(db) -> None:
    events = db.events(source="RUS", since="2021-03-01", until=dt.date(2021, 3, 31))
    assert list(events.columns) == list(EVENT_COLUMNS)
    assert len(events) > 1 and set(events["source_country"]) == {"RUS"}
    assert str(events["date"].dtype).startswith("datetime64")
    assert events["date"].between(pd.Timestamp("2021-03-01"), pd.Timestamp("2021-03-31")).all()
    assert len(db.events(source="RUS", limit=1)) == 1
    same = db.events(source="RUS", since=dt.datetime(2021, 3, 1, 12), until=pd.Timestamp("2021-03-31"))
    assert same["event_id"].tolist() == events["event_id"].tolist()


def test_api_open_clusters_frame(db) -> None:
    clusters = db.clusters()
    assert len(clusters) and clusters["cluster_id"].is_unique
    assert str(clusters["num_mentions"].dtype) == "Int64"
    assert clusters["cameo"].map(type).eq(str).all()
    moscow = db.clusters(source="RUS", target="USA")
    assert 0 < len(moscow) < len(clusters) and (moscow["num_mentions"] >= 1).all()


def test_api_open_dyad_frame(db) -> None:
    daily = db.dyad("TUR", "SYR", by="day")
    assert len(daily) == 8 and daily["both_total"].sum() == 2
    assert daily["empty"].sum() == 6 and daily.loc[daily["empty"], "both_net_cooperation"].isna().all()
    assert str(daily["period"].dtype).startswith("datetime64")
    none = db.dyad("TUR", "SYR", since="2030-01-01")
    assert len(none) == 0 and "both_total" in none.columns


def test_api_open_counts_frame(db) -> None:
    counts = db.counts(by="dyad", period="month")
    assert {"source", "target", "period", "events", "empty"} <= set(counts.columns)
    dyadic = db.clusters().dropna(subset=["date", "source_country", "target_country"])
    assert counts["events"].sum() == len(dyadic)


@pytest.mark.parametrize(("filters", "message"), [
    ({"sorce": "RUS"}, r"\[D433\] unknown filter 'sorce'; use any of since, until"),
    ({"source": "RUSS"}, r"\[D404\] source: unknown actor code 'RUSS'; close matches: RUS"),
    ({"since": 2021}, r"\[D431\] since: 2021 is not a date"),
])
def test_api_open_bad_filters(db, filters, message) -> None:
    with pytest.raises(ConfigError, match=message):
        db.events(**filters)


def test_api_open_missing_database(tmp_path) -> None:
    with pytest.raises(InputError, match="D306"):
        detente.open(tmp_path / "none.duckdb")


@pytest.mark.model
def test_api_open_add_then_read(coder: Coder, tmp_path) -> None:
    with detente.open(tmp_path / "new.duckdb", create=True) as db:
        assert db.add(coder.pipe([CONDEMN, TALKS], date=PUBLISHED)) == 2
        assert db.add([coder(CONDEMN, date=PUBLISHED, doc_id="again")]) == 0  # same text
        assert set(db.events()["source_country"]) >= {"FRA"}
        assert len(db.clusters(source="FRA")) >= 1


READ_STORE = """
import sys
import detente
with detente.open(sys.argv[1]) as db:
    rows = len(db.events()) + len(db.clusters()) + len(db.dyad("RUS", "USA")) + len(db.counts())
print(rows, *sorted({"spacy", "sklearn"} & {name.split(".")[0] for name in sys.modules}))
"""


def test_api_open_reads_without_the_coder(status_file: Path) -> None:
    """Reading a store needs neither spaCy nor scikit-learn (start-up times: bench/cli_startup.py)."""
    done = subprocess.run([sys.executable, "-c", READ_STORE, str(status_file)], capture_output=True,
                          text=True, check=True)
    rows, *heavy = done.stdout.split()
    assert int(rows) > 0
    assert heavy == []

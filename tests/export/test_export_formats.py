from __future__ import annotations

import csv
import datetime as dt
import json
from io import StringIO
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from detente.dedup import update_clusters
from detente.errors import ConfigError
from detente.export import GDELT_COLUMNS, export_clusters, read_export
from detente.export.gdelt import global_event_id
from detente.filters import EventFilter
from tests.dedup.eventdb import add_document, add_event, create_store

YANGON = {
    "text": "Yangon",
    "name": "Yangon",
    "country": "MMR",
    "admin1": "17",
    "lat": 16.8,
    "lon": 96.15,
    "geonames_id": 1298824,
    "precision": "city",
}


@pytest.fixture
def located_db():
    con = duckdb.connect()
    create_store(con)
    add_document(
        con,
        "d1",
        date="2021-03-14",
        source="Wire",
        url="https://wire.example/a",
        ingested_at="2021-03-15 06:07:08",
    )
    add_document(con, "d2", date="2021-03-14", source="Ledger", ingested_at="2021-03-14 22:00:00")
    for doc_id in ("d1", "d2"):
        add_event(
            con,
            {
                "doc_id": doc_id,
                "sentence": "Police appealed to protesters in Yangon.",
                "cameo": "022",
                "plover": "REQUEST",
                "plover_mode": None,
                "goldstein": 3.4,
                "date": "2021-03-14",
                "location": YANGON,
                "confidence": 0.9 if doc_id == "d1" else 0.5,
                "source": {"text": "Police", "name": "Police", "country": "MMR", "sector": "COP"},
                "target": {"text": "protesters", "name": "protesters", "country": "MMR", "sector": "CVL"},
            },
        )
    update_clusters(con)
    yield con
    con.close()


def _gdelt_frame(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "events.tsv"
    export_clusters(con, "gdelt", path)
    return read_export(path)


def test_export_gdelt_has_61_documented_columns(corpus_db, tmp_path: Path):
    frame = _gdelt_frame(corpus_db, tmp_path)
    assert len(GDELT_COLUMNS) == 61 and frame.shape == (17, 61)  # 18 clusters less the negated one
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert frame["GLOBALEVENTID"].dtype.kind == "i" and frame["GLOBALEVENTID"].is_unique
    assert frame["SQLDATE"].dtype.kind == "i" and frame["GoldsteinScale"].dtype.kind == "f"
    assert set(frame["QuadClass"]) <= {1, 2, 3, 4}
    ceasefire = frame[frame["EventCode"] == "0871"].iloc[0]
    assert (ceasefire["EventBaseCode"], ceasefire["EventRootCode"], ceasefire["QuadClass"]) == (
        "087",
        "08",
        2,
    )
    assert (ceasefire["Actor1Code"], ceasefire["Actor1CountryCode"], ceasefire["Actor1Type1Code"]) == (
        "INDMIL",
        "IND",
        "MIL",
    )
    assert (ceasefire["SQLDATE"], ceasefire["MonthYear"], ceasefire["Year"]) == (20210225, 202102, 2021)
    assert ceasefire["FractionDate"] == pytest.approx(2021 + (2 * 30 + 25) / 365, abs=1e-4)
    consult = frame[frame["EventCode"] == "040"]
    assert set(consult["EventRootCode"]) == {"04"} and set(consult["QuadClass"]) == {1}
    assert (frame["AvgTone"] == 0).all() and (frame["ActionGeo_Type"] == 0).all()


def test_export_gdelt_geo_fips_goldstein_and_dates(located_db, tmp_path: Path):
    frame = _gdelt_frame(located_db, tmp_path)
    row = frame.iloc[0]
    cluster_id = located_db.execute("SELECT cluster_id FROM clusters").fetchone()[0]
    assert row["GLOBALEVENTID"] == global_event_id(cluster_id)
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_ADM1Code"]) == (
        4,
        "BM",
        "BM17",
    )
    assert (row["ActionGeo_Lat"], row["ActionGeo_Long"], row["ActionGeo_FeatureID"]) == (
        16.8,
        96.15,
        "1298824",
    )
    assert row["GoldsteinScale"] == 3.2  # GDELT's value for 022, not the codebook's 3.4
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == (2, 2, 2)
    assert row["DATEADDED"] == 20210314220000
    assert row["SOURCEURL"] == "https://wire.example/a"
    assert row["IsRootEvent"] == 1 and row["Actor1Geo_Type"] == 0


def test_export_plover_follows_the_manual(located_db):
    stream = StringIO()
    assert export_clusters(located_db, "plover", stream).written == 1
    record = json.loads(stream.getvalue())
    assert {"id", "date", "actor", "event"} <= set(record)
    assert record["event"] == ["REQUEST"] and record["quad_code"] == 3  # PLOVER's quad table
    assert record["date"] == "2021-03-14" and record["mode"] == [] and record["context"] == []
    assert record["actor"] == [
        {"code": "MMR", "sector": "COP", "entity_text": "Police", "identifier_text": "Police"}
    ]
    assert record["event_loc"]["geonameid"] == 1298824 and record["event_loc"]["resolution"] == 4
    assert record["num_mentions"] == 2
    assert (record["status"], record["modality"], record["confidence"]) == ("current", "asserted", 0.9)


def test_export_csv_one_row_per_cluster(corpus_db):
    stream = StringIO()
    assert export_clusters(corpus_db, "csv", stream).written == 17  # the negated cluster left out
    rows = list(csv.DictReader(StringIO(stream.getvalue())))
    assert len(rows) == 17 and len({r["cluster_id"] for r in rows}) == 17
    e1 = next(r for r in rows if "a01" in r["doc_ids"].split(";"))
    assert (e1["num_mentions"], e1["source_code"], e1["date"], e1["year_month"]) == (
        "3",
        "RUSGOV",
        "2021-03-17",
        "2021-03",
    )


def test_export_since_until_filter(corpus_db):
    stream = StringIO()
    window = EventFilter(since=dt.date(2021, 3, 24), until=dt.date(2021, 3, 26))
    summary = export_clusters(corpus_db, "csv", stream, filters=window)
    dates = {r["date"] for r in csv.DictReader(StringIO(stream.getvalue()))}
    assert summary.written == 3 and dates == {"2021-03-24", "2021-03-25", "2021-03-26"}


def test_export_parquet_partitions_by_month(corpus_db, tmp_path: Path):
    folder = tmp_path / "out"
    assert export_clusters(corpus_db, "parquet", folder, filters=EventFilter.of(include="all")).written == 18
    assert sorted(p.name for p in folder.iterdir()) == [
        "year_month=2021-02",
        "year_month=2021-03",
        "year_month=2021-04",
    ]
    frame = pd.read_parquet(folder)
    assert len(frame) == 18 and frame["num_mentions"].sum() == 37
    con = duckdb.connect()
    rows = con.execute(
        f"SELECT year_month, count(*) FROM read_parquet('{folder}/**/*.parquet', "
        "hive_partitioning = true) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert rows == [("2021-02", 1), ("2021-03", 16), ("2021-04", 1)]
    assert con.execute(
        f"SELECT typeof(date) FROM read_parquet('{folder}/**/*.parquet') LIMIT 1"
    ).fetchone() == ("DATE",)


def test_export_parquet_needs_a_folder(corpus_db):
    with pytest.raises(ConfigError, match="needs --output FOLDER"):
        export_clusters(corpus_db, "parquet")

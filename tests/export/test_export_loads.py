"""Every export loads into pandas with the right dtypes from its file name alone
(detente.export.read_export and the sidecar schema), carries status, modality and confidence
where the format has room, and says what it left out."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pandas as pd
import pytest

from detente.errors import InputError
from detente.export import EXPORT_FORMATS, LAYOUTS, export_clusters, read_export
from detente.export.gdelt import GDELT_COLUMNS
from detente.export.icews import ICEWS_COLUMNS
from detente.export.polecat import POLECAT_COLUMNS
from detente.export.schema import sidecar_path
from detente.filters import EventFilter

# format -> (code column, count column, date column, status column or None)
COLUMNS = {
    "gdelt": ("EventCode", "NumMentions", None, None),
    "plover": ("cameo", "num_mentions", "date", "status"),
    "polecat": ("CAMEO Code", "Mentions", "Event Date", "Status"),
    "icews": ("CAMEO Code", "Mentions", "Event Date", "Status"),
    "csv": ("cameo", "num_mentions", "date", "status"),
    "parquet": ("cameo", "num_mentions", "date", "status"),
}


def _export(con, fmt: str, tmp_path: Path, **options) -> tuple[pd.DataFrame, object]:
    target = tmp_path / f"events.{fmt}"
    summary = export_clusters(con, fmt, target, filters=EventFilter.of(**options))
    return read_export(target), summary


@pytest.mark.issue(14)
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_loads_with_typed_columns(status_db, tmp_path: Path, fmt: str):
    frame, summary = _export(status_db, fmt, tmp_path, include="all")
    code, count, date, status = COLUMNS[fmt]
    assert str(frame[code].dtype) == "str" and "036" in set(frame[code])  # zero-padded string
    assert str(frame[count].dtype) == "Int64"
    if date:
        assert str(frame[date].dtype).startswith("datetime64")
    if status:
        assert set(frame[status]) == {"current", "background", "future", "hypothetical", "denied"}
    assert summary.schema == sidecar_path(tmp_path / f"events.{fmt}")


@pytest.mark.issue(14)
@pytest.mark.parametrize(("fmt", "columns"), [
    ("gdelt", GDELT_COLUMNS), ("polecat", POLECAT_COLUMNS), ("icews", ICEWS_COLUMNS)])
def test_export_tables_have_a_header_unless_asked(status_db, fmt: str, columns: tuple[str, ...],
                                                  tmp_path: Path):
    stream = StringIO()
    export_clusters(status_db, fmt, stream)
    assert stream.getvalue().splitlines()[0].split("\t") == list(columns)
    bare = tmp_path / "bare.tsv"
    summary = export_clusters(status_db, fmt, bare, header=False)
    assert len(bare.read_text(encoding="utf-8").splitlines()) == summary.written
    assert json.loads(sidecar_path(bare).read_text(encoding="utf-8"))["dialect"]["header"] is False
    assert list(read_export(bare).columns) == list(columns)


@pytest.mark.issue(14)
def test_export_gdelt_uses_bigquery_names_and_types(status_db, tmp_path: Path):
    frame, _ = _export(status_db, "gdelt", tmp_path)
    assert list(frame.columns[:2]) == ["GLOBALEVENTID", "SQLDATE"]
    assert frame["SQLDATE"].tolist() == [20210105, 20210120, 20210303, 20210425]
    assert str(frame["EventRootCode"].dtype) == "str" and frame["EventRootCode"].tolist()[0] == "03"
    assert str(frame["DATEADDED"].dtype) == "Int64" and str(frame["ActionGeo_Lat"].dtype) == "float64"
    fields = json.loads(sidecar_path(tmp_path / "events.gdelt").read_text(encoding="utf-8"))["schema"]
    assert {f["name"]: f["type"] for f in fields["fields"]}["EventCode"] == "string"


@pytest.mark.issue(10)
def test_export_summaries_say_what_was_left_out(status_db):
    summary = export_clusters(status_db, "plover", StringIO())
    assert summary.written == 3  # the current RUS->UKR cluster has no PLOVER type
    assert summary.omitted.reasons == {"background": 1, "future": 1, "hypothetical": 1, "denied": 2,
                                       "without a PLOVER type": 1}
    assert summary.describe() == ("exported 3 events as plover; 6 left out: 1 background, 1 future, "
                                  "1 hypothetical, 2 denied, 1 without a PLOVER type")
    confident = export_clusters(status_db, "gdelt", StringIO(), filters=EventFilter.of(min_confidence=0.5))
    assert confident.written == 3 and confident.omitted.reasons["confidence below 0.5"] == 1


@pytest.mark.issue(10)
def test_export_gdelt_holds_current_events_unless_asked(status_db, caplog):
    assert export_clusters(status_db, "gdelt", StringIO()).written == 4
    asked = export_clusters(status_db, "gdelt", StringIO(), filters=EventFilter.of(include="future"))
    assert asked.written == 5
    assert "1 events that are not current news are written unmarked" in caplog.text


@pytest.mark.issue(14)
def test_export_icews_and_polecat_fields(status_db, tmp_path: Path):
    icews, _ = _export(status_db, "icews", tmp_path)
    first = icews.iloc[0]
    assert (first["Source Country"], first["Target Country"], first["Source Sectors"]) == (
        "Russia", "United States", "GOV")
    assert (first["Intensity"], first["Story ID"], first["Sentence Number"]) == (4.0, "s00", 1)
    assert (first["Modality"], first["Confidence"], first["Source URL"]) == (
        "asserted", 0.9, "https://news.example/s00")
    polecat, summary = _export(status_db, "polecat", tmp_path)
    assert summary.omitted.reasons == {"background": 1, "future": 1, "hypothetical": 1, "denied": 2,
                                       "without a PLOVER type": 1}
    row = polecat.iloc[0]
    assert (row["Event Type"], row["Quad Code"], row["Actor Country"], row["Recipient Country"]) == (
        "CONSULT", 1, "RUS", "USA")
    assert row["Publication Date"] == pd.Timestamp("2021-01-05") and row["Source"] == "Outlet 0"


def test_export_layouts_cover_every_format():
    assert set(LAYOUTS) == set(EXPORT_FORMATS)
    for layout in LAYOUTS.values():
        names = [column.name for column in layout.columns]
        assert len(names) == len(set(names))


def test_export_read_needs_the_sidecar(tmp_path: Path):
    bare = tmp_path / "events.tsv"
    bare.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"\[D132\].*no schema file events.tsv.schema.json"):
        read_export(bare)


@pytest.mark.parametrize("fmt", ["plover", "polecat", "icews", "csv", "gdelt"])
def test_export_columns_are_documented(fmt: str):
    text = " ".join((Path(__file__).resolve().parents[2] / "docs" / "output_formats.md")
                    .read_text(encoding="utf-8").split())
    names = {column.name for column in LAYOUTS[fmt].columns}
    if fmt == "gdelt":  # the doc names Actor2's and the geo blocks' fields once
        names = {name.split("Geo_")[-1] for name in names if not name.startswith("Actor2")}
    assert [name for name in sorted(names) if name not in text] == []

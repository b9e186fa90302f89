"""Reading the gold formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.evaluation.gold import GoldEvent, clean_text, country_of_cameo_actor, parse_date, read_gold

PLOVER_RECORD = {
    "id": "P1",
    "text": "{Ruritania agreed to talk with Freedonia.}",
    "events": [{"plover": "AGREE", "mode": None, "source": ["RUR"], "target": ["FRE"]}],
}
CAMEO_RECORD = {
    "id": "C1",
    "text": "Ruritania blamed Freedonia.",
    "events": [{"source": "RURGOV", "target": "---REB", "code": "112", "scheme": "CAMEO"}],
    "meta": {"date": "20150609", "expect_no_events": False},
}
CAMEO_EMPTY = {
    "id": "C2",
    "text": "Nothing happened.",
    "events": [],
    "meta": {"date": "20080804", "expect_no_events": True},
}


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluation_read_plover(tmp_path: Path):
    scheme, sentences = read_gold(write_jsonl(tmp_path / "g.jsonl", [PLOVER_RECORD]))
    assert scheme == "plover"
    assert sentences[0].text == "Ruritania agreed to talk with Freedonia."
    assert sentences[0].date == dt.date(2000, 1, 1)
    assert sentences[0].events == (GoldEvent("AGREE", source=("RUR",), target=("FRE",)),)


def test_evaluation_read_cameo(tmp_path: Path):
    scheme, sentences = read_gold(write_jsonl(tmp_path / "g.jsonl", [CAMEO_RECORD, CAMEO_EMPTY]))
    assert scheme == "cameo"
    assert sentences[0].events == (GoldEvent("11", code="112", source=("RUR",), target=()),)
    assert sentences[0].date == dt.date(2015, 6, 9)
    assert not sentences[1].expects_events


@pytest.mark.parametrize(
    ("code", "country"), [("USAGOV", "USA"), ("---REB", None), ("IGOUNO", "IGO"), ("", None), (None, None)]
)
def test_evaluation_country_of_cameo_actor(code, country):
    assert country_of_cameo_actor(code) == country


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20080804", dt.date(2008, 8, 4)),
        ("121108", dt.date(2000, 1, 1)),
        (None, dt.date(2000, 1, 1)),
        ("2015-01-01", dt.date(2015, 1, 1)),
        ("20151399", dt.date(2000, 1, 1)),
    ],
)
def test_evaluation_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(("text", "expected"), [("{A b.}", "A b."), (" A b. ", "A b."), ("{A", "{A")])
def test_evaluation_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("not json\n", "not JSON"),
        ("[1, 2]\n", "JSON object"),
        ("", "no records"),
        ('{"id": "x", "events": [{"plover": "AGREE"}]}\n', "lacks a plover field"),
    ],
)
def test_evaluation_read_gold_bad_input(tmp_path: Path, content: str, fragment: str):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=fragment):
        read_gold(path)


def test_evaluation_read_gold_missing_file(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read gold file"):
        read_gold(tmp_path / "absent.jsonl")

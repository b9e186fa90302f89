"""Reading the Phoenix dictionaries (tools/phoenix_actors.py) into detente's rows."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from detente.actors.tables import valid_country

TOOLS = Path(__file__).resolve().parents[2] / "tools"
spec = importlib.util.spec_from_file_location("phoenix_actors", TOOLS / "phoenix_actors.py")
assert spec and spec.loader
phoenix = importlib.util.module_from_spec(spec)
sys.modules["phoenix_actors"] = phoenix
spec.loader.exec_module(phoenix)

SAMPLE = """# comment
TURKMENISTAN_
+TURKMEN_
+ASHGABAT_
\t[USRTKM >911016]
\t[TKM >911221]
SAPARMURAT_NIYAZOV_  # CountryInfo.txt
\t[TKMELI 580101-901102]
\t[TKMGOV 901102-061221]
AMANGELDY_PUDAKOV_  # CountryInfo.txt
\t[TKMGOVBUS 040201-051031]
LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB]
DOCTORS_WITHOUT_BORDERS_\t[NGOHLHMSF]
EXXON_\t[MNCUSA]
"""


def _entries() -> list:
    return phoenix.parse_entries(SAMPLE, "sample.txt")


def test_actors_phoenix_parse_entries() -> None:
    entries = _entries()
    assert [e.names[0].strip() for e in entries][:3] == ["TURKMENISTAN_", "SAPARMURAT_NIYAZOV_",
                                                         "AMANGELDY_PUDAKOV_"]
    assert entries[0].names[1:] == ["TURKMEN_", "ASHGABAT_"]
    assert phoenix.is_country(entries[0], valid_country)
    assert phoenix.is_person(entries[1], valid_country) and not phoenix.is_person(entries[4], valid_country)


def test_actors_phoenix_terms_drop_eli_and_read_dates() -> None:
    terms = phoenix.terms_of(_entries()[1], valid_country)
    assert terms == [phoenix.Term("TKM", "GOV", dt.date(1990, 11, 2), dt.date(2006, 12, 21))]


@pytest.mark.parametrize("code,expected", [
    ("TKMGOVBUS", ("TKM", "GOVBUS")), ("USRTKM", ("TKM", None)), ("IGOUNOREFHCR", ("UNO", "REF")),
    ("NGOHLHMSF", ("NGO", "HLH")), ("MNCUSA", ("USA", "BUS")), ("NGOUSAHLH", ("USA", "NGOHLH")),
    ("USAGOVENV", ("USA", "GOV")), ("NGOENV", ("NGO", "SOC")), ("INTREB", ("IMG", "REB")),
    ("IGOWSTNAT", ("IGO", None)), ("XXXREB", None),
])
def test_actors_phoenix_convert_code(code: str, expected: tuple | None) -> None:
    assert phoenix.convert_code(code, valid_country) == expected


@pytest.mark.parametrize("text,expected", [
    ("061221-090131", (dt.date(2006, 12, 21), dt.date(2009, 1, 31), True)),
    (">061221", (dt.date(2006, 12, 21), phoenix.KNOWN_UNTIL, True)),
    ("<19990101", (None, dt.date(1999, 1, 1), True)),
    ("090131-061221", (dt.date(2009, 1, 31), dt.date(2006, 12, 21), False)),
])
def test_actors_phoenix_parse_range(text: str, expected: tuple) -> None:
    assert phoenix.parse_range(text) == expected


def test_actors_phoenix_names() -> None:
    entries = _entries()
    assert phoenix.person_names(entries[1]) == ["Saparmurat Niyazov"]
    assert phoenix.organisation_names(entries[3]) == ["Liberation Tigers of Tamil Eelam", "LTTE"]
    assert phoenix.clean_name("EXXON_") == "Exxon" and phoenix.clean_name("PKK_") == "PKK"

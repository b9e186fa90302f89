from __future__ import annotations

import pytest

from detente.actors.tables import load_tables
from detente.dedup.features import (
    DocumentText,
    Dyad,
    ages,
    countries,
    document_features,
    names,
    numbers,
    place_names,
    places,
    words,
)
from detente.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.default()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A 24-year-old man was shot.", {24}),
        ("Two men, aged 18 and 20, were arrested.", {18, 20}),
        ("The coroner named him as Darnell Pruitt, 24, of Trotwood.", {24}),
        ("The victim, 27, died in hospital.", {27}),
        ("The suspects, 18 and 20, were detained.", {18, 20}),
        ("On May 9, 2023, at 11 p.m., 12 people were hurt.", set()),  # dates, times and counts are no ages
    ],
)
def test_dedup_features_ages(text, expected):
    assert ages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 12 people were arrested in 2023.", ["num:12"]),  # the year is left out
        ("watches worth £250,000", ["num:250000"]),
        ("a $35 million budget gap", ["num:35 million"]),
        ("three elementary schools and one park", ["num:3"]),  # "one" is too common to count
    ],
)
def test_dedup_features_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police found Darnell Pruitt on Salem Avenue.", ["darnell pruitt", "salem avenue"]),
        ("The Kremlin said so. Officers left.", []),  # one word, or one word after a stop word
        ("He lives in Trotwood. Pruitt was 24.", []),  # a sentence end is no part of a name
        ("DAYTON, Ohio — West Yorkshire Police said", ["west yorkshire police", "yorkshire police"]),
        ("Secretary of State Antony Blinken", ["state antony blinken", "antony blinken"]),  # last two words
    ],
)
def test_dedup_features_names(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DAYTON, Ohio — A man was shot, Dayton police said.", ["DAYTON", "Dayton"]),
        ("Protesters filled the streets of Portland, Oregon, on Saturday.", ["Portland", "Oregon"]),
        ("He was taken to Miami Valley Hospital. Police said he lives in Toledo.", ["Toledo"]),
        ("Police in Leeds said. Police Chief Smith spoke.", ["Leeds"]),  # "Police" is a Polish town
        ("Officials in the Oregon District said the Portland Public Schools plan", []),  # longer names
        ("Kenya's capital Nairobi was calm.", ["Kenya's", "Nairobi"]),  # anywhere
    ],
)
def test_dedup_features_place_names(text, expected, resolver):
    assert place_names(text, resolver) == expected


def test_dedup_features_resolve_places_by_context(resolver):
    text = "PORTLAND, Ore. — Hundreds marched through northeast Portland, Oregon."
    doc = DocumentText("d", None, None, text)
    features = document_features(doc, resolver)
    assert {p.geonames_id for p in features.places if p.precision == "city"} == {5746545}  # Oregon's


def test_dedup_features_words_leave_out_calendar_and_stop_words():
    assert words("On Tuesday in May the police arrested 2 men") == ["polic", "arrest", "men"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protesters protested", ["protest", "protest"]),  # a paraphrase's other form meets
        ("sanctions sanctioning", ["sanction", "sanction"]),
    ],
)
def test_dedup_features_words_are_stemmed(text, expected):
    assert words(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Kremlin recalled its envoy from Washington.", ["RUS", "USA"]),  # seats of power
        ("Russian officials in Moscow", ["RUS", "RUS"]),  # an adjective, a capital
        ("South Korea and North Korea", ["KOR", "PRK"]),  # the longest name in a run
        ("Tell us what the US said.", ["USA"]),  # "US" only in capitals
        ("Darnell Pruitt was shot on Salem Avenue.", []),
    ],
)
def test_dedup_features_countries(text, expected):
    assert countries(text, load_tables()) == expected


def test_dedup_features_dyads_are_tokens(resolver):
    dyads = (Dyad("SANCTION", "RUS", "USA"), Dyad("ASSAULT", None, "SYR"))
    doc = DocumentText("d", None, None, "Moscow recalled its envoy.", dyads=dyads)
    tokens = document_features(doc, resolver).tokens
    assert "event:SANCTION:RUS:USA" in tokens
    assert "event:ASSAULT:-:SYR" in tokens
    assert "country:RUS" in tokens


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nairobi and Dodoma have pledged to ease delays.", {(None, "country", "KEN")}),  # a government
        ("Moscow's embassy staff were expelled.", {(None, "country", "RUS")}),
        ("Ministers met in Nairobi on Monday.", {(184745, "city", "KEN")}),  # the scene
    ],
)
def test_dedup_features_a_seat_of_power_named_as_an_actor_is_its_country(text, expected, resolver):
    found = places(text, resolver)
    assert {(p.geonames_id, p.precision, p.country) for p in found.values()} == expected


@pytest.mark.issue(12)
def test_dedup_features_named_countries_are_places_too(resolver):
    doc = DocumentText("d", None, None, "Tractors blocked roads as Spain's farm organisations marched.")
    features = document_features(doc, resolver)
    assert {p.country for p in features.places} == {"ESP"}  # the possessive "Spain's" counts
    assert "country:ESP" in features.tokens

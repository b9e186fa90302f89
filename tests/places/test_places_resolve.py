"""Place mentions, disambiguation, actors vs places, datelines and event locations (en_core_web_md)."""

from __future__ import annotations

import math

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from detente.models import Document, Location
from detente.places import PlaceMention, PlaceResolver

pytestmark = pytest.mark.model


def _parse(nlp: Language, resolver: PlaceResolver, text: str) -> tuple[Doc, list[PlaceMention]]:
    doc = nlp(text)
    return doc, resolver.places_in(doc, Document(doc_id="t", text=text))


def _locate(nlp: Language, resolver: PlaceResolver, text: str, trigger: str) -> Location | None:
    doc, mentions = _parse(nlp, resolver, text)
    token = next(t for t in doc if t.text == trigger)
    return resolver.locate_event(doc, token.sent, token, mentions)


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(("text", "name", "country", "admin1"), [
    ("Georgia's president met officials in Tbilisi on Monday.", "Georgia", "GEO", None),
    ("Voters in Georgia waited for hours at polling stations in Atlanta.", "Georgia", "USA", "US.GA"),
    ("A tornado hit Paris, Texas, on Sunday.", "Paris", "USA", "US.TX"),
    ("Thousands marched in Paris against the pension reform.", "Paris", "FRA", "FR.11"),
    ("Police in Birmingham, Alabama, arrested two men.", "Birmingham", "USA", "US.AL"),
    ("Police in Birmingham arrested two men. The city is the second largest in England.",
     "Birmingham", "GBR", "GB.ENG"),
    ("Police in Birmingham arrested two men. Alabama officials praised them.", "Birmingham", "USA", "US.AL"),
])
def test_places_ambiguous_names(nlp_md: Language, resolver: PlaceResolver, text: str, name: str,
                                country: str, admin1: str | None) -> None:
    _, mentions = _parse(nlp_md, resolver, text)
    mention = next(m for m in mentions if m.text == name)
    assert (mention.location.country, mention.location.admin1) == (country, admin1)
    assert text[mention.start:mention.end] == name


@pytest.mark.parametrize(("text", "name", "is_actor"), [
    ("Moscow denied the report on Sunday.", "Moscow", True),
    ("Russia recalled its ambassador.", "Russia", True),
    ("The ambassador returned to Moscow on Sunday.", "Moscow", False),
    ("Protesters gathered in Washington.", "Washington", False),
    ("A bomb in Kabul killed five people.", "Kabul", False),
    ("The move was condemned by France.", "France", True),
    ("U.S. officials visited the border.", "U.S.", True),
    ("A Norway-based group said troops fired on the crowd.", "Norway", True),  # a seat, not the place
    ("The monitor, based in Paris, said jets struck the town.", "Paris", True),
])
def test_places_capital_actor_or_place(nlp_md: Language, resolver: PlaceResolver, text: str, name: str,
                                       is_actor: bool) -> None:
    _, mentions = _parse(nlp_md, resolver, text)
    assert [m.is_actor for m in mentions if m.text == name] == [is_actor]


# (sentence, trigger, ISO3, true latitude, true longitude)
EVENTS = [
    ("Police fired tear gas at protesters in Nairobi on Sunday.", "fired", "KEN", -1.286, 36.817),
    ("A car bomb exploded near a market in Kabul on Tuesday.", "exploded", "AFG", 34.555, 69.207),
    ("Thousands of people protested in Santiago against the government.", "protested", "CHL", -33.449,
     -70.669),
    ("Soldiers arrested an opposition leader in Harare.", "arrested", "ZWE", -17.829, 31.052),
    ("The two foreign ministers met in Ankara on Friday.", "met", "TUR", 39.934, 32.860),
    ("Riot police clashed with students in Dhaka.", "clashed", "BGD", 23.810, 90.413),
    ("Gunmen attacked a church in Lagos on Sunday.", "attacked", "NGA", 6.524, 3.379),
    ("Demonstrators marched through Caracas to demand new elections.", "marched", "VEN", 10.481, -66.904),
    ("An earthquake struck near Kathmandu, killing dozens.", "struck", "NPL", 27.717, 85.324),
    ("Farmers blocked roads around Jakarta on Monday.", "blocked", "IDN", -6.209, 106.846),
    ("The rebels seized an army base outside Mogadishu.", "seized", "SOM", 2.047, 45.318),
    ("Officials signed a trade agreement in Hanoi.", "signed", "VNM", 21.028, 105.834),
    ("Police raided the offices of a newspaper in Minsk.", "raided", "BLR", 53.904, 27.561),
]


@pytest.mark.parametrize(("text", "trigger", "country", "lat", "lon"), EVENTS)
def test_places_event_location_within_50_km(nlp_md: Language, resolver: PlaceResolver, text: str,
                                            trigger: str, country: str, lat: float, lon: float) -> None:
    location = _locate(nlp_md, resolver, text, trigger)
    assert location is not None and location.country == country
    assert location.lat is not None and location.lon is not None
    assert _haversine_km(lat, lon, location.lat, location.lon) <= 50.0


@pytest.mark.parametrize(("text", "trigger", "name", "precision"), [
    ("Officials in Kenya said that police clashed with protesters in Kisumu.", "clashed", "Kisumu", "city"),
    ("Officials in Kenya said that police clashed with protesters in Kisumu.", "said", "Kenya", "country"),
    ("A bomb exploded in Kabul, Afghanistan, on Monday.", "exploded", "Kabul", "city"),
    ("Troops were deployed across Texas.", "deployed", "Texas", "admin1"),
    ("Moscow denied the report.", "denied", None, None),
])
def test_places_locate_clause_sentence(nlp_md: Language, resolver: PlaceResolver, text: str, trigger: str,
                                       name: str | None, precision: str | None) -> None:
    location = _locate(nlp_md, resolver, text, trigger)
    found = (location.name, location.precision) if location else (None, None)
    assert found == (name, precision)


@pytest.mark.parametrize(("text", "trigger", "name", "country"), [
    ("MOSCOW (Reuters) - The foreign ministry summoned the envoy.", "summoned", "Moscow", "RUS"),
    ("KABUL, Afghanistan — A bomb killed five people. The attack was condemned.", "condemned", "Kabul",
     "AFG"),
    ("PARIS, Texas — A tornado damaged homes on Sunday. Residents fled.", "fled", "Paris", "USA"),
    ("ACCRA, June 12 (Reuters) - Police fired tear gas. Traders fled.", "fled", "Accra", "GHA"),  # a date
    ("Friday, January 4, 2019\n\nA building collapsed on Monday in Magnitogorsk in Russia. Rescuers "
     "searched the ruins.", "searched", "Magnitogorsk", "RUS"),
])
def test_places_dateline_fallback(nlp_md: Language, resolver: PlaceResolver, text: str, trigger: str,
                                  name: str, country: str) -> None:
    location = _locate(nlp_md, resolver, text, trigger)
    assert location is not None and (location.name, location.country) == (name, country)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Saturday, March 2, 2019\n\nDrones hit oil plants in Saudi Arabia on Saturday.\n\n"
     "Amnesty International called for an inquiry.", "called"),
    ("Saturday, March 2, 2019\n\nDrones hit oil plants in Saudi Arabia on Saturday.\n\n"
     "Pompeo blamed the rebels, saying \"the attacks came from Yemen.\"", "blamed"),
])
def test_places_first_sentence_place_is_the_lead_only(nlp_md: Language, resolver: PlaceResolver, text: str,
                                                     trigger: str) -> None:
    assert _locate(nlp_md, resolver, text, trigger) is None

"""Phrases resolve to (country, sector): countries, seats, agents, people, media, IGOs, non-actors."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors.conftest import Resolve, find_token

from detente.actors import ActorResolver


def _codes(actors: list) -> list[tuple[str | None, str | None]]:
    return [(a.country, a.sector) for a in actors]


@pytest.mark.parametrize("sentence,head,expected", [
    ("Russia recalled its envoy.", "Russia", [("RUS", "GOV")]),
    ("The United States imposed sanctions.", "States", [("USA", "GOV")]),
    ("The US imposed sanctions.", "US", [("USA", "GOV")]),
    ("The U.S. imposed sanctions.", "U.S.", [("USA", "GOV")]),
    ("America imposed sanctions.", "America", [("USA", "GOV")]),
    ("Britain protested.", "Britain", [("GBR", "GOV")]),
    ("The UK protested.", "UK", [("GBR", "GOV")]),
    ("The UAE mediated the dispute.", "UAE", [("ARE", "GOV")]),
    ("The DRC accused its neighbour.", "DRC", [("COD", "GOV")]),
    ("South Korea protested.", "Korea", [("KOR", "GOV")]),
    ("Americans wrote letters.", "Americans", [("USA", "CVL")]),
    ("Jordan and Britain signed a deal.", "Jordan", [("JOR", "GOV"), ("GBR", "GOV")]),
])
def test_actors_resolve_countries(resolve: Resolve, sentence: str, head: str, expected: list) -> None:
    assert _codes(resolve(sentence, head)) == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("Moscow denies the report.", "Moscow", ("RUS", "GOV")),
    ("Washington said it would respond.", "Washington", ("USA", "GOV")),
    ("The Kremlin rejected the offer.", "Kremlin", ("RUS", "GOV")),
    ("The White House welcomed the vote.", "House", ("USA", "GOV")),
    ("Beijing warned Tokyo.", "Beijing", ("CHN", "GOV")),
    ("Downing Street declined to comment.", "Street", ("GBR", "GOV")),
    ("The Pentagon announced new measures.", "Pentagon", ("USA", "MIL")),
    ("Tehran rejected the proposal.", "Tehran", ("IRN", "GOV")),
    ("Kyiv asked for more weapons.", "Kyiv", ("UKR", "GOV")),
])
def test_actors_resolve_seats_of_power(resolve: Resolve, sentence: str, head: str, expected: tuple) -> None:
    assert _codes(resolve(sentence, head)) == [expected]


@pytest.mark.parametrize("sentence,head,expected", [
    ("Russia's ambassador left the country.", "ambassador", ("RUS", "GOV")),
    ("The Russian Foreign Ministry issued a statement.", "Ministry", ("RUS", "GOV")),
    ("Chinese troops crossed the border.", "troops", ("CHN", "MIL")),
    ("Iranian protesters gathered outside.", "protesters", ("IRN", "CVLOPP")),
    ("Police in Kenya arrested ten people.", "Police", ("KEN", "COP")),
    ("The US President signed the bill.", "President", ("USA", "GOV")),
    ("The foreign minister of Iran visited Beijing.", "minister", ("IRN", "GOV")),
    ("The Russian embassy in Washington issued a statement.", "embassy", ("RUS", "GOV")),
    ("Turkish soldiers opened fire.", "soldiers", ("TUR", "MIL")),
    ("A French court convicted him.", "court", ("FRA", "JUD")),
    ("Indian lawmakers voted against it.", "lawmakers", ("IND", "LEG")),
    ("Syrian rebels seized the town.", "rebels", ("SYR", "REB")),
    ("Egyptian journalists were detained.", "journalists", ("EGY", "JRN")),
    ("Afghan refugees crossed into Iran.", "refugees", ("AFG", "REF")),
    ("Nigerian students staged a sit-in.", "students", ("NGA", "EDU")),
    ("Brazilian doctors went on strike.", "doctors", ("BRA", "HLH")),
    ("Israeli officials declined to comment.", "officials", ("ISR", "GOV")),
    ("A Kremlin spokesman denied it.", "spokesman", ("RUS", "GOV")),
    ("The Kenyan health minister confirmed the case.", "minister", ("KEN", "GOVHLH")),
    ("The Israeli health ministry published the figures.", "ministry", ("ISR", "GOVHLH")),
    ("The Chicago Police Department released the video.", "Department", ("USA", "COP")),
    ("The Pheu Thai party formed a coalition.", "party", ("THA", "PTY")),
])
def test_actors_resolve_agents(resolve: Resolve, sentence: str, head: str, expected: tuple) -> None:
    assert _codes(resolve(sentence, head)) == [expected]


def test_actors_resolve_coordinated_owners(resolve: Resolve) -> None:
    actors = resolve("Hungarian and Romanian officials met on Monday.", "officials")
    assert _codes(actors) == [("HUN", "GOV"), ("ROU", "GOV")]


@pytest.mark.parametrize("sentence,head,name,expected", [
    ("US President Joe Biden called for calm.", "Biden", "Joe Biden", ("USA", "GOV")),
    ("Russian Ambassador Anatoly Antonov was summoned.", "Antonov", "Anatoly Antonov", ("RUS", "GOV")),
    ("The US President, Joe Biden, called for calm.", "President", "Joe Biden", ("USA", "GOV")),
    ("Putin signed the decree.", "Putin", "Vladimir Putin", ("RUS", "GOV")),
    ("Zelensky asked for help.", "Zelensky", "Volodymyr Zelensky", ("UKR", "GOV")),
    ("Netanyahu met the envoy.", "Netanyahu", "Benjamin Netanyahu", ("ISR", "GOV")),
    ("Erdogan warned Greece.", "Erdogan", "Recep Tayyip Erdoğan", ("TUR", "GOV")),
    ("Guterres urged restraint.", "Guterres", "António Guterres", ("UNO", "GOV")),
])
def test_actors_resolve_people(resolve: Resolve, sentence: str, head: str, name: str,
                               expected: tuple) -> None:
    actors = resolve(sentence, head)
    assert [(a.name, a.country, a.sector, a.kind) for a in actors] == [(name, *expected, "person")]


def test_actors_resolve_apposition_posted_to(resolve: Resolve) -> None:
    sentence = "Russia's ambassador to the United States, Anatoly Antonov, was recalled for talks."
    (actor,) = resolve(sentence, "ambassador")
    assert (actor.name, actor.country, actor.sector, actor.posted_to) == ("Anatoly Antonov", "RUS", "GOV",
                                                                          "USA")


def test_actors_resolve_unknown_person_with_title(resolve: Resolve) -> None:
    (actor,) = resolve("Russian Ambassador Ivan Petrovsky was summoned.", "Petrovsky")
    assert (actor.name, actor.country, actor.sector) == ("Ivan Petrovsky", "RUS", "GOV")


@pytest.mark.parametrize("sentence,head,expected", [
    ("TASS reported the decision.", "TASS", ("RUS", "JRN")),
    ("Xinhua reported the decision.", "Xinhua", ("CHN", "JRN")),
    ("CNN reported the decision.", "CNN", ("USA", "JRN")),
    ("The BBC reported the decision.", "BBC", ("GBR", "JRN")),
    ("Reuters reported the decision.", "Reuters", ("GBR", "JRN")),
    ("AFP reported the decision.", "AFP", ("FRA", "JRN")),
    ("Al Jazeera reported the decision.", "Jazeera", ("QAT", "JRN")),
    ("NATO condemned the attack.", "NATO", ("IGO", "MIL")),
    ("The UN condemned the attack.", "UN", ("UNO", "GOV")),
    ("The EU condemned the attack.", "EU", ("EUR", "GOV")),
    ("The African Union condemned the attack.", "Union", ("IGO", "GOV")),
    ("The IMF approved the loan.", "IMF", ("IGO", "BUS")),
    ("The World Bank approved the loan.", "Bank", ("IGO", "BUS")),
    ("Amnesty International condemned the attack.", "International", ("NGO", "NGO")),
    ("Human Rights Watch condemned the attack.", "Watch", ("NGO", "NGO")),
])
def test_actors_resolve_media_and_organisations(resolve: Resolve, sentence: str, head: str,
                                                expected: tuple) -> None:
    assert _codes(resolve(sentence, head)) == [expected]


@pytest.mark.parametrize("sentence,head", [
    ("The talks ended without agreement.", "talks"),
    ("The price of oil rose.", "price"),
    ("It took a lot of work.", "lot"),
    ("The interest was high.", "interest"),
    ("The elections were postponed.", "elections"),
])
def test_actors_resolve_non_actors(resolve: Resolve, sentence: str, head: str) -> None:
    assert resolve(sentence, head) == []


def test_actors_resolve_unknown_name_kept(resolve: Resolve) -> None:
    (actor,) = resolve("Zorblatt Quintex announced the deal.", "Quintex")
    assert (actor.country, actor.sector, actor.code) == (None, None, None)
    assert actor.text == "Zorblatt Quintex"


def test_actors_resolve_offsets_and_relative_clause(resolve: Resolve) -> None:
    sentence = "Yesterday the Russian embassy, which opened in 1992, issued a statement."
    (actor,) = resolve(sentence, "embassy")
    assert sentence[actor.start:actor.end] == actor.text == "Russian embassy"


@pytest.mark.parametrize("sentence,head,expected", [
    ("Russia recalled its ambassador.", "Russia", [("RUS", "GOV")]),
    ("Chinese troops crossed the border.", "troops", [("CHN", "MIL")]),
    ("Moscow denies the report.", "Moscow", [("RUS", "GOV")]),
    ("The talks ended.", "talks", []),
])
def test_actors_resolve_small_model(resolve: Resolve, nlp_sm, sentence: str, head: str,  # type: ignore[no-untyped-def]
                                    expected: list) -> None:
    assert _codes(resolve(sentence, head, nlp=nlp_sm)) == expected


@pytest.mark.parametrize("text,context,expected", [
    ("Antonov", "Russian Ambassador Anatoly Antonov said the talks were useful.", ("RUS", "GOV")),
    ("the Russian Foreign Ministry", None, ("RUS", "GOV")),
    ("Chinese troops", None, ("CHN", "MIL")),
])
def test_actors_resolve_text(resolver: ActorResolver, text: str, context: str | None,
                             expected: tuple) -> None:
    actor = resolver.resolve_text(text, context=context, on=dt.date(2021, 3, 18))
    assert (actor.text, actor.country, actor.sector) == (text, *expected)


def test_actors_resolve_text_non_actor(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("the price").code is None


def test_actors_resolve_find_token_helper(nlp_md) -> None:  # type: ignore[no-untyped-def]
    assert find_token(nlp_md, "Russia recalled.", "Russia").i == 0

"""Resolution classes found in the accuracy work: titles without a country, country words inside
organisation names, ethnic groups and where they live, possessors of non-actor nouns, pseudo-country
agents, hyphenated names. Sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors.conftest import Resolve

from detente.actors.phrase import text_of
from detente.actors.resolver import char_text

OLD = dt.date(2000, 1, 1)


def _one(actors: list) -> tuple:  # type: ignore[type-arg]
    assert len(actors) == 1, actors
    return actors[0].country, actors[0].sector


@pytest.mark.parametrize("sentence,head,expected", [
    ("The rebels in Fiji said they would free Prime Minister Tomas Kalu soon.", "Kalu", "FJI"),
    ("Deputy Premier Ana Velko resigned after the Latvian Anti-Graft Office accused her.", "Velko", "LVA"),
    ("Vice-President Oren Malik met envoys in Kenya.", "Malik", "KEN"),
    # two countries: ambiguous, so no country
    ("Prime Minister Tomas Kalu flew from Ghana to Togo.", "Kalu", None),
    # no country at all
    ("Prime Minister Tomas Kalu resigned.", "Kalu", None),
])
def test_actors_resolve_title_takes_the_only_sentence_country(resolve: Resolve, sentence: str, head: str,
                                                              expected: str | None) -> None:
    actors = resolve(sentence, head, on=OLD)
    assert actors[0].kind == "person"
    assert actors[0].country == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("The Ghana Assembly passed the law.", "Assembly", ("GHA", "LEG")),
    ("The Chadian Reconciliation Council met on Monday.", "Council", ("TCD", "GOV")),
    ("Iraq's interim government asked for help.", "government", ("IRQ", "GOV")),
    ("Officials from the Moldovan interim government arrived.", "Officials", ("MDA", "GOV")),
])
def test_actors_resolve_country_inside_organisation_name(resolve: Resolve, sentence: str, head: str,
                                                         expected: tuple) -> None:
    country, sector = _one(resolve(sentence, head, on=OLD))
    assert country == expected[0]
    if expected[1]:
        assert sector == expected[1]


@pytest.mark.parametrize("sentence,head,expected", [
    ("Ethnic Serbs in northern Kosovo want autonomy.", "Serbs", "KOS"),
    ("The Hungarians of southern Slovakia want more schools.", "Hungarians", "SVK"),
    ("Ethnic Hungarians marched through the capital.", "Hungarians", None),
    ("Hungarians marched through the capital.", "Hungarians", "HUN"),
    ("Yoruba leaders criticised the decision.", "leaders", "NGA"),
])
def test_actors_resolve_ethnic_groups_where_they_live(resolve: Resolve, sentence: str, head: str,
                                                      expected: str | None) -> None:
    country, _sector = _one(resolve(sentence, head, on=OLD))
    assert country == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("A human rights organization condemned the arrests.", "organization", ("NGO", "NGO")),
    ("A rights watchdog criticised the police.", "watchdog", ("NGO", "NGO")),
    ("UN peacekeepers patrolled the border.", "peacekeepers", ("UNO", "MIL")),
    ("Syrian forces shelled the town.", "forces", ("SYR", "MIL")),
    ("Israeli tanks entered the town.", "tanks", ("ISR", "MIL")),
    ("The PRC protested on Monday.", "PRC", ("CHN", "GOV")),
    ("The European Community imposed a ban.", "Community", ("EUR", "GOV")),
    ("The US State Department criticised the vote.", "Department", ("USA", "GOV")),
    ("Al-Shabab fighters attacked a base.", "fighters", ("SOM", None)),
])
def test_actors_resolve_groups_and_agencies(resolve: Resolve, sentence: str, head: str,
                                            expected: tuple) -> None:
    country, sector = _one(resolve(sentence, head, on=OLD))
    assert country == expected[0]
    if expected[1]:
        assert sector == expected[1]


@pytest.mark.parametrize("sentence,head,country", [
    ("The cabinet welcomed President Putin's proposal.", "proposal", "RUS"),
    ("Officials praised Tehran's offer.", "offer", "IRN"),
])
def test_actors_resolve_possessor_of_non_actor(resolve: Resolve, sentence: str, head: str,
                                               country: str) -> None:
    actors = resolve(sentence, head)
    assert [a.country for a in actors] == [country]


@pytest.mark.parametrize("sentence,head", [
    ("The minister welcomed the proposal.", "proposal"),
    ("The talks brought little progress.", "progress"),
])
def test_actors_resolve_abstract_nouns_stay_non_actors(resolve: Resolve, sentence: str, head: str) -> None:
    assert resolve(sentence, head) == []


def test_actors_resolve_possessor_gives_no_agent(resolve: Resolve) -> None:
    """"the president's plane" is a thing owned by a president, not a president."""
    actors = resolve("The ministers boarded the president's plane.", "plane")
    assert all(a.kind != "person" or a.text != "the president's plane" for a in actors)


@pytest.mark.parametrize("sentence,word,expected", [
    ("Hossein Amir-Abdollahian met the envoy.", "Abdollahian", "Hossein Amir-Abdollahian"),
    ("Envoy Jean-Pierre Dumont spoke.", "Dumont", "Jean-Pierre Dumont"),
])
def test_actors_resolve_hyphenated_names_keep_spelling(resolve: Resolve, sentence: str, word: str,
                                                       expected: str) -> None:
    actors = resolve(sentence, word)
    assert actors and actors[0].name == expected


def test_actors_resolve_text_of_restores_left_out_hyphen(nlp_md) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_md("Al-Shabab fighters and Mr Ali met.")
    words = [t for t in doc if t.text != "-"]
    assert text_of(words[:3]) == "Al-Shabab fighters"
    assert text_of([doc[0], doc[5]]) == "Al Mr"


@pytest.mark.parametrize("start,end", [(0, 5), (4, 16), (6, 22), (0, 27)])
def test_actors_resolve_char_text_matches_doc_text(nlp_md, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_md("The Ghana Assembly met twice.")
    assert char_text(doc, start, end) == doc.text[start:end]

"""Resolution gaps closed in the accuracy work: international bodies and their spellings, names
that run through a preposition, "X-based" as a gap filler only, national Red Crescent societies,
misspelt country words, and legislatures with no country. Sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from spacy.language import Language
from tests.actors.conftest import Resolve

from detente.actors import ActorResolver
from detente.actors.tables import normalise, one_edit
from detente.models import Actor

ON = dt.date(2019, 5, 1)


def _only(actors: list[Actor]) -> tuple[str | None, str | None]:
    assert len(actors) == 1, actors
    return actors[0].country, actors[0].sector


@pytest.mark.parametrize("sentence,head,expected", [
    ("Europol raided a warehouse near Lisbon.", "Europol", ("EUR", "COP")),
    ("Interpol circulated a notice for the banker.", "Interpol", ("IGO", "COP")),
    ("The OPCW sent inspectors to the depot.", "OPCW", ("IGO", "GOV")),
    ("The Organisation for the Prohibition of Chemical Weapons sent inspectors.", "Organisation",
     ("IGO", "GOV")),
    ("The ICJ ruled against Chile on Tuesday.", "ICJ", ("UNO", "JUD")),
    ("The International Court of Justice ruled against Chile.", "Court", ("UNO", "JUD")),
    ("The ICC summoned a militia commander.", "ICC", ("IGO", "JUD")),
    ("The Organization for Security and Cooperation in Europe sent monitors.", "Organization",
     ("IGO", "GOV")),
    ("The Shanghai Cooperation Organisation admitted a new member.", "Organisation", ("IGO", "GOV")),
    ("Reporters Without Borders condemned the arrest of the editor.", "Reporters", ("NGO", "JRN")),
    ("The Committee to Protect Journalists condemned the raid.", "Committee", ("NGO", "JRN")),
    ("The League of Arab States suspended the delegation.", "League", ("IGO", "GOV")),
])
def test_actors_resolve_international_bodies(resolve: Resolve, sentence: str, head: str,
                                             expected: tuple[str, str]) -> None:
    assert _only(resolve(sentence, head, on=ON)) == expected


@pytest.mark.parametrize("left,right", [
    ("The Organisation of the Islamic Cooperation", "Organization of Islamic Cooperation"),
    ("Security and Co-operation", "security and cooperation"),
    ("Save the Children", "Save Children"),
])
def test_actors_tables_normalise_spellings_meet(left: str, right: str) -> None:
    assert normalise(left) == normalise(right)


@pytest.mark.parametrize("a,b,expected", [
    ("ethopia", "ethiopia", True),  # a letter left out
    ("britian", "britain", True),  # two letters swapped
    ("ukranian", "ukrainian", True),
    ("austria", "australia", False),  # two edits
    ("kenya", "kenya", False),  # the same word is no misspelling
    ("abcd", "badc", False),
])
def test_actors_tables_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected
    assert one_edit(b, a) is expected


@pytest.mark.parametrize("sentence,head,expected", [
    # the organisation's own name says which country it is; "-based" only says where it sits
    ("The Sudanese Rights Forum, a Norway-based group, said soldiers burned a village.", "Forum",
     "SDN"),
    ("The Eritrean Justice League, a London-based monitor, accused the army.", "League", "ERI"),
    # with no country of its own, the base fills the gap
    ("A Paris-based rights group said soldiers burned a village.", "group", "FRA"),
    ("The charity, based in Nairobi, said the camp was full.", "charity", "KEN"),
    # a national Red Crescent society belongs to its country
    ("The Turkish Red Crescent sent tents to the camp.", "Crescent", "TUR"),
    ("The Red Crescent sent tents to the camp.", "Crescent", "NGO"),
])
def test_actors_resolve_base_only_fills_a_gap(resolve: Resolve, sentence: str, head: str,
                                              expected: str) -> None:
    assert _only(resolve(sentence, head, on=ON))[0] == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("Ethopia closed its border with Sudan.", "Ethopia", ("ETH", "GOV")),
    ("Afganistan rejected the offer from the rebels.", "Afganistan", ("AFG", "GOV")),
    ("Ukranian troops shelled the town overnight.", "troops", ("UKR", "MIL")),
    ("The Phillipines protested to Beijing.", "Phillipines", ("PHL", "GOV")),
])
def test_actors_resolve_misspelt_country_words(resolve: Resolve, sentence: str, head: str,
                                               expected: tuple[str, str]) -> None:
    assert _only(resolve(sentence, head, on=ON)) == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("Austria criticised Australia over the dispute.", "Austria", "AUT"),
    ("Austria criticised Australia over the dispute.", "Australia", "AUS"),
    ("The Iranian government summoned the envoy.", "government", "IRN"),
    ("Dominic criticised the plan on Monday.", "Dominic", None),  # a first name, not Dominica
    ("Indiana sued the company on Monday.", "Indiana", None),  # a US state, not India
    ("Nigel Hartley criticised the plan.", "Hartley", None),
])
def test_actors_resolve_misspelling_leaves_real_names(resolve: Resolve, sentence: str, head: str,
                                                      expected: str | None) -> None:
    actors = resolve(sentence, head, on=ON)
    assert [a.country for a in actors] == [expected]


def test_actors_resolve_misspelling_is_logged(resolve: Resolve, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="detente.actors.lookup"):
        resolve("Ethopia closed its border with Sudan.", "Ethopia", on=ON)
    assert any("Ethopia" in r.getMessage() for r in caplog.records)


def _resolve_all(nlp: Language, resolver: ActorResolver, text: str, on: dt.date) -> dict[str, Actor]:
    """Every noun and proper-noun argument of `text` resolved in reading order with one memory."""
    memory = resolver.new_memory()
    found: dict[str, Actor] = {}
    for token in nlp(text):
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
            for actor in resolver.resolve_token(token, on=on, memory=memory):
                found.setdefault(token.text, actor)
    return found


@pytest.mark.parametrize("text,word,expected", [
    ("Chancellor Angela Merkel flew home on Sunday. The chancellor is being pressed by parliament "
     "to act.", "parliament", "DEU"),
    ("Brazilian President Jair Bolsonaro attacked congress over the pension bill.", "congress", "BRA"),
    ("Congress rejected the treaty on Friday.", "Congress", "USA"),
    ("The congress rejected the treaty on Friday.", "congress", "USA"),
    ("The speaker said that parliament would vote soon.", "parliament", None),
    ("President Emmanuel Macron and Chancellor Angela Merkel addressed parliament.", "parliament", None),
])
def test_actors_resolve_legislature_takes_the_sentence_leader_country(
        nlp_md: Language, resolver: ActorResolver, text: str, word: str, expected: str | None) -> None:
    actors = _resolve_all(nlp_md, resolver, text, ON)
    assert actors[word].country == expected
    assert actors[word].sector == "LEG"

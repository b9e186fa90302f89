"""Error classes found by hand-checking actors on 2019-2020 news (actors 1.6.0): appositions that lost
the person's name, relation nouns ("a critic of ..."), place names holding a country word, titles
inside organisation names, parties, companies, outlets, agencies, recent office holders, the owner
organisation's sector, the document's main country, and "the Court" after a judge. Sentences are
made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.actors.conftest import Resolve, find_token

from detente.actors import ActorResolver
from detente.models import Actor

ON = dt.date(2020, 9, 1)


def _codes(actors: list[Actor]) -> list[tuple[str | None, str | None, str | None]]:
    return [(a.name, a.country, a.sector) for a in actors]


@pytest.mark.parametrize("sentence,head,expected", [
    ("Jacinda Ardern, the Prime Minister of New Zealand, thanked the rescuers.", "Ardern",
     ("Jacinda Ardern", "NZL", "GOV")),
    ("Mette Frederiksen, Denmark's prime minister, opened the bridge.", "Frederiksen",
     ("Mette Frederiksen", "DNK", "GOV")),
])
def test_actors_apposition_keeps_the_person_name(resolve: Resolve, sentence: str, head: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert _codes(resolve(sentence, head, on=ON)) == [expected]


@pytest.mark.parametrize("sentence,head,expected", [
    ("A fierce critic of the Chilean president was arrested.", "critic", [(None, "CHL", None)]),
    ("A critic of the president wrote the letter.", "critic", []),
    ("The head of the Kenyan foreign ministry resigned.", "head",
     [("Kenyan Foreign Ministry", "KEN", "GOV")]),
])
def test_actors_relation_nouns_take_only_the_owner(
        resolve: Resolve, sentence: str, head: str,
        expected: list[tuple[str | None, str, str | None]]) -> None:
    assert _codes(resolve(sentence, head, on=ON)) == expected


@pytest.mark.parametrize("sentence,head", [
    ("Floods hit British Columbia on Sunday.", "Columbia"),
    ("Fishing boats crowded the South China Sea.", "Sea"),
])
def test_actors_place_names_with_country_words_are_not_that_country(resolve: Resolve, sentence: str,
                                                                    head: str) -> None:
    actors = resolve(sentence, head, on=ON)
    assert all(a.country is None for a in actors), actors


@pytest.mark.parametrize("sentence,head,expected", [
    ("The General Services Administration signed the lease.", "Administration", ("USA", "GOV")),
    ("Agency administrator Lena Borg approved the grant.", "Borg", (None, "GOV")),
])
def test_actors_general_inside_a_name_is_no_military_rank(resolve: Resolve, sentence: str, head: str,
                                                          expected: tuple[str | None, str]) -> None:
    (actor,) = resolve(sentence, head, on=ON)
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("Republicans blocked the spending bill.", "Republicans", ("USA", "PTY")),
    ("The BJP won the state election.", "BJP", ("IND", "PTY")),
    ("Fidesz tightened its grip on the media.", "Fidesz", ("HUN", "PTY")),
    ("Twitter suspended the account of the minister.", "Twitter", ("USA", "BUS")),
    ("Huawei denied the spying claims.", "Huawei", ("CHN", "BUS")),
    ("Gazprom cut deliveries to the plant.", "Gazprom", ("RUS", "BUS")),
    ("The CBC interviewed the mayor.", "CBC", ("CAN", "JRN")),
    ("The RCMP arrested two men near the border.", "RCMP", ("CAN", "COP")),
    ("Scotland Yard opened an inquiry.", "Yard", ("GBR", "COP")),
    ("MI5 warned the ministers about the threat.", "MI5", ("GBR", "SPY")),
    ("The Tatmadaw detained the activists.", "Tatmadaw", ("MMR", "MIL")),
    ("The Syrian Democratic Forces captured the village.", "Forces", ("SYR", "REB")),
])
def test_actors_parties_companies_outlets_and_agencies(resolve: Resolve, sentence: str, head: str,
                                                       expected: tuple[str, str]) -> None:
    (actor,) = resolve(sentence, head, on=ON)
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize("sentence,head,on,expected", [
    ("Pelosi criticised the order.", "Pelosi", dt.date(2020, 6, 1), ("USA", "LEG")),
    ("Pashinyan called for a ceasefire.", "Pashinyan", dt.date(2020, 10, 1), ("ARM", "GOV")),
    ("Morawiecki met the farmers.", "Morawiecki", dt.date(2019, 3, 1), ("POL", "GOV")),
    ("Kurz welcomed the ruling.", "Kurz", dt.date(2019, 8, 1), ("AUT", "ELI")),
    ("Ndayishimiye named a new cabinet.", "Ndayishimiye", dt.date(2020, 7, 1), ("BDI", "GOV")),
    ("Wray testified before the committee.", "Wray", dt.date(2019, 7, 1), ("USA", "COP")),
])
def test_actors_recent_office_holders(resolve: Resolve, sentence: str, head: str, on: dt.date,
                                      expected: tuple[str, str]) -> None:
    (actor,) = resolve(sentence, head, on=on)
    assert (actor.country, actor.sector) == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("Metropolitan Police constable Ann Vale was injured.", "Vale", ("GBR", "COP")),
    ("RCMP sergeant Tim Hale gave evidence.", "Hale", ("CAN", "COP")),
])
def test_actors_person_takes_owner_organisation_sector(resolve: Resolve, sentence: str, head: str,
                                                       expected: tuple[str, str]) -> None:
    actors = resolve(sentence, head, on=ON)
    assert [(a.country, a.sector) for a in actors] == [expected]


def _resolve_in_order(nlp: Language, resolver: ActorResolver, text: str, words: list[str]) -> list[Actor]:
    """Resolve the first token of each word in `text` with one memory, in the given order."""
    doc = nlp(text)
    memory = resolver.new_memory()
    found: list[Actor] = []
    for word in words:
        token = next(t for t in doc if t.text == word)
        found.extend(resolver.resolve_token(token, on=ON, memory=memory))
    return found


@pytest.mark.parametrize("text,words,expected", [
    ("Peru's president Luis Mora spoke. Peru's army chief Ana Ruiz agreed. Peru's police chief Tomas "
     "Gil left. Interior Minister Pablo Soto resigned.", ["Mora", "Ruiz", "Gil", "Soto"], "PER"),
    ("Peru's president Luis Mora spoke. Chile's army chief Ana Ruiz agreed. Bolivia's police chief "
     "Tomas Gil left. Interior Minister Pablo Soto resigned.", ["Mora", "Ruiz", "Gil", "Soto"], None),
])
def test_actors_titled_person_takes_document_country(nlp_md: Language, resolver: ActorResolver, text: str,
                                                     words: list[str], expected: str | None) -> None:
    actors = _resolve_in_order(nlp_md, resolver, text, words)
    assert actors[-1].sector == "GOV"
    assert actors[-1].country == expected


def test_actors_court_after_a_judge_is_the_court(nlp_md: Language, resolver: ActorResolver) -> None:
    text = "Supreme Court Justice Mary Lane of Canada retired. Lawyers praised the court."
    memory = resolver.new_memory()
    doc = nlp_md(text)
    resolver.resolve_token(find_token(nlp_md, text, "Lane"), on=ON, memory=memory)
    court = next(t for t in doc if t.text == "court")
    (actor,) = resolver.resolve_token(court, on=ON, memory=memory)
    assert (actor.country, actor.sector, actor.kind) == ("CAN", "JUD", "org")


@pytest.mark.parametrize(("text", "word", "country"), [
    ("The Sweden Democrats won a fifth of the seats.", "Democrats", "SWE"),  # a party name of another country
    ("Irish republicans attacked a barracks.", "republicans", "IRL"),  # lower case: no party's name
    ("Democrats criticised the White House.", "Democrats", "USA"),
])
def test_actors_audit_one_word_party_names(nlp_md: Language, resolver: ActorResolver, text: str, word: str,
                                           country: str) -> None:
    head = next(t for t in nlp_md(text) if t.text == word)
    actors = resolver.resolve_token(head, on=dt.date(2019, 5, 1), memory=resolver.new_memory())
    assert [a.country for a in actors] == [country]


@pytest.mark.parametrize(("text", "country"), [
    ("Philippine troops", "PHL"), ("Nepali police", "NPL"), ("Uzbek officials", "UZB"),
    ("Ecuadorian diplomats", "ECU"), ("South Sudanese rebels", "SSD"), ("the Free Syrian Army", "SYR"),
    ("ISIL fighters", "IMG"),
])
def test_actors_audit_more_country_words_and_groups(resolver: ActorResolver, text: str, country: str) -> None:
    assert resolver.resolve_text(text).country == country


def test_actors_audit_capitalised_plural_at_sentence_start_is_an_agent(nlp_md: Language,
                                                                        resolver: ActorResolver) -> None:
    doc = nlp_md("Rebels in northern Mali said they had seized the town.")
    actors = resolver.resolve_token(doc[0], on=dt.date(2012, 4, 1), memory=resolver.new_memory())
    assert [(a.country, a.sector) for a in actors] == [("MLI", "REB")]


def test_actors_audit_a_known_person_in_a_city_keeps_his_country(nlp_md: Language,
                                                                  resolver: ActorResolver) -> None:
    doc = nlp_md("Mubarak met Chancellor Helmut Kohl in Cairo on Monday.")
    head = next(t for t in doc if t.text == "Kohl")
    actors = resolver.resolve_token(head, on=dt.date(1994, 6, 1), memory=resolver.new_memory())
    assert [a.country for a in actors] == ["DEU"]


@pytest.mark.parametrize(("text", "country"), [
    ("Basque separatists", "ESP"), ("Chechen rebels", "RUS"), ("Tibetan monks", "CHN"),
])
def test_actors_audit_regional_peoples_belong_to_their_state(resolver: ActorResolver, text: str,
                                                              country: str) -> None:
    assert resolver.resolve_text(text).country == country


def test_actors_audit_an_unnamed_crowd_is_civilian(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("thousands").sector == "CVL"


def test_actors_audit_a_title_split_into_the_name_still_counts(nlp_md: Language,
                                                               resolver: ActorResolver) -> None:
    doc = nlp_md("Jordanian Crown Prince Hassan asked for calm.")
    head = next(t for t in doc if t.text == "Hassan")
    actors = resolver.resolve_token(head, on=dt.date(1995, 5, 1), memory=resolver.new_memory())
    assert [(a.country, a.sector) for a in actors] == [("JOR", "GOV")]

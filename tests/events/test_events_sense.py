"""Political sense (events/sense.py): sport, nature, accidents, business and private life are no
political events; through the whole pipeline (en_core_web_md)."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.events.coding import code_text

from detente.events.frames import build_frame
from detente.events.sense import is_natural_force, nonpolitical_sense, private_event, sense_words
from detente.models import Actor

PUBLISHED = dt.date(2019, 10, 14)

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "An earthquake struck southern Philippines on Wednesday, killing five people.",
    "A fire destroyed 200 homes in a slum. Officials said it killed nine people and injured 50 more.",
    "Typhoon Phanfone made landfall on Tuesday, killing at least 20 people.",
    "A cargo plane belonging to the Iranian military crashed into houses in Karaj.",
    "Norway beat Sweden 3-1 in the final on Sunday.",
    "Kenya's Brigid Kosgei defeated Ethiopia's runners in the Chicago Marathon.",
    "The company beat its rivals on revenue for the third year.",
    "Local actor Joshua Winch was on hand offering DVDs of his films.",
    "Only one passenger was seriously injured.",
    "The shark population exploded after the great whites left.",
    "SpaceX tested its Falcon rocket over the Atlantic.",
    "The French engineer demonstrated a folding phone to visitors in London.",
    "The British minister talked of his childhood in Kenya.",
])
def test_sense_no_political_event(text: str) -> None:
    assert [(e.trigger.text, e.cameo) for e in code_text(text, PUBLISHED)] == []


@pytest.mark.parametrize(("text", "trigger"), [
    ("Russian jets bombed the town of Idlib on Sunday.", "bombed"),
    ("Rocket fire from Gaza killed two Israeli soldiers.", "killed"),
    ("A roadside bomb exploded in Kabul, killing three Afghan soldiers.", "killing"),
    ("Police arrested five protesters in Moscow.", "arrested"),
    ("Iran accused the United States of economic terrorism.", "accused"),
    ("Thousands demonstrated against the government in Caracas.", "demonstrated"),
    ("The Russian foreign minister talked with his Chinese counterpart in Beijing.", "talked"),
    ("North Korea tested a ballistic missile on Friday.", "tested"),
])
def test_sense_political_events_stay(text: str, trigger: str) -> None:
    assert trigger in [e.trigger.text for e in code_text(text, PUBLISHED)]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Hurricane Dorian hit the Bahamas.", "Dorian", True),
    ("The quake damaged churches.", "quake", True),
    ("Artillery fire hit the village.", "fire", False),
    ("The army shelled the village.", "army", False),
])
def test_sense_natural_force(nlp_md: Language, text: str, word: str, expected: bool) -> None:
    assert is_natural_force(next(t for t in nlp_md(text) if t.text == word)) is expected


@pytest.mark.parametrize(("text", "trigger", "root", "reason"), [
    ("The bus overturned on the snowy road.", "overturned", "18", "accident"),
    ("Investigators examined the crash.", "examined", "09", "accident"),
    ("Arsenal beat Chelsea in the cup.", "beat", "18", "sport"),
    ("Russia expelled two diplomats.", "expelled", "16", None),
    ("The governor declared a state of emergency as the hurricane neared.", "declared", "17", "natural"),
    ("The governor declared a state of emergency after the riots.", "declared", "17", None),
    ("The storm moved inland. Hundreds of homes were destroyed.", "destroyed", "18", "natural"),
    ("The militia shelled the town. Hundreds of homes were destroyed.", "destroyed", "18", None),
    ("Japan pays for American fighter jets.", "pays", "07", "business"),
    ("Japan paid Chile a large sum in aid.", "paid", "07", None),
    ("The plane asked the tower for permission to land.", "asked", "02", "machine"),
    ("Protesters demonstrated outside the embassy.", "demonstrated", "14", None),
    ("The scientist demonstrated a new vaccine.", "demonstrated", "14", "show"),
    ("Most of the butterflies return to Mexico.", "return", "08", "natural"),
])
def test_sense_reason(nlp_md: Language, text: str, trigger: str, root: str, reason: str | None) -> None:
    frame = build_frame(next(t for t in nlp_md(text) if t.text == trigger))
    assert nonpolitical_sense(frame, root) == reason


@pytest.mark.parametrize(("root", "actors", "expected"), [
    ("04", (Actor("actor", country="USA", sector="CVL", kind="person"), Actor("NBC", sector="JRN")), True),
    ("04", (Actor("the minister", country="USA", sector="GOV"), Actor("NBC", sector="JRN")), False),
    ("14", (Actor("protesters", country="USA", sector="CVL"), None), False),
    ("04", (Actor("Russia", country="RUS", kind="country"), None), False),
    ("150", (Actor("SpaceX", country="USA", sector="BUS"), Actor("Iran", country="IRN", kind="country")),
     True),
    ("150", (Actor("the army", country="USA", sector="MIL"), None), False),
    ("042", (None, Actor("France", country="FRA", kind="country")), True),
    ("042", (Actor("the minister", country="USA", sector="GOV"),
             Actor("France", country="FRA", kind="country")), False),
    ("040", (None, Actor("France", country="FRA", kind="country")), False),
])
def test_sense_private_event(root: str, actors: tuple, expected: bool) -> None:
    assert private_event(root, actors) is expected


def test_sense_words_lists_are_lower_case() -> None:
    words = sense_words()
    lists = [values for key, values in words.items() if not key.endswith("_sectors")]
    assert all(w == w.lower() for values in lists for w in values)


@pytest.mark.parametrize("text", [
    "The roof of Notre Dame cathedral in French capital Paris caught fire yesterday.",
    "On Saturday night, a propeller plane in Nevada, United States crashed following departure.",
])
def test_sense_no_political_event_more(text: str) -> None:
    assert [(e.trigger.text, e.cameo) for e in code_text(text, PUBLISHED)] == []


@pytest.mark.issue(10)
@pytest.mark.parametrize("text", [
    "The transport ministry urged people to wear seat belts on long journeys.",
    "The regional government called on motorists to avoid the mountain pass during the storm.",
    "The park service asked the public to stay away from the cliffs.",
])
def test_sense_appeal_to_the_general_public_is_no_event(text: str) -> None:
    assert [(e.trigger.text, e.cameo) for e in code_text(text, PUBLISHED)] == []


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("The foreign minister urged Russia to release the sailors.", "urged"),
    ("The opposition leader asked voters to reject the constitutional amendment.", "asked"),
    ("The defence minister urged local residents' leaders and the police chiefs to meet.", "urged"),
])
def test_sense_appeal_to_an_actor_stays(text: str, trigger: str) -> None:
    assert trigger in [e.trigger.text for e in code_text(text, PUBLISHED)]


@pytest.mark.issue(10)
@pytest.mark.parametrize("text", [
    "The governor offered condolences to the families of the passengers who died in the crash.",
    "The space agency paused its broadcast to mourn the astronaut's death.",
])
def test_sense_sympathy_with_no_political_addressee_is_no_event(text: str) -> None:
    assert [(e.trigger.text, e.cameo) for e in code_text(text, PUBLISHED)] == []


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("The Japanese prime minister offered condolences to the Indonesian government.", "offered"),
    ("The mayor expressed sorrow over the bombing of the market.", "expressed"),
])
def test_sense_sympathy_between_actors_or_over_violence_stays(text: str, trigger: str) -> None:
    assert trigger in [e.trigger.text for e in code_text(text, PUBLISHED)]


@pytest.mark.issue(10)
@pytest.mark.parametrize("text", [
    "Nine people were killed when a tourist helicopter came down near the glacier.",
    "The heater overheated in the basement. Two children were injured.",
])
def test_sense_harm_with_no_sign_of_an_attack_is_no_event(text: str) -> None:
    assert [(e.trigger.text, e.cameo) for e in code_text(text, PUBLISHED)] == []


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "trigger"), [
    ("Gunmen opened fire on a bus station in the north. Nine people were killed.", "killed"),
    ("Four police officers were killed in the province on Monday.", "killed"),
    ("Six villagers were killed in an air strike near the border.", "killed"),
])
def test_sense_harm_with_a_sign_of_an_attack_stays(text: str, trigger: str) -> None:
    assert trigger in [e.trigger.text for e in code_text(text, PUBLISHED)]


@pytest.mark.issue(10)
@pytest.mark.parametrize(("text", "kept"), [
    ("Geologists warned that the glacier could collapse within weeks.", False),
    ("Farmers' unions warned that grain prices would rise sharply.", False),
    ("The Iranian army warned that it would strike American bases.", True),
])
def test_sense_forecast_is_no_threat(text: str, kept: bool) -> None:
    assert any(e.cameo_root == "13" for e in code_text(text, PUBLISHED)) is kept

"""The rule coder end to end on sentences written for these tests (en_core_web_md)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text

from detente.models import Event

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2020, 6, 10)  # a Wednesday


def code(text: str) -> list[Event]:
    return code_text(text, PUBLISHED)


def find(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.cameo) for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target", "cameo", "modality", "negated"),
    [
        # plain actions, with source and target from the parse
        ("Poland expelled four Russian diplomats.", "expelled", "POLGOV", "RUS", "161", "asserted", False),
        (
            "The Kenyan government imposed a curfew on Mombasa.",  # a city target stands for its country
            "imposed",
            "KENGOV",
            "KEN",
            "1723",
            "asserted",
            False,
        ),
        # reported speech keeps the event and marks it reported
        (
            "Officials said Chinese troops shelled Indian positions.",
            "shelled",
            "CHNMIL",
            "IND",
            "194",
            "reported",
            False,
        ),
        # an announced action is an intention (CAMEO 03), a conditional one a threat (CAMEO 13)
        ("Japan will send aid to Mozambique.", "send", "JPNGOV", "MOZ", "033", "intended", False),
        (
            "Nigeria will withdraw its troops from Chad unless the government holds elections.",
            "withdraw",
            "NGAGOV",
            "TCD",
            "130",
            "intended",
            False,
        ),
        # a declared refusal of a cooperative act is a rejection; a pending one is only negated
        (
            "Iran will not negotiate with the United States.",
            "negotiate",
            "IRNGOV",
            "USA",
            "125",
            "intended",
            False,
        ),
        (
            "The Iranian government refused to release the British sailors.",
            "refused",
            "IRNGOV",
            "GBR",
            "1243",
            "asserted",
            False,
        ),
        (
            "Iran said it would not release the British sailors.",
            "release",
            "IRNGOV",
            "GBR",
            "1243",
            "intended",
            False,
        ),
        # "X said Y must ..." is X's demand on Y
        (
            "Egypt said the United States must mediate between Israel and the Palestinians.",
            "mediate",
            "EGYGOV",
            "USA",
            "100",
            "reported",
            False,
        ),
        # "received X from Y": the giver is the source
        (
            "Syrian rebels received weapons from Turkey.",
            "received",
            "TURGOV",
            "SYR",
            "072",
            "asserted",
            False,
        ),
        # the target of a threat sits inside its complement
        (
            "Azerbaijan threatened to break relations with Russia.",
            "threatened",
            "AZEGOV",
            "RUS",
            "1313",
            "asserted",
            False,
        ),
    ],
)
def test_events_coder_codes(
    text: str, trigger: str, source: str, target: str | None, cameo: str, modality: str, negated: bool
) -> None:
    event = find(code(text), trigger)
    assert event.source is not None and event.source.code == source
    assert (event.target.country if event.target else None) == target
    assert (event.cameo, event.modality, event.negated) == (cameo, modality, negated)


@pytest.mark.parametrize(
    "text",
    [
        "President Biden called Putin a killer.",
        "Biden called Putin on Tuesday to discuss the war.",
    ],
)
def test_events_coder_call_is_never_a_phone_call_by_default(text: str) -> None:
    assert all(e.cameo != "041" for e in code(text))


@pytest.mark.parametrize(
    ("text", "cameo_root"),
    [
        ("President Biden called Putin a killer.", "11"),
        ("Biden described Putin as a murderer.", "11"),
    ],
)
def test_events_coder_denunciations(text: str, cameo_root: str) -> None:
    event = next(e for e in code(text) if e.cameo_root == cameo_root)
    assert (event.source.country, event.target.country) == ("USA", "RUS")


def test_events_coder_no_on_the_object_negates() -> None:
    event = find(code("The Kenyan president expressed no regret for the raid on Somalia."), "expressed")
    assert event.negated


def test_events_coder_no_on_the_passive_subject_negates() -> None:
    event = find(code("No prisoners were released by the Syrian government."), "released")
    assert event.negated


def test_events_coder_pending_acceptance_is_negated_not_rejected() -> None:
    event = find(code("President Biden has not yet accepted the Russian offer."), "accepted")
    assert event.negated and event.plover == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded that the government grant them more rights.",
        "Activists called for the government to release the detainees.",
    ],
)
def test_events_coder_what_is_demanded_has_not_happened(text: str) -> None:
    assert not [e for e in code(text) if e.plover in {"CONCEDE", "RETREAT"}]


def test_events_coder_a_wish_for_another_actor_is_an_appeal() -> None:
    events = code("The Kenyan government wants Uganda to close the border.")
    appeal = find(events, "wants")
    assert (appeal.source.code, appeal.target.country, appeal.cameo) == ("KENGOV", "UGA", "020")
    assert not [e for e in events if e.trigger.text == "close"]  # what is wished has not happened


def test_events_coder_a_hypothetical_wish_is_no_appeal() -> None:
    assert not [
        e for e in code("The Kenyan government might want Uganda to close the border.") if e.cameo == "020"
    ]


@pytest.mark.parametrize(
    ("text", "cameo_root"),
    [
        ("Trump attacked Biden over his record on China.", "11"),  # one person attacking another: words
        ("Gunmen attacked a police station in Kandahar.", "19"),
    ],
)
def test_events_coder_attack_in_words_or_in_force(text: str, cameo_root: str) -> None:
    assert find(code(text), "attacked").cameo_root == cameo_root


def test_events_coder_old_events_are_background() -> None:
    recent = find(code("Uganda expelled two British diplomats on Monday."), "expelled")
    old = find(code("Uganda expelled two British diplomats in 1990."), "expelled")
    assert old.date is not None and old.date.year == 1990
    assert old.confidence < recent.confidence


def test_events_coder_unattributed_attack_keeps_its_victims() -> None:
    event = find(code("A roadside bomb killed three Afghan soldiers near Kandahar."), "killed")
    assert event.target is not None and event.target.country == "AFG"
    # the unknown attackers take the country of the place
    assert event.source is not None and (event.source.sector, event.source.country) == ("UNK", "AFG")


@pytest.mark.parametrize(
    "text",
    [
        "An earthquake struck the southern Philippines on Saturday.",  # nature is no perpetrator
        "The Philippine coast guard called off its search late on Tuesday.",  # not "called on"
        "The Kenyan president's father died of cancer in 1990.",
        "Kenyan tourists captured pictures of the parade.",  # a bare verb the sentence does not support
        "Kenyan troops shot a film about the war.",  # a non-event sense, also for the classifier
        "The Kenyan parliament killed the bill on Tuesday.",
    ],
)
def test_events_coder_no_false_events(text: str) -> None:
    assert code(text) == []


def test_events_coder_boilerplate_is_no_event() -> None:
    assert code("Follow our latest local and sports news via Google news.") == []


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Kenya and Uganda held talks on the border dispute.", "04"),
        ("Thai and Cambodian troops clashed near the border temple.", "19"),
        ("Chile and Bolivia signed a gas pact.", "05"),
        ("Serbia and Kosovo exchanged prisoners on Monday.", "08"),
    ],
)
def test_events_coder_coordinated_actors_of_a_reciprocal_act_act_on_each_other(text: str, root: str) -> None:
    dyads = {(e.source.country, e.target.country) for e in code(text)
             if e.cameo_root == root and e.source and e.target}
    countries = {country for dyad in dyads for country in dyad}
    assert len(countries) == 2 and dyads == {(a, b) for a in countries for b in countries if a != b}


@pytest.mark.parametrize("text", [
    "Britain and France bombed the rebel positions.",
    "British and French officials met with striking workers.",
])
def test_events_coder_a_joint_act_on_others_has_no_partner_as_target(text: str) -> None:
    events = code(text)
    assert events and not {e.target.country for e in events if e.target} & {"GBR", "FRA"}


def test_events_coder_they_after_coordinated_subjects_is_both() -> None:
    events = code("Chile and Peru said they would expel the Bolivian ambassador.")
    assert {(e.source.country, e.target.country) for e in events if e.source and e.target} == {
        ("CHL", "BOL"), ("PER", "BOL")}


def test_events_coder_a_purpose_clause_does_not_repeat_the_meeting() -> None:
    events = code("Merkel and Macron met in Berlin to discuss the budget.")
    assert [e.trigger.text for e in events if e.cameo_root == "04"].count("met") == 2
    assert not [e for e in events if e.trigger.text == "discuss"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Security Council condemned the rocket launch by Iran.", "IRN"),
        ("Norway welcomed the decision by Ethiopia to free the journalists.", "ETH"),
    ],
)
def test_events_coder_the_author_of_the_object_is_the_target(text: str, target: str) -> None:
    events = code(text)
    assert events and events[0].target is not None and events[0].target.country == target


@pytest.mark.parametrize(
    ("text", "target", "root"),
    [
        ("Jordan allowed Syrians to cross into its territory.", "SYR", "08"),
        ("Oman said it would not allow Iran to use its ports.", "IRN", "12"),
    ],
)
def test_events_coder_permission_addresses_whom_it_lets_act(text: str, target: str, root: str) -> None:
    events = [e for e in code(text) if e.cameo_root == root]
    assert events and events[0].target is not None and events[0].target.country == target


def test_events_coder_a_travel_warning_targets_the_destination() -> None:
    events = code("Norway advised its citizens against travel to Burundi.")
    events = [e for e in events if e.cameo_root == "16"]
    assert events and events[0].target is not None and events[0].target.country == "BDI"


def test_events_coder_an_earlier_target_preposition_wins() -> None:
    events = code("Washington imposed new sanctions on Beijing over its treatment of activists.")
    assert [e.target.code for e in events if e.target] == ["CHNGOV"]


def test_events_coder_an_alleged_attack_is_also_an_accusation() -> None:
    events = code("Georgia claimed that Russian jets had bombed its villages.")
    accusation = [e for e in events if e.cameo == "1123"]
    attack = [e for e in events if e.cameo_root in {"18", "19", "20"}]
    assert accusation and (accusation[0].source.country, accusation[0].target.country) == ("GEO", "RUS")
    assert attack and attack[0].modality == "reported"


def test_events_coder_a_said_attack_is_no_accusation() -> None:
    assert not [e for e in code("Georgia said Russian jets had bombed its villages.") if e.cameo_root == "11"]


def test_events_coder_an_allegation_targets_whom_it_is_about() -> None:
    events = code("Azerbaijan alleged that Armenia was shelling its positions.")
    events = [e for e in events if e.cameo_root == "11"]
    assert events and events[0].target is not None and events[0].target.country == "ARM"


@pytest.mark.parametrize(
    ("text", "root", "source", "target"),
    [
        ("Vietnam pulled its troops out of Cambodia.", "08", "VNM", "KHM"),  # "out of": particle + of
        ("The detention of the opposition leader by Kenyan police drew protests.", "17", "KEN", "KEN"),
        ("The expulsion of three Iranian diplomats by Albania angered Tehran.", "16", "ALB", "IRN"),
        ("A suicide bomber blew himself up at an army checkpoint in Mosul.", "18", "IRQ", "IRQ"),
        ("Greek troops were put on high alert along the border.", "15", "GRC", None),
    ],
)
def test_events_coder_structures(text: str, root: str, source: str, target: str | None) -> None:
    events = [e for e in code(text) if e.cameo_root == root]
    assert events, [(e.cameo, e.trigger.text) for e in code(text)]
    assert events[0].source is not None and events[0].source.country == source
    assert (events[0].target.country if events[0].target else None) == target


def test_events_coder_a_bomb_as_subject_is_a_bombing() -> None:
    events = code("A roadside bomb killed four Italian soldiers near Herat.")
    assert [e.cameo for e in events if e.trigger.text == "killed"] == ["183"]


def test_events_coder_what_was_not_allowed_did_not_happen() -> None:
    events = [e for e in code("The junta did not allow the UN envoy to meet the jailed Burmese leader.")
              if e.trigger.text == "meet"]
    assert all(e.negated for e in events)


def test_events_coder_what_a_rejected_call_asks_for_did_not_happen() -> None:
    events = code("NATO rejected a call for its troops to be deployed in Georgia.")
    assert [e.cameo_root for e in events] == ["12"]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Thai and Malaysian troops began joint military exercises near the border.", {"THA", "MYS"}),
        ("Jordan and Iraq carried out a joint operation against smugglers.", {"JOR", "IRQ"}),
    ],
)
def test_events_coder_a_joint_activity_pairs_its_partners(text: str, pair: set[str]) -> None:
    dyads = {(e.source.country, e.target.country) for e in code(text)
             if e.cameo == "062" and e.source and e.target}
    assert dyads == {(a, b) for a in pair for b in pair if a != b}


def test_events_coder_the_partner_of_an_event_noun_is_the_target() -> None:
    events = [e for e in code("Turkish warships took part in joint manoeuvres with the Greek navy.")
              if e.cameo == "062"]
    assert events and events[0].target is not None and events[0].target.country == "GRC"


def test_events_coder_talks_that_are_demanded_are_not_held() -> None:
    events = code("Bangladesh insisted that Myanmar hold talks on the refugees.")
    assert [e.cameo_root for e in events] == ["10"]


def test_events_coder_a_denial_with_its_claim_is_kept() -> None:
    events = code("Belarus denied that its helicopters had crossed into Polish airspace.")
    assert [e.cameo for e in events if e.trigger.text == "denied"] == ["016"]


@pytest.mark.parametrize(("text", "root"), [
    ("Rioters set fire to a ministry building in Tirana.", "14"),  # violent protest
    ("Serbian soldiers set fire to an Albanian village.", "17"),
])
def test_events_coder_property_destroyed_by_protesters_is_a_riot(text: str, root: str) -> None:
    assert [e.cameo_root for e in code(text) if e.trigger.text == "set"] == [root]


def test_events_coder_naming_is_never_a_call() -> None:
    assert not [e for e in code("The United Nations called the famine the worst in decades.")
                if e.cameo_root == "04"]


def test_events_coder_the_object_does_what_it_is_urged_to() -> None:
    events = code("Washington encouraged Seoul to investigate the bribery claims.")
    assert not [e for e in events if e.cameo_root == "09" and e.source and e.source.country == "USA"]


def test_events_coder_who_acts_in_a_show_of_force() -> None:
    events = [e for e in code("Three Chinese warships sailed past the island in a show of force.")
              if e.cameo_root == "15"]
    assert events and events[0].source.country == "CHN" and events[0].target is None


def test_events_coder_police_in_a_described_capital_have_its_country() -> None:
    events = code("Police in the Kenyan capital were put on high alert before the vote.")
    assert [(e.cameo, e.source.country) for e in events if e.source] == [("151", "KEN")]


@pytest.mark.parametrize("text", [
    "A crowded bus plunged into a gorge in Nepal, killing 23 people.",
    "A freight train derailed outside Lyon, injuring two workers.",
])
def test_events_coder_road_and_rail_accidents_are_no_attacks(text: str) -> None:
    assert not [e for e in code(text) if e.cameo_root in {"18", "19", "20"}]


def test_events_coder_wounding_is_a_use_of_force() -> None:
    events = code("Chechen rebels wounded three Russian soldiers near Grozny.")
    assert [(e.cameo_root, e.target.country) for e in events if e.target] == [("19", "RUS")]


def test_events_coder_a_describing_participle_is_no_visit() -> None:
    events = code("Mubarak told visiting French senators he was ready to talk to Israel.")
    assert not [e for e in events if e.trigger.text == "visiting"]


def test_events_coder_who_is_somewhere_for_talks_holds_them() -> None:
    events = [e for e in code("A World Bank team is in Nairobi for talks with Kenyan officials.")
              if e.cameo_root == "04"]
    assert events and events[0].target is not None and events[0].target.country == "KEN"


def test_events_coder_a_question_reports_no_event() -> None:
    assert code("Is Syria arming the Kurdish rebels?") == []


@pytest.mark.parametrize("text", [
    "The senator said climate change must be addressed.",
    "The minister said companies should decide for themselves.",
])
def test_events_coder_an_impersonal_obligation_is_no_demand(text: str) -> None:
    assert not [e for e in code(text) if e.cameo_root == "10"]


def test_events_coder_arming_is_military_aid() -> None:
    events = code("Syria armed the Kurdish rebels in Turkey.")
    assert [e.cameo for e in events] == ["072"]


def test_events_coder_a_verb_over_a_non_event_sense_is_no_event() -> None:
    assert code("Australia failed to meet its emissions target.") == []


def test_events_coder_a_counted_crowd_protests() -> None:
    events = [e for e in code("Tens of thousands of people marched through Bucharest to protest.")
              if e.cameo_root == "14"]
    assert events and events[0].source.sector == "CVL" and events[0].source.country == "ROU"


def test_events_coder_debt_relief_targets_the_debtor() -> None:
    events = code("France cancelled 200 million francs of debt owed by Senegal.")
    assert [(e.cameo, e.target.country) for e in events if e.target] == [("071", "SEN")]


def test_events_coder_the_addressee_of_a_letter_is_the_target() -> None:
    events = [e for e in code("In a message to the French president, the Emir of Qatar asked for support.")
              if e.cameo_root == "02"]
    assert events and events[0].target is not None and events[0].target.country == "FRA"


@pytest.mark.parametrize(("text", "target"), [
    ("China threatened to suspend the trade talks if Japan went ahead with the visit.", "JPN"),
    ("Turkey said it would close the border unless Syria stopped the shelling.", "SYR"),
])
def test_events_coder_a_conditional_threat_targets_who_must_act(text: str, target: str) -> None:
    events = [e for e in code(text) if e.cameo_root == "13"]
    assert events and events[0].target is not None and events[0].target.country == target

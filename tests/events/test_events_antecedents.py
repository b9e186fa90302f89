"""Reactions to an earlier act are aimed at whoever did it (en_core_web_md, sentences written for
these tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.coding import code_text

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2021, 6, 4)


@pytest.mark.parametrize(("text", "trigger", "target"), [
    ("LONDON — Police asked the US embassy to waive the diplomat's immunity on Monday. "
     "The embassy declined the request on Tuesday.", "declined", "GBRCOP"),
    ("Turkish troops launched an offensive in northern Syria on Monday. "
     "The operation was condemned by France.", "condemned", "TURMIL"),
])
def test_events_antecedents_reaction_targets_the_earlier_act(text: str, trigger: str, target: str):
    found = [e for e in code_text(text, PUBLISHED) if e.trigger.text == trigger]
    assert found and found[0].target is not None and found[0].target.code == target


def test_events_antecedents_own_acts_are_no_antecedent():
    text = "France announced new sanctions on Monday. France later defended the decision."
    found = [e for e in code_text(text, PUBLISHED) if e.trigger.text == "defended"]
    assert all(e.target is None or e.target.country != "FRA" for e in found)


def test_events_antecedents_request_about_an_act_targets_its_doer():
    text = ("NAIROBI — Police shot a protester in Nairobi on Monday. "
            "Amnesty International called for an investigation into the shooting.")
    found = [e for e in code_text(text, PUBLISHED) if e.trigger.text == "called"]
    assert found and found[0].target is not None and found[0].target.code == "KENCOP"


def test_events_antecedents_attack_by_no_one_named_has_no_known_author():
    text = ('MOGADISHU — Four traders were shot dead in Mogadishu on Monday. '
            'The governor described the attack as "cowardly".')
    found = [e for e in code_text(text, PUBLISHED) if e.trigger.text == "described"]
    assert found and (found[0].target is None or found[0].target.sector != "UNK")


def test_events_antecedents_claimant_is_the_attacker():
    text = ("KABUL — A car bomb hit a police station in Kabul on Monday, killing five officers. "
            "The Taliban claimed responsibility for the attack.")
    attacks = [e for e in code_text(text, PUBLISHED) if e.cameo_root == "18"]
    assert attacks and all(e.source is not None and e.source.code == "AFGREB" for e in attacks)

"""Violence: the kind of force a subject makes, and attacks by no one named (en_core_web_md)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from detente.events.frames import build_frame
from detente.events.violence import force_variant, unattributed_attack
from detente.models import Actor
from detente.ontology.patterns import VerbPattern

pytestmark = pytest.mark.model

ATTACK = VerbPattern(id="t", lemma="kill", cameo="190")
BIDEN = Actor(text="Biden", name="Joe Biden", country="USA", sector="GOV", kind="person")
PUTIN = Actor(text="Putin", name="Vladimir Putin", country="RUS", sector="GOV", kind="person")


def frame_of(nlp: Language, text: str, trigger: str):
    doc = nlp(text)
    return build_frame(next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize(("text", "trigger", "code", "actors", "expected"), [
    ("Biden attacked Putin.", "attacked", "190", (BIDEN, PUTIN), "111"),
    ("A roadside bomb hit the convoy.", "hit", "190", (None, None), "183"),
    ("Rioters seized the building.", "seized", "171", (None, None), "145"),
    ("Soldiers attacked the village.", "attacked", "190", (None, None), None),
])
def test_events_violence_force_variant(nlp_md: Language, text, trigger, code, actors, expected):
    variant = force_variant(frame_of(nlp_md, text, trigger), code, *actors)
    assert (variant[0] if variant else None) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Three soldiers were killed.", "killed", True),
    ("A roadside bomb killed three soldiers.", "killed", True),
    ("Rebels killed three soldiers.", "killed", False),
])
def test_events_violence_unattributed(nlp_md: Language, text, trigger, expected):
    assert unattributed_attack(ATTACK, frame_of(nlp_md, text, trigger)) is expected

"""Reactions to an earlier act: "the embassy declined the request", "China criticised the exercise",
"calling the decision unacceptable". A praise, criticism or rejection (the construction table's
``reaction_roots``) whose object is an act named by a noun with no actor of its own (an event noun,
or one of ``act_nouns``: decision, move, request ...) is aimed at whoever did that act: the source
of the latest earlier event in the document of the noun's kind, else of the latest earlier event;
the reacting actor's own acts are left out.

Reads the parse and a document's located events (their actors' countries given, see
detente.actors.country_context); the pipeline calls `with_antecedent_targets` after places.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from detente.events.clauses import lemma
from detente.events.frames import build_frame, content_head
from detente.models import Actor, Event
from detente.ontology import Ontology

ActorsOf = Callable[[Token | None], list[Actor]]
REQUEST_ROOTS = frozenset({"02", "10"})  # appeals and demands
ABOUT_PREPS = frozenset({"into", "of", "over", "on", "to", "behind", "for"})  # "an investigation into X",
# "an end to X", "accountability for X"
UNKNOWN = "UNK"
CLAIM_CODE = "015"  # CAMEO 015: acknowledge or claim responsibility
ATTACK_ROOTS = frozenset({"18", "19", "20"})


def act_object(token: Token, ontology: Ontology, actors_of: ActorsOf) -> Token | None:
    """The act the reaction is about: its object (or passive subject) when that is an act noun
    whose phrase names no actor with a country ("the decision", not "Turkey's decision")."""
    frame = build_frame(token)
    return next((noun for noun in (content_head(head) for head in frame.objects)
                 if _act_noun(noun, ontology, actors_of)), None)


def requested_act(token: Token, ontology: Ontology, actors_of: ActorsOf) -> Token | None:
    """The earlier act a request is about: the act noun inside what it asks for ("called for an
    investigation into the shooting", "demanded an end to the attacks"); the asked-for act itself
    ("called for talks") is new and has no antecedent."""
    frame = build_frame(token)
    asked = [*frame.objects, *frame.prep_objects("for")]
    for noun in (content_head(head) for head in asked):
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ABOUT_PREPS):
            inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if inner is not None and _act_noun(inner, ontology, actors_of):
                return inner
    return None


def _act_noun(noun: Token, ontology: Ontology, actors_of: ActorsOf) -> bool:
    """A noun naming an act whose phrase names no actor with a country ("the decision", "the
    shooting", not "Turkey's decision")."""
    named = lemma(noun) in ontology.constructions.act_nouns or ontology.patterns_for(lemma(noun), "NOUN")
    return noun.pos_ == "NOUN" and bool(named) and not any(actor.country for actor in actors_of(noun))


def _kind_roots(noun: Token, ontology: Ontology) -> set[str]:
    patterns = ontology.patterns_for(lemma(noun), "NOUN")
    return {ontology.cameo(p.cameo).root for p in patterns if p.cameo != "-"}


def antecedent(noun: Token, reaction: Event, earlier: Sequence[Event], ontology: Ontology, *,
               same_kind_only: bool = False) -> Actor | None:
    """Whoever did the act the noun names: the latest earlier event of the noun's kind (its CAMEO
    root, or the same word), else (unless `same_kind_only`) the latest one; never an act of the
    reacting actor itself."""
    own = reaction.source.code if reaction.source else None
    done = [e for e in earlier if e.source is not None and e.source.country and e.source.code != own]
    roots, word = _kind_roots(noun, ontology), lemma(noun)
    same_kind = [e for e in done if e.cameo_root in roots or e.trigger.text.lower().startswith(word[:5])]
    found = same_kind or ([] if same_kind_only else done)
    if not found or found[-1].source is None or found[-1].source.sector == UNKNOWN:
        return None  # an attack by no one named ("described the attack as cowardly") has no known author
    return found[-1].source


def with_antecedent_targets(doc: Doc, events: Sequence[Event], ontology: Ontology,
                            actors_of: ActorsOf) -> list[Event]:
    """The document's events, its reactions with no target aimed at the act they react to."""
    roots = ontology.constructions.reaction_roots
    out: list[Event] = []
    for event in events:
        aimed = event.cameo_root in roots or event.cameo_root in REQUEST_ROOTS
        token = _token(doc, event) if event.target is None and aimed else None
        noun = _antecedent_noun(token, event, ontology, actors_of) if token is not None else None
        target = antecedent(noun, event, out, ontology, same_kind_only=event.cameo_root in REQUEST_ROOTS
                            ) if noun is not None else None
        out.append(replace(event, target=target) if target is not None else event)
    return out


def with_claimed_attackers(doc: Doc, events: Sequence[Event], ontology: Ontology) -> list[Event]:
    """An attack by no one named ("oil facilities were hit by drone strikes") was made by whoever
    claims responsibility for such an attack in the same document ("the Houthi movement claimed
    responsibility for the attacks"), when exactly one actor does."""
    claimants = {e.source.code: e.source for e in events if e.cameo == CLAIM_CODE and e.source is not None
                 and e.source.country and _claims_attack(_token(doc, e), ontology)}
    if len(claimants) != 1:
        return list(events)
    (claimant,) = claimants.values()
    return [replace(e, source=claimant) if e.cameo_root in ATTACK_ROOTS and _unknown(e.source) else e
            for e in events]


def _claims_attack(token: Token | None, ontology: Ontology) -> bool:
    """"Claimed responsibility for the attacks": the claim is for a use of force."""
    if token is None:
        return False
    frame = build_frame(token)
    nouns = [*frame.prep_objects("for"), *(obj for head in frame.objects for prep in head.children
                                             if prep.dep_ == "prep" and prep.lower_ == "for"
                                             for obj in prep.children if obj.dep_ == "pobj")]
    return any(_kind_roots(noun, ontology) & ATTACK_ROOTS for noun in nouns)


def _unknown(actor: Actor | None) -> bool:
    return actor is None or (actor.kind == "implied" and actor.sector == UNKNOWN)


def _antecedent_noun(token: Token, event: Event, ontology: Ontology, actors_of: ActorsOf) -> Token | None:
    if event.cameo_root in REQUEST_ROOTS:
        return requested_act(token, ontology, actors_of)
    return act_object(token, ontology, actors_of)


def _token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


__all__ = ["act_object", "antecedent", "requested_act", "with_antecedent_targets", "with_claimed_attackers"]

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


def act_object(token: Token, ontology: Ontology, actors_of: ActorsOf) -> Token | None:
    """The act the reaction is about: its object (or passive subject) when that is an act noun
    whose phrase names no actor with a country ("the decision", not "Turkey's decision")."""
    frame = build_frame(token)
    table = ontology.constructions
    for head in frame.objects:
        noun = content_head(head)
        named = lemma(noun) in table.act_nouns or ontology.patterns_for(lemma(noun), "NOUN")
        if noun.pos_ == "NOUN" and named and not any(actor.country for actor in actors_of(noun)):
            return noun
    return None


def _kind_roots(noun: Token, ontology: Ontology) -> set[str]:
    patterns = ontology.patterns_for(lemma(noun), "NOUN")
    return {ontology.cameo(p.cameo).root for p in patterns if p.cameo != "-"}


def antecedent(noun: Token, reaction: Event, earlier: Sequence[Event], ontology: Ontology) -> Actor | None:
    """Whoever did the act the noun names: the latest earlier event of the noun's kind (its CAMEO
    root, or the same word), else the latest one; never an act of the reacting actor itself."""
    own = reaction.source.code if reaction.source else None
    done = [e for e in earlier if e.source is not None and e.source.country and e.source.code != own]
    roots, word = _kind_roots(noun, ontology), lemma(noun)
    same_kind = [e for e in done if e.cameo_root in roots or e.trigger.text.lower().startswith(word[:5])]
    found = same_kind or done
    return found[-1].source if found else None


def with_antecedent_targets(doc: Doc, events: Sequence[Event], ontology: Ontology,
                            actors_of: ActorsOf) -> list[Event]:
    """The document's events, its reactions with no target aimed at the act they react to."""
    roots = ontology.constructions.reaction_roots
    out: list[Event] = []
    for event in events:
        token = _token(doc, event) if event.target is None and event.cameo_root in roots else None
        noun = act_object(token, ontology, actors_of) if token is not None else None
        target = antecedent(noun, event, out, ontology) if noun is not None else None
        out.append(replace(event, target=target) if target is not None else event)
    return out


def _token(doc: Doc, event: Event) -> Token | None:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


__all__ = ["act_object", "antecedent", "with_antecedent_targets"]

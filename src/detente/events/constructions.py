"""Constructions beyond a verb and its arguments, read with the construction table
(data/ontology/constructions.json, loaded by detente.ontology.constructions):

- an event noun as the object of a light verb ("carried out raids", "staged a sit-in", "joined
  the march") takes the verb's subject and prepositional phrases;
- an event noun or a weapon as the subject of an occurrence verb ("protests erupted", "fighting
  broke out between X and Y", "shells landed near the airport", "a rally took place") takes the
  verb's object and prepositional phrases; a weapon there is an attack with it;
- an act with no agent in the text ("dozens were detained", "the arrest of X", "protests erupted")
  has the agent its CAMEO code implies (police, the authorities, protesters), whose country comes
  later from the place (detente.actors.country_context);
- plain human nouns and bare numbers ("three people", "dozens") as the actors of protests,
  coercion and violence are civilians.

Reads spaCy Tokens, Frames and the table; the coder calls these.
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.clauses import lemma
from detente.events.frames import Frame, clause_words, content_head, find_subject, particles
from detente.events.matching import compound_forms
from detente.models import Actor
from detente.ontology import Ontology
from detente.ontology.constructions import Constructions
from detente.ontology.patterns import VerbPattern

WEAPON_CONFIDENCE = 0.6
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "poss"})


def _requirement_met(verb: Token, needed: str) -> bool:
    """The verb has the particle ("break out", "go off") or object ("take place") it needs."""
    if not needed:
        return not particles(verb) & clause_words()["sense_changing_particles"]
    return needed in particles(verb) or any(c.dep_ == "dobj" and lemma(c) == needed for c in verb.children)


def light_verb(noun: Token, table: Constructions) -> Token | None:
    """The light verb whose object the event noun is ("launched an offensive")."""
    verb = noun.head
    if noun.dep_ not in {"dobj", "nsubjpass"} or verb.pos_ != "VERB" or verb.i == noun.i:
        return None
    needed = table.light_verbs.get(lemma(verb))
    return verb if needed is not None and _requirement_met(verb, needed) else None


def occurrence_verb(noun: Token, table: Constructions) -> Token | None:
    """The occurrence verb whose subject the event noun is ("protests erupted")."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.i == noun.i:
        return None
    needed = table.occurrence_verbs.get(lemma(verb))
    return verb if needed is not None and _requirement_met(verb, needed) else None


def in_construction(token: Token, table: Constructions) -> bool:
    """An event noun told through a light or an occurrence verb ("staged a rally", "a rally took
    place"): the verb says that the act happened."""
    return token.pos_ == "NOUN" and (light_verb(token, table) or occurrence_verb(token, table)) is not None


def _verb_preps(verb: Token, noun: Token) -> list[tuple[str, Token]]:
    pairs = []
    for prep in verb.children:
        if prep.dep_ in {"prep", "agent"} and prep.i != noun.i:
            pairs += [(prep.lower_, obj) for obj in prep.children if obj.dep_ in {"pobj", "pcomp"}]
    return pairs


def extend_nominal_frame(frame: Frame, table: Constructions) -> Frame:
    """A nominal trigger's frame with the arguments its light or occurrence verb carries."""
    noun = frame.trigger
    known = {obj.i for _, obj in frame.preps}
    verb = light_verb(noun, table)
    if verb is not None:
        frame.preps += [pair for pair in _verb_preps(verb, noun) if pair[1].i not in known]
        if frame.subject is None:
            frame.subject, frame.passive = find_subject(verb)
        return frame
    verb = occurrence_verb(noun, table)
    if verb is None:
        return frame
    frame.preps += [pair for pair in _verb_preps(verb, noun) if pair[1].i not in known]
    frame.objects += [content_head(c) for c in verb.children if c.dep_ == "dobj" and lemma(c) != "place"]
    between = frame.prep_objects("between")
    if frame.subject is None and between:
        frame.subject = between[0]  # "clashes broke out between police and protesters"
    return frame


def weapon_pattern(noun: Token, ontology: Ontology) -> VerbPattern | None:
    """A weapon as the subject of an occurrence verb is an attack with it ("shells landed")."""
    table = ontology.constructions
    code = next((table.weapon_nouns[form] for form in (*compound_forms(noun), lemma(noun))
                 if form in table.weapon_nouns), None)
    if code is None or occurrence_verb(noun, table) is None:
        return None
    return VerbPattern(id=f"weapon-{lemma(noun)}", lemma=lemma(noun), pos="NOUN", cameo=code,
                       confidence=WEAPON_CONFIDENCE, note="weapon as subject of an occurrence verb")


def agentless(frame: Frame) -> bool:
    """The text tells an act and names no one who did it: a finite passive with no "by" phrase
    ("dozens were detained"), or an event noun with no owner, agent or light-verb subject that is
    no modifier of another noun ("the arrest of X", not "an arrest warrant"). A participle that
    describes a noun ("a member jailed a year ago") tells no act."""
    trigger = frame.trigger
    if frame.agent is not None:
        return False
    if trigger.pos_ == "NOUN":
        return frame.subject is None and trigger.dep_ not in MODIFIER_DEPS
    return frame.passive and any(c.dep_ == "auxpass" for c in trigger.children)


def implied_agent(cameo: str, frame: Frame, table: Constructions) -> Actor | None:
    """The agent an agentless act implies by its CAMEO code ("were detained": police)."""
    sector = table.implied_agent(cameo)
    if sector is None or not agentless(frame):
        return None
    return Actor(text=table.implied_agent_words[sector], sector=sector, kind="implied")


def unknown_attackers(table: Constructions) -> Actor:
    """The perpetrator of an attack the text does not name ("three were shot dead", "a bomb killed
    five"): sector UNK, with the country the place gives it later."""
    return Actor(text=table.implied_agent_words["UNK"], sector="UNK", kind="implied")


def civilians(heads: list[Token | None], cameo: str, table: Constructions) -> list[Actor]:
    """The actors of a protest, coercion or violence named only by a plain human noun or a bare
    number ("three people were shot", "dozens were detained", "thousands marched"): civilians
    (PLOVER CVL), for argument heads the actor resolver found nothing in."""
    if cameo[:2] not in table.victim_roots:
        return []
    for head in heads:
        if head is None:
            continue
        inner = content_head(head)
        words = lemma(inner) in table.victim_nouns or lemma(inner) in clause_words()["quantity"]
        if (words and inner.pos_ == "NOUN") or (inner.pos_ == "NUM" and inner.dep_ not in MODIFIER_DEPS):
            span = inner.doc[inner.left_edge.i:inner.right_edge.i + 1]
            return [Actor(text=span.text, sector="CVL", start=span.start_char, end=span.end_char,
                          kind="group")]
    return []


__all__ = ["agentless", "civilians", "extend_nominal_frame", "implied_agent", "in_construction", "light_verb",
           "occurrence_verb", "unknown_attackers", "weapon_pattern"]

"""Political sense: whether a predicate read as an event is politics or sport, nature, an accident,
business or private life.

The sense comes from the verb and its arguments, never from the article's topic:

- a natural force or illness as the one who acts ("an earthquake struck", "the fire killed nine",
  "Typhoon Phanfone ... killing 20", "it" or "which" standing for one) makes no political event,
  and is never an actor;
- a vehicle with an accident verb ("the plane crashed", "the bus overturned") is an accident, and
  so is a traveller or worker hurt by nobody named with no weapon in the sentence ("a passenger
  was injured"); "exploded" is an attack only with a weapon as subject;
- an act about an accident ("investigating the crash") is no political event;
- sport: a score ("beat them 3-1") or a word of sport among the event's own arguments ("won the
  final", "beat Norway in the semifinal");
- business competition: a word of the market among them ("beat its rivals");
- private life: a cooperative or verbal act (CAMEO 01-09) or a show of force (15) whose actors are
  all private (civilians, businesses, media, schools) or unknown ("the actor talked to NBC");
- a public-service notice: an appeal (CAMEO 02) to the general public ("urged people to comply
  with road rules", "called on drivers", "asked the public to stay away"): PLOVER drops CAMEO's
  appeals, and an appeal is kept as REQUEST only when it is made to an actor;
- sympathy (CAMEO 018) with no political addressee and about no attack: condolences to victims'
  families after a crash, mourning a death (PLOVER has no type for sympathy);
- a forecast is no threat: a warning (CAMEO 13) that something no actor does will happen ("aid
  groups warned that food shortages could spread", "scientists warned that further eruptions
  were likely"); a threat names an act of the threatener or is aimed at an actor;
- harm told by no one named ("seven people were killed", "two adults were injured") is an attack
  by unknown attackers only with evidence of an attack in the sentence or the two before it (a
  weapon, an attack, an armed perpetrator, a violent verb): otherwise it may be a crash or a fire.

Word lists: data/events/sense_words.json. Reads: the argument frame of the trigger (events/frames.py)
and the resolved actors.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from spacy.tokens import Span, Token

from detente.events.frames import Frame, clause_words, content_head
from detente.events.matching import compound_forms
from detente.models import Actor

PRONOUN_SUBJECTS = frozenset({"it", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ANTECEDENT_SENTENCES = 2  # how far back "it" may look for a natural force or a vehicle
PRIVATE_ROOTS = frozenset({*(f"{n:02d}" for n in range(1, 10)), "15"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
VISIT_CODES = frozenset({"042", "043"})
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


@cache
def sense_words() -> dict[str, frozenset[str]]:
    """The word lists in data/events/sense_words.json, as sets."""
    text = files("detente").joinpath("data/events/sense_words.json").read_text("utf-8")
    return {key: frozenset(values) for key, values in json.loads(text).items() if not key.startswith("_")}


def nonpolitical_sense(frame: Frame, cameo_root: str) -> str | None:
    """Why the trigger, read with its arguments as an event of this CAMEO root, is no political
    event ("natural", "accident", "sport", "business"), or None when nothing says so."""
    actor = frame.agent if frame.passive else frame.subject
    if actor is not None and (is_natural_force(actor) or any(map(_is_animal, _phrase(actor)))):
        return "natural"
    if _natural_harm(frame, cameo_root):
        return "natural"
    if _lemma(frame.trigger) in sense_words()["catching_verbs"] and any(map(is_natural_force, frame.objects)):
        return "natural"  # "the roof caught fire"
    if _accident(frame, actor, cameo_root):
        return "accident"
    arguments = _arguments(frame)
    words = sense_words()
    if any(_lemma(noun) in words["accident_nouns"] for noun in arguments if noun.dep_ != "nsubj"):
        return "accident"
    if _has_score(frame.trigger) or any(_lemma(noun) in words["sports_nouns"] for noun in arguments):
        return "sport"
    if any(_lemma(noun) in words["business_nouns"] for noun in arguments):
        return "business"
    if cameo_root == "02" and _addresses_public(frame):
        return "public"
    return _wrong_sense(frame, actor, cameo_root)


def _wrong_sense(frame: Frame, actor: Token | None, cameo_root: str) -> str | None:
    """A sense of the verb that is no act of this root: showing, not protesting ("demonstrated
    miniature screens"); speaking about a topic, not consulting ("talked of his discoveries");
    buying, not giving aid ("NASA pays for Russian spacecraft"); a machine as a speaker."""
    words, verb = sense_words(), _lemma(frame.trigger)
    if cameo_root == "14" and verb in words["showing_verbs"] and (frame.objects or frame.passive):
        return "show"
    if cameo_root in {"04", "05"} and verb in words["talking_verbs"] and _only_topic(frame):
        return "speech"
    purchase = verb in words["purchase_verbs"] and (verb != "pay" or frame.prep_objects("for"))
    if cameo_root == "07" and purchase:
        return "business"
    if cameo_root in VERBAL_ROOTS and actor is not None and any(map(_is_vehicle, _phrase(actor))):
        return "machine"
    return None


def _only_topic(frame: Frame) -> bool:
    """The talk has a topic ("of", "about") and no one it is held with or addressed to."""
    words = sense_words()
    preps = {prep for prep, _ in frame.preps}
    return bool(preps & words["topic_preps"]) and not preps & words["interlocutor_preps"] and not (
        frame.objects or frame.dative is not None)


def _natural_harm(frame: Frame, cameo_root: str) -> bool:
    """A state of emergency declared, or harm told in the passive by no one named ("homes have
    been destroyed"), with a natural force named in the sentence or the two before and nothing
    there that tells of an attack: emergency management and storm damage, no repression or attack."""
    words, verb = sense_words(), _lemma(frame.trigger)
    emergency = cameo_root == "17" and verb == "declare"
    harm = verb in words["harm_verbs"] and frame.passive and frame.agent is None
    if not (emergency or harm):
        return False
    context = _context(frame.trigger)
    natural = any(token.pos_ in {"NOUN", "PROPN"} and _lemma(token) in words["natural_forces"]
                  for token in context)
    return natural and not any(_attack_word(token) for token in context)


def _context(token: Token) -> Span:
    """The token's sentence and the two before it."""
    sents = list(token.doc.sents)
    index = next(i for i, sent in enumerate(sents) if sent.start <= token.i < sent.end)
    return token.doc[sents[max(0, index - ANTECEDENT_SENTENCES)].start: sents[index].end]


def _addresses_public(frame: Frame) -> bool:
    """The appeal's addressee is the general public ("urged people", "called on drivers")."""
    words = sense_words()
    named = [obj for prep, obj in frame.preps if prep in words["appeal_preps"]]
    addressees = [noun for noun in (*frame.objects, frame.dative, *named) if noun is not None]
    return any(_lemma(content_head(noun)) in words["general_public"] for noun in addressees)


def unevidenced_harm(frame: Frame, victims: list[Actor]) -> bool:
    """A harm verb ("killed", "injured", "struck") with no one named as doing it, no armed victims
    (soldiers, police, rebels), and nothing in its sentence or the two before it that tells of an
    attack: no weapon, attack or armed perpetrator, no violent verb. Such harm is no attack by
    unknown attackers."""
    words = sense_words()
    if _lemma(frame.trigger) not in words["harm_verbs"]:
        return False
    if any(victim.sector in words["armed_sectors"] for victim in victims):
        return False
    return not any(_attack_word(token) for token in _context(frame.trigger))


def _attack_word(token: Token) -> bool:
    words = sense_words()
    if token.pos_ == "VERB":
        return _lemma(token) in words["violent_verbs"]
    forms = (_lemma(token), *compound_forms(token))  # "air strike", "suicide bomber"
    return token.pos_ == "NOUN" and any(form in words["attack_evidence"] for form in forms)


def forecast(frame: Frame, cameo_root: str, actors_of: Callable[[Token], list[Actor]],
             is_act: Callable[[Token], bool]) -> bool:
    """A warning (CAMEO 13) whose that-clause tells what will happen to no actor's doing: its
    subject is a noun that names no actor and no act ("warned that food shortages could spread").
    "Warned that it would retaliate" and "warned that sanctions would follow" stay threats."""
    if cameo_root != "13":
        return False
    for clause in (c for c in frame.trigger.children if c.dep_ == "ccomp"):
        subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
            continue
        return not actors_of(subject) and not is_act(subject)
    return False


def unaddressed_sympathy(cameo: str, target: Actor | None, frame: Frame) -> bool:
    """Sympathy (CAMEO 018) aimed at no political actor and about no attack: condolences to
    victims' families after a crash, mourning a death. PLOVER has no type for sympathy; CAMEO
    codes it between actors, and over violence ("expressed sorrow for the shootings")."""
    if cameo != "018":
        return False
    political = target is not None and target.code is not None
    if political and target.sector not in sense_words()["private_sectors"]:
        return False
    return not any(_attack_word(token) for token in frame.trigger.sent)


def is_natural_force(noun: Token) -> bool:
    """An earthquake, a storm, a fire or an illness ("Hurricane Dorian", "the quake"), also through
    a pronoun ("it killed nine" after "a fire destroyed ..."); "rocket fire" is an attack."""
    noun = _antecedent(noun) if noun.lower_ in PRONOUN_SUBJECTS else noun
    if noun is None:
        return False
    words = sense_words()
    modifiers = {_lemma(c) for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    if modifiers & (words["weapon_modifiers"] | clause_words()["attack_means"]):
        return False
    return _lemma(noun) in words["natural_forces"] or bool(modifiers & words["natural_forces"])


def private_event(cameo: str, actors: tuple[Actor | None, ...]) -> bool:
    """A cooperative or verbal act between private actors or unknown ones only: no state, party,
    armed group, organisation or country takes part. A show of force (CAMEO 15) or a visit (042,
    043) needs only a private or unknown source to be private life: "SpaceX tested its rocket",
    "the church group travelled to Florida"."""
    if cameo[:2] not in PRIVATE_ROOTS:
        return False
    if cameo[:2] == "15" or cameo[:3] in VISIT_CODES:
        actors = actors[:1]
    return all(map(_private, actors))


def _private(actor: Actor | None) -> bool:
    private = sense_words()["private_sectors"]
    return actor is None or actor.code is None or (actor.sector in private and actor.kind != "country")


def _accident(frame: Frame, actor: Token | None, cameo_root: str) -> bool:
    words, verb = sense_words(), _lemma(frame.trigger)
    subjects = [c for c in frame.trigger.children if c.dep_ in SUBJECT_DEPS]  # a misparse may give two
    vehicle = any(map(_is_vehicle, [*_phrase(actor), *subjects])) if actor is not None else False
    if vehicle and verb in words["accident_verbs"]:
        return True  # "a propeller plane in Nevada, United States crashed"
    if verb in words["weapon_only_verbs"] and not frame.objects:
        means = clause_words()["attack_means"] | clause_words()["bombing_means"]
        subject = _antecedent(actor) if actor is not None and actor.lower_ in PRONOUN_SUBJECTS else actor
        return subject is None or _lemma(subject) not in means
    if cameo_root not in VIOLENT_ROOTS or not frame.passive or frame.agent is not None:
        return False
    means = clause_words()["attack_means"] | clause_words()["bombing_means"]
    victim = frame.subject is not None and _lemma(frame.subject) in words["accident_victims"]
    return victim and not any(_lemma(token) in means for token in frame.trigger.sent)


def _phrase(noun: Token) -> list[Token]:
    """The noun and the nouns of the phrase it heads or sits in as the subject."""
    top = noun
    while top.dep_ in {"appos", "pobj", "prep", "compound", "conj"} and top.head.i != top.i:
        top = top.head
    return [t for t in top.subtree if t.pos_ in {"NOUN", "PROPN", "PRON"}]


def _is_animal(noun: Token) -> bool:
    noun = _antecedent(noun) if noun.lower_ in PRONOUN_SUBJECTS else noun
    return noun is not None and noun.ent_type_ != "PERSON" and _lemma(noun) in sense_words()["animals"]


def _is_vehicle(noun: Token) -> bool:
    noun = _antecedent(noun) if noun.lower_ in PRONOUN_SUBJECTS else noun
    return noun is not None and _lemma(noun) in sense_words()["vehicles"]


def _antecedent(pronoun: Token) -> Token | None:
    """The noun "it" most likely stands for: the latest singular subject that names no person,
    in this sentence or the two before it."""
    sents = list(pronoun.doc.sents)
    index = next(i for i, sent in enumerate(sents) if sent.start <= pronoun.i < sent.end)
    start = sents[max(0, index - ANTECEDENT_SENTENCES)].start
    for token in reversed(pronoun.doc[start: pronoun.i]):
        if (token.dep_ in SUBJECT_DEPS and token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NN", "NNP"}
                and token.ent_type_ != "PERSON"):
            return token
    return None


def _arguments(frame: Frame) -> list[Token]:
    """The event's own argument heads: subject, objects, indirect object and prepositional objects."""
    heads = [frame.subject, frame.agent, frame.dative, *frame.objects, *(obj for _, obj in frame.preps)]
    return [head for head in heads if head is not None and head.lower_ not in PRONOUN_SUBJECTS]


def _has_score(trigger: Token) -> bool:
    """A score among the trigger's own words ("beat them 3-1", "won 2-0")."""
    return any(_SCORE.match(token.text) for token in trigger.subtree
               if token.head.i == trigger.i or token.head.head.i == trigger.i)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


__all__ = ["forecast", "is_natural_force", "nonpolitical_sense", "private_event", "sense_words",
           "unaddressed_sympathy", "unevidenced_harm"]

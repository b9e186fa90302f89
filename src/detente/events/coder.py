"""The rule coder: predicates and their arguments -> CAMEO/PLOVER events.

For each sentence it reads every verb (and every noun that has nominal patterns), builds its
argument frame, picks the most specific matching verb pattern from the ontology and resolves the
source and target through the actor resolver and the document's memory. A verb that no pattern
covers may still be coded through its nearest pattern verb in word-vector space, with lower
confidence; nothing is ever coded by default.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from detente import __version__
from detente.actors import ActorResolver
from detente.dates import resolve_event_date
from detente.events.classifier import EventClassifier
from detente.events.combine import CLASSIFIER_CODER, classifier_codes, fallback_type, rerank
from detente.events.frames import Frame, build_frame, clause_words, content_head, find_subject
from detente.events.intent import intent_code
from detente.events.modality import is_negated, modality_of
from detente.events.similar import SimilarVerbs
from detente.ingest import is_boilerplate
from detente.models import Actor, Document, Event, Trigger, make_event_id
from detente.ontology import Ontology, load_ontology
from detente.ontology.patterns import VerbPattern

log = logging.getLogger(__name__)

RULE_CODER = "detente.rules.v1"
VECTOR_CODER = "detente.vector.v1"
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj", "attr", "oprd", "appos",
                           "conj", "npadvmod"})


@dataclass(frozen=True)
class Match:
    pattern: VerbPattern
    coder: str
    weight: float  # multiplies the pattern's confidence (1 for table lemmas)


@dataclass
class DocState:
    """Per-document state: the actor memory and the actors of every argument head seen so far."""

    document: Document
    memory: object
    actors: dict[int, list[Actor]] = field(default_factory=dict)


class EventCoder:
    """Codes spaCy Docs into Events with the verb-pattern table and the actor resolver."""

    def __init__(self, *, ontology: Ontology | None = None, resolver: ActorResolver | None = None,
                 similar: SimilarVerbs | None = None, classifier: EventClassifier | None = None) -> None:
        self.ontology = ontology or load_ontology()
        self.resolver = resolver or ActorResolver.default()
        self.similar = similar
        self.classifier = classifier
        self.version = f"{self.ontology.version}/actors-{self.resolver.version}"
        if classifier is not None:
            self.version += f"/classifier-{classifier.version}"

    def code(self, doc: Doc, document: Document) -> tuple[list[Event], list[Actor]]:
        """All events and all resolved actors of one document, in reading order."""
        state = DocState(document=document, memory=self.resolver.new_memory())
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            if is_boilerplate(sent.text):
                continue
            self._resolve_arguments(sent, state)
            coded = self._code_sentence(sent, index, state)
            if self.classifier is not None:
                coded = self._combine(sent, index, state, coded)
            events.extend(coded)
        actors = [actor for found in state.actors.values() for actor in found]
        return events, sorted(_unique_actors(actors), key=lambda a: (a.start or 0, a.text))

    # -- actors -----------------------------------------------------------------------------
    def _resolve_arguments(self, sent: Span, state: DocState) -> None:
        """Resolve every argument head in reading order, so that pronouns see earlier names."""
        for token in sent:
            if token.dep_ in ARGUMENT_DEPS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
                self.actors_of(token, state)

    def actors_of(self, head: Token | None, state: DocState) -> list[Actor]:
        if head is None:
            return []
        head = content_head(head)
        if head.i not in state.actors:
            state.actors[head.i] = self.resolver.resolve_token(
                head, on=state.document.date, memory=state.memory)  # type: ignore[arg-type]
        return state.actors[head.i]

    # -- events -----------------------------------------------------------------------------
    def _code_sentence(self, sent: Span, index: int, state: DocState) -> list[Event]:
        best: dict[tuple[object, ...], Event] = {}
        coded: set[int] = set()
        for token in sent:
            if token.dep_ == "xcomp" and token.head.i in coded:
                continue  # "suggested holding talks": the complement is part of the coded verb's event
            events = self._code_trigger(token, sent, index, state)
            if events:
                coded.add(token.i)
            for event in events:
                key = (event.trigger.start, _code(event.source), _code(event.target), event.cameo_root)
                if key not in best or event.confidence > best[key].confidence:
                    best[key] = event
        return list(best.values())

    def _combine(self, sent: Span, index: int, state: DocState, events: list[Event]) -> list[Event]:
        """Rerank rule events with the classifier, or let a confident classifier code the sentence."""
        assert self.classifier is not None
        probabilities = self.classifier.predict(sent)
        if events:
            return rerank(events, dict(probabilities))
        found = fallback_type(probabilities)
        predicate = main_predicate(sent)
        if found is None or predicate is None:
            return []
        label, probability = found
        pattern = VerbPattern(id=f"type-{label}", lemma=_lemma(predicate),
                              cameo=classifier_codes()[label], confidence=probability)
        frame = build_frame(predicate)
        made = self._events_for(Match(pattern, CLASSIFIER_CODER, 1.0), frame, sent, index, state) or []
        return [event for event in made if event.source and event.source.country]

    def _candidates(self, token: Token) -> list[Match]:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            patterns = self.ontology.patterns_for(lemma, "VERB")
            if patterns:
                return [Match(p, RULE_CODER, 1.0) for p in patterns]
            if token.pos_ == "VERB" and self.similar is not None:
                return [Match(p, VECTOR_CODER, weight)
                        for p, weight in self.similar.patterns_like(token, self.ontology)]
        elif token.pos_ == "NOUN":
            return [Match(p, RULE_CODER, 1.0) for p in self.ontology.patterns_for(lemma, "NOUN")]
        return []

    def _code_trigger(self, token: Token, sent: Span, index: int, state: DocState) -> list[Event]:
        matches = self._candidates(token)
        if not matches:
            return []
        if token.pos_ == "NOUN" and _governed_by_coded_verb(token, self):
            return []
        frame = build_frame(token)
        ranked = sorted((m for m in matches if _syntax_matches(m.pattern, frame)),
                        key=lambda m: (-m.pattern.specificity, m.pattern.line))
        for match in ranked:
            events = self._events_for(match, frame, sent, index, state)
            if events is not None:
                return events
        return []

    def _events_for(self, match: Match, frame: Frame, sent: Span, index: int,
                    state: DocState) -> list[Event] | None:
        """Events for a syntactic match, or None when the actors rule the pattern out."""
        pattern = match.pattern
        sources, clause_subjects = self._sources(pattern, frame, state)
        if not sources:
            return None
        if pattern.object_country and not _object_country_ok(pattern, sources, frame, self, state):
            return None
        targets = self._targets(pattern, frame, state, clause_subjects, sources)
        if match.coder == VECTOR_CODER and not (targets and targets[0].country):
            return None
        return [self._make_event(match, frame, sent, index, state, source, target)
                for source, target in _pairs(sources, targets, frame.trigger)]

    def _sources(self, pattern: VerbPattern, frame: Frame,
                 state: DocState) -> tuple[list[Actor], list[Actor]]:
        subject = frame.agent if frame.passive else frame.subject
        if pattern.source == "speaker":
            clause_subjects = self.actors_of(frame.subject, state)
            speaker = find_speaker(frame.trigger)
            return self.actors_of(speaker, state), clause_subjects
        return self.actors_of(subject, state), []

    def _targets(self, pattern: VerbPattern, frame: Frame, state: DocState, clause_subjects: list[Actor],
                 sources: list[Actor]) -> list[Actor]:
        if pattern.target == "none":
            return []
        if pattern.source == "speaker":
            named = [actor for actor in clause_subjects if actor.country]
            return named or self.actors_of(find_addressee(frame.trigger), state)
        if pattern.target == "posted_to":
            return _posted_to(frame, self, state, sources)
        if pattern.target == "prep" and pattern.prep:
            return _first_actors(frame.prep_objects(pattern.prep), self, state)
        if frame.passive:
            return self.actors_of(frame.subject, state)
        if pattern.target == "object":
            return _first_actors(frame.objects, self, state)
        ordered = [*frame.objects, frame.dative, *_ordered_preps(frame)]
        return _first_actors([t for t in ordered if t is not None], self, state)

    def _make_event(self, match: Match, frame: Frame, sent: Span, index: int, state: DocState,
                    source: Actor, target: Actor | None) -> Event:
        trigger = frame.trigger
        modality, negated = modality_of(trigger), is_negated(trigger)
        code, coder = match.pattern.cameo, f"{match.coder}:{match.pattern.id}"
        if _is_intention(trigger, modality, negated) and intent_code(code):
            code, coder = str(intent_code(code)), f"{coder}+intent"
        cameo = self.ontology.cameo(code)
        plover, mode = self.ontology.plover(cameo.code)
        day, precision = resolve_event_date(sent, trigger, state.document.date)
        return Event(
            event_id=make_event_id(state.document.doc_id, index, trigger.idx, cameo.code,
                                   (source.start, target.start if target else None)),
            doc_id=state.document.doc_id, sentence_index=index, sentence=sent.text.strip(),
            source=source, target=target, cameo=cameo.code, cameo_root=cameo.root,
            cameo_name=cameo.name, plover=plover, plover_mode=mode,
            goldstein=self.ontology.goldstein(cameo.code), quad_class=self.ontology.quad_class(cameo.code),
            date=day, date_precision=precision, negated=negated, modality=modality,
            confidence=_confidence(match, source, target, modality),
            coder=coder,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            ontology_version=self.version, detente_version=__version__,
        )


# -- helpers ----------------------------------------------------------------------------------
def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_intention(trigger: Token, modality: str, negated: bool) -> bool:
    """An announced future action ("will send", "is ready to send") or a conditional one
    ("will withdraw unless ..."): coded as an intent or a threat, not as the action."""
    if negated:
        return False
    if modality == "intended":
        return True
    conditions = clause_words()["threat_conditions"]
    return modality == "hypothetical" and any(
        c.dep_ == "advcl" and any(m.lower_ in conditions for m in c.children) for c in trigger.children)


def _head_lemmas(token: Token) -> set[str]:
    """The lemma of an argument head; for a name, also its titles ("Ambassador Antonov")."""
    lemmas = {_lemma(token)}
    if token.pos_ == "PROPN":
        lemmas.update(_lemma(c) for c in token.children if c.dep_ == "compound")
    return lemmas


def _any_lemma_in(tokens: Iterable[Token], allowed: frozenset[str]) -> bool:
    return any(_head_lemmas(token) & allowed for token in tokens)


def _syntax_matches(pattern: VerbPattern, frame: Frame) -> bool:
    """Every syntactic constraint the pattern sets holds for the frame."""
    trigger = frame.trigger
    particles = {c.lower_ for c in trigger.children if c.dep_ == "prt"}
    if pattern.particle and pattern.particle not in particles:
        return False
    if pattern.object and not _any_lemma_in(frame.objects, pattern.object):
        return False
    if pattern.prep:
        objects = frame.prep_objects(pattern.prep)
        if not objects or (pattern.prep_object and not _any_lemma_in(objects, pattern.prep_object)):
            return False
    if pattern.xcomp and (frame.xcomp is None or _lemma(frame.xcomp) not in pattern.xcomp):
        return False
    return not pattern.attr or any(_lemma(a) in pattern.attr for a in frame.attrs)


def _governed_by_coded_verb(noun: Token, coder: EventCoder) -> bool:
    """A nominal trigger that is the object of a verb the table knows is coded through that verb."""
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if head.i == noun.i or head.pos_ != "VERB":
        return False
    return bool(coder.ontology.patterns_for(_lemma(head), "VERB"))


def main_predicate(sent: Span) -> Token | None:
    """The verb that carries the sentence's news: the root, or what a reporting root reports
    ("Washington said [the step enjoyed support]" -> "enjoyed")."""
    words = clause_words()
    reporting = words["speech"] | words["cognition"]
    current = sent.root
    for _ in range(4):
        if current.pos_ not in {"VERB", "AUX"}:
            return None
        if _lemma(current) not in reporting:
            return current
        reported = [c for c in current.children if c.dep_ in {"ccomp", "xcomp"} and c.pos_ in {"VERB", "AUX"}]
        if not reported:
            return current
        current = reported[0]
    return current


def find_speaker(trigger: Token) -> Token | None:
    """The subject of the reporting verb governing the trigger's clause ("X said Y is ...")."""
    words = clause_words()
    reporting = words["speech"] | words["cognition"]
    current = trigger
    for _ in range(8):
        if current.head.i == current.i:
            return None
        relation, current = current.dep_, current.head
        if relation in {"ccomp", "parataxis"} and _lemma(current) in reporting:
            subject, _ = find_subject(current)
            return subject
    return None


def find_addressee(trigger: Token) -> Token | None:
    """Whom a reporting verb addresses: its dative, or "to X" on it or on the verbs above it."""
    speech = clause_words()["speech"]
    current: Token | None = trigger
    for _ in range(8):
        if current is None or current.head.i == current.i:
            break
        current = current.head
        if current.pos_ == "VERB" and (_lemma(current) in speech or current.dep_ == "ROOT"):
            for token in _non_clausal_subtree(current):
                if token.dep_ == "dative" or (token.dep_ == "pobj" and token.head.lower_ == "to"):
                    return token
    return None


def _non_clausal_subtree(verb: Token) -> Iterable[Token]:
    stack = [c for c in verb.children if c.dep_ not in {"ccomp", "xcomp", "advcl", "conj", "relcl"}]
    while stack:
        token = stack.pop(0)
        yield token
        stack.extend(c for c in token.children if c.dep_ not in {"ccomp", "relcl", "acl"})


def _ordered_preps(frame: Frame) -> list[Token]:
    order = list(clause_words()["target_preps"])
    preps = sorted(frame.preps, key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order))
    return [obj for word, obj in preps if word in order]


def _first_actors(heads: list[Token], coder: EventCoder, state: DocState) -> list[Actor]:
    for head in heads:
        actors = coder.actors_of(head, state)
        if actors:
            return actors
    return []


def _object_country_ok(pattern: VerbPattern, sources: list[Actor], frame: Frame, coder: EventCoder,
                       state: DocState) -> bool:
    objects = _first_actors(frame.objects, coder, state)
    if not objects or not objects[0].country or not sources[0].country:
        return False
    same = objects[0].country == sources[0].country
    return same if pattern.object_country == "same" else not same


def _posted_to(frame: Frame, coder: EventCoder, state: DocState, sources: list[Actor]) -> list[Actor]:
    for actor in _first_actors(frame.objects, coder, state):
        if actor.posted_to and actor.posted_to != sources[0].country:
            return [Actor(text=actor.posted_to, country=actor.posted_to, kind="country")]
    return []


def _pairs(sources: list[Actor], targets: list[Actor], trigger: Token) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs; coordinated subjects of a reciprocal verb ("A and B clashed") act on
    each other."""
    if not targets and len(sources) > 1 and _lemma(trigger) in clause_words()["reciprocal"]:
        mutual = [(s, t) for s in sources for t in sources
                  if s.country and t.country and s.country != t.country]
        if mutual:
            return list(mutual)
    return [(s, t) for s in sources for t in (targets or [None]) if t is None or not _same_actor(s, t)]


def _same_actor(source: Actor, target: Actor) -> bool:
    if source.start is not None and source.start == target.start:
        return True
    return bool(source.code) and source.code == target.code and source.name == target.name


def _confidence(match: Match, source: Actor, target: Actor | None, modality: str) -> float:
    score = match.pattern.confidence * match.weight
    if not source.country:
        score *= 0.75
    if target is None and match.pattern.target != "none":
        score *= 0.9
    if modality == "hypothetical":
        score *= 0.85
    return round(min(max(score, 0.01), 1.0), 3)


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


def _unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[tuple[object, ...], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.start, actor.end, actor.text), actor)
    return list(seen.values())


__all__ = ["RULE_CODER", "VECTOR_CODER", "EventCoder", "find_addressee", "find_speaker"]

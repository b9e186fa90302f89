"""The rule coder: predicates and their arguments -> CAMEO/PLOVER events.

For each sentence it reads every verb (and every noun that has nominal patterns), builds its
argument frame, picks the most specific matching verb pattern from the ontology and resolves the
source and target through the actor resolver and the document's memory. The clause around the
trigger then shapes the code: an announced action becomes an intention (03), a conditional or
announced hostile one a threat (13), a declared refusal a rejection (12), "X said Y must" a
demand and "X wants Y to" an appeal. A verb that no pattern covers may still be coded through its
nearest pattern verb in word-vector space, and the learned classifier reranks the rule events or
codes a sentence the rules miss; every event names its coder. Nothing is ever coded by default.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from detente import __version__
from detente.actors import ActorResolver, DocMemory
from detente.events.acts import coded_through_verb, complement_of, trigger_token, without_purpose_repeats
from detente.events.arguments import (
    acted_by,
    describing_participle,
    destinations,
    joint,
    manner_subject,
    object_agents,
    ordered_preps,
    predicate_words,
    reciprocal,
    written_to,
)
from detente.events.classifier import EventClassifier
from detente.events.clauses import (
    alleging_verb,
    complement_subject,
    condition_subject,
    conditional_threat,
    eventive,
    find_addressee,
    find_speaker,
    is_intention,
    lemma,
    main_predicate,
    obliged,
    refused,
    requested,
    structure_verbs,
    time_reference,
    wishes_for_other,
)
from detente.events.combine import CLASSIFIER_CODER, classifier_codes, fallback_type, rerank
from detente.events.constructions import (
    civilians,
    extend_nominal_frame,
    implied_agent,
    in_construction,
    occurrence_verb,
    unknown_attackers,
    weapon_pattern,
)
from detente.events.frames import (
    Frame,
    build_frame,
    clause_words,
    content_head,
)
from detente.events.intent import intent_code, refusal_code
from detente.events.matching import compound_forms, compound_object, syntax_matches
from detente.events.modality import is_negated, modality_of
from detente.events.owners import owner_heads, relative_antecedent
from detente.events.pairs import reciprocal_pairs, source_target_pairs, unique_actors
from detente.events.sense import (
    forecast,
    nonpolitical_sense,
    private_event,
    unaddressed_sympathy,
    unevidenced_harm,
)
from detente.events.similar import SimilarVerbs
from detente.events.status import event_timing
from detente.events.violence import UNKNOWN_SOURCE_ROOTS, force_variant, unattributed_attack
from detente.ingest import is_boilerplate
from detente.models import Actor, Document, Event, Trigger, make_event_id
from detente.ontology import Ontology, load_ontology
from detente.ontology.patterns import NO_EVENT, VerbPattern

log = logging.getLogger(__name__)

RULE_CODER = "detente.rules.v1"
VECTOR_CODER = "detente.vector.v1"
# A verb coded through its nearest table verb must also look like that type to the classifier:
# word vectors put antonyms close together ("mend ties" next to "sever ties").
VECTOR_AGREEMENT = 0.15
BARE_AGREEMENT = 0.1
# Appeals, accusations, demands, permissions and threats address the subject of their complement
# ("urged Iran to", "alleged that Iran was", "demanded that X", "allowed Turkey to use the base").
CLAUSE_TARGET_ROOTS = frozenset({"02", "08", "10", "11", "13"})
REQUEST_ROOTS = frozenset({"02", "10"})  # appeals and demands
BACKGROUND_DAYS = 365
ALLEGED = 0.7  # confidence kept by an act that is only alleged ("X claimed Y attacked")
SUBORDINATE_DEPS = frozenset({"advcl", "acl", "relcl"})
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
    memory: DocMemory
    actors: dict[int, list[Actor]] = field(default_factory=dict)
    vetoed: set[int] = field(default_factory=set)  # triggers read in a non-event sense

    def resolved(self) -> list[Actor]:
        """Every actor resolved so far, once each, in text order."""
        actors = [actor for found in self.actors.values() for actor in found]
        return sorted(unique_actors(actors), key=lambda a: (a.start or 0, a.text))


class EventCoder:
    """Codes spaCy Docs into Events with the verb-pattern table and the actor resolver."""

    def __init__(self, *, ontology: Ontology | None = None, resolver: ActorResolver | None = None,
                 similar: SimilarVerbs | None = None, classifier: EventClassifier | None = None) -> None:
        self.ontology = ontology or load_ontology()
        self.resolver = resolver or ActorResolver.default()
        self.similar = similar
        self.classifier = classifier
        self._patterns_by_id = {pattern.id: pattern for pattern in self.ontology.patterns}
        self.version = f"{self.ontology.version}/actors-{self.resolver.version}"
        if classifier is not None:
            self.version += f"/classifier-{classifier.version}"

    def code(self, doc: Doc, document: Document) -> tuple[list[Event], list[Actor]]:
        """All events and all resolved actors of one document, in reading order."""
        events, state = self.code_with_state(doc, document)
        return events, state.resolved()

    def code_with_state(self, doc: Doc, document: Document) -> tuple[list[Event], DocState]:
        """The events of one document and the state that coded them: the actors of every argument
        head and the actor memory, for later stages that read the same actors (quotes)."""
        state = DocState(document=document, memory=self.resolver.new_memory())
        events: list[Event] = []
        for index, sent in enumerate(doc.sents):
            if is_boilerplate(sent.text):
                continue
            self._resolve_arguments(sent, state)
            if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
                continue  # a question ("Is Iran arming the rebels?") reports no event
            coded = self._code_sentence(sent, index, state)
            if self.classifier is not None:
                coded = self._combine(self.classifier, sent, index, state, coded)
            events.extend(coded)
        return events, state

    # -- actors -----------------------------------------------------------------------------
    def _resolve_arguments(self, sent: Span, state: DocState) -> None:
        """Resolve every argument head in reading order, so that pronouns see earlier names."""
        for token in sent:
            if token.dep_ in ARGUMENT_DEPS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
                self.actors_of(token, state)

    def actors_of(self, head: Token | None, state: DocState) -> list[Actor]:
        """The actors of an argument head, looking through quantities ("50 of the soldiers"); a
        crowd counted but not named ("tens of thousands of people") is the quantity itself."""
        if head is None:
            return []
        inner = content_head(head)
        found = self._resolved(inner, state)
        return found if found or inner.i == head.i else self._resolved(head, state)

    def _resolved(self, head: Token, state: DocState) -> list[Actor]:
        if head.i not in state.actors:
            state.actors[head.i] = self.resolver.resolve_token(
                head, on=state.document.date, memory=state.memory)
        return state.actors[head.i]

    # -- events -----------------------------------------------------------------------------
    def _code_sentence(self, sent: Span, index: int, state: DocState) -> list[Event]:
        best: dict[tuple[object, ...], Event] = {}
        coded: set[int] = set()  # triggers coded by a rule, and the complements they cover
        for token in sent:
            if complement_of(token) in coded:
                coded.add(token.i)
                continue  # "suggested holding talks", "agreed to cooperate in fighting X": part of
                # the coded verb's event
            if describing_participle(token) or time_reference(token):
                continue  # "told visiting senators", "the ruling party"; "two weeks after X attacked"
            if requested(token):
                coded.add(token.i)  # its nominal objects are asked for too ("that X hold talks")
                continue  # "demands that the government grant rights": what is asked has not happened
            events = self._code_request_clause(token, sent, index, state) or self._code_trigger(
                token, sent, index, state, coded)
            if any(event.coder.startswith(RULE_CODER) for event in events):
                coded.add(token.i)
            for event in events:
                key = (event.trigger.start, _code(event.source), _code(event.target), event.cameo_root)
                if key not in best or event.confidence > best[key].confidence:
                    best[key] = event
        events = without_purpose_repeats(list(best.values()), sent)
        return self._allegations(events, sent, index, state) if events else events

    def _allegations(self, events: list[Event], sent: Span, index: int, state: DocState) -> list[Event]:
        """"X claimed that Y attacked Z": X accuses Y (CAMEO 112, 1123 for a use of force), and the
        act itself, only alleged, is less sure. "X said that Y attacked Z" stays the attack."""
        out: list[Event] = []
        for event in events:
            token = trigger_token(event, sent)
            verb = alleging_verb(token) if token is not None else None
            hostile = event.cameo_root >= "13" and event.source is not None
            if verb is None or not hostile or verb.i in state.vetoed:
                out.append(event)
                continue
            out.append(replace(event, confidence=round(event.confidence * ALLEGED, 3)))
            code = "1123" if event.cameo_root in UNKNOWN_SOURCE_ROOTS else "112"
            pattern = VerbPattern(id="allegation", lemma=lemma(verb), cameo=code, confidence=0.85)
            frame = build_frame(verb)
            speakers = self.actors_of(frame.subject, state)
            out.extend(self._make_event(Match(pattern, RULE_CODER, 1.0), frame, sent, index, state, speaker,
                                        event.source) for speaker in speakers[:1])
        return out

    def _combine(self, classifier: EventClassifier, sent: Span, index: int, state: DocState,
                 events: list[Event]) -> list[Event]:
        """Rerank rule events with the classifier, or let a confident classifier code the sentence."""
        probabilities = classifier.predict(sent)
        if events:
            by_type = dict(probabilities)
            kept = [e for e in events if by_type.get(e.plover or "", 0.0) >= self._agreement_needed(e, sent)]
            return rerank(kept, by_type)
        found = fallback_type(probabilities)
        predicate = main_predicate(sent)
        if found is None or predicate is None or not eventive(predicate) or _vetoed(predicate, state):
            return []
        label, probability = found
        pattern = VerbPattern(id=f"type-{label}", lemma=lemma(predicate),
                              cameo=classifier_codes()[label], confidence=probability)
        frame = build_frame(predicate)
        if not syntax_matches(pattern, frame):
            return []  # "called off its search" is no call: a particle that changes the verb's sense
        if frame.attrs and lemma(predicate) in clause_words()["naming_verbs"]:
            return []  # "called the crisis the worst": a description, never a call or a meeting
        made = self._events_for(Match(pattern, CLASSIFIER_CODER, 1.0), frame, sent, index, state) or []
        # A source known by its sector alone ("police", "gunmen") is an actor: its country comes
        # later, from the place, the dateline or the document (detente.actors.country_context).
        return [event for event in made if event.source and event.source.kind != "implied"
                and (event.source.country or event.source.sector)]  # an actor the text names

    def _agreement_needed(self, event: Event, sent: Span) -> float:
        """How much the classifier must agree with an event's type for it to stand: a verb coded
        through word vectors, or a bare verb pattern with no recipient ("offering DVDs", "captured
        pictures"), needs the sentence to look like that type of event."""
        if event.coder.startswith(VECTOR_CODER):
            return VECTOR_AGREEMENT
        pattern_id = event.coder.split(":", 1)[-1].split("+", 1)[0]
        pattern = self._patterns_by_id.get(pattern_id)
        bare = pattern is not None and pattern.specificity == 0 and pattern.target == "auto"
        untyped_claim = event.plover is None and _says_what(event, sent)  # no type to agree on
        token = trigger_token(event, sent)
        construed = token is not None and in_construction(token, self.ontology.constructions)
        if event.target is None and bare and not untyped_claim and not construed:
            return BARE_AGREEMENT
        return 0.0

    def _code_request_clause(self, token: Token, sent: Span, index: int, state: DocState) -> list[Event]:
        """"X said Y must do Z" is X's demand on Y (CAMEO 100); "X wants Y to do Z" X's appeal to Y
        (CAMEO 020), whatever Z is."""
        if token.pos_ not in {"VERB", "AUX"}:
            return []
        if obliged(token):
            pattern = VerbPattern(id="obligation-demand", lemma=lemma(token), cameo="100", source="speaker",
                                  confidence=0.7)
        elif wishes_for_other(token) and eventive(token):  # "might want X to" is no appeal
            pattern = VerbPattern(id="wish-appeal", lemma=lemma(token), cameo="020", confidence=0.65,
                                  target="complement")
        else:
            return []
        events = self._events_for(Match(pattern, RULE_CODER, 1.0), build_frame(token), sent, index, state)
        return [e for e in events or [] if e.target is not None]  # not "climate change must be addressed"

    def _candidates(self, token: Token) -> list[Match]:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            patterns = self.ontology.patterns_for(lemma, "VERB")
            if patterns:
                return [Match(p, RULE_CODER, 1.0) for p in patterns]
            if token.pos_ == "VERB" and self.similar is not None and not self._structural(lemma):
                return [Match(p, VECTOR_CODER, weight)
                        for p, weight in self.similar.patterns_like(token, self.ontology)]
        elif token.pos_ == "NOUN":
            for form in (*compound_forms(token), lemma):  # "air strike" before "strike"
                patterns = self.ontology.patterns_for(form, "NOUN")
                if patterns:
                    return [Match(p, RULE_CODER, 1.0) for p in patterns]
            weapon = weapon_pattern(token, self.ontology)  # "shells landed near the airport"
            return [Match(weapon, RULE_CODER, 1.0)] if weapon else []
        return []

    def _structural(self, verb: str) -> bool:
        """A verb that builds the clause rather than naming an act ("said", "carried out", "broke
        out"): never coded through its nearest table verb."""
        table = self.ontology.constructions
        return verb in structure_verbs() or verb in table.light_verbs or verb in table.occurrence_verbs

    def _code_trigger(self, token: Token, sent: Span, index: int, state: DocState,
                      coded: set[int]) -> list[Event]:
        matches = self._candidates(token)
        if not matches:
            return []
        if token.pos_ == "NOUN" and coded_through_verb(token, coded):
            return []  # "imposed sanctions on X" is coded once, through the verb
        frame = build_frame(token)
        if token.pos_ == "NOUN":
            frame = extend_nominal_frame(frame, self.ontology.constructions)
        ranked = sorted((m for m in matches if syntax_matches(m.pattern, frame)),
                        key=lambda m: (-m.pattern.specificity, -compound_object(m.pattern, frame),
                                       m.pattern.line))
        if ranked and ranked[0].pattern.cameo == NO_EVENT:
            state.vetoed.add(token.i)
            return []  # the most specific reading is a non-event sense ("shot a film")
        for match in ranked:
            if match.pattern.cameo == NO_EVENT:
                continue
            events = self._events_for(match, frame, sent, index, state)
            if events is not None:
                return events
        return []

    def _events_for(self, match: Match, frame: Frame, sent: Span, index: int,
                    state: DocState) -> list[Event] | None:
        """Events for a syntactic match, or None when the actors rule the pattern out."""
        pattern = match.pattern
        if pattern.cameo[:2] in UNKNOWN_SOURCE_ROOTS and acted_by(frame, "civilian_vehicles"):
            return None  # "a bus plunged into a ravine, killing 20": an accident
        if nonpolitical_sense(frame, pattern.cameo[:2]) is not None:  # sport, nature, an accident, business
            state.vetoed.add(frame.trigger.i)
            return []
        sources, clause_subjects = self._sources(pattern, frame, state)
        table = self.ontology.constructions
        if not sources and not frame.passive:  # "thousands marched"
            sources = civilians([frame.subject], pattern.cameo, table)
        if not sources and not unattributed_attack(pattern, frame):
            return None
        if pattern.object_country and not _object_country_ok(pattern, sources, frame, self, state):
            return None
        targets = self._targets(pattern, frame, state, clause_subjects, sources)
        if not targets:  # "three people were shot dead", "killing five people"
            targets = civilians([frame.subject] if frame.passive else frame.objects, pattern.cameo, table)
        if match.coder == VECTOR_CODER and not (targets and targets[0].country):
            return None
        if not sources and unevidenced_harm(frame, targets):  # "seven were killed when a plane crashed"
            state.vetoed.add(frame.trigger.i)
            return []
        if forecast(frame, pattern.cameo[:2], lambda head: self.actors_of(head, state), self._eventive):
            state.vetoed.add(frame.trigger.i)  # "warned that food shortages could spread"
            return []
        occurring = frame.trigger.pos_ == "NOUN" and occurrence_verb(frame.trigger, table) is not None
        armed = frame.trigger.pos_ == "VERB" and self._weapon(frame.agent if frame.passive else frame.subject)
        victim = bool(targets) and bool(targets[0].country or targets[0].sector)
        if not sources and not (occurring or armed or victim):
            return None  # an unattributed attack needs a known victim (its country may come from the
            # place), or to be told as happening ("shells landed near the airport", "a bus was
            # blown up by a bomb")
        pairs = reciprocal_pairs(sources) if self._reciprocal_act(frame, targets, state) else []
        events = [self._make_event(match, frame, sent, index, state, source, target)
                  for source, target in pairs or source_target_pairs(sources or [None], targets)]
        political = [e for e in events if not private_event(e.cameo, (e.source, e.target))
                     and not unaddressed_sympathy(e.cameo, e.target, frame)]
        if events and not political:
            state.vetoed.add(frame.trigger.i)  # private life or sympathy: no event, nor a classifier one
        kept = [e for e in political if e.target is not None or e.plover not in recipient_required()]
        # an attack by no one named was done by unknown attackers, who take the country of the place
        return [replace(e, source=unknown_attackers(table)) if e.source is None else e for e in kept]

    def _reciprocal_act(self, frame: Frame, targets: list[Actor], state: DocState) -> bool:
        """A reciprocal act with no recipient named ("A and B met", "restored ties"), or whose only
        countryless "target" is what they exchange ("A and B exchanged prisoners") or comes from
        a complement ("agreed to reduce troops"); not "A and B met with protesters"."""
        if not reciprocal(frame):
            return False
        if not targets:
            return True
        if any(target.country for target in targets):
            return False
        if joint(frame):
            return True  # "carried out a joint operation against smugglers"
        return not any(self.actors_of(obj, state) == targets for _, obj in frame.preps)

    def _eventive(self, noun: Token) -> bool:
        """A noun the table codes as an event ("joint exercises", "an ultimatum", "a blockade")."""
        if noun.pos_ != "NOUN":
            return False
        return any(self.ontology.patterns_for(form, "NOUN") for form in (*compound_forms(noun), lemma(noun)))

    def _stateless_event(self, noun: Token, state: DocState) -> bool:
        """An event noun that names no country ("joint military exercises", read as a MIL actor
        because of "military") is what happens, not whom it happens to; "an Australian
        ultimatum" or "a blockade of Serbia" still names its target."""
        return self._eventive(noun) and not any(actor.country for actor in self.actors_of(noun, state))

    def _weapon(self, noun: Token | None) -> bool:
        weapons = self.ontology.constructions.weapon_nouns
        return noun is not None and any(form in weapons for form in (*compound_forms(noun), lemma(noun)))

    def _means(self, subject: Token | None, state: DocState) -> bool:
        """The subject is how the act was done, not who did it: a weapon ("drones hit oil
        facilities") or an event noun ("hit by drone strikes"), but never a noun that itself
        names a doer ("a suicide bomber", "protesters", agent nouns of the actor tables)."""
        if subject is None:
            return False
        if self._weapon(subject):
            return True
        doer = lemma(subject) in self.resolver.tables.agents or subject.lower_ in self.resolver.tables.agents
        return not doer and self._stateless_event(subject, state)

    def _sources(self, pattern: VerbPattern, frame: Frame,
                 state: DocState) -> tuple[list[Actor], list[Actor]]:
        subject = frame.agent if frame.passive else frame.subject
        if frame.passive and frame.agent is None and pattern.cameo[:2] == "15":
            subject = frame.subject  # "troops were put on alert": the troops' side mobilises
        if pattern.source == "prep" and pattern.prep:  # "received weapons from X": X gives
            return self.first_actors(frame.prep_objects(pattern.prep), state), []
        if pattern.source == "speaker":
            clause_subjects = self.actors_of(frame.subject, state)
            speaker = find_speaker(frame.trigger)
            return self.actors_of(speaker, state), clause_subjects
        found = [] if self._means(subject, state) else self.actors_of(subject, state)
        if not found and frame.trigger.pos_ == "NOUN":
            manner = manner_subject(frame.trigger)  # "sailed near the strait in a show of force"
            found = self.actors_of(frame.agent, state) or self.actors_of(manner, state)
        implied = None if found else implied_agent(pattern.cameo, frame, self.ontology.constructions)
        return (found or [implied] if implied else found), []

    def _targets(self, pattern: VerbPattern, frame: Frame, state: DocState, clause_subjects: list[Actor],
                 sources: list[Actor]) -> list[Actor]:
        if pattern.target == "none":
            return []
        if pattern.source == "speaker":
            named = [actor for actor in clause_subjects if actor.country]
            return named or self.actors_of(find_addressee(frame.trigger), state)
        if pattern.target == "subject":
            return self.actors_of(frame.subject, state)
        if pattern.target == "complement":
            return self.actors_of(complement_subject(frame.trigger), state)
        if pattern.target == "posted_to":
            return _posted_to(frame, self, state, sources)
        if pattern.target == "prep" and pattern.prep and pattern.source != "prep":
            return self.first_actors(frame.prep_objects(pattern.prep), state, frame)
        if frame.passive:
            return self._target_actors(frame.subject, frame, state)
        if pattern.target == "object":
            return self.first_actors(frame.objects, state, frame)
        root = self.ontology.cameo(pattern.cameo).root
        addressee = written_to(frame) if root in REQUEST_ROOTS else None
        if addressee is not None:  # "wrote to the embassy asking to waive her immunity"
            found = self.actors_of(addressee, state)
            if found:
                return found
        found = self._auto_targets(frame, state, sources, skip=predicate_words(pattern, frame))
        if root in CLAUSE_TARGET_ROOTS and not any(actor.country for actor in found):
            found = self.actors_of(complement_subject(frame.trigger), state) or found
        threat = root == "13" or conditional_threat(frame.trigger)
        if threat and not any(actor.country for actor in found):
            own = {source.country for source in sources}
            condition = self.actors_of(condition_subject(frame.trigger), state)
            aimed = [actor for actor in condition if actor.country not in own]
            found = aimed or found  # "threatened to stop the talks if the United States goes ahead"
        return found

    def _target_actors(self, head: Token | None, frame: Frame, state: DocState) -> list[Actor]:
        """The actors a target head names; for an act or a thing that names none ("rejected the
        plan", "hit oil facilities belonging to X"), whoever is behind it (events/owners.py). An
        event noun that names no country ("joint military exercises") is what happens, not whom
        it happens to: only its owner counts."""
        if head is None:
            return []
        head = relative_antecedent(head)
        found = [] if self._stateless_event(head, state) else self.actors_of(head, state)
        if found or head.pos_ not in {"NOUN", "PROPN"}:
            return found
        for owner in owner_heads(head, frame.trigger):
            found = self.actors_of(owner, state)
            if found:
                return found
        return []

    def first_actors(self, heads: list[Token], state: DocState, frame: Frame | None = None) -> list[Actor]:
        """The actors of the first head that names any (its owner's, for a target: `frame` given)."""
        for head in (h for h in heads if h.lower_ not in clause_words()["reflexive"]):
            actors = self._target_actors(head, frame, state) if frame else self.actors_of(head, state)
            if actors:
                return actors
        return []

    def _auto_targets(self, frame: Frame, state: DocState, sources: list[Actor], depth: int = 0,
                      skip: frozenset[int] = frozenset()) -> list[Actor]:
        """Objects, then the indirect object, then prepositional objects (also those of an event
        noun: "took part in joint manoeuvres with X"), then the same inside an open complement
        ("threatened to break relations with X"). A candidate of the source's own country
        ("offered its troops to X") gives way to one of another country, and so may a foreign
        destination ("warned against travel to X")."""
        nested = [t for _, noun in frame.preps if self._eventive(noun)
                  for t in ordered_preps(build_frame(noun))]
        direct = (*frame.objects, *object_agents(frame), frame.dative, *ordered_preps(frame), *nested)
        ordered = [t for t in direct if t is not None and t.i not in skip
                   and t.lower_ not in clause_words()["reflexive"]]
        candidates = [found for found in (self._target_actors(t, frame, state) for t in ordered) if found]
        trips = [found for found in (self.actors_of(t, state) for t in destinations(frame)) if found]
        own = {s.country for s in sources if s.country}
        foreign = [found for found in (*candidates, *trips) if not {a.country for a in found} <= own]
        if foreign:
            return foreign[0]
        if frame.xcomp is not None and depth < 3:
            inner = self._auto_targets(build_frame(frame.xcomp), state, sources, depth + 1)
            if inner:
                return inner
        return candidates[0] if candidates else []

    def _make_event(self, match: Match, frame: Frame, sent: Span, index: int, state: DocState,
                    source: Actor | None, target: Actor | None) -> Event:
        trigger = frame.trigger
        modality, negated = modality_of(trigger), is_negated(trigger)
        code, coder = match.pattern.cameo, f"{match.coder}:{match.pattern.id}"
        variant = force_variant(frame, code, source, target)
        if variant is not None:
            code, coder = variant[0], f"{coder}{variant[1]}"
        if negated and refused(trigger) and refusal_code(code):
            code, coder, negated = str(refusal_code(code)), f"{coder}+refusal", False
        elif conditional_threat(trigger) and not negated:
            intended = intent_code(code)
            code = intended if intended and intended.startswith("13") else "130"
            coder = f"{coder}+threat"
        elif is_intention(trigger, modality, negated) and intent_code(code):
            code, coder = str(intent_code(code)), f"{coder}+intent"
        cameo = self.ontology.cameo(code)
        plover, mode = self.ontology.plover(cameo.code)
        timing = event_timing(sent, trigger, modality, state.document.date)
        return Event(
            event_id=make_event_id(state.document.doc_id, index, trigger.idx, cameo.code, source, target),
            doc_id=state.document.doc_id, sentence_index=index, sentence=sent.text.strip(),
            source=source, target=target, cameo=cameo.code, cameo_root=cameo.root,
            cameo_name=cameo.name, plover=plover, plover_mode=mode,
            goldstein=self.ontology.goldstein(cameo.code), quad_class=self.ontology.quad_class(cameo.code),
            date=timing.date, date_precision=timing.precision, negated=negated, modality=modality,
            status=timing.status,
            confidence=_background(_confidence(match, source, target, modality, trigger), timing.date,
                                   state.document.date),
            coder=coder,
            trigger=Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger.text)),
            ontology_version=self.version, detente_version=__version__,
        )


# -- helpers ----------------------------------------------------------------------------------
@cache
def recipient_required() -> frozenset[str]:
    """PLOVER types that need a recipient (the manual's "Requires recipient: Yes")."""
    text = files("detente").joinpath("data/events/plover_recipients.csv").read_text("utf-8")
    return frozenset(row["plover"] for row in csv.DictReader(text.splitlines())
                     if row["requires_recipient"] == "yes")


def _vetoed(predicate: Token, state: DocState) -> bool:
    """The predicate, or the complement it governs, was read in a non-event sense ("failed to
    meet its emissions target")."""
    return predicate.i in state.vetoed or any(
        c.i in state.vetoed for c in predicate.children if c.dep_ in {"xcomp", "ccomp"})


def _says_what(event: Event, sent: Span) -> bool:
    """The trigger has a that-clause saying what it is about ("denied that its jets had ...")."""
    token = trigger_token(event, sent)
    return token is not None and any(c.dep_ == "ccomp" for c in token.children)


def _object_country_ok(pattern: VerbPattern, sources: list[Actor], frame: Frame, coder: EventCoder,
                       state: DocState) -> bool:
    objects = coder.first_actors(frame.objects, state)
    if not objects or not sources or not objects[0].country or not sources[0].country:
        return False
    same = objects[0].country == sources[0].country
    return same if pattern.object_country == "same" else not same


def _posted_to(frame: Frame, coder: EventCoder, state: DocState, sources: list[Actor]) -> list[Actor]:
    for actor in coder.first_actors(frame.objects, state):
        if actor.posted_to and (not sources or actor.posted_to != sources[0].country):
            return [Actor(text=actor.posted_to, country=actor.posted_to, kind="country")]
    return []


def _background(confidence: float, day: dt.date | None, published: dt.date | None) -> float:
    """An event dated more than a year before publication ("expelled them 18 years ago", "seized
    in the 1970s") is background to the news: it is kept with less confidence."""
    if day is None or published is None or (published - day).days <= BACKGROUND_DAYS:
        return confidence
    return round(confidence * 0.8, 3)


def _confidence(match: Match, source: Actor | None, target: Actor | None, modality: str,
                trigger: Token) -> float:
    """The pattern's confidence, lowered for unknown actors, a missing target, a hypothesis and a
    subordinate clause ("blockaded Paris to demand an end": the blockade is the news)."""
    score = match.pattern.confidence * match.weight
    if source is None or not source.country:
        score *= 0.75
    if target is None and match.pattern.target != "none":
        score *= 0.9
    if modality == "hypothetical":
        score *= 0.85
    if trigger.dep_ in SUBORDINATE_DEPS:
        score *= 0.9
    return round(min(max(score, 0.01), 1.0), 3)


def _code(actor: Actor | None) -> str | None:
    return actor.code if actor else None


__all__ = ["RULE_CODER", "VECTOR_CODER", "DocState", "EventCoder"]

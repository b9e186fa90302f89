"""Noun phrases -> Actors with a country and a PLOVER sector.

A phrase is read in three layers: (1) a name — the named entity, compound chain or head word looked up
in the people, organisation, seat-of-power and country tables; (2) a title — the other modifiers,
split greedily into owner countries ("Russian", "Russia's", "US", "Kremlin") and the longest agent
noun ("foreign ministry", "ambassador"); (3) prepositions on the head — "of/from X" gives the owner,
"to/in X" on diplomats gives `posted_to` (never the owner), "in X" on others the owner. Appositions
are merged (the person gives the name, the title the country and sector). Conjuncts give one actor
each, and so do coordinated owner adjectives ("Hungarian and Romanian officials").

Choices: a bare country is its government (GOV); a demonym head ("Americans") is CVL; a person from
leaders.csv with no term on the date is ELI (PLOVER: former officials) when a term ended before it,
and has no sector before the first term; with no date the latest term is used. A common noun that is
neither an agent nor a name is not an actor ([]); an unknown name keeps its text with null codes.
A titled person with no country ("Prime Minister X") takes the sentence's country only when the
sentence names exactly one state (UN/NGO codes ignored); otherwise the country stays unknown. An
unknown organisation whose name holds exactly one country word takes that country. A demonym head
lives where its "in/of/from" phrase says; "ethnic X" with no such phrase has no country (the event's
place fills it later). A non-actor head with a named possessor stands for the possessor. A known leader
named before an agent noun ("the Reagan administration", "Gorbachev's government") gives its owner
country (the leader's country on the date). UN and EU
bodies keep PLOVER's own codes UNO and EUR (manual, "Non-state international actors"), not IGO.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from detente.actors.memory import PRONOUNS, DocMemory
from detente.actors.phrase import (
    compound_chain,
    content_tokens,
    entity_of,
    name_extensions,
    ngrams,
    phrase_extent,
    phrase_tokens,
    text_of,
)
from detente.actors.tables import (
    NON_ACTOR_SECTORS,
    PSEUDO_COUNTRIES,
    ActorTables,
    Entity,
    Role,
    load_tables,
    near_spellings,
    normalise,
    spelling_index,
)
from detente.actors.textparse import head_of_text
from detente.models import Actor
from detente.nlp import span_ents
from detente.places.resolver import PlaceResolver

log = logging.getLogger(__name__)

DIPLOMATS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "consulate", "delegation",
                       "mission", "representative", "emissary", "attache", "charge d'affaires"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
OWNER_PREPS = frozenset({"of", "from"})
POST_PREPS = frozenset({"to", "in", "at"})
POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}
FORMER = frozenset({"former", "ex", "ousted", "exiled"})
ETHNIC = frozenset({"ethnic"})
PLACE_PREPS = frozenset({"in", "of", "from"})
# Sectors that are also PLOVER country codes: "a human rights group" is country NGO.
PSEUDO_SECTORS = frozenset({"NGO", "IGO", "IMG"})
PERSON_KIND = frozenset({"person"})
# Heads that name someone by their relation to an "of" object: "a critic of the president" is no
# president (other non-agent heads stand for the object: "the withdrawal of Serbian forces").
OF_RELATION_HEADS = frozenset({"critic", "opponent", "rival", "ally", "supporter", "enemy", "foe",
                               "victim", "friend", "admirer", "detractor", "challenger"})
# A titled person with no country in a sentence that names none takes the document's main country:
# the country of at least this many earlier actors, and of this share of all of them.
DOC_COUNTRY_LEAST = 3
DOC_COUNTRY_SHARE = 0.6
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "ELI"})
# Entity labels of places: a country word inside a place name ("British Columbia", "South China
# Sea") does not make the place that country's.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A capitalised word this long that no table knows may be a misspelt country word ("Ethopia").
MIN_MISSPELT = 7


@dataclass
class Mention:
    """What one phrase says about its actor, before memory and merging."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    kind: str | None = None
    posted_to: str | None = None
    agent: str | None = None
    agent_text: str | None = None  # the agent words as written ("Foreign Ministry")
    plural: bool = False
    named: bool = False  # a proper name (entity or table hit)
    bare_name: str | None = None  # a name not found in the tables, for memory look-up
    owners: list[str] = field(default_factory=list)
    former: bool = False
    people_of: str | None = None  # a demonym head ("Albanians"): the country the word names
    ethnic: bool = False  # "ethnic Albanians": the people, not the state's citizens
    place: str | None = None  # "in/of/from X" on the head
    base: str | None = None  # "a London-based group", "the group, based in Ankara": fills a gap only
    owner_sector: str | None = None  # "Metropolitan Police sergeant X": the owner organisation's sector

    def is_actor(self) -> bool:
        return self.named or self.agent is not None or self.country is not None

    def to_actor(self) -> Actor:
        return Actor(text=self.text, name=self.name, country=self.country, sector=self.sector,
                     start=self.start, end=self.end, kind=self.kind, posted_to=self.posted_to)


class ActorResolver:
    """Resolves argument heads (spaCy tokens) and bare strings to Actors with the bundled tables."""

    def __init__(self, tables: ActorTables, *, model: str = "md") -> None:
        self.tables = tables
        self.model = model
        self._spellings = spelling_index(tables.aliases, MIN_MISSPELT)

    @classmethod
    @cache
    def default(cls, *, model: str = "md") -> ActorResolver:
        return cls(load_tables(), model=model)

    @property
    def version(self) -> str:
        return self.tables.version

    def new_memory(self) -> DocMemory:
        return DocMemory()

    # -- public API ----------------------------------------------------------------------------
    def resolve_token(self, head: Token, *, on: dt.date | None,
                      memory: DocMemory | None) -> list[Actor]:
        """All actors of the phrase headed by `head`, its conjuncts included; [] for non-actors."""
        heads = sorted({head, *head.conjuncts}, key=lambda t: t.i)
        actors: list[Actor] = []
        for token in heads:
            actors.extend(self._resolve_head(token, on, memory))
        if memory is not None and len(heads) > 1 and head.lower_ not in PRONOUNS:
            memory.remember_group(actors, subject=token_is_subject(head))
        return actors

    def resolve_text(self, text: str, *, context: str | None = None, on: dt.date | None = None) -> Actor:
        """Resolve a bare string, parsed alone or inside `context` (a sentence that contains it)."""
        head = head_of_text(text, context, self.model)
        found = self._resolve_head(head, on, self.new_memory()) if head is not None else []
        if not found:
            return Actor(text=text)
        return replace(found[0], text=text)

    # -- one head ------------------------------------------------------------------------------
    def _resolve_head(self, head: Token, on: dt.date | None, memory: DocMemory | None) -> list[Actor]:
        if head.lower_ in PRONOUNS:
            return self._resolve_pronoun(head, memory)
        group = _group_reference(head, memory)
        if group:
            return group
        mention = self.describe(head, on)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            mention = self._merge_appos(mention, self.describe(appos, on), appos)
        if not mention.is_actor():
            return self._possessor(head, on, memory)
        mention = self._recall(mention, head, memory)
        mention = self._sentence_country(mention, head, memory)
        mention = self._legislature_country(mention, head, memory)
        mention = self._possessive_owner(mention, head, memory)
        mentions = self._split_owners(mention)
        actors = [m.to_actor() for m in mentions]
        if memory is not None:
            for m, actor in zip(mentions, actors, strict=True):
                memory.remember(actor, agent=m.agent, plural=m.plural,
                                subject=token_is_subject(head) or head.dep_ == "poss")
        return actors

    def _possessor(self, head: Token, on: dt.date | None, memory: DocMemory | None) -> list[Actor]:
        """"President Reagan's statement", "Tehran's plan": a non-actor head stands for its named
        possessor (the one who made the statement or owns the plan)."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ not in POSSESSIVES), None)
        if owner is None:
            return []
        return self._resolve_head(owner, on, memory)

    def _sentence_country(self, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
        """A titled person with no country ("Prime Minister Tomas Kalu") takes the country of the
        sentence when the sentence names exactly one country (states only, not the UN or NGOs);
        when it names none, the document's main country so far (see `_document_country`); with
        several, the country stays unknown."""
        if mention.kind != "person" or mention.country is not None or mention.agent is None:
            return mention
        countries = self.sentence_countries(head.sent)
        if len(countries) > 1:
            return mention
        country = next(iter(countries)) if countries else _document_country(memory)
        return replace(mention, country=country) if country else mention

    def _legislature_country(self, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
        """"The chancellor is being pressured by parliament", "Bolsonaro criticised congress": a
        legislature with no country takes the country of the people already named in the sentence
        when they all have one country; failing that, lower-case "congress" is the US Congress."""
        agent = self.tables.agents.get(mention.agent) if mention.agent else None
        if memory is None or mention.country is not None or mention.named or agent is None:
            return mention
        if agent.sector != "LEG":
            return mention
        sent = head.sent
        people = [a for a in memory.recent_distinct(2, PERSON_KIND, before=head.idx)
                  or memory.recent_distinct(1, PERSON_KIND, before=head.idx)
                  if a.start is not None and a.start >= sent.start_char]
        country = people[0].country if len(people) == 1 else None
        default = self.tables.organisations.get(normalise(head.text))
        country = country or (default.country if default else None)
        if country is None:
            return mention
        found = replace(mention, country=country, owners=[])
        found.name = self._agent_name(found)
        return found

    def sentence_countries(self, sent: Span) -> set[str]:
        """Distinct states named in the sentence: country names and adjectives, seats of power, and
        country words inside organisation names."""
        found: set[str] = set()
        covered: set[int] = set()
        for ent in span_ents(sent):
            covered.update(range(ent.start, ent.end))
            if ent.label_ != "PERSON":
                found.update(self._owners_within([t for t in ent if t.tag_ != "POS"]))
        for token in sent:
            if token.i not in covered and token.text[:1].isupper():
                owner = self._owner_of(token.text, token)
                if owner:
                    found.add(owner)
        return {c for c in found if c not in PSEUDO_COUNTRIES}

    def _owners_within(self, tokens: list[Token]) -> list[str]:
        """Countries named by the longest country words inside a name ("Kenya Anti-Graft Board")."""
        owners: list[str] = []
        used: set[int] = set()
        for s, e in ngrams(tokens):
            span = tokens[s:e]
            if any(t.i in used for t in span):
                continue
            owner = self._owner_of(text_of(span), span[0] if len(span) == 1 else None)
            if owner:
                owners.append(owner)
                used.update(t.i for t in span)
        return owners

    def _resolve_pronoun(self, head: Token, memory: DocMemory | None) -> list[Actor]:
        """A pronoun's referent; a subject pronoun keeps its referent salient as a subject."""
        if memory is None:
            return []
        referent = memory.pronoun(head.lower_, sentence_start=head.sent.start_char)
        if referent is None:
            return []
        referents = memory.group(head.lower_) or [referent]
        if token_is_subject(head):
            memory.remember(referent, subject=True)
            memory.remember_group(referents, subject=True)
        return [replace(r, text=head.text, start=head.idx, end=head.idx + len(head.text)) for r in referents]

    def _possessive_owner(self, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
        """"its ambassador", "their troops": the owner is the pronoun's referent's country."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
        if memory is None or owner is None or mention.country is not None:
            return mention
        referent = memory.pronoun(POSSESSIVES[owner.lower_])
        if referent is None or referent.country is None:
            return mention
        found = replace(mention, country=referent.country, owners=[referent.country])
        found.name = self._agent_name(found) if not found.named else found.name
        return found

    def _recall(self, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
        """Fill a bare name or a country-less definite agent from earlier actors."""
        if memory is None:
            return mention
        earlier = None
        if mention.bare_name and mention.country is None:
            earlier = memory.by_name(mention.bare_name)
        elif mention.agent and mention.country is None and not mention.named and _definite(head):
            earlier = memory.by_agent(mention.agent)
        if earlier is None:
            return _inherit_posting(mention, memory)
        if earlier.kind == "person" and not mention.bare_name and self._agent_kind(mention) != "person":
            # "the Court" after "Supreme Court Justice Ruth Bader Ginsburg": her court, not her
            found = replace(mention, country=earlier.country, owners=[])
            found.name = self._agent_name(found)
            return found
        return replace(mention, name=earlier.name, country=earlier.country, sector=earlier.sector,
                       kind=earlier.kind, posted_to=earlier.posted_to, owners=[])

    def _agent_kind(self, mention: Mention) -> str | None:
        agent = self.tables.agents.get(mention.agent) if mention.agent else None
        return agent.kind if agent else None

    # -- describing one phrase -----------------------------------------------------------------
    def describe(self, head: Token, on: dt.date | None) -> Mention:
        """Everything the phrase headed by `head` says, without memory."""
        tokens = phrase_tokens(head)
        start, end = phrase_extent(tokens)
        mention = Mention(text=char_text(head.doc, start, end), start=start, end=end,
                          plural=head.tag_ in {"NNS", "NNPS"})
        name_tokens = self._apply_name(mention, head, on)
        rest = [t for t in content_tokens(tokens) if t not in name_tokens]
        mention.former = any(t.lower_ in FORMER for t in rest)
        possessed = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        base_tokens = _base_tokens(head)
        mention.base = self._owner_of(text_of(base_tokens)) if base_tokens else None
        rest = [t for t in rest if t not in base_tokens]
        self._apply_title(mention, rest, possessed)
        if mention.agent is None and name_tokens and rest:
            self._title_into_name(mention, rest, name_tokens[0])
        self._person_owner(mention, rest, on)
        self._apply_preps(mention, head)
        self._finish(mention)
        return mention

    def _apply_name(self, mention: Mention, head: Token, on: dt.date | None) -> list[Token]:
        """Look the name up; returns the tokens it used."""
        entity = entity_of(head)
        candidates = name_extensions(head)
        candidates += [entity[0]] if entity else []
        candidates += [compound_chain(head), [head]]
        chain = compound_chain(head)
        for tokens in candidates:
            if tokens == [head] and self._renamed(chain, head):
                continue  # "Social Democrats" is not "Democrats"
            if tokens and self._lookup_name(mention, text_of(tokens), on, head):
                self._localise(mention, tokens, chain)
                return tokens
        spelt = self._misspelt_country(head) if compound_chain(head) == [head] else None
        if spelt:
            self._apply_country(mention, *spelt)
            mention.named = True
            return [head]
        if self._agent_ending_at(compound_chain(head)):
            return []  # "the Foreign Ministry": an agent phrase, read as a title
        if (entity and entity[1] in NAME_LABELS) or head.pos_ == "PROPN":
            tokens = entity[0] if entity else compound_chain(head)
            mention.named = True
            mention.bare_name = text_of(tokens)
            mention.name = mention.bare_name
            mention.kind = "person" if entity and entity[1] == "PERSON" else "org"
            if mention.kind == "org" and not (entity and entity[1] in PLACE_LABELS):
                self._name_owner(mention, tokens)
            return tokens
        return []

    def _name_owner(self, mention: Mention, tokens: list[Token]) -> None:
        """An unknown organisation whose name holds one country word ("the Liberian Peace Council",
        "Ghana Assembly") belongs to that country; its last agent word gives the sector."""
        owners = set(self._owners_within(tokens))
        if len(owners) != 1:
            return
        mention.country = owners.pop()
        agent = self._agent_ending_at(tokens)
        if agent:
            mention.sector = self.tables.agents[agent].sector

    def _renamed(self, chain: list[Token], head: Token) -> bool:
        """A capitalised word before the head that is neither a country word nor an agent noun
        makes the phrase a different name ("Social Democrats", "Free Syrian Army" aside)."""
        return any(t.i != head.i and t.text[:1].isupper() and t.tag_ != "POS" and not self._owner_of(t.text)
                   and not self._find_agent([t]) for t in chain)

    def _localise(self, mention: Mention, used: list[Token], chain: list[Token]) -> None:
        """A one-word party or group name inside a longer name that names another country
        ("Sweden Democrats", "Irish Republicans") belongs to that country, not to the table's."""
        if mention.kind == "person" or len(used) != 1 or mention.country in PSEUDO_COUNTRIES:
            return
        owners = [self._owner_of(t.text) for t in chain if t not in used]
        owner = next((o for o in owners if o and o not in PSEUDO_COUNTRIES), None)
        if owner and owner != mention.country:
            mention.country = owner

    def _lookup_name(self, mention: Mention, text: str, on: dt.date | None, head: Token) -> bool:
        key = self._key(text)
        if key is None:
            return False
        tables = self.tables
        place = key in tables.aliases or key in tables.seats or key in tables.organisations
        if key in tables.people and not (place and head.ent_type_ in {"GPE", "NORP", "ORG", "LOC"}):
            self._apply_person(mention, tables.people[key], on)
        elif (key in tables.organisations or key in tables.seats) and not text.islower():
            self._apply_entity(mention, tables.organisations.get(key) or tables.seats[key])
        elif key in tables.aliases:
            self._apply_country(mention, *tables.aliases[key])
        else:
            return False
        mention.named = True
        return True

    def _key(self, text: str) -> str | None:
        """Normalised key, or None when a capitals-only alias or a legislature's name ("congress")
        is written in lower case."""
        key = normalise(text)
        if not key:
            return None
        if key in self.tables.capital_keys and not text.replace(".", "").replace("the ", "").isupper():
            return None
        agent = self.tables.agents.get(key)
        if agent is not None and agent.sector == "LEG" and text.islower():
            return None  # "criticised congress": a legislature, not the US Congress by name
        return key

    def _apply_person(self, mention: Mention, names: tuple[str, ...], on: dt.date | None) -> None:
        name, role, sector = self._choose_person(names, on)
        mention.name, mention.kind = name, "person"
        mention.country, mention.sector = role.country, sector

    def _choose_person(self, names: tuple[str, ...], on: dt.date | None) -> tuple[str, Role, str | None]:
        for name in names:
            terms = self.tables.roles[name]
            active = [r for r in terms if on is None or r.active(on)]
            if active:
                role = max(active, key=lambda r: r.start)
                return name, role, role.sector
        terms = self.tables.roles[names[0]]
        ended = [r for r in terms if r.end is not None and on is not None and r.end < on]
        if ended:
            return names[0], max(ended, key=lambda r: r.start), "ELI"
        return names[0], terms[0], None

    def _apply_entity(self, mention: Mention, entity: Entity) -> None:
        mention.name, mention.kind = entity.name, entity.kind
        mention.country, mention.sector = entity.country, entity.sector

    def _apply_country(self, mention: Mention, iso3: str, form: str) -> None:
        country = self.tables.countries.get(iso3)
        if form == "name":
            mention.name, mention.kind, mention.sector = (country.name if country else iso3), "country", "GOV"
        else:  # "Americans", "the Chinese": the people
            mention.name = f"{country.adjective} people" if country else None
            mention.kind, mention.sector, mention.plural = "group", "CVL", True
            mention.people_of = iso3
        mention.country = iso3

    def _apply_title(self, mention: Mention, tokens: list[Token], possessed: set[int]) -> None:
        """Owner countries and the agent noun among the non-name modifiers; a possessor gives an
        owner ("Russia's envoy") but never the agent ("the president's plane" is no president)."""
        remaining = list(tokens)
        for s, e in ngrams(tokens):
            span = tokens[s:e]
            if not all(t in remaining for t in span):
                continue
            owner = self._owner_of(text_of(span), span[0] if len(span) == 1 else None)
            if owner:
                mention.owners.append(owner)
                mention.owners.extend(self._conjunct_owners(span[-1]))
                organisation = self.tables.organisations.get(normalise(text_of(span)))
                mention.owner_sector = mention.owner_sector or (organisation.sector if organisation else None)
                remaining = [t for t in remaining if t not in span]
        mention.ethnic = any(t.lower_ in ETHNIC for t in tokens)
        found = self._find_agent_span([t for t in remaining if t.i not in possessed])
        if found is None and tokens:  # "the US State Department": the seat word is also the agent
            found = self._find_agent_span(tokens[-2:]) if self._agent_ending_at(tokens[-2:]) else None
        if found:
            mention.agent, mention.agent_text = found

    def _title_into_name(self, mention: Mention, rest: list[Token], first: Token) -> None:
        """A title the tagger split into the name ("Saudi Crown [Prince Abdullah]"): an agent noun
        that ends on the name's first word."""
        found = self._find_agent_span([t for t in rest if t.i < first.i] + [first])
        if found is not None and found[1].split()[-1] == first.text and len(found[1].split()) > 1:
            mention.agent, mention.agent_text = found

    def _person_owner(self, mention: Mention, tokens: list[Token], on: dt.date | None) -> None:
        """"the Reagan administration", "Gorbachev's government", "Mugabe loyalists": a known person
        named in front of the head gives the owner country (their country on the date)."""
        if mention.owners or mention.named or mention.agent is None:
            return
        names = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ in {"compound", "poss"}]
        for s, e in ngrams(names):
            span = names[s:e]
            if any(b.i - a.i != 1 for a, b in pairwise(span)):
                continue
            key = self._key(text_of(span))
            if key in self.tables.people:
                _, role, _ = self._choose_person(self.tables.people[key], on)
                mention.owners.append(role.country)
                return

    def _owner_of(self, text: str, token: Token | None = None) -> str | None:
        """The country a country word, seat or organisation names; a single `token` not in the
        tables may be a misspelt country word."""
        key = self._key(text)
        if key is None:
            return None
        tables = [self.tables.aliases, self.tables.seats]
        if not text.islower():  # "republicans" in lower case is no party's name
            tables.append(self.tables.organisations)
        for table in tables:
            if key in table:
                found = table[key]
                return found[0] if isinstance(found, tuple) else found.country
        spelt = self._misspelt_country(token) if token is not None else None
        return spelt[0] if spelt else None

    def _misspelt_country(self, token: Token) -> tuple[str, str] | None:
        """(iso3, form) of a misspelt country word ("Ethopia", "Ukranian"): a capitalised proper
        noun, or a word the tagger calls a nationality (NORP), of MIN_MISSPELT letters or more that
        no actor table nor the gazetteer knows and that is one edit from the names and adjectives of
        exactly one country. Not for person names."""
        text = token.text
        if len(text) < MIN_MISSPELT or not text.isalpha() or not text[:1].isupper():
            return None
        if token.ent_type_ == "PERSON" or not (token.pos_ == "PROPN" or token.ent_type_ == "NORP"):
            return None
        key = text.lower()
        tables = self.tables
        if any(key in table for table in (tables.aliases, tables.seats, tables.organisations, tables.people)):
            return None
        near = near_spellings(key, self._spellings)
        if len({tables.aliases[k][0] for k in near}) != 1 or PlaceResolver.default().gazetteer.lookup(text):
            return None
        log.debug("misspelt country word %r read as %r", text, min(near))
        return tables.aliases[min(near)]

    def _conjunct_owners(self, token: Token) -> list[str]:
        if token.dep_ not in {"amod", "compound", "poss"}:
            return []
        owners = [self._owner_of(c.text) for c in token.conjuncts]
        return [o for o in owners if o]

    def _find_agent(self, tokens: list[Token]) -> str | None:
        found = self._find_agent_span(tokens)
        return found[0] if found else None

    def _find_agent_span(self, tokens: list[Token]) -> tuple[str, str] | None:
        """(table key, words as written) of the longest agent noun among `tokens`. A capitalised
        plural the tagger took for a name ("Rebels said ...") keeps no lemma, so its singular is
        tried too."""
        for s, e in ngrams(tokens):
            words = [t.lower_ for t in tokens[s:e]]
            end = tokens[e - 1]
            singular = words[-1][:-1] if end.pos_ == "PROPN" and words[-1].endswith("s") else words[-1]
            for last in dict.fromkeys((end.lemma_.lower(), words[-1], singular)):
                key = " ".join([*words[:-1], last])
                if key in self.tables.agents:
                    return key, text_of(tokens[s:e])
        return None

    def _agent_ending_at(self, chain: list[Token]) -> str | None:
        """An agent noun made of the last tokens of `chain` (the head is the last token)."""
        for size in range(len(chain), 0, -1):
            found = self._find_agent(chain[-size:])
            if found and len(found.split()) == size:
                return found
        return None

    def _apply_preps(self, mention: Mention, head: Token) -> None:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if not objects:
                continue
            chain = compound_chain(objects[0])
            place = self._owner_of(text_of(chain), chain[0] if len(chain) == 1 else None)
            word = prep.lower_
            if place is None and word in OWNER_PREPS and (mention.agent or mention.people_of):
                place = self._institution_country(objects[0])
            if place is None and word in {"in", "at"} and (mention.agent or mention.people_of):
                place = self._place_country(objects[0])  # "police in the Kenyan capital"
            if place and word in PLACE_PREPS:
                mention.place = mention.place or place
            if place is None and word == "of" and mention.agent is None:
                self._apply_of_agent(mention, head, objects[0])
            elif place and word in POST_PREPS and _is_diplomat(mention.agent):
                mention.posted_to = mention.posted_to or place
            elif place and not mention.owners and (word in OWNER_PREPS or (
                    word in {"in", "at"} and not (mention.kind == "person" and mention.country))):
                mention.owners.append(place)  # not for a known person: "Lord Owen in Belgrade" visits

    def _place_country(self, obj: Token) -> str | None:
        """The country of a described place: "the Kenyan capital", "the Iraqi city of Mosul"."""
        inner = self.describe(obj, None)
        if inner.country in PSEUDO_COUNTRIES or (inner.kind == "person" and inner.named):
            return None
        return inner.country

    def _institution_country(self, obj: Token) -> str | None:
        """"officials from the Iraqi interim government": the country of an organisation object."""
        inner = self.describe(obj, None)
        state = inner.sector in {"GOV", "LEG", "MIL", "JUD"}
        if inner.country and state and not (inner.named and inner.kind == "person"):
            return inner.country
        return None

    def _apply_of_agent(self, mention: Mention, head: Token, obj: Token) -> None:
        """"the head of the foreign ministry": the agent and owner come from the object. Relation
        heads (OF_RELATION_HEADS) take only the owner: "opponents of Rwanda's Senate" are Rwandan,
        but no senate, and "a critic of the president" is no president."""
        inner = self.describe(obj, None)
        if not inner.agent or mention.named:
            return
        if head.lemma_.lower() in OF_RELATION_HEADS:
            mention.owners = mention.owners or list(inner.owners)
            return
        mention.agent, mention.agent_text, mention.owners = inner.agent, inner.agent_text, inner.owners

    def _finish(self, mention: Mention) -> None:
        """Combine name, title and prepositions: the title words win over the tables for people."""
        agent = self.tables.agents.get(mention.agent) if mention.agent else None
        if agent and agent.sector in NON_ACTOR_SECTORS:
            mention.agent, mention.named, mention.country, mention.sector = None, False, None, None
            return
        owner = mention.owners[0] if mention.owners else mention.base
        if mention.owners and mention.country == "NGO" and mention.named and not mention.bare_name:
            mention.country, mention.sector = owner, "NGO"  # "the Turkish Red Crescent"
        if mention.people_of:  # "ethnic Albanians in Serbia", "the Serbs of Kosovo": where they live
            mention.country = mention.place or owner or (None if mention.ethnic else mention.people_of)
        if agent and agent.sector in PSEUDO_SECTORS and owner is None and not mention.named:
            owner = agent.sector  # "a human rights group": country NGO
        if mention.kind == "person" or not mention.named:
            mention.country = owner or mention.country
            mention.sector = agent.sector if agent else mention.sector
        elif mention.bare_name:  # an unknown organisation: the title only fills gaps
            mention.country = mention.country or owner
            mention.sector = mention.sector or (agent.sector if agent else None)
        if agent and not mention.named:
            mention.kind = "group" if mention.plural else (agent.kind if agent.kind != "none" else "org")
            mention.name = self._agent_name(mention)
        if mention.kind == "person" and mention.sector is None and agent is None:
            mention.sector = mention.owner_sector  # "a Metropolitan Police sergeant": COP
        if mention.former and mention.sector in {"GOV", "MIL", "LEG", "JUD"}:
            mention.sector = "ELI"

    def _agent_name(self, mention: Mention) -> str | None:
        if mention.agent is None or mention.country is None:
            return None
        country = self.tables.countries.get(mention.country)
        owner = country.adjective if country else mention.country
        words = mention.agent_text or mention.agent
        return f"{owner} {' '.join(w[:1].upper() + w[1:] for w in words.split())}"

    def _merge_appos(self, mention: Mention, other: Mention, appos: Token) -> Mention:
        """"the US President, Joe Biden," / "Joe Biden, the US president": one actor."""
        if not other.is_actor():
            return mention
        person, title = _person_and_title(mention, other)
        merged = replace(person)
        title_country = None if title.country == title.base and not title.owners else title.country
        merged.country = title_country or person.country or title.country
        merged.sector = title.sector or person.sector
        merged.posted_to = title.posted_to or person.posted_to
        merged.agent = title.agent or person.agent
        merged.kind = "person" if person.kind == "person" else (title.kind or person.kind)
        merged.named = True
        merged.bare_name = person.bare_name if person.country is None and title.country is None else None
        merged.start, merged.end = min(mention.start, other.start), max(mention.end, other.end)
        merged.text = char_text(appos.doc, merged.start, merged.end)
        return merged

    def _split_owners(self, mention: Mention) -> list[Mention]:
        """One mention per coordinated owner ("Hungarian and Romanian officials")."""
        owners = list(dict.fromkeys(mention.owners))
        if len(owners) < 2 or mention.named:
            return [mention]
        out = []
        for owner in owners:
            item = replace(mention, country=owner, owners=[owner])
            item.name = self._agent_name(item)
            out.append(item)
        return out


def char_text(doc: Doc, start: int, end: int) -> str:
    """doc.text[start:end] without building the whole text (Doc.text joins every token per call)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    return span.text[start - span.start_char:len(span.text) - (span.end_char - end)]


def _base_tokens(head: Token) -> list[Token]:
    """The place words of "a London-based group" / "the group, based in Ankara": where an
    organisation sits, which is not whom it belongs to."""
    based = next((c for c in head.children if c.lower_ == "based" and c.dep_ in {"amod", "acl"}), None)
    if based is None:
        return []
    for inner in based.children:
        if inner.dep_ in {"npadvmod", "compound", "nmod", "nsubj"} and inner.i < based.i:
            return compound_chain(inner)
        if inner.dep_ == "prep" and inner.lower_ == "in":
            objects = [c for c in inner.children if c.dep_ == "pobj"]
            return compound_chain(objects[0]) if objects else []
    return [t for t in head.lefts if t.i < based.i and t.dep_ in {"nmod", "compound"} and t.pos_ == "PROPN"]


def _person_and_title(mention: Mention, other: Mention) -> tuple[Mention, Mention]:
    """Which side of an apposition is the person: a named person beats a role noun ("Angela Merkel,
    the Chancellor of Germany" keeps her name), then any person-like side."""
    for first, second in ((other, mention), (mention, other)):
        if first.kind == "person" and first.named:
            return first, second
    return (other, mention) if other.kind == "person" else (mention, other)


def _document_country(memory: DocMemory | None) -> str | None:
    """The state that the actors named so far mostly belong to: at least DOC_COUNTRY_LEAST of them
    and DOC_COUNTRY_SHARE of all state-country mentions; None in a document about several states."""
    if memory is None:
        return None
    counts = {c: n for c, n in memory.country_counts(STATE_SECTORS).items() if c not in PSEUDO_COUNTRIES}
    if not counts:
        return None
    country, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    if count < DOC_COUNTRY_LEAST or count < DOC_COUNTRY_SHARE * sum(counts.values()):
        return None
    return country


def _definite(head: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in head.children)


def _is_diplomat(agent: str | None) -> bool:
    return agent is not None and (agent in DIPLOMATS or agent.split()[-1] in DIPLOMATS)


__all__ = ["ActorResolver", "Mention"]


GROUP_NUMBERS = {"two": 2, "three": 3, "both": 2}
GROUP_NOUNS = {"leader": frozenset({"person"}), "president": frozenset({"person"}),
               "minister": frozenset({"person"}), "country": frozenset({"country", "org"}),
               "nation": frozenset({"country", "org"}), "side": frozenset({"country", "org", "person"}),
               "government": frozenset({"country", "org"}), "state": frozenset({"country", "org"})}


def _group_reference(head: Token, memory: DocMemory | None) -> list[Actor]:
    """"The two leaders", "both countries": the most recent actors of that kind before this sentence,
    one per country."""
    kinds = GROUP_NOUNS.get(head.lemma_.lower())
    number = next((GROUP_NUMBERS[c.lower_] for c in head.children
                   if c.dep_ in {"nummod", "det", "predet"} and c.lower_ in GROUP_NUMBERS), None)
    if memory is None or kinds is None or number is None or head.tag_ != "NNS":
        return []
    found = memory.recent_distinct(number, kinds, before=head.sent.start_char)
    return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head.text)) for a in found]


def _inherit_posting(mention: Mention, memory: DocMemory) -> Mention:
    """A diplomat named again ("Ambassador Antonov") keeps the posting given earlier in the text."""
    if mention.posted_to or not mention.name or mention.kind != "person":
        return mention
    earlier = memory.by_name(mention.name)
    if earlier is None or not earlier.posted_to or earlier.country != mention.country:
        return mention
    return replace(mention, posted_to=earlier.posted_to)


def token_is_subject(token: Token) -> bool:
    """The token heads a clause subject (directly or as a conjunct of one)."""
    subject_deps = {"nsubj", "nsubjpass"}
    return token.dep_ in subject_deps or (token.dep_ == "conj" and token.head.dep_ in subject_deps)

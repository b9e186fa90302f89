"""Noun phrases -> Actors with a country and a PLOVER sector: reading one phrase.

The resolver is split by job: lookup.py (the knowledge base: which entry a name or word is, and
which role the date selects), names.py (name matching: variants, transliterations, the surname
rule), document.py (what earlier actors and the sentence add: memory, pronouns, possessors), and
this module, which reads the phrase and combines them.

A phrase is read in three layers: (1) a name — the named entity, compound chain or head word looked up
in the people, organisation, seat-of-power and country tables; (2) a title — the other modifiers,
split greedily into owner countries ("Russian", "Russia's", "US", "Kremlin") and the longest agent
noun ("foreign ministry", "ambassador"); (3) prepositions on the head — "of/from X" gives the owner,
"to/in X" on diplomats gives `posted_to` (never the owner), "in X" on others the owner. Appositions
are merged (the person gives the name, the title the country and sector). Conjuncts give one actor
each, and so do coordinated owner adjectives ("Hungarian and Romanian officials").

Choices: a bare country is its government (GOV); a demonym head ("Americans") is CVL; a person of
the knowledge base with no term on the date is ELI (PLOVER: former officials) when a term ended
before it, and has no sector before the first term; with no date the latest term is used.
A common noun that is neither an agent nor a name is not an actor ([]);
an unknown name keeps its text with null codes.
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
from dataclasses import replace
from functools import cache
from itertools import pairwise

from spacy.tokens import Span, Token

from detente.actors.document import (
    group_reference,
    legislature_country,
    named_possessor,
    possessive_owner,
    recall,
    resolve_pronoun,
    sentence_country,
    token_is_subject,
)
from detente.actors.lookup import KnowledgeBase, Match
from detente.actors.memory import PRONOUNS, DocMemory
from detente.actors.mention import Mention, char_text
from detente.actors.names import apply_surname_rule, is_honorific
from detente.actors.phrase import (
    base_tokens_of,
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
    load_tables,
    normalise,
)
from detente.actors.textparse import head_of_text
from detente.models import Actor

DIPLOMATS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "consul", "consulate", "delegation",
                       "mission", "representative", "emissary", "attache", "charge d'affaires"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
OWNER_PREPS = frozenset({"of", "from"})
POST_PREPS = frozenset({"to", "in", "at"})
FORMER = frozenset({"former", "ex", "ousted", "exiled"})
ETHNIC = frozenset({"ethnic"})
PLACE_PREPS = frozenset({"in", "of", "from"})
# Sectors that are also PLOVER country codes: "a human rights group" is country NGO.
PSEUDO_SECTORS = frozenset({"NGO", "IGO", "IMG"})
# Heads that name someone by their relation to an "of" object: "a critic of the president" is no
# president (other non-agent heads stand for the object: "the withdrawal of Serbian forces").
OF_RELATION_HEADS = frozenset({"critic", "opponent", "rival", "ally", "supporter", "enemy", "foe",
                               "victim", "friend", "admirer", "detractor", "challenger"})
# An agent of an armed group ("a Hamas commander", "Hezbollah fighters") takes the group's sector.
ARMED_GROUP_SECTORS = frozenset({"REB", "PRM"})
ARMED_AGENT_SECTORS = frozenset({"MIL", "GOV", "UAF"})
# Entity labels that are no person: a surname alone inside one is no leader.
NOT_PERSON_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "GPE", "LOC", "NORP"})
# Entity labels of places: a country word inside a place name ("British Columbia", "South China
# Sea") does not make the place that country's.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_OWNER_LABELS = PLACE_LABELS | {"ORG", "PERSON"}


class ActorResolver:
    """Resolves argument heads (spaCy tokens) and bare strings to Actors with the bundled tables."""

    def __init__(self, tables: ActorTables, *, model: str = "md") -> None:
        self.tables = tables
        self.model = model
        self.kb = KnowledgeBase(tables)

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
        """All actors of the phrase headed by `head`, its conjuncts included; [] for non-actors
        (natural forces, sector JNK, included: they are never an event's actor)."""
        heads = sorted({head, *head.conjuncts}, key=lambda t: t.i)
        actors: list[Actor] = []
        for token in heads:
            actors.extend(actor for actor, _ in self._resolve_head(token, on, memory)
                          if actor.sector not in NON_ACTOR_SECTORS)
        if memory is not None and len(heads) > 1 and head.lower_ not in PRONOUNS:
            memory.remember_group(actors, subject=token_is_subject(head))
        return actors

    def resolve_text(self, text: str, *, context: str | None = None, on: dt.date | None = None) -> Actor:
        """Resolve a bare string, parsed alone or inside `context` (a sentence that contains it);
        a natural force comes back with sector JNK."""
        return self.explain_text(text, context=context, on=on)[0]

    def explain_text(self, text: str, *, context: str | None = None,
                     on: dt.date | None = None) -> tuple[Actor, Match | None]:
        """`resolve_text`, and the knowledge-base entry and role its name matched (or None). A role
        actor with no country in a context that opens with a dateline takes the dateline's country,
        as the pipeline gives it (actors/country_context.py)."""
        head = head_of_text(text, context, self.model)
        found = self._resolve_head(head, on, self.new_memory()) if head is not None else []
        if not found:
            return Actor(text=text), None
        actor, match = found[0]
        if context and actor.sector and not actor.country and actor.sector not in NON_ACTOR_SECTORS:
            country = self.kb.dateline_country(context)  # "KABUL, Aug 3 - police said": as the pipeline does
            actor = replace(actor, country=country, country_source="dateline") if country else actor
        return replace(actor, text=text), match

    # -- one head ------------------------------------------------------------------------------
    def _resolve_head(self, head: Token, on: dt.date | None,
                      memory: DocMemory | None) -> list[tuple[Actor, Match | None]]:
        if head.lower_ in PRONOUNS:
            return [(actor, None) for actor in resolve_pronoun(head, memory)]
        group = group_reference(head, memory)
        if group:
            return [(actor, None) for actor in group]
        mention = self.describe(head, on)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            mention = self._merge_appos(mention, self.describe(appos, on), appos)
        if not mention.is_actor():
            return self._possessor(head, on, memory)
        mention = apply_surname_rule(self.tables.roles, self.tables.people, mention, memory, on)
        mention = recall(self.kb, mention, head, memory)
        mention = sentence_country(self.kb, mention, head, memory)
        mention = legislature_country(self.kb, mention, head, memory)
        mention = possessive_owner(self.kb, mention, head, memory)
        mentions = self._split_owners(mention)
        actors = [m.to_actor() for m in mentions]
        if memory is not None:
            for m, actor in zip(mentions, actors, strict=True):
                if actor.sector not in NON_ACTOR_SECTORS:
                    memory.remember(actor, agent=m.agent, plural=m.plural,
                                    subject=token_is_subject(head) or head.dep_ == "poss")
        return [(actor, m.match) for m, actor in zip(mentions, actors, strict=True)]

    def _possessor(self, head: Token, on: dt.date | None,
                   memory: DocMemory | None) -> list[tuple[Actor, Match | None]]:
        """"President Reagan's statement", "Tehran's plan": a non-actor head stands for its named
        possessor (the one who made the statement or owns the plan)."""
        owner = named_possessor(head)
        return [] if owner is None else self._resolve_head(owner, on, memory)

    def sentence_countries(self, sent: Span) -> set[str]:
        """Distinct states named in the sentence (see KnowledgeBase.sentence_countries)."""
        return self.kb.sentence_countries(sent)

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
        base_tokens = base_tokens_of(head)
        mention.base = self.kb.owner_of(text_of(base_tokens)) if base_tokens else None
        rest = [t for t in rest if t not in base_tokens]
        self._apply_title(mention, rest, possessed)
        if mention.agent is None and name_tokens and rest:
            self._title_into_name(mention, rest, name_tokens[0])
        mention.titled = mention.agent is not None or any(is_honorific(t.text) for t in rest)
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
        spelt = self.kb.misspelt_country(head) if compound_chain(head) == [head] else None
        if spelt:
            self._apply_country(mention, *spelt)
            mention.named = True
            return [head]
        if self.kb.agent_ending_at(compound_chain(head)):
            return []  # "the Foreign Ministry": an agent phrase, read as a title
        if (entity and entity[1] in NAME_LABELS) or head.pos_ == "PROPN":
            tokens = entity[0] if entity else compound_chain(head)
            mention.named = True
            mention.bare_name = text_of(tokens)
            mention.name = mention.bare_name
            mention.kind = "person" if entity and entity[1] == "PERSON" else "org"
            if mention.kind == "org" and not (entity and entity[1] in PLACE_LABELS):
                self._name_owner(mention, tokens)
                mention.sector = mention.sector or self.kb.name_sector(mention.bare_name)
            return tokens
        return []

    def _name_owner(self, mention: Mention, tokens: list[Token]) -> None:
        """An unknown organisation whose name holds one country word ("the Liberian Peace Council",
        "Ghana Assembly") belongs to that country; its last agent word gives the sector."""
        owners = set(self.kb.owners_within(tokens))
        if len(owners) != 1:
            return
        mention.country = owners.pop()
        agent = self.kb.agent_ending_at(tokens)
        if agent:
            mention.sector = self.tables.agents[agent].code

    def _renamed(self, chain: list[Token], head: Token) -> bool:
        """A capitalised word before the head that is neither a country word nor an agent noun
        makes the phrase a different name ("Social Democrats", "Free Syrian Army" aside)."""
        return any(t.i != head.i and t.text[:1].isupper() and t.tag_ != "POS" and not self.kb.owner_of(t.text)
                   and not self.kb.find_agent([t]) for t in chain)

    def _localise(self, mention: Mention, used: list[Token], chain: list[Token]) -> None:
        """A one-word party or group name inside a longer name that names another country
        ("Sweden Democrats", "Irish Republicans") belongs to that country, not to the table's."""
        if mention.kind == "person" or len(used) != 1 or mention.country in PSEUDO_COUNTRIES:
            return
        owners = [self.kb.owner_of(t.text) for t in chain if t not in used]
        owner = next((o for o in owners if o and o not in PSEUDO_COUNTRIES), None)
        if owner and owner != mention.country:
            mention.country = owner

    def _lookup_name(self, mention: Mention, text: str, on: dt.date | None, head: Token) -> bool:
        key = self.kb.key(text)
        if key is None:
            return False
        tables = self.tables
        place = key in tables.aliases or key in tables.seats or key in tables.organisations
        one_word = len(text.split()) == 1
        person = key in tables.people and not (place and head.ent_type_ in {"GPE", "NORP", "ORG", "LOC"})
        entity = entity_of(head) if person and one_word else None
        if entity and entity[1] in NOT_PERSON_LABELS and len(entity[0]) > 1:
            person = False  # "Johnson & Johnson said": the company, not the prime minister
        found = self.kb.entity(key, on) if not text.islower() else None
        transliterated = None if person or found or key in tables.aliases else self.kb.skeletons.person(text)
        if person or transliterated:
            names = tables.people[key] if person else (transliterated,)
            self._apply_person(mention, key, names, on)
            mention.surname = text if person and one_word else None
        elif found:
            self._apply_entity(mention, key, *found)
        elif key in tables.aliases:
            self._apply_country(mention, *tables.aliases[key])
            mention.match = Match("countries", key, mention.name or key, "country_aliases.csv")
        else:
            return False
        mention.named = True
        return True

    def _apply_person(self, mention: Mention, key: str, names: tuple[str, ...], on: dt.date | None) -> None:
        choice = self.kb.choose_person(names, on)
        mention.name, mention.kind = choice.name, "person"
        mention.country, mention.sector = choice.role.country, choice.sector
        mention.match = self.kb.person_match(key, choice)

    def _apply_entity(self, mention: Mention, key: str, table: str, entity: Entity) -> None:
        mention.name, mention.kind = entity.name, entity.kind
        mention.country, mention.sector = entity.country, entity.sector
        mention.match = Match(table, key, entity.name, entity.source)

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
            owner = self.kb.owner_of(text_of(span), span[0] if len(span) == 1 else None)
            if owner:
                mention.owners.append(owner)
                mention.owners.extend(self._conjunct_owners(span[-1]))
                organisation = self.tables.organisations.get(normalise(text_of(span)))
                mention.owner_sector = mention.owner_sector or (organisation.sector if organisation else None)
                remaining = [t for t in remaining if t not in span]
        mention.ethnic = any(t.lower_ in ETHNIC for t in tokens)
        found = self.kb.find_agent_span([t for t in remaining if t.i not in possessed])
        if found is None and tokens:  # "the US State Department": the seat word is also the agent
            found = self.kb.find_agent_span(tokens[-2:]) if self.kb.agent_ending_at(tokens[-2:]) else None
        if found:
            mention.agent, mention.agent_text = found
        if found and not mention.owners:
            self._place_owner(mention, [t for t in remaining if t.i not in possessed])

    def _place_owner(self, mention: Mention, tokens: list[Token]) -> None:
        """"Istanbul police", "New York prosecutors": the place named before the agent noun gives the
        owner, unless it is a known person. The tagger often labels the city of a name ("[Chicago
        Police Department]") ORG and a city of several words ("Rio de Janeiro") PERSON, so those
        labels count too when the gazetteer knows the words as a big enough place."""
        agent_words = set((mention.agent_text or "").lower().split())
        names = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ in {"compound", "nmod", "npadvmod"}
                 and t.ent_type_ in PLACE_OWNER_LABELS and t.lower_ not in agent_words]
        if not names or any(b.i - a.i != 1 for a, b in pairwise(names)):
            return
        text = text_of(names)
        if self.kb.key(text) not in self.tables.people:
            country = self.kb.place_country(text)
            mention.owners.extend([country] if country else [])

    def _title_into_name(self, mention: Mention, rest: list[Token], first: Token) -> None:
        """A title the tagger split into the name ("Saudi Crown [Prince Abdullah]"): an agent noun
        that ends on the name's first word."""
        found = self.kb.find_agent_span([t for t in rest if t.i < first.i] + [first])
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
            key = self.kb.key(text_of(span))
            if key in self.tables.people:
                mention.owners.append(self.kb.choose_person(self.tables.people[key], on).role.country)
                return

    def _conjunct_owners(self, token: Token) -> list[str]:
        if token.dep_ not in {"amod", "compound", "poss"}:
            return []
        owners = [self.kb.owner_of(c.text) for c in token.conjuncts]
        return [o for o in owners if o]

    def _apply_preps(self, mention: Mention, head: Token) -> None:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if not objects:
                continue
            chain = compound_chain(objects[0])
            place = self.kb.owner_of(text_of(chain), chain[0] if len(chain) == 1 else None)
            word = prep.lower_
            if place is None and word in OWNER_PREPS and (mention.agent or mention.people_of):
                place = self._institution_country(objects[0])
            if place is None and word in {"in", "at"} and (mention.agent or mention.people_of):
                place = self._place_country(objects[0])  # "police in the Kenyan capital"
            if place is None and word in PLACE_PREPS and self.kb.agent_kind(mention.agent) == "person":
                place = self.kb.place_country(text_of(chain))  # "the mayor of Istanbul"
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
        state = (inner.sector or "")[:3] in {"GOV", "LEG", "MIL", "JUD"}
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
        if agent and agent.sector == "NON":
            mention.agent, mention.named, mention.country, mention.sector = None, False, None, None
            return
        if (agent and agent.sector == "JNK") or self._natural_force_name(mention):
            mention.named, mention.country, mention.sector, mention.kind = False, None, "JNK", "none"
            mention.owners, mention.match = [], None
            return  # "the earthquake", "Hurricane Katrina": a natural force, never an actor
        owner = mention.owners[0] if mention.owners else mention.base
        if mention.owners and mention.country == "NGO" and mention.named and not mention.bare_name:
            mention.country, mention.sector = owner, "NGO"  # "the Turkish Red Crescent"
        if mention.people_of:  # "ethnic Albanians in Serbia", "the Serbs of Kosovo": where they live
            mention.country = mention.place or owner or (None if mention.ethnic else mention.people_of)
        if agent and agent.sector in PSEUDO_SECTORS and owner is None and not mention.named:
            owner = agent.sector  # "a human rights group": country NGO
        if mention.kind == "person" or not mention.named:
            mention.country = owner or mention.country
            mention.sector = agent.code if agent else mention.sector
        elif mention.bare_name:  # an unknown organisation: the title only fills gaps
            mention.country = mention.country or owner
            mention.sector = mention.sector or (agent.code if agent else None)
        if agent and not mention.named:
            mention.kind = "group" if mention.plural else (agent.kind if agent.kind != "none" else "org")
            mention.name = self._agent_name(mention)
        if mention.kind == "person" and mention.sector is None and agent is None:
            mention.sector = mention.owner_sector  # "a Metropolitan Police sergeant": COP
        armed_owner = (mention.owner_sector or "")[:3] in ARMED_GROUP_SECTORS
        if agent and armed_owner and agent.sector in ARMED_AGENT_SECTORS:
            mention.sector = mention.owner_sector  # "a Hamas commander" leads a rebel group: REB
        if mention.former and (mention.sector or "")[:3] in {"GOV", "MIL", "LEG", "JUD"}:
            mention.sector = "ELI"

    def _natural_force_name(self, mention: Mention) -> bool:
        """"Hurricane Katrina", "Typhoon Haiyan": a name that opens with a natural-force noun."""
        words = (mention.bare_name or "").lower().split()
        agent = self.tables.agents.get(words[0]) if len(words) > 1 else None
        return agent is not None and agent.sector == "JNK"

    def _agent_name(self, mention: Mention) -> str | None:
        if mention.agent is None:
            return None
        return self.kb.agent_name(mention.country, mention.agent_text or mention.agent)

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


def _person_and_title(mention: Mention, other: Mention) -> tuple[Mention, Mention]:
    """Which side of an apposition is the person: a named person beats a role noun ("Angela Merkel,
    the Chancellor of Germany" keeps her name), then any person-like side."""
    for first, second in ((other, mention), (mention, other)):
        if first.kind == "person" and first.named:
            return first, second
    return (other, mention) if other.kind == "person" else (mention, other)


def _is_diplomat(agent: str | None) -> bool:
    return agent is not None and (agent in DIPLOMATS or agent.split()[-1] in DIPLOMATS)


__all__ = ["ActorResolver", "Mention", "char_text", "token_is_subject"]


"""Knowledge-base lookup: names, words and agent nouns -> entries of the actor tables, with the role
a date selects and where each entry comes from.

`KnowledgeBase` wraps the loaded `ActorTables` (see tables.py, kb_index.py). It answers three kinds
of question, all on normalised keys (`tables.normalise`):

- which entry a name is (`entry`): a person (their terms; the date picks the role), an
  organisation, a seat of power, a country word;
- which country a word names (`owner_of`): country names and adjectives, seats, organisations, and
  misspelt country words ("Ethopia"); `place_country` adds the places of the knowledge base and the
  gazetteer ("Istanbul police");
- which agent noun a run of words ends in (`find_agent_span`).

Each answer can be explained with a `Match` (table, key, entry name, role and its dates, source),
which `detente resolve` prints.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Span, Token

from detente.actors.names import SkeletonIndex
from detente.actors.phrase import ngrams, text_of
from detente.actors.tables import (
    PSEUDO_COUNTRIES,
    ActorTables,
    Entity,
    Role,
    load_tables,
    near_spellings,
    normalise,
    spelling_index,
)
from detente.nlp.language import span_ents
from detente.places.resolver import DATELINE, PlaceResolver

log = logging.getLogger(__name__)

# A capitalised word this long that no table knows may be a misspelt country word ("Ethopia").
MIN_MISSPELT = 7
# Gazetteer places that may stand for their country in front of an agent noun ("Minneapolis
# police"): cities of at least this many people, capitals and first-level regions.
MIN_PLACE_POPULATION = 100_000
PLACE_CODES = frozenset({"PPLC", "ADM1", "PPLA"})
PLACE_DOMINANCE = 10


@dataclass(frozen=True)
class Match:
    """Which knowledge-base entry a phrase matched: for `detente resolve`."""

    table: str  # people, organisations, seats, countries, places, agents
    key: str
    name: str
    source: str
    role: Role | None = None  # for people: the term the date selected (None before the first)
    former: bool = False  # the selected term ended before the date: the person is ELI

    def to_dict(self) -> dict[str, object]:
        role = None
        if self.role is not None:
            role = {"role": self.role.role or None, "country": self.role.country, "sector": self.role.sector,
                    "start": _day(self.role.start), "end": _day(self.role.end)}
        return {"table": self.table, "key": self.key, "name": self.name, "source": self.source,
                "role": role, "former": self.former}


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class PersonChoice:
    name: str
    role: Role
    sector: str | None  # the role's sector, ELI after the last term, None before the first
    former: bool


class KnowledgeBase:
    """Look-ups over one set of actor tables."""

    def __init__(self, tables: ActorTables) -> None:
        self.tables = tables
        self._spellings = spelling_index(tables.aliases, MIN_MISSPELT)

    @classmethod
    @cache
    def default(cls) -> KnowledgeBase:
        return cls(load_tables())

    @cached_property
    def skeletons(self) -> SkeletonIndex:
        """Full names by transliteration key (names.py; the table comes with the tables)."""
        return SkeletonIndex(self.tables.skeletons)

    # -- keys and entries ---------------------------------------------------------------------
    def key(self, text: str) -> str | None:
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

    def choose_person(self, names: tuple[str, ...], on: dt.date | None) -> PersonChoice:
        """The first of `names` in office on the date (their latest term then); else the first
        name: after its last term ELI, before its first term no sector; with no date, the
        latest term."""
        for name in names:
            terms = self.tables.roles[name]
            active = [r for r in terms if on is None or r.active(on)]
            if active:
                role = max(active, key=lambda r: r.start or dt.date.min)
                return PersonChoice(name, role, role.sector, False)
        terms = self.tables.roles[names[0]]
        ended = [r for r in terms if r.end is not None and on is not None and r.end < on]
        if ended:
            return PersonChoice(names[0], max(ended, key=lambda r: r.start or dt.date.min), "ELI", True)
        return PersonChoice(names[0], terms[0], None, False)

    def person_match(self, key: str, choice: PersonChoice) -> Match:
        return Match("people", key, choice.name, choice.role.source, choice.role, choice.former)

    def entity(self, key: str, on: dt.date | None = None) -> tuple[str, Entity] | None:
        """("organisations" | "seats", entry) for a key of either table; an organisation whose role
        changed ("Taliban") is taken as it was on the date."""
        if key in self.tables.organisations:
            terms = self.tables.organisation_terms.get(key, ())
            active = [e for e in terms if on is not None and e.active(on)]
            return "organisations", active[-1] if active else self.tables.organisations[key]
        if key in self.tables.seats:
            return "seats", self.tables.seats[key]
        return None

    # -- countries named by words ---------------------------------------------------------------
    def owner_of(self, text: str, token: Token | None = None) -> str | None:
        """The country a country word, seat or organisation names; a single `token` not in the
        tables may be a misspelt country word."""
        key = self.key(text)
        if key is None:
            return None
        tables = [self.tables.aliases, self.tables.seats]
        if not text.islower():  # "republicans" in lower case is no party's name
            tables.append(self.tables.organisations)
        for table in tables:
            if key in table:
                found = table[key]
                return found[0] if isinstance(found, tuple) else found.country
        spelt = self.misspelt_country(token) if token is not None else None
        return spelt[0] if spelt else None

    def place_country(self, text: str) -> str | None:
        """The country of a capitalised place name: the gazetteer's (main names before alternate
        ones) biggest capital, region or city of MIN_PLACE_POPULATION people or more
        of that name, unless one in another country has a PLACE_DOMINANCE-th of its people; for a
        name the gazetteer lacks (most provinces), the place of the knowledge base (kb_places.csv)."""
        if not text[:1].isupper():
            return None
        candidates = PlaceResolver.default().gazetteer.lookup(text)
        entries = [c.entry for c in candidates if c.exact] or [c.entry for c in candidates]
        if not entries:
            place = self.tables.places.get(normalise(text))
            return place.country if place else None
        found = sorted((e for e in entries if e.country and e.feature_code != "PCLI"
                        and (e.feature_code in PLACE_CODES or e.population >= MIN_PLACE_POPULATION)),
                       key=lambda e: -e.population)
        if not found:
            return None
        rivals = [e for e in found if e.country != found[0].country]
        if rivals and rivals[0].population * PLACE_DOMINANCE > found[0].population:
            return None  # Hyderabad (India) and Hyderabad (Pakistan)
        return found[0].country

    def dateline_country(self, text: str) -> str | None:
        """The country of the dateline that opens `text` ("KABUL, Aug 3 -", "SEOUL (Reuters) -"):
        its city as a seat of power, country or place name."""
        match = DATELINE.match(text)
        if match is None:
            return None
        city = match["city"].strip().title()
        return self.owner_of(city) or self.place_country(city)

    def misspelt_country(self, token: Token) -> tuple[str, str] | None:
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

    def owners_within(self, tokens: list[Token]) -> list[str]:
        """Countries named by the longest country words inside a name ("Kenya Anti-Graft Board")."""
        owners: list[str] = []
        used: set[int] = set()
        for s, e in ngrams(tokens):
            span = tokens[s:e]
            if any(t.i in used for t in span):
                continue
            owner = self.owner_of(text_of(span), span[0] if len(span) == 1 else None)
            if owner:
                owners.append(owner)
                used.update(t.i for t in span)
        return owners

    def sentence_countries(self, sent: Span) -> set[str]:
        """Distinct states named in the sentence: country names and adjectives, seats of power, and
        country words inside organisation names."""
        found: set[str] = set()
        covered: set[int] = set()
        for ent in span_ents(sent):
            covered.update(range(ent.start, ent.end))
            if ent.label_ != "PERSON":
                found.update(self.owners_within([t for t in ent if t.tag_ != "POS"]))
        for token in sent:
            if token.i not in covered and token.text[:1].isupper():
                owner = self.owner_of(token.text, token)
                if owner:
                    found.add(owner)
        return {c for c in found if c not in PSEUDO_COUNTRIES}

    # -- agent nouns ---------------------------------------------------------------------------
    def find_agent_span(self, tokens: list[Token]) -> tuple[str, str] | None:
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

    def find_agent(self, tokens: list[Token]) -> str | None:
        found = self.find_agent_span(tokens)
        return found[0] if found else None

    def agent_ending_at(self, chain: list[Token]) -> str | None:
        """An agent noun made of the last tokens of `chain` (the head is the last token)."""
        for size in range(len(chain), 0, -1):
            found = self.find_agent(chain[-size:])
            if found and len(found.split()) == size:
                return found
        return None

    def name_sector(self, name: str) -> str | None:
        """The sector the words of an unknown organisation's name give (name_sectors.csv): an "of"
        row that is the whole head before "of" ("the Times of India"), else the longest "end" row
        closing a head of two words or more ("Novaya Gazeta", "Central Bank of Nigeria"), else the longest
        "start" row opening the name ("Radio Free Asia")."""
        words = [w.lower() for w in name.replace(".", "").split()]
        head = tuple(words[:words.index("of", 1)]) if "of" in words[1:] else tuple(words)
        table = self.tables.name_sectors
        found = table.get(("of", head)) if len(head) < len(words) else None
        for size in range(min(len(head), 3), 0, -1):
            found = found or (table.get(("end", head[-size:])) if len(head) > 1 else None)
        for size in range(min(len(words) - 1, 3), 0, -1):
            found = found or table.get(("start", tuple(words[:size])))
        return found.sector if found else None

    def agent_kind(self, noun: str | None) -> str | None:
        agent = self.tables.agents.get(noun) if noun else None
        return agent.kind if agent else None

    def agent_name(self, country: str | None, words: str | None) -> str | None:
        """"Russian Foreign Ministry": the owner's adjective and the agent words, capitalised."""
        if words is None or country is None:
            return None
        known = self.tables.countries.get(country)
        owner = known.adjective if known else country
        return f"{owner} {' '.join(w[:1].upper() + w[1:] for w in words.split())}"


__all__ = ["KnowledgeBase", "Match", "PersonChoice"]

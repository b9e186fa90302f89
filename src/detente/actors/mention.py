"""What one noun phrase says about its actor, before document context and merging."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from detente.actors.lookup import Match
from detente.models import Actor


@dataclass
class Mention:
    """The findings of one phrase (resolver.describe), filled in by document context."""

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
    surname: str | None = None  # a person found by a one-word alias only ("Johnson"): see names.py
    titled: bool = False  # a title word names the person's office ("President Bush")
    owners: list[str] = field(default_factory=list)
    former: bool = False
    people_of: str | None = None  # a demonym head ("Albanians"): the country the word names
    ethnic: bool = False  # "ethnic Albanians": the people, not the state's citizens
    place: str | None = None  # "in/of/from X" on the head
    base: str | None = None  # "a London-based group", "the group, based in Ankara": fills a gap only
    owner_sector: str | None = None  # "Metropolitan Police sergeant X": the owner organisation's sector
    match: Match | None = None  # the knowledge-base entry the name matched

    def is_actor(self) -> bool:
        return self.named or self.agent is not None or self.country is not None

    def to_actor(self) -> Actor:
        return Actor(text=self.text, name=self.name, country=self.country, sector=self.sector,
                     start=self.start, end=self.end, kind=self.kind, posted_to=self.posted_to)


def char_text(doc: Doc, start: int, end: int) -> str:
    """doc.text[start:end] without building the whole text (Doc.text joins every token per call)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc.text[start:end]
    return span.text[start - span.start_char:len(span.text) - (span.end_char - end)]


__all__ = ["Mention", "char_text"]

"""Per-document actor memory: short names, pronouns and "the ministry" resolve to earlier actors.

Rules (deterministic, most recent first):
- a bare name ("Putin", "Antonov") matches a remembered person or organisation whose canonical name or
  text is that name or ends with it as whole words;
- "he"/"she"/"him"/"her" -> the most recent named person mentioned as a subject, else the most recent
  named person, else the most recent person (a subject is the likelier antecedent of a subject
  pronoun, and a generic "the killer" should not capture "he");
- "it" -> the most recent organisation or country;
- "they"/"them" -> the most recent group: a coordinated mention ("Russia and China said they ...")
  as a whole, a plural mention, or an organisation;
- a definite agent noun with no country ("the ministry", "the embassy", "the ambassador") -> the most
  recent actor whose agent noun ends with the same word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from detente.models import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "himself", "she", "her", "herself"})
THING_PRONOUNS = frozenset({"it", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "themselves"})
PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
FEMININE_PRONOUNS = frozenset({"she", "her", "herself"})


@cache
def female_first_names() -> frozenset[str]:
    """First names borne overwhelmingly by women (data/actors/female_first_names.txt)."""
    text = files("detente").joinpath("data/actors/female_first_names.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _gender_fits(actor: Actor, pronoun: str) -> bool:
    """"She" needs a woman's first name; "he" any name that is not one (unknown names fit both
    only for "he", so "she" is left unresolved rather than given to a man)."""
    name = (actor.name or actor.text).lower()
    female = any(name.startswith(first + " ") or name == first for first in female_first_names())
    return female if pronoun in FEMININE_PRONOUNS else not female


@dataclass(frozen=True)
class Remembered:
    actor: Actor
    agent: str | None  # agent noun of the mention ("foreign ministry"), if any
    plural: bool
    subject: bool = False  # mentioned as the subject of a clause or as a possessor (salient)
    members: tuple[Actor, ...] = ()  # the actors of a coordinated mention, for "they"


class DocMemory:
    """The actors seen so far in one document, oldest first."""

    def __init__(self) -> None:
        self._entries: list[Remembered] = []

    def __len__(self) -> int:
        return len(self._entries)

    def remember(self, actor: Actor, *, agent: str | None = None, plural: bool = False,
                 subject: bool = False) -> None:
        self._entries.append(Remembered(actor, agent, plural, subject))

    def remember_group(self, actors: list[Actor], *, subject: bool = False) -> None:
        """A coordinated mention ("Russia and China"): a later "they" stands for all of it."""
        if len(actors) > 1:
            self._entries.append(Remembered(actors[0], None, True, subject, tuple(actors)))

    def _latest_entry(self, wanted: object) -> Remembered | None:
        for entry in reversed(self._entries):
            if wanted(entry):  # type: ignore[operator]
                return entry
        return None

    def _latest(self, wanted: object) -> Actor | None:
        entry = self._latest_entry(wanted)
        return entry.actor if entry is not None else None

    def pronoun(self, word: str, *, sentence_start: int | None = None) -> Actor | None:
        """The referent of a personal pronoun, or None. For "he"/"she", a named person who is a
        subject or possessor earlier in the same sentence (from offset `sentence_start`) comes
        first ("letters apologising for Biden's remarks, in which he attacked Putin")."""
        word = word.lower()
        if word in PERSON_PRONOUNS:
            fits = lambda e: e.actor.kind == "person" and _gender_fits(e.actor, word)  # noqa: E731
            named = lambda e: fits(e) and e.actor.name is not None  # noqa: E731
            here = lambda e: sentence_start is not None and (e.actor.start or -1) >= sentence_start  # noqa: E731
            return (self._latest(lambda e: named(e) and e.subject and here(e))
                    or self._latest(lambda e: named(e) and e.subject) or self._latest(named)
                    or self._latest(fits))
        if word in THING_PRONOUNS:
            return self._latest(lambda e: e.actor.kind in {"org", "country"} and not e.plural)
        if word in GROUP_PRONOUNS:
            group = self.group(word)
            return group[0] if group else None
        return None

    def group(self, word: str) -> list[Actor]:
        """All referents of "they"/"them": the members of the latest coordinated mention, or the
        latest plural mention or organisation alone; [] for other words or when there is none."""
        if word.lower() not in GROUP_PRONOUNS:
            return []
        entry = self._latest_entry(lambda e: e.plural or e.actor.kind in {"group", "org"})
        if entry is None:
            return []
        return list(entry.members or (entry.actor,))

    def by_name(self, name: str) -> Actor | None:
        """The latest person/organisation whose name or text ends with `name` (whole words)."""
        words = name.lower().split()
        if not words:
            return None

        def matches(entry: Remembered) -> bool:
            if entry.actor.kind not in {"person", "org"}:
                return False
            candidates = (entry.actor.name or "", entry.actor.text)
            return any(c.lower().split()[-len(words):] == words for c in candidates if c)

        return self._latest(matches)

    def by_name_word(self, word: str) -> Actor | None:
        """The latest person or organisation with `word` as one word of its name or text: who a
        surname or first name alone stands for once the document has named them ("Dustin Johnson
        ... Johnson", "Kim Kardashian ... Kim")."""
        wanted = word.lower()

        def matches(entry: Remembered) -> bool:
            if entry.actor.kind not in {"person", "org"}:
                return False
            candidates = (entry.actor.name or "", entry.actor.text)
            return any(wanted in c.lower().replace("-", " ").split() for c in candidates if c)

        return self._latest(matches)

    def recent_distinct(self, count: int, kinds: frozenset[str], *, before: int) -> list[Actor]:
        """The `count` most recent actors of these kinds with distinct countries that start before
        offset `before`, oldest first ("the two leaders" after Putin and Erdogan); [] when fewer."""
        found: list[Actor] = []
        for entry in reversed(self._entries):
            actor = entry.actor
            if actor.start is not None and actor.start >= before:
                continue
            if actor.kind in kinds and actor.country and all(a.country != actor.country for a in found):
                found.append(actor)
                if len(found) == count:
                    return found[::-1]
        return []

    def country_counts(self, sectors: frozenset[str]) -> Counter[str]:
        """How many remembered actors of these sectors carry each country (the document's main
        country: a news outlet or a company says little about where the story is)."""
        return Counter(e.actor.country for e in self._entries
                       if e.actor.country and e.actor.sector in sectors)

    def by_agent(self, noun: str) -> Actor | None:
        """The latest actor whose agent noun ends with the last word of `noun`."""
        last = noun.split()[-1]
        return self._latest(lambda e: e.agent is not None and e.agent.split()[-1] == last
                            and e.actor.country is not None)


__all__ = ["PRONOUNS", "DocMemory", "Remembered"]

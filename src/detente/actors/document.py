"""Document context for one phrase: what the actors named earlier in the document (DocMemory) and
the rest of the sentence add to it.

- pronouns ("he", "they") and group references ("the two leaders") stand for earlier actors;
- a bare name, a surname, or a country-less definite agent ("the ministry") is filled from the
  earlier actor it names (`recall`); a surname that the document gave to someone else is that
  person, not a leader who shares it (names.py);
- a titled person with no country takes the sentence's one country, or the document's main one;
- a legislature with no country takes the country of the people named before it in the sentence;
- "its ambassador" takes the country of the pronoun's referent; a non-actor head stands for its
  named possessor ("President Reagan's statement").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from detente.actors.lookup import KnowledgeBase
from detente.actors.memory import DocMemory
from detente.actors.mention import Mention
from detente.actors.tables import PSEUDO_COUNTRIES, normalise
from detente.models import Actor

POSSESSIVES = {"its": "it", "their": "they", "his": "he", "her": "she"}
PERSON_KIND = frozenset({"person"})
# A titled person with no country in a sentence that names none takes the document's main country:
# the country of at least this many earlier actors, and of this share of all of them.
DOC_COUNTRY_LEAST = 3
DOC_COUNTRY_SHARE = 0.6
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "ELI"})
GROUP_NUMBERS = {"two": 2, "three": 3, "both": 2}
GROUP_NOUNS = {"leader": frozenset({"person"}), "president": frozenset({"person"}),
               "minister": frozenset({"person"}), "country": frozenset({"country", "org"}),
               "nation": frozenset({"country", "org"}), "side": frozenset({"country", "org", "person"}),
               "government": frozenset({"country", "org"}), "state": frozenset({"country", "org"})}


def token_is_subject(token: Token) -> bool:
    """The token heads a clause subject (directly or as a conjunct of one)."""
    subject_deps = {"nsubj", "nsubjpass"}
    return token.dep_ in subject_deps or (token.dep_ == "conj" and token.head.dep_ in subject_deps)


def resolve_pronoun(head: Token, memory: DocMemory | None) -> list[Actor]:
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


def group_reference(head: Token, memory: DocMemory | None) -> list[Actor]:
    """"The two leaders", "both countries": the most recent actors of that kind before this sentence,
    one per country."""
    kinds = GROUP_NOUNS.get(head.lemma_.lower())
    number = next((GROUP_NUMBERS[c.lower_] for c in head.children
                   if c.dep_ in {"nummod", "det", "predet"} and c.lower_ in GROUP_NUMBERS), None)
    if memory is None or kinds is None or number is None or head.tag_ != "NNS":
        return []
    found = memory.recent_distinct(number, kinds, before=head.sent.start_char)
    return [replace(a, text=head.text, start=head.idx, end=head.idx + len(head.text)) for a in found]


def named_possessor(head: Token) -> Token | None:
    """The named possessor of a head ("President Reagan's statement"), not a possessive pronoun."""
    return next((c for c in head.children if c.dep_ == "poss" and c.lower_ not in POSSESSIVES), None)


def recall(kb: KnowledgeBase, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
    """Fill a bare name, a surname or a country-less definite agent from earlier actors."""
    if memory is None:
        return mention
    earlier = None
    if mention.bare_name and mention.country is None:
        earlier = memory.by_name(mention.bare_name)
        if earlier is None and len(mention.bare_name.split()) == 1:
            earlier = memory.by_name_word(mention.bare_name)  # "Ban Ki-moon ... Ban": surname first
            earlier = earlier if earlier is not None and earlier.country and earlier.sector else None
    elif mention.agent and mention.country is None and not mention.named and _definite(head):
        earlier = memory.by_agent(mention.agent)
    if earlier is None:
        return inherit_posting(mention, memory)
    if earlier.kind == "person" and not mention.bare_name and kb.agent_kind(mention.agent) != "person":
        # "the Court" after "Supreme Court Justice Ruth Bader Ginsburg": her court, not her
        found = replace(mention, country=earlier.country, owners=[])
        found.name = kb.agent_name(found.country, found.agent_text or found.agent)
        return found
    return replace(mention, name=earlier.name, country=earlier.country, sector=earlier.sector,
                   kind=earlier.kind, posted_to=earlier.posted_to, owners=[])


def inherit_posting(mention: Mention, memory: DocMemory) -> Mention:
    """A diplomat named again ("Ambassador Antonov") keeps the posting given earlier in the text."""
    if mention.posted_to or not mention.name or mention.kind != "person":
        return mention
    earlier = memory.by_name(mention.name)
    if earlier is None or not earlier.posted_to or earlier.country != mention.country:
        return mention
    return replace(mention, posted_to=earlier.posted_to)


def sentence_country(kb: KnowledgeBase, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
    """A titled person with no country ("Prime Minister Tomas Kalu") takes the country of the
    sentence when the sentence names exactly one country (states only, not the UN or NGOs);
    when it names none, the document's main country so far (see `document_country`); with
    several, the country stays unknown."""
    if mention.kind != "person" or mention.country is not None or mention.agent is None:
        return mention
    countries = kb.sentence_countries(head.sent)
    if len(countries) > 1:
        return mention
    country = next(iter(countries)) if countries else document_country(memory)
    return replace(mention, country=country) if country else mention


def legislature_country(kb: KnowledgeBase, mention: Mention, head: Token,
                        memory: DocMemory | None) -> Mention:
    """"The chancellor is being pressured by parliament", "Bolsonaro criticised congress": a
    legislature with no country takes the country of the people already named in the sentence
    when they all have one country; failing that, lower-case "congress" is the US Congress."""
    agent = kb.tables.agents.get(mention.agent) if mention.agent else None
    if memory is None or mention.country is not None or mention.named or agent is None:
        return mention
    if agent.sector != "LEG":
        return mention
    sent = head.sent
    people = [a for a in memory.recent_distinct(2, PERSON_KIND, before=head.idx)
              or memory.recent_distinct(1, PERSON_KIND, before=head.idx)
              if a.start is not None and a.start >= sent.start_char]
    country = people[0].country if len(people) == 1 else None
    default = kb.tables.organisations.get(normalise(head.text))
    country = country or (default.country if default else None)
    if country is None:
        return mention
    found = replace(mention, country=country, owners=[])
    found.name = kb.agent_name(country, found.agent_text or found.agent)
    return found


def possessive_owner(kb: KnowledgeBase, mention: Mention, head: Token, memory: DocMemory | None) -> Mention:
    """"its ambassador", "their troops": the owner is the pronoun's referent's country."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in POSSESSIVES), None)
    if memory is None or owner is None or mention.country is not None:
        return mention
    referent = memory.pronoun(POSSESSIVES[owner.lower_])
    if referent is None or referent.country is None:
        return mention
    found = replace(mention, country=referent.country, owners=[referent.country])
    if not found.named:
        found.name = kb.agent_name(found.country, found.agent_text or found.agent)
    return found


def document_country(memory: DocMemory | None) -> str | None:
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


__all__ = ["POSSESSIVES", "document_country", "group_reference", "inherit_posting", "legislature_country",
           "named_possessor", "possessive_owner", "recall", "resolve_pronoun", "sentence_country",
           "token_is_subject"]

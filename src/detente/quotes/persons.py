"""The persons a document names, the gender the text itself gives them, and whom a speaker phrase
stands for.

- Gender comes from the text: a title or role word before or beside the name ("Mrs", "Sister",
  "spokeswoman", "his father, Abdullah Kurdi"; data/quotes/gender_words.csv), and "she"/"her" or
  "he"/"his" used right after the person was the subject of a clause. A woman's first name (the
  actors' first-name list) is only a hint that the text can outweigh.
- "She said"/"he said" goes to the most recent salient person the text marks with that gender:
  a subject of the last few sentences first, then any mention.
- A statement, tweet or letter speaks for its author ("Trump's statement read", "a tweet by
  Pompeo"); a banner, sign or leaflet for whoever carries, issues or puts it up
  (data/quotes/carriers.csv).
- A title noun ("study co-author Professor Carl Lipo", "the commissioner") stands for the named
  person it describes.

Reads: spaCy PERSON entities and the dependency parse, outside quotations.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from detente.actors.memory import female_first_names

Inside = Callable[[int], bool]
FEMININE = frozenset({"she", "her", "herself"})
MASCULINE = frozenset({"he", "him", "his", "himself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MARKER_WEIGHT, PRONOUN_WEIGHT, NAME_HINT = 3, 1, 1
TITLE_WINDOW = 3  # tokens before a name where a title or role word counts
SALIENT_SENTENCES = 3  # a subject this recent wins over a later non-subject mention
SEARCH_SENTENCES = 8


@cache
def _table(name: str, key: str, value: str) -> dict[str, str]:
    text = files("detente").joinpath(f"data/quotes/{name}").read_text("utf-8")
    return {row[key]: row[value] for row in csv.DictReader(text.splitlines())}


def gender_words() -> dict[str, str]:
    """Title or role word -> "female" or "male"."""
    return _table("gender_words.csv", "word", "gender")


def carriers() -> dict[str, str]:
    """Noun -> "utterance" (its author speaks) or "sign" (its carrier or issuer speaks)."""
    return _table("carriers.csv", "noun", "kind")


def person_key(ent: Span) -> str:
    """A person's identity within a document: the last word of the name ("Pelosi")."""
    words = [t for t in ent if t.is_alpha]
    return (words[-1] if words else ent[-1]).lower_


class Persons:
    """The PERSON mentions of one document outside quotations, with a gender score per person."""

    def __init__(self, doc: Doc, inside: Inside, *, resolved: list[Span] | None = None) -> None:
        """``resolved``: spans the actor resolver read as persons, which the tagger may have
        labelled otherwise ("Warholm" as an ORG)."""
        self.doc = doc
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        people += [s for s in resolved or () if not any(e.start < s.end and s.start < e.end for e in people)]
        self.mentions = sorted((e for e in people if not inside(e.start_char)), key=lambda e: e.start)
        self.score: Counter[str] = Counter()
        for ent in self.mentions:
            self.score[person_key(ent)] += _marker_score(ent)
        for ent in {person_key(e): e for e in self.mentions}.values():
            if ent[0].lower_ in female_first_names():
                self.score[person_key(ent)] += NAME_HINT
        pronouns = [t for t in doc if t.lower_ in FEMININE | MASCULINE and not inside(t.idx)]
        for token in [t for t in pronouns if not _speaks(t)] + [t for t in pronouns if _speaks(t)]:
            self._vote(token)

    def female(self, ent: Span) -> bool | None:
        score = self.score[person_key(ent)]
        return None if score == 0 else score > 0

    def referent(self, pronoun: Token) -> Span | None:
        """The person "she" or "he" stands for: the latest subject of the last few sentences that
        the text gives that gender (a main clause's before a subordinate one's in the same
        sentence), else the latest such mention."""
        feminine = pronoun.lower_ in FEMININE
        fitting = [e for e in self._before(pronoun, SEARCH_SENTENCES)
                   if (self.female(e) is True) == feminine or (not feminine and self.female(e) is None)]
        recent = {e.start for e in self._before(pronoun, SALIENT_SENTENCES)}
        subjects = [e for e in fitting if e.start in recent and _is_subject(e)]
        if subjects:  # the latest sentence's main-clause subject over one in a subordinate clause
            return max(subjects, key=lambda e: (e.sent.start, _subject_head(e).dep_ == "ROOT", e.start))
        return fitting[-1] if fitting else None

    def named_in(self, noun: Token) -> Span | None:
        """The named person a speaker phrase contains ("study co-author Professor Carl Lipo", "the
        mayor of London, Sadiq Khan"), or that stands beside it as another subject of the same
        verb (a misparsed title)."""
        inside = [e for e in self.mentions if noun.left_edge.i <= e.start and e.end <= noun.right_edge.i + 1]
        beside = [e for e in self.mentions if e.root.head.i == noun.head.i and e.root.dep_ == noun.dep_]
        return (inside or beside or [None])[0]

    def described(self, noun: Token) -> Span | None:
        """The named person a title noun stands for: one its phrase names, else the latest name the
        same word titled ("commissioner Albert Muchanga" ... "the commissioner"), else the subject
        person of the noun's sentence."""
        titled = [e for e in self.mentions if e.end <= noun.i
                  and any(t.lemma_ == noun.lemma_ for t in self.doc[max(0, e.start - TITLE_WINDOW): e.start])]
        subjects = [e for e in self.mentions if e.sent.start == noun.sent.start and _is_subject(e)]
        return self.named_in(noun) or (titled[-1:] or subjects[:1] or [None])[0]

    def _before(self, token: Token, sentences: int) -> list[Span]:
        sents = list(self.doc.sents)
        index = next(i for i, sent in enumerate(sents) if sent.start <= token.i < sent.end)
        start = sents[max(0, index - sentences)].start
        return [e for e in self.mentions if start <= e.start and e.end <= token.i]

    def _vote(self, pronoun: Token) -> None:
        """"she"/"her" right after a person was a subject (this sentence or the one before) says
        that person is a woman; "he"/"his" a man. A "she said" (counted last) says nothing when the
        text already marks a person of that gender nearby: it is what is being resolved."""
        subjects = [e for e in self._before(pronoun, 1) if _is_subject(e)]
        feminine = pronoun.lower_ in FEMININE
        nearby = self._before(pronoun, SALIENT_SENTENCES)
        if _speaks(pronoun) and any(self.female(e) is feminine for e in nearby):
            return  # "she said" when the text already marks a woman nearby: the very question
        if subjects:
            sign = 1 if feminine else -1
            self.score[person_key(subjects[-1])] += sign * PRONOUN_WEIGHT


def _speaks(pronoun: Token) -> bool:
    """"she said": the pronoun whose referent is sought says nothing of anyone's gender."""
    return pronoun.dep_ == "nsubj" and pronoun.head.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "punct" and c.text in {'"', "“", "”", ","} for c in pronoun.head.children)


def _subject_head(ent: Span) -> Token:
    """The verb the mention is the subject of (or the token above its name phrase)."""
    root = ent.root
    while root.dep_ in {"appos", "compound", "conj"} and root.head.i != root.i:
        root = root.head
    return root.head


def _is_subject(ent: Span) -> bool:
    root = ent.root
    while root.dep_ in {"appos", "compound", "conj"} and root.head.i != root.i:
        root = root.head
    return root.dep_ in SUBJECT_DEPS


def _marker_score(ent: Span) -> int:
    """+3 per female title or role word before or beside the name, -3 per male one."""
    doc, words = ent.doc, gender_words()
    near = list(doc[max(ent.sent.start, ent.start - TITLE_WINDOW): ent.end])  # "Mrs Okafor" too
    root = ent.root
    if root.dep_ == "appos":
        near.append(root.head)  # "his father, Abdullah Kurdi"
    near += [c for c in root.children if c.dep_ == "appos"]  # "Carlotta Weibl, a spokeswoman"
    signs = {"female": MARKER_WEIGHT, "male": -MARKER_WEIGHT}
    return sum(signs[words[t.lower_]] for t in near if t.lower_ in words)


def owner(noun: Token) -> Token | None:
    """Who speaks through a statement or a sign: "Trump's statement", "a tweet by Pompeo",
    "protesters carried banners reading", "leaflets issued by the army"; None for other nouns."""
    kind = carriers().get(noun.lemma_.lower())
    if kind is None:
        return None
    issued = [c for c in noun.children if c.dep_ == "acl"]  # "leaflets issued by the army"
    for child in [*noun.children, *(c for verb in issued for c in verb.children)]:
        if child.dep_ == "poss":
            return child
        if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    verb = noun.head
    if kind == "sign" and noun.dep_ in {"dobj", "pobj"} and verb.pos_ in {"VERB", "ADP"}:
        verb = verb.head if verb.pos_ == "ADP" else verb
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return None


__all__ = ["Persons", "carriers", "gender_words", "owner", "person_key"]

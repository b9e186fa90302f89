"""Name matching: transliterations of a full name, and when a surname alone is a known leader.

Transliteration (`name_skeleton`): "Moammar Qadhafi", "Muammar Gaddafi" and "Muammar al-Qaddafi"
meet on one key. Each word is reduced to its consonants after folding the letters that
transliterations of Arabic, Persian, Russian and Turkic names swap (q/k/g/c, kh/h, zh/j/dj, dh/d,
th/t, ph/f, w/v, x/ks, doubled letters); particles (al, el, bin, ...) are dropped, and a word that
starts with a vowel keeps a mark of it. `SkeletonIndex` looks a name of two words or more up by that
key, and answers only when exactly one person of the knowledge base has it.

The surname rule (`apply_surname_rule`), from issue 10: a surname alone ("Johnson said") is the
leader the knowledge base lists under it only when
- the document has named that person before, in full or with a title (the document memory then
  holds them under that name), or the phrase itself carries a title ("President Bush",
  "Mr Obama"); or
- nobody else leaves a doubt: the knowledge base lists nobody else under that surname, or that
  person holds an office on the date and none of the others listed under it does ("Bush" in 2003).
A surname that the document gave to someone else before ("Dustin Johnson ... Johnson said") is
that someone else, and so is a first name or any other word of an earlier name ("Kim Kardashian
... Kim said"). Otherwise the word stays a name with no country: a footballer who shares a
president's surname is not the president.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import replace
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from detente.actors.tables import Role, normalise

if TYPE_CHECKING:  # mention.py imports lookup.py, which imports this module
    from detente.actors.memory import DocMemory
    from detente.actors.mention import Mention

PARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "ben", "bint",
                       "abd", "de", "da", "di", "du", "van", "von", "der", "la", "le"})
FOLDS = (("dzh", "j"), ("kh", "h"), ("gh", "g"), ("zh", "j"), ("dj", "j"), ("dh", "d"), ("th", "t"),
         ("ph", "f"), ("sh", "s"), ("ch", "c"), ("ck", "k"), ("x", "ks"), ("q", "k"), ("c", "k"),
         ("g", "k"), ("w", "v"), ("z", "s"), ("y", "i"))
VOWELS = frozenset("aeiou")
# A skeleton this short says too little to tell two people apart.
MIN_SKELETON = 5
MIN_SIMILARITY = 0.75
MIN_SURNAME_SIMILARITY = 0.8
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "sheikh", "shaikh",
                        "mister", "madame", "monsieur", "herr", "frau", "comrade", "imam", "mullah"})


def _fold(word: str) -> str:
    text = unicodedata.normalize("NFKD", word.lower())
    text = "".join(ch for ch in text if ch.isalpha())
    for old, new in FOLDS:
        text = text.replace(old, new)
    return text


def word_skeleton(word: str) -> str:
    """"Qadhafi" -> "kdf", "Gaddafi" -> "kdf", "Ahmadinezhad" -> "ahmdnjd" (a leading vowel is kept)."""
    folded = _fold(word)
    if not folded:
        return ""
    lead = "a" if folded[0] in VOWELS or folded[0] == "i" else ""
    consonants = "".join(ch for ch in folded if ch not in VOWELS and ch != "i")
    return lead + re.sub(r"(.)\1+", r"\1", consonants)


def name_skeleton(name: str) -> str | None:
    """The transliteration key of a full name, or None for a name of fewer than two words (particles
    aside) or too short a key."""
    words = [w for w in re.split(r"[\s\-']+", name) if w and _fold(w) not in PARTICLES and "." not in w]
    if len(words) < 2:
        return None
    skeleton = " ".join(word_skeleton(w) for w in words)
    return skeleton if len(skeleton.replace(" ", "")) >= MIN_SKELETON else None


def folded_name(name: str) -> str:
    """The name's words folded (`_fold`, vowels kept), particles left out: for comparing spellings."""
    words = [w for w in re.split(r"[\s\-']+", name) if w and _fold(w) not in PARTICLES and "." not in w]
    return " ".join(_fold(w) for w in words)


def skeleton_table(people: Mapping[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """Transliteration key -> folded spelling -> canonical name, over the people's name keys (built
    once, into the compact index)."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for key, names in people.items():
        skeleton = name_skeleton(key)
        if skeleton:
            for name in names:
                found[skeleton][folded_name(key)] = name
    return dict(found)


class SkeletonIndex:
    """Transliteration key -> the people of the knowledge base with it. A look-up answers the one
    person whose key it shares and whose folded spelling is close (MIN_SIMILARITY, vowels
    included; see `_similar`): "Peter Kalua" and "Pieter van Geel" share a key but are no
    spellings of one name."""

    def __init__(self, found: Mapping[str, Mapping[str, str]]) -> None:
        self._found = found

    @classmethod
    def of_people(cls, people: Mapping[str, tuple[str, ...]]) -> SkeletonIndex:
        return cls(skeleton_table(people))

    def person(self, name: str) -> str | None:
        skeleton = name_skeleton(name)
        if not skeleton or skeleton not in self._found:
            return None
        folded = folded_name(name)
        close = {canonical for spelling, canonical in self._found[skeleton].items()
                 if _similar(folded, spelling)}
        return close.pop() if len(close) == 1 else None


def _similar(left: str, right: str) -> bool:
    """Spellings of one name: close as a whole, and closer still in the surname ("Vladimir Rebic"
    is not "Volodymyr Rybak")."""
    whole = SequenceMatcher(None, left, right).ratio()
    last = SequenceMatcher(None, left.split()[-1], right.split()[-1]).ratio()
    return whole >= MIN_SIMILARITY and last >= MIN_SURNAME_SIMILARITY


def _in_office(roles: Mapping[str, tuple[Role, ...]], name: str, on: dt.date) -> bool:
    return any(role.active(on) and role.sector != "ELI" for role in roles[name])


def date_leaves_no_doubt(roles: Mapping[str, tuple[Role, ...]], bearers: tuple[str, ...], name: str,
                         on: dt.date | None) -> bool:
    """`name` is the only person the knowledge base lists under the surname (`bearers`), or the
    only one of them in office on `on`."""
    others = [n for n in bearers if n != name]
    if not others:
        return True
    if on is None or not _in_office(roles, name, on):
        return False
    return not any(_in_office(roles, n, on) for n in others)


def apply_surname_rule(roles: Mapping[str, tuple[Role, ...]], people: Mapping[str, tuple[str, ...]],
                       mention: Mention, memory: DocMemory | None, on: dt.date | None) -> Mention:
    """A person found by a surname alone (`Mention.surname`): the earlier bearer of that name in the
    document, the leader when a title or the date leaves no doubt, else a name with no codes."""
    if mention.surname is None:
        return mention
    earlier = memory.by_name_word(mention.surname) if memory is not None else None
    if earlier is not None:
        return replace(mention, name=earlier.name, country=earlier.country, sector=earlier.sector,
                       kind=earlier.kind, posted_to=earlier.posted_to, owners=[], match=None)
    bearers = people.get(normalise(mention.surname), ())
    if mention.titled or (mention.name and date_leaves_no_doubt(roles, bearers, mention.name, on)):
        return mention
    return replace(mention, name=mention.surname, country=None, sector=None, kind="person",
                   bare_name=mention.surname, match=None, owners=[])


def is_honorific(word: str) -> bool:
    return word.lower().rstrip(".") in HONORIFICS


__all__ = [
    "SkeletonIndex",
    "apply_surname_rule",
    "date_leaves_no_doubt",
    "is_honorific",
    "name_skeleton",
    "skeleton_table",
    "word_skeleton",
]

"""Actor resolution against hand-written expectations (tests/data/actors/).

Two sets, both written for detente before their scores were looked at:

- ``expectations.jsonl``: one noun phrase per line, inside a context sentence, with a date and the
  expected country (ISO3 or a PLOVER pseudo-country, null for none) and sector (a PLOVER code, compound
  codes such as GOVMIL included). ``country_scored: false`` marks phrases whose country only the
  sentence around them gives ("Iraq said protesters ..."): their sector is scored, their country not.
  Country is right when equal (null = null); sector when the full code is equal, and
  ``sector_primary`` counts the first three letters only.
- ``surname_probe.jsonl``: short documents in which a surname appears after a full name. Cases with
  ``leader: false`` name someone else who shares a leader's surname (a footballer, a singer, a
  company): the last occurrence of ``mention`` must not resolve to a state actor of
  ``namesake_country``. Cases with ``leader: true`` name the leader in full or with a title first:
  the last occurrence must resolve to ``country`` and ``sector``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from detente.actors import ActorResolver
from detente.models import Actor
from detente.nlp.language import load_nlp

# Sectors that make a namesake a false leader: the state, its former officials and parties.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "PTY", "OPP"})
HEAD_POS = frozenset({"PROPN", "NOUN", "PRON"})
MODIFIER_DEPS = frozenset({"compound", "flat", "amod", "nmod", "nn"})


def read_cases(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file, blank lines skipped."""
    text = Path(path).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@dataclass
class ActorScores:
    """Accuracy over the expectations, overall and by category, with the misses."""

    total: int = 0
    country_total: int = 0
    country_right: int = 0
    sector_right: int = 0
    sector_primary_right: int = 0
    by_category: dict[str, Counter[str]] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def country(self) -> float:
        return self.country_right / self.country_total if self.country_total else 0.0

    @property
    def sector(self) -> float:
        return self.sector_right / self.total if self.total else 0.0

    @property
    def sector_primary(self) -> float:
        return self.sector_primary_right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"cases": self.total, "country": round(self.country, 3), "sector": round(self.sector, 3),
                "sector_primary": round(self.sector_primary, 3)}


def _date(case: dict[str, Any]) -> dt.date | None:
    return dt.date.fromisoformat(case["date"]) if case.get("date") else None


def score_expectations(cases: list[dict[str, Any]], resolver: ActorResolver) -> ActorScores:
    """Resolve every phrase in its context on its date and compare country and sector."""
    scores = ActorScores()
    for case in cases:
        actor = resolver.resolve_text(case["text"], context=case.get("context"), on=_date(case))
        country_scored = case.get("country_scored", True)
        country_ok = actor.country == case["country"]
        sector_ok = actor.sector == case["sector"]
        primary_ok = (actor.sector or "")[:3] == case["sector"][:3]
        tally = scores.by_category.setdefault(case["category"], Counter())
        tally["cases"] += 1
        tally["country_cases"] += country_scored
        tally["country"] += country_scored and country_ok
        tally["sector"] += sector_ok
        scores.total += 1
        scores.country_total += country_scored
        scores.country_right += country_scored and country_ok
        scores.sector_right += sector_ok
        scores.sector_primary_right += primary_ok
        if not sector_ok or (country_scored and not country_ok):
            scores.misses.append({"id": case["id"], "text": case["text"], "date": case["date"],
                                  "expected": f"{case['country']} {case['sector']}",
                                  "got": f"{actor.country} {actor.sector}", "name": actor.name})
    return scores


@dataclass
class ProbeScores:
    """Surname probe: namesakes made leaders, and leaders the document named but we missed."""

    namesakes: int = 0
    false_leaders: int = 0
    leaders: int = 0
    leaders_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, int]:
        return {"namesakes": self.namesakes, "false_leaders": self.false_leaders, "leaders": self.leaders,
                "leaders_right": self.leaders_right}


def _phrase_head(token: Token) -> Token:
    while token.dep_ in MODIFIER_DEPS and token.head is not token:
        token = token.head
    return token


def resolve_mentions(doc: Doc, resolver: ActorResolver, on: dt.date | None) -> dict[int, list[Actor]]:
    """Resolve every noun-phrase head of `doc` in order with one document memory, as the coder does
    for its arguments; token index -> actors."""
    memory = resolver.new_memory()
    found: dict[int, list[Actor]] = {}
    for token in doc:
        if token.pos_ in HEAD_POS and _phrase_head(token) is token:
            found[token.i] = resolver.resolve_token(token, on=on, memory=memory)
    return found


def mention_actor(doc: Doc, resolved: dict[int, list[Actor]], mention: str) -> Actor | None:
    """The actor covering the last whole-word occurrence of `mention` in `doc`."""
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(mention)}\b", doc.text)]
    if not starts:
        return None
    span = doc.char_span(starts[-1], starts[-1] + len(mention), alignment_mode="expand")
    if span is None:
        return None
    head = _phrase_head(span.root)
    for actor in resolved.get(head.i, []):
        if actor.start is not None and actor.end is not None and actor.start <= starts[-1] < actor.end:
            return actor
    return next(iter(resolved.get(head.i, [])), None)


def score_surname_probe(cases: list[dict[str, Any]], resolver: ActorResolver) -> ProbeScores:
    nlp = load_nlp(resolver.model)
    scores = ProbeScores()
    for case in cases:
        doc = nlp(case["text"])
        actor = mention_actor(doc, resolve_mentions(doc, resolver, _date(case)), case["mention"])
        country, sector = (actor.country, actor.sector) if actor else (None, None)
        got = f"{country} {sector}"
        if case["leader"]:
            scores.leaders += 1
            right = country == case["country"] and sector == case["sector"]
            scores.leaders_right += right
            if not right:
                scores.misses.append({"id": case["id"], "expected": f"{case['country']} {case['sector']}",
                                      "got": got, "name": actor.name if actor else None})
            continue
        scores.namesakes += 1
        false = country == case["namesake_country"] and (sector or "")[:3] in STATE_SECTORS
        scores.false_leaders += false
        if false:
            scores.misses.append({"id": case["id"], "expected": f"not {case['namesake_country']}",
                                  "got": got, "name": actor.name if actor else None})
    return scores


__all__ = ["ActorScores", "ProbeScores", "mention_actor", "read_cases", "resolve_mentions",
           "score_expectations", "score_surname_probe"]

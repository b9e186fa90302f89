"""The construction table (data/ontology/constructions.json): shapes in which news tells an event
beyond a verb and its arguments. Format in docs/verb_patterns.md, section Constructions.

- ``implied_agents``: CAMEO code or root -> the sector that performs an act whose agent the text
  leaves out ("dozens were detained": police);
- ``victim_nouns`` and ``victim_roots``: plain human nouns ("people", "residents") that, as the
  actors of protests, coercion and violence, are civilians (PLOVER CVL);
- ``light_verbs``: verbs whose object event noun is the act ("carried out raids"), with the
  particle they need;
- ``occurrence_verbs``: verbs whose subject event noun is the act ("protests erupted"), with the
  particle or object they need ("break out", "take place");
- ``weapon_nouns``: weapons that, as subject of an occurrence verb, are an attack with that
  weapon ("shells landed"), by CAMEO code;
- ``reaction_roots`` and ``act_nouns``: a praise, criticism or rejection of an act named by a noun
  with no actor ("rejected the call") is aimed at whoever did the latest such act.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from detente.errors import OntologyError

CODE = re.compile(r"\d{2,4}")
SECTOR = re.compile(r"[A-Z]{3}")


@dataclass(frozen=True)
class Constructions:
    implied_agents: dict[str, str]
    implied_agent_words: dict[str, str]
    victim_nouns: frozenset[str]
    victim_roots: frozenset[str]
    light_verbs: dict[str, str]
    occurrence_verbs: dict[str, str]
    weapon_nouns: dict[str, str]
    reaction_roots: frozenset[str]
    act_nouns: frozenset[str]

    def implied_agent(self, cameo: str) -> str | None:
        """The sector of the agent a code's act implies: the code's own entry, else its parent's."""
        for key in (cameo, cameo[:3], cameo[:2]):
            if key in self.implied_agents:
                return self.implied_agents[key]
        return None


def _fail(path: Path, field: str, problem: str) -> OntologyError:
    return OntologyError(f"{path}:1:{field}: {problem}", code="D210")


def _mapping(raw: dict[str, object], key: str, path: Path, *, lower: bool = True) -> dict[str, str]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise _fail(path, key, "expected an object")
    found = {k: v for k, v in value.items() if not k.startswith("_")}
    if not all(isinstance(k, str) and (k == k.lower() or not lower) and isinstance(v, str)
               for k, v in found.items()):
        raise _fail(path, key, "expected lower-case keys with string values")
    return found


def _words(raw: dict[str, object], key: str, path: Path) -> frozenset[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) and w == w.lower() for w in value):
        raise _fail(path, key, "expected a list of lower-case words")
    return frozenset(value)


def load_constructions(path: Path, known_codes: frozenset[str]) -> Constructions:
    """Read and check constructions.json; OntologyError names the field that is wrong."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise _fail(path, "-", f"cannot read JSON: {err}") from err
    if not isinstance(raw, dict):
        raise _fail(path, "-", "expected an object")
    agents = _mapping(raw, "implied_agents", path)
    words = _mapping(raw, "implied_agent_words", path, lower=False)
    weapons = _mapping(raw, "weapon_nouns", path)
    for code, sector in agents.items():
        if code not in known_codes or not SECTOR.fullmatch(sector) or sector not in words:
            raise _fail(path, f"implied_agents.{code}", "needs a known CAMEO code, a sector and its words")
    for noun, code in weapons.items():
        if code not in known_codes:
            raise _fail(path, f"weapon_nouns.{noun}", f"unknown CAMEO code {code!r}")
    roots = _words(raw, "victim_roots", path)
    if not all(CODE.fullmatch(root) and root in known_codes for root in roots):
        raise _fail(path, "victim_roots", "expected CAMEO roots")
    return Constructions(
        implied_agents=agents, implied_agent_words=words, victim_nouns=_words(raw, "victim_nouns", path),
        victim_roots=roots, light_verbs=_mapping(raw, "light_verbs", path),
        occurrence_verbs=_mapping(raw, "occurrence_verbs", path), weapon_nouns=weapons,
        reaction_roots=_words(raw, "reaction_roots", path), act_nouns=_words(raw, "act_nouns", path),
    )


__all__ = ["Constructions", "load_constructions"]

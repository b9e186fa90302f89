"""The verb-pattern record; see docs/verb_patterns.md for the file format and matching rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SourceSlot = Literal["subject", "speaker"]
TargetSlot = Literal["auto", "object", "prep", "posted_to", "none"]


@dataclass(frozen=True)
class VerbPattern:
    id: str
    lemma: str
    cameo: str
    pos: Literal["VERB", "NOUN"] = "VERB"
    particle: str | None = None
    object: frozenset[str] = frozenset()
    prep: str | None = None
    prep_object: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    attr: frozenset[str] = frozenset()
    object_country: Literal["same", "other"] | None = None
    source: SourceSlot = "subject"
    target: TargetSlot = "auto"
    confidence: float = 0.8
    note: str = ""
    line: int = 0  # line number in the file, for error messages and tie-breaking

    @property
    def specificity(self) -> int:
        constraints = (self.particle, self.object, self.prep, self.prep_object, self.xcomp, self.attr,
                       self.object_country)
        return sum(1 for c in constraints if c)

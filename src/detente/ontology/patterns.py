"""The verb-pattern record; see docs/verb_patterns.md for the file format and matching rules."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from detente.errors import OntologyError

# A row whose cameo is "-" names a sense of the verb that is no event ("shot a film", "killed the
# bill"): when it is the most specific match, the trigger is not coded at all.
NO_EVENT = "-"
SourceSlot = Literal["subject", "speaker", "prep"]
# "complement" (the subject of the trigger's clausal complement) is used by the coder's own
# request rules, not by table rows.
TargetSlot = Literal["auto", "object", "prep", "posted_to", "none", "complement", "subject"]


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

    def matches(self, context: PatternContext) -> bool:
        """True when every constraint this pattern sets holds for ``context`` (lemma and pos are
        the caller's lookup key, see Ontology.patterns_for)."""
        checks = (
            not self.particle or context.particle == self.particle,
            not self.object or context.object in self.object,
            not self.prep or self.prep in context.preps,
            not self.prep_object or bool(context.preps.get(self.prep or "", frozenset()) & self.prep_object),
            not self.xcomp or context.xcomp in self.xcomp,
            not self.attr or context.attr in self.attr,
            not self.object_country or context.object_country == self.object_country,
        )
        return all(checks)


@dataclass(frozen=True)
class PatternContext:
    """What a coder saw around a trigger, as lemmas, for :func:`select_pattern`.

    ``preps`` maps each preposition attached to the trigger or its direct object to the lemmas of
    its objects (``{"of": frozenset({"corruption"})}`` for "accused X of corruption").
    """

    particle: str | None = None
    object: str | None = None
    preps: Mapping[str, frozenset[str]] = field(default_factory=dict)
    xcomp: str | None = None
    attr: str | None = None
    object_country: Literal["same", "other"] | None = None


def select_pattern(patterns: Iterable[VerbPattern], context: PatternContext) -> VerbPattern | None:
    """The matching pattern that wins under docs/verb_patterns.md: most specific, then earliest line;
    None when nothing matches (there is no default code)."""
    matching = [pattern for pattern in patterns if pattern.matches(context)]
    if not matching:
        return None
    return min(matching, key=lambda pattern: (-pattern.specificity, pattern.line))


# --- loading -----------------------------------------------------------------------------------

LIST_FIELDS = ("object", "prep_object", "xcomp", "attr")
STRING_FIELDS = ("particle", "prep")
KNOWN_FIELDS = frozenset({"id", "lemma", "cameo", "pos", "particle", "object", "prep", "prep_object",
                          "xcomp", "attr", "object_country", "source", "target", "confidence", "note"})
CHOICES: dict[str, tuple[object, ...]] = {
    "pos": ("VERB", "NOUN"),
    "object_country": ("same", "other", None),
    "source": ("subject", "speaker", "prep"),
    "target": ("auto", "object", "prep", "posted_to", "none", "subject"),
}


def _fail(where: str, field: str, problem: str) -> OntologyError:
    return OntologyError(f"{where}:{field}: {problem}", code="D210")


def load_lemma_classes(path: Path) -> dict[str, frozenset[str]]:
    """Read lemma_classes.json: ``{"NAME": ["lemma", ...]}`` with upper-case names."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise _fail(f"{path}:{getattr(err, 'lineno', 0)}", "-", f"cannot read JSON: {err}") from err
    if not isinstance(raw, dict):
        raise _fail(f"{path}:1", "-", "expected an object of class name -> list of lemmas")
    classes: dict[str, frozenset[str]] = {}
    for name, members in raw.items():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            raise _fail(f"{path}:1", name, "class names are upper-case letters, digits and _")
        if not isinstance(members, list) or not members or not all(_is_word(m) for m in members):
            raise _fail(f"{path}:1", name, "expected a non-empty list of lower-case lemmas")
        classes[name] = frozenset(members)
    return classes


def _is_word(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value == value.strip().lower()


def _expand(values: object, classes: dict[str, frozenset[str]], where: str,
            field: str) -> frozenset[str]:
    if not isinstance(values, list):
        raise _fail(where, field, "expected a list of lemmas or @CLASS names")
    words: set[str] = set()
    for value in values:
        if isinstance(value, str) and value.startswith("@"):
            if value[1:] not in classes:
                raise _fail(where, field, f"unknown word class {value!r}")
            words |= classes[value[1:]]
        elif _is_word(value):
            words.add(value)  # type: ignore[arg-type]
        else:
            raise _fail(where, field, f"not a lower-case lemma: {value!r}")
    return frozenset(words)


def _check_scalars(record: dict[str, object], where: str, known_codes: frozenset[str]) -> None:
    unknown = sorted(set(record) - KNOWN_FIELDS)
    if unknown:
        raise _fail(where, unknown[0], "unknown field")
    for key in ("id", "lemma", "cameo"):
        if not _is_text(record.get(key)):
            raise _fail(where, key, "missing or empty")
    if record["lemma"] != str(record["lemma"]).strip().lower():
        raise _fail(where, "lemma", "lemmas are lower-case without surrounding spaces")
    if record["cameo"] != NO_EVENT and record["cameo"] not in known_codes:
        raise _fail(where, "cameo", f"unknown CAMEO code {record['cameo']!r}")
    for key, allowed in CHOICES.items():
        if key in record and record[key] not in allowed:
            raise _fail(where, key, f"{record[key]!r} is not one of {allowed}")
    for key in (*STRING_FIELDS, "note"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise _fail(where, key, "expected a string")
    confidence = record.get("confidence", 0.8)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float) \
            or not 0 < confidence <= 1:
        raise _fail(where, "confidence", f"{confidence!r} is not a number in (0, 1]")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_consistency(pattern: VerbPattern, where: str) -> None:
    if pattern.prep_object and not pattern.prep:
        raise _fail(where, "prep_object", "needs 'prep'")
    if pattern.target == "prep" and not pattern.prep:
        raise _fail(where, "target", "'prep' target needs 'prep'")


def parse_pattern(record: dict[str, object], classes: dict[str, frozenset[str]],
                  known_codes: frozenset[str], where: str, line: int) -> VerbPattern:
    """Validate one decoded JSONL record and build its VerbPattern, @CLASS names expanded."""
    _check_scalars(record, where, known_codes)
    lists = {key: _expand(record.get(key, []), classes, where, key) for key in LIST_FIELDS}
    pattern = VerbPattern(
        id=str(record["id"]), lemma=str(record["lemma"]), cameo=str(record["cameo"]),
        pos=record.get("pos", "VERB"),  # type: ignore[arg-type]
        particle=record.get("particle"), prep=record.get("prep"),  # type: ignore[arg-type]
        object_country=record.get("object_country"),  # type: ignore[arg-type]
        source=record.get("source", "subject"),  # type: ignore[arg-type]
        target=record.get("target", "auto"),  # type: ignore[arg-type]
        confidence=float(record.get("confidence", 0.8)),  # type: ignore[arg-type]
        note=str(record.get("note", "")), line=line, **lists)
    _check_consistency(pattern, where)
    return pattern


def _decode(text: str, where: str) -> dict[str, object]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise _fail(where, "-", f"bad JSON: {err.msg} at column {err.colno}") from err
    if not isinstance(record, dict):
        raise _fail(where, "-", "each line must be a JSON object")
    return record


def load_patterns(path: Path, classes: dict[str, frozenset[str]],
                  known_codes: frozenset[str]) -> list[VerbPattern]:
    """Read verb_patterns.jsonl; raises OntologyError naming file:line:field for a bad row."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise _fail(f"{path}:0", "-", f"cannot read: {err}") from err
    patterns: list[VerbPattern] = []
    seen: set[str] = set()
    for number, text in enumerate(lines, 1):
        if not text.strip():
            continue
        where = f"{path}:{number}"
        pattern = parse_pattern(_decode(text, where), classes, known_codes, where, number)
        if pattern.id in seen:
            raise _fail(where, "id", f"duplicate id {pattern.id!r}")
        seen.add(pattern.id)
        patterns.append(pattern)
    return patterns

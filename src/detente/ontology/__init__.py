"""The event ontology: CAMEO codes, Goldstein scores, quad classes, the CAMEO->PLOVER crosswalk
and the verb-pattern table of the rule coder, all read from versioned files in
``detente/data/ontology`` (see MANIFEST.toml there and docs/verb_patterns.md).

    onto = load_ontology()
    onto.cameo("161").name          # 'Reduce or break diplomatic relations'
    onto.plover("1121")             # ('ACCUSE', 'allege')
    onto.patterns_for("recall", "VERB")
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from detente.ontology.constructions import Constructions, load_constructions
from detente.ontology.patterns import VerbPattern, load_lemma_classes, load_patterns
from detente.ontology.tables import (
    CameoCode,
    Manifest,
    PloverEntry,
    load_crosswalk,
    load_event_codes,
    load_manifest,
    manifest_mismatches,
)

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ontology"


class Ontology:
    """Read-only view of the ontology tables. Build it with :func:`load_ontology`."""

    def __init__(self, *, manifest: Manifest, codes: dict[str, CameoCode],
                 crosswalk: dict[str, PloverEntry], patterns: list[VerbPattern],
                 classes: dict[str, frozenset[str]], constructions: Constructions) -> None:
        self.manifest = manifest
        self.constructions = constructions
        self.version: str = manifest.version
        self._codes = codes
        self._crosswalk = crosswalk
        self.patterns: tuple[VerbPattern, ...] = tuple(patterns)
        self._classes = classes
        self._by_trigger: dict[tuple[str, str], list[VerbPattern]] = {}
        for pattern in patterns:
            self._by_trigger.setdefault((pattern.lemma, pattern.pos), []).append(pattern)

    def __repr__(self) -> str:
        return f"Ontology({self.version!r}, {len(self._codes)} codes, {len(self.patterns)} patterns)"

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def is_code(self, code: str) -> bool:
        return code in self._codes

    def cameo(self, code: str) -> CameoCode:
        """The codebook entry of a CAMEO code; KeyError naming the code when unknown."""
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def goldstein(self, code: str) -> float:
        """Goldstein score (ICEWS values, see MANIFEST.toml)."""
        return self.cameo(code).goldstein

    def quad_class(self, code: str) -> int:
        """1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
        (GDELT's convention: roots 01-05, 06-09, 10-14, 15-20)."""
        return self.cameo(code).quad_class

    def _plover_entry(self, code: str) -> PloverEntry | None:
        self.cameo(code)
        for candidate in dict.fromkeys((code, code[:3], code[:2])):
            if candidate in self._crosswalk:
                return self._crosswalk[candidate]
        return None

    def plover(self, code: str) -> tuple[str | None, str | None]:
        """(PLOVER type, mode) for a CAMEO code, from the code or its nearest parent in the
        crosswalk; (None, None) for CAMEO 01 and 02, which PLOVER drops."""
        entry = self._plover_entry(code)
        return (entry.type, entry.mode) if entry else (None, None)

    def plover_context(self, code: str) -> str | None:
        """PLOVER context(s) for a CAMEO code ("crime;corruption" when several), or None."""
        entry = self._plover_entry(code)
        return entry.context if entry else None

    def patterns_for(self, lemma: str, pos: str) -> list[VerbPattern]:
        """Patterns whose trigger is ``lemma`` with part of speech ``pos``, in file order."""
        return list(self._by_trigger.get((lemma.lower(), pos), ()))

    def lemma_class(self, name: str) -> frozenset[str]:
        """Members of a word class, by name with or without the leading '@'."""
        try:
            return self._classes[name.removeprefix("@")]
        except KeyError:
            raise KeyError(f"unknown word class {name!r}") from None

    def check_files(self) -> list[str]:
        """Files whose sha256 differs from MANIFEST.toml; empty when all match."""
        return manifest_mismatches(self.manifest.directory, self.manifest)


def read_ontology(directory: Path) -> Ontology:
    """Load and validate every table in ``directory``; OntologyError names file:line:field."""
    manifest = load_manifest(directory / "MANIFEST.toml", directory=directory)
    codes = load_event_codes(directory / "event_codes.csv")
    known = frozenset(codes)
    crosswalk = load_crosswalk(directory / "cameo_plover.csv", known)
    extensions = directory / "plover_extensions.csv"
    if extensions.exists():  # detente's rows win: CAMEO 02 (dropped by PLOVER), resignations
        crosswalk.update(load_crosswalk(extensions, known))
    classes = load_lemma_classes(directory / "lemma_classes.json")
    patterns = load_patterns(directory / "verb_patterns.jsonl", classes, known)
    derived = directory / "derived_noun_patterns.jsonl"
    if derived.exists():  # nouns of the construction table's nominalisations (tools/build_ontology.py)
        patterns += load_patterns(derived, classes, known)
    constructions = load_constructions(directory / "constructions.json", known)
    ontology = Ontology(manifest=manifest, codes=codes, crosswalk=crosswalk, patterns=patterns,
                        classes=classes, constructions=constructions)
    logger.debug("loaded %r from %s", ontology, directory)
    return ontology


@lru_cache(maxsize=1)
def _bundled() -> Ontology:
    return read_ontology(DATA_DIR)


def load_ontology(path: str | Path | None = None) -> Ontology:
    """The bundled ontology (cached), or the tables in folder ``path`` (read afresh)."""
    return _bundled() if path is None else read_ontology(Path(path))


__all__ = ["DATA_DIR", "CameoCode", "Constructions", "Ontology", "VerbPattern", "load_ontology",
           "read_ontology"]

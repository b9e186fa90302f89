"""Intentions and threats: "will send aid" is an intent to provide aid (CAMEO 033, PLOVER AGREE),
"would blockade Paris" a threat of blockade (CAMEO 1381, PLOVER THREATEN).

The table `data/events/intent_codes.csv` maps an action code (or its parent) to the code for
intending it; the longest matching prefix wins.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from detente.errors import OntologyError
from detente.ontology import Ontology

INTENT_FILE = "data/events/intent_codes.csv"


@cache
def intent_table() -> dict[str, str]:
    """action code -> intent code, from the bundled table."""
    text = files("detente").joinpath(INTENT_FILE).read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    return {row["cameo"]: row["intent_cameo"] for row in rows}


def check_intent_table(ontology: Ontology) -> None:
    """Every code in the table exists in the codebook; OntologyError names the line otherwise."""
    for line, (code, intent) in enumerate(intent_table().items(), start=2):
        for value in (code, intent):
            if not ontology.is_code(value):
                raise OntologyError(f"{INTENT_FILE}:{line}: unknown CAMEO code {value!r}", code="D212")


def intent_code(cameo: str) -> str | None:
    """The code for intending (or threatening) the action `cameo`, or None when there is none."""
    table = intent_table()
    for length in (4, 3, 2):
        if len(cameo) >= length and cameo[:length] in table:
            return table[cameo[:length]]
    return None


__all__ = ["check_intent_table", "intent_code", "intent_table"]

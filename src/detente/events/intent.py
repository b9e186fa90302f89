"""Intentions, threats and refusals: "will send aid" is an intent to provide aid (CAMEO 033,
PLOVER AGREE), "would blockade Paris" a threat of blockade (CAMEO 1381, PLOVER THREATEN), and
"refused to release the prisoners" a refusal to yield (CAMEO 1243, PLOVER REJECT).

`data/events/intent_codes.csv` maps an action code (or its parent) to the code for intending it,
`data/events/refusal_codes.csv` a cooperative action to the code for refusing it; the longest
matching prefix wins.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from detente.errors import OntologyError
from detente.ontology import Ontology

INTENT_FILE = "data/events/intent_codes.csv"
REFUSAL_FILE = "data/events/refusal_codes.csv"


@cache
def code_table(name: str) -> dict[str, str]:
    """action code -> derived code, from a bundled two-column table (intent or refusal)."""
    text = files("detente").joinpath(name).read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    column = next(c for c in rows[0] if c not in {"cameo", "note"})
    return {row["cameo"]: row[column] for row in rows}


def check_code_tables(ontology: Ontology) -> None:
    """Every code in the tables exists in the codebook; OntologyError names file and line."""
    for name in (INTENT_FILE, REFUSAL_FILE):
        for line, (code, derived) in enumerate(code_table(name).items(), start=2):
            for value in (code, derived):
                if not ontology.is_code(value):
                    raise OntologyError(f"{name}:{line}: unknown CAMEO code {value!r}", code="D212")


def _lookup(name: str, cameo: str) -> str | None:
    table = code_table(name)
    for length in (4, 3, 2):
        if len(cameo) >= length and cameo[:length] in table:
            return table[cameo[:length]]
    return None


def intent_code(cameo: str) -> str | None:
    """The code for intending (or threatening) the action `cameo`, or None when there is none."""
    return _lookup(INTENT_FILE, cameo)


def refusal_code(cameo: str) -> str | None:
    """The code for refusing the cooperative action `cameo`, or None when there is none."""
    return _lookup(REFUSAL_FILE, cameo)


__all__ = ["check_code_tables", "code_table", "intent_code", "refusal_code"]

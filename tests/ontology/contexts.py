"""PatternContext built from short keyword arguments, for pattern-table lookups in tests."""

from __future__ import annotations

from detente.ontology.patterns import PatternContext


def ctx(**kwargs: object) -> PatternContext:
    """`preps` maps a preposition to "|"-separated lemmas of its objects ({"of": "debt|loan"})."""
    preps = kwargs.pop("preps", {})
    return PatternContext(
        preps={prep: frozenset(words.split("|")) for prep, words in preps.items()}, **kwargs
    )  # type: ignore[arg-type]

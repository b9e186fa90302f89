"""Who acts on whom: source-target pairs from the actors of an event's arguments.

Pure functions over Actors; the coder calls these.
"""

from __future__ import annotations

from detente.models import Actor

Pair = tuple[Actor | None, Actor | None]


def source_target_pairs(sources: list[Actor | None], targets: list[Actor]) -> list[Pair]:
    """Source-target pairs; a source with no target when there is none other than itself
    ("troops were put on alert")."""
    pairs: list[Pair] = []
    for source in sources:
        others = [t for t in targets if source is None or not same_actor(source, t)]
        pairs.extend((source, target) for target in (others or [None]))
    return pairs


def reciprocal_pairs(sources: list[Actor]) -> list[Pair]:
    """Coordinated subjects of a reciprocal act ("A and B met") act on each other: A -> B and
    B -> A (PLOVER marks each as both source and target). [] unless two actors differ in code."""
    return [(a, b) for a in sources for b in sources
            if a is not b and a.code and b.code and a.code != b.code]


def same_actor(source: Actor, target: Actor) -> bool:
    if source.start is not None and source.start == target.start:
        return True
    return bool(source.code) and source.code == target.code and source.name == target.name


def unique_actors(actors: list[Actor]) -> list[Actor]:
    seen: dict[tuple[object, ...], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.start, actor.end, actor.text), actor)
    return list(seen.values())



__all__ = ["reciprocal_pairs", "same_actor", "source_target_pairs", "unique_actors"]

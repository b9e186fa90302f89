"""Actor resolution: noun phrases -> Actors with an ISO3 (or PLOVER pseudo-) country and a sector.

`ActorResolver.default()` uses the bundled tables in src/detente/data/actors/ (see MANIFEST.toml and
NOTICE.md there); `DocMemory` carries names, pronouns and "the ministry" across one document.
"""

from __future__ import annotations

from detente.actors.memory import DocMemory
from detente.actors.resolver import ActorResolver
from detente.actors.tables import ActorTables, load_tables

__all__ = ["ActorResolver", "ActorTables", "DocMemory", "load_tables"]

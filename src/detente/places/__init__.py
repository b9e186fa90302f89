"""Places: recognise place names, resolve them offline to the bundled GeoNames gazetteer, and choose
each event's location ("who said what, and where").

    resolver = PlaceResolver.default()
    mentions = resolver.places_in(doc, document)
    location = resolver.locate_event(doc, sent, trigger, mentions)
"""

from __future__ import annotations

from detente.places.gazetteer import Entry, Gazetteer
from detente.places.resolver import PlaceMention, PlaceResolver

__all__ = ["Entry", "Gazetteer", "PlaceMention", "PlaceResolver"]

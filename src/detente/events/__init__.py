"""Event coding: predicates and their arguments -> CAMEO/PLOVER events with evidence."""

from detente.events.coder import RULE_CODER, VECTOR_CODER, EventCoder

__all__ = ["RULE_CODER", "VECTOR_CODER", "EventCoder"]

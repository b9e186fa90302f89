"""Combine the rule coder with the learned sentence classifier by calibrated confidence.

Where rules coded events, each event's confidence becomes a weighted mean of the rule's confidence
and the classifier's probability for the event's PLOVER type, so that the classifier decides
between competing rule readings. Where rules found nothing, a confident classifier prediction
(not "NONE") becomes an event, with the main clause's subject as source, at the type's least
specific CAMEO code and marked with the classifier as its coder.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import cache
from importlib.resources import files

from detente.models import Event

RULE_WEIGHT = 0.6
MIN_PROBABILITY = 0.6  # a classifier-only event needs this probability (and must beat "NONE")
CLASSIFIER_CODER = "detente.classifier.v1"


@cache
def classifier_codes() -> dict[str, str]:
    """PLOVER type -> the CAMEO code used for a classifier-only event."""
    text = files("detente").joinpath("data/events/classifier_codes.csv").read_text("utf-8")
    return {row["plover"]: row["cameo"] for row in csv.DictReader(text.splitlines())}


def rerank(events: list[Event], probabilities: dict[str, float]) -> list[Event]:
    """Blend each rule event's confidence with the classifier's probability of its type."""
    blended = []
    for event in events:
        p = probabilities.get(event.plover or "", 0.0)
        score = RULE_WEIGHT * event.confidence + (1 - RULE_WEIGHT) * p
        blended.append(replace(event, confidence=round(score, 3)))
    return blended


def fallback_type(probabilities: list[tuple[str, float]]) -> tuple[str, float] | None:
    """The classifier's type for a sentence the rules left uncoded, when it is confident."""
    label, p = probabilities[0]
    if label == "NONE" or p < MIN_PROBABILITY or label not in classifier_codes():
        return None
    return label, p


__all__ = ["CLASSIFIER_CODER", "classifier_codes", "fallback_type", "rerank"]

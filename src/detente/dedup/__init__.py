"""De-duplication: documents -> stories, event reports -> real-world events.

Reads ``documents`` and ``events``; writes the tables of ``dedup.tables`` (``story_members``,
``stories``, ``story_terms``, ``cluster_members``, ``clusters``). ``update_clusters(con)`` brings
them up to date incrementally and crash-safely (``dedup.clusters``).

Stories (``dedup.stories``): documents that report the same story, with or without coded events,
found by TF-IDF similarity over word stems, multi-word names, ages, counts, the countries named
and the type and actor countries of the coded events, within a date window of ``window_days``
(3), never across conflicting places, less when coded events of one type disagree on their
actors' countries, with candidates from date-window blocking plus an inverted index of rare
features and places.

Events (``dedup.similarity``): two reports belong to the same event when

- the same polarity: a negated report ("X did not meet Y") never joins an asserted one; negated
  reports cluster among themselves, so that denials stay countable but never inflate the
  mentions of the event they deny;
- the same event type: the PLOVER type when both have one, else the CAMEO root;
- compatible places: the same city, or a city in the same region, where both are known, for
  events inside one country (between two countries, a named capital is as often an actor's as
  the scene, and the dyad tells the events apart);
- event dates (else the document date) at most ``window_days`` apart, default 3. News reports of
  an event mostly appear the same day or the next, and relative dates ("on Tuesday") resolved
  against a later publication date drift by a few days; three days absorbs that while a report of
  the same dyad and type a week later stays a separate event. A date known only to the month or
  the year ("last week", "in March") matches within its period and only between reports
  published within the window;
- actors that fit: inside one story, actors only have to agree (an unknown actor matches
  anything; known ones differ in country or role); across stories, equal countries and equal
  sectors where both are known (a null sector is compatible with any), actors without a country
  must share a name, a missing actor only matches a missing actor, and each report needs a named
  actor;
- across stories, a match score >= ``threshold`` (0.35) with some member, where score = 0.3 *
  code likeness (1 same CAMEO code, 0.5 same 3-digit base, 0.25 same root) + 0.3 * date proximity
  (1 - days apart / (window + 1)) + 0.4 * wording similarity (the better Jaccard of word stems or
  of character 4-grams of sentence and trigger). Same type on the same day always matches
  (>= 0.375); every day apart or a different sub-code must be made up by shared wording.

The constraints must hold against every member of a cluster (so dates cannot drift along a
chain); the report joins the cluster with the best score. The process is deterministic:
documents are taken by (date, doc_id), events by (date, event_id), and a story's or cluster's id
hashes its founding doc_id or event_id.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from detente.dedup.metrics import Scores, bcubed_scores, pairwise_scores
from detente.dedup.records import ClusterRecord, StoryRecord, load_clusters, load_stories
from detente.dedup.tables import ensure_cluster_tables

if TYPE_CHECKING:
    from detente.dedup.clusters import (
        DEFAULT_THRESHOLD,
        DEFAULT_WINDOW_DAYS,
        ClusterSettings,
        cluster_id_for,
        update_clusters,
    )
    from detente.dedup.stories import StorySettings, story_id_for

# The clustering side needs scikit-learn, spaCy and the gazetteer (about 2 s to import): it loads on
# first use, so that readers, which need only the records and tables above, start without it.
_CLUSTERING = {
    "DEFAULT_THRESHOLD": "clusters",
    "DEFAULT_WINDOW_DAYS": "clusters",
    "ClusterSettings": "clusters",
    "cluster_id_for": "clusters",
    "update_clusters": "clusters",
    "StorySettings": "stories",
    "story_id_for": "stories",
}


def __getattr__(name: str) -> object:
    """The clustering names, imported from their module when first asked for."""
    if name not in _CLUSTERING:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_CLUSTERING[name]}"), name)


__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "ClusterRecord",
    "ClusterSettings",
    "Scores",
    "StoryRecord",
    "StorySettings",
    "bcubed_scores",
    "cluster_id_for",
    "ensure_cluster_tables",
    "load_clusters",
    "load_stories",
    "pairwise_scores",
    "story_id_for",
    "update_clusters",
]

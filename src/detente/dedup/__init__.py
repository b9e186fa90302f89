"""Cross-article de-duplication: event reports from different documents -> real-world events.

Reads ``events``/``documents``; writes ``cluster_members`` and ``clusters``.

Two reports belong to the same event when all of these hold:

- the same polarity: a negated report ("X did not meet Y") never joins an asserted one; negated
  reports cluster among themselves, so that denials stay countable but never inflate the
  mentions of the event they deny;
- a compatible source and target: equal countries, and equal sectors when both are known (a
  null sector is compatible with any); actors without a country must share a name; a missing
  actor only matches a missing actor;
- the same event type: the PLOVER type when both have one, else the CAMEO root;
- event dates (else the document date) at most ``window_days`` apart, default 3. News reports of
  an event mostly appear the same day or the next, and relative dates ("on Tuesday") resolved
  against a later publication date drift by a few days; three days absorbs that while a report of
  the same dyad and type a week later stays a separate event. A date known only to the month or
  the year ("last week", "in March") covers that whole period;
- a match score >= ``threshold`` (0.35) with some member, where score = 0.3 * code likeness
  (1 same CAMEO code, 0.5 same 3-digit base, 0.25 same root) + 0.3 * date proximity
  (1 - days between the date periods / (window + 1)) + 0.4 * wording similarity (the better
  Jaccard of word stems or of character 4-grams of sentence and trigger). Same type on the same
  day always matches (>= 0.375); every day apart or a different sub-code must be made up by
  shared wording.

The constraints must hold against every member of a cluster (so dates cannot drift along a
chain); the report joins the cluster with the best score. The process is deterministic:
new events are taken by (date, event_id), and a cluster's id hashes its founding event_id.
"""

from detente.dedup.clusters import (
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    ClusterSettings,
    cluster_id_for,
    ensure_cluster_tables,
    update_clusters,
)
from detente.dedup.metrics import Scores, bcubed_scores, pairwise_scores
from detente.dedup.records import ClusterRecord, load_clusters

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "ClusterRecord",
    "ClusterSettings",
    "Scores",
    "bcubed_scores",
    "cluster_id_for",
    "ensure_cluster_tables",
    "load_clusters",
    "pairwise_scores",
    "update_clusters",
]

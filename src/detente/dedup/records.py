"""Reading clusters back with their representative report, for the CLI, relations and exports."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from detente.dedup.tables import ensure_cluster_tables, outlet_sql
from detente.store.sql import date_bounds

CLUSTERS_SQL = f"""
WITH members AS (
    SELECT m.cluster_id, list(m.event_id ORDER BY m.event_id) AS event_ids,
           list(DISTINCT e.doc_id ORDER BY e.doc_id) AS doc_ids,
           bool_or(e.sentence_index = 0) AS in_lead,
           list(DISTINCT s.story_id ORDER BY s.story_id) FILTER (WHERE s.story_id IS NOT NULL) AS story_ids
    FROM cluster_members m JOIN events e ON e.event_id = m.event_id
    LEFT JOIN story_members s ON s.doc_id = e.doc_id GROUP BY m.cluster_id
), aliased AS (  -- aliases of the reports' documents are reports too
    SELECT m.cluster_id, list(DISTINCT a.alias_id) AS alias_ids
    FROM cluster_members m JOIN events e ON e.event_id = m.event_id
    JOIN document_aliases a ON a.doc_id = e.doc_id GROUP BY m.cluster_id
)
SELECT c.cluster_id, mb.event_ids, list_sort(list_concat(mb.doc_ids, coalesce(al.alias_ids, []))),
       c.num_mentions, c.num_articles, c.num_sources,
       c.first_seen, c.last_seen, c.first_added, c.date, c.negated,
       e.source_text, e.source_name, e.source_country, e.source_sector, e.source_code,
       e.target_text, e.target_name, e.target_country, e.target_sector, e.target_code,
       e.cameo, e.cameo_root, e.cameo_name, e.plover, e.plover_mode, e.quad_class, e.goldstein,
       CAST(e.location AS VARCHAR), e.representative, e.sentence, e.trigger_text, e.confidence,
       e.coder, d.url, {outlet_sql("d", "e.doc_id")} AS outlet, d.title, d.language, mb.in_lead,
       e.status, e.modality, e.doc_id, e.sentence_index, d.date AS published, mb.story_ids
FROM clusters c JOIN members mb ON mb.cluster_id = c.cluster_id
LEFT JOIN aliased al ON al.cluster_id = c.cluster_id
JOIN (SELECT *, event_id AS representative FROM events) e ON e.event_id = c.representative_event_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
"""


@dataclass(frozen=True)
class ClusterRecord:
    """One real-world event: its cluster counts and its representative report's coding."""

    cluster_id: str
    event_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: dt.datetime | None
    last_seen: dt.datetime | None
    first_added: dt.datetime | None
    date: dt.date | None
    negated: bool
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    cameo: str
    cameo_root: str
    cameo_name: str | None
    plover: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float | None
    location: dict[str, Any] | None
    representative_event_id: str
    sentence: str | None
    trigger_text: str | None
    confidence: float | None
    coder: str | None
    url: str | None
    outlet: str | None
    title: str | None
    language: str | None
    in_lead: bool
    # The representative report's status and modality, document, sentence and publication date.
    status: str = "current"
    modality: str | None = None
    doc_id: str | None = None
    sentence_index: int | None = None
    published: dt.date | None = None
    story_ids: tuple[str, ...] = ()  # the stories of the documents that report it

    def to_dict(self) -> dict[str, Any]:
        """The `detente clusters` record."""
        return {
            "cluster_id": self.cluster_id,
            "event_ids": list(self.event_ids),
            "doc_ids": list(self.doc_ids),
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "first_seen": _iso(self.first_seen),
            "last_seen": _iso(self.last_seen),
            "date": _iso(self.date),
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "plover": self.plover,
            "location": self.location,
            "status": self.status,
            "modality": self.modality,
            "confidence": self.confidence,
            "story_ids": list(self.story_ids),
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _actor(
    text: str | None, name: str | None, country: str | None, sector: str | None, code: str | None
) -> dict[str, Any] | None:
    if not (text or name or country or sector):
        return None
    return {"text": text, "name": name, "country": country, "sector": sector, "code": code}


def cluster_record(row: tuple[Any, ...]) -> ClusterRecord:
    """One row of ``CLUSTERS_SQL`` as a record."""
    location = json.loads(row[28]) if row[28] else None
    return ClusterRecord(
        cluster_id=row[0],
        event_ids=tuple(row[1]),
        doc_ids=tuple(row[2]),
        num_mentions=row[3],
        num_articles=row[4],
        num_sources=row[5],
        first_seen=row[6],
        last_seen=row[7],
        first_added=row[8],
        date=row[9],
        negated=bool(row[10]),
        source=_actor(*row[11:16]),
        target=_actor(*row[16:21]),
        cameo=row[21],
        cameo_root=row[22] or (row[21] or "")[:2],
        cameo_name=row[23],
        plover=row[24],
        plover_mode=row[25],
        quad_class=row[26],
        goldstein=row[27],
        location=location if isinstance(location, dict) else None,
        representative_event_id=row[29],
        sentence=row[30],
        trigger_text=row[31],
        confidence=row[32],
        coder=row[33],
        url=row[34],
        outlet=row[35],
        title=row[36],
        language=row[37],
        in_lead=bool(row[38]),
        status=row[39] or "current",
        modality=row[40],
        doc_id=row[41],
        sentence_index=row[42],
        published=row[43],
        story_ids=tuple(row[44] or ()),
    )


def load_clusters(
    con: duckdb.DuckDBPyConnection, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[ClusterRecord]:
    """Clusters whose date lies in [since, until] (undated ones only when no bound is given)."""
    ensure_cluster_tables(con)
    where, params = date_bounds("c.date", since, until)
    sql = CLUSTERS_SQL + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY c.date NULLS LAST, c.cluster_id"
    return [cluster_record(row) for row in con.execute(sql, params).fetchall()]


STORIES_SQL = f"""
WITH reports AS (
    SELECT m.story_id, m.doc_id, m.day, {outlet_sql()} AS outlet, false AS alias
    FROM story_members m JOIN documents d ON d.doc_id = m.doc_id
    UNION ALL
    SELECT m.story_id, a.alias_id, coalesce(a.date, CAST(a.ingested_at AS DATE)),
           {outlet_sql("a", "a.alias_id")}, true
    FROM story_members m JOIN document_aliases a ON a.doc_id = m.doc_id
), docs AS (
    SELECT story_id, list(doc_id ORDER BY day, doc_id) AS doc_ids,
           list(DISTINCT outlet ORDER BY outlet) AS outlets,
           list(doc_id ORDER BY doc_id) FILTER (WHERE alias) AS alias_ids
    FROM reports GROUP BY story_id
), events AS (
    SELECT s.story_id, list(DISTINCT c.cluster_id ORDER BY c.cluster_id) AS cluster_ids,
           count(*) AS num_events
    FROM story_members s JOIN events e ON e.doc_id = s.doc_id
    JOIN cluster_members c ON c.event_id = e.event_id GROUP BY s.story_id
)
SELECT s.story_id, s.title, s.first_date, s.last_date, s.num_documents, s.num_sources, s.first_added,
       s.last_added, s.founder_doc_id, d.doc_ids, d.outlets, coalesce(ev.cluster_ids, []),
       coalesce(ev.num_events, 0), coalesce(d.alias_ids, [])
FROM stories s JOIN docs d ON d.story_id = s.story_id LEFT JOIN events ev ON ev.story_id = s.story_id
"""


@dataclass(frozen=True)
class StoryRecord:
    """One story: the documents that report it (aliases included: the same text under another id),
    their outlets, and the event clusters in them."""

    story_id: str
    title: str | None
    first_date: dt.date | None
    last_date: dt.date | None
    num_documents: int
    num_sources: int
    first_added: dt.datetime | None
    last_added: dt.datetime | None
    founder_doc_id: str
    doc_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    cluster_ids: tuple[str, ...]
    num_events: int
    alias_ids: tuple[str, ...] = ()  # those of doc_ids that are aliases of another of them

    def to_dict(self) -> dict[str, Any]:
        """The `detente stories` record."""
        return {
            "story_id": self.story_id,
            "title": self.title,
            "first_date": _iso(self.first_date),
            "last_date": _iso(self.last_date),
            "num_documents": self.num_documents,
            "num_sources": self.num_sources,
            "num_events": self.num_events,
            "doc_ids": list(self.doc_ids),
            "outlets": list(self.outlets),
            "cluster_ids": list(self.cluster_ids),
            "alias_ids": list(self.alias_ids),
        }


def load_stories(
    con: duckdb.DuckDBPyConnection,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_documents: int = 1,
) -> list[StoryRecord]:
    """Stories that overlap [since, until] and have at least ``min_documents`` documents."""
    ensure_cluster_tables(con)
    where, params = date_bounds("s.last_date", since, None)
    upper, upper_params = date_bounds("s.first_date", None, until)
    where += [*upper, "s.num_documents >= ?"]
    sql = STORIES_SQL + " WHERE " + " AND ".join(where) + " ORDER BY s.first_date, s.story_id"
    rows = con.execute(sql, [*params, *upper_params, min_documents]).fetchall()
    return [StoryRecord(*row[:9], tuple(row[9]), tuple(row[10]), tuple(row[11]), row[12], tuple(row[13]))
            for row in rows]


__all__ = ["CLUSTERS_SQL", "ClusterRecord", "StoryRecord", "cluster_record", "load_clusters", "load_stories"]

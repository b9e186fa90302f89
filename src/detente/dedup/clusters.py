"""Incremental clustering of stored event reports into real-world events.

Reads the store's ``events`` and ``documents`` tables and maintains two tables of its own:
``cluster_members(event_id PK, cluster_id)`` and ``clusters(cluster_id PK, ...)``.

Rules (see docs in the package ``__init__``): events not yet in ``cluster_members`` are taken in a
fixed order (date, then event_id, undated last). Each joins the best-scoring existing cluster
whose every member it can merge with (``similarity.can_merge``) when the best member score reaches
``threshold``; otherwise it founds a new cluster whose id is a hash of its own event_id. Negated
events only ever cluster with negated events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from detente.dedup.similarity import (
    Report,
    can_merge,
    char_shingles,
    match_score,
    period_end,
    word_shingles,
)
from detente.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_WINDOW_DAYS = 3
DEFAULT_THRESHOLD = 0.35

CLUSTER_DDL = """
CREATE TABLE IF NOT EXISTS cluster_members (event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS clusters (
    cluster_id VARCHAR PRIMARY KEY, founder_event_id VARCHAR, representative_event_id VARCHAR,
    date DATE, negated BOOLEAN, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
    first_seen TIMESTAMP, last_seen TIMESTAMP, first_added TIMESTAMP,
    source_country VARCHAR, source_sector VARCHAR, source_code VARCHAR,
    target_country VARCHAR, target_sector VARCHAR, target_code VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, quad_class INTEGER, goldstein DOUBLE
);
"""

# Outlet: documents.source, else the URL host (without "www."), else the doc_id.
OUTLET_SQL = """coalesce(nullif(trim(d.source), ''),
    nullif(regexp_replace(lower(regexp_extract(d.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)', 1)),
                          '^www\\.', ''), ''),
    e.doc_id)"""

REPORT_SQL = """
SELECT e.event_id, e.doc_id, coalesce(e.date, d.date) AS date, coalesce(e.negated, false),
       e.source_country, e.source_sector, e.source_name, e.source_text,
       e.target_country, e.target_sector, e.target_name, e.target_text,
       e.cameo, e.cameo_root, e.plover, e.sentence, e.trigger_text, m.cluster_id,
       CASE WHEN e.date IS NULL THEN 'day' ELSE e.date_precision END
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN cluster_members m ON m.event_id = e.event_id
"""


@dataclass(frozen=True)
class ClusterSettings:
    """How close two reports must be: date window in days and the minimum match score."""

    window_days: int = DEFAULT_WINDOW_DAYS
    threshold: float = DEFAULT_THRESHOLD


def cluster_id_for(event_id: str) -> str:
    """Stable cluster id: a hash of the founding event_id."""
    return hashlib.sha1(f"cluster\x1f{event_id}".encode()).hexdigest()[:16]


CLUSTER_TABLES = frozenset({"cluster_members", "clusters"})


def ensure_cluster_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the cluster tables when missing; runs nothing when they exist, so that readers on a
    read-only connection may call it (a read-only database without them is a StoreError)."""
    found = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if found >= CLUSTER_TABLES:
        return
    try:
        con.execute(CLUSTER_DDL)
    except duckdb.InvalidInputException as err:  # opened read-only
        raise StoreError("the database has no event clusters yet (its first ingest was stopped "
                         "before clustering); run `detente ingest` into it again to build them",
                         code="D308") from err


def _actor_key(
    country: str | None, sector: str | None, name: str | None, text: str | None
) -> tuple[str | None, str | None, str | None] | None:
    if not (country or sector or name or text):
        return None
    label = (name or text or "").strip().lower() or None
    return (country or None, sector or None, label)


def _report_from_row(row: tuple[Any, ...]) -> Report:
    wording = " ".join(part for part in (row[15], row[16]) if part)
    return Report(
        event_id=row[0],
        doc_id=row[1],
        date=row[2],
        negated=bool(row[3]),
        source=_actor_key(*row[4:8]),
        target=_actor_key(*row[8:12]),
        cameo=row[12] or "",
        cameo_root=row[13] or (row[12] or "")[:2],
        plover=row[14],
        words=word_shingles(wording),
        chars=char_shingles(wording),
        last=period_end(row[2], row[18]),
    )


def _fetch_new(con: duckdb.DuckDBPyConnection) -> list[Report]:
    rows = con.execute(REPORT_SQL + " WHERE m.event_id IS NULL").fetchall()
    reports = [_report_from_row(row) for row in rows]
    return sorted(reports, key=lambda r: (r.date is None, r.date or dt.date.min, r.event_id))


def _fetch_existing(
    con: duckdb.DuckDBPyConnection, new: list[Report], window_days: int
) -> dict[str, list[Report]]:
    dated = [r for r in new if r.date is not None]
    where = "m.cluster_id IS NOT NULL AND (coalesce(e.date, d.date) IS NULL"
    params: list[Any] = []
    if dated:
        where += " OR coalesce(e.date, d.date) BETWEEN ? AND ?"
        pad = dt.timedelta(days=window_days)
        month = dt.timedelta(days=31)  # a stored month-precise date starts up to a month earlier
        params = [min(r.date for r in dated) - pad - month, max(r.last or r.date for r in dated) + pad]
    rows = con.execute(REPORT_SQL + f" WHERE {where})", params).fetchall()
    clusters: dict[str, list[Report]] = {}
    for row in sorted(rows, key=lambda r: r[0]):
        clusters.setdefault(row[17], []).append(_report_from_row(row))
    return clusters


def _best_cluster(report: Report, clusters: dict[str, list[Report]], settings: ClusterSettings) -> str | None:
    best: tuple[float, str] | None = None
    for cluster_id, members in clusters.items():
        if not all(can_merge(report, m, window_days=settings.window_days) for m in members):
            continue
        score = max(match_score(report, m, window_days=settings.window_days) for m in members)
        if score >= settings.threshold and (best is None or (-score, cluster_id) < (-best[0], best[1])):
            best = (score, cluster_id)
    return best[1] if best else None


def assign_reports(
    new: list[Report], clusters: dict[str, list[Report]], settings: ClusterSettings
) -> dict[str, str]:
    """event_id -> cluster_id for each new report, in the order given; updates ``clusters``."""
    assigned: dict[str, str] = {}
    for report in new:
        cluster_id = _best_cluster(report, clusters, settings)
        if cluster_id is None:
            cluster_id = cluster_id_for(report.event_id)
        clusters.setdefault(cluster_id, []).append(report)
        assigned[report.event_id] = cluster_id
    return assigned


def update_clusters(con: duckdb.DuckDBPyConnection, *, settings: ClusterSettings | None = None) -> int:
    """Cluster every event not yet in ``cluster_members``; return how many events were assigned."""
    settings = settings or ClusterSettings()
    try:
        ensure_cluster_tables(con)
        stale = _prune_members(con)
        new = _fetch_new(con)
        assigned: dict[str, str] = {}
        if new:
            assigned = assign_reports(new, _fetch_existing(con, new, settings.window_days), settings)
            _write_members(con, assigned)
        if assigned or stale:
            refresh_clusters(con, sorted(set(assigned.values()) | set(stale)))
    except duckdb.Error as err:
        raise StoreError(f"cannot update event clusters: {err}", code="D310") from err
    log.info("clustered %d new event reports into %d clusters", len(assigned), len(set(assigned.values())))
    return len(assigned)


def _prune_members(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Drop members whose event is gone (a re-ingested document); return their clusters."""
    gone = "SELECT event_id FROM cluster_members EXCEPT SELECT event_id FROM events"
    stale = [
        r[0]
        for r in con.execute(
            f"SELECT DISTINCT cluster_id FROM cluster_members WHERE event_id IN ({gone})"
        ).fetchall()
    ]
    if stale:
        con.execute(f"DELETE FROM cluster_members WHERE event_id IN ({gone})")
        log.info("removed members of %d clusters whose events are gone", len(stale))
    return stale


def _write_members(con: duckdb.DuckDBPyConnection, assigned: dict[str, str]) -> None:
    table = pa.table({"event_id": list(assigned), "cluster_id": list(assigned.values())})
    con.register("_new_members", table)
    con.execute("INSERT INTO cluster_members SELECT event_id, cluster_id FROM _new_members")
    con.unregister("_new_members")


MEMBER_SQL = f"""
SELECT m.cluster_id, e.event_id, e.doc_id, coalesce(e.date, d.date) AS date, coalesce(e.negated, false),
       e.confidence, coalesce(CAST(d.date AS TIMESTAMP), d.ingested_at) AS seen, d.ingested_at,
       {OUTLET_SQL} AS outlet,
       e.source_country, e.source_sector, e.source_code, e.target_country, e.target_sector,
       e.target_code, e.cameo, e.cameo_root, e.plover, e.quad_class, e.goldstein
FROM cluster_members m JOIN events e ON e.event_id = m.event_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE m.cluster_id IN (SELECT unnest(?::VARCHAR[]))
"""


def _cluster_row(cluster_id: str, rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    founder = min(rows, key=lambda r: cluster_id_for(r[1]) != cluster_id)
    rep = min(rows, key=lambda r: (-(r[5] if r[5] is not None else -1.0), r[6] or dt.datetime.max, r[1]))
    dates = Counter(r[3] for r in rows if r[3] is not None)
    date = min(dates, key=lambda d: (-dates[d], d)) if dates else None
    seen = [r[6] for r in rows if r[6] is not None]
    added = [r[7] for r in rows if r[7] is not None]
    return (
        cluster_id,
        founder[1],
        rep[1],
        date,
        bool(rep[4]),
        len(rows),
        len({r[2] for r in rows}),
        len({r[8] for r in rows}),
        min(seen, default=None),
        max(seen, default=None),
        min(added, default=None),
        *rep[9:20],
    )


def refresh_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> None:
    """Recompute the ``clusters`` rows of the given clusters from their members."""
    by_cluster: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(MEMBER_SQL, [cluster_ids]).fetchall():
        by_cluster.setdefault(row[0], []).append(row)
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [cluster_ids])
    values = [_cluster_row(cid, rows) for cid, rows in sorted(by_cluster.items())]
    if values:
        placeholders = ", ".join("?" * len(values[0]))
        con.executemany(f"INSERT INTO clusters VALUES ({placeholders})", values)


__all__ = [
    "CLUSTER_DDL",
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "ClusterSettings",
    "assign_reports",
    "cluster_id_for",
    "ensure_cluster_tables",
    "refresh_clusters",
    "update_clusters",
]

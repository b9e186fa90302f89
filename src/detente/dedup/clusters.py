"""Incremental, crash-safe clustering of stored documents into stories and of event reports into
real-world events.

``update_clusters`` first repairs what a removed or changed document (or a crash of an older
detente) left behind, then clusters the documents not yet in a story, then the events not yet in
an event cluster. Each step and each batch runs in its own transaction (``dedup.tables``), so a
run killed at any moment leaves the clusters of the last finished batch and the next run goes on
from there, with the same result as a run that was never interrupted: the work is taken in a
fixed order and only what is committed counts as done.

Events (rules in ``dedup.similarity``): events not yet in ``cluster_members`` are taken by (date,
event_id), undated last. Each joins the best-scoring existing cluster whose every member it can
merge with (``similarity.can_merge``); a member of the same story needs no minimum score (the
story says it is the same report), one of another story a score of at least ``threshold``.
Otherwise it founds a cluster whose id is a hash of its own event_id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from detente.dates import add_days
from detente.dedup.similarity import (
    ActorKey,
    Place,
    Report,
    can_merge,
    char_shingles,
    match_score,
    period_end,
    same_story,
    word_shingles,
)
from detente.dedup.stories import StorySettings, cluster_stories, prune_stories, refresh_stories
from detente.dedup.tables import ensure_cluster_tables, insert_rows, outlet_sql, transaction
from detente.errors import StoreError

log = logging.getLogger(__name__)

DEFAULT_WINDOW_DAYS = 3
DEFAULT_THRESHOLD = 0.35

REPORT_SQL = """
SELECT e.event_id, e.doc_id, coalesce(e.date, d.date) AS date, coalesce(e.negated, false),
       e.source_country, e.source_sector, e.source_name, e.source_text,
       e.target_country, e.target_sector, e.target_name, e.target_text,
       e.cameo, e.cameo_root, e.plover, e.sentence, e.trigger_text, m.cluster_id,
       CASE WHEN e.date IS NULL THEN 'day' ELSE e.date_precision END, d.date, s.story_id,
       CAST(e.location AS VARCHAR)
FROM events e LEFT JOIN documents d ON d.doc_id = e.doc_id
LEFT JOIN cluster_members m ON m.event_id = e.event_id
LEFT JOIN story_members s ON s.doc_id = e.doc_id
"""
NEW_SQL = (
    REPORT_SQL
    + """ WHERE m.event_id IS NULL
ORDER BY coalesce(e.date, d.date) NULLS LAST, e.event_id LIMIT ?"""
)
_EVENT_COLUMNS = """e.source_country, e.source_sector, e.source_code, e.target_country, e.target_sector,
       e.target_code, e.cameo, e.cameo_root, e.plover, e.quad_class, e.goldstein"""
# Each member report, and once more for each alias of its document (the same text under another
# id: a second report, which counts in mentions, articles and sources).
MEMBER_SQL = f"""
SELECT m.cluster_id, e.event_id, e.doc_id, coalesce(e.date, d.date) AS date, coalesce(e.negated, false),
       e.confidence, coalesce(CAST(d.date AS TIMESTAMP), d.ingested_at) AS seen, d.ingested_at,
       {outlet_sql("d", "e.doc_id")} AS outlet, {_EVENT_COLUMNS}
FROM cluster_members m JOIN events e ON e.event_id = m.event_id
LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE m.cluster_id IN (SELECT unnest(?::VARCHAR[]))
UNION ALL
SELECT m.cluster_id, e.event_id, a.alias_id, coalesce(e.date, a.date, d.date), coalesce(e.negated, false),
       e.confidence, coalesce(CAST(a.date AS TIMESTAMP), a.ingested_at), a.ingested_at,
       {outlet_sql("a", "a.alias_id")}, {_EVENT_COLUMNS}
FROM cluster_members m JOIN events e ON e.event_id = m.event_id
JOIN document_aliases a ON a.doc_id = e.doc_id LEFT JOIN documents d ON d.doc_id = e.doc_id
WHERE m.cluster_id IN (SELECT unnest(?::VARCHAR[]))
"""


@dataclass(frozen=True)
class ClusterSettings:
    """How close two event reports must be (date window in days, minimum match score across
    stories), how documents are grouped into stories, and how many items a transaction takes."""

    window_days: int = DEFAULT_WINDOW_DAYS
    threshold: float = DEFAULT_THRESHOLD
    batch_size: int = 2000
    stories: StorySettings = field(default_factory=StorySettings)


def cluster_id_for(event_id: str) -> str:
    """Stable cluster id: a hash of the founding event_id."""
    return hashlib.sha1(f"cluster\x1f{event_id}".encode()).hexdigest()[:16]


def _actor_key(
    country: str | None, sector: str | None, name: str | None, text: str | None
) -> ActorKey | None:
    if not (country or sector or name or text):
        return None
    label = (name or text or "").strip().lower() or None
    # Named: the resolver gave a name to an actor with a role. A place the coder took for an actor
    # ("DAYTON", "Peninsula Park": a name, no sector) names no participant.
    return ActorKey(country or None, sector or None, label, bool(name and name.strip() and sector))


def _place(location: str | None) -> Place | None:
    data = json.loads(location) if location else None
    if not isinstance(data, dict) or data.get("geonames_id") is None:
        return None
    return Place(
        data["geonames_id"], data.get("precision") or "city", data.get("country"), data.get("admin1")
    )


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
        published=row[19],
        story=row[20],
        place=_place(row[21]),
    )


def _fetch_existing(
    con: duckdb.DuckDBPyConnection, new: list[Report], window_days: int
) -> dict[str, list[Report]]:
    """The clusters a batch can join, with all their members: those with a member dated within
    reach of the batch, or month- or year-dated and published within reach (and the undated ones
    when the batch has undated reports)."""
    pad = dt.timedelta(days=window_days)
    dated = [r for r in new if r.date is not None]
    published = [r.published for r in new if r.published is not None]
    clauses: list[str] = []
    params: list[Any] = []
    if dated:
        clauses.append("coalesce(e.date, d.date) BETWEEN ? AND ?")
        first, last = min(r.date for r in dated), max(r.last or r.date for r in dated)
        params += [add_days(first, -pad), add_days(last, pad)]
    if published:
        clauses.append("(e.date_precision IN ('month', 'year') AND d.date BETWEEN ? AND ?)")
        params += [add_days(min(published), -pad), add_days(max(published), pad)]
    if len(dated) < len(new):
        clauses.append("coalesce(e.date, d.date) IS NULL")
    near = (f"SELECT m.cluster_id FROM cluster_members m JOIN events e ON e.event_id = m.event_id "
            f"LEFT JOIN documents d ON d.doc_id = e.doc_id WHERE {' OR '.join(clauses)}")
    rows = con.execute(REPORT_SQL + f" WHERE m.cluster_id IN ({near})", params).fetchall()
    clusters: dict[str, list[Report]] = {}
    for row in sorted(rows, key=lambda r: r[0]):
        clusters.setdefault(row[17], []).append(_report_from_row(row))
    return clusters


def _cluster_score(report: Report, members: list[Report], settings: ClusterSettings) -> float | None:
    """The best member score, or None when the report cannot join these members."""
    window = settings.window_days
    if not all(can_merge(report, m, window_days=window) for m in members):
        return None
    best = max(match_score(report, m, window_days=window) for m in members)
    if best >= settings.threshold or any(same_story(report, m) for m in members):
        return best
    return None


def _type_keys(report: Report) -> tuple[str, ...]:
    """A report can only join a cluster that shares its PLOVER type or CAMEO root."""
    root = f"root:{report.cameo_root}"
    return (root, f"plover:{report.plover}") if report.plover else (root,)


def _weeks(first: dt.date | None, last: dt.date | None) -> range:
    """Week numbers (days since 0001-01-01 // 7) that [first, last] touches; -1 when undated."""
    if first is None:
        return range(-1, 0)
    return range(first.toordinal() // 7, (last or first).toordinal() // 7 + 1)


def _member_keys(report: Report) -> list[tuple[str, int]]:
    """Where a member is filed: its types, by each week its date (or its publication) falls in."""
    weeks = set(_weeks(report.date, report.last))
    if report.last is not None and report.published is not None:
        weeks = set(_weeks(report.published, None))
    return [(key, week) for key in _type_keys(report) for week in weeks]


def _report_keys(report: Report, window_days: int) -> list[tuple[str, int]]:
    """Where a report looks for clusters: its types, by each week within the window of its date
    (or of its publication, for a month- or year-precise date)."""
    pad = dt.timedelta(days=window_days)
    if report.date is None:
        weeks = set(_weeks(None, None))
    else:
        weeks = set(_weeks(add_days(report.date, -pad), add_days(report.last or report.date, pad)))
        if report.published is not None:
            weeks |= set(_weeks(add_days(report.published, -pad), add_days(report.published, pad)))
    return [(key, week) for key in _type_keys(report) for week in weeks]


Index = dict[tuple[str, int], set[str]]


def _file(index: Index, cluster_id: str, member: Report) -> None:
    for key in _member_keys(member):
        index.setdefault(key, set()).add(cluster_id)


def _best_cluster(report: Report, clusters: dict[str, list[Report]], index: Index,
                  settings: ClusterSettings) -> str | None:
    best: tuple[float, str] | None = None
    keys = _report_keys(report, settings.window_days)
    for cluster_id in set().union(*(index.get(key, set()) for key in keys)):
        score = _cluster_score(report, clusters[cluster_id], settings)
        if score is not None and (best is None or (-score, cluster_id) < (-best[0], best[1])):
            best = (score, cluster_id)
    return best[1] if best else None


def assign_reports(
    new: list[Report], clusters: dict[str, list[Report]], settings: ClusterSettings
) -> dict[str, str]:
    """event_id -> cluster_id for each new report, in the order given; updates ``clusters``."""
    assigned: dict[str, str] = {}
    index: Index = {}
    for cluster_id, members in clusters.items():
        for member in members:
            _file(index, cluster_id, member)
    for report in new:
        cluster_id = _best_cluster(report, clusters, index, settings)
        if cluster_id is None:
            cluster_id = cluster_id_for(report.event_id)
        clusters.setdefault(cluster_id, []).append(report)
        _file(index, cluster_id, report)
        assigned[report.event_id] = cluster_id
    return assigned


def cluster_events(con: duckdb.DuckDBPyConnection, settings: ClusterSettings) -> int:
    """Cluster one batch of new events (the caller holds the transaction); return its size."""
    new = [_report_from_row(row) for row in con.execute(NEW_SQL, [settings.batch_size]).fetchall()]
    if not new:
        return 0
    assigned = assign_reports(new, _fetch_existing(con, new, settings.window_days), settings)
    _write_members(con, assigned)
    refresh_clusters(con, sorted(set(assigned.values())))
    return len(assigned)


def update_clusters(con: duckdb.DuckDBPyConnection, *, settings: ClusterSettings | None = None) -> int:
    """Bring stories and event clusters up to date; return how many events were newly clustered."""
    settings = settings or ClusterSettings()
    try:
        ensure_cluster_tables(con)
        with transaction(con):
            repair(con)
        while True:
            with transaction(con):
                if not cluster_stories(con, settings.stories):
                    break
        clustered = 0
        while True:
            with transaction(con):
                batch = cluster_events(con, settings)
            if not batch:
                break
            clustered += batch
    except duckdb.Error as err:
        raise StoreError(f"cannot update clusters: {err}", code="D310") from err
    log.info("clustered %d new event reports", clustered)
    return clustered


def repair(con: duckdb.DuckDBPyConnection) -> None:
    """Remove what removed or changed documents left, recount what gained or lost aliases, and
    rebuild the rows a crash left missing."""
    aliased = _alias_changes(con)
    stories = con.execute("SELECT DISTINCT story_id FROM story_members WHERE doc_id IN "
                          "(SELECT unnest(?::VARCHAR[]))", [aliased]).fetchall()
    clusters = con.execute("SELECT DISTINCT m.cluster_id FROM cluster_members m JOIN events e USING "
                           "(event_id) WHERE e.doc_id IN (SELECT unnest(?::VARCHAR[]))", [aliased]).fetchall()
    refresh_stories(con, sorted({r[0] for r in stories} | set(prune_stories(con))
                                | set(_ids(con, "story_members", "stories", "story_id"))))
    refresh_clusters(con, sorted({r[0] for r in clusters} | set(_prune_members(con))
                                 | set(_ids(con, "cluster_members", "clusters", "cluster_id"))))


ALIAS_COLUMNS = ("doc_id", "date", "source", "url", "title", "ingested_at")


def _alias_changes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents that gained, lost or changed an alias since the counts were made (``alias_members``
    is then brought up to date)."""
    changed = " OR ".join(f"a.{c} IS DISTINCT FROM m.{c}" for c in ALIAS_COLUMNS)
    rows = con.execute(f"SELECT a.doc_id, m.doc_id FROM document_aliases a "
                       f"FULL JOIN alias_members m ON m.alias_id = a.alias_id WHERE {changed}").fetchall()
    if not rows:
        return []
    con.execute("DELETE FROM alias_members")
    columns = ", ".join(ALIAS_COLUMNS)
    con.execute(f"INSERT INTO alias_members SELECT alias_id, {columns} FROM document_aliases")
    return sorted({doc_id for row in rows for doc_id in row if doc_id is not None})


def _ids(con: duckdb.DuckDBPyConnection, members: str, rows: str, key: str) -> list[str]:
    """Ids that have members but no row, or a row but no members."""
    sql = (
        f"(SELECT {key} FROM {members} EXCEPT SELECT {key} FROM {rows}) "
        f"UNION (SELECT {key} FROM {rows} EXCEPT SELECT {key} FROM {members})"
    )
    return sorted(r[0] for r in con.execute(sql).fetchall())


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
    """Recompute the ``clusters`` rows of the given clusters from their members (and their
    documents' aliases)."""
    if not cluster_ids:
        return
    by_cluster: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(MEMBER_SQL, [cluster_ids, cluster_ids]).fetchall():
        by_cluster.setdefault(row[0], []).append(row)
    con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [cluster_ids])
    insert_rows(con, "clusters", [_cluster_row(cid, rows) for cid, rows in sorted(by_cluster.items())])


__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW_DAYS",
    "ClusterSettings",
    "assign_reports",
    "cluster_events",
    "cluster_id_for",
    "ensure_cluster_tables",
    "refresh_clusters",
    "repair",
    "update_clusters",
]

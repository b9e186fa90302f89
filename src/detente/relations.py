"""Relations and activity over time, counted on event clusters (real-world events), not on reports.

Reads ``clusters`` (kept by :mod:`detente.dedup`) through :mod:`detente.filters`: by default
only current, non-negated events count, filtered on each cluster's representative report.

Net cooperation of a period = (verbal cooperation + material cooperation) - (verbal conflict +
material conflict), i.e. clusters in quad classes 1 and 2 minus clusters in quad classes 3 and 4.
The Goldstein sum and mean give the weighted view beside it. Quad classes are those stored on
the events by the ontology.

Series cover every period from the first to the last (from ``since`` to ``until`` when given);
a period with no events is present and marked ``empty``, and its net cooperation and Goldstein
mean are None (no events is not a balanced relation).

An actor argument ("RUS", "USAGOV") matches a cluster actor whose country or full actor code
equals it, or whose code starts with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from detente.dedup import ensure_cluster_tables
from detente.errors import ConfigError
from detente.filters import (
    CLUSTER_COLUMNS,
    CLUSTER_FROM,
    DEFAULT_FILTER,
    EventFilter,
    check_actor,
    check_actors,
    where_sql,
)

Period = Literal["day", "week", "month", "year"]
PERIODS: tuple[str, ...] = ("day", "week", "month", "year")
DIRECTIONS = ("a_to_b", "b_to_a", "both")
COUNT_GROUPS = ("country", "dyad")


@dataclass
class QuadCounts:
    """Cluster counts by quad class, with the Goldstein sum, for one group in one period."""

    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0
    goldstein_n: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return self.events

    @property
    def goldstein_mean(self) -> float | None:
        return round(self.goldstein_sum / self.goldstein_n, 4) if self.goldstein_n else None

    @property
    def net_cooperation(self) -> int | None:
        if not self.events:
            return None
        return self.quad[1] + self.quad[2] - self.quad[3] - self.quad[4]

    def add(self, quad_class: int | None, goldstein: float | None) -> None:
        self.events += 1
        if quad_class in self.quad:
            self.quad[quad_class] += 1
        if goldstein is not None:
            self.goldstein_sum += goldstein
            self.goldstein_n += 1

    def to_row(self, prefix: str = "") -> dict[str, Any]:
        row: dict[str, Any] = {f"{prefix}q{quad}": self.quad[quad] for quad in (1, 2, 3, 4)}
        row[f"{prefix}total"] = self.total
        row[f"{prefix}goldstein_sum"] = round(self.goldstein_sum, 4)
        row[f"{prefix}goldstein_mean"] = self.goldstein_mean
        row[f"{prefix}net_cooperation"] = self.net_cooperation
        return row


@dataclass
class DyadPeriod:
    period: dt.date  # first day of the day/week (Monday)/month/year
    counts: dict[str, QuadCounts] = field(default_factory=lambda: {d: QuadCounts() for d in DIRECTIONS})

    @property
    def empty(self) -> bool:
        return self.counts["both"].total == 0

    def to_row(self) -> dict[str, Any]:
        """Flat record: period, then per direction q1..q4, total, goldstein_sum/mean, net_coop."""
        row: dict[str, Any] = {"period": self.period.isoformat()}
        for direction, counts in self.counts.items():
            row |= counts.to_row(f"{direction}_")
        row["empty"] = self.empty
        return row


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the day, week (Monday), month or year that contains ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "year":
        return day.replace(month=1, day=1)
    raise ConfigError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}", code="D410")


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    if by == "year":
        return start.replace(year=start.year + 1)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_range(days: Iterable[dt.date], by: str, filters: EventFilter) -> list[dt.date]:
    """Every period from the first to the last of ``days``, widened to the filter's bounds."""
    starts = [period_start(day, by) for day in days]
    starts += [period_start(day, by) for day in (filters.since, filters.until) if day is not None]
    if not starts:
        return []
    out, cursor, last = [], min(starts), max(starts)
    while cursor <= last:
        out.append(cursor)
        cursor = next_period(cursor, by)
    return out


def _matches(actor: str, country: str | None, code: str | None) -> bool:
    return actor == country or (code is not None and code.startswith(actor))


ClusterRow = tuple[Any, ...]


def _clusters(con: duckdb.DuckDBPyConnection, filters: EventFilter, *,
              extra: tuple[str, ...] = ()) -> list[ClusterRow]:
    """(date, source_country, source_code, target_country, target_code, quad_class, goldstein)
    of every cluster ``filters`` keeps, by date."""
    ensure_cluster_tables(con)
    check_actors(con, filters)
    clauses, params = filters.where(CLUSTER_COLUMNS)
    return con.execute(
        "SELECT c.date, e.source_country, e.source_code, e.target_country, e.target_code, "
        f"e.quad_class, e.goldstein FROM {CLUSTER_FROM} {where_sql([*clauses, *extra])} "
        "ORDER BY c.date, c.cluster_id", params).fetchall()


def dyad_series(con: duckdb.DuckDBPyConnection, actor_a: str, actor_b: str, *, by: str = "week",
                filters: EventFilter = DEFAULT_FILTER) -> list[DyadPeriod]:
    """Per period, cluster counts for A->B, B->A and both; empty periods present and marked.

    Unknown actor codes are a ConfigError listing close matches.
    """
    period_start(dt.date.today(), by)  # validates ``by``
    a, b = actor_a.strip().upper(), actor_b.strip().upper()
    for option, code in (("actor_a", a), ("actor_b", b)):
        check_actor(con, option, code)
    periods: dict[dt.date, DyadPeriod] = {}
    for day, s_country, s_code, t_country, t_code, quad, goldstein in _clusters(
            con, filters, extra=("c.date IS NOT NULL",)):
        forward = _matches(a, s_country, s_code) and _matches(b, t_country, t_code)
        backward = _matches(b, s_country, s_code) and _matches(a, t_country, t_code)
        if not (forward or backward):
            continue
        start = period_start(day, by)
        entry = periods.setdefault(start, DyadPeriod(start))
        entry.counts["a_to_b" if forward else "b_to_a"].add(quad, goldstein)
        entry.counts["both"].add(quad, goldstein)
    if not periods:
        return []
    return [periods.get(start, DyadPeriod(start)) for start in period_range(periods, by, filters)]


def count_events(con: duckdb.DuckDBPyConnection, *, by: str = "country", period: str = "month",
                 filters: EventFilter = DEFAULT_FILTER) -> list[dict[str, Any]]:
    """Clusters per country (as source or target) or per directed country dyad, per period.

    Each row: the group (``country``, or ``source`` and ``target``), ``period`` (ISO date of its
    first day), ``events``, ``q1``..``q4``, ``goldstein_sum``, ``goldstein_mean``, and ``empty``;
    country rows also carry ``as_source`` and ``as_target``. Every group gets every period of the
    span, so periods with no events are present (``empty`` true, zero counts).
    """
    if by not in COUNT_GROUPS:
        raise ConfigError(f"unknown grouping {by!r}; use one of {', '.join(COUNT_GROUPS)}", code="D411")
    period_start(dt.date.today(), period)  # validates ``period``
    rows = _clusters(con, filters, extra=("c.date IS NOT NULL",))
    tallies: dict[tuple[str, ...], dict[dt.date, dict[str, Any]]] = {}
    for day, s_country, _, t_country, _, quad, goldstein in rows:
        start = period_start(day, period)
        for group, roles in _groups(by, s_country, t_country):
            cell = tallies.setdefault(group, {}).setdefault(start, _new_cell())
            cell["counts"].add(quad, goldstein)
            for role in roles:
                cell[role] += 1
    starts = period_range([day for day, *_ in rows], period, filters)
    return [_count_row(by, group, start, cells.get(start) or _new_cell())
            for group, cells in sorted(tallies.items()) for start in starts]


def _groups(by: str, source: str | None, target: str | None) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The groups one cluster counts for, each with the roles it has there (country rows)."""
    if by == "dyad":
        return [((source, target), ())] if source and target else []
    if source and source == target:
        return [((source,), ("as_source", "as_target"))]
    return [((code,), (role,)) for code, role in ((source, "as_source"), (target, "as_target")) if code]


def _new_cell() -> dict[str, Any]:
    return {"counts": QuadCounts(), "as_source": 0, "as_target": 0}


def _count_row(by: str, group: tuple[str, ...], start: dt.date, cell: dict[str, Any]) -> dict[str, Any]:
    counts: QuadCounts = cell["counts"]
    keys = ("country",) if by == "country" else ("source", "target")
    row: dict[str, Any] = dict(zip(keys, group, strict=True))
    row |= {"period": start.isoformat(), "events": counts.total}
    if by == "country":
        row |= {"as_source": cell["as_source"], "as_target": cell["as_target"]}
    row |= {f"q{quad}": counts.quad[quad] for quad in (1, 2, 3, 4)}
    row |= {"goldstein_sum": round(counts.goldstein_sum, 4), "goldstein_mean": counts.goldstein_mean,
            "empty": counts.total == 0}
    return row


@dataclass(frozen=True)
class ActorActivity:
    actor: str
    as_source: int
    as_target: int

    @property
    def total(self) -> int:
        return self.as_source + self.as_target


def top_actors(con: duckdb.DuckDBPyConnection, *, top: int = 20,
               filters: EventFilter = DEFAULT_FILTER) -> list[ActorActivity]:
    """Actor codes (country + sector) by the number of clusters they appear in, as source or target."""
    counts: dict[str, list[int]] = {}
    for _, s_country, s_code, t_country, t_code, _, _ in _clusters(con, filters):
        for actor, role in ((s_code or s_country, 0), (t_code or t_country, 1)):
            if actor:
                counts.setdefault(actor, [0, 0])[role] += 1
    ranked = sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0]))
    return [ActorActivity(actor, *roles) for actor, roles in ranked[:top]]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int  # clusters
    goldstein_sum: float


def country_network(con: duckdb.DuckDBPyConnection, *,
                    filters: EventFilter = DEFAULT_FILTER) -> list[Edge]:
    """Directed country -> country edges weighted by the number of clusters ``filters`` keeps."""
    edges: dict[tuple[str, str], list[float]] = {}
    for _, s_country, _, t_country, _, _, goldstein in _clusters(con, filters):
        if s_country and t_country:
            edge = edges.setdefault((s_country, t_country), [0, 0.0])
            edge[0] += 1
            edge[1] += goldstein or 0.0
    ranked = sorted(edges.items(), key=lambda item: (-item[1][0], item[0]))
    return [Edge(s, t, int(weight), round(total, 4)) for (s, t), (weight, total) in ranked]


__all__ = [
    "COUNT_GROUPS",
    "DIRECTIONS",
    "PERIODS",
    "ActorActivity",
    "DyadPeriod",
    "Edge",
    "Period",
    "QuadCounts",
    "count_events",
    "country_network",
    "dyad_series",
    "next_period",
    "period_range",
    "period_start",
    "top_actors",
]

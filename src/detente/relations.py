"""Relations over time, counted on event clusters (real-world events), not on reports.

Reads ``clusters`` (kept by :mod:`detente.dedup`). Negated clusters are left out: a denied event
did not happen.

Net cooperation of a period = (verbal cooperation + material cooperation) - (verbal conflict +
material conflict), i.e. clusters in quad classes 1 and 2 minus clusters in quad classes 3 and 4.
The Goldstein sum and mean give the weighted view beside it. Quad classes are those stored on
the events by the ontology.

An actor argument ("RUS", "USAGOV") matches a cluster actor whose country or full actor code
equals it, or whose code starts with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb

from detente.dedup import ensure_cluster_tables
from detente.errors import ConfigError
from detente.store.sql import date_bounds

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")
DIRECTIONS = ("a_to_b", "b_to_a", "both")


@dataclass
class DyadCounts:
    """Cluster counts for one direction in one period."""

    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    goldstein_sum: float = 0.0
    goldstein_n: int = 0

    @property
    def total(self) -> int:
        return sum(self.quad.values())

    @property
    def goldstein_mean(self) -> float | None:
        return round(self.goldstein_sum / self.goldstein_n, 4) if self.goldstein_n else None

    @property
    def net_cooperation(self) -> int:
        return self.quad[1] + self.quad[2] - self.quad[3] - self.quad[4]

    def add(self, quad_class: int | None, goldstein: float | None) -> None:
        if quad_class in self.quad:
            self.quad[quad_class] += 1
        if goldstein is not None:
            self.goldstein_sum += goldstein
            self.goldstein_n += 1


@dataclass
class DyadPeriod:
    period: dt.date  # first day of the day/week (Monday)/month
    counts: dict[str, DyadCounts] = field(default_factory=lambda: {d: DyadCounts() for d in DIRECTIONS})

    def to_row(self) -> dict[str, Any]:
        """Flat record: period, then per direction q1..q4, total, goldstein_sum/mean, net_coop."""
        row: dict[str, Any] = {"period": self.period.isoformat()}
        for direction, counts in self.counts.items():
            for quad in (1, 2, 3, 4):
                row[f"{direction}_q{quad}"] = counts.quad[quad]
            row[f"{direction}_total"] = counts.total
            row[f"{direction}_goldstein_sum"] = round(counts.goldstein_sum, 4)
            row[f"{direction}_goldstein_mean"] = counts.goldstein_mean
            row[f"{direction}_net_cooperation"] = counts.net_cooperation
        return row


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ConfigError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}", code="D410")


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _matches(actor: str, country: str | None, code: str | None) -> bool:
    return actor == country or (code is not None and code.startswith(actor))


def _window(since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    bounds, params = date_bounds("date", since, until)
    return " AND ".join(["date IS NOT NULL", "NOT coalesce(negated, false)", *bounds]), params


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    actor_a: str,
    actor_b: str,
    *,
    by: str = "week",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[DyadPeriod]:
    """Per period (gaps filled with zeros), cluster counts for A->B, B->A and both."""
    ensure_cluster_tables(con)
    period_start(dt.date.today(), by)  # validates ``by``
    a, b = actor_a.upper(), actor_b.upper()
    where, params = _window(since, until)
    rows = con.execute(
        "SELECT date, source_country, source_code, target_country, target_code, quad_class, goldstein "
        f"FROM clusters WHERE {where} ORDER BY date, cluster_id",
        params,
    ).fetchall()
    periods: dict[dt.date, DyadPeriod] = {}
    for day, s_country, s_code, t_country, t_code, quad, goldstein in rows:
        forward = _matches(a, s_country, s_code) and _matches(b, t_country, t_code)
        backward = _matches(b, s_country, s_code) and _matches(a, t_country, t_code)
        if not (forward or backward):
            continue
        start = period_start(day, by)
        entry = periods.setdefault(start, DyadPeriod(start))
        entry.counts["a_to_b" if forward else "b_to_a"].add(quad, goldstein)
        entry.counts["both"].add(quad, goldstein)
    return _fill_gaps(periods, by)


def _fill_gaps(periods: dict[dt.date, DyadPeriod], by: str) -> list[DyadPeriod]:
    if not periods:
        return []
    out, cursor, last = [], min(periods), max(periods)
    while cursor <= last:
        out.append(periods.get(cursor, DyadPeriod(cursor)))
        cursor = next_period(cursor, by)
    return out


@dataclass(frozen=True)
class ActorActivity:
    actor: str
    as_source: int
    as_target: int

    @property
    def total(self) -> int:
        return self.as_source + self.as_target


def top_actors(con: duckdb.DuckDBPyConnection, *, top: int = 20) -> list[ActorActivity]:
    """Actor codes (country + sector) by the number of clusters they appear in, as source or target."""
    ensure_cluster_tables(con)
    rows = con.execute(
        """
        WITH roles AS (
            SELECT coalesce(source_code, source_country) AS actor, 1 AS src, 0 AS tgt FROM clusters
            UNION ALL
            SELECT coalesce(target_code, target_country), 0, 1 FROM clusters)
        SELECT actor, sum(src)::INTEGER, sum(tgt)::INTEGER FROM roles WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY sum(src) + sum(tgt) DESC, actor LIMIT ?""",
        [top],
    ).fetchall()
    return [ActorActivity(*row) for row in rows]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    weight: int  # clusters
    goldstein_sum: float


def country_network(
    con: duckdb.DuckDBPyConnection, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[Edge]:
    """Directed country -> country edges weighted by the number of (asserted) clusters."""
    ensure_cluster_tables(con)
    where, params = _window(since, until)
    where = where.replace("date IS NOT NULL", "source_country IS NOT NULL AND target_country IS NOT NULL")
    rows = con.execute(
        "SELECT source_country, target_country, count(*)::INTEGER, round(coalesce(sum(goldstein), 0), 4) "
        f"FROM clusters WHERE {where} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
        params,
    ).fetchall()
    return [Edge(*row) for row in rows]


__all__ = [
    "DIRECTIONS",
    "PERIODS",
    "ActorActivity",
    "DyadCounts",
    "DyadPeriod",
    "Edge",
    "Period",
    "country_network",
    "dyad_series",
    "next_period",
    "period_start",
    "top_actors",
]

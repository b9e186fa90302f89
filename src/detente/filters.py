"""The one filter behind every reading of a store: event queries, cluster lists, counts, dyads
and exports. The defaults live here and nowhere else.

By default a reading keeps only events with status ``current`` that are not negated: what the
report says happened, as news. ``include`` adds ``background``, ``future``, ``hypothetical`` or
``denied`` events (or ``all``); a negated event counts as ``denied`` whatever its status, since it
says that something did not happen. ``min_confidence`` drops events coded with less confidence.

The other fields select what to look at, combined with AND: ``since``/``until`` (inclusive, leave
out undated events), ``source``, ``target`` and ``country`` (either side), ``plover`` and
``cameo_root``. An actor argument ("RUS", "USAGOV") matches an actor whose country or full code
equals it, or whose code starts with it.

Clusters are filtered on their representative report (``CLUSTER_COLUMNS``) and on the cluster's
own date.
"""

from __future__ import annotations

import datetime as dt
import difflib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from typing import get_args

import duckdb

from detente.errors import ConfigError
from detente.models import EventStatus
from detente.store.sql import date_bounds

log = logging.getLogger(__name__)

STATUSES: tuple[str, ...] = get_args(EventStatus)
DEFAULT_STATUS = "current"
OPTIONAL_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s != DEFAULT_STATUS)

Clauses = tuple[list[str], list[object]]


@dataclass(frozen=True)
class Columns:
    """Where a filter finds each field in the FROM clause of a query."""

    date: str
    source_country: str
    source_code: str
    target_country: str
    target_code: str
    cameo_root: str
    plover: str
    status: str
    negated: str
    confidence: str

    @classmethod
    def prefixed(cls, prefix: str, **overrides: str) -> Columns:
        names = {f.name: f"{prefix}{f.name}" for f in fields(cls)}
        return cls(**(names | overrides))

    @property
    def effective_status(self) -> str:
        """SQL for the status a filter reads: 'denied' for a negated event."""
        return (f"CASE WHEN coalesce({self.negated}, false) THEN 'denied' "
                f"ELSE coalesce({self.status}, '{DEFAULT_STATUS}') END")


EVENT_COLUMNS = Columns.prefixed("")
# ``clusters c`` joined to its representative report ``events e``.
CLUSTER_FROM = "clusters c JOIN events e ON e.event_id = c.representative_event_id"
CLUSTER_COLUMNS = Columns.prefixed("e.", date="c.date")


def as_date(value: dt.date | str, option: str) -> dt.date:
    """A date given as a date or as YYYY-MM-DD; ConfigError naming ``option`` otherwise."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise ConfigError(f"{option}: {value!r} is not a date (use YYYY-MM-DD)", code="D401") from err


def as_cameo_root(value: str | int) -> str:
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 20:
        raise ConfigError(f"cameo_root: {value!r} is not a CAMEO root code (01 to 20)", code="D402")
    return f"{int(text):02d}"


def as_statuses(include: str | Iterable[str] | None) -> frozenset[str]:
    """The statuses read: current plus those in ``include`` ("background,future", a list, "all")."""
    if include is None:
        return frozenset({DEFAULT_STATUS})
    names = include.split(",") if isinstance(include, str) else list(include)
    wanted = {name.strip().lower() for name in names if name.strip()}
    if "all" in wanted:
        return frozenset(STATUSES)
    unknown = sorted(wanted - set(STATUSES))
    if unknown:
        raise ConfigError(f"include: unknown status {', '.join(map(repr, unknown))}; use any of "
                          f"{', '.join(OPTIONAL_STATUSES)} or all", code="D405")
    return frozenset(wanted | {DEFAULT_STATUS})


def as_confidence(value: float | str | None) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError as err:
        raise ConfigError(f"min_confidence: {value!r} is not a number", code="D406") from err
    if not 0.0 <= number <= 1.0:
        raise ConfigError(f"min_confidence: {value!r} must lie between 0 and 1", code="D406")
    return number


def _code(value: str | None) -> str | None:
    code = (value or "").strip().upper()
    return code or None


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Which stored events a reading keeps. Build one from loose input with :meth:`of`."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    source: str | None = None
    target: str | None = None
    plover: str | None = None
    cameo_root: str | None = None
    min_confidence: float | None = None
    statuses: frozenset[str] = field(default_factory=lambda: frozenset({DEFAULT_STATUS}))

    @classmethod
    def of(cls, *, since: dt.date | str | None = None, until: dt.date | str | None = None,
           country: str | None = None, source: str | None = None, target: str | None = None,
           plover: str | None = None, cameo_root: str | int | None = None,
           min_confidence: float | str | None = None,
           include: str | Iterable[str] | None = None) -> EventFilter:
        """Check and normalise user input; ConfigError naming the field on a bad value.

        ``include`` adds statuses to ``current``: "background,future", a list, or "all".
        """
        return cls(since=None if since is None else as_date(since, "since"),
                   until=None if until is None else as_date(until, "until"),
                   country=_code(country), source=_code(source), target=_code(target),
                   plover=_code(plover),
                   cameo_root=None if cameo_root is None else as_cameo_root(cameo_root),
                   min_confidence=as_confidence(min_confidence), statuses=as_statuses(include))

    @property
    def scope(self) -> str:
        """What the filter counts, in words: 'current events only', 'current and future events'."""
        extra = [status for status in OPTIONAL_STATUSES if status in self.statuses]
        words = "current events only" if not extra else f"{', '.join([DEFAULT_STATUS, *extra])} events"
        if self.min_confidence is not None:
            words += f", confidence at least {self.min_confidence:g}"
        return words

    @property
    def actors(self) -> dict[str, str]:
        """The actor arguments given, by field name."""
        given = {"country": self.country, "source": self.source, "target": self.target}
        return {name: code for name, code in given.items() if code}

    def selection(self, columns: Columns = EVENT_COLUMNS) -> Clauses:
        """WHERE clauses for what to look at: dates, actors and event types."""
        clauses, params = date_bounds(columns.date, self.since, self.until)
        for role, code in (("source", self.source), ("target", self.target)):
            if code:
                clauses.append(actor_sql(columns, role))
                params += [code, code, code]
        if self.country:
            clauses.append(f"({actor_sql(columns, 'source')} OR {actor_sql(columns, 'target')})")
            params += [self.country] * 6
        for column, value in ((columns.cameo_root, self.cameo_root), (columns.plover, self.plover)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        return clauses, params

    def admission(self, columns: Columns = EVENT_COLUMNS) -> Clauses:
        """WHERE clauses for the defaults: status and confidence."""
        clauses = [f"{columns.effective_status} IN ({', '.join('?' * len(self.statuses))})"]
        params: list[object] = sorted(self.statuses)
        if self.min_confidence is not None:
            clauses.append(f"coalesce({columns.confidence}, 0) >= ?")
            params.append(self.min_confidence)
        return clauses, params

    def where(self, columns: Columns = EVENT_COLUMNS) -> Clauses:
        """Selection and admission together."""
        clauses, params = self.selection(columns)
        more, values = self.admission(columns)
        return clauses + more, params + values


DEFAULT_FILTER = EventFilter()


def actor_sql(columns: Columns, role: str) -> str:
    """Clause matching one actor argument (three parameters) against the ``role`` actor."""
    country, code = getattr(columns, f"{role}_country"), getattr(columns, f"{role}_code")
    return f"({country} = ? OR {code} = ? OR starts_with({code}, ?))"


def where_sql(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


@dataclass(frozen=True)
class Omitted:
    """How many events a reading left out, by reason ("background", "confidence below 0.5")."""

    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.reasons.values())

    def plus(self, reason: str, count: int) -> Omitted:
        if not count:
            return self
        return Omitted({**self.reasons, reason: self.reasons.get(reason, 0) + count})

    def reasons_text(self) -> str:
        """'2 background, 1 confidence below 0.5'."""
        return ", ".join(f"{count} {reason}" for reason, count in self.reasons.items())

    def describe(self) -> str:
        """'3 left out: 2 background, 1 confidence below 0.5', or 'none left out'."""
        return f"{self.total} left out: {self.reasons_text()}" if self.total else "none left out"


def omitted(con: duckdb.DuckDBPyConnection, filters: EventFilter, *, from_sql: str = "events",
            columns: Columns = EVENT_COLUMNS) -> Omitted:
    """The rows of ``from_sql`` that ``filters`` selects but does not admit, by reason.

    A row of an excluded status counts under its status; a row of an admitted status whose
    confidence is too low counts under "confidence below X".
    """
    clauses, params = filters.selection(columns)
    threshold = filters.min_confidence if filters.min_confidence is not None else 0.0
    rows = con.execute(
        f"SELECT {columns.effective_status}, coalesce({columns.confidence}, 0) >= ?, count(*) "
        f"FROM {from_sql} {where_sql(clauses)} GROUP BY 1, 2 ORDER BY 1, 2", [threshold, *params],
    ).fetchall()
    result = Omitted()
    for status in STATUSES:
        if status not in filters.statuses:
            result = result.plus(status, sum(n for s, _, n in rows if s == status))
    low = sum(n for s, confident, n in rows if s in filters.statuses and not confident)
    return result.plus(f"confidence below {threshold:g}", low)


# Actor codes ------------------------------------------------------------------------------------


def stored_actor_codes(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every country and actor code on a stored event."""
    rows = con.execute(
        "SELECT DISTINCT unnest([source_country, source_code, target_country, target_code]) FROM events"
    ).fetchall()
    return {code for (code,) in rows if code}


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """Known country codes, sector codes, and country code by normalised name, alias or demonym."""
    from detente.actors.tables import PSEUDO_COUNTRIES, SECTORS, load_tables

    tables = load_tables()
    names = {alias: code for alias, (code, _form) in tables.aliases.items()}
    names |= {c.name.lower(): code for code, c in tables.countries.items()}
    return frozenset(tables.countries) | PSEUDO_COUNTRIES, frozenset(SECTORS), names


def country_name(code: str) -> str:
    """The country's name for an ISO3 code, else the code itself."""
    from detente.actors.tables import load_tables

    country = load_tables().countries.get(code[:3])
    if country is None:
        return code
    sector = code[3:]
    return f"{country.name} ({sector})" if sector else country.name


def well_formed(code: str) -> bool:
    """A known country code followed by zero or more known three-letter sector codes."""
    countries, sectors, _ = _vocabulary()
    rest = code[3:]
    return code[:3] in countries and len(rest) % 3 == 0 and all(
        rest[i:i + 3] in sectors for i in range(0, len(rest), 3))


def close_matches(code: str, stored: Iterable[str]) -> list[str]:
    """Up to five codes like ``code``: a country named so, then stored codes, then other countries."""
    from detente.actors.tables import normalise

    countries, _, names = _vocabulary()
    key = normalise(code)
    by_name = [names[key]] if key in names else []
    near_stored = difflib.get_close_matches(code, sorted(stored), n=5, cutoff=0.6)
    near_known = difflib.get_close_matches(code, sorted(countries), n=5, cutoff=0.6)
    return list(dict.fromkeys(by_name + near_stored + near_known))[:5]


def check_actor(con: duckdb.DuckDBPyConnection, option: str, code: str) -> None:
    """ConfigError listing close matches when ``code`` is neither stored nor a well-formed code.

    A well-formed code that no stored event has is logged as a warning (the result is empty).
    """
    code = code.strip().upper()
    stored = stored_actor_codes(con)
    if any(known == code or known.startswith(code) for known in stored):
        return
    if well_formed(code):
        log.warning("%s: no stored event has actor %s (%s)", option, code, country_name(code))
        return
    matches = close_matches(code, stored)
    hint = f"close matches: {', '.join(matches)}" if matches else \
        "actor codes are an ISO3 country and sectors, e.g. RUS or RUSGOV"
    raise ConfigError(f"{option}: unknown actor code {code!r}; {hint}", code="D404")


def check_actors(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> None:
    for option, code in filters.actors.items():
        check_actor(con, option, code)


__all__ = [
    "CLUSTER_COLUMNS",
    "CLUSTER_FROM",
    "DEFAULT_FILTER",
    "DEFAULT_STATUS",
    "EVENT_COLUMNS",
    "OPTIONAL_STATUSES",
    "STATUSES",
    "Columns",
    "EventFilter",
    "Omitted",
    "actor_sql",
    "as_cameo_root",
    "as_confidence",
    "as_date",
    "as_statuses",
    "check_actor",
    "check_actors",
    "close_matches",
    "country_name",
    "omitted",
    "stored_actor_codes",
    "well_formed",
    "where_sql",
]

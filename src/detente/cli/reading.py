"""Options shared by the commands that read a store: the event filter, ``--output-format`` (with
the old ``--format`` kept as a hidden, deprecated alias), dates (``parse_date``, which coding
commands use for ``--date`` too) and opening the database. Nothing here imports the coder."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
import duckdb

from detente.errors import ConfigError, DetenteError
from detente.filters import OPTIONAL_STATUSES, EventFilter, Omitted
from detente.store import Store

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "detente.duckdb"
DATE = "YYYY-MM-DD"
FILTER_KEYS = ("since", "until", "country", "source", "target", "plover", "cameo_root", "min_confidence",
               "include")
INCLUDE_HELP = (f"Also read events of these statuses (comma-separated: {', '.join(OPTIONAL_STATUSES)}, "
                "or all); by default only current, non-negated events count.")


def parse_date(_ctx: click.Context | None, param: click.Parameter | None,
               value: str | None) -> dt.date | None:
    """Click callback: a YYYY-MM-DD date, or a usage error naming the bad value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        name = param.name if param else "date"
        raise click.BadParameter(f"{value!r} is not a valid date (YYYY-MM-DD): {err}",
                                 param_hint=name) from err


def db_option(help_text: str = "DuckDB database written by `detente ingest`.") -> Callable[[F], F]:
    return click.option("--db", "db_path", default=DEFAULT_DB, show_default=True, metavar="FILE",
                        help=help_text)


def _filter_options(func: F) -> F:
    options = [
        click.option("--since", callback=parse_date, metavar=DATE, help="First event date (inclusive)."),
        click.option("--until", callback=parse_date, metavar=DATE, help="Last event date (inclusive)."),
        click.option("--country", metavar="CODE", help="Either actor's country or code (RUS, USAGOV)."),
        click.option("--source", metavar="CODE", help="Source country (RUS) or actor code (RUSGOV)."),
        click.option("--target", metavar="CODE", help="Target country (USA) or actor code (USAGOV)."),
        click.option("--plover", metavar="TYPE", help="PLOVER event type, e.g. SANCTION."),
        click.option("--cameo-root", metavar="NN", help="CAMEO root code, 01 to 20."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="X",
                     help="Leave out events coded with confidence below X (0 to 1)."),
        click.option("--include", multiple=True, metavar="STATUSES", help=INCLUDE_HELP),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def filter_options(func: F) -> F:
    """Add the filter options; the command receives one ``filters: EventFilter`` instead."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {key: kwargs.pop(key) for key in FILTER_KEYS}
        values["include"] = ",".join(values["include"]) or None
        try:
            kwargs["filters"] = EventFilter.of(**values)
        except ConfigError as err:
            raise click.UsageError(str(err)) from err
        return func(*args, **kwargs)

    return _filter_options(wrapper)  # type: ignore[return-value]


def output_format_option(choices: tuple[str, ...], default: str, *, legacy_alias: bool = False,
                         help_text: str = "Output format.") -> Callable[[F], F]:
    """``--output-format`` (the command receives ``fmt``); ``legacy_alias`` keeps a hidden
    ``--format`` that still works but says it is deprecated."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            legacy = kwargs.pop("legacy_fmt", None)
            if kwargs["fmt"] is None:
                if legacy is not None:
                    click.echo("--format is deprecated; use --output-format", err=True)
                kwargs["fmt"] = legacy or default
            return func(*args, **kwargs)

        command: Any = click.option("--output-format", "fmt", type=click.Choice(choices), default=None,
                                    help=f"{help_text} [default: {default}]")(wrapper)
        if legacy_alias:
            command = click.option("--format", "legacy_fmt", type=click.Choice(choices), hidden=True)(command)
        return command  # type: ignore[no-any-return]

    return decorate


@contextmanager
def open_db(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open an existing database for reading only (it is never changed: ``detente ingest`` keeps
    its clusters up to date); errors as ClickExceptions."""
    try:
        store = Store(path, read_only=True)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    try:
        _warn_unclustered(store.connection, path)
        yield store.connection
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    finally:
        store.close()


def _warn_unclustered(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """A database whose last ingest was stopped before clustering says so (the next ingest fixes it)."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "cluster_members" not in tables:
        missing = con.execute("SELECT count(*) FROM events").fetchone()
    else:
        missing = con.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                              "(SELECT 1 FROM cluster_members m WHERE m.event_id = e.event_id)").fetchone()
    if missing and missing[0]:
        click.echo(f"warning: {missing[0]} event(s) in {path} are not clustered yet (an ingest is running "
                   "or was stopped); the next `detente ingest` into it clusters them", err=True)


def report_omitted(left_out: Omitted, what: str = "events") -> None:
    """One stderr line saying what the filter left out, when it left out anything."""
    if left_out.total:
        click.echo(f"{left_out.total} {what} left out ({left_out.reasons_text()}); "
                   "--include and --min-confidence change this", err=True)


__all__ = ["DEFAULT_DB", "db_option", "filter_options", "open_db", "output_format_option", "parse_date",
           "report_omitted"]

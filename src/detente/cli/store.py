"""`detente events`: print stored events."""

from __future__ import annotations

import logging
import sys

import click

from detente.cli import main
from detente.cli.output import write_events
from detente.cli.reading import filter_options, output_format_option, report_omitted
from detente.errors import ConfigError, DetenteError
from detente.filters import EventFilter
from detente.query import omitted_events, query_events
from detente.store import Store

log = logging.getLogger(__name__)

DEFAULT_DB = "detente.duckdb"


@main.command("events")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file written by ingest.")
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@output_format_option(("table", "jsonl", "csv"), "table")
def events_command(db: str, filters: EventFilter, limit: int | None, fmt: str) -> None:
    """Print the stored event reports that match every filter given (current events by default).

    Example: detente events --db events.duckdb --source RUS --cameo-root 16 --output-format csv
    """
    try:
        with Store(db, read_only=True) as store:
            events = query_events(store.connection, filters=filters, limit=limit)
            left_out = omitted_events(store.connection, filters=filters)
    except ConfigError as err:
        raise click.UsageError(str(err)) from err
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    write_events(events, fmt, sys.stdout)
    report_omitted(left_out)


__all__ = ["DEFAULT_DB", "events_command"]

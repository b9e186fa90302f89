"""Commands over de-duplicated events: `clusters`, `dyad`, `counts`, `actors`, `network` and
`export`. Each takes the filters of detente.filters (see cli.reading)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import click

from detente.cli import main
from detente.cli.reading import db_option, filter_options, open_db, output_format_option, report_omitted
from detente.cli.table import render_dicts
from detente.export import EXPORT_FORMATS, export_clusters
from detente.export.graphs import CHART_FORMATS, NETWORK_FORMATS, DyadChart, plot_dyad, write_network
from detente.filters import EventFilter
from detente.query import omitted_clusters, query_clusters
from detente.relations import COUNT_GROUPS, PERIODS, count_events, country_network, dyad_series, top_actors

CLUSTER_TABLE_COLUMNS = (
    "cluster_id",
    "date",
    "source",
    "target",
    "cameo",
    "plover",
    "mentions",
    "articles",
    "sources",
)
DYAD_TABLE_COLUMNS = (
    "period",
    "a_to_b_total",
    "b_to_a_total",
    "both_q1",
    "both_q2",
    "both_q3",
    "both_q4",
    "both_goldstein_sum",
    "both_goldstein_mean",
    "both_net_cooperation",
    "empty",
)
COUNT_TABLE_COLUMNS = ("period", "events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean", "empty")


def _code(actor: dict[str, object] | None) -> str:
    if actor is None:
        return ""
    return str(actor.get("code") or actor.get("name") or actor.get("text") or "")


@main.command()
@db_option()
@filter_options
@output_format_option(("table", "jsonl"), "table")
def clusters(db_path: str, filters: EventFilter, fmt: str) -> None:
    """List real-world events (clusters of reports), one per line.

    Example: detente clusters --db news.duckdb --country RUS --output-format jsonl
    """
    with open_db(db_path) as con:
        records = query_clusters(con, filters=filters)
        left_out = omitted_clusters(con, filters=filters)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
    else:
        rows = [
            {
                "cluster_id": r.cluster_id,
                "date": r.date,
                "source": _code(r.source),
                "target": _code(r.target),
                "cameo": r.cameo,
                "plover": r.plover or "",
                "mentions": r.num_mentions,
                "articles": r.num_articles,
                "sources": r.num_sources,
            }
            for r in records
        ]
        click.echo(render_dicts(rows, CLUSTER_TABLE_COLUMNS), nl=False)
    report_omitted(left_out)


@main.command()
@click.argument("actor_a")
@click.argument("actor_b")
@db_option()
@click.option("--by", type=click.Choice(PERIODS), default="week", show_default=True, help="Period length.")
@filter_options
@output_format_option(("table", "csv", "json", *CHART_FORMATS), "table",
                      help_text="Output format (png, svg and pdf need --output).")
@click.option("--output", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def dyad(actor_a: str, actor_b: str, db_path: str, by: str, filters: EventFilter, fmt: str,
         output: str | None) -> None:
    """Relations between two actors over time, counted on clusters.

    Per period: clusters by quad class for A->B, B->A and both, Goldstein sum and mean, and net
    cooperation = (verbal + material cooperation) - (verbal + material conflict). Periods with no
    events are present and marked empty; the chart leaves them as gaps.

    Example: detente dyad RUS USA --db news.duckdb --by month --output-format png --output dyad.png
    """
    if fmt in CHART_FORMATS and not output:
        raise click.UsageError(f"--output-format {fmt} needs --output FILE.{fmt}")
    with open_db(db_path) as con:
        periods = dyad_series(con, actor_a, actor_b, by=by, filters=filters)
    if fmt in CHART_FORMATS:
        chart = DyadChart.for_dyad(actor_a, actor_b, by=by, database=db_path, filters=filters)
        plot_dyad(periods, output or "", chart=chart, fmt=fmt)
        click.echo(f"wrote {output}", err=True)
        return
    with _output_stream(output) as stream:
        _write_rows([p.to_row() for p in periods], fmt, stream, DYAD_TABLE_COLUMNS)


@main.command()
@db_option()
@click.option("--by", type=click.Choice(COUNT_GROUPS), default="country", show_default=True,
              help="Count per country (as source or target) or per directed country dyad.")
@click.option("--period", type=click.Choice(PERIODS), default="month", show_default=True,
              help="Period length.")
@filter_options
@output_format_option(("table", "csv", "json"), "table")
@click.option("--output", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def counts(db_path: str, by: str, period: str, filters: EventFilter, fmt: str, output: str | None) -> None:
    """Events (clusters), quad classes and Goldstein per country or dyad and period.

    Every country or dyad gets every period of the span; periods with no events are present,
    with zero counts, an empty Goldstein mean and empty = true.

    Example: detente counts --db news.duckdb --by dyad --period year --output-format csv
    """
    with open_db(db_path) as con:
        rows = count_events(con, by=by, period=period, filters=filters)
    groups = ("country",) if by == "country" else ("source", "target")
    with _output_stream(output) as stream:
        _write_rows(rows, fmt, stream, (*groups, *COUNT_TABLE_COLUMNS))


@contextmanager
def _output_stream(output: str | None) -> Iterator[TextIO]:
    if output is None:
        yield sys.stdout
        return
    try:
        stream = open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as err:
        raise click.ClickException(f"[D131] cannot write {output}: {err.strerror}") from err
    with stream:
        yield stream


def _write_rows(
    rows: list[dict[str, object]], fmt: str, stream: TextIO, table_columns: tuple[str, ...]
) -> None:
    if fmt == "json":
        stream.write(json.dumps(rows, indent=2) + "\n")
    elif fmt == "csv":
        columns = list(rows[0]) if rows else list(table_columns)
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if row[c] is None else row[c] for c in columns] for row in rows])
    else:
        stream.write(render_dicts(rows, table_columns))


@main.command()
@db_option()
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1), help="How many actors.")
@filter_options
@output_format_option(("table", "csv", "json"), "table")
def actors(db_path: str, top: int, filters: EventFilter, fmt: str) -> None:
    """Most active actors (country + sector code) by clusters as source or target.

    Example: detente actors --db news.duckdb --top 10 --since 2021-03-01
    """
    with open_db(db_path) as con:
        ranked = top_actors(con, top=top, filters=filters)
    rows = [
        {"actor": a.actor, "as_source": a.as_source, "as_target": a.as_target, "total": a.total}
        for a in ranked
    ]
    _write_rows(rows, fmt, sys.stdout, ("actor", "as_source", "as_target", "total"))


@main.command()
@db_option()
@filter_options
@output_format_option(NETWORK_FORMATS, "csv", legacy_alias=True,
                      help_text="Edge list as CSV, JSON (nodes + edges) or GraphML.")
def network(db_path: str, filters: EventFilter, fmt: str) -> None:
    """Country -> country network, edges weighted by clusters.

    Example: detente network --db news.duckdb --output-format graphml > countries.graphml
    """
    with open_db(db_path) as con:
        edges = country_network(con, filters=filters)
    write_network(edges, fmt, sys.stdout)


@main.command(name="export")
@db_option()
@output_format_option(EXPORT_FORMATS, "csv", legacy_alias=True, help_text=(
    "gdelt (GDELT 2.0 event table), plover (JSON Lines), polecat and icews (tab-separated), csv, "
    "parquet (needs --output FOLDER)."))
@click.option("--no-header", "no_header", is_flag=True,
              help="gdelt, polecat, icews: no header row (GDELT's own files have none).")
@filter_options
@click.option("--output", "output", type=click.Path(), help="File (folder for parquet); default stdout.")
def export_command(db_path: str, fmt: str, no_header: bool, filters: EventFilter, output: str | None) -> None:
    """Export de-duplicated events, one row per cluster, current events only by default.

    With --output, a text export gets a schema file beside it (FILE.schema.json) with each
    column's type; detente.export.read_export(FILE) loads it into pandas with those types.
    What was left out, and why, is reported on stderr.

    Example: detente export --db news.duckdb --output-format gdelt --since 2021-03-01 --output ev.tsv
    """
    if fmt == "parquet" and not output:
        raise click.UsageError("--output-format parquet needs --output FOLDER")
    with open_db(db_path) as con:
        summary = export_clusters(con, fmt, output or sys.stdout, filters=filters, header=not no_header)
    where = f" to {output}" if output else ""
    click.echo(f"exported {summary.written} events{where}; {summary.omitted.describe()}", err=True)

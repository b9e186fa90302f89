"""Commands over de-duplicated events: `clusters`, `dyad`, `actors`, `network` and `export`."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click
import duckdb

from detente.cli import main
from detente.cli.options import parse_date
from detente.dedup import load_clusters, update_clusters
from detente.errors import DetenteError
from detente.export import EXPORT_FORMATS, export_clusters
from detente.export.graphs import NETWORK_FORMATS, plot_dyad, write_network
from detente.export.tabular import format_table
from detente.relations import PERIODS, country_network, dyad_series, top_actors
from detente.store import connect

DEFAULT_DB = "detente.duckdb"
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
)


def db_option() -> click.Option:
    return click.option(
        "--db",
        "db_path",
        default=DEFAULT_DB,
        show_default=True,
        metavar="FILE",
        help="DuckDB database written by `detente ingest`.",
    )


def since_until(func: click.decorators.FC) -> click.decorators.FC:
    func = click.option(
        "--until", callback=parse_date, metavar="YYYY-MM-DD", help="Last event date (inclusive)."
    )(func)
    return click.option(
        "--since", callback=parse_date, metavar="YYYY-MM-DD", help="First event date (inclusive)."
    )(func)


@contextmanager
def open_db(path: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open an existing database and bring its clusters up to date."""
    if not Path(path).is_file():
        raise click.ClickException(f"[D306] database {path} does not exist (create it with `detente ingest`)")
    try:
        con = connect(path)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    try:
        update_clusters(con)
        yield con
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    finally:
        con.close()


def _code(actor: dict[str, object] | None) -> str:
    if actor is None:
        return ""
    return str(actor.get("code") or actor.get("name") or actor.get("text") or "")


@main.command()
@db_option()
@click.option(
    "--output-format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def clusters(db_path: str, fmt: str) -> None:
    """List real-world events (clusters of reports), one per line.

    Example: detente clusters --db news.duckdb --output-format jsonl
    """
    with open_db(db_path) as con:
        records = load_clusters(con)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        return
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
    click.echo(format_table(rows, CLUSTER_TABLE_COLUMNS), nl=False)


@main.command()
@click.argument("actor_a")
@click.argument("actor_b")
@db_option()
@click.option("--by", type=click.Choice(PERIODS), default="week", show_default=True, help="Period length.")
@since_until
@click.option(
    "--output-format",
    "fmt",
    type=click.Choice(["table", "csv", "json", "png"]),
    default="table",
    show_default=True,
    help="Output format (png needs --output).",
)
@click.option("--output", "output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")
def dyad(
    actor_a: str,
    actor_b: str,
    db_path: str,
    by: str,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
) -> None:
    """Relations between two actors over time, counted on clusters.

    Per period: clusters by quad class for A->B, B->A and both, Goldstein sum and mean, and net
    cooperation = (verbal + material cooperation) - (verbal + material conflict).

    Example: detente dyad RUS USA --db news.duckdb --by month --output-format png --output dyad.png
    """
    if fmt == "png" and not output:
        raise click.UsageError("--output-format png needs --output FILE.png")
    with open_db(db_path) as con:
        periods = dyad_series(con, actor_a, actor_b, by=by, since=since, until=until)
    if fmt == "png":
        plot_dyad(periods, output or "", actor_a=actor_a.upper(), actor_b=actor_b.upper())
        click.echo(f"wrote {output}", err=True)
        return
    rows = [p.to_row() for p in periods]
    with _output_stream(output) as stream:
        _write_rows(rows, fmt, stream, DYAD_TABLE_COLUMNS)


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
        stream.write(format_table(rows, table_columns))


@main.command()
@db_option()
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1), help="How many actors.")
@click.option(
    "--output-format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
def actors(db_path: str, top: int, fmt: str) -> None:
    """Most active actors (country + sector code) by clusters as source or target.

    Example: detente actors --db news.duckdb --top 10
    """
    with open_db(db_path) as con:
        ranked = top_actors(con, top=top)
    rows = [
        {"actor": a.actor, "as_source": a.as_source, "as_target": a.as_target, "total": a.total}
        for a in ranked
    ]
    _write_rows(rows, fmt, sys.stdout, ("actor", "as_source", "as_target", "total"))


@main.command()
@db_option()
@since_until
@click.option(
    "--format",
    "fmt",
    type=click.Choice(NETWORK_FORMATS),
    default="csv",
    show_default=True,
    help="Edge list as CSV, JSON (nodes + edges) or GraphML.",
)
def network(db_path: str, since: dt.date | None, until: dt.date | None, fmt: str) -> None:
    """Country -> country network, edges weighted by clusters.

    Example: detente network --db news.duckdb --format graphml > countries.graphml
    """
    with open_db(db_path) as con:
        edges = country_network(con, since=since, until=until)
    write_network(edges, fmt, sys.stdout)


@main.command(name="export")
@db_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="gdelt (GDELT 2.0 event rows), plover (JSON Lines), csv, parquet (needs --output).",
)
@since_until
@click.option("--output", "output", type=click.Path(), help="File (folder for parquet); default stdout.")
def export_command(
    db_path: str, fmt: str, since: dt.date | None, until: dt.date | None, output: str | None
) -> None:
    """Export de-duplicated events, one row per cluster.

    Example: detente export --db news.duckdb --format gdelt --since 2021-03-01 > events.tsv
    """
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FOLDER")
    with open_db(db_path) as con:
        try:
            if fmt == "parquet":
                count = export_clusters(con, fmt, folder=output, since=since, until=until)
            else:
                with _output_stream(output) as stream:
                    count = export_clusters(con, fmt, stream=stream, since=since, until=until)
        except DetenteError as err:
            raise click.ClickException(str(err)) from err
    if output:
        click.echo(f"exported {count} events to {output}", err=True)

"""`detente stories`: documents that report the same story, with or without coded events."""

from __future__ import annotations

import datetime as dt
import json

import click

from detente.cli import main
from detente.cli.reading import DATE, db_option, open_db, output_format_option, parse_date
from detente.cli.table import render_dicts
from detente.dedup import load_stories

STORY_TABLE_COLUMNS = ("story_id", "first_date", "last_date", "documents", "sources", "events", "title")
TITLE_WIDTH = 60


def _shorten(text: str) -> str:
    return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"


@main.command()
@db_option()
@click.option("--since", callback=parse_date, metavar=DATE, help="Stories published on or after this day.")
@click.option("--until", callback=parse_date, metavar=DATE, help="Stories published on or before this day.")
@click.option("--min-documents", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only stories reported by at least this many documents.")
@output_format_option(("table", "jsonl"), "table",
                      help_text="Output format (jsonl: each story with its documents, outlets, clusters).")
def stories(db_path: str, since: dt.date | None, until: dt.date | None, min_documents: int, fmt: str) -> None:
    """List stories: documents that report the same story, with or without coded events.

    A story is kept when its publication dates overlap --since/--until.

    Example: detente stories --db news.duckdb --min-documents 2 --output-format jsonl
    """
    with open_db(db_path) as con:
        records = load_stories(con, since=since, until=until, min_documents=min_documents)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record.to_dict(), ensure_ascii=False))
        return
    rows = [
        {
            "story_id": r.story_id,
            "first_date": r.first_date,
            "last_date": r.last_date,
            "documents": r.num_documents,
            "sources": r.num_sources,
            "events": r.num_events,
            "title": _shorten(r.title or ""),
        }
        for r in records
    ]
    click.echo(render_dicts(rows, STORY_TABLE_COLUMNS), nl=False)

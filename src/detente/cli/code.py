"""`detente code`: code documents into events and print them."""

from __future__ import annotations

import datetime as dt
import sys

import click

from detente.cli import main
from detente.cli.options import (
    date_option,
    fail_if_nothing,
    format_option,
    limits_option,
    model_option,
    read_inputs,
    table_options,
)
from detente.cli.output import write_events
from detente.cli.progress import progress
from detente.errors import DetenteError
from detente.ingest import TableColumns
from detente.ingest.limits import Limits
from detente.models import Rejected
from detente.pipeline import code_items


@main.command("code")
@click.argument("path")
@date_option()
@format_option(("jsonl", "table", "csv"), "jsonl")
@model_option()
@limits_option()
@table_options
def code_command(path: str, date_value: dt.date | None, fmt: str, model: str, limits: Limits,
                 columns: TableColumns) -> None:
    """Code the news articles at PATH (a file, a folder, a CSV, TSV or Parquet table of articles,
    or - for standard input) into events.

    Example: detente code article.txt --date 2021-03-21 --output-format table
    """
    documents, rejected = read_inputs(path, date_value, columns, limits)
    fail_if_nothing(documents, rejected)
    events: list[dict[str, object]] = []
    skipped = len(rejected)
    try:
        coded = code_items(documents, model=model, limits=limits)
        for item in progress(coded, length=len(documents), label="coding"):
            if isinstance(item, Rejected):
                rejected.append(item)
                click.echo(f"skipped: {item.message()}", err=True)
                continue
            batch = [event.to_dict() for event in item.events]
            if fmt == "jsonl":
                write_events(batch, fmt, sys.stdout)
            else:
                events.extend(batch)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if fmt != "jsonl":
        write_events(events, fmt, sys.stdout)
    if rejected:
        coded_count = len(documents) - (len(rejected) - skipped)
        click.echo(f"{coded_count} document(s) coded, {len(rejected)} skipped", err=True)

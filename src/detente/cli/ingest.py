"""`detente ingest`: read, code and store articles, then say what was done and what was skipped."""

from __future__ import annotations

import datetime as dt
import json
from typing import TextIO

import click

from detente import ingestion
from detente.cli import main
from detente.cli.options import Inputs, date_option, limits_option, model_option, table_options
from detente.cli.progress import progress
from detente.errors import DetenteError
from detente.ingest import TableColumns
from detente.ingest.limits import Limits
from detente.models import Rejected

DEFAULT_DB = "detente.duckdb"


def _skipper(rejects: TextIO | None) -> ingestion.Skip:
    """Each skipped input on stderr, and as a JSON line in ``rejects`` when given."""
    def skip(rejected: Rejected) -> None:
        click.echo(f"skipped: {rejected.message()}", err=True)
        if rejects is not None:
            record = {"input": rejected.input, "code": rejected.code, "reason": rejected.detail}
            rejects.write(json.dumps(record, ensure_ascii=False) + "\n")
    return skip


@main.command("ingest")
@click.argument("path")
@date_option()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into.")
@model_option()
@click.option("--rejects", type=click.File("w", encoding="utf-8", lazy=False), metavar="FILE",
              help="Write every skipped input as a JSON line: input, code, reason.")
@limits_option()
@table_options
def ingest_command(path: str, date_value: dt.date | None, db: str, model: str, rejects: TextIO | None,
                   limits: Limits, columns: TableColumns) -> None:
    """Read, code and store the articles at PATH (a file, a folder, a CSV, TSV or Parquet table of
    articles, or - for standard input), then print what was read, coded, aliased and skipped.

    A document stored before with the same id, text and metadata is not coded again; one whose
    text or metadata (title, date, source, url) changed is coded again and replaces its earlier
    version; the text of a stored document under another id is stored as an alias of it (a
    second report). Readers may query the database while this runs.

    Example: detente ingest articles/ --date 2024-03-01 --db events.duckdb --rejects skipped.jsonl
    """
    inputs = Inputs(path, date_value, columns, limits, echo=False)
    try:
        items = progress(inputs, length=None, label="ingesting", unit="inputs")  # read as batches are coded
        report = ingestion.ingest_items(items, db=db, model=model, limits=limits, on_skip=_skipper(rejects))
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    inputs.warn_undated()
    click.echo(report.summary(), err=True)
    if not inputs.documents:
        reason = f"all {inputs.rejected} input(s) were rejected" if inputs.rejected else "no documents found"
        raise click.ClickException(f"nothing to process: {reason}")
    if report.failed and not (report.coded + report.unchanged + report.aliased):
        raise click.ClickException(f"nothing stored in {db}: every document failed to be written")


__all__ = ["DEFAULT_DB", "ingest_command"]

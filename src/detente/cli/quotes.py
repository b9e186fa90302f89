"""`detente quotes`: the quotations in documents and who said them, one record per quote."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

import click

from detente import pipeline
from detente.actors import ActorResolver
from detente.cli import main
from detente.cli.options import (
    date_option,
    fail_if_nothing,
    format_option,
    model_option,
    read_inputs,
    table_options,
)
from detente.cli.table import render_table
from detente.errors import DetenteError
from detente.ingest import TableColumns
from detente.models import Document, Quote
from detente.query import query_quotes
from detente.quotes import extract_quotes
from detente.store import Store

TABLE_COLUMNS = (("speaker", 14), ("name", 22), ("kind", 8), ("verb", 14), ("quote", 70))


def quotes_of(documents: list[Document], model: str) -> Iterator[Quote]:
    """Quotes from the pipeline when it extracts them, else from a parse of our own."""
    if hasattr(pipeline, "extract_quotes"):  # the pipeline imports extract_quotes once it is wired
        for coded in pipeline.code_documents(documents, model=model):
            yield from coded.quotes
        return
    resolver = ActorResolver.default()
    nlp = pipeline.load_nlp(model)
    pairs: Iterable[tuple[str, Document]] = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=pipeline.BATCH_SIZE):
        yield from extract_quotes(doc, document, resolver=resolver, memory=resolver.new_memory())


def _table_row(record: dict[str, Any]) -> list[str]:
    speaker = record["speaker"] or {}
    code = speaker.get("code") or (f"?{speaker['text']}" if speaker else "-")
    return [code, speaker.get("name") or "-", record["kind"], record["verb"] or "-",
            " ".join(record["text"].split())]


def stored_quotes(db: str, *, speaker: str | None, doc_id: str | None) -> list[dict[str, Any]]:
    """Quotes kept in a store written by `detente ingest`, as Quote.to_dict() dicts."""
    with Store(db, read_only=True) as store:
        return query_quotes(store.connection, doc_id=doc_id, speaker=speaker)


def coded_quotes(path: str, date_value: dt.date | None, model: str,
                 columns: TableColumns | None = None) -> list[dict[str, Any]]:
    """Quotes of the articles at ``path``, coded now."""
    documents, rejected = read_inputs(path, date_value, columns)
    fail_if_nothing(documents, rejected)
    return [quote.to_dict() for quote in quotes_of(documents, model)]


def check_sources(path: str | None, db: str | None, *, store_only: dict[str, object],
                  path_only: dict[str, object]) -> None:
    """Exactly one of PATH and --db, and no option that only applies to the other one."""
    if (path is None) == (db is None):
        raise click.UsageError("give either PATH (articles to read) or --db FILE (a store written by "
                               "`detente ingest`), not both and not neither")
    misplaced, needs = (store_only, "--db") if db is None else (path_only, "PATH")
    used = [option for option, value in misplaced.items() if value is not None]
    if used:
        raise click.UsageError(f"{', '.join(used)} only applies with {needs}")


def write_quotes(records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    click.echo(render_table(TABLE_COLUMNS, [_table_row(r) for r in records]), nl=False)
    click.echo(f"{len(records)} quote(s)")


@main.command("quotes")
@click.argument("path", required=False)
@click.option("--db", metavar="FILE",
              help="List the quotes stored in this DuckDB file (written by `detente ingest`).")
@click.option("--speaker", help="With --db: speaker country (RUS), actor code (RUSGOV) or name.")
@click.option("--doc-id", help="With --db: only the quotes of this document.")
@date_option()
@format_option(("jsonl", "table"), "jsonl")
@model_option()
@table_options
def quotes_command(path: str | None, db: str | None, speaker: str | None, doc_id: str | None,
                   date_value: dt.date | None, fmt: str, model: str, columns: TableColumns) -> None:
    """List quotations with their speakers: from the articles at PATH (file, folder or -), or
    from a store with --db.

    \b
    Examples:
      detente quotes article.txt --date 2021-03-21 --output-format table
      detente quotes --db events.duckdb --speaker RUS --output-format table
    """
    check_sources(path, db, store_only={"--speaker": speaker, "--doc-id": doc_id},
                  path_only={"--date": date_value})
    try:
        if db is not None:
            records = stored_quotes(db, speaker=speaker, doc_id=doc_id)
        else:
            records = coded_quotes(str(path), date_value, model, columns)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    write_quotes(records, fmt)

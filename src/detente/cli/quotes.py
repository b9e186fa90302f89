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
from detente.cli.options import date_option, fail_if_nothing, format_option, model_option, read_inputs
from detente.cli.output import format_table
from detente.errors import DetenteError
from detente.models import Document, Quote
from detente.quotes import extract_quotes

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


@main.command("quotes")
@click.argument("path")
@date_option()
@format_option(("jsonl", "table"), "jsonl")
@model_option()
def quotes_command(path: str, date_value: dt.date | None, fmt: str, model: str) -> None:
    """List the quotations in the articles at PATH (file, folder or -) with their speakers.

    Example: detente quotes article.txt --date 2021-03-21 --output-format table
    """
    documents, rejected = read_inputs(path, date_value)
    fail_if_nothing(documents, rejected)
    try:
        records = [quote.to_dict() for quote in quotes_of(documents, model)]
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(format_table([_table_row(r) for r in records], TABLE_COLUMNS))
        click.echo(f"{len(records)} quote(s)")

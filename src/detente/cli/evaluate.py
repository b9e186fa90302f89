"""`detente eval`: score the coder against a gold file of sentences or of whole articles."""

from __future__ import annotations

import json

import click

from detente.cli import main
from detente.errors import DetenteError


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False), required=False)
@click.option("--documents", "documents", type=click.Path(dir_okay=False), default=None,
              help="Score whole articles from a document gold file (docs/document_eval.md) instead.")
@click.option(
    "--scheme",
    type=click.Choice(["plover", "cameo"]),
    default=None,
    help="Event scheme of the gold file (inferred when absent).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List each miss with gold and our coding.")
@click.option("--output-format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--model", type=click.Choice(["md", "sm"]), default="md", help="spaCy model size.")
def evaluate(gold: str | None, documents: str | None, scheme: str | None, show_errors: bool, fmt: str,
             model: str) -> None:
    """Code each gold sentence and print precision, recall and F1 per event type; with
    --documents, code each article and print document-level recall and precision.

    Example: detente eval tests/data/gold/plover_gsr_dev.jsonl --errors

    Example: detente eval --documents tests/data/documents/articles.jsonl --errors
    """
    if (gold is None) == (documents is None):
        raise click.UsageError("give either a sentence gold file or --documents FILE")
    if documents is not None:
        _evaluate_documents(documents, show_errors=show_errors, fmt=fmt, model=model)
        return
    from detente.evaluation import evaluate_file
    from detente.evaluation.report import errors_as_dicts, format_errors, format_table

    try:
        chosen, scores, results = evaluate_file(gold, scheme=scheme, model=model)  # type: ignore[arg-type]
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        payload: dict[str, object] = {"gold": gold, "scheme": chosen, "model": model, **scores.to_dict()}
        if show_errors:
            payload["errors"] = errors_as_dicts(results)
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
        return
    click.echo(format_table(scores, scheme=chosen))
    if show_errors:
        click.echo("\n" + format_errors(results))


def _evaluate_documents(path: str, *, show_errors: bool, fmt: str, model: str) -> None:
    from detente.evaluation import evaluate_documents
    from detente.evaluation.report import (
        document_errors_as_dicts,
        format_document_errors,
        format_document_table,
    )

    try:
        scores, results = evaluate_documents(path, model=model)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        payload: dict[str, object] = {"documents": path, "model": model, **scores.to_dict()}
        if show_errors:
            payload["errors"] = document_errors_as_dicts(results)
        click.echo(json.dumps(payload, indent=2, sort_keys=True))
        return
    click.echo(format_document_table(scores))
    if show_errors:
        click.echo("\n" + format_document_errors(results))

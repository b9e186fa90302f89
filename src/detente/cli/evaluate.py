"""`detente eval`: score the coder against a gold file."""

from __future__ import annotations

import json

import click

from detente.cli import main
from detente.errors import DetenteError


@main.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option(
    "--scheme",
    type=click.Choice(["plover", "cameo"]),
    default=None,
    help="Event scheme of the gold file (inferred when absent).",
)
@click.option("--errors", "show_errors", is_flag=True, help="List each miss with gold and our coding.")
@click.option("--output-format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--model", type=click.Choice(["md", "sm"]), default="md", help="spaCy model size.")
def evaluate(gold: str, scheme: str | None, show_errors: bool, fmt: str, model: str) -> None:
    """Code each gold sentence and print precision, recall and F1 per event type.

    Example: detente eval ../shared/data/gold/plover_gsr_dev.jsonl --errors
    """
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

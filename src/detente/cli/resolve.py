"""`detente resolve`: resolve a noun phrase (or a JSONL file of them) to an actor code, and show
which knowledge-base entry matched: its table, key, name and source, and for a person the role the
date selected, with its dates (`match`; null when no entry matched, as for agent nouns alone).

Examples:
    detente resolve "Antonov" --context "Russian Ambassador Anatoly Antonov said" --date 2021-03-18
    detente resolve phrases.jsonl        # lines {"id", "text", "context", "date"}
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from detente.actors import ActorResolver
from detente.cli import main
from detente.errors import DetenteError

FORMATS = ("json", "jsonl")


def _parse_date(text: str | None, where: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise click.ClickException(f"{where}: bad date {text!r} (use YYYY-MM-DD)") from err


def _record(resolver: ActorResolver, item: dict[str, Any], on: dt.date | None) -> dict[str, Any]:
    actor, match = resolver.explain_text(item["text"], context=item.get("context"), on=on)
    return {"id": item.get("id"), "text": item["text"], "name": actor.name, "country": actor.country,
            "sector": actor.sector, "code": actor.code, "match": match.to_dict() if match else None}


def _read_items(path: Path) -> list[tuple[dict[str, Any], str]]:
    """(item, "file:line") for every non-blank line; a bad line stops with its line number."""
    items = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                raise click.ClickException(f"{where}: not valid JSON ({err.msg})") from err
            if not isinstance(item, dict) or not isinstance(item.get("text"), str) or not item["text"]:
                raise click.ClickException(f"{where}: expected an object with a non-empty \"text\"")
            items.append((item, where))
    return items


def _emit(records: list[dict[str, Any]], fmt: str, single: bool) -> None:
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        click.echo(json.dumps(records[0] if single else records, ensure_ascii=False, indent=2))


@main.command("resolve")
@click.argument("source")
@click.option("--context", help="A sentence containing TEXT, to help the parse.")
@click.option("--date", "date_text", help="Date the text refers to (YYYY-MM-DD); picks leaders' terms.")
@click.option("--model", type=click.Choice(["md", "sm"]), default="md", show_default=True)
@click.option("--output-format", "fmt", type=click.Choice(FORMATS), default=None,
              help="json (default for TEXT) or jsonl (default for a .jsonl FILE).")
def resolve_command(source: str, context: str | None, date_text: str | None, model: str,
                    fmt: str | None) -> None:
    """Resolve TEXT (or each line of FILE.jsonl) to {id, text, name, country, sector, code, match}."""
    resolver = ActorResolver(ActorResolver.default().tables, model=model)
    path = Path(source)
    try:
        if source.endswith(".jsonl") and path.is_file():
            records = [_record(resolver, item, _parse_date(item.get("date"), where))
                       for item, where in _read_items(path)]
            _emit(records, fmt or "jsonl", single=False)
        else:
            record = _record(resolver, {"id": None, "text": source, "context": context},
                             _parse_date(date_text, "--date"))
            _emit([record], fmt or "json", single=True)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err

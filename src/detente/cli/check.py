"""`detente check`: verify a database's integrity (and upgrade an older one in place)."""

from __future__ import annotations

import dataclasses
import json

import click

from detente.cli import main
from detente.errors import DetenteError
from detente.store import Store
from detente.store.check import check_store, store_summary
from detente.store.schema import SCHEMA_VERSION, stored_schema_version

DEFAULT_DB = "detente.duckdb"


@main.command("check")
@click.option("--db", default=DEFAULT_DB, show_default=True, metavar="FILE", help="DuckDB file to check.")
@click.option("--upgrade", is_flag=True, help="Upgrade a database of an older schema version in place first.")
@click.option("--output-format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: one line, problems on stderr; json: one object with ok, checked and problems.")
def check_command(db: str, upgrade: bool, fmt: str) -> None:
    """Check that every event has its document and sentence, every alias its document, and every
    cluster's counts match its members; exit 1 listing the problems when something does not.

    Example: detente check --db events.duckdb
    """
    try:
        if upgrade:
            _upgrade(db)
        with Store(db, read_only=True) as store:
            problems = check_store(store.connection)
            checked = store_summary(store.connection)
    except DetenteError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "json":
        click.echo(json.dumps({"ok": not problems, "db": db, "schema_version": SCHEMA_VERSION,
                               "checked": checked,
                               "problems": [dataclasses.asdict(problem) for problem in problems]}))
    for problem in problems:
        click.echo(f"problem: {problem.message()}", err=True)
    if problems:
        raise click.ClickException(f"{db}: {len(problems)} kind(s) of problem found")
    if fmt == "text":
        click.echo(f"{db}: ok (schema version {SCHEMA_VERSION}; {checked})")


def _upgrade(db: str) -> None:
    with Store(db, read_only=True, check=False) as store:
        found = stored_schema_version(store.connection)
    if found is not None and found < SCHEMA_VERSION:
        Store(db).close()
        click.echo(f"{db}: upgraded from schema version {found} to {SCHEMA_VERSION}", err=True)


__all__ = ["check_command"]

"""The `detente` command line. Each subcommand lives in its own module and registers on `main`.

Only this package prints; library code logs. Errors reach the user as one line, never a traceback.
"""

from __future__ import annotations

import importlib
import logging

import click

from detente import __version__
from detente.nlp import install_hint, model_installed

# Modules that define subcommands; each calls `main.add_command(...)` at import.
COMMAND_MODULES = ("check", "code", "evaluate", "ingest", "store", "analysis", "stories", "resolve", "quotes")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(__version__, prog_name="detente")
@click.option("-v", "--verbose", is_flag=True, help="Log progress details to stderr.")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """detente: political event data from news text."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())
        if not model_installed("md"):
            click.echo(f"\nNote: {install_hint('md')} (or pass --model sm).", err=True)


for _name in COMMAND_MODULES:
    importlib.import_module(f"detente.cli.{_name}")

__all__ = ["main"]

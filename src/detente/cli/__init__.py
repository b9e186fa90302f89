"""The `detente` command line. Each subcommand lives in its own module and registers on `main`.

`main` imports a subcommand's module only when that command runs (or help lists it): reading a
database needs neither spaCy nor scikit-learn, and `detente events` would otherwise spend seconds
importing the coder's libraries before it opens the file.

Only this package prints; library code logs. Errors reach the user as one line, never a traceback.
"""

from __future__ import annotations

import importlib
import logging

import click

from detente import __version__
from detente.nlp import install_hint, model_installed

# command -> the module of detente.cli that defines it (and registers it on `main` at import)
COMMAND_MODULES = {
    "actors": "analysis",
    "check": "check",
    "clusters": "analysis",
    "code": "code",
    "counts": "analysis",
    "dyad": "analysis",
    "eval": "evaluate",
    "events": "store",
    "export": "analysis",
    "ingest": "ingest",
    "network": "analysis",
    "quotes": "quotes",
    "resolve": "resolve",
    "stories": "stories",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module (``COMMAND_MODULES``) on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__name__}.{COMMAND_MODULES[cmd_name]}")
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
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


__all__ = ["COMMAND_MODULES", "main"]

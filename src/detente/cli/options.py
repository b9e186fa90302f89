"""Options and input handling shared by the subcommands."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from detente.cli.reading import parse_date
from detente.errors import ConfigError, DetenteError
from detente.ingest import TableColumns, read_documents
from detente.ingest.limits import Limits
from detente.ingest.notes import undated_message
from detente.models import Document, Rejected
from detente.nlp import MODELS

F = TypeVar("F", bound=Callable[..., Any])


DATE_HELP = "Publication date for documents that have none (YYYY-MM-DD)."


def date_option(help_text: str = DATE_HELP) -> Callable[[F], F]:
    return click.option("--date", "date_value", callback=parse_date, metavar="YYYY-MM-DD", help=help_text)


def model_option() -> Callable[[F], F]:
    return click.option("--model", type=click.Choice(MODELS), default="md", show_default=True,
                        help="spaCy model: md (word vectors, default) or sm (faster).")


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    return click.option("--output-format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


COLUMN_OPTIONS = (
    ("text", "the article text (default: text, body, content, article or story)"),
    ("id", "the document id (default: id, doc_id, article_id or story_id; else the row number)"),
    ("date", "the publication date (default: date, publication_date, published, pub_date)"),
    ("title", "the title (default: title or headline)"),
)
UNDATED_HINT = "Give one with --date, or name the date column of a table with --date-column."


def table_options(func: F) -> F:
    """--text-column, --id-column, --date-column and --title-column, passed on as ``columns``.

    Put it right above the command function, below the other option decorators.
    """
    @functools.wraps(func)
    def command(*args: Any, **kwargs: Any) -> Any:
        names = {field: kwargs.pop(f"{field}_column") for field, _ in COLUMN_OPTIONS}
        return func(*args, columns=TableColumns(**names), **kwargs)

    for field, what in reversed(COLUMN_OPTIONS):
        command = click.option(f"--{field}-column", metavar="NAME",
                               help=f"CSV, TSV or Parquet input: the column of {what}.")(command)
    return command  # type: ignore[return-value]


def _parse_limits(_ctx: click.Context | None, _param: click.Parameter | None,
                  value: tuple[str, ...]) -> Limits:
    try:
        return Limits.from_settings(value)
    except ConfigError as err:
        raise click.BadParameter(str(err), param_hint="--limit") from err


def limits_option() -> Callable[[F], F]:
    return click.option("--limit", "limits", multiple=True, callback=_parse_limits, metavar="NAME=VALUE",
                        help="Raise or lower a limit (repeatable): file_bytes, line_bytes, document_chars, "
                             "document_parts, sentences, quotes, events; see the README.")


class Inputs:
    """The documents under ``path``, read lazily; each rejection is echoed to stderr as it happens
    (unless ``echo`` is off), and the counts are kept for the end of the run."""

    def __init__(self, path: str, default_date: dt.date | None, columns: TableColumns | None = None,
                 limits: Limits | None = None, *, echo: bool = True) -> None:
        if path != "-" and not Path(path).exists() and not Path(path).is_symlink():
            raise click.ClickException(f"[D100] {path}: no such file or directory")
        self.path, self.default_date, self.columns = path, default_date, columns
        self.limits, self.echo = limits or Limits(), echo
        self.documents = self.undated = self.rejected = 0

    def __iter__(self) -> Iterator[Document | Rejected]:
        try:
            for item in read_documents(self.path, default_date=self.default_date, columns=self.columns,
                                       limits=self.limits):
                if isinstance(item, Rejected):
                    self.rejected += 1
                    if self.echo:
                        click.echo(f"skipped: {item.message()}", err=True)
                else:
                    self.documents += 1
                    self.undated += item.date is None
                yield item
        except DetenteError as err:
            raise click.ClickException(str(err)) from err

    def warn_undated(self) -> None:
        undated = undated_message(self.undated, self.documents, hint=UNDATED_HINT)
        if undated:
            click.echo(f"warning: {undated}", err=True)


def read_inputs(path: str, default_date: dt.date | None, columns: TableColumns | None = None,
                limits: Limits | None = None) -> tuple[list[Document], list[Rejected]]:
    """Read every document under `path`, echoing each rejection to stderr as it happens, and a
    warning when documents have no publication date."""
    inputs = Inputs(path, default_date, columns, limits)
    documents: list[Document] = []
    rejected: list[Rejected] = []
    for item in inputs:
        if isinstance(item, Rejected):
            rejected.append(item)
        else:
            documents.append(item)
    inputs.warn_undated()
    return documents, rejected


def fail_if_nothing(documents: list[Document], rejected: list[Rejected]) -> None:
    """Exit non-zero only when nothing could be processed."""
    if not documents:
        reason = f"all {len(rejected)} input(s) were rejected" if rejected else "no documents found"
        raise click.ClickException(f"nothing to process: {reason}")


__all__ = ["Inputs", "date_option", "fail_if_nothing", "format_option", "limits_option", "model_option",
           "read_inputs", "table_options"]

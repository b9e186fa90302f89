"""Articles in a table, one per row: CSV, TSV and Parquet files, and pandas DataFrames.

``TableColumns`` says which columns hold the text, id, publication date and title. A column left
at its default is looked for under the usual names (``TEXT_NAMES``, ``ID_NAMES``, ...; any case);
a column named explicitly must exist. Only the text column is required. Rows without an id get
``<file stem>:<row>`` (files) or their index (DataFrames). ``source`` and ``url`` columns are read
when present. Dates may be ISO 8601 strings, dates, datetimes or pandas Timestamps; an empty cell
is no date, anything else rejects that row (D107).

CSV and TSV are read as UTF-8 text with every cell a string, so ids such as "007" keep their zeros.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.errors import ConfigError
from detente.ingest import codes
from detente.ingest.decode import normalise_text
from detente.ingest.records import parse_date
from detente.models import Document, Rejected

if TYPE_CHECKING:
    import pandas as pd

logger = logging.getLogger(__name__)

Item = Document | Rejected
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".tab": "\t", ".parquet": None}
TEXT_NAMES = ("text", "body", "content", "article", "story")
ID_NAMES = ("id", "doc_id", "article_id", "story_id")
DATE_NAMES = ("date", "publication_date", "published", "pub_date", "publish_date")
TITLE_NAMES = ("title", "headline")
EXTRA_NAMES = {"source": ("source", "outlet"), "url": ("url", "link")}


@dataclass(frozen=True)
class TableColumns:
    """Column names of the articles' fields; ``None`` looks for the usual names."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Resolved:
    """The columns found in one table (``None``: the table has no such column)."""

    text: str
    id: str | None
    date: str | None
    title: str | None
    source: str | None
    url: str | None


def find_column(columns: list[str], wanted: str | None, names: tuple[str, ...], field: str) -> str | None:
    """``wanted`` (ConfigError when absent), else the first of ``names`` present in any case."""
    if wanted is not None:
        if wanted not in columns:
            raise ConfigError(f"{field} column {wanted!r} not found; the columns are: "
                              f"{', '.join(map(str, columns))}", code="D430")
        return wanted
    by_lower = {str(column).lower(): column for column in columns}
    return next((by_lower[name] for name in names if name in by_lower), None)


def resolve_columns(columns: list[str], wanted: TableColumns) -> Resolved:
    """The columns to read; ConfigError naming the columns found when one is missing."""
    text = find_column(columns, wanted.text, TEXT_NAMES, "text")
    if text is None:
        raise ConfigError(f"no text column (looked for {', '.join(TEXT_NAMES)}); the columns are: "
                          f"{', '.join(map(str, columns))}; name it with --text-column (text= in "
                          "the API)", code="D430")
    extras = {name: find_column(columns, None, names, name) for name, names in EXTRA_NAMES.items()}
    return Resolved(text=text, id=find_column(columns, wanted.id, ID_NAMES, "id"),
                    date=find_column(columns, wanted.date, DATE_NAMES, "date"),
                    title=find_column(columns, wanted.title, TITLE_NAMES, "title"), **extras)


def is_missing(value: Any) -> bool:
    """None, NaN, NaT and pandas' NA (and empty or blank strings)."""
    import pandas as pd

    if isinstance(value, str):
        return not value.strip()
    return bool(pd.api.types.is_scalar(value) and pd.isna(value))


def as_date(value: Any) -> dt.date | None:
    """A cell as a publication date; ValueError for what is neither empty nor a date."""
    if is_missing(value):
        return None
    if isinstance(value, dt.datetime):  # pandas Timestamps too
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise ValueError(f"expected an ISO 8601 date, a date or a datetime, got {type(value).__name__}")


def _text(value: Any) -> str | None:
    return None if is_missing(value) else str(value).strip()


def row_document(row: dict[Hashable, Any], columns: Resolved, *, default_id: str,
                 label: str) -> Item:
    """One row as a Document, or a Rejected naming the row and what is wrong with it."""
    doc_id = _text(row.get(columns.id)) if columns.id else default_id
    if not doc_id:
        return Rejected(label, codes.MISSING_FIELD, f"empty id in column {columns.id!r}")
    value = row.get(columns.date) if columns.date else None
    try:
        date = as_date(value)
    except ValueError as err:
        return Rejected(label, codes.BAD_DATE, f"id {doc_id!r}: date {value!r} is not a valid date ({err})")
    text = row.get(columns.text)
    if is_missing(text):
        return Rejected(label, codes.EMPTY, f"id {doc_id!r}: empty text in column {columns.text!r}")
    return Document(doc_id=doc_id, text=normalise_text(str(text)),
                    title=_text(row.get(columns.title)) if columns.title else None, date=date,
                    source=_text(row.get(columns.source)) if columns.source else None,
                    url=_text(row.get(columns.url)) if columns.url else None, path=label)


def frame_documents(frame: pd.DataFrame, columns: Resolved, *, label: str = "frame") -> Iterator[Item]:
    """The rows of a DataFrame as Documents; without an id column, a row's id is its index."""
    for index, row in zip(frame.index, frame.to_dict("records"), strict=True):
        yield row_document(row, columns, default_id=str(index), label=f"{label}[{index}]")


def _read_frame(path: Path, delimiter: str | None) -> pd.DataFrame:
    import pandas as pd

    if delimiter is None:
        return pd.read_parquet(path)
    return pd.read_csv(path, sep=delimiter, dtype=str, keep_default_na=False, encoding="utf-8")


def read_table(path: Path, wanted: TableColumns = TableColumns()) -> Iterator[Item]:
    """A CSV, TSV or Parquet file of articles; a file that cannot be read as a table is rejected.

    Raises ConfigError when a column named in ``wanted`` (or any text column) is missing.
    """
    label = str(path)
    frame = _load(path)
    if isinstance(frame, Rejected):
        yield frame
        return
    columns = resolve_columns([str(c) for c in frame.columns], wanted)
    for number, row in enumerate(frame.to_dict("records"), start=1):
        yield row_document(row, columns, default_id=f"{path.stem}:{number}",
                               label=f"{label} row {number}")


def _load(path: Path) -> pd.DataFrame | Rejected:
    import pandas as pd
    import pyarrow

    label = str(path)
    try:
        frame = _read_frame(path, TABLE_SUFFIXES[path.suffix.lower()])
    except UnicodeDecodeError as err:
        return Rejected(label, codes.BAD_UTF8, f"invalid UTF-8 at byte offset {err.start}")
    except pd.errors.EmptyDataError:
        return Rejected(label, codes.EMPTY, "empty file")
    except (pd.errors.ParserError, pyarrow.ArrowException, ValueError) as err:
        return Rejected(label, codes.BAD_TABLE, f"not a readable {path.suffix.lstrip('.')} table: {err}")
    except OSError as err:
        return Rejected(label, codes.UNREADABLE, f"cannot read file: {err.strerror or err}")
    if frame.empty:
        return Rejected(label, codes.EMPTY, "no rows")
    return frame


__all__ = ["TABLE_SUFFIXES", "Resolved", "TableColumns", "as_date", "find_column", "frame_documents",
           "is_missing", "read_table", "resolve_columns", "row_document"]

"""Column types of every export, the sidecar schema written beside an export file, and the loader
that reads an export back into pandas with the right dtypes.

A text export ``events.tsv`` gets ``events.tsv.schema.json``: a Frictionless Data resource
descriptor (https://specs.frictionlessdata.io/) with the dialect (delimiter, header) and one
typed field per column, so that ``read_export("events.tsv")`` (or any Frictionless reader) loads
codes such as CAMEO "045" as strings rather than the number 45. Types map to pandas dtypes as
``PANDAS_DTYPES`` says; ``date`` and ``datetime`` columns become ``datetime64``. A Parquet folder
carries its own types; its sidecar (``folder.schema.json``, beside the folder) only lets
``read_export`` turn integer columns with gaps into nullable integers, as for CSV.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from detente import __version__
from detente.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime", "object", "array"]
PANDAS_DTYPES: dict[str, str] = {"string": "str", "integer": "Int64", "number": "float64",
                                 "boolean": "boolean", "object": "object", "array": "object"}
DATE_TYPES = ("date", "datetime")
SIDECAR_SUFFIX = ".schema.json"


@dataclass(frozen=True)
class Column:
    """One exported column (or JSON field) and its type."""

    name: str
    type: FieldType = "string"


def typed_columns(names: Sequence[str], types: dict[str, FieldType]) -> tuple[Column, ...]:
    """Columns for ``names``: strings unless ``types`` says otherwise."""
    return tuple(Column(name, types.get(name, "string")) for name in names)


@dataclass(frozen=True)
class Layout:
    """How an export's file is laid out: its media format, delimiter and columns."""

    name: str  # detente's export format name
    media: Literal["csv", "tsv", "jsonl", "parquet"]
    columns: tuple[Column, ...]

    @property
    def delimiter(self) -> str:
        return "\t" if self.media == "tsv" else ","


def sidecar_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + SIDECAR_SUFFIX)


def descriptor(layout: Layout, path: Path, *, header: bool) -> dict[str, Any]:
    """The Frictionless resource descriptor of one export file."""
    data: dict[str, Any] = {
        "profile": "tabular-data-resource" if layout.media in ("csv", "tsv") else "data-resource",
        "name": path.stem.lower().replace(" ", "-") or "events",
        "path": path.name,
        "format": layout.media,
        "mediatype": {"csv": "text/csv", "tsv": "text/tab-separated-values",
                      "jsonl": "application/jsonl",
                      "parquet": "application/vnd.apache.parquet"}[layout.media],
        "encoding": "utf-8",
        "detente": {"export": layout.name, "version": __version__},
        "schema": {"fields": [{"name": c.name, "type": c.type} for c in layout.columns],
                   "missingValues": [""]},
    }
    if layout.media in ("csv", "tsv"):
        data["dialect"] = {"delimiter": layout.delimiter, "header": header, "quoteChar": '"'}
    return data


def write_sidecar(layout: Layout, path: str | Path, *, header: bool = True) -> Path:
    """Write ``<path>.schema.json`` beside an export file (or Parquet folder); returns its path."""
    target = sidecar_path(path)
    text = json.dumps(descriptor(layout, Path(path), header=header), indent=2)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def _read_descriptor(path: Path) -> dict[str, Any]:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        raise InputError(f"{path}: no schema file {sidecar.name} beside it (detente writes one with "
                         "`detente export --output FILE`)", code="D132")
    try:
        data: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise InputError(f"{sidecar}: not a readable schema file: {err}", code="D132") from err
    return data


def _dtypes(fields: list[dict[str, str]]) -> tuple[dict[str, str], list[str]]:
    dtypes = {f["name"]: PANDAS_DTYPES[f["type"]] for f in fields if f["type"] in PANDAS_DTYPES}
    dates = [f["name"] for f in fields if f["type"] in DATE_TYPES]
    return dtypes, dates


def read_export(path: str | Path) -> pd.DataFrame:
    """Load a detente export (a file with its sidecar schema, or a Parquet folder) into pandas.

    Codes stay zero-padded strings, counts are nullable integers (``Int64``), dates are
    ``datetime64``; nested PLOVER fields stay Python lists and dicts.
    """
    import pandas as pd  # 0.4 s to import: only here, so that writing an export does not wait for it

    path = Path(path)
    data = _read_descriptor(path)
    dtypes, dates = _dtypes(data["schema"]["fields"])
    if data["format"] == "parquet":
        frame = pd.read_parquet(path)
        frame = frame.astype({name: dtype for name, dtype in dtypes.items() if dtype == "Int64"})
    elif data["format"] == "jsonl":
        frame = pd.read_json(path, lines=True, dtype=dtypes)
    else:
        dialect = data.get("dialect", {})
        header = dialect.get("header", True)
        frame = pd.read_csv(path, sep=dialect.get("delimiter", ","), header=0 if header else None,
                            names=None if header else [f["name"] for f in data["schema"]["fields"]],
                            dtype=dtypes, keep_default_na=False, na_values=[""])
    for name in dates:
        if name in frame:
            frame[name] = pd.to_datetime(frame[name])
    return frame


__all__ = [
    "PANDAS_DTYPES",
    "SIDECAR_SUFFIX",
    "Column",
    "FieldType",
    "Layout",
    "descriptor",
    "read_export",
    "sidecar_path",
    "typed_columns",
    "write_sidecar",
]

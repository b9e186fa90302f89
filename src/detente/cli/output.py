"""Event output formats: JSON Lines, CSV and a readable terminal table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, TypeVar

import click

from detente.flat import EVENT_COLUMNS, flatten_event

T = TypeVar("T")

CSV_COLUMNS = EVENT_COLUMNS
TABLE_COLUMNS = (("date", 10), ("source", 14), ("target", 14), ("cameo", 5), ("plover", 10),
                 ("mode", 12), ("conf", 4), ("trigger", 14), ("evidence", 60))


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return actor.get("code") or f"?{actor.get('text', '')}"


def _table_row(event: dict[str, Any]) -> list[str]:
    flags = [] if event.get("modality") == "asserted" else [str(event.get("modality"))]
    if event.get("status", "current") != "current":
        flags.append(str(event["status"]))
    if event.get("negated"):
        flags.insert(0, "NOT")
    return [str(event.get("date") or "-"), _actor_cell(event.get("source")), _actor_cell(event.get("target")),
            str(event.get("cameo")), str(event.get("plover") or "-"), ",".join(flags) or "asserted",
            f"{event.get('confidence', 0):.2f}", (event.get("trigger") or {}).get("text", ""),
            " ".join(str(event.get("sentence", "")).split())]


def format_table(rows: Sequence[Sequence[str]], columns: Sequence[tuple[str, int]]) -> str:
    """Fixed-width columns; the last column is cut to its width with an ellipsis."""
    def cell(value: str, width: int) -> str:
        return value if len(value) <= width else value[: width - 1] + "…"

    lines = ["  ".join(name.ljust(width) for name, width in columns).rstrip()]
    lines.append("  ".join("-" * width for _, width in columns))
    lines += ["  ".join(cell(v, w).ljust(w) for v, (_, w) in zip(row, columns, strict=True)).rstrip()
              for row in rows]
    return "\n".join(lines)


def write_events(events: list[dict[str, Any]], fmt: str, stream: IO[str]) -> None:
    """Write event dicts (Event.to_dict()) as jsonl, csv or table."""
    if fmt == "jsonl":
        for event in events:
            stream.write(json.dumps(event, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(flatten_event(e) for e in events)
    elif fmt == "table":
        stream.write(format_table([_table_row(e) for e in events], TABLE_COLUMNS) + "\n")
        stream.write(f"{len(events)} event(s)\n")
    else:
        raise ValueError(f"unknown output format {fmt!r}")


def progress(items: Iterable[T], *, length: int, label: str, threshold: int = 3) -> Iterator[T]:
    """A progress bar on stderr when there are more than a few items."""
    if length <= threshold:
        yield from items
        return
    with click.progressbar(items, length=length, label=label, file=click.get_text_stream("stderr")) as bar:
        yield from bar


__all__ = ["CSV_COLUMNS", "format_table", "progress", "write_events"]

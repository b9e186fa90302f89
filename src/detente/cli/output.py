"""Event output formats: JSON Lines, CSV and a readable terminal table."""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from detente.cli.table import render_table
from detente.flat import EVENT_COLUMNS, flatten_event

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
        stream.write(render_table(TABLE_COLUMNS, [_table_row(e) for e in events]))
        stream.write(f"{len(events)} event(s)\n")
    else:
        raise ValueError(f"unknown output format {fmt!r}")


__all__ = ["CSV_COLUMNS", "write_events"]

"""Progress of a long run, on stderr: a bar with counts, rate and time left on a terminal (rich),
and a plain line every ``LINE_EVERY`` seconds elsewhere (a log file, CI, a notebook cell running
the command), so that a long ingest says how far it got. Where the number of items is not known
beforehand (``length=None``: a streamed ingest), the count, rate and time so far are shown.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

T = TypeVar("T")
LINE_EVERY = 10.0  # seconds between progress lines when stderr is not a terminal
THRESHOLD = 3  # no progress shown for this many items or fewer


class RateColumn(ProgressColumn):
    """Items per second, as rich measures it over the last half minute."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-" if speed is None else f"{speed:.1f} {self.unit}/s", style="progress.data.speed")


def progress(items: Iterable[T], *, length: int | None, label: str, unit: str = "documents",
             stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic) -> Iterator[T]:
    """Yield ``items`` while showing how far through ``length`` of them (None: unknown) the run is."""
    stream = stream if stream is not None else sys.stderr
    if length is not None and length <= THRESHOLD:
        yield from items
    elif stream.isatty():
        yield from _bar(items, length=length, label=label, unit=unit, stream=stream)
    else:
        yield from _lines(items, length=length, label=label, unit=unit, stream=stream, clock=clock)


def _bar(items: Iterable[T], *, length: int | None, label: str, unit: str, stream: TextIO) -> Iterator[T]:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
               TaskProgressColumn(), RateColumn(unit[:3]), TimeElapsedColumn(), TextColumn("elapsed,"),
               TimeRemainingColumn(), TextColumn("left"))
    with Progress(*columns, console=Console(file=stream)) as bar:
        yield from bar.track(items, total=length, description=label)


def _lines(items: Iterable[T], *, length: int | None, label: str, unit: str, stream: TextIO,
           clock: Callable[[], float]) -> Iterator[T]:
    start = last = clock()
    done = shown = 0
    for item in items:
        yield item
        done += 1
        now = clock()
        if now - last >= LINE_EVERY and done != length:
            stream.write(progress_line(label, done, length, now - start, unit) + "\n")
            stream.flush()
            last, shown = now, done
    if done != shown:
        stream.write(progress_line(label, done, length, clock() - start, unit) + "\n")


def progress_line(label: str, done: int, length: int | None, elapsed: float,
                  unit: str = "documents") -> str:
    """'coding: 150/982 documents (15%), 2.4/s, 2m 30s elapsed, about 5m 47s left'; without a
    length, 'ingesting: 150 inputs, 2.4/s, 2m 30s elapsed'."""
    rate = done / elapsed if elapsed > 0 else 0.0
    if length is None:
        count = f"{done} {unit}"
    else:
        count = f"{done}/{length} {unit} ({100 * done // max(length, 1)}%)"
    line = f"{label}: {count}, {rate:.1f}/s, {duration(elapsed)} elapsed"
    if length is not None and done < length and rate > 0:
        line += f", about {duration((length - done) / rate)} left"
    return line


def duration(seconds: float) -> str:
    """'45s', '5m 47s', '2h 03m'."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m {seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


__all__ = ["LINE_EVERY", "THRESHOLD", "duration", "progress", "progress_line"]

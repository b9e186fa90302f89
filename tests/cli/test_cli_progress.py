"""Progress on stderr: a rich bar on a terminal, a line every few seconds elsewhere."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from detente.cli.progress import LINE_EVERY, duration, progress, progress_line


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def ticking(step: float) -> Iterator[float]:
    now = 0.0
    while True:
        yield now
        now += step


def test_cli_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    clock = ticking(LINE_EVERY / 2)  # two items per line
    items = list(progress(range(5), length=5, label="coding", stream=stream, clock=lambda: next(clock)))
    assert items == [0, 1, 2, 3, 4]
    lines = stream.getvalue().splitlines()
    assert lines[0] == "coding: 2/5 documents (40%), 0.2/s, 10s elapsed, about 15s left"
    assert lines[-1].startswith("coding: 5/5 documents (100%)") and "left" not in lines[-1]
    assert len(lines) == 3


def test_cli_progress_bar_on_a_terminal() -> None:
    stream = Terminal()
    assert list(progress(iter(range(8)), length=8, label="coding", stream=stream)) == list(range(8))
    shown = stream.getvalue()
    assert "coding" in shown and "8/8" in shown and "documents" in shown


def test_cli_progress_nothing_for_a_few_items() -> None:
    stream = Terminal()
    assert list(progress([1, 2, 3], length=3, label="coding", stream=stream)) == [1, 2, 3]
    assert stream.getvalue() == ""


@pytest.mark.parametrize(("seconds", "text"), [(0.4, "0s"), (45, "45s"), (347, "5m 47s"),
                                               (7380, "2h 03m")])
def test_cli_progress_duration(seconds: float, text: str) -> None:
    assert duration(seconds) == text


def test_cli_progress_line_at_the_start() -> None:
    assert progress_line("coding", 0, 10, 0.0) == "coding: 0/10 documents (0%), 0.0/s, 0s elapsed"

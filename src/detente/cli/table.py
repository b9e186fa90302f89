"""The one text table of the CLI (events, quotes, clusters, dyads, counts, actors), drawn by rich.

Plain text in any stream: no colour, no markup (cells are literal text, so "[D101]" stays as it
is), an ASCII rule under the header, columns two spaces apart. rich measures cell widths in
terminal cells, so names in scripts with wide characters (Chinese, Japanese) keep the columns
straight, which padding with ``str.ljust`` did not. A column given a width is cut to it with an
ellipsis; the others take the width of their longest cell.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from detente.ingest.decode import normalise_text

# Box lines: top, head, head_row, mid, row, foot_row, foot, bottom; each is left, horizontal,
# divider and right. Only the line under the header is drawn, with "-".
RULE_BOX = box.Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)
WIDE = 10_000  # console width: a table is never wrapped to fit a terminal


def cell_text(value: Any) -> str:
    """A cell as one line of text: None is empty, dates are ISO, whitespace runs are one space, and
    terminal escapes and control characters (from a database written before ingest removed them)
    never reach the terminal."""
    if value is None:
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return " ".join(normalise_text(text).split())


def render_table(columns: Sequence[str | tuple[str, int]], rows: Sequence[Sequence[Any]]) -> str:
    """``rows`` under a header of ``columns`` (a name, or a (name, width) pair), ending in a newline."""
    table = Table(box=RULE_BOX, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), highlight=False)
    for column in columns:
        name, width = column if isinstance(column, tuple) else (column, None)
        table.add_column(Text(name), width=width, no_wrap=True, overflow="ellipsis" if width else "fold")
    for row in rows:
        table.add_row(*(Text(cell_text(value)) for value in row))
    stream = io.StringIO()
    Console(file=stream, width=WIDE, color_system=None, force_terminal=False, highlight=False,
            emoji=False).print(table)
    return "".join(line.rstrip() + "\n" for line in stream.getvalue().splitlines())


def render_dicts(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Dict rows as a table of the named columns."""
    return render_table(columns, [[row.get(column) for column in columns] for row in rows])


__all__ = ["cell_text", "render_dicts", "render_table"]

"""The CLI's text table (rich): exact layout, widths, literal cells and wide characters."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len

from detente.cli.table import cell_text, render_dicts, render_table


def test_cli_table_layout_is_exact() -> None:
    table = render_table([("code", 6), "name"], [["RUSGOV", "Russia"], ["USAGOVX", None]])
    assert table.splitlines() == [
        "code    name",
        "------- ------",
        "RUSGOV  Russia",
        "USAGO…",
    ]


def test_cli_table_cells_are_literal_text() -> None:
    table = render_dicts([{"a": "[D101] [bold]x[/bold]", "b": dt.date(2021, 3, 17)}], ["a", "b"])
    assert table.splitlines()[2] == "[D101] [bold]x[/bold]  2021-03-17"
    assert "\x1b" not in table


def test_cli_table_wide_characters_keep_columns_straight() -> None:
    table = render_dicts([{"name": "习近平", "code": "CHNGOV"}, {"name": "Xi", "code": "CHNGOV"}],
                         ["name", "code"])
    rows = table.splitlines()[2:]
    assert cell_len(rows[0].split("CHNGOV")[0]) == cell_len(rows[1].split("CHNGOV")[0])


@pytest.mark.parametrize(("value", "text"), [(None, ""), ("a\n b\tc", "a b c"), (1.5, "1.5"),
                                             (dt.date(2021, 1, 2), "2021-01-02")])
def test_cli_table_cell_text(value, text) -> None:
    assert cell_text(value) == text


@pytest.mark.issue(13)
@pytest.mark.parametrize(("value", "shown"), [
    ("\x1b[31mRussia\x1b[0m", "Russia"),
    ("a\x1b]0;title\x07b\x07c", "abc"),
    ("Rus\u200bsia\r\nsaid", "Russia said"),
])
def test_cli_table_cells_carry_no_terminal_escapes(value: str, shown: str) -> None:
    assert cell_text(value) == shown
    assert "\x1b" not in render_table(["text"], [[value]])

"""One option name for the output format on every command: --output-format (issue 14)."""

from __future__ import annotations

import click
import pytest

from detente.cli import main

FORMATLESS = {"ingest"}  # commands that write no formatted output


def _visible(command: click.Command) -> set[str]:
    return {name for param in command.params if isinstance(param, click.Option) and not param.hidden
            for name in param.opts}


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", sorted(main.commands))
def test_cli_every_command_names_its_format_output_format(name: str):
    options = _visible(main.commands[name])
    assert "--format" not in options
    if name not in FORMATLESS:
        assert "--output-format" in options


@pytest.mark.issue(14)
@pytest.mark.parametrize("name", ["network", "export"])
def test_cli_old_format_option_is_hidden_but_accepted(name: str):
    hidden = [param for param in main.commands[name].params if "--format" in getattr(param, "opts", ())]
    assert len(hidden) == 1 and hidden[0].hidden

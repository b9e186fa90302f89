"""Site boilerplate ("Share this article", cookie notices, photo credits) that must produce no events.

The patterns are data: ``detente/data/ingest/boilerplate.txt``, one regular expression per line,
matched case-insensitively against the stripped sentence. They are compiled once.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from detente.errors import OntologyError

PATTERN_FILE = "boilerplate.txt"
PATTERN_RESOURCE = "data/ingest/boilerplate.txt"


def load_patterns(text: str, *, source: str = PATTERN_FILE) -> tuple[re.Pattern[str], ...]:
    """Compile the pattern file's lines; a bad regex raises ``OntologyError`` naming file:line."""
    patterns = []
    for number, line in enumerate(text.splitlines(), start=1):
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        try:
            patterns.append(re.compile(entry, re.IGNORECASE))
        except re.error as err:
            raise OntologyError(f"{source}:{number}: bad regular expression: {err}") from err
    return tuple(patterns)


@functools.lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The bundled patterns, compiled once."""
    text = resources.files("detente").joinpath(PATTERN_RESOURCE).read_text(encoding="utf-8")
    return load_patterns(text)


def is_boilerplate(sentence_text: str) -> bool:
    """True when the sentence is site furniture rather than news."""
    sentence = sentence_text.strip()
    if not sentence:
        return False
    return any(pattern.search(sentence) for pattern in boilerplate_patterns())


__all__ = ["boilerplate_patterns", "is_boilerplate", "load_patterns"]

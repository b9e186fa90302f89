"""The quote stage's word lists, read from src/detente/data/quotes/ (see MANIFEST.toml there).

- quote_marks.csv: opening and closing mark pairs, as code points (U+201C,U+201D);
- speech_verbs.csv: lemmas of verbs that introduce speech, and whether their clause complement is
  reported (indirect) speech;
- attribution_phrases.csv: prepositional attributions such as "according to".
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from detente.errors import OntologyError

DATA = "data/quotes"


@dataclass(frozen=True)
class QuoteWords:
    version: str
    closers: dict[str, frozenset[str]]  # opening mark -> the marks that close it
    speech: frozenset[str]  # lemmas that introduce direct speech
    reporting: frozenset[str]  # lemmas whose clause complement is reported speech
    phrases: dict[str, tuple[str, str]]  # head word -> (preposition, verb text), e.g. according

    @property
    def openers(self) -> frozenset[str]:
        return frozenset(self.closers)


def _data_dir() -> Traversable:
    return files("detente").joinpath(DATA)


def _rows(name: str, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    text = _data_dir().joinpath(name).read_text("utf-8")
    reader = csv.DictReader(text.splitlines())
    missing = [f for f in fields if f not in (reader.fieldnames or [])]
    if missing:
        raise OntologyError(f"{DATA}/{name}:1: missing column(s) {', '.join(missing)}", code="D261")
    return [(number, row) for number, row in enumerate(reader, start=2)]


def _mark(name: str, line: int, field: str, value: str) -> str:
    if not value.startswith("U+"):
        raise OntologyError(f"{DATA}/{name}:{line}:{field}: expected a code point like U+201C, got {value!r}",
                            code="D262")
    try:
        return chr(int(value[2:], 16))
    except ValueError as err:
        raise OntologyError(f"{DATA}/{name}:{line}:{field}: bad code point {value!r}", code="D262") from err


def load_marks() -> dict[str, frozenset[str]]:
    closers: dict[str, set[str]] = {}
    for line, row in _rows("quote_marks.csv", ("open", "close", "style")):
        opener = _mark("quote_marks.csv", line, "open", row["open"])
        closers.setdefault(opener, set()).add(_mark("quote_marks.csv", line, "close", row["close"]))
    return {opener: frozenset(marks) for opener, marks in closers.items()}


def load_speech() -> tuple[frozenset[str], frozenset[str]]:
    speech, reporting = set(), set()
    for line, row in _rows("speech_verbs.csv", ("lemma", "indirect")):
        if row["indirect"] not in {"yes", "no"}:
            raise OntologyError(f"{DATA}/speech_verbs.csv:{line}:indirect: expected yes or no", code="D263")
        speech.add(row["lemma"])
        if row["indirect"] == "yes":
            reporting.add(row["lemma"])
    return frozenset(speech), frozenset(reporting)


@cache
def quote_words() -> QuoteWords:
    """The bundled quote word lists (loaded and validated once)."""
    speech, reporting = load_speech()
    phrases = {row["head"]: (row["preposition"], row["verb"])
               for _, row in _rows("attribution_phrases.csv", ("head", "preposition", "verb"))}
    manifest = tomllib.loads(_data_dir().joinpath("MANIFEST.toml").read_text("utf-8"))
    return QuoteWords(version=str(manifest["version"]), closers=load_marks(), speech=speech,
                      reporting=reporting, phrases=phrases)


__all__ = ["QuoteWords", "load_marks", "load_speech", "quote_words"]

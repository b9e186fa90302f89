"""No gold sentence, nor any 8-word stretch of one, may appear in the code, data or tests.

The gold sets (tests/data/gold/, copied from ../shared with their licences) are for measurement
only. Tests that read them at run time hold no gold text themselves, so every text file under
src/, tools/, tests/ and bench/ is checked, except the gold copies themselves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.paths import GOLD_DIR, ROOT

SCANNED = ("src", "tools", "tests", "bench")
SKIP_SUFFIXES = frozenset({".npz", ".joblib", ".pyc", ".spacy", ".duckdb", ".png", ".gz", ".zip", ".parquet"})
WINDOW = 8
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def shingles(text: str, size: int = WINDOW) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def gold_shingles() -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for path in sorted(GOLD_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                for shingle in shingles(record["text"]):
                    found.setdefault(shingle, f"{path.name}:{record['id']}")
    return found


def scanned_files() -> list[Path]:
    files = []
    for folder in SCANNED:
        for path in sorted((ROOT / folder).rglob("*")):
            if (path.is_file() and path.suffix not in SKIP_SUFFIXES and "__pycache__" not in path.parts
                    and not path.is_relative_to(GOLD_DIR)):
                files.append(path)
    return files


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One two three four five six seven eight", 1),
        ("One, two: three four five six seven eight nine.", 2),
        ("too short to matter", 0),
    ],
)
def test_leakage_shingles(text, expected):
    assert len(shingles(text)) == expected


def test_leakage_gold_sets_are_read():
    assert len({source for source in gold_shingles().values()}) > 200  # both files, most records


def test_leakage_no_gold_text_in_repository():
    gold = gold_shingles()
    leaks = []
    for path in scanned_files():
        text = path.read_text(encoding="utf-8", errors="ignore")
        hits = shingles(text) & gold.keys()
        if hits:
            first = sorted(hits)[0]
            leaks.append(f"{path.relative_to(ROOT)}: '{' '.join(first)}' ({gold[first]})")
    assert not leaks, "gold text found:\n" + "\n".join(leaks)

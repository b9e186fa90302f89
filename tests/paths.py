"""Where the tests find their data: everything they need is in the repository (tests/data/, with
its licences in tests/data/README.md). ``../shared`` is read only when present, for extra checks
over the full corpora (see the README's "Development" section)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
GOLD_DIR = DATA / "gold"
REFERENCE_DIR = DATA / "reference"
NEWS_SAMPLE = DATA / "news" / "wikinews_sample.jsonl"
SEED_ARTICLE = ROOT / "examples" / "antonov_recall.txt"
SEED_EXPECTED = ROOT / "tests" / "golden" / "seed_expected.json"

SHARED = ROOT.parent / "shared"
SHARED_NEWS = SHARED / "data" / "news" / "wikinews_2019_2020.jsonl"
SHARED_REFERENCE = SHARED / "data" / "reference"

"""The founding article: the quotes annotated in shared/seed/expected.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.quotes.conftest import Extract, quote_containing

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "examples" / "antonov_recall.txt"
EXPECTED = ROOT.parent / "shared" / "seed" / "expected.json"


def seed_quotes() -> list[dict[str, Any]]:
    if not EXPECTED.exists():
        return []
    return list(json.loads(EXPECTED.read_text(encoding="utf-8"))["quotes"])


@pytest.mark.model
@pytest.mark.skipif(not EXPECTED.exists(), reason="shared/seed/expected.json not available")
@pytest.mark.parametrize("expected", seed_quotes(), ids=lambda e: e["quote_contains"])
def test_quotes_seed_article(extract: Extract, expected: dict[str, Any]) -> None:
    quotes = extract(ARTICLE.read_text(encoding="utf-8"), "2021-03-21")
    quote = quote_containing(quotes, expected["quote_contains"])
    assert quote is not None
    assert quote.kind in {"direct", "partial"}
    assert quote.speaker is not None
    assert quote.speaker.country == expected["speaker_country"]
    assert expected["speaker_contains"].lower() in f"{quote.speaker.name} {quote.speaker.text}".lower()

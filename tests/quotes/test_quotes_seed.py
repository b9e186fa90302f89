"""The founding article: the quotes annotated in its expectations (tests/golden/seed_expected.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tests.paths import SEED_ARTICLE, SEED_EXPECTED
from tests.quotes.conftest import Extract, quote_containing


def seed_quotes() -> list[dict[str, Any]]:
    return list(json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["quotes"])


@pytest.mark.model
@pytest.mark.parametrize("expected", seed_quotes(), ids=lambda e: e["quote_contains"])
def test_quotes_seed_article(extract: Extract, expected: dict[str, Any]) -> None:
    quotes = extract(SEED_ARTICLE.read_text(encoding="utf-8"), "2021-03-21")
    quote = quote_containing(quotes, expected["quote_contains"])
    assert quote is not None
    assert quote.kind in {"direct", "partial"}
    assert quote.speaker is not None
    assert quote.speaker.country == expected["speaker_country"]
    assert expected["speaker_contains"].lower() in f"{quote.speaker.name} {quote.speaker.text}".lower()

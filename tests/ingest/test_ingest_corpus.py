"""The shared Wikinews sample reads as English Documents with dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.models import Document

WIKINEWS = Path("/work/shared/data/news/wikinews_2019_2020.jsonl")
if not WIKINEWS.exists():  # CI keeps shared material at ../shared from the project root
    WIKINEWS = Path(__file__).resolve().parents[2].parent / "shared/data/news/wikinews_2019_2020.jsonl"


@pytest.mark.skipif(not WIKINEWS.exists(), reason="shared Wikinews sample not available")
def test_ingest_wikinews_all_english_with_dates(read_all):
    items = read_all(WIKINEWS)
    assert len(items) == 295
    rejected = [item for item in items if not isinstance(item, Document)]
    assert rejected == []
    assert all(item.language == "en" and item.date is not None for item in items)
    assert len({item.doc_id for item in items}) == 295
    assert items[0].path == f"{WIKINEWS}:1"

"""The Wikinews articles read as English Documents with dates: the in-repository sample always, the
full 295-article corpus in ../shared as an extra check where that folder is present (its one
article over the document_chars limit, 104,179 characters, is read as two parts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.models import Document
from tests.paths import NEWS_SAMPLE, SHARED_NEWS

CORPORA = [
    pytest.param(NEWS_SAMPLE, 20, id="sample"),
    pytest.param(SHARED_NEWS, 296, id="shared", marks=pytest.mark.skipif(
        not SHARED_NEWS.exists(), reason="../shared not present (extra check)")),
]


@pytest.mark.parametrize(("path", "expected"), CORPORA)
def test_ingest_wikinews_all_english_with_dates(read_all, path: Path, expected: int):
    items = read_all(path)
    assert len(items) == expected
    rejected = [item for item in items if not isinstance(item, Document)]
    assert rejected == []
    assert all(item.language == "en" and item.date is not None for item in items)
    assert len({item.doc_id for item in items}) == expected
    assert items[0].path == f"{path}:1"

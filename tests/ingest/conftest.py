"""Fixtures for the ingest tests: a reader that lists everything and a file writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from detente.ingest import read_documents
from detente.models import Document, Rejected


@pytest.fixture
def read_all() -> Callable[..., list[Document | Rejected]]:
    def _read(path: Any, **kwargs: Any) -> list[Document | Rejected]:
        return list(read_documents(path, **kwargs))
    return _read


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text or bytes to tmp_path/name (folders created) and return the path."""
    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
        return path
    return _write

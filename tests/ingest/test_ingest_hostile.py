"""The hostile-input corpus through the readers: every input read or rejected with its code, none
stops the read, and no good record is lost next to a bad one."""

from __future__ import annotations

import gzip
import io
import threading
from pathlib import Path

import pytest

from detente.ingest import read_documents
from detente.models import Document, Rejected
from tests.ingest.hostile import CASES, SMALL, SPECIAL, Case, line, lines, write_corpus
from tests.ingest.ingest_samples import ENGLISH


def outcome(items: list[Document | Rejected]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(i.doc_id for i in items if isinstance(i, Document)),
            tuple(i.code for i in items if isinstance(i, Rejected)))


def read_with_deadline(path: Path | str, seconds: float = 20, **kwargs: object) -> list[Document | Rejected]:
    """Read in a thread, failing (not hanging) when the read takes longer than ``seconds``."""
    found: list[list[Document | Rejected]] = []
    thread = threading.Thread(target=lambda: found.append(list(read_documents(path, limits=SMALL, **kwargs))),
                              daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"reading {path} did not finish within {seconds} s"
    assert found, f"reading {path} raised (see the thread's traceback above)"
    return found[0]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    write_corpus(root)
    return root


@pytest.mark.issue(13)
@pytest.mark.parametrize("case", CASES + SPECIAL, ids=lambda case: case.name)
def test_ingest_hostile_input_alone(corpus: Path, case: Case) -> None:
    if case.alone == ():
        pytest.skip("read alone, a link to a directory is that directory")
    items = read_with_deadline(corpus / case.name)
    documents, rejected = outcome(items)
    # Read alone, a file's id has no suffix: the collision rule applies within a folder only.
    expected = tuple(doc_id.removesuffix(".txt").removesuffix(".html") for doc_id in case.documents)
    codes = case.rejected if case.alone is None else case.alone  # a file named alone is read as text
    assert (documents, rejected) == (expected, codes), [getattr(i, "detail", "") for i in items]
    assert all(isinstance(i, Document) or i.detail for i in items)
    for item in items:
        if isinstance(item, Document) and item.doc_id in case.texts:
            assert item.text == case.texts[item.doc_id]


@pytest.mark.issue(13)
def test_ingest_hostile_folder(corpus: Path) -> None:
    items = read_with_deadline(corpus)
    documents, rejected = outcome(items)
    every = CASES + SPECIAL
    assert sorted(documents) == sorted(doc_id for case in every for doc_id in case.documents)
    assert sorted(rejected) == sorted(code for case in every for code in case.rejected)


@pytest.mark.issue(13)
def test_ingest_hostile_documents_are_clean(corpus: Path) -> None:
    """No control, zero-width or surrogate character reaches a document, in any field."""
    for item in read_with_deadline(corpus):
        if isinstance(item, Document):
            for value in (item.text, item.title or "", item.doc_id):
                assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in value), item.doc_id
                assert not any(0xD800 <= ord(ch) <= 0xDFFF or ch in "\u200b\u200d\u00ad\x1b" for ch in value)


@pytest.mark.issue(13)
def test_ingest_long_document_parts_keep_the_text(corpus: Path) -> None:
    parts = [i for i in read_with_deadline(corpus / "long.txt") if isinstance(i, Document)]
    assert all(len(part.text) <= SMALL.document_chars for part in parts)
    assert "\n\n".join(part.text for part in parts) == (corpus / "long.txt").read_text().strip()


@pytest.mark.issue(13)
def test_ingest_gzip_cut_short_keeps_the_lines_before(tmp_path: Path) -> None:
    records = [line(id=f"cut-{n}", text=f"{ENGLISH} Report number {n}.") for n in range(400)]
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(lines(*records))[:-200])
    documents, rejected = outcome(read_with_deadline(path))
    assert rejected == ("D118",)
    assert documents == tuple(f"cut-{n}" for n in range(len(documents))) and len(documents) > 300


@pytest.mark.issue(13)
@pytest.mark.parametrize(("content", "documents", "rejected"), [
    (b"\x00" * 60_000, (), ("D114",)),  # /dev/zero on standard input: bounded, then refused
    (b"\n" * 60_000, (), ("D114",)),  # endless blank lines: bounded too
    (lines(line(id="a", text=ENGLISH), b'{"id": "b", "text": "\x00"}', line(id="c", text=ENGLISH)),
     ("a", "c"), ("D102",)),
])
def test_ingest_hostile_stdin(content: bytes, documents: tuple[str, ...], rejected: tuple[str, ...]) -> None:
    stream = io.TextIOWrapper(io.BytesIO(content))
    assert outcome(read_with_deadline("-", stdin=stream)) == (documents, rejected)

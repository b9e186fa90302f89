"""Identity: the same text under another id is an alias, changed metadata re-codes, and aliases keep
their text when the document they point to changes (detente.store.plan, detente.ingestion)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import detente.ingestion
from detente.ingestion import ingest_items
from detente.models import CodedDocument, Document
from detente.store import Store
from tests.store.store_records import make_coded


def doc(doc_id: str, text: str, **fields: object) -> Document:
    return Document(doc_id=doc_id, text=text, **fields)  # type: ignore[arg-type]


def coded_as(document: Document) -> CodedDocument:
    return dataclasses.replace(make_coded(document.doc_id, document.text), document=document)


@pytest.fixture
def fake_coder(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []

    def code_items(documents: Iterable[Document], **_: object) -> Iterator[CodedDocument]:
        for document in documents:
            seen.append(document.doc_id)
            yield coded_as(document)

    monkeypatch.setattr(detente.ingestion, "code_items", code_items)
    return seen


def state(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """doc_id -> text, and alias_id -> doc_id."""
    with Store(db, read_only=True) as store:
        docs = dict(store.connection.execute("SELECT doc_id, text FROM documents").fetchall())
        aliases = dict(store.connection.execute("SELECT alias_id, doc_id FROM document_aliases").fetchall())
    return docs, aliases


@pytest.mark.issue(13)
def test_store_plan_actions(store: Store) -> None:
    store.add(coded_as(doc("a", "Text A.", title="T", date=dt.date(2024, 1, 2))))
    plans = store.plan([doc("a", "Text A."), doc("b", "Text A."), doc("c", "Text C."), doc("d", "Text C."),
                        doc("e", "Text E.", title="x")])
    assert [(p.document.doc_id, p.action, p.target) for p in plans] == [
        ("a", "unchanged", None), ("b", "alias", "a"), ("c", "new", None), ("d", "alias", "c"),
        ("e", "new", None)]
    assert plans[0].document.title == "T" and plans[0].document.date == dt.date(2024, 1, 2)
    changed = store.plan([doc("a", "Text A.", date=dt.date(2024, 1, 3)), doc("a", "Text A2.")])
    assert [p.action for p in changed] == ["recode", "recode"]


@pytest.mark.issue(13)
def test_store_alias_keeps_its_text_when_the_document_changes(tmp_path: Path, fake_coder: list[str]) -> None:
    db = tmp_path / "x.duckdb"
    ingest_items([doc("a", "Shared."), doc("b", "Shared."), doc("c", "Shared.")], db=str(db))
    assert state(db) == ({"a": "Shared."}, {"b": "a", "c": "a"})
    report = ingest_items([doc("a", "New text.")], db=str(db))
    assert (report.coded, report.recoded) == (1, 1)
    assert fake_coder[-2:] == ["a", "b"]  # b is promoted: coded with the text it shared
    assert state(db) == ({"a": "New text.", "b": "Shared."}, {"c": "b"})


@pytest.mark.issue(13)
def test_store_document_becomes_alias_of_same_text(tmp_path: Path, fake_coder: list[str]) -> None:
    db = tmp_path / "x.duckdb"
    ingest_items([doc("a", "One."), doc("b", "Two."), doc("c", "Two.")], db=str(db))
    assert state(db) == ({"a": "One.", "b": "Two."}, {"c": "b"})
    report = ingest_items([doc("b", "One.")], db=str(db))
    assert report.aliased == 1
    assert state(db) == ({"a": "One.", "c": "Two."}, {"b": "a"})
    with Store(db, read_only=True) as store:
        assert store.connection.execute("SELECT DISTINCT doc_id FROM events ORDER BY 1").fetchall() == [
            ("a",), ("c",)]


@pytest.mark.issue(13)
def test_store_alias_with_new_text_becomes_a_document(tmp_path: Path, fake_coder: list[str]) -> None:
    db = tmp_path / "x.duckdb"
    ingest_items([doc("a", "One."), doc("b", "One.")], db=str(db))
    ingest_items([doc("b", "Other.", url="https://example.org/b")], db=str(db))
    assert state(db) == ({"a": "One.", "b": "Other."}, {})


@pytest.mark.issue(13)
def test_store_alias_metadata_updates(tmp_path: Path, fake_coder: list[str]) -> None:
    db = tmp_path / "x.duckdb"
    ingest_items([doc("a", "One."), doc("b", "One.", source="Wire")], db=str(db))
    report = ingest_items([doc("b", "One.", source="Other Wire")], db=str(db))
    assert report.aliased == 1 and fake_coder == ["a"]  # an alias is never coded
    with Store(db, read_only=True) as store:
        assert store.connection.execute("SELECT source FROM document_aliases").fetchall() == [("Other Wire",)]

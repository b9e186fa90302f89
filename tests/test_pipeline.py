"""code_items: every document comes out coded or rejected with a reason, in input order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import detente.pipeline as pipeline
from detente.errors import InputError
from detente.ingest.decode import normalise_text
from detente.ingest.limits import Limits
from detente.models import CodedDocument, Document, Rejected
from detente.pipeline import code_documents, code_items

CALENDAR_TEXT = ("Russia imposed sanctions on Ukraine yesterday. France will meet Germany next month. "
                 "Iran accused Israel last week, and China will visit Japan tomorrow.")


def outcome(items: list[CodedDocument | Rejected]) -> list[str]:
    return [item.code if isinstance(item, Rejected) else item.document.doc_id for item in items]


@pytest.mark.model
@pytest.mark.issue(13)
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_pipeline_calendar_ends(published: dt.date) -> None:
    [coded] = code_items([Document(doc_id="edge", text=CALENDAR_TEXT, date=published)])
    assert isinstance(coded, CodedDocument)
    assert coded.events and all(event.date is not None for event in coded.events)


@pytest.mark.model
@pytest.mark.issue(13)
def test_pipeline_limits_reject_in_place() -> None:
    text = "Russia imposed sanctions on Ukraine. " * 4
    documents = [Document(doc_id="ok", text="Russia imposed sanctions on Ukraine."),
                 Document(doc_id="long", text="word " * 50, path="long.txt"),
                 Document(doc_id="many", text=text), Document(doc_id="ok2", text="France met Germany.")]
    items = list(code_items(documents, limits=Limits(document_chars=200, sentences=3)))
    assert outcome(items) == ["ok", "D119", "D120", "ok2"]
    assert items[1].input == "long.txt" and "document_chars" in items[1].detail
    assert "4 sentences, over the limit sentences (3)" in items[2].detail


@pytest.mark.model
@pytest.mark.issue(13)
def test_pipeline_events_limit() -> None:
    text = "Russia imposed sanctions on Ukraine. France accused Germany."
    [item] = code_items([Document(doc_id="d", text=text)], limits=Limits(events=1))
    assert isinstance(item, Rejected) and item.code == "D120"
    assert "2 events, over the limit events (1)" in item.detail


@pytest.mark.model
@pytest.mark.issue(13)
def test_pipeline_coding_failure_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.code_doc

    def code_doc(doc, document, coder):  # type: ignore[no-untyped-def]
        if document.doc_id == "bad":
            raise IndexError("a coder bug")
        return real(doc, document, coder)

    monkeypatch.setattr(pipeline, "code_doc", code_doc)
    text = "Russia imposed sanctions on Ukraine."
    documents = [Document(doc_id=name, text=text) for name in ("a", "bad", "c")]
    items = list(code_items(documents))
    assert outcome(items) == ["a", "D121", "c"]
    assert "IndexError: a coder bug" in items[1].detail


@pytest.mark.model
@pytest.mark.issue(13)
def test_pipeline_code_documents_refuses_text_spacy_cannot_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = pipeline.load_nlp("md")
    monkeypatch.setattr(nlp, "max_length", 50)
    with pytest.raises(InputError, match="D119"):
        list(code_documents([Document(doc_id="long", text="word " * 20)]))


WORDS = ("Russia", "Ukraine", "the", "minister", "said", "imposed", "sanctions", "on", "met", "in", "Paris",
         "yesterday", "\"", "'", ",", ".", "\n\n", "not", "will", "attack", "protesters", "police", "UN",
         "\u200b", "\x1b[31m", "42", "March", "who", "accused", "of", "talks", "—", "(", ")")
sentences = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)


@pytest.mark.model
@pytest.mark.issue(13)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=300), sentences),
       published=st.one_of(st.none(), st.dates()))
def test_pipeline_any_text_codes_or_rejects(text: str, published: dt.date | None) -> None:
    """Any text and date give one CodedDocument (offsets inside the text) or a documented rejection."""
    document = Document(doc_id="p", text=normalise_text(text) or "x", date=published)
    [item] = code_items([document], limits=Limits(document_chars=2_000, sentences=200))
    if isinstance(item, Rejected):
        assert item.code in ("D119", "D120"), item.detail  # D121 would be a coder bug
        return
    for event in item.events:
        assert 0 <= event.trigger.start < event.trigger.end <= len(document.text)
        assert event.date is None or dt.date.min <= event.date <= dt.date.max

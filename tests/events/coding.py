"""Code one text through the whole pipeline, for end-to-end coder tests (en_core_web_md)."""

from __future__ import annotations

import datetime as dt

from detente.models import Document, Event
from detente.pipeline import code_documents

ANY = "*"  # an expected actor that is not checked


def code_text(text: str, published: dt.date) -> list[Event]:
    return list(next(code_documents([Document(doc_id="t", text=text, date=published)])).events)


def event_on(text: str, trigger: str, published: dt.date) -> Event:
    """The first event whose trigger is `trigger`; fails listing what was coded instead."""
    events = code_text(text, published)
    found = [e for e in events if e.trigger.text == trigger]
    assert found, [(e.trigger.text, e.cameo) for e in events]
    return found[0]

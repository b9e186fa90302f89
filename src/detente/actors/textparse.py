"""Parse a bare string (optionally inside a context sentence) and find the head of its phrase.

Models load through `detente.nlp.language.load_nlp` (once per process, cached there).
"""

from __future__ import annotations

from spacy.tokens import Token

from detente.nlp.language import load_nlp


def head_of_text(text: str, context: str | None, model: str) -> Token | None:
    """The syntactic head of `text`, parsed inside `context` when the context contains it."""
    nlp = load_nlp(model)
    if context and text in context:
        doc = nlp(context)
        start = context.index(text)
        span = doc.char_span(start, start + len(text), alignment_mode="expand")
    else:
        doc = nlp(text)
        span = doc[:]
    if span is None or len(span) == 0:
        return None
    return span.root


__all__ = ["head_of_text"]

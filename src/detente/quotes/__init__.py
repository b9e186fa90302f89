"""Quotations and who said them: direct ("...," he said), partial (a few quoted words inside
reported speech) and indirect (X said that ..., according to X, ...).

`extract_quotes(doc, document, resolver=..., memory=...)` reads one parsed document;
`attach_quotes(events, quotes)` gives events inside a quotation that quote's id. Word lists live
in src/detente/data/quotes/ (see MANIFEST.toml there).
"""

from __future__ import annotations

from detente.quotes.extract import attach_quotes, extract_quotes, make_quote_id
from detente.quotes.marks import QuotedSpan, find_quoted_spans
from detente.quotes.words import QuoteWords, quote_words

__all__ = ["QuoteWords", "QuotedSpan", "attach_quotes", "extract_quotes", "find_quoted_spans",
           "make_quote_id", "quote_words"]

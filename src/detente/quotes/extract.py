"""Quotations in one parsed document: direct, partial and reported speech, with their speakers.

Decisions:
- quotes inside quotes stay part of the outer quote;
- a quote split by its attribution (`"A," he said, "b."`) gives two quotes with the same speaker
  and kind, so that each keeps exact offsets and `text == document.text[start:end]`;
- a quote over several paragraphs is one quote; its text joins the paragraphs with a line break
  and leaves out the repeated opening marks, while start/end cover the whole stretch;
- one or two quoted words that no speech verb governs (`the "First Channel" network`, a
  "killer") are scare quotes, not speech, and are dropped unless they form a complete utterance
  (`"Nonsense."`);
- a quote with no speech verb or "according to" near it keeps speaker None.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Token

from detente.actors import ActorResolver, DocMemory
from detente.events.coder import ARGUMENT_DEPS
from detente.ingest import is_boilerplate
from detente.models import Actor, Document, Event, Quote
from detente.quotes.marks import QuotedSpan, find_quoted_spans
from detente.quotes.reported import reported_clauses
from detente.quotes.speakers import Attribution, choose_cue, colon_cue, cues_in, governing_depth
from detente.quotes.words import QuoteWords, quote_words

log = logging.getLogger(__name__)

SCARE_QUOTE_MAX_WORDS = 2
UTTERANCE_END = frozenset(".!?…")
INTRODUCERS = frozenset(":,")  # a quote right after these is a full quotation, not a partial one
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON"})


def make_quote_id(doc_id: str, start: int, end: int) -> str:
    """Stable id from the document and the quoted character span."""
    return hashlib.sha1(f"{doc_id}\x1f{start}\x1f{end}".encode()).hexdigest()[:16]


@dataclass
class _Context:
    doc: Doc
    document: Document
    resolver: ActorResolver
    memory: DocMemory
    words: QuoteWords
    spans: list[QuotedSpan] = field(default_factory=list)
    actors: dict[int, list[Actor]] = field(default_factory=dict)
    text: str = ""  # doc.text, built once: Doc.text joins every token on each call
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = self.doc.text
        for start, end in merge_intervals((span.open_at, span.outer_end) for span in self.spans):
            self._starts.append(start)
            self._ends.append(end)

    def inside(self, offset: int) -> bool:
        """Is the character offset inside some quotation? (A binary search: called per token.)"""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    def actors_of(self, head: Token) -> list[Actor]:
        if head.i not in self.actors:
            self.actors[head.i] = self.resolver.resolve_token(head, on=self.document.date, memory=self.memory)
        return self.actors[head.i]

    def speaker(self, attribution: Attribution | None) -> Actor | None:
        if attribution is None or attribution.speaker is None:
            return None
        found = self.actors_of(attribution.speaker)
        return found[0] if found else None

    def quote(self, attribution: Attribution | None, text: str, start: int, end: int,
              kind: Literal["direct", "indirect", "partial"]) -> Quote:
        doc_id = self.document.doc_id
        return Quote(quote_id=make_quote_id(doc_id, start, end), doc_id=doc_id,
                     speaker=self.speaker(attribution), text=text, start=start, end=end, kind=kind,
                     verb=attribution.verb if attribution else None)


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping [start, end) intervals covering the same offsets."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def resolve_arguments(ctx: _Context) -> None:
    """Resolve every argument head in reading order (as the event coder does), filling the memory."""
    for sent in ctx.doc.sents:
        if is_boilerplate(sent.text):
            continue
        for token in sent:
            if token.dep_ in ARGUMENT_DEPS and token.pos_ in ARGUMENT_POS:
                ctx.actors_of(token)


def _is_full_quotation(text: str, span: QuotedSpan) -> bool:
    """Starts with a capital and is introduced like speech or ends like a sentence."""
    quoted = span.text_in(text)
    first = next((ch for ch in quoted if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    before = char_before(text, span.open_at, skip=" \t")
    at_paragraph_start = before in {"", "\n"}
    closing = text[span.end: span.outer_end].lstrip()
    return (at_paragraph_start or before in INTRODUCERS or quoted.rstrip()[-1] in UTTERANCE_END
            or closing.startswith(","))


def char_before(text: str, offset: int, *, skip: str | None = None) -> str:
    """The last character before ``offset`` that is not in ``skip`` (default: any whitespace), or
    "" at the start of the text; found without copying the text before it (a copy per quote
    would cost the text's length each time)."""
    index = offset - 1
    while index >= 0 and (text[index] in skip if skip is not None else text[index].isspace()):
        index -= 1
    return text[index] if index >= 0 else ""


def _is_scare_quote(text: str, span: QuotedSpan, cue: Attribution | None, tokens: list[Token]) -> bool:
    """One or two quoted words that no speech verb governs and that are not a full utterance."""
    if len(span.text_in(text).split()) > SCARE_QUOTE_MAX_WORDS:
        return False
    introduced = char_before(text, span.open_at) == ":"
    ends = span.text_in(text).rstrip()[-1] in UTTERANCE_END
    utterance = _is_full_quotation(text, span) and (ends or introduced)
    if utterance:
        return False
    return cue is None or governing_depth(cue.cue, tokens, strict=True) is None


def direct_quote(ctx: _Context, span: QuotedSpan) -> tuple[Quote, Attribution | None] | None:
    text = ctx.text
    content = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    outer = ctx.doc.char_span(span.open_at, span.outer_end, alignment_mode="expand")
    if content is None or outer is None or not len(content):
        return None
    tokens = [t for t in content if not t.is_space]
    sents = list(dict.fromkeys(t.sent for t in outer))
    cue = choose_cue(cues_in(sents, ctx.words, ctx.inside), tokens, span.open_at, span.outer_end)
    cue = cue or colon_cue(ctx.doc, outer.start, ctx.words, ctx.inside)
    if _is_scare_quote(text, span, cue, tokens):
        log.debug("scare quote dropped: %r", span.text_in(text))
        return None
    kind: Literal["direct", "partial"] = "direct" if _is_full_quotation(text, span) else "partial"
    return ctx.quote(cue, span.text_in(text), span.start, span.end, kind), cue


def direct_quotes(ctx: _Context) -> list[Quote]:
    """Quotes by their marks; the second part of a split quote ("A," he said, "b.") stays direct."""
    quotes: list[Quote] = []
    previous: Attribution | None = None
    for span in ctx.spans:
        found = direct_quote(ctx, span)
        if found is None:
            continue
        quote, cue = found
        if (cue is not None and previous is not None and cue.cue.i == previous.cue.i
                and quotes[-1].kind == "direct"):
            quote = replace(quote, kind="direct")
        quotes.append(quote)
        previous = cue
    return quotes


def indirect_quotes(ctx: _Context) -> list[Quote]:
    quotes = []
    for attribution, clause in reported_clauses(ctx.doc, ctx.words, ctx.inside):
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        quotes.append(ctx.quote(attribution, ctx.text[start:end], start, end, "indirect"))
    return quotes


def extract_quotes(doc: Doc, document: Document, *, resolver: ActorResolver,
                   memory: DocMemory | None = None,
                   known: dict[int, list[Actor]] | None = None) -> list[Quote]:
    """All quotations of one document, in text order, with speakers resolved through `resolver`.

    `memory` must be fresh for this document (default: a new one): the document is read in order,
    resolving every argument as the event coder does, so that "he said" finds the latest person.
    The pipeline passes instead the event coder's memory and `known` actors (token index -> actors)
    after it has read the document, so that each argument is resolved once.
    Offsets are character offsets in `doc.text`, which is `document.text` in the pipeline.
    """
    text = doc.text
    if text != document.text:
        log.warning("%s: parsed text differs from the document text; offsets follow the parse",
                    document.doc_id)
    words = quote_words()
    ctx = _Context(doc=doc, document=document, resolver=resolver,
                   memory=memory if memory is not None else resolver.new_memory(), words=words,
                   spans=find_quoted_spans(text, words.closers), actors=dict(known or {}))
    resolve_arguments(ctx)
    quotes = direct_quotes(ctx) + indirect_quotes(ctx)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def attach_quotes(events: list[Event], quotes: list[Quote]) -> list[Event]:
    """Set `quote_id` on events whose trigger lies inside a quote (the innermost one), same document."""
    by_start = sorted(quotes, key=lambda q: q.start)
    open_quotes: list[Quote] = []  # quotes begun before the current trigger and not yet ended
    next_quote = 0
    quote_ids: dict[int, str] = {}
    # A sweep over triggers in text order, so that the cost is linear in events and quotes.
    for index in sorted(range(len(events)), key=lambda i: events[i].trigger.start):
        event = events[index]
        while next_quote < len(by_start) and by_start[next_quote].start <= event.trigger.start:
            open_quotes.append(by_start[next_quote])
            next_quote += 1
        open_quotes = [q for q in open_quotes if q.end >= event.trigger.start]
        around = [q for q in open_quotes if q.doc_id == event.doc_id and event.trigger.end <= q.end]
        if around:
            quote_ids[index] = min(around, key=lambda q: q.end - q.start).quote_id
    return [replace(event, quote_id=quote_ids[i]) if i in quote_ids else event
            for i, event in enumerate(events)]


__all__ = ["attach_quotes", "direct_quote", "direct_quotes", "extract_quotes", "indirect_quotes",
           "make_quote_id"]

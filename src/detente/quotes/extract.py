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
- a quote with no speech verb near it that follows a quote of the same paragraph, with no other
  person named between them, continues that quote's speaker ("A," said X. "B.");
- a quote introduced by a colon takes the speaker of the sentence ending in it ("Putin said:");
- a capitalised name in quotation marks that no speech verb governs ("Don't Hug Cacti") is no
  quote, and neither is what someone did not or could not say ("police were unable to say how
  many");
- "she said"/"he said", statements, banners and title nouns find their person through
  `quotes/persons.py`; otherwise a quote with no speech verb or "according to" near it keeps
  speaker None.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from detente.actors import ActorResolver, DocMemory
from detente.events.coder import ARGUMENT_DEPS
from detente.events.frames import clause_words
from detente.ingest import is_boilerplate
from detente.models import Actor, Document, Event, Quote
from detente.quotes.marks import QuotedSpan, find_quoted_spans
from detente.quotes.persons import Persons, owner, person_key
from detente.quotes.reported import reported_clauses
from detente.quotes.speakers import Attribution, choose_cue, colon_cue, cues_in, governing_depth
from detente.quotes.words import QuoteWords, quote_words

log = logging.getLogger(__name__)

SCARE_QUOTE_MAX_WORDS = 2
UTTERANCE_END = frozenset(".!?…")
INTRODUCERS = frozenset(":,")  # a quote right after these is a full quotation, not a partial one
ARGUMENT_POS = frozenset({"NOUN", "PROPN", "PRON"})
PERSONAL_PRONOUNS = frozenset({"he", "she"})
NAME_MAX_WORDS = 6
NOT_SAYING = frozenset({"unable", "decline", "fail", "refuse"})  # "unable to say how many": no statement


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
    persons: Persons | None = None
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
        """The speaker's actor: the author or carrier of a statement or sign, the person "she" or
        "he" stands for, the resolved speaker phrase, or the named person a title noun describes."""
        if attribution is None:
            return None
        cue = attribution.cue
        sign = cue.head if attribution.speaker is None and cue.dep_ == "acl" else None  # "banners reading"
        head = owner(sign) if sign is not None else attribution.speaker
        if head is None:
            return None
        head = owner(head) or head
        if self.persons is not None and head.lower_ in PERSONAL_PRONOUNS:
            ent = self.persons.referent(head)
            if ent is not None:
                return self.person(ent)
        found = self.actors_of(head)
        if self.persons is None:
            return found[0] if found else None
        named = self.persons.named_in(head)
        if found and named is not None and named.text not in found[0].text:
            return self.person(named)  # "the mayor of London, Sadiq Khan": the person, not the office
        ent = None if found else self.persons.described(head)
        return self.person(ent) if ent is not None else (found[0] if found else None)

    def person(self, ent: Span) -> Actor:
        found = [a for a in self.actors_of(ent.root) if ent.root.text in a.text]
        return found[0] if found else Actor(text=ent.text, name=ent.text, start=ent.start_char,
                                            end=ent.end_char, kind="person")

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
    if cue is None or cue.cue.lemma_.lower() in clause_words()["naming_verbs"]:
        return True  # "described Putin as a 'killer'": a label, not words said
    return governing_depth(cue.cue, tokens, strict=True) is None


def direct_quote(ctx: _Context, span: QuotedSpan) -> tuple[Quote, Attribution | None] | None:
    text = ctx.text
    content = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    outer = ctx.doc.char_span(span.open_at, span.outer_end, alignment_mode="expand")
    if content is None or outer is None or not len(content):
        return None
    tokens = [t for t in content if not t.is_space]
    sents = list(dict.fromkeys(t.sent for t in outer))
    cue = colon_cue(ctx.doc, outer.start, ctx.words, ctx.inside) or choose_cue(
        cues_in(sents, ctx.words, ctx.inside), tokens, span.open_at, span.outer_end)
    if _is_scare_quote(text, span, cue, tokens) or (cue is None and _is_name(span.text_in(text))):
        log.debug("scare quote or name dropped: %r", span.text_in(text))
        return None
    kind: Literal["direct", "partial"] = "direct" if _is_full_quotation(text, span) else "partial"
    return ctx.quote(cue, span.text_in(text), span.start, span.end, kind), cue


def _is_name(quoted: str) -> bool:
    """"Don't Hug Cacti.", "Storm Area 51": a short title-cased name, not an utterance."""
    words = [w for w in quoted.strip(" .,;!?").split() if any(ch.isalpha() for ch in w)]
    return 0 < len(words) <= NAME_MAX_WORDS and all(w[0].isupper() for w in words)


def direct_quotes(ctx: _Context) -> list[Quote]:
    """Quotes by their marks; the second part of a split quote ("A," he said, "b.") stays direct,
    and a quote with no cue of its own continues the previous quote of its paragraph."""
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
        if quote.speaker is None and cue is None and quotes and _continues(ctx, quotes[-1], quote):
            quote = replace(quote, speaker=quotes[-1].speaker, verb=quotes[-1].verb)
        quotes.append(quote)
        previous = cue
    return quotes


def _continues(ctx: _Context, before: Quote, quote: Quote) -> bool:
    """Nothing but narration without a new person or paragraph lies between the two quotes."""
    between = ctx.doc.text[before.end: quote.start]
    if before.speaker is None or "\n\n" in between:
        return False
    persons = ctx.persons.mentions if ctx.persons is not None else []
    speaker = (before.speaker.name or before.speaker.text).lower().split()
    return not any(before.end <= ent.start_char and ent.end_char <= quote.start
                   and person_key(ent) not in speaker for ent in persons)


def indirect_quotes(ctx: _Context) -> list[Quote]:
    quotes = []
    for attribution, clause in reported_clauses(ctx.doc, ctx.words, ctx.inside):
        if _not_said(attribution.cue):
            continue
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        quotes.append(ctx.quote(attribution, ctx.text[start:end], start, end, "indirect"))
    return quotes


def _person_spans(ctx: _Context) -> list[Span]:
    """The spans of names the resolver gave no affiliation that it read as persons or that speak
    ("Warholm said", though the tagger took it for an organisation)."""
    spans = []
    for found in ctx.actors.values():
        for actor in found:
            span = ctx.doc.char_span(actor.start or 0, actor.end or 0, alignment_mode="expand")
            if span is None or not actor.name or span.root.pos_ != "PROPN":
                continue
            speaks = span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in ctx.words.speech
            if (actor.kind == "person" or speaks) and actor.sector is None:  # not "broadcaster PBS"
                spans.append(span)
    return spans


def _not_said(cue: Token) -> bool:
    """"did not say whether", "was unable to say how many": no statement was made."""
    if any(child.dep_ == "neg" for child in cue.children):
        return True
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in NOT_SAYING


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
    ctx.persons = Persons(doc, ctx.inside, resolved=_person_spans(ctx))
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

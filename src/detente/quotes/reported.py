"""Reported (indirect) speech: the clause a speech verb reports, and "according to X" sentences.

`X said that ...`, `X told reporters that ...`, `X warned/denied/announced that ...` give the clause
complement of the verb; `According to X, ...` and `..., according to X.` give the clause the phrase
is attached to, without the phrase. A clause that lies mostly inside quotation marks is left to the
direct quote that already covers it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from detente.quotes.speakers import Attribution, Inside, attribution_of, phrase_object
from detente.quotes.words import QuoteWords

LEADING_MARKS = frozenset({"that"})
MIN_CLAUSE_TOKENS = 2
MAX_QUOTED_SHARE = 0.5  # a clause more than half inside quotation marks belongs to that quote

Clause = tuple[Attribution, list[Token]]


def _content(tokens: list[Token]) -> list[Token]:
    """Drop leading "that", punctuation and spaces, and trailing punctuation and spaces."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].is_punct or tokens[start].is_space
                           or (tokens[start].dep_ == "mark" and tokens[start].lower_ in LEADING_MARKS)):
        start += 1
    while end > start and (tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    return tokens[start:end]


def complement_of(verb: Token) -> list[Token]:
    """The clause complement of a speech verb, trimmed, or [].

    A complement after the verb wins; one before it ("The talks failed, he said.") counts only when
    the verb is not itself subordinate ("..., after Biden said" cannot have a fronted complement).
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in comps if c.i > verb.i]
    subordinate = any(c.dep_ == "mark" for c in verb.children)
    comp = after[0] if after else (comps[0] if comps and not subordinate else None)
    return _content(list(comp.subtree)) if comp is not None else []


def phrase_clause(cue: Token) -> list[Token]:
    """The clause an "according to X" phrase is attached to, without the phrase."""
    clause = cue.head
    if clause.i == cue.i:
        return []
    phrase = {t.i for t in cue.subtree}
    tokens = list(clause.subtree)
    if tokens and tokens[0].i in phrase:
        kept = [t for t in tokens if t.i > cue.right_edge.i]
    else:
        kept = [t for t in tokens if t.i < cue.left_edge.i]
    return _content(kept)


def _mostly_quoted(tokens: list[Token], inside: Inside) -> bool:
    quoted = sum(1 for t in tokens if inside(t.idx))
    return quoted > MAX_QUOTED_SHARE * len(tokens)


def _clause_for(token: Token, words: QuoteWords) -> Clause | None:
    if phrase_object(token, words) is not None:
        attribution = attribution_of(token, words)
        return (attribution, phrase_clause(token)) if attribution else None
    if token.pos_ != "VERB" or token.lemma_.lower() not in words.reporting:
        return None
    attribution = attribution_of(token, words)
    return (attribution, complement_of(token)) if attribution else None


def reported_clauses(doc: Doc, words: QuoteWords, inside: Inside) -> Iterator[Clause]:
    """(attribution, clause tokens) for every reported clause outside quotation marks."""
    for token in doc:
        if inside(token.idx):
            continue
        found = _clause_for(token, words)
        if found is None:
            continue
        attribution, clause = found
        words_in_clause = [t for t in clause if not t.is_punct and not t.is_space]
        if len(words_in_clause) < MIN_CLAUSE_TOKENS or _mostly_quoted(clause, inside):
            continue
        if attribution.speaker is not None and inside(attribution.speaker.idx):
            attribution = Attribution(attribution.cue, None, attribution.verb)
        yield attribution, clause


__all__ = ["complement_of", "phrase_clause", "reported_clauses"]

"""Noun-phrase structure around an argument head, read from the spaCy parse.

The phrase of a head is the head plus its modifiers (compound, amod, poss, nmod, det, ...), without
relative clauses, conjuncts, appositions or prepositional phrases; those are handled by the resolver.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nn", "det", "nummod", "case",
                           "quantmod", "predet"})
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
# Lower-case words that may sit inside a multi-word name ("Committee to Protect Journalists").
NAME_FUNCTION_WORDS = frozenset({"of", "for", "the", "and", "on", "in", "to", "without", "&"})
FUNCTION_DEPS = frozenset({"det", "case", "punct", "predet", "cc", "nummod", "quantmod"})


def phrase_tokens(head: Token) -> list[Token]:
    """The head and its modifiers (recursively), in document order."""
    found = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS:
                found.append(child)
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def phrase_extent(tokens: list[Token]) -> tuple[int, int]:
    """Character offsets (start, end) of the tokens' stretch, modifier conjuncts included."""
    first = min(t.i for t in tokens)
    last = max(t.i for t in tokens)
    for token in tokens:
        for conj in token.conjuncts if token.dep_ in {"amod", "compound"} else ():
            first, last = min(first, conj.i), max(last, conj.i)
    doc = tokens[0].doc
    start = doc[first].idx
    if doc[first].dep_ == "det":
        start = doc[first + 1].idx if first < last else start
    return start, doc[last].idx + len(doc[last].text)


def content_tokens(tokens: list[Token]) -> list[Token]:
    """Tokens that carry meaning: no determiners, possessive markers or punctuation."""
    return [t for t in tokens if t.dep_ not in FUNCTION_DEPS and not t.is_punct and t.tag_ != "POS"]


def entity_of(token: Token) -> tuple[list[Token], str] | None:
    """The named-entity tokens containing `token` (no leading "the") and the label."""
    if not token.ent_type_:
        return None
    # The entity's bounds from the tokens' IOB tags, as Doc.ents finds them, without building
    # Doc.ents (a walk over the whole document) for every token asked about.
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B" or not doc[start].ent_type_:
        return None
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    tokens = [t for t in doc[start:end] if t.lower_ != "the" and t.tag_ != "POS"]
    return tokens, doc[start].ent_type_


def compound_chain(head: Token) -> list[Token]:
    """The head and the compound/flat tokens directly before it ("White House", "Joe Biden")."""
    chain = [head]
    i = head.i - 1
    while i >= 0:
        token = head.doc[i]
        if token.dep_ in {"compound", "flat", "nn"} and token.head.i in {t.i for t in chain}:
            chain.insert(0, token)
            i -= 1
        else:
            break
    return chain


def name_extensions(head: Token) -> list[list[Token]]:
    """Longer names that run on from the head's compound chain through its own prepositional
    phrase ("Organisation for the Prohibition of Chemical Weapons", "Reporters Without Borders"):
    capitalised words and name function words inside the head's subtree, longest first; each
    candidate ends on a capitalised word. Empty when the head is not capitalised."""
    chain = compound_chain(head)
    if not head.text[:1].isupper():
        return []
    subtree = {t.i for t in head.subtree}
    run: list[Token] = []
    for token in head.doc[head.i + 1:]:
        capital = token.text[:1].isupper() and token.is_alpha
        if token.i not in subtree or not (capital or token.lower_ in NAME_FUNCTION_WORDS):
            break
        run.append(token)
    ends = [i for i, t in enumerate(run) if t.text[:1].isupper()]
    return [chain + run[:i + 1] for i in reversed(ends)]


def base_tokens_of(head: Token) -> list[Token]:
    """The place words of "a London-based group" / "the group, based in Ankara": where an
    organisation sits, which is not whom it belongs to."""
    based = next((c for c in head.children if c.lower_ == "based" and c.dep_ in {"amod", "acl"}), None)
    if based is None:
        return []
    for inner in based.children:
        if inner.dep_ in {"npadvmod", "compound", "nmod", "nsubj"} and inner.i < based.i:
            return compound_chain(inner)
        if inner.dep_ == "prep" and inner.lower_ == "in":
            objects = [c for c in inner.children if c.dep_ == "pobj"]
            return compound_chain(objects[0]) if objects else []
    return [t for t in head.lefts if t.i < based.i and t.dep_ in {"nmod", "compound"} and t.pos_ == "PROPN"]


def ngrams(tokens: list[Token]) -> list[tuple[int, int]]:
    """(start, end) index pairs into `tokens`, longest first, then leftmost."""
    size = len(tokens)
    return [(s, s + n) for n in range(size, 0, -1) for s in range(0, size - n + 1)]


def text_of(tokens: list[Token]) -> str:
    """The tokens' words; adjacent tokens keep the text's own spacing, and a hyphen left out between
    two of them is put back ("Amir-Abdollahian", "Al-Shabab" stay whole)."""
    if not tokens:
        return ""
    parts = []
    for token, following in pairwise(tokens):
        parts.append(token.text + _gap(token, following))
    parts.append(tokens[-1].text)
    return "".join(parts)


def _gap(token: Token, following: Token) -> str:
    if following.i == token.i + 1:
        return token.whitespace_
    if following.i == token.i + 2:  # one token left out: an intra-word hyphen comes back
        middle = token.doc[token.i + 1]
        if middle.text in HYPHENS and not token.whitespace_ and not middle.whitespace_:
            return middle.text
    return " "


__all__ = ["base_tokens_of", "compound_chain", "content_tokens", "entity_of", "name_extensions", "ngrams",
           "phrase_extent", "phrase_tokens", "text_of"]

"""Who says it: speech verbs, "according to" phrases and their speakers on the dependency parse.

A quotation is attributed to the subject of the speech verb (or the object of the "according to"
phrase) nearest to it in the sentence(s) it lies in (`X said that "..."`, `"...," X said`,
`"A," he said, "B."`). A quote that opens a paragraph right after a sentence ending in a colon
("Putin said on Monday:") takes that sentence's speaker. Nothing else is guessed: a quote with no
speech verb near it stays unattributed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from detente.events.frames import find_subject
from detente.quotes.words import QuoteWords

# Dependencies through which a speech verb does NOT govern the words below it: a quoted name in
# the subject ("the official "First Channel" network reported") is not what was reported.
NOT_GOVERNING = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "compound", "poss", "expl"})
MAX_DEPTH = 12
MAX_OBJECT_TOKENS = 3  # "told reporters", "told the BBC": the addressee is part of the verb text

Inside = Callable[[int], bool]  # is this character offset inside some quotation?


@dataclass(frozen=True)
class Attribution:
    """A speech verb (or attribution phrase) and the head of its speaker phrase."""

    cue: Token  # the speech verb, or "according"
    speaker: Token | None
    verb: str  # as written: "said", "told reporters", "according to"


def is_speech_verb(token: Token, words: QuoteWords) -> bool:
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in words.speech


def phrase_object(token: Token, words: QuoteWords) -> Token | None:
    """For "according" in "according to X": the head of X."""
    wanted = words.phrases.get(token.lower_)
    if wanted is None:
        return None
    for prep in token.children:
        if prep.lower_ == wanted[0]:
            return next((obj for obj in prep.children if obj.dep_ == "pobj"), None)
    return None


def verb_text(verb: Token) -> str:
    """The verb as written, with its particle and a short addressee ("told reporters")."""
    parts = [verb]
    parts += [c for c in verb.children if c.dep_ == "prt"]
    obj = next((c for c in verb.children if c.dep_ in {"dative", "dobj"}), None)
    if verb.lemma_.lower() == "tell" and obj is not None and obj.i - obj.left_edge.i < MAX_OBJECT_TOKENS:
        parts += list(verb.doc[obj.left_edge.i: obj.i + 1])
    return " ".join(t.text for t in sorted(set(parts), key=lambda t: t.i))


def attribution_of(cue: Token, words: QuoteWords) -> Attribution | None:
    """The attribution a speech verb or "according to" phrase gives, or None for other words."""
    obj = phrase_object(cue, words)
    if obj is not None:
        return Attribution(cue=cue, speaker=obj, verb=words.phrases[cue.lower_][1])
    if not is_speech_verb(cue, words):
        return None
    subject, passive = find_subject(cue)
    if subject is not None and passive and subject.head.i == cue.i:
        subject = None  # "it was announced that ...": no speaker
    return Attribution(cue=cue, speaker=subject, verb=verb_text(cue))


def cues_in(sents: Iterable[Span], words: QuoteWords, inside: Inside) -> list[Attribution]:
    """Every attribution cue outside quotations in these sentences, with a speaker outside too."""
    found = []
    for sent in sents:
        for token in sent:
            if inside(token.idx):
                continue
            attribution = attribution_of(token, words)
            if attribution is None:
                continue
            if attribution.speaker is not None and inside(attribution.speaker.idx):
                attribution = Attribution(attribution.cue, None, attribution.verb)
            found.append(attribution)
    return found


def governing_depth(cue: Token, tokens: list[Token], *, strict: bool) -> int | None:
    """Steps from the quoted tokens up to `cue`, or None when `cue` is not above them.

    With `strict`, the path may not pass through a subject, compound or possessive.
    """
    inside = {t.i for t in tokens}
    best: int | None = None
    for token in tokens:
        if token.head.i in inside and token.head.i != token.i:
            continue  # only the tops of the quoted stretch
        current, depth = token, 0
        while current.head.i != current.i and depth < MAX_DEPTH:
            if strict and current.dep_ in NOT_GOVERNING:
                break
            current, depth = current.head, depth + 1
            if current.i == cue.i:
                best = depth if best is None else min(best, depth)
                break
    return best


def choose_cue(cues: list[Attribution], tokens: list[Token], start: int, end: int) -> Attribution | None:
    """The cue nearest to the quote in the text; a cue governing the quoted words wins a tie.

    Text distance is more robust than the parse tree in long sentences, where a partial quote is
    often attached to the wrong clause ("announced ..., after Biden said that he "believes ..."").
    """
    if not cues:
        return None

    def rank(attribution: Attribution) -> tuple[int, int]:
        distance = min(abs(attribution.cue.idx - start), abs(attribution.cue.idx - end))
        governs = governing_depth(attribution.cue, tokens, strict=False) is not None
        return distance, 0 if governs else 1

    return min(cues, key=rank)


def colon_cue(doc: Doc, opening: int, words: QuoteWords, inside: Inside) -> Attribution | None:
    """The cue of the sentence ending in the colon just before token `opening` ("Putin said:")."""
    index = opening - 1
    while index >= 0 and (doc[index].is_space or inside(doc[index].idx)):
        index -= 1
    if index < 0 or doc[index].text != ":":
        return None
    cues = [a for a in cues_in([doc[index].sent], words, inside) if a.speaker is not None]
    return max(cues, key=lambda a: a.cue.i) if cues else None


__all__ = ["Attribution", "attribution_of", "choose_cue", "colon_cue", "cues_in", "governing_depth",
           "is_speech_verb", "phrase_object", "verb_text"]

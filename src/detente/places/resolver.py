"""Place mentions in a document, resolved against the gazetteer, and each event's location.

Reads: spaCy GPE/LOC entities and the dependency parse; the document text for its dateline.
Disambiguation scores each candidate by its prior (country > region > big city) plus the document's
other places: the same country (+3) and the same first-level region (+3), and a qualifier right
after the name ("Paris, Texas", "KABUL, Afghanistan") that contains the candidate (+10).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from detente.dates import clause_tokens
from detente.models import Document, Location
from detente.places.gazetteer import Candidate, Entry, Gazetteer

log = logging.getLogger(__name__)

PLACE_LABELS = frozenset({"GPE", "LOC"})
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "from", "to", "into", "across", "around",
                            "toward", "towards", "inside", "within", "between"})
STATIC_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
GOVERNMENT_CODES = frozenset({"PCLI", "PPLC", "ADM1"})
COUNTRY_BONUS, REGION_BONUS, QUALIFIER_BONUS, ALTERNATE_PENALTY = 3.0, 3.0, 10.0, 1.5
PRECISION_RANK = {"city": 0, "admin1": 1, "country": 2}
DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z.'\- ]{2,40}?)"
                       r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|(?P<qualifier>[A-Z][A-Za-z.'\- ]{1,40}?)))?"
                       r"\s*(?:\([^)\n]{1,40}\))?\s*[-—–]+\s")
_DATE_PARAGRAPH = re.compile(r"^\s*(?:[A-Z][a-z]+day,\s+)?[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s*\n\s*\n")


@dataclass(frozen=True)
class PlaceMention:
    """A place name in the document (offsets in the document text) and what it resolved to.

    ``is_actor``: a country or capital standing for its government ("Moscow denied"), not a place.
    ``is_dateline``: the article's dateline, the fallback location for the events that name no
    place. ``lead_end``: for a place taken from a dateless article's first sentence, where its
    first paragraph ends: it is the place of that paragraph's main event only.
    """

    text: str
    start: int
    end: int
    location: Location
    is_actor: bool = False
    is_dateline: bool = False
    lead_end: int | None = None


@dataclass(frozen=True)
class _Name:
    text: str
    start: int
    end: int
    candidates: list[Candidate]
    qualifier: list[Candidate]
    span: Span | None


class PlaceResolver:
    """Finds and resolves place names; ``default()`` uses the bundled gazetteer (cached)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def default(cls) -> PlaceResolver:
        return _default_resolver()

    def places_in(self, doc: Doc, document: Document) -> list[PlaceMention]:
        """All resolvable place mentions in ``doc`` (parsed from ``document.text``), dateline included."""
        dateline = self._dateline_name(document.text)
        header = DATELINE.match(document.text)
        header_end = header.end() if header and dateline else 0  # the dateline is one mention
        names = [n for n in self._entity_names(doc) + self._missed_names(doc) if n.start >= header_end]
        places = [n for n in names if n.candidates and not _affiliation(n)]  # "U.S. negotiators": no evidence
        context = _context(places + ([dateline] if dateline else []))
        mentions = [self._mention(name, context) for name in names if name.candidates]
        if dateline is not None:
            mentions.append(replace(self._mention(dateline, context), is_dateline=True))
        elif _DATE_PARAGRAPH.match(document.text):
            offset = _DATE_PARAGRAPH.match(document.text)
            mentions.extend(_first_sentence_place(doc, mentions, offset.end() if offset else 0))
        return sorted(mentions, key=lambda m: (m.start, m.is_dateline))

    def locate_event(self, doc: Doc, sent: Span, trigger: Token | None,
                     mentions: Sequence[PlaceMention], *, lead_only: bool = True) -> Location | None:
        """The event's place: its own clause first, then its sentence (outside quotations), then the
        dateline, else None. A first-sentence place stands in for a dateline only in the first
        paragraph (with ``lead_only``)."""
        places = [m for m in mentions if not m.is_actor and not m.is_dateline]
        in_sent = [m for m in places if sent.start_char <= m.start and m.end <= sent.end_char]
        if trigger is not None:
            clause = {doc[i].idx for i in clause_tokens(trigger)}
            own = [m for m in in_sent if any(m.start <= idx < m.end for idx in clause)]
            if own:
                return _most_specific(own, trigger).location
        unquoted = [m for m in in_sent if not _quoted(doc.text, sent.start_char, m.start)]
        if unquoted:
            return _most_specific(unquoted, trigger).location
        datelines = [m for m in mentions
                     if m.is_dateline and (not lead_only or in_lead(m, sent))]
        return datelines[0].location if datelines else None

    def resolve_name(self, text: str, *, context: Iterable[str] = ()) -> Location | None:
        """Resolve a bare name, optionally helped by other place names from the same text."""
        name = _Name(text, 0, len(text), self.gazetteer.lookup(text), [], None)
        others = [_Name(t, 0, 0, self.gazetteer.lookup(t), [], None) for t in context]
        best = _best(name, _context([name, *others]))
        return _location(text, best.entry) if best else None

    def _entity_names(self, doc: Doc) -> list[_Name]:
        ents = [ent for ent in doc.ents if ent.label_ in PLACE_LABELS]
        text = doc.text  # once: Doc.text joins every token on each call
        names = []
        for index, ent in enumerate(ents):
            nxt = ents[index + 1] if index + 1 < len(ents) else None
            adjacent = nxt is not None and text[ent.end_char:nxt.start_char].strip() == ","
            qualifier = self.gazetteer.lookup(nxt.text) if adjacent and nxt is not None else []
            names.append(_Name(ent.text, ent.start_char, ent.end_char, self.gazetteer.lookup(ent.text),
                               qualifier, ent))
        return names

    def _missed_names(self, doc: Doc) -> list[_Name]:
        """Place names the tagger missed: a proper noun after "in"/"at"/... (or an ORG such as
        "Washington" as a subject or object) whose text is the main name of a gazetteer entry."""
        names = []
        for token in doc:
            span = _missed_span(token)
            if span is None:
                continue
            candidates = [c for c in self.gazetteer.lookup(span.text) if c.exact]
            if candidates:
                names.append(_Name(span.text, span.start_char, span.end_char, candidates, [], span))
        return names

    def _dateline_name(self, text: str) -> _Name | None:
        match = DATELINE.match(text)
        if match is None:
            return None
        city = match["city"].strip()
        candidates = self.gazetteer.lookup(city)
        if not candidates:
            return None
        qualifier = self.gazetteer.lookup(match["qualifier"]) if match["qualifier"] else []
        return _Name(city, match.start("city"), match.start("city") + len(city), candidates, qualifier, None)

    def _mention(self, name: _Name, context: list[Entry]) -> PlaceMention:
        best = max(name.candidates, key=lambda c: _score(c, name, _others(name, context)))
        return PlaceMention(text=name.text, start=name.start, end=name.end,
                            location=_location(name.text, best.entry),
                            is_actor=name.span is not None and _is_actor(name.span, best.entry))


@lru_cache(maxsize=1)
def _default_resolver() -> PlaceResolver:
    return PlaceResolver(Gazetteer.bundled())


def _missed_span(token: Token) -> Span | None:
    """The proper-noun phrase headed by ``token`` when it is an untagged place-like name."""
    ent_label = token.ent_type_
    if ent_label in PLACE_LABELS or token.pos_ != "PROPN":
        return None
    locative = token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS
    subject_org = ent_label == "ORG" and token.dep_ in {"nsubj", "dobj"}  # "jets bombed Idlib"
    # the tagger often calls a city after "in" a PERSON ("protested in Santiago")
    person_in = ent_label == "PERSON" and locative and token.head.lower_ in STATIC_PREPS
    if not (locative or subject_org) or (ent_label in NAME_LABELS and not (subject_org or person_in)):
        return None
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]


def _context(names: Sequence[_Name]) -> list[Entry]:
    """The likeliest entry of each distinct name (by prior alone): evidence for the others."""
    seen: dict[str, Entry] = {}
    for name in names:
        if name.candidates and name.text.casefold() not in seen:
            seen[name.text.casefold()] = max(name.candidates, key=_prior).entry
    return list(seen.values())


def _affiliation(name: _Name) -> bool:
    """The name, read as its likeliest place, is an actor ("U.S. negotiators", "Moscow said"), so
    it says nothing about where the other places of the text are."""
    return name.span is not None and _is_actor(name.span, max(name.candidates, key=_prior).entry)


def _prior(candidate: Candidate) -> float:
    return candidate.entry.prior - (0.0 if candidate.exact else ALTERNATE_PENALTY)


def _contains(outer: Entry, inner: Entry) -> bool:
    if outer.feature_code == "PCLI":
        return outer.country == inner.country
    return outer.admin1 is not None and outer.admin1 == inner.admin1


def _score(candidate: Candidate, name: _Name, context: list[Entry]) -> float:
    entry = candidate.entry
    score = _prior(candidate)
    others = [e for e in context if e.geonames_id != entry.geonames_id]
    if entry.country and any(e.country == entry.country for e in others):
        score += COUNTRY_BONUS
    if entry.admin1 and any(e.admin1 == entry.admin1 for e in others):
        score += REGION_BONUS
    if any(_contains(q.entry, entry) for q in name.qualifier):
        score += QUALIFIER_BONUS
    return score


def _others(name: _Name, context: list[Entry]) -> list[Entry]:
    return [e for e in context if e.name.casefold() != name.text.casefold()]


def _best(name: _Name, context: list[Entry]) -> Candidate | None:
    return max(name.candidates, key=lambda c: _score(c, name, _others(name, context)), default=None)


def _location(text: str, entry: Entry) -> Location:
    return Location(text=text, name=entry.name, country=entry.country, admin1=entry.admin1, lat=entry.lat,
                    lon=entry.lon, geonames_id=entry.geonames_id, precision=entry.precision,
                    feature_class=entry.feature_class)


def _is_actor(span: Span, entry: Entry) -> bool:
    """A country/capital/region as subject of a verb, agent of a passive, possessor or (for a country)
    noun modifier: a government or affiliation rather than a place. Any place where an organisation
    is based ("a London-based group", "based in Oslo") is not where the event happened either."""
    root = span.root
    if root.head.lower_ == "based" or (root.dep_ == "pobj" and root.head.head.lower_ == "based"):
        return True
    if entry.feature_code not in GOVERNMENT_CODES:
        return False
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "nsubj":
        return root.head.lemma_ != "be"
    if root.dep_ == "poss" or (root.dep_ in {"compound", "nmod"} and entry.feature_code == "PCLI"):
        return True  # "Russia's ambassador", "U.S. officials": an affiliation, not where it happened
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _most_specific(mentions: list[PlaceMention], trigger: Token | None) -> PlaceMention:
    def key(mention: PlaceMention) -> tuple[int, int]:
        distance = abs(mention.start - trigger.idx) if trigger is not None else mention.start
        return PRECISION_RANK[mention.location.precision], distance
    return min(mentions, key=key)


def _first_sentence_place(doc: Doc, mentions: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """Wikinews-style articles: a date paragraph, then the first sentence names the place of the
    main event, which its first paragraph tells."""
    first = next((sent for sent in doc.sents if sent.end_char > offset and sent.text.strip()), None)
    if first is None:
        return []
    places = [m for m in mentions if not m.is_actor and first.start_char <= m.start < first.end_char]
    paragraph_end = doc.text.find("\n\n", max(first.start_char, offset))
    lead_end = len(doc.text) if paragraph_end < 0 else paragraph_end
    return [replace(_most_specific(places, None), is_dateline=True, lead_end=lead_end)] if places else []


def in_lead(mention: PlaceMention, sent: Span) -> bool:
    """A dateline covers every sentence; a first-sentence place only its first paragraph."""
    return mention.lead_end is None or sent.start_char < mention.lead_end


def _quoted(text: str, start: int, offset: int) -> bool:
    """The offset lies inside quotation marks opened in its sentence (from ``start``): "no evidence
    the attacks came from Yemen" is what someone said, not where the event happened."""
    before = text[start:offset]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


__all__ = ["DATELINE", "PlaceMention", "PlaceResolver", "in_lead"]

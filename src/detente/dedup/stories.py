"""Story clusters: documents that report the same story, whether or not any event was coded.

Reads ``documents`` (title, text, date) and the places of ``events``; writes ``story_members``,
``stories`` and ``story_terms`` (see ``dedup.tables``).

Documents not yet in ``story_members`` are taken in a fixed order (publication date, then doc_id;
a document without a date counts from the day it was ingested), ``batch_size`` at a time, each
batch in one transaction. A document joins the story of its best-scoring earlier document when
that score reaches ``threshold``; otherwise it founds a story whose id hashes its doc_id. The
score of a pair is the cosine of their TF-IDF vectors (``dedup.vectors``: word stems, multi-word
names, ages, counts, the countries named and the dyads of the coded events, see
``dedup.features``), less ``age_penalty`` when both give ages and none is shared, and less
``dyad_penalty`` when both coded events of one type whose actors' countries disagree (against
the dyads of the other's whole story); when neither penalty applies, the cosine of their sentence
vectors (``dedup.meaning``) raises it (see ``pair_score``). A pair is never scored when

- their days are more than ``window_days`` apart, or
- both name places and share no country, or both name cities or regions and none of one's is
  compatible with one of the other's ("the same day in another city").

Candidates come from blocking, so that adding a document costs the same however large the store:
only stored documents within the date window are read (a range scan on ``day``), and of those only
the ones sharing a blocking key (one of the ``keys`` heaviest features, or a place), or among the
``neighbours`` closest sentence vectors, are scored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Collection, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from detente.dates import add_days
from detente.dedup.features import DocumentText, Dyad, features_of, place_token
from detente.dedup.meaning import DIMENSIONS, document_text, document_vectors
from detente.dedup.similarity import Place, places_compatible
from detente.dedup.tables import insert_rows, outlet_sql
from detente.dedup.vectors import DocumentFrequencies, Vector, feature_index, term_counts

log = logging.getLogger(__name__)

DAY_SQL = "coalesce(d.date, CAST(d.ingested_at AS DATE))"
PENDING_SQL = f"""
SELECT d.doc_id, {DAY_SQL} AS day, d.title, d.text, d.content_hash FROM documents d
WHERE NOT EXISTS (SELECT 1 FROM story_members m WHERE m.doc_id = d.doc_id)
ORDER BY day, d.doc_id LIMIT ?
"""
# The places and dyads of the documents' events; a denied or hypothetical event says nothing of
# what the story reports.
EVENTS_SQL = """
SELECT doc_id, CAST(location AS VARCHAR), coalesce(plover, cameo_root), source_country, target_country,
       coalesce(status, 'current') = 'current' AND NOT coalesce(negated, false)
FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, event_id
"""
WINDOW_SQL = """
SELECT doc_id, story_id, day, features, weights, keys, places, ages, dyads, meaning FROM story_members
WHERE day BETWEEN ? AND ? ORDER BY day, doc_id
"""
STALE_SQL = f"""
SELECT m.doc_id, m.story_id, m.features FROM story_members m LEFT JOIN documents d ON d.doc_id = m.doc_id
WHERE d.doc_id IS NULL OR d.content_hash <> m.content_hash OR m.day <> {DAY_SQL}
"""
# The documents of the stories, and their aliases (the same text under another id: a second report).
STORY_DOCS_SQL = f"""
SELECT m.story_id, m.doc_id, m.day, d.title, d.text, {outlet_sql()} AS outlet, d.ingested_at, false
FROM story_members m JOIN documents d ON d.doc_id = m.doc_id
WHERE m.story_id IN (SELECT unnest(?::VARCHAR[]))
UNION ALL
SELECT m.story_id, a.alias_id, coalesce(a.date, CAST(a.ingested_at AS DATE)), a.title, NULL,
       {outlet_sql("a", "a.alias_id")}, a.ingested_at, true
FROM story_members m JOIN document_aliases a ON a.doc_id = m.doc_id
WHERE m.story_id IN (SELECT unnest(?::VARCHAR[]))
"""
PLACE_TYPE = pa.struct(
    [
        ("geonames_id", pa.int32()),
        ("precision", pa.string()),
        ("country", pa.string()),
        ("admin1", pa.string()),
    ]
)
TITLE_CHARS = 120


@dataclass(frozen=True)
class StorySettings:
    """How close two documents must be to report one story.

    ``threshold``: a cosine of 0.2 over TF-IDF vectors is about what two short reports of one
    incident share when each tells it in its own words (a place, a street, a victim's age, a few
    rare words); two reports of different incidents of the same kind in one city share the
    city's and the crime's words only, whose weights are low because many documents have them.
    ``age_penalty``: ages are the surest sign of two different incidents ("a 24-year-old man
    shot" and "a 27-year-old man shot"), but a follow-up may give only the suspect's age.
    ``dyad_penalty``: two documents whose coded events of one type have actors of different
    countries ("Russia recalls its envoy to Britain" and "... to the United States") report two
    actions, unless another pair of their events of that type agrees; the coder can be wrong about
    a country, so it weighs against the pair rather than ruling it out.
    ``meaning_weight`` and ``meaning_floor``: the TF-IDF score of an uncontradicted pair is
    multiplied by 1 + weight * (sentence-vector cosine - floor) when the cosine is above the floor.
    On the story corpora two reports of one story told in other words have cosines of 0.5 to 0.65
    (TF-IDF 0.15 to 0.18: "Nairobi and Dodoma move to ease lorry delays" and "Kenya and Tanzania
    agree to scrap border trade barriers"), and so do two stories of one kind in one city (a mosque
    fire and a warehouse fire in Birmingham, 0.65, TF-IDF 0.13): the weight, 1.2, is the middle of
    the narrow range that links the first and keeps the second apart (above 1.0, below 1.5), measured
    with bench/dedup_eval.py on every corpus. ``neighbours``: how many of the closest sentence
    vectors in the window are scored besides the documents found through blocking keys.
    """

    window_days: int = 3
    threshold: float = 0.2
    age_penalty: float = 0.15
    dyad_penalty: float = 0.3
    meaning_weight: float = 1.2
    meaning_floor: float = 0.3
    neighbours: int = 8
    keys: int = 12
    batch_size: int = 500


@dataclass
class _Member:
    doc_id: str
    story_id: str
    day: dt.date
    vector: Vector
    keys: np.ndarray
    places: frozenset[Place]
    ages: frozenset[int]
    dyads: frozenset[Dyad] = frozenset()
    meaning: np.ndarray | None = None  # the sentence vector (``dedup.meaning``)
    local: frozenset[Place] = frozenset()  # the cities and regions of ``places``
    countries: frozenset[str] = frozenset()  # the countries of ``places``

    def __post_init__(self) -> None:
        self.local = _local(self.places)
        self.countries = frozenset(p.country for p in self.places if p.country)


@dataclass
class _Window:
    """The stored documents a batch can join, with an inverted index of their blocking keys."""

    members: list[_Member] = field(default_factory=list)
    index: dict[int, list[int]] = field(default_factory=dict)
    dyads: dict[str, set[Dyad]] = field(default_factory=dict)  # story_id -> its members' dyads
    meanings: np.ndarray = field(default_factory=lambda: np.zeros((64, DIMENSIONS), dtype=np.float32))

    def add(self, member: _Member) -> None:
        position = len(self.members)
        self.members.append(member)
        self.dyads.setdefault(member.story_id, set()).update(member.dyads)
        for key in member.keys.tolist():
            self.index.setdefault(key, []).append(position)
        if position == len(self.meanings):  # grow by doubling: one copy per doubling, not per member
            self.meanings = np.concatenate([self.meanings, np.zeros_like(self.meanings)])
        if member.meaning is not None:
            self.meanings[position] = member.meaning

    def neighbours(self, meaning: np.ndarray | None, settings: StorySettings) -> list[int]:
        """The positions of the ``neighbours`` members whose sentence vectors are closest, above
        ``meaning_floor``."""
        if meaning is None or not self.members or settings.neighbours <= 0:
            return []
        cosines = self.meanings[: len(self.members)] @ meaning
        count = min(settings.neighbours, len(cosines))
        top = np.argpartition(-cosines, count - 1)[:count]
        return [int(p) for p in top if cosines[p] >= settings.meaning_floor]

    def candidates(self, new: _Member, settings: StorySettings) -> list[_Member]:
        """Members sharing a blocking key with the new one, or among its nearest in meaning, and
        within the date window."""
        positions = {p for key in new.keys.tolist() for p in self.index.get(key, ())}
        positions.update(self.neighbours(new.meaning, settings))
        found = (self.members[p] for p in sorted(positions))
        return [m for m in found if abs((m.day - new.day).days) <= settings.window_days]


def story_id_for(doc_id: str) -> str:
    """Stable story id: a hash of the founding doc_id."""
    return hashlib.sha1(f"story\x1f{doc_id}".encode()).hexdigest()[:16]


def _local(places: frozenset[Place]) -> frozenset[Place]:
    return frozenset(p for p in places if p.precision != "country")


def places_conflict(left: _Member, right: _Member) -> bool:
    """Both name places and share no country, or both name cities or regions and none of one is
    compatible with one of the other (the same city, or a region that holds it)."""
    if left.countries and right.countries and not left.countries & right.countries:
        return True
    if not left.local or not right.local or left.local & right.local:
        return False
    return not any(places_compatible(a, b) for a in left.local for b in right.local)


def _dyads_agree(left: Dyad, right: Dyad) -> bool:
    """The same type, and each side's country equal or unknown on one side."""
    sides = ((left.source, right.source), (left.target, right.target))
    return left.kind == right.kind and all(a is None or b is None or a == b for a, b in sides)


def dyads_conflict(left: Collection[Dyad], right: Collection[Dyad]) -> bool:
    """Both have events of one type, and none of one's events of it agrees with one of the other's."""
    shared = {d.kind for d in left} & {d.kind for d in right}
    return any(
        not any(_dyads_agree(a, b) for a in left if a.kind == kind for b in right if b.kind == kind)
        for kind in shared
    )


def pair_score(
    new: _Member, old: _Member, settings: StorySettings, *, story_dyads: Collection[Dyad] | None = None
) -> float | None:
    """The similarity of two documents, or None when they cannot report one story. The dyads are
    those of the old document's story when given (a document joins a story, not only one report).

    When nothing contradicts the pair (no penalty), the cosine of their sentence vectors above
    ``meaning_floor`` strengthens the TF-IDF score by ``meaning_weight`` times as much: two reports
    worded apart that share a few rare words and say the same thing. It only multiplies what the
    words give, because alone it cannot tell two stories of one kind in one city apart.
    """
    if places_conflict(new, old):
        return None
    score = new.vector.dot(old.vector)
    penalised = False
    if new.ages and old.ages and not new.ages & old.ages:
        score -= settings.age_penalty
        penalised = True
    if dyads_conflict(new.dyads, old.dyads if story_dyads is None else story_dyads):
        score -= settings.dyad_penalty
        penalised = True
    if not penalised and new.meaning is not None and old.meaning is not None:
        cosine = float(new.meaning @ old.meaning)
        score *= 1.0 + settings.meaning_weight * max(cosine - settings.meaning_floor, 0.0)
    return score


def _best(new: _Member, window: _Window, settings: StorySettings) -> tuple[str, float] | None:
    best: tuple[float, str] | None = None
    for old in window.candidates(new, settings):
        score = pair_score(new, old, settings, story_dyads=window.dyads.get(old.story_id))
        if (
            score is not None
            and score >= settings.threshold
            and (best is None or (-score, old.story_id) < (-best[0], best[1]))
        ):
            best = (score, old.story_id)
    return (best[1], best[0]) if best else None


def _place(data: dict[str, Any]) -> Place:
    return Place(
        data.get("geonames_id"), data.get("precision") or "city", data.get("country"), data.get("admin1")
    )


@dataclass
class _Events:
    places: list[Place] = field(default_factory=list)
    dyads: list[Dyad] = field(default_factory=list)


def _events(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, _Events]:
    """The places of the documents' events, and the dyads of those reported as done (with a type
    and at least one actor's country)."""
    found: dict[str, _Events] = {}
    for doc_id, location, kind, source, target, done in con.execute(EVENTS_SQL, [doc_ids]).fetchall():
        events = found.setdefault(doc_id, _Events())
        data = json.loads(location) if location else None
        if isinstance(data, dict) and data.get("geonames_id") is not None:
            events.places.append(_place(data))
        if done and kind and (source or target):
            events.dyads.append(Dyad(kind, source, target))
    return found


def _dyad(text: str) -> Dyad:
    kind, source, target = text.split("|")
    return Dyad(kind, source or None, target or None)


def _dyad_text(dyad: Dyad) -> str:
    return f"{dyad.kind}|{dyad.source or ''}|{dyad.target or ''}"


def _load_window(con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date, window_days: int) -> _Window:
    pad = dt.timedelta(days=window_days)
    window = _Window()
    for doc_id, story_id, day, features, weights, keys, places, ages, dyads, meaning in con.execute(
        WINDOW_SQL, [add_days(first, -pad), add_days(last, pad)]
    ).fetchall():
        vector = Vector(np.array(features, dtype=np.int64), np.array(weights, dtype=np.float64))
        window.add(
            _Member(
                doc_id,
                story_id,
                day,
                vector,
                np.array(keys, dtype=np.int64),
                frozenset(_place(p) for p in places),
                frozenset(ages),
                frozenset(_dyad(d) for d in dyads or ()),
                None if meaning is None else np.array(meaning, dtype=np.float32),
            )
        )
    return window


def _frequencies(con: duckdb.DuckDBPyConnection, indices: Iterable[int]) -> DocumentFrequencies:
    wanted = sorted(set(indices))
    known = dict(
        con.execute(
            "SELECT feature, df FROM story_terms WHERE feature IN (SELECT unnest(?::INTEGER[]))", [wanted]
        ).fetchall()
    )
    row = con.execute("SELECT count(*) FROM story_members").fetchone()
    return DocumentFrequencies(known, int(row[0]) if row else 0)


def _keys(vector: Vector, places: frozenset[Place], count: int) -> np.ndarray:
    """The heaviest features and the cities and regions: what candidates must share."""
    keys = [feature_index(place_token(p)) for p in places]
    return np.unique(np.concatenate([vector.top(count), np.array(keys, dtype=np.int64)]))


@dataclass(frozen=True)
class _Assigned:
    member: _Member
    content_hash: str
    score: float | None


def _assign_batch(
    con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]], settings: StorySettings
) -> list[_Assigned]:
    doc_ids = [row[0] for row in rows]
    events = _events(con, doc_ids)
    texts = [
        DocumentText(r[0], r[1], r[2], r[3] or "", tuple(e.places), tuple(e.dyads))
        for r in rows
        for e in [events.get(r[0], _Events())]
    ]
    features = features_of(texts)
    meanings = document_vectors([document_text(r[2], r[3] or "") for r in rows])
    counts = term_counts([f.tokens for f in features])
    frequencies = _frequencies(con, (i for indices, _ in counts for i in indices.tolist()))
    window = _load_window(con, rows[0][1], rows[-1][1], settings.window_days)
    assigned = []
    rows_and_features = zip(rows, texts, features, counts, meanings, strict=True)
    for row, text, feature, (indices, tf), meaning in rows_and_features:
        vector = frequencies.add(indices, tf)
        keys = _keys(vector, _local(feature.places), settings.keys)
        member = _Member(
            row[0], "", row[1], vector, keys, feature.places, feature.ages, frozenset(text.dyads), meaning
        )
        best = _best(member, window, settings)
        member.story_id = best[0] if best else story_id_for(row[0])
        window.add(member)
        assigned.append(_Assigned(member, row[4], best[1] if best else None))
    _write_terms(con, frequencies.added)
    return assigned


def _write_terms(con: duckdb.DuckDBPyConnection, added: dict[int, int]) -> None:
    if not added:
        return
    table = pa.table(
        {"feature": pa.array(list(added), pa.int32()), "df": pa.array(list(added.values()), pa.int32())}
    )
    con.register("_story_terms", table)
    con.execute(
        "INSERT INTO story_terms SELECT feature, df FROM _story_terms "
        "ON CONFLICT (feature) DO UPDATE SET df = story_terms.df + excluded.df"
    )
    con.unregister("_story_terms")


def _write_members(con: duckdb.DuckDBPyConnection, assigned: list[_Assigned]) -> None:
    members = [a.member for a in assigned]
    table = pa.table(
        {
            "doc_id": [m.doc_id for m in members],
            "story_id": [m.story_id for m in members],
            "content_hash": [a.content_hash for a in assigned],
            "day": pa.array([m.day for m in members], pa.date32()),
            "features": pa.array([m.vector.indices.tolist() for m in members], pa.list_(pa.int32())),
            "weights": pa.array([m.vector.weights.tolist() for m in members], pa.list_(pa.float64())),
            "keys": pa.array([m.keys.tolist() for m in members], pa.list_(pa.int32())),
            "places": pa.array(
                [[asdict(p) for p in sorted(m.places, key=_place_order)] for m in members],
                pa.list_(PLACE_TYPE),
            ),
            "ages": pa.array([sorted(m.ages) for m in members], pa.list_(pa.int32())),
            "score": pa.array([a.score for a in assigned], pa.float64()),
            "dyads": pa.array(
                [sorted(_dyad_text(d) for d in m.dyads) for m in members], pa.list_(pa.string())
            ),
            "meaning": pa.array(
                [None if m.meaning is None else m.meaning.tolist() for m in members], pa.list_(pa.float32())
            ),
        }
    )
    con.register("_story_members", table)
    con.execute(f"INSERT INTO story_members ({', '.join(table.column_names)}) SELECT * FROM _story_members")
    con.unregister("_story_members")


def _place_order(place: Place) -> tuple[int, str]:
    return (place.geonames_id or 0, place.precision)


def prune_stories(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Drop the members whose document is gone or whose text or date changed (they are clustered
    again); return the stories they leave."""
    stale = con.execute(STALE_SQL).fetchall()
    if not stale:
        return []
    removed: dict[int, int] = {}
    for _, _, features in stale:
        for index in features:
            removed[index] = removed.get(index, 0) - 1
    _write_terms(con, removed)
    con.execute("DELETE FROM story_terms WHERE df <= 0")
    con.execute(
        "DELETE FROM story_members WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [[r[0] for r in stale]]
    )
    log.info("%d documents left their stories (removed or changed)", len(stale))
    return sorted({r[1] for r in stale})


def _title(title: str | None, text: str | None) -> str | None:
    if title and title.strip():
        return title.strip()
    first = " ".join((text or "").split())[:TITLE_CHARS]
    return first or None


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: list[str]) -> None:
    """Recompute the ``stories`` rows of the given stories from their members and the members'
    aliases, which count as documents (and their outlets as sources) of the story."""
    if not story_ids:
        return
    by_story: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(STORY_DOCS_SQL, [story_ids, story_ids]).fetchall():
        by_story.setdefault(row[0], []).append(row)
    con.execute("DELETE FROM stories WHERE story_id IN (SELECT unnest(?::VARCHAR[]))", [story_ids])
    insert_rows(con, "stories", [_story_row(story_id, rows) for story_id, rows in sorted(by_story.items())])


def _story_row(story_id: str, rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    founder = min(rows, key=lambda r: (story_id_for(r[1]) != story_id, r[7], r[2], r[1]))
    added = [r[6] for r in rows if r[6] is not None]
    return (
        story_id,
        founder[1],
        _title(founder[3], founder[4]),
        min(r[2] for r in rows),
        max(r[2] for r in rows),
        len(rows),
        len({r[5] for r in rows}),
        min(added, default=None),
        max(added, default=None),
    )


def cluster_stories(con: duckdb.DuckDBPyConnection, settings: StorySettings) -> list[str]:
    """Cluster one batch of new documents (the caller holds the transaction); return the stories
    it changed, empty when no document was waiting."""
    rows = con.execute(PENDING_SQL, [settings.batch_size]).fetchall()
    if not rows:
        return []
    assigned = _assign_batch(con, rows, settings)
    _write_members(con, assigned)
    changed = sorted({a.member.story_id for a in assigned})
    refresh_stories(con, changed)
    log.info("%d documents joined %d stories", len(assigned), len(changed))
    return changed


__all__ = [
    "StorySettings",
    "cluster_stories",
    "dyads_conflict",
    "pair_score",
    "places_conflict",
    "prune_stories",
    "refresh_stories",
    "story_id_for",
]

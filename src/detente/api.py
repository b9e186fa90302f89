"""The Python API: code text and DataFrames of articles, and read a store into DataFrames.

    import detente

    coder = detente.load()                                  # model="md" (word vectors) or "sm"
    result = coder("Russia recalled its ambassador ...", date="2021-03-21")
    result.events, result.quotes, result.actors             # the records of detente.models
    result.to_frame()                                       # one row per event

    events = coder.frame(articles, text="text", date="date", id="id")   # a DataFrame of articles

    with detente.open("news.duckdb") as db:                 # a store written by `detente ingest`
        db.events(source="RUS", since="2021-03-01")         # event reports, one row each
        db.clusters(country="IRN")                          # real-world events (clusters)
        db.dyad("RUS", "USA", by="month")                   # relations per period

Dates are ``str`` (ISO 8601, "2021-03-21"), ``datetime.date`` or ``datetime.datetime`` (pandas
Timestamps too); anything else is a ConfigError naming the value. Documents that cannot be coded
(empty text, not English, a bad date in a row) raise InputError when given one at a time, and
are skipped with a logged warning in ``pipe`` and ``frame``. The library logs and never prints.

The readings of a store take the filters of ``detente.filters.EventFilter`` as keywords
(``since``, ``until``, ``country``, ``source``, ``target``, ``plover``, ``cameo_root``,
``min_confidence``, ``include``); by default they keep current, non-negated events only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from detente.errors import ConfigError, InputError
from detente.export.schema import PANDAS_DTYPES
from detente.export.tabular import FLAT_COLUMNS, FLAT_TYPES, flat_row
from detente.filters import EventFilter
from detente.flat import EVENT_COLUMNS, EVENT_DTYPES, flatten_event
from detente.ingest.notes import undated_message
from detente.ingest.reader import check_documents
from detente.ingest.tables import (
    ID_NAMES,
    Resolved,
    as_date,
    find_column,
    frame_documents,
    row_document,
)
from detente.models import Actor, CodedDocument, Document, Event, Quote, Rejected, Sentence
from detente.nlp import BATCH_SIZE, MODELS
from detente.query import query_clusters, query_events
from detente.relations import DyadPeriod, count_events, dyad_series
from detente.store import Store

if TYPE_CHECKING:
    import pandas as pd

# The coder (spaCy, the tables) and the clustering (scikit-learn) load in the methods that need
# them, so that `detente.open(path)` reads a store without them (bench/cli_startup.py).

log = logging.getLogger(__name__)

DateLike = str | dt.date | dt.datetime
ArticleLike = str | Document | Mapping[str, Any]
UNDATED_HINT = "Pass date= (or a date column to frame) to date them."


def as_publication_date(value: DateLike | None, *, name: str = "date") -> dt.date | None:
    """``value`` as a date: None, an ISO 8601 string, a date or a datetime; ConfigError otherwise."""
    try:
        return as_date(value)
    except ValueError as err:
        raise ConfigError(f"{name}: {value!r} is not a date; give a str such as '2021-03-21', a "
                          f"datetime.date or a datetime.datetime ({err})", code="D431") from err


def events_frame(events: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Event dicts (``Event.to_dict()``) as a DataFrame with the columns of ``detente.flat``.

    ``date`` is datetime64 (NaT when undated); codes stay text, so CAMEO "045" keeps its zero.
    """
    import pandas as pd

    frame = pd.DataFrame([flatten_event(event) for event in events], columns=list(EVENT_COLUMNS))
    frame = frame.astype(EVENT_DTYPES)
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d")
    return frame


@dataclass(frozen=True)
class Result:
    """What the coder found in one document."""

    coded: CodedDocument

    @property
    def document(self) -> Document:
        return self.coded.document

    @property
    def events(self) -> tuple[Event, ...]:
        return self.coded.events

    @property
    def quotes(self) -> tuple[Quote, ...]:
        return self.coded.quotes

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor mention resolved in the document, in text order."""
        return self.coded.actors

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.coded.sentences

    def to_frame(self) -> pd.DataFrame:
        """The events as a DataFrame, one row per event (see ``events_frame``)."""
        return events_frame(event.to_dict() for event in self.events)

    def __len__(self) -> int:
        return len(self.events)


class Coder:
    """The coding pipeline with its spaCy model loaded; make one with ``load``."""

    def __init__(self, model: str = "md") -> None:
        if model not in MODELS:
            raise ConfigError(f"unknown model {model!r}: choose one of {', '.join(MODELS)}", code="D401")
        self.model = model
        from detente.pipeline import get_coder

        get_coder(model)  # loads the model now, so a missing one fails here with its install command

    def __repr__(self) -> str:
        return f"Coder(model={self.model!r})"

    def __call__(self, text: str, *, date: DateLike | None = None, title: str | None = None,
                 doc_id: str | None = None) -> Result:
        """Code one article. ``date`` is its publication date, against which "yesterday" or
        "last Wednesday" resolve. ``doc_id`` defaults to a hash of the text.

        Raises InputError when the text cannot be coded (empty, not English).
        """
        if not isinstance(text, str):
            raise ConfigError(f"text: expected a str, got {type(text).__name__}", code="D432")
        document = make_document(text, date=date, title=title, doc_id=doc_id)
        [item] = check_documents([document])
        if isinstance(item, Rejected):
            raise InputError(item.message(), code=item.code)
        _warn_undated(int(item.date is None), 1)
        [coded] = _code(self.model, [item])
        return Result(coded)

    def pipe(self, articles: Iterable[ArticleLike], *, date: DateLike | None = None,
             batch_size: int = BATCH_SIZE, n_process: int = 1) -> Iterator[Result]:
        """Code many articles lazily, in input order: strings, Documents, or mappings with
        ``text`` and optional ``id``, ``date``, ``title``, ``source`` and ``url``.

        ``date`` is the publication date of articles that have none. ``batch_size`` and
        ``n_process`` go to spaCy's ``nlp.pipe`` (``n_process=2`` parses in two processes).
        Articles that cannot be coded are skipped with a logged warning.
        """
        default = as_publication_date(date)
        documents = _undated_warned(_accepted(check_documents(_documents(articles), default)))
        coded = _code(self.model, documents, batch_size=batch_size, n_process=n_process)
        return (Result(item) for item in coded)

    def frame(self, df: pd.DataFrame, *, text: str = "text", date: str | None = "date",
              id: str | None = "id", title: str | None = None, batch_size: int = BATCH_SIZE,
              n_process: int = 1) -> pd.DataFrame:
        """Code a DataFrame of articles (one per row) into a DataFrame of events (one per row).

        ``text``, ``date``, ``id`` and ``title`` name the columns (None: no such column). Without
        an ``id`` column the row index is the ``doc_id``. The result has the columns of
        ``detente.flat.EVENT_COLUMNS``: ``event_id``, ``doc_id``, ``date``, ``source_country``,
        ``source_sector``, ``source_name``, ``target_*``, ``cameo``, ``plover``, ``status``, ...
        """
        columns = _frame_columns([str(c) for c in df.columns], text=text, date=date, id=id, title=title)
        documents = list(_accepted(check_documents(frame_documents(df, columns))))
        _warn_undated(sum(document.date is None for document in documents), len(documents))
        coded = _code(self.model, documents, batch_size=batch_size, n_process=n_process)
        return events_frame(event.to_dict() for item in coded for event in item.events)


def _code(model: str, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE,
          n_process: int = 1) -> Iterator[CodedDocument]:
    from detente.pipeline import code_documents

    return code_documents(documents, model=model, batch_size=batch_size, n_process=n_process)


def load(model: str = "md") -> Coder:
    """The coder with its spaCy model loaded: "md" (default, word vectors) or "sm" (faster).

    A missing model raises ConfigError naming the command that installs it.
    """
    return Coder(model)


def make_document(text: str, *, date: DateLike | None = None, title: str | None = None,
                  doc_id: str | None = None, source: str | None = None,
                  url: str | None = None) -> Document:
    """A Document from API arguments; ``doc_id`` defaults to ``text:`` and a hash of the text."""
    doc_id = doc_id or f"text:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"
    return Document(doc_id=doc_id, text=text, title=title, date=as_publication_date(date), source=source,
                    url=url)


def _documents(articles: Iterable[ArticleLike]) -> Iterator[Document | Rejected]:
    for index, article in enumerate(articles):
        if isinstance(article, Document):
            yield article
        elif isinstance(article, str):
            yield make_document(article, doc_id=f"text:{index}")
        elif isinstance(article, Mapping):
            columns = Resolved(text="text", id="id" if "id" in article else None, date="date",
                               title="title", source="source", url="url")
            yield row_document(dict(article), columns, default_id=f"text:{index}", label=f"article[{index}]")
        else:
            raise ConfigError(f"article {index}: expected a str, a Document or a mapping with 'text', "
                              f"got {type(article).__name__}", code="D432")


def _accepted(items: Iterable[Document | Rejected]) -> Iterator[Document]:
    for item in items:
        if isinstance(item, Rejected):
            log.warning("skipped %s", item.message())
        else:
            yield item


def _undated_warned(documents: Iterable[Document]) -> Iterator[Document]:
    """The documents, passed on lazily; the undated warning comes once they are all read."""
    total = undated = 0
    for document in documents:
        total += 1
        undated += document.date is None
        yield document
    _warn_undated(undated, total)


def _warn_undated(undated: int, total: int) -> None:
    message = undated_message(undated, total, hint=UNDATED_HINT)
    if message:
        log.warning("%s", message)


def _frame_columns(columns: list[str], *, text: str, date: str | None, id: str | None,
                   title: str | None) -> Resolved:
    """The DataFrame's columns to read. ``id="id"`` falls back to the index when there is none."""
    if id == "id" and id not in columns:
        id = find_column(columns, None, ID_NAMES, "id")

    def named(name: str | None, field: str) -> str | None:
        return find_column(columns, name, (), field) if name else None

    return Resolved(text=named(text, "text") or text, id=named(id, "id"), date=named(date, "date"),
                    title=named(title, "title"), source=find_column(columns, None, ("source",), "source"),
                    url=find_column(columns, None, ("url",), "url"))


FILTER_NAMES = tuple(inspect.signature(EventFilter.of).parameters)
DATE_FILTERS = ("since", "until")
CLUSTER_DTYPES = {name: PANDAS_DTYPES[kind] for name, kind in FLAT_TYPES.items() if kind in PANDAS_DTYPES}


def event_filter(filters: Mapping[str, Any]) -> EventFilter:
    """Keyword filters as an EventFilter; ConfigError naming an unknown keyword or a bad value."""
    unknown = sorted(set(filters) - set(FILTER_NAMES))
    if unknown:
        raise ConfigError(f"unknown filter {', '.join(map(repr, unknown))}; use any of "
                          f"{', '.join(FILTER_NAMES)}", code="D433")
    values = dict(filters)
    for name in DATE_FILTERS:
        values[name] = as_publication_date(values.get(name), name=name)
    return EventFilter.of(**values)


def _dated(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    import pandas as pd

    for name in columns:
        frame[name] = pd.to_datetime(frame[name])
    return frame


class Database:
    """A detente store; make one with ``open``. Each reading returns a DataFrame; an unknown
    actor code is a ConfigError listing close matches."""

    def __init__(self, path: str | Path, *, write: bool = False, create: bool = False) -> None:
        if not create and not Path(path).is_file():
            raise InputError(f"database {path} does not exist (create it with `detente ingest`, or "
                             "open it with create=True)", code="D306")
        self.path = str(path)
        self.writable = write or create
        self._store = Store(self.path, read_only=not self.writable)
        if self.writable:
            self._cluster()  # clusters current with the stored events

    def __repr__(self) -> str:
        return f"Database({self.path!r})"

    def __enter__(self) -> Database:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def add(self, results: Iterable[Result]) -> int:
        """Store coded documents (from ``coder.pipe`` or ``coder(...)``) and update the clusters;
        returns how many were stored or replaced (a text already stored under another id is
        stored as an alias of that document, an unchanged one not again). Needs ``write=True``."""
        if not self.writable:
            raise ConfigError(f"{self.path} is open for reading only; open it with "
                              "detente.open(path, write=True) to add documents", code="D434")
        stored = sum(self._store.add(result.coded) in ("stored", "replaced") for result in results)
        if stored:
            self._cluster()
        return stored

    def _cluster(self) -> None:
        from detente.dedup.clusters import update_clusters

        update_clusters(self._store.connection)

    def events(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Stored event reports, one row each, with the columns of ``events_frame``."""
        records = query_events(self._store.connection, filters=event_filter(filters), limit=limit)
        return events_frame(records)

    def clusters(self, **filters: Any) -> pd.DataFrame:
        """Real-world events (clusters of reports), one row each, with the columns of the CSV
        export (``detente.export.tabular.FLAT_COLUMNS``): mentions, articles, sources, ids."""
        import pandas as pd

        records = query_clusters(self._store.connection, filters=event_filter(filters))
        frame = pd.DataFrame([flat_row(record) for record in records], columns=list(FLAT_COLUMNS))
        frame = frame.astype({name: CLUSTER_DTYPES[name] for name in CLUSTER_DTYPES if name in frame})
        return _dated(frame, [name for name, kind in FLAT_TYPES.items() if kind in ("date", "datetime")])

    def dyad(self, a: str, b: str, *, by: str = "week", **filters: Any) -> pd.DataFrame:
        """Relations between actors ``a`` and ``b`` per period ("day", "week", "month", "year"),
        counted on clusters: per direction (``a_to_b_``, ``b_to_a_``, ``both_``) the quad class
        counts ``q1``..``q4``, ``total``, Goldstein sum and mean and net cooperation. Periods with
        no events are present, marked ``empty``, with no net cooperation."""
        import pandas as pd

        periods = dyad_series(self._store.connection, a, b, by=by, filters=event_filter(filters))
        columns = list(DyadPeriod(dt.date.min).to_row())
        return _dated(pd.DataFrame([period.to_row() for period in periods], columns=columns), ["period"])

    def counts(self, *, by: str = "country", period: str = "month", **filters: Any) -> pd.DataFrame:
        """Clusters per country or directed dyad (``by``) per period, empty periods included."""
        import pandas as pd

        rows = count_events(self._store.connection, by=by, period=period, filters=event_filter(filters))
        return _dated(pd.DataFrame(rows), ["period"] if rows else [])


def open(db: str | Path, *, write: bool = False, create: bool = False) -> Database:
    """Open a store written by ``detente ingest`` for reading into DataFrames.

    By default the file is opened read-only, as the CLI's reading commands open it, so an ingest
    in another process can go on (``detente ingest`` keeps the clusters up to date). ``write``
    opens it for ``Database.add`` (and brings its clusters up to date); ``create`` makes a new
    store when ``db`` does not exist, opened for writing.
    """
    return Database(db, write=write, create=create)


__all__ = ["Coder", "Database", "DateLike", "Result", "as_publication_date", "event_filter", "events_frame",
           "load", "make_document", "open"]

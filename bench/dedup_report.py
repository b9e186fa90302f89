"""Event clusters on real input, and the dyad chart of the busiest country pair.

    .venv/bin/python bench/dedup_report.py [--model md|sm] [--by day|week|month] [--output PNG]

Ingests the founding article (examples/antonov_recall.txt, published 2021-03-21) and the
de-duplication corpus (tests/data/dedup_corpus/articles.jsonl) into a temporary DuckDB file the
way `detente ingest` does: documents read by detente.ingest.read_documents, coded by
detente.pipeline.code_documents, written by detente.store.Store, then clustered by
detente.dedup.update_clusters. Prints how many event reports collapse into how many clusters, the
distribution of num_mentions, the country pairs with the most clusters, and the per-period series
of the busiest pair, drawn with detente.export.chart.plot_dyad (default docs/dyad_example.png).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import duckdb

from detente.dedup import update_clusters
from detente.export.chart import DyadChart, plot_dyad
from detente.filters import EventFilter
from detente.ingest import read_documents
from detente.models import Document, Rejected
from detente.pipeline import code_documents
from detente.relations import PERIODS, DyadPeriod, dyad_series
from detente.store import Store

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "examples" / "antonov_recall.txt"
FOUNDING_DATE = dt.date(2021, 3, 21)
CORPUS = ROOT / "tests" / "data" / "dedup_corpus" / "articles.jsonl"
CHART = ROOT / "docs" / "dyad_example.png"

# Clusters that relations.dyad_series counts: dated and not negated, both countries known.
PAIR_SQL = """
SELECT least(source_country, target_country) AS a, greatest(source_country, target_country) AS b,
       count(*)::INTEGER AS n
FROM clusters
WHERE source_country IS NOT NULL AND target_country IS NOT NULL AND source_country <> target_country
  AND date IS NOT NULL AND NOT coalesce(negated, false)
GROUP BY a, b ORDER BY n DESC, a, b
"""


def read_inputs() -> list[Document]:
    """The founding article and the corpus, as `detente ingest` reads them; rejections printed."""
    documents: list[Document] = []
    for path, default_date in ((FOUNDING, FOUNDING_DATE), (CORPUS, None)):
        for item in read_documents(path, default_date=default_date):
            if isinstance(item, Rejected):
                print(f"rejected: {item.message()}")
            else:
                documents.append(item)
    return documents


def ingest(documents: list[Document], store: Store, model: str) -> int:
    """Code and store the documents, then cluster; returns how many documents were stored."""
    outcomes = [store.add(coded) for coded in code_documents(documents, model=model)]
    stored = sum(outcome in {"stored", "replaced"} for outcome in outcomes)
    update_clusters(store.connection)
    return stored


def scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def print_clusters(con: duckdb.DuckDBPyConnection) -> None:
    reports = scalar(con, "SELECT count(*) FROM events")
    clusters = scalar(con, "SELECT count(*) FROM clusters")
    negated = scalar(con, "SELECT count(*) FROM clusters WHERE negated")
    multi = scalar(con, "SELECT count(*) FROM clusters WHERE num_articles > 1")
    print(f"{reports} event reports -> {clusters} clusters ({negated} negated, "
          f"{multi} reported by more than one article)")
    rows = con.execute("SELECT num_mentions, count(*) FROM clusters GROUP BY 1 ORDER BY 1").fetchall()
    print("num_mentions distribution (mentions: clusters): "
          + ", ".join(f"{mentions}: {count}" for mentions, count in rows))
    top = con.execute("SELECT num_mentions, num_articles, date, source_code, target_code, plover, cameo "
                      "FROM clusters ORDER BY num_mentions DESC, date, cluster_id LIMIT 5").fetchall()
    for mentions, articles, date, source, target, plover, cameo in top:
        print(f"  {mentions} mentions / {articles} articles  {date}  {source} -> {target}  "
              f"{plover or '-'} ({cameo})")


def busiest_pairs(con: duckdb.DuckDBPyConnection, *, top: int = 5) -> list[tuple[str, str, int]]:
    return [(a, b, n) for a, b, n in con.execute(PAIR_SQL).fetchall()[:top]]


def corpus_window(con: duckdb.DuckDBPyConnection) -> EventFilter:
    """The dates of the whole corpus, so that a pair seen in a single week still gets a time axis."""
    sql = "SELECT min(date), max(date) FROM clusters WHERE NOT coalesce(negated, false)"
    row = con.execute(sql).fetchone()
    return EventFilter() if row is None else EventFilter(since=row[0], until=row[1])


def print_series(periods: list[DyadPeriod], actor_a: str, actor_b: str) -> None:
    print(f"period      {actor_a}->{actor_b} (q1 q2 q3 q4 net)  {actor_b}->{actor_a} (q1 q2 q3 q4 net)")
    for period in periods:
        cells = []
        for direction in ("a_to_b", "b_to_a"):
            counts = period.counts[direction]
            quads = " ".join(str(counts.quad[q]) for q in (1, 2, 3, 4))
            net = "-" if counts.net_cooperation is None else f"{counts.net_cooperation:+d}"
            cells.append(f"{quads} {net}".ljust(24))
        print(f"{period.period.isoformat()}  {cells[0]}  {cells[1]}")


def report(con: duckdb.DuckDBPyConnection, *, by: str, output: Path) -> None:
    print_clusters(con)
    pairs = busiest_pairs(con)
    print("country pairs by clusters: " + ", ".join(f"{a}-{b} {n}" for a, b, n in pairs))
    if not pairs:
        print("no country pair to draw")
        return
    actor_a, actor_b = sorted(pairs[0][:2], key=lambda code: code != "USA")  # USA first when present
    window = corpus_window(con)
    periods = dyad_series(con, actor_a, actor_b, by=by, filters=window)
    print_series(periods, actor_a, actor_b)
    output.parent.mkdir(parents=True, exist_ok=True)
    chart = DyadChart.for_dyad(actor_a, actor_b, by=by, database="dedup corpus", filters=window)
    plot_dyad(periods, output, chart=chart)
    print(f"wrote {output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    parser.add_argument("--by", choices=PERIODS, default="week")
    parser.add_argument("--output", type=Path, default=CHART)
    args = parser.parse_args()
    documents = read_inputs()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "report.duckdb") as store:
        stored = ingest(documents, store, args.model)
        print(f"{len(documents)} documents read, {stored} stored, model {args.model}, "
              f"{time.perf_counter() - started:.1f}s")
        report(store.connection, by=args.by, output=args.output)


if __name__ == "__main__":
    main()

"""Time detente.dedup.update_clusters on synthetic reports, and optionally draw a dyad chart.

    .venv/bin/python bench/dedup_throughput.py [--reports 5000] [--chart docs/dyad_example.png]

Builds an in-memory store with the contract tables (tests/dedup/eventdb.py), fills it with
reports of random events between a few countries over 120 days (each event reported 1-5 times
on the day or the next), clusters everything in one batch and then a second batch incrementally,
and prints the timings and the reports -> clusters collapse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.dedup.eventdb import add_document, add_event, create_store

from detente.dedup import update_clusters
from detente.export.chart import DyadChart, plot_dyad
from detente.relations import dyad_series

COUNTRIES = ("RUS", "USA", "CHN", "UKR", "DEU", "FRA", "IRN", "TUR")
CODES = (
    ("040", "CONSULT"),
    ("036", "CONSULT"),
    ("057", "AGREE"),
    ("073", "AID"),
    ("111", "ACCUSE"),
    ("130", "THREATEN"),
    ("163", "SANCTION"),
    ("190", "ASSAULT"),
)
VERBS = {
    "CONSULT": "met",
    "AGREE": "signed",
    "AID": "sent aid to",
    "ACCUSE": "accused",
    "THREATEN": "threatened",
    "SANCTION": "sanctioned",
    "ASSAULT": "attacked",
}


def fill(con: duckdb.DuckDBPyConnection, reports: int, rng: random.Random, start: int = 0) -> None:
    made = 0
    while made < reports:
        source, target = rng.sample(COUNTRIES, 2)
        cameo, plover = rng.choice(CODES)
        day = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(120))
        for _ in range(rng.randint(1, 5)):
            doc_id = f"doc{start + made}"
            add_document(
                con,
                doc_id,
                date=(day + dt.timedelta(days=rng.randint(0, 1))).isoformat(),
                source=f"outlet{rng.randrange(12)}",
            )
            add_event(
                con,
                {
                    "doc_id": doc_id,
                    "cameo": cameo,
                    "plover": plover,
                    "date": day.isoformat(),
                    "goldstein": -5.0 if cameo >= "100" else 4.0,
                    "sentence": f"{source} {VERBS[plover]} {target} on {day:%A}.",
                    "source": {"text": source, "name": source, "country": source, "sector": "GOV"},
                    "target": {"text": target, "name": target, "country": target, "sector": None},
                },
            )
            made += 1


def main() -> None:
    parser = argparse.ArgumentParser(description="Time update_clusters on synthetic reports.")
    parser.add_argument("--reports", type=int, default=5000)
    parser.add_argument("--chart", type=Path, default=None, help="Write a RUS/USA weekly dyad chart here.")
    args = parser.parse_args()
    rng = random.Random(7)
    con = duckdb.connect()
    create_store(con)
    fill(con, args.reports, rng)
    started = time.perf_counter()
    first = update_clusters(con)
    batch = time.perf_counter() - started
    fill(con, args.reports // 10, rng, start=args.reports + 10)
    started = time.perf_counter()
    second = update_clusters(con)
    incremental = time.perf_counter() - started
    clusters = con.execute("SELECT count(*) FROM clusters").fetchone()[0]
    print(
        f"batch: {first} reports in {batch:.2f}s ({first / batch:.0f}/s); "
        f"incremental: {second} reports in {incremental:.2f}s; "
        f"{first + second} reports -> {clusters} clusters"
    )
    if args.chart:
        chart = DyadChart.for_dyad("RUS", "USA", by="week", database="benchmark")
        plot_dyad(dyad_series(con, "RUS", "USA", by="week"), args.chart, chart=chart)
        print(f"wrote {args.chart}")


if __name__ == "__main__":
    main()

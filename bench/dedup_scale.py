"""Clustering cost as the store grows: time per 1,000 new reports at 1k, 10k and 100k stored.

    .venv/bin/python bench/dedup_scale.py [--reports 100000] [--at 1000,10000,100000] [--db FILE]

Generates ``--reports`` news reports over one year (seed 12): local stories (a shooting, a
stabbing, a robbery, a protest) in the gazetteer's larger US and UK cities, each told by 1 to 5
reports over up to three days in their own words (victim age, street, names, counts), about half
of them with coded events (unnamed actors, the city as place), plus international stories with
named actors; made-up names (people, streets, subjects, topic words) are the rare words of each
story. Reports are stored in publication order, the way news arrives, with bulk inserts (no NLP
pipeline). At each size N of ``--at`` the store is first filled and clustered up to N
reports, then the next 1,000 are stored and ``detente.dedup.update_clusters`` is timed on them:
that is the cost of adding 1,000 reports to a store of N. Prints one line per size (CPU time of
this process, DuckDB's threads included, and wall time, which other users of the machine inflate)
and the ratio of the largest CPU time to the smallest (target: within a factor of 2), then how well
the stories found match the generated ones (pairwise precision and recall).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import io
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente.dedup import pairwise_scores, update_clusters
from detente.models import make_event_id
from detente.places import PlaceResolver
from detente.store.schema import create_schema

START = dt.date(2023, 1, 1)
BATCH = 1000
FIRST = ("James", "Maria", "David", "Aisha", "Tom", "Chen", "Sofia", "Omar", "Grace", "Luis", "Emma", "Kwame")
STREETS = (
    "Oak",
    "Maple",
    "Church",
    "Mill",
    "Station",
    "Park",
    "Bridge",
    "King",
    "Market",
    "Elm",
    "Grove",
    "Hill",
)
SUFFIXES = ("Street", "Avenue", "Road", "Lane", "Boulevard", "Drive")
KINDS = {
    "shooting": (
        "was shot",
        "ASSAULT",
        "180",
        ("was shot dead", "died after being shot", "was killed in a shooting"),
    ),
    "stabbing": (
        "was stabbed",
        "ASSAULT",
        "180",
        ("was stabbed", "suffered knife wounds", "was attacked with a knife"),
    ),
    "robbery": (
        "was robbed",
        "COERCE",
        "171",
        ("was robbed at gunpoint", "lost cash in a raid", "was held up"),
    ),
}
PROTEST_CAUSES = (
    "school closures",
    "rent increases",
    "a new bus route",
    "library cuts",
    "a police shooting",
    "hospital closures",
    "fuel prices",
)
DIPLOMACY = (
    ("met", "CONSULT", "040"),
    ("criticised", "ACCUSE", "111"),
    ("signed a trade deal with", "AGREE", "057"),
    ("imposed sanctions on", "SANCTION", "163"),
)


@dataclass(frozen=True)
class City:
    name: str
    geonames_id: int
    country: str
    admin1: str


def cities() -> list[City]:
    """US and UK cities of 100,000+ people whose name no other such city has."""
    path = resources.files("detente") / "data" / "places" / "gazetteer.csv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        rows = [
            r
            for r in csv.DictReader(io.StringIO(text.read()))
            if r["feature_code"] == "PPL"
            and r["country"] in {"USA", "GBR"}
            and int(r["population"]) > 100_000
            and " " not in r["name"]
        ]
    names = [r["name"] for r in rows]
    return [
        City(r["name"], int(r["geonameid"]), r["country"], r["admin1"])
        for r in rows
        if names.count(r["name"]) == 1
    ]


def countries() -> list[tuple[str, str]]:
    """(name, ISO3) of the gazetteer's countries with a one-word name."""
    path = resources.files("detente") / "data" / "places" / "gazetteer.csv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        rows = csv.DictReader(io.StringIO(text.read()))
        return [
            (r["name"], r["country"]) for r in rows if r["feature_code"] == "PCLI" and " " not in r["name"]
        ]


def _coin(rng: random.Random) -> str:
    """A made-up name ("Velkaro"): the rare words that tell one story from another."""
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {_coin(rng)}"


def _street(rng: random.Random) -> str:
    return f"{rng.choice((rng.choice(STREETS), _coin(rng)))} {rng.choice(SUFFIXES)}"


def _topic(rng: random.Random) -> list[str]:
    """Six made-up words of one story, of which each report uses four: what it is about."""
    return [_coin(rng).lower() for _ in range(6)]


def _details(rng: random.Random, topic: list[str]) -> str:
    first, second, third, fourth = rng.sample(topic, 4)
    return f" Reports mentioned the {first} {second}, a {third} and the {fourth}."


def _place(city: City) -> dict[str, Any]:
    return {
        "text": city.name,
        "name": city.name,
        "country": city.country,
        "admin1": city.admin1,
        "lat": None,
        "lon": None,
        "geonames_id": city.geonames_id,
        "precision": "city",
    }


def _local_story(
    rng: random.Random, city: City, day: dt.date
) -> Iterator[tuple[dt.date, str, str, list[Any]]]:
    """(publication date, title, text, events) of each report of one local story."""
    weekday, topic = day.strftime("%A"), _topic(rng)
    if rng.random() < 0.25:
        cause, crowd = rng.choice(PROTEST_CAUSES), rng.choice((200, 300, 500, 800, 1200))
        for _ in range(rng.randint(1, 5)):
            street = _street(rng)
            text = (
                f"{city.name.upper()} — About {crowd} people marched along {street} in {city.name} "
                f"on {weekday} to protest against {cause}. Organiser {_person(rng)} said the crowd would "
                f"return. Police said the march was peaceful and {rng.randint(0, 4)} people were detained."
            ) + _details(rng, topic)
            events = [("protesters", "CVL", None, "PROTEST", "141")] if rng.random() < 0.5 else []
            yield (
                day + dt.timedelta(days=rng.randint(0, 2)),
                f"Protest in {city.name} over {cause}",
                text,
                events,
            )
        return
    kind = rng.choice(list(KINDS))
    verb, plover, cameo, phrases = KINDS[kind]
    age, victim, street = rng.randint(16, 80), _person(rng), _street(rng)
    for _ in range(rng.randint(1, 5)):
        gender = rng.choice(("man", "woman"))
        text = (
            f"{city.name.upper()} — A {age}-year-old {gender} {rng.choice(phrases)} on {street} in "
            f"{city.name} late on {weekday}, police said. The victim was named as {victim}. Officers said a "
            f"{rng.randint(17, 40)}-year-old suspect was being sought and asked witnesses to come forward."
        ) + _details(rng, topic)
        events = [(None, None, "CVL", plover, cameo)] if rng.random() < 0.5 else []
        yield (
            day + dt.timedelta(days=rng.randint(0, 2)),
            f"{victim}, {age}, {verb} in {city.name}",
            text,
            events,
        )


def _world_story(
    rng: random.Random, nations: list[tuple[str, str]], day: dt.date
) -> Iterator[tuple[dt.date, str, str, list[Any]]]:
    (source, s_code), (target, t_code) = rng.sample(nations, 2)
    verb, plover, cameo = rng.choice(DIPLOMACY)
    topic = rng.choice(("accord", "pipeline", "dispute", "talks"))
    minister, subject, words = _person(rng), f"{_coin(rng)} {topic}", _topic(rng)
    for _ in range(rng.randint(1, 5)):
        text = (
            f"The government of {source} {verb} {target} on {day:%A} over the {subject}, officials said. "
            f"Minister {minister} said relations had reached a turning point after "
            f"{rng.randint(2, 30)} years."
        ) + _details(rng, words)
        events = [((source, s_code), "GOV", (target, t_code), plover, cameo)]
        yield day + dt.timedelta(days=rng.randint(0, 2)), f"{source} and {target}", text, events


def reports(count: int, seed: int = 12) -> list[dict[str, Any]]:
    """``count`` reports over a year, in publication order."""
    rng, places, nations = random.Random(seed), cities(), countries()
    out: list[dict[str, Any]] = []
    while len(out) < count:
        day = START + dt.timedelta(days=rng.randrange(365))
        city = rng.choice(places)
        story_id = f"s{day}-{rng.random()}"
        story = _world_story(rng, nations, day) if rng.random() < 0.2 else _local_story(rng, city, day)
        for published, title, text, events in story:
            doc_id = f"r{len(out):06d}"
            out.append(
                {
                    "doc_id": doc_id,
                    "date": published,
                    "title": title,
                    "text": text,
                    "day": day,
                    "story": story_id,
                    "city": city,
                    "events": events,
                    "source": f"outlet{rng.randrange(40)}",
                }
            )
    out = out[:count]
    out.sort(key=lambda r: (r["date"], r["doc_id"]))
    return out


def _event_row(report: dict[str, Any], index: int, event: tuple[Any, ...]) -> dict[str, Any]:
    source, sector, target, plover, cameo = event
    row: dict[str, Any] = {
        "event_id": make_event_id(report["doc_id"], 0, index, cameo),
        "doc_id": report["doc_id"],
        "sentence_index": 0,
        "sentence": report["text"].split(". ")[0],
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "plover": plover,
        "date": report["day"],
        "date_precision": "day",
        "negated": False,
        "status": "current",
        "confidence": 0.8,
        "trigger_text": "x",
        "record": "{}",
    }
    if isinstance(source, tuple):  # international: named governments
        row.update(
            source_text=source[0],
            source_name=source[0],
            source_country=source[1],
            source_sector=sector,
            target_text=target[0],
            target_name=target[0],
            target_country=target[1],
            target_sector="GOV",
        )
    else:
        city = report["city"]
        row["location"] = json.dumps(_place(city))
        if source:
            row.update(source_text=source, source_country=city.country, source_sector=sector)
        row.update(target_text="victim", target_country=city.country, target_sector=target)
    return row


def store(con: duckdb.DuckDBPyConnection, batch: list[dict[str, Any]]) -> None:
    """Bulk-insert documents and events (columns not given are NULL)."""
    now = dt.datetime(2024, 1, 1)
    docs = [
        {
            "doc_id": r["doc_id"],
            "content_hash": r["doc_id"],
            "title": r["title"],
            "date": r["date"],
            "source": r["source"],
            "language": "en",
            "text": r["text"],
            "ingested_at": now,
        }
        for r in batch
    ]
    events = [_event_row(r, i, e) for r in batch for i, e in enumerate(r["events"])]
    cursor = con.cursor()
    for table, rows in (("documents", docs), ("events", events)):
        if rows:
            cursor.register("_rows", pa.Table.from_pylist(rows))
            cursor.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
            cursor.unregister("_rows")
    cursor.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--at", default="1000,10000,100000", help="Store sizes to time at, comma-separated.")
    parser.add_argument("--db", type=Path, help="DuckDB file to build (default: in memory).")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.at.split(","))
    all_reports = reports(max(args.reports, sizes[-1] + BATCH))
    PlaceResolver.default()  # load the gazetteer before any timing
    con = duckdb.connect(str(args.db) if args.db else ":memory:")
    create_schema(con)
    stored, timings = 0, []
    for size in sizes:
        started = time.perf_counter()
        store(con, all_reports[stored:size])
        update_clusters(con)
        fill = time.perf_counter() - started
        store(con, all_reports[size : size + BATCH])
        started, cpu = time.perf_counter(), time.process_time()
        events = update_clusters(con)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        stored = size + BATCH
        timings.append(cpu)
        counts = con.execute(
            "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM clusters)"
        ).fetchone()
        print(
            f"{size:>7} stored: {cpu:6.2f} s CPU ({took:.2f} s wall) per 1,000 reports ({events} events); "
            f"filling took {fill:.1f} s; {counts[0]} stories, {counts[1]} event clusters",
            flush=True,
        )
    print(f"slowest / fastest (CPU): {max(timings) / min(timings):.2f}")
    gold = {r["doc_id"]: r["story"] for r in all_reports[:stored]}
    found = dict(con.execute("SELECT doc_id, story_id FROM story_members").fetchall())
    scores = pairwise_scores(gold, {doc: found[doc] for doc in gold})
    print(f"stories against the generator's: pairwise P={scores.precision:.3f} R={scores.recall:.3f}")


if __name__ == "__main__":
    main()

"""Event places on hand-written paragraphs (tests/data/places/paragraphs.jsonl) and on real Wikinews
articles of 2019 (tests/data/places/wikinews_2019_articles.jsonl, annotated before the pipeline
was run on them), through the pipeline.

Each paragraph lists the events the pipeline should code, by trigger word, with the expected place
(a city with coordinates, a country with null coordinates, or null for an event with no place).
Pipeline events are matched to expectations by trigger text (the expected word is contained in
the event's trigger, any case). Prints:

- precision: of the matched events given a location, the share whose location is right: within
  ``--radius`` km (default 50) of the expected coordinates, or in the expected country for a
  country-level expectation; a location given to an event expected to have none is wrong;
- recall: of the expected events with a place, the share with some matched event placed right
  (an event the pipeline did not code at all counts as missed);
- null expectations: how many stayed without a location, got one, or were not coded;
- every miss, and the coded events that no expectation names (not scored).

Usage: .venv/bin/python bench/places_eval.py [--model md|sm] [--radius KM] [--set written|wikinews|all]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import time
from collections import Counter
from pathlib import Path
from typing import Any

from detente.models import Document, Event, Location
from detente.pipeline import code_documents

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "places"
PARAGRAPHS = DATA / "paragraphs.jsonl"
SETS = {"written": PARAGRAPHS, "wikinews": DATA / "wikinews_2019_articles.jsonl"}
EARTH_RADIUS_KM = 6371.0


def load_cases(path: Path = PARAGRAPHS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_document(case: dict[str, Any]) -> Document:
    return Document(doc_id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def place_is_right(location: Location, expected: dict[str, Any], radius_km: float) -> bool:
    """Right city within ``radius_km``, or right country for a country-level expectation."""
    if expected["place"] is None:
        return False
    if expected["lat"] is None:
        return location.country == expected["country"]
    if location.lat is None or location.lon is None:
        return False
    return distance_km(location.lat, location.lon, expected["lat"], expected["lon"]) <= radius_km


def describe(location: Location | None) -> str:
    if location is None:
        return "no place"
    return f"{location.name} ({location.country}, {location.precision}, {location.lat}, {location.lon})"


def matching_events(events: list[Event], trigger: str) -> list[Event]:
    word = trigger.lower()
    return [event for event in events if word in event.trigger.text.lower()]


def score_expected(case_id: str, expected: dict[str, Any], events: list[Event], counts: Counter[str],
                   radius_km: float) -> None:
    """Add one expected event's outcome to ``counts`` and print it when it is a miss."""
    label = f"{case_id} {expected['trigger']!r}"
    located = [event for event in events if event.location is not None]
    right = [event for event in located
             if event.location is not None and place_is_right(event.location, expected, radius_km)]
    counts["located"] += len(located)
    counts["located_right"] += len(right)
    if expected["place"] is None:
        outcome = "null_uncoded" if not events else "null_kept" if not located else "null_placed"
        counts[outcome] += 1
        if outcome == "null_placed":
            print(f"LEAKED   {label}: expected no place, got {describe(located[0].location)}")
        return
    counts["expected_place"] += 1
    if right:
        counts["recalled"] += 1
    elif not events:
        print(f"UNCODED  {label}: expected {expected['place']} ({expected['country']})")
    else:
        got = describe(located[0].location) if located else "no place"
        print(f"WRONG    {label}: expected {expected['place']} ({expected['country']}), got {got}")


def score_case(case: dict[str, Any], events: list[Event], counts: Counter[str], radius_km: float) -> None:
    named: set[str] = set()
    for expected in case["events"]:
        matched = matching_events(events, expected["trigger"])
        named.update(event.event_id for event in matched)
        score_expected(case["id"], expected, matched, counts, radius_km)
    for event in events:
        if event.event_id not in named:
            counts["unscored"] += 1
            print(f"UNSCORED {case['id']} {event.trigger.text!r} {event.cameo}: {describe(event.location)}")


def ratio(part: int, whole: int) -> str:
    return f"{part / whole if whole else 0:.3f} ({part}/{whole})"


def report(counts: Counter[str], cases: int, model: str, elapsed: float) -> None:
    nulls = counts["null_kept"] + counts["null_placed"] + counts["null_uncoded"]
    print(f"paragraphs {cases}  expected events {counts['expected_place'] + nulls}  model {model}  "
          f"{elapsed:.2f}s")
    print(f"place precision   {ratio(counts['located_right'], counts['located'])}")
    print(f"place recall      {ratio(counts['recalled'], counts['expected_place'])}")
    print(f"null expectations {nulls}: {counts['null_kept']} kept no place, {counts['null_placed']} "
          f"given a place, {counts['null_uncoded']} event not coded")
    print(f"coded events no expectation names: {counts['unscored']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    parser.add_argument("--radius", type=float, default=50.0, help="km from the expected place")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    args = parser.parse_args()
    for name, path in SETS.items():
        if args.set not in (name, "all"):
            continue
        print(f"== {name}: {path.name}")
        cases = load_cases(path)
        counts: Counter[str] = Counter()
        started = time.perf_counter()
        coded = code_documents([to_document(case) for case in cases], model=args.model)
        for case, item in zip(cases, coded, strict=True):
            score_case(case, list(item.events), counts, args.radius)
        report(counts, len(cases), args.model, time.perf_counter() - started)


if __name__ == "__main__":
    main()

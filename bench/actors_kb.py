"""Actor knowledge base: its size by kind, and what loading it costs.

Prints the number of entries by kind (people and their terms, by source; organisations by PLOVER
pseudo-country and by source; places with and without a GeoNames id; country names, nationality and
ethnic words; agent nouns; aliases: the other names people, organisations and countries go by),
then the time and peak memory (tracemalloc) of loading the tables from
the compact index (kb_index.json.gz, what `detente` does) and from the CSV files (what it does when
the index is stale), and of the knowledge base built on them (lookup.py, with its misspelling
index). Each load runs in a fresh interpreter (after its imports, which are not counted) so no
cache helps it.

Usage: .venv/bin/python bench/actors_kb.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections import Counter

from detente.actors.tables import PSEUDO_COUNTRIES, load_tables, normalise

PROBE = """
import time, tracemalloc
from detente.actors import tables
tracemalloc.start()
started = time.perf_counter()
{call}
print(time.perf_counter() - started, tracemalloc.get_traced_memory()[1] / 1e6)
"""
CALLS = {
    "index": "t = tables.load_tables()",
    "csv": "t = tables.read_tables()",
    "index + knowledge base": ("from detente.actors.lookup import KnowledgeBase\n"
                               "kb = KnowledgeBase(tables.load_tables()); kb.skeletons"),
}


def print_sizes() -> None:
    tables = load_tables()
    terms = [term for name in tables.roles for term in tables.roles[name]]
    own = {term.name for term in terms if not term.source.startswith("Phoenix")}
    print(f"people: {len(tables.roles)} ({len(own)} from the own tables, "
          f"{len(tables.roles) - len(own)} from Phoenix), {len(terms)} terms, "
          f"{len(tables.people)} name keys")
    names = Counter(e.name for e in tables.organisations.values())
    by_country = Counter(e.country if e.country in PSEUDO_COUNTRIES else "state"
                         for e in tables.organisations.values())
    own_orgs = sum(e.source == "own" for e in tables.organisations.values())
    print(f"organisations: {len(names)} under {len(tables.organisations)} names ({own_orgs} own names), "
          f"by country: {dict(sorted(by_country.items()))}; "
          f"{len(tables.organisation_terms)} with dated roles")
    sectors = Counter(e.sector[:3] for e in tables.organisations.values())
    print(f"  by sector: {dict(sectors.most_common(12))}")
    with_id = sum(p.geonames_id is not None for p in tables.places.values())
    print(f"places: {len(tables.places)} ({with_id} linked to a GeoNames id)")
    forms = Counter(form for _, form in tables.aliases.values())
    print(f"country words: {len(tables.aliases)} ({dict(forms)}), {len(tables.countries)} countries, "
          f"{len(tables.seats)} seats of power")
    print(f"agent nouns: {len(tables.agents)}")
    canonical = {normalise(name) for name in tables.roles}
    person_aliases = sum(key not in canonical for key in tables.people)
    print(f"aliases: {person_aliases} person name keys that are not a canonical name, "
          f"{len(tables.organisations) - len(names)} organisation names beyond one per organisation, "
          f"{len(tables.aliases)} country words for {len(tables.countries)} countries; "
          f"{len(tables.skeletons)} transliteration keys")


def measure(call: str, repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PROBE.format(call=call)], check=True,
                             capture_output=True, text=True).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print_sizes()
    for label, call in CALLS.items():
        seconds, megabytes = measure(call, args.repeat)
        print(f"load from {label}: {seconds:.2f} s, peak {megabytes:.0f} MB (median of {args.repeat})")


if __name__ == "__main__":
    main()

"""Actor resolution on detente's own expectations (tests/data/actors/, see its README.md).

Prints country and sector accuracy over `expectations.jsonl` (overall and by category), the
surname probe (`surname_probe.jsonl`: namesakes made leaders, leaders found), and with `--misses`
every wrong case. `tests/actors/test_actors_expectations.py` pins the floors in
`tests/data/actors/floors.json`.

`--set heldout` scores `heldout.jsonl` instead: phrases of the kinds the first set covers thinly,
written after the resolver was built and before it ran on them.

Usage: .venv/bin/python bench/actors_eval.py [--model md|sm] [--set own|heldout] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from detente.actors import ActorResolver
from detente.evaluation.actors import read_cases, score_expectations, score_surname_probe

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "actors"
SETS = {"own": "expectations.jsonl", "heldout": "heldout.jsonl"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["md", "sm"], default="md")
    parser.add_argument("--set", choices=sorted(SETS), default="own", help="which expectations")
    parser.add_argument("--misses", action="store_true", help="list every wrong case")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    resolver = ActorResolver(ActorResolver.default().tables, model=args.model)
    started = time.perf_counter()
    scores = score_expectations(read_cases(DATA / SETS[args.set]), resolver)
    probe = score_surname_probe(read_cases(DATA / "surname_probe.jsonl"), resolver)
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"expectations": scores.to_dict(), "surname_probe": probe.to_dict()}))
        return
    print(f"expectations: {scores.total} cases, country {scores.country:.3f} "
          f"(of {scores.country_total}), sector {scores.sector:.3f}, "
          f"sector primary {scores.sector_primary:.3f}  ({seconds:.1f} s)")
    for category, tally in sorted(scores.by_category.items()):
        country = tally["country"] / tally["country_cases"] if tally["country_cases"] else 0.0
        print(f"  {category:6} {tally['cases']:4}  country {country:.2f}  "
              f"sector {tally['sector'] / tally['cases']:.2f}")
    print(f"surname probe: {probe.false_leaders} false leaders of {probe.namesakes} namesakes; "
          f"{probe.leaders_right} of {probe.leaders} named leaders right")
    if args.misses:
        for miss in scores.misses + probe.misses:
            print("  ", json.dumps(miss, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Kill clustering with SIGKILL at random moments, many times, and check every state it leaves.

    .venv/bin/python bench/dedup_crash.py [--kills 20] [--seed 1] [--rounds 1]

Loads the whole dedup corpus (tests/data/dedup_corpus: the political and the local articles with
their hand codings) into a DuckDB file, then per round: clusters a copy without interruption,
and clusters another copy in a child process (tests/dedup/crash.py: tiny batches, so many
transactions) killed ``--kills`` times at moments drawn uniformly over the uninterrupted run's
duration, each kill followed by a consistency check (every story and cluster row matches its
members, document frequencies match the stored vectors), then one run to completion whose tables
must equal the uninterrupted run's (``--resume-each``: every kill on a fresh copy, finished and
compared on its own). Prints, per round, how many kills landed, the inconsistent
states found and the tables that differ at the end (both must be empty).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.dedup.crash import kill_and_resume
from tests.dedup.eventdb import load_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--resume-each", action="store_true",
                        help="Kill a fresh copy each time and finish it (more kills land) instead of "
                             "killing one copy again and again.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        store = work / "store.duckdb"
        con = duckdb.connect(str(store))
        load_corpus(con)
        load_corpus(con, part="local_")
        con.close()
        for round_ in range(args.rounds):
            report = kill_and_resume(store, work, kills=args.kills, seed=args.seed + round_,
                                     fresh=args.resume_each)
            print(f"round {round_ + 1}: {report.kills} of {args.kills} kills landed while clustering ran "
                  f"(at {', '.join(f'{t:.2f}' for t in sorted(report.kill_times))} s); "
                  f"inconsistent states: {len(report.problems)}; tables that differ at the end: "
                  f"{report.differences or 'none'}")
            for problem in report.problems[:10]:
                print(f"  {problem}")


if __name__ == "__main__":
    main()

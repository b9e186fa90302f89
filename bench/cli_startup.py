"""Wall time of cold `detente` reading commands, idle and while an ingest runs.

    .venv/bin/python bench/cli_startup.py [--runs 5] [--db FILE]
    .venv/bin/python bench/cli_startup.py --during-ingest ARTICLES.jsonl [--articles 60] [--db FILE]

Without --db, builds a small store first (`detente ingest examples/antonov_recall.txt`). Each
command runs ``--runs`` times as a fresh process (nothing imported yet, as a user types it) and
the minimum, median and maximum wall times are printed. The import cost of the command line
alone is printed first (`python -c "import detente.cli"`).

With --during-ingest, the first ``--articles`` lines of that JSON Lines file are ingested into
the store while the reading commands are started in turn, again and again, each one cold, until
the ingest ends; prints how many readers ran, how many failed, and their median and longest wall
times. A reader waits for the writer's short batch writes (see the README's concurrency section),
so its latency is start-up plus that wait, on CPUs the ingest shares.

To compare with another revision, put its source tree first on the path: the `detente` script
imports whatever ``detente`` Python finds, e.g.
``git archive main | tar -x -C /tmp/old && PYTHONPATH=/tmp/old/src .venv/bin/python bench/cli_startup.py``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DETENTE = str(Path(sys.executable).with_name("detente"))
EXAMPLE = ROOT / "examples" / "antonov_recall.txt"


def reading_commands(db: Path) -> dict[str, list[str]]:
    return {
        "--help": ["--help"],
        "events": ["events", "--db", str(db), "--limit", "5"],
        "counts": ["counts", "--db", str(db)],
        "stories": ["stories", "--db", str(db)],
        "clusters": ["clusters", "--db", str(db)],
        "export": ["export", "--db", str(db)],
        "check": ["check", "--db", str(db)],
    }


def wall_time(argv: list[str]) -> tuple[float, int]:
    """(seconds, exit status) of one run, output discarded."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, done.returncode


def build_store(db: Path) -> None:
    subprocess.run([DETENTE, "ingest", str(EXAMPLE), "--date", "2021-03-21", "--db", str(db)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def summary(times: list[float]) -> str:
    return f"min {min(times):5.2f} s  median {statistics.median(times):5.2f} s  max {max(times):5.2f} s"


def time_commands(db: Path, runs: int) -> None:
    imports = [wall_time([sys.executable, "-c", "import detente.cli"])[0] for _ in range(runs)]
    print(f"{'import detente.cli':20} {summary(imports)}")
    for name, args in reading_commands(db).items():
        results = [wall_time([DETENTE, *args]) for _ in range(runs)]
        failed = sum(1 for _, status in results if status != 0)
        note = f"  ({failed} failed)" if failed else ""
        print(f"{'detente ' + name:20} {summary([seconds for seconds, _ in results])}{note}")


def read_during_ingest(db: Path, source: Path, articles: int, work: Path) -> None:
    batch = work / "articles.jsonl"
    with source.open(encoding="utf-8") as lines:
        batch.write_text("".join(line for _, line in zip(range(articles), lines, strict=False)),
                         encoding="utf-8")
    commands = {name: args for name, args in reading_commands(db).items() if name != "--help"}
    readers = [[DETENTE, *args] for args in commands.values()]
    start = time.perf_counter()
    ingest = subprocess.Popen([DETENTE, "ingest", str(batch), "--db", str(db)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results = []
    while ingest.poll() is None:
        results.append(wall_time(readers[len(results) % len(readers)]))
    took = time.perf_counter() - start
    times = [seconds for seconds, _ in results]
    failed = sum(1 for _, status in results if status != 0)
    print(f"ingest of {articles} articles took {took:.1f} s (exit {ingest.returncode}); "
          f"{len(results)} cold reader runs during it ({', '.join(commands)} in turn), "
          f"{failed} failed")
    if times:
        print(f"{'reader wall time':20} {summary(times)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="Store to read (default: build a small one).")
    parser.add_argument("--during-ingest", type=Path, metavar="JSONL",
                        help="Time readers while ingesting this file instead.")
    parser.add_argument("--articles", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        db = args.db or work / "store.duckdb"
        if args.db is None:
            build_store(db)
        if args.during_ingest:
            read_during_ingest(db, args.during_ingest, args.articles, work)
        else:
            time_commands(db, args.runs)


if __name__ == "__main__":
    main()

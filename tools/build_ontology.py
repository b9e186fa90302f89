"""Rebuild the derived ontology tables and the sha256 lines of MANIFEST.toml.

    .venv/bin/python tools/build_ontology.py                 # write the tables, refresh hashes
    .venv/bin/python tools/build_ontology.py --check         # exit 1 if anything would change
    .venv/bin/python tools/build_ontology.py --reference DIR # reference files elsewhere

Reads cameo_codebook.csv (MIT, icews R package) and CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open
Event Data Alliance) from tests/data/reference (copies of the shared reference files) and writes
event_codes.csv and cameo_plover.csv into src/detente/data/ontology. Hand-written files there
(verb_patterns.jsonl, lemma_classes.json) are not rebuilt, only re-hashed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from detente.ontology import DATA_DIR
from detente.ontology.build import build_noun_patterns, build_tables, refresh_manifest_hashes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT / "tests" / "data" / "reference"


def stale_files(tables: dict[str, str], directory: Path) -> list[str]:
    return [name for name, text in tables.items()
            if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--out", type=Path, default=DATA_DIR)
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    tables = build_tables(args.reference)
    tables["derived_noun_patterns.jsonl"] = build_noun_patterns(args.out)
    stale = stale_files(tables, args.out)
    if not args.check:
        for name in stale:
            (args.out / name).write_text(tables[name], encoding="utf-8", newline="\n")
    manifest = args.out / "MANIFEST.toml"
    text = manifest.read_text(encoding="utf-8")
    refreshed = refresh_manifest_hashes(text, args.out)
    if args.check:
        stale += ["MANIFEST.toml"] if refreshed != text else []
        for name in stale:
            print(f"out of date: {name}", file=sys.stderr)
        return 1 if stale else 0
    manifest.write_text(refreshed, encoding="utf-8", newline="\n")
    print(f"wrote {', '.join(stale) or 'nothing new'}; refreshed {manifest.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Show the dev-gold scores against tests/eval_floor.json, and raise floors that the coder now beats.

Usage: python tools/eval_floor.py [--raise]
Floors are truncated to 3 decimals. A floor is never lowered here: lowering one means editing the
file by hand and adding an entry to its "changes" list with the reason.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from detente.evaluation import evaluate_documents, evaluate_file

ROOT = Path(__file__).resolve().parents[1]
FLOOR_FILE = ROOT / "tests" / "eval_floor.json"
GOLD_DIR = ROOT / "tests" / "data" / "gold"
DOCUMENTS_DIR = ROOT / "tests" / "data" / "documents"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raise", dest="raise_floors", action="store_true", help="write raised floors")
    args = parser.parse_args()
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    for name, spec in floors["gold_sets"].items():
        _, scores, _ = evaluate_file(GOLD_DIR / name, scheme=spec["scheme"], model=spec.get("model", "md"))
        _compare(name, spec, scores.to_dict(), raise_floors=args.raise_floors)
    for name, spec in floors.get("document_sets", {}).items():
        document_scores, _ = evaluate_documents(DOCUMENTS_DIR / name, model=spec.get("model", "md"))
        _compare(name, spec, document_scores.to_dict(), raise_floors=args.raise_floors)
    if args.raise_floors:
        FLOOR_FILE.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _compare(name: str, spec: dict[str, dict[str, float]], values: dict[str, object], *,
             raise_floors: bool) -> None:
    for metric, floor in spec.get("min", {}).items():
        value = math.floor(float(values[metric]) * 1000) / 1000  # type: ignore[arg-type]
        print(f"{name:24} {metric:22} {values[metric]:.3f} floor {floor:.3f}")
        if raise_floors and value > floor:
            spec["min"][metric] = value
    for metric, cap in spec.get("max", {}).items():
        ceiling = math.ceil(float(values[metric]) * 1000) / 1000  # type: ignore[arg-type]
        print(f"{name:24} {metric:22} {values[metric]} ceiling {cap}")
        if raise_floors and ceiling < cap:
            spec["max"][metric] = ceiling


if __name__ == "__main__":
    main()

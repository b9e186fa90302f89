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

from detente.evaluation import evaluate_file

ROOT = Path(__file__).resolve().parents[1]
FLOOR_FILE = ROOT / "tests" / "eval_floor.json"
GOLD_DIR = ROOT / "tests" / "data" / "gold"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--raise", dest="raise_floors", action="store_true", help="write raised floors")
    args = parser.parse_args()
    floors = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
    for name, spec in floors["gold_sets"].items():
        _, scores, _ = evaluate_file(GOLD_DIR / name, scheme=spec["scheme"], model=spec.get("model", "md"))
        values = scores.to_dict()
        for metric, floor in spec.get("min", {}).items():
            value = math.floor(values[metric] * 1000) / 1000
            print(f"{name:24} {metric:22} {values[metric]:.3f} floor {floor:.3f}")
            if args.raise_floors and value > floor:
                spec["min"][metric] = value
        for metric, cap in spec.get("max", {}).items():
            print(f"{name:24} {metric:22} {values[metric]} ceiling {cap}")
            if args.raise_floors and values[metric] < cap:
                spec["max"][metric] = values[metric]
    if args.raise_floors:
        FLOOR_FILE.write_text(json.dumps(floors, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

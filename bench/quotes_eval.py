"""Speaker attribution on the hand-written quote paragraphs (tests/quotes/golden_paragraphs.jsonl).

Prints quote detection recall and speaker precision/recall:
- found: an expected quote is found when some extracted quote's text contains its words;
- precision: of the found quotes given a speaker, the share whose speaker is right (a speaker given
  to a quote annotated as unattributed is wrong);
- recall: of the expected quotes that have a speaker, the share found with the right speaker.

Usage: .venv/bin/python bench/quotes_eval.py [--model md|sm]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path
from typing import Any

from detente.actors import ActorResolver
from detente.models import Document, Quote
from detente.nlp import load_nlp
from detente.quotes import extract_quotes

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "quotes" / "golden_paragraphs.jsonl"


def right_speaker(quote: Quote, expected: dict[str, Any]) -> bool:
    if quote.speaker is None or expected["speaker"] is None:
        return False
    names = f"{quote.speaker.name} {quote.speaker.text}".lower()
    country_ok = "country" not in expected or quote.speaker.country == expected["country"]
    return expected["speaker"].lower() in names and country_ok


def score_case(case: dict[str, Any], quotes: list[Quote], counts: Counter[str]) -> None:
    """Add one paragraph's outcome to `counts` and print its misses."""
    for expected in case["quotes"]:
        counts["expected"] += 1
        counts["with_speaker"] += expected["speaker"] is not None
        matches = sorted((q for q in quotes if expected["contains"] in q.text), key=lambda q: q.end - q.start)
        if not matches:
            print(f"MISSED  {case['id']}: {expected['contains']!r}")
            continue
        quote = matches[0]
        counts["found"] += 1
        counts["attributed"] += quote.speaker is not None
        ok = right_speaker(quote, expected)
        counts["correct"] += ok
        if not ok and (quote.speaker is not None or expected["speaker"] is not None):
            got = (quote.speaker.name or quote.speaker.text) if quote.speaker else None
            print(f"WRONG   {case['id']}: expected {expected['speaker']!r}, got {got!r}")


def ratio(part: int, whole: int) -> str:
    return f"{part / whole if whole else 0:.3f} ({part}/{whole})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    model = parser.parse_args().model
    nlp, resolver = load_nlp(model), ActorResolver.default()
    cases = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    for case in cases:
        document = Document(doc_id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))
        score_case(case, extract_quotes(nlp(case["text"]), document, resolver=resolver), counts)
    elapsed = time.perf_counter() - started
    print(f"paragraphs {len(cases)}  expected quotes {counts['expected']}  model {model}  {elapsed:.2f}s")
    print(f"quote detection recall  {ratio(counts['found'], counts['expected'])}")
    print(f"speaker precision       {ratio(counts['correct'], counts['attributed'])}")
    print(f"speaker recall          {ratio(counts['correct'], counts['with_speaker'])}")


if __name__ == "__main__":
    main()

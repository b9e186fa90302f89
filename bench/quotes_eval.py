"""Speaker attribution on quote paragraphs: hand-written ones (tests/quotes/golden_paragraphs.jsonl)
and real Wikinews paragraphs of 2019 (tests/data/quotes/wikinews_2019_paragraphs.jsonl, annotated
before the extractor was run on them).

Prints, for each set, quote detection recall and speaker precision/recall:
- found: an expected quote is found when some extracted quote's text contains its words;
- precision: of the found quotes given a speaker, the share whose speaker is right (a speaker given
  to a quote annotated as unattributed is wrong);
- recall (speaker accuracy): of the expected quotes that have a speaker, the share found with the
  right speaker;
- non-statements: words annotated ``not_a_quote`` (a nickname, a term in quotation marks) that
  the extractor still reported as a quote.

Usage: .venv/bin/python bench/quotes_eval.py [--model md|sm] [--set written|wikinews|all]
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
from detente.nlp.language import load_nlp
from detente.quotes import extract_quotes

ROOT = Path(__file__).resolve().parents[1]
SETS = {"written": ROOT / "tests" / "quotes" / "golden_paragraphs.jsonl",
        "wikinews": ROOT / "tests" / "data" / "quotes" / "wikinews_2019_paragraphs.jsonl"}


def right_speaker(quote: Quote, expected: dict[str, Any]) -> bool:
    if quote.speaker is None or expected["speaker"] is None:
        return False
    names = f"{quote.speaker.name} {quote.speaker.text}".lower()
    country_ok = "country" not in expected or quote.speaker.country == expected["country"]
    return expected["speaker"].lower() in names and country_ok


def score_case(case: dict[str, Any], quotes: list[Quote], counts: Counter[str]) -> None:
    """Add one paragraph's outcome to `counts` and print its misses."""
    for expected in case["quotes"]:
        if expected.get("not_a_quote"):
            counts["non_statements"] += 1
            if any(expected["contains"] in q.text for q in quotes):
                counts["non_statement_quoted"] += 1
                print(f"NOTQUOTE {case['id']}: {expected['contains']!r} reported as a quote")
            continue
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


def evaluate(name: str, path: Path, model: str) -> None:
    nlp, resolver = load_nlp(model), ActorResolver.default()
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    started = time.perf_counter()
    print(f"== {name}: {path.relative_to(ROOT)}")
    for case in cases:
        document = Document(doc_id=case["id"], text=case["text"], date=dt.date.fromisoformat(case["date"]))
        score_case(case, extract_quotes(nlp(case["text"]), document, resolver=resolver), counts)
    elapsed = time.perf_counter() - started
    print(f"paragraphs {len(cases)}  expected quotes {counts['expected']}  model {model}  {elapsed:.2f}s")
    print(f"quote detection recall  {ratio(counts['found'], counts['expected'])}")
    print(f"speaker precision       {ratio(counts['correct'], counts['attributed'])}")
    print(f"speaker recall          {ratio(counts['correct'], counts['with_speaker'])}")
    print(f"non-statements quoted   {ratio(counts['non_statement_quoted'], counts['non_statements'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all")
    args = parser.parse_args()
    for name, path in SETS.items():
        if args.set in (name, "all"):
            evaluate(name, path, args.model)


if __name__ == "__main__":
    main()

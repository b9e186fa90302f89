"""False events on non-political real news (tests/data/events/nonpolitical_wikinews_2019.jsonl).

65 Wikinews articles of 2019 (fires, crashes, storms, earthquakes, science, sport, conventions,
deaths of non-politicians), chosen and annotated before the coder was run on them. An article may
name the few triggers of a genuine political event in it (``political_triggers``, e.g. police
detaining a driver); every other event the pipeline codes is a false event.

Prints false events per article (target: at most 0.05) and every false event. Events of every
status count (a hypothetical earthquake is no political event either); ``--current`` counts only
the current ones, what a default query shows.

Usage: .venv/bin/python bench/nonpolitical_eval.py [--model md|sm] [--current]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from detente.models import Document
from detente.pipeline import code_documents

ARTICLES = Path(__file__).resolve().parents[1] / "tests/data/events/nonpolitical_wikinews_2019.jsonl"


def load_articles(path: Path = ARTICLES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    parser.add_argument("--current", action="store_true", help="count only events with status current")
    args = parser.parse_args()
    articles = load_articles()
    documents = [Document(doc_id=a["id"], text=a["text"], title=a["title"],
                          date=dt.date.fromisoformat(a["date"])) for a in articles]
    allowed = {a["id"]: [w.lower() for w in a["political_triggers"]] for a in articles}
    started = time.perf_counter()
    false, political = 0, 0
    for coded in code_documents(documents, model=args.model):
        for event in coded.events:
            if args.current and event.status != "current":
                continue
            if any(word in event.trigger.text.lower() for word in allowed[event.doc_id]):
                political += 1
                continue
            false += 1
            print(f"FALSE {event.doc_id} {event.cameo} {event.coder} {event.status:<12} "
                  f"{event.trigger.text!r} "
                  f"{event.source.code if event.source else None}->"
                  f"{event.target.code if event.target else None}: {event.sentence[:120]}")
    elapsed = time.perf_counter() - started
    print(f"articles {len(articles)}  model {args.model}  {elapsed:.1f}s  political events kept {political}")
    print(f"false events {false}  per article {false / len(articles):.3f}")


if __name__ == "__main__":
    main()

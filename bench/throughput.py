"""Throughput on real news: spaCy parsing alone against the whole pipeline, measured in one run.

Usage: python bench/throughput.py [--model md|sm] [--docs N]
Reads ../shared/data/news/wikinews_2019_2020.jsonl. Prints words per second for each and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

from detente.models import Document
from detente.nlp.language import load_nlp
from detente.pipeline import code_documents, get_coder

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "wikinews_2019_2020.jsonl"


def load_documents(limit: int) -> list[Document]:
    documents = []
    for line in NEWS.read_text(encoding="utf-8").splitlines()[:limit]:
        record = json.loads(line)
        documents.append(Document(doc_id=record["id"], text=record["text"],
                                  date=dt.date.fromisoformat(record["date"][:10])))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="md")
    parser.add_argument("--docs", type=int, default=80)
    args = parser.parse_args()
    documents = load_documents(args.docs)
    words = sum(len(d.text.split()) for d in documents)
    nlp = load_nlp(args.model)
    get_coder(args.model)  # load tables and vectors before timing
    list(nlp.pipe(["warm up"]))
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in documents), batch_size=16):
        pass
    parse = time.perf_counter() - start
    start = time.perf_counter()
    events = sum(len(c.events) for c in code_documents(documents, model=args.model))
    full = time.perf_counter() - start
    print(f"model={args.model} documents={len(documents)} words={words} events={events}")
    print(f"parse only     : {words / parse:8.0f} words/s ({parse:.1f} s)")
    print(f"whole pipeline : {words / full:8.0f} words/s ({full:.1f} s)")
    print(f"pipeline keeps {parse / full:.0%} of parse-only throughput")


if __name__ == "__main__":
    main()

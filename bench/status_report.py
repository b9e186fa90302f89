"""Event status over the Wikinews corpus (../shared/data/news/wikinews_2019_2020.jsonl).

Codes every article through the pipeline and prints:
- the status distribution (current, background, future, hypothetical, denied), with modality;
- old events left as news: events dated more than a year before their article's publication whose
  status is still ``current`` (target: none), each listed;
- events dated outside the years the corpus covers (2018-2021), and events carrying their
  article's own date although their status is ``background``.

``--dump FILE`` also writes every event as JSON Lines (with the article's date), for reading.

Usage: .venv/bin/python bench/status_report.py [--model md|sm] [--limit N] [--dump FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from collections import Counter
from pathlib import Path

from detente.models import Document, Event
from detente.pipeline import code_documents

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "wikinews_2019_2020.jsonl"
OLD_DAYS = 365
CORPUS_YEARS = range(2018, 2022)


def load_documents(path: Path = NEWS, limit: int | None = None) -> list[Document]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [Document(doc_id=row["id"], text=row["text"], title=row.get("title"),
                     date=dt.date.fromisoformat(row["date"])) for row in rows[:limit]]


def is_old(event: Event, published: dt.date | None) -> bool:
    return event.date is not None and published is not None and (published - event.date).days > OLD_DAYS


def report(coded: list[tuple[Document, Event]], elapsed: float, model: str) -> None:
    statuses = Counter(event.status for _, event in coded)
    pairs = Counter((event.status, event.modality) for _, event in coded)
    total = len(coded)
    print(f"articles {len({d.doc_id for d, _ in coded})}  events {total}  model {model}  {elapsed:.1f}s")
    print("status distribution")
    for status, count in statuses.most_common():
        modalities = ", ".join(f"{m} {n}" for (s, m), n in sorted(pairs.items()) if s == status)
        print(f"  {status:<12} {count:>5}  {count / total if total else 0:.3f}   ({modalities})")
    old_current = [(d, e) for d, e in coded if is_old(e, d.date) and e.status == "current"]
    outside = [(d, e) for d, e in coded if e.date is not None and e.date.year not in CORPUS_YEARS]
    own_date = [(d, e) for d, e in coded if e.status == "background" and e.date == d.date]
    print(f"dated > {OLD_DAYS} days before publication: {sum(is_old(e, d.date) for d, e in coded)}"
          f"  of them still current: {len(old_current)}")
    print(f"dated outside {CORPUS_YEARS.start}-{CORPUS_YEARS.stop - 1}: {len(outside)}"
          f"  (current: {sum(e.status == 'current' for _, e in outside)})")
    print(f"background events carrying the article's date: {len(own_date)}")
    for document, event in old_current:
        print(f"OLD-CURRENT {document.doc_id} {document.date} {event.date} {event.cameo} "
              f"{event.trigger.text!r}: {event.sentence[:140]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=("md", "sm"), default="md")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--dump", type=Path, default=None)
    args = parser.parse_args()
    documents = load_documents(limit=args.limit)
    started = time.perf_counter()
    coded = [(c.document, event) for c in code_documents(documents, model=args.model) for event in c.events]
    elapsed = time.perf_counter() - started
    report(coded, elapsed, args.model)
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as out:
            for document, event in coded:
                row = event.to_dict() | {"published": document.date.isoformat() if document.date else None}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

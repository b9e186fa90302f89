"""Cost of coding one document as it grows: events and quotes per document should cost linear time.

Usage: python bench/document_scaling.py [--model md|sm] [--events 400,800,1600] [--quotes 1500,3000,6000]

Builds synthetic articles of N event sentences ("Russia imposed sanctions on Japan on Monday.")
and of N quoted sentences ('"We will not accept this," the minister of France said.'), five
sentences to a paragraph, parses each once, then times ``code_doc`` (everything after spaCy) on it.
Prints seconds per document, milliseconds per event or quote, and the growth against the previous
size: about 2.0 for each doubling when the cost is linear, about 4.0 when it grows with the square.
The parse itself is timed apart (spaCy's cost, linear in the text).
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from detente.models import Document
from detente.nlp.language import load_nlp
from detente.pipeline import code_doc, get_coder

COUNTRIES = ("Russia", "Ukraine", "France", "Germany", "China", "Japan", "Iran", "Israel")
VERBS = ("imposed sanctions on", "accused", "met with", "threatened", "praised")
PUBLISHED = dt.date(2024, 3, 1)


def event_sentence(i: int) -> str:
    return f"{COUNTRIES[i % 8]} {VERBS[i % 5]} {COUNTRIES[(i + 3) % 8]} on Monday."


def quote_sentence(i: int) -> str:
    year = 2000 + i % 25
    return f'"We will not accept this, not now and not in {year}," the minister of {COUNTRIES[i % 8]} said.'


def article(sentences: list[str]) -> str:
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))


def measure(kind: str, sizes: list[int], model: str) -> None:
    nlp = load_nlp(model)
    coder = get_coder(model)
    make = event_sentence if kind == "events" else quote_sentence
    previous: float | None = None
    print(f"{kind:>7} {'chars':>8} {'parse s':>8} {'code s':>8} {'ms/item':>8} {'found':>6} {'growth':>7}")
    for size in sizes:
        text = article([make(i) for i in range(size)])
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        start = time.perf_counter()
        doc = nlp(text)
        parse = time.perf_counter() - start
        start = time.perf_counter()
        coded = code_doc(doc, Document(doc_id=f"{kind}-{size}", text=text, date=PUBLISHED), coder)
        seconds = time.perf_counter() - start
        found = len(coded.events) if kind == "events" else len(coded.quotes)
        growth = f"{seconds / previous:7.2f}" if previous else "      -"
        print(f"{size:>7} {len(text):>8} {parse:>8.2f} {seconds:>8.2f} {1000 * seconds / size:>8.2f} "
              f"{found:>6} {growth}")
        previous = seconds


def sizes_of(value: str) -> list[int]:
    return [int(part) for part in value.split(",") if part.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="md")
    parser.add_argument("--events", type=sizes_of, default=[400, 800, 1600])
    parser.add_argument("--quotes", type=sizes_of, default=[1500, 3000, 6000])
    args = parser.parse_args()
    coder = get_coder(args.model)
    warm = "Russia imposed sanctions on Ukraine in Paris."
    code_doc(load_nlp(args.model)(warm), Document(doc_id="warm", text=warm, date=PUBLISHED), coder)
    measure("events", args.events, args.model)
    measure("quotes", args.quotes, args.model)


if __name__ == "__main__":
    main()

"""De-duplication on the dedup corpus through the real pipeline: event clusters and stories.

    .venv/bin/python bench/dedup_eval.py [--corpus political|local|heldout|check] [--model md|sm]

Codes the corpus articles (tests/data/dedup_corpus: ``articles.jsonl``, ``local_articles.jsonl``
for the local crime and protest stories, or the stories-only sets never used to tune the
clustering: ``heldout_articles.jsonl`` and ``check_articles.jsonl``, 11 political articles) with
detente.pipeline.code_documents, stores the result in
an in-memory Store, clusters it with detente.dedup.update_clusters, and scores the clusters
against the gold (``expected_clusters.json`` / ``local_expected_clusters.json``). A pipeline event
is matched to a hand coding of the same article with the same PLOVER type (else CAMEO root) and
source/target countries (else countries known on one side only); unmatched events are counted and
left out of the scores (they have no gold cluster). Prints pairwise and B-cubed precision/recall/F1,
how many reports collapse into how many clusters, and the same scores of the stories over
documents (``political_expected_stories.json``, ``expected_stories.json`` for the local corpus,
``heldout_expected_stories.json``; an exact copy the store keeps as an alias is in its document's
story), and how many gold stories came out exactly (all their reports in one story, no other
document with them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from detente.dedup import Scores, bcubed_scores, load_stories, pairwise_scores, update_clusters
from detente.models import CodedDocument, Document, Event
from detente.pipeline import code_documents
from detente.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup_corpus"
PARTS = {"political": "", "local": "local_", "heldout": "heldout_", "check": "check_"}
STORY_GOLD = {
    "": "political_expected_stories.json",
    "local_": "expected_stories.json",
    "heldout_": "heldout_expected_stories.json",
    "check_": "check_expected_stories.json",
}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def documents(part: str = "") -> list[Document]:
    return [
        Document(
            doc_id=a["id"],
            text=a["text"],
            title=a.get("title"),
            date=dt.date.fromisoformat(a["date"]),
            source=a.get("source"),
            url=a.get("url"),
        )
        for a in read_jsonl(CORPUS / f"{part}articles.jsonl")
    ]


def gold_labels(name: str) -> dict[str, str]:
    data = json.loads((CORPUS / name).read_text(encoding="utf-8"))
    return {key: c["label"] for c in data["clusters"] for key in c["members"]}


def _signature(kind: str | None, root: str, source: str | None, target: str | None) -> tuple[Any, ...]:
    return (kind or root, source, target)


def _coding_signature(coding: dict[str, Any], event: Event) -> tuple[Any, ...]:
    return _signature(
        coding["plover"] if event.plover else None,
        coding["cameo"][:2],
        (coding.get("source") or {}).get("country"),
        (coding.get("target") or {}).get("country"),
    )


def _event_signature(event: Event) -> tuple[Any, ...]:
    return _signature(
        event.plover,
        event.cameo_root,
        event.source.country if event.source else None,
        event.target.country if event.target else None,
    )


def _compatible(wanted: tuple[Any, ...], got: tuple[Any, ...]) -> bool:
    """Same type; each actor's country equal, or unknown on one side ("unknown attackers" of the
    coder for a hand coding's missing source)."""
    pairs = zip(wanted[1:], got[1:], strict=True)
    return wanted[0] == got[0] and all(w is None or g is None or w == g for w, g in pairs)


def match_events(events: list[Event], codings: list[dict[str, Any]]) -> dict[str, str]:
    """event_id -> coding key, each coding used once: first the events whose type and countries
    equal a coding's, then those whose countries are only compatible with one."""
    free = {c["key"]: c for c in codings}
    matched: dict[str, str] = {}
    for exact in (True, False):
        for event in events:
            if event.event_id in matched:
                continue
            for key, coding in list(free.items()):
                wanted, got = _coding_signature(coding, event), _event_signature(event)
                fits = wanted == got if exact else _compatible(wanted, got)
                if coding["doc_id"] == event.doc_id and fits:
                    matched[event.event_id] = key
                    del free[key]
                    break
    return matched


def print_scores(label: str, gold: dict[str, str], predicted: dict[str, str]) -> None:
    scores: tuple[tuple[str, Scores], ...] = (
        ("pairwise", pairwise_scores(gold, predicted)),
        ("b-cubed", bcubed_scores(gold, predicted)),
    )
    for name, found in scores:
        print(f"{label} {name:9} P={found.precision:.3f} R={found.recall:.3f} F1={found.f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="political", choices=sorted(PARTS))
    parser.add_argument("--model", default="md", choices=["md", "sm"])
    args = parser.parse_args()
    part = PARTS[args.corpus]
    started = time.perf_counter()
    coded = list(code_documents(documents(part), model=args.model))
    with Store() as store:
        for item in coded:
            store.add(item)
        con = store.connection
        update_clusters(con)
        clusters = dict(con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
        stories = {doc: s.story_id for s in load_stories(con) for doc in s.doc_ids}  # aliases included
    print(
        f"{sum(len(c.events) for c in coded)} pipeline events from {len(stories)} stored articles in "
        f"{time.perf_counter() - started:.1f}s; {len(set(clusters.values()))} clusters, "
        f"{len(set(stories.values()))} stories"
    )
    if (CORPUS / f"{part}codings.jsonl").is_file():
        print_events(coded, clusters, part)
    if part in STORY_GOLD:
        gold_stories = {d: label for d, label in gold_labels(STORY_GOLD[part]).items() if d in stories}
        print_scores("stories", gold_stories, {d: stories[d] for d in gold_stories})
        print_exact(gold_stories, stories)


def print_exact(gold: dict[str, str], predicted: dict[str, str]) -> None:
    """How many gold stories are predicted exactly: the same set of documents."""
    def groups(labels: dict[str, str]) -> set[frozenset[str]]:
        found: dict[str, set[str]] = {}
        for doc, label in labels.items():
            found.setdefault(label, set()).add(doc)
        return {frozenset(docs) for docs in found.values()}

    wanted = groups(gold)
    got = groups({d: predicted[d] for d in gold})
    print(f"stories exact: {len(wanted & got)} of {len(wanted)} gold stories")


def print_events(coded: list[CodedDocument], clusters: dict[str, str], part: str) -> None:
    events = [e for c in coded for e in c.events if e.event_id in clusters]
    matched = match_events(events, read_jsonl(CORPUS / f"{part}codings.jsonl"))
    gold_all = gold_labels(f"{part}expected_clusters.json")
    gold = {key: gold_all[key] for key in matched.values()}
    predicted = {key: clusters[event_id] for event_id, key in matched.items()}
    print(
        f"{len(matched)} events matched to {len(gold_all)} hand codings; "
        f"{len(events) - len(matched)} unmatched"
    )
    print(
        f"matched reports {len(predicted)} -> predicted clusters {len(set(predicted.values()))} "
        f"(gold clusters over them: {len(set(gold.values()))})"
    )
    print_scores("events", gold, predicted)


if __name__ == "__main__":
    main()

"""Score the pipeline on the hand-written CAMEO probe (tests/data/coder/cameo_probe.jsonl).

    .venv/bin/python bench/probe_eval.py [--errors] [--model md] [--probe PATH]

The probe is written in the petr2 gold's cameo shape, with ISO3 (or IGO/NGO/UNO/EUR) actor codes,
so ``read_gold(..., scheme="cameo")`` reads it. Printed: CAMEO root accuracy of the top event,
3-digit code accuracy, PLOVER type accuracy (gold codes mapped through the ontology's crosswalk;
sentences whose gold codes are all roots 01/02, which PLOVER drops, are left out), source and
target country accuracy, false events on the no-event sentences, and a per-root table.
``--errors`` lists the sentences whose top event has the wrong root.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from detente.evaluation.gold import GoldEvent, GoldSentence, read_gold
from detente.evaluation.metrics import SentenceResult, gold_types, score, top_event
from detente.evaluation.report import format_errors
from detente.evaluation.runner import gold_documents, results_from_coded
from detente.ontology import Ontology, load_ontology

PROBE = Path(__file__).resolve().parents[1] / "tests" / "data" / "coder" / "cameo_probe.jsonl"


def plover_gold(sentence: GoldSentence, ontology: Ontology) -> GoldSentence | None:
    """The sentence with PLOVER types from the crosswalk; None when no gold code maps to one."""
    events = []
    for event in sentence.events:
        kind = ontology.plover(event.code or event.type)[0]
        if kind:
            events.append(GoldEvent(type=kind, code=event.code, source=event.source, target=event.target))
    if sentence.events and not events:
        return None
    return GoldSentence(sentence.gold_id, sentence.text, sentence.date, tuple(events))


def code_right(result: SentenceResult) -> bool:
    """The top event's code shares its first three digits with a gold code."""
    top = top_event(result.predicted)
    if top is None or not top.code:
        return False
    return any(top.code[:3] == (gold.code or "")[:3] for gold in result.gold.events)


def per_root(results: Sequence[SentenceResult]) -> dict[str, tuple[int, int]]:
    """Root of the first gold event -> (top-event root right, sentences)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        if not result.gold.events:
            continue
        row = table[result.gold.events[0].type]
        top = top_event(result.predicted)
        row[0] += bool(top and top.type in gold_types(result.gold))
        row[1] += 1
    return {root: (right, total) for root, (right, total) in sorted(table.items())}


def summary(name: str, results: Sequence[SentenceResult]) -> list[str]:
    scores = score(results)
    return [
        f"{name}: top-event accuracy {scores.top_accuracy:.3f} of {scores.with_events}, "
        f"any-event recall {scores.any_recall:.3f}, macro-F1 {scores.macro_f1:.3f}",
        f"  source {scores.source_accuracy:.3f}, target {scores.target_accuracy:.3f} "
        f"(of {scores.type_right} with right type)",
        f"  false events: {scores.false_event_sentences} of {scores.no_event_sentences} "
        f"no-event sentences ({scores.false_events} events)",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", type=Path, default=PROBE)
    parser.add_argument("--model", default="md")
    parser.add_argument("--errors", action="store_true", help="list sentences with a wrong top root")
    args = parser.parse_args()

    from detente.pipeline import code_documents

    _, sentences = read_gold(args.probe, scheme="cameo")
    coded = list(code_documents(gold_documents(sentences), model=args.model))
    cameo = results_from_coded(sentences, coded, "cameo")
    ontology = load_ontology()
    mapped = [(s, p) for s in sentences if (p := plover_gold(s, ontology)) is not None]
    plover = results_from_coded([p for _, p in mapped], coded, "plover")

    expecting = [r for r in cameo if r.gold.events]
    lines = summary("CAMEO root", cameo)
    lines.append(f"  3-digit code accuracy (top event): "
                 f"{sum(map(code_right, expecting)) / max(len(expecting), 1):.3f}")
    lines += summary("PLOVER type (crosswalk)", plover)
    lines += ["", f"{'root':<6}{'right':>6}{'of':>5}{'acc':>7}"]
    for root, (right, total) in per_root(cameo).items():
        lines.append(f"{root:<6}{right:>6}{total:>5}{right / total:>7.2f}")
    if args.errors:
        lines += ["", format_errors(cameo)]
    print("\n".join(lines))


if __name__ == "__main__":
    main()

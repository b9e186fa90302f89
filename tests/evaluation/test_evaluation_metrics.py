"""Metric functions on tiny hand-made cases."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.evaluation.gold import GoldEvent, GoldSentence
from detente.evaluation.metrics import (
    PredictedEvent,
    SentenceResult,
    country_in,
    is_miss,
    matched_event,
    score,
    source_right,
    target_right,
    top_event,
    type_scores,
)

DAY = dt.date(2000, 1, 1)


def gold(gold_id: str, *events: GoldEvent) -> GoldSentence:
    return GoldSentence(gold_id=gold_id, text=f"sentence {gold_id}", date=DAY, events=events)


def ev(
    kind: str | None, confidence: float = 0.5, source: str | None = None, target: str | None = None
) -> PredictedEvent:
    return PredictedEvent(type=kind, confidence=confidence, source=source, target=target)


AGREE_FRA_DEU = GoldEvent("AGREE", source=("FRA",), target=("DEU",))
PROTEST_NO_TARGET = GoldEvent("PROTEST", source=("KEN",))
JOINT_AGREE = GoldEvent("AGREE", source=("FRA", "DEU"))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ((), None),
        ((ev("A", 0.2), ev("B", 0.9), ev("C", 0.9)), "B"),
        ((ev("A", 0.7),), "A"),
    ],
)
def test_evaluation_top_event_highest_confidence_first_on_ties(events, expected):
    top = top_event(events)
    assert (top.type if top else None) == expected


def test_evaluation_type_scores_count_sentence_type_pairs():
    results = [
        SentenceResult(gold("1", AGREE_FRA_DEU), (ev("AGREE"), ev("AGREE"))),  # tp once
        SentenceResult(gold("2", AGREE_FRA_DEU), (ev("PROTEST"),)),  # fn AGREE, fp PROTEST
        SentenceResult(gold("3", PROTEST_NO_TARGET), ()),  # fn PROTEST
        SentenceResult(gold("4"), (ev("AGREE"),)),  # no-event sentence: fp AGREE
    ]
    by_type = {s.type: (s.tp, s.fp, s.fn) for s in type_scores(results)}
    assert by_type == {"AGREE": (1, 1, 1), "PROTEST": (0, 1, 1)}


def test_evaluation_score_summary_values():
    results = [
        SentenceResult(gold("1", AGREE_FRA_DEU), (ev("AGREE", 0.9, "FRA", "DEU"),)),
        SentenceResult(gold("2", AGREE_FRA_DEU), (ev("PROTEST", 0.8), ev("AGREE", 0.4, "DEU", "FRA"))),
        SentenceResult(gold("3", PROTEST_NO_TARGET), ()),
        SentenceResult(gold("4"), (ev("AGREE"), ev("ASSAULT"))),
        SentenceResult(gold("5"), ()),
    ]
    scores = score(results)
    assert (scores.sentences, scores.with_events, scores.no_event_sentences) == (5, 3, 2)
    assert scores.top_accuracy == pytest.approx(1 / 3)
    assert scores.any_recall == pytest.approx(2 / 3)
    assert scores.type_right == 2
    assert scores.source_accuracy == pytest.approx(1 / 2)
    assert scores.target_accuracy == pytest.approx(1 / 2)
    assert (scores.false_event_sentences, scores.false_events) == (1, 2)
    # AGREE p=2/3 r=1 f1=0.8; PROTEST p=0 r=0; ASSAULT p=0 -> macro = 0.8 / 3
    assert scores.macro_f1 == pytest.approx(0.8 / 3)


@pytest.mark.parametrize(
    ("predicted", "golds", "expected"),
    [
        (ev("AGREE", target="DEU"), [AGREE_FRA_DEU], True),
        (ev("AGREE", target=None), [AGREE_FRA_DEU], False),
        (ev("PROTEST", target=None), [PROTEST_NO_TARGET], True),
        (ev("PROTEST", target="USA"), [PROTEST_NO_TARGET], False),  # spurious target is wrong
        (ev("AGREE", target="DEU"), [PROTEST_NO_TARGET, AGREE_FRA_DEU], True),
        (ev("AGREE", source="FRA", target="DEU"), [JOINT_AGREE], True),  # joint actors: SRC/TAR
        (ev("AGREE", source="FRA", target="ITA"), [JOINT_AGREE], False),
        (ev("PROTEST", target="KEN"), [PROTEST_NO_TARGET], False),  # one source: no joint act
    ],
)
def test_evaluation_target_right(predicted, golds, expected):
    assert target_right(predicted, golds) is expected


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        (ev("AGREE", source="FRA"), True),
        (ev("AGREE", source="DEU"), False),
        (ev("AGREE", source=None), False),
    ],
)
def test_evaluation_source_right_membership(predicted, expected):
    assert source_right(predicted, [GoldEvent("AGREE", source=("FRA", "ITA"))]) is expected


def test_evaluation_source_right_when_neither_names_a_source():
    unattributed = GoldEvent("ASSAULT", target=("MYS",))
    assert source_right(ev("ASSAULT", source=None), [unattributed])
    assert not source_right(ev("ASSAULT", source="RUS"), [unattributed])


def test_evaluation_matched_event_prefers_top_then_first_right():
    result = SentenceResult(gold("1", AGREE_FRA_DEU), (ev("PROTEST", 0.9), ev("AGREE", 0.1, "FRA")))
    matched = matched_event(result)
    assert matched is not None and matched.source == "FRA"


@pytest.mark.parametrize(
    ("result", "expected"),
    [
        (SentenceResult(gold("1", AGREE_FRA_DEU), (ev("AGREE"),)), False),
        (SentenceResult(gold("1", AGREE_FRA_DEU), ()), True),
        (SentenceResult(gold("1", AGREE_FRA_DEU), (ev("AGREE", 0.1), ev("SANCTION", 0.2))), True),
        (SentenceResult(gold("1"), ()), False),
        (SentenceResult(gold("1"), (ev(None),)), True),
    ],
)
def test_evaluation_is_miss(result, expected):
    assert is_miss(result) is expected


def test_evaluation_score_of_nothing_is_zero():
    scores = score([])
    assert (scores.macro_f1, scores.top_accuracy, scores.source_accuracy) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(("ours", "gold", "right"), [
    ("UNO", ("IGO",), True),
    ("EUR", ("IGO",), True),
    ("UNO", ("UNO",), True),
    ("NGO", ("IGO",), False),
    (None, ("IGO",), False),
])
def test_evaluation_un_and_eu_match_gold_igo(ours, gold, right):
    assert country_in(ours, gold) is right

"""Quotation marks found on raw text, without a parse."""

from __future__ import annotations

import pytest

from detente.quotes import find_quoted_spans, quote_words


def quoted(text: str) -> list[str]:
    return [span.text_in(text) for span in find_quoted_spans(text, quote_words().closers)]


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "we will see" later.', ["we will see"]),
    ("He said “we will see” later.", ["we will see"]),
    ("He said ‘we will see’ later.", ["we will see"]),
    ("He said «we will see» later.", ["we will see"]),
    ("He said „we will see“ later.", ["we will see"]),
    ("He said „we will see” later.", ["we will see"]),
    ("He said 'we will see' later.", ["we will see"]),
])
def test_quotes_marks_every_style(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia’s envoy said ‘Moscow’s patience is over’ today.", ["Moscow’s patience is over"]),
    ("Biden's aide and the allies' leaders met.", []),
    ("The countries' leaders said 'it's done' at last.", ["it's done"]),
    ("A 12\" pipe burst.", []),
])
def test_quotes_marks_apostrophes_are_not_marks(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“They told us ‘no deal’ twice,” he said.", ["They told us ‘no deal’ twice"]),
    ('"They told us "no deal" twice," he said.', ['They told us "no deal" twice']),
    ("“They said “never” and left,” he said.", ["They said “never” and left"]),
])
def test_quotes_marks_nested_quotes_stay_inside(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("“First paragraph.\n\n“Second paragraph,” he said.", ["First paragraph.\nSecond paragraph"]),
    ("“One.\n“Two.\n“Three,” she said.", ["One.\nTwo.\nThree"]),
    ("“Opened and never closed\n\nThe next paragraph is narrative.", ["Opened and never closed"]),
    ("A stray “ mark in narrative.\n\n“Then a quote.”", ["Then a quote."]),
])
def test_quotes_marks_paragraph_continuation(text: str, expected: list[str]) -> None:
    assert quoted(text) == expected


def test_quotes_marks_offsets_point_at_the_quoted_text() -> None:
    text = "Lavrov said: “We are ready,” and left."
    [span] = find_quoted_spans(text, quote_words().closers)
    assert text[span.start:span.end] == "We are ready"
    assert text[span.open_at] == "“"
    assert text[span.outer_end - 1] == "”"

"""Find quoted stretches of text by their marks, before any parsing.

Works on the raw document text, one paragraph (line) at a time, with a stack so that quotes inside
quotes stay part of the outer quote. Straight marks (" and ') are opening when they follow a space,
the start of a paragraph or an opening bracket or dash, and closing otherwise; a right single mark
or straight apostrophe between letters ("Russia’s", "Biden's") is never a mark. An opening mark
left open at the end of a paragraph continues the quote when the next paragraph opens with a mark
(the news convention for a quotation over several paragraphs); otherwise the quote ends with its
paragraph if it opened the paragraph, and is dropped as a stray mark if it did not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

PARAGRAPH = re.compile(r"[^\n]+")
OPEN_CONTEXT = frozenset("([{—–-/:")  # characters after which an ambiguous mark opens a quote
AMBIGUOUS = frozenset("\"'‘")  # marks that open only after a space, a bracket or a dash
SPACED_OPENERS = frozenset("«‹»")  # marks that may be followed by a space (French style)
APOSTROPHES = frozenset("'’")
TRAILING = ", \t"


@dataclass(frozen=True)
class QuotedSpan:
    """One quotation: its quoted text per paragraph, without marks."""

    segments: tuple[tuple[int, int], ...]  # (start, end) of the quoted text in each paragraph
    open_at: int  # offset of the opening mark
    outer_end: int  # offset just past the closing mark (or the end of the last paragraph)
    closed: bool  # False when the quote ran to the end of its paragraph without a closing mark

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def text_in(self, text: str) -> str:
        """The quoted words, paragraphs joined by a line break, without the marks."""
        return "\n".join(text[start:end] for start, end in self.segments)


@dataclass
class _Open:
    mark: str
    closers: frozenset[str]
    at: int  # offset of the opening mark
    at_paragraph_start: bool
    segments: list[tuple[int, int]] = field(default_factory=list)
    segment_start: int = 0


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    for match in PARAGRAPH.finditer(text):
        if match.group().strip():
            yield match.start(), match.end()


def _around(text: str, i: int) -> tuple[str, str]:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before, after


def is_opening(text: str, i: int, openers: frozenset[str]) -> bool:
    mark = text[i]
    if mark not in openers:
        return False
    before, after = _around(text, i)
    if after.isspace() and mark not in SPACED_OPENERS:
        return False
    if mark in AMBIGUOUS:
        return before.isspace() or before in OPEN_CONTEXT or before in openers
    return True


def is_closing(text: str, i: int, closers: frozenset[str]) -> bool:
    mark = text[i]
    if mark not in closers:
        return False
    before, after = _around(text, i)
    if mark in APOSTROPHES and (after.isalnum() or before.isspace()):
        return False
    return not (mark == '"' and before.isspace() and not after.isspace())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRAILING:
        end -= 1
    return start, end


def _finish(text: str, quote: _Open, end: int, *, closed: bool) -> QuotedSpan | None:
    segments = [*quote.segments, (quote.segment_start, end)]
    trimmed = tuple(s for s in (_trim(text, a, b) for a, b in segments) if s[1] > s[0])
    if not trimmed or not any(ch.isalnum() for a, b in trimmed for ch in text[a:b]):
        return None
    return QuotedSpan(segments=trimmed, open_at=quote.at, outer_end=end + 1 if closed else end,
                      closed=closed)


class _Scanner:
    """Walks paragraphs keeping the stack of open quotes; collects the outermost quotes."""

    def __init__(self, text: str, closers: dict[str, frozenset[str]]) -> None:
        self.text = text
        self.closers = closers
        self.openers = frozenset(closers)
        self.found: list[QuotedSpan] = []
        self.pending: _Open | None = None  # an outer quote left open by the previous paragraph

    def run(self) -> list[QuotedSpan]:
        for start, end in paragraphs(self.text):
            self._paragraph(start, end)
        self._drop_pending()
        return self.found

    def _emit(self, span: QuotedSpan | None) -> None:
        if span is not None:
            self.found.append(span)

    def _drop_pending(self) -> None:
        """A quote left open that does not continue: keep it only if it opened its paragraph."""
        if self.pending is not None and self.pending.at_paragraph_start:
            last_start, last_end = self.pending.segments.pop()
            self.pending.segment_start = last_start
            self._emit(_finish(self.text, self.pending, last_end, closed=False))
        self.pending = None

    def _continue_pending(self, first: int) -> list[_Open]:
        pending, self.pending = self.pending, None
        if pending is None:
            return []
        if self.text[first] in self.openers and self.closers[self.text[first]] & pending.closers:
            pending.segment_start = first + 1
            return [pending]
        self.pending = pending
        self._drop_pending()
        return []

    def _paragraph(self, start: int, end: int) -> None:
        first = start + len(self.text[start:end]) - len(self.text[start:end].lstrip())
        stack = self._continue_pending(first)
        i = stack[0].segment_start if stack else first
        while i < end:
            if stack and is_closing(self.text, i, stack[-1].closers):
                quote = stack.pop()
                if not stack:
                    self._emit(_finish(self.text, quote, i, closed=True))
            elif is_opening(self.text, i, self.openers):
                stack.append(_Open(self.text[i], self.closers[self.text[i]], i, i == first,
                                   segment_start=i + 1))
            i += 1
        if stack:
            outer = stack[0]
            outer.segments.append((outer.segment_start, end))
            self.pending = outer


def find_quoted_spans(text: str, closers: dict[str, frozenset[str]]) -> list[QuotedSpan]:
    """Every outermost quotation in `text`, in order."""
    return _Scanner(text, closers).run()


__all__ = ["QuotedSpan", "find_quoted_spans", "is_closing", "is_opening", "paragraphs"]

"""Text normalisation before coding: escapes, surrogates, invisible and control characters."""

from __future__ import annotations

import pytest

from detente.ingest.decode import normalise_field, normalise_text


@pytest.mark.parametrize(("raw", "clean"), [
    ("\ufeffTalks\r\nresumed\rtoday", "Talks\nresumed\ntoday"),
    ("\x1b[1;31mRussia\x1b[0m said", "Russia said"),
    ("a\x1b]0;window title\x07b", "ab"),
    ("a\x9b2Jb", "ab"),
    ("x\ud800y\udfffz", "x\ufffdy\ufffdz"),
    ("Rus\u200bsia and Uk\u00adraine, \u2066Iran\u2069", "Russia and Ukraine, Iran"),
    ("one\ftwo\vthree\u2028four\u2029five", "one\ntwo\nthree\nfour\n\nfive"),
    ("bell\x07 nul\x00 del\x7f c1\x85end", "bell nul del c1\nend"),
    ("tab\tkept", "tab\tkept"),
    ("Cafe\u0301", "Café"),
])
def test_ingest_normalise_text(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean


@pytest.mark.parametrize(("raw", "clean"), [
    (None, None),
    ("  \u200b ", None),
    (" A\ntitle\t\x1b[2m here ", "A title here"),
])
def test_ingest_normalise_field(raw: str | None, clean: str | None) -> None:
    assert normalise_field(raw) == clean

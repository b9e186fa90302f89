"""Site boilerplate is recognised; real news sentences are not."""

from __future__ import annotations

import hashlib
import tomllib
from importlib import resources

import pytest

from detente.errors import OntologyError
from detente.ingest import is_boilerplate
from detente.ingest.boilerplate import PATTERN_RESOURCE, boilerplate_patterns, load_patterns


@pytest.mark.parametrize("sentence", [
    "Follow our latest local and sports news, and get breaking news alerts via Google news.",
    "Follow us on Twitter for the latest updates.",
    "Archives",
    "  Archive. ",
    "Share this article",
    "Share this story:",
    "Click here to subscribe.",
    "Read more: Ministers meet in Geneva",
    "Read More »",
    "© 2021 Example Times. All rights reserved.",
    "Copyright 2020 Example Media Group",
    "Sign up for our daily newsletter.",
    "Sign up to our morning briefing to get the news first.",
    "This website uses cookies to improve your experience.",
    "We use cookies to personalise content and ads.",
    "Accept all cookies",
    "Photo: Reuters",
    "Photo credit: Jane Doe/AP",
    "(Photo by John Smith/Getty Images)",
    "Image copyright Getty Images",
    "Related: Ministers meet in Geneva",
    "See also: Border talks resume",
    "Advertisement",
    "Download our free app for breaking news.",
    "Tags: politics, Geneva",
])
def test_ingest_boilerplate_true(sentence):
    assert is_boilerplate(sentence)


@pytest.mark.parametrize("sentence", [
    "The protesters followed the march to the parliament building.",
    "Police followed the suspects via a highway out of the city.",
    "A spokesman for the National Archives said the files would be released.",
    "The minister shared the article's conclusions with reporters.",
    "Officials said the photos showed damage to the embassy.",
    "Photographers were barred from the courtroom on Monday.",
    "The court ruled that the company reserved the right to appeal.",
    "Russia recalled its ambassador for consultations, the foreign ministry said.",
    "Related talks are scheduled for next week in Vienna.",
    "He said the newspaper would sign up more reporters in Kabul.",
    "Readers of the newspaper were angered by the report.",
    "",
])
def test_ingest_boilerplate_false(sentence):
    assert not is_boilerplate(sentence)


def test_ingest_boilerplate_compiled_once():
    assert boilerplate_patterns() is boilerplate_patterns()
    assert len(boilerplate_patterns()) >= 20


@pytest.mark.parametrize(("text", "count"), [("# header\n\n^a$\n  \nb\n", 2), ("", 0)])
def test_ingest_boilerplate_load_patterns(text, count):
    assert len(load_patterns(text)) == count


def test_ingest_boilerplate_bad_pattern_names_line():
    with pytest.raises(OntologyError, match=r"boilerplate.txt:3: bad regular expression"):
        load_patterns("# header\nok\n(unclosed\n")


def test_ingest_boilerplate_manifest_matches_file():
    data = resources.files("detente").joinpath("data/ingest")
    manifest = tomllib.loads(data.joinpath("MANIFEST.toml").read_text(encoding="utf-8"))
    content = resources.files("detente").joinpath(PATTERN_RESOURCE).read_bytes()
    entry = manifest["files"]["boilerplate.txt"]
    assert entry["sha256"] == hashlib.sha256(content).hexdigest()
    assert entry["source"] == "written for detente"
    header = [line for line in content.decode("utf-8").splitlines() if line.startswith("#")]
    assert any("written for detente" in line for line in header)
    assert b"\r" not in content

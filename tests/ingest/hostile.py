"""A hostile-input corpus, written into a folder at test time (FIFOs and links cannot be committed).

Each case is one file (or link, or FIFO) and what reading it must give: the ids of the documents it
yields and the codes of what it rejects, in order. Good records sit next to bad ones in the same
files, so that a reader that loses good records with the bad is caught. ``SMALL`` limits make the
size cases cheap.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from detente.ingest.limits import Limits
from tests.ingest.ingest_samples import ENGLISH

SMALL = Limits(file_bytes=20_000, line_bytes=5_000, document_chars=2_000, document_parts=5)
HTML = (f"<html><head><title>Talks</title></head><body><article><p>{ENGLISH}</p><p>{ENGLISH}</p>"
        "</article></body></html>")


@dataclass(frozen=True)
class Case:
    """One hostile input: its name in the folder and what reading it yields."""

    name: str
    kind: str  # what is hostile about it, for the report
    documents: tuple[str, ...] = ()  # ids of the documents it yields, in order
    rejected: tuple[str, ...] = ()  # codes of what it rejects, in order
    content: bytes | None = None
    texts: dict[str, str] = field(default_factory=dict)  # doc_id -> expected text, where checked
    alone: tuple[str, ...] | None = None  # rejected codes when read alone, where not ``rejected``


def line(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


def lines(*records: bytes) -> bytes:
    return b"\n".join(records) + b"\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def good(doc_id: str) -> bytes:
    return line(id=doc_id, text=ENGLISH)

LONG_PARAGRAPHS = "\n\n".join([ENGLISH * 5] * 6)  # 6 paragraphs of 890 characters: three parts of SMALL

CASES: tuple[Case, ...] = (
    Case("empty.txt", "empty file", rejected=("D101",), content=b""),
    Case("blank.txt", "whitespace only", rejected=("D101",), content=b" \n\t\r\n"),
    Case("invisible.txt", "zero-width characters only", rejected=("D101",),
         content="\u200b\u200c\ufeff\u2060".encode()),
    Case("png.txt", "binary data", rejected=("D102",), content=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    Case("latin1.txt", "invalid UTF-8", rejected=("D103",), content="Café in Genève".encode("latin-1")),
    Case("utf16.txt", "UTF-16 with a BOM", documents=("utf16",), content=ENGLISH.encode("utf-16")),
    Case("zerowidth.txt", "zero-width characters inside words", documents=("zerowidth",),
         content="Rus\u200bsia im\u00adposed sanc\u200dtions on Ukraine.".encode(),
         texts={"zerowidth": "Russia imposed sanctions on Ukraine."}),
    Case("ansi.txt", "ANSI escapes and control characters", documents=("ansi",),
         content=b"\x1b[31mRussia\x1b[0m imposed\x07 sanctions\x01 on \x1b]0;title\x07Ukraine.",
         texts={"ansi": "Russia imposed sanctions on Ukraine."}),
    Case("surrogate.jsonl", "lone surrogates in JSON strings", documents=("s1", "s2"),
         content=lines(b'{"id": "s1", "text": "Talks \\ud800 resumed in Geneva on Monday.", '
                       b'"title": "\\udfff"}',
                       line(id="s2", text=ENGLISH)),
         texts={"s1": "Talks \ufffd resumed in Geneva on Monday."}),
    Case("nul.jsonl", "a NUL byte on one JSON Lines line", documents=("nul-1", "nul-2"),
         rejected=("D102",), content=lines(good("nul-1"), b'{"id": "bad", "text": "x\x00y"}', good("nul-2"))),
    Case("mixed.jsonl", "bad lines between good ones", documents=("mixed-1", "mixed-2"),
         rejected=("D104", "D103", "D106", "D104", "D101", "D104"),
         content=lines(good("mixed-1"), b'{"id": "a", "text": ', b'{"id": "b", "text": "caf\xe9"}', b"[1, 2]",
                       b"[" * 4_000, line(id="empty", text=""),
                       b'{"id": ' + b"9" * 4_500 + b', "text": "x"}', good("mixed-2"))),
    Case("deep.json", "JSON nested 5,000 deep", rejected=("D104",), content=b"[" * 5_000 + b"]" * 5_000),
    Case("deep_field.json", "a deeply nested field value", rejected=("D106",),
         content=b'{"id": "x", "text": ' + b"[" * 500 + b"]" * 500 + b"}"),
    Case("long_line.jsonl", "a line over line_bytes", documents=("line-1", "line-2"), rejected=("D114",),
         content=lines(good("line-1"), line(id="huge", text="word " * 2_000), good("line-2"))),
    Case("big.txt", "a file over file_bytes", rejected=("D114",), content=b"word " * 5_000),
    Case("long.txt", "a document over document_chars", documents=("long#1", "long#2", "long#3"),
         content=LONG_PARAGRAPHS.encode()),
    Case("unbroken.txt", "a document with no break within document_chars", rejected=("D119",),
         content=b"x" * 3_000),
    Case("empty_text.jsonl", "an empty text field", documents=("text-1",), rejected=("D101",),
         content=lines(good("text-1"), line(id="e", text=""))),
    Case("dates.jsonl", "dates at the calendar's ends", documents=("first", "last"),
         content=lines(line(id="first", text=ENGLISH, date="0001-01-01"),
                       line(id="last", text=ENGLISH, date="9999-12-31"))),
    Case("feed.jsonl.gz", "gzip JSON Lines", documents=("gz-1",),
         content=gzip.compress(lines(line(id="gz-1", text=ENGLISH)))),
    Case("article.txt.bz2", "bzip2 text", documents=("article",), content=bz2.compress(ENGLISH.encode())),
    Case("page.html.xz", "xz HTML", documents=("page",), content=lzma.compress(HTML.encode())),
    Case("plain.gz", "gzip with no inner suffix", documents=("plain",),
         content=gzip.compress(ENGLISH.encode())),
    Case("broken.jsonl.gz", "gzip cut short", rejected=("D118",),
         content=gzip.compress(lines(line(id="cut-1", text=ENGLISH)))[:-12]),
    Case("notgzip.txt.gz", "not gzip data", rejected=("D118",), content=b"plain text, not gzip"),
    Case("bomb.txt.gz", "decompresses past file_bytes", rejected=("D114",),
         content=gzip.compress(b" " * 10**6)),
    Case("bundle.zip", "a zip of text, JSON Lines, HTML and an archive", documents=(
        "bundle/a", "zip-1", "bundle/sub/page"), rejected=("D117",), content=_zip({
            "a.txt": ENGLISH.encode(), "b.jsonl": lines(line(id="zip-1", text=ENGLISH)),
            "inner.zip": b"PK", "sub/page.html": HTML.encode()})),
    Case("broken.zip", "not a zip archive", rejected=("D118",), content=b"PK\x03\x04 not really"),
    Case("same.txt", "same stem as same.html", documents=("same.txt",), content=ENGLISH.encode()),
    Case("same.html", "same stem as same.txt", documents=("same.html",), content=HTML.encode()),
    Case("deep.html", "HTML nested 1,500 deep", rejected=("D110",),
         content=b"<html><body>" + b"<div>" * 1_500 + b"x" + b"</div>" * 1_500 + b"</body></html>"),
    Case("script.html", "HTML with only a script", rejected=("D110",),
         content=b"<html><body><script>alert(1)</script></body></html>"),
    Case("image.png", "unsupported file type", rejected=("D117",), content=b"\x89PNG\r\n", alone=("D103",)),
)

SPECIAL = (
    Case("dangling.txt", "dangling symbolic link", rejected=("D116",)),
    Case("fifo.txt", "FIFO with no writer", rejected=("D115",)),
    Case("zero.txt", "link to /dev/zero", rejected=("D115",)),
    Case("loop", "symbolic link to a directory", rejected=("D117",), alone=()),
)


def write_corpus(root: Path) -> tuple[Case, ...]:
    """Write every case into ``root`` and return them all, special files included."""
    root.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        (root / case.name).write_bytes(case.content or b"")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "fifo.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "loop").symlink_to(root)
    return CASES + SPECIAL


__all__ = ["CASES", "SMALL", "SPECIAL", "Case", "line", "lines", "write_corpus"]

"""Bytes to text: refuse binary data and invalid UTF-8, then normalise the text before coding.

Normalisation (``normalise_text``), applied to every text field of every input:

- a leading BOM is dropped and CRLF / lone CR line endings become LF;
- terminal escape sequences (ANSI colours, cursor moves, OSC titles) are removed whole;
- lone UTF-16 surrogates (JSON can carry them: ``"\\ud800"``) become U+FFFD;
- zero-width and invisible format characters (zero-width space/joiners, word joiner, soft
  hyphen, bidirectional marks) are removed, so "Rus\\u200bsia" is read as "Russia";
- form feed, vertical tab, NEL and the Unicode line separator become a line break, the Unicode
  paragraph separator a blank line; every other control character is removed (tab stays);
- the result is in Unicode NFC.

Character offsets stored with events are offsets into this normalised text (the stored text).
"""

from __future__ import annotations

import re
import unicodedata

from detente.ingest import codes
from detente.models import Rejected

BOM = "\ufeff"
SNIFF_BYTES = 8192
# Share of control bytes (other than tab, LF, CR, FF) above which a file is called binary.
MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# ECMA-48: CSI sequences (ESC [ ... final byte), OSC strings (ESC ] ... BEL or ESC \), and the
# two-character escapes; C1 CSI (U+009B) too.
_ANSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?")
_SURROGATE = re.compile("[\ud800-\udfff]")
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"})
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise_text(text: str) -> str:
    """The text as detente codes and stores it (see the module docstring)."""
    if text.startswith(BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    text = _INVISIBLE.sub("", text).translate(_LINE_BREAKS)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def normalise_field(value: str | None) -> str | None:
    """A metadata field (title, source, url, ...): normalised, on one line, stripped; None if empty."""
    if value is None:
        return None
    value = " ".join(normalise_text(value).split())
    return value or None


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` holds NUL bytes or mostly control bytes."""
    head = data[:SNIFF_BYTES]
    if not head or head.startswith(_UTF16_BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(head) > MAX_CONTROL_SHARE


def decode_bytes(data: bytes, label: str) -> str | Rejected:
    """Decode a whole input; a ``Rejected`` names the input and the problem."""
    if looks_binary(data):
        return Rejected(label, codes.BINARY, "binary data (NUL or control bytes), not a text file")
    encoding = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        name = encoding.upper()
        return Rejected(label, codes.BAD_UTF8,
                        f"invalid {name} at byte offset {err.start} (byte 0x{data[err.start]:02x})")
    return normalise_text(text)


__all__ = ["decode_bytes", "looks_binary", "normalise_field", "normalise_text"]

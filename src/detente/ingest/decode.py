"""Bytes to text: refuse binary data and invalid UTF-8, strip a BOM, normalise line endings.

Nothing else is rewritten, so character offsets into the text stay meaningful.
"""

from __future__ import annotations

from detente.ingest import codes
from detente.models import Rejected

BOM = "\ufeff"
SNIFF_BYTES = 8192
# Share of control bytes (other than tab, LF, CR, FF) above which a file is called binary.
MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def normalise_text(text: str) -> str:
    """Strip a leading BOM and turn CRLF / lone CR line endings into LF."""
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


__all__ = ["decode_bytes", "looks_binary", "normalise_text"]

"""Opening inputs safely: regular files only, bounded reads, compressed files and zip archives.

- Only regular files are read. A FIFO, a device (``/dev/zero``), a socket or a directory given
  where a file is expected is refused at once (D115): the file is opened without blocking and
  checked before a byte is read, so a FIFO with no writer cannot hang the run.
- A file read whole is read up to ``Limits.file_bytes`` and rejected beyond (D114); JSON Lines
  are streamed one line at a time.
- ``.gz``, ``.bz2`` and ``.xz`` files are read through their decompressor; the suffix before
  (``feed.jsonl.gz``) says what they hold, plain text when there is none. A ``.zip`` archive is
  read member by member, each by its own suffix. Bad compressed data is rejected (D118) with what
  was read before it kept.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import lzma
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from detente.ingest import codes
from detente.models import Rejected

COMPRESSED = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}
ARCHIVE = ".zip"
READ_CHUNK = 1 << 16
# What a decompressor raises on bad data (gzip.BadGzipFile and zipfile.BadZipFile included).
BAD_DATA = (OSError, EOFError, lzma.LZMAError, zlib.error, zipfile.BadZipFile)


class InputProblem(Exception):
    """A file that cannot be read as it should; carries the ``Rejected`` to report."""

    def __init__(self, rejected: Rejected) -> None:
        super().__init__(rejected.message())
        self.rejected = rejected


def kind_suffix(name: str) -> str:
    """The suffix that says what a file holds: ``.jsonl`` for ``feed.jsonl.gz``, "" for ``a.gz``."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] in COMPRESSED:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def stem_of(name: str) -> str:
    """The name without its compression and kind suffixes (``feed.jsonl.gz`` -> ``feed``)."""
    path = Path(name)
    if path.suffix.lower() in COMPRESSED:
        path = path.with_suffix("")
    return path.stem if path.suffix else path.name


def _regular_problem(mode: int, label: str) -> Rejected | None:
    if stat.S_ISREG(mode):
        return None
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or
            stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a directory"
            if stat.S_ISDIR(mode) else "not a regular file")
    return Rejected(label, codes.NOT_REGULAR, f"{kind}: only regular files are read")


@contextlib.contextmanager
def open_regular(path: Path, label: str) -> Iterator[BinaryIO]:
    """A regular file opened for binary reading; raises InputProblem for anything else."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as err:
        raise InputProblem(_unreadable(path, label, err)) from err
    with os.fdopen(fd, "rb") as stream:
        problem = _regular_problem(os.fstat(fd).st_mode, label)
        if problem is not None:
            raise InputProblem(problem)
        os.set_blocking(fd, True)
        yield stream


def _unreadable(path: Path, label: str, err: OSError) -> Rejected:
    if path.is_symlink() and not path.exists():
        return Rejected(label, codes.DANGLING_LINK, f"symbolic link to {os.readlink(path)!r}, which does "
                        "not exist")
    with contextlib.suppress(OSError):
        problem = _regular_problem(path.stat().st_mode, label)
        if problem is not None:
            return problem
    return Rejected(label, codes.UNREADABLE, f"cannot read file: {err.strerror or err}")


def read_capped(stream: BinaryIO, limit: int, label: str, *, already: int = 0) -> bytes:
    """The rest of ``stream`` when, with the ``already`` bytes read before, it holds at most
    ``limit`` bytes; raises InputProblem otherwise."""
    try:
        data = stream.read(max(limit - already, 0) + 1)
    except BAD_DATA as err:
        raise InputProblem(Rejected(label, codes.BAD_ARCHIVE, f"bad compressed data: {err}")) from err
    if already + len(data) > limit:
        raise InputProblem(Rejected(label, codes.TOO_LARGE, f"more than {limit:,} bytes (limit file_bytes); "
                                    "split it, or raise the limit"))
    return data


def decompressed(stream: BinaryIO, name: str) -> BinaryIO:
    """The stream read through the decompressor that ``name``'s last suffix names (or as is)."""
    opener = COMPRESSED.get(Path(name).suffix.lower())
    return opener(stream, "rb") if opener is not None else stream  # type: ignore[return-value]


def bounded_lines(stream: BinaryIO, limit: int, label: str) -> Iterator[bytes | None]:
    """The stream's lines (without the line break); None for a line longer than ``limit``, which
    is skipped without being held in memory. Bad compressed data raises InputProblem."""
    number = 0
    try:
        while True:
            line = stream.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = stream.readline(READ_CHUNK)
                yield None
                continue
            yield line.rstrip(b"\r\n")
    except BAD_DATA as err:
        raise InputProblem(Rejected(label, codes.BAD_ARCHIVE, f"bad compressed data after line {number}: "
                                    f"{err}")) from err


def zip_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The archive's files (no directories), sorted by name."""
    return sorted((info for info in archive.infolist() if not info.is_dir()), key=lambda info: info.filename)


__all__ = [
    "ARCHIVE", "BAD_DATA", "COMPRESSED", "InputProblem", "bounded_lines", "decompressed", "kind_suffix",
    "open_regular", "read_capped", "stem_of", "zip_members",
]

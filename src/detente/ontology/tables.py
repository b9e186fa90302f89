"""Loaders for the flat ontology tables (event_codes.csv, cameo_plover.csv) and MANIFEST.toml."""

from __future__ import annotations

import csv
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from detente.errors import OntologyError

EVENT_CODE_COLUMNS = ("code", "root", "name", "goldstein_icews", "goldstein_gdelt", "quad_class",
                      "description")
CROSSWALK_COLUMNS = ("cameo", "plover_type", "plover_mode", "plover_context")
REQUIRED_TABLES = ("cameo", "plover", "patterns", "goldstein", "quad")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code. ``goldstein`` is the ICEWS value; ``quad_class`` follows GDELT."""

    code: str
    root: str
    name: str
    goldstein: float
    description: str
    goldstein_gdelt: float = 0.0
    quad_class: int = 0


@dataclass(frozen=True)
class PloverEntry:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class Manifest:
    tables: dict[str, str]  # table name -> version, in file order
    files: dict[str, dict[str, str]]  # file name -> table, source, licence, sha256
    unmapped_roots: frozenset[str]
    directory: Path

    @property
    def version(self) -> str:
        return "/".join(f"{name}-{version}" for name, version in self.tables.items())


def _fail(where: str, field: str, problem: str) -> OntologyError:
    return OntologyError(f"{where}:{field}: {problem}", code="D211")


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if tuple(reader.fieldnames or ()) != columns:
                raise _fail(f"{path}:1", "header", f"expected columns {','.join(columns)}")
            return [(reader.line_num, row) for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise _fail(f"{path}:0", "-", f"cannot read: {err}") from err


def _number(value: str, where: str, field: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError as err:
        raise _fail(where, field, f"not a number: {value!r}") from err
    if not low <= number <= high:
        raise _fail(where, field, f"{number} is outside {low}..{high}")
    return number


def _cameo_row(row: dict[str, str], where: str) -> CameoCode:
    code, root = row["code"], row["root"]
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise _fail(where, "code", f"not a CAMEO code: {code!r}")
    if root != code[:2]:
        raise _fail(where, "root", f"{root!r} is not the first two digits of {code}")
    if not row["name"].strip():
        raise _fail(where, "name", "empty")
    return CameoCode(code=code, root=root, name=row["name"], description=row["description"],
                     goldstein=_number(row["goldstein_icews"], where, "goldstein_icews", -10, 10),
                     goldstein_gdelt=_number(row["goldstein_gdelt"], where, "goldstein_gdelt", -10, 10),
                     quad_class=int(_number(row["quad_class"], where, "quad_class", 1, 4)))


def load_event_codes(path: Path) -> dict[str, CameoCode]:
    """Read event_codes.csv; every code's parent (3-digit, root) must be present too."""
    codes: dict[str, CameoCode] = {}
    for line, row in _read_rows(path, EVENT_CODE_COLUMNS):
        where = f"{path}:{line}"
        cameo_code = _cameo_row(row, where)
        if cameo_code.code in codes:
            raise _fail(where, "code", f"duplicate code {cameo_code.code}")
        codes[cameo_code.code] = cameo_code
    for cameo_code in codes.values():
        for parent in (cameo_code.code[:3], cameo_code.root):
            if parent not in codes:
                raise _fail(str(path), "code", f"{cameo_code.code} has no parent {parent}")
    return codes


def load_crosswalk(path: Path, known_codes: frozenset[str]) -> dict[str, PloverEntry]:
    """Read cameo_plover.csv: CAMEO code -> PLOVER type, mode, context."""
    entries: dict[str, PloverEntry] = {}
    for line, row in _read_rows(path, CROSSWALK_COLUMNS):
        where = f"{path}:{line}"
        if row["cameo"] not in known_codes:
            raise _fail(where, "cameo", f"unknown CAMEO code {row['cameo']!r}")
        if row["cameo"] in entries:
            raise _fail(where, "cameo", f"duplicate code {row['cameo']}")
        if not row["plover_type"].isupper():
            raise _fail(where, "plover_type", f"not a PLOVER type: {row['plover_type']!r}")
        entries[row["cameo"]] = PloverEntry(row["plover_type"], row["plover_mode"] or None,
                                            row["plover_context"] or None)
    return entries


def load_manifest(path: Path, *, directory: Path | None = None) -> Manifest:
    """Read MANIFEST.toml: ``[tables]`` versions, ``[conventions]``, ``[files."name"]``."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise _fail(f"{path}:0", "-", f"cannot read TOML: {err}") from err
    tables = raw.get("tables", {})
    missing = [name for name in REQUIRED_TABLES if not str(tables.get(name, "")).strip()]
    if missing:
        raise _fail(f"{path}:0", f"tables.{missing[0]}", "missing version")
    files = raw.get("files", {})
    for name, entry in files.items():
        for key in ("table", "source", "licence", "sha256"):
            if not isinstance(entry.get(key), str):
                raise _fail(f"{path}:0", f"files.{name}.{key}", "missing")
    unmapped = raw.get("conventions", {}).get("plover_unmapped_roots", [])
    return Manifest({k: str(v) for k, v in tables.items()}, files, frozenset(unmapped),
                    directory or path.parent)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_mismatches(directory: Path, manifest: Manifest) -> list[str]:
    """Files whose sha256 differs from MANIFEST.toml (or that are missing)."""
    problems = []
    for name, entry in manifest.files.items():
        path = directory / name
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256_of(path) != entry["sha256"]:
            problems.append(f"{name}: sha256 {sha256_of(path)} != manifest {entry['sha256']}")
    return problems

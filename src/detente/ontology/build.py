"""Derive the flat ontology tables from the reference files in the shared folder.

``event_codes.csv`` comes from the CAMEO 1.1b3 codebook (MIT, icews R package) and
``cameo_plover.csv`` from the PLOVER crosswalk CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, Open Event
Data Alliance). ``tools/build_ontology.py`` writes them; a test rebuilds them and compares.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from detente.errors import OntologyError
from detente.ontology.tables import CROSSWALK_COLUMNS, EVENT_CODE_COLUMNS, sha256_of

logger = logging.getLogger(__name__)


# GDELT's Goldstein lookup differs from the ICEWS values of the codebook on these four codes
# (shared/README.md, "cameo_codebook.csv").
GDELT_GOLDSTEIN_DIFFERENCES = {"016": -2.0, "022": 3.2, "164": -7.0, "165": -6.5}

_CROSSWALK_LINE = re.compile(r"^(?P<code>\d{2,4})\s*:\s*(?P<body>.*)$")


def quad_class_gdelt(root: str) -> int:
    """GDELT quad class of a CAMEO root: 01-05 verbal coop., 06-09 material coop., 10-14 verbal
    conflict, 15-20 material conflict."""
    number = int(root)
    if not 1 <= number <= 20:
        raise OntologyError(f"not a CAMEO root: {root!r}", code="D201")
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def _format_score(value: float) -> str:
    return f"{value:g}"


def _event_code_row(row: dict[str, str]) -> dict[str, str]:
    code = row["code"].strip()
    icews = float(row["goldstein_icews"])
    gdelt = GDELT_GOLDSTEIN_DIFFERENCES.get(code, icews)
    return {"code": code, "root": row["root_code"].strip(), "name": row["name"].strip(),
            "goldstein_icews": _format_score(icews), "goldstein_gdelt": _format_score(gdelt),
            "quad_class": str(quad_class_gdelt(row["root_code"])),
            "description": " ".join(row["description"].split())}


def _write_csv(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def build_event_codes(codebook: Path) -> str:
    """CSV text of event_codes.csv, sorted by code, from cameo_codebook.csv."""
    with codebook.open(encoding="utf-8", newline="") as handle:
        rows = [_event_code_row(row) for row in csv.DictReader(handle)]
    rows.sort(key=lambda row: row["code"])
    return _write_csv(EVENT_CODE_COLUMNS, rows)


@dataclass(frozen=True)
class CrosswalkEntry:
    cameo: str
    plover_type: str
    plover_mode: str
    plover_context: str
    line: int


def _clean(field: str) -> str:
    return " ".join(field.split())


def _context(field: str) -> str:
    return ";".join(part.strip() for part in field.split(";") if part.strip())


def parse_crosswalk_line(text: str, line: int) -> CrosswalkEntry | None:
    """One line of CAMEO2PLOVER: ``code: TYPE, mode, context # comment``; None for others."""
    body = text.split("#", 1)[0].strip()
    match = _CROSSWALK_LINE.match(body)
    if not match:
        return None
    fields = [*match["body"].split(","), "", ""][:3]
    plover_type = _clean(fields[0]).upper()
    if not plover_type:
        return None
    return CrosswalkEntry(match["code"], plover_type, _clean(fields[1]), _context(fields[2]), line)


def read_crosswalk(path: Path) -> list[CrosswalkEntry]:
    """All code lines of the crosswalk, in file order (root headers included)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    entries = (parse_crosswalk_line(text, number) for number, text in enumerate(lines, 1))
    return [entry for entry in entries if entry is not None]


def _merge(entries: list[CrosswalkEntry]) -> dict[str, CrosswalkEntry]:
    """Keep one entry per code. Exact repeats (175) collapse; a root header given twice
    ("08: CONCEDE", "08: RETREAT", the split of CAMEO YIELD) keeps the type of the root's
    general code (080 -> CONCEDE). Other conflicts are errors."""
    by_code: dict[str, list[CrosswalkEntry]] = {}
    for entry in entries:
        by_code.setdefault(entry.cameo, []).append(entry)
    merged: dict[str, CrosswalkEntry] = {}
    for code, found in by_code.items():
        kinds = {(e.plover_type, e.plover_mode, e.plover_context) for e in found}
        if len(kinds) > 1 and len(code) != 2:
            raise OntologyError(f"crosswalk code {code} mapped differently on lines "
                                f"{[e.line for e in found]}", code="D202")
        merged[code] = found[0]
    for code, found in by_code.items():
        general = merged.get(code + "0")
        if len(found) > 1 and general is not None:
            merged[code] = next((e for e in found if e.plover_type == general.plover_type), found[0])
            logger.info("crosswalk root %s listed as %s; kept %s", code,
                        [e.plover_type for e in found], merged[code].plover_type)
    return merged


def build_crosswalk(path: Path, known_codes: set[str]) -> str:
    """CSV text of cameo_plover.csv: crosswalk rows for codes of the codebook, sorted by code."""
    merged = _merge(read_crosswalk(path))
    dropped = sorted(set(merged) - known_codes)
    if dropped:
        logger.info("crosswalk codes not in the CAMEO codebook, left out: %s", dropped)
    rows = [{"cameo": e.cameo, "plover_type": e.plover_type, "plover_mode": e.plover_mode,
             "plover_context": e.plover_context}
            for code, e in sorted(merged.items()) if code in known_codes]
    return _write_csv(CROSSWALK_COLUMNS, rows)


def codebook_codes(codebook: Path) -> set[str]:
    with codebook.open(encoding="utf-8", newline="") as handle:
        return {row["code"].strip() for row in csv.DictReader(handle)}


NOMINAL_CONFIDENCE = 0.85  # a derived noun row is less sure than the verb row it comes from
NOMINAL_SKIPPED = ("particle", "xcomp", "attr", "object_country")


def _nominal_row(row: dict[str, object], noun: str) -> dict[str, object] | None:
    """The noun row a verb row gives ("seized ships" -> "the seizure of ships"), or None when the
    row's shape has no nominal counterpart (a particle, a complement, a speaker source ...)."""
    if any(row.get(key) for key in NOMINAL_SKIPPED) or row.get("source", "subject") != "subject":
        return None
    obj, prep = row.get("object") or [], row.get("prep")
    if bool(obj) == bool(prep):  # both, or neither: a bare noun ("the killing") is left to hand rows
        return None
    confidence = float(row.get("confidence", 0.8))  # type: ignore[arg-type]
    derived: dict[str, object] = {"id": f"{row['id']}-nominal", "lemma": noun, "pos": "NOUN"}
    if obj:
        derived.update(prep="of", prep_object=obj)
    else:
        derived.update(prep=prep, prep_object=row.get("prep_object") or [])
        if row.get("target") == "prep":
            derived["target"] = "prep"
    if row.get("target") == "none":
        derived["target"] = "none"
    derived.update(cameo=row["cameo"], confidence=round(confidence * NOMINAL_CONFIDENCE, 3),
                   note=f"{row.get('note', '')}; the noun of {row['id']} (nominalisations)")
    if not derived.get("prep_object"):
        derived.pop("prep_object", None)
    return derived


def build_noun_patterns(data_dir: Path) -> str:
    """derived_noun_patterns.jsonl: noun rows for the construction table's nominalisations, from
    the verb rows of verb_patterns.jsonl; nouns with hand-written rows are left to those."""
    rows = [json.loads(line) for line in (data_dir / "verb_patterns.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    table = json.loads((data_dir / "constructions.json").read_text("utf-8"))["nominalisations"]
    written = {row["lemma"] for row in rows if row.get("pos") == "NOUN"}
    derived = [made for row in rows if row.get("pos", "VERB") == "VERB" and row["lemma"] in table
               and table[row["lemma"]] not in written
               for made in [_nominal_row(row, table[row["lemma"]])] if made is not None]
    derived.sort(key=lambda row: (str(row["lemma"]), str(row["id"])))
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in derived)


def build_tables(reference: Path) -> dict[str, str]:
    """File name -> CSV text for every derived table, from a folder of reference files."""
    codebook = reference / "cameo_codebook.csv"
    return {"event_codes.csv": build_event_codes(codebook),
            "cameo_plover.csv": build_crosswalk(reference / "CAMEO2PLOVER-2021.txt",
                                                codebook_codes(codebook))}


_SHA_LINE = re.compile(r'^(\[files\."(?P<name>[^"]+)"\]\n(?:(?!\[)[^\n]*\n)*?)sha256 = "[0-9a-f]*"',
                       re.MULTILINE)


def refresh_manifest_hashes(manifest_text: str, directory: Path) -> str:
    """MANIFEST.toml text with each ``[files."name"]`` sha256 set from the file in ``directory``."""
    def replace(match: re.Match[str]) -> str:
        return f'{match[1]}sha256 = "{sha256_of(directory / match["name"])}"'
    return _SHA_LINE.sub(replace, manifest_text)

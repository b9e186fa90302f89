"""Build the derived actor tables in src/detente/data/actors/ from tests/data/reference/.

    countries.csv        iso3,name,adjective           (ngec_countries.csv + pycountry + own aliases)
    country_aliases.csv  alias,iso3,form               (form: name | adjective | demonym)
    agents.csv           noun,sector,secondary,kind,source   (PLOVER_agents.txt + agents_own.csv)

Hand-written inputs live beside the output (country_aliases_own.csv, agents_own.csv) and win over the
derived rows. country_aliases_own.csv marks names of states that no longer exist (`historical` = yes:
"Soviet Union", "Yugoslavia", "Zaire") with the code of their successor state, and the words of
regions and peoples inside a state (`historical` = regional: "Basque", "Tibetan") with that state's
code; both resolve like any alias but never become a country's adjective in countries.csv.
Run: `.venv/bin/python tools/build_actor_tables.py [--check]`; `--check` exits 1 when the bundled files
differ from a fresh build (tests call `build_tables` and compare).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import tomllib
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference"  # copies of the shared reference files
DATA = ROOT / "src" / "detente" / "data" / "actors"

# ngec rows that are not states: IGOs go to organisations.csv, PRE entities to seats.csv.
SKIP_CODES = {"EUR", "UNO"}
CODE_FIXES = {"XKX": "KOS"}  # PLOVER uses KOS for Kosovo
NAME_WORDS = re.compile(r"\b(Republic|Kingdom|Islands?|Territor|Union|State|Federation|of)\b")
PERSON_END = re.compile(r"(er|or|ist|ian|man|woman|ant|ent|ee|ier|eer|ive|ary|son|person|chief|head)$")
GROUP_END = re.compile(r"(men|women|people|forces|troops|personnel)$")
# Institutions whose names end like person nouns ("government", "parliament", "ministry").
ORG_END = re.compile(r"(ment|ministry|council|court|assembly|agency|office|party|union|committee|"
                     r"commission|bank|company|corporation|authority|administration|board|bureau|"
                     r"embassy|front|organi[sz]ation|service|network|regime|cabinet|senate|congress|"
                     r"junta|directorate|secretariat)$")
TRAILING_FUNCTION_WORDS = {"to", "in", "for", "at", "of", "the", "and", "on", "with"}
SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
ENTRY = re.compile(r"^([^#\[{]+?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]")


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _pycountry_names() -> set[str]:
    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    return names


def _alias_form(item: str, known_names: set[str]) -> str:
    if item in known_names or NAME_WORDS.search(item) or item.isupper():
        return "name"
    return "demonym" if item.endswith("s") and not item.endswith("ss") else "adjective"


def build_country_rows() -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Rows for countries.csv and country_aliases.csv."""
    known_names = _pycountry_names()
    own = _read_csv(DATA / "country_aliases_own.csv")
    aliases: dict[str, dict[str, str]] = {}
    countries: dict[str, dict[str, str]] = {}
    for row in _read_csv(REFERENCE / "ngec_countries.csv"):
        iso3 = CODE_FIXES.get(row["CCA3"], row["CCA3"])
        if iso3 in SKIP_CODES or len(iso3) != 3:
            continue
        name = re.sub(r"\s*\[.*\]|\s+SAR China", "", row["Name"]).strip()
        items = [item.strip() for item in row["Nationality"].split(",") if item.strip()]
        forms = {item: _alias_form(item, known_names) for item in items}
        adjective = next((i for i, f in forms.items() if f == "adjective"), name)
        countries[iso3] = {"iso3": iso3, "name": name, "adjective": adjective}
        for alias, form in [(name, "name"), (row["Name"], "name"), *forms.items()]:
            aliases.setdefault(alias, {"alias": alias, "iso3": iso3, "form": form})
    for row in own:  # a state the NGEC list lacks ("South Sudan") gets a row from its own name
        if row["form"] == "name" and row["iso3"] not in countries and row.get("historical") != "yes":
            countries[row["iso3"]] = {"iso3": row["iso3"], "name": row["alias"], "adjective": row["alias"]}
    for row in own:
        aliases[row["alias"]] = {"alias": row["alias"], "iso3": row["iso3"], "form": row["form"]}
        # "Soviet", "Yugoslav" (historical = yes) and "Tibetan" (= regional): never the adjective
        other = row.get("historical") in {"yes", "regional"}
        if row["form"] == "adjective" and row["iso3"] in countries and not other:
            countries[row["iso3"]]["adjective"] = row["alias"]
    return sorted(countries.values(), key=lambda r: r["iso3"]), sorted(
        aliases.values(), key=lambda r: (r["alias"].lower(), r["alias"]))


def _agent_kind(noun: str, sector: str) -> str:
    if sector in {"NON", "JNK"}:
        return "none"
    if GROUP_END.search(noun) or noun.endswith("police"):
        return "group"
    if ORG_END.search(noun):
        return "org"
    return "person" if PERSON_END.search(noun) else "org"


def _expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", phrase)
    if not match or match.group(1) not in sets:
        return [phrase]
    out: list[str] = []
    for value in sets[match.group(1)]:
        out.extend(_expand(phrase[: match.start()] + value + phrase[match.end():], sets))
    return out


def _normalise_agent(raw: str) -> str | None:
    noun = re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()
    words = noun.split()
    if not words or words[-1] in TRAILING_FUNCTION_WORDS or not re.fullmatch(r"[a-z' .&-]+", noun):
        return None
    return noun


def parse_plover_agents(text: str) -> list[tuple[str, str]]:
    """(noun, code) pairs from the PLOVER/CAMEO agents dictionary, substitution sets resolved."""
    sets: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    for line in text.splitlines():
        line = line.strip()
        sub = SUBSTITUTION.match(line)
        if sub:
            sets[sub.group(1)] = [v.strip() for v in sub.group(2).split(",")]
            continue
        entry = ENTRY.match(line)
        if not entry:
            continue
        for phrase in _expand(entry.group(1), sets):
            noun = _normalise_agent(phrase)
            if noun:
                pairs.append((noun, entry.group(2)))
    return pairs


def build_agent_rows() -> list[dict[str, str]]:
    text = (REFERENCE / "PLOVER_agents.txt").read_text(encoding="utf-8", errors="replace")
    rows: dict[str, dict[str, str]] = {}
    for noun, code in parse_plover_agents(text):
        sector, rest = code[:3], code[3:]
        secondary = "|".join(rest[i:i + 3] for i in range(0, len(rest), 3))
        rows.setdefault(noun, {"noun": noun, "sector": sector, "secondary": secondary,
                               "kind": _agent_kind(noun, sector), "source": "PLOVER_agents.txt"})
    for row in _read_csv(DATA / "agents_own.csv"):
        rows[row["noun"]] = {**row, "source": "own"}
    return sorted(rows.values(), key=lambda r: r["noun"])


def render_csv(rows: list[dict[str, str]], fields: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def build_tables() -> dict[str, str]:
    """File name -> content of every derived table."""
    countries, aliases = build_country_rows()
    return {
        "countries.csv": render_csv(countries, ["iso3", "name", "adjective"]),
        "country_aliases.csv": render_csv(aliases, ["alias", "iso3", "form"]),
        "agents.csv": render_csv(build_agent_rows(), ["noun", "sector", "secondary", "kind", "source"]),
    }


MANIFEST_FILES = {
    "countries.csv": ("derived", "ngec_countries.csv (MIT, NGEC) + pycountry + own"),
    "country_aliases.csv": ("derived", "ngec_countries.csv (MIT, NGEC) + pycountry + own"),
    "agents.csv": ("derived", "PLOVER_agents.txt (MIT, OEDA / Parus Analytics) + own"),
    "country_aliases_own.csv": ("own", "written for detente"),
    "agents_own.csv": ("own", "written for detente"),
    "seats.csv": ("own", "written for detente (public facts)"),
    "organisations.csv": ("own", "written for detente (public facts)"),
    "leaders.csv": ("own", "written for detente from the public record (term dates)"),
    "female_first_names.txt": ("own", "written for detente (general knowledge); pronoun gender only"),
}


def render_manifest(version: str, contents: dict[str, str]) -> str:
    """MANIFEST.toml text: version, licence, and source + sha256 of every table."""
    lines = [
        "# Actor tables for detente.actors. Any edit bumps `version`; run tools/build_actor_tables.py",
        "# to rebuild the derived files and refresh the sha256 values below.",
        f'version = "{version}"',
        'licence = "MIT (detente) for own rows; see NOTICE.md for derived files and attributions"',
        "",
    ]
    for name, (origin, source) in MANIFEST_FILES.items():
        digest = hashlib.sha256(contents[name].encode("utf-8")).hexdigest()
        lines += [f'[files."{name}"]', f'origin = "{origin}"', f'source = "{source}"',
                  f'sha256 = "{digest}"', ""]
    return "\n".join(lines)


def build_all() -> dict[str, str]:
    """Derived tables plus the MANIFEST computed over them and the hand-written tables."""
    contents = build_tables()
    for name in MANIFEST_FILES:
        if name not in contents:
            contents_path = DATA / name
            contents[name] = contents_path.read_text(encoding="utf-8")
    with (DATA / "MANIFEST.toml").open("rb") as handle:
        version = tomllib.load(handle)["version"]
    manifest = render_manifest(str(version), contents)
    derived = {name: contents[name] for name in build_tables()}
    return {**derived, "MANIFEST.toml": manifest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale = []
    for name, content in build_all().items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    for name in stale:
        sys.stderr.write(f"stale: {name}\n")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

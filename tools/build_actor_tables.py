"""Build the derived actor tables in src/detente/data/actors/ from tests/data/reference/.

    countries.csv        iso3,name,adjective           (ngec_countries.csv + pycountry + own aliases)
    country_aliases.csv  alias,iso3,form               (form: name | adjective | demonym)
    agents.csv           noun,sector,secondary,kind,source   (PLOVER_agents.txt + agents_own.csv)
    kb_people.csv        name,aliases,country,sector,role,start,end,source   (leaders.csv + Phoenix)
    kb_organisations.csv alias,name,country,sector,kind,source  (organisations.csv + Phoenix)
    kb_places.csv        alias,country,geonames_id,source       (places named under a state in Phoenix)

Hand-written inputs live beside the output (country_aliases_own.csv, agents_own.csv) and win over the
derived rows. country_aliases_own.csv marks names of states that no longer exist (`historical` = yes:
"Soviet Union", "Yugoslavia", "Zaire") with the code of their successor state, and the words of
regions and peoples inside a state (`historical` = regional: "Basque", "Tibetan") with that state's
code; both resolve like any alias but never become a country's adjective in countries.csv.
The kb_ files are the actor knowledge base: the Phoenix dictionaries (tools/phoenix_actors.py says
how they are read) under the hand-written tables, which win wherever they name the same person,
organisation or word. Run: `.venv/bin/python tools/build_actor_tables.py [--check]`; `--check`
exits 1 when the bundled files differ from a fresh build (tests call `build_tables` and compare).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import tempfile
import tomllib
from pathlib import Path

import pycountry

sys.path.insert(0, str(Path(__file__).resolve().parent))
import phoenix_actors as phoenix

from detente.actors.kb_index import INDEX_FILE, dump_index
from detente.actors.names import HONORIFICS, name_skeleton
from detente.actors.tables import TABLE_FILES, normalise, read_tables, table_digests, valid_country
from detente.places.gazetteer import Gazetteer

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference"  # copies of the shared reference files
PHOENIX = REFERENCE / "phoenix"
PEOPLE_FIELDS = ["name", "aliases", "country", "sector", "role", "start", "end", "source"]
ORG_FIELDS = ["alias", "name", "country", "sector", "kind", "start", "end", "source"]
PLACE_FIELDS = ["alias", "country", "geonames_id", "source"]
STATES_DEFAULT_GOV = frozenset({"IGO", "UNO", "EUR"})
# The agents file writes health as PLOVER's MED; detente uses the CAMEO code HLH, as the Phoenix
# dictionaries do (CAMEO's MED was media, which both call JRN).
HEALTH = {"MED": "HLH"}
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
GROUP_WORDS = frozenset({"observatory", "front", "army", "brigade", "brigades", "movement", "state",
                         "league", "forces", "group", "network", "society", "foundation", "institute",
                         "centre", "center", "association", "organization", "organisation", "levant"})
TRAILING_FUNCTION_WORDS = {"to", "in", "for", "at", "of", "the", "and", "on", "with"}
# The agents file ends some nouns on a stem that PETRARCH matched as a prefix ("HEALTH_MINIST" for
# health minister and health ministry); detente looks words up whole, so each stem becomes its words.
STEMS = {"minist": ("minister", "ministers", "ministry", "ministries"),
         "authorit": ("authority", "authorities"), "compan": ("company", "companies"),
         "industr": ("industry", "industries"), "milita": ("militia", "militias")}
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
                pairs.extend((word, entry.group(2)) for word in _unstem(noun))
    return pairs


def _unstem(noun: str) -> list[str]:
    """"health minist" -> health minister, ministers, ministry, ministries (STEMS)."""
    *words, last = noun.split()
    return [" ".join([*words, whole]) for whole in STEMS[last]] if last in STEMS else [noun]


def build_agent_rows() -> list[dict[str, str]]:
    text = (REFERENCE / "PLOVER_agents.txt").read_text(encoding="utf-8", errors="replace")
    rows: dict[str, dict[str, str]] = {}
    for noun, code in parse_plover_agents(text):
        parts = [HEALTH.get(code[i:i + 3], code[i:i + 3]) for i in range(0, len(code), 3)]
        sector, secondary = parts[0], "|".join(parts[1:])
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


def _where(entry: phoenix.Entry) -> str:
    return f"{entry.file}:{entry.line}"


def _own_people() -> tuple[list[dict[str, str]], set[str]]:
    """leaders.csv rows, and the keys and transliteration keys of all their names."""
    rows = _read_csv(DATA / "leaders.csv")
    names = [alias for row in rows for alias in [row["name"], *row["aliases"].split("|")] if alias]
    keys = {normalise(n) for n in names} | {k for k in map(name_skeleton, names) if k}
    return rows, keys


def _titles() -> set[str]:
    """Agent nouns and honorifics that may open a Phoenix alias ("General Secretary Gorbachev")."""
    return {row["noun"] for row in build_agent_rows()} | set(HONORIFICS) | {"king", "queen", "emir"}


def _untitled(names: list[str], titles: set[str]) -> list[str]:
    """The names that do not open with a title: a title is the resolver's to read."""
    def titled(name: str) -> bool:
        words = name.lower().replace(".", "").split()
        return any(" ".join(words[:size]) in titles for size in range(1, min(4, len(words))))
    return [name for name in names if not titled(name)]


def build_people_rows(entries: list[phoenix.Entry]) -> list[dict[str, str]]:
    """leaders.csv, then every Phoenix person none of whose names (or their transliteration keys,
    names.py) it already has."""
    rows, taken = _own_people()
    titles = _titles()
    people: dict[str, tuple[list[str], list[phoenix.Term], str]] = {}
    for entry in entries:
        names = _untitled(phoenix.person_names(entry), titles)
        if not names or not phoenix.is_person(entry, valid_country) or _organisation_like(names[0]):
            continue
        if taken & ({normalise(n) for n in names} | {k for k in map(name_skeleton, names) if k}):
            continue
        terms = phoenix.terms_of(entry, valid_country)
        if terms:
            known = people.setdefault(names[0], ([], [], _where(entry)))
            known[0].extend(n for n in names[1:] if n not in known[0])
            known[1].extend(terms)
    for name, (aliases, terms, where) in people.items():
        for term in phoenix.merge_terms(terms):
            rows.append({"name": name, "aliases": "|".join(aliases), "country": term.country,
                         "sector": term.sector or ("GOV" if term.country in STATES_DEFAULT_GOV else ""),
                         "role": "", "start": term.start.isoformat() if term.start else "",
                         "end": term.end.isoformat() if term.end else "", "source": where})
    return sorted(rows, key=lambda r: (r["name"], r["start"]))


def _organisation_like(name: str) -> bool:
    """Phoenix files some groups with dated codes ("Syrian Observatory for Human Rights",
    "Islamic State of Iraq and the Levant"): a name ending in an institution word is no person."""
    words = name.lower().split()
    return bool(ORG_END.search(words[-1])) or bool(GROUP_WORDS & set(words))


def _org_sector(country: str, sector: str | None) -> str:
    if sector:
        return sector
    return "NGO" if country == "NGO" else "REB" if country == "IMG" else "GOV"


def common_words() -> set[str]:
    """Words written in lower case at least twice in the shared news and story corpora
    (common_words.txt): an organisation name made only of such words ("Tigers", "Liberation
    Battalion", "Open Joint Stock Company") is a description, not a name to look up."""
    lines = (REFERENCE / "common_words.txt").read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def _descriptive(alias: str, common: set[str], agents: set[str]) -> bool:
    key = normalise(alias)
    return key in agents or all(word in common for word in key.replace("-", " ").split())


def build_organisation_rows(entries: list[phoenix.Entry], taken: set[str]) -> list[dict[str, str]]:
    # Groups Phoenix files with dated codes are organisations too (their latest code counts).
    """organisations.csv, then the Phoenix organisations under names no own table uses, that are no
    description (`common_words`, agent nouns) and that Phoenix gives to one country only."""
    rows = [{"start": "", "end": "", **row, "source": "own"} for row in _read_csv(DATA / "organisations.csv")]
    seen = taken | {normalise(row["alias"]) for row in rows}
    common, agents = common_words(), {row["noun"] for row in build_agent_rows()}
    found: dict[str, list[dict[str, str]]] = {}
    for entry in entries:
        names = [n for n in phoenix.organisation_names(entry) if not _descriptive(n, common, agents)]
        person = phoenix.is_person(entry, valid_country) and not (names and _organisation_like(names[0]))
        if person or phoenix.is_country(entry, valid_country):
            continue
        terms = phoenix.terms_of(entry, valid_country)[::-1]
        if not terms or not names:
            continue
        country, sector = terms[0].country, _org_sector(terms[0].country, terms[0].sector)
        for alias in names:
            found.setdefault(normalise(alias), []).append(
                {"alias": alias, "name": names[0], "country": country, "sector": sector, "kind": "org",
                 "start": "", "end": "", "source": _where(entry)})
    for key, candidates in found.items():
        if key not in seen and len({row["country"] for row in candidates}) == 1:
            rows.append(candidates[0])
    return sorted(rows, key=lambda r: (r["alias"].lower(), r["alias"], r["start"]))


def build_place_rows(entries: list[phoenix.Entry], taken: set[str]) -> list[dict[str, str]]:
    """Names listed under a state in Phoenix that are no name of that state: places, with the
    GeoNames id of the gazetteer's biggest place of that name in that state (empty when it has
    none, as for most provinces and districts)."""
    gazetteer = Gazetteer.bundled()
    rows: dict[str, dict[str, str]] = {}
    for entry in entries:
        if entry.file != "Phoenix.Countries.actors.txt" or not phoenix.is_country(entry, valid_country):
            continue
        country = phoenix.convert_code(entry.codes[-1][0], valid_country)
        for alias in (phoenix.clean_name(raw) for raw in entry.names[1:]):  # [0]: the state's name
            key = normalise(alias) if alias else ""
            if not alias or not key or key in taken or key in rows or country is None:
                continue
            found = [c.entry for c in gazetteer.lookup(alias) if c.entry.country == country[0]]
            if not found and _variant_of(key, country[0]):
                continue  # a spelling of the state's own name ("Afghanestan")
            best = max(found, key=lambda e: e.population, default=None)
            rows[key] = {"alias": alias, "country": country[0],
                         "geonames_id": str(best.geonames_id) if best else "", "source": _where(entry)}
    return sorted(rows.values(), key=lambda r: (r["alias"].lower(), r["alias"]))


def _variant_of(key: str, iso3: str) -> bool:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return False
    names = [getattr(country, a, "") or "" for a in ("name", "common_name", "official_name")]
    return any(key[:4] == normalise(n)[:4] for n in names if n)


def build_kb() -> dict[str, list[dict[str, str]]]:
    """Rows of the knowledge-base files."""
    entries = phoenix.read_phoenix(PHOENIX)
    people = build_people_rows(entries)
    people_keys = {normalise(a) for r in people for a in [r["name"], *r["aliases"].split("|")] if a}
    own_words = {normalise(r["alias"]) for name in ("country_aliases.csv", "seats.csv")
                 for r in _read_csv(DATA / name)}
    organisations = build_organisation_rows(entries, people_keys | own_words)
    org_keys = {normalise(r["alias"]) for r in organisations}
    places = build_place_rows(entries, people_keys | own_words | org_keys)
    return {"kb_people.csv": people, "kb_organisations.csv": organisations, "kb_places.csv": places}


def build_tables() -> dict[str, str]:
    """File name -> content of every derived table."""
    countries, aliases = build_country_rows()
    kb = build_kb()
    return {
        "countries.csv": render_csv(countries, ["iso3", "name", "adjective"]),
        "country_aliases.csv": render_csv(aliases, ["alias", "iso3", "form"]),
        "agents.csv": render_csv(build_agent_rows(), ["noun", "sector", "secondary", "kind", "source"]),
        "kb_people.csv": render_csv(kb["kb_people.csv"], PEOPLE_FIELDS),
        "kb_organisations.csv": render_csv(kb["kb_organisations.csv"], ORG_FIELDS),
        "kb_places.csv": render_csv(kb["kb_places.csv"], PLACE_FIELDS),
    }


MANIFEST_FILES = {
    "countries.csv": ("derived", "ngec_countries.csv (MIT, NGEC) + pycountry + own"),
    "country_aliases.csv": ("derived", "ngec_countries.csv (MIT, NGEC) + pycountry + own"),
    "agents.csv": ("derived", "PLOVER_agents.txt (MIT, OEDA / Parus Analytics) + own"),
    "kb_people.csv": ("derived", "leaders.csv (own) + Phoenix.Countries/International/MilNonState.actors.txt "
                                 "(petrarch2 @676801c, MIT, Open Event Data Alliance)"),
    "kb_organisations.csv": ("derived", "organisations.csv (own) + Phoenix International/MilNonState/"
                                        "Countries (MIT, Open Event Data Alliance)"),
    "kb_places.csv": ("derived", "Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance), "
                                 "GeoNames ids from detente's gazetteer (CC BY 4.0)"),
    "country_aliases_own.csv": ("own", "written for detente"),
    "agents_own.csv": ("own", "written for detente"),
    "seats.csv": ("own", "written for detente (public facts)"),
    "organisations.csv": ("own", "written for detente (public facts)"),
    "leaders.csv": ("own", "written for detente from the public record (term dates)"),
    "name_sectors.csv": ("own", "written for detente (name words of media, companies, parties)"),
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


def build_index(contents: dict[str, str]) -> bytes:
    """The compact index (kb_index.json.gz) of the tables with these contents."""
    with tempfile.TemporaryDirectory() as folder:
        for name in [*TABLE_FILES, "MANIFEST.toml"]:
            text = contents[name] if name in contents else (DATA / name).read_text(encoding="utf-8")
            Path(folder, name).write_text(text, encoding="utf-8", newline="\n")
        tables = read_tables(Path(folder))
        return dump_index(tables, table_digests(Path(folder)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()
    stale = []
    contents = build_all()
    for name, content in contents.items():
        path = DATA / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != content:
                stale.append(name)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    index = build_index(contents)
    if args.check and (DATA / INDEX_FILE).read_bytes() != index:
        stale.append(INDEX_FILE)
    elif not args.check:
        (DATA / INDEX_FILE).write_bytes(index)
    for name in stale:
        sys.stderr.write(f"stale: {name}\n")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

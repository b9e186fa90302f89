"""Read the Phoenix actor dictionaries (TABARI format) into detente's own rows.

Used by tools/build_actor_tables.py. The Phoenix files (petrarch2 @676801c, MIT, Open Event Data
Alliance; ../shared/data/reference/phoenix/) hold entries like

    GURBANGULY_BERDYMUKHAMMEDOV_  # CountryInfo.txt
    +GURBANGULY_BERDIMUHAMEDOW_
        [TKMELI 750101-000101]
        [TKMGOV >061221]

An entry is a name, `+` alternative names, and CAMEO codes with optional date ranges (YYMMDD or
YYYYMMDD; `>D` from D on, `<D` until D). Conversion:

- a code is a country (ISO3, or UNO/EUR/IGO/NGO/IMG) followed by 3-letter parts; the first part
  that is a detente sector is the sector, a second one makes a compound code (GOVMIL). CAMEO MED
  (media) becomes JRN, HRI (human rights) NGO, ENV (environment) SOC, INS/SEP/RAD REB; a religion
  part is REL only as the first part. IGO+UNO is UNO, IGO+EUR EUR, MNC+country that country with
  BUS, NGO+country that country with NGO;
- ELI ranges are dropped (detente gives ELI after a person's last term itself, and nothing before
  the first); a range open at the end (`>D`) ends on the compilation date of the files
  (KNOWN_UNTIL), since nothing later is known from them;
- an entry with a dated code, or compiled from CountryInfo, is a person; any other an organisation;
- the names and places listed under a country (`AFGHANISTAN_ [AFG]` with `+KABUL_`, `+HELMAND`) are
  country names, or places when the gazetteer knows them in that country.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

# The files were generated on 2014-01-30 and edited by hand until early 2015: their latest date is
# 2015-02-17 (Ashton Carter's term). A term still open then ends here, as far as the files know.
KNOWN_UNTIL = dt.date(2015, 2, 28)
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "HLH", "REF", "OPP", "REL", "SOC", "NGO",
})
SECTOR_MAP = {"MED": "JRN", "HRI": "NGO", "ENV": "SOC", "INS": "REB", "SEP": "REB", "RAD": "REB"}
RELIGIONS = frozenset({"MOS", "CHR", "JEW", "BUD", "HIN", "CTH", "SHI", "SUN", "ORT", "PRO", "ITR"})
# CAMEO country codes of states that no longer exist, and Phoenix's own codes: detente's successor.
COUNTRY_MAP = {"USR": "RUS", "SUN": "RUS", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB", "CSK": "CZE",
               "DDR": "DEU", "GDR": "DEU", "ZAR": "COD", "PAL": "PSE", "KSV": "KOS", "TMP": "TLS",
               "ROM": "ROU", "INT": "IMG"}
PSEUDO = frozenset({"UNO", "EUR", "IGO", "NGO", "IMG", "KOS"})
UNIONS = frozenset({"USR", "SUN", "YUG", "CSK"})  # a member republic's code follows the union's
CODE = re.compile(r"\[([A-Z-]+)\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?\s*\]")
FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "to", "at"})
NAME = re.compile(r"^[A-Z0-9][A-Z0-9_.'&/()-]*$")


@dataclass
class Entry:
    """One dictionary entry: its names, codes and where it starts."""

    names: list[str]
    codes: list[tuple[str, str]]  # (code, date text)
    line: int
    file: str
    countryinfo: bool = False
    children: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Term:
    country: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None


def clean_names(raw: str) -> list[str]:
    """"GURBANGULY_BERDYMUKHAMMEDOV_" -> ["Gurbanguly Berdymukhammedov"]; a short name in brackets
    is an acronym of its own ("LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_" gives "LTTE" too)."""
    inner = [m.strip("_ ") for m in re.findall(r"\(([^)]*)\)", raw)]
    names = [clean_name(re.sub(r"\([^)]*\)", " ", raw))]
    names += [word for word in inner if word.isalpha() and 2 <= len(word) <= 6]
    return [n for n in names if n]


def clean_name(raw: str) -> str | None:
    """"GURBANGULY_BERDYMUKHAMMEDOV_" -> "Gurbanguly Berdymukhammedov"; None for non-names. A name
    of one word of four letters or fewer stays in capitals: an acronym ("NATO", "PKK")."""
    raw = raw.strip().rstrip("_").strip()
    if not raw or not NAME.match(raw.split()[0]):
        return None
    words = re.sub(r"[_\s]+", " ", raw).strip().split()
    if len(words) == 1 and len(words[0]) <= 4 and words[0].isalpha():
        return words[0]
    return " ".join(_title(word, first=i == 0) for i, word in enumerate(words)) or None


def _title(word: str, *, first: bool) -> str:
    if not first and word.lower() in FUNCTION_WORDS:
        return word.lower()
    return "-".join(part.capitalize() for part in word.split("-"))


def parse_entries(text: str, file: str) -> list[Entry]:
    """The entries of one Phoenix file, in order."""
    entries: list[Entry] = []
    current: Entry | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        codes = CODE.findall(line)
        body = CODE.sub(" ", line)
        if raw[:1] in " \t" and codes and current is not None:
            current.codes.extend(codes)
        elif raw.startswith("+") and current is not None:
            current.names.append(body[1:].strip())
        elif raw[:1].isalnum():
            current = Entry([body.strip()], list(codes), number, file, "CountryInfo" in comment)
            entries.append(current)
    return entries


def parse_date(text: str) -> dt.date | None:
    """YYMMDD (years up to the compilation year are 20YY) or YYYYMMDD; None when impossible."""
    text = text.strip()
    try:
        if len(text) == 8:
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 6:
            year = int(text[:2])
            year += 2000 if year <= KNOWN_UNTIL.year % 100 else 1900
            return dt.date(year, int(text[2:4]), int(text[4:]))
    except ValueError:
        return None
    return None


def parse_range(text: str) -> tuple[dt.date | None, dt.date | None, bool]:
    """(start, end, ok) of a date field: "061221-090131", ">061221", "<061221" or empty."""
    text = text.replace(" ", "")
    if not text:
        return None, None, True
    if text[0] in "<>":
        day = parse_date(text[1:])
        if text[0] == "<":
            return None, day, day is not None
        return day, KNOWN_UNTIL, day is not None and day <= KNOWN_UNTIL
    start_text, _, end_text = text.partition("-")
    start, end = parse_date(start_text), parse_date(end_text)
    return start, end, start is not None and end is not None and start <= end


def convert_code(code: str, valid_country: object) -> tuple[str, str | None] | None:
    """(country, sector) of a CAMEO code, or None when it names no country detente knows."""
    if code.startswith("---") or len(code) < 3:
        return None
    parts = [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    country, rest = COUNTRY_MAP.get(parts[0], parts[0]), parts[1:]
    if country == "IGO" and rest and rest[0] in {"UNO", "EUR"}:
        country, rest = rest[0], rest[1:]
    if country in {"MNC", "NGO"} and rest and valid_country(COUNTRY_MAP.get(rest[0], rest[0])):
        rest = ["BUS" if country == "MNC" else "NGO", *rest[1:]]
        country = COUNTRY_MAP.get(parts[1], parts[1])
    elif country == "MNC":
        rest = ["BUS", *rest]
    if parts[0] in UNIONS and rest and valid_country(rest[0]) and rest[0] not in PSEUDO:
        country, rest = rest[0], rest[1:]  # USRTKM: Soviet Turkmenistan is TKM
    if not valid_country(country):
        return None
    return country, _sector(rest)


def _sector(parts: list[str]) -> str | None:
    sectors: list[str] = []
    for part in parts:
        mapped = "REL" if not sectors and part in RELIGIONS else SECTOR_MAP.get(part, part)
        if sectors == ["GOV"] and mapped in {"SOC", "NGO"}:
            continue  # an environment or human-rights ministry is the government (GOV)
        if mapped in SECTORS and mapped not in sectors:
            sectors.append(mapped)
    return "".join(sectors[:2]) or None


def terms_of(entry: Entry, valid_country: object) -> list[Term]:
    """The entry's codes as terms; ELI and unreadable codes left out."""
    terms: list[Term] = []
    for code, dates in entry.codes:
        converted = convert_code(code, valid_country)
        start, end, ok = parse_range(dates)
        if converted is None or not ok or converted[1] == "ELI":
            continue
        terms.append(Term(converted[0], converted[1], start, end))
    return terms


def is_country(entry: Entry, valid_country: object) -> bool:
    """A state's own entry (its names, variants and places): codes with a country and no sector."""
    converted = [convert_code(code, valid_country) for code, _ in entry.codes]
    return bool(converted) and all(c is not None and c[1] is None and c[0] not in PSEUDO for c in converted)


def is_person(entry: Entry, valid_country: object) -> bool:
    if is_country(entry, valid_country):
        return False
    return entry.countryinfo or any(dates.strip() for _, dates in entry.codes)


def read_phoenix(directory: Path) -> list[Entry]:
    entries: list[Entry] = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        text = (directory / name).read_text(encoding="utf-8", errors="replace")
        entries.extend(parse_entries(text, name))
    return entries


def person_names(entry: Entry) -> list[str]:
    """The entry's names of two words or more (a surname alone is left to the own tables)."""
    names = [clean_name(raw) for raw in entry.names]
    return list(dict.fromkeys(n for n in names if n and len(n.split()) > 1))


def organisation_names(entry: Entry) -> list[str]:
    return list(dict.fromkeys(name for raw in entry.names for name in clean_names(raw)))


def merge_terms(terms: list[Term]) -> list[Term]:
    """One term per start date (the longest), sorted; CountryInfo often lists a term twice."""
    best: dict[dt.date | None, Term] = {}
    for term in terms:
        known = best.get(term.start)
        if known is None or (term.end or dt.date.max) > (known.end or dt.date.max):
            best[term.start] = term
    return sorted(best.values(), key=lambda t: t.start or dt.date.min)


__all__ = [
    "KNOWN_UNTIL",
    "Entry",
    "Term",
    "clean_name",
    "clean_names",
    "convert_code",
    "is_country",
    "is_person",
    "merge_terms",
    "organisation_names",
    "parse_date",
    "parse_entries",
    "parse_range",
    "person_names",
    "read_phoenix",
    "terms_of",
]

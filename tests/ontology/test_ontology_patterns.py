"""The verb-pattern table: schema, coverage, and the codes that typical news phrasings get."""

from __future__ import annotations

import json
from itertools import combinations

import pytest
from tests.ontology.contexts import ctx

from detente.ontology import DATA_DIR, Ontology, VerbPattern
from detente.ontology.patterns import KNOWN_FIELDS, NO_EVENT, PatternContext, select_pattern

PATTERN_FILE = DATA_DIR / "verb_patterns.jsonl"
CLASS_FILE = DATA_DIR / "lemma_classes.json"
SET_FIELDS = ("object", "prep_object", "xcomp", "attr")


def raw_records() -> list[dict[str, object]]:
    return [json.loads(line) for line in PATTERN_FILE.read_text(encoding="utf-8").splitlines()]


def test_ontology_pattern_file_is_sorted_and_unique() -> None:
    records = raw_records()
    keys = [(str(r["lemma"]), str(r["id"])) for r in records]
    assert keys == sorted(keys)
    assert len({r["id"] for r in records}) == len(records)
    assert all(set(r) <= KNOWN_FIELDS for r in records)


def test_ontology_pattern_files_are_utf8_lf() -> None:
    for path in (PATTERN_FILE, CLASS_FILE, DATA_DIR / "event_codes.csv", DATA_DIR / "cameo_plover.csv"):
        data = path.read_bytes()
        assert b"\r" not in data, path.name
        assert data.endswith(b"\n"), path.name
        data.decode("utf-8")


def test_ontology_pattern_classes_are_defined() -> None:
    classes = json.loads(CLASS_FILE.read_text(encoding="utf-8"))
    used = {
        value[1:]
        for record in raw_records()
        for field in SET_FIELDS
        for value in record.get(field, [])
        if value.startswith("@")
    }
    assert used <= set(classes)
    assert list(classes) == sorted(classes)
    for name, members in classes.items():
        assert members == sorted(set(members)), name


def test_ontology_patterns_use_known_codes(ontology: Ontology) -> None:
    for pattern in ontology.patterns:
        assert pattern.cameo == NO_EVENT or ontology.is_code(pattern.cameo), pattern.id
        assert 0 < pattern.confidence <= 1, pattern.id
        assert pattern.note.startswith(
            "no event" if pattern.cameo == NO_EVENT else f"CAMEO {pattern.cameo} "
        ), pattern.id


def test_ontology_patterns_are_broad(ontology: Ontology) -> None:
    codes = {pattern.cameo for pattern in ontology.patterns if pattern.cameo != NO_EVENT}
    three_digit = {code for code in ontology.codes if len(code) == 3}
    assert len(ontology.patterns) >= 450
    assert {code[:2] for code in codes} == {f"{root:02d}" for root in range(1, 21)}
    assert len({code[:3] for code in codes if len(code) >= 3} & three_digit) >= 0.8 * len(three_digit)
    assert {"NOUN", "VERB"} == {pattern.pos for pattern in ontology.patterns}


def _can_tie(first: VerbPattern, second: VerbPattern) -> bool:
    """Both could match one trigger with equal specificity."""
    scalars = ("lemma", "pos", "particle", "prep", "object_country")
    if any(getattr(first, name) != getattr(second, name) for name in scalars):
        return False
    for field in SET_FIELDS:
        a, b = getattr(first, field), getattr(second, field)
        if bool(a) != bool(b) or (a and not a & b):
            return False
    return first.source == second.source


def test_ontology_patterns_have_no_ambiguous_ties(ontology: Ontology) -> None:
    """Two patterns that could both match with the same specificity must agree on the code;
    otherwise the winner would depend on file order alone."""
    by_trigger: dict[tuple[str, str], list[VerbPattern]] = {}
    for pattern in ontology.patterns:
        by_trigger.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
    clashes = [
        (a.id, b.id)
        for group in by_trigger.values()
        for a, b in combinations(group, 2)
        if a.cameo != b.cameo and _can_tie(a, b)
    ]
    assert clashes == []


def test_ontology_bare_call_is_never_a_phone_call(ontology: Ontology) -> None:
    for pattern in ontology.patterns_for("call", "VERB"):
        if pattern.cameo == "041":
            assert pattern.prep_object & {"phone", "telephone"}, pattern.id




CASES = [
    # (lemma, pos, context, expected cameo or None, extra expectations)
    ("call", "VERB", ctx(object="putin", attr="killer"), "111", {}),
    ("call", "VERB", ctx(object="putin"), None, {}),
    ("call", "VERB", ctx(object="putin", preps={"by": "phone"}), "041", {}),
    ("call", "VERB", ctx(preps={"on": "russia"}), "020", {}),
    ("call", "VERB", ctx(preps={"for": "talk"}), "026", {}),
    ("call", "VERB", ctx(particle="off", object="talk"), "164", {}),
    ("describe", "VERB", ctx(object="he", attr="murderer"), "111", {}),
    ("be", "VERB", ctx(attr="murderer"), "111", {"source": "speaker"}),
    ("pay", "VERB", ctx(object="price"), "130", {"source": "speaker"}),
    ("recall", "VERB", ctx(object="ambassador", object_country="same"), "161", {"target": "posted_to"}),
    ("summon", "VERB", ctx(object="ambassador", object_country="same"), "161", {"target": "posted_to"}),
    ("summon", "VERB", ctx(object="ambassador", object_country="other"), "114", {}),
    ("expel", "VERB", ctx(object="diplomat"), "161", {}),
    ("expel", "VERB", ctx(object="journalist"), "174", {}),
    ("suggest", "VERB", ctx(xcomp="hold"), "036", {}),
    ("propose", "VERB", ctx(object="talk"), "036", {}),
    ("offer", "VERB", ctx(object="negotiation"), "036", {}),
    ("offer", "VERB", ctx(xcomp="mediate"), "039", {}),
    ("accept", "VERB", ctx(object="proposal"), "030", {}),
    ("accept", "VERB", ctx(object="mediation"), "038", {}),
    ("deny", "VERB", ctx(object="accusation"), "016", {}),
    ("deny", "VERB", ctx(object="involvement"), "016", {}),
    ("impose", "VERB", ctx(object="sanction", preps={"on": "iran"}), "163", {}),
    ("impose", "VERB", ctx(object="curfew"), "1723", {}),
    ("send", "VERB", ctx(object="troop"), "074", {}),
    ("send", "VERB", ctx(object="troop", preps={"to": "border"}), "154", {}),
    ("send", "VERB", ctx(object="weapon"), "072", {}),
    ("telephone", "VERB", ctx(object="merkel"), "041", {}),
    ("apologize", "VERB", ctx(), "055", {}),
    ("accuse", "VERB", ctx(object="minister", preps={"of": "corruption"}), "1121", {}),
    ("accuse", "VERB", ctx(object="russia", preps={"of": "spying"}), "1125", {}),
    ("accuse", "VERB", ctx(object="russia"), "112", {}),
    ("threaten", "VERB", ctx(xcomp="invade"), "1382", {}),
    ("threaten", "VERB", ctx(object="sanction"), "1312", {}),
    ("threaten", "VERB", ctx(), "130", {}),
    ("release", "VERB", ctx(object="prisoner"), "0841", {}),
    ("release", "VERB", ctx(object="statement"), None, {}),
    ("withdraw", "VERB", ctx(object="troop"), "0874", {}),
    ("withdraw", "VERB", ctx(preps={"from": "talk"}), "164", {}),
    ("sever", "VERB", ctx(object="tie"), "161", {}),
    ("cut", "VERB", ctx(object="aid"), "162", {}),
    ("boycott", "VERB", ctx(object="election"), "143", {}),
    ("fire", "VERB", ctx(object="rocket", preps={"at": "town"}), "194", {}),
    ("fire", "VERB", ctx(object="minister"), None, {}),
    ("strike", "VERB", ctx(object="target"), "190", {}),
    ("kill", "VERB", ctx(object="civilian"), "190", {}),
    ("arrest", "VERB", ctx(object="activist"), "173", {}),
    ("sentence", "VERB", ctx(preps={"to": "year"}), "173", {}),
    ("charge", "VERB", ctx(preps={"with": "murder"}), "115", {}),
    ("convict", "VERB", ctx(), "116", {}),
    ("meet", "VERB", ctx(preps={"with": "putin"}), "040", {}),
    ("visit", "VERB", ctx(object="beijing"), "042", {}),
    ("host", "VERB", ctx(object="president"), "043", {}),
    ("sign", "VERB", ctx(object="treaty"), "057", {}),
    ("praise", "VERB", ctx(), "051", {}),
    ("investigate", "VERB", ctx(object="corruption"), "091", {}),
    ("demand", "VERB", ctx(object="release"), "1053", {}),
    ("urge", "VERB", ctx(xcomp="withdraw"), "0256", {}),
    ("refuse", "VERB", ctx(xcomp="resign"), "1231", {}),
    ("veto", "VERB", ctx(object="resolution"), "129", {}),
    ("take", "VERB", ctx(preps={"to": "street"}), "141", {}),
    ("mobilize", "VERB", ctx(object="troop"), "154", {}),
    ("disperse", "VERB", ctx(object="protester"), "175", {}),
    ("blockade", "VERB", ctx(object="port"), "191", {}),
    ("kidnap", "VERB", ctx(), "181", {}),
    ("assassinate", "VERB", ctx(), "186", {}),
    ("violate", "VERB", ctx(object="ceasefire"), "196", {}),
    ("massacre", "VERB", ctx(), "202", {}),
    ("declare", "VERB", ctx(object="ceasefire"), "0871", {}),
    ("talk", "NOUN", ctx(preps={"with": "iran"}), "046", {}),
    ("sanction", "NOUN", ctx(preps={"on": "russia"}), "163", {}),
    ("sanction", "NOUN", ctx(preps={"against": "russia"}), "163", {}),
    ("airstrike", "NOUN", ctx(preps={"on": "town"}), "195", {}),
    ("protest", "NOUN", ctx(preps={"against": "government"}), "141", {}),
    ("visit", "NOUN", ctx(preps={"to": "china"}), "042", {}),
    ("call", "NOUN", ctx(preps={"with": "biden"}), "041", {}),
    # patterns 1.1.0: constructions from news that the first table missed
    ("stag", "VERB", ctx(object="rally"), "141", {}),  # spaCy: "staged" -> "stag"
    ("stag", "VERB", ctx(object="walkout"), "143", {}),
    ("wag", "VERB", ctx(object="war"), "190", {}),
    ("rap", "VERB", ctx(object="woman"), "1821", {}),
    ("rap", "VERB", ctx(object="minister"), None, {}),
    ("agree", "VERB", ctx(preps={"to": "truce"}), "0356", {}),
    ("lift", "VERB", ctx(object="curfew"), "081", {}),
    ("ease", "VERB", ctx(object="emergency"), "081", {}),
    ("cancel", "VERB", ctx(object="restriction"), "081", {}),
    ("cancel", "VERB", ctx(object="embargo"), "085", {}),
    ("launch", "VERB", ctx(object="protest"), "141", {}),
    ("complete", "VERB", ctx(object="inquiry"), "090", {}),
    ("complete", "VERB", ctx(object="probe", preps={"into": "fraud"}), "091", {}),
    ("open", "VERB", ctx(object="hearing"), "090", {}),
    ("hearing", "NOUN", ctx(preps={"into": "torture"}), "092", {}),
    ("present", "VERB", ctx(object="evidence", preps={"against": "syria"}), "112", {"target": "prep"}),
    ("present", "VERB", ctx(object="plan"), None, {}),
    ("insist", "VERB", ctx(preps={"on": "demand"}), "100", {}),
    ("push", "VERB", ctx(preps={"for": "truce"}), "1056", {}),
    ("push", "VERB", ctx(preps={"for": "sanction"}), "1042", {}),
    ("push", "VERB", ctx(object="button"), None, {}),
    ("pressure", "VERB", ctx(object="publisher", xcomp="withdraw"), "1056", {}),
    ("prohibit", "VERB", ctx(object="assistance"), "162", {}),
    ("block", "VERB", ctx(object="loan"), "1621", {}),
    ("engage", "VERB", ctx(object="peacekeeper", preps={"in": "gunfight"}), "193", {}),
    ("engage", "VERB", ctx(object="soldier", preps={"in": "skirmish"}), "190", {}),
    ("capture", "VERB", ctx(object="part"), "192", {}),
    ("evacuate", "VERB", ctx(object="wound"), "073", {}),
    ("allow", "VERB", ctx(xcomp="rally"), "0811", {}),
    ("allow", "VERB", ctx(xcomp="land"), "086", {}),
    ("advise", "VERB", ctx(preps={"against": "trip"}), "160", {}),
    ("advise", "VERB", ctx(preps={"on": "trip"}), None, {}),
    ("share", "VERB", ctx(object="know-how"), "060", {}),
    ("tighten", "VERB", ctx(object="blockade"), "191", {}),
    ("hold", "VERB", ctx(object="villager", preps={"as": "shield"}), "184", {}),
    ("hold", "VERB", ctx(object="election"), None, {}),
    ("swear", "VERB", ctx(xcomp="fight"), "138", {}),
    ("force", "VERB", ctx(object="charity", xcomp="leave"), "1663", {}),
    ("force", "VERB", ctx(object="door"), None, {}),
    # patterns 1.2.0: orders, alerts, continued protests, stone throwing, borders, cooperation
    ("order", "VERB", ctx(object="broadcaster", xcomp="suspend"), "1721", {}),
    ("order", "VERB", ctx(object="charity", xcomp="shut"), "172", {}),
    ("order", "VERB", ctx(object="company", xcomp="stop"), None, {}),
    ("order", "VERB", ctx(object="army", xcomp="halt"), "087", {}),
    ("order", "VERB", ctx(object="envoy", xcomp="depart"), "161", {}),
    ("order", "VERB", ctx(object="monitor", xcomp="leave"), "1662", {}),
    ("order", "VERB", ctx(object="ngo", xcomp="quit"), "1663", {}),
    ("order", "VERB", ctx(object="correspondent", xcomp="leave"), "174", {}),
    ("order", "VERB", ctx(object="settler", xcomp="leave"), "166", {}),
    ("force", "VERB", ctx(object="peacekeeper"), "1661", {}),
    ("force", "VERB", ctx(object="attaché"), "161", {}),
    ("set", "VERB", ctx(object="fire", preps={"to": "office"}), "171", {}),
    ("torch", "VERB", ctx(object="car"), "171", {}),
    ("demolish", "VERB", ctx(object="house"), "1712", {}),
    ("prevent", "VERB", ctx(object="rally"), "1721", {}),
    ("prevent", "VERB", ctx(object="student", preps={"from": "march"}), "1721", {}),
    ("prevent", "VERB", ctx(object="flood"), None, {}),
    ("block", "VERB", ctx(object="sit-in"), "1721", {}),
    ("remain", "VERB", ctx(preps={"on": "alert"}), "150", {}),
    ("remain", "VERB", ctx(preps={"in": "stadium"}), None, {}),
    ("go", "VERB", ctx(preps={"on": "standby"}), "150", {}),
    ("be", "VERB", ctx(preps={"on": "alert"}), "150", {}),
    ("put", "VERB", ctx(object="arsenal", preps={"on": "alert"}), "150", {}),
    ("put", "VERB", ctx(object="plan", preps={"on": "hold"}), None, {}),
    ("call", "VERB", ctx(particle="up", object="reservist"), "154", {}),
    ("train", "VERB", ctx(object="hacker"), "154", {}),
    ("train", "VERB", ctx(object="soldier", object_country="same"), "154", {}),
    ("train", "VERB", ctx(object="soldier", object_country="other"), "062", {}),
    ("train", "VERB", ctx(object="team"), None, {}),
    ("continue", "VERB", ctx(object="hunger strike"), "142", {}),
    ("continue", "VERB", ctx(object="walkout"), "143", {}),
    ("continue", "VERB", ctx(object="vigil"), "141", {}),
    ("continue", "VERB", ctx(object="celebration"), None, {}),
    ("keep", "VERB", ctx(particle="up", object="protest"), "141", {}),
    ("keep", "VERB", ctx(object="protest"), None, {}),
    ("launch", "VERB", ctx(object="hunger strike"), "142", {}),
    ("go", "VERB", ctx(preps={"on": "hunger strike"}), "142", {}),
    ("hunger strike", "NOUN", ctx(), "142", {}),
    ("throw", "VERB", ctx(object="rock", preps={"at": "police"}), "145", {}),
    ("throw", "VERB", ctx(object="flower"), None, {}),
    ("pelt", "VERB", ctx(object="officer"), "145", {}),
    ("charge", "VERB", ctx(), "112", {}),
    ("charge", "VERB", ctx(object="defendant"), "115", {}),
    ("charge", "VERB", ctx(object="mob"), "175", {}),
    ("deny", "VERB", ctx(object="visa", preps={"to": "lawmaker"}), "160", {}),
    ("deny", "VERB", ctx(object="entry", preps={"to": "observer"}), "1245", {}),
    ("ship", "VERB", ctx(particle="out", object="peacekeeper"), "1661", {}),
    ("open", "VERB", ctx(object="frontier", preps={"to": "asylum-seeker"}), "073", {}),
    ("open", "VERB", ctx(object="border", preps={"for": "civilian"}), "073", {}),
    ("reopen", "VERB", ctx(object="crossing", preps={"to": "truck"}), "085", {}),
    ("reopen", "VERB", ctx(object="border", preps={"to": "peacekeeper"}), "0861", {}),
    ("open", "VERB", ctx(object="border"), "081", {}),
    ("open", "VERB", ctx(object="consulate", preps={"in": "erbil"}), "054", {"target": "prep"}),
    ("open", "VERB", ctx(object="exhibition", preps={"in": "paris"}), None, {}),
    ("recognize", "VERB", ctx(object="result"), "080", {}),
    ("recognize", "VERB", ctx(object="statehood"), "054", {}),
    ("expand", "VERB", ctx(object="liberty"), "0811", {}),
    ("restore", "VERB", ctx(object="suffrage"), "0833", {}),
    ("deepen", "VERB", ctx(object="partnership"), "060", {}),
    ("deepen", "VERB", ctx(object="cooperation", preps={"in": "energy"}), "061", {}),
    ("boost", "VERB", ctx(object="collaboration", preps={"in": "defence"}), "062", {}),
    ("expand", "VERB", ctx(object="tie"), "050", {}),
    ("strengthen", "VERB", ctx(object="partnership"), "050", {}),
    ("attend", "VERB", ctx(object="summit"), "040", {}),
    ("attend", "VERB", ctx(object="concert"), None, {}),
    ("return", "VERB", ctx(preps={"for": "negotiation"}), "040", {}),
    ("undertake", "VERB", ctx(object="mediation mission"), "045", {}),
    ("evacuate", "VERB", ctx(object="outpost"), "0872", {}),
    # patterns 1.4.0: retreats, concessions, aid sums, joint exercises
    ("release", "VERB", ctx(object="missionary"), "0841", {}),
    ("hand", "VERB", ctx(particle="over", object="captive", preps={"to": "cross"}), "0841", {}),
    ("hand", "VERB", ctx(particle="over", object="remains"), "0842", {}),
    ("hand", "VERB", ctx(particle="over", object="suspect"), "063", {}),
    ("pay", "VERB", ctx(object="reparation"), "0842", {}),
    ("pay", "VERB", ctx(object="salary"), None, {}),
    ("complete", "VERB", ctx(object="pullout", preps={"from": "enclave"}), "0874", {}),
    ("begin", "VERB", ctx(object="withdrawal"), "0874", {}),
    ("dismantle", "VERB", ctx(object="roadblock"), "0872", {}),
    ("dismantle", "VERB", ctx(object="arsenal"), "0873", {}),
    ("dismantle", "VERB", ctx(object="coalition"), None, {}),
    ("destroy", "VERB", ctx(object="stockpile"), "0873", {}),
    ("destroy", "VERB", ctx(object="village"), "1712", {}),
    ("agree", "VERB", ctx(xcomp="disarm"), "0356", {}),
    ("agree", "VERB", ctx(xcomp="readmit"), "0355", {}),
    ("agree", "VERB", ctx(preps={"to": "demand"}), "080", {}),
    ("let", "VERB", ctx(object="inspector"), "0862", {}),
    ("let", "VERB", ctx(object="charity"), "0863", {}),
    ("let", "VERB", ctx(object="child"), None, {}),
    ("allow", "VERB", ctx(object="monitor", xcomp="resume"), "0862", {}),
    ("allow", "VERB", ctx(object="peacekeeper", xcomp="enter"), "0861", {}),
    ("allow", "VERB", ctx(object="convoy", xcomp="reach"), "0863", {}),
    ("allow", "VERB", ctx(xcomp="resume"), "081", {}),
    ("permit", "VERB", ctx(object="relief"), "0863", {}),
    ("declare", "VERB", ctx(object="state", preps={"of": "emergency"}), "1724", {}),
    ("impose", "VERB", ctx(object="state", preps={"of": "siege"}), "1724", {}),
    ("lift", "VERB", ctx(object="state", preps={"of": "emergency"}), "081", {}),
    ("declare", "VERB", ctx(object="state", preps={"of": "mind"}), None, {}),
    ("sell", "VERB", ctx(object="howitzer", preps={"to": "ankara"}), "072", {}),
    ("sell", "VERB", ctx(object="car"), None, {}),
    ("side", "VERB", ctx(preps={"with": "athens"}), "053", {}),
    ("forgave", "VERB", ctx(object="rival"), "056", {}),
    ("rally", "VERB", ctx(object="opposition", preps={"against": "plan"}), "113", {}),
    ("rally", "VERB", ctx(preps={"against": "regime"}), "141", {}),
    ("stage", "VERB", ctx(object="drill", preps={"with": "navy"}), "062", {}),
    ("stage", "VERB", ctx(object="drill"), "150", {}),
    ("exercise", "NOUN", ctx(preps={"with": "ally"}), "062", {}),
    ("pledge", "VERB", ctx(object="million", preps={"in": "loan"}), "0331", {}),
    ("give", "VERB", ctx(object="billion", preps={"in": "medicine"}), "073", {}),
    ("provide", "VERB", ctx(object="million", preps={"in": "hardware"}), "072", {}),
    ("pledge", "VERB", ctx(object="million", preps={"in": "cash"}), "0331", {}),
    ("carry", "VERB", ctx(particle="out", object="massacre"), "202", {}),
    ("distribute", "VERB", ctx(object="ration"), "073", {}),
    ("distribute", "VERB", ctx(object="leaflet"), None, {}),
    # patterns 1.5.0: criticism and complaints, agreements struck, firing on targets
    ("voice", "VERB", ctx(object="unease", preps={"over": "buildup"}), "111", {}),
    ("express", "VERB", ctx(object="worry", preps={"about": "test"}), "111", {}),
    ("express", "VERB", ctx(object="worry"), "012", {}),
    ("raise", "VERB", ctx(object="concern", preps={"with": "beijing"}), "111", {}),
    ("brand", "VERB", ctx(object="tehran", attr="state"), "111", {}),
    ("put", "VERB", ctx(object="officer", preps={"on": "trial"}), "115", {}),
    ("put", "VERB", ctx(object="plan", preps={"on": "hold"}), None, {}),
    ("protest", "VERB", ctx(preps={"to": "islamabad"}), "114", {}),
    ("protest", "VERB", ctx(preps={"against": "tax"}), "1412", {}),
    ("strike", "VERB", ctx(object="pact", preps={"with": "seoul"}), "057", {}),
    ("strike", "VERB", ctx(object="accord"), "057", {}),
    ("strike", "VERB", ctx(object="bunker"), "190", {}),
    ("fire", "VERB", ctx(object="minister", preps={"on": "friday"}), None, {}),
    ("fire", "VERB", ctx(preps={"on": "convoy"}), "190", {}),
]


@pytest.mark.parametrize(
    ("lemma", "pos", "context", "cameo", "extra"),
    CASES,
    ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_ontology_pattern_lookup(
    ontology: Ontology,
    lemma: str,
    pos: str,
    context: PatternContext,
    cameo: str | None,
    extra: dict[str, str],
) -> None:
    chosen = select_pattern(ontology.patterns_for(lemma, pos), context)
    assert (chosen.cameo if chosen and chosen.cameo != NO_EVENT else None) == cameo
    for name, value in extra.items():
        assert getattr(chosen, name) == value


def test_ontology_patterns_for_recall(ontology: Ontology) -> None:
    found = ontology.patterns_for("recall", "VERB")
    assert any(p.cameo == "161" and p.object_country == "same" and "ambassador" in p.object for p in found)


def test_ontology_patterns_for_unknown_lemma(ontology: Ontology) -> None:
    assert ontology.patterns_for("photosynthesize", "VERB") == []


def test_ontology_patterns_for_keeps_file_order(ontology: Ontology) -> None:
    lines = [pattern.line for pattern in ontology.patterns_for("withdraw", "VERB")]
    assert lines == sorted(lines) and len(lines) > 3


@pytest.mark.parametrize("name", ["DIPLOMAT", "@DIPLOMAT"])
def test_ontology_lemma_class(ontology: Ontology, name: str) -> None:
    assert {"ambassador", "envoy"} <= ontology.lemma_class(name)


def test_ontology_unknown_lemma_class(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="NOPE"):
        ontology.lemma_class("NOPE")


@pytest.mark.parametrize(
    ("pattern", "context", "matches"),
    [
        (VerbPattern("a", "accuse", "112", prep="of"), ctx(preps={"of": "x"}), True),
        (VerbPattern("a", "accuse", "112", prep="of"), ctx(preps={"with": "x"}), False),
        (
            VerbPattern("a", "accuse", "1121", prep="of", prep_object=frozenset({"fraud"})),
            ctx(preps={"of": "fraud|theft"}),
            True,
        ),
        (
            VerbPattern("a", "recall", "161", object=frozenset({"envoy"}), object_country="same"),
            ctx(object="envoy", object_country="other"),
            False,
        ),
        (VerbPattern("a", "call", "164", particle="off"), ctx(), False),
    ],
)
def test_ontology_pattern_matches(pattern: VerbPattern, context: PatternContext, matches: bool) -> None:
    assert pattern.matches(context) is matches

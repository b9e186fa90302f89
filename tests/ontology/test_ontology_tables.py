"""CAMEO codes, Goldstein scores, quad classes, the PLOVER crosswalk and the version string."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from detente.ontology import Ontology, load_ontology


def test_ontology_is_cached() -> None:
    assert load_ontology() is load_ontology()


def test_ontology_has_every_cameo_code(ontology: Ontology) -> None:
    codes = ontology.codes
    assert len(codes) == 312
    assert len(set(codes)) == len(codes)
    assert {code[:2] for code in codes} == {f"{root:02d}" for root in range(1, 21)}


def test_ontology_codes_are_well_formed(ontology: Ontology) -> None:
    for code in ontology.codes:
        cameo_code = ontology.cameo(code)
        assert code.isdigit() and 2 <= len(code) <= 4
        assert cameo_code.root == code[:2]
        assert cameo_code.name.strip()


def test_ontology_parent_codes_exist(ontology: Ontology) -> None:
    for code in ontology.codes:
        assert ontology.is_code(code[:2]), code
        assert ontology.is_code(code[:3]), code


def test_ontology_goldstein_in_range(ontology: Ontology) -> None:
    for code in ontology.codes:
        cameo_code = ontology.cameo(code)
        assert -10 <= cameo_code.goldstein <= 10
        assert -10 <= cameo_code.goldstein_gdelt <= 10


@pytest.mark.parametrize(("code", "icews", "gdelt"), [
    ("016", -5.0, -2.0), ("022", 3.4, 3.2), ("164", -6.5, -7.0), ("165", -7.0, -6.5),
    ("057", 8.0, 8.0), ("1823", -10.0, -10.0), ("161", -4.0, -4.0),
])
def test_ontology_goldstein_values(ontology: Ontology, code: str, icews: float, gdelt: float) -> None:
    assert ontology.goldstein(code) == icews
    assert ontology.cameo(code).goldstein_gdelt == gdelt


@pytest.mark.parametrize(("code", "quad"), [
    ("01", 1), ("036", 1), ("057", 1), ("06", 2), ("0874", 2), ("094", 2), ("10", 3), ("112", 3),
    ("145", 3), ("154", 4), ("161", 4), ("173", 4), ("195", 4), ("2042", 4),
])
def test_ontology_quad_class_follows_gdelt(ontology: Ontology, code: str, quad: int) -> None:
    assert ontology.quad_class(code) == quad


@pytest.mark.parametrize(("code", "expected"), [
    ("161", ("SANCTION", "withdraw")),
    ("1121", ("ACCUSE", "allege")),
    ("041", ("CONSULT", "phone")),
    ("036", ("AGREE", None)),
    ("0861", ("RETREAT", "access")),  # trailing space in the source mode
    ("1712", ("ASSAULT", "seize")),
    ("163", ("COERCE", "restrict")),
    ("08", ("CONCEDE", None)),  # root listed twice in the source
    ("0211", ("REQUEST", "assist")),  # PLOVER drops CAMEO 02; plover_extensions.csv maps appeals
    ("013", (None, None)),  # and 01
    ("0831", ("RETREAT", "resign")),  # the manual's RETREAT covers resignations; detente's row wins
    ("0832", ("CONCEDE", None)),  # its siblings keep the crosswalk
])
def test_ontology_plover_lookup(ontology: Ontology, code: str,
                                expected: tuple[str | None, str | None]) -> None:
    assert ontology.plover(code) == expected


@pytest.mark.parametrize(("code", "context"), [
    ("1121", "crime;corruption"), ("094", "military;legal"), ("173", "legal"), ("040", None),
])
def test_ontology_plover_context(ontology: Ontology, code: str, context: str | None) -> None:
    assert ontology.plover_context(code) == context


def test_ontology_plover_falls_back_to_parent(data_copy: Path, ontology: Ontology) -> None:
    path = data_copy / "cameo_plover.csv"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("1121,", "112,"))]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    trimmed = load_ontology(data_copy)
    assert trimmed.plover("1121") == ("ACCUSE", None)  # root 11
    assert trimmed.plover("1122") == ontology.plover("1122")


def test_ontology_crosswalk_covers_codebook(ontology: Ontology) -> None:
    unmapped = ontology.manifest.unmapped_roots
    assert unmapped == {"01"}
    for code in ontology.codes:
        plover_type, _ = ontology.plover(code)
        assert (plover_type is None) == (code[:2] in unmapped), code


def test_ontology_unknown_code_raises_key_error(ontology: Ontology) -> None:
    with pytest.raises(KeyError, match="999"):
        ontology.cameo("999")


def test_ontology_version_names_every_table(ontology: Ontology) -> None:
    expected = (r"cameo-1\.1b3/plover-0\.8/plover_ext-[\d.]+/patterns-[\d.]+/goldstein-icews/quad-gdelt"
                r"/constructions-[\d.]+")
    assert re.fullmatch(expected, ontology.version), ontology.version


def test_ontology_version_follows_manifest(data_copy: Path) -> None:
    manifest = data_copy / "MANIFEST.toml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r'(?m)^patterns = "[^"]+"', 'patterns = "9.9"', text), encoding="utf-8")
    assert "/patterns-9.9/" in load_ontology(data_copy).version

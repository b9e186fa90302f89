"""The docs site's sources: the generated CLI reference is current, every record field is
documented, and every page named in mkdocs.yml exists (`make docs` builds it with warnings as
errors)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from detente.cli import main
from detente.models import ACTOR_KEYS, EVENT_FIELDS, Location

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def cli_reference_tool():  # tools/ is not a package
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "tools" / "cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_cli_reference_is_current() -> None:
    expected = cli_reference_tool().reference()
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == expected, "run tools/cli_reference.py"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_cli_reference_has_every_command(name: str) -> None:
    if not main.commands[name].hidden:
        assert f"## detente {name}\n" in (DOCS / "cli.md").read_text(encoding="utf-8")


LOCATION_KEYS = [key for key in Location.__dataclass_fields__ if key != "feature_class"]


@pytest.mark.parametrize("field", [*EVENT_FIELDS, *ACTOR_KEYS, *LOCATION_KEYS])
def test_docs_event_record_documents_every_field(field: str) -> None:
    table_keys = re.findall(r"^\| `([^`]+)`(?:, `([^`]+)`)?", (DOCS / "event_record.md").read_text(
        encoding="utf-8"), re.MULTILINE)
    assert field in {key for pair in table_keys for key in pair}


def test_docs_nav_pages_exist() -> None:
    pages = re.findall(r"^\s+- [^:]+: (\S+\.md)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                       re.MULTILINE)
    assert len(pages) >= 6
    assert [page for page in pages if not (DOCS / page).is_file()] == []

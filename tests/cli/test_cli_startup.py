"""Reading commands start without the coder's libraries: each runs in a fresh interpreter (as a
user types it) and reports which heavy modules it imported. Their timings are in
bench/cli_startup.py."""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

# Modules that only coding, clustering or model loading need (seconds to import between them).
CODER_MODULES = ("spacy", "sklearn", "pandas", "trafilatura")

RUN = """
import json, sys
from detente.cli import main
try:
    main(sys.argv[1:], prog_name="detente")
    status = 0
except SystemExit as exit:
    status = exit.code
print(json.dumps({"status": status, "modules": sorted({name.split(".")[0] for name in sys.modules})}))
"""

READERS = (["events"], ["counts"], ["stories"], ["clusters"], ["actors"], ["network"], ["dyad", "RUS", "USA"],
           ["export", "--output-format", "csv"], ["export", "--output-format", "plover"])


def imported_by(args: list[str]) -> dict[str, object]:
    """The exit status of `detente ARGS` and the modules of CODER_MODULES it imported."""
    done = subprocess.run([sys.executable, "-c", RUN, *args], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.splitlines()[-1])
    heavy = [name for name in CODER_MODULES if name in report["modules"]]
    return {"status": report["status"], "heavy": heavy}


@pytest.mark.parametrize("command", READERS, ids=" ".join)
def test_cli_reader_does_not_import_the_coder(status_file: Path, command: list[str]) -> None:
    report = imported_by([*command, "--db", str(status_file)])
    assert report == {"status": 0, "heavy": []}


def test_cli_check_does_not_import_the_coder(status_file: Path) -> None:
    """Exit 1: the fixture's hand-written events have no sentence rows, and check says so."""
    assert imported_by(["check", "--db", str(status_file)]) == {"status": 1, "heavy": []}


def test_cli_ingest_still_finds_the_coder() -> None:
    """The lazy command table loads the coding commands too (here only as far as their help)."""
    report = imported_by(["ingest", "--help"])
    assert report["status"] == 0
    assert "spacy" in report["heavy"]


def test_cli_command_table_names_every_command() -> None:
    """A command added to a module but not to COMMAND_MODULES would be missing from `detente`."""
    import detente.cli as cli

    for module in pkgutil.iter_modules(cli.__path__):
        importlib.import_module(f"detente.cli.{module.name}")
    defined = {name: command.callback.__module__.rsplit(".", 1)[-1]
               for name, command in cli.main.commands.items() if command.callback}
    assert defined == cli.COMMAND_MODULES

"""The notebook in examples/ runs: its code cells are executed in order in one namespace, from the
notebook's folder, as a kernel would (no Jupyter needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.mark.model
def test_examples_quickstart_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES)
    namespace: dict[str, object] = {}
    for source in code_cells(EXAMPLES / "quickstart.ipynb"):
        exec(compile(source, "quickstart.ipynb", "exec"), namespace)
    events = namespace["events"]
    assert isinstance(events, pd.DataFrame) and len(events) > 20
    assert events["doc_id"].nunique() > 10
    assert namespace["result"].events  # type: ignore[attr-defined]
    assert namespace["stored"] == 20 and len(namespace["clusters"]) > 10  # type: ignore[arg-type]
    assert len(namespace["monthly"]) > 0  # type: ignore[arg-type]

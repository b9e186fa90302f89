"""The report-ready dyad chart: what it says about itself, integer axes, gaps, formats."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from detente.errors import ConfigError
from detente.export.chart import DyadChart, chart_format, draw_dyad, plot_dyad
from detente.relations import dyad_series

CHART = DyadChart(actor_a="RUS", actor_b="USA", name_a="Russia", name_b="United States", by="month",
                  source_line="detente 0.1.0, status.duckdb")


def _texts(fig) -> list[str]:
    return [text.get_text() for text in fig.findobj(lambda artist: hasattr(artist, "get_text"))]


@pytest.mark.issue(14)
def test_export_chart_titles_range_n_and_source(status_db):
    fig = draw_dyad(dyad_series(status_db, "RUS", "USA", by="month"), CHART)
    texts = _texts(fig)
    assert "Russia and United States (RUS, USA)" in texts
    assert ("2021-01-01 to 2021-03-31, by month; N = 3 events (de-duplicated; current events only)"
            in texts)
    assert "Source: detente 0.1.0, status.duckdb" in texts


@pytest.mark.issue(14)
def test_export_chart_integer_axes_and_gaps(status_db):
    fig = draw_dyad(dyad_series(status_db, "RUS", "USA", by="month"), CHART)
    top, bottom = fig.axes[:2]
    for ax in (top, bottom):
        assert all(float(tick).is_integer() for tick in ax.get_yticks())
    forward, backward = top.get_lines()[:2]
    # January, February (no events: a gap, never a zero), March
    assert forward.get_ydata()[0] == 1 and math.isnan(forward.get_ydata()[1])
    assert math.isnan(backward.get_ydata()[1]) and math.isnan(backward.get_ydata()[2])
    labels = [label.get_text() for label in bottom.get_xticklabels()]
    assert labels == ["Jan 2021", "Feb 2021", "Mar 2021"]


@pytest.mark.issue(14)
def test_export_chart_is_greyscale(status_db):
    from matplotlib.colors import to_rgb

    fig = draw_dyad(dyad_series(status_db, "RUS", "USA", by="month"), CHART)
    colours = [to_rgb(line.get_color()) for ax in fig.axes for line in ax.get_lines()]
    colours += [to_rgb(patch.get_facecolor()) for ax in fig.axes for patch in ax.patches]
    assert colours and all(r == g == b for r, g, b in colours)


@pytest.mark.issue(14)
@pytest.mark.parametrize(("fmt", "magic"), [("png", b"\x89PNG"), ("svg", b"<?xml"), ("pdf", b"%PDF")])
def test_export_chart_formats(status_db, tmp_path: Path, fmt: str, magic: bytes):
    path = tmp_path / f"dyad.{fmt}"
    plot_dyad(dyad_series(status_db, "RUS", "USA", by="month"), path, chart=CHART)
    assert path.read_bytes().startswith(magic)


def test_export_chart_empty_series_and_bad_format(tmp_path: Path):
    assert "no events between these actors" in _texts(draw_dyad([], CHART))
    with pytest.raises(ConfigError, match="chart format 'gif'"):
        chart_format(tmp_path / "dyad.gif", None)
    assert chart_format(tmp_path / "dyad", "SVG") == "svg"

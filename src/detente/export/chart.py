"""The report-ready dyad chart: net cooperation per period in each direction (lines) over the
events per period by quad class (stacked bars), as PNG, SVG or PDF.

Made to be pasted into a report as it is: the title names both actors, the subtitle gives the
date range, the period length and N (events, i.e. clusters), a source line names the detente
version and database, count axes have integer ticks only, and a period with no events is a gap
in the lines (never a zero, which would read as a balanced relation). Everything is drawn in
black, greys and hatching, with line styles and markers that differ, so that it reads the same
when printed in greyscale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente import __version__
from detente.errors import ConfigError
from detente.filters import DEFAULT_FILTER, EventFilter, country_name
from detente.relations import DyadPeriod, next_period

CHART_FORMATS = ("png", "svg", "pdf")
# Quad class -> (label, fill grey, hatch): light to dark from cooperation to conflict.
QUAD_STYLE = {
    1: ("verbal cooperation", "0.92", ""),
    2: ("material cooperation", "0.70", "///"),
    3: ("verbal conflict", "0.45", ""),
    4: ("material conflict", "0.15", "xx"),
}
DIRECTION_STYLE = {"a_to_b": ("-", "o", "0.0"), "b_to_a": ("--", "s", "0.4")}
MAX_TICKS = 14
PERIOD_LABEL = {"day": "%d %b %Y", "week": "%d %b %Y", "month": "%b %Y", "year": "%Y"}


@dataclass(frozen=True)
class DyadChart:
    """What the chart says about itself: actor codes and names, period length, source line."""

    actor_a: str
    actor_b: str
    name_a: str
    name_b: str
    by: str
    source_line: str
    scope: str = "current events only"  # which statuses were counted

    @classmethod
    def for_dyad(cls, actor_a: str, actor_b: str, *, by: str, database: str | Path,
                 filters: EventFilter = DEFAULT_FILTER) -> DyadChart:
        """The chart of two actor codes: country names, "detente <version>, <db>", the filter's scope."""
        a, b = actor_a.strip().upper(), actor_b.strip().upper()
        return cls(actor_a=a, actor_b=b, name_a=country_name(a), name_b=country_name(b), by=by,
                   source_line=f"detente {__version__}, {Path(database).name}", scope=filters.scope)


def chart_format(path: str | Path, fmt: str | None) -> str:
    """``fmt``, else the file's extension; ConfigError when neither is a chart format."""
    chosen = (fmt or Path(path).suffix.lstrip(".")).lower()
    if chosen not in CHART_FORMATS:
        raise ConfigError(f"chart format {chosen or '(none)'!r}: use one of {', '.join(CHART_FORMATS)}",
                          code="D422")
    return chosen


def _subtitle(periods: Sequence[DyadPeriod], chart: DyadChart) -> str:
    events = sum(p.counts["both"].total for p in periods)
    if not periods:
        return "no events"
    last = next_period(periods[-1].period, chart.by) - dt.timedelta(days=1)
    return (f"{periods[0].period.isoformat()} to {last.isoformat()}, by {chart.by}; "
            f"N = {events} events (de-duplicated; {chart.scope})")


def _net_series(periods: Sequence[DyadPeriod], direction: str) -> list[float]:
    """Net cooperation per period; NaN (a gap) where that direction has no events."""
    values = [p.counts[direction].net_cooperation for p in periods]
    return [float("nan") if value is None else float(value) for value in values]


def _draw_lines(ax: Any, x: list[dt.datetime], periods: Sequence[DyadPeriod], chart: DyadChart) -> None:
    labels = {"a_to_b": f"{chart.name_a} \u2192 {chart.name_b}",
              "b_to_a": f"{chart.name_b} \u2192 {chart.name_a}"}
    for direction, (style, marker, grey) in DIRECTION_STYLE.items():
        ax.plot(x, _net_series(periods, direction), linestyle=style, marker=marker, color=grey,
                markerfacecolor="white" if direction == "b_to_a" else grey, linewidth=1.6,
                markersize=5, label=labels[direction])
    ax.axhline(0, color="0.5", linewidth=0.8)
    low, high = ax.get_ylim()
    ax.set_ylim(min(low, -1) - 0.5, max(high, 1) + 0.5)
    ax.set_ylabel("net cooperation\n(cooperation \u2212 conflict)")


def _draw_bars(ax: Any, x: list[dt.datetime], periods: Sequence[DyadPeriod], width: list[float]) -> None:
    bottom = [0] * len(periods)
    for quad, (label, grey, hatch) in QUAD_STYLE.items():
        heights = [p.counts["both"].quad[quad] for p in periods]
        ax.bar(x, heights, width=width, bottom=bottom, color=grey, hatch=hatch, edgecolor="0.2",
               linewidth=0.5, label=label)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    ax.set_ylabel("events by quad class")
    ax.set_ylim(0, max(max(bottom, default=0), 1) * 1.1)


def _shade_empty(axes: Sequence[Any], periods: Sequence[DyadPeriod], by: str) -> None:
    """A light band over each period with no events, in both panels."""
    for period in periods:
        if period.empty:
            for ax in axes:
                ax.axvspan(period.period, next_period(period.period, by), color="0.94",
                           linewidth=0, zorder=0, label="no events" if ax is axes[0] else None)


def _legends(top: Any, bottom: Any) -> None:
    handles, labels = top.get_legend_handles_labels()
    unique = dict(zip(labels, handles, strict=True))  # one "no events" entry
    top.legend(unique.values(), unique.keys(), loc="upper left", bbox_to_anchor=(1.01, 1.0),
               frameon=False, fontsize=8)
    bottom.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)


def _period_days(start: dt.date, by: str) -> float:
    return float((next_period(start, by) - start).days)


def _midpoint(start: dt.date, by: str) -> dt.datetime:
    return dt.datetime.combine(start, dt.time()) + dt.timedelta(days=_period_days(start, by) / 2)


STYLE = {"font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False,
         "hatch.linewidth": 0.6, "svg.hashsalt": "detente"}


def _draw_series(fig: Any, top: Any, bottom: Any, periods: Sequence[DyadPeriod], chart: DyadChart) -> None:
    if not periods:
        top.text(0.5, 0.5, "no events between these actors", ha="center", transform=top.transAxes)
        return
    x = [_midpoint(p.period, chart.by) for p in periods]
    _shade_empty((top, bottom), periods, chart.by)
    _draw_lines(top, x, periods, chart)
    _draw_bars(bottom, x, periods, width=[0.8 * _period_days(p.period, chart.by) for p in periods])
    _legends(top, bottom)
    step = -(-len(x) // MAX_TICKS)  # every period labelled, up to MAX_TICKS labels
    bottom.set_xticks(x[::step], [p.period.strftime(PERIOD_LABEL[chart.by]) for p in periods][::step])
    fig.autofmt_xdate()


def draw_dyad(periods: Sequence[DyadPeriod], chart: DyadChart) -> Any:
    """The chart of a dyad series (relations.dyad_series) as a matplotlib Figure."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(10, 6.2))
        top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
        _draw_series(fig, top, bottom, periods, chart)
        for ax in (top, bottom):
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.grid(axis="y", color="0.88", linewidth=0.6)
            ax.set_axisbelow(True)
        fig.suptitle(f"{chart.name_a} and {chart.name_b} ({chart.actor_a}, {chart.actor_b})",
                     x=0.06, ha="left", fontsize=13, fontweight="bold")
        top.set_title(_subtitle(periods, chart), loc="left", fontsize=9, color="0.25")
        fig.text(0.06, 0.012, f"Source: {chart.source_line}", fontsize=7.5, color="0.3")
        fig.subplots_adjust(left=0.1, right=0.76, top=0.88, bottom=0.14, hspace=0.12)
    return fig


def plot_dyad(periods: Sequence[DyadPeriod], path: str | Path, *, chart: DyadChart,
              fmt: str | None = None) -> None:
    """Draw the chart of a dyad series to ``path`` as png, svg or pdf (``fmt``, else the suffix)."""
    chosen = chart_format(path, fmt)
    import matplotlib

    fig = draw_dyad(periods, chart)
    with matplotlib.rc_context(STYLE):
        fig.savefig(path, format=chosen, dpi=150,
                    metadata={"Creator": chart.source_line} if chosen != "png" else None)


__all__ = ["CHART_FORMATS", "QUAD_STYLE", "DyadChart", "chart_format", "draw_dyad", "plot_dyad"]

"""Writers for relations: country network as CSV, JSON or GraphML, and the dyad chart as PNG."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import quoteattr

from detente.relations import DyadPeriod, Edge

NETWORK_FORMATS = ("csv", "json", "graphml")


def write_network_csv(edges: Sequence[Edge], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["source", "target", "weight", "goldstein_sum"])
    for edge in edges:
        writer.writerow([edge.source, edge.target, edge.weight, edge.goldstein_sum])


def write_network_json(edges: Sequence[Edge], stream: TextIO) -> None:
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    data = {
        "nodes": [{"id": n} for n in nodes],
        "edges": [
            {"source": e.source, "target": e.target, "weight": e.weight, "goldstein_sum": e.goldstein_sum}
            for e in edges
        ],
    }
    stream.write(json.dumps(data, indent=2) + "\n")


def write_network_graphml(edges: Sequence[Edge], stream: TextIO) -> None:
    """GraphML by hand: directed graph, integer ``weight`` and double ``goldstein_sum`` on edges."""
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
        '  <key id="goldstein_sum" for="edge" attr.name="goldstein_sum" attr.type="double"/>',
        '  <graph id="countries" edgedefault="directed">',
    ]
    lines += [f"    <node id={quoteattr(n)}/>" for n in nodes]
    for i, e in enumerate(edges):
        lines += [
            f'    <edge id="e{i}" source={quoteattr(e.source)} target={quoteattr(e.target)}>',
            f'      <data key="weight">{e.weight}</data>',
            f'      <data key="goldstein_sum">{e.goldstein_sum}</data>',
            "    </edge>",
        ]
    lines += ["  </graph>", "</graphml>"]
    stream.write("\n".join(lines) + "\n")


def write_network(edges: Sequence[Edge], fmt: str, stream: TextIO) -> None:
    writers = {"csv": write_network_csv, "json": write_network_json, "graphml": write_network_graphml}
    writers[fmt](edges, stream)


def plot_dyad(periods: Sequence[DyadPeriod], path: str | Path, *, actor_a: str, actor_b: str) -> None:
    """Net cooperation per period for A->B and B->A (lines) and cluster totals (bars), as PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [p.period for p in periods]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6), sharex=True)
    for direction, label in (("a_to_b", f"{actor_a} -> {actor_b}"), ("b_to_a", f"{actor_b} -> {actor_a}")):
        top.plot(x, [p.counts[direction].net_cooperation for p in periods], marker="o", label=label)
    top.axhline(0, color="grey", linewidth=0.8)
    top.set_ylabel("net cooperation\n(Q1+Q2 - Q3-Q4)")
    top.legend()
    width = 0.8 * ((x[1] - x[0]).days if len(x) > 1 else 1)
    bottom.bar(x, [p.counts["both"].total for p in periods], width=width, color="tab:grey")
    bottom.set_ylabel("events (clusters)")
    fig.suptitle(f"{actor_a} / {actor_b}")
    fig.autofmt_xdate()
    fig.savefig(path, dpi=100)
    plt.close(fig)


__all__ = [
    "NETWORK_FORMATS",
    "plot_dyad",
    "write_network",
    "write_network_csv",
    "write_network_graphml",
    "write_network_json",
]

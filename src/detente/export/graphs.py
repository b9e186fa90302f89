"""Writers for relations: country network as CSV, JSON or GraphML, and the dyad chart as PNG,
SVG or PDF (detente.export.chart)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO

from detente.export.chart import CHART_FORMATS, DyadChart, plot_dyad
from detente.relations import Edge

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
    """GraphML through networkx: a directed graph, integer ``weight`` and double ``goldstein_sum``
    on the edges (key ids are the attribute names)."""
    import networkx as nx  # 0.15 s to import: only GraphML needs it, not the other reading commands

    graph = nx.DiGraph(id="countries")
    for edge in edges:
        graph.add_edge(edge.source, edge.target, weight=int(edge.weight),
                       goldstein_sum=float(edge.goldstein_sum))
    for line in nx.generate_graphml(graph, encoding="utf-8", prettyprint=True, named_key_ids=True):
        stream.write(line + "\n")


def write_network(edges: Sequence[Edge], fmt: str, stream: TextIO) -> None:
    writers = {"csv": write_network_csv, "json": write_network_json, "graphml": write_network_graphml}
    writers[fmt](edges, stream)


__all__ = [
    "CHART_FORMATS",
    "NETWORK_FORMATS",
    "DyadChart",
    "plot_dyad",
    "write_network",
    "write_network_csv",
    "write_network_graphml",
    "write_network_json",
]

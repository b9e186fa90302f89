"""Writers for relations: country network as CSV, JSON or GraphML, and the dyad chart as PNG,
SVG or PDF (detente.export.chart)."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from typing import TextIO
from xml.sax.saxutils import quoteattr

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

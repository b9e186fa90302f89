from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from io import StringIO

import pytest

from detente.errors import ConfigError
from detente.export.graphs import write_network
from detente.filters import EventFilter
from detente.relations import country_network, dyad_series, period_start, top_actors


def test_relations_dyad_counts_clusters_not_reports(corpus_db):
    periods = dyad_series(corpus_db, "rus", "USA", by="day")
    assert [p.period.isoformat() for p in periods] == ["2021-03-17"]
    counts = periods[0].counts
    assert counts["a_to_b"].quad == {1: 0, 2: 0, 3: 0, 4: 1}  # three reports, one event
    assert counts["b_to_a"].total == 0
    assert counts["both"].net_cooperation == -1
    assert counts["both"].goldstein_mean == -4.0


def test_relations_dyad_both_directions_and_gap_filling(corpus_db):
    rows = [p.to_row() for p in dyad_series(corpus_db, "DEU", "RUS", by="day")]
    assert [r["period"] for r in rows] == ["2021-03-22"]
    assert (rows[0]["a_to_b_q1"], rows[0]["a_to_b_q3"], rows[0]["a_to_b_total"]) == (1, 1, 2)
    weekly = dyad_series(corpus_db, "TURMIL", "SYR", by="week")
    assert [(p.period.isoformat(), p.counts["a_to_b"].total) for p in weekly] == [
        ("2021-03-15", 1),
        ("2021-03-22", 1),
    ]
    daily = dyad_series(corpus_db, "TUR", "SYR", by="day")
    assert len(daily) == 8 and sum(p.counts["both"].total for p in daily) == 2


def test_relations_dyad_net_cooperation_mixes_quads(corpus_db):
    rows = [p.to_row() for p in dyad_series(corpus_db, "USA", "IRN", by="month")]
    assert [(r["period"], r["b_to_a_q3"], r["both_net_cooperation"]) for r in rows] == [
        ("2021-03-01", 1, -1),
        ("2021-04-01", 1, -1),
    ]
    # the March event falls before the 25th: March is present (the window starts there) but empty
    since = EventFilter(since=dt.date(2021, 3, 25))
    rows = [p.to_row() for p in dyad_series(corpus_db, "USA", "IRN", by="month", filters=since)]
    assert [(r["period"], r["both_total"], r["both_net_cooperation"], r["empty"]) for r in rows] == [
        ("2021-03-01", 0, None, True),
        ("2021-04-01", 1, -1, False),
    ]


def test_relations_negated_clusters_are_not_counted(corpus_db):
    periods = dyad_series(corpus_db, "JPN", "IDN", by="day")
    assert periods[0].counts["a_to_b"].quad[2] == 1  # the denial is left out


@pytest.mark.parametrize(
    ("day", "by", "start"),
    [
        ("2021-03-17", "week", "2021-03-15"),
        ("2021-03-21", "week", "2021-03-15"),
        ("2021-03-17", "month", "2021-03-01"),
        ("2021-03-17", "day", "2021-03-17"),
    ],
)
def test_relations_period_start(day, by, start):
    assert period_start(dt.date.fromisoformat(day), by) == dt.date.fromisoformat(start)


def test_relations_unknown_period_is_a_config_error(corpus_db):
    with pytest.raises(ConfigError, match="unknown period"):
        dyad_series(corpus_db, "RUS", "USA", by="decade")


def test_relations_top_actors(corpus_db):
    # actors count by their cluster's representative report: the DEU->RUS accusation cluster is
    # represented by its report whose target is "RUS" (no sector), so it does not count for RUSGOV
    ranked = top_actors(corpus_db, top=3)
    assert [(a.actor, a.as_source, a.as_target, a.total) for a in ranked] == [
        ("USAGOV", 1, 3, 4),
        ("CHNGOV", 1, 2, 3),
        ("RUSGOV", 2, 1, 3),
    ]


def test_relations_network_edges_and_graphml(corpus_db):
    edges = country_network(corpus_db)
    by_pair = {(e.source, e.target): e.weight for e in edges}
    assert by_pair[("RUS", "USA")] == 1 and by_pair[("TUR", "SYR")] == 2
    assert ("JPN", "IDN") in by_pair and by_pair[("JPN", "IDN")] == 1  # negated cluster excluded
    stream = StringIO()
    write_network(edges, "graphml", stream)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(stream.getvalue())
    xml_edges = root.findall(".//g:edge", ns)
    assert len(xml_edges) == len(edges)
    first = xml_edges[0]
    assert (first.get("source"), first.get("target")) == (edges[0].source, edges[0].target)
    assert first.find("g:data[@key='weight']", ns).text == str(edges[0].weight)


def test_relations_graphml_escapes_names():
    from detente.relations import Edge

    stream = StringIO()
    write_network([Edge('A&B "x"', "<C>", 2, -1.5)], "graphml", stream)
    root = ET.fromstring(stream.getvalue())
    node_ids = sorted(n.get("id") for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node"))
    assert node_ids == ["<C>", 'A&B "x"']


def test_relations_graphml_reads_back_with_types():
    import networkx as nx

    from detente.relations import Edge

    stream = StringIO()
    edges = [Edge("RUS", "USA", 3, -4.5), Edge("USA", "RUS", 1, 2.0)]
    write_network(edges, "graphml", stream)
    graph = nx.read_graphml(StringIO(stream.getvalue()))
    assert graph.is_directed()
    assert dict(graph.edges[("RUS", "USA")]) == {"weight": 3, "goldstein_sum": -4.5}
    assert isinstance(graph.edges[("USA", "RUS")]["weight"], int)

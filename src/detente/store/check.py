"""Integrity of a detente database: every row belongs to what it names, every count matches.

``check_store(con)`` runs each check and returns the problems found, one ``Problem`` per kind with
how many rows it concerns and a few examples; an empty list means the database is whole. Checks:
every event, sentence, actor and quote has its document; every event its sentence and (when it
names one) its quote; every document's ``content_hash`` is the sha256 of its text; every alias
points to a document with its text; and, where the database has clusters, every member's event
exists, every cluster has members and its ``num_mentions``, ``num_articles`` and ``num_sources``
match them (counted as ``detente.dedup`` counts them: member reports, their distinct documents,
their distinct outlets, each alias of a document a report too); the same for stories
(``num_documents``, ``num_sources``).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from detente.dedup.tables import cluster_counts_sql, story_counts_sql
from detente.store.schema import ALIASES

EXAMPLES = 3


@dataclass(frozen=True)
class Problem:
    """One kind of inconsistency: what it is, how many rows show it, and some of them."""

    check: str
    count: int
    examples: tuple[str, ...]

    def message(self) -> str:
        return f"{self.check}: {self.count} (e.g. {', '.join(self.examples)})"


# (description, SQL selecting one identifying string per offending row)
ROW_CHECKS: tuple[tuple[str, str], ...] = (
    ("events without their document",
     "SELECT e.event_id FROM events e ANTI JOIN documents d ON d.doc_id = e.doc_id"),
    ("events without their sentence",
     "SELECT e.event_id FROM events e ANTI JOIN sentences s ON s.doc_id = e.doc_id "
     "AND s.sentence_index = e.sentence_index"),
    ("events naming a quote that is not stored",
     "SELECT e.event_id FROM events e WHERE e.quote_id IS NOT NULL AND NOT EXISTS "
     "(SELECT 1 FROM quotes q WHERE q.quote_id = e.quote_id)"),
    ("sentences without their document",
     "SELECT s.doc_id || '#' || s.sentence_index FROM sentences s "
     "ANTI JOIN documents d ON d.doc_id = s.doc_id"),
    ("actors without their document",
     "SELECT a.doc_id || ':' || a.text FROM actors a ANTI JOIN documents d ON d.doc_id = a.doc_id"),
    ("quotes without their document",
     "SELECT q.quote_id FROM quotes q ANTI JOIN documents d ON d.doc_id = q.doc_id"),
    ("documents whose content_hash is not the sha256 of their text",
     "SELECT doc_id FROM documents WHERE content_hash <> sha256(text)"),
    ("aliases of a document that is not stored or has other text",
     f"SELECT a.alias_id FROM {ALIASES} a ANTI JOIN documents d ON d.doc_id = a.doc_id "
     "AND d.content_hash = a.content_hash"),
    ("aliases whose id is also a document",
     f"SELECT a.alias_id FROM {ALIASES} a SEMI JOIN documents d ON d.doc_id = a.alias_id"),
)

CLUSTER_CHECKS: tuple[tuple[str, str], ...] = (
    ("cluster members whose event is not stored",
     "SELECT m.event_id FROM cluster_members m ANTI JOIN events e ON e.event_id = m.event_id"),
    ("cluster members of a cluster that is not stored",
     "SELECT m.event_id FROM cluster_members m ANTI JOIN clusters c ON c.cluster_id = m.cluster_id"),
    ("clusters without members",
     "SELECT c.cluster_id FROM clusters c ANTI JOIN cluster_members m ON m.cluster_id = c.cluster_id"),
    ("clusters whose counts do not match their members", f"""
     WITH counted AS ({cluster_counts_sql()})
     SELECT c.cluster_id || ' (' || c.num_mentions || '/' || c.num_articles || '/' || c.num_sources
            || ' stored, ' || k.mentions || '/' || k.articles || '/' || k.sources || ' counted)'
     FROM clusters c JOIN counted k ON k.cluster_id = c.cluster_id
     WHERE (c.num_mentions, c.num_articles, c.num_sources)
           IS DISTINCT FROM (k.mentions, k.articles, k.sources)"""),
)


STORY_CHECKS: tuple[tuple[str, str], ...] = (
    ("story members whose document is not stored",
     "SELECT m.doc_id FROM story_members m ANTI JOIN documents d ON d.doc_id = m.doc_id"),
    ("story members of a story that is not stored",
     "SELECT m.doc_id FROM story_members m ANTI JOIN stories s ON s.story_id = m.story_id"),
    ("stories without members",
     "SELECT s.story_id FROM stories s ANTI JOIN story_members m ON m.story_id = s.story_id"),
    ("stories whose counts do not match their members", f"""
     WITH counted AS ({story_counts_sql()})
     SELECT s.story_id || ' (' || s.num_documents || '/' || s.num_sources || ' stored, '
            || k.documents || '/' || k.sources || ' counted)'
     FROM stories s JOIN counted k ON k.story_id = s.story_id
     WHERE (s.num_documents, s.num_sources) IS DISTINCT FROM (k.documents, k.sources)"""),
)


def tables_of(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def check_store(con: duckdb.DuckDBPyConnection) -> list[Problem]:
    """Every problem found (an empty list when the database is whole)."""
    checks = list(ROW_CHECKS)
    tables = tables_of(con)
    if {"clusters", "cluster_members"} <= tables:
        checks += CLUSTER_CHECKS
    if {"stories", "story_members"} <= tables:
        checks += STORY_CHECKS
    problems = []
    for description, sql in checks:
        rows = con.execute(f"SELECT * FROM ({sql}) ORDER BY 1").fetchall()
        if rows:
            problems.append(Problem(description, len(rows), tuple(str(r[0]) for r in rows[:EXAMPLES])))
    return problems


def store_summary(con: duckdb.DuckDBPyConnection) -> str:
    """How much was checked, for the line that says the database is whole."""
    tables = tables_of(con)
    counted = [("documents", "documents"), (ALIASES, "aliases"), ("events", "events"), ("quotes", "quotes"),
               ("clusters", "clusters"), ("stories", "stories")]
    parts = []
    for table, name in counted:
        if table in tables:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            parts.append(f"{row[0] if row else 0} {name}")
    return ", ".join(parts)


__all__ = ["Problem", "check_store", "store_summary"]

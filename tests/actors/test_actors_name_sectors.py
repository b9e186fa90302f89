"""Sectors from the words of unknown organisation names (name_sectors.csv, KnowledgeBase.name_sector)."""

from __future__ import annotations

import pytest

from detente.actors import ActorResolver
from detente.actors.lookup import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.mark.parametrize("name,sector", [
    ("Novaya Gazeta", "JRN"), ("Times of India", "JRN"), ("Hindustan Times", "JRN"),
    ("Daewoo Logistics", "BUS"), ("Hanjin Shipping Co", "BUS"), ("Radio Free Asia", "JRN"),
    ("Central Bank of Nigeria", "GOV"), ("Sudan Liberation Movement", "REB"), ("National Front", "PTY"),
    ("Bank of England", None), ("Times", None), ("Independent", None), ("Department of Energy", None),
    ("Ministry of Press", None), ("Kyiv", None),
])
def test_actors_name_sector_words(kb: KnowledgeBase, name: str, sector: str | None) -> None:
    assert kb.name_sector(name) == sector


@pytest.mark.parametrize("text,context,country,sector", [
    ("the Moscow Times", "The Moscow Times reported the attack.", "RUS", "JRN"),
    ("the Times of India", "The Times of India reported the attack.", "IND", "JRN"),
    ("Tata Steel", "Tata Steel cut jobs in Wales.", "IND", "BUS"),
    ("the Central Bank of Nigeria", "The Central Bank of Nigeria raised rates.", "NGA", "GOV"),
    ("Times Square", "Protesters gathered in Times Square on Sunday.", None, None),
    ("the Department of Energy", "The Department of Energy released the report.", None, None),
])
def test_actors_name_sector_resolves(resolver: ActorResolver, text: str, context: str,
                                     country: str | None, sector: str | None) -> None:
    actor = resolver.resolve_text(text, context=context)
    assert (actor.country, actor.sector) == (country, sector)

"""Actors of 1975-1999: time-bounded roles, states that no longer exist, armed groups of the era."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.actors.conftest import Resolve
from tests.actors.test_actors_tables import G20_AND_P5

from detente.actors.tables import load_tables


def _one(actors: list) -> tuple[str | None, str | None, str | None]:
    assert len(actors) == 1, actors
    return actors[0].name, actors[0].country, actors[0].sector


@pytest.mark.parametrize("sentence,head,on,expected", [
    # One person, several offices: the office held on the article date decides country and sector.
    ("Shevardnadze flew to Washington.", "Shevardnadze", dt.date(1988, 5, 1),
     ("Eduard Shevardnadze", "RUS", "GOV")),
    ("Shevardnadze flew to Washington.", "Shevardnadze", dt.date(1996, 5, 1),
     ("Eduard Shevardnadze", "GEO", "GOV")),
    ("Boutros-Ghali criticised the plan.", "Ghali", dt.date(1985, 1, 1),
     ("Boutros Boutros-Ghali", "EGY", "GOV")),
    ("Boutros-Ghali criticised the plan.", "Ghali", dt.date(1994, 1, 1),
     ("Boutros Boutros-Ghali", "UNO", "GOV")),
    ("Solana met the envoys.", "Solana", dt.date(1994, 1, 1), ("Javier Solana", "ESP", "GOV")),
    ("Solana met the envoys.", "Solana", dt.date(1997, 1, 1), ("Javier Solana", "IGO", "MIL")),
    ("Mandela met the delegation.", "Mandela", dt.date(1992, 1, 1), ("Nelson Mandela", "ZAF", "PTY")),
    ("Mandela met the delegation.", "Mandela", dt.date(1996, 1, 1), ("Nelson Mandela", "ZAF", "GOV")),
    ("Kagame met the delegation.", "Kagame", dt.date(1992, 1, 1), ("Paul Kagame", "RWA", "REB")),
    ("Sharon met the delegation.", "Sharon", dt.date(1982, 1, 1), ("Ariel Sharon", "ISR", "GOVMIL")),
    ("Sharon met the delegation.", "Sharon", dt.date(2000, 1, 1), ("Ariel Sharon", "ISR", "OPP")),
    # A surname shared by relatives or namesakes: the one in office on the date.
    ("Assad received the envoy.", "Assad", dt.date(1990, 1, 1), ("Hafez al-Assad", "SYR", "GOV")),
    ("Assad received the envoy.", "Assad", dt.date(2010, 1, 1), ("Bashar al-Assad", "SYR", "GOV")),
    ("Aliyev received the envoy.", "Aliyev", dt.date(1998, 1, 1), ("Heydar Aliyev", "AZE", "GOV")),
    ("Aliyev received the envoy.", "Aliyev", dt.date(2010, 1, 1), ("Ilham Aliyev", "AZE", "GOV")),
    ("Bush received the envoy.", "Bush", dt.date(1990, 1, 1), ("George H. W. Bush", "USA", "GOV")),
    ("Bush received the envoy.", "Bush", dt.date(2005, 1, 1), ("George W. Bush", "USA", "GOV")),
    ("Kabila received the envoy.", "Kabila", dt.date(1998, 1, 1),
     ("Laurent-Désiré Kabila", "COD", "GOV")),
    ("Kabila received the envoy.", "Kabila", dt.date(2005, 1, 1), ("Joseph Kabila", "COD", "GOV")),
    # Out of office on the date: still their country, sector ELI (former officials).
    ("Gorbachev gave a lecture.", "Gorbachev", dt.date(1987, 6, 1), ("Mikhail Gorbachev", "RUS", "GOV")),
    ("Gorbachev gave a lecture.", "Gorbachev", dt.date(2000, 1, 1), ("Mikhail Gorbachev", "RUS", "ELI")),
    ("Thatcher gave a lecture.", "Thatcher", dt.date(1995, 1, 1), ("Margaret Thatcher", "GBR", "ELI")),
    ("Pinochet was arrested.", "Pinochet", dt.date(1998, 10, 17), ("Augusto Pinochet", "CHL", "ELI")),
    # Spelling variants of the era's wire copy.
    ("Qadhafi attacked the proposal.", "Qadhafi", dt.date(1986, 4, 1), ("Muammar Gaddafi", "LBY", "GOV")),
    ("President Milosevic rejected the plan.", "Milosevic", dt.date(1995, 1, 1),
     ("Slobodan Milošević", "SRB", "GOV")),
    ("Tudjman rejected the plan.", "Tudjman", dt.date(1995, 1, 1), ("Franjo Tuđman", "HRV", "GOV")),
    ("Karadzic rejected the plan.", "Karadzic", dt.date(1994, 1, 1), ("Radovan Karadžić", "BIH", "REB")),
    ("Perez de Cuellar urged restraint.", "Cuellar", dt.date(1988, 1, 1),
     ("Javier Pérez de Cuéllar", "UNO", "GOV")),
])
def test_actors_history_time_bounded_roles(resolve: Resolve, sentence: str, head: str, on: dt.date,
                                           expected: tuple) -> None:
    assert _one(resolve(sentence, head, on=on)) == expected


@pytest.mark.parametrize("sentence,head,expected", [
    ("The Soviet Union deployed new missiles.", "Union", ("RUS", "GOV")),
    ("The USSR deployed new missiles.", "USSR", ("RUS", "GOV")),
    ("Soviet troops left the city.", "troops", ("RUS", "MIL")),
    ("The Soviets walked out of the talks.", "Soviets", ("RUS", "CVL")),
    ("Yugoslavia closed its border.", "Yugoslavia", ("SRB", "GOV")),
    ("The Yugoslav army shelled the town.", "army", ("SRB", "MIL")),
    ("Czechoslovakia signed the treaty.", "Czechoslovakia", ("CZE", "GOV")),
    ("East Germany opened the border.", "Germany", ("DEU", "GOV")),
    ("The West German government protested.", "government", ("DEU", "GOV")),
    ("Zaire expelled the diplomats.", "Zaire", ("COD", "GOV")),
    ("Zairean soldiers looted the town.", "soldiers", ("COD", "MIL")),
    ("Rhodesia declared independence.", "Rhodesia", ("ZWE", "GOV")),
    ("Burma closed its border.", "Burma", ("MMR", "GOV")),
    ("Kampuchea accused its neighbour.", "Kampuchea", ("KHM", "GOV")),
])
def test_actors_history_former_state_names(resolve: Resolve, sentence: str, head: str,
                                           expected: tuple) -> None:
    assert _one(resolve(sentence, head, on=dt.date(1985, 6, 1)))[1:] == expected


@pytest.mark.parametrize("iso3,adjective", [
    ("RUS", "Russian"), ("SRB", "Serbian"), ("COD", "Congolese"), ("DEU", "German"), ("CZE", "Czech"),
])
def test_actors_history_old_names_never_become_adjectives(iso3: str, adjective: str) -> None:
    assert load_tables().countries[iso3].adjective == adjective


@pytest.mark.parametrize("sentence,head,expected", [
    ("The Contras ambushed a convoy.", "Contras", ("NIC", "REB")),
    ("The Sandinistas won the vote.", "Sandinistas", ("NIC", "PTY")),
    ("The Polisario Front attacked a post.", "Front", ("MAR", "REB")),
    ("The KLA ambushed a patrol.", "KLA", ("KOS", "REB")),
    ("The NPFL seized the port.", "NPFL", ("LBR", "REB")),
    ("RENAMO rebels attacked a train.", "rebels", ("MOZ", "REB")),
    ("The Shining Path bombed a bridge.", "Path", ("PER", "REB")),
    ("ECOMOG troops entered the capital.", "troops", ("IGO", "MIL")),
    ("The Warsaw Pact held exercises.", "Pact", ("IGO", "MIL")),
    ("The CSCE sent observers.", "CSCE", ("IGO", "GOV")),
    ("The Knesset approved the budget.", "Knesset", ("ISR", "LEG")),
])
def test_actors_history_groups_of_the_era(resolve: Resolve, sentence: str, head: str,
                                          expected: tuple) -> None:
    assert _one(resolve(sentence, head, on=dt.date(1990, 6, 1)))[1:] == expected


@pytest.mark.parametrize("sentence,head,on,expected", [
    ("The Reagan administration vetoed the bill.", "administration", dt.date(1985, 1, 1), ("USA", "GOV")),
    ("The Mitterrand government devalued the franc.", "government", dt.date(1983, 1, 1), ("FRA", "GOV")),
    ("Gorbachev's government rejected the offer.", "government", dt.date(1989, 1, 1), ("RUS", "GOV")),
    ("Mugabe loyalists occupied the farm.", "loyalists", dt.date(2000, 1, 1), None),
])
def test_actors_history_leader_named_before_institution(resolve: Resolve, sentence: str, head: str,
                                                        on: dt.date, expected: tuple | None) -> None:
    actors = resolve(sentence, head, on=on)
    if expected is None:  # a leader's name alone does not make a non-agent noun an actor
        assert actors == []
    else:
        assert _one(actors)[1:] == expected


@pytest.mark.parametrize("country", G20_AND_P5)
def test_actors_history_leaders_cover_1975_1999(country: str) -> None:
    roles = [r for terms in load_tables().roles.values() for r in terms if r.country == country and r.start]
    years = {year for r in roles for year in range(r.start.year, (r.end.year if r.end else 2026) + 1)}
    assert set(range(1975, 2000)) <= years

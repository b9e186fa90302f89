"""Relative dates: detente.dates against dateparser on the date tests' cases.

    .venv/bin/python bench/dates_dateparser.py [--show]

Reads the cases of tests/dates/test_dates_expressions.py (expression, publication date, expected
date and precision; the non-points that must give no date; the future-tense cases) and resolves
each with ``detente.dates.resolve_expression`` and with dateparser (``DateDataParser``, relative
to the publication date, past or future preferred as the case says, periods as precision; the
same leading "on"/"in" stripped). A month or year precision counts as its first day, as
detente records it; dateparser's "week" counts as the month (or year) holding the whole week,
detente's convention. "both" is detente with dateparser for what detente leaves unresolved.
Prints accuracy per group and phrases per second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dateparser
from dateparser.date import DateDataParser

from detente.dates import _LEAD, resolve_expression

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package, for its cases
from tests.dates import test_dates_expressions as cases

Resolved = tuple[dt.date, str] | None


def params(test: Callable[..., Any]) -> list[tuple[Any, ...]]:
    [mark] = [m for m in test.pytestmark if m.name == "parametrize"]
    return [value if isinstance(value, tuple) else (value,) for value in mark.args[1]]


def normalise(day: dt.date, period: str) -> tuple[dt.date, str]:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return monday.replace(day=1), "month"
        return dt.date(sunday.year, 1, 1), "year"
    if period == "month":
        return day.replace(day=1), "month"
    if period == "year":
        return dt.date(day.year, 1, 1), "year"
    return day, "day"


def with_dateparser(text: str, published: dt.date, future: bool = False) -> Resolved:
    phrase = _LEAD.sub("", " ".join(text.split()).strip(" ,.")) or text
    base = dt.datetime(published.year, published.month, published.day, 12)
    parser = DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_TIME_AS_PERIOD": True, "PREFER_DAY_OF_MONTH": "first"})
    data = parser.get_date_data(phrase)
    if data.date_obj is None:
        return None
    period = "day" if data.period == "time" else data.period
    return normalise(data.date_obj.date(), period or "day")


def with_detente(text: str, published: dt.date, future: bool = False) -> Resolved:
    return resolve_expression(text, published, future=future)


def with_both(text: str, published: dt.date, future: bool = False) -> Resolved:
    """detente first, dateparser for what detente leaves unresolved."""
    return with_detente(text, published, future) or with_dateparser(text, published, future)


def groups() -> dict[str, list[tuple[str, dt.date, bool, Resolved, bool]]]:
    """Group -> (text, published, future, expected, compare only the date)."""
    sunday = cases.SUNDAY
    return {
        "expression types": [(t, sunday, False, (d, p), False)
                             for t, d, p in params(cases.test_dates_expression_types)],
        "relative to publication": [(t, pub, False, (d, p), False)
                                    for t, pub, d, p in params(cases.test_dates_relative_to_publication)],
        "future takes next": [(t, sunday, True, (d, "day"), True)
                              for t, d in params(cases.test_dates_future_takes_next)],
        "non-points give none": [(t, sunday, False, None, False)
                                 for (t,) in params(cases.test_dates_non_points_give_none)],
    }


def right(got: Resolved, expected: Resolved, date_only: bool) -> bool:
    if expected is None or got is None:
        return got == expected
    return got[0] == expected[0] if date_only else got == expected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every case dateparser gets wrong")
    args = parser.parse_args()
    print(f"dateparser {dateparser.__version__}")
    variants = {"detente": with_detente, "dateparser": with_dateparser, "both": with_both}
    totals = {label: [0, 0.0] for label in variants}
    count = 0
    for name, group in groups().items():
        scores = {}
        for label, resolve in variants.items():
            start = time.perf_counter()
            results = [(case, resolve(text, pub, fut)) for case in group for text, pub, fut, _, _ in [case]]
            totals[label][1] += time.perf_counter() - start
            good = sum(right(got, case[3], case[4]) for case, got in results)
            totals[label][0] += good
            scores[label] = good
            if args.show and label == "dateparser":
                for case, got in results:
                    if not right(got, case[3], case[4]):
                        print(f"  dateparser {case[0]!r} ({case[1]}): {got}, expected {case[3]}")
        count += len(group)
        print(f"{name:26} n={len(group):3}  " + "  ".join(f"{k} {v:3}" for k, v in scores.items()))
    for label, (good, seconds) in totals.items():
        print(f"{label:10} {good}/{count} right ({good / count:.0%}), {count / seconds:,.0f} phrases/s")


if __name__ == "__main__":
    main()

"""What follows from the input as read, said once for a whole run (the CLI prints it, the API logs it)."""

from __future__ import annotations


def undated_message(undated: int, total: int, *, hint: str) -> str | None:
    """A warning when ``undated`` of ``total`` documents have no publication date, else None.

    ``hint`` says how to give dates where the message is shown (an option, an argument).
    """
    if not undated:
        return None
    return (f"{undated} of {total} document(s) have no publication date: relative dates in them "
            "('yesterday', 'last Wednesday', 'in March') cannot be resolved, so their events are "
            "dated only where the text names a year, and most will have no date (they are left out "
            "of date filters, counts per period and dyad charts). " + hint)


__all__ = ["undated_message"]

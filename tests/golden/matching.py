"""Must / must-not matching for golden tests (same rules as ../shared/tools/check_seed.py).

An expectation's value may be a single value or a list of acceptable values; `null` in a list
accepts a missing actor or field.
"""

from __future__ import annotations

from typing import Any


def _accepts(want: Any, got: Any) -> bool:
    options = want if isinstance(want, list) else [want]
    return got in options


def actor_ok(got: dict[str, Any] | None, want: dict[str, Any] | None) -> bool:
    if not want:
        return True
    got = got or {}
    for key in ("country", "sector"):
        if key in want and not _accepts(want[key], got.get(key)):
            return False
    return "name" not in want or (got.get("name") or "") == want["name"]


def matches(event: dict[str, Any], expected: dict[str, Any]) -> bool:
    if not (actor_ok(event.get("source"), expected.get("source"))
            and actor_ok(event.get("target"), expected.get("target"))):
        return False
    code_ok = "cameo" in expected and event.get("cameo") in expected["cameo"]
    root_ok = "cameo_root" in expected and event.get("cameo_root") in expected["cameo_root"]
    if ("cameo" in expected or "cameo_root" in expected) and not (code_ok or root_ok):
        return False
    for key in ("plover", "date", "quad_class"):
        if key in expected and event.get(key) not in expected[key]:
            return False
    sentence = event.get("sentence") or ""
    if "evidence_contains" in expected and not any(w in sentence for w in expected["evidence_contains"]):
        return False
    if "actor_name_contains" in expected:
        names = " ".join(str((event.get(r) or {}).get(k) or "") for r in ("source", "target")
                         for k in ("text", "name"))
        return any(w in names for w in expected["actor_name_contains"])
    return True


def describe(events: list[dict[str, Any]]) -> str:
    lines = []
    for e in events:
        s, t = e.get("source") or {}, e.get("target") or {}
        lines.append(f"{s.get('code')}->{t.get('code')} {e.get('cameo')} {e.get('plover')} {e.get('date')} "
                     f"neg={e.get('negated')} {e.get('coder')}: {(e.get('sentence') or '')[:80]}")
    return "\n".join(lines)

"""The report years every text's ``{base}`` and ``{target}`` take: bound by the caller that holds
the report (``ma.Report`` binds its own while its methods run), else the latest report's."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import Any

# The report years bound by the caller (``years_bound``: a ``Report`` session binds its own
# while its methods run); None: not bound.
_BOUND_YEARS: contextvars.ContextVar[dict[str, int] | None] = contextvars.ContextVar(
    "muye_report_years", default=None
)


@contextlib.contextmanager
def years_bound(*, base: int, target: int) -> Iterator[None]:
    """Within the block, ``{base}``/``{target}`` of every text are these years (the report the
    caller holds) and no text reads the curated rows to find them."""
    token = _BOUND_YEARS.set({"base": int(base), "target": int(target)})
    try:
        yield
    finally:
        _BOUND_YEARS.reset(token)


def bound_years() -> dict[str, int] | None:
    """The years bound by :func:`years_bound` (``base``, ``target``), or None."""
    bound = _BOUND_YEARS.get()
    return None if bound is None else dict(bound)


def report_years() -> dict[str, int]:
    """The year the report covers (``base``) and the year it plans (``target``): those bound by
    :func:`years_bound` (a ``Report`` session binds its own); when none are bound, the latest
    report's, from its origin record (``muye_analysis.reports``) — code that holds a report
    should bind it rather than rely on this."""
    bound = bound_years()
    if bound is not None:
        return bound
    from muye_analysis.reports import latest_report

    latest = latest_report()
    return {"base": latest.base_year, "target": latest.plan_year}


def fill_years(fields: dict[str, Any]) -> None:
    """``base``/``target`` and their aliases ``base_year``/``plan_year`` (the names
    ``Report.years`` uses), one filled from the other, else from :func:`report_years`."""
    for short, long in (("base", "base_year"), ("target", "plan_year")):
        if short in fields and long not in fields:
            fields[long] = fields[short]
        elif long in fields and short not in fields:
            fields[short] = fields[long]
    if not all(k in fields for k in ("base", "target")):
        years = report_years()
        fields.setdefault("base", years["base"])
        fields.setdefault("target", years["target"])
        fields.setdefault("base_year", fields["base"])
        fields.setdefault("plan_year", fields["target"])


__all__ = ["bound_years", "fill_years", "report_years", "years_bound"]

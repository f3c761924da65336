"""One-line takeaways of the report charts: the claims of :mod:`muye_analysis.claims.charts`,
rendered. Each function takes the tables the chart takes and returns one sentence in ``lang``;
the tests check them against values worked out by hand from the report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.claims import charts

if TYPE_CHECKING:
    import pandas as pd


def _said(claim, what: str, lang: str) -> str:
    sentence = vocab.say(claim, lang)
    if sentence is None:
        raise ValueError(f"no {what} to summarise ({', '.join(claim.conditions)})")
    return sentence


def ranked_name(row: pd.Series, lang: str) -> str:
    """'规上工业增加值增速', '税收占比' / 'Industrial value added growth', 'Tax share'."""
    return vocab.text("rank_name", lang, name=dict(row), on=str(row["ranked_on"]))


def scorecard_takeaway(rankings: pd.DataFrame, lang: str, *, frame_size: int = 13) -> str:
    """Best and worst numeric rank among county-level units: '税收占比居全市第1位，…居第12位'."""
    claim = charts.scorecard_claim(rankings, frame_size=frame_size)
    return _said(claim, "numeric rank among county-level units", lang)


def city_takeaway(
    indicators: pd.DataFrame, context: pd.DataFrame, registry: pd.DataFrame, lang: str
) -> str:
    """Shares of the city's totals, and the largest growth difference from the city."""
    claim = charts.city_claim(indicators, context, registry)
    return _said(claim, "share or growth comparison with the city", lang)


def growth_gap_takeaway(targets: pd.DataFrame, lang: str) -> str:
    """The largest gap between a plan-year growth target and base-year growth, and what the
    report does not state."""
    return vocab.say(charts.growth_gap_claim(targets), lang) or ""


def projection_takeaway(
    indicators: pd.DataFrame, targets: pd.DataFrame, lang: str, *, deflator_pct: float | None = None
) -> str:
    """Plan-year levels the targets imply, as the chart rounds them."""
    claim = charts.projection_claim(indicators, targets, deflator_pct=deflator_pct)
    return _said(claim, "projected level", lang)


def task_takeaway(targets: pd.DataFrame, lang: str) -> str:
    """How many comparable task targets are below last year's outcome, and the extremes."""
    claim = charts.tasks_claim(targets)
    if not claim.holds:
        raise ValueError("no task target of the plan year has a comparable base-year outcome")
    return vocab.say(claim, lang)


def fan_takeaway(facts, goal, lang: str, *, indicator: str | None = None) -> str:
    """The forecast with its 80% interval and, over a backtest of
    ``presentation.MIN_BACKTEST_ORIGINS`` origins or more, the chance of meeting ``goal`` (a
    target as ``claims.ytd.goal_of`` gives it) in coarse words (很可能 / 有可能 / 难以; the
    number is in the notes); with fewer origins it says that it does not judge the target
    (``claims.charts.fan_claim``)."""
    return vocab.say(charts.fan_claim(facts, goal, indicator), lang)


def probability_text(probability: float, lang: str) -> str:
    """'约43%' / 'about 43%'; '不足1%' / 'below 1%' and '超过99%' / 'above 99%' rather than a
    bare 0% or 100%, which simulated paths cannot establish."""
    return vocab.show(probability, "prob", lang)

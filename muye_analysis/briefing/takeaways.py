"""One-line takeaways of the forecast fan: the claims of :mod:`muye_analysis.claims.charts`,
rendered. The report charts' takeaways are their declared claims
(``muye_analysis.charts.registry``), said by ``vocab.say``; the tests check both against values
worked out by hand from the report."""

from __future__ import annotations

from muye_analysis import vocab
from muye_analysis.claims import charts


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

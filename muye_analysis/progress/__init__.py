"""The progress-monitoring table: every target of the plan year against the latest figures.

进度监测, in the office's words.

One row per target of the plan (every target in ``load_targets()``): the target with its
qualifier and commitment, the latest figure of the plan year from the year-to-date store
(``muye ingest``), 序时进度 (how far through the year the figure should be), 完成进度 for level
and count targets, the growth the rest of the year needs for growth targets, a status, the rule
that gave it and a reason code. Numbers and codes only: the words are in
:mod:`muye_analysis.progress.rendering` (the table for people, the terminal text, slide words)
and :mod:`muye_analysis.progress.workbook` (the Excel workbook), which sit a layer above.

How a target is tracked depends on what it measures (:func:`progress_kind`):

- ``growth``: a growth target (地区生产总值增长6%以上); the growth so far and the growth the rest
  of the year needs (:func:`muye_analysis.targets.required_growth`, weights 上年同期 first);
- ``cumulative``: a level or count that builds up through the year (重点项目完成投资180亿元,
  新增城镇就业8000人, 新增专精特新企业6家); 完成进度 = figure so far ÷ target against 序时进度;
- ``point``: a rate, share or ratio (城镇调查失业率5.5%左右, 研发活动覆盖率80%以上), or a level that
  is a state rather than a sum (粮食生产面积稳定在2.75万亩, a project's total investment, the number
  of key projects on the year's list): the latest figure judged against the target as it stands.

序时进度 for growth and cumulative targets is, in order of preference: the seasonal weights the
caller records (``seasonal_weights``); last year's share of its annual total in the same months,
from the store (上年同期 over last year's full year, or last year's cumulative levels); else
months elapsed ÷ 12. The ``elapsed_basis`` column says which.

Status rules (the thresholds are the named constants below; the README and the note under the
table repeat them):

- R0 ``no_data``: no figure of the plan year in the store up to the period;
- R1 growth, before December: ``on_track`` when the growth so far already meets the target (by
  its qualifier and direction); ``at_risk`` when the rest of the year needs at most
  :data:`AT_RISK_ACCELERATION_PP` points more than the growth so far; else ``off_track``;
- R2 cumulative, before December: ``on_track`` when 完成进度 ≥ 序时进度 (or the target is already
  reached); ``at_risk`` when 完成进度 lags 序时进度 by at most :data:`AT_RISK_LAG_PP` points;
  else ``off_track``;
- R3 point targets, before December: ``on_track`` when the figure meets the target now;
  ``at_risk`` when it misses by at most :data:`AT_RISK_RATE_PP` points (rates, shares) or
  :data:`AT_RISK_LEVEL_SHARE` of the target (levels, counts, ratios); else ``off_track``;
- R4 any target with the full-year figure (1-12月): ``on_track`` if met, else ``off_track``.
"""

from muye_analysis.progress.rules import (
    ACCUMULATING,
    AT_RISK_ACCELERATION_PP,
    AT_RISK_LAG_PP,
    AT_RISK_LEVEL_SHARE,
    AT_RISK_RATE_PP,
    CUMULATIVE,
    GROWTH,
    NO_DATA,
    POINT,
    RULE_IDS,
    STATUSES,
    THRESHOLDS,
    Status,
    cumulative_status,
    growth_status,
    point_status,
    progress_kind,
    year_end_status,
)
from muye_analysis.progress.table import COLUMNS, latest_period, progress_table

__all__ = [
    "ACCUMULATING", "AT_RISK_ACCELERATION_PP", "AT_RISK_LAG_PP", "AT_RISK_LEVEL_SHARE",
    "AT_RISK_RATE_PP", "COLUMNS", "CUMULATIVE", "GROWTH", "NO_DATA", "POINT", "RULE_IDS",
    "STATUSES", "THRESHOLDS", "Status", "cumulative_status", "growth_status", "latest_period",
    "point_status", "progress_kind", "progress_table", "year_end_status",
]  # fmt: skip

"""The progress-monitoring table: every target of the plan year against the latest figures.

进度监测, in the office's words.

One row per target of the plan (every target in ``load_targets()``): the target with its
qualifier and commitment, the latest figure of the plan year from the year-to-date store
(``muye ingest``), and what a bureau compares it with. Numbers and codes only
(:func:`progress_table` lists every column): the words are in
:mod:`muye_analysis.progress.rendering` (the table for people, the terminal text, slide words)
and :mod:`muye_analysis.progress.workbook` (the Excel workbook), which sit a layer above.

How a target is tracked depends on what it measures (:func:`progress_kind`):

- ``growth``: a growth target (地区生产总值增长6%以上), never against 序时进度: the growth so far
  against the target rate and the growth the rest of the year needs,
  (target − w·ytd)/(1 − w), with w = last year's share of its total in the months so far from
  the best base available: recorded seasonal weights; 上年同期 ÷ last year's full year (from
  the store, else the report's base-year actual); last year's cumulative levels; else equal
  months or quarters (an assumption, named in ``weights_source``);
- ``cumulative``: a level or count that builds up through the year (重点项目完成投资180亿元,
  新增城镇就业8000人); 完成进度 = figure so far ÷ target against 序时进度 = months ÷ 12 (or a
  recorded plan curve), and beside it 上年同期进度 = 上年同期 ÷ last year's full year;
- ``point``: a rate, share or ratio (城镇调查失业率5.5%左右, 研发活动覆盖率80%以上), or a stock
  (粮食生产面积稳定在2.75万亩, the number of key projects on the year's list): the latest
  figure judged against the target as it stands;
- ``project``: a project's total investment (产业园总投资10亿元): its size over the years it
  takes, not an annual target; shown, not judged, not counted in the tally.

Status rules (the thresholds are the named constants below; the note under the table, the
workbook and docs/progress.md repeat them):

- R0 ``no_data``: no figure of the plan year in the store up to the period;
- R1 growth, before December: graded by the effort the rest of the year needs — the
  acceleration over the growth so far, required − ytd, against :func:`effort_thresholds`
  (:data:`EFFORT_SMALL_PP` and :data:`EFFORT_HARD_PP` with half the year left, scaled by
  √(0.5 / share of the year left)): none → ``on_track`` (保持即可), small or marked
  (需小幅加快 / 需明显加快) → ``at_risk``, beyond → ``off_track`` (难度很大); the latest single
  period's growth (当季/当月, derived) moves the grade one step toward its own;
- R2 cumulative, before December: ``on_track`` when 完成进度 ≥ 序时进度 (or the target is
  reached); ``at_risk`` when it lags by at most :data:`AT_RISK_LAG_PP` points; else
  ``off_track``; 上年同期进度 is stated beside it;
- R3 point targets, before December: ``on_track`` when the figure meets the target now (左右 as
  officials read it: ``targets.assess_target``); ``at_risk`` when it misses by at most
  :data:`AT_RISK_RATE_PP` points (rates, shares) or :data:`AT_RISK_LEVEL_SHARE` of the target;
  else ``off_track``;
- R4 any target with the full-year figure (1-12月): ``on_track`` if met, else ``off_track``;
- R5 a project's size: no status (grey).
"""

from muye_analysis.progress.rules import (
    ACCUMULATING,
    AT_RISK_LAG_PP,
    AT_RISK_LEVEL_SHARE,
    AT_RISK_RATE_PP,
    CUMULATIVE,
    EFFORT_HARD_PP,
    EFFORT_REFERENCE_SHARE,
    EFFORT_SMALL_PP,
    EFFORTS,
    GROWTH,
    KINDS,
    NO_DATA,
    POINT,
    PRIOR_PACE_LEVEL_PP,
    PROJECT,
    PROJECT_SIZES,
    RULE_IDS,
    STATUSES,
    THRESHOLDS,
    Status,
    cumulative_status,
    effort_grade,
    effort_thresholds,
    growth_status,
    point_status,
    progress_kind,
    project_status,
    year_end_status,
)
from muye_analysis.progress.table import COLUMNS, latest_period, progress_table

__all__ = [
    "ACCUMULATING", "AT_RISK_LAG_PP", "AT_RISK_LEVEL_SHARE", "AT_RISK_RATE_PP", "COLUMNS",
    "CUMULATIVE", "EFFORTS", "EFFORT_HARD_PP", "EFFORT_REFERENCE_SHARE", "EFFORT_SMALL_PP",
    "GROWTH", "KINDS", "NO_DATA", "POINT", "PRIOR_PACE_LEVEL_PP", "PROJECT", "PROJECT_SIZES",
    "RULE_IDS", "STATUSES", "THRESHOLDS", "Status", "cumulative_status", "effort_grade",
    "effort_thresholds", "growth_status", "latest_period", "point_status", "progress_kind",
    "progress_table", "project_status", "year_end_status",
]  # fmt: skip

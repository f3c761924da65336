"""Base effects on the two-year (or k-year) basis: which year the rest of the year is set against.

A cumulative growth rate compares this year's months with last year's same months. When last
year's months were abnormal — 2020's first quarter fell 6.8% and 2021's first quarter then grew
18.3% — the year-on-year figure of the months so far says little about the months to come: the
rest of the year is compared with a base that was not depressed in the same way. Statistics
bureaus handle it with the two-year average growth (两年平均增长, √[(1+g)(1+g_last)] − 1): the
growth over a normal reference year, which the jump does not distort.

``basis_for(ytd, year, month)`` decides, from the published figures alone, how many years back
the reference year lies (``years`` = 1: last year, the plain year-on-year figures; 2: the
two-year basis; at most ``MAX_YEARS``):

* The *pattern* of a year at month m is how its cumulative growth to m compares with its annual
  growth: d(y) = ln(1 + G(y, m)) − ln(1 + G(y, 12)) (in points). Normal years have a steady
  pattern (the median of the past years, ``median``); a shock year moves it far (2020: −9 points
  for GDP at 1-3月), and the following year moves it back.
* Chaining the moves net of the median gives each year's pattern relative to last year's. A year
  is *abnormal* when its pattern is more than ``threshold`` from the year before it and also from
  the year two before (a departure that has not been undone; a year that undoes a departure, as
  2021 did, is normal again). ``threshold`` = ``THRESHOLD_SDS`` robust standard deviations of the
  series' own past moves (1.4826 × the median absolute deviation), at least ``THRESHOLD_FLOOR_PP``.
* The reference year is the latest year, last year first, that is not abnormal; ``years`` = this
  year minus the reference year. When last year is normal the basis is the plain one.

``to_basis`` turns a year-to-date frame into k-year average growth (the geometric mean of k
consecutive years' figures for the same months, where all k are published); ``from_basis``
turns a forecast of the k-year average annual growth back into this year's growth, with the
published annual growth of the k − 1 years in between. At a full-year origin (forecasting next
year from scratch) the test is the same on the annual growth rates themselves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

MAX_YEARS = 3  # the reference year at most three years back (a shock's third year: before it)
THRESHOLD_SDS = 4.0  # robust sds of the series' own pattern moves
THRESHOLD_FLOOR_PP = 1.0  # points: GDP's patterns move by a tenth or two in normal years
HISTORY_YEARS = 12  # past years whose pattern moves set the median and the threshold
MIN_PAST_YEARS = 3  # fewer past patterns: no test, the plain basis


@dataclass(frozen=True)
class Basis:
    """The basis of a forecast made in ``year`` after ``month`` months (0: from scratch)."""

    year: int
    month: int
    years: int  # 1 = plain year on year; 2 = two-year basis; ...
    reference_year: int  # year - years
    threshold_pp: float | None  # None: too few past years to test
    abnormal: tuple[int, ...]  # the years skipped (abnormal patterns)

    @property
    def plain(self) -> bool:
        return self.years == 1


def _table(ytd: pd.DataFrame) -> dict[tuple[int, int], float]:
    known = ytd.dropna(subset=["growth"])
    return {
        (int(y), int(m)): float(g)
        for y, m, g in zip(known["year"], known["end_month"], known["growth"], strict=True)
    }


def _log(growth_pct: float) -> float:
    return 100 * math.log1p(growth_pct / 100)


def _move(table: dict, year: int, month: int) -> float | None:
    """Pattern of ``year`` at ``month`` (its cumulative growth against its annual growth); at
    month 0 (a full-year origin) the change of the annual growth itself."""
    if month == 0:
        if (year, 12) in table and (year - 1, 12) in table:
            return _log(table[(year, 12)]) - _log(table[(year - 1, 12)])
        return None
    if (year, month) in table and (year, 12) in table:
        return _log(table[(year, month)]) - _log(table[(year, 12)])
    return None


def basis_for(ytd: pd.DataFrame, year: int, month: int) -> Basis:
    """The basis for forecasting ``year``'s annual growth after ``month`` months (0 = from
    scratch, at last year's annual figure), from the figures in ``ytd`` (all published by then)."""
    import numpy as np

    table = _table(ytd)
    plain = Basis(year, month, 1, year - 1, None, ())
    moves = [_move(table, y, month) for y in range(year - HISTORY_YEARS, year)]
    moves = [d for d in moves if d is not None]
    if len(moves) < MIN_PAST_YEARS:
        return plain
    median = float(np.median(moves))
    spread = 1.4826 * float(np.median(np.abs(np.asarray(moves) - median)))
    threshold = max(THRESHOLD_SDS * spread, THRESHOLD_FLOOR_PP)
    # pattern of each earlier year relative to last year's (last year = 0), net of the median
    level = {year - 1: 0.0}
    for y in range(year - 1, year - MAX_YEARS - 2, -1):
        move = _move(table, y, month)
        if move is None:
            break
        level[y - 1] = level[y] - (move - median)

    def abnormal(y: int) -> bool:
        if y - 1 not in level:
            return False
        departed = abs(level[y] - level[y - 1]) > threshold
        undone = y - 2 in level and abs(level[y] - level[y - 2]) <= threshold
        return departed and not undone

    skipped = []
    for years in range(1, MAX_YEARS + 1):
        reference = year - years
        if reference not in level:
            break
        if not abnormal(reference):
            return Basis(year, month, years, reference, threshold, tuple(skipped))
        skipped.append(reference)
    return Basis(year, month, 1, year - 1, threshold, ())


def to_basis(ytd: pd.DataFrame, years: int) -> pd.DataFrame:
    """``ytd`` as ``years``-year average growth (%): for each published figure, the geometric
    mean of it and the same months' figures of the ``years`` − 1 years before (rows where one
    is missing are dropped). ``years`` = 1 returns the figures unchanged (year, end_month,
    growth)."""
    import pandas as pd

    table = _table(ytd)
    rows = []
    for (y, m), _ in sorted(table.items()):
        factors = [table.get((y - j, m)) for j in range(years)]
        if any(f is None for f in factors):
            continue
        product = math.prod(1 + f / 100 for f in factors)
        rows.append((y, m, 100 * (product ** (1 / years) - 1)))
    return pd.DataFrame(rows, columns=["year", "end_month", "growth"])


def from_basis(values, ytd: pd.DataFrame, year: int, years: int):
    """``year``'s annual growth from forecasts of its ``years``-year average annual growth
    (scalar or array), dividing out the published annual growth of the years in between."""
    import numpy as np

    if years == 1:
        return values
    table = _table(ytd)
    between = math.prod(1 + table[(year - j, 12)] / 100 for j in range(1, years))
    return 100 * ((1 + np.asarray(values, dtype=float) / 100) ** years / between - 1)

"""A district's year anchored to its city or province: the wider forecast plus the usual gap.

District series are short and noisy; the city's and province's are longer and published
earlier. When both are in the store, the district's full-year growth is nowcast as

    district = wider area's forecast + mean gap (district minus wider area, past full years),

with variance = the wider forecast's variance + the variance of the gap across years (plus the
uncertainty of its mean). With a single past year the gap's spread is unknown and the result
says so (``gap_sd`` NaN, intervals from the wider forecast only, flagged in ``note``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from muye_analysis.forecast.core import GrowthForecast


@dataclass(frozen=True)
class AnchoredNowcast:
    year: int
    mean: float
    sd: float
    gap_mean: float
    gap_sd: float
    gap_years: tuple[int, ...]
    wider_mean: float
    note: str

    def interval(self, level: int = 80) -> tuple[float, float]:
        from scipy.stats import norm

        z = norm.ppf(0.5 + level / 200)
        return self.mean - z * self.sd, self.mean + z * self.sd


def wider_series(area: str, indicator: str, store: pd.DataFrame | None = None) -> pd.DataFrame:
    """The wider area's year-to-date series for anchoring: from the store when it holds that
    area indicator (ingested with an ``area`` / 地区 column), else from the real series in
    ``data/raw/ytd_real/`` (``real_data.area_ytd``). Raises KeyError when neither has it."""
    from muye_analysis import quarterly
    from muye_analysis.forecast import real_data

    store = quarterly.read_store() if store is None else store
    series = quarterly.ytd_series(indicator, store, area=area)
    if series["growth"].notna().any():
        return series
    return real_data.area_ytd(area, indicator)


MIN_WIDER_FIGURES = 8  # a wider series shorter than this anchors nothing


def first_wider_series(
    indicator: str, store: pd.DataFrame | None = None, areas: tuple[str, ...] | None = None
) -> tuple[pd.DataFrame | None, str | None]:
    """The first of ``areas`` (default: the city, then the province, ``config``) whose series
    of ``indicator`` (store, else the bundled real series; ``wider_series``) has at least
    ``MIN_WIDER_FIGURES`` growth figures, with the area's name; (None, None) when none has."""
    from muye_analysis import config

    for area in areas or (config.CITY_ZH, config.PROVINCE_ZH):
        try:
            wider = wider_series(area, indicator, store)
        except KeyError:
            continue
        if wider["growth"].notna().sum() >= MIN_WIDER_FIGURES:
            return wider, area
    return None, None


def usual_gap(district: pd.DataFrame, wider: pd.DataFrame) -> pd.DataFrame:
    """Full-year growth of both areas and the gap (district minus wider), one row per year."""

    def annual(frame):
        rows = frame[(frame["end_month"] == 12) & frame["growth"].notna()]
        return {int(y): float(g) for y, g in zip(rows["year"], rows["growth"], strict=True)}

    import pandas as pd

    d, w = annual(district), annual(wider)
    years = sorted(set(d) & set(w))
    return pd.DataFrame({"year": years, "district": [d[y] for y in years],
                         "wider": [w[y] for y in years],
                         "gap": [d[y] - w[y] for y in years]})  # fmt: skip


def anchored_nowcast(
    district: pd.DataFrame, wider: pd.DataFrame, wider_forecast: GrowthForecast
) -> AnchoredNowcast:
    """The district's full year from ``wider_forecast`` (for the same year) plus its usual gap."""
    import numpy as np

    gaps = usual_gap(district, wider)
    gaps = gaps[gaps["year"] < wider_forecast.year]
    if gaps.empty:
        raise ValueError("no past year with full-year growth for both areas: no usual gap")
    values = gaps["gap"].to_numpy(dtype=float)
    paths = wider_forecast.annual_paths
    wider_sd = float(np.std(paths)) if paths is not None else 0.0
    if len(values) >= 2:
        gap_sd = float(np.std(values, ddof=1))
        sd = math.sqrt(wider_sd**2 + gap_sd**2 * (1 + 1 / len(values)))
        note = f"gap from {len(values)} years"
    else:
        gap_sd, sd = math.nan, wider_sd
        note = "one year of gap only: its spread is unknown and not in the interval"
    gap_mean = float(values.mean())
    return AnchoredNowcast(
        year=wider_forecast.year, mean=wider_forecast.annual_mean + gap_mean, sd=sd,
        gap_mean=gap_mean, gap_sd=gap_sd, gap_years=tuple(int(y) for y in gaps["year"]),
        wider_mean=wider_forecast.annual_mean, note=note,
    )  # fmt: skip


def nowcast_from_wider(district: pd.DataFrame, wider: pd.DataFrame, **options) -> AnchoredNowcast:
    """Forecast ``wider`` with what it had published by the district's latest period, then
    anchor the district to it (``anchored_nowcast``).

    Raises ValueError (no common full year, or the two forecasts are for different years) or
    ``InsufficientHistory`` (the wider series is too short).
    """
    from muye_analysis.forecast.engine import origin_of
    from muye_analysis.forecast.methods import forecast_growth

    year, month = origin_of(district)
    keep = (wider["year"] < year) | ((wider["year"] == year) & (wider["end_month"] <= month))
    wider_now = wider[keep]
    fc = forecast_growth(wider_now, **options)
    target = year + 1 if month == 12 else year
    if fc.year != target:
        raise ValueError(f"the wider area's forecast is for {fc.year}, the district's for {target}")
    return anchored_nowcast(district, wider_now, fc)

"""The forecast fan's worked example on real provincial data (issue 11): Henan's GDP growth,
forecast with its 80% interval. It needs a forecast (statsmodels), which ``muye charts`` does
not run: notebook 04 draws and exports it (``charts.fan``)."""

from __future__ import annotations

from muye_analysis.chart_registry.base import Chart

CHART = Chart("forecast_fan_henan_gdp", notebook="04_growth_gap_forecasts",
              title_key="fan_title_indicator")  # fmt: skip

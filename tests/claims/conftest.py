"""Shared data for the claim tests: the bundled report's tables, and copies with a number
changed (the perturbations each claim must follow)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from muye_analysis.briefing.catalogue import ReportData


@pytest.fixture(scope="session")
def data() -> ReportData:
    return ReportData.load()


def with_target(data: ReportData, indicator: str, **values) -> ReportData:
    """``data`` with the plan-year target row of ``indicator`` changed (target, actual …)."""
    targets = data.targets.copy()
    mask = targets["indicator"] == indicator
    for column, value in values.items():
        targets[column] = targets[column].astype(object)
        targets.loc[mask, column] = value
    if "actual" in values or "target" in values:
        gap = targets["target"].astype(float) - pd.to_numeric(targets["actual"], errors="coerce")
        targets["gap_pp"] = gap.astype("Float64")
    targets["actual"] = pd.to_numeric(targets["actual"], errors="coerce").astype("Float64")
    targets["target"] = targets["target"].astype("Float64")
    return dataclasses.replace(data, targets=targets)


def with_actual(data: ReportData, indicator: str, measure: str, value: float | None) -> ReportData:
    """``data`` with the base year's published ``indicator`` (``measure``) set to ``value``
    (None removes it, a new value adds a row)."""
    ind = data.indicators.copy()
    base = int(data.targets["base_year"].iloc[0])
    mask = (ind["indicator"] == indicator) & (ind["measure"] == measure) & (
        ind["kind"] == "actual") & (ind["period"] == base)  # fmt: skip
    if value is None:
        ind = ind[~mask]
    elif mask.any():
        ind.loc[mask, "value"] = value
    else:
        template = ind[ind["kind"] == "actual"].iloc[[0]].copy()
        template[["indicator", "measure", "value", "printed", "stage"]] = [
            indicator,
            measure,
            value,
            f"{value:g}%",
            pd.NA,
        ]
        ind = pd.concat([ind, template], ignore_index=True)
    return dataclasses.replace(data, indicators=ind.reset_index(drop=True))


def with_ranks(data: ReportData, ranks: dict[tuple[str, str], int]) -> ReportData:
    """``data`` with the numeric ranks of (indicator, ranked_on) set."""
    rankings = data.rankings.copy()
    for (indicator, on), rank in ranks.items():
        mask = (rankings["indicator"] == indicator) & (rankings["ranked_on"] == on)
        rankings.loc[mask, "rank"] = rank
    return dataclasses.replace(data, rankings=rankings)

"""Comparator figures keep their sources and caveats."""

from __future__ import annotations

import shutil

import pytest

from muye_analysis import config
from muye_analysis.context import load_context
from muye_analysis.errors import DataError


def test_context_maps_chinese_names_to_registry_ids_and_keeps_sources():
    ctx = load_context()
    city_2023 = ctx[(ctx["region"] == "新乡市") & (ctx["year"] == 2023)]
    gdp = city_2023[(city_2023["indicator"] == "gdp") & (city_2023["measure"] == "level")]
    assert gdp["value"].tolist() == [3347.6]
    assert gdp["source_url"].str.startswith("http").all()
    assert ctx["indicator"].notna().all()
    assert ctx["source_title"].notna().all()


def test_growth_takes_the_indicator_price_basis_and_levels_are_nominal():
    ctx = load_context().set_index(["region", "year", "indicator", "measure"])
    assert ctx.loc[("新乡市", 2023, "gdp", "growth_rate"), "price_basis"] == "real"
    assert ctx.loc[("新乡市", 2023, "retail_sales", "growth_rate"), "price_basis"] == "nominal"
    assert ctx.loc[("新乡市", 2023, "gdp", "level"), "price_basis"] == "nominal"


def test_revision_caveat_on_city_2022_gdp_is_kept():
    ctx = load_context()
    row = ctx[(ctx["region"] == "新乡市") & (ctx["year"] == 2022) & (ctx["measure"] == "level")]
    gdp = row[row["indicator"] == "gdp"]
    assert gdp["value"].tolist() == [3464.0]
    assert "revised" in gdp["note"].iloc[0]


def test_context_row_without_source_url_is_rejected(tmp_path):
    copy = tmp_path / "context.csv"
    shutil.copy(config.CONTEXT_RAW, copy)
    lines = copy.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("http://henan.kjzch.com/xinxiang/2024-04-02/841501.html", "")
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="source URL") as info:
        load_context(copy)
    assert (info.value.row, info.value.column) == (4, "source_url")

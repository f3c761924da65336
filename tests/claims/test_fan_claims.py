"""The forecast fan's takeaway, title and notes, perturbed until their words must change or
disappear: the chance of the target is said (in coarse words) only over a backtest of
``MIN_BACKTEST_ORIGINS`` origins, its number only in the notes, and each note only when what it
describes is there."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from muye_analysis import vocab
from muye_analysis.claims.charts import fan_claim, fan_notes, title_claim
from muye_analysis.forecast import presentation
from muye_analysis.forecast.anchor import AnchoredNowcast
from muye_analysis.forecast.core import GrowthForecast

MIN = presentation.MIN_BACKTEST_ORIGINS
GOAL = {"target": 6.0, "unit": "%", "qualifier": "以上", "bound": "at_least"}
BAND_WORDS = ("很可能", "有可能", "难以")


def forecast(mean: float = 5.0, origins: int = 20) -> GrowthForecast:
    """A forecast of 2024 after 1-9月 (5.0% so far, equal quarters) whose year is normal with
    ``mean`` and sd 0.5, behind a backtest of ``origins`` forecasts."""
    history = pd.DataFrame({"year": [2023, 2023, 2024, 2024], "end_month": [9, 12, 6, 9],
                            "value": [4.0, 5.0, 6.0, 5.0]})  # fmt: skip
    return GrowthForecast(
        method="combined", year=2024, quarters_known=3, history=history, forecast=pd.DataFrame(),
        annual_mean=mean, weights=(0.25,) * 4, weights_source="equal_quarters", n_quarters=0,
        months_known=9, annual_paths=np.random.default_rng(0).normal(mean, 0.5, 4000),
        coverage={"n": origins, "coverage_80": 0.8, "coverage_95": 0.95, "mae": 0.4},
        interval_scale=1.43,
    )  # fmt: skip


def facts(mean: float = 5.0, origins: int = 20, **options) -> presentation.FanFacts:
    return presentation.fan_facts(forecast(mean, origins), target=6.0, **options)


def takeaway(f: presentation.FanFacts, lang: str = "zh") -> str:
    return vocab.say(fan_claim(f, GOAL, "gdp"), lang)


def notes(f: presentation.FanFacts, lang: str = "zh") -> str:
    return "\n".join(vocab.say_all(fan_notes(f, GOAL), lang))


def test_the_chance_of_the_target_is_said_only_over_enough_backtest_origins():
    enough, short = facts(origins=MIN), facts(origins=MIN - 1)
    assert takeaway(enough) == "2024年全年预计增长5.0%（80%区间4.4%至5.6%），难以达到6%以上目标"
    said = takeaway(short)
    assert not any(word in said for word in BAND_WORDS)
    assert said.endswith(f"回测不足{MIN}次，不判断能否达到目标")
    assert "概率" not in takeaway(enough) + said  # the number is never in the takeaway


def test_the_band_follows_the_forecast_past_the_target():
    # the same backtest, the year's distribution moved past the 6% target
    assert takeaway(facts(mean=5.0)).endswith("难以达到6%以上目标")
    assert takeaway(facts(mean=6.0)).endswith("有可能达到6%以上目标")
    assert takeaway(facts(mean=7.0)).endswith("很可能达到6%以上目标")
    assert takeaway(facts(mean=7.0), "en").endswith("likely to meet the ≥6% target")


def test_a_falling_forecast_is_said_as_a_fall():
    assert takeaway(facts(mean=-1.2)).startswith("2024年全年预计下降1.2%")


def test_without_a_target_only_the_forecast_is_said():
    f = presentation.fan_facts(forecast(origins=40))
    claim = fan_claim(f, None, "gdp")
    assert claim.variant == "no_target"
    assert vocab.say(claim, "zh") == "2024年全年预计增长5.0%（80%区间4.4%至5.6%）"
    assert vocab.say(title_claim(claim), "en") == "GDP: 5.0% expected for the year"


def test_the_title_says_the_band_or_only_the_forecast():
    assert vocab.say(title_claim(fan_claim(facts(mean=7.0), GOAL, "gdp")), "zh") == (
        "地区生产总值全年预计增长7.0%，很可能达到6%以上目标"
    )
    short = vocab.say(title_claim(fan_claim(facts(origins=3), GOAL, "gdp")), "zh")
    assert short == "地区生产总值全年预计增长5.0%"


def test_the_notes_give_the_number_only_where_the_takeaway_gives_the_band():
    said = notes(facts(origins=20))
    assert "达到6%以上目标的概率约3%（按公布口径保留一位小数判断；回测20次）" in said
    short = notes(facts(origins=5))
    assert "概率约" not in short and f"回测仅5次，少于{MIN}次，不给出达到目标的概率。" in short
    none = notes(facts(origins=0))
    assert "历史数据不足，尚无回测，不给出达到目标的概率。" in none and "回测仅" not in none


def test_each_note_holds_only_when_its_element_is_there():
    plain = facts()
    ids = {c.id for c in fan_notes(plain, GOAL) if c.holds}
    # not a combination (no weights, basis or prior scale) and no anchored forecast
    assert ids == {"fan_note.drawn", "fan_note.probability", "fan_note.scenarios"}
    assert "锚定" not in notes(plain)
    now = AnchoredNowcast(2024, 4.6, 0.5, -0.4, 0.3, (2021, 2022, 2023), 5.0, "")
    anchored = facts(anchored=now, wider_area="河南省")
    said = notes(anchored)
    assert "右图：全年增速的预测、锚定预测和3种情景。" in said
    anchor = "锚定预测：河南省全年预测5.0%，加上2021-2023年牧野区与河南省的平均差距-0.4个百分点。"
    assert anchor in said
    assert "Henan's forecast 5.0%" in notes(anchored, "en")
    # a province's series anchored to the nation (notebook 04's worked example) names both
    china = facts(anchored=now, wider_area="全国")
    said = "\n".join(vocab.say_all(fan_notes(china, GOAL, area="河南省"), "en"))
    assert "China's forecast 5.0% plus Henan's mean gap to it in 2021-2023, -0.4 pp." in said
    one = dataclasses.replace(now, gap_years=(2023,))
    assert "仅一年" in notes(facts(anchored=one, wider_area="河南省"))


def test_the_weights_and_the_two_year_basis_are_noted_when_used():
    f = dataclasses.replace(
        facts(), weights={"run_rate": 0.2, "sarimax": 0.8},
        candidates={"run_rate": 5.0, "sarimax": 5.25}, basis_years=2, reference_year=2019,
        abnormal_years=(2020,),
    )  # fmt: skip
    said = notes(f)
    assert "预测区间为结构模型的标准差乘以" not in said  # no prior scale: not a combination
    said = notes(dataclasses.replace(f, scale=1.5, scale_errors=8, prior_scale=1.43))
    assert "乘以1.50（按本序列8个以往误差校准，并向长序列学得的先验倍数1.43收缩）" in said
    # heaviest first, each with its own forecast
    assert "确定：季度AR(1)0.80（5.3%）、累计增速外推0.20（5.0%）。" in said
    assert "上年同期基数异常（2020年），外推类方法按与2019年相比的2年平均增速推算" in said
    assert "quarterly AR(1) 0.80 (5.3%), run-rate 0.20 (5.0%)" in notes(f, "en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_fan_sentence_renders_in_both_languages(lang):
    now = AnchoredNowcast(2024, 4.6, 0.5, -0.4, 0.3, (2021, 2022, 2023), 5.0, "")
    f = facts(anchored=now, wider_area="全国")
    sentences = [takeaway(f, lang), *vocab.say_all(fan_notes(f, GOAL), lang)]
    assert all(sentences)
    if lang == "en":
        assert not any(vocab.has_cjk(s) for s in sentences)

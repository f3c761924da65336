"""Claims on the year-to-date store: the latest data speak first; negative growth is 下降; a
预期目标 missed reads 低于预期目标; 亮点 is never a missed target, 短板 never one on track.

Year-to-date figures are SYNTHETIC, written into temporary files (tagged so, but the claims are
fed the table directly, as the briefing feeds them its real rows).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from muye_analysis.claims import closing
from muye_analysis.claims.ytd import gap_claim
from muye_analysis.periods import Period
from muye_analysis.progress import progress_table
from muye_analysis.progress.rendering import reason_text
from muye_analysis.quarterly import ingest_quarterly, read_store
from muye_analysis.targets import assess_target, bound_of, required_growth
from muye_analysis.targets.gaps import YtdGap
from muye_analysis.vocab import say

FAST = settings(max_examples=15, deadline=None)


def _gap(ytd: float, end_month: int = 9, target: float = 6.0) -> YtdGap:
    share = end_month / 12
    need = required_growth(target, ytd, share) if end_month < 12 else None
    verdict = assess_target(ytd, target, "at_least", indicative=True) if end_month == 12 else None
    return YtdGap("gdp", Period(2024, end_month), ytd, target, "以上", bound_of("以上"),
                  target - ytd, need, verdict, "growth_rate", True, True)  # fmt: skip


@FAST
@given(ytd=st.floats(min_value=-15, max_value=20, allow_nan=False),
       month=st.sampled_from([3, 6, 9, 11, 12]))  # fmt: skip
def test_growth_is_never_negative_in_words(ytd, month):
    ytd = round(ytd, 1)
    for lang in ("zh", "en"):
        text = say(gap_claim(_gap(ytd, month)), lang)
        assert "增长-" not in text and "growth of -" not in text and "需增长-" not in text
    zh = say(gap_claim(_gap(ytd, month)), "zh")
    assert ("下降" in zh) == (ytd < 0 or "即使下降" in zh)


@FAST
@given(ytd=st.floats(min_value=-5, max_value=12, allow_nan=False))
def test_a_missed_indicative_target_is_below_it_never_not_completed(ytd):
    ytd = round(ytd, 1)
    zh = say(gap_claim(_gap(ytd, 12)), "zh")
    assert "未完成" not in zh
    assert ("低于全年6%以上的预期目标" in zh) == (ytd < 6.0)


@pytest.fixture
def latest(tmp_path):
    """GDP behind (5.0% after 1-9月 against 6%以上), investment and jobs ahead, grain short."""
    path = tmp_path / "synthetic_claims.csv"
    path.write_text(
        "indicator,year,period,level,unit,growth_pct,source\n"
        "gdp,2023,1-9月,160,亿元,,synthetic\ngdp,2023,1-12月,220,亿元,,synthetic\n"
        "gdp,2024,1-9月,,,5.0,synthetic\n"
        "固定资产投资,2024,1-9月,,,9.5,synthetic\n"
        "重点项目完成投资,2024,1-9月,150,亿元,,synthetic\n"
        "新增城镇就业,2024,1-9月,7000,人,,synthetic\n"
        "粮食生产面积,2024,1-9月,2.40,万亩,,synthetic\n",
        "utf-8",
    )
    ingest_quarterly(path)
    table = progress_table(store=read_store())
    return closing.Latest(period=table.attrs["as_of"], table=table)


def test_the_latest_data_lead_the_summary(data, latest):
    claims = closing.summary_claims(data, latest, frame_size=13)
    lines = [say(c, "zh") for c in claims]
    # 23 annual targets: the two projects' total investment (产业园总投资) are no annual target
    assert lines[0].startswith("2024年1-9月，23项年度目标中正常")
    assert "滞后：" in "".join(lines) or "预警：" in "".join(lines)
    title = say(closing.summary_title_claim(data, latest), "zh")
    assert title.startswith("总体判断：2024年1-9月")


def test_without_year_to_date_data_the_report_speaks(data):
    claims = closing.summary_claims(data, closing.Latest(), frame_size=13)
    assert claims[0].id == "report.scale"
    assert not closing.Latest().speaks


def test_strengths_are_on_track_and_weaknesses_off_track(data, latest):
    items = closing.closing_items(data, latest, frame_size=13)
    status = latest.table.set_index("indicator")["status"]
    for claim in items["strength"]:
        if claim.id == "item.ytd":
            assert status[claim.facts["indicator"]] == "on_track"
    for claim in items["weakness"]:
        if claim.id == "item.ytd":
            assert status[claim.facts["indicator"]] == "off_track"
    # the report's asks (需从0.2%提速到8%) give way to the year's own figures
    assert not any(c.id == "item.gap" for c in items["risk"])


def test_next_steps_say_what_targets_behind_need(data, latest):
    claims = closing.next_step_claims(data, latest)
    ids = [c.id for c in claims]
    assert "next.growth" in ids or "next.cumulative" in ids or "next.point" in ids
    assert "next.no_data" in ids  # most targets have no figure yet
    text = " ".join(say(c, "zh") for c in claims)
    assert "建议" not in text  # what to watch, never advice
    gdp = next(c for c in claims if c.subject == "gdp")
    assert "四季度需增长8.7%" in say(gdp, "zh")


def test_upto_leaves_later_periods_out(tmp_path):
    store = read_store()
    assert closing.upto(store, Period(2024, 6)).empty
    path = tmp_path / "synthetic_upto.csv"
    path.write_text("indicator,year,period,growth_pct\ngdp,2024,1-6月,4.0\ngdp,2024,1-9月,5.0\n",
                    "utf-8")  # fmt: skip
    ingest_quarterly(path)
    kept = closing.upto(read_store(), Period(2024, 6))
    assert kept["end_month"].tolist() == [6]


@FAST
@given(ytd=st.floats(min_value=-8, max_value=12, allow_nan=False),
       month=st.sampled_from([3, 6, 9, 11]))  # fmt: skip
def test_progress_reasons_never_print_a_negative_growth(ytd, month):
    from muye_analysis.progress import growth_status

    ytd = round(ytd, 1)
    need = required_growth(9.0, ytd, month / 12).required
    status = growth_status(ytd, 9.0, need, share_left=1 - month / 12)
    row = {"indicator": "retail_sales", "reason": status.reason, "status": status.status,
           "period": Period(2024, month), "ytd_value": ytd, "required_growth": need,
           "target": 9.0, "unit": "%", "qualifier": "", "bound": "exact",
           "measure": "growth_rate", "commitment": None, "indicative": True,
           "progress_kind": "growth", "derived": None}  # fmt: skip
    for lang in ("zh", "en"):
        text = reason_text(row, lang)
        assert "增长-" not in text and "growth of -" not in text and "needs -" not in text
    zh = reason_text(row, "zh")
    assert ("下降" in zh) == (ytd < 0 or "即使下降" in zh)

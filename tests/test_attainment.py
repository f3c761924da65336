"""Target attainment: how one target meets one outcome (the whole table: test_next_report.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from muye_analysis.attainment import _judge, report_pair


def _target(**kw) -> dict:
    return {"target": 6.0, "unit": "%", "measure": "growth_rate", "bound": "at_least",
            "price_basis": "real"} | kw  # fmt: skip


def _outcome(**kw) -> pd.Series:
    return pd.Series({"value": 5.6, "unit": "%", "price_basis": "real"} | kw)


def test_a_floor_not_reached_is_not_met():
    assert _judge(_target(), _outcome(), True, None) == {
        "status": "not_met", "detail": "missed", "reason": None
    }  # fmt: skip


def test_real_target_against_nominal_outcome_is_not_comparable():
    out = _judge(_target(), _outcome(price_basis="nominal"), True, None)
    assert out["status"] == "not_comparable"
    assert out["reason"] == "basis_differs"  # real growth against nominal: a code


def test_an_outcome_in_another_unit_is_converted_first():
    # 1.9亿元 = 19000万元 against a floor of 18000万元: met.
    target = _target(target=18000.0, unit="万元", measure="level", price_basis=None)
    out = _judge(target, _outcome(value=1.9, unit="亿元", price_basis=None), True, None)
    assert out["status"] == "met"


def test_units_that_do_not_convert_are_not_comparable():
    target = _target(target=200.0, unit="个", measure="count", price_basis=None)
    out = _judge(target, _outcome(value=3.0, unit="亿元", price_basis=None), True, None)
    assert (out["status"], out["reason"]) == ("not_comparable", "unit_differs")


def test_a_bare_target_of_a_lower_is_better_rate_is_a_ceiling():
    target = _target(target=5.5, measure="rate", bound="exact", price_basis=None)
    out = _judge(target, _outcome(value=5.3, price_basis=None), False, None)
    assert (out["status"], out["detail"]) == ("met", "within_ceiling")


def test_one_report_alone_has_no_attainment_and_says_how_to_add_the_next():
    with pytest.raises(ValueError, match="needs two reports in data/; there is 1"):
        report_pair()

"""Display precision: a number shows no more significant figures than the numbers it came from.

The report prints 2.5万元, 5.0%, 78.8亿元; a value derived from them (2.5 / 1.05 = 2.380952…)
must not print six digits it does not have. One helper formats every number that charts,
tables, notebooks and the briefing show:

* :func:`format_number` prints a value as its inputs allow (``sig`` significant figures, or as
  many as the least precise of ``inputs``); a value with no stated inputs prints as it is when it
  looks like a published figure (:func:`looks_published`: four significant figures or fewer, or
  two decimals or fewer) and is cut to :data:`DEFAULT_SIG` significant figures otherwise.
* Integer digits are never rounded away: 114.2857 at two significant figures is "114", not
  "110" (a reader takes trailing zeros for precision too).
* :func:`significant_figures` counts the figures of a number as printed ("78.8" → 3,
  "10.74" → 4, "0.2" → 1, "431" → 3).
* Rounding is half up (四舍五入), on the number as printed: 81.25 shows as 81.3 and 2.675 as
  2.68 (:func:`fixed`), where Python's own formatting rounds the binary float half to even
  (81.2, 2.67). Every number the suite shows goes through :func:`fixed`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

DEFAULT_SIG = 3  # a derived value of unknown inputs: three figures, as most report numbers have
PUBLISHED_SIG = 4  # the most figures a published level in the report carries (10.74, 232.1)
MISSING = "—"  # the one marker for a missing value, in every table


def round_half_up(value: float, decimals: int = 0) -> float:
    """``value`` rounded half up (四舍五入) at ``decimals``, on its shortest printed form:
    81.25 → 81.3, 2.675 → 2.68, -0.05 → -0.1 (half away from zero, as a bureau rounds)."""
    return float(_quantize(value, decimals))


def fixed(value: float, decimals: int = 1, *, thousands: bool = False, sign: bool = False) -> str:
    """``value`` with exactly ``decimals`` decimals, rounded half up: fixed(81.25) == '81.3'.

    ``thousands`` groups digits (1,234.5); ``sign`` prints '+' before positive values. A value
    that rounds to zero prints without a minus sign.
    """
    number = _quantize(value, decimals)
    if number == 0:
        number = abs(number)
    spec = ("+" if sign else "") + ("," if thousands else "") + f".{decimals}f"
    return format(number, spec)


def _quantize(value: float, decimals: int) -> Decimal:
    exact = Decimal(repr(float(value)))  # the shortest form: 2.675, not 2.67499999…
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def is_missing(value: Any) -> bool:
    """None, NaN, pandas NA and NaT are missing."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN; pd.NA raises TypeError on bool()
    except TypeError:
        return True


def significant_figures(value: float | str) -> int:
    """Significant figures of ``value`` as printed: '78.8' → 3, '0.2' → 1, '431' → 3, '8.0' → 2.

    A float is read through its shortest repr (10.74 → 4). Trailing zeros of an integer count
    (200 → 3): the report's round numbers are targets stated to the unit.
    """
    text = value if isinstance(value, str) else repr(float(value))
    text = text.strip().lstrip("+-").replace(",", "")
    if "e" in text.lower():
        mantissa = text.lower().split("e")[0]
        return significant_figures(mantissa)
    if text.endswith(".0") and not isinstance(value, str):
        text = text[:-2]  # repr(8.0) is '8.0': the float carries no trailing figure
    digits = text.replace(".", "").lstrip("0")
    return max(1, len(digits))


def decimals_for(value: float, sig: int) -> int:
    """Decimals that show ``value`` at ``sig`` significant figures, integer digits kept whole."""
    if value == 0 or not math.isfinite(value):
        return 0
    magnitude = math.floor(math.log10(abs(value)))  # 114.3 → 2, 0.042 → -2
    return max(0, sig - 1 - magnitude)


def decimals_of(value: float | None, cap: int = 2) -> int:
    """Decimals a number is printed with (0.2 -> 1, 2.75 -> 2, 180 -> 0), at most ``cap``."""
    if value is None or is_missing(value):
        return 0
    text = fixed(float(value), cap).rstrip("0").rstrip(".")
    return len(text.split(".")[1]) if "." in text else 0


def column_decimals(values: Iterable[Any], cap: int = 2) -> int:
    """The decimals of a column of numbers: the most any of them is printed with, at most
    ``cap`` (4.9, 2.0 and 27 → 1, so the column shows 4.9, 2.0, 27.0). Float noise does not
    count: 8.399999999999999 is 8.4. Missing values are left out; an empty column gets 0."""
    return max((decimals_of(v, cap) for v in values if not is_missing(v)), default=0)


def round_sig(value: float, sig: int) -> float:
    """``value`` rounded half up to ``sig`` significant figures (integer digits kept whole)."""
    return round_half_up(value, decimals_for(value, sig))


def input_sig(inputs: Iterable[float | str]) -> int:
    """The significant figures a value derived from ``inputs`` may show: the fewest of them."""
    figures = [significant_figures(x) for x in inputs if not is_missing(x)]
    if not figures:
        raise ValueError("input_sig needs at least one input that is not missing")
    return min(figures)


def format_number(
    value: Any,
    sig: int | None = None,
    *,
    inputs: Iterable[float | str] = (),
    decimals: int | None = None,
    thousands: bool = False,
    missing: str = MISSING,
) -> str:
    """``value`` as it may be shown: '2.38' for 2.380952 of unknown inputs, '114' for
    114.285714 at two figures, '10.74' as published, '—' when missing.

    ``decimals`` fixes the decimals outright (a column printed as the report prints it);
    otherwise ``sig`` or the fewest figures among ``inputs`` decide; otherwise a value with
    at most :data:`PUBLISHED_SIG` figures prints as it is and a longer one at
    :data:`DEFAULT_SIG`. Trailing zeros are dropped unless ``decimals`` is given.
    """
    if is_missing(value):
        return missing
    number = float(value)
    if not math.isfinite(number):
        return missing
    inputs = list(inputs)
    if decimals is None:
        if sig is None and inputs:
            sig = input_sig(inputs)
        if sig is None and looks_published(number):
            places = _repr_decimals(number)
        else:
            places = decimals_for(number, sig or DEFAULT_SIG)
        shown = fixed(number, places, thousands=thousands)
        if "." in shown:
            shown = shown.rstrip("0").rstrip(".")
    else:
        shown = fixed(number, decimals, thousands=thousands)
    return "0" if shown in ("-0", "") else shown


def looks_published(value: float) -> bool:
    """Whether ``value`` reads like a figure as the report or a bureau prints it: at most
    :data:`PUBLISHED_SIG` significant figures (10.74, 0.4203) or at most two decimals
    (3347.6, 1130.3). A derived 75.119161 does not."""
    return significant_figures(value) <= PUBLISHED_SIG or _repr_decimals(value) <= 2


def _repr_decimals(value: float) -> int:
    text = repr(float(value))
    if "e" in text or "." not in text:
        return 0
    decimals = text.split(".")[1]
    return 0 if decimals == "0" else len(decimals)


def format_percent(value: Any, sig: int | None = None, **kwargs: Any) -> str:
    """'95.3%' — :func:`format_number` with a percent sign (the missing marker stays bare)."""
    shown = format_number(value, sig, **kwargs)
    return shown if shown == kwargs.get("missing", MISSING) else f"{shown}%"


def overprecise(value: Any, max_decimals: int = 4) -> bool:
    """Whether ``value`` prints more than ``max_decimals`` decimals in its shortest form."""
    if is_missing(value):
        return False
    text = repr(float(value))
    return "." in text and "e" not in text and len(text.split(".")[1]) > max_decimals


__all__ = [
    "DEFAULT_SIG", "MISSING", "PUBLISHED_SIG", "column_decimals", "decimals_for", "decimals_of",
    "fixed", "format_number", "format_percent", "input_sig", "is_missing", "looks_published",
    "overprecise", "round_half_up", "round_sig", "significant_figures",
]  # fmt: skip

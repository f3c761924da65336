"""Unit conversions, so that no comparison ever mixes magnitudes.

Units are grouped by dimension; a conversion between two units of different dimensions is an
error rather than a silent multiplication.
"""

from __future__ import annotations

# Factor to the dimension's base unit (元, 斤, 平方米, count…).
_FACTORS: dict[str, tuple[str, float]] = {
    "元": ("money", 1.0),
    "万元": ("money", 1e4),
    "亿元": ("money", 1e8),
    "斤": ("mass", 0.5),  # 1 市斤 = 0.5 kg
    "万斤": ("mass", 0.5e4),
    "公斤": ("mass", 1.0),
    "吨": ("mass", 1e3),
    "万吨": ("mass", 1e7),
    "亩": ("area", 10_000 / 15),  # 1 亩 = 1/15 公顷 = 666.67 平方米
    "万亩": ("area", 1e4 * 10_000 / 15),
    "公顷": ("area", 10_000.0),
    "平方米": ("area", 1.0),
    "万平方米": ("area", 1e4),
    "人": ("people", 1.0),
    "万人": ("people", 1e4),
}


def dimension(unit: str) -> str | None:
    """The physical dimension of ``unit`` (money, mass, area, people), or None if it has none."""
    entry = _FACTORS.get(unit)
    return entry[0] if entry else None


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` from one unit to another of the same dimension.

    >>> convert(4203, "万元", "亿元")
    0.4203
    >>> convert(3410, "万斤", "吨")
    17050.0
    """
    if from_unit == to_unit:
        return value
    try:
        dim_from, f_from = _FACTORS[from_unit]
        dim_to, f_to = _FACTORS[to_unit]
    except KeyError as exc:
        known = ", ".join(_FACTORS)
        raise ValueError(f"unknown unit {exc.args[0]!r}; known units: {known}") from None
    if dim_from != dim_to:
        raise ValueError(f"cannot convert {from_unit} ({dim_from}) to {to_unit} ({dim_to})")
    return value * f_from / f_to

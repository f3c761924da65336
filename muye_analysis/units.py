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


# Units as printed (schema.UNITS) in English, for values shown as stored (a workbook's cells);
# counts of things need no unit word. A briefing, chart or sentence converts money to RMB bn
# (money_en, vocab.money_axis): its one money convention. 万斤 in tonnes (1 jin = 0.5 kg).
UNITS_EN = {
    "亿元": "RMB 100 million", "万元": "RMB 10,000", "元": "RMB", "%": "%",
    "位": "", "名": "", "个": "", "家": "", "项": "", "类": "", "场次": "", "所": "",
    "件": "", "户": "", "天": "days", "期": "", "处": "", "座": "", "批": "",
    "人": "people", "万人": "10,000 people",
    "万平方米": "10,000 m²", "平方米": "m²",
    "万斤": "× 5 tonnes (10,000 jin)", "斤": "× 0.5 kg (jin)", "吨": "t", "万吨": "10,000 t",
    "亿安时": "100 million Ah",
    "万亩": "10,000 mu", "亩": "mu", "公顷": "ha",
    "倍": "times",
}  # fmt: skip

# English amounts spell out 万 (10^4) and 亿 (10^8): 2.75万亩 is "27,500 mu"; money is in RMB bn
# (MONEY_EN) and weights in jin are in tonnes (TONNES_PER_UNIT).
SCALED_UNITS_EN = {
    "万人": (1e4, "people"), "万平方米": (1e4, "m²"), "万吨": (1e4, "t"),
    "亿安时": (1e8, "Ah"), "万亩": (1e4, "mu"),
}  # fmt: skip
MONEY_EN = {"亿元": 1e8, "万元": 1e4, "元": 1.0}  # yuan per unit
TONNES_PER_UNIT = {"万斤": 5.0, "斤": 0.0005}


def unit_en(unit: str) -> str:
    """The English rendering of a unit as printed ('' for plain counts such as 个, 家)."""
    try:
        return UNITS_EN[unit]
    except KeyError:
        raise KeyError(f"no English for unit {unit!r}; add it to units.UNITS_EN") from None


def spell_scale(number: float) -> str:
    """2.321e9 -> '2.321 billion'; smaller numbers with thousands separators."""
    for size, name in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{round(number / size, 6):g} {name}"
    return f"{round(number, 6):,.10g}"


def decimals_of(value: float, most: int = 4) -> int:
    """Decimals of ``value`` as printed without trailing zeros (232.1 → 1, 90.0 → 0, 10.74 → 2)."""
    shown = f"{abs(value):.{most}f}".rstrip("0").rstrip(".")
    return len(shown.split(".")[1]) if "." in shown else 0


def money_en(yi: float, decimals: int | None = None) -> str:
    """An amount given in 亿元 as English shows it, always in RMB bn (one money convention):
    one more decimal than the 亿元 figure, so every published digit stays and none is added
    (232.1 → 'RMB 23.21 bn', 12.11 → 'RMB 1.211 bn', 90 → 'RMB 9.0 bn', 6.1 → 'RMB 0.61 bn').
    ``decimals`` are the 亿元 figure's decimals when it is printed with trailing zeros (246.0).
    Amounts below RMB 10 mn (a few 万元) are given in RMB mn."""
    from muye_analysis.display import fixed

    places = decimals_of(yi) if decimals is None else decimals
    if abs(yi) >= 0.1 or yi == 0:
        return f"RMB {fixed(yi / 10, places + 1)} bn"
    return f"RMB {fixed(yi * 100, max(places - 2, 0))} mn"


def money_scale(unit: str) -> float:
    """The factor from an amount in ``unit`` (亿元, 万元, 元) to RMB bn."""
    return MONEY_EN[unit] / 1e9


def amount_en(value: float, unit: str, decimals: int | None = None) -> str:
    """A value with its unit in English: 80亿元 -> 'RMB 8.0 bn', 3410万斤 -> '17,050 t',
    200个 -> '200'.

    >>> amount_en(80, "亿元"), amount_en(8000, "人"), amount_en(2.75, "万亩")
    ('RMB 8.0 bn', '8000 people', '27,500 mu')
    """
    if unit in MONEY_EN:
        yi = value * MONEY_EN[unit] / 1e8
        if decimals is not None and unit != "亿元":  # the figure's decimals, moved to 亿元
            decimals += {"万元": 4, "元": 8}[unit]
        return money_en(yi, decimals)
    if unit in TONNES_PER_UNIT:
        return f"{round(value * TONNES_PER_UNIT[unit], 6):,.10g} t"
    if unit in SCALED_UNITS_EN:
        factor, word = SCALED_UNITS_EN[unit]
        return f"{spell_scale(value * factor)} {word}"
    word = unit_en(unit)
    return f"{value:g}{word}" if word in ("", "%") else f"{value:g} {word}"


__all__ = [
    "MONEY_EN", "SCALED_UNITS_EN", "TONNES_PER_UNIT", "UNITS_EN", "amount_en", "convert",
    "decimals_of", "dimension", "money_en", "money_scale", "spell_scale", "unit_en",
]  # fmt: skip

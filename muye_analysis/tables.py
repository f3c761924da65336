"""Notebook tables: a DataFrame as a reader should see it (a pandas ``Styler``).

Headers in the notebook's language, one name column, numbers at display precision
(:func:`muye_analysis.display.format_number`), one missing marker (—), fitted to the width of
the page. The words come from :mod:`muye_analysis.vocab`.
"""

from __future__ import annotations

from typing import Any

from muye_analysis.display import MISSING, format_number, is_missing

_NAME_COLUMNS = ("name_zh", "name_en", "short_zh", "short_en", "indicator_zh", "indicator_en")
_TABLE_CSS = [
    {
        "selector": "",
        "props": "width: 100%; max-width: 100%; table-layout: auto; "
        "border-collapse: collapse; font-size: 0.9em;",
    },
    {"selector": "th", "props": "text-align: left; white-space: nowrap; padding: 2px 8px;"},
    {
        "selector": "td",
        "props": "text-align: left; white-space: normal; overflow-wrap: anywhere; "
        "max-width: 32em; padding: 2px 8px;",
    },
]


def show_table(
    df: Any,
    lang: str = "zh",
    *,
    name: str | None = "name",
    sig: dict[str, int] | None = None,
    decimals: dict[str, int] | None = None,
    caption: str | None = None,
) -> Any:
    """``df`` as a notebook should show it: a pandas ``Styler`` with headers in ``lang``, one
    name column, numbers at display precision, one missing marker (—), fitted to the width.

    ``name`` picks the name column kept from name_zh/name_en/short_zh/short_en ("name" or
    "short", in ``lang``; None keeps none of them); the other name columns are dropped. Known
    column codes (period, value, gap_pp, …) and codes in cells (actual, at_least, real, …) are
    shown in ``lang`` (:data:`muye_analysis.vocab.TABLE_HEADERS` / ``TABLE_VALUES``); ``sig`` and
    ``decimals`` fix the precision of named columns, otherwise :func:`format_number` decides.
    """
    from muye_analysis import vocab

    frame = df.reset_index(drop=True) if _plain_index(df) else df.copy()
    if name and "indicator" in frame.columns and not set(_NAME_COLUMNS) & set(frame.columns):
        # analysis tables carry the indicator id only: its name comes from the vocabulary
        short = name == "short"
        names = [vocab.indicator_name(str(i), lang, short=short) for i in frame["indicator"]]
        frame = frame.assign(indicator=names).rename(columns={"indicator": f"{name}_{lang}"})
    keep = f"{name}_{lang}" if name else None
    if keep is not None and keep not in frame.columns:
        other = "en" if lang == "zh" else "zh"  # a table with names in one language only
        keep = next((c for c in (f"name_{lang}", f"short_{lang}", f"indicator_{lang}",
                                 f"name_{other}", f"short_{other}", f"indicator_{other}")
                     if c in frame.columns), None)  # fmt: skip
    drop = [c for c in _NAME_COLUMNS if c in frame.columns and c != keep]
    frame = frame.drop(columns=drop)
    if keep is not None:
        frame = frame[[keep, *[c for c in frame.columns if c != keep]]]
    import pandas as pd

    for column in frame.columns:
        if pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: vocab.table_value(str(v), lang))
        elif _is_text(frame[column]):
            frame[column] = frame[column].map(lambda v: vocab.table_value(v, lang))
    formatters = {
        column: _formatter(column, sig or {}, decimals or {})
        for column in frame.columns
        if _is_number(frame[column])
    }
    headers = {c: vocab.table_header(str(c), lang) for c in frame.columns}
    if keep is not None:
        headers[keep] = vocab.table_header("name", lang)
    frame = frame.rename(columns=headers)
    formatters = {vocab.table_header(str(c), lang): f for c, f in formatters.items()}
    styler = frame.style.format(formatters, na_rep=MISSING).format(
        lambda v: MISSING if is_missing(v) else v,
        subset=[c for c in frame.columns if c not in formatters],
    )
    if _plain_index(df):
        styler = styler.hide(axis="index")
    styler = styler.set_table_styles(_TABLE_CSS)
    if caption:
        styler = styler.set_caption(caption)
    return styler


def _formatter(column: str, sig: dict[str, int], decimals: dict[str, int]):
    if column in decimals:
        return lambda v: format_number(v, decimals=decimals[column])
    if column in sig:
        return lambda v: format_number(v, sig[column])
    return format_number


def _plain_index(df: Any) -> bool:
    import pandas as pd

    return isinstance(df.index, pd.RangeIndex)


def _is_number(series: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _is_text(series: Any) -> bool:
    import pandas as pd

    return (
        pd.api.types.is_string_dtype(series)
        or isinstance(series.dtype, pd.CategoricalDtype)
        or series.dtype == object
    )


def scenario_table(scenarios: Any, lang: str = "zh") -> Any:
    """The forecast's scenarios (``GrowthForecast.scenarios(target)``: codes, numbers and
    periods) as a reader's table: each scenario's assumption in ``lang`` (the vocabulary's
    ``fan.bar.<code>``), the growth of the rest of the year it assumes and the annual figure it
    gives."""
    import pandas as pd

    from muye_analysis import vocab

    rows = [
        {"label": vocab.text(f"fan.bar.{r['scenario']}", lang, span=r["span"],
                             rest_growth=r["rest_growth"]),
         "rest_growth": r["rest_growth"], "annual": r["annual"]}
        for r in scenarios.to_dict("records")
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["label", "rest_growth", "annual"])


def fan_side_table(facts: Any, lang: str = "zh") -> Any:
    """The full-year figures beside a fan (``forecast.presentation.FanFacts``) as a table: the
    forecast, the anchored forecast when there is one and the scenarios, each with the growth
    of the rest of the year it assumes (scenarios) and its annual figure."""
    import pandas as pd

    from muye_analysis.charts.fan import side_rows

    rows = [{"label": r["label"], "rest_growth": r["rest"], "annual": r["annual"]}
            for r in side_rows(facts, lang)]  # fmt: skip
    return pd.DataFrame(rows, columns=["label", "rest_growth", "annual"])

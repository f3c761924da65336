"""The district's 位次 in words: the numbers and codes of ``league.city_ranks`` in one language.

``league.city_ranks`` returns ranks, changes, gaps and codes; this module says them, with the
vocabulary's words only (``vocab.STRINGS``, the block marked issue 27): 并列第6位, 较一季度前移
2位, 高于全市0.4个百分点, 占全市7.3%, 距获嘉县0.4个百分点. The charts, notebook 02, the deck and
the 进度监测 workbook all show the district's table through :func:`rank_table`, so they agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from muye_analysis import vocab
from muye_analysis.display import format_number, is_missing
from muye_analysis.periods import Period, parse_period

if TYPE_CHECKING:
    import pandas as pd


def area_name(area: str, lang: str) -> str:
    """A unit's name in ``lang`` (红旗区 / Hongqi); an unknown area as written."""
    key = f"area_{area}"
    return vocab.text(key, lang) if key in vocab.STRINGS else str(area)


def rank_text(rank: int, tied: bool, lang: str) -> str:
    """第6位 / 并列第6位 (No. 6 / No. 6 (tied))."""
    return vocab.text("cr_rank_tied" if tied else "cr_rank", lang, rank=int(rank))


def rank_short(rank: int, tied: bool, lang: str) -> str:
    """6 / 6= : a point label."""
    return vocab.text("cr_rank_short_tied", lang, rank=int(rank)) if tied else str(int(rank))


def frame_text(n: int, lang: str) -> str:
    """共13个单位参与排名 / 13 units ranked."""
    return vocab.text("cr_frame", lang, n=int(n))


def period_name(label: Any, lang: str, *, year: int | None = None) -> str:
    """A store period label (YYYY年1-3月) as the text says it: 一季度 / Q1 within ``year``, the
    full label otherwise."""
    period = label if isinstance(label, Period) else parse_period(str(label))
    return period.name(lang) if year == period.year else period.label(lang)


def change_text(row: Any, lang: str, *, frames: bool = True) -> str:
    """较一季度前移2位 / down 1 on Jan-May / 无上期位次, with the two frames when they differ
    (``frames``)."""
    if is_missing(row["rank_change"]):
        return vocab.text("cr_no_previous", lang)
    change = int(row["rank_change"])
    period = period_name(row["previous_period"], lang, year=int(row["year"]))
    key = "cr_up" if change > 0 else "cr_down" if change < 0 else "cr_same"
    words = vocab.text(key, lang, period=period, m=abs(change))
    changed = not is_missing(row["frame_changed"]) and bool(row["frame_changed"])
    if frames and changed and not is_missing(row["previous_frame"]):
        words += vocab.text("cr_frame_changed", lang, m=int(row["previous_frame"]),
                            n=int(row["frame_size"]))  # fmt: skip
    return words


def city_text(row: Any, lang: str) -> str:
    """高于全市0.4个百分点 / 占全市7.3% (growth against the city; a level's share of it)."""
    gap = row["gap_to_city"]
    if is_missing(gap):
        return vocab.text("cr_no_city", lang)
    if row["gap_to_city_kind"] == "share_pct":
        return vocab.text("cr_share_city", lang, value=float(gap))
    if round(float(gap), 1) == 0:
        return vocab.text("cr_level_city", lang)
    key = "cr_above_city" if gap > 0 else "cr_below_city"
    return vocab.text(key, lang, value=abs(float(gap)))


def above_text(row: Any, lang: str) -> str:
    """距获嘉县0.4个百分点 / 距卫滨区9亿元 / 居首位."""
    if is_missing(row["gap_to_above"]):
        return vocab.text("cr_first", lang)
    name = area_name(str(row["area_above"]), lang)
    gap = float(row["gap_to_above"])
    if row["measure"] == "growth":
        return vocab.text("cr_behind_points", lang, name=name, value=gap)
    return vocab.text("cr_behind_level", lang, name=name, text=amount(gap, row, lang))


def amount(value: float, row: Any, lang: str) -> str:
    """A level (or a gap in levels) with its unit: 115亿元 / RMB 11.5 bn."""
    unit = "" if is_missing(row["unit"]) else str(row["unit"])
    value = round(float(value), 9)
    return vocab.amount(value, unit, lang) if unit else format_number(value)


def value_text(row: Any, lang: str) -> str:
    """The unit's figure as published: 5.2% for growth, 115亿元 for a level."""
    if row["measure"] == "growth":
        return f"{float(row['value']):.1f}%"
    return amount(float(row["value"]), row, lang)


def indicator_name(indicator: str, lang: str, registry: pd.DataFrame | None = None) -> str:
    """地区生产总值 / GDP: the official name of an indicator (the registry's otherwise)."""
    from muye_analysis.dataset import load_registry

    registry = load_registry() if registry is None else registry
    found = registry[registry["indicator"] == indicator]
    info = found.iloc[0].to_dict() if len(found) else {"indicator": indicator}
    return vocab.indicator_name(info, lang)


def indicator_label(row: Any, lang: str, registry: pd.DataFrame | None = None) -> str:
    """地区生产总值（增速） / GDP (growth): the indicator's official name and the measure."""
    name = indicator_name(str(row["indicator"]), lang, registry)
    measure = vocab.text(f"cr_measure_{row['measure']}", lang)
    return name + vocab.text("cr_with_measure", lang, text=measure)


def rank_table(
    ranks: pd.DataFrame,
    lang: str = "zh",
    registry: pd.DataFrame | None = None,
    *,
    frame_column: bool = True,
) -> pd.DataFrame:
    """The district's 位次 table for slides, notebooks and workbooks: one row per indicator and
    measure of ``league.district_ranks``, every cell a string in ``lang``: the figure, the rank
    (并列 where tied), the units ranked, the change since the previous table, the gap to the city
    and to the unit above. ``frame_column=False`` (a slide) leaves the units ranked to
    :func:`frames_text`, said once under the table."""
    import pandas as pd

    period = ranks.attrs.get("as_of")
    when = period.label(lang) if period is not None else ""
    rows = []
    for row in ranks.to_dict("records"):
        rows.append(
            {
                vocab.text("cr_col_indicator", lang): indicator_label(row, lang, registry),
                vocab.text("cr_col_value", lang, period=when): value_text(row, lang),
                vocab.text("cr_col_rank", lang): rank_text(row["rank"], row["tied"], lang),
                vocab.text("cr_col_frame", lang): str(int(row["frame_size"])),
                vocab.text("cr_col_change", lang): change_text(row, lang, frames=frame_column),
                vocab.text("cr_col_city", lang): city_text(row, lang),
                vocab.text("cr_col_above", lang): above_text(row, lang),
            }
        )
    out = pd.DataFrame(rows)
    if not frame_column:
        out = out.drop(columns=vocab.text("cr_col_frame", lang))
    out.attrs.update(ranks.attrs)
    return out


def frames_text(ranks: pd.DataFrame, lang: str, registry: pd.DataFrame | None = None) -> str:
    """The units ranked in one phrase: 13个 when every indicator ranks the same units, else
    13个；规上工业增加值、固定资产投资14个 (the most common frame first)."""
    sizes = ranks.groupby("frame_size")["indicator"].agg(lambda s: list(dict.fromkeys(s)))
    common = int(ranks["frame_size"].mode().iloc[0])
    parts = [vocab.text("cr_frame_short", lang, n=common)]
    for n, indicators in sizes.items():
        if int(n) != common:
            names = vocab.join_names([indicator_name(i, lang, registry) for i in indicators], lang)
            parts.append(vocab.text("cr_frames_some", lang, names=names, n=int(n)))
    return vocab.text("source_sep", lang).join(parts)


def rule_notes(
    ranks: pd.DataFrame, lang: str, *, change: bool = True, ties: bool = True, zones: bool = True
) -> list[str]:
    """The notes every chart, slide and sheet of the ranks carries: the city's frame, 长垣市's
    status (when it is ranked), how ties and changes are read, published ranks that the figures
    do not give."""
    from muye_analysis.quarterly.city_table import ZONES

    notes = [vocab.text("cr_rule_frame", lang)]
    apart = [z for z in ZONES if z in set(ranks["area"])]
    if apart and zones:
        names = vocab.join_names([area_name(z, lang) for z in apart], lang)
        notes.append(vocab.text("cr_rule_zone_apart", lang, names=names))
    notes.append(vocab.text("cr_rule_changyuan", lang))  # in every frame the city ranks
    notes += [vocab.text("cr_rule_ties", lang)] if ties else []
    notes += [vocab.text("cr_rule_change", lang)] if change else []
    return notes + disagreement_notes(ranks, lang)


def disagreement_notes(ranks: pd.DataFrame, lang: str) -> list[str]:
    """One note naming the units whose published 位次 the figures do not give (none if all
    agree)."""
    differ = ranks[ranks["rank_disagrees"].fillna(False).astype(bool)]
    if differ.empty:
        return []
    names = [f"{area_name(r['area'], lang)} {indicator_label(r, lang)}"
             for r in differ.to_dict("records")]  # fmt: skip
    return [vocab.text("cr_rule_disagrees", lang, names=vocab.join_names(names, lang))]


def source_text(ranks: pd.DataFrame, lang: str) -> str:
    """资料来源：the city bureau's tables, each by its issuer, title and date (新乡市统计局
    《YYYY年1-6月各县（市、区）主要经济指标》), and the synthetic stamp when any row is from a
    synthetic file. The files' names stay with the figures (the store), not on the slide."""
    parts = vocab.store_citations(ranks, lang)  # the latest table first
    if bool(ranks["synthetic"].fillna(False).any()):
        parts.append(vocab.text("synthetic_stamp", lang))
    return vocab.text("source_prefix", lang) + vocab.text("source_sep", lang).join(parts)


def real_check_table(check: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """``league.real_rank_check()`` for a reader: each unit the newspaper listed, its figure,
    the rank the league's rules give and the rank the report states (未写明 where none)."""
    import pandas as pd

    rows = []
    for row in check.to_dict("records"):
        measure = "growth" if row["measure"] == "growth_rate" else "level"
        shown = {**row, "measure": measure}
        reported = row["published_rank"]
        rows.append(
            {
                vocab.text("cr_col_year", lang): str(row["year"]),
                vocab.text("cr_col_indicator", lang): indicator_label(shown, lang),
                vocab.text("cr_col_unit", lang): area_name(row["region"], lang),
                vocab.text("cr_col_figure", lang): (
                    f"{float(row['value']):.1f}%" if measure == "growth"
                    else format_number(float(row["value"]))
                ),
                vocab.text("cr_col_computed", lang): str(int(row["rank"])),
                vocab.text("cr_col_reported", lang): (
                    vocab.text("cr_not_reported", lang) if is_missing(reported)
                    else str(int(reported))
                ),
                vocab.text("cr_col_agrees", lang): (
                    "" if is_missing(row["agrees"])
                    else vocab.text("cr_yes" if row["agrees"] else "cr_no", lang)
                ),
                vocab.text("cr_col_listed", lang): str(int(row["listed"])),
                vocab.text("cr_col_source", lang): str(row["source_url"]),
            }
        )  # fmt: skip
    return pd.DataFrame(rows)


def real_check_summary(check: pd.DataFrame, lang: str = "zh") -> str:
    """报道写明的18个位次中，按本工具的排名规则计算得到18个。"""
    stated = check[check["published_rank"].notna()]
    return vocab.text("cr_real_summary", lang, n=len(stated), m=int(stated["agrees"].sum()))

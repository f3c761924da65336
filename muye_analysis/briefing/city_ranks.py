"""The district among the city's units in the deck: its 位次 table, and every unit's growth.

Two slides when the store holds a city table of every unit (``quarterly.city_table``,
``league.city_ranks``) for the latest period: the district's table (every indicator: figure,
rank, units ranked, change since the previous table, gap to the city and to the unit above) and
one indicator's growth for every unit as a native bar chart (the district in blue, the city
among them in grey). Rows from synthetic or example files are never used unless
``allow_synthetic`` (tests and demonstrations only), and then every slide says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config, vocab
from muye_analysis.briefing.model import ChartSlide, NativeChart, Series, Slide, TableSlide
from muye_analysis.briefing.native import COLOURS
from muye_analysis.charts import rank_words

if TYPE_CHECKING:
    import pandas as pd

UNIT_COLOUR = "BFBFBF"  # the other units: a light neutral grey (grey proper is the city)
_SYNTHETIC_TITLE = {"zh": "（示例数据）", "en": " (synthetic data)"}


@dataclass(frozen=True)
class CityRankPart:
    """The slides on the city's tables and the notes of how they were made."""

    slides: tuple[Slide, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)


def city_rank_part(
    lang: str,
    figure_dir: Path,
    *,
    store: pd.DataFrame | None = None,
    allow_synthetic: bool = False,
    area: str = config.DISTRICT_ZH,
    as_of: object = None,
) -> CityRankPart:
    """The 位次 slides for the latest city table in ``store`` (default: the processed store) up
    to ``as_of`` (a Period; the briefing's one period), or an empty part when there is none."""
    from muye_analysis import league
    from muye_analysis.quarterly import is_synthetic, read_store

    store = read_store() if store is None else store
    notes: list[str] = []
    if len(store) and not allow_synthetic:
        fake = is_synthetic(store)
        others = [u for u in league.UNITS if u != area]  # the district's rows: ytd's note
        city_rows = store["area"].isin(others) & fake
        if city_rows.any():
            notes.append(vocab.text("cr_synthetic_ignored", lang, n=int(city_rows.sum())))
        store = store[~fake]
    period = league.latest_city_period(store, as_of)
    if period is None:  # no city table up to the briefing's period
        return CityRankPart(notes=tuple(notes))
    ranks = league.city_ranks(as_of=period, store=store)
    mine = league.district_ranks(ranks, area)
    if mine.empty:
        return CityRankPart(notes=tuple(notes))
    synthetic = bool(ranks["synthetic"].fillna(False).any())
    slides: list[Slide] = [rank_table_slide(mine, ranks, lang, synthetic)]
    dots = growth_dots_slide(ranks, mine, lang, figure_dir, synthetic, area)
    slides += [dots] if dots is not None else []
    return CityRankPart(tuple(slides), tuple(notes))


def _title(ranks: pd.DataFrame, lang: str, synthetic: bool) -> str:
    period = ranks.attrs["as_of"].label(lang)
    title = vocab.text("cr_slide_title", lang, period=period)
    return title + (_SYNTHETIC_TITLE[lang] if synthetic else "")


def rank_table_slide(
    mine: pd.DataFrame, ranks: pd.DataFrame, lang: str, synthetic: bool
) -> TableSlide:
    """The district's 位次 table: one row per indicator and measure, the units ranked in a
    column of its own (frames differ when a zone is listed apart)."""
    table = rank_words.rank_table(mine, lang, frame_column=False)
    # Under the table, one line: the units ranked, 长垣市 (省直管) in, 全市 out; and a line
    # naming ranks the table publishes that its figures do not give. The full rules go to the
    # chart slide's notes; the synthetic stamp is in the title and the source line.
    notes = [vocab.text("cr_slide_frame", lang, text=rank_words.frames_text(mine, lang))]
    notes += rank_words.disagreement_notes(ranks, lang)
    return TableSlide(
        name="city_ranks",
        title=_title(ranks, lang, synthetic),
        columns=tuple(table.columns),
        rows=tuple(tuple(str(v) for v in row) for row in table.itertuples(index=False)),
        notes=tuple(notes),
        source=rank_words.source_text(mine, lang),
    )


def growth_dots_slide(
    ranks: pd.DataFrame,
    mine: pd.DataFrame,
    lang: str,
    figure_dir: Path,
    synthetic: bool,
    area: str = config.DISTRICT_ZH,
) -> ChartSlide | None:
    """Every unit's growth of the first headline indicator the district is ranked on by
    growth: the chart (PNG, for the HTML report) and its native bars (for the deck)."""
    from muye_analysis.briefing.pictures import draw_pictures
    from muye_analysis.chart_spec import ChartSpec, Note

    growth = mine[mine["measure"] == "growth"]
    if growth.empty:
        return None
    row = growth.iloc[0]
    indicator = str(row["indicator"])
    rows = ranks[(ranks["indicator"] == indicator) & (ranks["measure"] == "growth")]
    name = rank_words.indicator_name(indicator, lang)
    takeaway = vocab.text(
        "cr_take_dots",
        lang,
        name=name,
        value=float(row["value"]),
        text=rank_words.rank_text(row["rank"], bool(row["tied"]), lang),
        rest=rank_words.frame_text(int(row["frame_size"]), lang),
        names=rank_words.city_text(row, lang),
    )
    title = vocab.text("cr_dots_title", lang, period=ranks.attrs["as_of"].label(lang), name=name)
    # One spec for the deck's native bars and the report's picture (issue 23): the same chart.
    bars = growth_bars(rows, lang, area)
    notes = tuple(rank_words.rule_notes(rows, lang, change=False))
    spec = ChartSpec(
        name="city_growth_dots",
        panels=(bars,),
        title=title,
        notes=tuple(Note(n) for n in notes),
        source=rank_words.source_text(rows, lang),
        stamp=vocab.text("synthetic_stamp", lang) if synthetic else "",
        lang=lang,
    )
    image, phone = draw_pictures(spec, f"city_growth_dots_{lang}", figure_dir)
    return ChartSlide(
        name="city_growth_dots",
        title=title + (_SYNTHETIC_TITLE[lang] if synthetic else ""),
        takeaway=takeaway,
        image=image,
        source=spec.source,
        charts=(bars,),
        notes=notes,
        spec=spec,
        phone_image=phone,
    )


def growth_bars(rows: pd.DataFrame, lang: str, area: str = config.DISTRICT_ZH) -> NativeChart:
    """Every unit's growth as horizontal bars in rank order, the city in its place among them:
    the district in blue, the city in grey, the other units in light grey; labels give the
    figure and, for the district, its rank."""
    ordered = rows.sort_values(["rank", "value"], ascending=[True, False])
    items = [
        (f"{rank_words.rank_short(r['rank'], bool(r['tied']), lang)} "
         f"{rank_words.area_name(r['area'], lang)}", float(r["value"]),
         COLOURS["muye"] if r["area"] == area else UNIT_COLOUR,
         f"{float(r['value']):.1f}" + (
             " " + rank_words.rank_text(r["rank"], bool(r["tied"]), lang)
             if r["area"] == area else ""))
        for r in ordered.to_dict("records")
    ]  # fmt: skip
    city = ordered["city_value"].dropna()
    if len(city):
        value = float(city.iloc[0])
        at = sum(v > value for _, v, _, _ in items)
        label = vocab.text("cr_city_line", lang, value=value)
        items.insert(at, (vocab.text("cr_city_bar", lang), value, COLOURS["reference"], label))
    frame = rank_words.frame_text(int(ordered["frame_size"].iloc[0]), lang)
    return NativeChart(
        kind="bar",
        categories=tuple(c for c, _, _, _ in items),
        series=(
            Series(
                name=vocab.text("cr_dots_axis", lang),
                values=tuple(v for _, v, _, _ in items),
                colour=UNIT_COLOUR,
                point_colours=tuple(c for _, _, c, _ in items),
                labels=tuple(lab for _, _, _, lab in items),
            ),
        ),
        title=frame,
        axis_title=vocab.text("cr_dots_axis", lang),
        number_format="0.0",
        axis_format="0",
        legend=False,
    )

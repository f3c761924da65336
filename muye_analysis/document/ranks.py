"""三、位次: the district's ranks in the document, from the city's table of every unit at or
before the period (``league.city_ranks``), else the 全市位次 printed in the district's own table
(``league.published_ranks``): a paragraph of rank claims, and the table.
"""

from __future__ import annotations

from muye_analysis import vocab
from muye_analysis.claims import analysis
from muye_analysis.claims.base import Claim
from muye_analysis.display import MISSING, is_missing
from muye_analysis.document.context import Context, cell_text, make_paragraph, space
from muye_analysis.document.parts import Block, Table


def rank_section(ctx: Context) -> tuple[tuple[Block, ...], list[Claim]] | None:
    """The district's ranks: from the city's table of every unit at or before the period, else
    the 全市位次 printed in the district's own table; None when the store has neither."""
    from muye_analysis import league

    city_period = league.latest_city_period(ctx.store, ctx.period)
    if city_period is not None:
        ranks = league.city_ranks(as_of=city_period, store=ctx.store)
        mine = league.district_ranks(ranks)
        if len(mine):
            return _city_ranks(ctx, ranks, mine, city_period)
    published = league.published_ranks(ctx.store, ctx.period)
    if published.empty:
        return None
    return _published_ranks(ctx, published)


def _city_ranks(ctx, ranks, mine, city_period) -> tuple[tuple[Block, ...], list[Claim]]:
    from muye_analysis.charts import rank_words
    from muye_analysis.periods import parse_period

    lang = ctx.lang
    files = sorted({str(f) for f in ranks["file"].dropna()})
    note = ctx.notes.cite(vocab.text("doc.note.ranks_city", lang, period=city_period,
                                     files=vocab.join_names(files, lang)))  # fmt: skip
    claims = []
    for row in mine.to_dict("records"):
        previous = None if is_missing(row["previous_period"]) else parse_period(
            str(row["previous_period"]))  # fmt: skip
        claims.append(analysis.rank_claim(row, city_period, previous))
        ctx.rank_notes[str(row["indicator"])] = note
    intro = Claim("doc.ranks_intro", True, {"period": city_period}, variant="city")
    pairs = [(ctx.say(intro), note)] + [(ctx.say(c), note) for c in claims]
    frame = rank_words.rank_table(mine, lang, frame_column=True)
    table_note = vocab.text("cr_slide_frame", lang, text=rank_words.frames_text(mine, lang))
    if bool(ranks["synthetic"].fillna(False).any()):
        table_note += space(lang) + vocab.text("synthetic_stamp", lang)
    n = len(frame.columns)
    table = Table(vocab.text("doc.table.ranks_caption", lang, n=2, period=city_period),
                  frame, tuple([0.28] + [0.72 / (n - 1)] * (n - 1)), table_note,
                  name="ranks")  # fmt: skip
    blocks = [p for p in (make_paragraph(pairs),) if p] + [table]
    return tuple(blocks), claims


def _published_ranks(ctx, published) -> tuple[tuple[Block, ...], list[Claim]]:
    import pandas as pd

    lang = ctx.lang
    period = published.attrs["as_of"]
    claims, pairs, records = [], [], []
    for row in published.to_dict("records"):
        claim = analysis.published_rank_claim(str(row["indicator"]), int(row["rank"]),
                                              row["period"], row["previous_rank"],
                                              row["previous_period"])  # fmt: skip
        claims.append(claim)
        cell = cell_text(lang, row["file"], row["sheet"], row["row"], row["column"])
        note = ctx.notes.cite(vocab.text("doc.note.ranks_published", lang,
                                         name=vocab.indicator_name(row["indicator"], lang),
                                         period=row["period"], cell=cell))  # fmt: skip
        pairs.append((ctx.say(claim), note))
        ctx.rank_notes[str(row["indicator"])] = note
        change = row["rank_change"]
        records.append([
            vocab.indicator_name(row["indicator"], lang, short=False),
            vocab.text("doc.rank_plain", lang, rank=int(row["rank"])),
            MISSING if row["previous_rank"] is None
            else vocab.text("doc.rank_plain", lang, rank=int(row["previous_rank"])),
            MISSING if change is None else vocab.render(
                analysis.rank_change_phrase(change, row["previous_period"]), lang),
        ])  # fmt: skip
    intro = Claim("doc.ranks_intro", True, {"period": period}, variant="published")
    columns = [vocab.text(f"doc.col.{c}", lang)
               for c in ("indicator", "rank", "rank_previous", "rank_change")]  # fmt: skip
    note = vocab.text("synthetic_stamp", lang) if bool(published["synthetic"].any()) else ""
    table = Table(vocab.text("doc.table.ranks_caption", lang, n=2, period=period),
                  pd.DataFrame(records, columns=columns), (0.34, 0.18, 0.18, 0.30), note,
                  name="ranks")  # fmt: skip
    blocks = [p for p in (make_paragraph([(ctx.say(intro), ()), *pairs]),) if p] + [table]
    return tuple(blocks), claims

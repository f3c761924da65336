"""The text summaries of the curated data that ``muye check`` and ``muye run`` print."""

from __future__ import annotations

from typing import TYPE_CHECKING

from muye_analysis import vocab
from muye_analysis.dataset import HEADLINE, load_indicators, load_targets
from muye_analysis.display import fixed

if TYPE_CHECKING:
    import pandas as pd


def summarise_dataset(lang: str = "zh", *, headline: bool = True) -> str:
    """A short text summary of the validated dataset, for ``muye check`` and ``muye run``.

    Verifies the raw files' checksums and loads (so validates) every curated table, every
    report's rows included, first; the counts and headline lines are the latest report's.
    """
    from muye_analysis.context import load_context
    from muye_analysis.provenance import verify_raw_files
    from muye_analysis.reports import list_reports

    checked = verify_raw_files()
    load_indicators(report="all")  # validates every report's rows, not only the latest's
    reports = list_reports()
    ind = load_indicators()
    context = load_context()
    counts = ind.groupby("kind", observed=True).size()
    latest = reports[-1]
    t = lambda key, **fields: vocab.text(f"check.{key}", lang, **fields)  # noqa: E731
    kinds = vocab.text("sep.items", lang).join(
        f"{vocab.table_value(k, lang)} {n}" for k, n in counts.items()
    )
    lines = [
        t("passed"),
        "  " + t("raw_files", n=len(checked)),
        "  "
        + t(
            "reports",
            n=len(reports),
            document=latest.document,
            base_year=latest.base_year,
            plan_year=latest.plan_year,
        ),
        "  " + t("indicators", n=ind["indicator"].nunique(), kinds=kinds),
        "  " + t("context", n=len(context)),
    ]
    if headline:
        lines += ["", summarise_headline(lang, load_targets(ind))]
    return "\n".join(lines)


def summarise_headline(lang: str = "zh", targets: pd.DataFrame | None = None) -> str:
    """The headline targets beside the base-year actuals, one line each ("—" where not stated)."""
    import pandas as pd

    from muye_analysis.reports import years_of

    targets = load_targets() if targets is None else targets
    base, plan = years_of(targets)
    zh = lang == "zh"
    lines = [vocab.text("check.headline", lang, base_year=base, plan_year=plan)]
    for row in targets[targets["indicator"].isin(HEADLINE)].to_dict("records"):
        name = row["name_zh"] if zh else row["name_en"]
        actual = "—" if pd.isna(row["actual"]) else f"{fixed(row['actual'], 1)}{row['unit']}"
        target = f"{row['target']:g}{row['unit']}"
        if zh:
            target += "" if pd.isna(row["qualifier"]) else row["qualifier"]
        else:
            target = _BOUND_EN.get(row["bound"], "") + target
        lines.append(f"  {name}: {target} / {actual}")
    return "\n".join(lines)


_BOUND_EN = {"at_least": "at least ", "at_most": "at most ", "about": "about "}


__all__ = [
    "summarise_dataset", "summarise_headline",
]  # fmt: skip

"""Growth-gap arithmetic: how far from the target, what the rest of the year needs, was it met.

Percent in, percent out. Annual growth is the base-weighted average of the growth of its parts,
so with ``w`` = last year's cumulative level for the months so far over last year's full-year
level, growth so far ``g_ytd`` and the annual target ``g_target``::

    g_rest = (g_target - w * g_ytd) / (1 - w)

The weights matter: last year's quarters 50, 55, 55, 60 and 5.0% growth in the first three
quarters leave 8.67% for Q4 to reach 6%, not the 9% of the shortcut 4 x 6 - 3 x 5 (which assumes
equal quarters). Every result therefore records where its weights came from: last year's
cumulative levels when known, otherwise a stated assumption.

Differences of growth rates are percentage points (个百分点), not percent.
"""

from muye_analysis.targets.gaps import (
    YtdGap,
    _target_row,
    annual_gaps,
    headline_ytd_gaps,
    implied_bases,
    report_level,
    ytd_gap,
)
from muye_analysis.targets.momentum import (
    ACCELERATING,
    SLOWING,
    STEADY,
    Momentum,
    latest_momentum,
)
from muye_analysis.targets.required import (
    DATA_WEIGHTS,
    QUARTERLY_COMPILED,
    WEIGHTS_EQUAL_MONTHS,
    WEIGHTS_EQUAL_QUARTERS,
    WEIGHTS_GIVEN,
    WEIGHTS_LEVELS,
    WEIGHTS_PRIOR_YEAR,
    WEIGHTS_PRIOR_YEAR_REPORT,
    WEIGHTS_SEASONAL,
    ElapsedShare,
    RequiredGrowth,
    compilation_frequency,
    elapsed_share_for,
    equal_share,
    gap_pp,
    last_year_share,
    required_growth,
    seasonal_share,
    share_from_levels,
    share_from_quarter_levels,
    weights_for,
)
from muye_analysis.targets.sensitivity import (
    equal_weights_bias,
    headline_sensitivity,
    sensitivity_grid,
)
from muye_analysis.targets.verdicts import (
    ABOUT_BAND_PP,
    ABOUT_BAND_REL,
    ABOUT_TOLERANCE_PP,
    ABOUT_TOLERANCE_REL,
    BAND,
    CEILING,
    FLOOR,
    PERCENT_MEASURES,
    VERDICTS,
    Verdict,
    about_band,
    assess_target,
    bound_of,
    is_indicative,
    meets_target,
    target_kind,
)

__all__ = [
    "ABOUT_BAND_PP",
    "ABOUT_BAND_REL",
    "ABOUT_TOLERANCE_PP",
    "ABOUT_TOLERANCE_REL",
    "ACCELERATING",
    "BAND",
    "CEILING",
    "DATA_WEIGHTS",
    "FLOOR",
    "PERCENT_MEASURES",
    "QUARTERLY_COMPILED",
    "SLOWING",
    "STEADY",
    "VERDICTS",
    "WEIGHTS_EQUAL_MONTHS",
    "WEIGHTS_EQUAL_QUARTERS",
    "WEIGHTS_GIVEN",
    "WEIGHTS_LEVELS",
    "WEIGHTS_PRIOR_YEAR",
    "WEIGHTS_PRIOR_YEAR_REPORT",
    "WEIGHTS_SEASONAL",
    "ElapsedShare",
    "Momentum",
    "RequiredGrowth",
    "Verdict",
    "YtdGap",
    "_target_row",
    "about_band",
    "annual_gaps",
    "assess_target",
    "bound_of",
    "compilation_frequency",
    "elapsed_share_for",
    "equal_share",
    "equal_weights_bias",
    "gap_pp",
    "headline_sensitivity",
    "headline_ytd_gaps",
    "implied_bases",
    "is_indicative",
    "last_year_share",
    "latest_momentum",
    "meets_target",
    "report_level",
    "required_growth",
    "seasonal_share",
    "sensitivity_grid",
    "share_from_levels",
    "share_from_quarter_levels",
    "target_kind",
    "weights_for",
    "ytd_gap",
]  # fmt: skip

"""What a claim is: its id, the numbers it says, and whether it may be said.

These dataclasses hold numbers, codes, indicator ids and :class:`~muye_analysis.periods.Period`
objects only; the renderer (:mod:`muye_analysis.vocab.speak`) words them. This module imports
nothing of the package, so both the claims (analysis) and the renderer can use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# What a claim says about the district, for the closing slide.
STRENGTH, WEAKNESS, RISK, NEUTRAL = "strength", "weakness", "risk", "neutral"


@dataclass(frozen=True)
class Phrase:
    """A clause chosen by the data (仍为 / 提高到 / 降至): the vocabulary key that words it and
    the facts it shows."""

    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Amount:
    """A value with the unit it is printed in (亿元, 人, 个, %): 180亿元, 8317人."""

    value: float
    unit: str
    decimals: int | None = None  # None: as published (display.format_number)


@dataclass(frozen=True)
class Claim:
    """One sentence's worth of facts.

    ``id`` names the claim (its vocabulary key is ``claim.<id>[.<variant>][.question]``);
    ``holds`` says whether it may be said at all; ``facts`` are what the sentence shows;
    ``variant`` picks the wording the data call for (``equal`` → 仍为, ``up`` → 提高到);
    ``conditions`` are the codes of the conditions that decided (for tests and notes);
    ``caveat`` names a 口径 difference between the inputs (the sentence is then a question to
    check, 值得关注); ``tone`` says whether it is a strength, weakness or risk.
    """

    id: str
    holds: bool
    facts: Mapping[str, Any] = field(default_factory=dict)
    variant: str = ""
    conditions: tuple[str, ...] = ()
    caveat: str | None = None
    tone: str = NEUTRAL
    subject: str | None = None  # the indicator it is about, if one (one mention per indicator)


def silent(claim_id: str, *conditions: str) -> Claim:
    """A claim that may not be said, with the conditions that failed."""
    return Claim(claim_id, False, conditions=conditions)

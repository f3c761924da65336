"""The indicator registry as an index from names, short names and synonyms to indicators."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from muye_analysis.quarterly.cells import clean_indicator_name

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Indicator:
    id: str
    unit: str | None
    flow: bool
    growth_basis: str | None


@dataclass
class RegistryIndex:
    """Registry ids, Chinese names, short names and synonyms -> indicator."""

    by_name: dict[str, Indicator | None]
    examples: list[str]

    @classmethod
    def from_frame(cls, registry: pd.DataFrame) -> RegistryIndex:
        by_name: dict[str, Indicator | None] = {}
        for row in registry.to_dict("records"):
            info = Indicator(
                id=str(row["indicator"]),
                unit=_str_or_none(row.get("unit")),
                flow=is_true(row.get("flow")),
                growth_basis=_str_or_none(row.get("growth_basis")),
            )
            synonyms = _str_or_none(row.get("synonyms_zh")) or ""
            names = {info.id, row.get("name_zh"), row.get("short_zh"), *synonyms.split("|")}
            for name in names:
                name = _str_or_none(name)
                if name is None:
                    continue
                key = clean_indicator_name(name)[0].lower()
                # A name two indicators share cannot identify either.
                if key in by_name and by_name[key] is not None and by_name[key] != info:
                    by_name[key] = None
                else:
                    by_name.setdefault(key, info)
        examples = [str(n) for n in registry["name_zh"].head(6)]
        return cls(by_name, examples)

    def lookup(self, name: str) -> Indicator | str | None:
        """The indicator, None if unknown, or "ambiguous"."""
        key = name.lower()
        if key not in self.by_name:
            return None
        return self.by_name[key] or "ambiguous"


def is_true(value: Any) -> bool:
    """True for True, "true", "True" or "1" (a registry read as text or typed); else False."""
    return (_str_or_none(value) or "").lower() in ("true", "1")


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    text = str(value).strip()
    return text or None


def default_registry() -> pd.DataFrame:
    """The project's indicator registry (``muye_analysis.dataset.load_registry``)."""
    from muye_analysis.dataset import load_registry

    return load_registry()

"""Find a font that renders Simplified Chinese, on any machine.

Order of preference: a CJK font installed on the system (what the office's machines already
use), then Noto Sans SC shipped by the ``pylopdf-fonts-zh-cn`` dependency (SIL OFL), so a fresh
Linux machine with no CJK fonts still renders Chinese. Only if neither is found do the charts
warn and fall back to English labels: boxes instead of characters are never acceptable on a slide.

Nothing here runs at import time; :func:`find_cjk_font` is called when the house style is
activated and registers the bundled font with matplotlib's font manager then.
"""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass
from pathlib import Path

# System families, best first. Noto Sans CJK and Source Han Sans are the same design; WenQuanYi
# is common on older Linux desktops, Microsoft YaHei on Windows, PingFang on macOS.
SYSTEM_CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "SimHei",
)

# matplotlib always ships DejaVu Sans; it backs up any glyph the CJK font lacks.
LATIN_FALLBACK = "DejaVu Sans"
MINUS_SIGN = 0x2212


class FontFallbackWarning(UserWarning):
    """No font that can render Chinese was found; charts use English labels."""


@dataclass(frozen=True)
class CJKFont:
    """The font the charts use for Chinese.

    ``origin`` is "system", "bundled" or "none" (then ``family`` and ``path`` are None).
    ``has_minus`` says whether the font has U+2212, the typographic minus sign.
    """

    family: str | None
    path: Path | None
    origin: str
    has_minus: bool

    @property
    def available(self) -> bool:
        return self.family is not None


@functools.cache
def find_cjk_font() -> CJKFont:
    """The best available CJK font, registering the bundled one with matplotlib if needed.

    Cached: the search runs once per process. Call ``find_cjk_font.cache_clear()`` after
    installing a font in a running session.
    """
    found = _find_system_font()
    if found is not None:
        family, path = found
        return CJKFont(family, path, "system", _has_glyph(path, MINUS_SIGN))
    path = bundled_font_path()
    if path is not None:
        family = _register(path)
        return CJKFont(family, path, "bundled", _has_glyph(path, MINUS_SIGN))
    return CJKFont(None, None, "none", True)


def bundled_font_path() -> Path | None:
    """Noto Sans SC from the ``pylopdf-fonts-zh-cn`` package, or None if it is not installed."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    path = Path(pylopdf_fonts_zh_cn.sans_path())
    return path if path.is_file() else None


def resolve_lang(lang: str) -> str:
    """``lang`` itself, or "en" (with a warning) when Chinese was asked for but cannot render."""
    if lang not in ("zh", "en"):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    if lang == "zh" and not find_cjk_font().available:
        warnings.warn(
            "No font that renders Chinese was found, so this chart uses English labels. "
            "How to fix: `pip install pylopdf-fonts-zh-cn` (a dependency of muye-analysis) or "
            "install a CJK font (e.g. `apt install fonts-noto-cjk`), then restart Python.",
            FontFallbackWarning,
            stacklevel=3,
        )
        return "en"
    return lang


def font_rc(font: CJKFont) -> dict[str, object]:
    """rcParams that make matplotlib use ``font`` for all text, with a Latin fallback."""
    families = [font.family, LATIN_FALLBACK] if font.family else [LATIN_FALLBACK]
    return {
        # Named families, not the generic "sans-serif": a text's font properties keep the
        # family names they were created with, but a generic name is looked up again at draw
        # time, which may be after the style context has ended (e.g. a notebook's display).
        "font.family": families,
        "font.sans-serif": families,
        # U+2212 if the font has it; otherwise the ASCII hyphen, never a missing-glyph box.
        "axes.unicode_minus": font.has_minus,
    }


def _find_system_font() -> tuple[str, Path] | None:
    from matplotlib import font_manager

    bundled = bundled_font_path()
    installed: dict[str, Path] = {}
    for entry in font_manager.fontManager.ttflist:
        path = Path(entry.fname)
        if bundled is not None and path == bundled:
            continue
        installed.setdefault(entry.name, path)
    for family in SYSTEM_CJK_FAMILIES:
        if family in installed:
            return family, installed[family]
    return None


def _register(path: Path) -> str:
    from matplotlib import font_manager

    known = {Path(entry.fname) for entry in font_manager.fontManager.ttflist}
    if path not in known:
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _has_glyph(path: Path, codepoint: int) -> bool:
    from matplotlib.ft2font import FT2Font

    return codepoint in FT2Font(str(path)).get_charmap()

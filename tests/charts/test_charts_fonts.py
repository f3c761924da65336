"""Chinese renders on any machine: font discovery, fallback, and a glyph check of every label."""

from __future__ import annotations

import subprocess
import sys
import warnings

import chart_frames as F
import matplotlib
import matplotlib.pyplot as plt
import pytest

from muye_analysis import vocab
from muye_analysis.charts import fonts
from muye_analysis.charts.style import SIZES, house_style


@pytest.fixture
def no_cjk_font(monkeypatch):
    """A machine with no CJK font at all: no system font and the font package missing."""
    monkeypatch.setattr(fonts, "_find_system_font", lambda: None)
    monkeypatch.setattr(fonts, "bundled_font_path", lambda: None)
    fonts.find_cjk_font.cache_clear()
    yield
    fonts.find_cjk_font.cache_clear()


@pytest.fixture
def fresh_font_search():
    fonts.find_cjk_font.cache_clear()
    yield
    fonts.find_cjk_font.cache_clear()


def _render(strings: list[str]) -> list[str]:
    """Draw ``strings`` in the house style; return any missing-glyph warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with house_style("slide"):
            fig = plt.figure()
            try:
                for i, s in enumerate(strings):
                    fig.text(0.01, (i % 50) / 50, s)
                fig.canvas.draw()  # Agg rasterises every glyph
            finally:
                plt.close(fig)
    return [str(w.message) for w in caught if "Glyph" in str(w.message)]


def test_the_bundled_noto_sans_sc_is_found_when_no_system_cjk_font_exists(
    monkeypatch, fresh_font_search
):
    monkeypatch.setattr(fonts, "_find_system_font", lambda: None)
    font = fonts.find_cjk_font()
    assert font.origin == "bundled"
    assert font.family == "Noto Sans SC"
    assert font.path.name == "NotoSansSC-Regular.otf"
    assert font.has_minus  # U+2212 is in Noto Sans SC


def test_a_system_cjk_font_is_preferred_over_the_bundled_one(
    monkeypatch, fresh_font_search, tmp_path
):
    system = tmp_path / "wqy-microhei.ttc"
    monkeypatch.setattr(fonts, "_find_system_font", lambda: ("WenQuanYi Micro Hei", system))
    monkeypatch.setattr(fonts, "_has_glyph", lambda path, codepoint: False)
    font = fonts.find_cjk_font()
    assert (font.family, font.origin, font.path) == ("WenQuanYi Micro Hei", "system", system)
    # A font without U+2212 gets the ASCII hyphen rather than a missing-glyph box.
    assert fonts.font_rc(font)["axes.unicode_minus"] is False


def test_system_search_ignores_the_bundled_font_file(fresh_font_search):
    fonts.find_cjk_font()  # registers the bundled font with matplotlib
    found = fonts._find_system_font()
    assert found is None or found[1] != fonts.bundled_font_path()


def test_without_any_cjk_font_charts_warn_and_use_english(no_cjk_font):
    with pytest.warns(fonts.FontFallbackWarning, match="pip install pylopdf-fonts-zh-cn"):
        assert fonts.resolve_lang("zh") == "en"
    assert fonts.font_rc(fonts.find_cjk_font())["font.family"] == ["DejaVu Sans"]


def test_without_any_cjk_font_a_chart_comes_out_in_english_with_no_missing_glyph(no_cjk_font):
    from muye_analysis.charts.growth import plot_growth_gap

    with pytest.warns(fonts.FontFallbackWarning):
        fig = plot_growth_gap(F.targets(), lang="zh")
    try:
        fig.canvas.draw()  # the autouse fixture turns a missing glyph into an error
        title = vocab.text("gap_title", "en", base_year=2023, plan_year=2024)
        assert fig.texts[0].get_text() == title
    finally:
        plt.close(fig)


def test_english_is_never_downgraded(no_cjk_font):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fonts.resolve_lang("en") == "en"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'zh' or 'en'"):
        fonts.resolve_lang("fr")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_string_renders_without_a_missing_glyph(lang):
    strings = vocab.all_chart_strings(lang)
    strings += [vocab.unit_label(u, lang) for u in vocab.UNITS_EN]
    strings += ["−12.3", "≥246.0", "≤5.5%", "≈5.5%", "RMB 23.21 bn", "m²", "÷"]
    assert _render(strings) == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_registry_name_renders_without_a_missing_glyph(lang):
    from muye_analysis import load_registry

    registry = load_registry()
    strings = [*registry[f"short_{lang}"].dropna(), *registry[f"name_{lang}"].dropna()]
    assert len(strings) > 50
    assert _render(strings) == []


def test_the_minus_sign_renders_in_the_house_style():
    with house_style():
        assert matplotlib.rcParams["axes.unicode_minus"] is True
    assert _render(["\N{MINUS SIGN}5.0"]) == []


def test_house_style_restores_every_setting_it_changes():
    before = dict(matplotlib.rcParams)
    with house_style("document") as spec:
        assert spec is SIZES["document"]
        assert list(matplotlib.rcParams["figure.figsize"]) == [6.3, 4.2]
        assert matplotlib.rcParams["font.family"][0] in ("Noto Sans SC", *fonts.SYSTEM_CJK_FAMILIES)
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()


@pytest.mark.slow
def test_importing_the_charts_changes_no_matplotlib_setting():
    code = (
        "import matplotlib, sys; before = dict(matplotlib.rcParams); "
        "import muye_analysis.charts; "
        "changed = [k for k, v in matplotlib.rcParams.items() if before[k] != v]; "
        "assert not changed, changed; "
        "assert 'matplotlib.pyplot' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_the_package_stays_light():
    code = (
        "import sys, muye_analysis; "
        "assert 'matplotlib' not in sys.modules and 'pandas' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

"""Shared test set-up: headless plotting, and outputs kept out of the working tree."""

from __future__ import annotations

import os

import pytest
from suite_steps import COLLECTED

# Agg before anything imports pyplot: tests never need a display.
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _outputs_in_tmp(tmp_path_factory, monkeypatch):
    """Send outputs to a temporary folder, and read no user-dropped year-to-date or league files."""
    out = tmp_path_factory.mktemp("outputs")
    monkeypatch.setenv("MUYE_FIGURES_DIR", str(out / "figures"))
    monkeypatch.setenv("MUYE_BUILD_DIR", str(out / "build"))
    monkeypatch.setenv("MUYE_PROCESSED_DIR", str(out / "processed"))
    monkeypatch.setenv("MUYE_DRAFTS_DIR", str(out / "drafts"))
    # Inputs a user may have dropped into the working tree must not change test results.
    monkeypatch.setenv("MUYE_QUARTERLY_DIR", str(out / "quarterly"))
    monkeypatch.setenv("MUYE_LEAGUE_DIR", str(out / "league"))


@pytest.fixture(scope="session")
def city_store(tmp_path_factory):
    """The store after ``muye ingest tests/data/city/``: the SYNTHETIC city tables of every unit
    (2024年1-3月, 1-5月, 1-6月), read back as a DataFrame."""
    from pathlib import Path

    from muye_analysis.quarterly import ingest_quarterly, read_store

    folder = tmp_path_factory.mktemp("city_store")
    ingest_quarterly(Path(__file__).parent / "data" / "city", store_dir=folder)
    return read_store(folder)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Record every collected test's marks before ``-m`` deselects any (tests/test_suite_steps.py
    checks that each test runs in exactly one step of ``make test``)."""
    config.stash[COLLECTED] = {
        item.nodeid: frozenset(mark.name for mark in item.iter_markers()) for item in items
    }

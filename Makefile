# muye-analysis: every task a user or CI runs. `make` alone lists them.
# The virtual environment lives in .venv; each target installs what it needs first, so a fresh
# clone needs only Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help run test brief lab docs lint format bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "muye-analysis needs Python 3.11 or newer: run make PYTHON=python3.11 (or newer)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras, remade whenever pyproject.toml changes.
$(VENV)/.installed-%: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[$*]"
	@touch $@

$(VENV)/.installed-core: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

run: $(VENV)/.installed-core ## install, then run every notebook and export every figure
	$(BIN)/muye run

brief: $(VENV)/.installed-core ## install, then build the briefing deck and HTML report only
	$(BIN)/muye brief

# Four steps, every test in exactly one (tests/test_suite_steps.py checks it). First the fast suite:
# what a plain `pytest` runs (pyproject.toml's addopts: not slow, notebook or readme), about 50
# CPU-seconds on a 2-core machine (the slow step about 100).
# Then the slow tests (deck and Word builds, subprocess CLI runs, concurrency, long forecast
# backtests), the notebooks, and last the README journeys, each running its commands as written
# in a fresh clone (a few minutes).
test: $(VENV)/.installed-test ## install, then the fast tests, the slow ones, the notebooks, the README journeys
	$(BIN)/python -m pytest
	$(BIN)/python -m pytest -m "slow and not notebook and not readme"
	$(BIN)/python -m pytest -m notebook
	$(BIN)/python -m pytest -m readme

# The notebooks are text files (jupytext); this override makes JupyterLab open them as notebooks
# (and asks no question about fetching Jupyter news: a server may have no internet), and
# jupytext.toml (project root) keeps a save from rewriting their header.
# Lab is rooted at the project folder, so figures/, data/quarterly/ and build/ are in its file
# browser. Options go through LAB_ARGS, e.g. on a server: make lab LAB_ARGS="--no-browser --port=8899".
# As root (a container, a CI box) Jupyter refuses to start unless told: root is detected and allowed.
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
LAB_ARGS ?=
LAB_ROOT := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root,)
# jupytext's contents manager, serving each .py notebook with its kernel's language_info, so that
# opening one does not mark it modified (muye_analysis/lab.py).
LAB_CONTENTS := --ServerApp.contents_manager_class=muye_analysis.lab.TextNotebooksContentsManager

lab: $(VENV)/.installed-lab ## install JupyterLab and open the project (LAB_ARGS="--no-browser --port=8899")
	@mkdir -p $(dir $(LAB_SETTINGS))
	@echo '{"@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"python": "Jupytext Notebook"}}, "@jupyterlab/apputils-extension:notification": {"fetchNews": "false"}}' > $(LAB_SETTINGS)
	$(BIN)/python -m jupyter lab --ServerApp.root_dir="$(CURDIR)" $(LAB_CONTENTS) $(LAB_ROOT) $(LAB_ARGS)

# The documentation website (mkdocs.yml says why MkDocs): the notebooks executed by muye run (no
# briefing: the site does not show it), then docs/ and build/notebooks/ built into build/site/.
# Open build/site/index.html; make clean removes it with the rest of build/.
# NO_MKDOCS_2_WARNING: Material's banner about MkDocs 2 and its own end of life (mkdocs.yml says it).
docs: $(VENV)/.installed-docs ## install MkDocs, run the notebooks, build the documentation into build/site/
	$(BIN)/muye run --no-brief --no-html
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build

lint: $(VENV)/.installed-dev ## ruff on code and notebooks
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(VENV)/.installed-dev ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

bench: $(VENV)/.installed-test ## run the speed benchmarks (prints figures, asserts nothing)
	$(BIN)/python benchmarks/run_all.py

# drafts/ holds reports' drafts under hand review: never cleaned.
clean: ## remove build outputs, the documentation site included (keeps data/, the store, drafts/, .venv)
	rm -rf build figures/*.png figures/*.svg figures/*.pdf

"""Open every notebook in JupyterLab, run it, and screenshot it, as a user would see it.

A manual check (the pytest suite needs no browser): it drives a running JupyterLab with
playwright and the system Chromium, checks that opening a notebook leaves it unmodified (no ● on
its tab), restarts each notebook's kernel and runs all its cells from the Kernel menu, counts
error outputs, saves (Ctrl+S, so ``git status`` then shows whether a save rewrites the ``.py``
file) and writes screenshots to build/lab_check/.

    make lab LAB_ARGS="--no-browser --port=8899" &      # note the URL with its token
    pip install playwright                              # in any environment; no browser download:
    python scripts/check_lab.py "http://127.0.0.1:8899/lab?token=…"   # uses /usr/bin/chromium
    python scripts/check_lab.py URL --lang en --width 1280   # English copies, a narrower window

Needs Chromium (Debian/Ubuntu: ``apt-get install -y chromium``). Open the PNGs and check that
the tables are in the notebook's language, Chinese shows as characters, and no cell failed.

``--lang en`` runs copies of the notebooks with ``LANG = "en"`` in their parameters cell (as a
user switches the language), written to build/lab_check/ and removed afterwards; ``--width``
sets the browser window's width in pixels (default 1600), to see that tables fit a smaller one.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").glob("[0-9]*.py"))
BROWSER = "/usr/bin/chromium"
RUN_TIMEOUT_S = 300
MAX_SCREENS = 40  # screenshots per notebook, one screen apart, stopping at its end


def check_notebook(
    browser, server: str, token: str, notebook: str, out: Path, width: int = 1600
) -> str:
    """Open, run and screenshot one notebook; return a one-line summary."""
    page = browser.new_page(viewport={"width": width, "height": 1000})
    tag = Path(notebook).stem
    page.goto(f"{server}/lab/tree/{notebook}?token={token}")
    page.wait_for_selector(".jp-NotebookPanel:visible .jp-Cell", timeout=90_000)
    time.sleep(3)  # the kernel starts and reports its language: that must not modify the notebook
    dirty = page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current.jp-mod-dirty").count()
    page.screenshot(path=out / f"{tag}_opened.png")
    news = page.locator(".jp-Notification-Toast button", has_text="No")  # Jupyter news toast
    if news.count():
        news.first.click(timeout=5_000)
    # A fresh kernel, as a user's "Restart Kernel and Run All Cells…": a kernel left running by
    # an earlier check would keep the modules it imported then.
    page.get_by_role("menuitem", name="Kernel", exact=True).click()
    page.locator(".lm-Menu-itemLabel", has_text="Restart Kernel and Run All Cells").first.click()
    confirm = page.locator(".jp-Dialog-button.jp-mod-accept")
    confirm.first.click(timeout=10_000)  # "Restart" in the confirmation dialog
    start = time.time()
    time.sleep(5)
    panel = page.locator(".jp-NotebookPanel:visible")
    while time.time() - start < RUN_TIMEOUT_S:
        if panel.locator(".jp-InputPrompt", has_text="[*]").count() == 0:
            break
        time.sleep(2)
    errors = panel.locator("[data-mime-type='application/vnd.jupyter.stderr']").count()
    tracebacks = panel.locator(".jp-OutputArea-output", has_text="Traceback").count()
    scroller = panel.locator(".jp-WindowedPanel-outer").first
    scroller.evaluate("element => { element.scrollTop = 0; }")  # back to the first cell
    page.screenshot(path=out / f"{tag}_run.png")
    for k in range(1, MAX_SCREENS + 1):  # a screen at a time, to the end of the notebook
        page.mouse.move(800, 500)
        page.mouse.wheel(0, 900)
        time.sleep(1.5)
        page.screenshot(path=out / f"{tag}_scroll{k}.png")
        at_end = scroller.evaluate(
            "element => element.scrollTop + element.clientHeight >= element.scrollHeight - 4"
        )
        if at_end:
            break
    page.keyboard.press("Control+s")
    time.sleep(3)
    page.close()
    took = time.time() - start
    opened = "MODIFIED on opening (●)" if dirty else "unmodified on opening"
    return f"{notebook}: {opened}; {took:.0f} s, stderr outputs {errors}, tracebacks {tracebacks}"


def english_copies(out: Path) -> list[str]:
    """Copies of the notebooks with ``LANG = "en"`` (the parameters cell), in ``out``."""
    copies = []
    for notebook in NOTEBOOKS:
        text = (ROOT / notebook).read_text(encoding="utf-8")
        english, n = re.subn(r'^LANG = "zh"', 'LANG = "en"', text, count=1, flags=re.M)
        if n != 1:
            sys.exit(f'{notebook}: no LANG = "zh" line in its parameters cell')
        copy = out / f"{Path(notebook).stem}_en.py"
        copy.write_text(english, encoding="utf-8")
        copies.append(copy.relative_to(ROOT).as_posix())
    return copies


def main(url: str, lang: str = "zh", width: int = 1600) -> int:
    from playwright.sync_api import sync_playwright

    address, _, token = url.partition("?token=")
    server = address.split("/lab")[0].rstrip("/")
    out = ROOT / "build" / "lab_check"
    out.mkdir(parents=True, exist_ok=True)
    notebooks = english_copies(out) if lang == "en" else NOTEBOOKS
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=BROWSER, args=["--no-sandbox"])
            for notebook in notebooks:
                print(check_notebook(browser, server, token, notebook, out, width), flush=True)
            browser.close()
    finally:
        if lang == "en":
            for copy in notebooks:
                (ROOT / copy).unlink(missing_ok=True)
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the Lab address with its token, as `make lab` prints it")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--width", type=int, default=1600, help="window width in pixels")
    args = parser.parse_args()
    sys.exit(main(args.url, args.lang, args.width))

"""Execute the notebook suite: the engine behind ``muye run``.

Notebooks are kept as text (jupytext percent format). Each run reads the text, injects the
parameters with papermill (which also reports the failing cell), writes the executed notebook and
an HTML copy to the git-ignored build folder, and leaves the figures in ``figures/``. Notebooks
run in separate processes, two at a time by default (the machines this serves have 2 cores; each
notebook mostly waits on its own kernel).
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis import config
from muye_analysis.atomic import write_text_atomic
from muye_analysis.suite import NOTEBOOKS, NotebookSpec

if TYPE_CHECKING:
    from muye_analysis.session import Report

KERNEL = "python3"
CELL_TIMEOUT_S = 600
# A kernel that has not answered after this long did not start. papermill's default (60 s) was
# reached on a busy 2-core machine running two notebooks and the briefing at once.
KERNEL_START_TIMEOUT_S = 180


@dataclass
class NotebookResult:
    """What happened to one notebook."""

    stem: str
    seconds: float
    executed: Path | None = None
    html: Path | None = None
    error: str | None = None
    figures: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook file and the cell."""


@contextlib.contextmanager
def _inline_plots():
    """Kernels started inside show figures inline, even if MPLBACKEND says otherwise here (the
    test suite sets Agg): the executed notebooks and their HTML must carry the charts."""
    before = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = before


def _source_cell(nb, source: str) -> tuple[int, str]:
    """Number (1-based) and first line of the text-notebook cell whose code is ``source``."""
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type == "code" and cell.source.strip() == source.strip():
            lines = cell.source.strip().splitlines()
            return number, (lines[0] if lines else "")
    return 0, source.strip().splitlines()[0] if source.strip() else ""


def execute_notebook(
    spec: NotebookSpec,
    *,
    lang: str = "zh",
    as_of: str | None = None,
    build_dir: Path | None = None,
    html: bool = True,
) -> NotebookResult:
    """Run one notebook top to bottom on a fresh ``python3`` kernel.

    On success the executed notebook goes to ``build/notebooks/<stem>.ipynb`` (and HTML to
    ``build/html/<stem>.html``), replacing the previous run's copy only once complete. On failure
    the partly executed notebook is kept as ``<stem>.failed.ipynb`` and ``error`` says which cell
    raised what.
    """
    import jupytext
    import papermill
    from papermill.exceptions import PapermillExecutionError

    build = Path(build_dir or config.build_dir())
    out_dir = build / "notebooks"
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{spec.stem}.ipynb"
    partial = out_dir / f".{spec.stem}.running.ipynb"
    start = time.perf_counter()
    nb = jupytext.read(spec.path)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Python 3", "language": "python"}
    parameters = {"LANG": lang, "AS_OF": as_of, "FIGURES_DIR": str(config.figures_dir())}
    try:
        with _inline_plots():
            papermill.execute_notebook(
                nb,
                str(partial),
                parameters=parameters,
                kernel_name=KERNEL,
                progress_bar=False,
                cwd=str(config.NOTEBOOKS),
                execution_timeout=CELL_TIMEOUT_S,
                start_timeout=KERNEL_START_TIMEOUT_S,
            )
    except PapermillExecutionError as exc:
        number, first_line = _source_cell(nb, exc.source)
        failed = out_dir / f"{spec.stem}.failed.ipynb"
        partial.replace(failed)
        message = (
            f"{spec.path.relative_to(config.ROOT)}, cell {number} ({first_line!r}): "
            f"{exc.ename}: {exc.evalue}. The executed copy is {failed}."
        )
        return NotebookResult(spec.stem, time.perf_counter() - start, error=message)
    except RuntimeError as exc:  # the kernel did not start (cell errors are caught above)
        message = f"{spec.path.relative_to(config.ROOT)}: the {KERNEL} kernel did not start: {exc}"
        return NotebookResult(spec.stem, time.perf_counter() - start, error=message)
    partial.replace(final)
    result = NotebookResult(spec.stem, 0.0, executed=final)
    if html:
        result.html = export_html(final, build / "html" / f"{spec.stem}.html")
    result.figures = [p for p in spec.figure_files(lang, with_data=True) if p.exists()]
    result.seconds = time.perf_counter() - start
    return result


def export_html(notebook_path: Path, html_path: Path) -> Path:
    """A self-contained HTML copy of an executed notebook (images are embedded)."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook_path, as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    return write_text_atomic(html_path, body)


def _execute_quietly(spec: NotebookSpec, **kwargs) -> NotebookResult:
    """Worker-process entry: kernel start-up chatter goes to a log file, not the terminal."""
    log = Path(kwargs.get("build_dir") or config.build_dir()) / "logs" / f"{spec.stem}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as handle:
        os.dup2(handle.fileno(), 2)
        return execute_notebook(spec, **kwargs)


def run_notebooks(
    specs: tuple[NotebookSpec, ...] = NOTEBOOKS,
    *,
    lang: str = "zh",
    as_of: str | None = None,
    workers: int = 2,
    html: bool = True,
    progress=print,
    while_running: Callable[[], object] | None = None,
) -> list[NotebookResult]:
    """Execute notebooks in parallel processes; results come back in reading order.

    They are started heaviest first (the later notebooks fit models and draw more charts), so
    the short ones fill in at the end instead of one long notebook running alone.
    ``while_running`` is called in this process once the notebooks are submitted (``muye run``
    checks the data meanwhile); an exception from it propagates after the pool shuts down.
    """
    total = len(specs)
    workers = max(1, min(workers, total))
    from muye_analysis import vocab

    progress(vocab.text("run.start", lang, n=total, workers=workers))
    results: dict[str, NotebookResult] = {}
    kwargs = {"lang": lang, "as_of": as_of, "html": html}
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_execute_quietly, spec, **kwargs) for spec in reversed(specs)]
        if while_running is not None:
            while_running()
        for done, future in enumerate(as_completed(futures), start=1):
            result = future.result()
            results[result.stem] = result
            status = vocab.text("run.ok" if result.ok else "run.failed", lang)
            seconds = vocab.text("run.seconds", lang, s=result.seconds)
            name = f"{result.stem}.py"  # the notebook's file, as the user opens it
            progress(f"  [{done}/{total}] {name:<31} {status}  {seconds}")
    return [results[spec.stem] for spec in specs]


def _build_briefing_quietly(report: Report) -> str:
    """Worker-process entry for the briefing pack of the run's one session (its period);
    returns its summary text."""
    return report.briefing().summary()


def run_suite(
    *,
    lang: str = "zh",
    as_of: object = None,
    report: Report | None = None,
    workers: int = 2,
    html: bool = True,
    briefing: bool = True,
    stems: tuple[str, ...] | None = None,
    progress=print,
) -> list[NotebookResult]:
    """``muye run``: validate the data, execute the notebooks, rebuild the briefing, summarise.

    ``report`` is the run's one session (``ma.Report``; opened here from ``lang`` and ``as_of``
    when not given): its period, parsed once, is every notebook's ``AS_OF`` and the briefing's.
    A period of another year is refused before any notebook starts (PeriodError).
    The briefing pack (``muye brief``) draws its own charts from the same data, so it is built
    in its own process while the notebooks run. Raises NotebookFailed naming the notebook and
    cell if any notebook fails (the others still run, so one broken chart does not hide the rest).
    """
    from muye_analysis.quarterly import has_data_files, ingest_quarterly
    from muye_analysis.session import Report
    from muye_analysis.suite import notebook
    from muye_analysis.summary import summarise_dataset, summarise_headline

    specs = tuple(notebook(s) for s in stems) if stems else NOTEBOOKS
    report = report or Report.open(lang, as_of)  # 前三季度, YYYY年1-9月 … -> one period
    lang, as_of = report.lang, report.as_of  # the notebooks' LANG and AS_OF (YYYY年1-9月)
    # Year-to-date files are ingested before any notebook starts, so a bad table stops the run
    # with its file, row and column instead of failing inside notebook 04. The other data
    # checks (a second of pandas work) run while the first kernels start; a DataError there
    # names the file, row and column and ends the run.
    if has_data_files(config.quarterly_dir()):
        progress(ingest_quarterly(config.quarterly_dir()).summary(lang=lang))
        progress("")
        report = report.with_store()  # the session sees what was just ingested
    checked: list[str] = []
    with ProcessPoolExecutor(max_workers=1) as brief_pool:
        brief = brief_pool.submit(_build_briefing_quietly, report) if briefing else None
        results = run_notebooks(
            specs, lang=lang, as_of=as_of, workers=workers, html=html, progress=progress,
            while_running=lambda: checked.append(summarise_dataset(lang=lang, headline=False)),
        )  # fmt: skip
        progress("")
        progress(checked[0])
        failures = [r.error for r in results if not r.ok]
        if failures:
            if brief is not None:
                brief.cancel()
            raise NotebookFailed("\n".join(failures))
        progress("")
        progress(summarise_outputs(results, lang))
        if brief is not None:
            progress(brief.result())
    progress("")
    progress(summarise_headline(lang))
    return results


def summarise_outputs(results: list[NotebookResult], lang: str = "zh") -> str:
    """Where the outputs went: figures written, executed notebooks and HTML."""
    from muye_analysis import vocab

    figures = sorted({p for r in results for p in r.figures})
    lines = [vocab.text("run.figures", lang, n=len(figures), folder=config.figures_dir())]
    lines += [f"  {p.name}" for p in figures if p.suffix == ".png"]
    lines.append(vocab.text("run.notebooks", lang, folder=config.build_dir()))
    return "\n".join(lines)


__all__ = [
    "CELL_TIMEOUT_S", "KERNEL", "KERNEL_START_TIMEOUT_S", "NotebookFailed", "NotebookResult",
    "execute_notebook", "export_html", "run_notebooks", "run_suite", "summarise_outputs",
]  # fmt: skip

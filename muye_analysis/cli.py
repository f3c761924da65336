"""The ``muye`` command line.

Parsers are defined here (cheap); each handler imports its module only when it runs, so
``muye --help`` stays instant. Add a subcommand by adding a parser in ``build_parser`` and a
``_cmd_<name>`` handler.

Commit, then speak safely (``main``): every error is one line (a DataError names file, row and
column; an OS error its real cause: disk full, file too large, read-only, name too long, not a
folder), never a traceback; output that the terminal cannot encode is escaped, a reader that
goes away (``muye history | head -1``) is not an error, and a Ctrl-C that arrives after a
command's one commit (an ingest, an accept, an export) does not turn it into a failure: the
exit code says what happened to the data.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from muye_analysis.errors import DataError, describe_os_error, printable


def _cmd_check(args: argparse.Namespace) -> int:
    from muye_analysis.summary import summarise_dataset

    print(summarise_dataset(lang=args.lang))
    return 0


def _cmd_extract(args: argparse.Namespace) -> int:
    from muye_analysis.extract import draft_report, explain_facts, summarise_facts

    facts, path = draft_report(args.report, args.output)
    print(summarise_facts(facts, lang=args.lang))
    if args.explain:
        print(explain_facts(facts, lang=args.lang))
    print(("草稿已写入: " if args.lang == "zh" else "draft written to: ") + printable(path))
    return 0


def _cmd_accept(args: argparse.Namespace) -> int:
    from muye_analysis.accept import accept_draft

    print(accept_draft(args.draft, args.document).summary(lang=args.lang))
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from muye_analysis.periods import PeriodError
    from muye_analysis.runner import NotebookFailed, run_suite

    try:
        run_suite(
            lang=args.lang,
            as_of=args.as_of,
            workers=args.workers,
            html=not args.no_html,
            briefing=not args.no_brief,
            stems=tuple(args.notebooks) or None,
        )
    except NotebookFailed as exc:
        print(f"error: notebook failed: {exc}", file=sys.stderr)
        return 1
    except PeriodError as exc:
        print(f"error: --as-of {args.as_of!r}: {exc}", file=sys.stderr)
        return 2
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    from muye_analysis.quarterly import ingest_quarterly

    result = ingest_quarterly(
        args.path,
        year=args.year,
        replace=args.replace,
        accept_outlier=args.accept_outlier,
        force_older=args.force,
    )
    print(result.summary(lang=args.lang))
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    from muye_analysis.quarterly.export import format_history, history

    print(format_history(history(args.indicator, args.period), lang=args.lang))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from muye_analysis.quarterly.export import export_store

    path = export_store(args.output, fmt=args.format, all_vintages=args.all_vintages)
    print(("已导出: " if args.lang == "zh" else "exported to: ") + printable(path))
    return 0


def _cmd_charts(args: argparse.Namespace) -> int:
    from muye_analysis.charts import export_report_charts

    langs = ("zh", "en") if args.lang == "both" else (args.lang,)
    try:
        paths = export_report_charts(
            langs=langs,
            size=args.size,
            formats=tuple(args.format),
            frame_size=args.frame_size,
            deflator_pct=args.deflator,
        )
    except ValueError as exc:  # an assumption that contradicts the data, e.g. --frame-size 10
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


def _cmd_progress(args: argparse.Namespace) -> int:
    from muye_analysis.outputs import check_output_path
    from muye_analysis.periods import PeriodError
    from muye_analysis.progress import progress_table
    from muye_analysis.progress.rendering import format_table
    from muye_analysis.progress.workbook import write_workbook

    if args.xlsx:  # a bad output path stops before anything is printed
        check_output_path(args.xlsx, example="build/进度监测.xlsx")
    from muye_analysis.reports import as_of_period

    try:
        period = as_of_period(args.as_of)  # the period, parsed once (plan year implied)
    except PeriodError as exc:
        print(f"error: --as-of {args.as_of!r}: {exc}", file=sys.stderr)
        return 2
    try:
        table = progress_table(period)
    except DataError:
        raise  # a data problem names its own file, row and column
    except (PeriodError, ValueError) as exc:  # a contradiction in the data, said as such
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(format_table(table, args.lang))
    if args.xlsx:
        path = write_workbook(table, args.xlsx, lang=args.lang)
        print(
            ("工作簿已写入: " if args.lang == "zh" else "workbook written to: ") + printable(path)
        )
        from muye_analysis import rank_workbook, vocab  # 全市位次 sheet (issue 27)

        if rank_workbook.add_rank_sheet(path, lang=args.lang, as_of=period):
            print(vocab.text("cr_sheet_added", args.lang))
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from muye_analysis.briefing import build_briefing
    from muye_analysis.outputs import check_output_folder
    from muye_analysis.periods import PeriodError
    from muye_analysis.reports import as_of_period

    if args.build_dir:
        check_output_folder(args.build_dir, setting="--build-dir")
    try:
        period = as_of_period(args.as_of)
    except PeriodError as exc:
        print(f"error: --as-of {args.as_of!r}: {exc}", file=sys.stderr)
        return 2
    result = build_briefing(args.lang, build_dir=args.build_dir, as_of=period)
    print(result.summary())
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from muye_analysis import vocab
    from muye_analysis.document import NoYearToDateData, write_analysis
    from muye_analysis.outputs import check_output_path
    from muye_analysis.periods import PeriodError
    from muye_analysis.reports import as_of_period

    check_output_path(args.docx, example="build/经济运行分析.docx")  # before any work
    try:
        period = as_of_period(args.as_of)
    except PeriodError as exc:
        print(f"error: --as-of {args.as_of!r}: {exc}", file=sys.stderr)
        return 2
    try:
        path = write_analysis(args.docx, as_of=period, lang=args.lang, issuer=args.issuer)
    except NoYearToDateData as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DataError:
        raise  # a data problem names its own file, row and column
    except (PeriodError, ValueError) as exc:  # a contradiction in the data, said as such
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(vocab.text("doc.written", args.lang, path=printable(path)))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="muye",
        description="Muye District economic plan data: check, extract, ingest, history, "
        "export, run, progress, brief, report.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate the bundled data and print a summary")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_check)

    p = sub.add_parser(
        "extract", help="read a report's numbers into a draft table for review (curated format)"
    )
    p.add_argument("report", help="report text file (.txt; UTF-8 or GBK)")
    p.add_argument("-o", "--output", help="draft CSV to write (default: drafts/<report>_draft.csv)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print, per fact, which reading rule found it and from which words",
    )
    p.set_defaults(handler=_cmd_extract, single_commit=True)

    p = sub.add_parser(
        "accept", help="add a reviewed draft of a new report to data/curated/indicators.csv"
    )
    p.add_argument("draft", help="the draft CSV (muye extract), each row marked reviewed=yes")
    p.add_argument(
        "--document",
        required=True,
        help="the report under data/raw/ (its folder, or FOLDER/FILE.txt) with an .origin.yml "
        "giving year_reported and year_planned",
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_accept, single_commit=True)

    p = sub.add_parser("run", help="validate the data, execute every notebook, export every figure")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.add_argument("--as-of", help="year-to-date period to analyse, e.g. 前三季度 or YYYY年1-9月")
    p.add_argument("--workers", type=int, default=2, help="notebooks run in parallel (default 2)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML copies")
    p.add_argument("--no-brief", action="store_true", help="skip the briefing deck and report")
    p.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 02 03); default all")
    p.set_defaults(handler=_cmd_run)

    p = sub.add_parser(
        "ingest", help="validate year-to-date CSV/Excel data and add it to the processed store"
    )
    p.add_argument("path", help="a .csv/.xlsx/.xls file, or a folder of them")
    p.add_argument("--replace", action="store_true", help="overwrite stored values that differ")
    p.add_argument("--year", type=int, help="year of period labels that carry none (1-3月)")
    p.add_argument(
        "--accept-outlier",
        action="store_true",
        help="store values refused as implausible, with the reason recorded beside each",
    )
    p.add_argument(
        "--force",
        action="store_true",
        help="with --replace: accept a release dated (发布日期) before the stored one",
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_ingest, single_commit=True)

    p = sub.add_parser("history", help="every vintage of stored year-to-date values, with files")
    p.add_argument("indicator", nargs="?", help="registry id or Chinese name (default: all)")
    p.add_argument("--period", help="only this period, e.g. 1-6月 or YYYY年1-6月")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_history)

    p = sub.add_parser("export", help="a flat CSV/XLSX copy of the store for people")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="(default)")
    fmt.add_argument("--xlsx", dest="format", action="store_const", const="xlsx")
    p.set_defaults(format="csv")
    p.add_argument("-o", "--output", help="file to write (default: build/quarterly_export.csv)")
    p.add_argument("--all-vintages", action="store_true", help="every vintage, not only current")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_export, single_commit=True)

    p = sub.add_parser("charts", help="export the report's charts (PNG/SVG/PDF) to figures/")
    p.add_argument("--lang", choices=("zh", "en", "both"), default="zh", help="label language")
    p.add_argument(
        "--size",
        choices=("slide", "document"),
        default="slide",
        help="16:9 slide (13.33×7.5 in) or document (6.3×4.2 in)",
    )
    p.add_argument("--format", nargs="+", choices=("png", "svg", "pdf"), default=["png", "svg"])
    p.add_argument(
        "--frame-size",
        type=int,
        default=13,
        help="assumed number of units the city ranks (the report does not say)",
    )
    p.add_argument(
        "--deflator",
        type=float,
        metavar="PCT",
        help="GDP deflator change (%%) to turn the real GDP target into current prices",
    )
    p.set_defaults(handler=_cmd_charts)

    p = sub.add_parser(
        "progress", help="the 进度监测 table: every target of the plan year against the latest data"
    )
    p.add_argument(
        "--as-of", help="year-to-date period, e.g. 前三季度 or YYYY年1-9月 (default: latest)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language")
    p.add_argument("--xlsx", metavar="FILE", help="also write a formatted Excel workbook")
    p.set_defaults(handler=_cmd_progress, single_commit=True)

    p = sub.add_parser(
        "brief", help="write the briefing deck (build/briefing.pptx) and HTML report"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="zh: briefing.pptx/.html; "
                   "en: briefing_en.pptx/.html")  # fmt: skip
    p.add_argument("--build-dir", help="folder to write into (default: build/)")
    p.add_argument(
        "--as-of", help="year-to-date period, e.g. 前三季度 or YYYY年1-9月 (default: latest)"
    )
    p.set_defaults(handler=_cmd_brief)

    p = sub.add_parser(
        "report",
        help="draft the office's 经济运行分析 (economic-performance analysis) as a Word document",
    )
    p.add_argument("--docx", metavar="FILE", required=True, help="the .docx file to write")
    p.add_argument(
        "--as-of", help="year-to-date period, e.g. 前三季度 or YYYY年1-9月 (default: latest)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="document language")
    p.add_argument("--issuer", help="编制单位 (default: the district's development and reform "
                   "commission)")  # fmt: skip
    p.set_defaults(handler=_cmd_report, single_commit=True)

    return parser


# Commands whose outputs go to the build or figures folder: those folders are checked first.
_WRITES_OUTPUTS = ("run", "brief", "charts", "extract", "export", "progress", "report")


def _check_settings(args: argparse.Namespace) -> None:
    """Folders named by environment variables, checked before any work: MUYE_DATA_DIR must
    exist; MUYE_BUILD_DIR / MUYE_FIGURES_DIR / MUYE_DRAFTS_DIR must not lie under data/ (outputs
    never go there)."""
    from muye_analysis import config

    if os.environ.get("MUYE_DATA_DIR") and not config.DATA.is_dir():
        raise DataError(
            "MUYE_DATA_DIR names a folder that does not exist.",
            file=config.DATA,
            fix="set MUYE_DATA_DIR to a data folder (holding raw/ and curated/), or unset it to "
            "use the bundled data.",
        )
    if args.command in _WRITES_OUTPUTS:
        from muye_analysis.outputs import check_output_folder

        for variable, folder in (("MUYE_BUILD_DIR", config.build_dir),
                                 ("MUYE_FIGURES_DIR", config.figures_dir),
                                 ("MUYE_DRAFTS_DIR", config.drafts_dir)):  # fmt: skip
            if os.environ.get(variable):
                check_output_folder(folder(), setting=variable)


class _SafeStream:
    """stdout/stderr that never fail a command: text the terminal cannot encode is escaped
    (``errors="backslashreplace"``), and a reader that went away (a closed pipe) makes the rest
    of the output go nowhere instead of raising."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.lost = False
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")

    def write(self, text: str) -> int:
        if not self.lost:
            try:
                return self._stream.write(text)
            except BrokenPipeError:
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._lose()

    def _lose(self) -> None:
        """The reader is gone: what is still buffered, and all later output, goes to
        /dev/null (so neither this command nor Python's exit reports a broken pipe)."""
        self.lost = True
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
        except (AttributeError, ValueError, OSError):
            pass

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _say(text: str) -> None:
    """One line to stderr, whatever state the terminal is in."""
    with contextlib.suppress(OSError, ValueError):
        print(text, file=sys.stderr)


def _interrupted(args: argparse.Namespace, written: tuple) -> int:
    """Ctrl-C: 0 when the command's one commit was made (the data are as the command meant),
    else 130, saying in both cases what was written (each file complete)."""
    names = ", ".join(printable(p) for p in dict.fromkeys(written))
    if written and getattr(args, "single_commit", False):
        _say(f"interrupted after the commit: {names} is complete and stays as written.")
        return 0
    if written:
        _say(f"interrupted: stopped before the end; written so far (each complete): {names}.")
    else:
        _say("interrupted: nothing was written.")
    return 130


def main(argv: list[str] | None = None) -> int:
    from muye_analysis.atomic import committed

    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(out), _SafeStream(err)
    before = len(committed())
    try:
        args = build_parser().parse_args(argv)
        try:
            _check_settings(args)
            status = args.handler(args)
            sys.stdout.flush()
            return status
        except DataError as exc:
            _say(f"error: {exc}")
            return 2
        except KeyboardInterrupt:
            return _interrupted(args, committed()[before:])
        except OSError as exc:  # disk full, file too large, read-only, name too long …
            _say(f"error: {describe_os_error(exc)}")
            return 2
    finally:
        sys.stdout, sys.stderr = out, err


if __name__ == "__main__":
    sys.exit(main())

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

    facts, path = draft_report(args.report, args.output, published=args.published)
    print(summarise_facts(facts, lang=args.lang))
    if args.explain:
        print(explain_facts(facts, lang=args.lang))
    print(("草稿已写入: " if args.lang == "zh" else "draft written to: ") + printable(path))
    return 0


def _cmd_accept(args: argparse.Namespace) -> int:
    from muye_analysis.accept import accept_draft

    print(accept_draft(args.draft, args.document).summary(lang=args.lang))
    return 0


class _Refused(Exception):
    """A setting refused before any work (a bad --as-of): one line, exit code 2."""


def _open_report(args: argparse.Namespace):
    """The command's one session (``ma.Report``): the report, its tables, the store and the
    --as-of period, parsed once (the plan year implied)."""
    from muye_analysis.periods import PeriodError
    from muye_analysis.session import Report

    try:
        return Report.open(args.lang, args.as_of)
    except PeriodError as exc:
        raise _Refused(f"--as-of {args.as_of!r}: {exc}") from None


def _cmd_run(args: argparse.Namespace) -> int:
    from muye_analysis.runner import NotebookFailed, run_suite

    report = _open_report(args)  # a bad period is refused before any notebook starts
    try:
        run_suite(
            report=report,
            workers=args.workers,
            html=not args.no_html,
            briefing=not args.no_brief,
            stems=tuple(args.notebooks) or None,
        )
    except NotebookFailed as exc:
        print(f"error: notebook failed: {exc}", file=sys.stderr)
        return 1
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
    from muye_analysis.progress.rendering import format_table

    if args.xlsx:  # a bad output path stops before anything is printed
        check_output_path(args.xlsx, example="build/进度监测.xlsx")
    report = _open_report(args)
    try:
        table = report.progress()
    except DataError:
        raise  # a data problem names its own file, row and column
    except (PeriodError, ValueError) as exc:  # a contradiction in the data, said as such
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with report.words():
        print(format_table(table, args.lang))
    if args.xlsx:
        path, ranks = report.workbook(args.xlsx)  # with the 全市位次 sheet (issue 27)
        print(
            ("工作簿已写入: " if args.lang == "zh" else "workbook written to: ") + printable(path)
        )
        if ranks:
            print(report.text("cr_sheet_added"))
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from muye_analysis.outputs import check_output_folder

    if args.build_dir:
        check_output_folder(args.build_dir, setting="--build-dir")
    report = _open_report(args)
    if args.demo:
        from muye_analysis.briefing import build_demo

        result = build_demo(args.lang, build_dir=args.build_dir)
    else:
        result = report.briefing(build_dir=args.build_dir)
    print(result.summary())
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from muye_analysis.document import NoYearToDateData
    from muye_analysis.outputs import check_output_path
    from muye_analysis.periods import PeriodError

    check_output_path(args.docx, example="build/经济运行分析.docx")  # before any work
    report = _open_report(args)
    try:
        path = report.docx(args.docx, issuer=args.issuer)
    except NoYearToDateData as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DataError:
        raise  # a data problem names its own file, row and column
    except (PeriodError, ValueError) as exc:  # a contradiction in the data, said as such
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.text("doc.written", path=printable(path)))
    return 0


def _options(*, as_of: bool = False, both: bool = False) -> argparse.ArgumentParser:
    """The options several commands share, declared once: --lang (``both`` where a command
    can write both languages), and --as-of where a command analyses a period (given to its
    subparsers as a parent)."""
    options = argparse.ArgumentParser(add_help=False)
    langs = ("zh", "en", "both") if both else ("zh", "en")
    options.add_argument("--lang", choices=langs, default="zh", help="label language")
    if as_of:
        options.add_argument(
            "--as-of",
            help="year-to-date period, e.g. 前三季度 or YYYY年1-9月 (the plan year implied; "
            "default: the latest in the store)",
        )
    return options


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="muye",
        description="Muye District economic plan data: check, extract, ingest, history, "
        "export, run, progress, brief, report.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    lang = [_options()]  # --lang, declared once
    period = [_options(as_of=True)]  # --lang and --as-of, for the commands that analyse a period

    p = sub.add_parser("check", help="validate the bundled data and print a summary", parents=lang)
    p.set_defaults(handler=_cmd_check)

    p = sub.add_parser(
        "extract",
        help="read a report's numbers into a draft table for review (curated format)",
        parents=lang,
    )
    p.add_argument("report", help="report text file (.txt; UTF-8 or GBK)")
    p.add_argument("-o", "--output", help="draft CSV to write (default: drafts/<report>_draft.csv)")
    p.add_argument(
        "--explain",
        action="store_true",
        help="also print, per fact, which reading rule found it and from which words",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help="the document's publication date (2021-07-20, 2021年7月20日, 2021-07), for texts "
        "that print no year: it dates their facts (period_from=given)",
    )
    p.set_defaults(handler=_cmd_extract, single_commit=True)

    p = sub.add_parser(
        "accept",
        help="add a reviewed draft of a new report to data/curated/indicators.csv",
        parents=lang,
    )
    p.add_argument("draft", help="the draft CSV (muye extract), each row marked reviewed=yes")
    p.add_argument(
        "--document",
        required=True,
        help="the report under data/raw/ (its folder, or FOLDER/FILE.txt) with an .origin.yml "
        "giving year_reported and year_planned",
    )
    p.set_defaults(handler=_cmd_accept, single_commit=True)

    p = sub.add_parser(
        "run", help="validate the data, execute every notebook, export every figure", parents=period
    )
    p.add_argument("--workers", type=int, default=2, help="notebooks run in parallel (default 2)")
    p.add_argument("--no-html", action="store_true", help="skip the HTML copies")
    p.add_argument("--no-brief", action="store_true", help="skip the briefing deck and report")
    p.add_argument("notebooks", nargs="*", help="only these notebooks (e.g. 02 03); default all")
    p.set_defaults(handler=_cmd_run)

    p = sub.add_parser(
        "ingest",
        help="validate year-to-date CSV/Excel data and add it to the processed store",
        parents=lang,
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
    p.set_defaults(handler=_cmd_ingest, single_commit=True)

    p = sub.add_parser(
        "history", help="every vintage of stored year-to-date values, with files", parents=lang
    )
    p.add_argument("indicator", nargs="?", help="registry id or Chinese name (default: all)")
    p.add_argument("--period", help="only this period, e.g. 1-6月 or YYYY年1-6月")
    p.set_defaults(handler=_cmd_history)

    p = sub.add_parser("export", help="a flat CSV/XLSX copy of the store for people", parents=lang)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", dest="format", action="store_const", const="csv", help="(default)")
    fmt.add_argument("--xlsx", dest="format", action="store_const", const="xlsx")
    p.set_defaults(format="csv")
    p.add_argument("-o", "--output", help="file to write (default: build/quarterly_export.csv)")
    p.add_argument("--all-vintages", action="store_true", help="every vintage, not only current")
    p.set_defaults(handler=_cmd_export, single_commit=True)

    p = sub.add_parser(
        "charts",
        help="export the report's charts (PNG/SVG/PDF) to figures/",
        parents=[_options(both=True)],
    )
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
        "progress",
        help="the 进度监测 table: every target of the plan year against the latest data",
        parents=period,
    )
    p.add_argument("--xlsx", metavar="FILE", help="also write a formatted Excel workbook")
    p.set_defaults(handler=_cmd_progress, single_commit=True)

    p = sub.add_parser(
        "brief",
        help="write the briefing deck (build/briefing.pptx) and HTML report",
        parents=period,
    )
    p.add_argument("--build-dir", help="folder to write into (default: build/)")
    p.add_argument(
        "--demo",
        action="store_true",
        help="a demonstration briefing (build/briefing_demo.pptx/.html) from the synthetic "
        "examples in examples/demo/, every slide stamped as synthetic; your store is not touched",
    )
    p.set_defaults(handler=_cmd_brief)

    p = sub.add_parser(
        "report",
        help="draft the office's 经济运行分析 (economic-performance analysis) as a Word document",
        parents=period,
    )
    p.add_argument("--docx", metavar="FILE", required=True, help="the .docx file to write")
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
        except (DataError, _Refused) as exc:
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

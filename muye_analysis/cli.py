"""The ``muye`` command line.

Parsers are defined here (cheap); each handler imports its module only when it runs, so
``muye --help`` stays instant. Add a subcommand by adding a parser in ``build_parser`` and a
``_cmd_<name>`` handler.
"""

from __future__ import annotations

import argparse
import sys

from muye_analysis.errors import DataError


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
    print(("草稿已写入: " if args.lang == "zh" else "draft written to: ") + str(path))
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
        args.path, year=args.year, replace=args.replace, accept_outlier=args.accept_outlier
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
    print(("已导出: " if args.lang == "zh" else "exported to: ") + str(path))
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
    from muye_analysis.progress import format_table, progress_table, write_workbook

    if args.xlsx:  # a bad output path stops before anything is printed
        check_output_path(args.xlsx, example="build/进度监测.xlsx")
    try:
        table = progress_table(args.as_of)
    except (PeriodError, ValueError) as exc:
        print(f"error: --as-of {args.as_of!r}: {exc}", file=sys.stderr)
        return 2
    print(format_table(table, args.lang))
    if args.xlsx:
        path = write_workbook(table, args.xlsx, lang=args.lang)
        print(("工作簿已写入: " if args.lang == "zh" else "workbook written to: ") + str(path))
    return 0


def _cmd_brief(args: argparse.Namespace) -> int:
    from muye_analysis.briefing import build_briefing

    result = build_briefing(args.lang, build_dir=args.build_dir)
    print(result.summary())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="muye",
        description="Muye District economic plan data: check, extract, ingest, history, "
        "export, run, progress, brief.",
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
    p.set_defaults(handler=_cmd_extract)

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
    p.set_defaults(handler=_cmd_accept)

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
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_ingest)

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
    p.set_defaults(handler=_cmd_export)

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
    p.set_defaults(handler=_cmd_progress)

    p = sub.add_parser(
        "brief", help="write the briefing deck (build/briefing.pptx) and HTML report"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="zh: briefing.pptx/.html; "
                   "en: briefing_en.pptx/.html")  # fmt: skip
    p.add_argument("--build-dir", help="folder to write into (default: build/)")
    p.set_defaults(handler=_cmd_brief)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except PermissionError as exc:  # a read-only build/ or data/processed
        print(
            f"error: {exc.filename}: permission denied ({exc.strerror}). How to fix: make the "
            "folder writable, or point MUYE_BUILD_DIR / MUYE_PROCESSED_DIR elsewhere.",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())

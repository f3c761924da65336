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
    from muye_analysis.dataset import summarise_dataset

    print(summarise_dataset(lang=args.lang))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="muye",
        description="Muye District economic plan data: check, extract, ingest, run, brief.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate the bundled data and print a summary")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(handler=_cmd_check)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())

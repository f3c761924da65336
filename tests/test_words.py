"""Compute, then speak: analysis modules return numbers, codes and periods; words come from the
one vocabulary through the one renderer (issue 19).

Analysis here means the modules that compute (targets, progress, attainment, league, views,
forecast, claims): no Chinese string literal (docstrings and comments aside) and no ``lang``
parameter. The presentation modules inside the progress package (rendering, workbook) take a
language but still hold no Chinese literal: their words are in the vocabulary too.
"""

from __future__ import annotations

import ast
import re

import pytest

from muye_analysis import config

PACKAGE = config.ROOT / "muye_analysis"
ANALYSIS = [
    *sorted((PACKAGE / "targets").glob("*.py")),
    *sorted((PACKAGE / "progress").glob("*.py")),
    PACKAGE / "attainment.py",
    *sorted((PACKAGE / "league").glob("*.py")),
    PACKAGE / "views.py",
    *sorted((PACKAGE / "forecast").glob("*.py")),
    *sorted((PACKAGE / "claims").glob("*.py")),
]
# Presentation inside the progress package: a language, but no literal words.
SPEAKS = {"progress/rendering.py", "progress/workbook.py"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _name(path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def chinese_literals(path) -> list[str]:
    """'file:line: text' for every string constant with Chinese in it, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [
        f"{_name(path)}:{node.lineno}: {node.value[:40]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docs and CJK.search(node.value)
    ]  # fmt: skip


@pytest.mark.parametrize("path", ANALYSIS, ids=_name)
def test_no_chinese_string_literal_in_an_analysis_module(path):
    assert chinese_literals(path) == []


@pytest.mark.parametrize("path", [p for p in ANALYSIS if _name(p) not in SPEAKS], ids=_name)
def test_no_analysis_function_takes_a_language(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    with_lang = [
        f"{_name(path)}:{node.lineno} {node.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any(a.arg == "lang" for a in (*node.args.args, *node.args.kwonlyargs))
    ]
    assert with_lang == []


def test_the_check_catches_a_chinese_literal_and_spares_docstrings(tmp_path):
    bad = PACKAGE / "targets" / "verdicts.py"  # a real module, parsed as it is
    assert chinese_literals(bad) == []  # its docstrings cite 超额完成: allowed
    sample = tmp_path / "sample.py"
    sample.write_text('"""模块说明。"""\nWORD = "正常"\n\n\ndef f():\n    """说明"""\n', "utf-8")
    original = PACKAGE
    try:
        globals()["PACKAGE"] = tmp_path
        assert chinese_literals(sample) == ["sample.py:2: 正常"]
    finally:
        globals()["PACKAGE"] = original


def test_analysis_outputs_hold_no_language_pair_columns():
    from muye_analysis.attainment import COLUMNS as ATTAINMENT
    from muye_analysis.progress import COLUMNS as PROGRESS
    from muye_analysis.targets import YtdGap

    fields = list(YtdGap.__dataclass_fields__)
    for columns in (PROGRESS, ATTAINMENT, fields):
        assert [c for c in columns if c.endswith(("_zh", "_en"))] == []

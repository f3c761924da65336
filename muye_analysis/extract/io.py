"""Reading report files, writing the reviewable draft, and summarising what was found."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from muye_analysis.atomic import atomic_path
from muye_analysis.errors import DataError
from muye_analysis.extract.facts import DRAFT_COLUMNS
from muye_analysis.inputs import decode_text, read_input_bytes
from muye_analysis.outputs import check_output_path, neutralise_frame

if TYPE_CHECKING:
    import pandas as pd

# The usual encodings (inputs.decode_text also detects UTF-16, Big5 and Shift-JIS). gb18030
# decodes almost any byte string, so it goes last: UTF-8 bytes read as gb18030 come out as
# plausible-looking garbage without an error.
ENCODINGS = ("utf-8-sig", "utf-8", "gb18030")
# A plan report is some tens of kilobytes; anything this big is the wrong file.
MAX_REPORT_BYTES = 20 * 1024 * 1024
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a Word/Excel (zip) file",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_SAVE_AS_TEXT = "save the report as plain text (.txt, UTF-8 or GBK) and try again."


def read_report(path: str | Path) -> str:
    """The text of a report file: UTF-8 (with or without BOM), GB18030/GBK, UTF-16, Big5 …
    detected by ``inputs.decode_text``.

    Only a regular file of at most ``MAX_REPORT_BYTES`` is read (a FIFO would block, /dev/zero
    never ends). Binary files (PDF, Word, images) and bytes that no encoding reads raise
    DataError naming the file, the line of the first bad byte and what to do.
    """
    path = Path(path)
    raw = read_input_bytes(path, max_bytes=MAX_REPORT_BYTES, what="report text",
                           fix=_SAVE_AS_TEXT)  # fmt: skip
    for signature, what in _BINARY_SIGNATURES.items():
        if raw.startswith(signature):
            raise DataError(f"this is {what}, not text.", file=path, fix=_SAVE_AS_TEXT)
    text = decode_text(raw, path, fix=_SAVE_AS_TEXT).text.removeprefix("\ufeff")
    bad = _CONTROL.search(text)
    if bad is not None and len(_CONTROL.findall(text)) > max(2, len(text) // 1000):
        raise DataError(
            "control characters throughout: the file is binary or wrongly encoded.",
            file=path,
            row=text[: bad.start()].count("\n") + 1,
            fix=_SAVE_AS_TEXT,
        )
    return text


def draft_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts in the curated table's column order, plus subject, start, end and matched."""
    return facts.loc[:, list(DRAFT_COLUMNS)]


def write_draft(facts: pd.DataFrame, path: str | Path) -> Path:
    """Write the draft CSV atomically; return its path.

    UTF-8 with a byte-order mark, so that Excel on Chinese Windows shows the characters; the
    curated loader reads either form.

    Rows keep reading order. ``indicator`` is empty where no registry id matched: the reviewer
    gives one (adding it to the registry) or drops the row.
    """
    path = Path(path)
    draft = draft_frame(facts).copy()
    draft["value"] = draft["value"].map(_format_number, na_action="ignore").astype("string")
    draft["matched"] = draft["matched"].map({True: "true", False: "false"}).astype("string")
    draft = neutralise_frame(draft)  # report text starting with = + - @ must not run in Excel
    with atomic_path(path) as tmp:
        draft.to_csv(tmp, index=False, encoding="utf-8-sig")
    return path


def _format_number(value: float) -> str:
    return f"{value:.10g}"


_LABELS = {
    "zh": {
        "found": "提取数字陈述 {n} 条",
        "kind": "按性质",
        "measure": "按类型",
        "matched": "匹配到指标库 {m} 条，未匹配 {u} 条",
        "unmatched": "未匹配的主题",
        "none": "未找到数字陈述（文本是否为中文报告？编码是否正确？）",
    },
    "en": {
        "found": "{n} numeric statements found",
        "kind": "by kind",
        "measure": "by measure",
        "matched": "{m} matched to the registry, {u} unmatched",
        "unmatched": "unmatched subjects",
        "none": "no numeric statements found (is this a Chinese report, correctly decoded?)",
    },
}


def summarise_facts(facts: pd.DataFrame, *, lang: str = "zh", limit: int = 12) -> str:
    """A few lines for the terminal: how many facts, by kind and measure, unmatched subjects."""
    labels = _LABELS["en" if lang == "en" else "zh"]
    if facts.empty:
        return labels["none"]
    matched = int(facts["matched"].sum())
    lines = [
        labels["found"].format(n=len(facts)),
        f"  {labels['kind']}: {_counts(facts['kind'], lang)}",
        f"  {labels['measure']}: {_counts(facts['measure'], lang)}",
        "  " + labels["matched"].format(m=matched, u=len(facts) - matched),
    ]
    unmatched = facts.loc[~facts["matched"].astype(bool), "subject"].fillna("?").unique().tolist()
    if unmatched:
        # Subjects may contain 、 themselves, so they are listed with ；. They are the report's
        # own words: an English summary quotes them.
        quoted = unmatched[:limit] if lang == "zh" else [f'"{u}"' for u in unmatched[:limit]]
        shown = ("；" if lang == "zh" else "; ").join(quoted)
        shown += " …" if len(unmatched) > limit else ""
        lines.append(f"  {labels['unmatched']}: {shown}")
    return "\n".join(lines)


def _counts(column: pd.Series, lang: str = "zh") -> str:
    """'完成值 20，目标 9' / 'outcome 20, target 9': each code's word and its count."""
    from muye_analysis import vocab

    counts = column.value_counts(sort=True)
    separator = "，" if lang == "zh" else ", "
    return separator.join(f"{vocab.table_value(k, lang)} {v}" for k, v in counts.items())


def draft_report(
    report: str | Path, output: str | Path | None = None, *, published: object = None
) -> tuple[pd.DataFrame, Path]:
    """Read a report file, extract its facts and write the draft; return both.

    ``output`` defaults to ``<drafts dir>/<report name>_draft.csv`` (``drafts/``, which
    ``make clean`` leaves alone: the draft is reviewed by hand). Writing into ``data/raw`` or
    over the report itself is refused: raw files are never modified. ``published``: the
    document's publication date where its text prints none (``extract_facts``).
    """
    from muye_analysis import config
    from muye_analysis.extract.facts import extract_facts

    report = Path(report)
    out = Path(output) if output else config.drafts_dir() / f"{report.stem}_draft.csv"
    resolved = out.resolve()
    if resolved == report.resolve() or resolved.is_relative_to(config.RAW.resolve()):
        raise DataError(
            "the draft would overwrite a raw file.",
            file=out,
            fix="write the draft elsewhere, e.g. -o drafts/draft.csv.",
        )
    out = check_output_path(out, example="drafts/draft.csv")  # not a folder, not under data/
    from muye_analysis.extract.epochs import given_date

    try:
        given_date(published)  # refused before the report is read
    except ValueError as err:
        raise DataError(str(err), fix="e.g. --published 2021-07-20") from None
    facts = extract_facts(read_report(report), published=published)
    if report.resolve().is_relative_to(config.RAW.resolve()):  # the document rows will name
        facts["document"] = report.resolve().relative_to(config.RAW.resolve()).as_posix()
    return facts, write_draft(facts, out)


_EXPLAIN = {
    "zh": {"rule": "规则", "words": "依据", "quote": "原文", "none": "（无）", "id": "指标"},
    "en": {"rule": "rule", "words": "words", "quote": "quote", "none": "(none)", "id": "indicator"},
}


def explain_facts(facts: pd.DataFrame, *, lang: str = "zh") -> str:
    """Per fact: what was read, which reading rule found it and from which words.

    One block per row, in reading order, so a reviewer can trust or correct the draft quickly::

        3. 地区生产总值 -1.3个百分点 · change_pp · actual · 比 全市 · 指标 gdp
           规则 pp_change | 依据 subject carried: 地区生产总值 | compared with 全市 (低于) | …
           原文 «低于全市1.3个百分点»
    """
    labels = _EXPLAIN["en" if lang == "en" else "zh"]
    if facts.empty:
        return _LABELS["en" if lang == "en" else "zh"]["none"]
    lines = []
    for n, row in enumerate(facts.itertuples(index=False), start=1):
        unit = "" if _missing(row.unit) else row.unit
        value = "" if _missing(row.value) else f"{row.value:g}{unit}"
        subject = "?" if _missing(row.subject) else row.subject
        head = [f"{n}. {subject} {value or row.printed}", row.measure, row.kind]
        if not _missing(row.period):
            head.append(str(row.period))
        if not _missing(row.stage):
            head.append(str(row.stage))
        if not _missing(row.comparator):
            head.append(("比 " if lang != "en" else "vs ") + str(row.comparator))
        if not _missing(row.rank_scope):
            head.append(str(row.rank_scope))
        if not _missing(row.ranked_on):
            head.append(("按 " if lang != "en" else "on ") + str(row.ranked_on))
        indicator = labels["none"] if _missing(row.indicator) else row.indicator
        head.append(f"{labels['id']} {indicator}")
        lines.append(" · ".join(head))
        words = row.evidence if not _missing(row.evidence) else labels["none"]
        note = "" if _missing(row.note) else f" | {row.note}"
        if lang != "en":
            words, note = _in_chinese(words), _in_chinese(note)
        lines.append(f"   {labels['rule']} {row.rule} | {labels['words']} {words}{note}")
        lines.append(f"   {labels['quote']} «{row.quote}»")
    return "\n".join(lines)


# The reader writes its evidence in English templates around the report's own words; the Chinese
# view replaces the templates, never the quoted words.
_EVIDENCE_ZH = (
    ("subject carried: ", "主题承前："), ("compared with ", "比较对象："),
    ("(the indicator named, no growth before)", "（指标本身，此前无增速）"),
    ("ranked on ", "排名针对 "),
    ("actual: completion of a plan", "实际值：计划完成情况"), ("actual: a stock", "实际值：存量"),
    ("target: paragraph announced by ", "目标值：段落引语 "),
    ("target: carried from the clause before", "目标值：承前一分句"),
    ("target: 左右/以上 with 预期/目标/计划 in the sentence",
     "目标值：句中有预期/目标且带左右/以上"),
    ("target: ", "目标值："), ("actual: part (none) of the report", "实际值：无章节标题"),
    ("target: part (none) of the report", "目标值：无章节标题"),
    ("actual: part ", "实际值：报告第"), (" of the report", "部分"), ("actual: ", "实际值："),
    ("ratio after ", "结构比，位于："), ("stage from", "阶段：由"), ("stage to", "阶段：至"),
    ("(…) after a comparator", "比较对象后括号内的数值"),
    ("unit from the list's last member", "单位取自列举末项"), ("元 not printed", "原文未印“元”"),
    ("basis: ", "口径："), ("written as ", "原文写作 "), ("growth of ", "即增长 "),
    ("printed subject: ", "原文主题："), ("comparison verb not read", "比较词无法识别"),
    ("sign as printed", "符号按原文"),
    ("named a target after it", "其后写明为目标"), ("turned from a year earlier", "由上年同期转来"),
    ("turned: ", "转折："), (": the year reviewed", "：所审议年度"),
    ("part ", "第"), ("range ", "区间 "), (" to ", " 至 "),
)  # fmt: skip


def _in_chinese(text: str) -> str:
    for en, zh in _evidence_pairs():
        text = text.replace(en, zh)
    return text


def _evidence_pairs() -> tuple[tuple[str, str], ...]:
    """The vocabulary's ``explain_*`` phrases (longest first, so that a phrase is replaced before
    any shorter one inside it), then the templates above."""
    from muye_analysis.vocab.catalog import CATALOG_ROWS

    pairs = [(row["en"], row["zh"]) for key, row in CATALOG_ROWS.items()
             if key.startswith("explain_")]  # fmt: skip
    return (*sorted(pairs, key=lambda pair: -len(pair[0])), *_EVIDENCE_ZH)


def _missing(value) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str) and bool(pd.isna(value))) or value == ""

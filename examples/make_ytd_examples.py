"""Write the SYNTHETIC bureau tables of the README's year-to-date journey into ``examples/ytd/``.

Two tables as a statistics bureau sends them (title row, 单位 row, merged-style header, section
headings, an of-which row, a footnote): the 1-9月 figures, as a GBK CSV, and their revision
(title says 修订, two values changed), as an Excel workbook. **Every number is invented**: the
titles and file names say 示例 (example) and 合成 (synthetic), so the store flags their rows,
every chart drawn from them is stamped, and the briefing leaves them out.

Run: .venv/bin/python examples/make_ytd_examples.py  (the same values each time)
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).with_name("ytd")
ORIGINAL = HERE / "2024年1-9月主要经济指标（示例）.csv"
REVISED = HERE / "2024年1-9月主要经济指标（修订）（示例）.xlsx"
TITLE = "2024年1-9月牧野区主要经济指标（示例数据，合成，非真实统计）"
TITLE_REVISED = "2024年1-9月牧野区主要经济指标（修订）（示例数据，合成，非真实统计）"
HEADER = ["指标名称", "计量单位", "本年累计", "上年同期", "比上年同期增长(%)", "全市位次"]
ROWS = [
    ["一、主要指标"],
    ["地区生产总值", "亿元", 172.0, 160.0, 5.0, 5],
    ["规模以上工业增加值", "", "—", "—", 7.5, 3],
    ["固定资产投资", "", "", "", 8.1, 7],
    ["一般公共预算收入", "万元", 82000, 76000, "", 4],
    ["  其中：税收收入", "万元", 76500, 70800, "", ""],
    ["社会消费品零售总额", "万元", 603000, 580000, 3.9, 6],
    ["城镇调查失业率", "%", 4.9, 5.1, "", ""],
    ["二、重点任务"],
    ["重点项目完成投资", "亿元", 150.5, 140.0, "", ""],
    ["新增城镇就业", "人", 6500, 6100, "", ""],
    ["签约项目", "个", 15, "", "", ""],
    ["电池产业营业收入", "亿元", 55.0, 48.0, "", ""],
]
# The revision: retail sales and its growth (the kind of correction a bureau publishes).
REVISIONS = {"社会消费品零售总额": {2: 604500, 4: 4.2}}
FOOTNOTE = "注：本表数据为合成示例（非真实统计），用于演示读取、修订和进度监测。"


def table(title: str, released: str, revised: bool) -> list[list]:
    rows = [[title], [released, "", "", "", "单位：万元"], HEADER]
    for row in ROWS:
        row = list(row)
        for column, value in (REVISIONS.get(row[0], {}) if revised else {}).items():
            row[column] = value
        rows.append(row)
    return [*rows, [FOOTNOTE]]


def main() -> None:
    import csv

    import openpyxl

    HERE.mkdir(exist_ok=True)
    with ORIGINAL.open("w", encoding="gbk", newline="") as handle:  # as bureaus often send it
        csv.writer(handle).writerows(table(TITLE, "制表日期：2024年10月15日", revised=False))
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "1-9月"
    for row in table(TITLE_REVISED, "发布日期：2024年10月28日", revised=True):
        sheet.append(row)
    book.save(REVISED)
    print(ORIGINAL, REVISED, sep="\n")


if __name__ == "__main__":
    main()

"""Write the SYNTHETIC city tables of every county-level unit used by the tests.

The numbers are made up: they are not statistics of Xinxiang, Muye District or any unit. They
are laid out as the city statistics bureau publishes its 各县（市、区）主要经济指标 table, in
three of its forms, so that ``muye ingest`` and ``league.city_ranks`` can be tested on them:

* ``synthetic_city_2024_1-3.xlsx``: two-row merged headers (地区生产总值 over 绝对值 | 增长(%) |
  位次), a merged title row with the period, a 单位 line, 全市 first, the zones 经开区 and 高新区
  as 其中 rows under their districts;
* ``synthetic_city_2024_1-5.xlsx``: one header row (规模以上工业增加值增长(%) | 位次 …) with a
  row of units under it, districts written 红旗区（含经开区）, a 市区 subtotal row, a footnote;
* ``synthetic_city_2024_1-6.csv``: GBK, as Excel saves a merged table (merged cells empty), with
  高新区 listed apart for industry and investment (卫滨区 written 卫滨区（不含高新区）) and one
  published rank that disagrees with the figures (延津县's GDP growth rank: 11 for 12).

Run: .venv/bin/python tests/data/city/make_synthetic_city_tables.py (deterministic).
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent
SYNTHETIC = "（示例数据，合成，非真实统计）"
UNITS = ("红旗区", "卫滨区", "凤泉区", "牧野区", "新乡县", "获嘉县", "原阳县", "延津县", "封丘县",
         "卫辉市", "辉县市", "长垣市", "平原示范区")  # fmt: skip

# --- 2024年1-3月 ---------------------------------------------------------------------------------
# unit: (GDP level, GDP growth, GDP rank), (industry growth, rank), (retail level, growth, rank),
# (revenue level, growth, rank). None = blank.
Q1 = {
    "全市": ((762.0, 4.6, None), (7.3, None), (233.1, 4.9, None), (60.50, 7.5, None)),
    "红旗区": ((95.0, 4.1, 10), (6.5, 9), (45.2, 5.1, 4), (5.60, 8.1, 6)),
    "  其中：经开区": ((30.1, 5.0, None), (7.2, None), (None, None, None), (None, None, None)),
    "卫滨区": ((60.2, 3.8, 11), (7.9, 6), (30.3, 4.2, 11), (3.20, 2.5, 12)),
    "  其中：高新区": ((20.5, 6.1, None), (9.9, None), (None, None, None), (None, None, None)),
    "凤泉区": ((28.4, 5.5, 6), (8.3, 5), (8.1, 3.9, 12), (2.10, 12.0, 2)),
    "牧野区": ((55.3, 4.9, 8), (3.0, 13), (20.6, 4.5, 9), (3.05, 6.4, 9)),
    "新乡县": ((62.0, 6.2, 3), (9.1, 3), (12.4, 5.6, 3), (4.80, 9.3, 5)),
    "获嘉县": ((45.6, 5.8, 4), (7.9, 6), (11.8, 4.8, 7), (3.90, 7.7, 7)),
    "原阳县": ((41.2, 5.8, 4), (10.2, 2), (13.0, 5.0, 5), (3.40, 10.5, 4)),
    "延津县": ((44.0, 3.2, 12), (5.5, 11), (10.9, 4.4, 10), (2.70, "下降3.2", 13)),
    "封丘县": ((38.9, 4.4, 9), (6.0, 10), (12.2, 4.7, 8), (2.20, 5.0, 10)),
    "卫辉市": ((50.7, 2.9, 13), (4.2, 12), (14.5, 3.6, 13), (3.10, 4.1, 11)),
    "辉县市": ((90.3, 5.1, 7), (7.0, 8), (22.7, 4.9, 6), (6.40, 6.9, 8)),
    "长垣市": ((125.6, 6.8, 2), (8.8, 4), (25.1, 6.0, 2), (9.80, 11.2, 3)),
    "平原示范区": ((24.8, 7.4, 1), (11.5, 1), (6.3, 7.2, 1), (4.10, 15.6, 1)),
}

# --- 2024年1-5月 ---------------------------------------------------------------------------------
# unit: (industry growth, rank), (investment growth, rank), (retail level, growth, rank),
# (revenue level, growth, rank)
M5 = {
    "全市": ((7.4, None), (8.2, None), (393.3, 5.0, None), (99.80, 7.8, None)),
    "市区": ((6.5, None), (5.9, None), (176.0, 4.8, None), (23.92, 7.0, None)),
    "红旗区（含经开区）": ((6.8, 9), (8.0, 9), (76.5, 5.3, 4), (9.10, 7.6, 7)),
    "卫滨区（含高新区）": ((7.5, 6), (6.1, 11), (51.0, 4.4, 11), (5.30, 3.0, 12)),
    "凤泉区": ((8.0, 5), (12.5, 3), (13.6, 4.0, 12), (3.50, 11.0, 2)),
    "牧野区": ((4.6, 12), (-2.4, 13), (34.9, 4.8, 8), (5.02, 6.9, 8)),
    "新乡县": ((8.9, 3), (10.2, 6), (20.9, 5.5, 3), (7.90, 9.0, 5)),
    "获嘉县": ((7.5, 6), (11.0, 4), (19.9, 4.9, 7), (6.40, 8.1, 6)),
    "原阳县": ((9.8, 2), (11.0, 4), (21.9, 5.1, 5), (5.60, 10.0, 4)),
    "延津县": ((5.9, 11), (13.1, 2), (18.3, 4.5, 10), (4.40, -1.5, 13)),
    "封丘县": ((6.2, 10), (7.4, 10), (20.6, 4.6, 9), (3.60, 5.2, 10)),
    "卫辉市": ((4.6, 12), (9.6, 7), (24.4, 3.9, 13), (5.10, 4.4, 11)),
    "辉县市": ((7.2, 8), (9.0, 8), (38.3, 5.0, 6), (10.50, 6.6, 9)),
    "长垣市": ((8.6, 4), (5.5, 12), (42.4, 6.1, 2), (16.20, 10.9, 3)),
    "平原示范区": ((10.8, 1), (14.2, 1), (10.6, 7.0, 1), (6.70, 14.8, 1)),
}

# --- 2024年1-6月 ---------------------------------------------------------------------------------
# unit: (GDP level, growth, rank), (industry growth, rank), (investment growth, rank),
# (retail level, growth, rank), (revenue level, growth, rank)
H1 = {
    "全市": ((1579.0, 4.8, None), (7.5, None), (8.5, None), (472.8, 5.1, None),
             (121.00, 7.7, None)),
    "红旗区": ((198.0, 4.3, 10), (7.0, 9), (8.3, 10), (92.0, 5.4, 4), (11.20, 7.4, 7)),
    "卫滨区（不含高新区）": ((124.0, 4.0, 11), (6.0, 12), (6.5, 12), (61.3, 4.5, 11),
                           (6.40, 3.3, 12)),
    "凤泉区": ((59.0, 5.2, 6), (8.1, 6), (12.0, 4), (16.4, 4.1, 12), (4.20, 10.6, 2)),
    "牧野区": ((115.0, 5.2, 6), (5.0, 13), (1.2, 14), (42.0, 5.0, 7), (6.10, 7.1, 8)),
    "新乡县": ((128.5, 6.0, 3), (8.7, 4), (10.0, 7), (25.1, 5.6, 3), (9.50, 8.8, 5)),
    "获嘉县": ((94.0, 5.6, 5), (7.6, 7), (11.2, 5), (23.9, 5.0, 7), (7.70, 8.0, 6)),
    "原阳县": ((86.0, 5.9, 4), (9.6, 3), (10.8, 6), (26.3, 5.2, 5), (6.80, 9.7, 4)),
    "延津县": ((91.0, 3.5, 11), (6.1, 11), (12.9, 3), (22.0, 4.6, 10), (5.30, -0.8, 13)),
    "封丘县": ((80.5, 4.6, 9), (6.4, 10), (7.0, 11), (24.7, 4.7, 9), (4.30, 5.5, 10)),
    "卫辉市": ((104.0, 3.1, 13), (4.9, 14), (9.1, 9), (29.3, 4.0, 13), (6.20, 4.6, 11)),
    "辉县市": ((187.0, 5.0, 8), (7.4, 8), (9.3, 8), (46.0, 5.1, 6), (12.70, 6.4, 9)),
    "长垣市": ((260.0, 6.6, 2), (8.5, 5), (5.8, 13), (51.0, 6.2, 2), (19.60, 10.6, 2)),
    "平原示范区": ((52.0, 7.0, 1), (10.5, 1), (13.5, 2), (12.8, 6.9, 1), (8.10, 14.1, 1)),
    "高新区": ((None, None, None), (10.5, 1), (15.0, 1), (None, None, None),
               (None, None, None)),
}  # fmt: skip


def _cell(value):
    return "" if value is None else value


def write_q1(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "1-3月"
    ws.append([f"2024年1-3月各县（市、区）主要经济指标{SYNTHETIC}"])
    ws.merge_cells("A1:N1")
    ws.append(["单位：亿元、%"])
    ws.append(["地区", "地区生产总值", None, None, "规模以上工业增加值", None,
               "社会消费品零售总额", None, None, "一般公共预算收入", None, None])  # fmt: skip
    ws.append([None, "绝对值", "增长(%)", "位次", "增长(%)", "位次", "绝对值", "增长(%)", "位次",
               "绝对值", "增长(%)", "位次"])  # fmt: skip
    for cells in ("A3:A4", "B3:D3", "E3:F3", "G3:I3", "J3:L3"):
        ws.merge_cells(cells)
    for unit, groups in Q1.items():
        ws.append([unit, *[_cell(v) for group in groups for v in group]])
    ws.append([f"注：本表为示例数据{SYNTHETIC}；地区生产总值增速按可比价计算。"])
    wb.properties.creator = "muye-analysis tests (synthetic)"
    wb.save(path)


def write_m5(path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "1-5月"
    ws.append([f"2024年1-5月各县（市、区）主要经济指标{SYNTHETIC}"])
    ws.merge_cells("A1:K1")
    ws.append(["地区", "规模以上工业增加值增长(%)", "位次", "固定资产投资增长(%)", "位次",
               "社会消费品零售总额", "增长(%)", "位次", "一般公共预算收入", "增长(%)",
               "位次"])  # fmt: skip
    ws.append(["单位", "%", "位", "%", "位", "亿元", "%", "位", "亿元", "%", "位"])
    for unit, groups in M5.items():
        ws.append([unit, *[_cell(v) for group in groups for v in group]])
    ws.append(["注：市区为四区合计，不参与排名。本表为示例数据。"])
    wb.save(path)


def write_h1(path: Path) -> None:
    width = 15  # every line has the same number of fields, as Excel writes a CSV
    header = ["县（市、区）", "地区生产总值", "", "", "规模以上工业增加值", "", "固定资产投资", "",
              "社会消费品零售总额", "", "", "一般公共预算收入", "", ""]  # fmt: skip
    measures = ["", "绝对值", "增长(%)", "位次", "增长(%)", "位次", "增长(%)", "位次", "绝对值",
                "增长(%)", "位次", "绝对值", "增长(%)", "位次"]  # fmt: skip
    rows = [
        [f"2024年1-6月各县（市、区）主要经济指标{SYNTHETIC}"],
        ["单位：亿元、%"],
        header,
        measures,
        *([unit, *[_cell(v) for group in groups for v in group]] for unit, groups in H1.items()),
        ["注：高新区单列，卫滨区不含高新区；本表为示例数据。"],
    ]
    lines = [",".join(str(v) for v in row + [""] * (width - len(row))) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))


def main() -> None:
    write_q1(HERE / "synthetic_city_2024_1-3.xlsx")
    write_m5(HERE / "synthetic_city_2024_1-5.xlsx")
    write_h1(HERE / "synthetic_city_2024_1-6.csv")


if __name__ == "__main__":
    main()

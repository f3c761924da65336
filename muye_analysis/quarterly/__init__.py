"""Ingest year-to-date statistics (CSV or Excel) into the processed store.

Two layouts are read (``data/quarterly/README.md`` shows both):

* **tidy**, as in ``data/quarterly/template.csv``: one row per indicator and period, columns
  ``indicator, year, period, level, unit, growth_pct, price_basis, source`` (Chinese headers such
  as 指标, 时期, 累计值, 单位, 累计增长(%) are accepted);
* **bureau tables**: indicators down the side, periods or 累计值/增长% pairs across, a title row
  above (which may carry the period, the year and 单位：亿元), header cells merged over two rows.

Every value is normalised (full-width digits, 万元 -> the registry unit, 持平 = 0, 下降3.9% = -3.9,
"…" = below the table's unit, "—" or blank = no data), validated (known indicator, no duplicate
period, cumulative flow levels not falling within a year, growth in percent rather than
fractions, plausible values: ``plausibility``) and written to the SQLite store
``config.processed_dir() / "quarterly.sqlite"`` (``store``): one current value per area x
indicator x year x months x measure, every earlier vintage kept, each with the file, sheet, row,
column and SHA-256 of the raw file it came from. One ingest is one transaction, so an error
leaves the store exactly as it was; raw files are only ever read.

The cell reader, for every layout (and the readers other tables build on): ``read_sheets(path)``
gives a file's ``Sheet``s as grids of cells as the user sees them (percent formats as
``Percent``, error cells as ``BadCell``, hidden rows and columns blanked and listed, merged
ranges, the text encoding), refusing a sheet too large to load before it is loaded;
``parse_number(cell)`` reads one cell by the strict number grammar or raises ``CellError``
naming the cause; ``canonical_area`` makes the district's names one.

The package by job: ``cells`` (cell text, numbers, names), ``registry`` (names -> indicators),
``files`` (which files, decoding, sheets), ``workbook`` (what a workbook says beyond its values,
read before the grid), ``layout`` (the API a layout plugin is written against: ``Sheet``,
``Cell``, ``Context``, ``SheetRows``, ``Layout``), ``spans`` (the one place periods are read:
titles, row labels, column headers), ``records`` (the one place a row is finished: a cell -> a
validated store row, growth derived from 上年同期, provenance), the layouts ``city_table``,
``tidy`` and ``bureau`` (with ``headers``, what the tidy and bureau tables share), ``parse``
(a file -> records, each sheet by the first layout that recognises it), ``validate`` (checks
across rows), ``plausibility`` (values that cannot be right), ``store`` (the database) with
``store_errors`` (its failures, said plainly) and ``frames`` (the store as DataFrames),
``ingest`` (the ingest API), ``export`` (history and flat copies) and ``templates``.
"""

from __future__ import annotations

from muye_analysis.quarterly.cells import (
    HEADER_SEARCH_ROWS,
    BadCell,
    CellError,
    ParsedNumber,
    Percent,
    canonical_area,
    clean_indicator_name,
    parse_number,
    parse_number_or_none,
    parse_price_basis,
)
from muye_analysis.quarterly.files import (
    DATA_SUFFIXES,
    ENCODINGS,
    Sheet,
    data_files,
    decode_csv_bytes,
    has_data_files,
    read_sheets,
)
from muye_analysis.quarterly.frames import (
    SYNTHETIC_PATTERN,
    district_rows,
    is_synthetic,
    read_history,
    read_store,
    ytd_series,
)
from muye_analysis.quarterly.ingest import (
    IngestResult,
    ingest_quarterly,
    load_quarterly,
    read_quarterly,
)
from muye_analysis.quarterly.records import GROWTH_RANGE_PCT
from muye_analysis.quarterly.registry import RegistryIndex, default_registry
from muye_analysis.quarterly.store import (
    DEFAULT_AREA,
    KEY,
    MEASURES,
    STORE_COLUMNS,
    STORE_NAME,
    read_unregistered,
    store_path,
)
from muye_analysis.quarterly.templates import TEMPLATE_COLUMNS, template_rows, write_templates
from muye_analysis.quarterly.validate import SAME_VALUE_RTOL
from muye_analysis.quarterly.workbook import MAX_SHEET_CELLS

__all__ = [
    "DATA_SUFFIXES",
    "DEFAULT_AREA",
    "ENCODINGS",
    "GROWTH_RANGE_PCT",
    "HEADER_SEARCH_ROWS",
    "KEY",
    "MAX_SHEET_CELLS",
    "MEASURES",
    "SAME_VALUE_RTOL",
    "STORE_COLUMNS",
    "STORE_NAME",
    "SYNTHETIC_PATTERN",
    "TEMPLATE_COLUMNS",
    "BadCell",
    "CellError",
    "IngestResult",
    "ParsedNumber",
    "Percent",
    "RegistryIndex",
    "Sheet",
    "canonical_area",
    "clean_indicator_name",
    "data_files",
    "decode_csv_bytes",
    "default_registry",
    "district_rows",
    "has_data_files",
    "ingest_quarterly",
    "is_synthetic",
    "load_quarterly",
    "parse_number",
    "parse_number_or_none",
    "parse_price_basis",
    "read_history",
    "read_quarterly",
    "read_sheets",
    "read_store",
    "read_unregistered",
    "store_path",
    "template_rows",
    "write_templates",
    "ytd_series",
]

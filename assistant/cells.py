"""Cells of a document's tables, found by the names of their row and column.

A question such as 'học phí mầm non ở đô thị là bao nhiêu?' names a column ('Mầm non') and a row
('Đô thị') of a table of figures; 'cấp học nào ở nông thôn thấp nhất?' names a row and asks which
column; 'THPT ở đô thị cao hơn ở nông thôn bao nhiêu?' names two rows of one column. Names are
matched whole, folded (accents and case ignored), against the table's own header and the first
naming cell of each row, so 'Trung học cơ sở' is never 'Trung học phổ thông'. Values are exact
Decimals read from the cells. Scoring tables are left to assistant.scoring (their rows are
criteria with their own columns).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.model import Document, Table
from assistant.text import parse_decimal, plain

_SEQUENCE = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    doc: Document
    table: Table
    row: int  # index into table.rows
    col: int  # index into the row's cells
    row_name: str
    col_name: str
    value: Decimal
    line: int  # the file line of the row


@dataclass
class Match:
    """What a question names in one table: rows and numeric columns, in the question's order."""

    doc: Document
    table: Table
    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)

    def cell(self, row: int, col: int) -> Cell | None:
        cells = self.table.rows[row]
        if col >= len(cells):
            return None
        value = _number(cells[col])
        if value is None:
            return None
        return Cell(
            self.doc,
            self.table,
            row,
            col,
            row_name(self.table, row),
            self.table.header[col],
            value,
            self.table.row_lines[row],
        )

    def along_row(self, row: int) -> list[Cell]:
        return [c for j in numeric_columns(self.table) if (c := self.cell(row, j)) is not None]

    def along_col(self, col: int) -> list[Cell]:
        return [c for i in range(len(self.table.rows)) if (c := self.cell(i, col)) is not None]


def _number(text: str) -> Decimal | None:
    return parse_decimal(re.sub(r"[*_]", "", text))


def row_name(table: Table, row: int) -> str:
    """The cell naming a row: its first cell that is neither a sequence number nor a figure."""
    for cell in table.rows[row]:
        text = cell.strip().strip("*_ ")
        if text and not _SEQUENCE.match(text) and _number(text) is None:
            return text
    return ""


def numeric_columns(table: Table) -> list[int]:
    """Columns most of whose cells are figures (the header names them)."""
    out = []
    for j in range(len(table.header)):
        if plain(table.header[j]) in _ORDINAL_HEADERS:
            continue  # 'STT': the order of the rows, not a figure
        values = [r[j] for r in table.rows if j < len(r) and r[j].strip()]
        if values and sum(_number(v) is not None for v in values) * 2 > len(values):
            out.append(j)
    return out


_ORDINAL_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu", "ma so", "ma", "ma so tieu chi"}


def _positions(name: str, q: str) -> list[int]:
    key = plain(name)
    if len(key) < 2 or not re.search(r"[a-z]", key):
        return []
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", q)]


def match_tables(docs: Iterable[Document], question: str) -> list[Match]:
    """Tables of figures in which the question names a row or a numeric column, best first (both
    named before one of them; more names before fewer)."""
    q = plain(question)
    found: list[tuple[int, int, Match]] = []
    for doc in docs:
        scoring_lines = {r.line for r in doc.criteria}
        for table in doc.tables:
            cols = numeric_columns(table)
            if not cols or not table.rows or scoring_lines & set(table.row_lines):
                continue
            m = Match(doc, table)
            named_cols = [(p, j) for j in cols for p in _positions(table.header[j], q)]
            names = [row_name(table, i) for i in range(len(table.rows))]
            named_rows = [(p, i) for i, n in enumerate(names) for p in _positions(n, q)]
            m.cols = list(dict.fromkeys(j for _, j in sorted(_longest(named_cols, table.header, q))))
            m.rows = list(dict.fromkeys(i for _, i in sorted(_longest(named_rows, names, q))))
            if m.rows or m.cols:
                found.append((int(bool(m.rows)) + int(bool(m.cols)), len(m.rows) + len(m.cols), m))
    found.sort(key=lambda x: (-x[0], -x[1]))
    return [m for _, _, m in found]


def _longest(hits: list[tuple[int, int]], names: list[str], q: str) -> list[tuple[int, int]]:
    """Drop a name found inside a longer name found at the same place ('Trung học' in 'Trung học cơ sở')."""
    spans = [(p, p + len(plain(names[i])), i) for p, i in hits]
    keep = []
    for p, end, i in spans:
        if not any(p2 <= p and end <= end2 and (end2 - p2) > (end - p) for p2, end2, _ in spans):
            keep.append((p, i))
    return keep


def unit_line(doc: Document, table: Table) -> int:
    """The line stating the table's unit ('Đơn vị tính: 1.000 đồng/trẻ/tháng') just above it, or 0."""
    for n in range(table.line_start - 1, max(0, table.line_start - 6), -1):
        if re.match(r"^\W*đơn vị( tính)?\s*:", doc.line(n).strip(), re.IGNORECASE):
            return n
    return 0

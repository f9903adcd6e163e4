"""Cells of a document's tables, found by the names of their row and column.

A question such as 'học phí mầm non ở đô thị là bao nhiêu?' names a column ('Mầm non') and a row
('Đô thị') of a table of figures; 'cấp học nào ở nông thôn thấp nhất?' names a row and asks which
column; 'THPT ở đô thị cao hơn ở nông thôn bao nhiêu?' names two rows of one column. Names are
matched whole, folded (accents and case ignored), against the table's own header and the first
naming cell of each row (or its part before a comma: 'Đền Bạch Mã, số 76 Hàng Buồm'), so 'Trung
học cơ sở' is never 'Trung học phổ thông'. A header cell spanning several columns over a row of
sub-headers ('Tỷ lệ vốn đối ứng (%)' over 'Thành phố | Xã') gives those columns the sub-headers'
names. Values are exact Decimals read from the cells ('20.000', '90%'). Scoring tables are left to
assistant.scoring (their rows are criteria with their own columns).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.model import Document, Table
from assistant.text import parse_decimal, plain, spell_abbreviations

_SEQUENCE = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]?$", re.IGNORECASE)
# the generic first words of a column's name ('Tỷ lệ để lại cho đơn vị thu' is asked as 'để lại cho đơn vị thu')
_GENERIC_LEAD = re.compile(r"^(?:ty le|muc|so|so luong|tong|gia tri|muc thu) (?=\w+ \w+)")
_ORDINAL_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu", "ma so", "ma", "ma so tieu chi"}


@dataclass(frozen=True)
class Grid:
    """A table as its data: one name per column, the data rows and the file line of each."""

    header: list[str]
    groups: list[str]  # the spanning header cell above each column ('' where none)
    rows: list[list[str]]
    lines: list[int]


def grid(table: Table) -> Grid:
    rows, lines, header = list(table.rows), list(table.row_lines), list(table.header)
    groups = [""] * len(header)
    width = max((len(r) for r in rows[1:]), default=0)
    if len(rows) >= 2 and len(header) < width:
        sub = [c for c in rows[0] if c.strip()]
        numeric_sub = any(_number(c) is not None for c in sub)
        extra = width - len(header)  # columns a header cell spans beyond its own
        if not numeric_sub and len(sub) == extra + 1:
            # the first column of figures in the data rows is where the spanning cell starts
            first = next(
                (
                    j
                    for j in range(width)
                    if not (j < len(header) and plain(header[j]) in _ORDINAL_HEADERS)
                    and any(j < len(r) and _number(r[j]) is not None for r in rows[1:])
                ),
                -1,
            )
            if 0 <= first < len(header):
                parent = header[first]
                header = [*header[:first], *sub, *header[first + 1 :]]
                groups = [""] * first + [parent] * len(sub) + [""] * (len(header) - first - len(sub))
                rows, lines = rows[1:], lines[1:]
    return Grid(header, groups, rows, lines)


@dataclass(frozen=True)
class Cell:
    doc: Document
    table: Table
    row: int  # index into the grid's rows
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
    grid: Grid
    rows: list[int] = field(default_factory=list)
    cols: list[int] = field(default_factory=list)
    column_implied: bool = False  # the question named no column: the table's only one is meant

    def column_name(self, col: int) -> str:
        group = self.grid.groups[col] if col < len(self.grid.groups) else ""
        return f"{group} – {self.grid.header[col]}" if group else self.grid.header[col]

    def cell(self, row: int, col: int) -> Cell | None:
        cells = self.grid.rows[row]
        if col >= len(cells):
            return None
        value = _number(cells[col])
        if value is None:
            return None
        group = group_of(self.grid, row)
        name = row_name(self.grid, row)
        return Cell(
            self.doc,
            self.table,
            row,
            col,
            f"{row_name(self.grid, group)} – {name}" if group >= 0 else name,
            self.column_name(col),
            value,
            self.grid.lines[row],
        )

    def along_row(self, row: int) -> list[Cell]:
        return [c for j in numeric_columns(self.grid) if (c := self.cell(row, j)) is not None]

    def along_col(self, col: int) -> list[Cell]:
        return [c for i in range(len(self.grid.rows)) if (c := self.cell(i, col)) is not None]


def _number(text: str) -> Decimal | None:
    return parse_decimal(re.sub(r"[*_%]", "", text))


def row_name(g: Grid, row: int) -> str:
    """The cell naming a row: its first cell that is neither a sequence number nor a figure."""
    for cell in g.rows[row]:
        text = cell.strip().strip("*_ ")
        if text and not _SEQUENCE.match(text) and _number(text) is None:
            return text
    return ""


_CODE = re.compile(r"^[*_ ]*(\d{1,3}(?:\.\d{1,3})*)[.)]?[*_ ]*$")


def _code(g: Grid, row: int) -> str:
    """The row's number in the table's own numbering ('8', '8.1'), or ''."""
    cells = g.rows[row]
    m = _CODE.match(cells[0]) if cells else None
    return m.group(1) if m else ""


def _has_figures(g: Grid, row: int) -> bool:
    return any(j < len(g.rows[row]) and _number(g.rows[row][j]) is not None for j in numeric_columns(g))


def group_of(g: Grid, row: int) -> int:
    """The row a row belongs to in a table of groups and their items: the one numbered its number's
    head ('8' for '8.1'), a row naming a school over its classes; -1 when none."""
    code = _code(g, row)
    if "." not in code:
        return -1
    head = code.rsplit(".", 1)[0]
    for i in range(row - 1, -1, -1):
        if _code(g, i) == head:
            return i if not _has_figures(g, i) else -1
    return -1


def items_of(g: Grid, row: int) -> list[int]:
    """The rows of the group ``row`` heads ('8.1', '8.2', … under '8')."""
    return [i for i in range(row + 1, len(g.rows)) if group_of(g, i) == row]


def numeric_columns(g: Grid) -> list[int]:
    """Columns most of whose cells are figures (the header names them)."""
    out = []
    for j in range(len(g.header)):
        if plain(g.header[j]) in _ORDINAL_HEADERS:
            continue  # 'STT': the order of the rows, not a figure
        values = [r[j] for r in g.rows if j < len(r) and r[j].strip()]
        if values and sum(_number(v) is not None for v in values) * 2 > len(values):
            out.append(j)
    return out


def _keys(name: str) -> list[str]:
    """The folded forms a name is asked by: whole, its part before a comma or a bracket ('Đền Bạch
    Mã, số 76 Hàng Buồm' → 'Đền Bạch Mã'), that part without a generic first word ('Tỷ lệ ...')."""
    head = re.split(r"[,(;]", name)[0]
    keys = [plain(name)]
    if len(plain(head).split()) >= 2:  # a one-word head ('Cấp, cấp lại ...') names nothing
        keys += [plain(head), _GENERIC_LEAD.sub("", plain(head))]
    # without the period it is of ('Mức học phí năm học 2025-2026' is asked as 'mức học phí')
    unperiod = re.split(r"\b(?:nam hoc|nam|giai doan|ky)\s+\d", plain(head))[0].strip()
    if unperiod != plain(head) and len(unperiod.split()) >= 2:
        keys += [unperiod, _GENERIC_LEAD.sub("", unperiod)]
    return [k for k in dict.fromkeys(keys) if len(k) >= 2 and re.search(r"[a-z]", k)]


def _positions(name: str, q: str) -> list[tuple[int, int]]:
    """Where a name occurs whole in the folded question, as (start, length), by the first of its
    keys that does."""
    for key in _keys(name):
        found = [(m.start(), len(key)) for m in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", q)]
        if found:
            return found
    return []


@dataclass(frozen=True)
class _Figures:
    """A table of figures, read once: its grid, numeric columns, and every folded name in it."""

    table: Table
    grid: Grid
    cols: list[int]
    names: frozenset[str]


# per live document object; an entry goes with its document (a reloaded corpus leaves none behind)
_READ: dict[int, list[_Figures]] = {}


def _figures(doc: Document) -> list[_Figures]:
    """The tables of figures of ``doc`` (not its scoring tables), read once per document object."""
    hit = _READ.get(id(doc))
    if hit is not None:
        return hit
    scoring_lines = {r.line for r in doc.criteria}
    out = []
    for table in doc.tables:
        if not table.rows or scoring_lines & set(table.row_lines):
            continue
        g = grid(table)
        cols = numeric_columns(g)
        if cols:
            names = [g.header[j] for j in cols] + [row_name(g, i) for i in range(len(g.rows))]
            keys = {k for n in names for k in _keys(n)}
            out.append(_Figures(table, g, cols, frozenset(k for k in keys if k)))
    _READ[id(doc)] = out
    weakref.finalize(doc, _READ.pop, id(doc), None)
    return out


def match_tables(docs: Iterable[Document], question: str) -> list[Match]:
    """Tables of figures in which the question names a row or a numeric column, best first (both
    named before one of them; more names before fewer)."""
    # abbreviations spelled out in place ('Trường THCS Cầu Giấy' names 'Trường Trung học cơ sở Cầu Giấy')
    q = spell_abbreviations(plain(question))
    found: list[tuple[int, int, int, Match]] = []
    for doc in docs:
        for f in _figures(doc):
            if not any(k in q for k in f.names):
                continue  # the cheap test first: no name of this table is in the question at all
            table, g, cols = f.table, f.grid, f.cols
            m = Match(doc, table, g)
            named = [(p, ("c", j)) for j in cols for p in _positions(g.header[j], q)]
            named += [(p, ("r", i)) for i in range(len(g.rows)) for p in _positions(row_name(g, i), q)]
            kept = sorted(_longest(named))  # 'xã' (a column) inside 'xã Vinh Lộc' (a row) is the row's
            m.cols = list(dict.fromkeys(k for _, (kind, k) in kept if kind == "c"))
            m.rows = _within_groups(g, list(dict.fromkeys(k for _, (kind, k) in kept if kind == "r")))
            if m.rows and not m.cols and len(cols) == 1:
                m.cols = list(cols)  # one column of figures: the row named is the cell asked
                m.column_implied = True
            if m.rows or m.cols:
                # ties broken by the words the question shares with the table's columns ('phí' in 'Mức thu phí')
                about = len(set(q.split()) & set(plain(" ".join(g.header[j] for j in cols)).split()))
                found.append((int(bool(m.rows)) + int(bool(m.cols)), len(m.rows) + len(m.cols), about, m))
    found.sort(key=lambda x: (-x[0], -x[1], -x[2]))
    return [m for *_, m in found]


def _within_groups(g: Grid, rows: list[int]) -> list[int]:
    """Rows named, read through the table's groups: items named under a group named are those of
    that group ('Khối 1' of 'Trường Tiểu học Nam Từ Liêm', not every school's); a group named alone
    stands for its items."""
    groups = [r for r in rows if items_of(g, r)]
    if not groups:
        return rows
    items = [r for r in rows if r not in groups]
    inside = [r for r in items if group_of(g, r) in groups]
    if inside:
        return inside
    if items:
        return rows
    return [i for r in groups for i in items_of(g, r)]


def edit(previous: Match, question: str) -> Match | None:
    """A follow-up naming another row or column of the table the previous question was about
    ('Còn xã Vinh Lộc thì sao?'): the previous match with that row or column instead; None when it
    names neither."""
    now = next((m for m in match_tables([previous.doc], question) if m.table is previous.table), None)
    if now is None or not (now.rows or now.cols):
        return None
    return Match(
        previous.doc, previous.table, previous.grid, now.rows or previous.rows, now.cols or previous.cols
    )


def _longest(hits: list[tuple[tuple[int, int], tuple[str, int]]]) -> list[tuple[int, tuple[str, int]]]:
    """Drop a name found inside a longer name found at the same place ('Trung học' in 'Trung học cơ sở')."""
    keep = []
    for (p, n), i in hits:
        if not any(p2 <= p and p + n <= p2 + n2 and n2 > n for (p2, n2), _ in hits):
            keep.append((p, i))
    return keep


def unit_line(doc: Document, table: Table) -> int:
    """The line stating the table's unit ('Đơn vị tính: 1.000 đồng/trẻ/tháng') just above it, or 0."""
    for n in range(table.line_start - 1, max(0, table.line_start - 6), -1):
        if re.match(r"^\W*đơn vị( tính)?\s*:", doc.line(n).strip(), re.IGNORECASE):
            return n
    return 0

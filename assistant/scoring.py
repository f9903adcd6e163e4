"""Scores over the criteria rows of scoring tables: totals, rankings, look-ups. Pure functions.

Every figure says where it comes from: a :class:`Figure` is either *stated* by the document (a
'Tổng điểm' row, a 'Điểm bị trừ' cell) or *computed* here (a sum, a rate), with a Vietnamese
``basis`` telling how. Arithmetic is exact :class:`~decimal.Decimal` throughout; floats appear
only at the JSON boundary (:func:`row_to_dict` and the other ``*_to_dict`` helpers).

No I/O, no LlamaIndex, no web framework: the layers above call these on
``[row for doc in docs for row in doc.criteria]`` (or the rows of one document).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

from assistant.errors import NotFoundError
from assistant.model import CriterionRow, TableTotal
from assistant.text import expand_abbreviations, fold, format_decimal, nfc, syllables

Source = Literal["stated", "computed"]

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
OVERALL_KEY = "Tổng"

# Column names as the tables of the corpus write them; the ``basis`` texts use each table's own
# names (``CriterionRow.max_column`` ...) and these where rows of differently named tables are mixed.
COL_MAX = "Thang điểm"
COL_AWARDED = "Điểm thẩm định"
COL_DEDUCTED = "Điểm bị trừ"


# --- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A number with its provenance: stated by the document, or computed from what it states."""

    value: Decimal
    source: Source
    basis: str  # Vietnamese: 'tổng cột Điểm thẩm định của 15 tiêu chí Phụ lục III'

    @property
    def text(self) -> str:
        """The value written the Vietnamese way: '2,49'."""
        return format_decimal(self.value)

    @property
    def stated(self) -> bool:
        return self.source == "stated"


@dataclass(frozen=True)
class ScoreLine:
    """Totals over a set of rows: one appendix, one group (A-D), or every row ('Tổng')."""

    key: str  # 'Phụ lục II', 'B', 'Tổng'
    label: str  # 'Phụ lục II', 'Nhóm B', 'Tổng'
    doc: str  # the document when every row comes from one, else ''
    count: int
    max_points: Figure
    awarded_points: Figure
    deducted_points: Figure
    rate: Figure | None  # awarded / max × 100, ROUND_HALF_UP to 2 places; None when max is 0
    # What the table's 'Tổng điểm' row states (appendices only; None where the cell is empty).
    stated_max_points: Figure | None = None
    stated_awarded_points: Figure | None = None
    stated_deducted_points: Figure | None = None
    stated_line: int | None = None


@dataclass(frozen=True)
class RankedRow:
    """A row in the ranking of deductions; ``rank`` is shared by equal deductions (đồng hạng)."""

    rank: int
    row: CriterionRow
    deduction: Figure
    tied: bool  # another row shares this rank
    tie_at_cut: bool  # tied at the N-th place: included beyond N so no tied row is left out

    @property
    def rank_label(self) -> str:
        return f"{self.rank} (đồng hạng)" if self.tied else str(self.rank)


@dataclass(frozen=True)
class Counts:
    per_appendix: dict[str, int] = field(default_factory=dict)  # 'Phụ lục I' (or 'doc: Phụ lục I')
    per_group: dict[str, int] = field(default_factory=dict)  # 'A'..'D'
    total: int = 0
    zero: int = 0  # awarded == 0
    full: int = 0  # awarded == max


# --- small helpers -------------------------------------------------------------------------------


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)


def _awarded(row: CriterionRow) -> Decimal:
    return row.awarded_points if row.awarded_points is not None else ZERO


def rate(awarded: Decimal, maximum: Decimal) -> Decimal | None:
    """awarded / maximum × 100, rounded ROUND_HALF_UP to 2 places (None when maximum is 0)."""
    if maximum == 0:
        return None
    return (awarded * HUNDRED / maximum).quantize(CENT, rounding=ROUND_HALF_UP)


def normalize_code(code: str) -> str:
    """'b.1.9.' -> 'B.1.9'; ' B. 1 .9 ' -> 'B.1.9'."""
    return re.sub(r"\s+", "", nfc(code)).upper().rstrip(".")


def _code_key(code: str) -> tuple[str, tuple[int, ...]]:
    """Natural order of codes: B.1.2 < B.1.10."""
    letter, _, rest = code.partition(".")
    nums = tuple(int(p) for p in rest.split(".") if p.isdigit())
    return letter, nums


def _multi_doc(rows: Sequence[CriterionRow]) -> bool:
    return len({r.doc for r in rows}) > 1


def _single_doc(rows: Sequence[CriterionRow]) -> str:
    docs = {r.doc for r in rows}
    return docs.pop() if len(docs) == 1 else ""


def row_deduction(row: CriterionRow) -> Figure:
    """The row's deduction: the 'Điểm bị trừ' cell when the table has one, else max − awarded."""
    if row.deducted_points is not None:
        return Figure(
            row.deducted_points, "stated", f"cột {row.deducted_column} của {row.code}, dòng {row.line}"
        )
    awarded = _awarded(row)
    return Figure(
        row.max_points - awarded,
        "computed",
        f"{row.max_column} − {row.awarded_column} của {row.code} = {format_decimal(row.max_points)} − "
        f"{format_decimal(awarded)}, dòng {row.line}",
    )


def _columns(rows: Sequence[CriterionRow]) -> tuple[str, str, str]:
    """The point columns' names the rows' tables share; the corpus's names where they differ."""
    names = {(r.max_column, r.awarded_column, r.deducted_column) for r in rows}
    return names.pop() if len(names) == 1 else (COL_MAX, COL_AWARDED, COL_DEDUCTED)


def _total_label(raw: str) -> str:
    for cell in re.split(r"\t|\|", raw):
        cell = cell.strip().strip("*").strip()
        if fold(cell).startswith("tong"):
            return cell
    return "Tổng điểm"


# --- totals --------------------------------------------------------------------------------------


def _line(key: str, label: str, scope: str, rows: Sequence[CriterionRow]) -> ScoreLine:
    """Computed totals of ``rows``; ``scope`` names them in the basis texts ('Phụ lục III', 'nhóm B')."""
    n = len(rows)
    col_max, col_awarded, col_deducted = _columns(rows)
    maximum = _sum(r.max_points for r in rows)
    awarded = _sum(_awarded(r) for r in rows)
    deducted = _sum(r.deduction for r in rows)
    of = f"của {n} tiêu chí {scope}".rstrip()
    missing = sum(1 for r in rows if r.awarded_points is None)
    awarded_basis = f"tổng cột {col_awarded} {of}"
    if missing:
        awarded_basis += f" ({missing} tiêu chí để trống cột này, tính là 0)"
    stated_ded = sum(1 for r in rows if r.deducted_points is not None)
    if n and stated_ded == n:
        ded_basis = f"tổng cột {col_deducted} {of}"
    elif stated_ded == 0:
        ded_basis = f"tổng ({col_max} − {col_awarded}) {of} (bảng không có cột {col_deducted})"
    else:
        ded_basis = (
            f"tổng điểm bị trừ {of}: cột {col_deducted} cho {stated_ded} tiêu chí, "
            f"{col_max} − {col_awarded} cho {n - stated_ded} tiêu chí ở bảng không có cột {col_deducted}"
        )
    r = rate(awarded, maximum)
    rate_fig = (
        Figure(
            r,
            "computed",
            f"{col_awarded} / {col_max} × 100 = {format_decimal(awarded)} / {format_decimal(maximum)} × 100, "
            "làm tròn 2 chữ số thập phân",
        )
        if r is not None
        else None
    )
    return ScoreLine(
        key=key,
        label=label,
        doc=_single_doc(rows),
        count=n,
        max_points=Figure(maximum, "computed", f"tổng cột {col_max} {of}"),
        awarded_points=Figure(awarded, "computed", awarded_basis),
        deducted_points=Figure(deducted, "computed", ded_basis),
        rate=rate_fig,
    )


TotalsArg = Sequence[TableTotal] | Mapping[str, Sequence[TableTotal]]


def score_by_appendix(rows: Sequence[CriterionRow], totals: TotalsArg = ()) -> list[ScoreLine]:
    """One line per (document, appendix), in the order the rows come, with the stated totals alongside.

    ``totals`` is either the ``Document.totals`` of the one document the rows come from, or a
    mapping ``doc_id -> totals`` when rows of several documents are mixed (a :class:`TableTotal`
    does not name its document).
    """
    groups: dict[tuple[str, str], list[CriterionRow]] = {}
    for r in rows:
        groups.setdefault((r.doc, r.appendix), []).append(r)
    if isinstance(totals, Mapping):
        by_doc: Mapping[str, Sequence[TableTotal]] = totals
    else:
        docs = {d for d, _ in groups}
        if len(docs) > 1 and totals:
            raise ValueError("rows of several documents: pass totals as a mapping doc_id -> totals")
        by_doc = {d: totals for d in docs}
    multi = len({d for d, _ in groups}) > 1
    out: list[ScoreLine] = []
    for (doc, appendix), members in groups.items():
        scope = appendix if not multi else f"{appendix} ({doc})"
        line = _line(appendix, appendix, scope, members)
        stated = next((t for t in by_doc.get(doc, ()) if t.appendix == appendix), None)
        if stated is not None:
            basis = f"dòng {_total_label(stated.raw)} của {appendix}, dòng {stated.line}"

            def fig(v: Decimal | None, basis: str = basis) -> Figure | None:
                return Figure(v, "stated", basis) if v is not None else None

            line = replace(
                line,
                stated_max_points=fig(stated.max_points),
                stated_awarded_points=fig(stated.awarded_points),
                stated_deducted_points=fig(stated.deducted_points),
                stated_line=stated.line,
            )
        out.append(line)
    return out


def score_by_group(rows: Sequence[CriterionRow]) -> list[ScoreLine]:
    """One line per group (first letter of the code: A, B, C, D), in alphabetical order."""
    groups: dict[str, list[CriterionRow]] = {}
    for r in rows:
        groups.setdefault(r.group.upper(), []).append(r)
    return [_line(g, f"Nhóm {g}", f"nhóm {g}", groups[g]) for g in sorted(groups)]


def overall(rows: Sequence[CriterionRow]) -> ScoreLine:
    """Totals over every row given ('Tổng')."""
    return _line(OVERALL_KEY, OVERALL_KEY, "(tất cả phụ lục)", rows)


# --- rankings and selections ---------------------------------------------------------------------


def top_deductions(rows: Sequence[CriterionRow], n: int = 5) -> list[RankedRow]:
    """The ``n`` rows with the largest deductions (> 0), equal deductions sharing a rank.

    Ranks are competition ranks (1, 2, 2, 2, 5). When the N-th place is shared with rows past
    the N-th, every one of them is included and flagged ``tie_at_cut``.
    """
    if n <= 0:
        return []
    ranked = sorted(
        (r for r in rows if r.deduction > 0),
        key=lambda r: (-r.deduction, r.doc, r.line),
    )
    if not ranked:
        return []
    cut_value = ranked[min(n, len(ranked)) - 1].deduction
    chosen = [r for r in ranked if r.deduction >= cut_value]
    over = len(chosen) > n
    counts: dict[Decimal, int] = {}
    for r in ranked:
        counts[r.deduction] = counts.get(r.deduction, 0) + 1
    out: list[RankedRow] = []
    rank = 0
    previous: Decimal | None = None
    for i, r in enumerate(chosen, start=1):
        if r.deduction != previous:
            rank, previous = i, r.deduction
        out.append(
            RankedRow(
                rank=rank,
                row=r,
                deduction=row_deduction(r),
                tied=counts[r.deduction] > 1,
                tie_at_cut=over and r.deduction == cut_value,
            )
        )
    return out


def zero_rows(rows: Sequence[CriterionRow]) -> list[CriterionRow]:
    """Rows awarded nothing (Điểm thẩm định == 0; an empty cell is not 0)."""
    return [r for r in rows if r.awarded_points is not None and r.awarded_points == 0]


def full_rows(rows: Sequence[CriterionRow]) -> list[CriterionRow]:
    """Rows awarded the full maximum."""
    return [r for r in rows if r.awarded_points is not None and r.awarded_points == r.max_points]


def rows_in_group(rows: Sequence[CriterionRow], group: str) -> list[CriterionRow]:
    g = group.strip().upper()
    return [r for r in rows if r.group.upper() == g]


def rows_of(rows: Sequence[CriterionRow], doc: str) -> list[CriterionRow]:
    return [r for r in rows if r.doc == doc]


def rows_under(rows: Sequence[CriterionRow], prefix: str) -> list[CriterionRow]:
    """Rows whose code is ``prefix`` or lies under it: 'B.1' -> B.1, B.1.2, B.1.10.3 (not B.10)."""
    p = normalize_code(prefix)
    found = [r for r in rows if normalize_code(r.code) == p or normalize_code(r.code).startswith(p + ".")]
    return sorted(found, key=lambda r: (r.doc, _code_key(normalize_code(r.code)), r.line))


def find_by_code(rows: Sequence[CriterionRow], code: str) -> list[CriterionRow]:
    """Rows with exactly this code (case-insensitive, trailing dot tolerated).

    When no row has the code itself but some lie under it ('B.1.10' -> B.1.10.1..3), those are
    returned. Raises :class:`NotFoundError` with the closest codes as ``suggestions`` otherwise.
    """
    c = normalize_code(code)
    exact = [r for r in rows if normalize_code(r.code) == c]
    if exact:
        return exact
    under = rows_under(rows, c) if c else []
    if under:
        return under
    suggestions = closest_codes(rows, c)
    hint = f" Có phải mã {', '.join(suggestions)}?" if suggestions else ""
    raise NotFoundError(
        f"Không có tiêu chí mã {c or code.strip()} trong các bảng điểm.{hint}",
        hint="Mã tiêu chí có dạng chữ cái nhóm và các số, ví dụ B.1.9.",
        suggestions=suggestions,
    )


def closest_codes(rows: Sequence[CriterionRow], code: str, n: int = 3) -> list[str]:
    """Up to ``n`` known codes nearest to ``code`` (difflib ratio, same group letter favoured), best first.

    Equal ratios are ordered by numeric closeness ('C.3.9' -> C.3.8, C.3.7, C.3.6), then code order.
    """
    c = normalize_code(code)
    known = sorted({normalize_code(r.code) for r in rows}, key=_code_key)
    target = _code_key(c)

    def distance(k: str) -> int:
        key = _code_key(k)
        if key[0] != target[0] or len(key[1]) != len(target[1]):
            return 10**9
        return sum(abs(a - b) for a, b in zip(key[1], target[1], strict=True))

    # Same group letter first: 'D.3' is nearer D.1.2 than A.2.3.
    scored = [
        (difflib.SequenceMatcher(None, c, k).ratio() + (0.25 if k[:1] == c[:1] else 0.0), k) for k in known
    ]
    scored = [(s, k) for s, k in scored if s >= 0.5]
    scored.sort(key=lambda sk: (-sk[0], distance(sk[1]), _code_key(sk[1])))
    return [k for _, k in scored[:n]]


_WORD = re.compile(r"[0-9a-z]+(?:&[0-9a-z]+)*")


def _words(text: str) -> list[str]:
    """Folded whole words of a text ('Sở GD&ĐT' -> so, gd&dt), abbreviations not expanded."""
    return _WORD.findall(fold(nfc(text)))


def search_by_title(rows: Sequence[CriterionRow], words: str | Sequence[str]) -> list[CriterionRow]:
    """Rows whose title contains every word (case- and accent-insensitive, whole syllables).

    Abbreviations in titles count for their expansion ('TSTN' matches 'tài sản thu nhập').
    Ranked by coverage: the share of the title's words the query accounts for (a title that is
    mostly the query comes first), then by document and line.
    """
    query = _words(words if isinstance(words, str) else " ".join(words))
    if not query:
        return []
    qset = set(query)
    scored: list[tuple[Fraction, CriterionRow]] = []
    for r in rows:
        own = _words(r.title)
        expanded = set(syllables(r.title))
        if not qset <= expanded:
            continue
        covered = 0
        for w in own:
            exp = _WORD.findall(expand_abbreviations(w))
            if w in qset or (len(exp) > 1 and set(exp[1:]) <= qset):
                covered += 1
        scored.append((Fraction(covered, len(own) or 1), r))
    scored.sort(key=lambda s: (-s[0], s[1].doc, s[1].line))
    return [r for _, r in scored]


def counts(rows: Sequence[CriterionRow]) -> Counts:
    """How many rows per appendix, per group, in all, awarded nothing, awarded everything."""
    multi = _multi_doc(rows)
    per_appendix: dict[str, int] = {}
    per_group: dict[str, int] = {}
    for r in rows:
        key = f"{r.doc}: {r.appendix}" if multi else r.appendix
        per_appendix[key] = per_appendix.get(key, 0) + 1
        per_group[r.group.upper()] = per_group.get(r.group.upper(), 0) + 1
    return Counts(
        per_appendix=per_appendix,
        per_group=dict(sorted(per_group.items())),
        total=len(rows),
        zero=len(zero_rows(rows)),
        full=len(full_rows(rows)),
    )


# --- serialisation (the JSON boundary: floats allowed here only) ---------------------------------


def _num(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def figure_to_dict(fig: Figure | None) -> dict[str, object] | None:
    if fig is None:
        return None
    return {"value": _num(fig.value), "text": fig.text, "source": fig.source, "basis": fig.basis}


def row_to_dict(row: CriterionRow) -> dict[str, object]:
    ded = row_deduction(row)
    return {
        "doc": row.doc,
        "appendix": row.appendix,
        "stt": row.stt,
        "code": row.code,
        "title": row.title,
        "group": row.group,
        "max_points": _num(row.max_points),
        "awarded_points": _num(row.awarded_points),
        "deducted_points": _num(ded.value),
        "deduction_source": ded.source,
        "line": row.line,
    }


def score_line_to_dict(line: ScoreLine) -> dict[str, object]:
    return {
        "key": line.key,
        "label": line.label,
        "doc": line.doc,
        "count": line.count,
        "max_points": figure_to_dict(line.max_points),
        "awarded_points": figure_to_dict(line.awarded_points),
        "deducted_points": figure_to_dict(line.deducted_points),
        "rate": figure_to_dict(line.rate),
        "stated_max_points": figure_to_dict(line.stated_max_points),
        "stated_awarded_points": figure_to_dict(line.stated_awarded_points),
        "stated_deducted_points": figure_to_dict(line.stated_deducted_points),
        "stated_line": line.stated_line,
    }


def ranked_to_dict(item: RankedRow) -> dict[str, object]:
    return {
        "rank": item.rank,
        "rank_label": item.rank_label,
        "tied": item.tied,
        "tie_at_cut": item.tie_at_cut,
        **row_to_dict(item.row),
    }


def counts_to_dict(c: Counts) -> dict[str, object]:
    return {
        "per_appendix": dict(c.per_appendix),
        "per_group": dict(c.per_group),
        "total": c.total,
        "zero": c.zero,
        "full": c.full,
    }

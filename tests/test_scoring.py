"""Golden tests of assistant.scoring on cv-410 (figures worked out by hand), plus unit tests.

Hand computation from corpus/cv-410-ubnd-hai-phong-2025.md (Thang điểm / Điểm thẩm định / Điểm bị trừ):

Phụ lục I (lines 144-165, 22 rows, no 'Điểm bị trừ' column, every row full marks):
  A: A.1.1 1, A.1.2 4, A.2.1.2 3, A.2.3 1, A.2.4 2                        -> 5 rows, 11 / 11
  B: B.1.2 1, B.1.4 1, B.1.5.2 1, B.1.6.1 1, B.1.6.3 1, B.1.7 2, B.1.8 1,
     B.1.9 5, B.1.10.2 1, B.1.10.3 3                                      -> 10 rows, 17 / 17
  C: C.2.1.2 2,5, C.2.2 7,5, C.3.1 1, C.3.2 1, C.3.3 1, C.3.7 1, C.3.8 1  -> 7 rows, 15 / 15
  total 11 + 17 + 15 = 43 / 43, deducted 0; stated 'Tổng điểm' line 166: 43,0 / 43,0.

Phụ lục II (lines 175-186, 12 rows):
  A.2.1.1 1/0,97/0,03  A.2.2.1 1/0,26/0,74  A.2.2.2 3/2,49/0,51  A.2.5 1,5/0,80/0,70
  A.2.6 1,5/1,05/0,45  A.2.7 1/0,25/0,75    B.1.5.1 1/0,75/0,25  B.1.6.2 1/0,77/0,23
  C.1.2 2/1,50/0,50    C.2.3.1 2,5/1,67/0,83 D.1.1 3/2,83/0,17   D.2.1 2,5/2,24/0,26
  max 1+1+3+1,5+1,5+1+1+1+2+2,5+3+2,5 = 21
  awarded 0,97+0,26+2,49+0,80+1,05+0,25+0,75+0,77+1,50+1,67+2,83+2,24 = 15,58
  deducted 0,03+0,74+0,51+0,70+0,45+0,75+0,25+0,23+0,50+0,83+0,17+0,26 = 5,42 (= 21 − 15,58)
  stated line 187: 21,00 / (empty) / 5,42.   rate 15,58/21×100 = 74,1904… -> 74,19

Phụ lục III (lines 196-210, 15 rows):
  B.1.1 6/4/2  B.1.3 1/0/1  B.1.10.1 1/0/1  B.2.1 1/0/1  B.2.2 2/0/2
  C.1.1 3/1,50/1,50  C.1.3 7/5,83/1,17  C.2.1.1 2,5/1,25/1,25  C.2.3.2 2,5/1,25/1,25
  C.2.3.3 2,5/1,25/1,25  C.3.4 1/0/1  C.3.5 1/0/1  C.3.6 1/0/1  D.1.2 2/0/2  D.2.2 2,5/0,01/2,49
  max 6+1+1+1+2+3+7+2,5×3+1+1+1+2+2,5 = 36
  awarded 4+1,5+5,83+1,25×3+0,01 = 15,09;  deducted 36 − 15,09 = 20,91
  (check: 2+1+1+1+2+1,5+1,17+3,75+1+1+1+2+2,49 = 20,91)
  stated line 211: 36,00 / (empty) / 20,91.  rate 15,09/36×100 = 41,9166… -> 41,92

Groups (rows / max / awarded / deducted / rate):
  A: I 5 rows 11/11; II 6 rows 9/5,82 (0,97+0,26+2,49+0,80+1,05+0,25)
     -> 11 rows, 20, 16,82, 3,18, 84,10
  B: I 10 rows 17/17; II 2 rows 2/1,52; III 5 rows 11/4
     -> 17 rows, 30, 22,52, 7,48, 75,07 (22,52/30 = 0,750666…)
  C: I 7 rows 15/15; II 2 rows 4,5/3,17; III 8 rows 20,5/11,08 (1,5+5,83+1,25×3)
     -> 17 rows, 40, 29,25, 10,75, 73,13 (29,25/40 = 0,73125 exactly: ROUND_HALF_UP gives 73,13,
        banker's rounding would give 73,12)
  D: II 2 rows 5,5/5,07; III 2 rows 4,5/0,01 -> 4 rows, 10, 5,08, 4,92, 50,80
  Overall: 49 rows, 20+30+40+10 = 100, 16,82+22,52+29,25+5,08 = 73,67 (= 43+15,58+15,09),
           deducted 26,33 (= 5,42+20,91), rate 73,67.

Top deductions: D.2.2 2,49 (1st); B.1.1, B.2.2, D.1.2 2,00 (2nd, đồng hạng); C.1.1 1,50 (5th);
  then C.2.1.1, C.2.3.2, C.2.3.3 1,25 (6th, đồng hạng); C.1.3 1,17 (9th).
Zero rows (Điểm thẩm định 0): B.1.3, B.1.10.1, B.2.1, B.2.2, C.3.4, C.3.5, C.3.6, D.1.2 (8;
  D.2.2 has 0,01). Full-mark rows: the 22 rows of Phụ lục I, none elsewhere.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from assistant import scoring
from assistant.documents import load_corpus
from assistant.errors import NotFoundError
from assistant.model import CriterionRow, Document, TableTotal

D = Decimal
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CV410 = "cv-410-ubnd-hai-phong-2025"


@pytest.fixture(scope="module")
def cv410() -> Document:
    docs = {d.doc_id: d for d in load_corpus(CORPUS)}
    return docs[CV410]


@pytest.fixture(scope="module")
def rows(cv410: Document) -> list[CriterionRow]:
    return cv410.criteria


# --- golden: the real tables ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "count", "maximum", "awarded", "deducted", "rate"),
    [
        ("A", 11, "20", "16.82", "3.18", "84.10"),
        ("B", 17, "30", "22.52", "7.48", "75.07"),
        ("C", 17, "40", "29.25", "10.75", "73.13"),
        ("D", 4, "10", "5.08", "4.92", "50.80"),
    ],
)
def test_group_totals(rows, group, count, maximum, awarded, deducted, rate):
    lines = {line.key: line for line in scoring.score_by_group(rows)}
    line = lines[group]
    assert line.label == f"Nhóm {group}"
    assert line.count == count
    assert line.max_points.value == D(maximum)
    assert line.awarded_points.value == D(awarded)
    assert line.deducted_points.value == D(deducted)
    assert line.rate is not None
    assert line.rate.value == D(rate)
    assert str(line.rate.value) == rate  # two places, as rounded
    for fig in (line.max_points, line.awarded_points, line.deducted_points, line.rate):
        assert fig.source == "computed"


def test_groups_in_order(rows):
    assert [line.key for line in scoring.score_by_group(rows)] == ["A", "B", "C", "D"]


def test_group_rate_rounds_half_up(rows):
    c = next(line for line in scoring.score_by_group(rows) if line.key == "C")
    # 29,25 / 40 × 100 = 73,125 exactly: half-up -> 73,13
    assert c.awarded_points.value * 100 / c.max_points.value == D("73.125")
    assert c.rate is not None and c.rate.value == D("73.13")


@pytest.mark.parametrize(
    ("appendix", "count", "maximum", "awarded", "deducted", "rate", "stated", "stated_line"),
    [
        ("Phụ lục I", 22, "43", "43", "0", "100.00", ("43.0", "43.0", None), 166),
        ("Phụ lục II", 12, "21", "15.58", "5.42", "74.19", ("21.00", None, "5.42"), 187),
        ("Phụ lục III", 15, "36", "15.09", "20.91", "41.92", ("36.00", None, "20.91"), 211),
    ],
)
def test_appendix_totals(cv410, appendix, count, maximum, awarded, deducted, rate, stated, stated_line):
    lines = {line.key: line for line in scoring.score_by_appendix(cv410.criteria, cv410.totals)}
    line = lines[appendix]
    assert line.doc == CV410
    assert line.count == count
    assert line.max_points.value == D(maximum)
    assert line.awarded_points.value == D(awarded)
    assert line.deducted_points.value == D(deducted)
    assert line.rate is not None and line.rate.value == D(rate)
    assert line.stated_line == stated_line
    for fig, value in zip(
        (line.stated_max_points, line.stated_awarded_points, line.stated_deducted_points), stated, strict=True
    ):
        if value is None:
            assert fig is None
        else:
            assert fig is not None
            assert fig.value == D(value)
            assert fig.source == "stated"
            assert fig.basis == f"dòng Tổng điểm của {appendix}, dòng {stated_line}"


def test_appendix_order_and_bases(cv410):
    lines = scoring.score_by_appendix(cv410.criteria, cv410.totals)
    assert [line.key for line in lines] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
    i, ii, iii = lines
    assert iii.awarded_points.basis == "tổng cột Điểm thẩm định của 15 tiêu chí Phụ lục III"
    assert ii.deducted_points.basis == "tổng cột Điểm bị trừ của 12 tiêu chí Phụ lục II"
    # Phụ lục I has no 'Điểm bị trừ' column: its deduction is computed as max − awarded.
    assert "bảng không có cột Điểm bị trừ" in i.deducted_points.basis


def test_appendix_without_totals_has_no_stated_figures(cv410):
    for line in scoring.score_by_appendix(cv410.criteria):
        assert line.stated_max_points is None and line.stated_line is None


def test_overall(rows):
    line = scoring.overall(rows)
    assert line.key == "Tổng"
    assert line.count == 49
    assert line.max_points.value == D(100)
    assert line.awarded_points.value == D("73.67")
    assert line.deducted_points.value == D("26.33")
    assert line.rate is not None and line.rate.value == D("73.67")
    assert line.awarded_points.text == "73,67"
    assert line.rate.text == "73,67"


def test_sums_are_exact_decimals(rows):
    line = scoring.overall(rows)
    for fig in (line.max_points, line.awarded_points, line.deducted_points):
        assert isinstance(fig.value, Decimal)
    assert line.max_points.value - line.awarded_points.value == line.deducted_points.value


def _ranked(items):
    return [(x.rank, x.row.code, x.deduction.value, x.tied, x.tie_at_cut) for x in items]


def test_top5_deductions_with_shared_second_place(rows):
    assert _ranked(scoring.top_deductions(rows, 5)) == [
        (1, "D.2.2", D("2.49"), False, False),
        (2, "B.1.1", D("2.00"), True, False),
        (2, "B.2.2", D("2.00"), True, False),
        (2, "D.1.2", D("2.00"), True, False),
        (5, "C.1.1", D("1.50"), False, False),
    ]
    top = scoring.top_deductions(rows, 5)
    assert top[1].rank_label == "2 (đồng hạng)"
    assert top[0].rank_label == "1"
    assert all(x.deduction.source == "stated" for x in top)  # all from tables with the column


def test_top6_includes_every_row_tied_at_the_cut(rows):
    top = scoring.top_deductions(rows, 6)
    assert len(top) == 8
    assert _ranked(top)[5:] == [
        (6, "C.2.1.1", D("1.25"), True, True),
        (6, "C.2.3.2", D("1.25"), True, True),
        (6, "C.2.3.3", D("1.25"), True, True),
    ]
    assert not any(x.tie_at_cut for x in top[:5])


def test_top3_cut_inside_a_tie(rows):
    assert [(x.rank, x.row.code, x.tie_at_cut) for x in scoring.top_deductions(rows, 3)] == [
        (1, "D.2.2", False),
        (2, "B.1.1", True),
        (2, "B.2.2", True),
        (2, "D.1.2", True),
    ]


def test_zero_rows(rows):
    assert [r.code for r in scoring.zero_rows(rows)] == [
        "B.1.3",
        "B.1.10.1",
        "B.2.1",
        "B.2.2",
        "C.3.4",
        "C.3.5",
        "C.3.6",
        "D.1.2",
    ]


def test_full_rows_are_all_of_appendix_i(rows):
    full = scoring.full_rows(rows)
    assert len(full) == 22
    assert {r.appendix for r in full} == {"Phụ lục I"}
    assert [r.line for r in full] == list(range(144, 166))


def test_counts(rows):
    c = scoring.counts(rows)
    assert c.per_appendix == {"Phụ lục I": 22, "Phụ lục II": 12, "Phụ lục III": 15}
    assert c.per_group == {"A": 11, "B": 17, "C": 17, "D": 4}
    assert (c.total, c.zero, c.full) == (49, 8, 22)
    assert scoring.counts_to_dict(c)["total"] == 49


def test_rows_in_group(rows):
    b = scoring.rows_in_group(rows, "b")
    assert len(b) == 17
    assert {r.group for r in b} == {"B"}


@pytest.mark.parametrize("query", ["B.1.9", "b.1.9", "B.1.9.", " B.1.9 "])
def test_find_b19_by_code(rows, query):
    found = scoring.find_by_code(rows, query)
    assert len(found) == 1
    row = found[0]
    assert (row.code, row.appendix, row.line) == ("B.1.9", "Phụ lục I", 156)
    assert row.title == "Kết quả kiểm soát tài sản, thu nhập (TSTN)"
    assert (row.max_points, row.awarded_points) == (D(5), D(5))
    ded = scoring.row_deduction(row)
    assert ded.value == D(0) and ded.source == "computed"


def test_find_by_code_prefers_exact_over_descendants(rows):
    # 'B.1.1' exists itself: B.1.10.x must not come with it.
    assert [r.code for r in scoring.find_by_code(rows, "B.1.1")] == ["B.1.1"]


def test_find_by_code_falls_back_to_rows_under(rows):
    assert [r.code for r in scoring.find_by_code(rows, "B.1.10")] == ["B.1.10.1", "B.1.10.2", "B.1.10.3"]


def test_rows_under(rows):
    under = scoring.rows_under(rows, "B.1")
    assert len(under) == 15  # 17 in B minus B.2.1, B.2.2
    assert [r.code for r in under][:3] == ["B.1.1", "B.1.2", "B.1.3"]
    assert [r.code for r in under][-3:] == ["B.1.10.1", "B.1.10.2", "B.1.10.3"]
    assert [r.code for r in scoring.rows_under(rows, "C.2.3")] == ["C.2.3.1", "C.2.3.2", "C.2.3.3"]


def test_unknown_code_with_suggestions(rows):
    with pytest.raises(NotFoundError) as info:
        scoring.find_by_code(rows, "B.1.99")
    err = info.value
    assert err.status == 404
    assert err.suggestions == ["B.1.9", "B.1.8", "B.1.7"]
    assert "B.1.99" in err.message and "B.1.9" in err.message
    assert err.to_dict()["suggestions"] == ["B.1.9", "B.1.8", "B.1.7"]


def test_closest_codes(rows):
    assert scoring.closest_codes(rows, "C.3.9") == ["C.3.8", "C.3.7", "C.3.6"]
    assert scoring.closest_codes(rows, "D.3", n=2) == ["D.1.1", "D.1.2"]
    assert scoring.closest_codes(rows, "xyz") == []


def test_search_by_title_without_accents(rows):
    found = scoring.search_by_title(rows, "tài sản thu nhap")
    # B.1.9 says 'tài sản, thu nhập' in words; C.3.8 and C.3.7 say 'TSTN' (longer titles rank lower).
    assert [r.code for r in found] == ["B.1.9", "C.3.8", "C.3.7"]


def test_search_by_title_requires_every_word(rows):
    assert [r.code for r in scoring.search_by_title(rows, ["thi hanh an"])] == ["D.2.2"]
    assert scoring.search_by_title(rows, "thi hanh an xyz") == []
    assert scoring.search_by_title(rows, "") == []


def test_row_to_dict_is_json(rows):
    ii = next(r for r in rows if r.code == "A.2.2.2")
    d = scoring.row_to_dict(ii)
    assert d == {
        "doc": CV410,
        "appendix": "Phụ lục II",
        "stt": "3",
        "code": "A.2.2.2",
        "title": "Kết quả thực hiện thực hiện công tác tuyên truyền, phổ biến, giáo dục pháp luật về phòng, chống tham nhũng.",
        "group": "A",
        "max_points": 3.0,
        "awarded_points": 2.49,
        "deducted_points": 0.51,
        "deduction_source": "stated",
        "line": 177,
    }
    json.dumps([scoring.row_to_dict(r) for r in rows])
    json.dumps([scoring.score_line_to_dict(x) for x in scoring.score_by_group(rows)])
    json.dumps([scoring.ranked_to_dict(x) for x in scoring.top_deductions(rows)])
    a = scoring.row_to_dict(next(r for r in rows if r.code == "A.1.1"))
    assert (a["deducted_points"], a["deduction_source"]) == (0.0, "computed")


# --- unit tests on invented rows -----------------------------------------------------------------


def row(
    code: str,
    mx: str,
    aw: str | None,
    ded: str | None = None,
    *,
    appendix: str = "Phụ lục I",
    doc: str = "d",
    line: int = 1,
    title: str = "",
) -> CriterionRow:
    return CriterionRow(
        doc,
        appendix,
        "",
        code,
        title or f"Tiêu chí {code}",
        D(mx),
        D(aw) if aw is not None else None,
        D(ded) if ded is not None else None,
        line,
        "",
    )


def test_ties_at_the_cut_unit():
    rs = [
        row("A.1", "3", "0", line=1),  # 3
        row("A.2", "3", "1", line=2),  # 2
        row("A.3", "2", "0", line=3),  # 2
        row("A.4", "1", "0", line=4),  # 1
        row("A.5", "2", "1", line=5),  # 1
        row("A.6", "1", "0", line=6),  # 1
        row("A.7", "1", "1", line=7),  # 0: never ranked
    ]
    assert _ranked(scoring.top_deductions(rs, 4)) == [
        (1, "A.1", D(3), False, False),
        (2, "A.2", D(2), True, False),
        (2, "A.3", D(2), True, False),
        (4, "A.4", D(1), True, True),
        (4, "A.5", D(1), True, True),
        (4, "A.6", D(1), True, True),
    ]
    # n lands exactly after a tie: nothing extra, no cut flag
    assert _ranked(scoring.top_deductions(rs, 3)) == [
        (1, "A.1", D(3), False, False),
        (2, "A.2", D(2), True, False),
        (2, "A.3", D(2), True, False),
    ]
    assert [x.row.code for x in scoring.top_deductions(rs, 2)] == ["A.1", "A.2", "A.3"]
    assert len(scoring.top_deductions(rs, 100)) == 6  # only deductions > 0
    assert scoring.top_deductions(rs, 0) == []


def test_no_deduction_column_unit():
    rs = [row("B.1", "2.5", "1.25"), row("B.2", "1", "1")]
    assert [r.deducted_points for r in rs] == [None, None]
    ded = scoring.row_deduction(rs[0])
    assert (ded.value, ded.source) == (D("1.25"), "computed")
    line = scoring.overall(rs)
    assert line.deducted_points.value == D("1.25")
    assert "bảng không có cột Điểm bị trừ" in line.deducted_points.basis
    assert scoring.row_to_dict(rs[0])["deduction_source"] == "computed"
    assert line.rate is not None and line.rate.value == D("64.29")  # 2,25/3,5 = 0,642857…


def test_stated_deduction_is_used_even_when_inconsistent_unit():
    # The scoring reports what the table states; check.py is what flags the inconsistency.
    r = row("C.1", "2", "1.5", "0.7")
    assert scoring.row_deduction(r).value == D("0.7")
    assert scoring.overall([r]).deducted_points.value == D("0.7")


def test_empty_list_unit():
    assert scoring.score_by_group([]) == []
    assert scoring.score_by_appendix([], []) == []
    line = scoring.overall([])
    assert (line.count, line.max_points.value, line.awarded_points.value, line.rate) == (0, D(0), D(0), None)
    assert scoring.top_deductions([]) == []
    assert scoring.zero_rows([]) == [] and scoring.full_rows([]) == []
    assert scoring.counts([]) == scoring.Counts({}, {}, 0, 0, 0)
    assert scoring.search_by_title([], "tai san") == []
    assert scoring.closest_codes([], "A.1") == []
    with pytest.raises(NotFoundError) as info:
        scoring.find_by_code([], "A.1")
    assert info.value.suggestions == []


def test_empty_awarded_cell_unit():
    rs = [row("A.1", "2", None, line=1), row("A.2", "1", "0", line=2)]
    assert [r.code for r in scoring.zero_rows(rs)] == ["A.2"]  # an empty cell is not 0
    line = scoring.overall(rs)
    assert line.awarded_points.value == D(0)
    assert "để trống" in line.awarded_points.basis


def test_search_ranking_unit():
    rs = [
        row("A.1", "1", "1", title="Kê khai tài sản, thu nhập của cán bộ ở các cơ quan", line=1),
        row("A.2", "1", "1", title="Tài sản thu nhập", line=2),
        row("A.3", "1", "1", title="Tài sản công", line=3),
    ]
    assert [r.code for r in scoring.search_by_title(rs, "TAI SAN thu nhap")] == ["A.2", "A.1"]
    # coverage: A.3 2/3 words, A.2 2/4, A.1 2/13
    assert [r.code for r in scoring.search_by_title(rs, "tài sản")] == ["A.3", "A.2", "A.1"]
    assert scoring.search_by_title(rs, "san cong thu") == []


def test_rows_under_does_not_take_longer_numbers_unit():
    rs = [row("B.1", "1", "1"), row("B.1.2", "1", "1"), row("B.10", "1", "1"), row("B.10.1", "1", "1")]
    assert [r.code for r in scoring.rows_under(rs, "B.1")] == ["B.1", "B.1.2"]


def test_several_documents_unit():
    rs = [
        row("A.1", "2", "1", "1", appendix="Phụ lục I", doc="x", line=10),
        row("A.1", "3", "3", "0", appendix="Phụ lục I", doc="y", line=20),
    ]
    tx = TableTotal("Phụ lục I", D(2), D(1), D(1), 11, "\tTổng điểm\t2\t1\t1")
    lines = scoring.score_by_appendix(rs, {"x": [tx], "y": []})
    assert [(line.doc, line.key, line.max_points.value) for line in lines] == [
        ("x", "Phụ lục I", D(2)),
        ("y", "Phụ lục I", D(3)),
    ]
    assert lines[0].stated_max_points is not None and lines[1].stated_max_points is None
    with pytest.raises(ValueError):
        scoring.score_by_appendix(rs, [tx])
    assert scoring.overall(rs).doc == ""
    assert scoring.counts(rs).per_appendix == {"x: Phụ lục I": 1, "y: Phụ lục I": 1}
    assert len(scoring.find_by_code(rs, "a.1")) == 2

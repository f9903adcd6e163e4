"""The consistency check: exact findings on the real corpus, and one invented document per kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.check import Finding, check_documents, finding_to_dict
from assistant.documents import load_corpus, parse_text
from assistant.model import Document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CV410 = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"


def _key(f: Finding) -> tuple[str, int, str, str, str | None, str | None]:
    return (f.doc, f.line, f.kind, f.appendix, f.expected, f.found)


# --- the real corpus -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_findings() -> list[Finding]:
    return check_documents(load_corpus(CORPUS))


def test_real_corpus_exact_findings(corpus_findings):
    assert [_key(f) for f in corpus_findings] == [
        # 'Số: 4/0 /UBND-NCKTG' (line 6) vs '410/UBND-NCKTGS' in the three captions
        (CV410, 6, "number_mismatch", "", "410/UBND-NCKTGS", "4/0 /UBND-NCKTG"),
        # title 'BỊ TRỪ 01 ĐIỂM' while every row of Phụ lục II loses 0,03 to 0,83 (body line 30: 'dưới 1 điểm')
        (CV410, 170, "appendix_rule", "Phụ lục II", "bị trừ đúng 1 điểm", "điểm bị trừ từ 0,03 đến 0,83"),
        # caption of Phụ lục II dated 03/1/2025; header (line 13) and the other captions 03/03/2025
        (CV410, 171, "date_mismatch", "Phụ lục II", "03/03/2025", "03/1/2025"),
        # 'Tổng điểm' rows leave 'Điểm thẩm định' empty: 15,58 and 15,09 by the rows
        (CV410, 187, "total_cell_empty", "Phụ lục II", "15,58", None),
        (CV410, 211, "total_cell_empty", "Phụ lục III", "15,09", None),
        # the plan is an unnumbered, undated draft: 'Số: /KH-UBND', 'ngày tháng 8 năm 2025'
        (KH, 3, "number_missing", "", None, "Số: /KH-UBND"),
        (KH, 5, "date_incomplete", "", None, "ngày tháng 8 năm 2025"),
    ]


def test_real_corpus_messages(corpus_findings):
    by = {(f.doc, f.line): f.message for f in corpus_findings}
    assert "“Số: 4/0 /UBND-NCKTG”" in by[(CV410, 6)]
    assert "phần số 4/0 so với 410" in by[(CV410, 6)]
    assert "ký hiệu UBND-NCKTG so với UBND-NCKTGS" in by[(CV410, 6)]
    assert "03/1/2025, tức 03/01/2025" in by[(CV410, 171)]
    assert "ngày ban hành ở phần đầu văn bản (dòng 13)" in by[(CV410, 171)]
    assert "“BỊ TRỪ 01 ĐIỂM”" in by[(CV410, 170)]
    assert "“bị trừ dưới 1 điểm”" in by[(CV410, 170)]
    assert "15,58" in by[(CV410, 187)]
    assert "thiếu ngày" in by[(KH, 5)]


def test_real_corpus_has_no_arithmetic_errors(corpus_findings):
    # Every row of cv-410 has Điểm bị trừ = Thang điểm − Điểm thẩm định, and the stated
    # totals 43,0/43,0, 21,00/5,42 and 36,00/20,91 are the sums of their rows.
    kinds = {f.kind for f in corpus_findings}
    assert not kinds & {"total_mismatch", "deduction_mismatch", "awarded_above_max", "negative_value"}
    assert "duplicate_code" not in kinds


def test_finding_to_dict(corpus_findings):
    d = finding_to_dict(corpus_findings[0])
    assert d["kind"] == "number_mismatch" and d["line"] == 6 and d["doc"] == CV410
    json.dumps([finding_to_dict(f) for f in corpus_findings])


# --- invented documents --------------------------------------------------------------------------

ROW_C = "1\tC.1.1. Phát hiện tham nhũng\t2,00\t1,75\t0,25"  # line 44
ROW_D = "2\tD.1.1. Thu hồi tài sản\t1,00\t0,75\t0,25"  # line 45
TOTAL_II = "\tTổng điểm\t3,00\t2,50\t0,50"  # line 46
CAPTION = "(Kèm theo Văn bản số 12/UBND-TT ngày 05/02/2025 của Ủy ban nhân dân tỉnh)"
OPENING = (
    "Thực hiện Văn bản số 99/STC-NV ngày 10/01/2025 của Sở Tài chính về việc đánh giá công tác phòng, "
    "chống tham nhũng, Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện như sau:"
)


def make(
    *,
    number: str = "12/UBND-TT",
    date: str = "ngày 05 tháng 02 năm 2025",
    opening: str = "",
    body_ref: str = "Theo Phụ lục số 02.",
    cap_i: str = CAPTION,
    cap_ii: str = CAPTION,
    rows_ii: tuple[str, str] = (ROW_C, ROW_D),
    total_ii: str = TOTAL_II,
) -> Document:
    lines = [
        "ỦY BAN NHÂN DÂN",  # 1
        "TỈNH THỬ NGHIỆM",
        "",
        f"Số: {number}",  # 4
        "",
        "V/v khắc phục hạn chế",
        "",
        f"Thử Nghiệm, {date}",  # 8
        "",
        "Kính gửi: Các sở, ngành.",  # 10
        opening,  # 11
        "I. Nhiệm vụ chung",  # 12
        "",
        "1. Phát huy kết quả (các nội dung đạt 100% thang điểm)",  # 14
        "",
        "Theo Phụ lục số 01.",  # 16
        "",
        "2. Khắc phục hạn chế (bị trừ dưới 1 điểm so với thang điểm)",  # 18
        "",
        body_ref,  # 20
        "",
        "Nơi nhận:",
        "- Như trên;",
        "",
        "TM. ỦY BAN NHÂN DÂN",  # 25
        "CHỦ TỊCH",
        "",
        "Nguyễn Văn An",
        "",
        "Phụ lục I",  # 30
        "CÁC TIÊU CHÍ ĐẠT 100% THANG ĐIỂM",  # 31
        cap_i,  # 32
        "",
        "STT\tNỘI DUNG TIÊU CHÍ ĐÁNH GIÁ\tThang điểm\tĐiểm thẩm định",
        "1\tA.1.1. Ban hành kế hoạch\t1\t1",  # 35
        "2\tB.1.1. Công khai minh bạch\t2\t2",  # 36
        "\tTổng điểm\t3\t3",  # 37
        "",
        "Phụ lục II",  # 39
        "CÁC TIÊU CHÍ BỊ TRỪ DƯỚI 01 ĐIỂM",  # 40
        cap_ii,  # 41
        "",
        "STT\tNỘI DUNG TIÊU CHÍ ĐÁNH GIÁ\tThang điểm\tĐiểm thẩm định\tĐiểm bị trừ",
        *rows_ii,  # 44, 45
        total_ii,  # 46
    ]
    return parse_text("thu", "\n".join(lines))


def findings(doc: Document) -> list[tuple[int, str, str | None, str | None]]:
    return [(f.line, f.kind, f.expected, f.found) for f in check_documents([doc])]


def test_clean_document_has_no_findings():
    doc = make()
    # the fixture parses as intended, so that each test below changes one thing
    assert [(r.code, r.line) for r in doc.criteria] == [
        ("A.1.1", 35),
        ("B.1.1", 36),
        ("C.1.1", 44),
        ("D.1.1", 45),
    ]
    assert [t.line for t in doc.totals] == [37, 46]
    assert [c.line for c in doc.captions] == [32, 41]
    assert findings(doc) == []


def test_wrong_total():
    doc = make(total_ii="\tTổng điểm\t3,00\t2,60\t0,50")
    assert findings(doc) == [(46, "total_mismatch", "2,5", "2,6")]
    f = check_documents([doc])[0]
    assert f.appendix == "Phụ lục II"
    assert "Điểm thẩm định 2,6" in f.message and "2,5" in f.message and "chênh 0,1" in f.message


def test_wrong_max_total_and_deducted_total():
    doc = make(total_ii="\tTổng điểm\t4,00\t2,50\t1,50")
    assert findings(doc) == [
        (46, "total_mismatch", "3", "4"),  # Thang điểm
        (46, "total_mismatch", "0,5", "1,5"),  # Điểm bị trừ
    ]


def test_wrong_deduction():
    doc = make(rows_ii=("1\tC.1.1. Phát hiện tham nhũng\t2,00\t1,75\t0,35", ROW_D))
    assert findings(doc) == [
        (44, "deduction_mismatch", "0,25", "0,35"),
        # the stated total 0,50 matches max − awarded but not the stated column (0,35 + 0,25)
        (46, "total_mismatch", "0,6", "0,5"),
    ]
    assert "2 − 1,75 = 0,25" in check_documents([doc])[0].message


def test_awarded_above_max_and_negative():
    doc = make(
        rows_ii=("1\tC.1.1. Phát hiện tham nhũng\t2,00\t2,25\t-0,25", ROW_D),
        total_ii="\tTổng điểm\t3,00\t3,00\t0,00",
    )
    assert findings(doc) == [
        # the body (line 18) and the title (line 40) say 'bị trừ dưới 1 điểm'; -0,25 is no deduction
        (18, "appendix_rule", "bị trừ dưới 1 điểm", "điểm bị trừ từ -0,25 đến 0,25"),
        (40, "appendix_rule", "bị trừ dưới 1 điểm", "điểm bị trừ từ -0,25 đến 0,25"),
        (44, "awarded_above_max", "≤ 2", "2,25"),
        (44, "negative_value", "≥ 0", "-0,25"),
    ]


def test_duplicated_code_across_appendices():
    doc = make(rows_ii=(ROW_C, "2\tA.1.1. Ban hành kế hoạch\t1,00\t0,75\t0,25"))
    assert findings(doc) == [
        (45, "duplicate_code", "mỗi mã một lần", "Phụ lục I dòng 35; Phụ lục II dòng 45")
    ]
    assert "điểm khác nhau" in check_documents([doc])[0].message


def test_duplicated_code_within_an_appendix():
    doc = make(rows_ii=(ROW_C, "2\tC.1.1. Phát hiện tham nhũng\t1,00\t0,75\t0,25"))
    assert [(line, kind) for line, kind, _, _ in findings(doc)] == [(45, "duplicate_code")]


def test_caption_number_and_date_differ_from_header():
    doc = make(cap_ii="(Kèm theo Văn bản số 21/UBND-TT ngày 05/12/2025 của Ủy ban nhân dân tỉnh)")
    assert findings(doc) == [
        (41, "date_mismatch", "05/02/2025", "05/12/2025"),
        (41, "number_mismatch", "12/UBND-TT", "21/UBND-TT"),
    ]
    assert all(f.appendix == "Phụ lục II" for f in check_documents([doc]))


def test_header_number_differs_from_agreeing_captions():
    doc = make(number="13/UBND-TTR")
    assert findings(doc) == [(4, "number_mismatch", "12/UBND-TT", "13/UBND-TTR")]
    msg = check_documents([doc])[0].message
    assert "phần số 13 so với 12" in msg and "ký hiệu UBND-TTR so với UBND-TT" in msg


def test_header_date_differs_from_agreeing_captions():
    doc = make(date="ngày 06 tháng 02 năm 2025")
    assert findings(doc) == [(8, "date_mismatch", "05/02/2025", "ngày 06 tháng 02 năm 2025")]


def test_captions_differ_among_themselves_without_header_date():
    # Header date incomplete: the captions are compared with each other (1-1: the first one is the reference).
    doc = make(date="ngày tháng 02 năm 2025", cap_ii=CAPTION.replace("05/02/2025", "07/02/2025"))
    assert findings(doc) == [
        (8, "date_incomplete", None, "ngày tháng 02 năm 2025"),
        (41, "date_mismatch", "05/02/2025", "07/02/2025"),
    ]
    assert "khác chú thích Phụ lục I (05/02/2025)" in check_documents([doc])[1].message


def test_draft_number_missing():
    doc = make(number="/UBND-TT")
    assert findings(doc) == [(4, "number_missing", None, "Số: /UBND-TT")]


def test_draft_symbol_differs_from_captions():
    doc = make(number="/UBND-KH")
    assert findings(doc) == [
        (4, "number_mismatch", "UBND-TT", "UBND-KH"),
        (4, "number_missing", None, "Số: /UBND-KH"),
    ]


def test_appendix_referenced_but_absent():
    doc = make(body_ref="Theo Phụ lục số 04.")
    assert findings(doc) == [
        (20, "appendix_missing", "Phụ lục IV", None),
        (39, "appendix_unreferenced", None, "Phụ lục II"),
    ]


def test_other_documents_appendix_is_not_a_missing_appendix():
    doc = make(body_ref="Theo Phụ lục số 02 và Phụ lục III Nghị định số 59/2019/NĐ-CP.")
    assert findings(doc) == []


def test_total_row_missing():
    doc = make(total_ii="")
    assert findings(doc) == [(39, "total_missing", "Thang điểm 3; Điểm thẩm định 2,5", None)]


def test_total_cell_empty():
    doc = make(total_ii="\tTổng điểm\t3,00\t\t0,50")
    assert findings(doc) == [(46, "total_cell_empty", "2,5", None)]


def test_value_missing():
    doc = make(
        rows_ii=(ROW_C, "2\tD.1.1. Thu hồi tài sản\t1,00\t\t0,25"),
        total_ii="\tTổng điểm\t3,00\t1,75\t0,50",
    )
    assert findings(doc) == [(45, "value_missing", None, "")]


def test_appendix_title_rule_broken():
    doc = make(
        rows_ii=("1\tC.1.1. Phát hiện tham nhũng\t2,00\t0,50\t1,50", ROW_D),
        total_ii="\tTổng điểm\t3,00\t1,25\t1,75",
    )
    assert findings(doc) == [
        (18, "appendix_rule", "bị trừ dưới 1 điểm", "điểm bị trừ từ 0,25 đến 1,5"),
        (40, "appendix_rule", "bị trừ dưới 1 điểm", "điểm bị trừ từ 0,25 đến 1,5"),
    ]
    assert "1/2 tiêu chí" in check_documents([doc])[0].message
    assert "C.1.1 (trừ 1,5)" in check_documents([doc])[0].message


def test_reference_dated_after_the_document():
    doc = make(opening=OPENING.replace("10/01/2025", "10/03/2025"))
    assert findings(doc) == [(11, "ref_after_date", "trước 05/02/2025", "10/03/2025")]
    assert findings(make(opening=OPENING)) == []


def test_findings_never_change_the_document():
    doc = make(total_ii="\tTổng điểm\t4,00\t2,60\t0,50")
    before = (list(doc.criteria), list(doc.totals), doc.number, doc.date)
    check_documents([doc])
    assert (list(doc.criteria), list(doc.totals), doc.number, doc.date) == before


def test_what_the_parser_could_not_read_is_a_finding():
    """A note with no header and no numbered item is ingested; `check` says what was not read."""
    doc = parse_text("ghi-chu", "Chỉ là một dòng ghi chú không có mục nào.\n")
    got = check_documents([doc])
    assert [(f.line, f.kind) for f in got] == [(1, "not_read")] * len(doc.warnings)
    assert [f.message for f in got] == doc.warnings
    assert any("phần đầu" in w for w in doc.warnings) and any("mục đánh số" in w for w in doc.warnings)


def test_a_readable_document_has_no_reading_finding():
    assert not [f for f in check_documents([make()]) if f.kind == "not_read"]

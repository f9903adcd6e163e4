"""Logical lines of real layouts (snippets in the shapes text copied from a legal website takes)."""

from __future__ import annotations

from assistant.documents import parse_text
from assistant.layout import read_layout

WEBSITE = """|
|
Bản dịch này thuộc quyền sở hữu của **
TRANG WEB**. Mọi hành vi sao chép là vi phạm.
|
#
**Số hiệu:**
|
12/2025/QĐ-UBND
|
**Loại văn bản:**
|
Quyết định
|
**Người ký:**
|
Nguyễn Văn An
|
**Ngày ban hành:**
|
05/11/2025
|
**Tình trạng:**
|
Đã biết
|
|
**ỦY BAN NHÂN DÂN
**
TỈNH THỬ NGHIỆM
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 12/2025/QĐ-UBND
|
*Thử Nghiệm, ngày
05 tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
VỀ VIỆC BAN HÀNH KẾ HOẠCH THỬ NGHIỆM
*Căn cứ Luật Tổ chức chính quyền địa phương số
72/2025/QH15;*
**Điều 1.
Phạm vi điều chỉnh**
1. Giao Sở Tài
chính chủ trì, hoàn thành trước
ngày 31/12/2025.
2.3.
Công an tỉnh bảo đảm an ninh.
**Điều 2.** Quyết định này có hiệu lực từ ngày ký./.
|
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
|
**KT. CHỦ TỊCH
**
PHÓ CHỦ TỊCH
Nguyễn Văn An
|
Quyết định 12/2025/QĐ-UBND năm 2025 về việc ban hành kế hoạch thử nghiệm
## Văn bản liên quan
Ban hành:
01/01/2025
Hiệu lực: Đã biết
Tình trạng: Đã biết
Cập nhật:
02/01/2025
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_website_box_is_cut_and_kept_as_metadata() -> None:
    layout = read_layout(_lines(WEBSITE))
    assert layout.site_meta["number"] == "12/2025/QĐ-UBND"
    assert layout.site_meta["signer"] == "Nguyễn Văn An"
    kinds = [r.kind for r in layout.regions]
    assert "site-meta" in kinds and "site-tail" in kinds
    texts = [t for t in layout.text if t]
    assert not any("TRANG WEB" in t or "Văn bản liên quan" in t or "Cập nhật" in t for t in texts)


def test_wrapped_lines_are_joined_by_evidence_with_their_file_lines() -> None:
    lines = _lines(WEBSITE)
    layout = read_layout(lines)
    by_text = {t: (n, layout.end[n - 1]) for n, t in enumerate(layout.text, start=1) if t}
    giao = next(t for t in by_text if t.startswith("1. Giao"))
    assert giao == "1. Giao Sở Tài chính chủ trì, hoàn thành trước ngày 31/12/2025."
    start, end = by_text[giao]
    assert lines[start - 1] == "1. Giao Sở Tài" and lines[end - 1] == "ngày 31/12/2025."
    assert "2.3. Công an tỉnh bảo đảm an ninh." in by_text  # a number alone, then its title
    assert "**Điều 1. Phạm vi điều chỉnh**" in by_text  # bold across two lines
    assert "*Thử Nghiệm, ngày 05 tháng 11 năm 2025*" in by_text
    # the header's layout marks are nobody's text
    assert not any(t.strip() in {"|", "-------"} for t in by_text)


def test_header_signature_and_articles_of_a_website_copy() -> None:
    doc = parse_text("qd", WEBSITE)
    assert (doc.doc_type, doc.number, str(doc.date), doc.place) == (
        "Quyết định",
        "12/2025/QĐ-UBND",
        "05/11/2025",
        "Thử Nghiệm",
    )
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"
    assert doc.subject.startswith("VỀ VIỆC BAN HÀNH KẾ HOẠCH")
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.title, doc.signer.authority) == (
        "Nguyễn Văn An",
        "PHÓ CHỦ TỊCH",
        ["KT. CHỦ TỊCH"],
    )
    assert [s.label for s in doc.sections if s.label.startswith("Điều")] == ["Điều 1", "Điều 2"]
    # a quote from a wrapped paragraph is the whole sentence, verbatim up to whitespace
    assert doc.line(doc.section("Điều 1.1").line_start).endswith("ngày 31/12/2025.")  # type: ignore[union-attr]


def test_one_cell_per_line_table_becomes_rows() -> None:
    text = "\n".join(
        [
            "**PHỤ LỤC 01**",
            "BẢNG THỬ",
            "|",
            "**TT**",
            "|",
            "**Nội dung**",
            "|",
            "**Mức chi**",
            "|",
            "|",
            "1",
            "|",
            "Hỗ trợ tổ chức",
            "|",
            "|",
            "|",
            "2",
            "|",
            "Thăm hỏi ốm",
            "đau",
            "|",
            "500.000 đồng",
            "|",
        ]
    )
    layout = read_layout(_lines(text))
    assert len(layout.tables) == 1
    table = layout.tables[0]
    assert table.rows[0] == ["TT", "Nội dung", "Mức chi"]
    assert table.rows[1] == ["1", "Hỗ trợ tổ chức", ""]  # an empty cell, not a new row
    assert table.rows[2] == ["2", "Thăm hỏi ốm đau", "500.000 đồng"]
    assert table.spans[2] == (17, 22)


def test_a_title_in_capitals_and_a_signature_stay_apart_from_their_next_line() -> None:
    layout = read_layout(_lines("LUẬT\nPHÒNG, CHỐNG MA TÚY\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"))
    assert [t for t in layout.text if t] == ["LUẬT", "PHÒNG, CHỐNG MA TÚY", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]

"""Labels a user can tell apart: quoted amendments, lists inside points, parts inside an article.

Snippets cut down from real files of ../shared/realdocs (named above each), in the layout the crawl
stored them: an amending article whose clauses quote the new wording ('Sửa đổi khoản 4 Điều 12 như
sau: "4. ..."'), a point whose text lists 1., 2., 3., an article approving a plan written inside it
(I., II. with their own 1., 2.), a number the text repeats, a dispatch's header with its subject under
the number. Whatever a document does, one label names one section.
"""

from __future__ import annotations

from collections import Counter

from assistant.agencies import extract_assignments
from assistant.chunks import chunk_document
from assistant.documents import parse_text
from assistant.model import Document, Section


def labels(doc: Document) -> list[str]:
    return [s.label for s in doc.walk()]


def section(doc: Document, label: str) -> Section:
    s = doc.section(label)
    assert s is not None, f"no section {label!r}; labels: {labels(doc)}"
    return s


def assert_unique(doc: Document) -> None:
    repeated = [k for k, n in Counter(labels(doc)).items() if n > 1]
    assert not repeated, f"labels repeated: {repeated}"


# --- an amendment quoting the new wording --------------------------------------------------------
# 4ea650b6faa46d71.md (Nghị định 16/2025/NĐ-CP) lines 30-36, 92-104; the closing clause made up of
# its Điều 2 shape. Straight quotes, one paragraph a line, a blank line between.
AMENDING_DECREE = """**Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 72/2020/NĐ-CP như sau:**

1. Sửa đổi khoản 1 Điều 7 như sau:

"1. Phụ cấp chức vụ chỉ huy Dân quân tự vệ được chi trả theo tháng, mức hưởng như sau:

a) Chỉ huy trưởng, Chính trị viên Ban Chỉ huy quân sự cấp xã: 561.600 đồng;

b) Tiểu đội trưởng, Thuyền trưởng, Khẩu đội trưởng: 234.000 đồng".

2. Sửa đổi, bổ sung Điều 12 như sau:

a) Sửa đổi khoản 2 Điều 12 như sau:

"2. Mức trợ cấp một lần cho dân quân thường trực được trợ cấp bằng 4.680.000 đồng".

b) Sửa đổi, bổ sung khoản 4 Điều 12 như sau:

"4. Chế độ bảo hiểm xã hội cho dân quân thường trực

a) Dân quân thường trực thuộc đối tượng tham gia bảo hiểm xã hội bắt buộc;

b) Thời gian đóng bảo hiểm xã hội được tính từ khi có quyết định thực hiện nghĩa vụ".

**Điều 2. Hiệu lực thi hành**

Nghị định này có hiệu lực thi hành kể từ ngày ký.
"""


def test_a_quoted_clause_is_nested_under_the_clause_that_quotes_it() -> None:
    doc = parse_text("nd16", AMENDING_DECREE)
    assert_unique(doc)
    quoted = section(doc, "Điều 1.1, “Điều 7.1”")
    assert quoted.parent is section(doc, "Điều 1.1")
    assert [c.label for c in quoted.children] == ["Điều 1.1, “Điều 7.1.a”", "Điều 1.1, “Điều 7.1.b”"]
    # the decree's own numbering goes on after the quote: clause 2 and its points a), b)
    assert [c.label for c in section(doc, "Điều 1").children] == ["Điều 1.1", "Điều 1.2"]
    assert [c.label for c in section(doc, "Điều 1.2").children] == ["Điều 1.2.a", "Điều 1.2.b"]
    # a quoted clause stands in the article the announcing words name ('khoản 4 Điều 12')
    assert [c.label for c in section(doc, "Điều 1.2.b").children] == ["Điều 1.2.b, “Điều 12.4”"]
    assert section(doc, "Điều 1.2.b, “Điều 12.4.b”").title.startswith("Thời gian đóng")
    assert section(doc, "Điều 2").title == "Hiệu lực thi hành"


# ed309a99382e6b4c.md (Nghị quyết 35/2025/NQ-HĐND) lines 86-94 and 249-271, cut short; curly quotes,
# hard wraps, the quoted article's title in bold; the words after the quote are the assigning clause's.
AMENDING_RESOLUTION = """**Điều 1. Sửa
đổi, bổ sung một số điều, khoản, điểm của Quy định kèm theo Nghị quyết số 11/2022/NQ-HĐND**

1. Sửa đổi,
bổ sung Điều 7 như sau:

**“Điều 7. Dự án 2: Quy hoạch,
sắp xếp, bố trí, ổn định dân cư ở những nơi cần thiết**

1. Đối tượng hỗ trợ

Theo điểm b khoản
1 phần II Chương trình mục tiêu quốc gia.

2. Nội dung hỗ trợ

Hỗ trợ ổn định dân cư.”

Giao Sở Tài chính hướng dẫn thực hiện khoản này.

2. Sửa đổi,
bổ sung Điều 8 như sau:

**“Điều 8. Dự án 3: Phát triển sản xuất nông, lâm nghiệp**

1. Tiểu dự án 1: Phát triển kinh tế nông, lâm nghiệp bền vững.”

**Điều 2. Tổ chức thực hiện**

1. Giao Ủy ban nhân dân thành phố triển khai thực hiện Nghị quyết.

2. Thường trực Hội đồng nhân dân thành phố giám sát việc thực hiện Nghị quyết.
"""


def test_a_quoted_article_is_no_article_of_the_document() -> None:
    doc = parse_text("nq35", AMENDING_RESOLUTION)
    assert_unique(doc)
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]
    quoted = section(doc, "Điều 1.1, “Điều 7”")
    assert quoted.kind == "quote" and quoted.title.startswith("Dự án 2")
    assert [c.label for c in quoted.children] == ["Điều 1.1, “Điều 7.1”", "Điều 1.1, “Điều 7.2”"]
    assert [c.label for c in section(doc, "Điều 1").children] == ["Điều 1.1", "Điều 1.2"]
    assert [c.label for c in section(doc, "Điều 2").children] == ["Điều 2.1", "Điều 2.2"]


def test_the_words_after_a_quote_are_the_quoting_section_s() -> None:
    doc = parse_text("nq35", AMENDING_RESOLUTION)
    host = section(doc, "Điều 1.1")
    assert "Giao Sở Tài chính hướng dẫn" in host.text
    assert "Giao Sở Tài chính" not in section(doc, "Điều 1.1, “Điều 7.2”").text
    found = [(a.agency, a.section) for a in extract_assignments(doc) if a.agency == "Sở Tài chính"]
    assert found == [("Sở Tài chính", "Điều 1.1")]


def test_a_quoted_article_is_read_within_its_article_s_chunk() -> None:
    doc = parse_text("nq35", AMENDING_RESOLUTION)
    chunk_labels = [c.section for c in chunk_document(doc)]
    assert not [label for label in chunk_labels if "“" in label]
    first = next(c for c in chunk_document(doc) if c.section == "Điều 1")
    assert "Hỗ trợ ổn định dân cư" in first.text


# --- a list inside a point ------------------------------------------------------------------------
# the layout of a kế hoạch's tasks (2f6f80b9918e52de.md style): part, item, points; point a) lists
# the steps it asks for as 1., 2., 3.
PLAN_WITH_LIST_IN_POINT = """II. NHIỆM VỤ CỤ THỂ

1. Sở Nội vụ

a) Hướng dẫn các xã, phường thực hiện các bước sau:

1. Rà soát danh sách cán bộ, công chức.

2. Lập hồ sơ đề nghị.

3. Gửi hồ sơ về Sở Nội vụ trước ngày 15/12/2025.

b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.

2. Sở Tài chính

Bố trí kinh phí thực hiện Kế hoạch.
"""


def test_numbers_listed_in_a_point_are_its_text() -> None:
    doc = parse_text("kh", PLAN_WITH_LIST_IN_POINT)
    assert_unique(doc)
    assert [c.label for c in section(doc, "II").children] == ["II.1", "II.2"]
    assert section(doc, "II.2").title == "Sở Tài chính"
    assert [c.label for c in section(doc, "II.1").children] == ["II.1.a", "II.1.b"]
    assert "3. Gửi hồ sơ về Sở Nội vụ" in section(doc, "II.1.a").text


# Law layout (Thông tư): a point's text lists 1., 2. after its colon; the next clause is 2.
LAW_WITH_LIST_IN_POINT = """**Điều 3. Hồ sơ đề nghị**

1. Hồ sơ gồm:

a) Văn bản đề nghị, gồm các nội dung sau:

1. Tên tổ chức đề nghị;

2. Lý do đề nghị.

b) Bản sao giấy phép.

2. Hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính.
"""


def test_numbers_listed_in_a_point_of_a_law_are_its_text() -> None:
    doc = parse_text("tt", LAW_WITH_LIST_IN_POINT)
    assert_unique(doc)
    assert [c.label for c in section(doc, "Điều 3").children] == ["Điều 3.1", "Điều 3.2"]
    assert section(doc, "Điều 3.2").title.startswith("Hồ sơ nộp trực tiếp")
    assert "2. Lý do đề nghị." in section(doc, "Điều 3.1.a").text


# --- the end of a parenthesis wrapped onto a line, a letter the text repeats ----------------------
# 6f76eaad0b5b95d8.md lines 59-70 (Thông tư 23/2025/TT-BTP), 6d0e277c7b88a914.md lines 970-978.
LAW_WRAPS = """**Điều 2. Đối tượng áp dụng:**

1. Văn phòng Bộ, Vụ, Cục thuộc Bộ.

2. Các đơn vị sự nghiệp công lập, bao gồm:

a) Đơn vị sự nghiệp công lập thuộc Bộ tự bảo đảm
chi thường xuyên và chi đầu tư (sau đây gọi là đơn vị sự nghiệp thuộc Bộ nhóm
1);

b) Đơn vị sự nghiệp công lập thuộc Bộ tự bảo đảm
chi thường xuyên (sau đây gọi là đơn vị sự nghiệp thuộc Bộ nhóm 2);

c) Thông tin trên cổng thông tin điện tử của cơ
quan nhà nước;

d) Thông qua các ấn phẩm, xuất bản phẩm;

d) Các phương thức hoạt động thông tin khác theo
quy định của pháp luật.

3. Người đứng đầu đơn vị thuộc Bộ.
"""


def test_a_wrapped_parenthesis_and_a_repeated_letter_open_nothing() -> None:
    doc = parse_text("tt23", LAW_WRAPS)
    assert_unique(doc)
    assert [c.label for c in section(doc, "Điều 2").children] == ["Điều 2.1", "Điều 2.2", "Điều 2.3"]
    assert [c.number for c in section(doc, "Điều 2.2").children] == ["a", "b", "c", "d"]
    assert "Các phương thức hoạt động thông tin khác" in section(doc, "Điều 2.2.d").text


# --- a plan written inside the article that approves it -------------------------------------------
# ec00bd6f58be7864.md lines 64-124 (Quyết định 2597/QĐ-TTg), cut short.
APPROVING_ARTICLE = """**Điều 1.** Phê duyệt Đề án chuyển đổi số trong hoạt động xây dựng với các nội dung sau:

**I. QUAN ĐIỂM**

1. Chuyển đổi số là đòn bẩy tạo đột phá trong phát triển kết cấu hạ tầng.

2. Dữ liệu là tài sản chiến lược và công cụ ra quyết định.

**II. MỤC TIÊU**

1. Mục tiêu tổng quát

Xây dựng hệ sinh thái số ngành xây dựng.

2. Mục tiêu cụ thể

a) Đến năm 2026: hoàn thành cơ sở dữ liệu.

**Điều 2.** Quyết định này có hiệu lực thi hành kể từ ngày ký.
"""


def test_the_parts_of_a_plan_inside_an_article_keep_their_items_apart() -> None:
    doc = parse_text("qd2597", APPROVING_ARTICLE)
    assert_unique(doc)
    assert [c.label for c in section(doc, "Điều 1").children] == ["Điều 1.I", "Điều 1.II"]
    assert section(doc, "Điều 1.II").title == "MỤC TIÊU"
    assert [c.label for c in section(doc, "Điều 1.II").children] == ["Điều 1.II.1", "Điều 1.II.2"]
    assert [c.label for c in section(doc, "Điều 1.II.2").children] == ["Điều 1.II.2.a"]
    assert [s.label for s in doc.walk() if s.kind == "article"] == ["Điều 1", "Điều 2"]


# --- a number the text itself repeats ---------------------------------------------------------------
# 62f25a030c183151.md (Kế hoạch 0129/KH-UBND) lines 184-243: 'IV. KINH PHÍ' then 'IV. PHÂN CÔNG'.
REPEATED_PART = """IV. KINH PHÍ - NGUỒN HUY ĐỘNG

1. Kinh phí

Từ nguồn ngân sách tỉnh.

IV. PHÂN CÔNG NHIỆM VỤ

1. Sở Công Thương

Chủ trì tổ chức chương trình.

2. Sở Nông nghiệp và Môi trường

Phối hợp thực hiện.
"""


def test_a_repeated_number_is_told_apart_by_its_order() -> None:
    doc = parse_text("kh0129", REPEATED_PART)
    assert_unique(doc)
    assert section(doc, "IV (2)").title == "PHÂN CÔNG NHIỆM VỤ"
    assert [c.label for c in section(doc, "IV (2)").children] == ["IV (2).1", "IV (2).2"]
    assert section(doc, "IV.1").title == "Kinh phí"
    found = {(a.agency, a.section) for a in extract_assignments(doc)}
    assert ("Sở Công Thương", "IV (2).1") in found


# --- a dispatch's subject under its number ------------------------------------------------------------
# ad7a1b2470f2fff7.md lines 55-77 (Công văn 5387/CT-CS) and b7a1f12e746ba1bb.md lines 58-75 (5333/CT-CS):
# the number and the subject are cells of the header table, one after the other with no mark between;
# the rule under the issuer may be bold.
DISPATCH_HEADER = """|
BỘ TÀI CHÍNH
**CỤC THUẾ**
{rule}
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 5387/CT-CS
*v/v trả lời phản ánh kiến nghị*
|
*Hà Nội, ngày 20
tháng 11 năm 2025 *
|
**Kính gửi:** Độc
giả Hoàng Văn Trung
Cục Thuế nhận được đơn phản ánh kiến nghị của Độc
giả Hoàng Văn Trung. Về vấn đề này, Cục Thuế có ý
kiến như sau:
- Thành phần hồ sơ thực hiện theo Nghị định số 151/2025/NĐ-CP.
"""


def test_the_subject_under_the_number_is_no_part_of_it() -> None:
    doc = parse_text("cv5387", DISPATCH_HEADER.format(rule="-------"))
    assert doc.number == "5387/CT-CS"
    assert doc.doc_type == "Công văn"
    assert doc.subject == "trả lời phản ánh kiến nghị"


def test_a_rule_in_bold_under_the_issuer_is_a_rule() -> None:
    doc = parse_text("cv5387", DISPATCH_HEADER.format(rule="**-------**"))
    assert doc.number == "5387/CT-CS"
    assert doc.issuer == "BỘ TÀI CHÍNH CỤC THUẾ"

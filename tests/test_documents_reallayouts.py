"""Each layout class of issue 11 on a short snippet copied from a real file of ../shared/realdocs.

The snippets are the raw text as the crawl stored it (lone ``|`` lines, ``-------`` rules, ``**bold**``
across lines, hard wraps), cut down to a few lines; the source file and lines are named above each.
Every test asserts one fact the parser must get: a header field, a label, a span in the snippet's
own line numbers (1-based, as uploaded), an agency name whole. Line numbers are found with
:func:`line_of` on the snippet itself, so a reader sees which line is meant.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.agencies import extract_assignments
from assistant.documents import parse_text
from assistant.model import CC, RECIPIENTS, SIGNATURE, TITLE, Document, Section
from assistant.text import fold

HEADER_LABELS = {TITLE, RECIPIENTS, "Căn cứ", CC, SIGNATURE}


def key(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text or "")).split())


def line_of(text: str, needle: str, after: int = 0) -> int:
    """1-based number of the first line after line ``after`` that equals ``needle`` (stripped)."""
    for n, line in enumerate(text.split("\n"), start=1):
        if n > after and line.strip() == needle:
            return n
    raise AssertionError(f"{needle!r} is not a line of the snippet")


def section(doc: Document, label: str) -> Section:
    s = doc.section(label)
    assert s is not None, f"no section {label!r}; labels: {[x.label for x in doc.walk()]}"
    return s


def body_labels(doc: Document) -> list[str]:
    return [s.label for s in doc.walk() if s.label not in HEADER_LABELS]


# --- 1. the website's header table: lone '|' lines, '-------' rules, date wrapped -----------------
# 2f6f80b9918e52de.md lines 1-24 and 34-41, signature 193-197.
HCM_PLAN = """|
**ỦY BAN NHÂN DÂN
**
THÀNH PHỐ HỒ CHÍ MINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 172/KH-UBND
|
*Thành phố Hồ Chí
Minh, ngày 18 tháng 11 năm 2025*
|

** **

**KẾ HOẠCH**

TRIỂN
KHAI THI HÀNH LUẬT VIỆC LÀM TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH

**I. MỤC ĐÍCH, YÊU CẦU**

**1. Mục đích**

a) Xác định cụ thể nội dung
công việc, tiến độ, thời hạn hoàn thành, phân công và trách nhiệm của các cơ
quan, tổ chức có liên quan trong việc tổ chức thi hành Luật Việc làm bảo đảm kịp
thời, toàn diện, thống nhất, đồng bộ, hiệu lực, hiệu quả.
|
**KT. CHỦ TỊCH **
PHÓ CHỦ TỊCH
**Trần Thị Diệu Thúy**
|
"""


def test_website_header_table_gives_every_header_field() -> None:
    doc = parse_text("hcm-172", HCM_PLAN)
    assert doc.doc_type == "Kế hoạch"
    assert doc.number == "172/KH-UBND"
    assert doc.date is not None and str(doc.date) == "18/11/2025"
    assert key(doc.place) == "thanh pho ho chi minh"
    assert key(doc.issuer) == "uy ban nhan dan thanh pho ho chi minh"  # no '-------', no '|'
    assert key(doc.subject) == "trien khai thi hanh luat viec lam tren dia ban thanh pho ho chi minh"
    assert doc.signer is not None and doc.signer.name == "Trần Thị Diệu Thúy"
    assert key(doc.signer.title) == "pho chu tich"


def test_website_header_table_keeps_file_line_numbers() -> None:
    doc = parse_text("hcm-172", HCM_PLAN)
    part = section(doc, "I")
    assert part.line_start == line_of(HCM_PLAN, "**I. MỤC ĐÍCH, YÊU CẦU**")
    point = section(doc, "I.1.a")
    assert point.line_start == line_of(HCM_PLAN, "a) Xác định cụ thể nội dung")
    assert point.line_end == line_of(HCM_PLAN, "thời, toàn diện, thống nhất, đồng bộ, hiệu lực, hiệu quả.")


# --- 2. '**bold**' spanning lines: in the issuer and in the signature block ------------------------
# 448306af3d3a91f7.md lines 1-24, 74-76, 97-101.
MINISTRY = """|
**BỘ VĂN HÓA, THỂ
THAO **
VÀ DU LỊCH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 4385/QĐ-BVHTTDL
|
*Hà Nội, ngày 18
tháng 11 năm 2025*
|

** **

**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH KẾ HOẠCH THỰC HIỆN QUY HOẠCH MẠNG LƯỚI CƠ SỞ
VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM 2045

**Điều 1. **Ban
hành kèm theo Quyết định này Kế hoạch thực hiện Quy hoạch mạng lưới cơ sở Văn
hóa và Thể thao thời kỳ 2021-2030, tầm nhìn đến năm 2045.

|
**KT. BỘ TRƯỞNG **
THỨ TRƯỞNG
Tạ Quang Đông
|
"""

# 1a434d0a7e14dc93.md lines 1-23 (shortened), 56-59, 97-102.
CAN_THO = """|
**ỦY BAN NHÂN DÂN
**
THÀNH PHỐ CẦN THƠ
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 2579/QĐ-UBND
|
*Cần Thơ, ngày 21
tháng 11 năm 2025 *
|

**QUYẾT ĐỊNH**

BAN HÀNH QUY ĐỊNH TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI CÔNG TÁC DÂN VẬN
VÀ THỰC HIỆN DÂN CHỦ Ở CƠ SỞ TẠI CÁC CƠ QUAN NHÀ NƯỚC TRÊN ĐỊA BÀN THÀNH PHỐ CẦN
THƠ

**Điều 1.****
**Ban hành kèm theo Quyết định này Quy định Tiêu chí
đánh giá, xếp loại công tác dân vận và thực hiện dân chủ ở cơ sở tại các cơ
quan nhà nước trên địa bàn thành phố Cần Thơ.

|
**TM. ỦY BAN NHÂN
DÂN **
CHỦ TỊCH
Trương Cảnh Tuyên
|
"""


def test_bold_across_lines_in_the_issuer_name() -> None:
    doc = parse_text("bvhttdl-4385", MINISTRY)
    assert key(doc.issuer) == "bo van hoa the thao va du lich"
    assert doc.number == "4385/QĐ-BVHTTDL"
    assert doc.signer is not None and doc.signer.name == "Tạ Quang Đông"
    assert key(doc.signer.title) == "thu truong"


def test_bold_across_lines_in_the_signature_authority() -> None:
    doc = parse_text("ct-2579", CAN_THO)
    assert doc.signer is not None
    assert doc.signer.name == "Trương Cảnh Tuyên"
    assert key(doc.signer.title) == "chu tich"
    assert "tm uy ban nhan dan" in [key(a) for a in doc.signer.authority]
    assert doc.signer.line_end == line_of(CAN_THO, "Trương Cảnh Tuyên")


def test_bold_marks_around_an_article_number_do_not_hide_the_article() -> None:
    doc = parse_text("ct-2579", CAN_THO)
    art = section(doc, "Điều 1")
    assert art.line_start == line_of(CAN_THO, "**Điều 1.****")
    assert "Ban hành kèm theo Quyết định này Quy định" in " ".join(art.text.split())


# --- 3. hard-wrapped headings: the number alone on its line -----------------------------------------
# 6bac4a0d92da936d.md lines 1-23 (header), 45-55, 92-97.
DAK_LAK = """|
**ỦY BAN NHÂN DÂN**
TỈNH ĐẮK LẮK
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 010/CT-UBND
|
*Đắk Lắk, ngày 17
tháng 11 năm 2025*
|

**CHỈ THỊ**

VỀ VIỆC NÂNG CAO TRÁCH NHIỆM, TĂNG CƯỜNG PHỐI HỢP THẨM ĐỊNH
GIẢI QUYẾT THỦ TỤC ĐẦU TƯ VÀ QUẢN LÝ DỰ ÁN SỬ DỤNG VỐN CỦA NHÀ ĐẦU TƯ TRÊN ĐỊA
BÀN TỈNH ĐẮK LẮK

**I.
Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án**

**1.
Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban
quản lý Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý các Khu
công nghiệp tỉnh):**

a) Là đầu mối chủ trì, tiếp
nhận hồ sơ, tổ chức lấy ý kiến thẩm định và lập báo cáo thẩm định đề xuất chủ
trương đầu tư đối với các dự án sử dụng vốn nhà đầu tư trên địa bàn tỉnh.

**2.
Các sở, ban, ngành, địa phương****: **Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm
trước UBND tỉnh, Chủ tịch UBND tỉnh và pháp luật các nội dung sau:

**2.1.
Trách nhiệm chung**

a) Đánh giá sự phù hợp của
dự án đầu tư với quy hoạch tỉnh có liên quan đến mục tiêu hoạt động và nội dung
"""


def test_heading_number_alone_on_its_line() -> None:
    doc = parse_text("ct-010", DAK_LAK)
    assert doc.doc_type == "Chỉ thị" and doc.number == "010/CT-UBND"
    part = section(doc, "I")
    assert key(part.title).startswith("trach nhiem phoi hop trong cong tac tham dinh")
    item = section(doc, "I.1")
    assert key(item.title).startswith("cac co quan dang ky dau tu so tai chinh")
    assert item.line_start == line_of(DAK_LAK, "**1.")
    assert item.body_start == line_of(DAK_LAK, "công nghiệp tỉnh):**") + 1  # the heading runs over 4 lines
    assert section(doc, "I.1.a").line_start == line_of(DAK_LAK, "a) Là đầu mối chủ trì, tiếp")


def test_sub_item_number_alone_on_its_line() -> None:
    doc = parse_text("ct-010", DAK_LAK)
    assert key(section(doc, "I.2").title).startswith("cac so ban nganh dia phuong")
    sub = section(doc, "I.2.1")
    assert key(sub.title) == "trach nhiem chung"
    assert sub.line_start == line_of(DAK_LAK, "**2.1.")
    assert section(doc, "I.2.1.a").line_start == line_of(DAK_LAK, "a) Đánh giá sự phù hợp của")


# --- 4. hard-wrapped agency names inside points ('Sở Khoa học' / 'và Công nghệ.') ------------------
# 8e9a425dd83e56b3.md lines 1-24 (header), 63-84, 153-180, signature 284-289.
HANOI = """|
**ỦY BAN NHÂN DÂN**
THÀNH PHỐ HÀ NỘI
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 308/KH-UBND
|
*Hà Nội, ngày 17
tháng 11 năm 2025*
|

**KẾ HOẠCH**

TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 214/NQ-CP NGÀY 23/7/2025
CỦA CHÍNH PHỦ BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG CỦA CHÍNH PHỦ VỀ THÚC ĐẨY TẠO LẬP DỮ
LIỆU PHỤC VỤ CHUYỂN ĐỔI SỐ TOÀN DIỆN

**II. NHIỆM VỤ**

**1. Về dữ liệu**

**1.1. Xây
dựng các Chiến lược triển khai của thành phố Hà Nôi:**

a) Nhiệm vụ: Tham mưu UBND
Thành phố phối hợp với Bộ Công an rà soát, hoàn thiện Chiến lược dữ liệu thành
phố Hà Nội đến năm 2030 được UBND Thành phố phê duyệt tại Quyết định số
1229/QĐ-UBND ngày 28/02/2025 của UBND Thành phố.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

- Đơn vị phối hợp: Các Sở, ban,
ngành.

c) Thời gian thực hiện: Hoàn
thành trong năm 2025.

**3. Về đảm bảo
an toàn thông tin**

a) Nhiệm vụ:

- Phối hợp với Bộ Công an trong
việc bảo đảm an toàn thông tin, an ninh mạng, kịp thời ứng cứu sự cố cho hạ tầng
kỹ thuật, dữ liệu, ứng dụng triển khai tại Thành phố.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Công an Thành
phố.

- Đơn vị phối hợp: Các Sở, ban,
ngành, UBND xã, phường.

c) Thời gian thực hiện: Thực hiện
thường xuyên.

|
**TM. ỦY BAN NHÂN
DÂN**
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trương Việt Dũng
|
"""


def test_wrapped_heading_after_the_item_number() -> None:
    doc = parse_text("kh-308", HANOI)
    item = section(doc, "II.1.1")
    assert key(item.title).startswith("xay dung cac chien luoc trien khai")
    assert item.body_start == line_of(HANOI, "dựng các Chiến lược triển khai của thành phố Hà Nôi:**") + 1
    assert key(section(doc, "II.3").title) == "ve dam bao an toan thong tin"


def test_wrapped_agency_name_is_kept_whole() -> None:
    doc = parse_text("kh-308", HANOI)
    found = {(a.agency, a.section) for a in extract_assignments(doc)}
    names = {key(a) for a, _ in found}
    assert any(key(a) == "so khoa hoc va cong nghe" and s.startswith("II.1.1") for a, s in found), found
    assert any(key(a) == "cong an thanh pho" and s.startswith("II.3") for a, s in found), found
    assert "so khoa hoc" not in names and "cong an thanh" not in names


def test_partner_in_a_wrapped_line_is_not_an_assignee() -> None:
    """'Đơn vị phối hợp: Các Sở, ban,' / 'ngành.' and 'phối hợp với Bộ Công an': partners only."""
    doc = parse_text("kh-308", HANOI)
    assert not [a for a in extract_assignments(doc) if key(a.agency) == "bo cong an"]


# 09daab284f92e2dd.md lines 1-24 (header, shortened), 89-90, 260-273: 'Sở Tài' / 'chính, Sở Tư pháp.'
BAC_NINH = """|
**UỶ BAN NHÂN DÂN**
TỈNH BẮC NINH
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 141/KH-UBND
|
*Bắc Ninh, ngày 20
tháng 11 năm 2025*
|

**KẾ HOẠCH**

NÂNG CAO NĂNG LỰC CHO ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC XÂY DỰNG
CHÍNH SÁCH, PHÁP LUẬT TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2026 - 2030

**III. NHIỆM VỤ,
GIẢI PHÁP**

**6. Thực hiện
chính sách đặc thù, vượt trội đối với người tham gia công tác xây dựng pháp luật**

- Thực hiện kịp thời, đầy đủ cơ
chế, chính sách, chế độ hỗ trợ đối với người trực tiếp, thường xuyên làm công
tác xây dựng pháp luật theo Nghị quyết số 197/2025/QH15 của Quốc hội về một số
cơ chế, chính sách đặc biệt tạo đột phá trong xây dựng và tổ chức thi hành pháp
luật.

*Đơn vị chủ trì thực hiện: *Các
cơ quan, đơn vị theo quy định.

*Đơn vị phối hợp: *Sở Tài
chính, Sở Tư pháp.
"""


def test_wrapped_partner_name_is_neither_cut_nor_assigned() -> None:
    doc = parse_text("kh-141", BAC_NINH)
    item = section(doc, "III.6")
    assert key(item.title).startswith("thuc hien chinh sach dac thu vuot troi")
    got = [(key(a.agency), a.section) for a in extract_assignments(doc)]
    assert not [g for g in got if g[0] in {"so tai", "so tai chinh", "so tu phap"}], got


# --- 5. 'Phụ' / 'lục I': an appendix heading split over two lines -----------------------------------
# 4831/QĐ-BNNMT, fcf5e41bf354281b.md lines 1-24 (header), 2344-2370.
APPENDIX_SPLIT = """|
**BỘ NÔNG NGHIỆP
VÀ **
MÔI TRƯỜNG
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 4831/QĐ-BNNMT
|
*Hà Nội, ngày 17
tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

VỀ VIỆC CÔNG BỐ BỔ SUNG THỦ TỤC HÀNH CHÍNH TRONG LĨNH VỰC ĐỊA
CHẤT VÀ KHOÁNG SẢN THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ NHÀ NƯỚC CỦA BỘ NÔNG NGHIỆP
VÀ MÔI TRƯỜNG

**Điều 2. **Các tài liệu của
báo cáo kết quả thăm dò khoáng sản được sử dụng để lập dự án đầu tư khai thác mỏ
và giao nộp lưu trữ địa chất theo quy định.

**Điều 3. **Quyết định này
có hiệu lực kể từ ngày ký.

|
Nơi nhận:
- Bộ Nông nghiệp và Môi trường;
- Lưu VT, lưu trữ…..
|
**CHỦ TỊCH**
|


Phụ
lục I

**UBND TỈNH (THÀNH PHỐ)…...**

**TỌA
ĐỘ KHU VỰC CÔNG NHẬN KẾT QUẢ THĂM DÒ KHOÁNG SẢN/THĂM DÒ BỔ SUNG**
"""


def test_appendix_heading_split_over_two_lines() -> None:
    doc = parse_text("qd-4831", APPENDIX_SPLIT)
    app = section(doc, "Phụ lục I")
    assert app.line_start == line_of(APPENDIX_SPLIT, "Phụ")
    art = section(doc, "Điều 3")
    assert art.line_end < line_of(APPENDIX_SPLIT, "Nơi nhận:")
    assert key(doc.issuer) == "bo nong nghiep va moi truong"


# --- 6. an attachment after the signature (Kế hoạch kèm theo) --------------------------------------
# 4e39af96b6891368.md lines 1-24 (header), 51-56, 76-99 (shortened), 174-208.
QUANG_NGAI = """|
**ỦY BAN NHÂN DÂN**
TỈNH QUẢNG NGÃI
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 1627/QĐ-UBND
|
*Quảng Ngãi, ngày
21 tháng 11 năm 2025*
|

**QUYẾT ĐỊNH**

VỀ VIỆC BAN HÀNH KẾ HOẠCH KIỂM KÊ TÀI SẢN CÔNG TẠI CƠ QUAN, TỔ
CHỨC, ĐƠN VỊ, TÀI SẢN KẾT CẤU HẠ TẦNG DO NHÀ NƯỚC ĐẦU TƯ, QUẢN LÝ THUỘC PHẠM VI
QUẢN LÝ CỦA TỈNH QUẢNG NGÃI THỜI ĐIỂM 0H00 NGÀY 01 THÁNG 01 NĂM 2026

**QUYẾT ĐỊNH:**

**Điều 1.**** **Ban hành kèm theo Quyết định này Kế
hoạch triển khai thực hiện Tổng kiểm kê tài sản công tại cơ quan, tổ chức, đơn
vị, tài sản kết cấu hạ tầng do Nhà nước đầu tư, quản lý thuộc phạm vi quản lý của
tỉnh Quảng Ngãi thời điểm 0h00 ngày 01 tháng 01 năm 2026.

|
**KT. CHỦ TỊCH**
PHÓ CHỦ TỊCH
Nguyễn Ngọc Sâm
|


**KẾ HOẠCH**

TRIỂN KHAI THỰC HIỆN TỔNG KIỂM KÊ
TÀI SẢN CÔNG TẠI CƠ QUAN, TỔ CHỨC, ĐƠN VỊ, TÀI SẢN KẾT CẤU HẠ TẦNG DO NHÀ NƯỚC
ĐẦU TƯ, QUẢN LÝ THUỘC PHẠM VI QUẢN LÝ CỦA TỈNH QUẢNG NGÃI THỜI ĐIỂM 0H00 NGÀY
01 THÁNG 01 NĂM 2026

*(Kèm theo Quyết định số: 1627/QĐ-UBND ngày 21/11/2025 của Chủ tịch Ủy ban
nhân dân tỉnh)*

**IV. NHIỆM VỤ CỤ THỂ**

**1.
Nhiệm vụ của thành viên Ban Chỉ đạo**

*1.2.
Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo*

-
Tuyên truyền, phổ biến, quán triệt các cơ quan, tổ chức, đơn vị, doanh nghiệp
thuộc phạm vi quản lý thực hiện nghiêm túc các quy định về quản lý, sử dụng tài
sản công, quy định về chế độ tính khấu hao, hao mòn tài sản cố định.

- Tổng
hợp kết quả kiểm kê, báo cáo kết quả kiểm kê gửi Bộ Tài chính. Thời gian hoàn
thành: Trước ngày 31/5/2026.
"""


def test_attachment_after_the_signature_keeps_the_signature() -> None:
    doc = parse_text("qd-1627", QUANG_NGAI)
    assert doc.signer is not None and doc.signer.name == "Nguyễn Ngọc Sâm"
    assert key(doc.signer.title) == "pho chu tich"
    assert doc.signer.line_end == line_of(QUANG_NGAI, "Nguyễn Ngọc Sâm")
    sig = section(doc, SIGNATURE)
    assert sig.line_end < line_of(QUANG_NGAI, "**KẾ HOẠCH**")


def test_attachment_after_the_signature_is_a_document_of_its_own() -> None:
    doc = parse_text("qd-1627", QUANG_NGAI)
    plan = section(doc, "Kế hoạch kèm theo")
    assert key(plan.title).startswith("trien khai thuc hien tong kiem ke tai san cong")
    assert plan.line_start == line_of(QUANG_NGAI, "**KẾ HOẠCH**")
    assert [c.label for c in plan.children] == ["Kế hoạch kèm theo, IV"]
    item = section(doc, "Kế hoạch kèm theo, IV.1.2")
    assert key(item.title).startswith("so tai chinh co quan thuong truc ban chi dao")
    assert item.line_start == line_of(QUANG_NGAI, "*1.2.")
    assert item.line_end == line_of(QUANG_NGAI, "thành: Trước ngày 31/5/2026.")


def test_attachment_assignments_carry_the_attachment_label() -> None:
    doc = parse_text("qd-1627", QUANG_NGAI)
    got = [(key(a.agency), a.section) for a in extract_assignments(doc)]
    assert any(k == "so tai chinh" and s.startswith("Kế hoạch kèm theo, IV.1.2") for k, s in got), got


# --- 7. tables one cell per line between '|' lines -------------------------------------------------
# 295bcce4a429a236.md lines 142-205 (first three rows; row 2 has merged cells).
STATS_TABLE = """|
**BỘ NỘI VỤ**
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 1383/QĐ-BNV
|
*Hà Nội, ngày 26
tháng 11 năm 2025*
|
**QUYẾT ĐỊNH**
VỀ VIỆC BAN HÀNH LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026 CỦA
BỘ NỘI VỤ
**LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026 CỦA BỘ NỘI VỤ**
*(Ban
hành kèm theo Quyết định số: 1383/QĐ-BNV ngày 26 tháng 11 năm 2025 của Bộ trưởng
Bộ Nội vụ)*
|
**STT**
|
**Tên thông tin thống kê**
|
**Mức độ hoàn chỉnh của thông tin**
|
**Thời gian phổ biến**
|
**Hình thức phổ biến**
|
**Đơn vị chịu trách nhiệm phổ biến**
|
|
*A*
|
*B*
|
*1*
|
*2*
|
*3*
|
*4*
|
|
*1*
|
Số đơn vị hành chính
|
Chính thức
|
Tháng 6/2025
|
Cổng thông tin điện tử Bộ Nội vụ
|
Vụ Chính quyền địa phương
|
|
*2*
|
Số đại biểu Hội đồng nhân dân
|
Chính thức
|
|
*3*
|
Số người làm công tác bình đẳng
giới và sự tiến bộ phụ nữ
|
Chính thức
|
Tháng 6/2025
|
Cổng thông tin điện tử Bộ Nội vụ
|
Vụ Công tác thanh niên và Bình đẳng giới
|
"""


def _stats_table(doc: Document) -> tuple[list[str], list[list[str]], list[int]]:
    for t in doc.tables:
        if t.header and key(t.header[0]) == "stt":
            return [key(h) for h in t.header], t.rows, t.row_lines
    raise AssertionError(f"no table with an STT column: {[t.header for t in doc.tables]}")


def test_one_cell_per_line_table_has_named_columns() -> None:
    header, _, _ = _stats_table(parse_text("qd-1383", STATS_TABLE))
    assert header == [
        "stt",
        "ten thong tin thong ke",
        "muc do hoan chinh cua thong tin",
        "thoi gian pho bien",
        "hinh thuc pho bien",
        "don vi chiu trach nhiem pho bien",
    ]


def test_one_cell_per_line_table_rows_and_their_lines() -> None:
    _, rows, row_lines = _stats_table(parse_text("qd-1383", STATS_TABLE))
    numbered = [(r, n) for r, n in zip(rows, row_lines, strict=False) if key(r[0]).isdigit()]
    assert [key(r[0]) for r, _ in numbered] == ["1", "2", "3"]
    first, third = numbered[0][0], numbered[2][0]
    assert key(first[1]) == "so don vi hanh chinh"
    assert key(first[-1]) == "vu chinh quyen dia phuong"
    assert (
        key(third[1]) == "so nguoi lam cong tac binh dang gioi va su tien bo phu nu"
    )  # a cell over two lines
    assert numbered[0][1] == line_of(STATS_TABLE, "*1*", after=line_of(STATS_TABLE, "*A*") + 6)
    assert numbered[2][1] == line_of(
        STATS_TABLE, "*3*", after=line_of(STATS_TABLE, "Số đại biểu Hội đồng nhân dân")
    )


# --- 8. scoring rows 'a) ... 1,25' with 'Điểm tối đa' / 'Điểm tự chấm' ------------------------------
# No file of ../shared/realdocs has a scoring table with maximum and self-assessed points (grep for
# 'Điểm tối đa', 'tự chấm', 'Điểm chuẩn' finds none in a table). The rows below are the criteria of
# corpus/cv-410-ubnd-hai-phong-2025.md lines 203-204 (2,50 / 1,25) written in the website's
# one-cell-per-line shape with point letters, the shape issue 11 reports from documents kept aside.
SCORING = """|
**ỦY BAN NHÂN DÂN**
THÀNH PHỐ HẢI PHÒNG
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 410/UBND-NCKTGS
|
*Hải Phòng, ngày 19
tháng 8 năm 2025*
|
**PHỤ LỤC I**
|
**STT**
|
**Tiêu chí**
|
**Điểm tối đa**
|
**Điểm tự chấm**
|
|
a)
|
Kết quả xử lý kỷ luật đối với tổ chức do để xảy ra tham nhũng.
|
2,50
|
1,25
|
|
b)
|
Hình thức cảnh cáo về xử lý trách nhiệm của người đứng đầu, cấp phó của người đứng
đầu cơ quan, tổ chức, đơn vị căn cứ vào mức độ của vụ việc tham nhũng.
|
2,50
|
1,25
|
"""


def test_points_rows_become_criteria_with_max_and_awarded() -> None:
    doc = parse_text("scoring", SCORING)
    rows = [c for c in doc.criteria if c.appendix == "Phụ lục I"]
    assert [(c.max_points, c.awarded_points) for c in rows] == [(Decimal("2.50"), Decimal("1.25"))] * 2
    assert key(rows[1].title).startswith("hinh thuc canh cao ve xu ly trach nhiem")
    assert sum((c.max_points for c in rows), Decimal(0)) == Decimal("5.00")


# --- 9. a short công văn: Kính gửi, '-' bullets only, signature -------------------------------------
# e0b9a318eafcfc30.md lines 58-99 (shortened) and 116-128.
SHORT_DISPATCH = """BỘ TÀI CHÍNH
CỤC HẢI QUAN
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 37413/CHQ-NVTHQ
*V/v kê khai trị giá hải quan*
|
*Hà Nội, ngày 21
tháng 11 năm 2025*
|
**Kính gửi:**
Công ty TNHH Sunny Automotive Vina.
*(Đ/c: Lô CN06, KCN Bình Xuyên II, xã Bình Tuyền, Phú Thọ)*
Cục Hải quan nhận được công văn số 2025-005/SAV-CHQ
ngày 10/11/2025 của Công ty TNHH Sunny Automotive Vina đề nghị hướng dẫn việc
kê khai trị giá hải quan hàng mẫu xuất khẩu. Về vấn đề này, Cục Hải quan có ý
kiến như sau:
- Điều 86 Luật Hải quan số 54/2014/QH13 quy định
trị giá hải quan được sử dụng làm cơ sở cho việc tính thuế xuất khẩu và thống
kê hàng hóa xuất khẩu.
- Căn cứ điểm 6 Khoản 3 Điều 1 Thông tư số 60/2019/TT-BTC
ngày 30/8/2019 bổ sung Điều 4 Thông tư số 39/2015/TT-BTC ngày 25/3/2015 của Bộ
Tài chính quy định trị giá hải quan đối với hàng hóa xuất khẩu không có hợp
đồng mua bán và không có hóa đơn thương mại là trị giá khai báo.
Cục Hải quan thông báo để Công ty TNHH TNHH Sunny
Automotive Vina biết và thực hiện./.
|
Nơi nhận:
- Như trên;
- Lưu: VT, NVTHQ (Hằng B - 3b.
|
**TL. CỤC TRƯỞNG**
KT. TRƯỞNG BAN NGHIỆP VỤ THUẾ HQ
PHÓ TRƯỞNG BAN
Đào Thu Hương
|
"""


def test_short_dispatch_with_dash_bullets_is_read() -> None:
    doc = parse_text("cv-37413", SHORT_DISPATCH)  # must not raise: a document without numbered items
    assert doc.doc_type == "Công văn"
    assert doc.number == "37413/CHQ-NVTHQ"
    assert key(doc.subject).endswith("ke khai tri gia hai quan")
    assert key(doc.issuer) in {"cuc hai quan", "bo tai chinh cuc hai quan"}
    assert [key(r) for r in doc.recipients] == ["cong ty tnhh sunny automotive vina"]
    assert doc.signer is not None and doc.signer.name == "Đào Thu Hương"
    assert key(doc.signer.title) == "pho truong ban"


def test_short_dispatch_body_is_a_section_with_file_lines() -> None:
    doc = parse_text("cv-37413", SHORT_DISPATCH)
    bullet = line_of(SHORT_DISPATCH, "- Điều 86 Luật Hải quan số 54/2014/QH13 quy định")
    holders = [
        s
        for s in doc.walk()
        if s.label not in {TITLE, CC, SIGNATURE} and s.line_start <= bullet <= s.line_end
    ]
    assert holders, "the dispatch's text is in no section"
    assert all(s.line_end < line_of(SHORT_DISPATCH, "Nơi nhận:") for s in holders if s.label != RECIPIENTS)


# --- 10. website boilerplate at the top, 'related documents' at the end ----------------------------
# 9a53c71ee9f5781f.md lines 1-75 (shortened), 122-160 (shortened): the box says 37999, the header 3799.
WEBSITE = """|
|
Bản dịch này thuộc quyền sở hữu của **
THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý của **
THƯ VIỆN PHÁP LUẬT** là vi phạm pháp luật về Sở hữu trí tuệ.
X
**
CÁC NỘI DUNG ĐƯỢC SỬA ĐỔI, HƯỚNG DẪN
**
Click vào phần bôi vàng để xem chi tiết.
|
|
Đang tải văn bản...
#
**Số hiệu:**
|
37999/CHQ-GSQL
|
|
**Loại văn bản:**
|
Công văn
|
**Người ký:**
|
Nguyễn Bắc Hải
|
**Ngày ban hành:**
|
25/11/2025
|
|
BỘ TÀI CHÍNH
**CỤC HẢI QUAN**
--------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 3799/CHQ-GSQL
*V/v khai bổ sung*
|
*Hà
Nội, ngày 25 tháng 11 năm 2025*
|
**Kính
gửi: **Tổng Công ty
Phân bón và Hóa chất Dầu khí - CTCP.
Đề nghị doanh nghiệp căn cứ quy định
nêu trên, đối chiếu với thực tế hàng hóa nhập khẩu, hồ sơ, chứng từ có liên
quan để thực hiện./.
|
*Nơi nhận:*
- Như trên;
- Lưu: VT, GSQL.
|
**TL. CỤC TRƯỞNG**
**KT. TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HQ **
PHÓ TRƯỞNG BAN
**Nguyễn Bắc Hải**
|
** **
Công văn 37999/CHQ-GSQL năm 2025 khai bổ sung số lượng hàng thực tế nhập khẩu sai lệch
## Văn bản liên quan
Ban hành:
19/11/2025
Hiệu lực: Đã biết
Tình trạng: Đã biết
Cập nhật:
26/11/2025
"""


def test_website_box_is_cut_off_and_kept_apart() -> None:
    doc = parse_text("cv-3799", WEBSITE)
    assert doc.number == "3799/CHQ-GSQL"  # the document's own header, not the website's box
    assert doc.site_meta.get("number") == "37999/CHQ-GSQL"
    assert doc.date is not None and str(doc.date) == "25/11/2025"
    assert key(doc.place) == "ha noi"
    assert doc.signer is not None and doc.signer.name == "Nguyễn Bắc Hải"
    assert [key(r) for r in doc.recipients] == ["tong cong ty phan bon va hoa chat dau khi ctcp"]


def test_website_notice_and_related_list_are_no_part_of_the_document() -> None:
    doc = parse_text("cv-3799", WEBSITE)
    notice = line_of(WEBSITE, "Click vào phần bôi vàng để xem chi tiết.")
    related = line_of(WEBSITE, "## Văn bản liên quan")
    for s in doc.walk():
        assert not s.line_start <= notice <= s.line_end, s.label
        assert not s.line_start <= related <= s.line_end, s.label
        assert "thu vien phap luat" not in key(s.title)
    assert section(doc, SIGNATURE).line_end <= line_of(WEBSITE, "**Nguyễn Bắc Hải**") + 1


# --- a header whose issuer cell was lost in the copy; a text copied with no header at all --------
LOST_ISSUER = """| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc |
Số: 21/2025/TT-BGDĐT |
|

**Quy định chế độ trả tiền lương dạy thêm giờ đối với nhà giáo**

**Điều 1. Phạm vi điều chỉnh**
Thông tư này quy định chế độ trả tiền lương dạy thêm giờ.
"""

NO_HEADER = """**THÔNG TƯ**
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ 07/2024/TT-NHNN

**Điều 1. Sửa đổi Điều 4**
Bên giao đại lý được giao cho bên đại lý thực hiện nghiệp vụ nhận hồ sơ.

**Điều 2. Hiệu lực thi hành**
Thông tư này có hiệu lực từ ngày 01 tháng 01 năm 2026.

**KT. THỐNG ĐỐC**
**PHÓ THỐNG ĐỐC**
Phạm Tiến Dũng

**PHỤ LỤC**

*(Ban hành kèm theo Thông tư số 44/2025/TT-NHNN
ngày 18/11/2025 của Thống đốc Ngân hàng Nhà nước Việt Nam)*

Mẫu báo cáo quý.
"""


def test_a_number_in_a_row_whose_first_cell_was_lost() -> None:
    doc = parse_text("tt-21", LOST_ISSUER)
    assert doc.number == "21/2025/TT-BGDĐT" and doc.doc_type == "Thông tư"


def test_with_no_header_the_appendix_caption_gives_number_and_date_and_says_so() -> None:
    doc = parse_text("tt-44", NO_HEADER)
    assert doc.number == "44/2025/TT-NHNN" and doc.number_source == "Phụ lục"
    assert str(doc.date) == "18/11/2025"
    assert any("lấy từ lời dẫn của phụ lục" in w for w in doc.warnings)


def test_a_signer_not_read_is_said_not_left_out() -> None:
    from assistant.chat import ChatService
    from assistant.corpus import Corpus

    chat = ChatService(Corpus.from_documents([parse_text("tt-21", LOST_ISSUER)]), None)
    a = chat.ask("Ai ký Thông tư 21/2025/TT-BGDĐT?")
    assert "Không đọc được tên người ký của Thông tư số 21/2025/TT-BGDĐT" in a.answer

"""Write eval/bank/probe3.jsonl: the third "probe" batch of tuning questions (see README.md).

    python3 eval/bank/make_probe3.py

Written by an examiner who had not run the assistant on these questions and did not read its code:
20 real documents of ../shared/realdocs that no other list of the bank names (probe3-files.txt),
each read whole. Every expected string is asserted to stand verbatim in its file; the few computed
figures (a coefficient times the base amount, a difference, a yearly total) use Decimal.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal as D
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"

NQ63 = "350a122d2613c4d6"  # Nghị quyết 63/2025/NQ-HĐND Hà Nội, mức chuẩn trợ giúp xã hội (coefficients)
NQ54 = "676c9815964a33af"  # Nghị quyết 54/2025/NQ-HĐND Hà Nội, mức chi lâm nghiệp (đồng/ha/năm)
NQ65 = "e09bc3b35c473bea"  # Nghị quyết 65/2025/NQ-HĐND Hà Nội, thể thao thành tích cao
NQ37 = "0abcf1a5292b31ec"  # Nghị quyết 37/2025/NQ-HĐND Huế, amends NQ 20/2023 (giảm nghèo), shares by budget
NQ80 = (
    "03741adae8c7c410"  # Nghị quyết 80/2025/NQ-HĐND Hà Nội, công an cấp xã (website copy; effect on signing)
)
KH160 = "5d99697f14bcf68a"  # Kế hoạch 160/KH-UBND Cần Thơ, giám sát giảm nghèo 2025 (parts I-VI)
KH982 = "99c7d8fff9e4572e"  # Kế hoạch 982/KH-UBND Nghệ An, đợt thi đua Đại hội XIV
KH597 = (
    "689f49d25e51cbaa"  # Kế hoạch 597/KH-UBND Đồng Tháp, chuyển đổi số hạ tầng giao thông (tasks per agency)
)
CV1539 = "de1ea1a30ca1e0bc"  # Công văn 1539/VLO-QLDN3 Thuế tỉnh Vĩnh Long (answer to a company)
CV5363 = "28219392db3ee2e0"  # Công văn 5363/CT-CS Cục Thuế (website copy), bảng giá lệ phí trước bạ
CV11414 = (
    "2d977d9ad8cd2645"  # Công văn 11414/VPCP-CN (website copy), cao tốc; a task and deadline per addressee
)
TB634 = "24701a1c97c8c368"  # Thông báo 634/TB-VPCP, kết luận tại Thanh Hóa (figures, deadlines per kiến nghị)
CD223 = "15e6fb3d3f3b2644"  # Công điện 223/CĐ-TTg (website copy), lũ Khánh Hòa, Đắk Lắk, Gia Lai
TT37 = "875cbe611015707a"  # Thông tư 37/2025/TT-BXD (website summary before the text), giá kiểm định tàu biển
TT23 = "6f76eaad0b5b95d8"  # Thông tư 23/2025/TT-BTP, phân cấp tổ chức cán bộ (4 chương, 21 điều)
QD137 = "1fa949f85858c62f"  # Quyết định 137/2025/QĐ-UBND Đồng Tháp, giờ bán xăng dầu
QD2519 = "1813348fc14ac2b7"  # Quyết định 2519/QĐ-UBND Cần Thơ, Trung tâm Phục vụ hành chính công
QD2691 = (
    "1b479d81b4a8f42e"  # Quyết định 2691/QĐ-UBND Quảng Trị + PHỤ LỤC of 2 TTHC nội bộ after the signature
)
QD38 = "0f2d0646af982d1b"  # Quyết định 38/2025/QĐ-UBND Cần Thơ (website copy), phân cấp cho Sở Công Thương
QD44 = "150d48a05ed57aa3"  # Quyết định 44/2025/QĐ-UBND Quảng Ngãi, phân cấp định mức máy móc (8 QĐ Kon Tum hết hiệu lực)
FILES = [NQ63, NQ54, NQ65, NQ37, NQ80, KH160, KH982, KH597, CV1539, CV5363, CV11414, TB634, CD223, TT37,
         TT23, QD137, QD2519, QD2691, QD38, QD44]  # fmt: skip
TT36 = "631e2524192d7b61"  # probe2's Thông tư 36/2025/TT-BXD (thiết bị xếp dỡ), same shape as TT 37

_texts: dict[str, str] = {}


def text(doc: str) -> str:
    if doc not in _texts:
        _texts[doc] = unicodedata.normalize("NFC", (REALDOCS / f"{doc}.md").read_text(encoding="utf-8"))
    return _texts[doc]


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def stands(doc: str, s: str) -> str:
    assert ws(s) in ws(text(doc)), (doc, s)
    return s


def dong(x: D) -> str:
    """An amount of đồng as score.py reads it from '1.625.000' (its first number: '1.625')."""
    s = f"{int(x):,}".replace(",", ".")
    return re.match(r"\d+(?:[.,]\d+)?", s)[0]


def vn(x: D) -> str:
    return format(x.normalize(), "f").replace(".", ",")


def date(d: int, m: int, y: int) -> list[str]:
    return list(dict.fromkeys([f"{d:02d} tháng {m:02d} năm {y}", f"{d} tháng {m} năm {y}",
                               f"{d:02d}/{m:02d}/{y}", f"{d}/{m}/{y}"]))  # fmt: skip


def unaccent(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


ITEMS: list[dict] = []


def q(
    cls,
    question,
    doc,
    sec="",
    contains=None,
    any_=None,
    numbers=None,
    more=(),
    history=None,
    nf=False,
    na=False,
):
    exp: dict = {}
    if nf:
        exp["not_found"] = True
        docs = [doc, *[d for d, _ in more]]
    else:
        if contains:
            exp["contains"] = [unicodedata.normalize("NFC", s) for s in contains]
        if any_:
            exp["contains_any"] = any_
        if numbers:
            exp["numbers"] = numbers
        exp["cites"] = [{"doc": d, "section": s} for d, s in [(doc, sec), *more]]
        docs = list(dict.fromkeys(d for d, _ in [(doc, sec), *more]))
    it = {"id": f"p3-{len(ITEMS) + 1:03d}", "question": unaccent(question) if na else question, "class": cls}
    if history:
        it["history"] = [{"role": r, "content": unaccent(c) if na else c} for r, c in history]
    it["expect"] = exp
    it["docs"] = docs
    it["frozen"] = False
    ITEMS.append(it)


def nf(question, doc, na=False, cls="not_found"):
    q(cls, question, doc, nf=True, na=na)


# ================================================================ NQ 63/2025 Hà Nội (trợ giúp xã hội)
base = D(stands(NQ63, "650.000").replace(".", ""))
stands(NQ63, "Trẻ em dưới 4 tuổi: 2.5")
stands(NQ63, "Người cao tuổi từ đủ 80 tuổi trở lên: 2.0")
stands(NQ63, "Hệ số 4,0 đối với các đối tượng từ đủ 04 tuổi")
q("lookup", "Mức chuẩn trợ giúp xã hội của Hà Nội theo Nghị quyết 63/2025/NQ-HĐND là bao nhiêu?", NQ63, "Điều 2",
  contains=["650.000"])  # fmt: skip
q("comparison", "Theo NQ 63/2025 Hà Nội, trẻ em dưới 4 tuổi có cả cha và mẹ là người khuyết tật được trợ cấp xã hội hằng tháng bao nhiêu tiền?",
  NQ63, "Điều 3", numbers=[dong(base * D("2.5"))])  # fmt: skip
q("comparison", "Người cao tuổi từ 80 tuổi trở lên ở Hà Nội được trợ cấp hằng tháng bao nhiêu theo nghị quyết 63/2025?",
  NQ63, "Điều 4", numbers=[dong(base * 2)], na=True)  # fmt: skip
q("lookup", "NQ 63/2025/NQ-HĐND có hiệu lực từ ngày nào và thay thế nghị quyết nào?", NQ63, "Điều 10",
  contains=["09/2021/NQ-HĐND"], any_=[date(1, 1, 2026)])  # fmt: skip
q("lookup", "Người đang hưởng trợ cấp hưu trí xã hội ở Hà Nội được Thành phố hỗ trợ thêm bao nhiêu mỗi tháng?", NQ63, "Điều 7",
  contains=["150.000"])  # fmt: skip
q("lists", "Theo NQ 63/2025 Hà Nội, những bệnh hiểm nghèo nào được tính để hưởng trợ cấp xã hội hằng tháng tại cộng đồng?",
  NQ63, "Điều 5", contains=["ung thư", "chạy thận nhân tạo", "xơ gan", "suy tim độ 4"], na=True)  # fmt: skip
q("conditions", "Hệ số trợ cấp nuôi dưỡng trong cơ sở trợ giúp xã hội thuộc Sở Y tế Hà Nội đối với trẻ em dưới 04 tuổi là bao nhiêu?",
  NQ63, "Điều 6", numbers=["5,0"])  # fmt: skip
q("comparison", "Mức trợ cấp nuôi dưỡng hằng tháng cho đối tượng từ đủ 4 tuổi trở lên trong cơ sở trợ giúp xã hội của Hà Nội là bao nhiêu tiền?",
  NQ63, "Điều 6", numbers=[dong(base * 4)], na=True)  # fmt: skip
q("lookup", "Kinh phí nuôi dưỡng đối tượng trong cơ sở trợ giúp xã hội theo NQ 63 Hà Nội do ngân sách cấp nào bảo đảm?", NQ63, "Điều 8",
  contains=["ngân sách Thành phố", "Sở Y tế"])  # fmt: skip
q("conditions", "Một người ở Hà Nội thuộc diện hưởng nhiều chính sách trợ cấp hằng tháng với các hệ số khác nhau thì có được hưởng tất cả không theo NQ 63/2025?",
  NQ63, "Điều 2", contains=["một mức hưởng cao nhất"])  # fmt: skip
nf("Theo NQ 63/2025 Hà Nội, mức hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội là bao nhiêu?", NQ63)
nf("Hà Nội có bao nhiêu đối tượng bảo trợ xã hội đang hưởng trợ cấp theo NQ 63/2025?", NQ63, na=True)

# ================================================================ NQ 54/2025 Hà Nội (lâm nghiệp)
q("lookup", "Theo NQ 54/2025/NQ-HĐND Hà Nội, mức khoán bảo vệ rừng phòng hộ là bao nhiêu một ha một năm?", NQ54, "Điều 4",
  contains=["1.386.000"])  # fmt: skip
q("lookup", "Kinh phí bảo vệ rừng đặc dụng bình quân cấp cho cơ quan nhà nước được giao quản lý rừng theo nghị quyết 54/2025 Hà Nội là bao nhiêu?",
  NQ54, "Điều 3", contains=["1.446.000"], na=True)  # fmt: skip
d_3 = D(1886000) - D(1446000)
stands(NQ54, "1.886.000")
q("comparison", "Kinh phí bảo vệ rừng phòng hộ cấp cho cơ quan nhà nước cao hơn rừng đặc dụng bao nhiêu đồng/ha/năm theo NQ 54 Hà Nội?",
  NQ54, "Điều 3", numbers=[dong(d_3)])  # fmt: skip
q(
    "lookup",
    "Chi phí lập hồ sơ lần đầu cho khoán bảo vệ rừng ở Hà Nội là bao nhiêu?",
    NQ54,
    "Điều 4",
    contains=["50.000"],
)
q("conditions", "Kinh phí quản lý, kiểm tra, nghiệm thu bảo vệ rừng bằng bao nhiêu phần trăm tổng kinh phí chi cho bảo vệ rừng hằng năm theo NQ 54/2025?",
  NQ54, "Điều 4", numbers=["7"], na=True)  # fmt: skip
q("lookup", "NQ 54/2025 của Hà Nội về chính sách đầu tư trong lâm nghiệp có hiệu lực từ ngày nào?", NQ54, "Điều 8",
  any_=[date(8, 12, 2025)])  # fmt: skip
q("lookup", "Theo NQ 54 Hà Nội, hỗ trợ trồng cây phân tán thực hiện theo điều nào của Nghị định 58/2024/NĐ-CP?", NQ54, "Điều 5",
  contains=["Điều 23"], na=True)  # fmt: skip
q("lists", "Nguồn kinh phí thực hiện NQ 54/2025 của Hà Nội gồm những nguồn nào?", NQ54, "Điều 6",
  contains=["Ngân sách cấp Thành phố", "ngân sách cấp xã", "dịch vụ môi trường rừng"])  # fmt: skip
stands(NQ54, "1.296.000 đồng/ha/năm")
q("comparison", "Mức khoán bảo vệ rừng đặc dụng thấp hơn mức khoán rừng phòng hộ bao nhiêu tiền một ha mỗi năm theo NQ 54/2025 Hà Nội?",
  NQ54, "Điều 4", numbers=[dong(D(1386000) - D(1296000))])  # fmt: skip
q("aggregates", "Một hộ nhận khoán bảo vệ 10 ha rừng phòng hộ ở Hà Nội thì được bao nhiêu tiền khoán mỗi năm theo NQ 54/2025?",
  NQ54, "Điều 4", numbers=[dong(D(1386000) * 10)])  # fmt: skip
nf("Theo NQ 54/2025 Hà Nội, mức hỗ trợ trồng rừng sản xuất là bao nhiêu triệu đồng một ha?", NQ54)
nf("Hà Nội có bao nhiêu ha rừng phòng hộ theo nghị quyết 54/2025?", NQ54, na=True)

# ================================================================ NQ 65/2025 Hà Nội (thể thao thành tích cao)
q("lookup", "Trưởng bộ môn thể thao thành tích cao ở Trung tâm Huấn luyện và Thi đấu thể thao Hà Nội được hỗ trợ bao nhiêu mỗi tháng?",
  NQ65, "Điều 2", contains=["1.000.000"])  # fmt: skip
q("comparison", "Trưởng bộ môn được hỗ trợ nhiều hơn Phó trưởng bộ môn bao nhiêu tiền một tháng theo NQ 65/2025 Hà Nội?",
  NQ65, "Điều 2", numbers=[dong(D(1000000) - D(stands(NQ65, "700.000").replace(".", "")))], na=True)  # fmt: skip
q("lookup", "Vận động viên Hà Nội đạt huy chương ASIAD được hỗ trợ bao nhiêu phần trăm học phí đại học theo Nghị quyết 65/2025/NQ-HĐND?",
  NQ65, "Điều 4", numbers=["100"])  # fmt: skip
q("conditions", "Mức học phí dùng để tính hỗ trợ cho vận động viên theo NQ 65 Hà Nội không được vượt quá học phí của trường nào?",
  NQ65, "Điều 4", contains=["Đại học Thể dục Thể thao Bắc Ninh"])  # fmt: skip
q("lookup", "Tổ chức đào tạo vận động viên được tuyển vào đội tuyển Tuyến 1 của Hà Nội được hỗ trợ chi phí đào tạo bằng bao nhiêu tháng tiền dinh dưỡng và tiền lương?",
  NQ65, "Điều 5", numbers=["24"])  # fmt: skip
q("lookup", "NQ 65/2025 về thể thao thành tích cao của Hà Nội có hiệu lực từ ngày nào?", NQ65, "Điều 8",
  any_=[date(1, 1, 2026)], na=True)  # fmt: skip
q("lookup", "Khoản hỗ trợ cho Trưởng, Phó Trưởng bộ môn theo NQ 65/2025 có được dùng để tính đóng bảo hiểm xã hội không?", NQ65, "Điều 2",
  contains=["không dùng để tính đóng"])  # fmt: skip
q("lists", "Vận động viên muốn được hỗ trợ học phí đại học theo NQ 65/2025 Hà Nội phải đáp ứng những điều kiện gì?", NQ65, "Điều 4",
  contains=["giấy báo nhập học", "loại trung bình trở lên", "kỷ luật thể thao", "vòng loại Thế vận hội Olympic"])  # fmt: skip
q(
    "lookup",
    "Kinh phí thực hiện NQ 65/2025 của HĐND Hà Nội lấy từ đâu?",
    NQ65,
    "Điều 6",
    contains=["Ngân sách cấp Thành phố"],
    na=True,
)
q("conditions", "Vận động viên học đại học ngành đã được Nhà nước hỗ trợ học phí có được nhận thêm hỗ trợ theo NQ 65/2025 Hà Nội không?",
  NQ65, "Điều 4", contains=["sẽ không được nhận hỗ trợ học phí"])  # fmt: skip
nf("Theo NQ 65/2025 Hà Nội, vận động viên đạt huy chương vàng SEA Games được thưởng bao nhiêu tiền?", NQ65)
nf(
    "Mức dinh dưỡng hằng ngày của vận động viên đội tuyển Hà Nội theo NQ 65/2025 là bao nhiêu đồng một người?",
    NQ65,
    na=True,
)

# ================================================================ NQ 37/2025 Huế (giảm nghèo)
q("lookup", "Nghị quyết 37/2025/NQ-HĐND của HĐND thành phố Huế sửa đổi quy định ban hành theo nghị quyết nào?", NQ37,
  contains=["20/2023/NQ-HĐND"])  # fmt: skip
q("lookup", "Nghị quyết 37/2025 của Huế có hiệu lực từ ngày nào đến ngày nào?", NQ37, "Điều 3",
  any_=[date(18, 11, 2025), date(31, 12, 2025)], na=True)  # fmt: skip
q("lookup", "Theo NQ 37/2025 Huế, mức hỗ trợ quy định tại khoản 2 Điều 10 được sửa thành bao nhiêu một hộ mỗi tháng?", NQ37, "Điều 1",
  contains=["500.000"])  # fmt: skip
q(
    "conditions",
    "Ở 5 xã A Lưới, ngân sách thành phố Huế hỗ trợ bao nhiêu phần trăm theo NQ 37/2025?",
    NQ37,
    "Điều 1",
    numbers=["80"],
)
q("comparison", "Với mức 500.000 đồng/hộ/tháng theo NQ 37/2025, ngân sách thành phố Huế chi bao nhiêu cho một hộ ở xã A Lưới 1 và bao nhiêu cho một hộ ở xã, phường khác?",
  NQ37, "Điều 1", numbers=[dong(D(500000) * D("0.8")), dong(D(500000) * D("0.5"))])  # fmt: skip
q("lookup", "Trước ngày nào hằng năm UBND xã, phường ở Huế phải lập danh sách người thuộc hộ cận nghèo tham gia bảo hiểm y tế gửi BHXH thành phố?",
  NQ37, "Điều 1", contains=["20 tháng 12"], na=True)  # fmt: skip
q("lookup", "NQ 37/2025 Huế bãi bỏ điều nào và những mẫu số nào của quy định cũ?", NQ37, "Điều 2",
  contains=["Điều 12", "mẫu số 05", "mẫu số 06", "mẫu số 07", "mẫu số 11"], na=True)  # fmt: skip
# (was 'Ai ký …', which the check set asks: a tuning question must not be a check question)
q("lookup", "Nghị quyết 37/2025/NQ-HĐND của Huế được thông qua tại kỳ họp nào?", NQ37, contains=["lần thứ 28"])
q("loose_names", "Theo NQ 37 Huế, danh sách hộ được hỗ trợ phương tiện nghe nhìn được báo cáo UBND thành phố qua sở nào?", NQ37, "Điều 1",
  contains=["Sở Khoa học và Công nghệ"])  # fmt: skip
q("lookup", "Khi có khiếu nại về kết quả xét duyệt trợ cấp xã hội hằng tháng, Chủ tịch UBND xã ở Huế phải xem xét, kết luận trong bao nhiêu ngày làm việc theo NQ 37/2025?",
  NQ37, "Điều 1", numbers=["07"])  # fmt: skip
nf(
    "Theo NQ 37/2025 Huế, ngân sách hỗ trợ bao nhiêu phần trăm mức đóng bảo hiểm y tế cho người thuộc hộ cận nghèo?",
    NQ37,
)
nf(
    "Chính sách giảm nghèo bền vững của thành phố Huế giai đoạn 2026-2030 quy định mức hỗ trợ bao nhiêu?",
    NQ37,
    na=True,
)

# ================================================================ NQ 80/2025 Hà Nội (công an cấp xã)
q("lookup", "Cán bộ, chiến sỹ Công an cấp xã ở Hà Nội được hỗ trợ bao nhiêu mỗi tháng theo NQ 80/2025?", NQ80, "Điều 3",
  contains=["4.960.000"])  # fmt: skip
q("lookup", "Nghị quyết 80/2025/NQ-HĐND Hà Nội có hiệu lực khi nào?", NQ80, "Điều 5",
  any_=[[*date(27, 11, 2025), "ngày ký"]], na=True)  # fmt: skip
q(
    "lookup",
    "NQ 80/2025 Hà Nội làm nghị quyết nào hết hiệu lực?",
    NQ80,
    "Điều 5",
    contains=["13/2024/NQ-HĐND"],
)
q("conditions", "Chiến sỹ công an xã ở Hà Nội đồng thời thuộc đối tượng của NQ 38/2024/NQ-HĐND thì được hưởng thế nào theo NQ 80/2025?",
  NQ80, "Điều 3", contains=["01 mức hỗ trợ cao nhất"])  # fmt: skip
q("lookup", "Kinh phí hỗ trợ công an cấp xã theo NQ 80/2025 Hà Nội được bố trí ở đâu?", NQ80, "Điều 3",
  contains=["dự toán ngân sách Thành phố giao cho Công an Thành phố"], na=True)  # fmt: skip
q(
    "lookup",
    "NQ 80/2025 bãi bỏ cụm từ nào trong Nghị quyết 38/2024/NQ-HĐND?",
    NQ80,
    "Điều 5",
    contains=["Công an cấp huyện"],
)
q("aggregates", "Trong 12 tháng, mỗi cán bộ công an cấp xã Hà Nội được hỗ trợ tổng cộng bao nhiêu tiền theo NQ 80/2025?", NQ80, "Điều 3",
  numbers=[dong(D(4960000) * 12)])  # fmt: skip
nf("Theo NQ 80/2025 Hà Nội, thành phố có bao nhiêu cán bộ, chiến sỹ công an cấp xã được hỗ trợ?", NQ80)
nf("Mức hỗ trợ hằng tháng cho công an xã của thành phố Hải Phòng năm 2025 là bao nhiêu?", NQ80, na=True)

# ================================================================ KH 160/KH-UBND Cần Thơ (giám sát giảm nghèo)
q(
    "lookup",
    "Kế hoạch 160/KH-UBND của Cần Thơ do ai ký, ngày nào?",
    KH160,
    contains=["Trần Chí Hùng"],
    any_=[date(19, 11, 2025)],
)
q("sections", "KH 160/KH-UBND Cần Thơ gồm những phần nào?", KH160,
  contains=["MỤC ĐÍCH", "ĐỐI TƯỢNG", "NỘI DUNG GIÁM SÁT", "PHƯƠNG PHÁP", "KINH PHÍ", "TỔ CHỨC THỰC HIỆN"])  # fmt: skip
q("loose_names", "Sở NN&MT Cần Thơ có nhiệm vụ gì trong kế hoạch giám sát chương trình giảm nghèo năm 2025?", KH160, "VI.1",
  contains=["giám sát, đánh giá đối với cấp xã", "khắc phục những tồn tại"])  # fmt: skip
q("lookup", "Kinh phí thực hiện kế hoạch giám sát, đánh giá chương trình giảm nghèo Cần Thơ 2025 lấy từ nguồn nào?", KH160, "V",
  contains=["ngân sách Trung ương", "đối ứng"], na=True)  # fmt: skip
q("lists", "Phương pháp giám sát, đánh giá trong KH 160 Cần Thơ gồm những gì?", KH160, "IV.1",
  contains=["Thu thập các văn bản", "Khảo sát, kiểm tra thực tế", "Tham vấn địa phương", "Tham vấn các đối tượng thụ hưởng"])  # fmt: skip
q("lists", "Kế hoạch 160 của UBND thành phố Cần Thơ căn cứ những văn bản nào?", KH160,
  contains=["10/2022/TT-BLĐTBXH", "55/2023/TT-BTC", "75/2024/TT-BTC", "77/KH-UBND", "206/NQ-HĐND", "2140/QĐ-UBND"], na=True)  # fmt: skip
q("lookup", "UBND cấp xã ở Cần Thơ phải làm gì theo KH 160 về giám sát, đánh giá chương trình giảm nghèo?", KH160, "VI.4",
  contains=["Phê duyệt kế hoạch giám sát", "Báo cáo Ban Chỉ đạo"])  # fmt: skip
q("lookup", "Công tác giám sát, đánh giá theo KH 160/KH-UBND Cần Thơ được tiến hành vào thời gian nào, có giám sát đột xuất không?",
  KH160, "II.2", contains=["thường xuyên, liên tục trong năm 2025", "đột xuất"])  # fmt: skip
q("followups", "Còn các Sở, ngành chủ trì dự án thành phần thì báo cáo kết quả gửi ai?", KH160, "VI.2",
  contains=["gửi Sở Nông nghiệp và Môi trường"],
  history=[("user", "Sở Nông nghiệp và Môi trường Cần Thơ làm gì trong KH 160 về giám sát giảm nghèo?")])  # fmt: skip
q(
    "sections",
    "Mục III của KH 160 Cần Thơ nói về gì?",
    KH160,
    "III",
    contains=["Nội dung giám sát", "Nội dung đánh giá"],
    na=True,
)
nf("KH 160/KH-UBND Cần Thơ: tổng kinh phí giám sát năm 2025 là bao nhiêu triệu đồng?", KH160)
nf("Tỷ lệ hộ nghèo của thành phố Cần Thơ năm 2025 là bao nhiêu phần trăm?", KH160, na=True)
nf("Theo KH 160 Cần Thơ, đoàn giám sát làm việc tại xã Phong Điền vào ngày nào?", KH160)

# ================================================================ KH 982/KH-UBND Nghệ An (đợt thi đua)
q(
    "lookup",
    "KH 982/KH-UBND Nghệ An về đợt thi đua chào mừng Đại hội XIV do ai ký?",
    KH982,
    contains=["Phùng Thành Vinh"],
)
q("lists", "Đợt thi đua theo KH 982 Nghệ An có những hình thức khen thưởng nào?", KH982, "III",
  contains=["Huân chương Lao động", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Chủ tịch UBND tỉnh", "Giấy khen"])  # fmt: skip
q("lookup", "Đợt thi đua chào mừng Đại hội XIV của Nghệ An kéo dài đến khi nào?", KH982, "V",
  contains=["tổ chức thành công Đại hội đại biểu toàn quốc lần thứ XIV"], na=True)  # fmt: skip
q(
    "loose_names",
    "Sở NV Nghệ An có trách nhiệm gì trong KH 982?",
    KH982,
    "V",
    contains=["hướng dẫn khen thưởng Đợt thi đua"],
)
q("aggregates", "KH 982 Nghệ An nêu bao nhiêu nội dung thi đua chủ yếu?", KH982, "II", numbers=["5"])
q("lists", "Tiêu chí thi đua đối với doanh nghiệp trong KH 982/KH-UBND Nghệ An là gì?", KH982, "III",
  contains=["Sản xuất kinh doanh hiệu quả", "sáng chế, phát minh", "trách nhiệm xã hội"], na=True)  # fmt: skip
q(
    "lookup",
    "KH 982 Nghệ An được ban hành để thực hiện quyết định nào của Thủ tướng Chính phủ?",
    KH982,
    contains=["2437/QĐ-TTg"],
)
q("lookup", "Vướng mắc khi thực hiện kế hoạch thi đua 982 của Nghệ An thì gửi phản ánh về đâu?", KH982,
  contains=["Phòng Thi đua - Khen thưởng"])  # fmt: skip
q("loose_names", "Sở Văn hóa, Thể thao và Du lịch Nghệ An phối hợp với cơ quan nào để tuyên truyền đợt thi đua?", KH982, "V",
  contains=["Ban Tuyên giáo và Dân vận Tỉnh ủy"], na=True)  # fmt: skip
nf("Theo KH 982 Nghệ An, tiền thưởng kèm Bằng khen của Chủ tịch UBND tỉnh là bao nhiêu?", KH982)
nf("Hạn nộp hồ sơ đề nghị khen thưởng đợt thi đua theo KH 982/KH-UBND là ngày nào?", KH982)
nf("Kế hoạch 982 của tỉnh Hà Tĩnh về thi đua quy định gì?", KH982, na=True)

# ================================================================ KH 597/KH-UBND Đồng Tháp (chuyển đổi số giao thông)
q("lookup", "KH 597/KH-UBND Đồng Tháp về chuyển đổi số hạ tầng giao thông ký ngày nào, ai ký?", KH597,
  contains=["Nguyễn Thành Diệu"], any_=[date(27, 11, 2025)])  # fmt: skip
q("lookup", "Hằng năm các cơ quan báo cáo kết quả thực hiện KH 597 Đồng Tháp trước ngày nào, gửi về đâu?", KH597,
  contains=["30 tháng 11", "Sở Xây dựng"], na=True)  # fmt: skip
q("loose_names", "Công an tỉnh Đồng Tháp được giao gì trong kế hoạch chuyển đổi số hạ tầng giao thông?", KH597, "V.5",
  contains=["xử lý vi phạm trật tự an toàn giao thông", "phạt nguội", "an toàn thông tin mạng"])  # fmt: skip
q("loose_names", "So Tai chinh Dong Thap lam gi trong ke hoach 597?", KH597, "V.3",
  contains=["Phân bổ ngân sách hợp lý", "sử dụng đúng mục đích"])  # fmt: skip
q("lists", "Mục tiêu cụ thể đến năm 2030 của KH 597 Đồng Tháp là gì?", KH597, "II.2",
  contains=["GIS, BIM", "Trung tâm IOC", "100% hồ sơ", "IoT, AI và Big Data", "dịch vụ công trực tuyến"])  # fmt: skip
q("lists", "Nền tảng quản lý thu phí, thanh toán điện tử trong giao thông theo KH 597 Đồng Tháp gồm những hệ thống nào?", KH597, "III",
  contains=["thu phí điện tử không dừng", "kiểm soát thẻ vé", "bãi đỗ xe"], na=True)  # fmt: skip
q(
    "lookup",
    "KH 597 Đồng Tháp căn cứ chiến lược chuyển đổi số nào của Bộ Xây dựng?",
    KH597,
    contains=["1644/QĐ-BXD"],
)
q("lists", "Sở Nông nghiệp và Môi trường Đồng Tháp có những nhiệm vụ gì trong KH 597?", KH597, "V.4",
  contains=["dữ liệu đất đai", "bản đồ số quy hoạch", "Chuẩn hóa dữ liệu không gian"])  # fmt: skip
q("sections", "Phần III của Kế hoạch 597/KH-UBND Đồng Tháp gồm những nhiệm vụ, giải pháp nào?", KH597, "III",
  contains=["Hoàn thiện thể chế", "Phát triển hạ tầng số", "Phát triển dữ liệu số", "an ninh mạng", "nguồn nhân lực"])  # fmt: skip
q("loose_names", "UBND cap xa o Dong Thap co phai ung dung BIM khong theo KH 597?", KH597, "V.6",
  contains=["công nghệ BIM trong quản lý dự án xây dựng công trình giao thông"])  # fmt: skip
nf("Tổng kinh phí thực hiện KH 597/KH-UBND Đồng Tháp là bao nhiêu tỷ đồng?", KH597)
nf("Sở Giao thông vận tải Đồng Tháp được giao nhiệm vụ gì trong KH 597?", KH597)
nf("Đồng Tháp hiện có bao nhiêu camera giám sát giao thông theo kế hoạch 597?", KH597, na=True)

# ================================================================ CV 1539/VLO-QLDN3 Thuế tỉnh Vĩnh Long
q("lookup", "Công văn 1539/VLO-QLDN3 của Thuế tỉnh Vĩnh Long trả lời doanh nghiệp nào, về việc gì?", CV1539,
  contains=["BIA SÀI GÒN"], any_=[["trả lãi tiền vay cho cổ đông", "lãi suất 0%", "vay tiền cổ đông"]])  # fmt: skip
q("lookup", "Cổ đông cá nhân cho công ty vay lãi suất 0% thì thuế suất thu nhập từ đầu tư vốn là bao nhiêu theo công văn 1539 Thuế Vĩnh Long?",
  CV1539, numbers=["5"], na=True)  # fmt: skip
q("conditions", "Theo CV 1539/VLO-QLDN3, cổ đông cá nhân cho doanh nghiệp vay ít nhất bao nhiêu phần trăm vốn góp của chủ sở hữu thì được xác định có quan hệ liên kết?",
  CV1539, numbers=["10"])  # fmt: skip
q("lookup", "Tổng chi phí lãi vay được trừ của doanh nghiệp có giao dịch liên kết không vượt quá bao nhiêu phần trăm theo quy định được trích trong CV 1539 của Thuế Vĩnh Long?",
  CV1539, numbers=["30"])  # fmt: skip
q("lookup", "Ai ký Công văn 1539/VLO-QLDN3?", CV1539, contains=["Huỳnh Minh Giám"], na=True)
q("lookup", "Công ty vay tiền cổ đông lãi suất 0% có thuộc diện ấn định thuế không theo Thuế tỉnh Vĩnh Long?", CV1539,
  contains=["ấn định thuế", "điểm đ khoản 1 Điều 50"])  # fmt: skip
q("lookup", "Theo công văn của Thuế Vĩnh Long về trả lãi vay cho cổ đông, phần chi phí lãi vay không được trừ được chuyển sang kỳ sau tối đa bao nhiêu năm?",
  CV1539, numbers=["05"], na=True)  # fmt: skip
nf("CV 1539/VLO-QLDN3 cho biết Công ty Bia Sài Gòn – Bến Tre vay cổ đông bao nhiêu tỷ đồng?", CV1539)
nf(
    "Thuế tỉnh Vĩnh Long cho biết thuế suất thuế TNDN của Công ty Bia Sài Gòn – Bến Tre năm 2025 là bao nhiêu?",
    CV1539,
)

# ================================================================ CV 5363/CT-CS Cục Thuế (lệ phí trước bạ)
q("lookup", "Công văn 5363/CT-CS của Cục Thuế gửi ai và về việc gì?", CV5363, "Kính gửi",
  contains=["Thuế tỉnh, thành phố", "Bảng giá tính lệ phí trước bạ"])  # fmt: skip
q("lookup", "Theo công văn 5363 của Cục Thuế, Bảng giá tính lệ phí trước bạ ô tô, xe máy mới áp dụng cho địa phương từ ngày nào?", CV5363,
  any_=[date(1, 1, 2026)], na=True)  # fmt: skip
q("lookup", "Đến hết năm 2025, nếu UBND tỉnh chưa ban hành Bảng giá tính lệ phí trước bạ ô tô, xe máy thì áp dụng bảng giá nào theo CV 5363/CT-CS?",
  CV5363, contains=["Bộ Tài chính ban hành"])  # fmt: skip
q("lookup", "Theo CV 5363/CT-CS, Nghị định 175/2025/NĐ-CP sửa đổi nghị định nào và có hiệu lực từ ngày nào?", CV5363,
  contains=["10/2022/NĐ-CP"], any_=[["01/7/2025", "01/07/2025", "1/7/2025"]])  # fmt: skip
q("lookup", "Ai ký công văn 5363/CT-CS?", CV5363, contains=["Đặng Ngọc Minh"], na=True)
q("lists", "CV 5363/CT-CS nhắc đến những văn bản nào Cục Thuế đã ban hành trước đó về lệ phí trước bạ?", CV5363,
  contains=["102/CĐ-CT", "3316/CT-CS"])  # fmt: skip
q("loose_names", "Co quan thue cap tinh co trach nhiem gi voi bang gia tinh LPTB o to theo TT 67/2025/TT-BTC duoc dan trong CV 5363?",
  CV5363, contains=["cơ sở dữ liệu giá"])  # fmt: skip
nf("Theo CV 5363/CT-CS, mức thu lệ phí trước bạ ô tô con lần đầu là bao nhiêu phần trăm?", CV5363)
nf("Giá tính lệ phí trước bạ xe Toyota Vios 2025 là bao nhiêu?", CV5363, na=True)

# ================================================================ CV 11414/VPCP-CN (cao tốc)
q(
    "lookup",
    "Công văn 11414/VPCP-CN truyền đạt ý kiến của Phó Thủ tướng nào?",
    CV11414,
    contains=["Hồ Đức Phớc"],
)
q("loose_names", "UBND tỉnh Đồng Nai phải bàn giao mặt bằng dự án cao tốc Bến Lức - Long Thành trước ngày nào theo CV 11414?", CV11414, "1",
  contains=["30 tháng 11 năm 2025"], numbers=["0,3"])  # fmt: skip
q("lookup", "Bộ Xây dựng được giao gì trong công văn 11414 về cao tốc Biên Hòa - Vũng Tàu?", CV11414, "3",
  contains=["thông xe tuyến chính"], na=True)  # fmt: skip
q("lookup", "TP Hồ Chí Minh được giao đẩy nhanh dự án thành phần nào của cao tốc Biên Hòa - Vũng Tàu theo CV 11414/VPCP-CN?", CV11414, "2",
  contains=["Dự án thành phần 3"])  # fmt: skip
q("lists", "Công văn 11414/VPCP-CN gửi những ai?", CV11414, "Kính gửi",
  contains=["Bộ trưởng Bộ Xây dựng", "Thành phố Hồ Chí Minh", "tỉnh Đồng Nai"], na=True)  # fmt: skip
q("lookup", "Ai ký công văn 11414/VPCP-CN?", CV11414, contains=["Phạm Mạnh Cường"])
q("followups", "Còn về nguồn vật liệu đá thì tỉnh đó phải làm gì?", CV11414, "1", contains=["phân khai khối lượng đá"],
  history=[("user", "Theo CV 11414, UBND tỉnh Đồng Nai phải làm gì về giải phóng mặt bằng?")])  # fmt: skip
nf("Theo CV 11414/VPCP-CN, tổng mức đầu tư dự án cao tốc Biên Hòa - Vũng Tàu là bao nhiêu?", CV11414)
nf("Cao tốc Bến Lức - Long Thành dài bao nhiêu km?", CV11414, na=True)

# ================================================================ TB 634/TB-VPCP (Thanh Hóa)
q("lookup", "Thông báo 634/TB-VPCP kết luận buổi làm việc của Thủ tướng với tỉnh nào, vào thời gian nào?", TB634,
  contains=["Thanh Hóa"], any_=[["08 đến ngày 09 tháng 11 năm 2025", "08-09/11/2025", "8-9/11/2025", "08 - 09/11/2025"]])  # fmt: skip
q(
    "lookup",
    "Tăng trưởng kinh tế 9 tháng năm 2025 của Thanh Hóa ước đạt bao nhiêu theo TB 634?",
    TB634,
    "I.1",
    numbers=["8,19"],
)
gn = D("66.7") - D("54.4")
stands(TB634, "66,7%")
stands(TB634, "54,4%")
q("comparison", "Tỷ lệ giải ngân đầu tư công của Thanh Hóa cao hơn bình quân cả nước bao nhiêu điểm phần trăm theo TB 634/TB-VPCP?", TB634, "I.1",
  numbers=[vn(gn)])  # fmt: skip
q("comparison", "Xuất khẩu Thanh Hóa tăng bao nhiêu so với bình quân cả nước theo thông báo 634?", TB634, "I.1",
  numbers=["18,3", "16,2"], na=True)  # fmt: skip
q("loose_names", "Bộ NV được giao nghiên cứu việc gì trong TB 634 và hạn khi nào?", TB634, "III.8",
  contains=["từ 2 lên 3", "30 tháng 11 năm 2025"])  # fmt: skip
q("direction", "Trong các kiến nghị của Thanh Hóa ở TB 634/TB-VPCP, việc nào có hạn báo cáo sớm nhất và giao cho ai?", TB634, "III.8",
  contains=["Bộ Nội vụ", "30 tháng 11 năm 2025"])  # fmt: skip
q("lookup", "Theo TB 634, bao nhiêu thôn, bản ở Thanh Hóa còn lõm sóng và ai được giao phủ sóng?", TB634, "III.9", numbers=["19"],
  contains=["Bưu chính Viễn thông Việt Nam", "Công nghiệp - Viễn thông Quân đội"])  # fmt: skip
q("lookup", "Số vốn dư không có khả năng giải ngân năm 2025 của Thanh Hóa khoảng bao nhiêu và phải báo cáo khi nào?", TB634, "III.5",
  contains=["1.500 tỷ đồng", "Quý I năm 2026"])  # fmt: skip
q("lookup", "Thông báo 634/TB-VPCP do ai ký?", TB634, contains=["Trịnh Mạnh Linh"], na=True)
q("lookup", "Đội ngũ cán bộ, công chức cấp xã của Thanh Hóa được bố trí trung bình bao nhiêu người một xã theo TB 634?", TB634, "I.2",
  numbers=["64"], na=True)  # fmt: skip
q("lookup", "Bộ Xây dựng phải báo cáo Thủ tướng kết quả bàn giao dự án nạo vét luồng tàu Nghi Sơn trước ngày nào?", TB634, "III.2",
  contains=["31 tháng 12 năm 2025"])  # fmt: skip
q("ties", "Những kiến nghị nào trong TB 634 phải báo cáo Thủ tướng Chính phủ trong tháng 12 năm 2025?", TB634, "III",
  contains=["66.4/2025/NQ-CP", "giai đoạn 2 của nhà máy", "kho dầu thô"])  # fmt: skip
q("lookup", "Bộ Tài chính phải báo cáo phương án xử lý vốn dự án đường ven biển Hoằng Hóa - Sầm Sơn trước ngày nào?", TB634, "III.7",
  contains=["25 tháng 12 năm 2025"], na=True)  # fmt: skip
nf("Theo TB 634/TB-VPCP, GRDP bình quân đầu người của Thanh Hóa năm 2025 là bao nhiêu?", TB634)
nf("Thông báo 634/TB-VPCP giao tỉnh Nghệ An nhiệm vụ gì?", TB634)
nf("Thu ngân sách của Thanh Hóa 10 tháng năm 2025 đạt bao nhiêu tỷ đồng?", TB634, na=True)

# ================================================================ CĐ 223/CĐ-TTg (lũ)
q(
    "lookup",
    "Công điện 223/CĐ-TTg yêu cầu ứng phó lũ tại những tỉnh nào?",
    CD223,
    contains=["Khánh Hòa", "Đắk Lắk", "Gia Lai"],
)
q("lookup", "Ai ký Công điện 223/CĐ-TTg?", CD223, contains=["Hồ Quốc Dũng"])
q(
    "loose_names",
    "Bo GD&DT duoc giao gi trong cong dien 223?",
    CD223,
    "6",
    contains=["an toàn cho học sinh và giáo viên"],
)
q("lookup", "CĐ 223 yêu cầu Bộ Quốc phòng, Bộ Công an huy động những phương tiện gì?", CD223, "3",
  contains=["máy bay trực thăng", "thiết bị bay không người lái"])  # fmt: skip
q("lists", "Công điện 223/CĐ-TTg là công điện tiếp theo những công điện nào?", CD223,
  contains=["217/CĐ-TTg", "218/CĐ-TTg", "219/CĐ-TTg", "222/CĐ-TTg"], na=True)  # fmt: skip
q(
    "loose_names",
    "Bộ YT có nhiệm vụ gì theo CĐ 223 về mưa lũ?",
    CD223,
    "7",
    contains=["dịch vụ y tế khẩn cấp", "phòng chống dịch bệnh"],
)
q("lookup", "Theo CĐ 223, cần ưu tiên tiếp tế loại thực phẩm nào cho người dân vùng lũ?", CD223, "2",
  contains=["lương khô", "bánh mì"], na=True)  # fmt: skip
q("followups", "Thế còn Bộ Tài chính?", CD223, "8", contains=["xuất cấp các phương tiện, trang thiết bị"],
  history=[("user", "Trong công điện 223/CĐ-TTg, Bộ Y tế được giao gì?")])  # fmt: skip
nf("Theo Công điện 223/CĐ-TTg, có bao nhiêu người chết và mất tích do lũ?", CD223)
nf("Công điện 223/CĐ-TTg yêu cầu các tỉnh báo cáo trước ngày nào?", CD223, na=True)
nf("Công điện 223/CĐ-TTg giao nhiệm vụ gì cho tỉnh Quảng Ngãi?", CD223)

# ================================================================ TT 37/2025/TT-BXD (giá kiểm định tàu biển)
q("lookup", "Thông tư 37/2025/TT-BXD quy định về giá dịch vụ gì?", TT37,
  contains=["kiểm định, kiểm tra sản phẩm công nghiệp sử dụng trên tàu biển"])  # fmt: skip
q("lookup", "TT 37/2025/TT-BXD có hiệu lực từ ngày nào?", TT37, "Điều 4", any_=[date(8, 1, 2026)])
q("lookup", "Thông tư 37/2025 của Bộ Xây dựng có áp dụng cho tàu cá không?", TT37, "Điều 1",
  contains=["trừ tàu biển, phương tiện thủy nội địa"], na=True)  # fmt: skip
q("conditions", "Theo TT 37/2025/TT-BXD, nếu khách hàng yêu cầu kiểm định vào ngày nghỉ thì đơn vị kiểm định được thu thêm gì?", TT37, "Điều 2",
  contains=["chi phí tiền lương phát sinh"])  # fmt: skip
q(
    "loose_names",
    "Cục ĐKVN có trách nhiệm gì theo Thông tư 37/2025/TT-BXD?",
    TT37,
    "Điều 3",
    contains=["kê khai giá", "khoản 5 Điều 28"],
)
q("lookup", "Ai ký TT 37/2025/TT-BXD?", TT37, contains=["Nguyễn Xuân Sang"], na=True)
q("across", "Thông tư 36/2025/TT-BXD và Thông tư 37/2025/TT-BXD quy định giá kiểm định cho những đối tượng khác nhau thế nào?", TT37,
  contains=["thiết bị xếp dỡ", "tàu biển"], more=[(TT36, "")])  # fmt: skip
q("lists", "Giá dịch vụ kiểm định sản phẩm công nghiệp trên tàu biển theo TT 37/2025 chưa bao gồm những khoản nào?", TT37, "Điều 2",
  contains=["thuế giá trị gia tăng", "lệ phí cấp giấy chứng nhận", "lưu trú", "ngoài giờ"])  # fmt: skip
nf("Theo TT 37/2025/TT-BXD, giá tối đa kiểm định một nồi hơi trên tàu biển là bao nhiêu đồng?", TT37)
nf("Thông tư 37/2025/TT-BXD thay thế thông tư nào?", TT37)

# ================================================================ TT 23/2025/TT-BTP (phân cấp tổ chức cán bộ)
q(
    "lookup",
    "Thông tư 23/2025/TT-BTP có hiệu lực từ khi nào?",
    TT23,
    "Điều 21",
    any_=[[*date(20, 11, 2025), "ngày ký"]],
)
q(
    "lookup",
    "Ai ký TT 23/2025/TT-BTP về phân cấp quản lý tổ chức cán bộ của Bộ Tư pháp?",
    TT23,
    contains=["Nguyễn Hải Ninh"],
    na=True,
)
q("sections", "Thông tư 23/2025/TT-BTP gồm mấy chương, đó là những chương nào?", TT23, numbers=["4"],
  contains=["QUY ĐỊNH CHUNG", "TỔ CHỨC BỘ", "QUẢN LÝ, SỬ DỤNG", "TỔ CHỨC THỰC HIỆN"])  # fmt: skip
q("lookup", "Theo TT 23/2025 của Bộ Tư pháp, đơn vị sự nghiệp thuộc Bộ nhóm 2 là đơn vị thế nào?", TT23, "Điều 2",
  contains=["tự bảo đảm chi thường xuyên"])  # fmt: skip
q("conditions", "Người đứng đầu đơn vị sự nghiệp thuộc Bộ nhóm nào được giải quyết chế độ tinh giản biên chế theo TT 23/2025/TT-BTP?",
  TT23, "Điều 5", contains=["nhóm 1", "nhóm 2", "tinh giản biên chế"])  # fmt: skip
q("lookup", "Hiệu trưởng Trường Đại học Luật Hà Nội có được cử viên chức đi đào tạo ở nước ngoài không theo Thông tư 23/2025/TT-BTP?",
  TT23, "Điều 8", contains=["nước ngoài", "Vụ Hợp tác quốc tế"], na=True)  # fmt: skip
q("lists", "Bộ trưởng Bộ Tư pháp thu hồi hoặc tạm dừng thẩm quyền đã phân cấp trong những trường hợp nào?", TT23, "Điều 18",
  contains=["không thể tiếp tục phân cấp", "mất đoàn kết nội bộ", "Các trường hợp khác"])  # fmt: skip
q("lookup", "Ai quản lý hồ sơ của Cục trưởng Cục Quản lý Thi hành án dân sự theo TT 23/2025?", TT23, "Điều 14",
  contains=["Vụ trưởng Vụ Tổ chức cán bộ"])  # fmt: skip
q("sections", "Điều 12 TT 23/2025/TT-BTP quy định gì?", TT23, "Điều 12", contains=["nâng bậc lương"], na=True)
nf("Theo TT 23/2025/TT-BTP, Bộ Tư pháp có bao nhiêu đơn vị sự nghiệp công lập?", TT23)
nf("Điều 25 Thông tư 23/2025/TT-BTP quy định gì?", TT23, na=True)

# ================================================================ QĐ 137/2025/QĐ-UBND Đồng Tháp (giờ bán xăng dầu)
q("lookup", "Theo QĐ 137/2025/QĐ-UBND Đồng Tháp, cửa hàng xăng dầu phải bán hàng tối thiểu bao nhiêu giờ một ngày?", QD137, "Điều 3",
  numbers=["12"])  # fmt: skip
q("conditions", "Cây xăng ở Đồng Tháp phải mở cửa muộn nhất lúc mấy giờ và đóng cửa sớm nhất lúc mấy giờ?", QD137, "Điều 3",
  numbers=["06", "18"], na=True)  # fmt: skip
q(
    "lookup",
    "QĐ 137/2025/QĐ-UBND của Đồng Tháp có hiệu lực từ ngày nào?",
    QD137,
    "Điều 7",
    any_=[date(1, 12, 2025)],
)
q("lists", "Cửa hàng bán lẻ xăng dầu ở Đồng Tháp được dừng bán hàng trong những trường hợp nào?", QD137, "Điều 4",
  contains=["nâng cấp, sửa chữa", "văn bản yêu cầu", "bất khả kháng"], na=True)  # fmt: skip
q("lookup", "Muốn tạm dừng bán xăng để sửa chữa cửa hàng ở Đồng Tháp, doanh nghiệp phải gửi thông báo cho cơ quan nào?", QD137, "Điều 5",
  contains=["Sở Công Thương"])  # fmt: skip
q(
    "lookup",
    "Cây xăng trên quốc lộ, cao tốc ở Đồng Tháp được khuyến khích mở cửa thế nào?",
    QD137,
    "Điều 3",
    contains=["24/24"],
)
q("followups", "Nếu cần kéo dài thời gian dừng bán thì doanh nghiệp phải làm gì?", QD137, "Điều 5",
  contains=["kéo dài thời gian dừng bán hàng"],
  history=[("user", "Theo QĐ 137 Đồng Tháp, doanh nghiệp xăng dầu dừng bán hàng để cải tạo cửa hàng thì thông báo thế nào?")])  # fmt: skip
nf("Theo QĐ 137/2025 Đồng Tháp, cửa hàng xăng dầu vi phạm giờ bán hàng bị phạt bao nhiêu tiền?", QD137)
nf("Đồng Tháp có bao nhiêu cửa hàng bán lẻ xăng dầu?", QD137, na=True)

# ================================================================ QĐ 2519/QĐ-UBND Cần Thơ (Trung tâm PVHCC)
q("lookup", "Quyết định 2519/QĐ-UBND của Cần Thơ quy định chức năng, nhiệm vụ của đơn vị nào?", QD2519,
  contains=["Trung tâm Phục vụ hành chính công"])  # fmt: skip
q("lookup", "Trung tâm Phục vụ hành chính công thành phố Cần Thơ trực thuộc cơ quan nào, có con dấu riêng không?", QD2519, "Điều 1",
  contains=["Văn phòng Ủy ban nhân dân thành phố", "con dấu và tài khoản riêng"])  # fmt: skip
q("lookup", "Quyết định 2519/QĐ-UBND Cần Thơ có hiệu lực khi nào, ai ký?", QD2519, contains=["Trương Cảnh Tuyên"],
  any_=[[*date(19, 11, 2025), "ngày ký"]], na=True)  # fmt: skip
q(
    "lookup",
    "Trung tâm Phục vụ hành chính công Cần Thơ được thành lập theo quyết định nào?",
    QD2519,
    contains=["816/QĐ-UBND"],
)
q("lists", "Trung tâm PVHCC Cần Thơ cung cấp những dịch vụ hỗ trợ nào cho tổ chức, cá nhân theo QĐ 2519?", QD2519, "Điều 2",
  contains=["pháp lý", "phiên dịch tiếng nước ngoài", "sao chụp, in ấn"])  # fmt: skip
q("aggregates", "Về kiểm soát thủ tục hành chính, QĐ 2519 Cần Thơ giao Trung tâm Phục vụ hành chính công bao nhiêu nhiệm vụ?", QD2519,
  "Điều 2", numbers=["7"], na=True)  # fmt: skip
q("lookup", "Theo QĐ 2519, Trung tâm PVHCC Cần Thơ có được từ chối tiếp nhận hồ sơ không?", QD2519, "Điều 2",
  contains=["từ chối tiếp nhận đối với hồ sơ chưa đúng quy định"])  # fmt: skip
nf("Trung tâm Phục vụ hành chính công TP Cần Thơ được giao bao nhiêu biên chế theo QĐ 2519?", QD2519)
nf("Giám đốc Trung tâm Phục vụ hành chính công Cần Thơ là ai?", QD2519, na=True)

# ================================================================ QĐ 2691/QĐ-UBND Quảng Trị (TTHC nội bộ in a PHỤ LỤC)
q("lookup", "QĐ 2691/QĐ-UBND Quảng Trị công bố bao nhiêu thủ tục hành chính nội bộ, là những thủ tục nào?", QD2691, numbers=["02"],
  contains=["công nhận báo cáo viên pháp luật cấp tỉnh", "miễn nhiệm báo cáo viên pháp luật cấp tỉnh"])  # fmt: skip
q("conditions", "Người không có bằng đại học luật muốn làm báo cáo viên pháp luật cấp tỉnh Quảng Trị phải có thời gian công tác liên quan đến pháp luật ít nhất bao nhiêu năm?",
  QD2691, numbers=["03"])  # fmt: skip
q("lookup", "Thủ tục công nhận báo cáo viên pháp luật cấp tỉnh Quảng Trị có mất phí, lệ phí không?", QD2691,
  contains=["Không quy định"], na=True)  # fmt: skip
q("lookup", "Trong bao nhiêu ngày làm việc Chủ tịch UBND tỉnh Quảng Trị ra quyết định công nhận báo cáo viên pháp luật sau khi nhận văn bản đề nghị đầy đủ?",
  QD2691, numbers=["05"])  # fmt: skip
q("lists", "Các trường hợp miễn nhiệm báo cáo viên pháp luật theo QĐ 2691 Quảng Trị gồm những gì?", QD2691,
  contains=["Tự nguyện xin thôi", "03 lần trở lên", "Bị Toà án kết án", "Mất năng lực hành vi dân sự"], na=True)  # fmt: skip
q("lookup", "Ai ký Quyết định 2691/QĐ-UBND của Quảng Trị?", QD2691, contains=["Hoàng Xuân Tân"])
q("lookup", "QĐ 2691 Quảng Trị căn cứ quyết định nào của Bộ Tư pháp?", QD2691, contains=["3100/QĐ-BTP"])
q("followups", "Còn thủ tục miễn nhiệm thì văn bản đề nghị phải có những thông tin gì?", QD2691,
  contains=["Lý do của việc đề nghị miễn nhiệm", "Quyết định công nhận báo cáo viên pháp luật"],
  history=[("user", "Hồ sơ đề nghị công nhận báo cáo viên pháp luật cấp tỉnh Quảng Trị gồm những gì?")])  # fmt: skip
nf(
    "Theo QĐ 2691/QĐ-UBND Quảng Trị, thủ tục công nhận tuyên truyền viên pháp luật cấp xã thực hiện thế nào?",
    QD2691,
)
nf("Quảng Trị hiện có bao nhiêu báo cáo viên pháp luật cấp tỉnh?", QD2691, na=True)

# ================================================================ QĐ 38/2025/QĐ-UBND Cần Thơ (phân cấp cho Sở Công Thương)
q("lists", "QĐ 38/2025/QĐ-UBND Cần Thơ phân cấp cho Sở Công Thương những nội dung gì?", QD38, "Điều 2",
  contains=["C/O", "tự chứng nhận xuất xứ", "quá cảnh", "tàu bay không người lái"])  # fmt: skip
q(
    "lookup",
    "Quyết định 38/2025/QĐ-UBND Cần Thơ có hiệu lực từ ngày nào?",
    QD38,
    "Điều 4",
    any_=[date(5, 12, 2025)],
    na=True,
)
q("conditions", "Cấp phép nhập khẩu tàu bay không người lái ở Cần Thơ theo QĐ 38/2025 cần ý kiến thống nhất của những bộ nào?", QD38, "Điều 2",
  contains=["Bộ Quốc phòng", "Bộ Công an"])  # fmt: skip
q("lookup", "QĐ 38/2025 Cần Thơ căn cứ nghị định nào về phân quyền, phân cấp trong lĩnh vực công nghiệp và thương mại?", QD38,
  contains=["146/2025/NĐ-CP"], na=True)  # fmt: skip
q("loose_names", "Sở CT Cần Thơ có trách nhiệm gì khi được phân cấp theo QĐ 38?", QD38, "Điều 3",
  contains=["định kỳ báo cáo", "Điều 5 Thông tư số 40/2025/TT-BCT"])  # fmt: skip
nf("Theo QĐ 38/2025/QĐ-UBND Cần Thơ, lệ phí cấp Giấy chứng nhận xuất xứ hàng hóa là bao nhiêu?", QD38)

# ================================================================ QĐ 44/2025/QĐ-UBND Quảng Ngãi (phân cấp định mức máy móc)
kontum = ["09/2019/QĐ-UBND", "06/2020/QĐ-UBND", "42/2020/QĐ-UBND", "02/2021/QĐ-UBND", "31/2022/QĐ-UBND",
          "60/2023/QĐ-UBND", "29/2024/QĐ-UBND", "76/2024/QĐ-UBND"]  # fmt: skip
q(
    "lookup",
    "Quyết định 44/2025/QĐ-UBND Quảng Ngãi có hiệu lực từ ngày nào?",
    QD44,
    "Điều 5",
    any_=[date(5, 12, 2025)],
)
q("conditions", "Theo QĐ 44/2025 Quảng Ngãi, cơ quan, đơn vị được tự quyết định điều chỉnh giá máy móc phục vụ công tác các chức danh cao hơn mức quy định trong khoảng nào?",
  QD44, "Điều 3", contains=["trên 15% đến không quá 30%"])  # fmt: skip
q("aggregates", "Quyết định 44/2025 Quảng Ngãi làm hết hiệu lực bao nhiêu quyết định của UBND tỉnh Kon Tum?", QD44, "Điều 5",
  numbers=[str(len(kontum))], na=True)  # fmt: skip
q(
    "lists",
    "Những quyết định nào của UBND tỉnh Kon Tum hết hiệu lực theo QĐ 44/2025/QĐ-UBND Quảng Ngãi?",
    QD44,
    "Điều 5",
    contains=kontum,
)
q("lookup", "Ai quyết định tiêu chuẩn, định mức máy móc chuyên dùng ngành y tế cho các đơn vị dự toán ngân sách cấp xã ở Quảng Ngãi?", QD44,
  "Điều 3", contains=["Ủy ban nhân dân cấp xã"], na=True)  # fmt: skip
q("lookup", "QĐ 44/2025 Quảng Ngãi ban hành căn cứ quyết định nào của Thủ tướng về tiêu chuẩn, định mức sử dụng máy móc, thiết bị?", QD44,
  contains=["15/2025/QĐ-TTg"])  # fmt: skip
q("lookup", "Ai ký QĐ 44/2025/QĐ-UBND tỉnh Quảng Ngãi?", QD44, contains=["Nguyễn Ngọc Sâm"])
q("lists", "QĐ 44 Quảng Ngãi phân cấp thẩm quyền cho những loại máy móc, thiết bị nào?", QD44, "Điều 1",
  contains=["phục vụ công tác các chức danh", "phục vụ hoạt động chung", "chuyên dùng"])  # fmt: skip
nf("Theo QĐ 44/2025 Quảng Ngãi, giá tối đa máy tính xách tay trang bị cho giám đốc sở là bao nhiêu?", QD44)
nf("Quyết định 44/2025 Quảng Ngãi quy định tiêu chuẩn xe ô tô công như thế nào?", QD44, na=True)

# ================================================================ across the batch
q("across", "Trong các nghị quyết 54, 63, 65 và 80 năm 2025 của HĐND Hà Nội, nghị quyết nào có hiệu lực sớm nhất?", NQ80, "Điều 5",
  contains=["80/2025"], more=[(NQ54, "Điều 8")])  # fmt: skip
q("across", "NQ 63/2025 và NQ 65/2025 của HĐND Hà Nội có cùng ngày hiệu lực không?", NQ63, "Điều 10",
  any_=[date(1, 1, 2026)], more=[(NQ65, "Điều 8")], na=True)  # fmt: skip
q("across", "Phó Chủ tịch UBND tỉnh Nguyễn Thành Diệu ký những văn bản nào của Đồng Tháp?", KH597,
  contains=["597/KH-UBND", "137/2025/QĐ-UBND"], more=[(QD137, "")])  # fmt: skip
q("across", "QĐ 38/2025/QĐ-UBND Cần Thơ và QĐ 44/2025/QĐ-UBND Quảng Ngãi có hiệu lực cùng ngày không?", QD38, "Điều 4",
  any_=[date(5, 12, 2025)], more=[(QD44, "Điều 5")])  # fmt: skip
q("across", "Ngày 19/11/2025 UBND thành phố Cần Thơ ban hành những văn bản nào?", KH160,
  contains=["160/KH-UBND", "2519/QĐ-UBND"], more=[(QD2519, "")], na=True)  # fmt: skip
q("across", "Thông tư 23/2025/TT-BTP và Thông tư 37/2025/TT-BXD, thông tư nào có hiệu lực trước?", TT23, "Điều 21",
  contains=["23/2025"], more=[(TT37, "Điều 4")], na=True)  # fmt: skip
q("across", "Công văn 11414/VPCP-CN và Thông báo 634/TB-VPCP do những ai ký?", CV11414,
  contains=["Phạm Mạnh Cường", "Trịnh Mạnh Linh"], more=[(TB634, "")])  # fmt: skip
q("across", "Hỗ trợ hằng tháng của công an cấp xã Hà Nội theo NQ 80/2025 hơn hỗ trợ của Trưởng bộ môn thể thao thành tích cao theo NQ 65/2025 bao nhiêu tiền?",
  NQ80, "Điều 3", numbers=[dong(D(4960000) - D(1000000))], more=[(NQ65, "Điều 2")])  # fmt: skip

# ================================================================ follow-ups that switch or keep the document
q("followups", "Còn NQ 65/2025 thì sao?", NQ65, "Điều 8", any_=[date(1, 1, 2026)],
  history=[("user", "NQ 54/2025/NQ-HĐND Hà Nội có hiệu lực từ ngày nào?"),
           ("assistant", "Nghị quyết này có hiệu lực từ ngày 08 tháng 12 năm 2025 [1].")])  # fmt: skip
q("followups", "Quyết định đó do ai ký, có hiệu lực từ bao giờ?", QD38, contains=["Trương Cảnh Tuyên"], any_=[date(5, 12, 2025)],
  history=[("user", "Quyết định nào của Cần Thơ phân cấp cấp Giấy chứng nhận xuất xứ hàng hóa cho Sở Công Thương?")])  # fmt: skip
q("followups", "Còn phó trưởng bộ môn?", NQ65, "Điều 2", contains=["700.000"],
  history=[("user", "NQ 65/2025 Hà Nội hỗ trợ trưởng bộ môn bao nhiêu một tháng?")], na=True)  # fmt: skip
q("followups", "Còn kế hoạch thi đua của Nghệ An thì ai ký?", KH982, contains=["Phùng Thành Vinh"],
  history=[("user", "Ai ký KH 597/KH-UBND Đồng Tháp?"), ("assistant", "Phó Chủ tịch Nguyễn Thành Diệu ký [1].")])  # fmt: skip
q("followups", "Hạn chót là khi nào?", TB634, "III.6", contains=["01 tháng 12 năm 2025"],
  history=[("user", "Trong TB 634/TB-VPCP, UBND tỉnh Thanh Hóa phải báo cáo Thủ tướng việc gì về tuyến đường kết nối từ đường Hồ Chí Minh đến quốc lộ 6?")])  # fmt: skip
q("followups", "Còn thông tư của Bộ Xây dựng về kiểm định tàu biển?", TT37, "Điều 4", any_=[date(8, 1, 2026)],
  history=[("user", "TT 23/2025/TT-BTP có hiệu lực từ ngày nào?"),
           ("assistant", "Thông tư có hiệu lực thi hành kể từ ngày ký ban hành (20/11/2025) [1].")])  # fmt: skip
q("followups", "Thế 5 xã A Lưới thì sao?", NQ37, "Điều 1", numbers=["80"],
  history=[("user", "NQ 37/2025 Huế: ngân sách thành phố hỗ trợ bao nhiêu phần trăm mức 500.000 đồng/hộ/tháng?"),
           ("assistant", "Ngân sách thành phố hỗ trợ 50%, ngân sách xã/phường 40% và xã hội hóa 10% [1].")])  # fmt: skip
q("followups", "Tỉnh đó phải bàn giao mặt bằng trước ngày nào?", CV11414, "1", contains=["30 tháng 11 năm 2025"],
  history=[("user", "Công văn 11414 giao gì cho UBND tỉnh Đồng Nai?")], na=True)  # fmt: skip

# ================================================================ not in the corpus: other years, places, parts; general knowledge
nf("Nghị quyết 63/2025/NQ-HĐND của tỉnh Nghệ An quy định gì?", NQ63)
nf("Kế hoạch 160/KH-UBND năm 2024 của Cần Thơ về giám sát giảm nghèo có nội dung gì?", KH160, na=True)
nf("Thông tư 37/2024/TT-BXD quy định về vấn đề gì?", TT37)
nf("Công điện 223/CĐ-TTg năm 2024 nói về vấn đề gì?", CD223, na=True)
nf("Điều 11 của Nghị quyết 80/2025/NQ-HĐND Hà Nội quy định gì?", NQ80)
nf("Phần VII của Kế hoạch 597/KH-UBND Đồng Tháp nói gì?", KH597)
nf("Ai đang là Chủ tịch UBND tỉnh Đồng Tháp hiện nay?", QD137, na=True)
nf("Dân số tỉnh Thanh Hóa năm 2025 là bao nhiêu người?", TB634)
nf("Lũ lụt ở Khánh Hòa tháng 11/2025 gây thiệt hại bao nhiêu tỷ đồng?", CD223, na=True)
nf("Giá xăng RON 95 hôm nay ở Đồng Tháp là bao nhiêu?", QD137)


def main() -> None:
    out = HERE / "probe3.jsonl"
    out.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in ITEMS), encoding="utf-8")
    used = {d for it in ITEMS for d in it["docs"]} - {TT36}
    assert used == set(FILES), sorted(set(FILES) ^ used)
    (HERE / "probe3-files.txt").write_text("".join(f"{d}.md\n" for d in sorted(FILES)), encoding="utf-8")
    n_nf = sum(1 for it in ITEMS if it["expect"].get("not_found"))
    n_na = sum(1 for it in ITEMS if unaccent(it["question"]) == it["question"])
    print(
        f"{len(ITEMS)} questions -> {out.name} ({n_nf} not_found, {n_na} without accents); {len(FILES)} files -> probe3-files.txt"
    )


if __name__ == "__main__":
    main()

"""Write eval/bank/probe4.jsonl: the fourth "probe" batch of tuning questions (see README.md).

    python3 eval/bank/make_probe4.py

Written by an examiner who had not run the assistant on these questions and did not read its code:
21 real documents of ../shared/realdocs that no other list of the bank names (probe4-files.txt),
each read whole. Every expected string is asserted to stand verbatim in its file, the words a
not_found question turns on are asserted to be absent from its file, and the computed figures
(a rate times a quantity, differences, sums of deadlines, counts of listed items) use Decimal.
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

KH624 = (
    "69db23c781b2e9aa"  # Kế hoạch 624/KH-UBND Hà Tĩnh, giáo dục mầm non đô thị / khu công nghiệp (parts I-V)
)
TB627 = "50f694478a35aefd"  # Thông báo 627/TB-VPCP, kết luận phiên họp 21 Ban Chỉ đạo công trình giao thông
CD229 = "5dbaef1b7c77d06c"  # Công điện 229/CĐ-TTg (website copy, summary before the text), thi đua cao điểm
NQ21 = (
    "40de74e605854414"  # Nghị quyết 21/2025/NQ-HĐND Vĩnh Long, hỗ trợ trẻ em / giáo viên mầm non (đồng/tháng)
)
NQ20 = "c53841af6c236aed"  # Nghị quyết 20/2025/NQ-HĐND Vĩnh Long, học phí 2025-2026 (a table xã / phường)
NQ51 = "98b67fb117d01944"  # Nghị quyết 51/2025/NQ-HĐND Hà Nội, nhân viên chăn nuôi thú y (coefficients)
NQ375 = "ccb7cba554ea36d2"  # Nghị quyết 375/NQ-CP, dự thảo NQ sửa NQ 136/2024/QH15 (Đà Nẵng), 3 điều
QD032 = "a63d28926f9123fd"  # Quyết định 032/2025/QĐ-UBND Đắk Lắk, phân cấp định mức máy móc chuyên dùng
QD2533 = "fe1e8de161e04a1e"  # Quyết định 2533/QĐ-UBND Cần Thơ, TTHC nội bộ tư pháp (list in an attached file, not in the text)
QD2536 = "71ce6a1744e0ae6c"  # Quyết định 2536/QĐ-TTg, chuyển Trường ĐH Công nghiệp Hà Nội thành Đại học
QD3574 = "aab8ca5824139565"  # Quyết định 3574/QĐ-BYT, 2 TTHC giám định (table after the signature)
QD35 = "44bc41ecfb3f3b21"  # Quyết định 35/2025/QĐ-UBND Cần Thơ, tài sản cố định đặc thù + hao mòn (Phụ lục I, II)
QD209 = "cf3a66c2c23062db"  # Quyết định 209/2025/QĐ-UBND Hải Phòng, thanh lý tài sản thủy lợi
QD39 = "f48a2691d3f74ec4"  # Quyết định 39/2025/QĐ-UBND Quảng Trị + attached Quy định (Chi cục Kiểm lâm, articles restart)
QD170 = (
    "322358d6040a153b"  # Quyết định 170/QĐ-BCĐNNDL + attached Quy chế (4 chương, 21 điều, restart at Điều 1)
)
CV5282 = "b135fb7c2c27dd4b"  # Công văn 5282/CT-CS Cục Thuế to Thuế Quảng Ninh (18% doanh thu)
CV11583 = "91035abb77ae0a1b"  # Công văn 11583/VPCP-CN to Bộ Xây dựng, đường Hồ Chí Minh
CV39209 = "e7f6002678c9c0a1"  # Công văn 39209/CHQ-GSQL Cục Hải quan to a company
TT44 = (
    "a0f666279e4d505b"  # Thông tư 44/2025/TT-NHNN (no header: number only in the appendix), đại lý thanh toán
)
TT21 = "4eb6d4a67b3ff8d9"  # Thông tư 21/2025/TT-BGDĐT, dạy thêm giờ (no date printed; effect on signing)
ND297 = "a4af79c6669a4264"  # Nghị định 297/2025/NĐ-CP (no header: number in the appendix), liên thông karaoke
FILES = [KH624, TB627, CD229, NQ21, NQ20, NQ51, NQ375, QD032, QD2533, QD2536, QD3574, QD35, QD209, QD39,
         QD170, CV5282, CV11583, CV39209, TT44, TT21, ND297]  # fmt: skip
QD44 = "150d48a05ed57aa3"  # probe3's Quyết định 44/2025/QĐ-UBND Quảng Ngãi (same subject as QĐ 032 Đắk Lắk)

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


def plain(doc: str) -> str:
    """The file's text with the layout-only lines of its tables ('|') dropped, whitespace folded."""
    return ws("\n".join(x for x in text(doc).splitlines() if x.strip(" |")))


def cell_rows(doc: str, s: str) -> str:
    """Assert that consecutive cells `s` ('Trung học phổ thông\n130\n200') stand in a table of `doc`."""
    assert ws(s) in plain(doc), (doc, s)
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
    it = {"id": f"p4-{len(ITEMS) + 1:03d}", "question": unaccent(question) if na else question, "class": cls}
    if history:
        it["history"] = [{"role": r, "content": unaccent(c) if na else c} for r, c in history]
    it["expect"] = exp
    it["docs"] = docs
    it["frozen"] = False
    ITEMS.append(it)


def nf(question, doc, na=False, cls="not_found", absent=(), history=None):
    """A question the documents do not answer; `absent` are words asserted to be nowhere in `doc`."""
    for s in absent:
        assert fold(s) not in fold(text(doc)), (doc, s)
    q(cls, question, doc, nf=True, na=na, history=history)


def fold(s: str) -> str:
    return ws(unaccent(s)).lower()


# ================================================================ KH 624/KH-UBND Hà Tĩnh (mầm non)
q("lookup", "Ai ký Kế hoạch 624/KH-UBND của UBND tỉnh Hà Tĩnh?", KH624, contains=["Nguyễn Thị Nguyệt"])
q("lookup", "Kế hoạch 624/KH-UBND Hà Tĩnh ban hành ngày nào?", KH624, any_=[date(19, 11, 2025)], na=True)
q("lookup", "KH 624 Hà Tĩnh được ban hành để thực hiện quyết định nào của Thủ tướng Chính phủ?", KH624,
  contains=["2270/QĐ-TTg"])  # fmt: skip
q("lookup", "Theo KH 624 Hà Tĩnh, đến năm 2035 phấn đấu ít nhất bao nhiêu phần trăm phường xây dựng và triển khai mô hình giáo dục mầm non phù hợp đặc thù địa phương?",
  KH624, "II.2", numbers=["55"])  # fmt: skip
q("lists", "Những phường nào của Hà Tĩnh được kể tên trong mục tiêu mô hình giáo dục mầm non tại địa bàn đô thị?", KH624, "II.2",
  contains=["Sông Trí", "Thành Sen", "Hà Huy Tập", "Bắc Hồng Lĩnh", "Nam Hồng Lĩnh"], na=True)  # fmt: skip
q("sections", "Kế hoạch 624/KH-UBND Hà Tĩnh gồm mấy phần, là những phần nào?", KH624,
  contains=["MỤC ĐÍCH, YÊU CẦU", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP", "KINH PHÍ THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"], numbers=["5"])  # fmt: skip
q("lookup", "Sở Y tế Hà Tĩnh được giao nhiệm vụ gì trong KH 624 về giáo dục mầm non?", KH624, "V.3",
  contains=["chỉ đạo hệ thống y tế cơ sở"])  # fmt: skip
q("lookup", "So Nong nghiep va Moi truong co nhiem vu gi theo ke hoach 624/KH-UBND Ha Tinh?", KH624, "V.7",
  contains=["bố trí quỹ đất để xây dựng phát triển trường, lớp mầm non"])  # fmt: skip
q(
    "loose_names",
    "Sở TC làm gì trong KH 624 Hà Tĩnh?",
    KH624,
    "V.4",
    contains=["tham mưu cấp có thẩm quyền phương án kinh phí"],
)
q("loose_names", "Sở VHTTDL được giao việc gì trong kế hoạch mầm non 624 của Hà Tĩnh?", KH624, "V.5",
  contains=["đẩy mạnh tuyên truyền"], na=True)  # fmt: skip
q("lookup", "Theo KH 624 Hà Tĩnh, Sở Xây dựng chủ trì triển khai quyết định nào của Thủ tướng về nhà ở xã hội?", KH624, "V.6",
  contains=["338/QĐ-TTg"])  # fmt: skip
q("conditions", "KH 624 Hà Tĩnh có áp dụng hình thức Hợp đồng kinh doanh - quản lý (O&M) cho giáo dục mầm non không?", KH624, "III.2",
  contains=["O&M"])  # fmt: skip
q("lookup", "Kinh phí thực hiện KH 624 Hà Tĩnh lấy từ những nguồn nào?", KH624, "IV.1",
  contains=["Ngân sách địa phương", "xã hội hóa"], na=True)  # fmt: skip
nf(
    "Theo KH 624 Hà Tĩnh, tổng kinh phí thực hiện chương trình giai đoạn 2025-2035 là bao nhiêu tỷ đồng?",
    KH624,
    absent=["tỷ đồng"],
)
nf("Ke hoach 624 Ha Tinh giao Cong an tinh nhiem vu gi?", KH624, na=True, absent=["Công an"])
nf("Phần VI của KH 624/KH-UBND Hà Tĩnh nói gì?", KH624, absent=["VI."])
nf(
    "KH 624 Hà Tĩnh đặt chỉ tiêu đến năm 2030 bao nhiêu phần trăm trẻ nhà trẻ được huy động đến trường?",
    KH624,
    absent=["đến năm 2030"],
)

# ================================================================ TB 627/TB-VPCP (Ban Chỉ đạo công trình giao thông)
q("lookup", "Thông báo 627/TB-VPCP do ai ký?", TB627, contains=["Nguyễn Sỹ Hiệp"])
q("lookup", "Phiên họp lần thứ 21 Ban Chỉ đạo các công trình, dự án trọng điểm ngành giao thông vận tải diễn ra ngày nào?", TB627,
  any_=[date(8, 11, 2025)], na=True)  # fmt: skip
q(
    "lookup",
    "Theo TB 627, bao nhiêu nhiệm vụ giao tại Phiên họp lần thứ 20 đã hoàn thành đúng thời hạn?",
    TB627,
    "I",
    numbers=["8"],
)
q("aggregates", "TB 627/TB-VPCP: cộng số nhiệm vụ đã hoàn thành và số nhiệm vụ đang tích cực triển khai thì được bao nhiêu?", TB627, "I",
  numbers=[str(8 + 21)])  # fmt: skip
q("lists", "Theo TB 627, những tỉnh nào chưa hoàn thành công tác giải phóng mặt bằng theo chỉ đạo của Thủ tướng?", TB627, "I",
  contains=["Tuyên Quang", "Lạng Sơn", "Quảng Trị", "Quảng Ngãi", "Khánh Hòa", "Lâm Đồng", "Đồng Nai", "An Giang"])  # fmt: skip
q(
    "aggregates",
    "Co bao nhieu tinh bi neu ten la chua hoan thanh GPMB trong TB 627/TB-VPCP?",
    TB627,
    "I",
    numbers=["8"],
    na=True,
)
q(
    "lookup",
    "Lễ khánh thành các dự án giao thông được tổ chức vào ngày nào theo TB 627?",
    TB627,
    "III.1",
    any_=[date(19, 12, 2025)],
)
q("comparison", "Theo TB 627, khối lượng còn lại của dự án Cảng hàng không Long Thành giai đoạn 1 là khoảng bao nhiêu phần trăm?", TB627, "III.2",
  numbers=[str(100 - 61)])  # fmt: skip
q("lists", "Những dự án cao tốc nào phải hoàn thiện Báo cáo nghiên cứu tiền khả thi trong năm 2025 theo TB 627?", TB627, "III.3",
  contains=["Vinh - Cửa khẩu Thanh Thủy", "Quảng Ngãi - Kon Tum", "Bắc Kạn - Cao Bằng"], na=True)  # fmt: skip
q("lookup", "Mục tiêu đường bộ ven biển cả nước đến hết năm 2025 là khoảng bao nhiêu km theo TB 627?", TB627, "III.1",
  contains=["1.700"], na=True)  # fmt: skip
q(
    "sections",
    "Thông báo 627/TB-VPCP gồm những phần nào?",
    TB627,
    contains=["ĐÁNH GIÁ CHUNG", "MỘT SỐ YÊU CẦU", "NHIỆM VỤ TRỌNG TÂM"],
)
q("lookup", "Tinh thần '3 có' mà Thủ tướng nêu trong TB 627 gồm những gì?", TB627, "II",
  contains=["có lợi cho người dân", "có lợi cho doanh nghiệp"])  # fmt: skip
q("loose_names", "TB 627 giao Bộ XD phối hợp Bộ TC làm gì về khen thưởng nhà thầu?", TB627, "III.5",
  contains=["khen thưởng hợp đồng"])  # fmt: skip
nf(
    "Theo TB 627, tổng mức đầu tư dự án cao tốc Đồng Đăng - Trà Lĩnh là bao nhiêu tỷ đồng?",
    TB627,
    absent=["tỷ đồng"],
)
nf("Phien hop lan thu 22 cua Ban Chi dao cac cong trinh giao thong trong diem du kien to chuc ngay nao?", TB627, na=True,
   absent=["lần thứ 22"])  # fmt: skip
nf("TB 627/TB-VPCP giao UBND thành phố Đà Nẵng nhiệm vụ gì?", TB627)

# ================================================================ Công điện 229/CĐ-TTg
q(
    "lookup",
    "Công điện 229/CĐ-TTg ban hành ngày nào, ai ký?",
    CD229,
    contains=["Phạm Minh Chính"],
    any_=[date(26, 11, 2025)],
)
q(
    "lookup",
    "Công điện 229 yêu cầu phấn đấu tăng trưởng cả nước năm 2025 trên bao nhiêu phần trăm?",
    CD229,
    numbers=["8"],
    na=True,
)
q("lookup", "Công điện 229/CĐ-TTg nhắc đến những nghị quyết nào của Chính phủ về khắc phục thiên tai, bão lũ?", CD229,
  contains=["347/NQ-CP", "380/NQ-CP"])  # fmt: skip
q(
    "lookup",
    "Cong dien 229 yeu cau bao cao hang tuan truoc may gio ngay thu Sau?",
    CD229,
    contains=["15:00 ngày thứ Sáu"],
    na=True,
)
q(
    "lookup",
    "Phương châm thi đua nêu trong công điện 229 là gì?",
    CD229,
    contains=["đổi mới tư duy, kiến tạo phát triển"],
    na=True,
)
q("sections", "Công điện 229/CĐ-TTg nêu mấy nhiệm vụ trọng tâm cấp bách?", CD229, numbers=["4"])
nf(
    "Công điện 229/CĐ-TTg giao Bộ Tài chính bố trí bao nhiêu tỷ đồng hỗ trợ các tỉnh miền Trung?",
    CD229,
    absent=["tỷ đồng"],
)
nf("Theo Cong dien 229/CD-TTg, chi tieu tang truong GRDP cua tinh Gia Lai nam 2025 la bao nhieu?", CD229, na=True,
   absent=["Gia Lai", "GRDP"])  # fmt: skip

# ================================================================ NQ 21/2025/NQ-HĐND Vĩnh Long (hỗ trợ mầm non)
child, teacher = (D(stands(NQ21, s).replace(".", "")) for s in ("160.000", "800.000"))
stands(NQ21, "không quá 09 tháng/năm học")
q("lookup", "Theo Nghị quyết 21/2025/NQ-HĐND Vĩnh Long, trẻ em mầm non là con công nhân ở nơi có nhiều lao động được hỗ trợ bao nhiêu một tháng?",
  NQ21, "Điều 2", contains=["160.000"])  # fmt: skip
q("lookup", "Giáo viên mầm non trường tư thục ở nơi có nhiều lao động tại Vĩnh Long được hỗ trợ bao nhiêu tiền mỗi tháng?", NQ21, "Điều 2",
  contains=["800.000"], na=True)  # fmt: skip
q("comparison", "Một trẻ được hỗ trợ đủ thời gian tối đa của một năm học theo NQ 21/2025 Vĩnh Long thì nhận tổng cộng bao nhiêu tiền?",
  NQ21, "Điều 2", numbers=[dong(child * 9)])  # fmt: skip
q("comparison", "Mot giao vien mam non duoc ho tro du 12 thang theo NQ 21/2025 Vinh Long thi tong cong nhan bao nhieu?", NQ21, "Điều 2",
  numbers=[dong(teacher * 12)], na=True)  # fmt: skip
q("comparison", "Mức hỗ trợ giáo viên gấp mấy lần mức hỗ trợ trẻ em theo NQ 21/2025 Vĩnh Long?", NQ21, "Điều 2",
  numbers=[vn(teacher / child)])  # fmt: skip
q(
    "lookup",
    "NQ 21/2025/NQ-HĐND Vĩnh Long có hiệu lực từ ngày nào?",
    NQ21,
    "Điều 3",
    any_=[date(28, 11, 2025)],
)
q("lookup", "Ai ký nghị quyết 21/2025 của HĐND tỉnh Vĩnh Long?", NQ21, contains=["Nguyễn Minh Dũng"], na=True)
nf(
    "Theo NQ 21/2025 Vĩnh Long, nhân viên nấu ăn ở nhóm trẻ tư thục được hỗ trợ bao nhiêu tiền?",
    NQ21,
    absent=["nấu ăn"],
)
nf(
    "Muc ho tro tre em mam non noi co nhieu lao dong cua tinh Dong Nai la bao nhieu?",
    NQ21,
    na=True,
    absent=["Đồng Nai"],
)

# ================================================================ NQ 20/2025/NQ-HĐND Vĩnh Long (học phí)
for s in (
    "Trung học phổ thông\n130\n200",
    "Giáo dục mầm non\n80\n120",
    "Trung học cơ sở\n80\n120",
    "bằng 75% mức học phí",
):
    cell_rows(NQ20, s)
q("conditions", "Học phí trung học phổ thông công lập ở khu vực thành thị (phường) tại Vĩnh Long năm học 2025-2026 là bao nhiêu?", NQ20, "Điều 2",
  numbers=["200"])  # fmt: skip
q("conditions", "Hoc phi mam non cong lap o khu vuc nong thon (xa) tai Vinh Long nam hoc 2025 - 2026 la bao nhieu?", NQ20, "Điều 2",
  numbers=["80"], na=True)  # fmt: skip
q("comparison", "Học phí THPT ở phường cao hơn ở xã bao nhiêu nghìn đồng một tháng theo NQ 20/2025 Vĩnh Long?", NQ20, "Điều 2",
  numbers=[str(200 - 130)])  # fmt: skip
q("comparison", "Nếu học trực tuyến, học phí trung học cơ sở công lập ở phường tại Vĩnh Long là bao nhiêu một tháng?", NQ20, "Điều 2",
  numbers=[vn(D(120) * D("0.75"))])  # fmt: skip
q("comparison", "Mot hoc sinh THPT cong lap o phuong tai Vinh Long dong hoc phi 9 thang thi het bao nhieu tien?", NQ20, "Điều 2",
  numbers=[dong(D(200000) * 9)], na=True)  # fmt: skip
q("lookup", "NQ 20/2025/NQ-HĐND Vĩnh Long bãi bỏ những nghị quyết nào?", NQ20, "Điều 3",
  contains=["11/2024/NQ-HĐND", "15/2024/NQ-HĐND", "10/2024/NQ-HĐND"])  # fmt: skip
q("lists", "Nghi quyet hoc phi 20/2025 Vinh Long bai bo nghi quyet cua nhung tinh nao?", NQ20, "Điều 3",
  contains=["Trà Vinh", "Bến Tre", "Vĩnh Long"], na=True)  # fmt: skip
q("across", "NQ 20 và NQ 21 năm 2025 của HĐND tỉnh Vĩnh Long có cùng ngày hiệu lực không?", NQ20, "Điều 3",
  any_=[date(28, 11, 2025)], more=[(NQ21, "Điều 3")])  # fmt: skip
nf("Học phí đại học công lập ở Vĩnh Long năm học 2025-2026 là bao nhiêu?", NQ20, absent=["đại học"])
nf(
    "Hoc phi THPT cong lap cua Vinh Long nam hoc 2026 - 2027 la bao nhieu?",
    NQ20,
    na=True,
    absent=["2026 - 2027", "2026-2027"],
)
nf("Dân số tỉnh Vĩnh Long sau sắp xếp năm 2025 là bao nhiêu người?", NQ20, absent=["dân số"])

# ================================================================ NQ 51/2025/NQ-HĐND Hà Nội (thú y cấp xã)
hs_dh, hs_cd = (
    D(stands(NQ51, "hệ số 2,34")[-4:].replace(",", ".")),
    D(stands(NQ51, "hệ số 1,86")[-4:].replace(",", ".")),
)
stands(NQ51, "so với mức lương cơ sở nhân 1,5 lần")
q("lookup", "Theo NQ 51/2025/NQ-HĐND Hà Nội, mỗi xã được bố trí bình quân không quá bao nhiêu nhân viên chăn nuôi thú y?", NQ51, "Điều 2",
  numbers=["3"])  # fmt: skip
q("lookup", "Nhân viên chăn nuôi thú y cấp xã ở Hà Nội tốt nghiệp đại học hưởng phụ cấp theo hệ số bao nhiêu?", NQ51, "Điều 2",
  numbers=["2,34"])  # fmt: skip
q("comparison", "Hệ số phụ cấp của người tốt nghiệp đại học hơn người tốt nghiệp cao đẳng, trung cấp bao nhiêu theo NQ 51 Hà Nội?",
  NQ51, "Điều 2", numbers=[vn(hs_dh - hs_cd)])  # fmt: skip
q("comparison", "Tính cả hệ số nhân 1,5 lần, phụ cấp hằng tháng của nhân viên thú y cấp xã tốt nghiệp đại học ở Hà Nội bằng bao nhiêu lần mức lương cơ sở?",
  NQ51, "Điều 2", numbers=[vn(hs_dh * D("1.5"))])  # fmt: skip
q("comparison", "Nhan vien thu y tot nghiep trung cap o Ha Noi huong phu cap bang bao nhieu lan muc luong co so neu tinh ca he so nhan 1,5?",
  NQ51, "Điều 2", numbers=[vn(hs_cd * D("1.5"))], na=True)  # fmt: skip
q("lookup", "NQ 51/2025 Hà Nội có hiệu lực từ ngày nào và thay thế nghị quyết nào?", NQ51, contains=["10/2021/NQ-HĐND"],
  any_=[date(1, 1, 2026)])  # fmt: skip
q(
    "lookup",
    "Ai ký NQ 51/2025/NQ-HĐND Hà Nội về nhân viên chăn nuôi thú y?",
    NQ51,
    contains=["Phùng Thị Hồng Hà"],
)
q("conditions", "Nhan vien chan nuoi thu y cap xa o Ha Noi co duoc huong bao hiem xa hoi khong?", NQ51, "Điều 2",
  contains=["bảo hiểm xã hội"], na=True)  # fmt: skip
nf("Hà Nội có tổng cộng bao nhiêu nhân viên chăn nuôi thú y cấp xã theo NQ 51/2025?", NQ51)
nf(
    "Mức lương cơ sở dùng để tính phụ cấp nhân viên thú y theo NQ 51 Hà Nội là bao nhiêu đồng?",
    NQ51,
    absent=["đồng/tháng", ".000"],
)

# ================================================================ NQ 375/NQ-CP (Đà Nẵng)
q("lookup", "Nghị quyết 375/NQ-CP do ai ký?", NQ375, contains=["Hồ Đức Phớc"])
q(
    "lookup",
    "Nghi quyet 375/NQ-CP ve du thao sua doi nghi quyet nao cua Quoc hoi?",
    NQ375,
    contains=["136/2024/QH15"],
    na=True,
)
q(
    "lookup",
    "NQ 375/NQ-CP giao Bộ trưởng bộ nào thay mặt Chính phủ ký Tờ trình?",
    NQ375,
    "Điều 2",
    contains=["Bộ Tài chính"],
)
q("lookup", "Theo NQ 375/NQ-CP, dự thảo nghị quyết về Đà Nẵng được trình Quốc hội thông qua tại kỳ họp thứ mấy?", NQ375, "Điều 2",
  numbers=["10"])  # fmt: skip
q("sections", "Nghi quyet 375/NQ-CP co may dieu?", NQ375, numbers=["3"], na=True)
nf(
    "NQ 375/NQ-CP cho phép Đà Nẵng giữ lại bao nhiêu phần trăm nguồn thu ngân sách?",
    NQ375,
    absent=["%", "phần trăm"],
)
nf(
    "Nghi quyet 375/NQ-CP sua doi nghi quyet ve thanh pho Hai Phong nhu the nao?",
    NQ375,
    na=True,
    absent=["Hải Phòng"],
)

# ================================================================ QĐ 032/2025/QĐ-UBND Đắk Lắk (máy móc chuyên dùng)
q("lookup", "Ai ký Quyết định 032/2025/QĐ-UBND tỉnh Đắk Lắk?", QD032, contains=["Trương Công Thái"])
q(
    "lookup",
    "QĐ 032/2025 Đắk Lắk có hiệu lực từ khi nào?",
    QD032,
    "Điều 4",
    any_=[["kể từ ngày ký", *date(19, 11, 2025)]],
    na=True,
)
q("lookup", "Theo QĐ 032/2025 Đắk Lắk, cơ quan nào ban hành tiêu chuẩn, định mức máy móc, thiết bị chuyên dùng thuộc lĩnh vực y tế?",
  QD032, "Điều 3", contains=["Sở Y tế"])  # fmt: skip
q(
    "lists",
    "QĐ 032/2025/QĐ-UBND Đắk Lắk bãi bỏ những quyết định nào?",
    QD032,
    "Điều 4",
    contains=["12/2023/QĐ-UBND", "57/2024/QĐ-UBND"],
)
q("loose_names", "Quyet dinh 032 Dac Lac bai bo quyet dinh nao cua tinh Phu Yen truoc day?", QD032, "Điều 4", contains=["12/2023/QĐ-UBND"],
  na=True)  # fmt: skip
q("conditions", "Theo QĐ 032/2025 Đắk Lắk, đơn vị sự nghiệp công lập nào không thuộc đối tượng áp dụng?", QD032, "Điều 2",
  contains=["tự bảo đảm chi thường xuyên và chi đầu tư"])  # fmt: skip
nf(
    "QĐ 032/2025 Đắk Lắk quy định giá tối đa của máy chụp X-quang là bao nhiêu?",
    QD032,
    absent=["X-quang", "giá tối đa"],
)
nf("Tinh Dak Lak co bao nhieu xa, phuong sau sap xep theo QD 032/2025?", QD032, na=True)

# ================================================================ QĐ 2533/QĐ-UBND Cần Thơ (TTHC nội bộ tư pháp)
q(
    "lookup",
    "Quyết định 2533/QĐ-UBND Cần Thơ công bố thủ tục hành chính nội bộ thuộc lĩnh vực nào?",
    QD2533,
    contains=["tư pháp"],
)
q("lookup", "Ai ky QD 2533/QD-UBND cua UBND thanh pho Can Tho?", QD2533, contains=["Trần Chí Hùng"], na=True)
q("lookup", "QĐ 2533 Cần Thơ bãi bỏ thủ tục hành chính nội bộ đã công bố tại quyết định của những địa phương nào?", QD2533, "Điều 2",
  contains=["Sóc Trăng", "Hậu Giang"])  # fmt: skip
nf("QĐ 2533/QĐ-UBND Cần Thơ công bố bao nhiêu thủ tục hành chính nội bộ?", QD2533)
nf("Thoi han giai quyet thu tuc hanh chinh noi bo linh vuc tu phap theo QD 2533 Can Tho la bao nhieu ngay?", QD2533, na=True,
   absent=["ngày làm việc"])  # fmt: skip

# ================================================================ QĐ 2536/QĐ-TTg (Đại học Công nghiệp Hà Nội)
q(
    "lookup",
    "Quyết định 2536/QĐ-TTg chuyển trường nào thành đại học?",
    QD2536,
    contains=["Trường Đại học Công nghiệp Hà Nội"],
)
q(
    "lookup",
    "Dai hoc Cong nghiep Ha Noi truc thuoc bo nao theo QD 2536/QD-TTg?",
    QD2536,
    "Điều 2",
    contains=["Bộ Công Thương"],
    na=True,
)
q("lookup", "Ai ký QĐ 2536/QĐ-TTg?", QD2536, contains=["Lê Thành Long"])
q(
    "lookup",
    "QĐ 2536/QĐ-TTg sửa đổi khoản 9 Điều 1 của quyết định nào?",
    QD2536,
    "Điều 3",
    contains=["373/QĐ-TTg"],
)
q(
    "lookup",
    "QD 2536/QD-TTg co hieu luc tu ngay nao?",
    QD2536,
    "Điều 5",
    any_=[["kể từ ngày ký", *date(20, 11, 2025)]],
    na=True,
)
q("loose_names", "ĐH Công nghiệp HN chịu sự quản lý nhà nước về giáo dục của cơ quan nào?", QD2536, "Điều 2",
  contains=["Bộ Giáo dục và Đào tạo"])  # fmt: skip
nf(
    "Theo QĐ 2536/QĐ-TTg, Đại học Công nghiệp Hà Nội có bao nhiêu trường thành viên?",
    QD2536,
    absent=["trường thành viên"],
)
nf("Ai la Giam doc Dai hoc Cong nghiep Ha Noi theo quyet dinh 2536?", QD2536, na=True)

# ================================================================ QĐ 3574/QĐ-BYT (2 TTHC giám định)
q("lists", "QĐ 3574/QĐ-BYT công bố sửa đổi mấy thủ tục hành chính, là những thủ tục nào?", QD3574, numbers=["2"],
  contains=["Bổ nhiệm giám định viên pháp y và pháp y tâm thần", "Miễn nhiệm giám định viên pháp y và pháp y tâm thần"])  # fmt: skip
q(
    "lookup",
    "Ma thu tuc hanh chinh bo nhiem giam dinh vien phap y va phap y tam than la gi?",
    QD3574,
    contains=["1.013871"],
    na=True,
)
q("lookup", "Ai ký QĐ 3574/QĐ-BYT?", QD3574, contains=["Vũ Mạnh Hà"])
q("lookup", "Co quan nao thuc hien thu tuc bo nhiem giam dinh vien phap y theo QD 3574/QD-BYT?", QD3574,
  contains=["Cơ quan chuyên môn y tế thuộc Ủy ban nhân dân cấp tỉnh"], na=True)  # fmt: skip
nf(
    "Lệ phí bổ nhiệm giám định viên pháp y theo QĐ 3574/QĐ-BYT là bao nhiêu?",
    QD3574,
    absent=["lệ phí", "000 đồng"],
)
nf(
    "Thời hạn giải quyết thủ tục miễn nhiệm giám định viên pháp y theo QĐ 3574 là bao nhiêu ngày?",
    QD3574,
    absent=["ngày làm việc"],
)

# ================================================================ QĐ 35/2025/QĐ-UBND Cần Thơ (tài sản cố định, Phụ lục I-II)
for s in (
    "Tác phẩm điện ảnh\n50\n02",
    "Chương trình máy\ntính, sưu tập dữ liệu\n25\n04",
    "15\n6,67",
    "Bằng độc quyền kiểu dáng\ncông nghiệp\n05\n20",
    "Bằng độc quyền sáng chế\n20\n05",
    "Bằng độc quyền giải\npháp hữu ích\n10\n10",
    "Tác phẩm âm nhạc\n25\n04",
    "Tác phẩm sân khấu\n50\n02",
):
    cell_rows(QD35, s)  # fmt: skip
pl2 = plain(QD35)[plain(QD35).index("**PHỤ LỤC II**") :]
years = [int(y) for y in re.findall(r"(?<![\d,])(\d{2}) (?:\d{2}|6,67)(?= )", pl2)]  # each row: 'years rate'
assert len(years) == 23, years
n25 = sum(1 for y in years if y == 25)
q("conditions", "Theo QĐ 35/2025/QĐ-UBND Cần Thơ, tác phẩm điện ảnh có thời gian tính hao mòn bao nhiêu năm?", QD35, "Phụ lục II",
  numbers=["50"])  # fmt: skip
q("conditions", "Trong Phụ lục II QĐ 35/2025 Cần Thơ, tài sản nào có tỷ lệ hao mòn 6,67% một năm?", QD35, "Phụ lục II",
  contains=["thiết kế bố trí mạch tích hợp bán dẫn"])  # fmt: skip
q("conditions", "Những tài sản cố định vô hình nào có thời gian tính hao mòn 50 năm theo QĐ 35 Cần Thơ?", QD35, "Phụ lục II",
  contains=["Tác phẩm điện ảnh", "nhiếp ảnh", "nghệ thuật dân gian", "Tác phẩm sân khấu", "mỹ thuật ứng dụng"])  # fmt: skip
q("aggregates", "Co bao nhieu loai tai san trong Phu luc II cua QD 35/2025 Can Tho co thoi gian tinh hao mon 25 nam?", QD35, "Phụ lục II",
  numbers=[str(n25)], na=True)  # fmt: skip
q("comparison", "Bằng độc quyền sáng chế hay Bằng độc quyền giải pháp hữu ích có thời gian tính hao mòn dài hơn theo QĐ 35 Cần Thơ?", QD35,
  "Phụ lục II", contains=["sáng chế"], numbers=["20", "10"])  # fmt: skip
q("lists", "Danh muc tai san co dinh dac thu theo QD 35/2025 Can Tho gom nhung nhom nao?", QD35, "Phụ lục I",
  contains=["Cổ vật, hiện vật trưng bày", "Di tích lịch sử - Văn hóa được xếp hạng", "Tài liệu cổ, tài liệu quý hiếm",
            "Thương hiệu của đơn vị sự nghiệp công lập", "Tài sản cố định đặc thù khác"], na=True)  # fmt: skip
q("aggregates", "Nhóm cổ vật, hiện vật trưng bày trong Phụ lục I QĐ 35 Cần Thơ chia thành bao nhiêu nhóm theo chất liệu?", QD35, "Phụ lục I",
  numbers=["12"])  # fmt: skip
q("lookup", "QĐ 35/2025/QĐ-UBND Cần Thơ có hiệu lực từ ngày nào và quyết định nào hết hiệu lực?", QD35, "Điều 4",
  contains=["27/2024/QĐ-UBND"], any_=[date(28, 11, 2025)])  # fmt: skip
q("comparison", "Theo QĐ 35 Cần Thơ, thời gian tính hao mòn của tác phẩm âm nhạc ngắn hơn của tác phẩm sân khấu bao nhiêu năm?", QD35,
  "Phụ lục II", numbers=[str(50 - 25)])  # fmt: skip
nf("Theo QĐ 35/2025 Cần Thơ, tỷ lệ hao mòn của xe ô tô là bao nhiêu?", QD35, absent=["ô tô"])
nf(
    "Thoi gian tinh hao mon cua nhan hieu trong QD 35/2025 Can Tho la bao nhieu nam?",
    QD35,
    na=True,
    absent=["nhãn hiệu"],
)
nf("Phụ lục III của QĐ 35/2025/QĐ-UBND Cần Thơ quy định gì?", QD35, absent=["PHỤ LỤC III"])

# ================================================================ QĐ 209/2025/QĐ-UBND Hải Phòng (thủy lợi)
q("lookup", "Theo QĐ 209/2025/QĐ-UBND Hải Phòng, cơ quan nào được phân cấp quyết định thanh lý tài sản kết cấu hạ tầng thủy lợi?", QD209,
  "Điều 2", contains=["Sở Nông nghiệp và Môi trường"])  # fmt: skip
q("loose_names", "QD 209/2025 Hai Phong phan cap cho So NN&MT quyet dinh nhung viec gi?", QD209, "Điều 2",
  contains=["thanh lý", "bị mất, hủy hoại"], na=True)  # fmt: skip
q("lookup", "QĐ 209/2025 Hải Phòng có hiệu lực từ ngày nào?", QD209, "Điều 4", any_=[date(17, 11, 2025)])
q("conditions", "Trường hợp tài sản thủy lợi nào không được phân cấp cho Sở Nông nghiệp và Môi trường theo QĐ 209 Hải Phòng?", QD209,
  "Điều 2", contains=["liên quan đến 02 tỉnh trở lên"])  # fmt: skip
q("lists", "Đối tượng áp dụng của QĐ 209/2025 Hải Phòng gồm những ai?", QD209, "Điều 1",
  contains=["Cơ quan quản lý nhà nước về thủy lợi", "Cơ quan chuyên môn về thủy lợi", "Đối tượng được giao tài sản kết cấu hạ tầng thủy lợi"])  # fmt: skip
nf("Theo QĐ 209/2025 Hải Phòng, tài sản thủy lợi có giá trị trên bao nhiêu tỷ đồng thì UBND thành phố mới quyết định thanh lý?", QD209,
   absent=["tỷ đồng"])  # fmt: skip
nf(
    "Quyet dinh 209/2025 cua UBND tinh Quang Ninh ve thuy loi quy dinh gi?",
    QD209,
    na=True,
    absent=["Quảng Ninh"],
)
nf("Hải Phòng có bao nhiêu công trình thủy lợi do thành phố quản lý?", QD209)

# ================================================================ QĐ 39/2025/QĐ-UBND Quảng Trị + Quy định (Chi cục Kiểm lâm)
qd39 = ws(text(QD39))
units = qd39[
    qd39.index("3. Các đơn vị thuộc Chi cục gồm:") : qd39.index(
        "Các phòng chuyên môn, nghiệp vụ và các đơn vị"
    )
]
hat = re.findall(r"[a-zđ]\) Hạt Kiểm lâm", units)
doi = re.findall(r"[a-zđ]\) Đội Kiểm lâm", units)
assert (len(hat), len(doi)) == (19, 2), (len(hat), len(doi))
stations = qd39[qd39.index("4. Các Trạm Kiểm lâm") : qd39.index("Trạm Kiểm lâm là bộ phận")]
minh_hoa = re.search(r"a\) (.*?) thuộc Hạt Kiểm lâm Minh Hóa", stations)[1]
q("lookup", "Ai ký Quyết định 39/2025/QĐ-UBND Quảng Trị về Chi cục Kiểm lâm?", QD39, contains=["Hoàng Nam"])
q("lookup", "QD 39/2025 Quang Tri co hieu luc khi nao va quyet dinh nao het hieu luc?", QD39, "Điều 2",
  contains=["25/2025/QĐ-UBND"], any_=[["kể từ ngày ký", *date(25, 11, 2025)]], na=True)  # fmt: skip
q("lists", "Chi cục Kiểm lâm Quảng Trị có những phòng chuyên môn, nghiệp vụ nào?", QD39,
  contains=["Phòng Hành chính - Tổng hợp", "Tổ chức, Tuyên truyền và Xây dựng lực lượng", "Quản lý, Bảo vệ rừng và Bảo tồn thiên nhiên",
            "Sử dụng và Phát triển rừng", "Pháp chế và Điều tra, xử lý vi phạm về lâm nghiệp"])  # fmt: skip
q("aggregates", "Chi cục Kiểm lâm tỉnh Quảng Trị có bao nhiêu Hạt Kiểm lâm?", QD39, numbers=[str(len(hat))])
q("aggregates", "Chi cuc Kiem lam Quang Tri co tong cong bao nhieu don vi truc thuoc (ca hat kiem lam va doi kiem lam co dong)?", QD39,
  numbers=[str(len(hat) + len(doi))], na=True)  # fmt: skip
q(
    "lists",
    "Hạt Kiểm lâm Kim Ngân có những trạm kiểm lâm nào?",
    QD39,
    contains=["Lâm Thủy", "Đường 10", "Đường 16"],
)
q(
    "aggregates",
    "Hat Kiem lam Minh Hoa quan ly may tram kiem lam?",
    QD39,
    numbers=[str(minh_hoa.count("Trạm Kiểm lâm"))],
    na=True,
)
q("sections", "Quy định kèm theo QĐ 39/2025 Quảng Trị về Chi cục Kiểm lâm gồm mấy điều?", QD39, numbers=["4"])
nf(
    "Chi cục Kiểm lâm Quảng Trị được giao bao nhiêu biên chế công chức?",
    QD39,
    absent=["biên chế công chức được giao"],
)
nf("Hạt Kiểm lâm Kỳ Anh thuộc Chi cục Kiểm lâm Quảng Trị có mấy trạm?", QD39, absent=["Kỳ Anh"])
nf("Truong Chi cuc Kiem lam tinh Quang Tri hien nay la ai?", QD39, na=True)

# ================================================================ QĐ 170/QĐ-BCĐNNDL + Quy chế Ban Chỉ đạo Nhà nước về Du lịch
qc = text(QD170)[text(QD170).index("**QUY CHẾ**") :]
n_chuong = len(re.findall(r"\*\*Chương [IVX]+\*\*", qc))
n_dieu = len(set(re.findall(r"(?m)^\*\*Điều (\d+)\.", qc)))
assert (n_chuong, n_dieu) == (4, 21), (n_chuong, n_dieu)
q("lookup", "Ai ký Quyết định 170/QĐ-BCĐNNDL ban hành Quy chế hoạt động của Ban Chỉ đạo Nhà nước về Du lịch?", QD170,
  contains=["Mai Văn Chính"])  # fmt: skip
q(
    "lookup",
    "QD 170/QD-BCDNNDL thay the quyet dinh nao?",
    QD170,
    "Điều 2",
    contains=["167/QĐ-BCĐNNDL"],
    na=True,
)
q(
    "lookup",
    "Ban Chỉ đạo Nhà nước về Du lịch họp định kỳ bao lâu một lần?",
    QD170,
    contains=["06 tháng một lần"],
)
q("lookup", "Thông báo kết luận phiên họp của Ban Chỉ đạo du lịch phải gửi chậm nhất bao nhiêu ngày làm việc sau phiên họp?", QD170,
  numbers=["5"])  # fmt: skip
q("sections", "Quy chế hoạt động của Ban Chỉ đạo Nhà nước về Du lịch có mấy chương, bao nhiêu điều?", QD170,
  numbers=[str(n_chuong), str(n_dieu)])  # fmt: skip
q(
    "lookup",
    "Truong Ban Chi dao Nha nuoc ve Du lich su dung con dau cua ai?",
    QD170,
    contains=["con dấu của Thủ tướng Chính phủ"],
    na=True,
)
q("sections", "Chương III của Quy chế Ban Chỉ đạo Nhà nước về Du lịch nói về nội dung gì?", QD170,
  contains=["CHẾ ĐỘ LÀM VIỆC CỦA BAN CHỈ ĐẠO"])  # fmt: skip
nf("Chương V của Quy chế hoạt động Ban Chỉ đạo Nhà nước về Du lịch quy định gì?", QD170, absent=["Chương V"])
nf("Ban Chỉ đạo Nhà nước về Du lịch có bao nhiêu thành viên theo QĐ 170?", QD170)
nf(
    "Muc chi hoat dong hang nam cua Ban Chi dao Nha nuoc ve Du lich la bao nhieu ty dong?",
    QD170,
    na=True,
    absent=["tỷ đồng"],
)

# ================================================================ CV 5282/CT-CS (hóa đơn khi bị cưỡng chế)
q("lookup", "Công văn 5282/CT-CS gửi cơ quan nào?", CV5282, "Kính gửi", contains=["Thuế tỉnh Quảng Ninh"])
q("lookup", "Theo cong van 5282/CT-CS, nguoi nop thue dang bi cuong che ngung su dung hoa don phai nop ngay it nhat bao nhieu phan tram doanh thu tren hoa don?",
  CV5282, numbers=["18"], na=True)  # fmt: skip
q("comparison", "Theo CV 5282, nếu hóa đơn được sử dụng ghi doanh thu 500 triệu đồng thì người nộp thuế phải nộp ngay vào ngân sách ít nhất bao nhiêu triệu?",
  CV5282, numbers=[vn(D(500) * D("0.18"))])  # fmt: skip
q("lookup", "Ai ký công văn 5282/CT-CS của Cục Thuế?", CV5282, contains=["Phạm Thị Minh Hiền"])
q("lookup", "Khi người nộp thuế đang bị cưỡng chế ngừng sử dụng hóa đơn, cơ quan thuế cấp loại hóa đơn nào theo CV 5282?", CV5282,
  contains=["hóa đơn có mã của cơ quan thuế theo từng lần phát sinh"])  # fmt: skip
nf("CV 5282/CT-CS nêu tên doanh nghiệp nào ở Quảng Ninh bị cưỡng chế hóa đơn?", CV5282, absent=["Công ty"])
nf(
    "Thue suat thue GTGT doi voi than da theo cong van 5282 la bao nhieu?",
    CV5282,
    na=True,
    absent=["than đá", "thuế suất"],
)

# ================================================================ CV 11583/VPCP-CN (đường Hồ Chí Minh)
q(
    "lookup",
    "Công văn 11583/VPCP-CN gửi ai và về việc gì?",
    CV11583,
    contains=["Bộ trưởng Bộ Xây dựng", "đường Hồ Chí Minh"],
)
q(
    "lookup",
    "Theo CV 11583/VPCP-CN, du an duong Ho Chi Minh phai hoan thanh vao nam nao?",
    CV11583,
    numbers=["2026"],
    na=True,
)
q("lists", "CV 11583 yêu cầu Bộ Xây dựng khẩn trương xử lý những vướng mắc gì?", CV11583,
  contains=["bố trí nguồn vốn", "phóng mặt bằng", "cấp mỏ khoáng sản"], na=True)  # fmt: skip
q("lookup", "Nghi quyet cua Quoc hoi ve du an duong Ho Chi Minh nhac den trong CV 11583 la nhung nghi quyet nao?", CV11583,
  contains=["66/2013/QH13", "63/2022/QH15"], na=True)  # fmt: skip
nf(
    "Tổng mức đầu tư dự án đường Hồ Chí Minh theo CV 11583/VPCP-CN là bao nhiêu tỷ đồng?",
    CV11583,
    absent=["tỷ đồng"],
)
nf("Chiều dài toàn tuyến đường Hồ Chí Minh là bao nhiêu km?", CV11583, absent=["km"])

# ================================================================ CV 39209/CHQ-GSQL (Cục Hải quan)
q("lookup", "Công văn 39209/CHQ-GSQL trả lời công ty nào?", CV39209, contains=["Bao bì Kỹ thuật cao Riches"])
q(
    "lookup",
    "Vì sao Cục Hải quan chưa đủ cơ sở trả lời Công ty Riches?",
    CV39209,
    contains=["không nêu cụ thể hình thức nhập khẩu"],
)
q(
    "lists",
    "CV 39209 đề nghị Công ty Riches liên hệ những bộ nào?",
    CV39209,
    contains=["Bộ Khoa học và Công nghệ", "Bộ Công Thương"],
)
q(
    "lookup",
    "Ai ky cong van 39209/CHQ-GSQL va ky ngay nao?",
    CV39209,
    contains=["Nguyễn Bắc Hải"],
    any_=[date(1, 12, 2025)],
    na=True,
)
nf(
    "Theo CV 39209, thuế suất nhập khẩu máy móc thiết bị cũ của Công ty Riches là bao nhiêu?",
    CV39209,
    absent=["thuế suất"],
)

# ================================================================ TT 44/2025/TT-NHNN (đại lý thanh toán)
q("lookup", "Thông tư sửa đổi Thông tư 07/2024/TT-NHNN về đại lý thanh toán có hiệu lực từ ngày nào?", TT44, "Điều 10",
  any_=[date(3, 1, 2026)])  # fmt: skip
q("lookup", "Thong tu 44/2025/TT-NHNN do ai ky?", TT44, contains=["Phạm Tiến Dũng"], na=True)
q("lookup", "Thông tư sửa đổi Thông tư 07/2024/TT-NHNN có số hiệu là gì và ban hành ngày nào?", TT44, contains=["44/2025/TT-NHNN"],
  any_=[date(18, 11, 2025)])  # fmt: skip
q("lookup", "Thời hạn nộp báo cáo quý về tình hình hoạt động giao đại lý thanh toán là khi nào?", TT44,
  contains=["ngày 10 của tháng đầu tiên quý tiếp theo"])  # fmt: skip
q("conditions", "Bên giao đại lý có phải gửi báo cáo quý IV về hoạt động giao đại lý thanh toán không?", TT44,
  contains=["chỉ thực hiện báo cáo Quý I, II và III"])  # fmt: skip
q("lists", "Theo TT 44/2025/TT-NHNN, bên đại lý được nhận tiền mặt để nộp/rút vào những loại tài khoản, thẻ nào của khách hàng?", TT44,
  "Điều 1", contains=["tài khoản thanh toán", "thẻ ghi nợ, thẻ trả trước định danh", "thẻ tín dụng"])  # fmt: skip
q("sections", "Thong tu 44/2025/TT-NHNN co bao nhieu dieu?", TT44, numbers=["10"], na=True)
q("loose_names", "TT 44 của NHNN giao Thanh tra NHNN làm gì?", TT44, "Điều 6",
  contains=["thanh tra đối với bên giao đại lý, bên đại lý"])  # fmt: skip
nf(
    "Phí đại lý thanh toán tối đa theo Thông tư 44/2025/TT-NHNN là bao nhiêu?",
    TT44,
    absent=["phí đại lý", "000 đồng"],
)
nf(
    "Thong tu 44/2025/TT-NHNN quy dinh han muc rut tien mat toi da tai diem dai ly la bao nhieu?",
    TT44,
    na=True,
    absent=["hạn mức"],
)
nf("Giá vàng SJC hôm nay bao nhiêu một lượng?", TT44, absent=["vàng"])

# ================================================================ TT 21/2025/TT-BGDĐT (dạy thêm giờ)
stands(TT21, "Tiền lương 01 tiết dạy x 150%")
q("lookup", "Theo Thông tư 21/2025/TT-BGDĐT, tổng số tiết dạy thêm trong một năm học của mỗi nhà giáo được tính trả lương không quá bao nhiêu tiết?",
  TT21, "Điều 3", numbers=["200"])  # fmt: skip
q("lookup", "Tien luong 01 tiet day them bang bao nhieu phan tram tien luong 01 tiet day theo TT 21/2025/TT-BGDDT?", TT21, "Điều 5",
  numbers=["150"], na=True)  # fmt: skip
q("comparison", "Nếu tiền lương 01 tiết dạy của một giáo viên là 100.000 đồng thì tiền lương 01 tiết dạy thêm là bao nhiêu theo TT 21/2025?",
  TT21, "Điều 5", numbers=[dong(D(100000) * D("1.5"))])  # fmt: skip
q("comparison", "Giao vien co tien luong 01 tiet day la 100.000 dong, day them 200 tiet trong nam hoc thi tien luong day them gio/nam hoc la bao nhieu?",
  TT21, "Điều 5", numbers=[dong(D(100000) * D("1.5") * 200)], na=True)  # fmt: skip
q("conditions", "Thông tư 21/2025/TT-BGDĐT có áp dụng cho nhà giáo trong trường của Bộ Công an không?", TT21, "Điều 1",
  contains=["không áp dụng"])  # fmt: skip
q("conditions", "Theo TT 21/2025, nhà giáo nghỉ 3 ngày trong một tuần thì tuần đó có được tính vào số tuần thực dạy không?", TT21,
  "Điều 6", contains=["nghỉ từ 03 ngày trở lên"])  # fmt: skip
q("lookup", "Ai ký Thông tư 21/2025/TT-BGDĐT về dạy thêm giờ?", TT21, contains=["Phạm Ngọc Thưởng"])
q("lookup", "TT 21/2025/TT-BGDĐT có hiệu lực từ khi nào?", TT21, "Điều 8", contains=["kể từ ngày ký"])
q("sections", "Thông tư 21/2025/TT-BGDĐT gồm mấy điều?", TT21, numbers=["8"])
nf(
    "Thông tư 21/2025/TT-BGDĐT được ký ngày nào?",
    TT21,
    absent=["tháng 11 năm 2025", "/11/2025", "tháng 10 năm 2025"],
)
nf(
    "Định mức tiết dạy của giáo viên trung học cơ sở theo TT 21/2025 là bao nhiêu tiết một tuần?",
    TT21,
    absent=["tiết/tuần"],
)
nf("Muc luong co so hien nay la bao nhieu dong mot thang?", TT21, na=True, absent=["đồng/tháng"])

# ================================================================ NĐ 297/2025/NĐ-CP (liên thông karaoke)
nd = ws(text(ND297))
parts = [int(x) for x in re.findall(r"không quá (\d{2}) ngày làm việc;", nd)[:2]] + [10]
stands(ND297, "kinh doanh dịch vụ karaoke không quá 10 ngày làm việc.")
steps = [int(x) for x in re.findall(r"Trong thời hạn (\d{2}) ngày làm việc", nd)]
assert parts == [3, 3, 10] and steps == [3, 4, 3], (parts, steps)
q("lookup", "Nghị định về liên thông điện tử nhóm thủ tục cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke có số hiệu là gì?", ND297,
  contains=["297/2025/NĐ-CP"])  # fmt: skip
q(
    "lookup",
    "Nghi dinh 297/2025/ND-CP co hieu luc tu ngay nao?",
    ND297,
    "Điều 15",
    any_=[date(17, 11, 2025)],
    na=True,
)
q("lookup", "Thời gian giải quyết thủ tục liên thông cấp Giấy phép kinh doanh karaoke theo NĐ 297/2025 tối đa bao nhiêu ngày làm việc?",
  ND297, "Điều 6", numbers=["16"])  # fmt: skip
q("aggregates", "Theo NĐ 297/2025, cộng thời hạn của ba thủ tục thành phần (đăng ký hộ kinh doanh, an ninh trật tự, giấy phép karaoke) được bao nhiêu ngày làm việc?",
  ND297, "Điều 6", numbers=[str(sum(parts))])  # fmt: skip
q("comparison", "Cấp Giấy phép karaoke mất nhiều hơn cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự bao nhiêu ngày làm việc theo NĐ 297?",
  ND297, "Điều 6", numbers=[str(parts[2] - parts[1])])  # fmt: skip
q("lists", "Ho so lien thong dien tu cap giay phep kinh doanh karaoke gom nhung giay to gi theo ND 297?", ND297, "Điều 4",
  contains=["Tờ khai điện tử", "nghiệm thu về phòng cháy và chữa cháy", "Phiếu lý lịch tư pháp"], na=True)  # fmt: skip
q("conditions", "Lệ phí thủ tục liên thông karaoke có được hoàn trả nếu hộ kinh doanh không được cấp Giấy phép không?", ND297, "Điều 9",
  contains=["không được hoàn trả"])  # fmt: skip
q("sections", "Nghi dinh 297/2025/ND-CP gom may chuong, bao nhieu dieu?", ND297, numbers=["4", "16"], na=True)
q("aggregates", "Theo Điều 7 NĐ 297, cộng các thời hạn thẩm định hồ sơ, Đoàn thẩm định làm việc và cấp giấy phép karaoke thì được bao nhiêu ngày làm việc?",
  ND297, "Điều 7", numbers=[str(sum(steps))])  # fmt: skip
q(
    "loose_names",
    "Theo NĐ 297, Bộ VHTTDL có trách nhiệm gì?",
    ND297,
    "Điều 13",
    contains=["Công bố, công khai thủ tục hành chính"],
)
nf(
    "Lệ phí cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke theo NĐ 297/2025 là bao nhiêu tiền?",
    ND297,
    absent=["000 đồng"],
)
nf(
    "NĐ 297/2025/NĐ-CP quy định diện tích phòng hát karaoke tối thiểu là bao nhiêu mét vuông?",
    ND297,
    absent=["diện tích", "m2"],
)
nf(
    "Nghi dinh 297/2025 quy dinh lien thong cap giay phep kinh doanh quan bar nhu the nao?",
    ND297,
    na=True,
    absent=["quán bar"],
)

# ================================================================ across the batch
q("across", "NQ 21/2025 Vĩnh Long và KH 624 Hà Tĩnh cùng dẫn chiếu nghị định nào của Chính phủ về nơi có nhiều lao động?", NQ21, "Điều 1",
  contains=["145/2020/NĐ-CP"], more=[(KH624, "")])  # fmt: skip
q("across", "QĐ 35/2025 Cần Thơ và QĐ 209/2025 Hải Phòng cùng ký ngày 17/11/2025; quyết định nào có hiệu lực ngay ngày ký?", QD209,
  "Điều 4", contains=["209/2025"], more=[(QD35, "Điều 4")])  # fmt: skip
q("across", "Những văn bản nào của Văn phòng Chính phủ truyền đạt ý kiến hoặc giao việc cho Phó Thủ tướng Trần Hồng Hà?", TB627,
  contains=["627/TB-VPCP", "11583/VPCP-CN"], more=[(CV11583, "")], na=True)  # fmt: skip
q("across", "QĐ 032/2025 Đắk Lắk và QĐ 44/2025 Quảng Ngãi về phân cấp định mức máy móc cùng căn cứ quyết định nào của Thủ tướng?",
  QD032, contains=["15/2025/QĐ-TTg"], more=[(QD44, "")])  # fmt: skip
q("across", "NQ 51/2025 Hà Nội và NQ 20/2025 Vĩnh Long, nghị quyết nào có hiệu lực muộn hơn?", NQ51, "Điều 5", contains=["51/2025"],
  more=[(NQ20, "Điều 3")])  # fmt: skip
q("across", "QĐ 2536/QĐ-TTg và NQ 375/NQ-CP do những Phó Thủ tướng nào ký?", QD2536, contains=["Lê Thành Long", "Hồ Đức Phớc"],
  more=[(NQ375, "")], na=True)  # fmt: skip
q("across", "Công văn 11583/VPCP-CN và Thông báo 627/TB-VPCP, văn bản nào do Phó Chủ nhiệm Nguyễn Sỹ Hiệp ký?", TB627,
  contains=["627"], more=[(CV11583, "")])  # fmt: skip
q("across", "Trong QĐ 39/2025 Quảng Trị và QĐ 170/QĐ-BCĐNNDL, văn bản kèm theo là quy định hay quy chế?", QD39,
  contains=["QUY ĐỊNH", "QUY CHẾ"], more=[(QD170, "")])  # fmt: skip

# ================================================================ follow-ups
q("followups", "Còn giáo viên thì sao?", NQ21, "Điều 2", contains=["800.000"],
  history=[("user", "NQ 21/2025 Vĩnh Long hỗ trợ trẻ em mầm non bao nhiêu một tháng?")])  # fmt: skip
q("followups", "Con o phuong?", NQ20, "Điều 2", numbers=["200"],
  history=[("user", "Hoc phi THPT cong lap o xa tai Vinh Long nam hoc 2025-2026 la bao nhieu?"),
           ("assistant", "Mức học phí trung học phổ thông ở khu vực nông thôn (xã) là 130 nghìn đồng/người học/tháng [1].")], na=True)  # fmt: skip
q("followups", "Quyết định ấy ai ký vậy?", QD2536, contains=["Lê Thành Long"],
  history=[("user", "Quyết định nào chuyển Trường Đại học Công nghiệp Hà Nội thành Đại học Công nghiệp Hà Nội?")])  # fmt: skip
q("followups", "Còn báo cáo năm?", QD170, contains=["15 tháng 11"],
  history=[("user", "Theo Quy chế Ban Chỉ đạo Nhà nước về Du lịch, thành viên báo cáo 6 tháng trước ngày nào?"),
           ("assistant", "Trước ngày 20 tháng 6 hằng năm [1].")])  # fmt: skip
q("followups", "Thế còn Sở Xây dựng?", KH624, "V.6", contains=["338/QĐ-TTg"],
  history=[("user", "Trong KH 624 Hà Tĩnh, Sở Y tế làm gì?")])  # fmt: skip
q("followups", "Hat do co nhung tram nao?", QD39, contains=["Bến Tiến"],
  history=[("user", "Tram Kiem lam Ben Tien thuoc Hat Kiem lam nao?"),
           ("assistant", "Trạm Kiểm lâm Bến Tiến thuộc Hạt Kiểm lâm Lệ Thủy [1].")], na=True)  # fmt: skip
q("followups", "Còn người tốt nghiệp cao đẳng, trung cấp?", NQ51, "Điều 2", numbers=["1,86"],
  history=[("user", "NQ 51 Hà Nội: nhân viên thú y tốt nghiệp đại học hưởng phụ cấp hệ số bao nhiêu?")])  # fmt: skip
q("followups", "Con thu tuc mien nhiem thi ma la gi?", QD3574, contains=["1.013876"],
  history=[("user", "Ma TTHC bo nhiem giam dinh vien phap y theo QD 3574/QD-BYT la gi?"),
           ("assistant", "Mã thủ tục là 1.013871 [1].")], na=True)  # fmt: skip
q("followups", "Còn cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự thì mất bao lâu?", ND297, "Điều 6", contains=["03 ngày làm việc"],
  history=[("user", "NĐ 297/2025: cấp Giấy chứng nhận đăng ký hộ kinh doanh mất bao nhiêu ngày?")])  # fmt: skip
q("followups", "Nếu học trực tuyến thì sao?", NQ20, "Điều 2", numbers=["75"],
  history=[("user", "Học phí THCS công lập ở phường tại Vĩnh Long là bao nhiêu?"),
           ("assistant", "120 nghìn đồng/người học/tháng [1].")])  # fmt: skip
q("followups", "Dự án đó phải khánh thành ngày nào?", TB627, "III.2", any_=[date(19, 12, 2025)],
  history=[("user", "TB 627: dự án Cảng hàng không quốc tế Long Thành giai đoạn 1 đã hoàn thành bao nhiêu phần trăm khối lượng?")])  # fmt: skip
q("followups", "Còn năm học 2024 - 2025 thì học phí bao nhiêu?", NQ20, nf=True,
  history=[("user", "Học phí mầm non công lập ở xã tại Vĩnh Long năm học 2025-2026 là bao nhiêu?"),
           ("assistant", "80 nghìn đồng/người học/tháng [1].")])  # fmt: skip
q("followups", "Thông tư đó có hiệu lực từ bao giờ?", TT44, "Điều 10", any_=[date(3, 1, 2026)],
  history=[("user", "Thông tư nào sửa đổi Thông tư 07/2024/TT-NHNN về hoạt động đại lý thanh toán?")])  # fmt: skip


def main() -> None:
    out = HERE / "probe4.jsonl"
    out.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in ITEMS), encoding="utf-8")
    used = {d for it in ITEMS for d in it["docs"]} - {QD44}
    assert used == set(FILES), sorted(set(FILES) ^ used)
    (HERE / "probe4-files.txt").write_text("".join(f"{d}.md\n" for d in sorted(FILES)), encoding="utf-8")
    n_nf = sum(1 for it in ITEMS if it["expect"].get("not_found"))
    n_na = sum(1 for it in ITEMS if unaccent(it["question"]) == it["question"])
    print(
        f"{len(ITEMS)} questions -> {out.name} ({n_nf} not_found, {n_na} without accents); {len(FILES)} files -> probe4-files.txt"
    )


if __name__ == "__main__":
    main()

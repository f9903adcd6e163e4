"""Write eval/bank/probe.jsonl: the "probe" batch of tuning questions (see README.md).

    python3 eval/bank/make_probe.py

Written by an examiner who did not run the assistant: every figure over the công văn's score
tables is computed here with Decimal from the file itself (and checked against the totals it
prints); the real documents' figures are computed from the values they print.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal as D
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"


def vn(x: D) -> str:
    """A Decimal the Vietnamese way: 2,49; 76,16; 4."""
    s = format(x.normalize(), "f")
    return s.replace(".", ",")


def read_tables() -> dict[str, dict]:
    """code -> {appendix, scale, score, deducted} from the công văn's three appendices."""
    rows: dict[str, dict] = {}
    app = ""
    totals: dict[str, list[D]] = {}
    for line in (ROOT / "corpus" / f"{CV}.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^Phụ lục (I+)$", line.strip())
        if m:
            app = m[1]
            continue
        cells = line.split("\t")
        if app and len(cells) >= 4 and re.match(r"^[A-D]\.[\d.]+\.", cells[1].strip()):
            code = cells[1].split(" ")[0].rstrip(".")
            nums = [D(c.strip().replace(",", ".")) for c in cells[2:] if c.strip()]
            scale, score = nums[0], nums[1]
            ded = nums[2] if len(nums) > 2 else scale - score
            assert ded == scale - score, code
            rows[code] = {"app": app, "scale": scale, "score": score, "ded": ded}
        elif app and len(cells) >= 3 and cells[1].strip() == "Tổng điểm":
            totals[app] = [D(c.strip().replace(",", ".")) for c in cells[2:] if c.strip()]
    for app, printed in totals.items():
        mine = [r for r in rows.values() if r["app"] == app]
        assert sum(r["scale"] for r in mine) == printed[0], (app, printed)
        assert sum(r["ded"] for r in mine) == printed[-1] or app == "I", (app, printed)
    assert len(rows) == 49 and sum(r["scale"] for r in rows.values()) == 100
    return rows


T = read_tables()


def codes(pred) -> list[str]:
    return sorted(c for c, r in T.items() if pred(c, r))


def total(key: str, pred=lambda c, r: True) -> D:
    return sum((r[key] for c, r in T.items() if pred(c, r)), D(0))


ITEMS: list[dict] = []


def q(cls, question, contains=None, any_=None, numbers=None, cites=None, docs=None, nf=False, history=None):
    exp: dict = {}
    if contains:
        exp["contains"] = contains
    if any_:
        exp["contains_any"] = any_
    if numbers:
        exp["numbers"] = numbers
    if cites:
        exp["cites"] = [{"doc": d, "section": s} for d, s in cites]
    if nf:
        exp["not_found"] = True
    it = {"id": f"pr-{len(ITEMS) + 1:03d}", "question": question, "class": cls}
    if history:
        it["history"] = [{"role": r, "content": c} for r, c in history]
    it["expect"] = exp
    if docs:
        it["docs"] = docs
    it["frozen"] = False
    ITEMS.append(it)


# ---------------------------------------------------------------- corpus: lookup
q(
    "lookup",
    "Người ký công văn 410 là ai, giữ chức gì?",
    contains=["Lê Anh Quân"],
    any_=[["PHÓ CHỦ TỊCH"]],
    cites=[(CV, "")],
)
q(
    "lookup",
    "cv 410 ban hanh ngay nao vay",
    any_=[["03 tháng 3 năm 2025", "03/3/2025", "3/3/2025", "03/03/2025"]],
    cites=[(CV, "")],
)
q(
    "lookup",
    "Tiêu chí kiểm soát tài sản, thu nhập (TSTN) B.1.9 được chấm mấy điểm?",
    numbers=["5"],
    cites=[(CV, "Phụ lục I")],
)
q(
    "lookup",
    "Tieu chi C.3.5 can cu vao dieu khoan nao cua luat?",
    contains=["Khoản 2 - Điều 94"],
    cites=[(CV, "Phụ lục III")],
)
q(
    "lookup",
    "Thanh tra thành phố xác minh tài sản, thu nhập năm 2025 theo nghị định nào?",
    contains=["130/2020/NĐ-CP"],
    cites=[(CV, "II.2")],
)
q(
    "lookup",
    "Theo kế hoạch của đặc khu, Chiến lược được tổng kết vào năm nào?",
    numbers=["2031"],
    cites=[(KH, "III.1.2")],
)
q(
    "lookup",
    "giai doan thu nhat cua chien luoc tu nam nao den nam nao",
    numbers=["2023", "2026"],
    cites=[(KH, "III.1.1")],
)

# ---------------------------------------------------------------- corpus: conditions
c1 = codes(lambda c, r: D("0.7") <= r["ded"] <= D("0.8"))
assert c1 == ["A.2.2.1", "A.2.5", "A.2.7"], c1
q("conditions", "nhung tieu chi nao bi tru tu 0,7 den 0,8 diem?", contains=c1, cites=[(CV, "Phụ lục II")])
c2 = codes(lambda c, r: r["app"] == "II" and r["scale"] == D("1.5"))
assert c2 == ["A.2.5", "A.2.6"], c2
q("conditions", "Trong Phụ lục II, tiêu chí nào có thang điểm 1,5?", contains=c2, cites=[(CV, "Phụ lục II")])
c3 = codes(lambda c, r: r["scale"] == 2 and r["score"] == 0)
assert c3 == ["B.2.2", "D.1.2"], c3
q(
    "conditions",
    "Tiêu chí nào thang điểm 2 mà bị trừ sạch, không được điểm nào?",
    contains=c3,
    cites=[(CV, "Phụ lục III")],
)
c4 = codes(lambda c, r: c.startswith("C.3.") and r["ded"] > 0)
assert c4 == ["C.3.4", "C.3.5", "C.3.6"], c4
q("conditions", "Trong mục C.3, những tiêu chí nào bị trừ điểm?", contains=c4, cites=[(CV, "Phụ lục III")])
c5 = codes(lambda c, r: r["ded"] > 0 and r["score"] < r["ded"] and r["score"] > 0)
q(
    "conditions",
    "Những tiêu chí nào có điểm bị trừ lớn hơn điểm thẩm định nhưng vẫn được trên 0 điểm?",
    contains=c5,
    cites=[(CV, "Phụ lục II"), (CV, "Phụ lục III")],
)

# ---------------------------------------------------------------- corpus: aggregates
a1 = total("ded", lambda c, r: c.startswith("A.2."))
assert a1 == D("3.18"), a1
q(
    "aggregates",
    "Cộng hết điểm bị trừ của các tiêu chí thuộc mục A.2 thì được bao nhiêu?",
    numbers=[vn(a1)],
    cites=[(CV, "Phụ lục II")],
)
a2 = total("score", lambda c, r: c in {"A.2.4", "A.2.5", "A.2.6"})
assert a2 == D("3.85"), a2
q(
    "aggregates",
    "Ba tiêu chí về tiếp công dân (A.2.4, A.2.5, A.2.6) cộng lại được bao nhiêu điểm thẩm định?",
    numbers=[vn(a2)],
    cites=[(CV, "Phụ lục I"), (CV, "Phụ lục II")],
)
a3 = len(codes(lambda c, r: c.startswith("D.") and r["ded"] > 0))
assert a3 == 4
q("aggregates", "Nhom D co may tieu chi bi tru diem?", numbers=[str(a3)], cites=[(CV, "Phụ lục III")])
a4 = total("score", lambda c, r: c.startswith("B.1.10."))
assert a4 == 4
q(
    "aggregates",
    "Mục B.1.10 về Chỉ thị 10 được tổng bao nhiêu điểm?",
    numbers=[vn(a4)],
    cites=[(CV, "Phụ lục I"), (CV, "Phụ lục III")],
)
a5 = total("scale")
q(
    "aggregates",
    "Cộng thang điểm của cả ba phụ lục thì được bao nhiêu?",
    numbers=[vn(a5)],
    cites=[(CV, "Phụ lục I")],
)

# ---------------------------------------------------------------- corpus: comparison
s2, s3 = total("score", lambda c, r: r["app"] == "II"), total("score", lambda c, r: r["app"] == "III")
assert (s2, s3) == (D("15.58"), D("15.09"))
q(
    "comparison",
    "Xét điểm thẩm định, Phụ lục II hay Phụ lục III được nhiều điểm hơn, hơn bao nhiêu?",
    numbers=[vn(s2 - s3)],
    cites=[(CV, "Phụ lục II"), (CV, "Phụ lục III")],
)
grand = total("score")
assert grand == D("73.67")
wi = grand + total("ded", lambda c, r: r["ded"] > 2)
assert wi == D("76.16")
q(
    "comparison",
    "Nếu các tiêu chí bị trừ trên 2 điểm được gỡ lại đủ điểm thì tổng điểm thành bao nhiêu?",
    numbers=[vn(wi)],
    cites=[(CV, "Phụ lục III")],
)
q(
    "comparison",
    "C.1.3 duoc nhieu hon C.1.1 bao nhieu diem tham dinh?",
    numbers=[vn(T["C.1.3"]["score"] - T["C.1.1"]["score"])],
    cites=[(CV, "Phụ lục III")],
)
q(
    "comparison",
    "Điểm bị trừ của D.2.2 và D.2.1 chênh nhau bao nhiêu?",
    numbers=[vn(T["D.2.2"]["ded"] - T["D.2.1"]["ded"])],
    cites=[(CV, "Phụ lục II"), (CV, "Phụ lục III")],
)
dC, dA = total("ded", lambda c, r: c[0] == "C"), total("ded", lambda c, r: c[0] == "A")
q(
    "comparison",
    "Nhóm C bị trừ nhiều hơn nhóm A bao nhiêu điểm?",
    numbers=[vn(dC - dA)],
    cites=[(CV, "Phụ lục III")],
)

# ---------------------------------------------------------------- corpus: direction
q(
    "direction",
    "Trong Phụ lục III, tiêu chí nào còn giữ được nhiều điểm thẩm định nhất?",
    contains=["C.1.3"],
    numbers=["5,83"],
    cites=[(CV, "Phụ lục III")],
)
q(
    "direction",
    "Trong nhóm B, tiêu chí nào có thang điểm lớn nhất?",
    contains=["B.1.1"],
    numbers=["6"],
    cites=[(CV, "Phụ lục III")],
)
q(
    "direction",
    "Trong nhom D tieu chi nao mat it diem nhat?",
    contains=["D.1.1"],
    numbers=["0,17"],
    cites=[(CV, "Phụ lục II")],
)
cc = [c for c, r in T.items() if c[0] == "C" and r["ded"] > 0]
best = max(cc, key=lambda c: T[c]["score"] / T[c]["scale"])
assert best == "C.1.3"
q(
    "direction",
    "Trong số tiêu chí nhóm C bị trừ điểm, tiêu chí nào đạt tỷ lệ so với thang điểm cao nhất?",
    contains=[best],
    cites=[(CV, "Phụ lục III")],
)

# ---------------------------------------------------------------- corpus: ties
deds = sorted({r["ded"] for r in T.values()}, reverse=True)
second = codes(lambda c, r: r["ded"] == deds[1])
assert second == ["B.1.1", "B.2.2", "D.1.2"], second
q(
    "ties",
    "Tiêu chí nào bị trừ nhiều điểm thứ nhì trong cả công văn?",
    contains=second,
    numbers=["2"],
    cites=[(CV, "Phụ lục III")],
)
p3 = sorted((c for c, r in T.items() if r["app"] == "III"), key=lambda c: T[c]["ded"])
cut = T[p3[4]]["ded"]
low5 = codes(lambda c, r: r["app"] == "III" and r["ded"] <= cut)
assert len(low5) == 6, low5
q(
    "ties",
    "5 tieu chi bi tru it diem nhat trong phu luc III la nhung tieu chi nao?",
    contains=low5,
    cites=[(CV, "Phụ lục III")],
)
zeros = codes(lambda c, r: r["app"] == "III" and r["score"] == 0)
assert len(zeros) == 8, zeros
q(
    "ties",
    "Ba tiêu chí có điểm thẩm định thấp nhất ở Phụ lục III?",
    contains=zeros,
    cites=[(CV, "Phụ lục III")],
)
big2 = codes(
    lambda c, r: r["app"] == "II" and r["scale"] == max(x["scale"] for x in T.values() if x["app"] == "II")
)
assert big2 == ["A.2.2.2", "D.1.1"], big2
q(
    "ties",
    "Phụ lục II: tiêu chí nào có thang điểm lớn nhất?",
    contains=big2,
    numbers=["3"],
    cites=[(CV, "Phụ lục II")],
)

# ---------------------------------------------------------------- corpus: sections
q("sections", "Phần I của công văn 410 có bao nhiêu mục?", numbers=["3"], cites=[(CV, "I")])
q(
    "sections",
    "Mục 2.5 phần III kế hoạch Cát Hải kiến nghị những ai?",
    contains=["Đảng ủy đặc khu", "HĐND đặc khu", "Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"],
    cites=[(KH, "III.2.5")],
)
q(
    "sections",
    "muc 2.3 phan III ke hoach cat hai giao cho ai lam gi",
    contains=["Văn hóa-Xã hội", "Cổng thông tin điện tử"],
    cites=[(KH, "III.2.3")],
)
q(
    "sections",
    "Phụ lục I của công văn 410 có tên là gì?",
    contains=["ĐẠT 100% THANG ĐIỂM"],
    cites=[(CV, "Phụ lục I")],
)
q(
    "sections",
    "Phần II của kế hoạch đặc khu gồm bao nhiêu nhóm nhiệm vụ, giải pháp?",
    numbers=["5"],
    cites=[(KH, "II")],
)

# ---------------------------------------------------------------- corpus: lists
q(
    "lists",
    "Đài Phát thanh và Truyền hình Hải Phòng tiếp nhận phản ánh về những lĩnh vực dư luận quan tâm nào?",
    contains=["sử dụng ngân sách nhà nước", "giải phóng mặt bằng", "đấu thầu"],
    cites=[(CV, "II.8")],
)
q(
    "lists",
    "Công văn 410 được ban hành trên cơ sở đề nghị tại những văn bản nào?",
    contains=["2666/TTCP-C.IV", "10369-CV/VPTU", "241/TTTP-NV4"],
    cites=[(CV, "")],
)
q(
    "lists",
    "Liet ke cac noi dung chinh ma So Thong tin va Truyen thong phai tap trung truyen thong",
    contains=["quy định mới về hành vi tham nhũng", "khu vực ngoài nhà nước", "tấm gương tiêu biểu"],
    cites=[(CV, "II.7")],
)
q(
    "lists",
    "Quan điểm của kế hoạch Cát Hải yêu cầu sử dụng đồng bộ những biện pháp nào?",
    contains=["chính trị", "tư tưởng", "tổ chức", "hành chính", "kinh tế", "hình sự"],
    cites=[(KH, "I.1")],
)
q(
    "lists",
    "Sở Văn hóa và Thể thao xây dựng những loại hình chương trình nghệ thuật nào?",
    contains=["sân khấu truyền hình", "vở diễn", "triển lãm", "truyền thông lưu động"],
    cites=[(CV, "II.9")],
)
q(
    "lists",
    "Những dấu hiệu vi phạm biện pháp phòng ngừa tham nhũng trong doanh nghiệp nêu ở mục II.1 công văn 410 gồm những gì?",
    contains=[
        "không ban hành quy định",
        "thực hiện không đúng, không đầy đủ",
        "không kiểm tra, giám sát",
        "giải quyết phản ánh, tố cáo",
    ],
    cites=[(CV, "II.1")],
)

# ---------------------------------------------------------------- corpus: across
q(
    "across",
    "Thanh tra thành phố được nhắc đến trong văn bản nào?",
    contains=["Thanh tra thành phố"],
    cites=[(CV, "II.2"), (KH, "")],
)
q(
    "across",
    "Van ban nao nhac den Chi thi 05-CT/TW cua Bo Chinh tri?",
    contains=["05-CT/TW"],
    cites=[(CV, "II.8")],
)
q(
    "across",
    "Cả hai văn bản có giao việc cho Sở Tư pháp không?",
    contains=["Sở Tư pháp"],
    cites=[(CV, "II.5")],
)
q(
    "across",
    "Văn bản nào đề cập đến chuyển đổi số?",
    contains=["chuyển đổi số"],
    cites=[(CV, "Phụ lục III"), (KH, "II.3")],
)

# ---------------------------------------------------------------- corpus: loose names
q(
    "loose_names",
    "Sở TT-TT phối hợp với ai để xây dựng CSDL kiểm soát tài sản, thu nhập?",
    contains=["Thanh tra thành phố"],
    cites=[(CV, "II.7")],
)
q(
    "loose_names",
    "Ban Tiếp CD thành phố do cơ quan nào chỉ đạo?",
    contains=["Văn phòng Ủy ban nhân dân thành phố"],
    cites=[(CV, "II.3")],
)
q(
    "loose_names",
    "VKSND kv4 HP duoc de nghi gi trong ke hoach cat hai",
    contains=["nghiêm túc thực hiện Kế hoạch"],
    cites=[(KH, "III.2.4")],
)
q(
    "loose_names",
    "Sở GDĐT lồng ghép nội dung PCTN vào môn học nào?",
    contains=["Giáo dục công dân"],
    cites=[(CV, "II.10")],
)
q(
    "loose_names",
    "VP HĐND & UBND đặc khu báo cáo tình hình thực hiện KH bao lâu một lần?",
    contains=["hằng năm"],
    cites=[(KH, "III.2.2")],
)

# ---------------------------------------------------------------- corpus: followups
q(
    "followups",
    "Thế còn thang điểm của nó?",
    numbers=["1,5"],
    cites=[(CV, "Phụ lục II")],
    history=[("user", "Tiêu chí A.2.5 đạt bao nhiêu điểm?")],
)
q(
    "followups",
    "Cái nào trong số đó thuộc nhóm B?",
    contains=["B.1.3", "B.1.10.1", "B.2.1"],
    cites=[(CV, "Phụ lục III")],
    history=[("user", "Những tiêu chí nào bị trừ đúng 1 điểm?")],
)
q(
    "followups",
    "tong diem bi tru cua chung la bao nhieu",
    numbers=["20,91"],
    cites=[(CV, "Phụ lục III")],
    history=[
        ("user", "Phụ lục III có bao nhiêu tiêu chí?"),
        ("assistant", "Phụ lục III của công văn 410 có 15 tiêu chí bị trừ từ 01 điểm trở lên."),
    ],
)
q(
    "followups",
    "Trong giai đoạn đó phải xây dựng kế hoạch cho giai đoạn nào?",
    contains=["2026 - 2030"],
    cites=[(KH, "III.1.2")],
    history=[("user", "Giai đoạn thứ hai của lộ trình thực hiện Chiến lược là từ năm nào?")],
)

# ---------------------------------------------------------------- real documents
R217, R63, R11299, R11306 = "a328fbb46798c2b5", "208bf7c0b7e8f27c", "06690fd4027d01c8", "1a814c71716d3047"
R983, R36, R3769, R74, R3891 = (
    "299dbc033cf2dcb6",
    "3066a06b520a2418",
    "65fe198460ffa9d9",
    "90cfa0f24fcb05de",
    "f8fd04822ed1cb70",
)
N66, N33, CT06, CD228, TT127 = (
    "1852f73167ca9236",
    "0eb3b8713cadea8f",
    "4f30202155d56bdd",
    "44aeb2fd86d07d4a",
    "8ea98f884cf1d2a7",
)
QD26, QD75, KH124, TB623, CV5608 = (
    "db769f685bf6bb23",
    "a5b95740527e665d",
    "556b2fb4a0149576",
    "826ed569ec2ddaa1",
    "77de8d61b741c666",
)


def rd(question, doc, sec="", contains=None, any_=None, numbers=None, history=None, more=()):
    docs = [doc, *[d for d, _ in more]]
    q(
        "realdocs",
        question,
        contains=contains,
        any_=any_,
        numbers=numbers,
        cites=[(doc, sec), *more],
        docs=docs,
        history=history,
    )


# Công điện 217/CĐ-TTg
rd(
    "Cong dien 217 gui nhung Bo nao?",
    R217,
    contains=[
        "Quốc phòng",
        "Công an",
        "Nông nghiệp và Môi trường",
        "Xây dựng",
        "Công Thương",
        "Giáo dục và Đào tạo",
        "Y tế",
        "Khoa học và Công nghệ",
        "Văn hóa, Thể thao và Du lịch",
    ],
)
rd(
    "CĐ 217 yêu cầu hai Bộ Quốc phòng, Công an chuẩn bị những gì để hỗ trợ địa phương?",
    R217,
    "5",
    contains=["sơ tán, di dời dân cư"],
)
rd(
    "CĐ 217 dự báo từ tối 16/11 đến 18/11/2025 khu vực từ Quảng Trị đến Đà Nẵng mưa bao nhiêu?",
    R217,
    contains=["200-400mm", "700mm"],
)
rd(
    "Vụ sạt lở đất quy mô lớn ngày 14/11/2025 nêu trong Công điện 217 xảy ra ở đâu?",
    R217,
    contains=["thôn Pứt", "Hùng Sơn"],
)
# Quyết định 63/2025/QĐ-UBND Đồng Nai
rd(
    "QĐ 63/2025/QĐ-UBND Đồng Nai phân cấp cho Sở Tư pháp ký quyết định nuôi con nuôi có yếu tố nước ngoài trong những trường hợp nào?",
    R63,
    "Điều 3",
    contains=[
        "trẻ em sống ở cơ sở nuôi dưỡng",
        "cha dượng, mẹ kế",
        "đăng ký lại",
        "người nước ngoài thường trú",
    ],
)
rd(
    "So Tu phap Dong Nai phai bao cao ket qua thuc hien phan cap khi nao?",
    R63,
    "Điều 4",
    contains=["Định kỳ hàng năm hoặc đột xuất"],
)
rd(
    "Những ai chịu trách nhiệm thi hành Quyết định 63/2025/QĐ-UBND của Đồng Nai?",
    R63,
    "Điều 5",
    contains=["Chánh Văn phòng", "Giám đốc Sở Tư pháp", "Giám đốc Sở Y tế", "Giám đốc Công an tỉnh"],
)
# Công văn 11299/VPCP-KGVX, 11306/VPCP-NN
rd("CV 11299/VPCP-KGVX xét tờ trình số mấy của Bộ KH&CN?", R11299, contains=["226/TTr-BKHCN"])
rd(
    "Việc xây dựng trạm quan trắc phóng xạ phải phù hợp với luật nào theo công văn 11299?",
    R11299,
    contains=["Luật Năng lượng nguyên tử 2025"],
)
rd(
    "cv 11306/vpcp-nn tra loi van ban so may cua hiep hoi, de ngay nao",
    R11306,
    contains=["16/CV-HHTACN"],
    any_=[["29 tháng 10 năm 2025", "29/10/2025"]],
)
rd(
    "Công văn 11306/VPCP-NN viện dẫn những văn bản nào của Văn phòng Chính phủ?",
    R11306,
    contains=["6902/VPCP-KSTT", "574/TB-VPCP", "10415/VPCP-NN"],
)
# Thông báo 983/TB-CT
rd("Hệ thống TMS tạm dừng trong bao nhiêu tiếng?", R983, numbers=["9"])
rd("Thông báo 983/TB-CT gửi KBNN để làm gì?", R983, "Nơi nhận", contains=["để phối hợp"])
rd("trong luc dung TMS thi cac ung dung khac co chay khong", R983, contains=["vẫn hoạt động bình thường"])
# Nghị quyết 36/2025/NQ-HĐND Huế
rd("Học phí tiểu học ở miền núi theo NQ 36/2025 Huế là bao nhiêu?", R36, "Điều 2", numbers=["105"])
rd(
    "Hoc phi mam non o do thi cao hon mien nui bao nhieu theo nghi quyet 36 Hue?",
    R36,
    "Điều 2",
    numbers=[vn(D(190) - D(105))],
)
rd("Theo Nghị quyết 36/2025/NQ-HĐND, Huế có bao nhiêu phường thuộc địa bàn đô thị?", R36, numbers=["21"])
rd("Xã A Lưới 3 được xếp vào loại địa bàn nào để tính học phí?", R36, contains=["Miền núi"])
rd(
    "Phụ lục phân loại địa bàn của NQ 36 Huế có tổng cộng bao nhiêu xã, phường?",
    R36,
    numbers=[str(21 + 10 + 9)],
)
rd(
    "Theo NQ 36 Huế, học phí trung học cơ sở cao nhất ở địa bàn nào?",
    R36,
    "Điều 2",
    contains=["Đô thị"],
    numbers=["110"],
)
# Quyết định 3769/QĐ-UBND Nghệ An
rd(
    "QĐ 3769 Nghệ An: số thủ tục cấp tỉnh nhiều hơn cấp xã bao nhiêu?",
    R3769,
    "Điều 1",
    numbers=[str(197 - 32)],
)
rd(
    "Sở NN&MT Nghệ An phải công khai danh mục thủ tục ở những đâu?",
    R3769,
    "Điều 2",
    contains=["Trung tâm Phục vụ hành chính công", "Cổng Dịch vụ công quốc gia"],
)
rd("Quyet dinh 3769 Nghe An ban hanh theo to trinh so may?", R3769, contains=["10720/TTr-SNNMT-VP"])
# Nghị quyết 74/2025/NQ-HĐND Hà Nội
rd("NQ 74/2025 HN được ban hành trên cơ sở báo cáo thẩm tra số mấy?", R74, contains=["109/BC-BPC"])
rd(
    "Nghị quyết 30/2013/NQ-HĐND bị Hà Nội bãi bỏ là về việc gì?",
    R74,
    "Điều 1",
    contains=["khu vực phòng thủ"],
)
# Quyết định 3891/QĐ-BTC
rd(
    "QĐ 3891/QĐ-BTC căn cứ những thông tư nào?",
    R3891,
    "Căn cứ",
    contains=["120/2015/TT-BTC", "52/2017/TT-BTC"],
)
rd("ai de nghi ban hanh quyet dinh 3891 cua bo tai chinh", R3891, contains=["Cục trưởng Cục Hải quan"])

# Nghị quyết 66/2025/NQ-HĐND Hà Nội (phí tham quan)
rd("Phí tham quan Đền Bạch Mã theo Nghị quyết 66/2025/NQ-HĐND là bao nhiêu?", N66, contains=["20.000"])
rd(
    "Theo NQ 66/2025 Hà Nội, Đình Kim Ngân được để lại cho đơn vị thu bao nhiêu phần trăm phí?",
    N66,
    numbers=["90"],
)
rd(
    "Phi tham quan Chua Huong de lai cho don vi thu bao nhieu, nop ngan sach bao nhieu?",
    N66,
    numbers=["60", "40"],
)
rd(
    "Một đoàn 5 khách tham quan Đền Quan Đế số 28 Hàng Buồm thì phải nộp tổng bao nhiêu tiền phí?",
    N66,
    numbers=["100.000"],
)
rd(
    "Người cao tuổi tham quan di tích ở phường Hoàn Kiếm được giảm bao nhiêu phần trăm phí?",
    N66,
    numbers=["50"],
)
rd(
    "Trẻ em không có giấy tờ chứng minh dưới 16 tuổi thì căn cứ chiều cao bao nhiêu để miễn phí?",
    N66,
    numbers=["1,3"],
)
rd(
    "nghi quyet 66/2025/NQ-HDND co hieu luc tu ngay nao",
    N66,
    "Điều 3",
    any_=[["08 tháng 12 năm 2025", "08/12/2025", "8/12/2025"]],
)
rd(
    "Những ngày nào Chùa Hương không thu phí tham quan?",
    N66,
    contains=["23/11", "tết Nguyên đán", "Phật Đản"],
)
rd("Nghị quyết 66/2025/NQ-HĐND sửa đổi nghị quyết nào?", N66, contains=["16/2023/NQ-HĐND"])
rd(
    "NQ 66 Hà Nội căn cứ những luật nào?",
    N66,
    "Căn cứ",
    contains=["72/2025/QH15", "64/2025/QH15", "97/2015/QH13"],
)
# Nghị quyết 33/2025/NQ-HĐND Huế (vốn đối ứng)
rd(
    "Theo NQ 33/2025 Huế, ngân sách xã của Phường Phong Dinh phải đối ứng bao nhiêu phần trăm?",
    N33,
    "Điều 1",
    numbers=["70"],
)
rd("xa Phu Loc ngan sach thanh pho doi ung bao nhieu phan tram", N33, "Điều 1", numbers=["35"])
rd(
    "Địa phương nào có tỷ lệ vốn đối ứng của ngân sách thành phố cao nhất theo Nghị quyết 33/2025/NQ-HĐND?",
    N33,
    "Điều 1",
    contains=["A Lưới 1", "A Lưới 2", "A Lưới 3", "A Lưới 4", "A Lưới 5"],
    numbers=["80"],
)
rd(
    "Ở bảng tỷ lệ vốn đối ứng của NQ 33 Huế, nơi nào ngân sách xã phải đối ứng nhiều nhất?",
    N33,
    "Điều 1",
    contains=["Phong Dinh", "Phong Phú"],
    numbers=["70"],
)
rd("Bảng tỷ lệ vốn đối ứng trong NQ 33/2025 Huế liệt kê bao nhiêu địa phương?", N33, "Điều 1", numbers=["12"])
rd(
    "Với xã Phú Vang, phần đối ứng của ngân sách xã nhiều hơn của thành phố bao nhiêu điểm phần trăm?",
    N33,
    "Điều 1",
    numbers=[str(65 - 35)],
)
rd(
    "Nghi quyet 33/2025 Hue co hieu luc khi nao?",
    N33,
    "Điều 3",
    any_=[["28 tháng 11 năm 2025", "28/11/2025"]],
)
rd(
    "NQ 33/2025/NQ-HĐND bãi bỏ tiêu chí nào?",
    N33,
    "Điều 2",
    contains=["Số đơn vị hành chính cấp xã của huyện"],
)
rd(
    "Theo NQ 33 Huế, cụm từ “Cục Thống kê tỉnh” được thay bằng gì?",
    N33,
    "Điều 2",
    contains=["Thống kê thành phố"],
)
rd(
    "Dự án đã được phê duyệt quyết định hỗ trợ trước khi NQ 33 Huế có hiệu lực thì xử lý thế nào?",
    N33,
    "Điều 3",
    contains=["theo quyết định đã được phê duyệt"],
)
# Chỉ thị 06/CT-UBND Quảng Trị
rd("Ai ký Chỉ thị 06/CT-UBND của UBND tỉnh Quảng Trị?", CT06, contains=["Hoàng Nam"])
rd("Chi thi 06 Quang Tri ban hanh ngay nao", CT06, any_=[["25 tháng 11 năm 2025", "25/11/2025"]])
rd("Sở NN&MT Quảng Trị phải tổng hợp báo cáo UBND tỉnh trước ngày nào?", CT06, "2", contains=["25/12"])
rd(
    "Cong an tinh Quang Tri co nhiem vu gi theo chi thi 06?",
    CT06,
    "4",
    contains=["chống người thi hành công vụ"],
)
rd(
    "Sở Tài chánh Quãng Trị tham mưu bố trí kinh phí cho những việc gì theo Chỉ thị 06?",
    CT06,
    "3",
    contains=["phòng cháy chữa cháy rừng", "cắm mốc ranh giới"],
)
rd(
    "Chỉ thị 06/CT-UBND Quảng Trị được ban hành để tiếp tục thực hiện những văn bản nào?",
    CT06,
    contains=["05/CT-TTg", "31-CT/TU", "134-KH/TU", "03/CT-UBND", "728/PA-UBND"],
)
rd(
    "Chủ rừng là tổ chức phải chịu trách nhiệm gì nếu để xảy ra phá rừng trên diện tích được giao?",
    CT06,
    "5",
    contains=["Chịu trách nhiệm trước pháp luật"],
)
# Công điện 228/CĐ-TTg
rd("Ai ký công điện 228/CĐ-TTg?", CD228, contains=["Hồ Đức Phớc"])
rd(
    "Công điện 228 gửi Chủ tịch UBND những tỉnh, thành phố nào?",
    CD228,
    contains=["Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng"],
)
rd("bo y te phoi hop voi ai theo cong dien 228", CD228, "2", contains=["Bộ Tài chính"])
rd(
    "Cơ quan nào theo dõi, đôn đốc thực hiện Công điện 228/CĐ-TTg?",
    CD228,
    "5",
    contains=["Văn phòng Chính phủ"],
)
rd(
    "Theo CĐ 228, Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam chi trả những chế độ nào?",
    CD228,
    "1",
    contains=["bảo hiểm xã hội", "bảo hiểm thất nghiệp", "bảo hiểm y tế"],
)
# Thông tư 127/2025/TT-BQP
rd(
    "Thông tư 127/2025/TT-BQP bãi bỏ văn bản nào?",
    TT127,
    "Điều 1",
    contains=["181/2006/QĐ-BQP", "Viện Bỏng Lê Hữu Trác"],
)
rd(
    "TT 127/2025/TT-BQP có hiệu lực từ ngày nào?",
    TT127,
    "Điều 2",
    any_=[["24 tháng 11 năm 2025", "24/11/2025"]],
)
rd("ai ky thong tu 127 bqp, chuc vu gi", TT127, contains=["Vũ Hải Sản"], any_=[["THỨ TRƯỞNG"]])
rd("Thông tư 127 BQP có hiệu lực sau ngày ký bao nhiêu ngày?", TT127, "Điều 2", numbers=["5"])
rd("Thông tư 127/2025/TT-BQP được ban hành theo đề nghị của ai?", TT127, contains=["Cục trưởng Cục Pháp chế"])
# Quyết định 26/2025/QĐ-UBND Thái Nguyên (Quy chế phối hợp, whose articles restart at Điều 1: cited "")
rd(
    "QĐ 26/2025/QĐ-UBND Thái Nguyên làm hết hiệu lực những quyết định nào?",
    QD26,
    contains=["06/2021/QĐ-UBND", "25/2021/QĐ-UBND"],
)
rd(
    "Theo Quy chế phối hợp về tín ngưỡng, tôn giáo của Thái Nguyên, cơ quan nào là cơ quan thường trực?",
    QD26,
    contains=["Sở Dân tộc và Tôn giáo"],
)
rd(
    "BCH Quân sự tỉnh Thái Nguyên chủ trì nội dung gì trong quy chế phối hợp tín ngưỡng, tôn giáo?",
    QD26,
    contains=["quốc phòng, quân sự địa phương"],
)
rd(
    "Quy che phoi hop tin nguong ton giao Thai Nguyen co nhung phuong thuc phoi hop nao",
    QD26,
    contains=["Tổ chức các cuộc họp", "tổ công tác liên ngành"],
)
rd(
    "Sở Xây dựng Thái Nguên chủ trì nội dung gì theo Quy chế ban hành kèm QĐ 26/2025?",
    QD26,
    contains=["công trình tôn giáo, công trình tín ngưỡng"],
)
rd("Quy chế kèm theo Quyết định 26/2025/QĐ-UBND có mấy chương?", QD26, numbers=["3"])
rd(
    "Quyết định 26/2025 của Thái Nguyên do ai ký và ký theo tờ trình nào?",
    QD26,
    contains=["Nông Quang Nhất", "1804/TTr-SDTTG"],
)
# Quyết định 75/2025/QĐ-UBND Hà Tĩnh
rd("QĐ 75/2025/QĐ-UBND Hà Tĩnh bãi bỏ quyết định nào?", QD75, "Điều 1", contains=["14/2025/QĐ-UBND"])
rd("quyet dinh 75/2025 ha tinh co hieu luc khi nao", QD75, "Điều 2", contains=["kể từ ngày ban hành"])
rd("Sở Tư pháp Hà Tỉnh thẩm định QĐ 75 tại báo cáo số mấy?", QD75, contains=["3190/BC-STP"])
# Kế hoạch 0124/KH-UBND Đắk Lắk
rd(
    "Đợt thi đua theo Kế hoạch 0124/KH-UBND Đắk Lắk thực hiện từ khi nào đến khi nào?",
    KH124,
    "II.2",
    contains=["tháng 10/2025", "Đại hội"],
)
rd(
    "Kế hoạch 0124 Đắk Lắk có những hình thức khen thưởng nào?",
    KH124,
    "III.3",
    contains=[
        "Huân chương Lao động",
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch",
        "Giấy khen",
    ],
)
rd(
    "So Noi vu Dak Lak duoc giao nhung viec gi trong dot thi dua?",
    KH124,
    "IV.4",
    contains=["tổng kết", "khen thưởng"],
)
rd(
    "Theo KH 0124, Sở VH,TT&DL phối hợp với ai để chỉ đạo tuyên truyền?",
    KH124,
    "IV.3",
    contains=["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Báo và Phát thanh, Truyền hình Đắk Lắk"],
)
rd("Kế hoạch 0124/KH-UBND thực hiện quyết định nào của Thủ tướng?", KH124, contains=["2437/QĐ-TTg"])
rd(
    "Các cơ quan báo cáo kết quả đợt thi đua cho UBND tỉnh Đắk Lắk qua đâu?",
    KH124,
    "IV.1",
    contains=["Sở Nội vụ"],
)
# Thông báo 623/TB-VPCP
rd(
    "Thông báo 623/TB-VPCP là kết luận của Phó Thủ tướng nào, ai ký thông báo?",
    TB623,
    contains=["Mai Văn Chính", "Trịnh Mạnh Linh"],
)
rd(
    "Đắc Lắc kiến nghị bổ sung bao nhiêu tiền để nâng cấp các tuyến quốc lộ?",
    TB623,
    "III.4",
    contains=["16.750"],
)
rd(
    "Cộng các khoản hỗ trợ vốn Đắk Lắk kiến nghị trong thông báo 623 (143.000, 16.750 và 200 tỷ) là bao nhiêu tỷ đồng?",
    TB623,
    "III",
    numbers=[vn(D(143000) + D(16750) + D(200)).replace("159950", "159.950")],
)
rd(
    "theo thong bao 623, khu vuc kinh te nao cua Dak Lak tang truong cao nhat?",
    TB623,
    "I",
    contains=["công nghiệp và xây dựng"],
    numbers=["9,34"],
)
rd(
    "Bộ Nội vụ phải trình Chính phủ nghị định đánh giá, xếp loại chất lượng khi nào?",
    TB623,
    "III.7",
    contains=["tháng 12/2025"],
)
rd(
    "Thu ngân sách 10 tháng năm 2025 của Đắk Lắk đạt bao nhiêu phần trăm dự toán Trung ương giao?",
    TB623,
    "I",
    numbers=["104,24"],
)
# Công văn 5608/CT-CS
rd(
    "CV 5608/CT-CS trả lời công văn số mấy của Công ty cổ phần siêu thị Sài Gòn?",
    CV5608,
    contains=["291/STSG-HC"],
)
rd(
    "Tỷ lệ phần trăm tính đơn giá thuê đất một năm theo Nghị định 103/2024 dẫn trong công văn 5608 là bao nhiêu?",
    CV5608,
    numbers=["0,25", "3"],
)
rd(
    "cong van 5608 cuc thue kinh gui ai",
    CV5608,
    "Kính gửi",
    contains=["Công ty cổ phần siêu thị Sài Gòn", "Thuế tỉnh Phú Thọ"],
)
rd("Ai ký công văn 5608/CT-CS về đơn giá thuê đất?", CV5608, contains=["Phạm Thị Minh Hiền"])

# across real documents
rd(
    "NQ 33/2025 và NQ 36/2025 của HĐND Huế do cùng một người ký không, là ai?",
    N33,
    contains=["Lê Trường Lưu"],
    more=[(R36, "")],
)
rd(
    "Tỉnh, thành phố nào có trong Công điện 228 mà không có trong Công điện 217?",
    CD228,
    contains=["Lâm Đồng"],
    more=[(R217, "")],
)
rd(
    "Văn bản nào có hiệu lực trước: NQ 66/2025 của Hà Nội hay QĐ 26/2025 của Thái Nguyên?",
    QD26,
    contains=["26/2025/QĐ-UBND"],
    more=[(N66, "Điều 3")],
)
rd(
    "Chủ tịch HĐND Hà Nội Phùng Thị Hồng Hà đã ký những văn bản số mấy?",
    N66,
    contains=["66/2025/NQ-HĐND", "74/2025/NQ-HĐND"],
    more=[(R74, "")],
)
rd(
    "Thông tư 127/2025/TT-BQP và Quyết định 75/2025/QĐ-UBND Hà Tĩnh mỗi văn bản bãi bỏ văn bản nào?",
    TT127,
    "Điều 1",
    contains=["181/2006/QĐ-BQP", "14/2025/QĐ-UBND"],
    more=[(QD75, "Điều 1")],
)
rd(
    "cong van 5608 cua cuc thue va thong bao 623 vpcp, van ban nao ban hanh sau?",
    CV5608,
    contains=["5608"],
    more=[(TB623, "")],
)

# follow-ups over real documents
rd(
    "Còn Chùa Hương thì nộp ngân sách bao nhiêu phần trăm?",
    N66,
    numbers=["40"],
    history=[("user", "Nghị quyết 66/2025/NQ-HĐND của Hà Nội quy định phí tham quan Đền Bạch Mã bao nhiêu?")],
)
rd(
    "Còn Công an tỉnh?",
    CT06,
    "4",
    contains=["chống người thi hành công vụ"],
    history=[("user", "Chỉ thị 06/CT-UBND của Quảng Trị giao Sở Tài chính làm gì?")],
)
rd(
    "con xa Vinh Loc thi sao",
    N33,
    "Điều 1",
    numbers=["35", "65"],
    history=[
        ("user", "Theo Nghị quyết 33/2025/NQ-HĐND Huế, Xã A Lưới 1 có tỷ lệ vốn đối ứng thế nào?"),
        ("assistant", "Xã A Lưới 1: ngân sách thành phố đối ứng 80%, ngân sách xã 20%."),
    ],
)
rd(
    "Văn bản bị bãi bỏ đó ban hành ngày nào?",
    TT127,
    "Điều 1",
    any_=[["31 tháng 10 năm 2006", "31/10/2006"]],
    history=[("user", "Thông tư 127/2025/TT-BQP bãi bỏ văn bản nào?")],
)
rd(
    "Buổi làm việc đó diễn ra ở đâu, vào ngày nào?",
    TB623,
    contains=["Ủy ban", "Đắk Lắk"],
    any_=[["09 tháng 11 năm 2025", "09/11/2025", "9/11/2025"]],
    history=[("user", "Thông báo 623/TB-VPCP là kết luận buổi làm việc của ai?")],
)

# ---------------------------------------------------------------- not found (corpus)
for text in [
    "Kế hoạch Cát Hải bố trí bao nhiêu kinh phí cho công tác tuyên truyền phòng, chống tham nhũng?",
    "Điểm đánh giá phòng, chống tham nhũng năm 2023 của tỉnh Hải Dương là bao nhiêu?",
    "Mã tiêu chí E.2.3 trong bảng điểm có thang điểm bao nhiêu?",
    "Phụ lục số 04 của công văn 410 gồm những tiêu chí nào?",
    "Mục 12 phần II công văn 410 giao nhiệm vụ cho cơ quan nào?",
    "Phan IV cua ke hoach Cat Hai noi ve gi?",
    "Chủ tịch UBND đặc khu Cát Hải Phan Viết Điện sinh năm bao nhiêu?",
    "So dien thoai duong day nong to cao tham nhung cua Thanh tra thanh pho la gi?",
    "Hạn cuối nộp bản kê khai tài sản, thu nhập năm 2025 là ngày nào?",
    "Kế hoạch Cát Hải yêu cầu gửi báo cáo 6 tháng trước ngày nào?",
    "Luật Phòng, chống tham nhũng năm 2018 có bao nhiêu điều?",
    "Theo luật, hành vi tham nhũng được định nghĩa thế nào?",
    "Chỉ số PAR INDEX 2023 của Hải Phòng xếp thứ mấy cả nước?",
    "Đặc khu Cát Hải có bao nhiêu thôn, tổ dân phố?",
    "Ty gia do la My hom nay bao nhieu?",
    "Thời tiết Hải Phòng cuối tuần này thế nào?",
    "Giá vé tàu cao tốc từ Hải Phòng ra Cát Bà là bao nhiêu?",
    "Kế hoạch 301/KH-UBND của thành phố Hải Phòng có bao nhiêu nhiệm vụ cụ thể?",
    "Nghị định 59/2019/NĐ-CP có hiệu lực từ ngày nào?",
    "Ai la nguoi ky van ban so 2666/TTCP-C.IV ngay 18/12/2024?",
    "Sở Y tế Hải Phòng được giao nhiệm vụ gì trong công văn 410?",
    "Kế hoạch của đặc khu giao Công an đặc khu Cát Hải nhiệm vụ gì?",
    "Công văn 410 yêu cầu tổ chức hội nghị sơ kết vào tháng mấy?",
    "Tieu chi B.1.9 nam 2024 dat bao nhieu diem?",
    "Quận Lê Chân đạt bao nhiêu điểm phòng, chống tham nhũng năm 2023?",
    "So với năm 2022, điểm phòng chống tham nhũng 2023 của Hải Phòng tăng hay giảm bao nhiêu?",
    "Cát Hải phải hoàn thành chuyển đổi vị trí công tác trước ngày nào?",
    "Chánh Thanh tra thành phố Hải Phòng hiện nay là ai?",
    "Bao nhieu can bo dac khu Cat Hai phai ke khai tai san nam 2025?",
    "Ông Lê Anh Quân được phân công phụ trách những lĩnh vực nào của thành phố?",
]:
    q("not_found", text, nf=True)

# ---------------------------------------------------------------- not found (real documents)
for text, doc in [
    ("Phí tham quan Văn Miếu - Quốc Tử Giám theo Nghị quyết 66/2025/NQ-HĐND là bao nhiêu?", N66),
    ("Theo NQ 33/2025 Huế, xã A Lưới 6 có tỷ lệ vốn đối ứng bao nhiêu?", N33),
    ("Chi thi 06 Quang Tri: dien tich rung bi lan chiem la bao nhieu ha?", CT06),
    ("Theo Công điện 228/CĐ-TTg, mỗi hộ dân bị lũ được hỗ trợ bao nhiêu tiền?", CD228),
    ("Viện Bỏng Lê Hữu Trác có bao nhiêu giường bệnh theo Thông tư 127/2025/TT-BQP?", TT127),
    ("Kinh phí khen thưởng đợt thi đua theo KH 0124 Đắk Lắk là bao nhiêu?", KH124),
    ("Điều 16 của Quy chế phối hợp về tín ngưỡng, tôn giáo tỉnh Thái Nguyên quy định gì?", QD26),
    ("Đơn giá thuê đất mới của Công ty cổ phần siêu thị Sài Gòn là bao nhiêu đồng/m2?", CV5608),
    ("QĐ 75/2025 Ha Tinh: So Xay dung co bao nhieu phong chuyen mon?", QD75),
    ("Thông báo 623/TB-VPCP: Đắk Lắk đạt bao nhiêu điểm chỉ số PCI năm 2024?", TB623),
]:
    q("not_found", text, nf=True, docs=[doc])


# Typed without accents, as their own questions (not twins of accented ones).
UNACCENTED = {
    "pr-003",
    "pr-010",
    "pr-015",
    "pr-019",
    "pr-026",
    "pr-031",
    "pr-036",
    "pr-045",
    "pr-049",
    "pr-060",
    "pr-066",
    "pr-072",
    "pr-079",
    "pr-086",
    "pr-093",
    "pr-099",
    "pr-106",
    "pr-113",
    "pr-118",
    "pr-124",
    "pr-131",
    "pr-137",
    "pr-150",
    "pr-160",
    "pr-170",
    "pr-178",
}


def unaccent(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def main() -> None:
    for it in ITEMS:
        if it["id"] in UNACCENTED:
            it["question"] = unaccent(it["question"])
    out = HERE / "probe.jsonl"
    out.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in ITEMS), encoding="utf-8")
    files = sorted(
        {d for it in ITEMS for d in it.get("docs", [])}
        - {
            line.strip().removesuffix(".md")
            for line in (HERE / "realdocs-files.txt").read_text().splitlines()
        }
    )
    (HERE / "probe-files.txt").write_text("".join(f"{d}.md\n" for d in files), encoding="utf-8")
    print(f"{len(ITEMS)} questions -> {out.name}; {len(files)} new files -> probe-files.txt")


if __name__ == "__main__":
    main()

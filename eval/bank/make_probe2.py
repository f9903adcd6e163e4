"""Write eval/bank/probe2.jsonl: the second "probe" batch of tuning questions (see README.md).

    python3 eval/bank/make_probe2.py

Written by an examiner who had not run the assistant on these questions and did not read its code:
20 real documents of ../shared/realdocs that no other list of the bank names (probe2-files.txt),
each read whole. The figures over the tables (Nghị quyết 58/2025 Hà Nội's fees, Kế hoạch 144
Bắc Ninh's appendix, the 40 xã of Kế hoạch 0129 Đắk Lắk) are read here from the files themselves
and computed with Decimal; every other figure is asserted to stand in its file.
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

NQ58 = "7650ecce3d20626b"  # Nghị quyết 58/2025/NQ-HĐND Hà Nội, học phí (table in an unnumbered PHỤ LỤC)
NQ75 = "832399d0fd282e41"  # Nghị quyết 75/2025/NQ-HĐND Hà Nội, dân quân (replaces 61/2021)
NQ1655 = "4d98410054b11ab4"  # Nghị quyết 1655/NQ-UBTVQH15, xã of Cà Mau (64 khoản in Điều 1)
KH141 = "09daab284f92e2dd"  # Kế hoạch 141/KH-UBND Bắc Ninh (chủ trì / phối hợp / thời gian per task)
KH144 = "ad5aff6c13929815"  # Kế hoạch 144/KH-UBND Bắc Ninh (appendix table TT / Chỉ tiêu / Chủ trì)
KH129 = "62f25a030c183151"  # Kế hoạch 0129/KH-UBND Đắk Lắk (two parts numbered IV; footnote of 40 xã)
KH1026 = "0a97eb9c3c536047"  # Kế hoạch 1026/KH-UBND Nghệ An, carrying out Chỉ thị 32/CT-TTg
QD2932 = "b8baff03f9998968"  # Quyết định 2932/QĐ-UBND Lai Châu (table of 6 TTHC)
QD36 = "3bc52886147b6a70"  # Quyết định 36/2025/QĐ-UBND Quảng Trị + Quy định (articles restart)
QD71 = "af2a4fc9b3a7aeeb"  # Quyết định 71/2025/QĐ-UBND Hà Nội + Quy chế (articles restart)
QD80 = "a53257314ff9bbd2"  # Quyết định 80/2025/QĐ-UBND Hà Tĩnh (bãi bỏ)
TB637 = "75a0867a09525909"  # Thông báo kết luận 637/TB-VPCP
TB653 = "ad0066b8d39e5c85"  # Thông báo 653/TB-VPCP
CV11554 = "8018a6f353d60a9e"  # Công văn 11554/VPCP-V.I
CD224 = "1095764e502a89b8"  # Công điện 224/CĐ-TTg (deadlines per agency, footnotes)
TT130 = "9468c93dcae695bb"  # Thông tư 130/2025/TT-BQP (website note says 26/11, the document 25/11)
TT36 = "631e2524192d7b61"  # Thông tư 36/2025/TT-BXD
ND303 = "e8b69e31579c0186"  # Nghị định 303/2025/NĐ-CP (thresholds of biên chế, cấp phó)
CV5387 = "ad7a1b2470f2fff7"  # Công văn 5387/CT-CS
TB37689 = "93cafb7b0f4df375"  # Thông báo 37689/TB-CHQ
FILES = [NQ58, NQ75, NQ1655, KH141, KH144, KH129, KH1026, QD2932, QD36, QD71, QD80, TB637, TB653,
         CV11554, CD224, TT130, TT36, ND303, CV5387, TB37689]  # fmt: skip

_texts: dict[str, str] = {}


def text(doc: str) -> str:
    if doc not in _texts:
        _texts[doc] = unicodedata.normalize("NFC", (REALDOCS / f"{doc}.md").read_text(encoding="utf-8"))
    return _texts[doc]


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def stands(doc: str, s: str) -> str:
    """s, asserted to stand verbatim (whitespace folded) in doc."""
    assert ws(s) in ws(text(doc)), (doc, s)
    return s


def vn(x: D) -> str:
    """A Decimal the Vietnamese way: 2,49; 652,5; 4."""
    return format(x.normalize(), "f").replace(".", ",")


def dong(x: D) -> str:
    """An amount of đồng as score.py reads it from '1.800.000' (its first number: '1.800')."""
    s = f"{int(x):,}".replace(",", ".")
    return re.match(r"\d+(?:[.,]\d+)?", s)[0]


def amount(s: str) -> D:
    return D(s.replace(".", ""))


# ---------------------------------------------------------------- tables read from the files
def nq58_rows() -> list[dict]:
    """The fee table of NQ 58/2025: group (I/II), code, school, row label, amount."""
    body = text(NQ58).split("**PHỤ LỤC**", 1)[1].split("Nghị quyết 58/2025/NQ-HĐND quy định", 1)[0]
    toks = [x.replace("*", "").strip() for x in body.splitlines()]
    toks = [x for x in toks if x and not set(x) <= set("-|")]
    toks = toks[toks.index("I") :]
    amt, sch, sub = re.compile(r"^\d{1,3}(?:\.\d{3})+$"), re.compile(r"^\d+$"), re.compile(r"^\d+[. ]\d+$")
    rows: list[dict] = []
    group = school = ""
    i = 0
    while i < len(toks):
        x = toks[i]
        if x in ("I", "II"):
            group, i = x, i + 1
            while not sch.match(toks[i]):
                i += 1
        elif sch.match(x) or sub.match(x):
            j, name = i + 1, []
            while not (amt.match(toks[j]) or (sch.match(x) and sub.match(toks[j]))):
                name.append(toks[j])
                j += 1
            if sch.match(x):
                school = " ".join(name)
                if amt.match(toks[j]):
                    rows.append(
                        {"group": group, "code": x, "school": school, "row": "", "fee": amount(toks[j])}
                    )
                    j += 1
            else:
                rows.append(
                    {
                        "group": group,
                        "code": x,
                        "school": school,
                        "row": " ".join(name),
                        "fee": amount(toks[j]),
                    }
                )
                j += 1
            i = j
        else:
            raise ValueError(x)
    assert len(rows) == 62 and len({r["school"] for r in rows if r["group"] == "I"}) == 16
    return rows


def kh144_rows() -> list[dict]:
    """The appendix of KH 144/KH-UBND: part (I kinh tế số / II xã hội số), TT, chỉ tiêu, chủ trì."""
    body = text(KH144).split("**TT**", 1)[1]
    cells, cur = [], []
    for line in body.splitlines():
        if line.strip() == "|":
            if cur:
                cells.append(ws(" ".join(cur)).replace("*", "").strip())
            cur = []
        elif line.strip():
            cur.append(line.strip())
    if cur:
        cells.append(ws(" ".join(cur)).replace("*", "").strip())
    rows, part, i = [], "", 0
    cells = cells[2:]  # 'Chỉ tiêu', 'Chủ trì'
    while i < len(cells):
        c = cells[i]
        if re.match(r"^(I|II)\. ", c):
            part, i = c.split(".")[0], i + 1
        elif re.fullmatch(r"\d+", c):
            rows.append({"part": part, "tt": int(c), "target": cells[i + 1], "lead": cells[i + 2]})
            i += 3
        else:
            break
    assert [r["tt"] for r in rows] == [*range(1, 7), *range(1, 14)], rows
    return rows


def kh129_communes() -> list[str]:
    note = ws(text(KH129).split("[1] Xã", 1)[1])
    names = ["Xã " + note.split(",")[0].strip()] + [x.strip() for x in note.split(",")[1:]]
    assert len(names) == 40 and names[-1] == "Xã Hòa Sơn.", names
    return names


T58 = nq58_rows()
T144 = kh144_rows()
X129 = kh129_communes()

ITEMS: list[dict] = []


def unaccent(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


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
    """One question over doc (cited at sec) and the (doc, sec) pairs of more."""
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
    it = {"id": f"p2-{len(ITEMS) + 1:03d}", "question": unaccent(question) if na else question, "class": cls}
    if history:
        it["history"] = [{"role": r, "content": unaccent(c) if na else c} for r, c in history]
    it["expect"] = exp
    it["docs"] = docs
    it["frozen"] = False
    ITEMS.append(it)


def nf(question, doc, na=False, cls="not_found"):
    q(cls, question, doc, nf=True, na=na)


# ================================================================ Nghị quyết 58/2025 Hà Nội (học phí)
def fee(school: str, row: str = "") -> D:
    hit = [r["fee"] for r in T58 if r["school"].endswith(school) and r["row"].startswith(row)]
    assert len(hit) >= 1 and len(set(hit)) == 1, (school, row, hit)
    return hit[0]


def money(x: D) -> str:
    return f"{int(x):,}".replace(",", ".")


q("lookup", "Theo Nghị quyết 58/2025/NQ-HĐND của Hà Nội, học phí lớp mẫu giáo 5 buổi tiếng Anh/tuần ở Trường Mầm non Mai Dịch là bao nhiêu một tháng?",
  NQ58, contains=[stands(NQ58, money(fee("Mai Dịch", "Mẫu giáo (5")))])  # fmt: skip
q("lookup", "hoc phi khoi 11 truong THPT Phan Huy Chu Dong Da nam hoc 2025-2026 bao nhieu tien",
  NQ58, contains=[money(fee("Phan Huy Chú - Đống Đa", "Khối 11"))], na=True)  # fmt: skip
q("lookup", "NQ 58 của HĐND thành phố Hà Nội về học phí có hiệu lực từ ngày nào?", NQ58,
  any_=[["08 tháng 12 năm 2025", "08/12/2025", "8/12/2025"]])  # fmt: skip
q("lookup", "Học trực tuyến (online) thì học phí bằng bao nhiêu phần trăm học trực tiếp theo nghị quyết học phí chất lượng cao của Hà Nội năm học 2025-2026?",
  NQ58, "Điều 2", numbers=["75"])  # fmt: skip
q("conditions", "Theo NQ 58/2025 Hà Nội, trong tháng vừa học trực tiếp vừa học trực tuyến, học sinh học trực tuyến từ bao nhiêu ngày trở lên thì đóng theo mức học trực tuyến?",
  NQ58, "Điều 3", numbers=["14"])  # fmt: skip
top = max(r["fee"] for r in T58)
top_schools = {r["school"] for r in T58 if r["fee"] == top}
assert top_schools == {"Trường Trung học phổ thông Phan Huy Chú - Đống Đa"}, top_schools
q("direction", "Trong phụ lục Nghị quyết 58/2025/NQ-HĐND, mức học phí cao nhất là bao nhiêu và thuộc trường nào?",
  NQ58, contains=[money(top), "Phan Huy Chú"], na=True)  # fmt: skip
low = min(r["fee"] for r in T58)
low_rows = [r for r in T58 if r["fee"] == low]
assert (
    len(low_rows) == 1
    and "Nguyễn Tất Thành" in low_rows[0]["school"]
    and low_rows[0]["row"] == "Trung học cơ sở"
)
q("direction", "Ở Hà Nội năm học 2025-2026, trong các trường chất lượng cao và trường do đại học thành lập, chỗ nào thu học phí thấp nhất?",
  NQ58, contains=[money(low), "Nguyễn Tất Thành"])  # fmt: skip
nt51 = sorted({r["school"] for r in T58 if r["row"].startswith("Nhà trẻ") and r["fee"] == D(5100000)})
assert nt51 == [
    "Trường Mầm non 20-10",
    "Trường Mầm non Việt Triều Hữu nghị",
    "Trường Mầm non đô thị Sài Đồng",
], nt51
q("conditions", "Những trường mầm non nào trong NQ 58 Hà Nội thu học phí nhà trẻ 5.100.000 đồng/tháng?",
  NQ58, contains=["20-10", "Việt Triều Hữu nghị", "Sài Đồng"])  # fmt: skip
d1 = fee("Tiểu học đô thị Sài Đồng", "Khối 1") - fee("Tiểu học Tràng An", "Khối 1")
assert d1 == D(1800000)
q("comparison", "Học phí khối 1 của Trường Tiểu học đô thị Sài Đồng cao hơn Trường Tiểu học Tràng An bao nhiêu tiền mỗi tháng?",
  NQ58, numbers=[dong(d1)], na=True)  # fmt: skip
cg9 = fee("Cầu Giấy", "Khối 6") * 9
q("comparison", "Một học sinh lớp 6 Trường THCS Cầu Giấy học trực tiếp đủ 9 tháng thì phải đóng tổng cộng bao nhiêu học phí theo NQ 58/2025?",
  NQ58, numbers=[dong(cg9)])  # fmt: skip
online = (fee("Cầu Giấy", "Khối 6") * D("0.75") / 1000).quantize(D(1)) * 1000
assert online == D(2475000)
q("comparison", "Nếu học online cả tháng thì học phí khối 6 Trường THCS Cầu Giấy là bao nhiêu theo nghị quyết 58 Hà Nội?",
  NQ58, numbers=[dong(online)], more=[(NQ58, "Điều 2")])  # fmt: skip
nq58_schools = len({r["school"] for r in T58 if r["group"] == "I"})
q("aggregates", "Phụ lục NQ 58/2025 Hà Nội liệt kê bao nhiêu cơ sở giáo dục mầm non, phổ thông công lập chất lượng cao?",
  NQ58, numbers=[str(nq58_schools)], na=True)  # fmt: skip
q("lists", "Những trường phổ thông do các trường đại học, cao đẳng, viện nghiên cứu thành lập có tên trong NQ 58/2025 của Hà Nội là những trường nào?",
  NQ58, contains=["Năng khiếu Đại học Sư phạm", "chuyên Đại học Sư phạm", "Nguyễn Tất Thành", "chuyên ngoại ngữ"])  # fmt: skip
q("sections", "Điều 4 Nghị quyết 58/2025/NQ-HĐND giao Ủy ban nhân dân Thành phố những việc gì?", NQ58, "Điều 4",
  contains=["tuyên truyền", "2026-2027", "tính khách quan, chính xác"])  # fmt: skip
q("followups", "Còn Trường THCS Nam Từ Liêm thì sao?", NQ58, contains=[money(fee("Trung học cơ sở Nam Từ Liêm", "Khối 6"))],
  history=[("user", "Học phí Trường Tiểu học Nam Từ Liêm năm học 2025-2026 là bao nhiêu?")])  # fmt: skip
nf("Theo NQ 58/2025 Hà Nội, học phí năm học 2026-2027 của Trường Mầm non 20-10 là bao nhiêu?", NQ58, na=True)
nf("Học phí Trường THPT Chu Văn An theo Nghị quyết 58/2025/NQ-HĐND là bao nhiêu?", NQ58)
nf("nghi quyet 58/2025 ha noi quy dinh hoc phi truong mam non Hoa Sen bao nhieu", NQ58, na=True)
nf(
    "Học sinh lớp 10 Trường THPT Phan Huy Chú - Đống Đa thuộc diện hộ nghèo được giảm học phí bao nhiêu phần trăm theo NQ 58/2025?",
    NQ58,
)

# ================================================================ Nghị quyết 75/2025 Hà Nội (dân quân)
day = amount(stands(NQ75, "435.000"))
q("lookup", "Mức phụ cấp hằng tháng của thôn đội trưởng ở Hà Nội theo NQ 75/2025/NQ-HĐND là bao nhiêu?", NQ75, "Điều 3",
  contains=["2.340.000"])  # fmt: skip
q("lookup", "tro cap ngay cong lao dong cua dan quan ha noi khi lam nhiem vu la bao nhieu mot ngay", NQ75, "Điều 3",
  contains=["435.000"], na=True)  # fmt: skip
q("lookup", "Nghị quyết 75/2025 của HĐND Hà Nội về dân quân thay thế nghị quyết nào?", NQ75, "Điều 5",
  contains=["61/2021/NQ-HĐND"], na=True)  # fmt: skip
q("conditions", "Dân quân tham gia cứu hộ, chữa cháy ở khu vực nguy hiểm đến tính mạng thì trợ cấp ngày công tăng thêm bao nhiêu phần trăm theo NQ 75/2025 Hà Nội?",
  NQ75, "Điều 3", numbers=["50"])  # fmt: skip
q("followups", "Nếu người đó được kéo dài thời hạn tham gia dân quân tự vệ thì được bao nhiêu?", NQ75, "Điều 3",
  numbers=[dong(day * D("1.5"))],
  history=[("user", "NQ 75/2025 Hà Nội quy định trợ cấp ngày công của dân quân là bao nhiêu?"),
           ("assistant", "Trợ cấp ngày công lao động của dân quân là 435.000 đồng/người/ngày [1].")])  # fmt: skip
nf(
    "Theo NQ 75/2025 Hà Nội, phụ cấp hằng tháng của Chỉ huy trưởng Ban chỉ huy quân sự cấp xã là bao nhiêu?",
    NQ75,
)
nf("nghi quyet 61/2021 cua ha noi quy dinh tro cap ngay cong dan quan bao nhieu tien", NQ75, na=True)

# across the two Hà Nội resolutions
q("across", "Hai nghị quyết 58/2025 và 75/2025 của HĐND Hà Nội do ai ký và được thông qua tại kỳ họp thứ mấy?",
  NQ58, contains=["Phùng Thị Hồng Hà"], numbers=["28"], more=[(NQ75, "")])  # fmt: skip
q("across", "Nghị quyết học phí 58/2025 hay nghị quyết dân quân 75/2025 của Hà Nội có hiệu lực trước?",
  NQ75, contains=["kể từ ngày ký"], any_=[["08 tháng 12 năm 2025", "08/12/2025", "8/12/2025"]], more=[(NQ58, "")])  # fmt: skip

# ================================================================ Nghị quyết 1655/NQ-UBTVQH15 (Cà Mau)
q("lookup", "Xã Đá Bạc của tỉnh Cà Mau được sắp xếp từ những xã nào?", NQ1655, "Điều 1",
  contains=["Khánh Bình Tây (bao gồm Hòn Đá Bạc)", "Khánh Bình Tây Bắc", "Trần Hợi"], na=True)  # fmt: skip
q("aggregates", "Sau sắp xếp năm 2025 tỉnh Cà Mau có bao nhiêu đơn vị hành chính cấp xã, trong đó bao nhiêu xã, bao nhiêu phường?",
  NQ1655, "Điều 1", numbers=["64", "55", "9"])  # fmt: skip
q(
    "lookup",
    "Xã nào của Cà Mau không phải sắp xếp theo NQ 1655?",
    NQ1655,
    "Điều 1",
    contains=["Hồ Thị Kỷ"],
    na=True,
)
q("lookup", "phuong Bac Lieu moi duoc lap tu nhung phuong nao", NQ1655, "Điều 1",
  contains=["Phường 1", "Phường 2", "Phường 7", "Phường 8", "Phường 3"], na=True)  # fmt: skip
q(
    "lookup",
    "Thị trấn Sông Đốc được nhập với đâu để lập xã Sông Đốc?",
    NQ1655,
    "Điều 1",
    contains=["Hòn Chuối", "Phong Điền"],
)
q("followups", "Còn xã Nguyễn Phích?", NQ1655, "Điều 1", contains=["thị trấn U Minh", "Khánh Thuận"],
  history=[("user", "Theo Nghị quyết 1655, xã U Minh mới của Cà Mau được lập từ những xã nào?")], na=True)  # fmt: skip
q("loose_names", "Ca Mau: xa Tam Giang moi gom nhung xa nao cu", NQ1655, "Điều 1",
  contains=["Hiệp Tùng", "Tam Giang Đông"], na=True)  # fmt: skip
nf("Theo Nghị quyết 1655/NQ-UBTVQH15, xã Tân Thuận mới có diện tích tự nhiên bao nhiêu km2?", NQ1655)
nf("theo nghi quyet 1655 dan so phuong An Xuyen sau sap xep la bao nhieu nguoi", NQ1655, na=True)
nf("Ai được bầu làm Chủ tịch UBND xã Đất Mũi sau sắp xếp theo NQ 1655?", NQ1655)

# ================================================================ Kế hoạch 141/KH-UBND Bắc Ninh
q("loose_names", "Trong KH 141/KH-UBND Bắc Ninh về nâng cao năng lực cán bộ xây dựng pháp luật, Sở Tư pháp là đơn vị chủ trì những việc gì?",
  KH141, "III", contains=["Tổ chức tập huấn, bồi dưỡng", "Cổng pháp luật quốc gia", "hội nghị, hội thảo", "học tập kinh nghiệm"])  # fmt: skip
q("lookup", "Theo kế hoạch 141 của Bắc Ninh, ra mắt AI pháp luật do đơn vị nào chủ trì và làm khi nào?", KH141, "III.7",
  contains=["Sở Khoa học và Công nghệ"], any_=[["Tháng 12/2025", "12/2025"]], na=True)  # fmt: skip
q("loose_names", "So Noi vu Bac Ninh chu tri nhung nhiem vu nao trong ke hoach nang cao nang luc can bo xay dung chinh sach phap luat",
  KH141, "III", contains=["bồi dưỡng kiến thức, kỹ năng quản lý nhà nước", "thu hút, tuyển dụng"], na=True)  # fmt: skip
q("lookup", "Các cơ quan, địa phương Bắc Ninh phải báo cáo kết quả thực hiện KH 141 hằng năm trước ngày nào và qua cơ quan nào?",
  KH141, "IV.1", contains=["15 tháng 11", "Sở Tư pháp"])  # fmt: skip
q("lists", "Kế hoạch 141/KH-UBND Bắc Ninh đặt ra những mục tiêu chủ yếu nào?", KH141, "II",
  contains=["đại học Luật", "100% các Sở, ngành", "100% các xã, phường", "ít nhất 10%", "được tập huấn, bồi dưỡng"])  # fmt: skip
q(
    "loose_names",
    "Sở TC Bắc Ninh có trách nhiệm gì trong KH 141?",
    KH141,
    "IV.2",
    contains=["bố trí kinh phí chi thường xuyên"],
    na=True,
)
q("followups", "Việc đó thực hiện vào thời gian nào?", KH141, "III.8", contains=["Hằng năm"],
  history=[("user", "Trong KH 141 Bắc Ninh, ai chủ trì tổ chức hội nghị, hội thảo trao đổi nghiệp vụ xây dựng pháp luật?")])  # fmt: skip
nf("Theo KH 141/KH-UBND Bắc Ninh, tổng kinh phí thực hiện kế hoạch năm 2026 là bao nhiêu tỷ đồng?", KH141)
nf("KH 141 Bắc Ninh giao Công an tỉnh nhiệm vụ gì về xây dựng pháp luật?", KH141)
nf("ke hoach 141/KH-UBND nam 2024 cua tinh Bac Ninh ve tuyen dung cong chuc quy dinh gi", KH141, na=True)


# ================================================================ Kế hoạch 144/KH-UBND Bắc Ninh (appendix table)
def leads(name: str) -> list[dict]:
    return [r for r in T144 if r["lead"].startswith(name)]


ca = leads("Công an tỉnh")
assert [(r["part"], r["tt"]) for r in ca] == [("II", 3), ("II", 4), ("II", 12)]
q("conditions", "Công an tỉnh Bắc Ninh chủ trì những chỉ tiêu nào trong phụ lục kế hoạch phát triển kinh tế số, xã hội số?",
  KH144, contains=["được bảo vệ ở mức cơ bản", "VNeID", "được định danh số"])  # fmt: skip
n_social = len([r for r in T144 if r["part"] == "II"])
n_econ = len([r for r in T144 if r["part"] == "I"])
q(
    "aggregates",
    "Phụ lục KH 144 Bắc Ninh có bao nhiêu chỉ tiêu xã hội số?",
    KH144,
    numbers=[str(n_social)],
    na=True,
)
q("aggregates", "pho luc phan cong KH 144 bac ninh co tong cong bao nhieu chi tieu kinh te so va xa hoi so",
  KH144, numbers=[str(n_social + n_econ)], na=True)  # fmt: skip
at80 = [r for r in T144 if r["part"] == "II" and re.search(r"đạt 80%", r["target"])]
assert [r["tt"] for r in at80] == [3, 4, 6, 8, 11], at80
q("conditions", "Những chỉ tiêu xã hội số nào trong KH 144/KH-UBND phải đạt đúng 80%?", KH144,
  contains=["được bảo vệ ở mức cơ bản", "VNeID", "chữ ký số", "toàn trình", "không dùng tiền mặt"])  # fmt: skip
yt = leads("Sở Y tế")
assert [r["tt"] for r in yt] == [9, 10]
q("loose_names", "Sở YT Bắc Ninh chủ trì chỉ tiêu nào trong phụ lục KH 144?", KH144,
  contains=["y tế, giáo dục, bảo hiểm, giao thông", "Sổ sức khỏe"])  # fmt: skip
nh = leads("Ngân hàng nhà nước")
assert [r["tt"] for r in nh] == [5, 11]
q("loose_names", "NHNN khu vực XII được phân công chỉ tiêu gì trong kế hoạch kinh tế số của Bắc Ninh?", KH144,
  contains=["tài khoản giao dịch", "không dùng tiền mặt"], numbers=["95", "80"], na=True)  # fmt: skip
q("loose_names", "tinh doan bac ninh chu tri chi tieu nao trong phu luc ke hoach 144", KH144,
  contains=["chữ ký số"], numbers=["80"], na=True)  # fmt: skip
q("followups", "Chỉ tiêu đó do sở nào chủ trì?", KH144, contains=["Sở Tài chính"],
  history=[("user", "KH 144 Bắc Ninh đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP?"),
           ("assistant", "Kinh tế số chiếm 45% GRDP tỉnh [1].")])  # fmt: skip
full = [r for r in T144 if r["part"] == "II" and "đạt 100%" in r["target"]]
assert [r["lead"] for r in full] == ["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "Công an tỉnh"]
q("followups", "Trong số đó chỉ tiêu nào do Công an tỉnh chủ trì?", KH144, contains=["định danh số"],
  history=[("user", "Những chỉ tiêu xã hội số nào trong KH 144 Bắc Ninh phải đạt 100%?")], na=True)  # fmt: skip
q("lookup", "Theo KH 144 Bắc Ninh, báo cáo kết quả thực hiện hằng năm gửi trước ngày nào, về cơ quan nào?", KH144, "VII",
  contains=["15/11", "Sở Khoa học và"])  # fmt: skip
q("loose_names", "Sở GD&ĐT Bắc Ninh chủ trì chỉ tiêu nào trong phụ lục kế hoạch kinh tế số?", KH144,
  contains=["STEM"], numbers=["30"])  # fmt: skip
assert not [r for r in T144 if "Tư pháp" in r["lead"]]
nf("Sở Tư pháp Bắc Ninh chủ trì chỉ tiêu nào trong phụ lục KH 144/KH-UBND?", KH144, na=True)
nf(
    "Theo KH 144 Bắc Ninh, đến năm 2030 tỷ lệ doanh nghiệp dùng hóa đơn điện tử phải đạt bao nhiêu phần trăm?",
    KH144,
)
nf("kh 144 bac ninh: den nam 2030 tinh co bao nhieu tram phat song 5G", KH144, na=True)

# across the two Bắc Ninh plans
q("across", "Hai kế hoạch 141 và 144 của UBND tỉnh Bắc Ninh do ai ký?", KH141, contains=["Phạm Văn Thịnh", "Mai Sơn"],
  more=[(KH144, "")])  # fmt: skip
q("across", "Kế hoạch 141/KH-UBND hay Kế hoạch 144/KH-UBND của Bắc Ninh được ban hành sau, ngày nào?", KH144,
  any_=[["24 tháng 11 năm 2025", "24/11/2025"]], more=[(KH141, "")])  # fmt: skip

# ================================================================ Kế hoạch 0129/KH-UBND Đắk Lắk (nhu yếu phẩm)
q("lookup", "Theo KH 0129/KH-UBND Đắk Lắk, Sở Công Thương phải tổng hợp nhu cầu báo cáo UBND tỉnh vào lúc nào hằng ngày?",
  KH129, "IV", contains=["19h00"])  # fmt: skip
q("loose_names", "UBND cac xa phuong Dak Lak bao cao tinh hinh tiep nhan cap phat nhu yeu pham may lan moi ngay, luc may gio",
  KH129, "IV", contains=["02 lần/ngày", "9h00", "16h00"], na=True)  # fmt: skip
q("lists", "Trong giai đoạn khẩn cấp 0-48 giờ, KH 0129 Đắk Lắk cấp ngay những gì cho dân?", KH129, "III.4",
  contains=["mì tôm", "lương khô", "nước uống", "thuốc men thiết yếu", "sữa"], na=True)  # fmt: skip
q("loose_names", "Sở Y tế Đắc Lắc phải chuẩn bị những gì theo kế hoạch hỗ trợ nhu yếu phẩm khẩn cấp?", KH129, "IV",
  contains=["đội y tế lưu động", "túi thuốc chống lũ", "oresol"])  # fmt: skip
q("lookup", "Có bao nhiêu xã, phường Đắk Lắk được công bố tình huống khẩn cấp về thiên tai, theo quyết định nào?", KH129,
  numbers=["40"], contains=["02110/QĐ-UBND"])  # fmt: skip
q(
    "loose_names",
    "BCHQS tỉnh Đắk Lắk làm gì trong KH 0129?",
    KH129,
    "IV",
    contains=["bốc xếp", "nhà bạt"],
    na=True,
)
q("sections", "Kế hoạch 0129/KH-UBND của Đắk Lắk gồm những phần nào?", KH129,
  contains=["ĐÁNH GIÁ TÌNH HÌNH THIỆT HẠI", "MỤC TIÊU", "PHẠM VI, ĐỐI TƯỢNG", "KINH PHÍ", "PHÂN CÔNG NHIỆM VỤ"])  # fmt: skip
q("lookup", "Công ty Điện lực Đắk Lắk được đề nghị ưu tiên cấp điện cho những nơi nào?", KH129, "IV",
  contains=["trạm bơm nước sạch", "cơ sở y tế", "điểm sơ tán", "cơ quan chỉ huy cứu hộ"])  # fmt: skip
wards = [x.rstrip(".") for x in X129 if x.startswith("Phường")]
assert len(wards) == 7, wards
q("aggregates", "Trong 40 xã, phường Đắk Lắk được công bố tình huống khẩn cấp có bao nhiêu phường, là những phường nào?",
  KH129, numbers=[str(len(wards))], contains=[w.removeprefix("Phường ") for w in wards])  # fmt: skip
q("lookup", "KH 0129 Đắk Lắk căn cứ công điện nào của Thủ tướng?", KH129, contains=["223/CĐ-TTg"], na=True)
q("followups", "Còn Sở Y tế?", KH129, "IV", contains=["túi thuốc chống lũ"],
  history=[("user", "KH 0129 Đắk Lắk giao Sở Xây dựng việc gì?")])  # fmt: skip
q("followups", "Văn bản đó do ai ký?", KH129, contains=["Hồ Thị Nguyên Thảo"],
  history=[("user", "Kế hoạch hỗ trợ nhu yếu phẩm của Đắk Lắk giao Sở Công Thương những việc gì?")])  # fmt: skip
nf("KH 0129/KH-UBND Đắk Lắk hỗ trợ mỗi hộ bị ngập bao nhiêu kg gạo?", KH129, na=True)
nf("Sở Giáo dục và Đào tạo Đắk Lắk được giao nhiệm vụ gì trong kế hoạch hỗ trợ nhu yếu phẩm 0129?", KH129)
nf("ke hoach 0129 dak lak: so nguoi chet va mat tich do lu cu the la bao nhieu", KH129, na=True)

# ================================================================ Kế hoạch 1026/KH-UBND Nghệ An (bí mật nhà nước)
q(
    "lookup",
    "KH 1026/KH-UBND Nghệ An triển khai chỉ thị nào, của ai?",
    KH1026,
    contains=["32/CT-TTg", "Thủ tướng"],
)
q("loose_names", "BCH Quân sự tỉnh Nghệ An có nhiệm vụ gì trong kế hoạch bảo vệ bí mật nhà nước?", KH1026, "III.2",
  contains=["Bộ Quốc phòng quản lý", "hệ thống thông tin quân sự"], na=True)  # fmt: skip
q("lists", "Thành viên Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh Nghệ An gồm đại diện lãnh đạo những cơ quan nào?",
  KH1026, "II.5", contains=["Sở Nội vụ", "Sở Tài chính", "Tư pháp", "Sở Khoa học và Công nghệ", "Bộ Chỉ huy Quân sự tỉnh",
                            "Phòng Hành chính", "Phòng Nội chính", "Phòng An ninh chính trị nội bộ"])  # fmt: skip
q("lookup", "Ai làm Trưởng Ban Chỉ đạo bảo vệ bí mật nhà nước tỉnh Nghệ An, cơ quan nào là thường trực?", KH1026, "II.5",
  contains=["Chủ tịch UBND tỉnh", "thường trực Ban Chỉ đạo là Công an"])  # fmt: skip
q("loose_names", "So KH&CN Nghe An duoc giao gi trong ke hoach bao ve bi mat nha nuoc", KH1026, "III.3",
  contains=["số hóa tài liệu bí mật nhà nước", "quy chuẩn, tiêu chuẩn kỹ thuật"], na=True)  # fmt: skip
q("lists", "Mục 6 phần III của KH 1026 đề nghị những cơ quan nào tăng cường bảo vệ bí mật nhà nước?", KH1026, "III.6",
  contains=["Văn phòng Tỉnh ủy", "Viện kiểm sát nhân dân tỉnh", "Tòa án nhân dân tỉnh", "Thuế tỉnh", "Kiểm toán nhà nước khu vực II",
            "Kho bạc nhà nước khu vực XI", "Ngân hàng nhà nước khu vực 8", "Chi cục Hải quan khu vực XI"])  # fmt: skip
q("followups", "Thế còn Công an tỉnh thì được giao gì?", KH1026, "III.1", contains=["kiện toàn Ban Chỉ đạo", "sơ, tổng kết"],
  history=[("user", "KH 1026 Nghệ An giao Sở Nội vụ việc gì?"),
           ("assistant", "Sở Nội vụ chủ trì nghiên cứu tích hợp nội dung bài giảng về công tác bảo vệ bí mật nhà nước vào chương trình đào tạo [1].")], na=True)  # fmt: skip
q(
    "loose_names",
    "Sở NV Nghê An làm gì theo KH 1026?",
    KH1026,
    "III.4",
    contains=["bài giảng", "tiêu chí đánh giá"],
)
nf("KH 1026 Nghệ An đặt chỉ tiêu mở bao nhiêu lớp tập huấn bảo vệ bí mật nhà nước năm 2026?", KH1026)
nf("Theo KH 1026/KH-UBND, việc thực hiện Chỉ thị 32/CT-TTg ở Nghệ An được tổng kết vào năm nào?", KH1026)
nf("ai la chu tich ubnd tinh nghe an, truong ban chi dao bao ve bi mat nha nuoc", KH1026, na=True)

# ================================================================ Quyết định 2932/QĐ-UBND Lai Châu (TTHC)
q("lookup", "Thời hạn giải quyết thủ tục đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước ở Lai Châu là bao lâu?",
  QD2932, contains=["05 ngày làm việc"], na=True)  # fmt: skip
q(
    "aggregates",
    "QĐ 2932/QĐ-UBND Lai Châu công bố tổng cộng bao nhiêu thủ tục hành chính?",
    QD2932,
    numbers=["6"],
)
q("direction", "Trong các thủ tục mới ban hành ở QĐ 2932 Lai Châu, thủ tục nào được giải quyết nhanh nhất, trong mấy ngày?",
  QD2932, contains=["03 ngày làm việc", "cấp tỉnh, cấp cơ sở"])  # fmt: skip
q("ties", "Các thủ tục sửa đổi, bổ sung trong QĐ 2932 Lai Châu có thời hạn giải quyết bao lâu?", QD2932,
  contains=["Mười (10) ngày làm việc"], na=True)  # fmt: skip
q("lookup", "quyet dinh 2932 lai chau ve thu tuc khoa hoc cong nghe co hieu luc khi nao", QD2932, "Điều 2",
  contains=["kể từ ngày ký"], na=True)  # fmt: skip
q("followups", "Mã của thủ tục đó là gì?", QD2932, contains=["1.014390.H35"],
  history=[("user", "Theo QĐ 2932 Lai Châu, thủ tục thay đổi, bổ sung, cấp giấy chứng nhận đăng ký tổ chức khoa học và công nghệ giải quyết trong bao lâu?")])  # fmt: skip
q("lists", "Những ai chịu trách nhiệm thi hành Quyết định 2932 của Lai Châu?", QD2932, "Điều 3",
  contains=["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Sở Khoa học và Công nghệ", "Trung tâm Phục vụ"])  # fmt: skip
nf(
    "Lệ phí của thủ tục đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ theo QĐ 2932 Lai Châu là bao nhiêu?",
    QD2932,
)
nf("QĐ 2932/QĐ-UBND Lai Châu công bố bao nhiêu thủ tục hành chính lĩnh vực năng lượng nguyên tử?", QD2932)

# ================================================================ Quyết định 36/2025/QĐ-UBND Quảng Trị (+ Quy định)
q("lookup", "Quyết định 36/2025/QĐ-UBND Quảng Trị về an toàn sử dụng điện có hiệu lực từ ngày nào?", QD36, "Điều 2",
  any_=[["30 tháng 11 năm 2025", "30/11/2025"]], na=True)  # fmt: skip
q("sections", "Điều 4 của Quy định quản lý an toàn trong sử dụng điện tỉnh Quảng Trị quy định về gì?", QD36,
  contains=["sinh hoạt, dịch vụ", "dây trung tính"])  # fmt: skip
q("loose_names", "Cty Điện lực Quảng Trị phải báo cáo kết quả kiểm tra an toàn sử dụng điện theo định kỳ nào, qua đâu?", QD36,
  contains=["định kỳ hàng năm", "Sở Công Thương"])  # fmt: skip
q("loose_names", "ubnd xa phuong dac khu o quang tri co trach nhiem gi ve an toan su dung dien", QD36,
  contains=["sinh hoạt, dịch vụ", "Hướng dẫn người dân sử dụng điện an toàn"], na=True)  # fmt: skip
q(
    "sections",
    "Quy định an toàn trong sử dụng điện của Quảng Trị có mấy chương, mấy điều?",
    QD36,
    numbers=["3", "7"],
)
q("lists", "QĐ 36/2025/QĐ-UBND Quảng Trị căn cứ những luật, nghị định, thông tư nào?", QD36,
  contains=["72/2025/QH15", "64/2025/QH15", "61/2024/QH15", "62/2025/NĐ-CP", "02/2025/TT-BCT", "41/2025/TT-BCT", "01/2025/TT-BKHCN"])  # fmt: skip
q("lookup", "Có được dùng kết cấu kim loại của nhà xưởng làm dây trung tính làm việc không, theo quy định an toàn điện Quảng Trị?",
  QD36, contains=["Không sử dụng các kết cấu kim loại"])  # fmt: skip
q("loose_names", "HTX dịch vụ điện Quảng Phú có trách nhiệm gì theo Quy định an toàn điện của tỉnh?", QD36,
  contains=["tuyên truyền, phổ biến", "kiểm tra an toàn"])  # fmt: skip
nf("Điều 9 của Quy định quản lý an toàn trong sử dụng điện tỉnh Quảng Trị quy định gì?", QD36)
nf("Theo QĐ 36/2025 Quảng Trị, hộ gia đình vi phạm an toàn điện bị phạt bao nhiêu tiền?", QD36, na=True)
nf("giam doc so cong thuong quang tri ten la gi", QD36, na=True)

# ================================================================ Quyết định 71/2025/QĐ-UBND Hà Nội (+ Quy chế)
q(
    "lookup",
    "Mỗi năm Hà Nội xét tặng danh hiệu Công dân Thủ đô ưu tú cho tối đa bao nhiêu người?",
    QD71,
    numbers=["10"],
    na=True,
)
q("conditions", "Phải có bao nhiêu phần trăm phiếu đồng ý của Hội đồng Thi đua - Khen thưởng thành phố thì mới được đề nghị danh hiệu Công dân Thủ đô ưu tú?",
  QD71, numbers=["90"])  # fmt: skip
q("lookup", "Hồ sơ đề nghị xét tặng Công dân Thủ đô ưu tú phải gửi về Sở Nội vụ trước ngày nào hằng năm?", QD71,
  contains=["31 tháng 3"])  # fmt: skip
q(
    "lookup",
    "QĐ 71/2025/QĐ-UBND của Hà Nội thay thế quyết định nào?",
    QD71,
    "Điều 2",
    contains=["35/2024/QĐ-UBND"],
    na=True,
)
q("lookup", "danh sach ca nhan du kien tang danh hieu cong dan thu do uu tu duoc cong khai lay y kien nhan dan trong bao lau",
  QD71, contains=["07 ngày làm việc"], na=True)  # fmt: skip
q("lists", "Tiêu chuẩn để được xét tặng danh hiệu Công dân Thủ đô ưu tú là gì?", QD71,
  contains=["thành tích đặc biệt xuất sắc", "Cần - Kiệm - Liêm", "Gương mẫu chấp hành"])  # fmt: skip
q("sections", "Điều 9 Quy chế xét tặng Công dân Thủ đô ưu tú nói gì?", QD71, contains=["15 ngày", "thu hồi"])
q(
    "lookup",
    "Có truy tặng danh hiệu Công dân Thủ đô ưu tú cho người đã mất không?",
    QD71,
    contains=["không áp dụng hình thức truy"],
)
q("followups", "Văn bản đó do ai ký?", QD71, contains=["Dương Đức Tuấn"],
  history=[("user", "Hồ sơ đề nghị xét tặng danh hiệu Công dân Thủ đô ưu tú gồm những gì?")])  # fmt: skip
nf("Theo Quy chế xét tặng Công dân Thủ đô ưu tú, tiền thưởng kèm danh hiệu là bao nhiêu đồng?", QD71)
nf("quy che cong dan thu do uu tu quy dinh xet tang danh hieu nghe nhan ha noi the nao", QD71, na=True)

# ================================================================ Quyết định 80/2025/QĐ-UBND Hà Tĩnh (bãi bỏ)
q(
    "lookup",
    "QĐ 80/2025/QĐ-UBND tỉnh Hà Tĩnh bãi bỏ văn bản nào?",
    QD80,
    "Điều 1",
    contains=["15/2025/QĐ-UBND", "Sở Nội vụ"],
    na=True,
)
q(
    "lookup",
    "quyet dinh 80/2025 ha tinh co hieu luc tu khi nao",
    QD80,
    "Điều 2",
    contains=["kể từ ngày ban hành"],
    na=True,
)
q("lookup", "Ai ký Quyết định 80/2025/QĐ-UBND của Hà Tỉnh?", QD80, contains=["Trần Báu Hà"])
q(
    "lists",
    "QĐ 80/2025 Hà Tĩnh căn cứ những thông tư nào?",
    QD80,
    contains=["10/2025/TT-BNV", "02/2025/TT-BDTTG"],
)
nf("QĐ 80/2025 Hà Tĩnh quy định Sở Nội vụ có bao nhiêu phòng chuyên môn?", QD80)
nf("Quyết định 80/2025/QĐ-UBND Hà Tĩnh bãi bỏ quyết định nào về Sở Dân tộc và Tôn giáo?", QD80)
q("across", "QĐ 80/2025 của Hà Tĩnh và QĐ 71/2025 của Hà Nội: mỗi văn bản bãi bỏ hay thay thế quyết định cũ số mấy?", QD80,
  contains=["15/2025/QĐ-UBND", "35/2024/QĐ-UBND"], more=[(QD71, "")])  # fmt: skip

# ================================================================ Thông báo 637/TB-VPCP (kết luận)
q("lookup", "Thông báo 637/TB-VPCP là kết luận của ai, tại chuyến kiểm tra nào?", TB637,
  contains=["Lê Thành Long", "Bạch Mai", "Việt Đức"])  # fmt: skip
q("lookup", "Hai công trình cơ sở 2 Bệnh viện Bạch Mai và Việt Đức phải hoàn thành xây dựng trước ngày nào?", TB637, "2",
  any_=[["30 tháng 11 năm 2025", "30/11/2025"]], na=True)  # fmt: skip
q(
    "loose_names",
    "Bộ CA được giao gì trong thông báo kết luận 637?",
    TB637,
    "2",
    contains=["phòng cháy, chữa cháy", "thẩm định thiết kế"],
)
q("loose_names", "ubnd tinh ninh binh phai lam gi theo thong bao 637/TB-VPCP", TB637, "2",
  contains=["nhà ở xã hội", "hạ tầng bên ngoài"], na=True)  # fmt: skip
q("lists", "Đoàn công tác kiểm tra hai dự án bệnh viện ở Ninh Bình có những lãnh đạo nào?", TB637,
  contains=["Đào Hồng Lan", "Đặng Xuân Phong", "Trần Huy Tuấn"])  # fmt: skip
q("followups", "Còn Bộ Tài chính thì sao?", TB637, "2", contains=["hoàn thiện hồ sơ về các cơ chế"],
  history=[("user", "Thông báo 637/TB-VPCP giao Bộ Xây dựng việc gì?")])  # fmt: skip
nf("Theo TB 637/TB-VPCP, tổng mức đầu tư của Dự án Cơ sở 2 Bệnh viện Bạch Mai là bao nhiêu?", TB637)
nf("Thông báo 637/TB-VPCP giao Bộ Giáo dục và Đào tạo nhiệm vụ gì?", TB637)
nf("co so 2 benh vien viet duc tai ninh binh co bao nhieu giuong benh", TB637, na=True)

# ================================================================ Thông báo 653/TB-VPCP (dự án điện)
q("lookup", "Bồn chứa LNG của dự án Nhà máy điện Hiệp Phước đã thi công xong có dung tích bao nhiêu?", TB653, "2",
  contains=["75.000 m3"], na=True)  # fmt: skip
q(
    "lookup",
    "Dự án Nhà máy điện Hiệp Phước giai đoạn 1 phải đưa vào vận hành trong năm nào?",
    TB653,
    "2",
    numbers=["2027"],
)
q("loose_names", "Bộ CT được giao những việc gì trong Thông báo 653/TB-VPCP?", TB653, "1",
  contains=["bán điện theo cụm", "Hợp đồng mua bán điện", "chương trình kiểm tra"], more=[(TB653, "2")])  # fmt: skip
q("loose_names", "ubnd tp ho chi minh phai xu ly viec gi theo thong bao 653", TB653, "2",
  contains=["quy hoạch 1/500", "Cái Mép-Phú Mỹ"], na=True)  # fmt: skip
q("followups", "Hạn hoàn thành việc đó là khi nào?", TB653, "1", contains=["tháng 11 năm 2025"],
  history=[("user", "Thông báo 653/TB-VPCP giao UBND tỉnh Đồng Nai việc gì?")])  # fmt: skip
q("lookup", "Theo TB 653, EVN phải ký chính thức hợp đồng mua bán điện của dự án Hiệp Phước trong thời gian nào?", TB653, "2",
  contains=["tháng 12 năm 2025"])  # fmt: skip
nf("Theo TB 653/TB-VPCP, công suất Nhà máy điện Nhơn Trạch 3 là bao nhiêu MW?", TB653)
nf("thong bao 653 giao ubnd tinh ba ria vung tau nhiem vu gi", TB653, na=True)
nf("Nhà máy điện Nhơn Trạch 3 và 4 khánh thành vào ngày nào theo TB 653?", TB653, na=True)
q("across", "Hai thông báo 637/TB-VPCP và 653/TB-VPCP do ai ký?", TB637, contains=["Đỗ Ngọc Huỳnh", "Nguyễn Sỹ Hiệp"],
  more=[(TB653, "")])  # fmt: skip

# ================================================================ Công văn 11554/VPCP-V.I
q("lists", "Công văn 11554/VPCP-V.I yêu cầu Bộ trưởng Bộ Tài chính thực hiện những nhiệm vụ nào?", CV11554, "3",
  contains=["Kế hoạch cao điểm", "30/CT-TTg", "sơ kết 6 tháng"])  # fmt: skip
q(
    "loose_names",
    "Đài THVN, Đài TNVN và TTXVN được yêu cầu làm gì trong CV 11554?",
    CV11554,
    "4",
    contains=["tăng thời lượng"],
)
q("lookup", "Công văn 11554/VPCP-V.I truyền đạt ý kiến của ai?", CV11554, contains=["Bùi Thanh Sơn"], na=True)
q("loose_names", "van phong thuong truc ban chi dao 389 quoc gia co nhiem vu gi theo cong van 11554", CV11554, "5",
  contains=["kiểm tra, đôn đốc", "khen thưởng"], na=True)  # fmt: skip
q(
    "sections",
    "Mục 3.2 của công văn 11554/VPCP-V.I nói gì?",
    CV11554,
    "3.2",
    contains=["30/CT-TTg", "thuốc lá"],
)
q("lists", "CV 11554/VPCP-V.I kính gửi những ai?", CV11554, "Kính gửi",
  contains=["Bộ trưởng Bộ Tài chính", "Thủ trưởng cơ quan ngang bộ", "Chủ tịch Ủy ban nhân dân các tỉnh", "Chánh Văn phòng Thường trực"])  # fmt: skip
q("lookup", "Theo công văn 11554, phải tuyên chiến không khoan nhượng với những loại hàng giả nào?", CV11554, "1",
  contains=["thuốc giả", "thực phẩm giả"])  # fmt: skip
q("followups", "Hạn báo cáo các việc đó là khi nào?", CV11554, "3", any_=[["30 tháng 11 năm 2025", "30/11/2025"]],
  history=[("user", "Công văn 11554/VPCP-V.I giao Bộ Tài chính những nhiệm vụ gì?")])  # fmt: skip
nf("CV 11554/VPCP-V.I yêu cầu mỗi tỉnh báo cáo bao nhiêu vụ buôn lậu đã xử lý trong năm 2025?", CV11554)
nf(
    "cong van 11554 cua van phong chinh phu: tet nguyen dan binh ngo 2026 roi vao ngay duong lich nao",
    CV11554,
    na=True,
)

# ================================================================ Công điện 224/CĐ-TTg
n_open, n_start = int(stands(CD224, "73")), int(stands(CD224, "125"))
assert n_open + n_start == int(stands(CD224, "198"))
q("aggregates", "Theo Công điện 224/CĐ-TTg, đến 19/11/2025 có bao nhiêu dự án đăng ký khánh thành, khởi công; bao nhiêu khánh thành, bao nhiêu khởi công?",
  CD224, numbers=["198", "73", "125"])  # fmt: skip
q("comparison", "Số dự án đăng ký khởi công nhiều hơn số dự án khánh thành bao nhiêu theo CĐ 224?", CD224,
  numbers=[str(n_start - n_open)], na=True)  # fmt: skip
q("lookup", "Các bộ, địa phương phải gửi báo cáo về Bộ Xây dựng chậm nhất ngày nào theo công điện 224?", CD224, "1",
  any_=[["10 tháng 12 năm 2025", "10/12/2025"]])  # fmt: skip
deadlines = {
    "1": "10 tháng 12",
    "2": "13 tháng 12",
    "3": "15 tháng 12",
    "4": "03 tháng 12",
    "6": "10 tháng 12",
}
for s in deadlines.values():
    stands(CD224, s + " năm 2025")
q("direction", "Trong Công điện 224/CĐ-TTg, việc nào có hạn sớm nhất và giao cho ai?", CD224, "4",
  contains=["Đài truyền hình Việt Nam", "03 tháng 12 năm 2025"])  # fmt: skip
q(
    "direction",
    "cong dien 224: nhiem vu nao co thoi han muon nhat",
    CD224,
    "3",
    contains=["Bộ Tài chính", "15 tháng 12 năm 2025"],
    na=True,
)
q("ties", "Những nhiệm vụ nào trong CĐ 224 cùng có hạn ngày 10/12/2025?", CD224, "1",
  contains=["gửi báo cáo về Bộ Xây dựng", "Bộ trưởng Bộ Nội vụ"], more=[(CD224, "6")])  # fmt: skip
q(
    "loose_names",
    "Viettel và VNPT được giao gì trong công điện 224 về lễ khánh thành?",
    CD224,
    "5",
    contains=["kết nối trực tuyến"],
)
q("lookup", "Ai được giao trực tiếp chỉ đạo công tác chuẩn bị buổi lễ khánh thành, khởi công theo CĐ 224?", CD224, "7",
  contains=["Trần Hồng Hà"])  # fmt: skip
q("lists", "Những bộ, cơ quan nào chưa gửi báo cáo đăng ký dự án theo CĐ 224?", CD224,
  contains=["Giáo dục và Đào tạo", "Ngoại giao", "Ngân hàng Nhà nước"], na=True)  # fmt: skip
q("lists", "Chín địa phương chưa gửi báo cáo theo Công điện 224/CĐ-TTg là những tỉnh nào?", CD224,
  contains=["Tuyên Quang", "Cao Bằng", "Điện Biên", "Phú Thọ", "Hưng Yên", "Khánh Hòa", "Lâm Đồng", "Tây Ninh", "An Giang"])  # fmt: skip
q("followups", "Còn Bộ Xây dựng phải báo cáo Thủ tướng trước ngày nào?", CD224, "2",
  any_=[["13 tháng 12 năm 2025", "13/12/2025"]],
  history=[("user", "Trong Công điện 224, Đài truyền hình Việt Nam phải gửi kịch bản chương trình trước ngày nào?")])  # fmt: skip
q("followups", "han chot la ngay nao", CD224, "3", any_=[["15 tháng 12 năm 2025", "15/12/2025"]],
  history=[("user", "cd 224 giao bo tai chinh viec gi")], na=True)  # fmt: skip
nf("CĐ 224/CĐ-TTg: tỉnh Quảng Ninh đăng ký bao nhiêu dự án khánh thành?", CD224)
nf("Theo Công điện 224, tổng vốn FDI của các dự án khánh thành, khởi công là bao nhiêu?", CD224)
nf("cong dien 224 quy dinh muc thuong cho cong trinh ve dich som la bao nhieu tien", CD224, na=True)
q("across", "Công điện 224/CĐ-TTg và Thông báo 637/TB-VPCP cùng nhắc đến công điện nào về lễ khánh thành, khởi công ngày 19/12/2025?",
  CD224, contains=["158/CĐ-TTg"], more=[(TB637, "")])  # fmt: skip

# ================================================================ Thông tư 130/2025/TT-BQP
q("lookup", "Thông tư 130/2025/TT-BQP ban hành ngày nào và có hiệu lực từ ngày nào?", TT130,
  any_=[["25 tháng 11 năm 2025", "25/11/2025"], ["26 tháng 11 năm 2025", "26/11/2025"]])  # fmt: skip
q("lookup", "Theo TT 130/2025/TT-BQP, thời hạn phê duyệt hồ sơ thiết kế sản xuất, lắp ráp xe cơ giới là mấy ngày, nếu phức tạp thì tối đa bao lâu?",
  TT130, "Điều 1", numbers=["7", "14"])  # fmt: skip
q("lookup", "thong tu 130 bqp: cap giay chung nhan chat luong xe co gioi nhap khau trong bao nhieu ngay", TT130, "Điều 2",
  numbers=["21"], na=True)  # fmt: skip
q("lookup", "TT 130/2025/TT-BQP sửa đổi thông tư nào?", TT130, contains=["67/2024/TT-BQP"], na=True)
q("comparison", "Thời hạn cấp Giấy chứng nhận chất lượng xe cơ giới nhập khẩu dài hơn thời hạn phê duyệt hồ sơ thiết kế thông thường bao nhiêu ngày theo TT 130?",
  TT130, numbers=[str(21 - 7)], more=[(TT130, "Điều 2")])  # fmt: skip
q("sections", "Điều 2 của Thông tư 130/2025/TT-BQP sửa đổi điểm, khoản, điều nào của thông tư gốc?", TT130, "Điều 2",
  contains=["khoản 3 Điều 6"])  # fmt: skip
nf("TT 130/2025/TT-BQP quy định lệ phí cấp giấy chứng nhận chất lượng xe cơ giới là bao nhiêu?", TT130)
nf("Điều 4 của Thông tư 130/2025/TT-BQP quy định gì?", TT130)

# ================================================================ Thông tư 36/2025/TT-BXD
q("lookup", "Thông tư 36/2025/TT-BXD có hiệu lực từ ngày nào?", TT36, "Điều 4",
  any_=[["08 tháng 01 năm 2026", "08/01/2026", "8/1/2026"]], na=True)  # fmt: skip
q("lists", "Giá tối đa dịch vụ kiểm định thiết bị xếp dỡ theo TT 36/2025 chưa bao gồm những khoản nào?", TT36, "Điều 2",
  contains=["thuế giá trị gia tăng", "lệ phí cấp giấy chứng nhận", "lưu trú", "di chuyển", "thông tin liên lạc", "ngoài giờ"])  # fmt: skip
q("conditions", "khach hang huy de nghi kiem dinh khi kiem dinh vien da den hien truong thi phai tra nhung chi phi gi", TT36, "Điều 2",
  contains=["lưu trú", "di chuyển"], na=True)  # fmt: skip
q(
    "loose_names",
    "Cục ĐKVN có trách nhiệm gì theo TT 36/2025/TT-BXD?",
    TT36,
    "Điều 3",
    contains=["kê khai giá", "khoản 5 Điều 28"],
)
q("lookup", "Thông tư 36/2025/TT-BXD có áp dụng cho thiết bị phục vụ quốc phòng, an ninh không?", TT36, "Điều 1",
  contains=["trừ thiết bị phục vụ vào mục đích quốc phòng"])  # fmt: skip
q("followups", "Còn Thông tư 130/2025/TT-BQP?", TT130, contains=["Lê Huy Vịnh"],
  history=[("user", "Ai ký Thông tư 36/2025/TT-BXD?"), ("assistant", "Thứ trưởng Nguyễn Xuân Sang ký [1].")])  # fmt: skip
q("across", "Thông tư 36/2025/TT-BXD và Thông tư 130/2025/TT-BQP, thông tư nào có hiệu lực trước?", TT130,
  any_=[["26 tháng 11 năm 2025", "26/11/2025"]], more=[(TT36, "")])  # fmt: skip
nf("Theo TT 36/2025/TT-BXD, giá tối đa kiểm định một xe nâng hàng là bao nhiêu đồng?", TT36)
nf("Thông tư 36/2025/TT-BXD thay thế thông tư nào?", TT36)
nf("thong tu 36/2024/TT-BXD quy dinh ve van de gi", TT36, na=True)

# ================================================================ Nghị định 303/2025/NĐ-CP
q("conditions", "Theo NĐ 303/2025/NĐ-CP, vụ thuộc bộ phải có từ bao nhiêu biên chế công chức trở lên mới được thành lập?", ND303, "Điều 6",
  numbers=["15"], na=True)  # fmt: skip
q(
    "conditions",
    "phong thuoc chi cuc thuoc cuc loai 2 can bao nhieu bien che cong chuc tro len",
    ND303,
    "Điều 10",
    numbers=["5"],
    na=True,
)
q("comparison", "Vụ thuộc bộ được hợp nhất từ 3 cơ quan thì được tối đa bao nhiêu cấp phó theo NĐ 303?", ND303, "Điều 11",
  numbers=[str(3 + 2)])  # fmt: skip
q("conditions", "Phòng thuộc thanh tra bộ có 12 biên chế công chức thì được bố trí tối đa mấy cấp phó?", ND303, "Điều 12",
  numbers=["2"])  # fmt: skip
q("lookup", "Nghị định 303/2025/NĐ-CP thay thế những nghị định nào?", ND303, "Điều 14",
  contains=["123/2016/NĐ-CP", "101/2020/NĐ-CP"], na=True)  # fmt: skip
q("lookup", "NĐ 303/2025 về cơ cấu tổ chức bộ có hiệu lực từ ngày nào, ai ký?", ND303, "Điều 14",
  any_=[["20 tháng 11 năm 2025", "20/11/2025"]], contains=["Phạm Thị Thanh Trà"])  # fmt: skip
q("lists", "Cơ cấu tổ chức của bộ theo Nghị định 303 gồm những loại đơn vị nào?", ND303, "Điều 5",
  contains=["Vụ và tương đương", "Văn phòng", "Thanh tra", "Cục và tương đương", "Đơn vị sự nghiệp công lập"])  # fmt: skip
q("lookup", "Các quy định về cơ cấu tổ chức trong NĐ 303 có áp dụng cho Bộ Quốc phòng, Bộ Công an không?", ND303, "Điều 1",
  contains=["không áp dụng"])  # fmt: skip
q("followups", "Còn cục thì sao?", ND303, "Điều 9", numbers=["30"],
  history=[("user", "Theo Nghị định 303/2025/NĐ-CP, vụ thuộc bộ cần có bao nhiêu biên chế công chức?"),
           ("assistant", "Vụ được thành lập khi khối lượng công việc yêu cầu bố trí từ 15 biên chế công chức trở lên [1].")])  # fmt: skip
q(
    "sections",
    "Điều 8 Nghị định 303/2025/NĐ-CP nói về gì?",
    ND303,
    "Điều 8",
    contains=["Thanh tra Ngân hàng Nhà nước", "Luật Thanh tra"],
)
q("conditions", "Theo NĐ 303, phòng thuộc chi cục thuộc cục loại 2 có 6 biên chế thì được mấy cấp phó?", ND303, "Điều 12",
  numbers=["1"])  # fmt: skip
nf("Theo NĐ 303/2025/NĐ-CP, mỗi bộ được thành lập tối đa bao nhiêu vụ?", ND303)
nf("NĐ 303/2025 quy định tổng cục thuộc bộ cần bao nhiêu biên chế công chức?", ND303)
nf("dieu 18 cua nghi dinh 303/2025/ND-CP quy dinh gi", ND303, na=True)

# ================================================================ Công văn 5387/CT-CS (Cục Thuế)
q("lookup", "Công văn 5387/CT-CS của Cục Thuế trả lời ai?", CV5387, contains=["Hoàng Văn Trung"], na=True)
q("lookup", "Theo CV 5387/CT-CS, cơ quan thuế căn cứ mẫu nào do cơ quan nông nghiệp và môi trường chuyển sang để xác định tiền sử dụng đất?",
  CV5387, contains=["Mẫu số 19", "151/2025/NĐ-CP"])  # fmt: skip
q("lookup", "cong van 5387 cuc thue: bo tai chinh dang sua nghi dinh nao de sua to khai thue su dung dat phi nong nghiep",
  CV5387, contains=["126/2020/NĐ-CP", "01/TK-SDDPNN"], na=True)  # fmt: skip
nf("CV 5387/CT-CS cho biết thuế suất thuế sử dụng đất phi nông nghiệp là bao nhiêu phần trăm?", CV5387)

# ================================================================ Thông báo 37689/TB-CHQ (xác định trước mã số)
q("lookup", "Thông báo 37689/TB-CHQ xác định mã số cho mặt hàng nào, mã số bao nhiêu?", TB37689,
  contains=["Kester 275", "7106.92.00"])  # fmt: skip
q("lookup", "Dây hàn Kester 275 có hàm lượng bạc bao nhiêu phần trăm?", TB37689, numbers=["3"], na=True)
q(
    "lookup",
    "cong ty nao de nghi xac dinh truoc ma so trong thong bao 37689 cua cuc hai quan",
    TB37689,
    contains=["Vàng Anh"],
    na=True,
)
nf("Theo TB 37689/TB-CHQ, thuế suất nhập khẩu của dây hàn Kester 275 là bao nhiêu?", TB37689)
nf("Dây hàn Kester 275 trong thông báo 37689 được sản xuất ở nước nào?", TB37689)

# ================================================================ across the batch
q("across", "Phó Thủ tướng Bùi Thanh Sơn có ý kiến chỉ đạo trong những văn bản nào?", TB653,
  contains=["653/TB-VPCP", "11554/VPCP-V.I"], more=[(CV11554, "")], na=True)  # fmt: skip
q("across", "Quy chế Công dân Thủ đô ưu tú (QĐ 71) và nghị quyết học phí 58/2025 của Hà Nội, văn bản nào có hiệu lực trước?",
  QD71, any_=[["06 tháng 12 năm 2025", "06/12/2025", "6/12/2025"]], more=[(NQ58, "")])  # fmt: skip
q("across", "Sở Khoa học và Công nghệ Bắc Ninh chủ trì việc gì trong KH 141 và trong KH 144?", KH141, "III.7",
  contains=["AI pháp luật", "hạ tầng số"], more=[(KH144, "VI.1")])  # fmt: skip

# other places, years, numbers that are near the batch's documents
nf("Nghị quyết 58/2025/NQ-HĐND của HĐND TP Hồ Chí Minh quy định học phí bao nhiêu?", NQ58)
nf("cong dien 225/CD-TTg nam 2025 cua thu tuong yeu cau gi", CD224, na=True)
nf("Thông báo 637/TB-VPCP năm 2024 kết luận về vấn đề gì?", TB637)
nf("Quyết định 36/2025/QĐ-UBND của tỉnh Quảng Ngãi quy định về an toàn điện thế nào?", QD36)


def main() -> None:
    out = HERE / "probe2.jsonl"
    out.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in ITEMS), encoding="utf-8")
    used = {d for it in ITEMS for d in it["docs"]}
    assert used == set(FILES), sorted(set(FILES) ^ used)
    (HERE / "probe2-files.txt").write_text("".join(f"{d}.md\n" for d in sorted(FILES)), encoding="utf-8")
    n_nf = sum(1 for it in ITEMS if it["expect"].get("not_found"))
    n_na = sum(1 for it in ITEMS if unaccent(it["question"]) == it["question"])
    print(
        f"{len(ITEMS)} questions -> {out.name} ({n_nf} not_found, {n_na} without accents); {len(FILES)} files -> probe2-files.txt"
    )


if __name__ == "__main__":
    main()

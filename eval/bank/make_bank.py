"""Write the question bank of issue 12 (eval/bank/*.jsonl), one file per class.

    python3 eval/bank/make_bank.py

Every question was written by reading the two corpus files and nine files of ../shared/realdocs,
before any tuning to it. Figures over the score tables of the công văn are computed here from
its three appendices (the reader asserts the totals the document prints: 43,0; 21,00 and 5,42;
36,00 and 20,91), everything else is written out by hand. About a third of the questions also
appear typed without accents (id suffix "-na"). A quarter of each class, drawn with a fixed
seed, is frozen ("frozen": true): nobody tunes on those; a question and its unaccented twin
share their split.

The not_found class is judged against corpus/ alone (make serve); realdocs.jsonl needs the
documents listed in its "docs" field ingested next to corpus/ (see eval/report.py).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"
SEED = 12
FROZEN_SHARE = 0.25

# ---------------------------------------------------------------- the score tables of the công văn

Row = dict  # app, code, max, got, ded


def read_rows() -> list[Row]:
    rows: list[Row] = []
    app = ""
    for line in (ROOT / "corpus" / f"{CV}.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("Phụ lục"):
            app = line.strip()
        m = re.match(r"^\d+\t([A-D](?:\.\d+)+)\. .*?\t([\d,]+)\t([\d,]+)(?:\t([\d,]+))?", line)
        if m:
            top, got = Decimal(m[2].replace(",", ".")), Decimal(m[3].replace(",", "."))
            ded = Decimal(m[4].replace(",", ".")) if m[4] else top - got
            rows.append({"app": app, "code": m[1], "max": top, "got": got, "ded": ded})
    printed = (
        ("Phụ lục I", 22, "43", "0"),
        ("Phụ lục II", 12, "21", "5.42"),
        ("Phụ lục III", 15, "36", "20.91"),
    )
    for app, n, top_total, ded_total in printed:
        part = [r for r in rows if r["app"] == app]
        assert len(part) == n and sum(r["max"] for r in part) == Decimal(top_total), app
        assert sum(r["ded"] for r in part) == Decimal(ded_total), app
    return rows


ROWS = read_rows()


def vn(x: Decimal, places: int = 2) -> str:
    """A Vietnamese decimal: 2,49; whole numbers without decimals."""
    q = x.quantize(Decimal(1) / (10**places))
    s = f"{q:f}".rstrip("0").rstrip(".") if "." in f"{q:f}" else f"{q:f}"
    return s.replace(".", ",")


def codes(pred: Callable[[Row], bool]) -> list[str]:
    return [r["code"] for r in ROWS if pred(r)]


def group(prefix: str) -> list[Row]:
    return [r for r in ROWS if r["code"] == prefix or r["code"].startswith(prefix + ".")]


def total(rows: list[Row], key: str) -> Decimal:
    return sum((r[key] for r in rows), Decimal(0))


def rate(r: Row) -> Decimal:
    return r["got"] / r["max"] * 100


# ---------------------------------------------------------------- the bank

BANK: list[dict] = []


def q(
    cls: str,
    question: str,
    *,
    contains: list[str] | None = None,
    any_: list[list[str]] | None = None,
    numbers: list[str] | None = None,
    cites: list[tuple[str, str]] | None = None,
    nf: bool = False,
    history: list[str | tuple[str, str]] | None = None,
    docs: list[str] | None = None,
    na: bool | None = None,
) -> None:
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
    item: dict = {"question": question, "class": cls, "expect": exp}
    if history:
        turns = []
        for h in history:
            if isinstance(h, tuple):
                turns += [{"role": "user", "content": h[0]}, {"role": "assistant", "content": h[1]}]
            else:
                turns.append({"role": "user", "content": h})
        item["history"] = turns
    if docs:
        item["docs"] = docs
    item["_na"] = na
    BANK.append(item)


P1, P2, P3 = "Phụ lục I", "Phụ lục II", "Phụ lục III"

# ---- ordinary lookups: signer, date, number, an agency's tasks, a figure
L = "lookup"
q(
    L,
    "Ai ký Công văn 410 của Ủy ban nhân dân thành phố Hải Phòng?",
    contains=["Lê Anh Quân"],
    cites=[(CV, "")],
)
q(L, "Người ký công văn 410/UBND-NCKTGS giữ chức vụ gì?", contains=["Phó Chủ tịch"], cites=[(CV, "")])
q(
    L,
    "Ai ký kế hoạch phòng, chống tham nhũng của đặc khu Cát Hải?",
    contains=["Phan Viết Điện"],
    cites=[(KH, "")],
)
q(
    L,
    "Công văn 410 được ban hành ngày nào?",
    any_=[["03/3/2025", "03/03/2025", "3/3/2025", "ngày 03 tháng 3 năm 2025"]],
    cites=[(CV, "")],
)
q(
    L,
    "Kế hoạch của đặc khu Cát Hải được ban hành vào tháng nào?",
    any_=[["tháng 8"]],
    numbers=["2025"],
    cites=[(KH, "")],
)
q(L, "Công văn 410 của Hải Phòng về việc gì?", contains=["khắc phục tồn tại, hạn chế"], cites=[(CV, "")])
q(
    L,
    "Kế hoạch Cát Hải thực hiện Kế hoạch số mấy của Ủy ban nhân dân thành phố Hải Phòng?",
    contains=["301/KH-UBND"],
    cites=[(KH, "")],
)
q(
    L,
    "Kế hoạch 301/KH-UBND của thành phố Hải Phòng ban hành ngày nào?",
    any_=[["09/6/2025", "9/6/2025"]],
    cites=[(KH, "")],
)
q(L, "Nghị quyết 168/NQ-CP được ban hành ngày nào?", any_=[["11/10/2023"]], cites=[(KH, "")])
q(L, "Công văn 1353/TTTP-NV6 hướng dẫn nội dung gì?", contains=["xã, phường, đặc khu"], cites=[(KH, "")])
q(
    L,
    "Văn phòng Ủy ban nhân dân thành phố được giao nhiệm vụ gì?",
    contains=["Ban Tiếp Công dân"],
    cites=[(CV, "II.3")],
)
q(L, "Sở Nội vụ có nhiệm vụ gì?", contains=["chuyển đổi vị trí công tác"], cites=[(CV, "II.4")])
q(L, "Sở Tài chính được giao nhiệm vụ gì?", contains=["ngân sách nhà nước"], cites=[(CV, "II.6")])
q(L, "Sở Văn hóa và Thể thao phải làm gì?", contains=["chương trình nghệ thuật"], cites=[(CV, "II.9")])
q(
    L,
    "Thủ trưởng các Sở, ban, ngành phải làm gì khi phát hiện hành vi có dấu hiệu tội phạm?",
    contains=["cơ quan cảnh sát điều tra"],
    cites=[(CV, "II.1")],
)
q(L, "Văn phòng HĐND và UBND đặc khu được giao nhiệm vụ gì?", contains=["hằng năm"], cites=[(KH, "III.2.2")])
q(
    L,
    "Tòa án nhân dân khu vực 4 Hải Phòng được đề nghị làm gì?",
    contains=["nghiêm túc thực hiện"],
    cites=[(KH, "III.2.4")],
)
q(
    L,
    "Các cơ quan chuyên môn thuộc đặc khu có trách nhiệm gì trong kế hoạch?",
    contains=["xây dựng chương trình, kế hoạch cụ thể"],
    cites=[(KH, "III.2.1")],
)
q(L, "Tiêu chí C.2.2 đạt bao nhiêu điểm?", contains=["xử lý hình sự"], numbers=["7,5"], cites=[(CV, P1)])
q(L, "Tiêu chí A.1.2 có thang điểm bao nhiêu?", numbers=["4"], cites=[(CV, P1)])
q(
    L,
    "Tiêu chí B.1.1 đạt bao nhiêu điểm?",
    contains=["công khai, minh bạch"],
    numbers=["4", "6"],
    cites=[(CV, P3)],
)
q(L, "Điểm thẩm định của tiêu chí C.1.3 là bao nhiêu?", numbers=["5,83"], cites=[(CV, P3)])
q(L, "Tiêu chí D.2.2 được bao nhiêu điểm?", numbers=["0,01"], cites=[(CV, P3)])
q(L, "Tiêu chí A.2.5 đạt bao nhiêu điểm?", numbers=["0,8"], cites=[(CV, P2)])
q(L, "Tiêu chí C.2.3.1 bị trừ bao nhiêu điểm?", numbers=["0,83"], cites=[(CV, P2)])
q(L, "Tiêu chí B.1.6.2 đạt bao nhiêu trên thang điểm bao nhiêu?", numbers=["0,77", "1"], cites=[(CV, P2)])
q(
    L,
    "Tiêu chí B.1.3 là tiêu chí gì và được bao nhiêu điểm?",
    contains=["chuyển đổi số"],
    numbers=["0"],
    cites=[(CV, P3)],
)
q(
    L,
    "Kết quả thực hiện cải cách hành chính (PAR 2023) được bao nhiêu điểm?",
    contains=["B.1.2"],
    numbers=["1"],
    cites=[(CV, P1)],
)
q(
    L,
    "Tiêu chí về kết quả thu hồi tiền, tài sản tham nhũng qua công tác thi hành án đạt bao nhiêu điểm?",
    contains=["D.2.2"],
    numbers=["0,01"],
    cites=[(CV, P3)],
)
q(
    L,
    "Tiêu chí kết quả kiểm soát tài sản, thu nhập được mấy điểm?",
    contains=["B.1.9"],
    numbers=["5"],
    cites=[(CV, P1)],
)
q(L, "Tổng điểm của Phụ lục I là bao nhiêu?", numbers=["43"], cites=[(CV, P1)])
q(L, "Tổng thang điểm của Phụ lục III là bao nhiêu?", numbers=["36"], cites=[(CV, P3)])
q(L, "Việc thực hiện Chiến lược được sơ kết vào năm nào?", numbers=["2026"], cites=[(KH, "III.1")])
q(
    L,
    "Chiến lược phòng, chống tham nhũng được tổng kết vào năm nào?",
    numbers=["2031"],
    cites=[(KH, "III.1.2")],
)
q(
    L,
    "Thanh tra thành phố tiến hành xác minh tài sản, thu nhập năm nào?",
    numbers=["2025"],
    cites=[(CV, "II.2")],
)
q(L, "Chỉ thị số 05-CT/TW được ban hành ngày nào?", any_=[["15/5/2016"]], cites=[(CV, "II.8")])
q(
    L,
    "Nghị định 130/2020/NĐ-CP quy định về vấn đề gì?",
    contains=["kiểm soát tài sản, thu nhập"],
    cites=[(CV, "II.2")],
)
q(L, "Công văn 410 gửi tới những ai?", contains=["Thủy Nguyên"], cites=[(CV, "Kính gửi")])
q(
    L,
    "Phòng Văn hóa - Xã hội phải đăng tải kế hoạch lên đâu?",
    contains=["Cổng thông tin điện tử"],
    cites=[(KH, "III.2.3")],
)
q(
    L,
    "Kế hoạch Cát Hải kiến nghị những tổ chức nào tham gia thực hiện, giám sát?",
    contains=["Đảng ủy đặc khu", "Mặt trận Tổ quốc"],
    cites=[(KH, "III.2.5")],
)
q(L, "Tiêu chí A.2.6 đạt bao nhiêu điểm?", numbers=["1,05"], cites=[(CV, P2)])
q(L, "Tiêu chí C.1.2 bị trừ mấy điểm?", numbers=["0,5"], cites=[(CV, P2)])
q(
    L,
    "Mục tiêu chung của kế hoạch phòng chống tham nhũng đặc khu là gì?",
    contains=["ngăn chặn, đẩy lùi"],
    cites=[(KH, "I.2.1")],
)
q(
    L,
    "Sở Giáo dục và Đào tạo lồng ghép nội dung phòng, chống tham nhũng vào môn học nào?",
    contains=["Giáo dục công dân"],
    cites=[(CV, "II.10")],
)

# ---- conditions over a column
C = "conditions"
q(
    C,
    "Những tiêu chí nào bị trừ trên 0,3 và không quá 0,8 điểm?",
    contains=codes(lambda r: Decimal("0.3") < r["ded"] <= Decimal("0.8")),
    cites=[(CV, P2)],
)
q(
    C,
    "Tiêu chí nào bị trừ đúng 2 điểm?",
    contains=codes(lambda r: r["ded"] == 2),
    numbers=["2"],
    cites=[(CV, P3)],
)
q(C, "Những tiêu chí nào có thang điểm 3?", contains=codes(lambda r: r["max"] == 3))
q(
    C,
    "Các tiêu chí đạt dưới một nửa thang điểm là những tiêu chí nào?",
    contains=codes(lambda r: r["got"] * 2 < r["max"]),
)
n = len(codes(lambda r: r["ded"] > 1))
q(C, "Có bao nhiêu tiêu chí bị trừ trên 1 điểm?", numbers=[str(n)], cites=[(CV, P3)])
q(C, "Những tiêu chí nào bị trừ đúng 1 điểm?", contains=codes(lambda r: r["ded"] == 1), cites=[(CV, P3)])
q(C, "Tiêu chí nào có thang điểm lớn hơn 5?", contains=codes(lambda r: r["max"] > 5))
q(C, "Liệt kê các tiêu chí có thang điểm 2,5.", contains=codes(lambda r: r["max"] == Decimal("2.5")))
q(
    C,
    "Những tiêu chí nào đạt trên 90% thang điểm nhưng chưa đạt tối đa?",
    contains=codes(lambda r: r["got"] * 10 > r["max"] * 9 and r["ded"] > 0),
    cites=[(CV, P2)],
)
q(
    C,
    "Trong Phụ lục II, những tiêu chí nào bị trừ dưới 0,5 điểm?",
    contains=codes(lambda r: r["app"] == P2 and r["ded"] < Decimal("0.5")),
    cites=[(CV, P2)],
)
q(
    C,
    "Những tiêu chí nào đạt đúng 50% thang điểm?",
    contains=codes(lambda r: r["got"] * 2 == r["max"]),
    cites=[(CV, P3)],
)
q(
    C,
    "Tiêu chí nào bị trừ từ 1,2 đến 1,5 điểm?",
    contains=codes(lambda r: Decimal("1.2") <= r["ded"] <= Decimal("1.5")),
    cites=[(CV, P3)],
)
q(
    C,
    "Trong nhóm C, những tiêu chí nào bị 0 điểm?",
    contains=codes(lambda r: r["code"][0] == "C" and r["got"] == 0),
    cites=[(CV, P3)],
)
q(
    C,
    "Trong nhóm B, những tiêu chí nào bị trừ điểm?",
    contains=codes(lambda r: r["code"][0] == "B" and r["ded"] > 0),
)
q(C, "Có bao nhiêu tiêu chí có thang điểm 1?", numbers=[str(len(codes(lambda r: r["max"] == 1)))])
q(
    C,
    "Những tiêu chí nào đạt từ 70% đến 80% thang điểm?",
    contains=codes(lambda r: 70 <= rate(r) <= 80),
    cites=[(CV, P2)],
)
q(
    C,
    "Tiêu chí nào đạt điểm thẩm định từ 2 điểm trở lên nhưng vẫn bị trừ điểm?",
    contains=codes(lambda r: r["got"] >= 2 and r["ded"] > 0),
)
q(
    C,
    "Trong nhóm D, tiêu chí nào bị trừ trên 2 điểm?",
    contains=codes(lambda r: r["code"][0] == "D" and r["ded"] > 2),
    numbers=["2,49"],
    cites=[(CV, P3)],
)
q(
    C,
    "Những tiêu chí thuộc nhóm A bị trừ trên 0,5 điểm?",
    contains=codes(lambda r: r["code"][0] == "A" and r["ded"] > Decimal("0.5")),
    cites=[(CV, P2)],
)
q(C, "Tiêu chí nào có thang điểm 7?", contains=codes(lambda r: r["max"] == 7), cites=[(CV, P3)])
q(
    C,
    "Trong Phụ lục III, những tiêu chí nào có điểm thẩm định khác 0?",
    contains=codes(lambda r: r["app"] == P3 and r["got"] != 0),
    cites=[(CV, P3)],
)
q(
    C,
    "Trong số các tiêu chí bị trừ điểm, tiêu chí nào bị trừ ít hơn 0,1 điểm?",
    contains=codes(lambda r: 0 < r["ded"] < Decimal("0.1")),
    numbers=["0,03"],
    cites=[(CV, P2)],
)
q(C, "Có bao nhiêu tiêu chí bị 0 điểm?", numbers=[str(len(codes(lambda r: r["got"] == 0)))], cites=[(CV, P3)])
q(
    C,
    "Những tiêu chí nào đạt trên 0 nhưng dưới 30% thang điểm?",
    contains=codes(lambda r: r["got"] > 0 and rate(r) < 30),
)
q(
    C,
    "Trong Phụ lục III, những tiêu chí nào có thang điểm trên 2?",
    contains=codes(lambda r: r["app"] == P3 and r["max"] > 2),
    cites=[(CV, P3)],
)
q(
    C,
    "Tiêu chí nào bị trừ từ 0,7 điểm đến 0,8 điểm?",
    contains=codes(lambda r: Decimal("0.7") <= r["ded"] <= Decimal("0.8")),
    cites=[(CV, P2)],
)

# ---- aggregates of a part
A = "aggregates"


def agg(prefix: str) -> tuple[str, str, str]:
    g = group(prefix)
    return vn(total(g, "got")), vn(total(g, "max")), vn(total(g, "ded"))


for pfx, text in (
    ("B.1", "Mục B.1 đạt tổng bao nhiêu điểm?"),
    ("A", "Nhóm A đạt bao nhiêu điểm?"),
    ("B", "Nhóm tiêu chí B đạt tổng cộng bao nhiêu điểm?"),
    ("C", "Nhóm C được bao nhiêu điểm?"),
    ("A.2", "Mục A.2 đạt bao nhiêu điểm trên tổng thang điểm?"),
    ("C.2", "Mục C.2 đạt bao nhiêu điểm?"),
    ("D.2", "Tổng điểm của mục D.2 là bao nhiêu?"),
    ("D.1", "Mục D.1 được tổng cộng bao nhiêu điểm?"),
    ("C.1", "Mục C.1 đạt bao nhiêu điểm?"),
    ("C.3", "Mục C.3 đạt bao nhiêu điểm trên thang điểm bao nhiêu?"),
    ("A.1", "Mục A.1 đạt bao nhiêu điểm?"),
    ("B.2", "Mục B.2 được bao nhiêu điểm?"),
):
    got, top, _ = agg(pfx)
    q(A, text, numbers=[got, top])
q(A, "Tổng số điểm bị trừ của nhóm C là bao nhiêu?", numbers=[agg("C")[2]])
q(A, "Nhóm A bị trừ tổng cộng bao nhiêu điểm?", numbers=[agg("A")[2]])
q(
    A,
    "Tổng điểm thẩm định của các tiêu chí trong Phụ lục III là bao nhiêu?",
    numbers=[vn(total([r for r in ROWS if r["app"] == P3], "got"))],
    cites=[(CV, P3)],
)
q(
    A,
    "Các tiêu chí ở Phụ lục II đạt tổng cộng bao nhiêu điểm thẩm định?",
    numbers=[vn(total([r for r in ROWS if r["app"] == P2], "got"))],
    cites=[(CV, P2)],
)
q(A, "Tổng số điểm bị trừ của cả ba phụ lục là bao nhiêu?", numbers=[vn(total(ROWS, "ded"))])
q(
    A,
    "Trung bình mỗi tiêu chí trong Phụ lục III bị trừ bao nhiêu điểm?",
    numbers=[vn(Decimal("20.91") / 15)],
    cites=[(CV, P3)],
)
q(A, "Nhóm B có bao nhiêu tiêu chí?", numbers=[str(len(group("B")))])
q(A, "Ba phụ lục của công văn 410 có tổng cộng bao nhiêu tiêu chí?", numbers=[str(len(ROWS))])
q(A, "Nhóm D đạt tỷ lệ bao nhiêu phần trăm thang điểm?", numbers=[vn(total(group("D"), "got") * 10)])
q(
    A,
    "Tổng điểm của các tiêu chí nhóm C trong Phụ lục III là bao nhiêu?",
    numbers=[vn(total([r for r in group("C") if r["app"] == P3], "got"))],
    cites=[(CV, P3)],
)
q(
    A,
    "Các tiêu chí nhóm D trong Phụ lục III bị trừ tổng cộng bao nhiêu điểm?",
    numbers=[vn(total([r for r in group("D") if r["app"] == P3], "ded"))],
    cites=[(CV, P3)],
)
q(
    A,
    "Điểm đánh giá công tác phòng, chống tham nhũng năm 2023 của Hải Phòng đạt bao nhiêu phần trăm?",
    numbers=["73,67"],
)
q(A, "Phụ lục II có bao nhiêu tiêu chí?", numbers=["12"], cites=[(CV, P2)])

# ---- comparison, difference, what-if
M = "comparison"
q(M, "Nhóm B hay nhóm C đạt tỷ lệ cao hơn?", contains=["B"], numbers=["22,52", "29,25"])
q(M, "Còn thiếu bao nhiêu điểm để đạt 80 điểm?", numbers=["6,33"])
q(M, "Nếu nhóm D đạt tối đa thì tổng điểm là bao nhiêu?", numbers=["78,59"])
q(M, "Điểm bị trừ ở Phụ lục III nhiều hơn Phụ lục II bao nhiêu?", numbers=["15,49"])
q(M, "Tiêu chí B.1.1 bị trừ nhiều hơn tiêu chí A.2.2.1 bao nhiêu điểm?", numbers=["1,26"])
q(M, "Giữa D.2.1 và D.2.2 tiêu chí nào đạt nhiều điểm hơn?", contains=["D.2.1"], numbers=["2,24", "0,01"])
q(M, "Nếu tiêu chí B.2.2 đạt đủ điểm thì tổng điểm là bao nhiêu?", numbers=["75,67"])
q(M, "Nếu tất cả tiêu chí ở Phụ lục II đều đạt tối đa thì tổng điểm sẽ là bao nhiêu?", numbers=["79,09"])
q(M, "Nhóm D bị trừ nhiều hơn nhóm A bao nhiêu điểm?", numbers=["1,74"])
q(M, "C.1.1 hay C.1.3 bị trừ nhiều điểm hơn?", contains=["C.1.1"], numbers=["1,5", "1,17"])
q(M, "Nếu nhóm D đạt 8 điểm thì tổng điểm là bao nhiêu?", numbers=["76,59"])
q(M, "Muốn đạt 75 điểm thì cần thêm bao nhiêu điểm nữa?", numbers=["1,33"])
q(M, "Nhóm C đạt nhiều hơn nhóm B bao nhiêu điểm?", numbers=["6,73"])
q(M, "Phụ lục II và Phụ lục III, phụ lục nào có nhiều tiêu chí hơn?", contains=[P3], numbers=["12", "15"])
q(M, "Nếu mọi tiêu chí ở Phụ lục III đạt tối đa thì tổng điểm là bao nhiêu?", numbers=["94,58"])
q(M, "A.2.5 và A.2.6 tiêu chí nào bị trừ nhiều hơn?", contains=["A.2.5"], numbers=["0,7", "0,45"])
q(M, "Điểm của tiêu chí C.2.2 gấp mấy lần tiêu chí C.2.1.2?", numbers=["3"])
q(M, "Nếu tiêu chí D.2.2 đạt 2 điểm thì nhóm D đạt bao nhiêu điểm?", numbers=["7,07"])
q(M, "Tổng điểm còn cách 100 điểm bao nhiêu?", numbers=["26,33"])
q(M, "Mục C.1 và mục C.2, mục nào bị trừ nhiều điểm hơn?", contains=["C.2"], numbers=["3,17", "4,58"])
q(M, "Nếu nhóm B đạt 25 điểm thì tổng điểm là bao nhiêu?", numbers=["76,15"])
q(M, "Nhóm A và nhóm D chênh nhau bao nhiêu điểm thẩm định?", numbers=["11,74"])

# ---- direction and metric
R = "direction"
q(R, "Nhóm nào đạt tỷ lệ thấp nhất?", contains=["D"], numbers=["5,08"])
q(R, "Nhóm tiêu chí nào bị trừ nhiều điểm nhất?", contains=["C"], numbers=["10,75"])
q(R, "Nhóm nào đạt tỷ lệ cao nhất?", contains=["A"], numbers=["16,82"])
q(R, "Nhóm nào bị trừ ít điểm nhất?", contains=["A"], numbers=["3,18"])
q(
    R,
    "Trong Phụ lục II, tiêu chí nào đạt tỷ lệ thấp nhất?",
    contains=["A.2.7"],
    numbers=["0,25"],
    cites=[(CV, P2)],
)
q(
    R,
    "Trong Phụ lục II, tiêu chí nào bị trừ nhiều điểm nhất?",
    contains=["C.2.3.1"],
    numbers=["0,83"],
    cites=[(CV, P2)],
)
q(
    R,
    "Trong Phụ lục II, tiêu chí nào bị trừ ít nhất?",
    contains=["A.2.1.1"],
    numbers=["0,03"],
    cites=[(CV, P2)],
)
q(
    R,
    "Trong Phụ lục III, tiêu chí nào đạt tỷ lệ cao nhất?",
    contains=["C.1.3"],
    numbers=["5,83"],
    cites=[(CV, P3)],
)
q(R, "Tiêu chí nào đạt điểm thẩm định cao nhất?", contains=["C.2.2"], numbers=["7,5"])
q(R, "Trong nhóm C, tiêu chí nào bị trừ nhiều điểm nhất?", contains=["C.1.1"], numbers=["1,5"])
q(
    R,
    "Trong các mục cấp hai của bảng điểm (A.1, A.2, B.1, ...), mục nào đạt tỷ lệ thấp nhất?",
    contains=["B.2"],
    numbers=["0"],
)
q(R, "Phụ lục nào có tổng điểm bị trừ nhiều nhất?", contains=[P3], numbers=["20,91"])
q(R, "Trong nhóm A, tiêu chí nào đạt tỷ lệ thấp nhất?", contains=["A.2.7"])
q(R, "Trong nhóm D, tiêu chí nào đạt tỷ lệ thấp nhất?", contains=["D.1.2"], numbers=["0"])
q(R, "Trong nhóm D, tiêu chí nào đạt tỷ lệ cao nhất?", contains=["D.1.1"], numbers=["2,83"])
q(
    R,
    "Trong Phụ lục III, tiêu chí nào bị trừ nhiều điểm nhất?",
    contains=["D.2.2"],
    numbers=["2,49"],
    cites=[(CV, P3)],
)
q(
    R,
    "Trong nhóm B, trong số các tiêu chí bị trừ điểm, tiêu chí nào bị trừ ít nhất?",
    contains=["B.1.6.2"],
    numbers=["0,23"],
)
q(R, "Trong nhóm A, tiêu chí nào bị trừ nhiều điểm nhất?", contains=["A.2.7"], numbers=["0,75"])
q(
    R,
    "Trong các mục cấp hai của bảng điểm (A.1, A.2, B.1, ...), mục nào bị trừ nhiều điểm nhất?",
    contains=["C.2"],
    numbers=["4,58"],
)
q(
    R,
    "Trong các tiêu chí bị trừ điểm, tiêu chí nào đạt tỷ lệ cao nhất?",
    contains=["A.2.1.1"],
    numbers=["0,97"],
)

# ---- ties: a top/bottom list includes the whole tie
T = "ties"


def top_codes(rows: list[Row], key: Callable[[Row], Decimal], n: int, reverse: bool = True) -> list[str]:
    ordered = sorted(rows, key=key, reverse=reverse)
    cut = key(ordered[n - 1])
    return [r["code"] for r in ordered if (key(r) >= cut if reverse else key(r) <= cut)]


ded: Callable[[Row], Decimal] = lambda r: r["ded"]  # noqa: E731
q(T, "3 tiêu chí bị trừ nhiều điểm nhất là những tiêu chí nào?", contains=top_codes(ROWS, ded, 3))
q(T, "Hai tiêu chí bị trừ nhiều điểm nhất là gì?", contains=top_codes(ROWS, ded, 2))
q(
    T,
    "Trong Phụ lục III, tiêu chí nào bị trừ ít điểm nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P3], ded, 1, reverse=False),
    cites=[(CV, P3)],
)
q(T, "Liệt kê 6 tiêu chí bị trừ nhiều điểm nhất.", contains=top_codes(ROWS, ded, 6))
q(T, "Tiêu chí nào đạt tỷ lệ thấp nhất?", contains=top_codes(ROWS, rate, 1, reverse=False))
q(
    T,
    "Trong nhóm B, tiêu chí nào bị trừ nhiều điểm nhất?",
    contains=top_codes(group("B"), ded, 1),
    numbers=["2"],
)
q(T, "Nhóm tiêu chí nào có nhiều tiêu chí nhất?", contains=["B", "C"], numbers=["17"])
q(
    T,
    "Trong nhóm C, những tiêu chí nào bị trừ nhiều thứ hai?",
    contains=["C.2.1.1", "C.2.3.2", "C.2.3.3"],
    numbers=["1,25"],
)
q(T, "5 tiêu chí bị trừ nhiều điểm nhất là gì?", contains=top_codes(ROWS, ded, 5))
q(
    T,
    "Trong Phụ lục III, tiêu chí nào có thang điểm nhỏ nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P3], lambda r: r["max"], 1, reverse=False),
    cites=[(CV, P3)],
)
q(
    T,
    "Trong nhóm C, tiêu chí nào đạt tỷ lệ thấp nhất?",
    contains=top_codes(group("C"), rate, 1, reverse=False),
)
q(
    T,
    "Trong Phụ lục II, 2 tiêu chí nào đạt tỷ lệ thấp nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P2], rate, 2, reverse=False),
    cites=[(CV, P2)],
)
q(
    T,
    "Trong Phụ lục III, tiêu chí nào có thang điểm lớn nhất?",
    contains=["C.1.3"],
    numbers=["7"],
    cites=[(CV, P3)],
)
q(
    T,
    "Trong Phụ lục II, 3 tiêu chí nào có thang điểm nhỏ nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P2], lambda r: r["max"], 3, reverse=False),
    cites=[(CV, P2)],
)
q(
    T,
    "Trong Phụ lục II, tiêu chí nào có thang điểm lớn nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P2], lambda r: r["max"], 1),
    numbers=["3"],
    cites=[(CV, P2)],
)
q(T, "Trong nhóm D, 2 tiêu chí nào bị trừ nhiều nhất?", contains=top_codes(group("D"), ded, 2))
q(
    T,
    "Trong Phụ lục III, tiêu chí nào có điểm thẩm định thấp nhất?",
    contains=top_codes([r for r in ROWS if r["app"] == P3], lambda r: r["got"], 1, reverse=False),
    cites=[(CV, P3)],
)
q(
    T,
    "Bốn tiêu chí có thang điểm lớn nhất là những tiêu chí nào?",
    contains=top_codes(ROWS, lambda r: r["max"], 4),
)

# ---- section references and structure
S = "sections"
q(
    S,
    "Phần II của kế hoạch Cát Hải nói gì?",
    contains=[
        "Hoàn thiện chính sách, pháp luật",
        "Kiện toàn tổ chức bộ máy",
        "Tăng cường phối hợp",
        "Nâng cao nhận thức",
        "hợp tác quốc tế",
    ],
    cites=[(KH, "II")],
)
q(S, "Mục 3 phần I của kế hoạch Cát Hải là gì?", contains=["lĩnh vực trọng điểm"], cites=[(KH, "I.3")])
q(
    S,
    "Công văn 410 gồm mấy phần, những phần nào?",
    contains=["Nhiệm vụ chung", "Nhiệm vụ cụ thể"],
    cites=[(CV, "")],
)
q(
    S,
    "Kế hoạch của đặc khu Cát Hải gồm mấy phần?",
    contains=["Quan điểm, mục tiêu, yêu cầu", "nhóm nhiệm vụ, giải pháp", "Lộ trình"],
    numbers=["3"],
    cites=[(KH, "")],
)
q(
    S,
    "Mục II.3 của kế hoạch nói về nội dung gì?",
    contains=["thu hồi"],
    any_=[["phối hợp"]],
    cites=[(KH, "II.3")],
)
q(
    S,
    "Mục 2 phần III của kế hoạch Cát Hải quy định gì?",
    contains=["Cổng thông tin điện tử"],
    cites=[(KH, "III.2")],
)
q(S, "Phần I của công văn 410 nói gì?", contains=["Phụ lục"], cites=[(CV, "I")])
q(S, "Mục 1.2 phần III của kế hoạch nói gì?", numbers=["2026", "2030"], cites=[(KH, "III.1.2")])
q(
    S,
    "Mục 2 phần I công văn 410 yêu cầu gì?",
    contains=["Chấn chỉnh", "Phụ lục số 02", "Phụ lục số 03"],
    cites=[(CV, "I.2")],
)
q(
    S,
    "Mục 7 phần II của công văn 410 giao việc cho ai?",
    contains=["Sở Thông tin và Truyền thông"],
    cites=[(CV, "II.7")],
)
q(
    S,
    "Phụ lục II của công văn 410 gồm những gì?",
    contains=["A.2.1.1", "D.2.1"],
    numbers=["12"],
    cites=[(CV, P2)],
)
q(S, "Phụ lục I gồm bao nhiêu tiêu chí?", numbers=["22"], cites=[(CV, P1)])
q(S, "Phụ lục III có bao nhiêu tiêu chí?", numbers=["15"], cites=[(CV, P3)])
q(
    S,
    "Phần III của kế hoạch gồm những nội dung gì?",
    contains=["Lộ trình thực hiện", "Tổ chức thực hiện"],
    cites=[(KH, "III")],
)
q(S, "Mục 2.2 phần I của kế hoạch Cát Hải nói gì?", contains=["Mặt trận Tổ quốc"], cites=[(KH, "I.2.2")])
q(S, "Phần II của công văn 410 có bao nhiêu mục?", numbers=["11"], cites=[(CV, "II")])
q(
    S,
    "Mục 4 phần II kế hoạch Cát Hải là gì?",
    contains=["vai trò và trách nhiệm của xã hội"],
    cites=[(KH, "II.4")],
)
q(S, "Mục II.5 của kế hoạch nói gì?", contains=["Công ước Liên hợp quốc"], cites=[(KH, "II.5")])
q(S, "Mục 11 phần II của công văn 410 nói gì?", contains=["Viện Kiểm sát"], cites=[(CV, "II.11")])
q(S, "Mục I.1 của công văn 410 nói gì?", contains=["100%"], cites=[(CV, "I.1")])
q(
    S,
    "Mục 1 phần I của kế hoạch Cát Hải nêu quan điểm gì?",
    contains=["không có vùng cấm"],
    cites=[(KH, "I.1")],
)
q(S, "Phụ lục III của công văn 410 là gì?", contains=["từ 01 điểm trở lên"], cites=[(CV, P3)])
q(
    S,
    "Mục 1 phần II của kế hoạch Cát Hải nói gì?",
    contains=["Hoàn thiện chính sách, pháp luật"],
    cites=[(KH, "II.1")],
)
q(S, "Mục II.1 của công văn 410 giao nhiệm vụ cho ai?", contains=["Thủ trưởng các Sở"], cites=[(CV, "II.1")])
q(S, "Phần II của công văn 410 nói về gì?", contains=["Nhiệm vụ cụ thể"], cites=[(CV, "II")])

# ---- complete lists
LI = "lists"
q(
    LI,
    "Các mục tiêu cụ thể của kế hoạch Cát Hải gồm những gì?",
    contains=["sơ hở, bất cập", "bộ máy", "biện pháp phòng ngừa", "Mặt trận Tổ quốc", "hợp tác quốc tế"],
    cites=[(KH, "I.2.2")],
)
q(
    LI,
    "Quan điểm của kế hoạch phòng, chống tham nhũng đặc khu gồm những nội dung nào?",
    contains=["không có vùng cấm", "chỉnh đốn Đảng", "hợp tác quốc tế"],
    cites=[(KH, "I.1")],
)
q(
    LI,
    "Yêu cầu của kế hoạch Cát Hải là gì?",
    contains=["Triển khai kịp thời", "lĩnh vực trọng điểm"],
    cites=[(KH, "I.3")],
)
q(
    LI,
    "Kế hoạch Cát Hải có những nhóm nhiệm vụ, giải pháp nào?",
    contains=[
        "Hoàn thiện chính sách",
        "Kiện toàn tổ chức bộ máy",
        "Tăng cường phối hợp",
        "Nâng cao nhận thức",
        "hợp tác quốc tế",
    ],
    cites=[(KH, "II")],
)
q(
    LI,
    "Các nhiệm vụ cần tập trung thực hiện trong giai đoạn tới theo công văn 410 là gì?",
    contains=[
        "lãnh đạo, chỉ đạo",
        "rút kinh nghiệm",
        "tuyên truyền",
        "công khai, minh bạch",
        "kê khai",
        "chuyển đổi vị trí công tác",
        "xung đột lợi ích",
        "thanh tra, kiểm tra, giám sát",
        "thu hồi",
    ],
    cites=[(CV, "I.3")],
)
q(
    LI,
    "Công văn 410 kính gửi những đơn vị nào?",
    contains=["Các Sở, ngành", "Ủy ban nhân dân các quận, huyện"],
    cites=[(CV, "Kính gửi")],
)
q(
    LI,
    "Nơi nhận của công văn 410 gồm những ai?",
    contains=[
        "Như trên",
        "Văn phòng Thành ủy",
        "Ủy ban Kiểm tra Thành ủy",
        "Ban Nội chính Thành ủy",
        "Trần Văn Thiện",
        "Ban TCDTP",
        "Phòng NCKTGGS",
    ],
    cites=[(CV, "Nơi nhận")],
)
q(
    LI,
    "Kế hoạch Cát Hải được gửi tới những nơi nào?",
    contains=[
        "Thanh tra thành phố",
        "Thường trực Đảng ủy đặc khu",
        "Thường trực HĐND đặc khu",
        "UB MTTQ Việt Nam đặc khu",
        "TAND khu vực 4",
    ],
    cites=[(KH, "Nơi nhận")],
)
q(
    LI,
    "Sở Tư pháp có những nhiệm vụ nào?",
    contains=["phổ biến giáo dục pháp luật", "tập huấn"],
    cites=[(CV, "II.5")],
)
q(
    LI,
    "Sở Thông tin và Truyền thông được giao những nhiệm vụ gì?",
    contains=["truyền thông chính sách", "điểm nóng", "cơ sở dữ liệu"],
    cites=[(CV, "II.7")],
)
q(
    LI,
    "Đài Phát thanh và Truyền hình Hải Phòng có những nhiệm vụ nào?",
    contains=["05-CT/TW", "bạn nghe đài"],
    cites=[(CV, "II.8")],
)
q(
    LI,
    "Thanh tra thành phố có những nhiệm vụ gì?",
    contains=["xác minh tài sản, thu nhập", "tham mưu"],
    cites=[(CV, "II.2")],
)
q(
    LI,
    "Những cơ quan nào được đề nghị ở mục 11 phần II công văn 410?",
    contains=[
        "Viện Kiểm sát nhân dân thành phố",
        "Tòa án nhân dân thành phố",
        "Công an thành phố",
        "Cục thi hành án dân sự",
    ],
    cites=[(CV, "II.11")],
)
q(
    LI,
    "Mục Kiện toàn tổ chức bộ máy của kế hoạch gồm những giải pháp nào?",
    contains=[
        "02 cấp",
        "chuyên nghiệp, kỷ cương",
        "dám nghĩ, dám làm",
        "xung đột lợi ích",
        "tiền lương",
        "Kiên quyết đưa ra khỏi bộ máy",
        "cải cách hành chính",
        "công khai và minh bạch",
    ],
    cites=[(KH, "II.2")],
)
q(
    LI,
    "Kế hoạch Cát Hải được xây dựng căn cứ những văn bản nào?",
    contains=["168/NQ-CP", "301/KH-UBND", "1353/TTTP-NV6"],
    cites=[(KH, "")],
)
q(
    LI,
    "Công văn 410 yêu cầu tăng cường công khai, minh bạch nhất là trong những lĩnh vực nào?",
    contains=[
        "đất đai",
        "tài nguyên và môi trường",
        "giáo dục",
        "tổ chức cán bộ",
        "tài chính ngân sách",
        "đấu thầu",
    ],
    cites=[(CV, "I.3")],
)
q(
    LI,
    "Sở Văn hóa và Thể thao xây dựng chương trình nghệ thuật về những chủ đề nào?",
    contains=["tham nhũng", "đạo đức liêm chính", "tấm gương Chủ tịch Hồ Chí Minh", "mảnh đất và con người"],
    cites=[(CV, "II.9")],
)
q(
    LI,
    "Những lĩnh vực dễ phát sinh tham nhũng được nêu ở mục II.1 kế hoạch Cát Hải là gì?",
    contains=[
        "tài chính ngân sách",
        "tài sản công",
        "đầu tư xây dựng",
        "đấu thầu",
        "đấu giá",
        "đất đai",
        "khoáng sản",
        "tổ chức cán bộ",
    ],
    cites=[(KH, "II.1")],
)
q(
    LI,
    "Kế hoạch Cát Hải giao nhiệm vụ cho những cơ quan nào?",
    contains=[
        "cơ quan chuyên môn",
        "Văn phòng HĐND và UBND",
        "Văn hóa",
        "Tòa án nhân dân khu vực 4",
        "Viện kiểm sát nhân dân khu vực 4",
    ],
    cites=[(KH, "III.2")],
)
q(
    LI,
    "Lộ trình thực hiện Chiến lược gồm những giai đoạn nào?",
    numbers=["2023", "2026", "2030"],
    cites=[(KH, "III.1")],
)
q(
    LI,
    "Mục Tăng cường phối hợp trong công tác kiểm tra, thanh tra của kế hoạch gồm những giải pháp gì?",
    contains=["chế độ trách nhiệm", "đào tạo, bồi dưỡng", "tịch thu", "chuyển đổi số", "phối hợp"],
    cites=[(KH, "II.3")],
)

# ---- across documents
X = "across"
q(
    X,
    "Văn bản nào được ban hành sau, công văn 410 hay kế hoạch Cát Hải?",
    any_=[["Cát Hải", "KH-UBND"]],
    cites=[(KH, ""), (CV, "")],
)
q(
    X,
    "Cả hai văn bản cùng đề nghị những cơ quan tư pháp nào thực hiện?",
    contains=["Tòa án", "Viện kiểm sát"],
    cites=[(CV, "II.11"), (KH, "III.2.4")],
)
q(X, "Kế hoạch có yêu cầu báo cáo hằng quý không?", contains=["hằng năm"], cites=[(KH, "III.2.2")])
q(X, "Hai văn bản do ai ký?", contains=["Lê Anh Quân", "Phan Viết Điện"], cites=[(CV, ""), (KH, "")])
q(X, "Văn bản nào có bảng điểm đánh giá tiêu chí?", contains=["410"], cites=[(CV, "")])
q(
    X,
    "Văn bản nào nhắc đến Công ước Liên hợp quốc về chống tham nhũng?",
    any_=[["Cát Hải", "KH-UBND"]],
    cites=[(KH, "")],
)
q(X, "Cả hai văn bản có nhắc đến Thanh tra Chính phủ không?", cites=[(CV, ""), (KH, "III.1")])
q(
    X,
    "Văn bản nào do Chủ tịch ký, văn bản nào do Phó Chủ tịch ký?",
    contains=["Phan Viết Điện", "Lê Anh Quân"],
    cites=[(CV, ""), (KH, "")],
)
q(X, "Văn bản nào nhắc đến Luật Phòng, chống tham nhũng năm 2018?", contains=["410"], cites=[(CV, "")])
q(
    X,
    "Có văn bản nào giao nhiệm vụ cho Sở Giáo dục và Đào tạo không?",
    contains=["Giáo dục công dân"],
    cites=[(CV, "II.10")],
)
q(X, "Công văn 410 có nói về Nghị quyết 168/NQ-CP không?", any_=[["Cát Hải", "KH-UBND"]], cites=[(KH, "")])
q(
    X,
    "Văn bản nào giao việc đăng tải lên Cổng thông tin điện tử?",
    contains=["Văn hóa"],
    cites=[(KH, "III.2.3")],
)
q(X, "Hai văn bản cùng nói về chủ đề gì?", contains=["phòng, chống tham nhũng"], cites=[(CV, ""), (KH, "")])
q(X, "Văn bản nào nói về chuyển đổi vị trí công tác?", contains=["Sở Nội vụ"], cites=[(CV, "II.4")])
q(
    X,
    "Cả hai văn bản đều yêu cầu thu hồi tài sản tham nhũng phải không?",
    contains=["thu hồi"],
    cites=[(CV, ""), (KH, "")],
)
q(
    X,
    "Văn bản nào nêu lộ trình đến năm 2030?",
    any_=[["Cát Hải", "KH-UBND"]],
    numbers=["2030"],
    cites=[(KH, "III.1")],
)

# ---- names typed loosely: abbreviations, typos, partial names
N = "loose_names"
q(N, "STP có nhiệm vụ gì?", contains=["phổ biến"], cites=[(CV, "II.5")])
q(N, "Sở TTTT phải làm gì?", contains=["truyền thông"], cites=[(CV, "II.7")])
q(N, "Sở Thông tin truyền thông có nhiệm vụ gì?", contains=["truyền thông"], cites=[(CV, "II.7")])
q(N, "Sở GD&ĐT được giao nhiệm vụ gì?", contains=["Giáo dục công dân"], cites=[(CV, "II.10")])
q(N, "Sở GDĐT làm gì trong phòng chống tham nhũng?", contains=["Giáo dục công dân"], cites=[(CV, "II.10")])
q(N, "Thanh tra TP có nhiệm vụ gì?", contains=["xác minh tài sản, thu nhập"], cites=[(CV, "II.2")])
q(N, "VKSND thành phố được đề nghị làm gì?", contains=["truy tố"], cites=[(CV, "II.11")])
q(N, "Viện kiểm soát nhân dân thành phố được đề nghị làm gì?", contains=["truy tố"], cites=[(CV, "II.11")])
q(N, "Sở Nôi vụ có nhiệm vụ gì?", contains=["chuyển đổi vị trí công tác"], cites=[(CV, "II.4")])
q(N, "Sở Tài chánh được giao việc gì?", contains=["ngân sách"], cites=[(CV, "II.6")])
q(N, "Đài PTTH Hải Phòng cần làm gì?", contains=["05-CT/TW"], cites=[(CV, "II.8")])
q(N, "Đài truyền hình Hải Phòng có nhiệm vụ gì?", contains=["05-CT/TW"], cites=[(CV, "II.8")])
q(N, "VP UBND thành phố được giao gì?", contains=["Ban Tiếp Công dân"], cites=[(CV, "II.3")])
q(N, "Sở Văn hoá Thể thao có nhiệm vụ gì?", contains=["chương trình nghệ thuật"], cites=[(CV, "II.9")])
q(N, "Phòng VH-XH đặc khu được giao gì?", contains=["Cổng thông tin điện tử"], cites=[(KH, "III.2.3")])
q(
    N,
    "Phòng văn hoá xã hội Cát Hải phải làm gì?",
    contains=["Cổng thông tin điện tử"],
    cites=[(KH, "III.2.3")],
)
q(N, "VP HĐND-UBND đặc khu có nhiệm vụ gì?", contains=["hằng năm"], cites=[(KH, "III.2.2")])
q(N, "TAND khu vực 4 được đề nghị gì?", contains=["nghiêm túc thực hiện"], cites=[(KH, "III.2.4")])
q(N, "Toà án khu vực 4 Hải Phòng phải làm gì?", contains=["nghiêm túc thực hiện"], cites=[(KH, "III.2.4")])
q(N, "Sở Giáo dục có nhiệm vụ gì?", contains=["Giáo dục công dân"], cites=[(CV, "II.10")])
q(N, "Tư pháp được giao làm gì?", contains=["phổ biến"], cites=[(CV, "II.5")])
q(N, "Cục THADS thành phố được đề nghị gì?", contains=["thu hồi tài sản"], cites=[(CV, "II.11")])
q(N, "Công an TP có nhiệm vụ gì theo công văn 410?", contains=["điều tra"], cites=[(CV, "II.11")])
q(N, "MTTQ đặc khu được kiến nghị gì?", contains=["giám sát"], cites=[(KH, "III.2.5")])
q(N, "Sở Thông tin và Truyền Thong có nhiệm vụ gì?", contains=["truyền thông"], cites=[(CV, "II.7")])
q(N, "Ban tiếp công dân thành phố được giao gì?", contains=["tiếp công dân"], cites=[(CV, "II.3")])

# ---- follow-ups (history as the client sends it)
F = "followups"
q(
    F,
    "Còn Sở Tài chính thì sao?",
    history=["Sở Nội vụ có nhiệm vụ gì?"],
    contains=["ngân sách"],
    cites=[(CV, "II.6")],
)
q(
    F,
    "Còn nhóm B?",
    history=[("Nhóm A đạt bao nhiêu điểm?", "Nhóm A đạt 16,82/20 điểm.")],
    numbers=["22,52", "30"],
)
q(F, "Còn nhóm D?", history=["Nhóm C bị trừ bao nhiêu điểm?"], numbers=["4,92"])
q(
    F,
    "Trong số đó tiêu chí nào bị trừ nhiều nhất?",
    history=["Phụ lục II gồm những tiêu chí nào?"],
    contains=["C.2.3.1"],
    numbers=["0,83"],
    cites=[(CV, P2)],
)
q(
    F,
    "Trong số đó, tiêu chí nào có thang điểm lớn nhất?",
    history=["Những tiêu chí nào trong Phụ lục III bị 0 điểm?"],
    contains=["B.2.2", "D.1.2"],
    numbers=["2"],
    cites=[(CV, P3)],
)
q(
    F,
    "Văn bản kia thì sao?",
    history=[("Ai ký công văn 410?", "Công văn 410 do Phó Chủ tịch Lê Anh Quân ký.")],
    contains=["Phan Viết Điện"],
    cites=[(KH, "")],
)
q(
    F,
    "Còn công văn 410?",
    history=["Kế hoạch Cát Hải ban hành ngày nào?"],
    any_=[["03/3/2025", "03/03/2025", "3/3/2025", "ngày 03 tháng 3 năm 2025"]],
    cites=[(CV, "")],
)
q(
    F,
    "Thang điểm của nó là bao nhiêu?",
    history=["Tiêu chí B.1.1 đạt bao nhiêu điểm?"],
    numbers=["6"],
    cites=[(CV, P3)],
)
q(
    F,
    "Còn Văn phòng HĐND và UBND đặc khu?",
    history=["Phòng Văn hóa - Xã hội được giao việc gì?"],
    contains=["hằng năm"],
    cites=[(KH, "III.2.2")],
)
q(
    F,
    "Còn mục tiêu cụ thể?",
    history=["Mục tiêu chung của kế hoạch Cát Hải là gì?"],
    contains=["sơ hở, bất cập", "bộ máy", "biện pháp phòng ngừa", "Mặt trận Tổ quốc", "hợp tác quốc tế"],
    cites=[(KH, "I.2.2")],
)
q(
    F,
    "Trong nhóm đó tiêu chí nào bị trừ nhiều nhất?",
    history=["Nhóm B đạt bao nhiêu điểm?"],
    contains=["B.1.1", "B.2.2"],
    numbers=["2"],
)
q(
    F,
    "Còn phần III?",
    history=["Phần II của kế hoạch Cát Hải nói gì?"],
    contains=["Lộ trình thực hiện", "Tổ chức thực hiện"],
    cites=[(KH, "III")],
)
q(
    F,
    "Mục 2 thì sao?",
    history=["Mục 1 phần II kế hoạch Cát Hải nói gì?"],
    contains=["Kiện toàn tổ chức bộ máy"],
    cites=[(KH, "II.2")],
)
q(
    F,
    "Còn Sở Văn hóa và Thể thao?",
    history=["Sở Giáo dục và Đào tạo có nhiệm vụ gì?"],
    contains=["chương trình nghệ thuật"],
    cites=[(CV, "II.9")],
)
q(
    F,
    "Vậy còn thiếu bao nhiêu điểm để đạt 100?",
    history=[("Tổng điểm năm 2023 của Hải Phòng là bao nhiêu?", "Tổng điểm là 73,67/100.")],
    numbers=["26,33"],
)
q(
    F,
    "Trong số đó những tiêu chí nào thuộc nhóm C?",
    history=["Những tiêu chí nào bị trừ đúng 1 điểm?"],
    contains=["C.3.4", "C.3.5", "C.3.6"],
    cites=[(CV, P3)],
)
q(
    F,
    "Tiêu chí nào trong số đó đạt thấp nhất?",
    history=["Nhóm D gồm những tiêu chí nào?"],
    contains=["D.1.2"],
    numbers=["0"],
)
q(
    F,
    "Còn giai đoạn thứ hai?",
    history=["Giai đoạn thứ nhất của Chiến lược từ năm nào đến năm nào?"],
    numbers=["2026", "2030"],
    cites=[(KH, "III.1.2")],
)
q(
    F,
    "Còn Sở Nội vụ?",
    history=["Sở Tư pháp có nhiệm vụ gì?"],
    contains=["chuyển đổi vị trí công tác"],
    cites=[(CV, "II.4")],
)
q(F, "Còn A.2.6?", history=["Tiêu chí A.2.5 bị trừ bao nhiêu điểm?"], numbers=["0,45"], cites=[(CV, P2)])
q(F, "Còn Phụ lục III?", history=["Phụ lục II có bao nhiêu tiêu chí?"], numbers=["15"], cites=[(CV, P3)])
q(F, "Người đó giữ chức vụ gì?", history=["Ai ký kế hoạch Cát Hải?"], contains=["Chủ tịch"], cites=[(KH, "")])
q(
    F,
    "Nhóm nào đạt tỷ lệ cao hơn?",
    history=["Nhóm C đạt bao nhiêu điểm?", "Còn nhóm D?"],
    contains=["C"],
    numbers=["29,25", "5,08"],
)
q(
    F,
    "Còn bị trừ ít hơn 0,3 điểm thì sao?",
    history=["Trong Phụ lục II, tiêu chí nào bị trừ trên 0,7 điểm?"],
    contains=codes(lambda r: 0 < r["ded"] < Decimal("0.3")),
    cites=[(CV, P2)],
)
q(
    F,
    "Còn Thanh tra thành phố?",
    history=[
        (
            "Sở Tài chính có nhiệm vụ gì?",
            "Sở Tài chính thực hiện thanh tra, kiểm tra việc công khai, minh bạch "
            "trong quản lý, sử dụng ngân sách nhà nước.",
        )
    ],
    contains=["xác minh tài sản, thu nhập"],
    cites=[(CV, "II.2")],
)

# ---- not in the corpus: every one is answered not_found
NF = "not_found"
for text in [
    "Điểm đánh giá công tác phòng, chống tham nhũng năm 2023 của Đà Nẵng là bao nhiêu?",
    "Hải Phòng đạt bao nhiêu điểm phòng, chống tham nhũng năm 2024?",
    "Tỉnh Quảng Ninh bị trừ bao nhiêu điểm ở tiêu chí D.2.2?",
    "Năm 2022 Hải Phòng đạt bao nhiêu điểm phòng chống tham nhũng?",
    "Điểm phòng, chống tham nhũng của Hà Nội năm 2023?",
    "Thành phố Hồ Chí Minh xếp hạng thứ mấy về phòng chống tham nhũng?",
    "Hải Phòng xếp hạng thứ mấy cả nước về công tác phòng, chống tham nhũng năm 2023?",
    "Tiêu chí B.1.1 năm 2021 đạt bao nhiêu điểm?",
    "Điểm trung bình cả nước về phòng, chống tham nhũng năm 2023 là bao nhiêu?",
    "Kế hoạch phòng chống tham nhũng của huyện Thủy Nguyên năm 2025 có những nội dung gì?",
    "Lương cơ sở của cán bộ, công chức năm 2025 là bao nhiêu?",
    "Mức lương của Chủ tịch Ủy ban nhân dân thành phố là bao nhiêu?",
    "Phụ cấp của cán bộ thanh tra được tính thế nào?",
    "Ngân sách dành cho công tác phòng, chống tham nhũng của Hải Phòng năm 2025 là bao nhiêu?",
    "Kinh phí thực hiện kế hoạch của đặc khu Cát Hải là bao nhiêu tiền?",
    "Tổng thu ngân sách của Hải Phòng năm 2024 là bao nhiêu?",
    "Dân số của đặc khu Cát Hải là bao nhiêu người?",
    "Hải Phòng có bao nhiêu dân?",
    "Diện tích đặc khu Cát Hải là bao nhiêu km2?",
    "Tòa án nhân dân thành phố đã xét xử bao nhiêu vụ án tham nhũng năm 2024?",
    "Năm 2023 Hải Phòng khởi tố bao nhiêu vụ án tham nhũng?",
    "Hải Phòng đã thu hồi được bao nhiêu tỷ đồng tài sản tham nhũng?",
    "Có bao nhiêu cán bộ bị kỷ luật vì tham nhũng năm 2023?",
    "Bao nhiêu người đã kê khai tài sản, thu nhập năm 2024?",
    "Giám đốc Sở Tư pháp Hải Phòng tên là gì?",
    "Chánh Thanh tra thành phố Hải Phòng là ai?",
    "Bộ trưởng Bộ Công an hiện nay là ai?",
    "Bí thư Thành ủy Hải Phòng là ai?",
    "Tổng Thanh tra Chính phủ là ai?",
    "Giám đốc Sở Nội vụ Hải Phòng là ai?",
    "Viện trưởng Viện Kiểm sát nhân dân thành phố tên gì?",
    "Số điện thoại của Thanh tra thành phố Hải Phòng là gì?",
    "Địa chỉ trụ sở Ủy ban nhân dân đặc khu Cát Hải ở đâu?",
    "Tỷ giá đô la hôm nay là bao nhiêu?",
    "Giá vàng SJC hôm nay bao nhiêu?",
    "Tỷ giá euro so với đồng Việt Nam là bao nhiêu?",
    "Thời tiết Hải Phòng ngày mai thế nào?",
    "Thủ đô của Pháp là gì?",
    "Ai là tác giả của Truyện Kiều?",
    "Việt Nam có bao nhiêu tỉnh thành sau sáp nhập?",
    "Giá xăng RON 95 hôm nay là bao nhiêu?",
    "Kết quả trận bóng đá tối qua thế nào?",
    "Sở Y tế có nhiệm vụ gì?",
    "Sở Xây dựng được giao nhiệm vụ gì trong công văn 410?",
    "Sở Công Thương phải làm gì theo kế hoạch Cát Hải?",
    "Sở Kế hoạch và Đầu tư được giao việc gì?",
    "Ban Quản lý Khu kinh tế Hải Phòng có nhiệm vụ gì?",
    "Bộ đội Biên phòng thành phố được giao nhiệm vụ gì?",
    "Sở Nông nghiệp và Môi trường Hải Phòng có nhiệm vụ gì về phòng, chống tham nhũng?",
    "Tiêu chí E.1.1 đạt bao nhiêu điểm?",
    "Tiêu chí A.3.1 bị trừ bao nhiêu điểm?",
    "Phụ lục IV của công văn 410 nói gì?",
    "Phần V của kế hoạch Cát Hải nói gì?",
    "Mục 6 phần II kế hoạch Cát Hải là gì?",
    "Mục 15 phần II công văn 410 giao việc cho ai?",
    "Nhóm tiêu chí E đạt bao nhiêu điểm?",
    "Luật Đất đai 2024 có hiệu lực từ ngày nào?",
    "Mức phạt vi phạm nồng độ cồn khi lái xe máy là bao nhiêu?",
    "Thủ tục đăng ký kết hôn cần giấy tờ gì?",
    "Làm căn cước công dân ở đâu?",
    "Thuế thu nhập cá nhân được tính như thế nào?",
    "Bảo hiểm xã hội một lần được tính ra sao?",
    "Tuổi nghỉ hưu của nữ năm 2025 là bao nhiêu?",
    "Kế hoạch phòng chống tham nhũng năm 2026 của Cát Hải có gì mới?",
    "Đặc khu Bạch Long Vĩ có kế hoạch phòng, chống tham nhũng không, nội dung gì?",
    "Kết quả sơ kết giai đoạn 2023 - 2026 của Chiến lược như thế nào?",
    "Có bao nhiêu doanh nghiệp ở Hải Phòng bị thanh tra về phòng chống tham nhũng?",
    "GDP của Hải Phòng năm 2024 tăng bao nhiêu phần trăm?",
    "Chỉ số PCI của Hải Phòng năm 2023 là bao nhiêu?",
    "Ai là Chủ tịch nước Việt Nam hiện nay?",
]:
    q(NF, text, nf=True)

# ---- real documents (ingested next to corpus/; the "docs" field names the files they need)
RD = "realdocs"
CD, QD63, VPCP, TMS, NA, HUE = (
    "a328fbb46798c2b5",
    "208bf7c0b7e8f27c",
    "06690fd4027d01c8",
    "299dbc033cf2dcb6",
    "65fe198460ffa9d9",
    "3066a06b520a2418",
)


def rd(question: str, doc: str, **kw: object) -> None:
    q(RD, question, docs=[doc], **kw)  # type: ignore[arg-type]


rd(
    "Ai ký Công điện 217/CĐ-TTg về phòng, tránh mưa lũ tại khu vực Trung Bộ?",
    CD,
    contains=["Trần Hồng Hà"],
    cites=[(CD, "")],
)
rd(
    "Công điện 217/CĐ-TTg được ban hành ngày nào?",
    CD,
    any_=[["16/11/2025", "16 tháng 11 năm 2025"]],
    cites=[(CD, "")],
)
rd(
    "Theo Công điện 217/CĐ-TTg, Bộ Xây dựng phải làm gì?",
    CD,
    contains=["an toàn giao thông"],
    cites=[(CD, "3")],
)
rd(
    "Theo Công điện 217/CĐ-TTg, Bộ Công Thương được giao nhiệm vụ gì?",
    CD,
    contains=["hồ đập thủy điện"],
    cites=[(CD, "4")],
)
rd(
    "Công điện 217/CĐ-TTg giao Bộ Nông nghiệp và Môi trường những nhiệm vụ nào?",
    CD,
    contains=["khí tượng thủy văn", "hồ đập thủy lợi", "Ban chỉ đạo phòng thủ dân sự quốc gia"],
    cites=[(CD, "2")],
)
rd(
    "Công điện 217/CĐ-TTg gửi Chủ tịch Ủy ban nhân dân những tỉnh, thành phố nào?",
    CD,
    contains=["Hà Tĩnh", "Quảng Trị", "Huế", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Đắk Lắk", "Khánh Hòa"],
    cites=[(CD, "")],
)
rd(
    "Theo Công điện 217, nơi nào có lượng mưa cá biệt gần 400mm?",
    CD,
    contains=["Hồng Thái"],
    cites=[(CD, "")],
)
rd(
    "Công điện 217/CĐ-TTg giao những cơ quan báo chí nào thông tin về tình hình mưa lũ?",
    CD,
    contains=["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"],
    cites=[(CD, "8")],
)
rd(
    "Ai ký Quyết định 63/2025/QĐ-UBND của Ủy ban nhân dân tỉnh Đồng Nai?",
    QD63,
    contains=["Võ Tấn Đức"],
    cites=[(QD63, "")],
)
rd(
    "Quyết định 63/2025/QĐ-UBND của Đồng Nai có hiệu lực từ ngày nào?",
    QD63,
    any_=[["01/12/2025", "01 tháng 12 năm 2025", "1/12/2025"]],
    cites=[(QD63, "Điều 5")],
)
rd(
    "Quyết định 63/2025/QĐ-UBND Đồng Nai phân cấp cho cơ quan nào?",
    QD63,
    contains=["Sở Tư pháp"],
    cites=[(QD63, "")],
)
rd(
    "Theo Quyết định 63/2025/QĐ-UBND, Sở Tư pháp Đồng Nai được ký quyết định nuôi con nuôi có yếu tố nước ngoài "
    "trong những trường hợp nào?",
    QD63,
    contains=["cơ sở nuôi dưỡng", "cha dượng, mẹ kế", "đăng ký lại", "thường trú ở Việt Nam"],
    cites=[(QD63, "Điều 3")],
)
rd(
    "Quyết định 63/2025/QĐ-UBND Đồng Nai được ban hành theo đề nghị tại Tờ trình số mấy?",
    QD63,
    contains=["139/TTr-STP"],
    cites=[(QD63, "")],
)
rd(
    "Ai ký Công văn 11299/VPCP-KGVX về Mạng lưới quan trắc và cảnh báo phóng xạ môi trường?",
    VPCP,
    contains=["Phạm Mạnh Cường"],
    cites=[(VPCP, "")],
)
rd(
    "Theo Công văn 11299/VPCP-KGVX, Bộ Khoa học và Công nghệ phải báo cáo Thủ tướng khi nào?",
    VPCP,
    contains=["quý I năm 2026"],
    cites=[(VPCP, "")],
)
rd(
    "Phó Thủ tướng nào có ý kiến trong Công văn 11299/VPCP-KGVX?",
    VPCP,
    contains=["Nguyễn Chí Dũng"],
    cites=[(VPCP, "")],
)
rd(
    "Công văn 11299/VPCP-KGVX yêu cầu Bộ Khoa học và Công nghệ phối hợp với những bộ nào?",
    VPCP,
    contains=["Bộ Quốc phòng", "Bộ Nội vụ"],
    cites=[(VPCP, "")],
)
rd(
    "Cục Thuế tạm dừng ứng dụng TMS trong khoảng thời gian nào?",
    TMS,
    contains=["22/11/2025", "23/11/2025"],
    numbers=["18", "03"],
    cites=[(TMS, "")],
)
rd(
    "Thông báo 983/TB-CT dừng những chức năng nào?",
    TMS,
    contains=[
        "Ứng dụng quản lý thuế tập trung",
        "thông báo bước 2",
        "cấp mã số thuế và thay đổi thông tin",
        "Bảng kê chứng từ",
        "sàn thương mại điện tử",
    ],
    cites=[(TMS, "")],
)
rd("Ai ký Thông báo 983/TB-CT của Cục Thuế?", TMS, contains=["Phạm Ngọc Lai"], cites=[(TMS, "")])
rd(
    "Quyết định 3769/QĐ-UBND của Nghệ An ban hành danh mục bao nhiêu thủ tục hành chính?",
    NA,
    numbers=["229", "197", "32"],
    cites=[(NA, "Điều 1")],
)
rd("Ai ký Quyết định 3769/QĐ-UBND của tỉnh Nghệ An?", NA, contains=["Phùng Thành Vinh"], cites=[(NA, "")])
rd(
    "Quyết định 3769/QĐ-UBND Nghệ An có hiệu lực khi nào?",
    NA,
    contains=["kể từ ngày ký"],
    cites=[(NA, "Điều 4")],
)
rd(
    "Theo Quyết định 3769/QĐ-UBND, cơ quan nào chủ trì hướng dẫn, đôn đốc, kiểm tra việc thực hiện?",
    NA,
    contains=["Văn phòng Ủy ban nhân dân tỉnh"],
    cites=[(NA, "Điều 3")],
)
rd(
    "Theo Quyết định 3769/QĐ-UBND, Ủy ban nhân dân các xã, phường có trách nhiệm gì?",
    NA,
    contains=["tiếp nhận hồ sơ", "Chuyển hồ sơ", "cập nhật", "trả kết quả", "Niêm yết", "Phối hợp"],
    cites=[(NA, "Điều 2")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND của Huế, học phí mầm non ở đô thị là bao nhiêu?",
    HUE,
    numbers=["190"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Học phí trung học cơ sở ở nông thôn theo Nghị quyết 36/2025/NQ-HĐND Huế là bao nhiêu?",
    HUE,
    numbers=["95"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Nghị quyết 36/2025/NQ-HĐND quy định học phí trung học phổ thông ở miền núi là bao nhiêu?",
    HUE,
    numbers=["100"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND, học trực tuyến thì học phí bằng bao nhiêu phần trăm?",
    HUE,
    numbers=["70"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND Huế, thời gian hỗ trợ học phí tối đa là bao lâu?",
    HUE,
    contains=["9 tháng"],
    cites=[(HUE, "Điều 3")],
)
rd(
    "Nghị quyết 36/2025/NQ-HĐND của Huế có hiệu lực từ ngày nào?",
    HUE,
    any_=[["28 tháng 11 năm 2025", "28/11/2025"]],
    cites=[(HUE, "Điều 7")],
)
rd(
    "Nghị quyết 36/2025/NQ-HĐND bãi bỏ nghị quyết nào?",
    HUE,
    contains=["15/2024/NQ-HĐND"],
    cites=[(HUE, "Điều 7")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND, học phí trung học phổ thông ở đô thị cao hơn ở nông thôn bao nhiêu?",
    HUE,
    numbers=["15"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND, nếu học trực tuyến thì học phí mầm non ở đô thị là bao nhiêu?",
    HUE,
    numbers=["133"],
    cites=[(HUE, "Điều 2")],
)
rd(
    "Theo Nghị quyết 36/2025/NQ-HĐND Huế, cấp học nào ở nông thôn có học phí thấp nhất?",
    HUE,
    contains=["Trung học cơ sở"],
    numbers=["95"],
    cites=[(HUE, "Điều 2")],
)
q(
    RD,
    "Văn bản nào có hiệu lực sau: Quyết định 63/2025/QĐ-UBND của Đồng Nai hay Nghị quyết 36/2025/NQ-HĐND "
    "của Huế?",
    docs=[QD63, HUE],
    contains=["63/2025/QĐ-UBND"],
    cites=[(QD63, "Điều 5"), (HUE, "Điều 7")],
)
q(
    RD,
    "Công điện 217/CĐ-TTg và Công văn 11299/VPCP-KGVX, văn bản nào ban hành trước?",
    docs=[CD, VPCP],
    contains=["217/CĐ-TTg"],
    cites=[(CD, ""), (VPCP, "")],
)
VPNN, BTC, HN = "1a814c71716d3047", "f8fd04822ed1cb70", "90cfa0f24fcb05de"
rd(
    "Ai ký Công văn 11306/VPCP-NN về tháo gỡ khó khăn khi triển khai Nghị định 136/2025/NĐ-CP?",
    VPNN,
    contains=["Phạm Mạnh Cường"],
    cites=[(VPNN, "")],
)
rd(
    "Công văn 11306/VPCP-NN trả lời kiến nghị của tổ chức nào?",
    VPNN,
    contains=["Hiệp hội Thức ăn Chăn nuôi"],
    cites=[(VPNN, "")],
)
rd(
    "Phó Thủ tướng nào có ý kiến chỉ đạo trong Công văn 11306/VPCP-NN?",
    VPNN,
    contains=["Trần Hồng Hà"],
    cites=[(VPNN, "")],
)
rd(
    "Theo Công văn 11306/VPCP-NN, Bộ Nông nghiệp và Môi trường phối hợp với bộ nào?",
    VPNN,
    contains=["Bộ Tư pháp"],
    cites=[(VPNN, "")],
)
rd(
    "Dự án Luật nêu trong Công văn 11306/VPCP-NN sửa đổi, bổ sung bao nhiêu luật?",
    VPNN,
    numbers=["15"],
    cites=[(VPNN, "")],
)
rd(
    "Nghị định 136/2025/NĐ-CP nói trong Công văn 11306/VPCP-NN quy định về gì?",
    VPNN,
    contains=["phân quyền, phân cấp"],
    cites=[(VPNN, "")],
)
rd(
    "Quyết định 3891/QĐ-BTC bổ sung cửa khẩu nào áp dụng tờ khai hải quan cho người xuất cảnh, nhập cảnh?",
    BTC,
    contains=["Lóng Sập", "Sơn La"],
    cites=[(BTC, "Điều 1")],
)
rd(
    "Cửa khẩu được bổ sung theo Quyết định 3891/QĐ-BTC do chi cục hải quan nào quản lý?",
    BTC,
    contains=["Chi cục Hải quan khu vực X"],
    cites=[(BTC, "Điều 1")],
)
rd("Ai ký Quyết định 3891/QĐ-BTC?", BTC, contains=["Âu Anh Tuấn"], cites=[(BTC, "")])
rd("Quyết định 3891/QĐ-BTC có hiệu lực khi nào?", BTC, contains=["kể từ ngày ký"], cites=[(BTC, "Điều 2")])
rd(
    "Nghị quyết nào nâng cấp cửa khẩu chính Lóng Sập thành cửa khẩu quốc tế?",
    BTC,
    contains=["182/NQ-CP"],
    cites=[(BTC, "")],
)
rd(
    "Nghị quyết 74/2025/NQ-HĐND của Hà Nội bãi bỏ nghị quyết nào?",
    HN,
    contains=["30/2013/NQ-HĐND"],
    cites=[(HN, "Điều 1")],
)
rd(
    "Ai ký Nghị quyết 74/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội?",
    HN,
    contains=["Phùng Thị Hồng Hà"],
    cites=[(HN, "")],
)
rd(
    "Nghị quyết 74/2025/NQ-HĐND Hà Nội có hiệu lực từ khi nào?",
    HN,
    contains=["kể từ ngày ký"],
    cites=[(HN, "Điều 2")],
)
rd(
    "Nghị quyết 74/2025/NQ-HĐND được thông qua tại kỳ họp nào?",
    HN,
    contains=["khóa XVI"],
    numbers=["28"],
    cites=[(HN, "")],
)
q(
    RD,
    "Ông Phạm Mạnh Cường ký những văn bản nào?",
    docs=[VPCP, VPNN],
    contains=["11299/VPCP-KGVX", "11306/VPCP-NN"],
    cites=[(VPCP, ""), (VPNN, "")],
)
q(
    RD,
    "Phó Thủ tướng Trần Hồng Hà được nhắc đến trong những văn bản nào?",
    docs=[CD, VPNN],
    contains=["217/CĐ-TTg", "11306/VPCP-NN"],
    cites=[(CD, ""), (VPNN, "")],
)
rd("Theo Nghị quyết 36/2025/NQ-HĐND Huế, học phí đại học là bao nhiêu?", HUE, nf=True)
rd("Theo Công điện 217/CĐ-TTg, có bao nhiêu người chết do mưa lũ?", CD, nf=True)

# ---------------------------------------------------------------- ids, unaccented twins, frozen split


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


PREFIX = {
    L: "lk",
    C: "cd",
    A: "ag",
    M: "cp",
    R: "dr",
    T: "ti",
    S: "sc",
    LI: "ls",
    X: "xd",
    N: "nm",
    F: "fu",
    NF: "nf",
    RD: "rd",
}


def main() -> None:
    by_class: dict[str, list[dict]] = {}
    for item in BANK:
        by_class.setdefault(item["class"], []).append(item)
    counts = {}
    for cls, items in by_class.items():
        # A seeded draw per question (from its text), so adding a question later moves few others.
        draw = [random.Random(f"{SEED}:{cls}:{it['question']}").random() for it in items]
        order = sorted(range(len(items)), key=lambda i: draw[i])
        # every other question is also typed without accents (unless the question says otherwise)
        twin = [it["_na"] if it["_na"] is not None else i % 2 == 1 for i, it in enumerate(items)]
        lines = len(items) + sum(twin)
        frozen: set[int] = set()
        for i in order:  # a question and its twin share their split; a quarter of the class's lines
            if len(frozen) + sum(twin[j] for j in frozen) >= round(lines * FROZEN_SHARE):
                break
            frozen.add(i)
        out = []
        for i, item in enumerate(items):
            del item["_na"]
            base = {"id": f"{PREFIX[cls]}{i + 1:03d}", **item, "frozen": i in frozen}
            out.append(base)
            if twin[i]:
                copy = json.loads(json.dumps(base))
                copy["id"] += "-na"
                copy["question"] = strip_accents(copy["question"])
                for turn in copy.get("history", []):
                    turn["content"] = strip_accents(turn["content"])
                out.append(copy)
        (OUT / f"{cls}.jsonl").write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in out), encoding="utf-8"
        )
        counts[cls] = (len(out), sum(x["frozen"] for x in out))
    files = sorted({d for it in BANK for d in it.get("docs", [])})
    (OUT / "realdocs-files.txt").write_text("".join(f"{d}.md\n" for d in files), encoding="utf-8")
    for cls, (n_all, n_frozen) in counts.items():
        print(f"{cls:12s} {n_all:4d} questions, {n_frozen:3d} frozen")
    print(f"{'total':12s} {sum(v[0] for v in counts.values()):4d}")


if __name__ == "__main__":
    main()

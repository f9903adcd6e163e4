"""Write the unseen check set of issue 12 (eval/bank/check/*.jsonl), one file per class.

    python3 eval/bank/check/make_check.py

Written after the bank's frozen quarter had been looked at, by someone who neither runs the
assistant on these questions nor reads assistant/ code: an examiner's set, new questions in new
words, the way an official types them in a web chat (short, sloppy, a third without accents,
abbreviations, typos). Nobody tunes on it: every line is "check": true and "frozen": true, and
eval/report.py prints its failures only with --show-check.

Figures over the công văn's score tables are computed here with Decimal from the rows this file
reads itself (not make_bank.py's reader); the reader asserts every total the document prints
("Tổng điểm" lines) before anything is computed. Figures of the real documents are computed from
the values quoted next to them and asserted against the totals those documents print.
Everything else was written by hand from the files; validate.py checks that every "contains"
string is verbatim in the files a question cites or needs and that every cited label exists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
REALDOCS = ROOT.parent / "shared" / "realdocs"
CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"

# ------------------------------------------------------------------ the score tables, read here

ROW = re.compile(r"^(\d+)\t([A-D](?:\.\d+)+)\.\s.*?\t([\d,]+)\t([\d,]+)(?:\t([\d,]+))?\s*$")
TOTAL = re.compile(r"^\tTổng điểm\t([\d,]+)\t([\d,]*)(?:\t([\d,]+))?\s*$")


def dec(s: str) -> Decimal:
    return Decimal(s.replace(",", "."))


def read_tables() -> list[dict]:
    """Rows {app, code, max, got, ded} of the three appendices; the printed totals are asserted."""
    rows: list[dict] = []
    app = None
    printed: dict[str, tuple] = {}
    for line in (ROOT / "corpus" / f"{CV}.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^Phụ lục ([IV]+)\s*$", line)
        if m:
            app = f"Phụ lục {m[1]}"
            continue
        m = ROW.match(line)
        if m and app:
            top, got = dec(m[3]), dec(m[4])
            ded = dec(m[5]) if m[5] else top - got
            assert top - got == ded, (m[2], top, got, ded)  # each row is consistent
            rows.append({"app": app, "code": m[2], "max": top, "got": got, "ded": ded})
            continue
        m = TOTAL.match(line)
        if m and app:
            printed[app] = (dec(m[1]), dec(m[2]) if m[2] else None, dec(m[3]) if m[3] else None)
    assert set(printed) == {"Phụ lục I", "Phụ lục II", "Phụ lục III"}, printed
    for app, (top, got, ded) in printed.items():
        part = [r for r in rows if r["app"] == app]
        assert sum(r["max"] for r in part) == top, app
        if got is not None:
            assert sum(r["got"] for r in part) == got, app
        if ded is not None:
            assert sum(r["ded"] for r in part) == ded, app
    assert len(rows) == 49 and len({r["code"] for r in rows}) == 49
    assert sum(r["max"] for r in rows) == 100
    return rows


ROWS = read_tables()
BY = {r["code"]: r for r in ROWS}


def under(prefix: str) -> list[dict]:
    return [r for r in ROWS if r["code"] == prefix or r["code"].startswith(prefix + ".")]


def s(rows: list[dict], key: str) -> Decimal:
    return sum((r[key] for r in rows), Decimal(0))


def rate(rows: list[dict]) -> Decimal:
    return s(rows, "got") / s(rows, "max") * 100


def vn(x: Decimal, places: int = 2) -> str:
    """Vietnamese decimal comma, trailing zeros dropped: 2,49; 7,5; 30."""
    q = x.quantize(Decimal(1).scaleb(-places))
    t = f"{q:f}"
    if "." in t:
        t = t.rstrip("0").rstrip(".")
    return t.replace(".", ",")


def codes(pred) -> list[str]:
    return [r["code"] for r in ROWS if pred(r)]


def top(rows: list[dict], key, n: int, reverse: bool = True) -> list[str]:
    """The first n by key, the whole tie at the cut included."""
    srt = sorted(rows, key=key, reverse=reverse)
    cut = key(srt[n - 1])
    return [r["code"] for r in srt if (key(r) >= cut if reverse else key(r) <= cut)]


TOTAL_GOT = s(ROWS, "got")
assert vn(TOTAL_GOT) == "73,67"
G = {g: under(g) for g in "ABCD"}
SECOND = sorted({".".join(r["code"].split(".")[:2]) for r in ROWS})

# ------------------------------------------------------------------ questions

ITEMS: list[dict] = []
PREFIX = {
    "lookup": "lk",
    "conditions": "cd",
    "aggregates": "ag",
    "comparison": "cp",
    "direction": "dr",
    "ties": "ti",
    "sections": "sc",
    "lists": "ls",
    "across": "xd",
    "loose_names": "nm",
    "followups": "fu",
    "not_found": "nf",
    "realdocs": "rd",
}
TEXTS: dict[str, str] = {}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip().lower()


def text_of(doc: str) -> str:
    if doc not in TEXTS:
        p = ROOT / "corpus" / f"{doc}.md"
        if not p.exists():
            p = REALDOCS / f"{doc}.md"
        TEXTS[doc] = p.read_text(encoding="utf-8")
    return TEXTS[doc]


def cite(doc: str, section: str = "") -> dict:
    return {"doc": doc, "section": section}


def q(
    cls: str,
    question: str,
    *,
    contains: list[str] | None = None,
    any_: list[list[str]] | None = None,
    numbers: list[str] | None = None,
    cites: list[dict] | None = None,
    history: list | None = None,
    docs: list[str] | None = None,
    absent: list[str] | None = None,
) -> None:
    """One question. `absent`: words a not_found question names that no file it may be asked of holds."""
    n = sum(1 for it in ITEMS if it["class"] == cls) + 1
    expect: dict = {}
    if contains:
        expect["contains"] = contains
    if any_:
        expect["contains_any"] = any_
    if numbers:
        expect["numbers"] = numbers
    if cites:
        expect["cites"] = cites
    if not expect:
        expect["not_found"] = True
    item: dict = {"id": f"ck-{PREFIX[cls]}{n:03d}", "question": question, "class": cls}
    if history:
        item["history"] = [
            {"role": "user", "content": h} if isinstance(h, str) else {"role": h[0], "content": h[1]}
            for h in history
        ]
    item["expect"] = expect
    if docs:
        item["docs"] = docs
    item["check"] = True
    item["frozen"] = True
    if absent:
        pool = [CV, KH] + (docs if docs else RD_FILES)
        for word in absent:
            for d in pool:
                assert fold(word) not in fold(text_of(d)), (item["id"], word, d)
    ITEMS.append(item)


def A(answer: str) -> tuple[str, str]:
    return ("assistant", answer)


RD_FILES = [
    line.strip().removesuffix(".md")
    for p in (HERE.parent / "realdocs-files.txt", HERE / "realdocs-files.txt")
    if p.exists()
    for line in p.read_text(encoding="utf-8").splitlines()
    if line.strip()
]

PL1, PL2, PL3 = cite(CV, "Phụ lục I"), cite(CV, "Phụ lục II"), cite(CV, "Phụ lục III")
CVD, KHD = cite(CV), cite(KH)
DATE_CV = [["03/3/2025", "03/03/2025", "3/3/2025", "ngày 03 tháng 3 năm 2025"]]

# ---------------------------------------------------------------- lookup (20)
L = "lookup"
q(L, "Kế hoạch PCTN của đặc khu Cát Hải số hiệu là gì?", contains=["KH-UBND"], cites=[KHD])
q(L, "ky hieu cong van 410 la gi", contains=["UBND-NCKTG"], cites=[CVD])
q(L, "thanh tra thanh pho de nghi tai van ban so may", contains=["241/TTTP-NV4"], cites=[CVD])
q(L, "Văn bản 2666/TTCP-C.IV của Thanh tra Chính phủ đề ngày nào?", any_=[["18/12/2024"]], cites=[CVD])
q(
    L,
    "Văn phòng Thành ủy có văn bản số bao nhiêu về điểm đánh giá PCTN?",
    contains=["10369-CV/VPTU"],
    cites=[CVD],
)
r = BY["D.1.1"]
q(L, "tieu chi D.1.1 duoc may diem", numbers=[vn(r["got"]), vn(r["max"])], cites=[PL2])
q(L, "C.2.3.3 mat bao nhieu diem", numbers=[vn(BY["C.2.3.3"]["ded"])], cites=[PL3])
q(L, "Tiêu chí A.2.7 nói về nội dung gì?", contains=["xử lý tố cáo, kiến nghị, phản ánh"], cites=[PL2])
q(
    L,
    "B.1.10.3 được chấm bao nhiêu điểm?",
    contains=["Chỉ thị 10"],
    numbers=[vn(BY["B.1.10.3"]["got"])],
    cites=[PL1],
)
r = BY["D.2.1"]
q(
    L,
    "Kết quả thu hồi tiền, tài sản tham nhũng qua điều tra, truy tố, xét xử được bao nhiêu điểm?",
    contains=["D.2.1"],
    numbers=[vn(r["got"]), vn(r["max"])],
    cites=[PL2],
)
q(L, "tieu chi C.2.1.1 la tieu chi gi", contains=["kỷ luật đối với tổ chức"], cites=[PL3])
q(
    L,
    "Chỉ thị 05-CT/TW của Bộ Chính trị mà công văn nhắc tới là về việc gì?",
    contains=["tư tưởng, đạo đức, phong cách Hồ Chí Minh"],
    cites=[cite(CV, "II.8")],
)
q(L, "KH của Cát Hải triển khai nghị quyêt nào của Chính phủ?", contains=["168/NQ-CP"], cites=[KHD])
q(L, "cong van 1353/TTTP-NV6 ngay bao nhieu", any_=[["01/8/2025", "1/8/2025"]], cites=[KHD])
q(L, "chien luoc quoc gia pctn tieu cuc den nam nao", numbers=["2030"], cites=[KHD])
q(
    L,
    "Giai đoạn 1 của chiến lược gắn với chương trình xây dựng luật của Quốc hội khóa mấy?",
    contains=["Khóa XV", "Khóa XVI"],
    cites=[cite(KH, "III.1.1")],
)
r = BY["A.2.2.2"]
q(L, "Điểm thẩm định của A.2.2.2?", numbers=[vn(r["got"])], cites=[PL2])
q(L, "tieu chi C.3.5 dan chieu dieu khoan nao", contains=["Điều 94"], cites=[PL3])
q(L, "thang diem tieu chi C.2.1.2 la bao nhieu", numbers=[vn(BY["C.2.1.2"]["max"])], cites=[PL1])
q(
    L,
    "Thanh tra TP là cơ quan kiểm soát gì cấp tỉnh?",
    contains=["Cơ quan kiểm soát tài sản, thu nhập cấp tỉnh"],
    cites=[cite(CV, "II.2")],
)

# ---------------------------------------------------------------- conditions (12)
C = "conditions"
q(C, "Các tiêu chí chấm trên thang 2 điểm là những tiêu chí nào?", contains=codes(lambda r: r["max"] == 2))
q(
    C,
    "Tiêu chí nào bị trừ từ 0,2 tới 0,3 điểm?",
    contains=codes(lambda r: Decimal("0.2") <= r["ded"] <= Decimal("0.3")),
    cites=[PL2],
)
q(
    C,
    "cac tieu chi dat tu 80% den duoi 100% thang diem",
    contains=codes(lambda r: Decimal("0.8") <= r["got"] / r["max"] < 1),
)
q(
    C,
    "Những tiêu chí có điểm thẩm định đúng 1,25?",
    contains=codes(lambda r: r["got"] == Decimal("1.25")),
    cites=[PL3],
)
q(
    C,
    "thang điểm 1,5 thì có những tiêu chí nào",
    contains=codes(lambda r: r["max"] == Decimal("1.5")),
    cites=[PL2],
)
q(
    C,
    "Tiêu chí nào bị trừ hơn 1 điểm nhưng chưa tới 2 điểm?",
    contains=codes(lambda r: 1 < r["ded"] < 2),
    cites=[PL3],
)
n100 = len(codes(lambda r: r["got"] == r["max"]))
q(C, "co may tieu chi dat tron diem", numbers=[str(n100)], cites=[PL1])
q(C, "nhom D tieu chi nao duoc tren 2 diem", contains=codes(lambda r: r["code"][0] == "D" and r["got"] > 2))
q(
    C,
    "Nhóm A có tiêu chí nào bị trừ chưa tới 0,5 điểm không?",
    contains=codes(lambda r: r["code"][0] == "A" and 0 < r["ded"] < Decimal("0.5")),
    cites=[PL2],
)
q(C, "liet ke tieu chi co thang diem tu 4 tro len", contains=codes(lambda r: r["max"] >= 4))
q(
    C,
    "Những tiêu chí được dưới 1 điểm nhưng không phải 0 điểm?",
    contains=codes(lambda r: 0 < r["got"] < 1),
)
q(
    C,
    "trong cac tieu chi bi tru diem, tieu chi nao bi tru duoi 0,2",
    contains=codes(lambda r: 0 < r["ded"] < Decimal("0.2")),
    cites=[PL2],
)

# ---------------------------------------------------------------- aggregates (12)
AG = "aggregates"


def part(p: str) -> list[str]:
    rows = under(p)
    return [vn(s(rows, "got")), vn(s(rows, "max"))]


q(AG, "Mục A.2.2 được tổng bao nhiêu điểm?", numbers=part("A.2.2"))
q(AG, "tong diem muc B.1.6", numbers=part("B.1.6"))
q(AG, "B.1.10 đạt mấy điểm trên thang mấy?", numbers=part("B.1.10"))
q(AG, "C.2.3 cộng lại được mấy điểm?", numbers=part("C.2.3"))
q(AG, "muc C.3 bi tru tong cong bao nhieu diem", numbers=[vn(s(under("C.3"), "ded"))])
assert rate(G["A"]) == Decimal("84.1")
q(AG, "Nhóm A đạt mấy % thang điểm?", numbers=[vn(rate(G["A"]), 1)])
pl2 = [r for r in ROWS if r["app"] == "Phụ lục II"]
q(
    AG,
    "Điểm thẩm định bình quân mỗi tiêu chí của Phụ lục II là bao nhiêu?",
    numbers=[vn(s(pl2, "got") / len(pl2))],
    cites=[PL2],
)
q(AG, "nhom D gom may tieu chi", numbers=[str(len(G["D"]))])
q(AG, "muc D.2 bi tru het bao nhieu diem", numbers=[vn(s(under("D.2"), "ded"))])
pl3b = [r for r in ROWS if r["app"] == "Phụ lục III" and r["code"][0] == "B"]
q(AG, "Ở Phụ lục III, phần nhóm B mất tổng cộng mấy điểm?", numbers=[vn(s(pl3b, "ded"))], cites=[PL3])
q(AG, "Mục C.2.1 được bao nhiêu trên bao nhiêu điểm?", numbers=part("C.2.1"))
q(AG, "co tat ca bao nhieu tieu chi bi tru diem", numbers=[str(len(codes(lambda r: r["ded"] > 0)))])

# ---------------------------------------------------------------- comparison (12)
M = "comparison"
q(M, "Nhóm B còn thiếu bao nhiêu điểm mới đạt tối đa?", numbers=[vn(s(G["B"], "max") - s(G["B"], "got"))])
q(
    M,
    "Nếu A.2.2.1 đạt đủ 1 điểm thì nhóm A đươc bao nhiêu?",
    numbers=[vn(s(G["A"], "got") + BY["A.2.2.1"]["ded"])],
)
q(
    M,
    "tong diem se la bao nhieu neu moi tieu chi nhom C deu dat toi da",
    numbers=[vn(TOTAL_GOT + s(G["C"], "ded"))],
)
q(M, "C.1.3 hon C.1.1 bao nhieu diem tham dinh", numbers=[vn(BY["C.1.3"]["got"] - BY["C.1.1"]["got"])])
q(M, "Điểm bị trừ của B.2.2 gấp mấy lần B.2.1?", numbers=[vn(BY["B.2.2"]["ded"] / BY["B.2.1"]["ded"])])
q(M, "can them bao nhieu diem de nhom D dat 8 diem", numbers=[vn(8 - s(G["D"], "got"))])
pl = {a: [r for r in ROWS if r["app"] == a] for a in ("Phụ lục I", "Phụ lục II", "Phụ lục III")}
q(
    M,
    "Tổng thang điểm Phụ lục I lớn hơn Phụ lục III bao nhiêu?",
    numbers=[vn(s(pl["Phụ lục I"], "max") - s(pl["Phụ lục III"], "max"))],
)
q(M, "nhom C bi tru nhieu hon nhom B may diem", numbers=[vn(s(G["C"], "ded") - s(G["B"], "ded"))])
lo = min(("A.2.7", "A.2.2.1"), key=lambda c: BY[c]["got"])
q(
    M,
    "A.2.7 với A.2.2.1, cái nào được ít điểm hơn?",
    contains=[lo],
    numbers=[vn(BY["A.2.7"]["got"]), vn(BY["A.2.2.1"]["got"])],
)
q(
    M,
    "Nếu C.1.3 được trọn 7 điểm thì tổng điểm chung là bao nhiêu?",
    numbers=[vn(TOTAL_GOT + BY["C.1.3"]["ded"])],
)
nb, nc = (len([r for r in G[g] if r["ded"] > 0]) for g in "BC")
assert nc > nb
q(
    M,
    "Nhóm B và nhóm C, nhóm nào có nhiều tiêu chí bị trừ điểm hơn?",
    contains=["C"],
    numbers=[str(nb), str(nc)],
)
diff = s(G["C"], "got") - s(G["A"], "got") - s(G["D"], "got")
q(M, "Điểm nhóm C cao hơn điểm nhóm A và D cộng lại bao nhiêu?", numbers=[vn(diff)])

# ---------------------------------------------------------------- direction (10)
R = "direction"
best_abs = max("ABCD", key=lambda g: s(G[g], "got"))
assert best_abs == "C" and max("ABCD", key=lambda g: rate(G[g])) == "A"
q(R, "Nhóm nào được nhiều điểm nhất?", contains=[best_abs], numbers=[vn(s(G[best_abs], "got"))])
worst_share = max("ABCD", key=lambda g: s(G[g], "ded") / s(G[g], "max"))
q(R, "nhom nao bi tru nhieu nhat neu tinh theo ty le so voi thang diem", contains=[worst_share])
cded = [r for r in G["C"] if r["ded"] > 0]
least_c = min(cded, key=lambda r: r["ded"])
assert [r for r in cded if r["ded"] == least_c["ded"]] == [least_c]
q(
    R,
    "Trong các tiêu chí nhóm C bị trừ điểm, cái nào bị trừ ít nhất?",
    contains=[least_c["code"]],
    numbers=[vn(least_c["ded"])],
)
hi2 = max(pl["Phụ lục II"], key=lambda r: r["got"])
q(
    R,
    "Phụ lục II, tiêu chí nào có điểm thẩm đinh cao nhất?",
    contains=[hi2["code"]],
    numbers=[vn(hi2["got"])],
    cites=[PL2],
)
sec_ded = {p: s(under(p), "ded") for p in SECOND}
least_sec = min((p for p in SECOND if sec_ded[p] > 0), key=lambda p: sec_ded[p])
q(
    R,
    "Trong các mục cấp hai có bị trừ điểm, mục nào bị trừ ít nhất?",
    contains=[least_sec],
    numbers=[vn(sec_ded[least_sec])],
)
by_rate = sorted("ABCD", key=lambda g: rate(G[g]))
q(R, "nhom nao dat ty le thap thu hai", contains=[by_rate[1]], numbers=[vn(s(G[by_rate[1]], "got"))])
big = max((r for r in ROWS if r["ded"] > 0), key=lambda r: r["max"])
q(
    R,
    "Tiêu chí có thang điểm lớn nhất mà vẫn bị trừ điểm là tiêu chí nào?",
    contains=[big["code"]],
    numbers=[vn(big["max"])],
)
bbest = max(G["B"], key=lambda r: r["got"])
q(R, "trong nhom B tieu chi nao duoc nhieu diem nhat", contains=[bbest["code"]], numbers=[vn(bbest["got"])])
sec_rate = {p: rate(under(p)) for p in SECOND}
best_sec = [p for p in SECOND if sec_rate[p] == max(sec_rate.values())]
assert best_sec == ["A.1"]
q(R, "muc cap hai nao dat ty le cao nhat", contains=best_sec)
dleast = min(G["D"], key=lambda r: r["ded"])
q(R, "nhom D tieu chi nao bi tru it nhat", contains=[dleast["code"]], numbers=[vn(dleast["ded"])])

# ---------------------------------------------------------------- ties (8)
T = "ties"


def rt(r: dict) -> Decimal:
    return r["got"] / r["max"]


q(T, "Nhóm B có những tiêu chí nào tỷ lệ đạt kém nhất?", contains=top(G["B"], rt, 1, reverse=False))
q(T, "3 tiêu chí ở Phụ lục III đạt tỷ lệ cao nhất?", contains=top(pl["Phụ lục III"], rt, 3), cites=[PL3])
second = sorted({r["ded"] for r in pl["Phụ lục III"]}, reverse=True)[1]
q(
    T,
    "Những tiêu chí nào bị trừ nhiều thứ hai trong Phụ lục III?",
    contains=[r["code"] for r in pl["Phụ lục III"] if r["ded"] == second],
    numbers=[vn(second)],
    cites=[PL3],
)
t4 = top(ROWS, lambda r: r["got"], 4)
assert len(t4) == 5
q(T, "top 4 tieu chi co diem tham dinh cao nhat", contains=t4)
q(
    T,
    "Trong mục C.3, tiêu chí nào bị trừ nhiều nhất?",
    contains=top(under("C.3"), lambda r: r["ded"], 1),
    cites=[PL3],
)
q(
    T,
    "o phu luc I nhung tieu chi nao thang diem thap nhat",
    contains=top(pl["Phụ lục I"], lambda r: r["max"], 1, reverse=False),
    cites=[PL1],
)
q(T, "3 tieu chi nhom C bi tru nhieu nhat", contains=top(G["C"], lambda r: r["ded"], 3))
q(T, "Hai tiêu chí nhóm A có thang điểm lớn nhất?", contains=top(G["A"], lambda r: r["max"], 2))

# ---------------------------------------------------------------- sections (14)
S = "sections"
q(S, "Mục 3 phần I công văn 410 có nội dung gì?", contains=["giai đoạn tới"], cites=[cite(CV, "I.3")])
q(S, "muc I.2.1 cua ke hoach noi gi", contains=["kỷ cương, liêm chính"], cites=[cite(KH, "I.2.1")])
q(S, "Mục 1.1 phần III kế hoạch Cát Hải?", numbers=["2023", "2026"], cites=[cite(KH, "III.1.1")])
q(S, "muc II.2 ke hoach cat hai noi ve gi", contains=["Kiện toàn tổ chức bộ máy"], cites=[cite(KH, "II.2")])
q(
    S,
    "Phần I kế hoạch Cát Hải gồm những mục nào?",
    contains=["Quan điểm", "Mục tiêu", "Yêu cầu"],
    cites=[cite(KH, "I")],
)
q(S, "Mục 5 phần II của công văn nói vè cơ quan nào?", contains=["Sở Tư pháp"], cites=[cite(CV, "II.5")])
q(
    S,
    "phan 2 muc 8 cong van 410",
    contains=["Đài Phát thanh và Truyền hình Hải Phòng"],
    cites=[cite(CV, "II.8")],
)
q(S, "Mục 2.5 phần III của KH Cát Hải nói gì?", contains=["Đảng ủy đặc khu"], cites=[cite(KH, "III.2.5")])
q(
    S,
    "Công văn 410 có mấy phụ lục, là những phụ lục nào?",
    contains=["Phụ lục III"],
    any_=[["100%"], ["dưới 1 điểm", "BỊ TRỪ 01 ĐIỂM"], ["từ 1 điểm trở lên", "TỪ 01 ĐIỂM TRỞ LÊN"]],
    numbers=["3"],
    cites=[CVD],
)
q(S, "phu luc I cong van noi ve cai gi", contains=["100%"], cites=[PL1])
q(
    S,
    "Mục 2.2 phần III kế hoạch giao việc cho ai?",
    contains=["Văn phòng HĐND và UBND đặc khu"],
    cites=[cite(KH, "III.2.2")],
)
q(S, "muc 4 phan II CV 410 la gi", contains=["Sở Nội vụ"], cites=[cite(CV, "II.4")])
q(S, "phan III muc 2 ke hoach cat hai co bao nhieu diem nho", numbers=["5"], cites=[cite(KH, "III.2")])
q(S, "muc 6 phan II cong van noi gi", contains=["Sở Tài chính"], cites=[cite(CV, "II.6")])

# ---------------------------------------------------------------- lists (14)
LI = "lists"
q(
    LI,
    "Công văn 410 căn cứ vào những văn bản nào?",
    contains=["2666/TTCP-C.IV", "10369-CV/VPTU", "241/TTTP-NV4"],
    cites=[CVD],
)
q(
    LI,
    "Mục nâng cao nhận thức, vai trò của xã hội trong kế hoach gồm những giải pháp nào?",
    contains=[
        "văn hóa liêm chính trong xã hội",
        "Cung cấp thông tin kịp thời",
        "phản biện xã hội",
        "tuyên dương, khen thưởng",
        "văn hóa liêm chính trong kinh doanh",
    ],
    cites=[cite(KH, "II.4")],
)
q(
    LI,
    "cac giai phap hop tac quoc te trong KH Cat Hai la gi",
    contains=["truy bắt tội phạm tham nhũng bỏ trốn", "thực thi Công ước Liên hợp quốc", "hợp tác kỹ thuật"],
    cites=[cite(KH, "II.5")],
)
q(
    LI,
    "muc II.1 ke hoach cat hai gom nhung nhiem vu gi",
    contains=[
        "hoàn thiện pháp luật",
        "trách nhiệm giải trình",
        "khắc phục triệt để",
        "trách nhiệm thủ trưởng các cấp",
    ],
    cites=[cite(KH, "II.1")],
)
q(
    LI,
    "Thủ trưởng các Sở, ban, ngành và Chủ tịch UBND quận huyện được giao những việc gì ở mục II.1?",
    contains=["cơ quan cảnh sát điều tra", "khu vực ngoài nhà nước"],
    cites=[cite(CV, "II.1")],
)
q(
    LI,
    "Sở TT&TT cần tập trung truyền thông vào những nội dung chính nào?",
    contains=["hành vi tham nhũng, tiêu cực", "khu vực ngoài nhà nước", "tấm gương tiêu biểu"],
    cites=[cite(CV, "II.7")],
)
q(
    LI,
    "dai phat thanh truyen hinh hai phong tiep nhan phan anh sai pham trong nhung linh vuc nao",
    contains=["ngân sách nhà nước", "giải phóng mặt bằng", "đấu thầu"],
    cites=[cite(CV, "II.8")],
)
q(
    LI,
    "Sở Văn hóa và Thể thao làm các chương trình nghệ thuật thuộc những loại hình nào?",
    contains=["sân khấu truyền hình", "vở diễn", "triển lãm", "truyền thông lưu động"],
    cites=[cite(CV, "II.9")],
)
q(
    LI,
    "Dấu hiệu vi phạm biện pháp phòng ngừa tham nhũng trong doanh nghiệp ngoài nhà nước gồm những gì?",
    contains=[
        "không ban hành quy định",
        "không đúng, không đầy đủ",
        "không kiểm tra, giám sát",
        "phản ánh, tố cáo",
    ],
    cites=[cite(CV, "II.1")],
)
q(LI, "muc C.3 gom nhung tieu chi nao", contains=[r["code"] for r in under("C.3")])
q(
    LI,
    "phu luc I co nhung tieu chi nhom A nao",
    contains=[r["code"] for r in pl["Phụ lục I"] if r["code"][0] == "A"],
    cites=[PL1],
)
q(
    LI,
    "Thanh tra thành phố xác minh tài sản, thu nhập năm 2025 dựa trên những căn cứ nào?",
    contains=[
        "định hướng xác minh tài sản, thu nhập của Thanh tra Chính phủ",
        "Luật Phòng, chống tham nhũng năm 2018",
        "130/2020/NĐ-CP",
    ],
    cites=[cite(CV, "II.2")],
)
q(
    LI,
    "Giai đoạn 2026-2030 của chiến lược phải làm những việc gì?",
    contains=[
        "Khắc phục tồn tại hạn chế",
        "xây dựng Kế hoạch cụ thể",
        "Tổng kết việc thực hiện Chiến lược vào năm 2031",
    ],
    cites=[cite(KH, "III.1.2")],
)
q(LI, "muc B.1.6 gom nhung tieu chi nao", contains=[r["code"] for r in under("B.1.6")])

# ---------------------------------------------------------------- across (11)
X = "across"
q(
    X,
    "Cả hai văn bản có nói đến kiểm soát tài sản, thu nhập không?",
    contains=["kiểm soát tài sản, thu nhập"],
    cites=[CVD, KHD],
)
q(X, "Văn bản nào gửi Ban Nội chính Thành ủy?", any_=[["410", "Hải Phòng"]], cites=[CVD])
q(
    X,
    "Có văn bản nào giao việc cho Công an thành phô không?",
    contains=["Công an thành phố"],
    cites=[cite(CV, "II.11")],
)
q(X, "hai van ban ban hanh cach nhau may thang", numbers=["5"], cites=[CVD, KHD])
q(
    X,
    "Văn bản nào nhắc đến chính quyền địa phương 02 cấp?",
    any_=[["Cát Hải", "KH-UBND"]],
    cites=[cite(KH, "II.2")],
)
q(X, "van ban nao noi den xung dot loi ich", contains=["xung đột lợi ích"], cites=[CVD, cite(KH, "II.2")])
q(X, "ca hai deu do UBND ban hanh phai khong", contains=["Ủy ban nhân dân"], cites=[CVD, KHD])
q(
    X,
    "van ban nao yeu cau chuyen ho so sang co quan canh sat dieu tra",
    contains=["cơ quan cảnh sát điều tra"],
    cites=[cite(CV, "II.1")],
)
q(X, "Văn bản nào nhắc tới Quốc hội Khóa XV?", cites=[cite(KH, "III.1.1")])
q(X, "Thanh toán không dùng tiền mặt được nhắc trong văn bản nào?", cites=[PL1, cite(KH, "II.2")])
q(X, "van ban nao dan chieu nghi dinh 59/2019/ND-CP", any_=[["410", "Hải Phòng"]], cites=[CVD])

# ---------------------------------------------------------------- loose names (13)
N = "loose_names"
q(
    N,
    "Sở GD&ĐT dạy lồng ghép PCTN ở cấp học nào?",
    contains=["Trung học phổ thông"],
    cites=[cite(CV, "II.10")],
)
q(N, "TTr TP được giao gì?", contains=["xác minh tài sản, thu nhập"], cites=[cite(CV, "II.2")])
q(N, "SNV có nhiệm vụ gì trong CV 410?", contains=["chuyển đổi vị trí công tác"], cites=[cite(CV, "II.4")])
q(N, "So TC phai lam gi", contains=["ngân sách nhà nước"], cites=[cite(CV, "II.6")])
q(N, "VKS khu vuc 4 duoc de nghi gi", contains=["nghiêm túc thực hiện"], cites=[cite(KH, "III.2.4")])
q(N, "so VHTT lam gi", contains=["chương trình nghệ thuật"], cites=[cite(CV, "II.9")])
q(
    N,
    "Sở TT&TT phối hợp với Thanh tra TP làm gì?",
    contains=["cơ sở dữ liệu về kiểm soát tài sản, thu nhập"],
    cites=[cite(CV, "II.7")],
)
q(N, "TAND TP duoc de nghi gi", contains=["xét xử"], cites=[cite(CV, "II.11")])
q(N, "Ban TCD TP được chỉ đạo tham mưu gì?", contains=["tiếp công dân"], cites=[cite(CV, "II.3")])
q(N, "dai PT-TH HP tuyen truyen gan voi chi thi nao", contains=["05-CT/TW"], cites=[cite(CV, "II.8")])
q(N, "VP HĐND&UBND đặc khu phải báo cáo gì?", contains=["hằng năm"], cites=[cite(KH, "III.2.2")])
q(
    N,
    "Các CQCM, ĐVSN thuộc đặc khu phải làm gì?",
    contains=["chương trình, kế hoạch cụ thể"],
    cites=[cite(KH, "III.2.1")],
)
q(N, "Sở Nội vũ được giao việc gì?", contains=["chuyển đổi vị trí công tác"], cites=[cite(CV, "II.4")])

# ---------------------------------------------------------------- follow-ups (15)
F = "followups"
q(F, "con nhom A thi sao", numbers=[vn(s(G["A"], "ded"))], history=["Nhóm B bị trừ bao nhiêu điểm?"])
q(
    F,
    "Còn Sở Thông tin và Truyền thông?",
    contains=["truyền thông"],
    cites=[cite(CV, "II.7")],
    history=["Sở Tư pháp phải làm gì?", A("Sở Tư pháp tham mưu công tác phổ biến giáo dục pháp luật [1].")],
)
q(
    F,
    "no bi tru bao nhieu",
    numbers=[vn(BY["C.1.1"]["ded"])],
    cites=[PL3],
    history=["Tiêu chí C.1.1 đạt bao nhiêu điểm?"],
)
pl3c = [r for r in pl["Phụ lục III"] if r["code"][0] == "C"]
best3c = max(pl3c, key=lambda r: r["got"])
q(
    F,
    "Trong số đó cái nào được điểm cao nhất?",
    contains=[best3c["code"]],
    numbers=[vn(best3c["got"])],
    cites=[PL3],
    history=["Phụ lục III có những tiêu chí nhóm C nào?"],
)
q(
    F,
    "Còn ngày ban hành?",
    any_=[["tháng 8"]],
    numbers=["2025"],
    cites=[KHD],
    history=["Ai ký kế hoạch Cát Hải?", A("Kế hoạch do Chủ tịch Phan Viết Điện ký [1].")],
)
q(
    F,
    "con muc tiep theo",
    contains=["Thanh tra thành phố"],
    cites=[cite(CV, "II.2")],
    history=["Mục 1 phần II công văn 410 nói gì?"],
)
q(
    F,
    "Nếu nhóm đó được thêm 5 điểm thì tổng điểm chung là bao nhiêu?",
    numbers=[vn(TOTAL_GOT + 5)],
    history=["Nhóm C đạt bao nhiêu điểm?", A("Nhóm C đạt 29,25/40 điểm.")],
)
s25 = [r for r in ROWS if r["max"] == Decimal("2.5")]
w25 = max(s25, key=lambda r: r["ded"])
q(
    F,
    "cai nao trong do mat nhieu diem nhat",
    contains=[w25["code"]],
    numbers=[vn(w25["ded"])],
    history=["tieu chi nao thang diem 2,5"],
)
q(
    F,
    "khi nao tong ket",
    numbers=["2031"],
    cites=[cite(KH, "III.1.2")],
    history=["Giai đoạn hai của Chiến lược kéo dài từ năm nào tới năm nào?"],
)
q(
    F,
    "con toa an khu vuc 4",
    contains=["nghiêm túc thực hiện"],
    cites=[cite(KH, "III.2.4")],
    history=["Kế hoạch Cát Hải giao cho phòng Văn hóa - Xã hội việc gì?"],
)
w3 = max(pl["Phụ lục III"], key=lambda r: r["ded"])
q(
    F,
    "Ở Phụ lục III thì tiêu chí nào?",
    contains=[w3["code"]],
    numbers=[vn(w3["ded"])],
    cites=[PL3],
    history=["Trong Phụ lục II tiêu chí nào bị trừ nặng nhất?", A("Tiêu chí C.2.3.1 bị trừ 0,83 điểm [1].")],
)
r = BY["A.2.2.1"]
q(
    F,
    "Nó được mấy điểm trên thang mấy?",
    numbers=[vn(r["got"]), vn(r["max"])],
    cites=[PL2],
    history=["A.2.2.1 là tiêu chí gì?"],
)
q(
    F,
    "Công văn đó gửi cho những ai?",
    contains=["Các Sở, ngành", "Thủy Nguyên"],
    cites=[cite(CV, "Kính gửi")],
    history=["Ai ký công văn 410?", A("Phó Chủ tịch Lê Anh Quân ký [1].")],
)
q(
    F,
    "Có mấy mục tiêu như vậy?",
    numbers=["5"],
    cites=[cite(KH, "I.2.2")],
    history=["Mục tiêu cụ thể của KH Cát Hải là gì?"],
)
q(
    F,
    "Nhóm nào bị trừ nhiều hơn?",
    contains=["B"],
    numbers=[vn(s(G["B"], "ded")), vn(s(G["D"], "ded"))],
    history=["Nhóm D đạt bao nhiêu điểm?", A("Nhóm D đạt 5,08/10 điểm."), "Còn nhóm B?"],
)

# ---------------------------------------------------------------- not found (44)
NF = "not_found"
q(NF, "Điểm PCTN năm 2023 của tỉnh Hải Dương là bao nhiêu?", absent=["Hải Dương"])
q(NF, "Cần Thơ bị trừ mấy điểm ở tiêu chí B.1.1?", absent=["Cần Thơ"])
q(NF, "diem pctn cua binh duong nam 2023", absent=["Bình Dương"])
q(NF, "Lào Cai xếp loại gì về phòng chống tham nhũng năm 2023?", absent=["Lào Cai"])
q(NF, "Kết quả đánh giá PCTN năm 2024 của đặc khu Cát Hải được bao nhiêu điểm?")
q(NF, "diem danh gia pctn nam 2024 cua thanh pho thuy nguyen")
q(NF, "Công văn khắc phục tồn tại PCTN năm 2022 của Hải Phòng số mấy?")
q(NF, "Kế hoạch PCTN năm 2024 của Cát Hải có những nội dung gì?")
q(NF, "Phụ cấp công vụ năm 2025 là bao nhiêu phần trăm?", absent=["phụ cấp"])
q(NF, "luong cua thanh tra vien chinh la bao nhieu", absent=["thanh tra viên chính"])
q(NF, "Chủ tịch UBND thành phố Hải Phòng hiện nay là ai?")
q(NF, "Giám đốc Sở GD&ĐT Hải Phòng tên gì?", absent=["Giám đốc Sở Giáo dục"])
q(NF, "Phan Viet Dien sinh nam bao nhieu")
q(NF, "Ông Lê Anh Quân phụ trách những lĩnh vực gì?")
q(NF, "tong bi thu hien nay la ai")
q(NF, "Số đường dây nóng tố cáo tham nhũng ở Hải Phòng là gì?", absent=["đường dây nóng"])
q(NF, "Email của Thanh tra TP Hải Phòng?")
q(NF, "tieu chi B.3.1 duoc bao nhieu diem", absent=["B.3"])
q(NF, "tieu chi D.3.1 bi tru bao nhieu", absent=["D.3"])
q(NF, "A.2.8 là tiêu chí gì?", absent=["A.2.8"])
q(NF, "Tiêu chí C.4.2 đạt mấy điểm?", absent=["C.4"])
q(NF, "muc 2.6 phan III ke hoach Cat Hai noi gi")
q(NF, "muc 1.3 phan III ke hoach cat hai")
q(NF, "Mục 4 phần I công văn 410 nói về gì?")
q(NF, "Phần III của công văn 410 quy định gì?")
q(NF, "muc 5 phan I ke hoach cat hai noi gi")
q(NF, "gia bitcoin hom nay bao nhieu", absent=["bitcoin"])
q(NF, "Ai vô địch World Cup 2022?", absent=["World Cup"])
q(NF, "nui cao nhat viet nam la nui nao", absent=["Fansipan"])
q(NF, "Công thức tính diện tích hình tròn?")
q(NF, "Viết giúp tôi bài thơ về mùa thu Hà Nội", absent=["mùa thu"])
q(NF, "ty gia yen nhat hom nay", absent=["yên Nhật"])
q(NF, "Luật Thanh tra 2022 có bao nhiêu điều?")
q(NF, "Không kê khai tài sản thì bị phạt bao nhiêu tiền?", absent=["phạt tiền"])
q(NF, "so ngoai vu hai phong duoc giao gi trong cong van 410", absent=["Ngoại vụ"])
q(NF, "Công an đặc khu Cát Hải có nhiệm vụ gì trong kế hoạch?")
q(NF, "Kho bạc Nhà nước được giao nhiệm vụ gì về PCTN?", absent=["Kho bạc"])
q(NF, "Hội Cựu chiến binh đặc khu được giao việc gì?", absent=["Cựu chiến binh"])
q(NF, "Sở Khoa học và Công nghệ có nhiệm vụ gì trong công văn 410?")
q(NF, "Năm 2023 Hải Phòng phát hiện bao nhiêu vụ tham nhũng qua thanh tra?")
q(NF, "bao nhieu can bo hai phong duoc chuyen doi vi tri cong tac nam 2023")
q(NF, "Cát Hải có bao nhiêu cơ quan chuyên môn?")
q(NF, "Tỷ lệ kê khai tài sản, thu nhập của Hải Phòng năm 2024 đạt bao nhiêu %?")
q(NF, "Quy trình xử lý đơn tố cáo tham nhũng gồm mấy bước?")

# ---------------------------------------------------------------- realdocs (≥ 30)
RD = "realdocs"
CT, TB, NQ, KHN, CVB, QD = (
    "6bac4a0d92da936d",  # Chỉ thị 010/CT-UBND, Đắk Lắk
    "abca9704d4c889cd",  # Thông báo 641/TB-VPCP
    "5daf5bf63dc3baac",  # Nghị quyết 56/2025/NQ-HĐND, Hà Nội
    "ceb89a53c7b93f00",  # Kế hoạch 987/KH-UBND, Nghệ An
    "9063e901ca3fd0c3",  # Công văn 17986/BTC-CT
    "9e9ed41212fc9334",  # Quyết định 3509/QĐ-CT with the Quy tắc it issues
)
NQ74, HUE, CD217, QD3769 = "90cfa0f24fcb05de", "3066a06b520a2418", "a328fbb46798c2b5", "65fe198460ffa9d9"
QD3891 = "f8fd04822ed1cb70"


def rd(question: str, doc: str | list[str], **kw) -> None:
    docs = [doc] if isinstance(doc, str) else doc
    if "cites" not in kw and not kw.get("not_found"):
        kw["cites"] = [cite(d) for d in docs]
    kw.pop("not_found", None)
    q(RD, question, docs=docs, **kw)


# Chỉ thị 010/CT-UBND
rd("Ai ký Chỉ thị 010/CT-UBND của Đắk Lắk?", CT, contains=["Trương Công Thái"])
rd("chi thi 010 dak lak ban hanh ngay nao", CT, any_=[["17/11/2025", "ngày 17 tháng 11 năm 2025"]])
rd(
    "Theo Chỉ thị 010/CT-UBND, cơ quan đăng ký đầu tư gồm những cơ quan nào?",
    CT,
    contains=[
        "Sở Tài chính",
        "Ban quản lý Khu Kinh tế Phú Yên",
        "Nông nghiệp ứng dụng Công nghệ cao",
        "Ban Quản lý các Khu công nghiệp tỉnh",
    ],
    cites=[cite(CT, "I")],
)
rd(
    "Chỉ thị 010 Đắk Lắk: Thuế tỉnh cho ý kiến thẩm định về những nội dung gì?",
    CT,
    contains=["ưu đãi đầu tư", "nghĩa vụ thuế"],
    cites=[cite(CT, "I.2")],
)
rd(
    "chi thi 010/CT-UBND cong an tinh, bo chi huy quan su tinh danh gia gi",
    CT,
    contains=["an ninh, quốc phòng, biên giới, hải đảo"],
    cites=[cite(CT, "I.2")],
)
rd(
    "Theo Chỉ thị 010/CT-UBND, văn bản thẩm định không kết luận cụ thể thì được hiểu thế nào?",
    CT,
    contains=["xem như thống nhất chủ trương đầu tư"],
    cites=[cite(CT, "I.2")],
)
rd(
    "Chỉ thị 010/CT-UBND của UBND tỉnh Đắk Lắk gồm mấy phần, đó là những phần nào?",
    CT,
    contains=[
        "Trách nhiệm phối hợp trong công tác thẩm định",
        "Trách nhiệm phối hợp giải quyết thủ tục đầu tư",
        "Tổ chức thực hiện",
    ],
    numbers=["3"],
)
rd(
    "Theo Chỉ thị 010/CT-UBND, cơ quan nào chủ trì theo dõi, tổng hợp khó khăn, vướng mắc?",
    CT,
    contains=["Sở Tài chính"],
    cites=[cite(CT, "III")],
)
rd(
    "Chỉ thị 010/CT-UBND Đắk Lắk bắt nhà đầu tư ký quỹ bao nhiêu phần trăm?",
    CT,
    not_found=True,
    absent=["ký quỹ"],
)
# Thông báo 641/TB-VPCP
rd("Thông báo 641/TB-VPCP là kết luận của ai?", TB, contains=["Phạm Thị Thanh Trà"])
rd("ai ky thong bao 641/TB-VPCP", TB, contains=["Trịnh Mạnh Linh"])
rd(
    "Phó Thủ tương làm việc với Đà Nẵng ngày nào theo thông báo 641?",
    TB,
    any_=[["18/11/2025", "Ngày 18 tháng 11 năm 2025"]],
)
rd(
    "Theo Thông báo 641/TB-VPCP, chính quyền 2 cấp ở Đà Nẵng gặp khó khăn gì?",
    TB,
    contains=["vừa thiếu vừa thừa"],
    cites=[cite(TB, "I")],
)
rd("thong bao 641 da nang can lam may nhiem vu giai phap", TB, numbers=["8"], cites=[cite(TB, "I")])
rd(
    "Về đề nghị chế độ tiền lương của Đà Nẵng, Thông báo 641 giao Bộ Nội vụ làm gì?",
    TB,
    contains=["nghiên cứu đề xuất"],
    cites=[cite(TB, "II.2")],
)
rd(
    "Thông báo 641/TB-VPCP nhắc những văn bản nào về dữ liệu và chuyển đổi số?",
    TB,
    contains=["1565/QĐ-TTg", "214/NQ-CP", "278/2025/NĐ-CP"],
    cites=[cite(TB, "II.3")],
)
rd("Những ai cùng dự buổi làm việc trong Thông báo 641?", TB, contains=["Lê Ngọc Quang", "Trương Hải Long"])
rd(
    "thong bao 641 yeu cau da nang huy dong ai ho tro nguoi dan chuyen doi so",
    TB,
    contains=["sinh viên"],
    cites=[cite(TB, "I.6")],
)
rd("Thông báo 641/TB-VPCP: Đà Nẵng hiện có bao nhiêu xã, phường?", TB, not_found=True)
# Nghị quyết 56/2025/NQ-HĐND
rd(
    "NQ 56/2025/NQ-HĐND Hà Nội cho người lao động vay tạo việc làm tối đa bao nhiêu?",
    NQ,
    contains=["300 triệu đồng"],
    cites=[cite(NQ, "Điều 2")],
)
rd(
    "lai suat cho vay ho ngheo theo nghi quyet 56/2025 ha noi",
    NQ,
    numbers=["4,8"],
    cites=[cite(NQ, "Điều 2")],
)
rd(
    "Hộ mới thoát nghèo vay vốn theo Nghị quyết 56/2025/NQ-HĐND chịu lãi suất bao nhiêu?",
    NQ,
    numbers=["6,6"],
    cites=[cite(NQ, "Điều 2")],
)
poor, near = Decimal("4.8"), Decimal("6.6")
for v in ("4,8%/năm", "6,6%/năm"):
    assert v in text_of(NQ)
rd(
    "Theo NQ 56/2025 Hà Nội, lãi suất cho hộ mới thoát nghèo cao hơn hộ nghèo bao nhiêu?",
    NQ,
    numbers=[vn(near - poor)],
    cites=[cite(NQ, "Điều 2")],
)
rd(
    "Từ ngày nào thì Nghị quyết 56/2025/NQ-HĐND của HĐND Hà Nội bắt đầu áp dụng?",
    NQ,
    any_=[["08/12/2025", "08 tháng 12 năm 2025", "8/12/2025"]],
    cites=[cite(NQ, "Điều 4")],
)
rd(
    "Vay làm công trình nước sạch và công trình vệ sinh theo NQ 56 Hà Nội được tối đa bao nhiêu?",
    NQ,
    numbers=["30", "50"],
    cites=[cite(NQ, "Điều 2")],
)
assert "30 triệu đồng/công trình nước sạch và 50\ntriệu đồng/công trình vệ sinh" in text_of(NQ)
rd(
    "Một hộ vay cả công trình nước sạch lẫn công trình vệ sinh theo NQ 56/2025 Hà Nội thì tối đa bao nhiêu?",
    NQ,
    numbers=[vn(Decimal(30) + Decimal(50))],
    cites=[cite(NQ, "Điều 2")],
)
rd(
    "Nghị quyết 56/2025/NQ-HĐND giao ai giám sát thực hiện?",
    NQ,
    contains=["Thường trực Hội đồng nhân dân"],
    cites=[cite(NQ, "Điều 4")],
)
# Kế hoạch 987/KH-UBND
rd(
    "Kế hoạch 987/KH-UBND Nghệ An đặt mục tiêu phủ sóng 5G ở khu công nghiệp đến năm 2030 là bao nhiêu?",
    KHN,
    numbers=["100"],
    cites=[cite(KHN, "I.1")],
)
rd(
    "Hiện các KCN Nghệ An có bao nhiêu trạm BTS, trong đó bao nhiêu trạm 5G?",
    KHN,
    numbers=["87", "28"],
    cites=[cite(KHN, "II.1")],
)
# the station figures of II.2.1, asserted against the totals the plan prints
new34 = {"VNPT": 25, "Viettel": 33}
new5 = {"MobiFone": 9, "Viettel": 26}
conv = {"MobiFone": 22, "VNPT": 56, "Viettel": 47}
assert sum(new34.values()) == 58 and sum(new5.values()) == 35 and sum(conv.values()) == 125
assert 28 + sum(new5.values()) + sum(conv.values()) == 188
for frag in (
    "58 trạm",
    "35 trạm",
    "125 trạm",
    "188 trạm",
    "Viettel: 33 trạm",
    "Viettel: 26 trạm",
    "Viettel: 47 trạm",
):
    assert frag in re.sub(r"\s+", " ", text_of(KHN)), frag
viettel = new34["Viettel"] + new5["Viettel"] + conv["Viettel"]
rd(
    "Theo KH 987 Nghệ An, Viettel lắp mới, đầu tư mới và chuyển đổi tổng cộng bao nhiêu trạm?",
    KHN,
    numbers=[str(viettel)],
    cites=[cite(KHN, "II.2")],
)
rd("sau ke hoach 987 tong so tram 5G o KCN la bao nhieu", KHN, numbers=["188"], cites=[cite(KHN, "II.2")])
rd(
    "ke hoach 987 nghe an so KH&CN phai bao cao truoc ngay nao hang nam",
    KHN,
    contains=["15/12"],
    cites=[cite(KHN, "IV.1")],
)
rd(
    "Kinh phí thực hiện Kế hoạch 987/KH-UBND lấy từ đâu?",
    KHN,
    contains=["doanh nghiệp viễn thông", "xã hội hóa"],
    cites=[cite(KHN, "III")],
)
rd("ai ky ke hoach 987/KH-UBND nghe an", KHN, contains=["Hoàng Phú Hiền"])
rd(
    "Kế hoạch 5G Nghệ An giao nhiệm vụ cho những cơ quan, đơn vị nào?",
    KHN,
    contains=[
        "Sở Khoa học và Công nghệ",
        "Ban Quản lý Khu kinh tế Đông Nam",
        "Sở, ban, ngành cấp tỉnh",
        "doanh nghiệp viễn thông",
        "chủ đầu tư xây dựng và kinh doanh hạ tầng",
        "doanh nghiệp thứ cấp",
    ],
    cites=[cite(KHN, "IV")],
)
rd(
    "KH 987: chuyển bao nhiêu trạm 3G/4G sang 5G, VNPT chuyển mấy trạm?",
    KHN,
    numbers=["125", str(conv["VNPT"])],
    cites=[cite(KHN, "II.2")],
)
rd("Theo KH 987 Nghệ An, FPT Telecom phải lắp bao nhiêu trạm 5G?", KHN, not_found=True)
# Công văn 17986/BTC-CT
rd(
    "Công văn 17986/BTC-CT về việc gì?",
    CVB,
    contains=["Cẩm nang nghiệp vụ thuế dành cho công chức cấp xã"],
)
rd("Ai ký Công văn 17986/BTC-CT của Bộ Tài chính?", CVB, contains=["Lê Tấn Cận"])
rd(
    "Bộ Tài chính gửi kèm công văn 17986 những tài liệu gì?",
    CVB,
    contains=["Infographic", "Slide đào tạo", "Video giới thiệu"],
)
rd(
    "cong van 17986/BTC-CT de nghi UBND cac tinh lam nhung viec gi",
    CVB,
    contains=["Phổ biến rộng rãi", "Lồng ghép", "phản hồi vướng mắc"],
)
rd("Cẩm nang thuế cho công chức cấp xã được đăng ở chuyên mục nào?", CVB, contains=["Sổ tay thuế"])
rd("Cẩm nang nghiệp vụ thuế theo Công văn 17986 dày bao nhiêu trang?", CVB, not_found=True)
# Quyết định 3509/QĐ-CT and its Quy tắc
rd("Quyết định 3509/QĐ-CT ban hành cái gì?", QD, contains=["Quy tắc ứng xử với người nộp thuế"])
rd("Ai ký Quyết định 3509/QĐ-CT của Cục Thuế?", QD, contains=["Mai Xuân Thành"])
rd(
    "“4 xin, 4 luôn” trong quy tắc ứng xử của Cục Thuế là gì?",
    QD,
    contains=["xin chào, xin lỗi", "xin cảm ơn, xin phép", "luôn mỉm cười", "luôn lắng nghe"],
)
rd(
    "Theo QĐ 3509/QĐ-CT, cơ quan thuế báo cáo tình hình thực hiện quy tắc ứng xử trước ngày nào hằng năm?",
    QD,
    contains=["31 tháng 12"],
)
rd(
    "quy tac ung xu voi nguoi nop thue cam cong chuc thue lam nhung gi",
    QD,
    contains=[
        "sách nhiễu, vòi vĩnh",
        "Thông đồng, móc ngoặc",
        "Nhận lợi ích bằng tiền, quà tặng",
        "mạng xã hội",
        "Từ chối các yêu cầu chính đáng",
    ],
)
rd("QD 3509/QD-CT cuc thue ap dung tu luc nao", QD, contains=["kể từ ngày ký"])
rd(
    "Theo quy tắc ứng xử của Cục Thuế, cơ quan Thuế gồm những cấp nào?",
    QD,
    contains=["Cục Thuế", "Thuế tỉnh", "Thuế cơ sở"],
)
# across and the nine files of the bank, asked anew
rd(
    "Hai nghị quyết 56/2025/NQ-HĐND và 74/2025/NQ-HĐND của Hà Nội, cái nào thông qua trước?",
    [NQ, NQ74],
    contains=["56/2025/NQ-HĐND"],
)
rd(
    "ba Phung Thi Hong Ha ky nhung nghi quyet nao",
    [NQ, NQ74],
    contains=["56/2025/NQ-HĐND", "74/2025/NQ-HĐND"],
)
rd("UBND tỉnh Nghệ An ban hành những văn bản nào?", [QD3769, KHN], contains=["3769/QĐ-UBND", "987/KH-UBND"])
rd("Ai ký Nghị quyết 36/2025/NQ-HĐND của Huế?", HUE, contains=["Lê Trường Lưu"])
rd(
    "hoc phi tieu hoc o mien nui theo nghi quyet 36/2025 hue",
    HUE,
    numbers=["105"],
    cites=[cite(HUE, "Điều 2")],
)
rd(
    "Theo NQ 36/2025 Huế, học phí THCS ở đô thị cao hơn miền núi bao nhiêu?",
    HUE,
    numbers=[str(110 - 80)],
    cites=[cite(HUE, "Điều 2")],
)
rd("Nghị quyết 36/2025/NQ-HĐND của Huế: địa bàn đô thị gồm bao nhiêu phường?", HUE, contains=["21 phường"])
rd(
    "Theo Công điện 217/CĐ-TTg, Bộ Quốc phòng và Bộ Công an phải làm gì?",
    CD217,
    contains=["sơ tán, di dời dân cư"],
    cites=[cite(CD217, "5")],
)
rd(
    "cong dien 217 lu tren cac song tu Ha Tinh den Khanh Hoa o muc bao dong may",
    CD217,
    contains=["báo động 2 đến báo động 3"],
)
rd(
    "Theo Quyết định 3891/QĐ-BTC, mỗi ngày có bao nhiêu lượt khách qua cửa khẩu Lóng Sập?",
    QD3891,
    not_found=True,
    absent=["lượt"],
)

# ------------------------------------------------------------------ write


def has_accents(text: str) -> bool:
    return unicodedata.normalize("NFD", text) != text or "đ" in text.lower()


def main() -> None:
    by_class: dict[str, list[dict]] = {}
    for it in ITEMS:
        by_class.setdefault(it["class"], []).append(it)
    for cls, items in by_class.items():
        with (HERE / f"{cls}.jsonl").open("w", encoding="utf-8") as f:
            for it in items:
                f.write(json.dumps(it, ensure_ascii=False) + "\n")
    na = sum(1 for it in ITEMS if not has_accents(it["question"]))
    print(f"{len(ITEMS)} questions, {na} without accents ({100 * na / len(ITEMS):.0f}%)")
    for cls in PREFIX:
        print(f"  {cls}: {len(by_class.get(cls, []))}")


if __name__ == "__main__":
    main()

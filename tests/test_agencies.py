"""Tests of assistant.agencies: golden tests on the real corpus, unit tests on invented snippets.

Expected values worked out by reading the two corpus files:

cv-410-ubnd-hai-phong-2025.md, 'II. Nhiệm vụ cụ thể' (lines 57-115): each item's title is its
addressee, except 11 ('Đề nghị' + four bodies + 'các cơ quan liên quan'). Item 1 names two
collective addressees ('Thủ trưởng các Sở, ban, ngành thành phố', 'Chủ tịch Ủy ban nhân dân các
quận, huyện, thành phố Thủ Đức'). Line 115 ('Ủy ban nhân dân thành phố yêu cầu Thủ trưởng các cơ
quan, đơn vị nghiêm túc ...thực hiện./.') is the closing formula, not part of item 11, so II.11
ends at line 113. 'I. Nhiệm vụ chung' (1, 2, 3: lines 24-26, 28-33, 35-55) names no agency: general.

kh-pctn-dac-khu-cat-hai-2025.md, 'III.2. Tổ chức thực hiện' (lines 131-141):
  2.1 'Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Đặc khu, căn cứ ...' (collective, line 131)
  2.2 'Giao Văn phòng HĐND và UBND đặc khu:' task on line 135
  2.3 'Giao phòng Văn hóa-Xã hội đăng tải ...' (agency inside the sentence, line 137)
  2.4 'Đề nghị Tòa án nhân dân khu vực 4 Hải Phòng; Viện kiểm sát nhân dân khu vực 4 Hải Phòng,
      các cơ quan, đơn vị đóng trên địa bàn nghiêm túc thực hiện Kế hoạch này.' (line 139)
  2.5 'Kiến nghị Đảng ủy đặc khu, HĐND đặc khu, Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu và các tổ
      chức thành viên, ... tham gia thực hiện, kiểm tra, giám sát việc thực hiện Kế hoạch này./.'
General: 'II. Các nhóm nhiệm vụ, giải pháp' items 1-5 (51-59, 61-77, 79-89, 91-101, 103-109) and
the two phases of 'III.1. Lộ trình thực hiện' (117-121, 123-127); not part I (quan điểm, mục
tiêu, yêu cầu), not III.1's introduction ('... theo hai giai đoạn, cụ thể:').
'Sở Y tế' appears in neither file; 'Thanh tra Chính phủ' only as issuer / guidance source.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.agencies import (
    AGENCY_ALIASES,
    ALL_RECIPIENTS,
    AgencyDirectory,
    Assignment,
    agency_key,
    assignment_to_dict,
    extract_assignments,
    general_task_to_dict,
    general_tasks,
    is_whole_name,
)
from assistant.documents import load_corpus, parse_text
from assistant.model import Document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"

EXPECTED = [
    # (agency, doc, section, line_start, line_end, verb)
    ("Thủ trưởng các Sở, ban, ngành thành phố", CV, "II.1", 59, 63, ""),
    ("Chủ tịch Ủy ban nhân dân các quận, huyện, thành phố Thủ Đức", CV, "II.1", 59, 63, ""),
    ("Thanh tra thành phố", CV, "II.2", 65, 69, ""),
    ("Văn phòng Ủy ban nhân dân thành phố", CV, "II.3", 71, 73, ""),
    ("Sở Nội vụ", CV, "II.4", 75, 77, ""),
    ("Sở Tư pháp", CV, "II.5", 79, 83, ""),
    ("Sở Tài chính", CV, "II.6", 85, 87, ""),
    ("Sở Thông tin và Truyền thông", CV, "II.7", 89, 95, ""),
    ("Đài Phát thanh và Truyền hình Hải Phòng", CV, "II.8", 97, 101, ""),
    ("Sở Văn hóa và Thể thao", CV, "II.9", 103, 105, ""),
    ("Sở Giáo dục và Đào tạo", CV, "II.10", 107, 109, ""),
    ("Viện Kiểm sát nhân dân thành phố", CV, "II.11", 111, 113, "Đề nghị"),
    ("Tòa án nhân dân thành phố", CV, "II.11", 111, 113, "Đề nghị"),
    ("Công an thành phố", CV, "II.11", 111, 113, "Đề nghị"),
    ("Cục thi hành án dân sự thành phố", CV, "II.11", 111, 113, "Đề nghị"),
    ("Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Đặc khu", KH, "III.2.1", 131, 131, ""),
    ("Văn phòng HĐND và UBND đặc khu", KH, "III.2.2", 133, 135, "Giao"),
    ("Phòng Văn hóa-Xã hội", KH, "III.2.3", 137, 137, "Giao"),
    ("Tòa án nhân dân khu vực 4 Hải Phòng", KH, "III.2.4", 139, 139, "Đề nghị"),
    ("Viện kiểm sát nhân dân khu vực 4 Hải Phòng", KH, "III.2.4", 139, 139, "Đề nghị"),
    ("Đảng ủy đặc khu", KH, "III.2.5", 141, 141, "Kiến nghị"),
    ("HĐND đặc khu", KH, "III.2.5", 141, 141, "Kiến nghị"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu", KH, "III.2.5", 141, 141, "Kiến nghị"),
]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.doc_id: d for d in load_corpus(CORPUS)}


@pytest.fixture(scope="module")
def assignments(docs: dict[str, Document]) -> list[Assignment]:
    return [a for d in docs.values() for a in extract_assignments(d)]


@pytest.fixture(scope="module")
def directory(docs: dict[str, Document]) -> AgencyDirectory:
    return AgencyDirectory.from_documents(docs.values())


def _one(assignments: list[Assignment], agency: str, section: str) -> Assignment:
    found = [a for a in assignments if a.agency == agency and a.section == section]
    assert len(found) == 1, (agency, section, found)
    return found[0]


def _sections(directory: AgencyDirectory, query: str) -> list[tuple[str, str]]:
    return [(a.doc, a.section) for a in directory.tasks_for(query)]


# --- golden: extraction ---------------------------------------------------------------------------


def test_full_list_of_assignments(assignments: list[Assignment]) -> None:
    got = [(a.agency, a.doc, a.section, a.line_start, a.line_end, a.verb) for a in assignments]
    assert got == EXPECTED


def test_item_11_one_assignment_per_body_same_task(assignments: list[Assignment]) -> None:
    items = [a for a in assignments if a.doc == CV and a.section == "II.11"]
    assert len(items) == 4
    task = (
        "Đẩy mạnh công tác điều tra, truy tố, xét xử các vụ án, vụ việc tham nhũng; nâng cao hiệu quả "
        "công tác thu hồi tài sản tham nhũng bằng biện pháp hành chính và biện pháp tư pháp."
    )
    assert {a.task for a in items} == {task}  # closing formula of line 115 left out
    assert all(a.others == ["các cơ quan liên quan"] for a in items)
    vks = _one(assignments, "Viện Kiểm sát nhân dân thành phố", "II.11")
    assert vks.shared_with == [
        "Tòa án nhân dân thành phố",
        "Công an thành phố",
        "Cục thi hành án dân sự thành phố",
    ]


def test_title_is_agency_body_is_task(assignments: list[Assignment]) -> None:
    a = _one(assignments, "Sở Tài chính", "II.6")
    assert a.task == (
        "Thực hiện thanh tra, kiểm tra việc công khai, minh bạch trong quản lý, sử dụng ngân sách nhà nước "
        "theo quy định pháp luật."
    )
    assert a.title == "Sở Tài chính" and a.shared_with == [] and a.agency_key == "so tai chinh"
    tt = _one(assignments, "Thanh tra thành phố", "II.2")
    assert tt.task.startswith("- Trên cơ sở định hướng xác minh tài sản")
    assert tt.task.endswith(
        "- Tiếp tục tham mưu cho Ủy ban nhân dân thành phố công tác quản lý nhà nước về phòng, chống tham nhũng, tiêu cực."
    )
    ii1 = _one(assignments, "Thủ trưởng các Sở, ban, ngành thành phố", "II.1")
    assert ii1.shared_with == ["Chủ tịch Ủy ban nhân dân các quận, huyện, thành phố Thủ Đức"]
    assert ii1.task.startswith("- Tăng cường công tác thanh tra, kiểm tra, giám sát khi phát hiện")


def test_ke_hoach_constructs(assignments: list[Assignment]) -> None:
    vp = _one(assignments, "Văn phòng HĐND và UBND đặc khu", "III.2.2")
    assert vp.task.startswith("Chủ trì phối hợp các cơ quan, tổ chức liên quan tham mưu giúp")
    assert vp.task.endswith("đề xuất sơ kết, tổng kết việc thực hiện Kế hoạch.")
    assert vp.agency_key == "van phong hoi dong nhan dan va uy ban nhan dan dac khu"
    vhxh = _one(assignments, "Phòng Văn hóa-Xã hội", "III.2.3")
    assert vhxh.task == (
        "Đăng tải kế hoạch này lên Cổng thông tin điện tử đặc khu Cát Hải để người dân, doanh nghiệp "
        "được biết, tham gia thực hiện."
    )
    tand = _one(assignments, "Tòa án nhân dân khu vực 4 Hải Phòng", "III.2.4")
    assert tand.task == "Nghiêm túc thực hiện Kế hoạch này."
    assert tand.shared_with == ["Viện kiểm sát nhân dân khu vực 4 Hải Phòng"]
    assert tand.others == ["các cơ quan, đơn vị đóng trên địa bàn"]
    du = _one(assignments, "Đảng ủy đặc khu", "III.2.5")
    assert du.task == "Tham gia thực hiện, kiểm tra, giám sát việc thực hiện Kế hoạch này."
    assert du.shared_with == ["HĐND đặc khu", "Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"]
    assert du.others == [
        "các tổ chức thành viên, tổ chức xã hội - nghề nghiệp",
        "các cơ quan báo chí",
        "toàn thể Nhân dân",
    ]
    cq = _one(assignments, "Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Đặc khu", "III.2.1")
    assert cq.task.startswith("Căn cứ chức năng, nhiệm vụ, quyền hạn, xây dựng chương trình")
    assert cq.task.endswith("giai đoạn 2023-2026 thành phố Hải Phòng.")


def test_general_tasks_cong_van(docs: dict[str, Document]) -> None:
    got = general_tasks(docs[CV])
    assert [(g.section, g.line_start, g.line_end, g.kind) for g in got] == [
        ("I.1", 24, 26, "nhiệm vụ"),
        ("I.2", 28, 33, "nhiệm vụ"),
        ("I.3", 35, 55, "nhiệm vụ"),
    ]
    assert got[0].text == "Theo Phụ lục số 01."
    assert got[2].text.startswith("- Tăng cường công tác lãnh đạo, chỉ đạo")
    assert got[2].text.endswith("trong giai đoạn điều tra, truy tố, xét xử, thi hành án.")
    assert got[0].applies_to == [
        "Các Sở, ngành, các đơn vị thuộc thành phố",
        "Ủy ban nhân dân các quận, huyện, thành phố Thủy Nguyên",
    ]


def test_general_tasks_ke_hoach(docs: dict[str, Document]) -> None:
    got = general_tasks(docs[KH])
    assert [(g.section, g.line_start, g.line_end, g.kind) for g in got] == [
        ("II.1", 51, 59, "nhiệm vụ"),
        ("II.2", 61, 77, "nhiệm vụ"),
        ("II.3", 79, 89, "nhiệm vụ"),
        ("II.4", 91, 101, "nhiệm vụ"),
        ("II.5", 103, 109, "nhiệm vụ"),
        ("III.1.1", 117, 121, "lộ trình"),
        ("III.1.2", 123, 127, "lộ trình"),
    ]
    assert all(g.applies_to == [ALL_RECIPIENTS] for g in got)
    assert got[0].text.startswith("- Nghiên cứu, đề xuất cơ quan có thẩm quyền sửa đổi")
    assert got[-1].text.endswith("theo hướng dẫn của Thanh tra Chính phủ và Ủy ban nhân dân thành phố.")


def test_to_dict(assignments: list[Assignment], docs: dict[str, Document]) -> None:
    d = assignment_to_dict(_one(assignments, "Sở Giáo dục và Đào tạo", "II.10"))
    assert d["agency"] == "Sở Giáo dục và Đào tạo" and d["section"] == "II.10" and d["doc"] == CV
    assert (d["line_start"], d["line_end"], d["verb"], d["shared_with"]) == (107, 109, "", [])
    assert set(d) == {
        "agency", "agency_key", "doc", "section", "title", "task",
        "line_start", "line_end", "verb", "shared_with", "others", "partners", "role",
    }  # fmt: skip
    assert (d["partners"], d["role"]) == ([], "")
    g = general_task_to_dict(general_tasks(docs[CV])[0])
    assert g["section"] == "I.1" and g["applies_to"][0].startswith("Các Sở, ngành")


# --- golden: resolving names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sở GD&ĐT", [(CV, "II.10")]),
        ("Sở GDĐT", [(CV, "II.10")]),
        ("Sở GD-ĐT", [(CV, "II.10")]),
        ("so giao duc", [(CV, "II.10")]),
        ("so tu phap", [(CV, "II.5")]),
        ("Sở TT&TT", [(CV, "II.7")]),
        ("Sở TTTT", [(CV, "II.7")]),
        ("Sở VH&TT", [(CV, "II.9")]),
        ("thanh tra tp", [(CV, "II.2")]),
        ("thanh tra thanh pho", [(CV, "II.2")]),
        ("CA TP", [(CV, "II.11")]),
        ("Đài phát thanh", [(CV, "II.8")]),
        ("VP UBND", [(CV, "II.3")]),
        ("VKSND thành phố", [(CV, "II.11")]),
        ("VKSND khu vực 4", [(KH, "III.2.4")]),
        ("Viện kiểm sát", [(CV, "II.11"), (KH, "III.2.4")]),
        ("TAND khu vực 4", [(KH, "III.2.4")]),
        ("Tòa án thành phố", [(CV, "II.11")]),
        ("phòng văn hóa xã hội", [(KH, "III.2.3")]),
        ("Văn phòng HĐND và UBND đặc khu", [(KH, "III.2.2")]),
        ("UB MTTQ", [(KH, "III.2.5")]),
        ("Sở Tư pháp thành phố", [(CV, "II.5")]),
        ("Sở Y tế", []),
        ("Thanh tra Chính phủ", []),
        ("Chủ tịch UBND thành phố", []),
    ],
)
def test_tasks_for(directory: AgencyDirectory, query: str, expected: list[tuple[str, str]]) -> None:
    assert _sections(directory, query) == expected


def test_resolve_levels_and_ranking(directory: AgencyDirectory) -> None:
    toa_an = directory.resolve("Tòa án")
    assert [m.agency for m in toa_an] == ["Tòa án nhân dân thành phố", "Tòa án nhân dân khu vực 4 Hải Phòng"]
    assert toa_an[0].score > toa_an[1].score
    assert [m.agency for m in directory.resolve("TAND khu vực 4")] == ["Tòa án nhân dân khu vực 4 Hải Phòng"]
    exact = directory.resolve("Thanh tra thành phố")
    assert [(m.agency, m.how, m.score) for m in exact] == [("Thanh tra thành phố", "exact", 1.0)]
    assert directory.resolve("Sở GD&ĐT")[0].how == "alias"
    # the two offices are different bodies
    assert [m.agency for m in directory.resolve("Văn phòng UBND thành phố")] == [
        "Văn phòng Ủy ban nhân dân thành phố"
    ]
    assert "Văn phòng Ủy ban nhân dân thành phố" not in [
        m.agency for m in directory.resolve("Văn phòng HĐND và UBND đặc khu")
    ]
    assert [m.agency for m in directory.resolve("HĐND")] == ["HĐND đặc khu"]


def test_resolve_accents_case_and_partial(directory: AgencyDirectory) -> None:
    for q in ("SỞ TƯ PHÁP", "sở tư pháp", "so tu phap", "Sở Tư Pháp"):
        assert [m.agency for m in directory.resolve(q)] == ["Sở Tư pháp"], q
    assert [m.agency for m in directory.resolve("Thanh tra")] == ["Thanh tra thành phố"]
    assert [m.agency for m in directory.resolve("Sở Giáo dục")] == ["Sở Giáo dục và Đào tạo"]
    assert [m.agency for m in directory.resolve("Uỷ ban Mặt trận")] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu"
    ]
    assert directory.resolve("") == []


def test_names_and_closest(directory: AgencyDirectory) -> None:
    names = directory.names()
    assert len(names) == 23
    assert "Sở Y tế" not in names and "Thanh tra Chính phủ" not in names
    assert "Sở Giáo dục và Đào tạo" in names and "Phòng Văn hóa-Xã hội" in names
    assert directory.closest("Sở Y tế")[0].startswith("Sở ")
    assert len(directory.closest("Sở Y tế", n=2)) == 2
    assert directory.closest("Thanh tra Chính phủ")[0] == "Thanh tra thành phố"


def test_agency_key_aliases() -> None:
    assert agency_key("Sở GD&ĐT") == agency_key("Sở Giáo dục và Đào tạo") == "so giao duc va dao tao"
    assert agency_key("Phòng VH-XH") == agency_key("phòng Văn hóa-Xã hội") == "phong van hoa xa hoi"
    assert agency_key("TAND khu vực 4") == "toa an nhan dan khu vuc 4"
    assert agency_key("Uỷ ban MTTQ") == "uy ban mat tran to quoc"
    assert agency_key("cả thành phố") == "ca thanh pho"  # 'CA' is Công an only in capitals
    assert agency_key("CA TP") == "cong an thanh pho"
    assert AGENCY_ALIASES["vksnd"] == "vien kiem sat nhan dan"


# --- golden: agencies named in a question ---------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?", ["so giao duc va dao tao"]),
        ("so tu phap co nhiem vu gi", ["so tu phap"]),
        ("Cơ quan nào được đề nghị đẩy mạnh điều tra, truy tố, xét xử?", []),
        ("Các cơ quan, đơn vị phải làm gì?", []),
        ("Công tác thanh tra, kiểm tra được giao cho ai?", []),
        ("Thanh tra thành phố phải làm gì?", ["thanh tra thanh pho"]),
        ("Thanh tra Chính phủ có nhiệm vụ gì?", []),
        ("Sở Y tế có nhiệm vụ gì?", []),
        ("Tòa án có nhiệm vụ gì?", ["toa an nhan dan thanh pho", "toa an nhan dan khu vuc 4 hai phong"]),
        ("Tòa án thành phố được đề nghị gì?", ["toa an nhan dan thanh pho"]),
        ("TAND khu vực 4 được đề nghị gì", ["toa an nhan dan khu vuc 4 hai phong"]),
        ("VKSND TP và Công an TP làm gì", ["vien kiem sat nhan dan thanh pho", "cong an thanh pho"]),
        (
            "Nhiệm vụ của Sở TT&TT và Sở VH&TT",
            ["so thong tin va truyen thong", "so van hoa va the thao"],
        ),
        ("Phòng Văn hóa - Xã hội đăng tải gì?", ["phong van hoa xa hoi"]),
        ("Mặt trận Tổ quốc đặc khu được kiến nghị gì?", ["uy ban mat tran to quoc viet nam dac khu"]),
        ("cả thành phố phải làm gì?", []),
        ("Chủ tịch UBND thành phố có nhiệm vụ gì?", []),
    ],
)
def test_find_agencies_in_text(directory: AgencyDirectory, question: str, expected: list[str]) -> None:
    assert directory.find_agencies_in_text(question) == expected


def test_find_agencies_in_text_is_fast(directory: AgencyDirectory) -> None:
    questions = [
        "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
        "so tu phap co nhiem vu gi",
        "Cơ quan nào được đề nghị đẩy mạnh điều tra, truy tố, xét xử?",
        "Tòa án thành phố và Viện kiểm sát khu vực 4 phải làm gì trong kế hoạch phòng, chống tham nhũng?",
    ]
    rounds = 200
    t0 = time.perf_counter()
    for _ in range(rounds):
        for q in questions:
            directory.find_agencies_in_text(q)
    per_question = (time.perf_counter() - t0) / (rounds * len(questions))
    assert per_question < 0.001


def test_resolve_falls_back_to_a_question(directory: AgencyDirectory) -> None:
    got = directory.resolve("Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?")
    assert [(m.agency, m.how) for m in got] == [("Sở Giáo dục và Đào tạo", "in-text")]


# --- unit: invented snippets ----------------------------------------------------------------------

HEADER = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Số: 12/UBND-VX

V/v tăng cường công tác phòng, chống tham nhũng

Kính gửi: Các sở, ngành thuộc tỉnh

"""
FOOTER = """
Nơi nhận:
- Như trên;

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""


def _doc(body: str) -> Document:
    return parse_text("snippet", HEADER + body + FOOTER)


def _rows(doc: Document) -> list[tuple[str, str, str, str]]:
    return [(a.section, a.agency, a.verb, a.task) for a in extract_assignments(doc)]


def test_unit_title_is_agency() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Sở Kế hoạch và Đầu tư\n\nBố trí vốn đúng quy định.\n\n2. Ban Quản lý dự án\n\nRà soát hồ sơ.\n"
    )
    assert _rows(doc) == [
        ("I.1", "Sở Kế hoạch và Đầu tư", "", "Bố trí vốn đúng quy định."),
        ("I.2", "Ban Quản lý dự án", "", "Rà soát hồ sơ."),
    ]


def test_unit_giao_with_colon_and_body() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Giao Văn phòng UBND tỉnh:\n\n- Theo dõi, đôn đốc.\n\n- Báo cáo kết quả.\n"
    )
    assert _rows(doc) == [("I.1", "Văn phòng UBND tỉnh", "Giao", "- Theo dõi, đôn đốc.\n- Báo cáo kết quả.")]


def test_unit_giao_agency_inside_sentence() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Giao phòng Tư pháp chủ trì tuyên truyền Luật Phòng, chống tham nhũng.\n"
    )
    assert _rows(doc) == [
        ("I.1", "Phòng Tư pháp", "Giao", "Chủ trì tuyên truyền Luật Phòng, chống tham nhũng.")
    ]


def test_unit_de_nghi_comma_list_and_generic_group() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Đề nghị Công an tỉnh, Tòa án nhân dân tỉnh và các cơ quan liên quan\n\n"
        "Phối hợp xử lý vụ việc.\n"
    )
    got = extract_assignments(doc)
    assert [(a.agency, a.verb, a.task, a.shared_with, a.others) for a in got] == [
        (
            "Công an tỉnh",
            "Đề nghị",
            "Phối hợp xử lý vụ việc.",
            ["Tòa án nhân dân tỉnh"],
            ["các cơ quan liên quan"],
        ),
        (
            "Tòa án nhân dân tỉnh",
            "Đề nghị",
            "Phối hợp xử lý vụ việc.",
            ["Công an tỉnh"],
            ["các cơ quan liên quan"],
        ),
    ]


def test_unit_semicolon_list_with_task_in_sentence() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Kiến nghị Hội Nông dân tỉnh; Liên đoàn Lao động tỉnh; Sở Y tế và Sở Xây dựng "
        "tham gia giám sát việc thực hiện./.\n"
    )
    got = extract_assignments(doc)
    assert [a.agency for a in got] == [
        "Hội Nông dân tỉnh",
        "Liên đoàn Lao động tỉnh",
        "Sở Y tế",
        "Sở Xây dựng",
    ]
    assert {a.task for a in got} == {"Tham gia giám sát việc thực hiện."}
    assert {a.verb for a in got} == {"Kiến nghị"}


def test_unit_subject_first_sentence_and_joint_office() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính rà soát biên chế.\n\n"
        "2. Giao Văn phòng HĐND và UBND huyện tổng hợp báo cáo.\n"
    )
    assert _rows(doc) == [
        ("I.1", "Sở Nội vụ", "", "Chủ trì, phối hợp với Sở Tài chính rà soát biên chế."),
        ("I.2", "Văn phòng HĐND và UBND huyện", "Giao", "Tổng hợp báo cáo."),
    ]


def test_unit_assignments_in_paragraphs_and_general_rest() -> None:
    doc = _doc(
        "I. Nhiệm vụ chung\n\n1. Tăng cường kiểm tra nội bộ.\n\n"
        "II. Tổ chức thực hiện\n\n- Giao Sở Tài chính bảo đảm kinh phí.\n- Các đơn vị nghiêm túc thực hiện.\n"
    )
    got = extract_assignments(doc)
    # HEADER is 8 lines: 'I.' is line 9, '1.' line 11, 'II.' line 13, the two paragraphs 15 and 16
    assert [(a.section, a.agency, a.task, a.line_start, a.line_end) for a in got] == [
        ("II", "Sở Tài chính", "Bảo đảm kinh phí.", 15, 15)
    ]
    gen = general_tasks(doc)
    assert [(g.section, g.text, g.line_start, g.line_end) for g in gen] == [
        ("I.1", "Tăng cường kiểm tra nội bộ.", 11, 11),
        ("II", "- Các đơn vị nghiêm túc thực hiện.", 16, 16),
    ]
    assert gen[0].applies_to == ["Các sở, ngành thuộc tỉnh"]


def test_unit_not_agencies() -> None:
    # 'Ban hành', 'Phòng, chống', 'Báo cáo', 'Hội nghị', 'Các nội dung' begin no agency's name
    doc = _doc(
        "I. Nhiệm vụ chung\n\n1. Ban hành kế hoạch phòng, chống tham nhũng.\n\n2. Phòng, chống tham nhũng trong doanh nghiệp.\n\n"
        "3. Báo cáo kết quả định kỳ.\n\n4. Hội nghị sơ kết được tổ chức hằng năm.\n\n5. Các nội dung khác theo quy định.\n"
    )
    assert extract_assignments(doc) == []
    assert [g.section for g in general_tasks(doc)] == ["I.1", "I.2", "I.3", "I.4", "I.5"]


def test_unit_law_duties() -> None:
    law = parse_text(
        "luat",
        "QUỐC HỘI\n\nLUẬT THỬ\n\nChương I\nQUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\n\nLuật này quy định abc.\n\n"
        "Điều 2. Trách nhiệm của Bộ Công an\n\n1. Chủ trì phòng ngừa.\n2. Phối hợp với Bộ Quốc phòng.\n\n"
        "Điều 3. Trách nhiệm thi hành\n\n1. Thanh tra Chính phủ có trách nhiệm giúp Chính phủ quản lý nhà nước.\n",
    )
    assert [(a.section, a.agency, a.task) for a in extract_assignments(law)] == [
        ("Điều 2", "Bộ Công an", "1. Chủ trì phòng ngừa.\n2. Phối hợp với Bộ Quốc phòng."),
        ("Điều 3.1", "Thanh tra Chính phủ", "Giúp Chính phủ quản lý nhà nước."),
    ]
    assert general_tasks(law) == []


def test_unit_directory_from_snippet_levels() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Thanh tra tỉnh\n\nThanh tra trách nhiệm.\n\n"
        "2. Đề nghị Tòa án nhân dân tỉnh; Tòa án nhân dân khu vực 2 xét xử nghiêm.\n"
    )
    d = AgencyDirectory(extract_assignments(doc))
    assert [m.agency for m in d.resolve("Tòa án")] == ["Tòa án nhân dân tỉnh", "Tòa án nhân dân khu vực 2"]
    assert [m.agency for m in d.resolve("TAND tỉnh")] == ["Tòa án nhân dân tỉnh"]
    assert [m.agency for m in d.resolve("TAND khu vực 2")] == ["Tòa án nhân dân khu vực 2"]
    assert d.resolve("Thanh tra huyện") == []
    assert d.resolve("Thanh tra Chính phủ") == []
    assert d.find_agencies_in_text("Thanh tra tỉnh làm gì?") == ["thanh tra tinh"]


def test_unit_collective_first_is_an_addressee_trailing_group_is_not() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Các sở, ban, ngành, UBND các huyện căn cứ chức năng, nhiệm vụ triển khai thực hiện.\n\n"
        "2. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức thành viên tham gia giám sát.\n"
    )
    got = extract_assignments(doc)
    assert [(a.section, a.agency, a.others) for a in got] == [
        ("I.1", "Các sở, ban, ngành", []),
        ("I.1", "UBND các huyện", []),
        ("I.2", "Ủy ban MTTQ tỉnh", ["các tổ chức thành viên"]),
    ]
    assert got[0].task == "Căn cứ chức năng, nhiệm vụ triển khai thực hiện."
    assert got[2].task == "Tham gia giám sát."


# --- unit: points, partners and roles (issue 11) ----------------------------------------------------


def test_unit_points_assign_and_a_partner_is_no_assignee() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Nhiệm vụ cụ thể:\n\n"
        "a) Các sở, ngành căn cứ chức năng, nhiệm vụ triển khai thực hiện.\n\n"
        "b) Giao Thanh tra thành phố tổng hợp, báo cáo kết quả thực hiện.\n\n"
        "đ) Công an tỉnh chủ trì, phối hợp với Sở Nội vụ điều tra, xử lý các vụ việc tham nhũng.\n"
    )
    got = extract_assignments(doc)
    assert [(a.section, a.agency, a.verb, a.role, a.partners) for a in got] == [
        ("I.1.a", "Các sở, ngành", "", "", []),
        ("I.1.b", "Thanh tra thành phố", "Giao", "", []),
        ("I.1.đ", "Công an tỉnh", "", "chủ trì", ["Sở Nội vụ"]),
    ]
    assert got[1].task == "Tổng hợp, báo cáo kết quả thực hiện."
    assert got[2].task.startswith("Chủ trì, phối hợp với Sở Nội vụ điều tra")
    d = AgencyDirectory(got)
    assert d.resolve("Sở Nội vụ") == []  # named only as a partner: never an assignee
    assert [(name, a.agency, a.section) for name, a in d.partner_roles("Sở Nội vụ")] == [
        ("Sở Nội vụ", "Công an tỉnh", "I.1.đ")
    ]
    assert d.partner_roles("Thanh tra thành phố") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Sở Y tế chủ trì, Sở Tài chính và Bảo hiểm xã hội tỉnh phối hợp triển khai thực hiện.",
        "1. Giao Sở Y tế chủ trì; Sở Tài chính, Bảo hiểm xã hội tỉnh phối hợp thực hiện.",
        "1. Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính, Bảo hiểm xã hội tỉnh triển khai thực hiện.",
    ],
)
def test_unit_lead_and_partners_in_one_sentence(sentence: str) -> None:
    got = extract_assignments(_doc(f"I. Tổ chức thực hiện\n\n{sentence}\n"))
    assert [(a.agency, a.role, a.partners) for a in got] == [
        ("Sở Y tế", "chủ trì", ["Sở Tài chính", "Bảo hiểm xã hội tỉnh"])
    ]


def test_unit_role_lines_of_a_plan_item() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Rà soát, đơn giản hóa thủ tục hành chính\n\n"
        "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.\n\n"
        "- Cơ quan phối hợp: Sở Nội vụ, Sở Tài chính, Ủy ban nhân dân các xã, phường.\n\n"
        "- Thời gian hoàn thành: Quý IV năm 2025.\n"
    )
    got = extract_assignments(doc)
    assert [(a.section, a.agency, a.role, a.partners) for a in got] == [
        (
            "I.1",
            "Sở Nông nghiệp và Môi trường",
            "chủ trì",
            ["Sở Nội vụ", "Sở Tài chính", "Ủy ban nhân dân các xã, phường"],
        )
    ]
    assert got[0].task.startswith("Rà soát, đơn giản hóa thủ tục hành chính")
    assert "Quý IV năm 2025" in got[0].task


def test_unit_heading_names_the_body_its_first_duty_the_partner() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Sở Tài chính\n\n- Chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí.\n\n"
        "- Hướng dẫn các đơn vị phối hợp với Kho bạc Nhà nước thanh quyết toán.\n"
    )
    got = extract_assignments(doc)
    # 'phối hợp với Kho bạc' is what the units are told to do, not a partner of Sở Tài chính
    assert [(a.agency, a.role, a.partners) for a in got] == [("Sở Tài chính", "chủ trì", ["Sở Nội vụ"])]


def test_unit_duty_after_a_topic_colon() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Về kinh phí thực hiện: Sở Tài chính chủ trì, phối hợp với Kho bạc Nhà nước "
        "khu vực XII tham mưu bố trí kinh phí.\n\n2. Về đối tượng áp dụng: Vụ trưởng và tương đương.\n"
    )
    got = extract_assignments(doc)
    assert [(a.section, a.agency, a.partners) for a in got] == [
        ("I.1", "Sở Tài chính", ["Kho bạc Nhà nước khu vực XII"])
    ]


def test_unit_new_bodies_are_found_from_the_document_by_level() -> None:
    """No list of names: a body is read from how Vietnamese bodies are named, and told apart by level."""
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Bộ Chỉ huy Quân sự tỉnh chủ trì tổ chức diễn tập khu vực phòng thủ.\n\n"
        "2. Ban Chỉ huy Quân sự xã tham mưu Ủy ban nhân dân xã xây dựng lực lượng dân quân.\n\n"
        "3. Sở Nông nghiệp và Môi trường hướng dẫn bảo vệ rừng.\n"
    )
    d = AgencyDirectory(extract_assignments(doc))
    assert d.names() == ["Ban Chỉ huy Quân sự xã", "Bộ Chỉ huy Quân sự tỉnh", "Sở Nông nghiệp và Môi trường"]
    assert [m.agency for m in d.resolve("Sở NN&MT")] == ["Sở Nông nghiệp và Môi trường"]
    assert [m.agency for m in d.resolve("so nong nghiep va moi truong")] == ["Sở Nông nghiệp và Môi trường"]
    assert [m.agency for m in d.resolve("Bộ Chỉ huy QS tỉnh")] == ["Bộ Chỉ huy Quân sự tỉnh"]
    assert [m.agency for m in d.resolve("chỉ huy quân sự xã")] == ["Ban Chỉ huy Quân sự xã"]
    assert d.find_agencies_in_text("Bộ Chỉ huy Quân sự tỉnh có nhiệm vụ gì?") == ["bo chi huy quan su tinh"]


def test_unit_a_kind_of_body_with_its_duty_in_a_law() -> None:
    law = parse_text(
        "tt",
        "BỘ XÂY DỰNG\n\nTHÔNG TƯ THỬ\n\nĐiều 1. Phạm vi điều chỉnh\n\nThông tư này quy định abc.\n\n"
        "Điều 2. Trách nhiệm thi hành\n\n1. Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm niêm yết giá.\n\n"
        "2. Tổ chức tập huấn cho cán bộ có trách nhiệm quản lý giá.\n",
    )
    assert [(a.section, a.agency, a.task) for a in extract_assignments(law)] == [
        ("Điều 2.1", "Đơn vị cung cấp dịch vụ đăng kiểm", "Niêm yết giá.")
    ]


def test_unit_a_slogan_in_capitals_is_no_agency() -> None:
    doc = _doc(
        "I. Khẩu hiệu\n\n1. ĐOÀN KẾT, ĐOÀN KẾT, ĐẠI ĐOÀN KẾT.\n\n"
        "2. CHỦ TỊCH HỒ CHÍ MINH VĨ ĐẠI SỐNG MÃI TRONG SỰ NGHIỆP CỦA CHÚNG TA.\n\n"
        "II. Tổ chức thực hiện\n\n1. SỞ VĂN HÓA VÀ THỂ THAO\n\nTổ chức treo khẩu hiệu.\n"
    )
    assert [(a.section, a.agency) for a in extract_assignments(doc)] == [("II.1", "SỞ VĂN HÓA VÀ THỂ THAO")]


@pytest.mark.parametrize(
    ("name", "whole"),
    [
        ("Sở Tài chính", True),
        ("Sở GD&ĐT", True),
        ("Cục Thuế", True),
        ("Văn phòng Chính phủ", True),
        ("Bộ Chỉ huy Quân sự tỉnh", True),
        ("Các Sở, ban, ngành", True),
        ("Các Sở, ngành", True),
        ("Các Bộ", True),
        ("Chính phủ", True),
        ("Giám đốc", False),
        ("Sở Công", False),
        ("Sở Tài", False),
        ("Sở Giáo", False),
        ("Ủy ban", False),
        ("Văn phòng Ủy ban", False),
        ("Văn phòng", False),
        ("Ủy ban nhân dân tỉnh và", False),
        ("UBND tỉnh (Sở Nội vụ", False),
    ],
)
def test_is_whole_name(name: str, whole: bool) -> None:
    assert is_whole_name(name) is whole


def test_suggestions_leave_out_cut_names() -> None:
    def made(agency: str) -> Assignment:
        return Assignment(agency, agency_key(agency), "d", "I.1", "", "x", 1, 1)

    d = AgencyDirectory([made("Sở Tài"), made("Sở Tài chính"), made("Ủy ban"), made("Sở Tư pháp")])
    assert d.closest("Sở Tài nguyên và Môi trường", 5) == ["Sở Tài chính"]  # not 'Sở Tài'
    assert d.closest("Ủy ban nhân dân", 5) == []
    assert d.names(whole_only=True) == ["Sở Tài chính", "Sở Tư pháp"]
    assert len(d.names()) == 4


def test_unit_heading_wrapped_onto_the_body_keeps_every_name_whole() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Đài Phát thanh và Truyền hình tỉnh,\nBáo An Bình, Thông tấn xã Việt Nam "
        "tuyên truyền kết quả thực hiện.\n\n2. Sở Nội vụ\nTiếp tục rà soát biên chế.\n\n"
        "3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Tài chính;\nThủ trưởng các sở, ngành chịu "
        "trách nhiệm thi hành Kế hoạch này.\n"
    )
    assert [(a.section, a.agency, a.task) for a in extract_assignments(doc)] == [
        ("I.1", "Đài Phát thanh và Truyền hình tỉnh", "Tuyên truyền kết quả thực hiện."),
        ("I.1", "Báo An Bình", "Tuyên truyền kết quả thực hiện."),
        ("I.1", "Thông tấn xã Việt Nam", "Tuyên truyền kết quả thực hiện."),
        ("I.2", "Sở Nội vụ", "Tiếp tục rà soát biên chế."),
        ("I.3", "Chánh Văn phòng Ủy ban nhân dân tỉnh", "Thi hành Kế hoạch này."),
        ("I.3", "Giám đốc Sở Tài chính", "Thi hành Kế hoạch này."),
        ("I.3", "Thủ trưởng các sở, ngành", "Thi hành Kế hoạch này."),
    ]


def test_unit_nouns_that_begin_like_verbs_stay_in_the_name() -> None:
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Các trường hợp được miễn kiểm tra thực hiện theo quy định.\n\n"
        "2. Văn phòng Đăng ký đất đai tỉnh cập nhật hồ sơ địa chính.\n\n"
        "3. Trung tâm Phục vụ hành chính công\nTỉnh chủ trì tiếp nhận hồ sơ.\n\n"
        "4. Giao Sở Xây dựng chủ trì, phối hợp với Phòng Cảnh sát giao thông Công an tỉnh tổ chức kiểm tra.\n"
    )
    got = extract_assignments(doc)
    assert [(a.section, a.agency, a.partners) for a in got] == [
        ("I.2", "Văn phòng Đăng ký đất đai tỉnh", []),
        ("I.3", "Trung tâm Phục vụ hành chính công Tỉnh", []),
        ("I.4", "Sở Xây dựng", ["Phòng Cảnh sát giao thông Công an tỉnh"]),
    ]


def test_unit_a_level_of_government_however_it_is_listed() -> None:
    """Since 2025: tỉnh/thành phố and xã/phường/đặc khu. A query for one level finds the bodies of
    that level whether a document lists the level ('xã, phường, đặc khu') or says 'cấp xã'."""
    doc = _doc(
        "I. Tổ chức thực hiện\n\n1. Ủy ban nhân dân các xã, phường, đặc khu tổ chức thực hiện.\n\n"
        "2. UBND cấp xã báo cáo kết quả.\n\n3. Ủy ban nhân dân xã, phường rà soát hồ sơ.\n\n"
        "4. Ủy ban nhân dân tỉnh chỉ đạo chung.\n"
    )
    d = AgencyDirectory(extract_assignments(doc))
    assert [m.agency for m in d.resolve("UBND đặc khu")] == ["Ủy ban nhân dân các xã, phường, đặc khu"]
    assert [m.agency for m in d.resolve("UBND cấp xã")] == [
        "UBND cấp xã",
        "Ủy ban nhân dân các xã, phường, đặc khu",
        "Ủy ban nhân dân xã, phường",
    ]
    assert [m.agency for m in d.resolve("UBND tỉnh")] == ["Ủy ban nhân dân tỉnh"]
    assert "Ủy ban nhân dân tỉnh" not in [m.agency for m in d.resolve("UBND cấp xã")]


def test_unit_a_long_role_line_is_read_whole() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Tổ chức tập huấn nghiệp vụ\n\n- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo.\n\n"
        "- Cơ quan phối hợp: Bảo hiểm xã\nhội tỉnh, Chi nhánh Ngân hàng Chính sách xã hội tỉnh, Trung tâm Dịch vụ "
        "việc làm tỉnh (Sở Nội vụ), Ủy ban nhân dân xã, phường, đặc khu và các cơ quan, đơn vị có liên quan.\n"
    )
    got = extract_assignments(doc)
    assert [a.agency for a in got] == ["Sở Nội vụ", "Sở Giáo dục và Đào tạo"]
    assert got[0].partners == [
        "Bảo hiểm xã hội tỉnh",
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh",
        "Trung tâm Dịch vụ việc làm tỉnh",
        "Ủy ban nhân dân xã, phường, đặc khu",
        "các cơ quan, đơn vị có liên quan",
    ]


def test_unit_role_lines_task_by_task_a_lead_here_a_partner_there() -> None:
    doc = _doc(
        "I. Nhiệm vụ cụ thể\n\n1. Đẩy mạnh chuyển đổi số trong xây dựng pháp luật\n\n"
        "- Ra mắt trợ lý pháp luật trên Cổng thông tin của tỉnh.\n\n"
        "Đơn vị chủ trì tham mưu thực hiện: Sở Khoa học và Công nghệ.\n\n"
        "Đơn vị phối hợp thực hiện: Sở Tư pháp.\n\nThời gian thực hiện: Tháng 12/2025.\n\n"
        "- Cập nhật Cơ sở dữ liệu quốc gia về pháp luật.\n\nĐơn vị chủ trì thực hiện: Sở Tư pháp.\n\n"
        "Đơn vị phối hợp thực hiện: Các cơ quan, đơn vị liên quan.\n"
    )
    got = extract_assignments(doc)
    assert [(a.agency, a.role, a.partners, a.task.splitlines()[0]) for a in got] == [
        (
            "Sở Khoa học và Công nghệ",
            "chủ trì",
            ["Sở Tư pháp"],
            "Ra mắt trợ lý pháp luật trên Cổng thông tin của tỉnh.",
        ),
        (
            "Sở Tư pháp",
            "chủ trì",
            ["Các cơ quan, đơn vị liên quan"],
            "Cập nhật Cơ sở dữ liệu quốc gia về pháp luật.",
        ),
    ]
    assert "Tháng 12/2025" in got[0].task and got[0].line_end < got[1].line_start


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("BCHQS tỉnh", "bo chi huy quan su tinh"),
        ("Đài THVN", "dai truyen hinh viet nam"),
        ("TTXVN", "thong tan xa viet nam"),
        ("Sở TC", "so tai chinh"),  # two letters after 'Sở'
        ("Sở CT", "so cong thuong"),  # not 'Sở chủ tịch'
    ],
)
def test_shortened_names_of_commands_broadcasters_and_departments(typed: str, key: str) -> None:
    from assistant.agencies import agency_key

    assert agency_key(typed) == key

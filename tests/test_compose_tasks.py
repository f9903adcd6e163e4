"""The tasks composer on an invented plan: partners are shown as partners, never as assignees, and a
not-found answer suggests only whole names (issue 11). Deterministic: no index, no model."""

from __future__ import annotations

import pytest

from assistant.agencies import AgencyDirectory, Assignment, agency_key
from assistant.chat import ChatService
from assistant.compose.tasks import answer_agency_tasks, answer_unknown_agency
from assistant.corpus import Corpus
from assistant.documents import parse_text
from assistant.text import fold

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Số: 12/KH-UBND

KẾ HOẠCH

Phòng, chống tham nhũng năm 2026

I. Tổ chức thực hiện

1. Nhiệm vụ cụ thể:

a) Các sở, ngành căn cứ chức năng, nhiệm vụ triển khai thực hiện.

b) Giao Thanh tra tỉnh tổng hợp, báo cáo kết quả thực hiện.

đ) Công an tỉnh chủ trì, phối hợp với Sở Nội vụ điều tra, xử lý các vụ việc tham nhũng.

2. Sở Tư pháp chủ trì, phối hợp với Thanh tra tỉnh tuyên truyền pháp luật về phòng, chống tham nhũng.

Nơi nhận:
- Như trên;

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.from_documents([parse_text("kh-12-an-binh", PLAN)])


def test_partner_is_shown_as_partner_not_assignee(corpus: Corpus) -> None:
    a = answer_agency_tasks(corpus, "Công an tỉnh có nhiệm vụ gì?", [agency_key("Công an tỉnh")])
    assert a is not None and a.kind == "tasks"
    assert "mục I.1.đ** (chủ trì; phối hợp với Sở Nội vụ)" in a.answer, a.answer
    assert [d["agency"] for d in a.data["assignments"]] == ["Công an tỉnh"]
    assert a.data["assignments"][0]["partners"] == ["Sở Nội vụ"]
    # the point has no section of its own in the parse: cited under its label, on its own line
    assert [(c.section, c.line_start) for c in a.citations] == [("I.1.đ", 17)]
    assert "Công an tỉnh chủ trì" in a.citations[0].quote


def test_an_assignee_that_is_also_a_partner_elsewhere(corpus: Corpus) -> None:
    a = answer_agency_tasks(corpus, "Thanh tra tỉnh có nhiệm vụ gì?", [agency_key("Thanh tra tỉnh")])
    assert a is not None
    lead, _, partner_part = a.answer.partition("Ngoài ra")
    assert "mục I.1.b" in lead and "Sở Tư pháp" not in lead
    assert "cơ quan phối hợp" in partner_part and "mục I.2: Sở Tư pháp (chủ trì)" in partner_part
    assert a.data["partner_in"] == [
        {"partner": "Thanh tra tỉnh", "agency": "Sở Tư pháp", "doc": "kh-12-an-binh", "section": "I.2"}
    ]


def test_a_partner_only_body_is_answered_as_a_partner(corpus: Corpus) -> None:
    assert corpus.agencies is not None and corpus.agencies.resolve("Sở Nội vụ") == []
    a = answer_unknown_agency(corpus, "Sở Nội vụ")
    assert a.kind == "tasks" and a.data["assignments"] == []
    assert "không được giao nhiệm vụ nào" in a.answer and "mục I.1.đ: Công an tỉnh (chủ trì)" in a.answer
    assert [c.section for c in a.citations] == ["I.1.đ"]


def test_the_chat_answers_a_partner_question(corpus: Corpus) -> None:
    a = ChatService(corpus, None).ask("Sở Nội vụ có nhiệm vụ gì?")
    assert a.kind == "tasks" and "phối hợp" in a.answer, a.answer
    assert not any(d["agency"] == "Sở Nội vụ" for d in a.data.get("assignments", []))


def test_not_found_suggests_only_whole_names() -> None:
    def made(agency: str) -> Assignment:
        return Assignment(agency, agency_key(agency), "kh-12-an-binh", "I.2", "", "x", 1, 1)

    doc = parse_text("kh-12-an-binh", PLAN)
    base = Corpus.from_documents([doc])
    cut = ["Sở Tài", "Ủy ban", "Sở Giáo"]
    directory = AgencyDirectory(base.assignments + [made(n) for n in [*cut, "Sở Tài chính"]])
    corpus = Corpus(docs=base.docs, agencies=directory, assignments=base.assignments)
    a = answer_unknown_agency(corpus, "Sở Tài nguyên và Môi trường")
    assert a.kind == "not_found"
    assert a.data["closest"] and not set(a.data["closest"]) & set(cut), a.data["closest"]
    assert "Sở Tài chính" in a.data["known_agencies"]
    assert not set(a.data["known_agencies"]) & set(cut)
    listed = [line[2:] for line in a.answer.splitlines() if line.startswith("- ")]
    assert listed and not {fold(x) for x in listed} & {fold(x) for x in cut}, listed


DISPATCH = """THỦ TƯỚNG CHÍNH PHỦ
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 301/CĐ-TTg

Hà Nội, ngày 10 tháng 10 năm 2026

CÔNG ĐIỆN

V/v ứng phó bão số 9

THỦ TƯỚNG CHÍNH PHỦ điện:

- Các Bộ: Quốc phòng, Công an, Y tế.

Để chủ động ứng phó với bão, Thủ tướng Chính phủ yêu cầu:

1. Các Bộ: Quốc phòng, Công an chủ động bố trí lực lượng, phương tiện sẵn sàng hỗ trợ sơ tán dân cư.

2. Các Bộ: Giáo dục và Đào tạo, Văn hóa, Thể thao và Du lịch theo chức năng hướng dẫn các đơn vị trực thuộc.

3. Bộ Y tế bảo đảm thuốc men, cứu chữa người bị thương.

Nơi nhận:
- Như trên;

THỦ TƯỚNG

Phạm Văn B
"""


@pytest.fixture(scope="module")
def two() -> Corpus:
    return Corpus.from_documents([parse_text("kh-12-an-binh", PLAN), parse_text("cd-301", DISPATCH)])


def test_a_plural_head_before_a_colon_is_given_to_each_name_listed(two: Corpus) -> None:
    # 'Các Bộ: Quốc phòng, Công an chủ động ...' assigns the task to Bộ Quốc phòng and Bộ Công an
    got = {(a.section, a.agency) for a in two.assignments if a.doc == "cd-301"}
    assert {("1", "Bộ Quốc phòng"), ("1", "Bộ Công an"), ("3", "Bộ Y tế")} <= got
    # a name holding a comma of its own stays whole
    assert {("2", "Bộ Giáo dục và Đào tạo"), ("2", "Bộ Văn hóa, Thể thao và Du lịch")} <= got


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("CĐ 301 giao Sở Tư pháp việc gì?", True),  # a kind shortened before its number
        ("Theo QĐ 26/2025, Sở Xây dựng làm gì?", True),
        ("Công điện 301 giao việc gì?", True),
        ("Sở Tư pháp ở Hải Phòng làm gì?", False),  # a place alone names no document
        ("Sở Tài chính báo cáo gì?", False),  # 'báo cáo' here is the verb
    ],
)
def test_a_question_names_a_document_by_its_kind_or_number(question: str, names: bool) -> None:
    from assistant.corpus import names_a_document

    assert names_a_document(question) is names


def test_an_agency_the_named_document_never_mentions_is_not_found_there(two: Corpus) -> None:
    a = ChatService(two, None).ask("CĐ 301 giao Sở Tư pháp việc gì?")
    assert a.kind == "not_found"
    assert "Công điện số 301/CĐ-TTg không giao nhiệm vụ nào cho **Sở Tư pháp**" in a.answer
    assert "Kế hoạch số 12/KH-UBND" in a.answer  # where it does have tasks
    assert "Bộ Quốc phòng" in a.data["agencies_in_document"]


def test_an_unknown_agency_after_giao_is_not_found() -> None:
    corpus = Corpus.from_documents([parse_text("kh-12-an-binh", PLAN)])
    a = ChatService(corpus, None).ask("Kế hoạch 12 giao Sở Y tế nhiệm vụ gì?")
    # read as a task question about an agency the corpus lacks, not as a passage search
    assert a.kind == "not_found" and "Không tìm thấy nhiệm vụ nào giao cho **Sở Y tế**" in a.answer


TABLE_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH

Số: 30/KH-UBND

KẾ HOẠCH

Chuyển đổi số năm 2026

I. Mục tiêu

Hoàn thành các chỉ tiêu tại Phụ lục kèm theo.

PHỤ LỤC

NHIỆM VỤ CỤ THỂ

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
| --- | --- | --- | --- | --- |
| I | Hạ tầng số | | | |
| 1 | Phủ sóng 5G toàn tỉnh | Sở Khoa học và Công nghệ thúc đẩy | Sở Tài chính | Tháng 12/2026 |
| 2 | Khám chữa bệnh từ xa | Sở Y tế; - Bảo hiểm xã hội tỉnh | Sở Khoa học và Công nghệ | Quý III/2026 |
"""


def test_a_table_of_tasks_gives_each_row_to_the_bodies_of_its_lead_column() -> None:
    corpus = Corpus.from_documents([parse_text("kh-30", TABLE_PLAN)])
    rows = {(a.agency, a.task, a.role) for a in corpus.assignments}
    assert ("Sở Khoa học và Công nghệ", "Phủ sóng 5G toàn tỉnh (thời gian: Tháng 12/2026)", "chủ trì") in rows
    assert {a.agency for a in corpus.assignments if a.task.startswith("Khám chữa bệnh")} == {
        "Sở Y tế",
        "Bảo hiểm xã hội tỉnh",
    }
    (five_g,) = [a for a in corpus.assignments if a.task.startswith("Phủ sóng")]
    from assistant.answers import section_for_line

    doc = corpus.docs["kh-30"]
    assert five_g.partners == ["Sở Tài chính"]
    assert five_g.section == section_for_line(doc, five_g.line_start).label  # the part holding the table
    a = ChatService(corpus, None).ask("Sở Y tế chủ trì nhiệm vụ gì?")
    assert a.kind == "tasks" and "Khám chữa bệnh từ xa" in a.answer
    assert a.citations[0].quote  # the row, quoted from the file


BAC_NINH = PLAN.replace("AN BÌNH", "BẮC NINH")
NGHE_AN = (
    PLAN.replace("AN BÌNH", "NGHỆ AN")
    .replace("Số: 12/KH-UBND", "Số: 15/KH-UBND")
    .replace("tuyên truyền pháp luật về phòng, chống tham nhũng", "rà soát văn bản quy phạm pháp luật")
)


@pytest.mark.parametrize(
    ("question", "task"),
    [
        ("Sở TP tỉnh Bắc Ninh chủ trì việc gì?", "tuyên truyền pháp luật"),  # 'TP' after 'Sở': Tư pháp
        ("So TP Nghe An chu tri viec gi?", "rà soát văn bản"),  # each province's own Sở Tư pháp
    ],
)
def test_a_department_by_its_letters_and_its_province(question: str, task: str) -> None:
    corpus = Corpus.from_documents([parse_text("kh-12", BAC_NINH), parse_text("kh-15", NGHE_AN)])
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "tasks" and task in a.answer
    assert len({c.doc for c in a.citations}) == 1


DUE = (
    DISPATCH.replace(
        "sẵn sàng hỗ trợ sơ tán dân cư.", "sẵn sàng hỗ trợ sơ tán dân cư, báo cáo trước ngày 15/10/2026."
    )
    .replace(
        "cứu chữa người bị thương.", "cứu chữa người bị thương, hoàn thành trước *ngày 12 tháng 10 năm 2026*."
    )
    .replace(
        "hướng dẫn các đơn vị trực thuộc.",
        "hướng dẫn các đơn vị trực thuộc, chậm nhất ngày 15 tháng 10 năm 2026.",
    )
)


@pytest.mark.parametrize(
    ("question", "day", "items"),
    [
        ("Trong Công điện 301, việc nào có hạn sớm nhất?", "12/10/2026", ["3"]),
        ("cong dien 301: nhiem vu nao co thoi han muon nhat", "15/10/2026", ["1", "2"]),  # the tie, whole
        ("Những nhiệm vụ nào trong CĐ 301 cùng có hạn ngày 15/10/2026?", "15/10/2026", ["1", "2"]),
    ],
)
def test_deadlines_a_document_sets_compared(question: str, day: str, items: list[str]) -> None:
    corpus = Corpus.from_documents([parse_text("cd-301", DUE), parse_text("kh-12-an-binh", PLAN)])
    a = ChatService(corpus, None).ask(question)
    assert a.kind == "document" and f"**{day}**" in a.answer
    assert sorted(c.section for c in a.citations) == items
    assert all(c.doc == "cd-301" for c in a.citations)

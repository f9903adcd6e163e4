"""Bring your own documents: real .docx and .pdf files built here, ingested into a copy of the corpus
and a real Chroma index (text-dependent fake embedder), then asked about; bad files change nothing.
"""

from __future__ import annotations

import io
import zipfile
from contextlib import nullcontext
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.chat import ChatService
from assistant.config import PROJECT_ROOT, Settings
from assistant.corpus import Corpus
from assistant.documents import load_corpus
from assistant.errors import AssistantError, EmptyDocumentError, UnsupportedFileError
from assistant.indexing import Layout, ingest
from assistant.ingest import commit, prepare
from assistant.retrieval import Retriever
from tests.conftest import copied_corpus_settings
from tests.fakes import FakeEmbedder

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PLAN_PARAGRAPHS = [
    "ỦY BAN NHÂN DÂN",
    "XÃ AN LẠC",
    "Số: 77/KH-UBND",
    "An Lạc, ngày 15 tháng 9 năm 2025",
    "KẾ HOẠCH",
    "Phòng chống thiên tai và tìm kiếm cứu nạn năm 2025",
    "Căn cứ Luật Phòng, chống thiên tai số 33/2013/QH13 ngày 19/6/2013 của Quốc hội; Ủy ban nhân dân xã An Lạc ban hành kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "Chủ động ứng phó với bão lũ, giảm thiểu thiệt hại về người và tài sản của Nhân dân.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Công an xã",
    "Bảo đảm an ninh trật tự tại các khu sơ tán dân cư trong mùa mưa bão.",
    "2. Trạm Y tế xã",
    "Chuẩn bị cơ số thuốc, phương án sơ cứu người bị thương khi có lũ quét.",
]


def build_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for text in PLAN_PARAGRAPHS:
        d.add_paragraph(text)
    d.add_paragraph("Phụ lục I")
    d.add_paragraph("BẢNG ĐIỂM TỰ ĐÁNH GIÁ")
    table = d.add_table(rows=1, cols=5)
    for cell, text in zip(
        table.rows[0].cells,
        ["STT", "NỘI DUNG TIÊU CHÍ ĐÁNH GIÁ", "Thang điểm", "Điểm thẩm định", "Điểm bị trừ"],
        strict=True,
    ):
        cell.text = text
    for row in (
        ["1", "X.1.1. Diễn tập phương án sơ tán dân cư", "4,00", "2,75", "1,25"],
        ["2", "X.1.2. Dự trữ lương thực, nước uống", "2,00", "2,00", "0,00"],
        ["", "Tổng điểm", "6,00", "4,75", "1,25"],
    ):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    d.save(str(path))


def build_pdf(path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(DEJAVU))
    pdf.set_font("DejaVu", size=11)
    for line in [
        "CÔNG VĂN",
        "Số: 12/UBND-VP",
        "V/v tăng cường quản lý rác thải nhựa",
        "1. Phòng Tài nguyên và Môi trường",
        "Kiểm tra việc phân loại rác thải nhựa tại các chợ dân sinh và khu du lịch ven biển.",
        "2. Đoàn Thanh niên xã",
        "Tổ chức ra quân nhặt rác thải nhựa trên bãi biển vào ngày chủ nhật hằng tháng.",
    ]:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


@pytest.fixture
def env(tmp_path: Path) -> tuple[Settings, FakeEmbedder]:
    settings = copied_corpus_settings(tmp_path)
    corpus = settings.corpus_dir
    embedder = FakeEmbedder()
    ingest(load_corpus(corpus), settings=settings, embedder=embedder, progress=False)
    return settings, embedder


def service(settings: Settings, embedder: FakeEmbedder) -> ChatService:
    retriever = Retriever.open(settings, embedder)
    return ChatService(Corpus.load(settings.corpus_dir), lambda: nullcontext(retriever))


def corpus_state(settings: Settings) -> tuple[list[str], str | None]:
    return sorted(p.name for p in settings.corpus_dir.iterdir()), Layout(settings.index_dir).current()


def test_docx_plan_with_scoring_table_is_answered(env: tuple[Settings, FakeEmbedder], tmp_path: Path) -> None:
    settings, embedder = env
    path = tmp_path / "Kế hoạch phòng chống thiên tai.docx"
    build_docx(path)
    item = prepare(settings, path.name, path=path)
    assert item.doc.doc_id == "ke-hoach-phong-chong-thien-tai"
    report = commit(settings, [item], progress=False, embedder=embedder)
    assert report["documents"][0]["criteria"] == 2
    assert report["documents"][0]["assignments"] >= 2
    assert (settings.corpus_dir / "ke-hoach-phong-chong-thien-tai.md").exists()

    chat = service(settings, embedder)
    tasks = chat.ask("Trạm Y tế xã có nhiệm vụ gì?")
    assert tasks.kind == "tasks"
    assert "sơ cứu" in tasks.answer
    assert tasks.citations[0].doc == "ke-hoach-phong-chong-thien-tai" and tasks.citations[0].section == "II.2"
    score = chat.ask("Tiêu chí X.1.1 bị trừ bao nhiêu điểm?")
    assert score.kind == "numeric" and "1,25" in score.answer
    assert score.citations[0].section == "Phụ lục I"
    signer_free = chat.ask("Kế hoạch 77/KH-UBND ban hành ngày nào?")
    assert "15/09/2025" in signer_free.answer
    # the original corpus still answers
    assert chat.ask("Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?").citations[0].section == "II.10"


@pytest.mark.skipif(not DEJAVU.exists(), reason="fonts-dejavu-core not installed")
def test_text_pdf_is_answered_by_retrieval(env: tuple[Settings, FakeEmbedder], tmp_path: Path) -> None:
    settings, embedder = env
    path = tmp_path / "cv-rac-thai.pdf"
    build_pdf(path)
    commit(settings, [prepare(settings, path.name, path=path)], progress=False, embedder=embedder)
    chat = service(settings, embedder)
    a = chat.ask("Đoàn Thanh niên xã được giao việc gì?")
    assert a.kind == "tasks" and "nhặt rác" in a.answer
    p = chat.ask("Việc phân loại rác thải nhựa ở chợ dân sinh do ai kiểm tra?")
    assert any(c.doc == "cv-rac-thai" for c in p.citations), p.answer


def test_same_content_twice_is_recognised(env: tuple[Settings, FakeEmbedder], tmp_path: Path) -> None:
    settings, embedder = env
    data = (PROJECT_ROOT / "corpus" / "cv-410-ubnd-hai-phong-2025.md").read_bytes()
    item = prepare(settings, "ban-sao.md", data=data)
    assert item.duplicate_of == "cv-410-ubnd-hai-phong-2025"
    before = corpus_state(settings)
    commit(settings, [item], progress=False, embedder=embedder)
    assert corpus_state(settings)[0] == before[0]


def test_a_name_already_taken_does_not_overwrite(env: tuple[Settings, FakeEmbedder]) -> None:
    settings, _ = env
    item = prepare(
        settings,
        "cv-410-ubnd-hai-phong-2025.md",
        data="I. Phần một\n\n1. Sở Nội vụ\n\nLàm việc khác.\n".encode(),
    )
    assert item.doc.doc_id == "cv-410-ubnd-hai-phong-2025-2"


def truncated_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>" * 200)
    return buf.getvalue()[:150]


def blank_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("hong.docx", truncated_docx(), UnsupportedFileError),
        ("chuong-trinh.pdf", b"MZ\x90\x00" + b"\x00" * 400, UnsupportedFileError),
        ("chuong-trinh.docx", b"MZ\x90\x00" + b"\x00" * 400, UnsupportedFileError),
        ("rong.txt", b"", EmptyDocumentError),
        ("scan.pdf", blank_pdf(), EmptyDocumentError),
        ("trang.txt", b"\n \n\t\n", EmptyDocumentError),
    ],
)
def test_bad_files_get_clear_errors_and_change_nothing(
    env: tuple[Settings, FakeEmbedder], name: str, data: bytes, error: type[AssistantError]
) -> None:
    settings, embedder = env
    before = corpus_state(settings)
    with pytest.raises(error) as exc:
        prepare(settings, name, data=data)
    assert exc.value.message and exc.value.status in {413, 415, 422}
    assert corpus_state(settings) == before
    assert service(settings, embedder).ask("Ai ký Công văn 410?").kind == "document"


# A short công văn as the website gives it (e0b9a318eafcfc30.md, shortened): Kính gửi, '-' bullets
# and a signature, no numbered item. Issue 11: such a file is added with warnings, never refused.
SHORT_DISPATCH = """BỘ TÀI CHÍNH
CỤC HẢI QUAN
-------
|
**CỘNG HÒA XÃ HỘI
CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 37413/CHQ-NVTHQ
*V/v kê khai trị giá hải quan*
|
*Hà Nội, ngày 21
tháng 11 năm 2025*
|
**Kính gửi:**
Công ty TNHH Sunny Automotive Vina.
Cục Hải quan nhận được công văn số 2025-005/SAV-CHQ
ngày 10/11/2025 của Công ty đề nghị hướng dẫn việc kê khai trị giá hải quan hàng mẫu xuất khẩu.
- Điều 86 Luật Hải quan số 54/2014/QH13 quy định
trị giá hải quan được sử dụng làm cơ sở cho việc tính thuế xuất khẩu.
Cục Hải quan thông báo để Công ty biết và thực hiện./.
|
Nơi nhận:
- Như trên;
- Lưu: VT, NVTHQ.
|
**TL. CỤC TRƯỞNG**
PHÓ TRƯỞNG BAN
Đào Thu Hương
|
"""


def test_a_note_without_any_structure_is_added_with_warnings(env: tuple[Settings, FakeEmbedder]) -> None:
    settings, embedder = env
    item = prepare(settings, "ghi-chu.txt", data="Chỉ là một dòng ghi chú không có mục nào.".encode())
    assert item.doc.warnings, "what could not be read is said"
    report = commit(settings, [item], progress=False, embedder=embedder)
    (entry,) = report["documents"]
    assert entry["warnings"] == item.doc.warnings
    assert {f["kind"] for f in report["findings"] if f["doc"] == "ghi-chu"} == {"not_read"}
    assert (settings.corpus_dir / "ghi-chu.md").exists()


def test_a_short_dispatch_does_not_refuse_the_rest_of_the_batch(
    env: tuple[Settings, FakeEmbedder], tmp_path: Path
) -> None:
    settings, embedder = env
    plan = tmp_path / "ke-hoach.docx"
    build_docx(plan)
    dispatch = tmp_path / "cv-37413.md"
    dispatch.write_text(SHORT_DISPATCH, encoding="utf-8")
    batch = [prepare(settings, p.name, path=p) for p in (dispatch, plan)]  # as `assistant ingest` does
    report = commit(settings, batch, progress=False, embedder=embedder)
    by_doc = {d["doc"]: d for d in report["documents"]}
    assert set(by_doc) == {"cv-37413", "ke-hoach"}
    assert by_doc["cv-37413"]["number"] == "37413/CHQ-NVTHQ"
    assert by_doc["cv-37413"]["warnings"] == [
        "Không nhận ra mục đánh số, điều hay phụ lục nào; nội dung được đọc như một khối liền."
    ]
    assert by_doc["ke-hoach"]["warnings"] == ["Phần đầu văn bản thiếu: người ký."]  # it has no signature
    assert (settings.corpus_dir / "cv-37413.md").read_text(encoding="utf-8") == SHORT_DISPATCH


def test_ingest_failing_part_way_leaves_the_previous_index_serving(
    env: tuple[Settings, FakeEmbedder], tmp_path: Path
) -> None:
    settings, embedder = env
    path = tmp_path / "ke-hoach.docx"
    build_docx(path)
    before = corpus_state(settings)
    failing = FakeEmbedder(fail_after=0)
    with pytest.raises(RuntimeError):
        commit(settings, [prepare(settings, path.name, path=path)], progress=False, embedder=failing)
    assert corpus_state(settings) == before
    chat = service(settings, embedder)
    with chat.searcher() as searcher:
        hits = searcher.search("Trạm Y tế xã sơ cứu", k=5) if searcher else []
    assert all(h.doc != "ke-hoach" for h in hits)
    assert chat.ask("Thanh tra thành phố có nhiệm vụ gì?").citations[0].section == "II.2"
    # and re-ingesting afterwards works
    commit(settings, [prepare(settings, path.name, path=path)], progress=False, embedder=embedder)
    assert (settings.corpus_dir / "ke-hoach.md").exists()


def test_upload_and_delete_through_the_admin_api(env: tuple[Settings, FakeEmbedder], tmp_path: Path) -> None:
    from assistant.api import create_app
    from assistant.services import Services

    settings, embedder = env
    settings.admin_token = "khoa-quan-tri"
    client = TestClient(create_app(Services(settings, embedder=embedder)), raise_server_exceptions=False)
    auth = {"Authorization": "Bearer khoa-quan-tri"}
    path = tmp_path / "ke-hoach-thien-tai.docx"
    build_docx(path)
    r = client.post("/api/documents", files={"files": (path.name, path.read_bytes())}, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["documents"][0]["criteria"] == 2
    answer = client.post("/api/chat", json={"message": "Công an xã có nhiệm vụ gì?"}).json()
    assert answer["citations"][0]["doc"] == "ke-hoach-thien-tai"
    bad = client.post("/api/documents", files={"files": ("virus.docx", b"MZ" + b"\x00" * 100)}, headers=auth)
    assert bad.status_code == 415 and bad.json()["message"]
    r = client.delete("/api/documents/ke-hoach-thien-tai", headers=auth)
    assert r.status_code == 200, r.text
    gone = client.post("/api/chat", json={"message": "Công an xã có nhiệm vụ gì?"}).json()
    assert gone["kind"] == "not_found"
    assert client.get("/api/documents/ke-hoach-thien-tai").status_code == 404

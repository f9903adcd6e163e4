"""Hostile input and admin changes (issue 13): each defect an outside probe found, as a test that
failed before its fix. Bodies and headers are sent over raw sockets to a real uvicorn server
configured as `assistant serve` runs it, since a test client would read a body whole first."""

from __future__ import annotations

import io
import json
import os
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import _csv, create_app
from assistant.config import Settings
from assistant.documents import load_corpus
from assistant.errors import AssistantError, FileTooLargeError, IngestCancelledError
from assistant.files import write_atomic
from assistant.indexing import MANIFEST, Layout, clean_unfinished, ingest
from assistant.readers import read_bytes
from assistant.services import Services
from tests.conftest import copied_corpus_settings, free_port
from tests.fakes import FakeEmbedder

TOKEN = "s3cret-token"
CV = "cv-410-ubnd-hai-phong-2025"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return copied_corpus_settings(
        tmp_path,
        embed_model=str(tmp_path / "no-model"),
        admin_token=TOKEN,
        rate_limit_per_minute=0,
    )


@pytest.fixture
def client(settings: Settings) -> TestClient:
    return TestClient(create_app(Services(settings)), raise_server_exceptions=False)


@pytest.fixture
def server(settings: Settings) -> Iterator[tuple[str, int]]:
    """The app on a loopback port, run by uvicorn as `assistant serve` runs it."""
    import uvicorn

    from assistant.cli import server_config

    port = free_port()
    srv = uvicorn.Server(server_config(create_app(Services(settings)), "127.0.0.1", port, "warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield "127.0.0.1", port
    srv.should_exit = True
    thread.join(timeout=10)


def _status_and_body(raw: bytes) -> tuple[int, dict]:  # type: ignore[type-arg]
    head, _, body = raw.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, json.loads(body.decode("utf-8")) if body.strip().startswith(b"{") else {}


def _read_reply(sock: socket.socket, timeout: float = 10.0) -> bytes:
    sock.settimeout(timeout)
    data = b""
    while True:
        try:
            piece = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not piece:
            break
        data += piece
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep and b"content-length:" in head.lower():
            length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
            if len(body) >= length:
                break
    return data


def _send_chunked_until_reply(sock: socket.socket, head: bytes, chunk: bytes, most: int) -> tuple[int, bytes]:
    """Send ``head`` then ``chunk`` again and again (chunked encoding) until the server answers or
    ``most`` bytes are sent; the bytes sent and the reply."""
    sock.sendall(head)
    sent = 0
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sock.setblocking(False)
    pending = memoryview(b"")  # what is left of the frame being sent: a partial send is resumed, not repeated
    try:
        while sent < most:
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            if not pending:
                pending = memoryview(frame)
                sent += len(chunk)
            try:
                pending = pending[sock.send(pending) :]
            except BlockingIOError:
                time.sleep(0.01)
            except (BrokenPipeError, ConnectionResetError):
                break
    finally:
        sock.setblocking(True)
    return sent, _read_reply(sock)


# --- 1. bodies and headers are bounded as they arrive; the token is checked before the body -------


def test_a_chunked_chat_body_is_cut_off_at_its_limit(server: tuple[str, int]) -> None:
    host, port = server
    with socket.create_connection(server) as sock:
        head = (
            f"POST /api/chat HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n"
        ).encode()
        sent, reply = _send_chunked_until_reply(sock, head, b'{"message": "' + b"a" * (1 << 20), 300 << 20)
    status, body = _status_and_body(reply)
    assert status == 413, reply[:300]
    assert "quá lớn" in body["message"]
    # cut off near the limit (about 4 MB), not after the 300 MB the client had to send
    assert sent < 40 << 20


def test_an_upload_without_the_token_is_refused_before_its_body(server: tuple[str, int]) -> None:
    host, port = server
    for framing in ("Content-Length: 1073741824", "Transfer-Encoding: chunked"):
        for auth in ("", "Authorization: Bearer wrong\r\n"):
            with socket.create_connection(server) as sock:
                sock.sendall(
                    (
                        f"POST /api/documents HTTP/1.1\r\nHost: {host}:{port}\r\n{auth}"
                        f"Content-Type: multipart/form-data; boundary=x\r\n{framing}\r\n\r\n"
                    ).encode()
                )
                status, body = _status_and_body(_read_reply(sock, timeout=5))
            assert status == 403, (framing, auth, body)
            assert body["error"] == "ForbiddenError"


def test_a_huge_header_is_refused_and_the_server_goes_on(server: tuple[str, int]) -> None:
    host, port = server
    with socket.create_connection(server) as sock:
        sock.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer ".encode())
        try:
            for _ in range(50):  # 50 MB of header, if the server kept reading
                sock.sendall(b"x" * (1 << 20))
        except (BrokenPipeError, ConnectionResetError):
            pass
        reply = _read_reply(sock, timeout=5)
    assert reply == b"" or 400 <= _status_and_body(reply)[0] < 500
    with socket.create_connection(server) as sock:
        sock.sendall(
            f"GET /api/documents HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode()
        )
        assert _status_and_body(_read_reply(sock))[0] == 200


def test_a_declared_length_over_the_limit_is_refused_at_once(client: TestClient) -> None:
    r = client.post(
        "/api/chat",
        content=b"{}",
        headers={"Content-Type": "application/json", "Content-Length": "999999999"},
    )
    assert r.status_code == 413 and "quá lớn" in r.json()["message"]


# --- 2. a .docx bomb ---------------------------------------------------------------------------------


def _docx_with_document_xml(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_a_docx_whose_xml_unpacks_far_beyond_a_real_document_is_refused() -> None:
    para = b"<w:p><w:r><w:t>Noi dung lap lai</w:t></w:r></w:p>"
    xml = (
        b'<w:document xmlns:w="x"><w:body>'
        + para * (40 * 1024 * 1024 // len(para))
        + b"</w:body></w:document>"
    )
    data = _docx_with_document_xml(xml)
    assert len(data) < 1 << 20  # small on the wire, under the upload limit
    with pytest.raises(FileTooLargeError) as err:
        read_bytes(data, "bom.docx", max_bytes=20 << 20)
    assert err.value.status == 413 and "giải nén" in err.value.message


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word_package(document_xml: bytes) -> bytes:
    """A minimal but complete .docx (content types, relationships) around a document.xml."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


# The peak memory of reading one file above the memory in use before (MB). VmHWM is this
# process's own high-water mark; getrusage's ru_maxrss would also count the pytest process it was
# forked from (Linux carries it across exec).
_PEAK_OF_READING = """
import gc, sys
from assistant.readers import read_bytes

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key))

data = open(sys.argv[1], "rb").read()
gc.collect()
before = status("VmRSS:")
text = read_bytes(data, "lon.docx", max_bytes=20 << 20).text
print(len(text), (status("VmHWM:") - before) // 1024)
"""


_RUN_PROPS = (
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>'
)
# markup as Word writes it: most of a paragraph's XML is not its text
_WORD_PARA = (
    '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:before="120" w:after="120"/>'
    f'<w:ind w:firstLine="567"/><w:jc w:val="both"/>{_RUN_PROPS}</w:pPr>'
    f'<w:r w:rsidRPr="00D4E5F6">{_RUN_PROPS}<w:t>Tăng cường công tác phòng, chống tham nhũng</w:t></w:r></w:p>'
)
_WORD_ROW = (
    "<w:tr>"
    + "".join(f"<w:tc><w:p><w:r>{_RUN_PROPS}<w:t>ô {i}</w:t></w:r></w:p></w:tc>" for i in range(5))
    + "</w:tr>"
)


@pytest.mark.parametrize("layout", ["paragraphs", "one long table"])
def test_a_docx_with_a_large_xml_under_the_limit_is_read_in_bounded_memory(
    tmp_path: Path, layout: str
) -> None:
    """The XML is streamed: memory follows the text produced, not the XML's size."""
    import subprocess
    import sys

    unit = (_WORD_PARA if layout == "paragraphs" else _WORD_ROW).encode()
    n = 15 * 1024 * 1024 // len(unit)  # 15 MB of XML: under the 16 MB limit
    body = unit * n if layout == "paragraphs" else b"<w:tbl>" + unit * n + b"</w:tbl>"
    xml = b"<w:document " + _W_NS.encode() + b"><w:body>" + body + b"</w:body></w:document>"
    path = tmp_path / "lon.docx"
    path.write_bytes(_word_package(xml))
    out = subprocess.run(
        [sys.executable, "-c", _PEAK_OF_READING, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)},
        cwd=Path(__file__).resolve().parent.parent,  # `python -c` puts the working folder first on sys.path
    ).stdout.split()
    chars, grown_mb = int(out[0]), int(out[1])
    assert chars > n * (40 if layout == "paragraphs" else 15)  # every paragraph (row) was read
    # the text is 1 or 0,3 million characters; the whole part parsed into one tree took 94 MB
    # more as paragraphs, 105 MB as a table
    assert grown_mb < 40, f"reading took {grown_mb} MB more"


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
        '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>',
    ],
    ids=["xxe", "billion-laughs"],
)
def test_docx_entities_are_never_expanded(doctype: str) -> None:
    ref = "&xxe;" if "xxe" in doctype else "&h;"
    xml = (
        f'<?xml version="1.0"?>{doctype}<w:document {_W_NS}><w:body>'
        f"<w:p><w:r><w:t>Nội dung {ref} hết</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    try:
        text = read_bytes(_word_package(xml), "thuc-the.docx", max_bytes=20 << 20).text
    except AssistantError as exc:  # refusing it is as good as reading it without the entity
        assert exc.status in {413, 415, 422}
        return
    assert "root:" not in text and "aaaaaaaaaa" not in text and len(text) < 100


# --- 3, 4, 5. the index switch under concurrent questions; /healthz after it; shutdown -----------


def _fake_services(tmp_path: Path) -> tuple[Services, FakeEmbedder]:
    settings = copied_corpus_settings(tmp_path, admin_token=TOKEN, rate_limit_per_minute=0)
    embedder = FakeEmbedder()
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    services = Services(settings, embedder=embedder, llm=None)
    services.warm()
    return services, embedder


NEW_DOC = (
    "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\nVề phòng cháy rừng mùa khô\n\n"
    "I. NHIỆM VỤ\n\n1. Hạt Kiểm lâm tuần tra rừng phòng hộ hằng tuần trong mùa khô.\n\n"
    "2. Trạm Y tế xã chuẩn bị cơ số thuốc sơ cứu cho lực lượng chữa cháy rừng.\n"
)


def test_questions_keep_being_answered_through_uploads_and_deletes(tmp_path: Path) -> None:
    from assistant.api import _delete_document, _ingest_uploads

    services, _ = _fake_services(tmp_path)
    questions = [
        "Trạm Y tế xã chuẩn bị gì cho lực lượng chữa cháy?",
        "Mục tiêu chung của kế hoạch là gì?",
        "Tiêu chí nào bị trừ nhiều điểm nhất?",
        "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
    ]
    errors: list[str] = []
    answered = 0
    stop = threading.Event()

    def ask_forever(i: int) -> None:
        nonlocal answered
        while not stop.is_set():
            try:
                answer = services.chat.ask(questions[i % len(questions)])
                for c in answer.citations:
                    if c.doc not in services.corpus.docs and c.doc != "phong-chay":
                        errors.append(f"stale citation {c.doc}")
                answered += 1
            except AssistantError as exc:
                errors.append(f"{type(exc).__name__}: {exc.message}")
            i += 1

    threads = [threading.Thread(target=ask_forever, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            _ingest_uploads(services, [("phong-chay.md", NEW_DOC.encode())], False)
            assert services.health() is None and services.ready  # 4: not "starting" after it
            _delete_document(services, "phong-chay")
            assert services.health() is None and services.ready
    finally:
        stop.set()
        for t in threads:
            t.join(timeout=30)
    services.close()
    assert not errors, errors[:5]
    assert answered > 20


def test_a_stop_during_an_ingest_cancels_it_with_nothing_changed(tmp_path: Path) -> None:
    from assistant.api import _ingest_uploads

    services, embedder = _fake_services(tmp_path)
    settings = services.settings
    before_files = sorted(p.name for p in settings.corpus_dir.iterdir())
    before_version = Layout(settings.index_dir).current()
    embed = embedder.embed_passages

    def stop_midway(texts, batch_size=32, show_progress=False):  # type: ignore[no-untyped-def]
        services.stopping.set()  # SIGTERM arrives while the new document is embedded
        return embed(texts, batch_size=batch_size)

    embedder.embed_passages = stop_midway  # type: ignore[method-assign]
    big = NEW_DOC + "".join(f"\n{n}. Nội dung thứ {n} của kế hoạch phòng cháy.\n" for n in range(3, 400))
    with pytest.raises(IngestCancelledError) as err:
        _ingest_uploads(services, [("phong-chay.md", big.encode())], False)
    assert err.value.status == 503 and "không thay đổi" in err.value.message
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == before_files
    assert Layout(settings.index_dir).current() == before_version
    assert Layout(settings.index_dir).versions() == [before_version]
    # and once stopping, no new ingest starts
    with pytest.raises(IngestCancelledError):
        _ingest_uploads(services, [("khac.md", NEW_DOC.encode())], False)
    services.close()


# --- 2. the work of one ingest beyond its bytes: text, sections, chunks, time -----------------------

LONG_PLAN = NEW_DOC + "".join(
    f"\n{n}. Tổ {n} tuần tra, canh gác khu rừng số {n} và báo cáo Hạt Kiểm lâm hằng ngày.\n"
    for n in range(3, 60)
)


@pytest.mark.parametrize(
    ("setting", "limit", "words"),
    [
        ("max_document_chars", 2_000, ["quá dài", "2.000 ký tự"]),
        ("max_document_sections", 20, ["quá nhiều mục", "20 mục"]),
        ("max_document_chunks", 5, ["quá nhiều đoạn", "5 đoạn"]),
        ("max_parse_seconds", 0.000_001, ["quá lâu", "giây"]),
    ],
)
def test_a_document_over_a_bound_of_one_ingest_is_refused_with_nothing_changed(
    tmp_path: Path, setting: str, limit: float, words: list[str]
) -> None:
    services, _ = _fake_services(tmp_path)
    settings = services.settings
    setattr(settings, setting, limit)
    client = TestClient(create_app(services), raise_server_exceptions=False)
    before_files = sorted(p.name for p in settings.corpus_dir.iterdir())
    before_version = Layout(settings.index_dir).current()
    r = client.post(
        "/api/documents",
        files={"files": ("phong-chay.md", LONG_PLAN.encode(), "text/markdown")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    body = r.json()
    assert r.status_code == 413 and body["error"] == "DocumentLimitError", body
    assert "phong-chay.md" in body["message"] and all(w in body["message"] for w in words), body
    assert "ASSISTANT_" + setting.upper() in body["hint"]
    # nothing changed, and the index keeps answering from the documents it had
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == before_files
    assert Layout(settings.index_dir).versions() == [before_version]
    answer = client.post("/api/chat", json={"message": "Thanh tra thành phố có nhiệm vụ gì?"})
    assert answer.status_code == 200 and answer.json()["citations"]
    assert all(c["doc"] != "phong-chay" for c in answer.json()["citations"])
    services.close()


def test_a_document_slow_to_parse_is_stopped_at_its_deadline(tmp_path: Path) -> None:
    """The time bound stops the parse where it is: it is not checked once the parse has ended."""
    services, _ = _fake_services(tmp_path)
    services.settings.max_parse_seconds = 0.5
    client = TestClient(create_app(services), raise_server_exceptions=False)
    # 400,000 characters of nested headings: about 18 s to parse on the 2-core test machine
    text = "".join(f"{'I' * (i % 3 + 1)}. PHẦN {i}\n{i}. Mục {i}\na) Điểm {i}\n" for i in range(13_000))
    started = time.monotonic()
    r = client.post(
        "/api/documents",
        files={"files": ("cham.md", text.encode(), "text/markdown")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    elapsed = time.monotonic() - started
    assert r.status_code == 413 and "quá lâu" in r.json()["message"], r.json()
    assert elapsed < 3.0, f"refused after {elapsed:.1f} s"
    assert not (services.settings.corpus_dir / "cham.md").exists()
    # the thread that was stopped goes on serving
    r = client.post(
        "/api/documents",
        files={"files": ("phong-chay.md", NEW_DOC.encode(), "text/markdown")},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 201, r.json()
    services.close()


def test_a_deadline_stops_python_code_and_leaves_nothing_pending() -> None:
    from assistant.errors import DocumentLimitError
    from assistant.limits import DocumentLimits

    budget = DocumentLimits(chars=10, sections=10, chunks=10, seconds=0.2).start("x.md")
    started = time.monotonic()
    with pytest.raises(DocumentLimitError), budget.deadline():
        while True:
            pass
    assert time.monotonic() - started < 1.5
    with pytest.raises(DocumentLimitError), budget.deadline():  # no time left
        pass
    fresh = DocumentLimits(chars=10, sections=10, chunks=10, seconds=0.2).start("y.md")
    with fresh.deadline():
        pass
    time.sleep(0.4)  # past the deadline: a block that ended in time raises nothing later


def test_references_without_end_are_read_in_linear_time() -> None:
    """The issuer of 'của <issuer> tại Công văn ...' is looked for just before each reference, not
    in all the text before it (194,000 characters of references took 64 s to parse)."""
    from assistant.documents import find_refs

    text = "Thực hiện ý kiến chỉ đạo của Ủy ban nhân dân tỉnh tại Công văn số 12/UBND-KT, " + (
        "Căn cứ Nghị định số 30/2020/NĐ-CP, " * 4_000
    )
    started = time.monotonic()
    refs = find_refs(text, 1)
    assert time.monotonic() - started < 3.0
    assert len(refs) == 4_001 and refs[0].issuer == "Ủy ban nhân dân tỉnh" and refs[0].number == "12/UBND-KT"


def test_the_cli_refuses_a_document_over_a_bound_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main
    from assistant.config import get_settings

    settings = copied_corpus_settings(tmp_path)
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_MAX_DOCUMENT_SECTIONS", "20")
    get_settings.cache_clear()
    path = tmp_path / "phong-chay.md"
    path.write_text(LONG_PLAN, encoding="utf-8")
    before = sorted(p.name for p in settings.corpus_dir.iterdir())
    assert main(["ingest", str(path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[0].startswith("Lỗi: Tài liệu “phong-chay.md” có quá nhiều mục"), err
    assert sorted(p.name for p in settings.corpus_dir.iterdir()) == before


def test_the_default_bounds_are_far_above_the_largest_real_document() -> None:
    from assistant.config import Settings
    from assistant.limits import DocumentLimits

    limits = DocumentLimits.from_settings(Settings())
    # the largest of the 270 real documents and the corpus: 615,280 characters, 780 sections,
    # 675 chunks (another document), 2 to 4 s to read, parse and chunk
    assert limits.chars >= 5 * 615_280 and limits.sections >= 10 * 780 and limits.chunks >= 10 * 675
    assert limits.seconds >= 20 * 2.1


# --- 6. feedback: plain text on the admin's terminal, and a rate limit ----------------------------


def test_feedback_comments_reach_the_terminal_as_plain_text(
    settings: Settings, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant import cli
    from assistant.feedback import FeedbackStore

    store = FeedbackStore(settings.data_dir / "feedback.sqlite3")
    for comment in [
        "\x1b[2J\x1b[31mđỏ",
        "[link=https://evil.example]bấm[/link]",
        "[/] ok",
        "\x9b31m",
        "\x1b]8;;x\x07",
    ]:
        store.add("a1", "down", comment, "câu hỏi")
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    for _ in range(2):  # a comment "[/] ok" made every later run crash
        assert cli.main(["feedback"]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
        assert "[/] ok" in out and "[link=https://evil.example]" in out


def test_feedback_is_rate_limited(client: TestClient) -> None:
    body = {"answer_id": "a1", "rating": "up", "comment": "x" * 1000}
    codes = [client.post("/api/feedback", json=body).status_code for _ in range(25)]
    assert codes[:20] == [200] * 20
    assert codes[-1] == 429


# --- 7, 8, 9, 10. the token's scheme; CSV cells; headers; local API docs ---------------------------


def test_the_bearer_scheme_is_required_and_case_insensitive(client: TestClient) -> None:
    def upload(auth: str) -> int:
        files = {"files": ("x.md", b"", "text/markdown")}
        return client.post("/api/documents", files=files, headers={"Authorization": auth}).status_code

    assert upload(TOKEN) == 403
    assert upload(f"Basic {TOKEN}") == 403
    assert upload(f"Bearer{TOKEN}") == 403
    for scheme in ("Bearer", "bearer", "BEARER"):
        assert upload(f"{scheme} {TOKEN}") != 403  # an empty file: refused for that, not for the token


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    rows = [
        {"code": "A.1", "title": t, "max": 1} for t in ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "Bình"]
    ]
    text = _csv(rows).body.decode("utf-8-sig")
    titles = [line.split(",", 2)[1] for line in text.splitlines()[1:]]
    assert all(t.lstrip('"').startswith("'") for t in titles[:4]), titles
    assert titles[4] == "Bình"


def test_every_reply_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", "/api/documents", "/healthz", "/static/app.js"):
        r = client.get(path)
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], path
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/documents").headers["cache-control"] == "no-store"


def test_the_api_docs_page_loads_nothing_from_outside(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text and "https://" not in page.text.replace("https://swagger.io", "")
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static-docs/swagger-ui.css").status_code == 200


# --- 11, 12. work per request bounded; small input defects ---------------------------------------


def test_an_overlong_agency_name_is_refused_without_matching(client: TestClient) -> None:
    r = client.get("/api/agencies/" + "Sở Giáo dục " * 100 + "/tasks")
    assert r.status_code == 422 and "quá dài" in r.json()["message"]


def test_an_overlong_message_is_refused_before_any_work(client: TestClient) -> None:
    r = client.post("/api/chat", json={"message": "1/" * 200_000})
    assert r.status_code == 422 and "quá dài" in r.json()["message"]


def test_a_message_of_only_invisible_characters_is_empty(client: TestClient) -> None:
    r = client.post("/api/chat", json={"message": "\u200b\u200c\u200d\ufeff\u2060 \u00ad"})
    assert r.status_code == 422
    assert "trống" in r.json()["message"] or "câu hỏi" in r.json()["message"].lower()


def test_bad_json_is_explained_in_words(client: TestClient) -> None:
    r = client.post(
        "/api/chat", content=b'{"message": "abc",,}', headers={"Content-Type": "application/json"}
    )
    message = r.json()["message"]
    assert r.status_code == 422 and "JSON" in message and "ký tự" in message
    assert not message.split(":", 1)[1].strip()[:1].isdigit(), message


def test_one_bad_byte_in_a_utf8_file_is_read_with_a_warning() -> None:
    text = "Kế hoạch phòng, chống tham nhũng năm 2025 của Ủy ban nhân dân xã.\n" * 20
    data = text.encode("utf-8")
    data = data[:100] + b"\xff" + data[100:]
    result = read_bytes(data, "ke-hoach.md", max_bytes=1 << 20)
    assert "Ủy ban nhân dân" in result.text and result.text.count("\ufffd") == 1
    assert any("không hợp lệ" in w for w in result.warnings)


def test_unfinished_index_versions_are_cleaned_at_start(tmp_path: Path) -> None:
    settings = copied_corpus_settings(tmp_path)
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=FakeEmbedder(), progress=False)
    layout = Layout(settings.index_dir)
    live = layout.current()
    assert live is not None
    stray = layout.path(layout.new_version())
    (stray / "chroma").mkdir(parents=True)  # a kill -9 before the manifest was written
    finished = layout.path(layout.new_version())
    finished.mkdir()
    (finished / MANIFEST).write_text("{}")
    assert clean_unfinished(settings) == [stray.name]
    assert not stray.exists() and finished.exists() and layout.current() == live


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "x.md", b"abc")
    finally:
        os.umask(old)
    assert (tmp_path / "x.md").stat().st_mode & 0o777 == 0o644

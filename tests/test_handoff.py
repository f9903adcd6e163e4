"""`assistant ingest FILE` hands its files to a running server of the same store (issue 14), and
works locally, as before, when there is none: both paths on loopback, with a real Chroma index
and a text-dependent fake embedder."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from assistant import handoff
from assistant.cli import main
from assistant.config import Settings, get_settings
from assistant.documents import load_corpus
from assistant.indexing import Layout, ingest
from tests.conftest import copied_corpus_settings, free_port
from tests.fakes import FakeEmbedder

TOKEN = "khoa-nap-tai-lieu"
NOTE = (
    "ỦY BAN NHÂN DÂN XÃ AN LẠC\n\nSố: 31/KH-UBND\n\nKẾ HOẠCH\n\nVề nạo vét kênh mương trước mùa mưa\n\n"
    "I. NHIỆM VỤ\n\n1. Hợp tác xã nông nghiệp nạo vét kênh tưới tiêu nội đồng trước ngày 15/4/2026.\n\n"
    "2. Trạm Khuyến nông hướng dẫn lịch thời vụ vụ hè thu cho các hộ trồng lúa.\n"
)


def store(root: Path, embedder: FakeEmbedder) -> Settings:
    settings = copied_corpus_settings(root, admin_token=TOKEN)
    ingest(load_corpus(settings.corpus_dir), settings=settings, embedder=embedder, progress=False)
    return settings


def use(monkeypatch: pytest.MonkeyPatch, settings: Settings, port: int, token: str = TOKEN) -> None:
    """The CLI's settings: the store of ``settings``, a server expected on ``port``."""
    for name, value in {
        "ASSISTANT_CORPUS_DIR": settings.corpus_dir,
        "ASSISTANT_INDEX_DIR": settings.index_dir,
        "ASSISTANT_DATA_DIR": settings.data_dir,
        "ASSISTANT_ADMIN_TOKEN": token,
        "ASSISTANT_HOST": "127.0.0.1",
        "ASSISTANT_PORT": port,
    }.items():
        monkeypatch.setenv(name, str(value))
    get_settings.cache_clear()


class Server:
    """The real app over ``settings`` on a loopback port, in this process."""

    def __init__(self, settings: Settings, embedder: FakeEmbedder) -> None:
        import uvicorn

        from assistant.api import create_app
        from assistant.cli import server_config
        from assistant.services import Services

        self.services = Services(settings, embedder=embedder)
        self.port = free_port()
        self.server = uvicorn.Server(
            server_config(create_app(self.services), "127.0.0.1", self.port, log_level="warning")
        )
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "test server did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.services.close()


@pytest.fixture
def note(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "kh-31-nao-vet.md"
    path.parent.mkdir()
    path.write_text(NOTE, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict | None, str]:  # type: ignore[type-arg]
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip().startswith("{") else None), err


def cli_loads_model(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the models the command loads itself (a local ingest); each is the fake embedder."""
    calls: list[int] = []

    def load(settings: Settings) -> FakeEmbedder:
        calls.append(1)
        return FakeEmbedder()

    monkeypatch.setattr("assistant.indexing.load_embedder", load)
    return calls


def test_a_running_server_of_the_store_does_the_ingest(
    tmp_path: Path, note: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    embedder = FakeEmbedder()
    settings = store(tmp_path / "store", embedder)
    loads = cli_loads_model(monkeypatch)
    with Server(settings, embedder) as srv:
        use(monkeypatch, settings, srv.port)
        before = srv.services.corpus_version
        code, report, err = run(capsys, "ingest", "--json", str(note))
        assert code == 0, err
        assert report is not None and report["server"] == f"http://127.0.0.1:{srv.port}"
        assert report["added"] == ["kh-31-nao-vet"] and report["chunks_embedded"] > 0
        assert loads == []  # no model loaded by the command: the server's did the work
        # the server answers from the new document at once, without waiting for its watcher
        assert srv.services.corpus_version != before
        answer = srv.services.chat.ask("Hợp tác xã nông nghiệp có nhiệm vụ gì?")
        assert any(c.doc == "kh-31-nao-vet" for c in answer.citations), answer.answer
        # the text report says where the work was done
        again = note.with_name("kh-32.md")
        again.write_text(NOTE.replace("31/KH", "32/KH").replace("kênh tưới", "kênh tiêu"), encoding="utf-8")
        code = main(["ingest", str(again)])
        out = capsys.readouterr().out
        assert code == 0 and f"máy chủ đang chạy tại http://127.0.0.1:{srv.port}" in out
    assert (settings.corpus_dir / "kh-31-nao-vet.md").read_text(encoding="utf-8") == NOTE


def test_without_a_server_the_command_ingests_itself(
    tmp_path: Path, note: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    embedder = FakeEmbedder()
    settings = store(tmp_path / "store", embedder)
    with Server(settings, embedder):  # a server has served this store once: its id is written
        pass
    loads = cli_loads_model(monkeypatch)
    use(monkeypatch, settings, free_port())  # nothing listens there now
    started = time.monotonic()
    code, report, err = run(capsys, "ingest", "--json", str(note))
    assert code == 0, err
    assert report is not None and "server" not in report
    assert report["added"] == ["kh-31-nao-vet"] and loads == [1]
    assert time.monotonic() - started < 30  # a refused connection is not waited on
    assert (settings.corpus_dir / "kh-31-nao-vet.md").exists()


def test_a_server_of_another_store_or_refusing_the_token_is_not_used(
    tmp_path: Path, note: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    embedder = FakeEmbedder()
    mine = store(tmp_path / "mine", embedder)
    other = store(tmp_path / "other", embedder)
    with Server(mine, embedder):
        pass  # this store has an id, and no server now
    loads = cli_loads_model(monkeypatch)
    with Server(other, embedder) as srv:
        use(monkeypatch, mine, srv.port)
        code, report, err = run(capsys, "ingest", "--json", str(note))
        assert code == 0, err
        assert report is not None and "server" not in report and loads == [1]
        assert "kh-31-nao-vet" not in srv.services.corpus.docs
        assert not (other.corpus_dir / "kh-31-nao-vet.md").exists()
        assert (mine.corpus_dir / "kh-31-nao-vet.md").exists()
    # the same store, but a token the server does not take: done here, nothing lost
    second = note.with_name("kh-32.md")
    second.write_text(NOTE.replace("31/KH", "32/KH").replace("kênh tưới", "kênh tiêu"), encoding="utf-8")
    with Server(mine, embedder) as srv:
        use(monkeypatch, mine, srv.port, token="khoa-sai")
        code, report, err = run(capsys, "ingest", "--json", str(second))
        assert code == 0, err
        assert report is not None and "server" not in report and loads == [1, 1]
        assert (mine.corpus_dir / "kh-32.md").exists()


def test_a_file_the_server_refuses_is_refused_in_vietnamese_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    embedder = FakeEmbedder()
    settings = store(tmp_path / "store", embedder)
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"\n \n")
    loads = cli_loads_model(monkeypatch)
    with Server(settings, embedder) as srv:
        use(monkeypatch, settings, srv.port)
        files = sorted(p.name for p in settings.corpus_dir.iterdir())
        version = Layout(settings.index_dir).current()
        code, report, err = run(capsys, "ingest", str(empty))
        assert code == 1 and report is None
        assert err.startswith("Lỗi: Tệp") and "rong.txt" in err and "không có nội dung văn bản" in err
        assert loads == []  # the server's answer, not a second try here
        # word for word what the command says when it reads the file itself
        assert run(capsys, "ingest", "--local", str(empty))[::2] == (1, err)
        assert sorted(p.name for p in settings.corpus_dir.iterdir()) == files
        assert Layout(settings.index_dir).current() == version
        # the previous index keeps serving
        assert srv.services.chat.ask("Thanh tra thành phố có nhiệm vụ gì?").citations[0].section == "II.2"


def test_local_flag_and_rebuild_never_hand_over(
    tmp_path: Path, note: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    embedder = FakeEmbedder()
    settings = store(tmp_path / "store", embedder)
    loads = cli_loads_model(monkeypatch)
    with Server(settings, embedder) as srv:
        use(monkeypatch, settings, srv.port)
        code, report, err = run(capsys, "ingest", "--json", "--local", str(note))
        assert code == 0, err
        assert report is not None and "server" not in report and loads == [1]
        code, report, err = run(capsys, "ingest", "--json", "--rebuild", str(note.with_name("x.md")))
        assert code == 1 and "x.md" in err  # a path that is not there: the local error, as before
        code, report, err = run(capsys, "ingest", "--json", "--rebuild")
        assert code == 0, err
        assert report is not None and "server" not in report and report["rebuilt"] and loads == [1, 1]


def test_store_identity_is_one_per_store() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        a = Settings(index_dir=root / "a" / "index", corpus_dir=root / "a" / "corpus")
        assert handoff.store_identity(a) is None  # no server has written one
        first = handoff.store_identity(a, create=True)
        assert first and handoff.store_identity(a) == first == handoff.store_identity(a, create=True)
        # a copy of the store elsewhere is another store
        import shutil

        shutil.copytree(root / "a", root / "b")
        b = Settings(index_dir=root / "b" / "index", corpus_dir=root / "b" / "corpus")
        assert handoff.store_identity(b) not in (None, first)


@pytest.mark.parametrize(
    ("host", "url"),
    [
        ("127.0.0.1", "http://127.0.0.1:8041"),
        ("0.0.0.0", "http://127.0.0.1:8041"),
        ("::", "http://[::1]:8041"),
    ],
)
def test_server_url_from_host_and_port(host: str, url: str) -> None:
    assert handoff.server_url(Settings(host=host, port=8041)) == url
    assert handoff.server_url(Settings(server_url="http://may-chu:9000/")) == "http://may-chu:9000"

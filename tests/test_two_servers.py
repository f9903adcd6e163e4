"""Two `assistant serve` processes sharing one Chroma server, one corpus and one index store
(issue 14): an ingest through either (admin API) or through the CLI is answered by both within a
few seconds, without a restart, and neither serves a half-built version meanwhile."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import MODEL_DIR, copied_corpus_settings, free_port, requires_model
from tests.test_chroma_server import chroma_server  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.server, requires_model]

TOKEN = "two-servers-token"
DOC_A = (
    "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\nVề phòng cháy rừng mùa khô\n\n"
    "I. NHIỆM VỤ\n\n1. Hạt Kiểm lâm tuần tra rừng phòng hộ hằng tuần trong mùa khô.\n\n"
    "2. Trạm Y tế xã chuẩn bị cơ số thuốc sơ cứu cho lực lượng chữa cháy rừng.\n"
)
DOC_B = (
    "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\n\nSố: 15/KH-UBND\n\nKẾ HOẠCH\n\nVề phòng chống bão lũ\n\n"
    "I. NHIỆM VỤ\n\n1. Ban Chỉ huy Quân sự xã sơ tán dân khỏi vùng trũng trước khi bão đổ bộ.\n"
)


def _serve(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "assistant.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=log.parent,
    )


def _wait(predicate, seconds: float, what: str) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while not predicate():
        assert time.monotonic() - started < seconds, f"{what} not within {seconds} s"
        time.sleep(0.2)
    return time.monotonic() - started


def _docs(base: str) -> set[str]:
    try:
        return {d["doc"] for d in httpx.get(f"{base}/api/documents", timeout=5).json()}
    except httpx.HTTPError:
        return set()


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/healthz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def two_servers(tmp_path: Path, chroma_server) -> Iterator[tuple[str, str, dict[str, str]]]:  # type: ignore[no-untyped-def]  # noqa: F811
    settings = copied_corpus_settings(tmp_path)
    env = {
        **os.environ,
        "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir),
        "ASSISTANT_INDEX_DIR": str(settings.index_dir),
        "ASSISTANT_DATA_DIR": str(settings.data_dir),
        "ASSISTANT_EMBED_MODEL": str(MODEL_DIR),
        "ASSISTANT_CHROMA_HOST": "127.0.0.1",
        "ASSISTANT_CHROMA_PORT": str(chroma_server[0]),
        "ASSISTANT_ADMIN_TOKEN": TOKEN,
        "ASSISTANT_LLM_BASE_URL": "",
        "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0",
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest"], env=env, check=True, capture_output=True
    )
    ports = free_port(), free_port()
    procs = [_serve(env, p, tmp_path / f"serve-{p}.log") for p in ports]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        for base in bases:
            _wait(lambda b=base: _healthy(b), 120, f"{base} ready")
        yield bases[0], bases[1], env
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(timeout=60)


def test_an_ingest_through_either_server_or_the_cli_is_answered_by_both(
    two_servers: tuple[str, str, dict[str, str]], tmp_path: Path
) -> None:
    a, b, env = two_servers
    # keep asking server B while A ingests: never an error, never a half-built version
    errors: list[str] = []
    stop = threading.Event()

    def ask_b() -> None:
        while not stop.is_set():
            try:
                r = httpx.post(
                    f"{b}/api/chat", json={"message": "Mục tiêu chung của kế hoạch là gì?"}, timeout=30
                )
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {r.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(repr(exc))

    asker = threading.Thread(target=ask_b)
    asker.start()
    try:
        r = httpx.post(
            f"{a}/api/documents",
            files={"files": ("phong-chay.md", DOC_A.encode(), "text/markdown")},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=120,
        )
        assert r.status_code == 201, r.text
        took = _wait(lambda: "phong-chay" in _docs(b), 10, "server B seeing A's upload")
    finally:
        stop.set()
        asker.join(timeout=60)
    assert not errors, errors[:3]
    assert took < 10
    reply = httpx.post(
        f"{b}/api/chat",
        json={"message": "Trạm Y tế xã chuẩn bị gì cho lực lượng chữa cháy rừng?"},
        timeout=30,
    ).json()
    assert reply["citations"] and reply["citations"][0]["doc"] == "phong-chay", reply
    assert _healthy(a) and _healthy(b)

    # the CLI's ingest, while both serve
    path = tmp_path / "bao-lu.md"
    path.write_text(DOC_B, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "assistant.cli", "ingest", str(path)], env=env, check=True, capture_output=True
    )
    for base in (a, b):
        _wait(lambda base=base: "bao-lu" in _docs(base), 10, f"{base} seeing the CLI's ingest")
        reply = httpx.post(
            f"{base}/api/chat",
            json={"message": "Ai sơ tán dân khỏi vùng trũng trước khi bão đổ bộ?"},
            timeout=30,
        ).json()
        assert any(c["doc"] == "bao-lu" for c in reply["citations"]), reply

    # a delete through B reaches A
    r = httpx.delete(
        f"{b}/api/documents/phong-chay", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120
    )
    assert r.status_code == 200, r.text
    _wait(lambda: "phong-chay" not in _docs(a), 10, "server A seeing B's delete")
    assert _healthy(a) and _healthy(b)

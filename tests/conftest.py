"""Shared fixtures: every path points at tmp_path; the real app on loopback for HTTP and browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings, get_settings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REAL_CORPUS = PROJECT_ROOT / "corpus"
MODEL_DIR = PROJECT_ROOT / "models" / "multilingual-e5-small"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test reads or overwrites the real index/ or data/: they live in tmp_path."""
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", "")
    monkeypatch.setenv("ASSISTANT_RATE_LIMIT_PER_MINUTE", "0")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def model_available() -> bool:
    return (MODEL_DIR / "config.json").exists()


requires_model = pytest.mark.skipif(not model_available(), reason="model not built: run `make model`")


def copied_corpus_settings(root: Path, **overrides: object) -> Settings:
    """Settings over a copy of the real corpus in ``root`` (index and data beside it), no LLM:
    tests may ingest, upload and delete without touching the project's own files."""
    shutil.copytree(REAL_CORPUS, root / "corpus")
    fields: dict[str, object] = {
        "corpus_dir": root / "corpus",
        "index_dir": root / "index",
        "data_dir": root / "data",
        "llm_base_url": "",
        **overrides,
    }
    return Settings(**fields)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_cli() -> str:
    """The `chroma` command of this venv (or PATH); skips the test when chromadb ships none."""
    path = Path(sys.executable).parent / "chroma"
    if path.exists():
        return str(path)
    found = shutil.which("chroma")
    if not found:
        pytest.skip("the `chroma` command is not installed")
    return found


@pytest.fixture(scope="session")
def built_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over a copy of the real corpus, indexed once with the real model (session-wide)."""
    if not model_available():
        pytest.skip("model not built: run `make model`")
    root = tmp_path_factory.mktemp("served")
    corpus = root / "corpus"
    settings = copied_corpus_settings(root, embed_model=str(MODEL_DIR), rate_limit_per_minute=0)
    from assistant.documents import load_corpus
    from assistant.indexing import ingest

    ingest(load_corpus(corpus), settings=settings, progress=False)
    return settings


@pytest.fixture(scope="session")
def services(built_settings: Settings):  # type: ignore[no-untyped-def]
    from assistant.services import Services

    s = Services(built_settings)
    s.warm()
    yield s
    s.close()


@pytest.fixture(scope="session")
def live_server(services) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real app serving the real corpus on a free loopback port; yields its base URL."""
    import uvicorn

    from assistant.api import create_app
    from assistant.cli import server_config

    port = free_port()
    server = uvicorn.Server(server_config(create_app(services), "127.0.0.1", port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


_GAPS_FILE = Path(__file__).parent / "data" / "realdocs_known_gaps.json"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the real-document cases the parser does not read yet as strict xfails (see the file)."""
    if not _GAPS_FILE.exists():
        return
    import json

    gaps = set(json.loads(_GAPS_FILE.read_text(encoding="utf-8"))["ids"])
    for item in items:
        if item.nodeid in gaps:
            item.add_marker(pytest.mark.xfail(reason="known gap of issue 11", strict=True))

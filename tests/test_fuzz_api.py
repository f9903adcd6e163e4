"""Schemathesis over the app's own OpenAPI schema: no generated request gets a server error.

The app is the real one built by ``create_app`` over a *copy* of the real corpus in a tmp dir,
indexed with the text-dependent FakeEmbedder (so passage questions reach the index), with an admin
token set and sent on every request (so upload and delete run past the 403 gate and really ingest
or remove files — in the tmp copy only). Every operation of the schema is fuzzed; nothing is
excluded. Generation is derandomized and bounded, so a run is reproducible and takes well under
two minutes.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from assistant.api import create_app
from assistant.config import PROJECT_ROOT, Settings
from assistant.documents import load_corpus
from assistant.indexing import ingest
from assistant.services import Services
from tests.conftest import copied_corpus_settings
from tests.fakes import FakeEmbedder

ADMIN_TOKEN = "fuzz-admin-token"
CV = "cv-410-ubnd-hai-phong-2025"
KH = "kh-pctn-dac-khu-cat-hai-2025"
QUESTION = "Mục tiêu chung của kế hoạch Cát Hải là gì?"
NEW_PLAN = """ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM
Số: 12/KH-UBND
KẾ HOẠCH
Kiểm thử nạp văn bản qua giao diện lập trình
I. MỤC ĐÍCH, YÊU CẦU
1. Kiểm tra việc nạp một văn bản mới qua API quản trị.
II. NỘI DUNG
1. Văn phòng Ủy ban nhân dân xã chủ trì thực hiện.
"""
# at least one letter that only Vietnamese spelling uses (tone marks, ơ, ư, đ, ...)
VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE
)


def _corpus_snapshot() -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((PROJECT_ROOT / "corpus").iterdir())
        if p.is_file()
    }


REAL_CORPUS_AT_IMPORT = _corpus_snapshot()


@pytest.fixture(scope="module")
def fuzz_services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    root = tmp_path_factory.mktemp("fuzz")
    # a copy of the corpus: the fuzzer may upload/delete, never the real files
    cfg = copied_corpus_settings(
        root,
        embed_model=str(root / "no-model"),  # never loaded: the fake embedder is injected
        admin_token=ADMIN_TOKEN,
        rate_limit_per_minute=0,
    )
    embedder = FakeEmbedder()
    ingest(load_corpus(cfg.corpus_dir), settings=cfg, embedder=embedder, progress=False)
    services = Services(cfg, embedder=embedder)
    services.warm()
    assert services.ready
    yield services
    services.close()


@pytest.fixture(scope="module")
def fuzz_app(fuzz_services: Services):  # type: ignore[no-untyped-def]
    return create_app(fuzz_services)


def _with_examples(raw: dict[str, Any]) -> dict[str, Any]:
    """Seed the schema with real values (OpenAPI ``examples``) for the explicit-examples phase.

    Random strings never name a real document, section or agency, so without these seeds the
    200 paths of those operations (and a real delete, which re-indexes) would go unfuzzed. They
    only add cases: the generated ones still run. The delete removes KH from the *tmp copy*; the
    operations that need it run before it (schema order).
    """
    seeds = {
        ("get", "/api/documents/{doc}", "doc"): [CV, KH],
        ("get", "/api/documents/{doc}/sections/{label}", "doc"): [CV],
        ("get", "/api/documents/{doc}/sections/{label}", "label"): ["II.10", "Phụ lục III"],
        ("delete", "/api/documents/{doc}", "doc"): [KH],
        ("get", "/api/agencies/{name}/tasks", "name"): ["Sở Giáo dục và Đào tạo", "so noi vu"],
        ("get", "/api/criteria", "doc"): [CV],
        ("get", "/api/criteria", "code"): ["B.1.9"],
    }
    for (method, path, name), values in seeds.items():
        (param,) = [p for p in raw["paths"][path][method]["parameters"] if p["name"] == name]
        param["examples"] = {f"e{i}": {"value": v} for i, v in enumerate(values)}
    chat = raw["paths"]["/api/chat"]["post"]["requestBody"]["content"]["application/json"]
    chat["examples"] = {
        "passage": {"value": {"message": QUESTION}},
        "follow-up": {
            "value": {
                "message": "Còn Sở Tài chính thì sao?",
                "history": [{"role": "user", "content": "Sở Nội vụ có nhiệm vụ gì?"}],
            }
        },
    }
    # Generated file parts are named after the field ("files", no extension) and would all stop at
    # the extension check; a declared .md name sends the fuzzed bytes on into the reader and parser.
    upload = raw["paths"]["/api/documents"]["post"]["requestBody"]["content"]["multipart/form-data"]
    upload["encoding"] = {
        "files": {
            "headers": {
                "Content-Disposition": {
                    "schema": {"type": "string"},
                    "example": 'form-data; name="files"; filename="van-ban-thu.md"',
                }
            }
        }
    }
    upload["examples"] = {"plan": {"value": {"files": [NEW_PLAN]}}}
    return raw


def _schema_source() -> schemathesis.BaseSchema:
    """The OpenAPI schema, read from an app built the same way at collection time.

    The schema only describes the routes, so this app is cheap: the real corpus read-only, no
    index, admin API *disabled*, feedback in a throwaway dir. The requests never go to it: every
    case is sent to ``fuzz_app`` (over the tmp copy) with ``case.call(app=...)``. (The lazy
    ``schemathesis.pytest.from_fixture`` loader would avoid this, but it breaks on pytest 9:
    it reads ``Function._nodeid``, which pytest 9 no longer has.)
    """
    data_dir = Path(tempfile.mkdtemp(prefix="fuzz-schema-"))
    atexit.register(shutil.rmtree, data_dir, True)
    cfg = Settings(
        corpus_dir=PROJECT_ROOT / "corpus",
        index_dir=data_dir / "index",
        data_dir=data_dir,
        embed_model=str(data_dir / "no-model"),
        llm_base_url="",
        admin_token="",
        rate_limit_per_minute=0,
    )
    raw = create_app(Services(cfg)).openapi()
    return schemathesis.openapi.from_dict(_with_examples(copy.deepcopy(raw)))


schema = _schema_source()


def test_schema_covers_every_route() -> None:
    """The fuzzer sees every API route (the page and /static are deliberately not in the schema)."""
    labels = {op.ok().label for op in schema.get_all_operations()}
    assert labels == {
        "GET /healthz",
        "POST /api/chat",
        "GET /api/documents",
        "POST /api/documents",
        "GET /api/documents/{doc}",
        "DELETE /api/documents/{doc}",
        "GET /api/documents/{doc}/sections/{label}",
        "GET /api/criteria",
        "GET /api/scores",
        "GET /api/check",
        "GET /api/agencies",
        "GET /api/agencies/{name}/tasks",
        "POST /api/feedback",
    }


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error(case, fuzz_app) -> None:  # type: ignore[no-untyped-def]
    # The generated Authorization header is replaced by the real token so the admin operations
    # run their real work; the wrong-token path is covered in tests/test_api.py.
    response = case.call(app=fuzz_app, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})
    # pytest 9 gives every generated item the same node id, so each message names the operation
    where = f"{case.operation.label} -> {response.status_code}"
    assert response.status_code < 500, f"{where}: {response.text[:500]}"
    if response.status_code >= 400:
        content_type = (response.headers.get("content-type") or [""])[0]
        assert content_type.startswith("application/json"), f"{where}: {response.text[:300]}"
        body = response.json()
        message = body.get("message") if isinstance(body, dict) else None
        assert isinstance(message, str) and message.strip(), f"{where}: {body}"
        assert VIETNAMESE.search(message), f"{where}: not a Vietnamese message: {message!r}"
        assert "Traceback" not in response.text, where


def test_the_real_corpus_was_not_touched(fuzz_services: Services) -> None:
    """Uploads and deletes went to the tmp copy only."""
    assert fuzz_services.settings.corpus_dir != PROJECT_ROOT / "corpus"
    assert _corpus_snapshot() == REAL_CORPUS_AT_IMPORT

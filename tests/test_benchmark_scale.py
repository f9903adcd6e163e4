"""benchmarks/scale.py in pieces, on a tiny corpus and fake results: no model, no server, fast."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT
from assistant.documents import parse_file, parse_text

SCRIPT = PROJECT_ROOT / "benchmarks" / "scale.py"


@pytest.fixture(scope="module")
def scale() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scale", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_scale"] = module
    spec.loader.exec_module(module)
    return module


# A made-up law in the ALQAC layout: an article's text is '<title>\n\n<body>', or body only.
FAKE_LAWS = [
    {
        "id": "99/2099/QH99",
        "articles": [
            {"id": "1", "text": "Phạm vi điều chỉnh\n\nLuật này quy định về việc thử nghiệm."},
            {
                "id": "2",
                "text": "Giải thích từ ngữ\n\n1. Thử nghiệm là việc làm thử.\n\n2. Kết quả là điều thu được.",
            },
        ],
    },
    {
        "id": "Luật Thử nghiệm",
        "articles": [
            {"id": "1", "text": "1. Nhà nước bảo đảm việc thử nghiệm.\n\n2. Mọi người được thử nghiệm."},
            {"id": "2", "text": "Đối tượng áp dụng\n\nLuật này áp dụng đối với cơ quan, tổ chức, cá nhân."},
        ],
    },
]


def fake_pool(root: Path, n: int) -> list[Path]:
    root.mkdir()
    for i in range(n):
        (root / f"{i:04x}.md").write_text(
            f"Số: {i}/KH-UBND\n\nI. MỤC TIÊU\n\nNội dung {i}.\n", encoding="utf-8"
        )
    (root / "MANIFEST.md").write_text("# not a document\n", encoding="utf-8")
    return sorted(root.glob("*.md"))


def test_sizes_are_parsed(scale: ModuleType) -> None:
    specs = scale.parse_sizes("2,30,all,all+alqac")
    assert [(s.label, s.real, s.laws) for s in specs] == [
        ("2", 0, False),
        ("30", 30, False),
        ("all", None, False),
        ("all+alqac", None, True),
    ]
    with pytest.raises(ValueError):
        scale.parse_sizes("lots")
    with pytest.raises(ValueError):
        scale.parse_sizes("all+more")


def test_samples_are_nested_seeded_and_skip_the_held_out(scale: ModuleType, tmp_path: Path) -> None:
    fake_pool(tmp_path / "real", 20)
    pool = scale.real_pool(tmp_path / "real")
    assert len(pool) == 20 and all(p.name != "MANIFEST.md" for p in pool)
    held = pool[:2]
    small, large = scale.sample(pool, held, 14, 5), scale.sample(pool, held, 14, 12)
    assert large[:5] == small  # each size a prefix of the next
    assert scale.sample(pool, held, 14, 5) == small  # seeded
    assert not set(held) & set(scale.sample(pool, held, 14, None))
    assert len(scale.sample(pool, held, 14, None)) == 18


def test_probes_are_documents_a_question_can_name(scale: ModuleType) -> None:
    probes = scale.choose_probes(sorted((PROJECT_ROOT / "corpus").glob("*.md")), 14, n=2)
    assert probes
    for p in probes:
        doc = parse_file(p)
        assert doc.number and doc.doc_type and doc.signer
        question, doc_id = scale.probe_question(p)
        assert doc.number in question and doc_id == p.stem


def test_a_law_becomes_one_document_with_its_articles(scale: ModuleType) -> None:
    numbered, named = (scale.law_markdown(law) for law in FAKE_LAWS)
    assert "Số: 99/2099/QH99" in numbered and "Điều 1. Phạm vi điều chỉnh" in numbered
    doc = parse_text("law", numbered, "law.md")
    labels = [s.label for s in doc.walk()]
    assert {"Điều 1", "Điều 2"} <= set(labels)
    assert doc.number == "99/2099/QH99" and doc.doc_type == "Luật"
    # an article whose text starts with a clause gets a heading without a title
    assert "Điều 1.\n\n1. Nhà nước" in named and "Điều 2. Đối tượng áp dụng" in named
    assert {"Điều 1", "Điều 2"} <= {s.label for s in parse_text("named", named, "n.md").walk()}


def test_corpus_of_a_size(scale: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pool = [p for p in fake_pool(tmp_path / "real", 10) if p.name != "MANIFEST.md"]
    alqac = tmp_path / "alqac"
    alqac.mkdir()
    (alqac / "alqac2099-laws.json").write_text(json.dumps(FAKE_LAWS, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(scale, "ALQAC_FILES", ("alqac2099-laws.json",))
    built = scale.build_corpus(tmp_path / "c1", scale.SizeSpec("5+alqac", 5, True), pool, pool[:1], 14, alqac)
    assert built == {"real_docs": 5, "law_articles": 4, "files": 2 + 5 + 2}
    names = {p.name for p in (tmp_path / "c1").iterdir()}
    assert {"cv-410-ubnd-hai-phong-2025.md", "kh-pctn-dac-khu-cat-hai-2025.md"} <= names
    assert pool[0].name not in names  # held out, to be added later
    only = scale.build_corpus(tmp_path / "c2", scale.SizeSpec("2", 0, False), pool, [], 14, alqac)
    assert only == {"real_docs": 0, "law_articles": 0, "files": 2}


def test_growth_is_named(scale: ModuleType) -> None:
    xs = [100.0, 1000.0, 10000.0]
    assert scale.growth(xs, [5.0, 5.1, 5.2]).startswith("constant")
    assert scale.growth(xs, [1.0, 10.0, 100.0]).startswith("linear")
    assert scale.growth(xs, [1.0, 100.0, 10000.0]).startswith("superlinear")
    assert scale.growth(xs, [1.0, 3.0, 10.0]).startswith("sublinear")
    assert scale.growth([1.0], [1.0]) == "—"
    assert math.isnan(scale.pct([], 50)) and scale.pct([3.0, 1.0, 2.0], 50) == 2.0


def test_peak_memory_of_a_command(scale: ModuleType, tmp_path: Path) -> None:
    cmd = [sys.executable, "-c", "b = bytearray(120 * 1024 * 1024); print('{\"ok\": 1}')"]
    run = scale.run_measured(cmd, {"PATH": "/usr/bin:/bin"}, tmp_path, tmp_path / "log", 60)
    assert run["rc"] == 0 and run["peak_mb"] > 110
    assert scale.last_json(tmp_path / "log") == {"ok": 1}


def fake_size(label: str, chunks: int, factor: float) -> dict[str, Any]:
    kinds = {
        k: {"runs": 10, "p50_ms": 1.0 * factor, "p95_ms": 2.0 * factor, "answered_as": {k: 5}}
        for k in ("numeric", "tasks", "document", "passage", "not_found")
    }
    return {
        "label": label,
        "ok": True,
        "ingest": {"seconds": 10.0 * factor, "peak_mb": 900.0 * factor, "chunks": chunks},
        "add_cli": {"seconds": 3.0, "peak_mb": 800.0},
        "inproc": {
            "documents": chunks // 10,
            "sections": chunks // 2,
            "startup": {"parse_s": 0.1 * factor, "facts_s": 0.1, "warm_s": 5.0},
            "kinds": kinds,
            "probe_cli": {"cited": True},
        },
        "serve": {
            "ready_s": 9.0,
            "rss_idle_mb": 700.0,
            "peak_load_mb": 800.0,
            "peak_end_mb": 850.0,
            "load": [{"clients": c, "p95_ms": 100.0 * factor, "errors": 0, "rps": 20.0} for c in (8, 32)],
            "add_api": {"seconds": 4.0, "cited": True},
        },
    }


def test_report_and_plot_keep_the_written_analysis(scale: ModuleType, tmp_path: Path) -> None:
    results = [
        fake_size("2", 100, 1.0),
        fake_size("30", 1000, 2.0),
        {"label": "100", "ok": False, "error": "boom"},
    ]
    meta = {
        "date": "d",
        "machine": "m",
        "cores": 2,
        "python": "3.11",
        "command": "c",
        "quick": True,
        "seed": 14,
    }
    out = tmp_path / "scale.md"
    scale.write_report(results, meta, out)
    text = out.read_text(encoding="utf-8")
    assert "| full ingest, s | 10.0 | 20.0 |" in text
    assert "| HTTP p95 at 8 clients, ms | 100 | 200 |" in text
    assert "`100`: boom" in text and "other jobs" in text
    assert json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))["sizes"][0]["label"] == "2"
    # the hand-written analysis between the markers survives a rewrite
    out.write_text(
        text.replace("(to be written from the figures and the profile)", "Parsing grows linearly."),
        encoding="utf-8",
    )
    scale.write_report(results, meta, out)
    assert "Parsing grows linearly." in out.read_text(encoding="utf-8")
    pytest.importorskip("matplotlib")
    assert out.with_suffix(".png").stat().st_size > 10_000

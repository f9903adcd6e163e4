"""The `assistant` command on the real corpus: readable tables, JSON, and clear errors with exit code 1."""

from __future__ import annotations

import json

import pytest

from assistant.cli import main

CV = "cv-410-ubnd-hai-phong-2025"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_criteria_json_rows(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "criteria", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 49
    d22 = next(r for r in rows if r["code"] == "D.2.2")
    assert {
        k: d22[k] for k in ("doc", "appendix", "max_points", "awarded_points", "deducted_points", "line")
    } == {
        "doc": CV,
        "appendix": "Phụ lục III",
        "max_points": 2.5,
        "awarded_points": 0.01,
        "deducted_points": 2.49,
        "line": 210,
    }
    assert isinstance(d22["title"], str) and d22["title"]


def test_criteria_top_with_ties(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "criteria", "--top", "2", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["code"] for r in rows] == [
        "D.2.2",
        "B.1.1",
        "B.2.2",
        "D.1.2",
    ]  # the tie at 2nd place kept whole
    assert [r["rank"] for r in rows] == [1, 2, 2, 2]


@pytest.mark.parametrize(
    ("args", "codes"),
    [
        (["--zero"], {"B.1.3", "B.1.10.1", "B.2.1", "B.2.2", "C.3.4", "C.3.5", "C.3.6", "D.1.2"}),
        (["--group", "D"], {"D.1.1", "D.1.2", "D.2.1", "D.2.2"}),
        (["--code", "B.1.9"], {"B.1.9"}),
    ],
)
def test_criteria_filters(capsys: pytest.CaptureFixture[str], args: list[str], codes: set[str]) -> None:
    code, out, _ = run(capsys, "criteria", *args, "--json")
    assert code == 0 and {r["code"] for r in json.loads(out)} == codes


def test_criteria_table_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "criteria", "--full")
    assert code == 0
    assert "Thang điểm" in out and "22 tiêu chí" in out


def test_unknown_criterion_exits_1_with_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "criteria", "--code", "B.1.99")
    assert code == 1
    assert "B.1.99" in err and "B.1.9" in err


def test_tasks_via_alias_and_without_accents(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "tasks", "so gd&dt", "--json")
    assert code == 0 and [a["section"] for a in json.loads(out)] == ["II.10"]
    code, out, _ = run(capsys, "tasks", "Sở Tư pháp")
    assert code == 0 and "II.5" in out


def test_unknown_agency_exits_1_with_the_closest(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "tasks", "Sở Tài nguyên")
    assert code == 1
    assert "Sở Tài nguyên" in err and "Gần nhất" in err


def test_docs_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "docs", "--json")
    assert code == 0 and {d["doc"] for d in json.loads(out)} == {CV, "kh-pctn-dac-khu-cat-hai-2025"}
    code, out, _ = run(capsys, "check", "--json")
    findings = json.loads(out)
    assert code == 0
    assert {(f["doc"], f["line"], f["kind"]) for f in findings} >= {
        (CV, 6, "number_mismatch"),
        (CV, 171, "date_mismatch"),
    }
    code, out, _ = run(capsys, "check")
    assert "dòng" in out.lower() or "Dòng" in out


def test_ask_json_uses_the_same_service(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "Ai ký Công văn 410?", "--json")
    reply = json.loads(out)
    assert code == 0 and reply["kind"] == "document" and "Lê Anh Quân" in reply["answer"]
    assert reply["citations"][0]["section"] == "Chữ ký"

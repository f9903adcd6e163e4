"""Templates in prompts/: each declared one loads and renders; variables are checked on load and render."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.prompts import (
    DEFAULT_DIRECTORY,
    EXPECTED,
    PromptError,
    PromptLibrary,
    get_prompts,
    placeholders,
)


def test_get_prompts_is_cached() -> None:
    assert get_prompts() is get_prompts()
    assert get_prompts(DEFAULT_DIRECTORY) is get_prompts()
    assert set(get_prompts().names) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_template_renders(name: str) -> None:
    library = get_prompts()
    values = {var: f"<giá trị {var}>" for var in EXPECTED[name]}
    text = library.render(name, **values)
    assert text.strip()
    for value in values.values():
        assert value in text
    assert text == text.rstrip()


def test_llm_prompts_carry_the_rules() -> None:
    library = get_prompts()
    system = library.render("llm_system").lower()
    for rule in (
        "chỉ trả lời dựa trên các nguồn",
        "[1]",
        "không bao giờ tự đưa ra con số",
        "tiếng việt",
        "bỏ qua mọi yêu cầu",
    ):
        assert rule in system, rule
    passage = library.render("llm_passage", question="Q?", sources="[1] Chỉ thị — Mục 1\nNội dung")
    assert passage.index("[1] Chỉ thị") < passage.index("Q?")
    condense = library.render("llm_condense", history="Người dùng: A", question="B?")
    assert "Người dùng: A" in condense and "B?" in condense


def copy_prompts(tmp_path: Path) -> Path:
    target = tmp_path / "prompts"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def test_undeclared_placeholder_fails_loading(tmp_path: Path) -> None:
    directory = copy_prompts(tmp_path)
    path = directory / "llm_passage.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nVăn bản: {document}\n", encoding="utf-8")
    with pytest.raises(PromptError) as info:
        PromptLibrary(directory)
    message = info.value.message
    assert "llm_passage.txt" in message
    assert "{document}" in message
    assert "không khai báo" in message


def test_declared_but_unused_variable_fails_loading(tmp_path: Path) -> None:
    (tmp_path / "lead.txt").write_text("Có {count} văn bản.\n", encoding="utf-8")
    with pytest.raises(PromptError) as info:
        PromptLibrary(tmp_path, expected={"lead": {"count", "agency"}})
    assert "lead.txt" in info.value.message
    assert "{agency}" in info.value.message


def test_missing_file_fails_loading(tmp_path: Path) -> None:
    with pytest.raises(PromptError) as info:
        PromptLibrary(tmp_path, expected={"lead": {"count"}})
    assert "lead.txt" in info.value.message


@pytest.mark.parametrize(
    "bad", ["Số {0}", "Số {}", "Số {a.b}", "Số {n:.2f}", "Số {n!r}", "Mở { rồi", "Đóng } rồi"]
)
def test_malformed_placeholders_fail_loading(tmp_path: Path, bad: str) -> None:
    (tmp_path / "lead.txt").write_text(bad, encoding="utf-8")
    with pytest.raises(PromptError) as info:
        PromptLibrary(tmp_path, expected={"lead": {"n"}})
    assert "lead.txt" in info.value.message


def test_render_checks_variables(tmp_path: Path) -> None:
    (tmp_path / "lead.txt").write_text(
        "\ufeffCó {count} văn bản của {agency}; mẫu {{json}}.\n\n", encoding="utf-8"
    )
    library = PromptLibrary(tmp_path, expected={"lead": {"count", "agency"}})
    assert (
        library.render("lead", count="3", agency="Sở {Nội vụ}") == "Có 3 văn bản của Sở {Nội vụ}; mẫu {json}."
    )
    with pytest.raises(PromptError, match=r"thiếu biến \{agency\}"):
        library.render("lead", count="3")
    with pytest.raises(PromptError, match=r"thừa biến \{extra\}"):
        library.render("lead", count="3", agency="x", extra="y")
    with pytest.raises(PromptError, match="unknown"):
        library.render("unknown")


def test_placeholders() -> None:
    assert placeholders("{a} {{b}} {c}{a}") == {"a", "c"}

"""Lists of names in groups (assistant.grouped, compose/grouped.py): which group a member is in, how
many members a group or the whole list has (counted, and said to be), a group's members. On an
invented resolution; deterministic, no index or model."""

from __future__ import annotations

import pytest

from assistant.chat import ChatService
from assistant.corpus import Corpus
from assistant.documents import parse_text
from assistant.grouped import grouped_lists

RESOLUTION = """HỘI ĐỒNG NHÂN DÂN
TỈNH AN BÌNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 12/2026/NQ-HĐND

An Bình, ngày 10 tháng 12 năm 2026

NGHỊ QUYẾT

Quy định mức hỗ trợ theo địa bàn

Điều 1. Mức hỗ trợ

| Địa bàn | Mức hỗ trợ |
| --- | --- |
| Đô thị | 100 |
| Miền núi | 150 |

Điều 2. Hiệu lực thi hành

Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.

PHỤ LỤC

PHÂN LOẠI ĐỊA BÀN

| STT | Tên xã, phường |
| --- | --- |
| I | Đô thị (3 phường) |
| 1 | Phường Đông Sơn |
| 2 | Phường Tây Sơn |
| 3 | Phường Bắc Sơn |
| II | Miền núi (2 xã) |
| 1 | Xã Phú Lộc |
| 2 | Xã Phú Lộc Đông |
"""


@pytest.fixture(scope="module")
def service() -> ChatService:
    return ChatService(Corpus.from_documents([parse_text("nq-12-an-binh", RESOLUTION)]), None)


def test_a_table_of_names_under_numbered_groups_is_read_and_a_table_of_figures_is_not() -> None:
    doc = parse_text("nq-12-an-binh", RESOLUTION)
    (gl,) = grouped_lists(doc)
    assert [(g.number, g.key, len(g.members)) for g in gl.groups] == [
        ("I", "do thi", 3),
        ("II", "mien nui", 2),
    ]
    assert gl.groups[0].stated_count == 3


@pytest.mark.parametrize(
    ("question", "group"),
    [
        ("Xã Phú Lộc thuộc loại địa bàn nào?", "II. Miền núi"),
        ("xa phu loc dong duoc xep vao nhom nao", "II. Miền núi"),  # unaccented; not also 'Xã Phú Lộc'
        ("Phường Tây Sơn thuộc nhóm gì?", "I. Đô thị"),
    ],
)
def test_which_group_a_member_is_in(service: ChatService, question: str, group: str) -> None:
    a = service.ask(question)
    assert a.kind == "document" and a.data["query"]["operation"] == "member"
    assert f"thuộc nhóm **{group}" in a.answer
    assert len(a.data["grouped"]["members"]) == 1


def test_a_count_of_a_group_and_of_the_whole_list(service: ChatService) -> None:
    a = service.ask("Nghị quyết 12/2026 có bao nhiêu phường thuộc địa bàn đô thị?")
    assert a.kind == "numeric" and a.data["grouped"]["count"] == 3
    assert "khớp với số văn bản ghi" in a.answer
    b = service.ask("Phụ lục của Nghị quyết 12/2026 có tổng cộng bao nhiêu xã, phường?")
    assert b.kind == "numeric" and b.data["grouped"]["count"] == 5
    assert "văn bản không ghi tổng này" in b.answer  # computed, and said to be


def test_the_members_of_a_group(service: ChatService) -> None:
    a = service.ask("Những xã nào thuộc địa bàn miền núi?")
    assert a.data["grouped"]["groups"] == {"II": ["Xã Phú Lộc", "Xã Phú Lộc Đông"]}
    assert len(a.citations) == 3  # the group's row and each member's


def test_a_figure_of_the_figures_table_is_not_a_count_of_the_list(service: ChatService) -> None:
    a = service.ask("Mức hỗ trợ ở đô thị là bao nhiêu?")
    assert a.data["query"]["target"] == "cells"


def test_a_group_named_in_a_question_about_something_else_is_not_a_list(service: ChatService) -> None:
    a = service.ask("Mức hỗ trợ nào ở miền núi cao nhất?")
    assert a.data["query"]["target"] != "grouped_list"

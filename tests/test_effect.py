"""When a document takes effect (assistant/effect.py): its own clause, on a written example and
over every real document of ../shared/realdocs that has one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.documents import parse_file, parse_text
from assistant.effect import effect_of, effective_date
from assistant.text import squash

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"

DECISION = """ỦY BAN NHÂN DÂN
TỈNH BÌNH MINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2026/QĐ-UBND
Bình Minh, ngày 05 tháng 01 năm 2026

QUYẾT ĐỊNH
Ban hành Quy chế phối hợp quản lý cụm công nghiệp

Căn cứ Luật Tổ chức chính quyền địa phương;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý cụm công nghiệp.

Điều 2. Quyết định số 07/2020/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.

Điều 3. Quyết định này có hiệu lực
thi hành kể từ ngày 15 tháng 01 năm 2026.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn A
"""


def test_the_documents_own_clause_and_its_date() -> None:
    doc = parse_text("qd-12", DECISION)
    effect = effect_of(doc)
    assert effect is not None
    assert effect.sentence == "Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 01 năm 2026."
    assert str(effective_date(doc)) == "15/01/2026" and not effect.from_signing


def test_from_signing_is_the_documents_own_date() -> None:
    doc = parse_text("qd-12", DECISION.replace("kể từ ngày 15 tháng 01 năm 2026", "kể từ ngày ký"))
    effect = effect_of(doc)
    assert effect is not None and effect.from_signing and effect.date is None
    assert str(effective_date(doc)) == "05/01/2026"


def test_a_document_without_a_clause_says_nothing() -> None:
    text = DECISION.replace(
        "Điều 3. Quyết định này có hiệu lực\nthi hành kể từ ngày 15 tháng 01 năm 2026.", ""
    )
    text = text.replace(
        "Điều 2. Quyết định số 07/2020/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.", ""
    )
    assert effect_of(parse_text("qd-12", text)) is None


@pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs is not present")
def test_every_real_clause_is_found_and_quoted_verbatim() -> None:
    with_clause = found = 0
    for path in sorted(REALDOCS.glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        if not re.search(r"này\s+có\s+hiệu\s+lực", raw):
            continue
        with_clause += 1
        effect = effect_of(parse_file(path))
        if effect is None:
            continue
        found += 1
        assert squash(effect.sentence) in squash(raw.replace("\n", " ")), (path.name, effect.sentence)
    assert with_clause >= 20 and found / with_clause >= 0.95, (found, with_clause)


def test_the_date_nearest_the_clause_is_its_date() -> None:
    """'... kể từ ngày 01/02/2026, Quyết định số 07/2020 ngày 26 tháng 6 năm 2020 ... hết hiệu lực':
    the first date after the clause, however each is written."""
    text = DECISION.replace(
        "Điều 3. Quyết định này có hiệu lực\nthi hành kể từ ngày 15 tháng 01 năm 2026.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 01/02/2026, Quyết định số 07/2020/QĐ-UBND"
        " ngày 26 tháng 6 năm 2020 hết hiệu lực kể từ ngày Quyết định này có hiệu lực.",
    )
    assert str(effective_date(parse_text("qd-12", text))) == "01/02/2026"


def test_another_documents_clause_is_not_this_ones() -> None:
    """'Luật Cạnh tranh chính thức có hiệu lực' in a chronology is about that law, not this document."""
    text = DECISION.replace(
        "Điều 3. Quyết định này có hiệu lực\nthi hành kể từ ngày 15 tháng 01 năm 2026.",
        "Điều 3. Quá trình: năm 2005, Luật Cạnh tranh chính thức có hiệu lực.",
    )
    text = text.replace(
        "Điều 2. Quyết định số 07/2020/QĐ-UBND hết hiệu lực kể từ ngày Quyết định này có hiệu lực.", ""
    )
    assert effect_of(parse_text("qd-12", text)) is None


@pytest.mark.parametrize(
    ("clause", "date"),
    [
        # the document's own kind, bare, after a clause number
        (
            "Điều 3. Hiệu lực thi hành\n\n1. Quyết định có hiệu lực thi hành kể từ ngày 20 tháng 01 năm 2026.",
            "20/01/2026",
        ),
        # 'this' document before the clause, in the closing sentence of a resolution
        (
            "Điều 3. Quyết định này đã được thông qua ngày 05 tháng 01 năm 2026 và có hiệu lực từ ngày 25 tháng 01 năm 2026.",
            "25/01/2026",
        ),
        # from signing; the date after it is the replaced document's, not the effect's
        (
            "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số 07/2020/QĐ-UBND ngày 01 tháng 3 năm 2020.",
            "05/01/2026",
        ),
        # another document named between: not this one's clause
        (
            "Điều 3. Quyết định này thay thế Quyết định số 07/2020/QĐ-UBND có hiệu lực từ ngày 01 tháng 3 năm 2020.",
            None,
        ),
    ],
)
def test_clauses_whose_subject_is_the_document_itself(clause: str, date: str | None) -> None:
    text = DECISION.replace(
        "Điều 3. Quyết định này có hiệu lực\nthi hành kể từ ngày 15 tháng 01 năm 2026.", clause
    )
    doc = parse_text("qd-12", text)
    got = effective_date(doc)
    assert (str(got) if got else None) == date

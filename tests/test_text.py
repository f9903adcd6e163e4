"""fold(): the fast path must equal its definition (NFD, lowercase, đ -> d, every Mn mark dropped, NFC)."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.config import PROJECT_ROOT
from assistant.text import fold


def fold_by_definition(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d").replace("Đ", "d")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def test_examples() -> None:
    assert fold("Sở Giáo dục và Đào tạo") == "so giao duc va dao tao"
    assert fold("ĐẶC KHU CÁT HẢI") == "dac khu cat hai"
    assert fold("“Tiêu chí” – điểm²") == "“tieu chi” – diem²"  # punctuation and signs stay
    assert fold("so giao duc") == "so giao duc"


def test_every_line_of_the_corpus() -> None:
    for path in sorted((PROJECT_ROOT / "corpus").glob("*.md")):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert fold(line) == fold_by_definition(line), line


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_any_text(text: str) -> None:
    assert fold(text) == fold_by_definition(text)

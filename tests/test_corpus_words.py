"""corpus.has_words: the same answer as the regular expression ``\\b<phrase>\\b`` it replaces."""

from __future__ import annotations

import re

import pytest

from assistant.corpus import has_words

TEXT = "ke hoach cua dac khu cat hai nam 2025 so 12 kh ubnd_xa cat hai2 thuy nguyen "


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("cat hai", True),
        ("ke hoach", True),  # at the very start
        ("thuy nguyen", True),  # before the trailing space
        ("hai", True),  # found after a first occurrence glued to a digit ('hai2')
        ("at hai", False),  # inside a word
        ("cat ha", False),
        ("ubnd", False),  # '_' is a word character
        ("xa", False),
        ("hai2", True),
        ("2025", True),
        ("202", False),
        ("nguyen ", False),  # a phrase ending in a non-word character: no word after it
        ("cat hai ", True),  # ... a word after it
        (" cat", True),
        ("bach long vi", False),
        ("", True),
    ],
)
def test_has_words_agrees_with_the_regular_expression(phrase: str, expected: bool) -> None:
    assert has_words(TEXT, phrase) is expected
    assert (re.search(rf"\b{re.escape(phrase)}\b", TEXT) is not None) is expected

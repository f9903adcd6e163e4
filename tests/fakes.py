"""Test doubles shared by several test modules."""

from __future__ import annotations

import hashlib

import numpy as np

from assistant.text import syllables


class FakeEmbedder:
    """Text-dependent vectors: hashed bag of folded syllables, L2-normalised (never a constant vector)."""

    def __init__(self, name: str = "fake-hash-256", dim: int = 256, fail_after: int | None = None) -> None:
        self.name = name
        self.dim = dim
        self.passages_embedded = 0
        self.passage_texts: list[str] = []
        self.fail_after = fail_after

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for w in syllables(text):
            h = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0
        n = float(np.linalg.norm(v))
        if n == 0.0:
            v[0], n = 1.0, 1.0
        return v / n

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        return np.stack([self._vec(t) for t in texts])

    def embed_passages(self, texts, batch_size=32, show_progress=False):  # type: ignore[no-untyped-def]
        if self.fail_after is not None and self.passages_embedded + len(texts) > self.fail_after:
            raise RuntimeError("embedding failed on purpose")
        self.passages_embedded += len(texts)
        self.passage_texts.extend(texts)
        return np.stack([self._vec(t) for t in texts])

    def token_count(self, text: str) -> int:
        return len(text.split())

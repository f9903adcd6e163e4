"""A Vietnamese-aware BM25 index in pure Python and numpy.

Terms come from :func:`assistant.text.search_tokens`: accent-folded syllables (abbreviations
expanded), syllable bigrams (``a_b``) and whole document numbers (``#130/2020/ND-CP``). Each
kind has its own weight, so a query citing a document number finds the passage citing it first,
and a query typed without accents scores exactly as the same query typed with them.

Scoring (Lucene-style BM25, weighted by term kind)::

    score(d, q) = sum_t  qtf(t) * w(kind t) * idf(t) * tf(t,d) * (k1 + 1) / (tf(t,d) + k1 * norm(d))
    idf(t)      = ln(1 + (N - df(t) + 0.5) / (df(t) + 0.5))
    norm(d)     = 1 - b + b * len(d) / avglen           (len = number of syllables)

A text's first line, when it has more than one, is its heading: its terms count
``heading_weight`` times (chunks are expected as "heading path\nbody").

Layout: each document keeps its term ids and counts (numpy arrays); a compiled inverted index in
CSR form (postings sorted by term, per-posting BM25 term-frequency part precomputed) is rebuilt
lazily on the first search after a change, so a search is one numpy gather plus ``bincount``.
``remove`` leaves a tombstone, dropped when tombstones outnumber live documents (and on save).
Not thread-safe for writes: callers serialise ``add``/``remove`` against searches.

Persistence is a single ``.npz`` file (numpy arrays plus a JSON header, read with
``allow_pickle=False``), written to a temporary file then ``os.replace``-d into place.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from assistant.files import atomic_writer
from assistant.text import search_tokens

FORMAT = "assistant-bm25"
FORMAT_VERSION = 1

# Defaults chosen by grid search on ALQAC 2023 train (100 questions over 2,249 articles, article
# level; best MRR) and checked on held-out sets, identical with and without accents on the query:
#                         hit@1 hit@5 R@10  MRR
#   2023 train (100)      0.85  0.98  0.98  0.910
#   2023 private (110)    0.80  0.90  0.92  0.852   (held out)
#   2022 (520)            0.92  0.96  0.97  0.939   (held out, other laws)
# Reference (BM25 on folded syllables + bigrams): train 0.81/0.96/0.97/0.872, private 0.77/0.91/0.94/0.831.
# Reproduce: `.venv/bin/python benchmarks/bm25_tuning.py [--grid]` (reads ../shared/bench/alqac at
# run time). Low k1 (early tf saturation), bigrams x3 and the heading line x2 each helped on train;
# the document-number weight does not move ALQAC and is set so a cited number beats passages that
# only share its syllables (130/2020/UBND, 131/2020/NĐ-CP) — see tests/test_bm25.py.
DEFAULT_K1 = 0.45
DEFAULT_B = 0.85
DEFAULT_BIGRAM_WEIGHT = 3.0
DEFAULT_DOCNUM_WEIGHT = 20.0
DEFAULT_HEADING_WEIGHT = 2.0

Metadata = dict[str, Any]
_NO_TERMS = np.zeros(0, dtype=np.int32)
_NO_TFS = np.zeros(0, dtype=np.float64)


def _term_kind(term: str) -> int:
    """0 syllable, 1 bigram, 2 document number."""
    if term.startswith("#"):
        return 2
    return 1 if "_" in term else 0


def _meta_key(value: Any) -> Hashable:
    """A hashable stand-in for a metadata value; bools kept apart from ints (True is not 1 here)."""
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, str | int | float) or value is None:
        return value
    return ("json", json.dumps(value, sort_keys=True, ensure_ascii=False))


class BM25Index:
    """An in-memory BM25 index with deletes, metadata filters and atomic save/load."""

    def __init__(
        self,
        k1: float = DEFAULT_K1,
        b: float = DEFAULT_B,
        bigram_weight: float = DEFAULT_BIGRAM_WEIGHT,
        docnum_weight: float = DEFAULT_DOCNUM_WEIGHT,
        heading_weight: float = DEFAULT_HEADING_WEIGHT,
        unigram_weight: float = 1.0,
    ) -> None:
        if k1 < 0 or not 0.0 <= b <= 1.0 or heading_weight < 0:
            raise ValueError(
                f"BM25 needs k1 >= 0, 0 <= b <= 1, heading_weight >= 0 (got {k1}, {b}, {heading_weight})"
            )
        self.k1 = float(k1)
        self.b = float(b)
        self.unigram_weight = float(unigram_weight)
        self.bigram_weight = float(bigram_weight)
        self.docnum_weight = float(docnum_weight)
        self.heading_weight = float(heading_weight)
        self._vocab: dict[str, int] = {}
        self._terms: list[str] = []
        self._kind: list[int] = []
        # Per slot (a document position; a removed document leaves a tombstone: id None, no terms).
        self._slot_ids: list[str | None] = []
        self._slot_terms: list[np.ndarray] = []  # term ids (int32)
        self._slot_tfs: list[np.ndarray] = []  # weighted term counts (float64)
        self._slot_len: list[int] = []
        self._slot_meta: list[Metadata] = []
        self._slot_of: dict[str, int] = {}
        # Metadata inverted index: key -> value key -> live slots.
        self._meta_index: dict[str, dict[Hashable, set[int]]] = {}
        self._compiled: _Compiled | None = None

    # ----------------------------------------------------------------- building

    def params(self) -> dict[str, float]:
        """The scoring parameters, as the constructor takes them."""
        return {
            "k1": self.k1,
            "b": self.b,
            "bigram_weight": self.bigram_weight,
            "docnum_weight": self.docnum_weight,
            "heading_weight": self.heading_weight,
            "unigram_weight": self.unigram_weight,
        }

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._slot_of

    def ids(self) -> list[str]:
        """Ids of the indexed documents, in insertion order."""
        return [i for i in self._slot_ids if i is not None]

    def metadata(self, doc_id: str) -> Metadata:
        """A copy of the metadata stored with a document (KeyError if unknown)."""
        return dict(self._slot_meta[self._slot_of[doc_id]])

    def add(self, ids: list[str], texts: list[str], metadata: list[dict] | None = None) -> None:
        """Index documents; an id already present is replaced."""
        if len(ids) != len(texts) or (metadata is not None and len(metadata) != len(ids)):
            raise ValueError("add() needs as many ids, texts (and metadata) as each other")
        for i, doc_id in enumerate(ids):
            if not isinstance(doc_id, str):
                raise TypeError(f"document ids must be str, got {type(doc_id).__name__}")
            meta = dict(metadata[i]) if metadata is not None else {}
            self._add_counts(doc_id, _count_terms(texts[i], self.heading_weight), meta)

    def remove(self, ids: Iterable[str]) -> int:
        """Remove documents by id (unknown ids are ignored); returns how many were removed."""
        removed = 0
        for doc_id in ids:
            slot = self._slot_of.pop(doc_id, None)
            if slot is None:
                continue
            for key, value in self._slot_meta[slot].items():
                self._meta_index[key][_meta_key(value)].discard(slot)
            self._slot_ids[slot] = None
            self._slot_terms[slot] = _NO_TERMS
            self._slot_tfs[slot] = _NO_TFS
            self._slot_meta[slot] = {}
            self._slot_len[slot] = 0
            removed += 1
        if removed:
            self._compiled = None
            if len(self._slot_ids) > 64 and len(self._slot_of) * 2 < len(self._slot_ids):
                self._compact()
        return removed

    def _add_counts(self, doc_id: str, counts: tuple[list[str], list[float], int], meta: Metadata) -> None:
        if doc_id in self._slot_of:
            self.remove([doc_id])
        terms, tfs, length = counts
        tids = np.fromiter((self._term_id(t) for t in terms), dtype=np.int32, count=len(terms))
        slot = len(self._slot_ids)
        self._slot_ids.append(doc_id)
        self._slot_terms.append(tids)
        self._slot_tfs.append(np.asarray(tfs, dtype=np.float64))
        self._slot_len.append(length)
        self._slot_meta.append(meta)
        self._slot_of[doc_id] = slot
        self._index_meta(slot, meta)
        self._compiled = None

    def _term_id(self, term: str) -> int:
        tid = self._vocab.get(term)
        if tid is None:
            tid = len(self._terms)
            self._vocab[term] = tid
            self._terms.append(term)
            self._kind.append(_term_kind(term))
        return tid

    def _live_slots(self) -> list[int]:
        return [slot for slot, doc_id in enumerate(self._slot_ids) if doc_id is not None]

    def _compact(self) -> None:
        """Drop tombstones (slots of removed documents); ranking is unchanged."""
        live = self._live_slots()
        self._slot_ids = [self._slot_ids[s] for s in live]
        self._slot_terms = [self._slot_terms[s] for s in live]
        self._slot_tfs = [self._slot_tfs[s] for s in live]
        self._slot_len = [self._slot_len[s] for s in live]
        self._slot_meta = [self._slot_meta[s] for s in live]
        self._slot_of = {str(doc_id): slot for slot, doc_id in enumerate(self._slot_ids)}
        self._meta_index = {}
        for slot, meta in enumerate(self._slot_meta):
            self._index_meta(slot, meta)
        self._compiled = None

    def _index_meta(self, slot: int, meta: Metadata) -> None:
        for key, value in meta.items():
            self._meta_index.setdefault(key, {}).setdefault(_meta_key(value), set()).add(slot)

    # ----------------------------------------------------------------- searching

    def _compile(self) -> _Compiled:
        if self._compiled is None:
            self._compiled = _Compiled(self)
        return self._compiled

    def _weight(self, kind: int) -> float:
        return (self.unigram_weight, self.bigram_weight, self.docnum_weight)[kind]

    def search(self, query: str, k: int = 10, where: dict | None = None) -> list[tuple[str, float]]:
        """The ``k`` best documents for ``query`` as (id, score), best first, ties broken by id.

        ``where`` keeps documents whose metadata equals every given value; a list value means
        "any of". Only documents sharing at least one term with the query are returned.
        """
        if k <= 0 or not self._slot_of:
            return []
        qcounts = Counter(search_tokens(query))
        if not qcounts:
            return []
        c = self._compile()
        slot_parts: list[np.ndarray] = []
        weight_parts: list[np.ndarray] = []
        for term, qtf in qcounts.items():  # first-occurrence order: same float sums after a reload
            tid = self._vocab.get(term)
            if tid is None:
                continue
            lo, hi = c.indptr[tid], c.indptr[tid + 1]
            if lo == hi:
                continue
            factor = qtf * self._weight(self._kind[tid]) * c.idf[tid]
            if factor == 0.0:
                continue
            slot_parts.append(c.post_slot[lo:hi])
            weight_parts.append(c.post_val[lo:hi] * factor)
        if not slot_parts:
            return []
        scores = np.bincount(
            np.concatenate(slot_parts), weights=np.concatenate(weight_parts), minlength=c.n_slots
        )
        if where:
            allowed = self._where_mask(where)
            if allowed is None:
                return []
            scores[~allowed] = 0.0
        cand = np.flatnonzero(scores > 0.0)
        if cand.size > k:
            kth = np.partition(scores[cand], cand.size - k)[cand.size - k]
            cand = cand[scores[cand] >= kth]
        ranked = sorted(
            ((str(self._slot_ids[s]), float(scores[s])) for s in cand.tolist()),
            key=lambda pair: (-pair[1], pair[0]),
        )
        return ranked[:k]

    def _where_mask(self, where: dict) -> np.ndarray | None:
        mask: np.ndarray | None = None
        for key, wanted in where.items():
            values = wanted if isinstance(wanted, list | tuple | set | frozenset) else [wanted]
            by_value = self._meta_index.get(key, {})
            slots: set[int] = set()
            for value in values:
                slots |= by_value.get(_meta_key(value), set())
            if not slots:
                return None
            m = np.zeros(len(self._slot_ids), dtype=bool)
            m[np.fromiter(slots, dtype=np.int64, count=len(slots))] = True
            mask = m if mask is None else mask & m
        return mask

    # ----------------------------------------------------------------- persistence

    def save(self, path: Path | str) -> None:
        """Write the index to ``path`` (one .npz file) atomically: temporary file + os.replace."""
        path = Path(path)
        live = self._live_slots()
        tid_parts = [self._slot_terms[s] for s in live]
        tf_parts = [self._slot_tfs[s] for s in live]
        sizes = [len(p) for p in tid_parts]
        all_tid = np.concatenate([_NO_TERMS, *tid_parts])
        all_tf = np.concatenate([_NO_TFS, *tf_parts])
        used, term_ids = np.unique(all_tid, return_inverse=True)  # vocabulary of live documents only
        offsets = np.zeros(len(live) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        header = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "params": self.params(),
            "ids": [self._slot_ids[s] for s in live],
            "lengths": [self._slot_len[s] for s in live],
            "metadata": [self._slot_meta[s] for s in live],
            "vocab": [self._terms[t] for t in used.tolist()],
        }
        header_bytes = json.dumps(header, ensure_ascii=False).encode("utf-8")
        with atomic_writer(path) as fh:
            np.savez_compressed(
                fh,
                header=np.frombuffer(header_bytes, dtype=np.uint8),
                term_ids=term_ids.astype(np.int32),
                tfs=all_tf.astype(np.float64),
                offsets=offsets,
            )

    @classmethod
    def load(cls, path: Path | str) -> BM25Index:
        """Read an index written by :meth:`save` (ValueError if the file is not one)."""
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                header = json.loads(data["header"].tobytes().decode("utf-8"))
                term_ids = data["term_ids"]
                tfs = data["tfs"]
                offsets = data["offsets"]
        except (OSError, KeyError, ValueError, UnicodeDecodeError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            raise ValueError(f"{path} is not a readable BM25 index: {exc}") from exc
        if header.get("format") != FORMAT or header.get("version") != FORMAT_VERSION:
            raise ValueError(f"{path}: unsupported BM25 index format {header.get('format')!r}")
        index = cls(**header["params"])
        vocab = header["vocab"]
        for term in vocab:
            index._term_id(term)
        n = len(header["ids"])
        if len(offsets) != n + 1 or len(header["lengths"]) != n or len(header["metadata"]) != n:
            raise ValueError(f"{path}: BM25 index arrays do not agree")
        for i, doc_id in enumerate(header["ids"]):
            lo, hi = int(offsets[i]), int(offsets[i + 1])
            slot = len(index._slot_ids)
            meta = header["metadata"][i]
            index._slot_ids.append(doc_id)
            index._slot_terms.append(term_ids[lo:hi].astype(np.int32))
            index._slot_tfs.append(tfs[lo:hi].astype(np.float64))
            index._slot_len.append(int(header["lengths"][i]))
            index._slot_meta.append(meta)
            index._slot_of[doc_id] = slot
            index._index_meta(slot, meta)
        return index


class _Compiled:
    """The CSR inverted index of the live documents, with the BM25 tf part per posting."""

    def __init__(self, index: BM25Index) -> None:
        n_slots = len(index._slot_ids)
        n_terms = len(index._terms)
        live = [s for s in range(n_slots) if index._slot_ids[s] is not None]
        self.n_slots = n_slots
        lengths = np.asarray(index._slot_len, dtype=np.float64)
        n_docs = len(live)
        avglen = float(sum(index._slot_len[s] for s in live)) / n_docs if n_docs else 0.0
        tid_parts = [index._slot_terms[s] for s in live]
        all_tid = np.concatenate([_NO_TERMS, *tid_parts])
        all_tf = np.concatenate([_NO_TFS, *(index._slot_tfs[s] for s in live)])
        sizes = np.fromiter((len(p) for p in tid_parts), dtype=np.int64, count=len(live))
        all_slot = np.repeat(np.asarray(live, dtype=np.int64), sizes)
        order = np.argsort(all_tid, kind="stable")
        self.post_slot = all_slot[order]
        tf = all_tf[order]
        df = np.bincount(all_tid, minlength=n_terms).astype(np.int64)
        self.indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=self.indptr[1:])
        self.idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
        k1, b = index.k1, index.b
        norm = k1 * (1.0 - b + b * lengths / avglen) if avglen > 0 else np.full(n_slots, k1)
        self.post_val = tf * (k1 + 1.0) / (tf + norm[self.post_slot])


def _count_terms(text: str, heading_weight: float = 1.0) -> tuple[list[str], list[float], int]:
    """Distinct terms of a text (first-occurrence order), their weighted counts, and its length.

    When the text has several lines, terms of the first line (the heading) count
    ``heading_weight`` times; the length is the number of syllables, heading counted once.
    """
    head, sep, body = text.partition("\n")
    if not sep:  # one line: all body, no heading
        head, body = "", text
    head_counts = Counter(search_tokens(head))
    counts = Counter(search_tokens(body))
    length = sum(n for t, n in head_counts.items() if _term_kind(t) == 0)
    length += sum(n for t, n in counts.items() if _term_kind(t) == 0)
    weighted: dict[str, float] = {t: float(n) * heading_weight for t, n in head_counts.items()}
    for t, n in counts.items():
        weighted[t] = weighted.get(t, 0.0) + float(n)
    return list(weighted), list(weighted.values()), length


__all__ = ["BM25Index"]

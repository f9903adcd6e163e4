"""Hybrid search over the index: dense (Chroma) fused with BM25.

Why not plain reciprocal rank fusion: the two retrievers are not equally good, and one of them
fails in a way we can predict. On ALQAC (benchmarks/retrieval.py, results in
benchmarks/results/retrieval.md) BM25 over folded syllables and bigrams beats the small
multilingual e5 model, and plain RRF (k=60, equal weights) pulls the fused ranking *below*
BM25 on the private set. Worse, users often type without accents ("so giao duc"): BM25 folds
accents so it does not care, but the dense model is blind to such a query (hit@5 0.02), and
equal-weight fusion then drags the good BM25 ranking down with it.

So the fused retriever:

1. restores the accents of an unaccented query from the corpus's own vocabulary
   (:class:`AccentModel`: folded -> accented syllables with bigram context, a small Viterbi over
   the candidates), and embeds the restored query (BM25 gets the query as typed: it folds anyway);
2. weights the dense side by how much of the (restored) query carries accents, document numbers
   left out (:func:`language_ratio`): a query whose accents could not be restored, or a bare
   document number ("130/2020/NĐ-CP"), leans on BM25 alone;
3. fuses the two score lists rather than their ranks: each list's scores min-max normalised over
   its top ``depth`` (100) candidates, summed with weights BM25 1.0 / dense 0.7.

Measured on ALQAC 2023 train (hit@1 / hit@5 / R@10 / MRR; benchmarks/results/retrieval.md):
BM25 0.85/0.98/0.98/0.909, dense 0.76/0.95/0.98/0.850, plain RRF 0.84/0.98/0.99/0.900 (and
0.11/0.53/0.84/0.311 typed without accents), weighted RRF at best 0.84/0.98/0.98/0.903, this
fusion 0.88/0.99/0.99/0.927 (0.925 without accents). Restoration is what keeps the unaccented
figures within 0.01 (accent weighting alone falls back to BM25's 0.909); the weighting is the
safety net for queries restoration cannot fix. Rank fusion loses because it throws away how
much better the first BM25 hit is than the next; the score sum keeps it. Depth 100 and 50 tie
on train with this weighting; 100 was kept because at the other weighting tried train prefers it
(0.927 against 0.922) and a deeper list gives min-max a steadier floor. Confirmed on 2023
private: 0.80/0.93/0.93/0.860 against BM25 0.80/0.90/0.90/0.849 and dense 0.65/0.85/0.87/0.747.

The dense side asks Chroma for ids and distances only and reads the texts of the chunks kept
(LlamaIndex's query reads and parses every candidate's text: 21 ms against 3 ms at depth 50 on
ALQAC); LlamaIndex writes the collection and offers it as a ``VectorStoreIndex``
(:meth:`Index.as_vector_store_index`).
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.chunks import Chunk
from assistant.text import DOC_NUMBER, accent_ratio, fold, nfc

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.indexing import EmbedderLike, Index

# --- accent restoration ---------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_SEGMENT_BREAK = re.compile(r"[^\w\s]|\n")
ACCENTS_FORMAT = "assistant-accents"


def _has_accent(word: str) -> bool:
    return fold(word) != word.lower()


# Words of questions and chat that a corpus of directives or laws rarely contains ("đúng hay
# sai", "bao nhiêu", "là gì"): added to every accent model with a small weight, so the corpus
# still decides wherever it has an opinion.
QUESTION_SEED = """
đúng hay sai. có đúng không. đúng không. có phải không. phải không. được không. có được không.
là gì. là ai. làm gì. những gì. cái gì. gì vậy. như thế nào. thế nào. ra sao. bao nhiêu. mấy.
bao lâu. bao giờ. khi nào. lúc nào. ở đâu. tại đâu. tại sao. vì sao. để làm gì. có không.
ai chịu trách nhiệm. cơ quan nào. đơn vị nào. văn bản nào. điều nào. khoản nào. nhiệm vụ gì.
trường hợp nào. có bắt buộc không. có cần không. có phải là. hay không. hoặc. tôi muốn hỏi.
cho tôi biết. xin hỏi. giúp tôi. hãy cho biết. nêu rõ. liệt kê. tóm tắt. giải thích.
"""
_SEED_WEIGHT = 2


class AccentModel:
    """Folded -> accented syllables of a corpus, with bigram counts to pick by context.

    ``restore("so giao duc va dao tao")`` -> ``"sở giáo dục và đào tạo"`` when the corpus says
    so. Built at ingest from the indexed chunks and stored beside the index.
    """

    def __init__(self, unigrams: dict[str, int] | None = None, bigrams: dict[str, int] | None = None) -> None:
        self.unigrams: dict[str, int] = dict(unigrams or {})
        self.bigrams: dict[str, int] = dict(bigrams or {})
        self._forms: dict[str, list[tuple[str, float]]] = {}
        self._totals: dict[str, int] = {}
        self._reindex()

    def _reindex(self) -> None:
        seed_uni, seed_bi = _count(QUESTION_SEED.split("\n"))
        uni = Counter(self.unigrams)
        for w, n in seed_uni.items():
            uni[w] += n * _SEED_WEIGHT
        bi = Counter(self.bigrams)
        for b, n in seed_bi.items():
            bi[b] += n * _SEED_WEIGHT
        self._bi: dict[str, int] = dict(bi)
        by_fold: dict[str, list[tuple[str, int]]] = {}
        for word, n in uni.items():
            by_fold.setdefault(fold(word), []).append((word, n))
        self._forms = {}
        for f, forms in by_fold.items():
            total = sum(n for _, n in forms)
            forms.sort(key=lambda x: (-x[1], x[0]))
            self._forms[f] = [(w, n / total) for w, n in forms[:8]]
        self._totals = dict(uni)

    def __len__(self) -> int:
        return len(self.unigrams)

    @classmethod
    def build(cls, texts: Iterable[str]) -> AccentModel:
        uni, bi = _count(texts)
        return cls(dict(uni), dict(bi))

    def add(self, texts: Iterable[str]) -> None:
        """Count more texts in (an ingest's new chunks): as if built with them."""
        self._update(texts, 1)

    def remove(self, texts: Iterable[str]) -> None:
        """Count texts out (the chunks an ingest replaces or removes): as if built without them."""
        self._update(texts, -1)

    def _update(self, texts: Iterable[str], sign: int) -> None:
        uni, bi = _count(texts)
        for counts, delta in ((self.unigrams, uni), (self.bigrams, bi)):
            for key, n in delta.items():
                left = counts.get(key, 0) + sign * n
                if left > 0:
                    counts[key] = left
                else:
                    counts.pop(key, None)
        self._reindex()

    def save(self, path: Path) -> None:
        from assistant.indexing import write_json_atomic

        write_json_atomic(
            path, {"format": ACCENTS_FORMAT, "version": 1, "unigrams": self.unigrams, "bigrams": self.bigrams}
        )

    @classmethod
    def load(cls, path: Path) -> AccentModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != ACCENTS_FORMAT:
            raise ValueError(f"{path} is not an accent model")
        return cls(data["unigrams"], data["bigrams"])

    def candidates(self, word: str) -> list[tuple[str, float]]:
        """Accented forms of a syllable typed without accents, with their share; [] if unknown."""
        return self._forms.get(fold(word), [])

    def restore(self, text: str, below: float = 0.5, beta: float = 0.5) -> str:
        """``text`` with the accents of its unaccented syllables restored (best path by bigrams).

        Only when less than ``below`` of the text's syllables carry accents (a user who types
        accents leaves unaccented the syllables that have none). Syllables already accented
        are kept and serve as context; unknown syllables are left as typed.
        """
        if not self._forms or accent_ratio(text) >= below:
            return text
        matches = list(_WORD.finditer(text))
        if not matches:
            return text
        out = list(text)
        # Chains of words not separated by punctuation share bigram context.
        chains: list[list[re.Match[str]]] = [[matches[0]]]
        for prev, cur in itertools.pairwise(matches):
            gap = text[prev.end() : cur.start()]
            if gap.strip():
                chains.append([cur])
            else:
                chains[-1].append(cur)
        replacements: list[tuple[int, int, str]] = []
        for chain in chains:
            words = [m.group(0) for m in chain]
            best = self._decode(words, beta)
            for m, word, new in zip(chain, words, best, strict=True):
                if new != word.lower():
                    replacements.append((m.start(), m.end(), _match_case(word, new)))
        for start, end, new in reversed(replacements):
            out[start:end] = list(new)
        return "".join(out)

    def _decode(self, words: list[str], beta: float) -> list[str]:
        lattice: list[list[tuple[str, float]]] = []
        for w in words:
            low = w.lower()
            if _has_accent(w):
                lattice.append([(low, 1.0)])
            else:
                lattice.append(self.candidates(low) or [(low, 1.0)])
        # Viterbi: score(prev -> cur) = log((c(prev cur) + beta * p(cur | fold)) / (c(prev) + beta))
        scores = [math.log(p) for _, p in lattice[0]]
        back: list[list[int]] = []
        for i in range(1, len(lattice)):
            new_scores: list[float] = []
            ptr: list[int] = []
            for cur, p in lattice[i]:
                best_j, best_s = 0, -math.inf
                for j, (prev, _) in enumerate(lattice[i - 1]):
                    c_bi = self._bi.get(f"{prev} {cur}", 0)
                    c_prev = self._totals.get(prev, 0)
                    s = scores[j] + math.log((c_bi + beta * p) / (c_prev + beta))
                    if s > best_s:
                        best_j, best_s = j, s
                new_scores.append(best_s)
                ptr.append(best_j)
            scores = new_scores
            back.append(ptr)
        k = int(np.argmax(scores))
        path = [k]
        for ptr in reversed(back):
            k = ptr[k]
            path.append(k)
        path.reverse()
        return [lattice[i][j][0] for i, j in enumerate(path)]


def _count(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Lowercased syllables and syllable pairs (not across punctuation) of some texts."""
    uni: Counter[str] = Counter()
    bi: Counter[str] = Counter()
    for text in texts:
        for segment in _SEGMENT_BREAK.split(text.lower()):
            words = _WORD.findall(segment)
            uni.update(words)
            bi.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return uni, bi


def _match_case(typed: str, restored: str) -> str:
    if len(typed) > 1 and typed.isupper():
        return restored.upper()
    if typed[:1].isupper():
        return restored[:1].upper() + restored[1:]
    return restored


def language_ratio(query: str) -> float:
    """How much of a query the dense model can read: the accent ratio of its words, document
    numbers left out ('130/2020/NĐ-CP' alone -> 0.0: only BM25 knows what a number is)."""
    return accent_ratio(DOC_NUMBER.sub(" ", nfc(query)))


# --- fusion ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FusionConfig:
    """How the two rankings are fused. Defaults chosen on ALQAC 2023 train (see module doc)."""

    method: str = "minmax"  # minmax (weighted sum of min-max normalised scores) | rrf
    rrf_k: float = 60.0  # rrf only
    bm25_weight: float = 1.0
    dense_weight: float = 0.7  # at full accent ratio; scaled by the accent weighting below
    depth: int = 100  # candidates taken from each retriever (and the min-max range)
    restore_accents: bool = True
    # Dense weight = dense_weight * clip((ratio - lo) / (hi - lo), 0, 1) with ratio the accent
    # ratio of the query the model sees (after restoration, document numbers left out).
    accent_lo: float = 0.3
    accent_hi: float = 0.7  # accent_hi <= accent_lo disables the scaling (constant weight)

    def dense_weight_for(self, ratio: float) -> float:
        if self.accent_hi <= self.accent_lo:
            return self.dense_weight
        scale = min(1.0, max(0.0, (ratio - self.accent_lo) / (self.accent_hi - self.accent_lo)))
        return self.dense_weight * scale


DEFAULT_FUSION = FusionConfig()


@dataclass
class Candidates:
    """Both retrievers' rankings for one query (ids best first, with their raw scores)."""

    query: str
    dense_query: str  # the query as embedded (accents restored)
    accent_ratio: float
    dense: list[tuple[str, float]]
    bm25: list[tuple[str, float]]
    chunks: dict[str, Chunk] = field(default_factory=dict)


def fuse(c: Candidates, config: FusionConfig = DEFAULT_FUSION) -> list[tuple[str, float]]:
    """Fused ranking of the candidates as (id, score), best first (ties by id)."""
    wb = config.bm25_weight
    wd = config.dense_weight_for(c.accent_ratio)
    scores: dict[str, float] = {}
    if config.method == "rrf":
        for weight, ranking in ((wb, c.bm25), (wd, c.dense)):
            if weight <= 0:
                continue
            for rank, (cid, _) in enumerate(ranking[: config.depth], start=1):
                scores[cid] = scores.get(cid, 0.0) + weight / (config.rrf_k + rank)
    elif config.method == "minmax":
        for weight, ranking in ((wb, c.bm25), (wd, c.dense)):
            part = ranking[: config.depth]
            if weight <= 0 or not part:
                continue
            hi, lo = part[0][1], part[-1][1]
            span = hi - lo if hi > lo else 1.0
            for cid, s in part:
                scores[cid] = scores.get(cid, 0.0) + weight * (s - lo) / span
    else:
        raise ValueError(f"unknown fusion method {config.method!r}")
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


# --- hits -----------------------------------------------------------------------------------------


@dataclass
class Hit:
    """One search result: the chunk, its fused score and each retriever's rank (1-based, 0 = absent)."""

    id: str
    doc: str
    section: str
    title: str
    kind: str
    text: str
    body: str
    line_start: int
    line_end: int
    score: float
    dense_rank: int = 0
    bm25_rank: int = 0
    dense_score: float | None = None
    bm25_score: float | None = None
    heading: str = ""
    section_kind: str = ""

    @classmethod
    def from_chunk(cls, chunk: Chunk, score: float, **ranks: Any) -> Hit:
        return cls(
            id=chunk.id,
            doc=chunk.doc,
            section=chunk.section,
            title=chunk.title,
            kind=chunk.kind,
            text=chunk.text,
            body=chunk.body,
            line_start=chunk.line_start,
            line_end=chunk.line_end,
            score=score,
            heading=chunk.heading,
            section_kind=chunk.section_kind,
            **ranks,
        )


def hit_to_dict(hit: Hit) -> dict[str, Any]:
    """A hit as JSON-ready data."""
    out = asdict(hit)
    out["score"] = round(hit.score, 6)
    for key in ("dense_score", "bm25_score"):
        if out[key] is not None:
            out[key] = round(float(out[key]), 6)
    return out


# --- the retriever --------------------------------------------------------------------------------


def _where(
    doc: str | Sequence[str] | None, kinds: Iterable[str] | None, section_kinds: Iterable[str] | None
) -> dict:
    where: dict[str, Any] = {}
    if doc:
        where["doc"] = doc if isinstance(doc, str) else list(doc)
    if kinds:
        where["kind"] = sorted(set(kinds))
    if section_kinds:
        where["section_kind"] = sorted(set(section_kinds))
    return where


class Retriever:
    """Hybrid search over an opened :class:`~assistant.indexing.Index`."""

    def __init__(self, index: Index, config: FusionConfig = DEFAULT_FUSION) -> None:
        self.index = index
        self.config = config

    @classmethod
    def open(cls, settings: Settings | None = None, embedder: EmbedderLike | None = None) -> Retriever:
        """Open the live index (see :func:`assistant.indexing.open_index` for the errors)."""
        from assistant.indexing import open_index

        return cls(open_index(settings, embedder))

    def close(self) -> None:
        self.index.close()

    # each retriever alone

    def dense_query_text(self, query: str, restore: bool = True) -> str:
        return self.index.accents.restore(query) if restore else query

    def dense_ranking(
        self, query: str, k: int, where: dict | None = None, restore: bool = True
    ) -> tuple[str, list[tuple[str, float]]]:
        """The query as embedded (accents restored if asked) and the dense ranking as (id, cosine)."""
        text = self.dense_query_text(query, restore)
        vec = self.index.embedder.embed_queries([text])[0]
        return text, self.index.dense_ids(vec, k, where or None)

    def dense_search(
        self,
        query: str,
        k: int = 10,
        doc: str | None = None,
        kinds: Iterable[str] | None = None,
        *,
        restore: bool = False,
        section_kinds: Iterable[str] | None = None,
    ) -> list[Hit]:
        """Dense retrieval alone (the query as typed unless ``restore``)."""
        _, ranked = self.dense_ranking(query, k, _where(doc, kinds, section_kinds), restore)
        chunks = self.index.get_chunks([cid for cid, _ in ranked])
        return [
            Hit.from_chunk(chunks[cid], s, dense_rank=r, dense_score=s)
            for r, (cid, s) in enumerate(ranked, 1)
            if cid in chunks
        ]

    def bm25_search(
        self,
        query: str,
        k: int = 10,
        doc: str | None = None,
        kinds: Iterable[str] | None = None,
        *,
        section_kinds: Iterable[str] | None = None,
    ) -> list[Hit]:
        """BM25 alone."""
        ranked = self.index.bm25.search(query, k=k, where=_where(doc, kinds, section_kinds) or None)
        chunks = self.index.get_chunks([cid for cid, _ in ranked])
        return [
            Hit.from_chunk(chunks[cid], s, bm25_rank=r, bm25_score=s)
            for r, (cid, s) in enumerate(ranked, 1)
            if cid in chunks
        ]

    # fused

    def candidates(
        self, query: str, depth: int | None = None, where: dict | None = None, restore: bool | None = None
    ) -> Candidates:
        """Both rankings for a query, ``depth`` deep (the benchmark fuses these many ways)."""
        depth = depth or self.config.depth
        restore = self.config.restore_accents if restore is None else restore
        dense_text, dense = self.dense_ranking(query, depth, where, restore)
        bm25 = self.index.bm25.search(query, k=depth, where=where or None)
        return Candidates(
            query=query,
            dense_query=dense_text,
            accent_ratio=language_ratio(dense_text),
            dense=dense,
            bm25=bm25,
        )

    def search(
        self,
        query: str,
        k: int = 10,
        doc: str | Sequence[str] | None = None,
        kinds: Iterable[str] | None = None,
        *,
        section_kinds: Iterable[str] | None = None,
        config: FusionConfig | None = None,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query``, optionally only in ``doc`` and of the given kinds."""
        config = config or self.config
        if k <= 0 or not query.strip():
            return []
        where = _where(doc, kinds, section_kinds)
        cands = self.candidates(query, max(config.depth, k), where, config.restore_accents)
        fused = fuse(cands, replace(config, depth=max(config.depth, k)))[:k]
        missing = [cid for cid, _ in fused if cid not in cands.chunks]
        chunks = {**cands.chunks, **self.index.get_chunks(missing)}
        dense_pos = {cid: (r, s) for r, (cid, s) in enumerate(cands.dense, 1)}
        bm25_pos = {cid: (r, s) for r, (cid, s) in enumerate(cands.bm25, 1)}
        hits = []
        for cid, score in fused:
            chunk = chunks.get(cid)
            if chunk is None:
                continue
            dr, ds = dense_pos.get(cid, (0, None))
            br, bs = bm25_pos.get(cid, (0, None))
            hits.append(
                Hit.from_chunk(chunk, score, dense_rank=dr, bm25_rank=br, dense_score=ds, bm25_score=bs)
            )
        return hits


__all__ = [
    "DEFAULT_FUSION",
    "AccentModel",
    "Candidates",
    "FusionConfig",
    "Hit",
    "Retriever",
    "fuse",
    "hit_to_dict",
    "language_ratio",
]

"""Tune and measure assistant.bm25 on the ALQAC benchmark (article-level retrieval).

The data is read at run time from ../shared/bench/alqac (benchmark only, never copied here).

    .venv/bin/python benchmarks/bm25_tuning.py            # figures for the default parameters
    .venv/bin/python benchmarks/bm25_tuning.py --grid     # grid search on 2023 train, then private
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.bm25 import BM25Index, _count_terms  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "alqac"


def strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def load_articles(year: str) -> tuple[list[str], list[str], list[dict]]:
    laws = json.loads((DATA / f"alqac{year}-laws.json").read_text(encoding="utf-8"))
    ids, texts, metas = [], [], []
    for law in laws:
        for art in law["articles"]:
            title, _, body = art["text"].partition("\n")
            ids.append(f"{law['id']}|{art['id']}")
            texts.append(f"Điều {art['id']}. {title.strip()}\n{body.strip()}")
            metas.append({"law": law["id"]})
    return ids, texts, metas


def load_questions(name: str) -> list[tuple[str, set[str]]]:
    qs = json.loads((DATA / name).read_text(encoding="utf-8"))
    return [(q["text"], {f"{a['law_id']}|{a['article_id']}" for a in q["relevant_articles"]}) for q in qs]


def evaluate(
    index: BM25Index, questions: list[tuple[str, set[str]]], accents: bool = True
) -> dict[str, float]:
    h1 = h5 = r10 = mrr = 0.0
    for text, gold in questions:
        q = text if accents else strip_accents(text)
        ranked = [doc_id for doc_id, _ in index.search(q, k=100)]
        h1 += ranked[:1] != [] and ranked[0] in gold
        h5 += any(d in gold for d in ranked[:5])
        r10 += len(gold & set(ranked[:10])) / len(gold)
        rank = next((i for i, d in enumerate(ranked) if d in gold), None)
        mrr += 0.0 if rank is None else 1.0 / (rank + 1)
    n = len(questions)
    return {"hit@1": h1 / n, "hit@5": h5 / n, "R@10": r10 / n, "MRR": mrr / n}


def build(counts, ids, metas, **params) -> BM25Index:
    index = BM25Index(**params)
    for doc_id, c, m in zip(ids, counts, metas, strict=True):
        index._add_counts(doc_id, c, dict(m))
    return index


def fmt(r: dict[str, float]) -> str:
    return f"{r['hit@1']:.2f} {r['hit@5']:.2f} {r['R@10']:.2f} {r['MRR']:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--grid", action="store_true", help="grid search k1, b, bigram weight on 2023 train")
    args = ap.parse_args()

    ids, texts, metas = load_articles("2023")
    train = load_questions("alqac2023-train-questions.json")
    private = load_questions("alqac2023-private-questions.json")

    index = BM25Index()
    index.add(ids, texts, metas)

    if args.grid:
        best = None
        for hw in (1.0, 2.0, 3.0):
            counts = [_count_terms(t, hw) for t in texts]
            for k1, b, bw in itertools.product(
                (0.3, 0.45, 0.6, 0.9, 1.2, 1.5), (0.55, 0.7, 0.85, 1.0), (1.0, 2.0, 3.0, 4.0)
            ):
                idx = build(counts, ids, metas, k1=k1, b=b, bigram_weight=bw, heading_weight=hw)
                r = evaluate(idx, train)
                print(f"heading={hw} k1={k1} b={b} bigram={bw} train {fmt(r)}", flush=True)
                key = (round(r["MRR"], 6), r["hit@1"])
                if best is None or key > best[0]:
                    best = (key, idx)
        assert best is not None
        index = best[1]
        print("best on train (MRR, then hit@1):")

    print("params:", " ".join(f"{k}={v}" for k, v in index.params().items()))
    print(f"{'set':<22}{'accents':<10}hit@1 hit@5 R@10 MRR")
    for name, qs in (("2023 train (100)", train), ("2023 private (110)", private)):
        for accents in (True, False):
            r = evaluate(index, qs, accents)
            print(f"{name:<22}{'kept' if accents else 'removed':<10}{fmt(r)}")

    # Held out from all tuning: ALQAC 2022 (other laws, 520 questions), same parameters.
    ids22, texts22, metas22 = load_articles("2022")
    q22 = load_questions("alqac2022-questions.json")
    index22 = BM25Index(**index.params())
    index22.add(ids22, texts22, metas22)
    for accents in (True, False):
        print(
            f"{'2022 (520, held out)':<22}{'kept' if accents else 'removed':<10}{fmt(evaluate(index22, q22, accents))}"
        )

    # Speed: both years in one index (3,626 articles), every question as a query.
    t0 = time.perf_counter()
    both = BM25Index(**index.params())
    both.add(ids + ids22, texts + texts22, metas + metas22)
    t_add = time.perf_counter() - t0
    t0 = time.perf_counter()
    both.search("khởi động")
    t_compile = time.perf_counter() - t0
    lat = []
    for text, _ in train + private + q22:
        t0 = time.perf_counter()
        both.search(text, k=10)
        lat.append(time.perf_counter() - t0)
    lat.sort()
    print(
        f"ingest {len(both)} articles: {t_add:.2f} s (+ {t_compile * 1000:.0f} ms index build on first search)"
    )
    print(
        f"search latency, {len(lat)} queries over {len(both)} articles: median "
        f"{statistics.median(lat) * 1000:.2f} ms, p95 {lat[int(0.95 * len(lat))] * 1000:.2f} ms, "
        f"max {lat[-1] * 1000:.2f} ms"
    )


if __name__ == "__main__":
    main()

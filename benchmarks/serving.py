"""Speed of answering, measured: in-process latency per answer kind with the cost split of
retrieval, HTTP latency, a bounded load run, cold start to ready, and peak resident memory.

    .venv/bin/python benchmarks/serving.py [--seconds 30] [--quick]

Builds a temporary index of corpus/ with the real model, starts `assistant serve` on a free
loopback port as a separate process, and writes benchmarks/results/serving.md. Traffic goes to
127.0.0.1 only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = {
    "numeric": [
        "Tiêu chí nào bị trừ nhiều điểm nhất?",
        "Tổng số điểm bị trừ trong Phụ lục II là bao nhiêu?",
        "Nhóm tiêu chí D đạt bao nhiêu điểm?",
        "Tiêu chí B.1.9 đạt bao nhiêu điểm?",
        "Có bao nhiêu tiêu chí đạt 100% thang điểm?",
    ],
    "tasks": [
        "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
        "so tu phap co nhiem vu gi",
        "Sở TT&TT phải làm gì?",
        "Phòng Văn hóa - Xã hội được giao việc gì?",
        "Cơ quan nào được đề nghị đẩy mạnh điều tra, truy tố, xét xử các vụ án tham nhũng?",
    ],
    "document": [
        "Ai ký Công văn 410/UBND-NCKTGS?",
        "Công văn 410 được ban hành căn cứ những văn bản nào?",
        "Kế hoạch của đặc khu Cát Hải triển khai nghị quyết nào?",
        "Chiến lược quốc gia phòng, chống tham nhũng được thực hiện theo mấy giai đoạn?",
        "Kế hoạch Cát Hải ban hành ngày nào?",
    ],
    "passage": [
        "Mục tiêu chung của kế hoạch Cát Hải là gì?",
        "Quan điểm về phòng, chống tham nhũng, tiêu cực trong kế hoạch",
        "cong khai minh bach trong linh vuc dat dai",
        "Hợp tác quốc tế về phòng chống tham nhũng cần làm gì?",
        "Xử lý người đứng đầu khi để xảy ra tham nhũng",
    ],
    "not_found": [
        "Sở Y tế có nhiệm vụ gì?",
        "Thời tiết Hà Nội hôm nay thế nào?",
        "Giá vàng hôm nay bao nhiêu?",
    ],
}


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return s[k]


def ms(v: float) -> str:
    return f"{v * 1000:.1f}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def post(url: str, message: str, timeout: float = 30) -> tuple[int, float]:
    body = json.dumps({"message": message}).encode()
    req = urllib.request.Request(url + "/api/chat", data=body, headers={"Content-Type": "application/json"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    except OSError:
        status = 0
    return status, time.perf_counter() - t0


def rss_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


@contextlib.contextmanager
def served(env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen[bytes], float | None]]:
    """`assistant serve` on a free loopback port: its URL, process, and seconds until /healthz
    answered 200 (None if not within 120 s). Stopped on exit."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    t_start = time.perf_counter()
    proc = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "assistant"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ready = None
        while time.perf_counter() - t_start < 120:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        ready = time.perf_counter() - t_start
                        break
            except OSError:
                pass
            time.sleep(0.05)
        yield url, proc, ready
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def cold_start(env: dict[str, str]) -> float | None:
    with served(env) as (_, _, ready):
        return ready


def in_process(settings, rounds: int) -> tuple[list[str], dict]:  # type: ignore[no-untyped-def]
    from assistant.services import Services

    services = Services(settings)
    services.warm()
    out = [
        "| kind | questions | runs | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    summary = {}
    cache = getattr(services.embedder, "_cache", None)
    for kind, questions in QUESTIONS.items():
        for cold in (False, True) if kind in ("passage", "not_found") else (False,):
            times = []
            for _ in range(rounds):
                for q in questions:
                    if cold and cache is not None:
                        cache.clear()  # the query embedding is computed, as for a new question
                    t0 = time.perf_counter()
                    services.chat.ask(q)
                    times.append(time.perf_counter() - t0)
            label = f"{kind}, new question (query cache cleared)" if cold else kind
            summary[label] = pct(times, 50)
            out.append(
                f"| {label} | {len(questions)} | {len(times)} | {ms(pct(times, 50))} | {ms(pct(times, 95))} | {ms(pct(times, 99))} |"
            )
    out += [
        "",
        "Repeated questions hit the embedder's query cache (LRU, 512 texts); the rows marked "
        "'new question' clear it before every question, which is the cost of a question never asked before.",
    ]
    # cost split of a passage answer
    retriever = services.searcher()
    index = retriever.index
    parts: dict[str, list[float]] = {
        "query embedding": [],
        "BM25": [],
        "vector search (ids and distances)": [],
        "read the 10 chunks kept": [],
        "hybrid search (all of it)": [],
        "whole answer": [],
    }
    for r in range(rounds):
        for q in QUESTIONS["passage"]:
            t0 = time.perf_counter()
            vec = services.embedder.embed_queries([f"{q} #{r}"])[0]  # distinct text: no cache hit
            parts["query embedding"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            depth = retriever.config.depth
            index.bm25.search(q, k=depth)
            parts["BM25"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ranked = index.dense_ids(vec, depth)
            parts["vector search (ids and distances)"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            index.get_chunks([cid for cid, _ in ranked[:10]])
            parts["read the 10 chunks kept"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            retriever.search(q, k=10)
            parts["hybrid search (all of it)"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            services.chat.ask(q)
            parts["whole answer"].append(time.perf_counter() - t0)
    out += [
        "",
        "Cost split of a passage answer (same questions):",
        "",
        "| step | p50 ms | p95 ms |",
        "| --- | ---: | ---: |",
    ]
    for name, values in parts.items():
        out.append(f"| {name} | {ms(pct(values, 50))} | {ms(pct(values, 95))} |")
    out.append("")
    out.append(
        "Hybrid search includes accent restoration, query embedding (cached for a repeated query), BM25, "
        "vector search and fusion; the whole answer adds composition (sentence choice, verbatim quotes)."
    )
    services.close()
    return out, summary


def load_run(url: str, clients: int, seconds: float) -> tuple[str, dict]:
    questions = [q for qs in QUESTIONS.values() for q in qs]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(i: int) -> None:
        nonlocal errors
        n = i
        while time.monotonic() < deadline:
            status, dt = post(url, questions[n % len(questions)])
            n += clients
            with lock:
                latencies.append(dt)
                if status != 200:
                    errors += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    row = (
        f"| {clients} | {seconds:.0f} | {len(latencies)} | {len(latencies) / wall:.1f} | {ms(pct(latencies, 50))} | "
        f"{ms(pct(latencies, 95))} | {ms(pct(latencies, 99))} | {errors} |"
    )
    return row, {"p95": pct(latencies, 95), "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument(
        "--quick", action="store_true", help="5 s load runs, 3 rounds (a smoke test of the script)"
    )
    args = ap.parse_args()
    if args.quick:
        args.seconds, args.rounds = 5, 3
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import ingest

    tmp = Path(tempfile.mkdtemp(prefix="bench-serving-"))
    try:
        shutil.copytree(ROOT / "corpus", tmp / "corpus")
        env = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(tmp / "corpus"),
            "ASSISTANT_INDEX_DIR": str(tmp / "index"),
            "ASSISTANT_DATA_DIR": str(tmp / "data"),
            "ASSISTANT_LLM_BASE_URL": "",
            "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0",
        }
        settings = Settings(
            corpus_dir=tmp / "corpus", index_dir=tmp / "index", data_dir=tmp / "data", llm_base_url=""
        )
        t0 = time.perf_counter()
        ingest(load_corpus(settings.corpus_dir), settings=settings, progress=False)
        ingest_s = time.perf_counter() - t0

        lines = [
            "# Serving benchmark",
            "",
            f"Measured {date.today().isoformat()} on {platform.machine()} with {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, the real model (multilingual-e5-small), no LLM, corpus/ "
            f"({len(load_corpus(settings.corpus_dir))} documents; index built in {ingest_s:.1f} s).",
            f"Command: `.venv/bin/python benchmarks/serving.py{' --quick' if args.quick else ''}`",
            "",
            "## In-process latency (ChatService.ask, warm)",
            "",
        ]
        # cold starts first, before the in-process runs below keep this process busy
        starts = [cold_start(env) for _ in range(3)]
        table, summary = in_process(settings, args.rounds)
        lines += table

        with served(env) as (url, proc, _):
            lines += ["", "## Over HTTP (one client, sequential)", ""]
            lines += ["| kind | runs | p50 ms | p95 ms | p99 ms |", "| --- | ---: | ---: | ---: | ---: |"]
            for kind, questions in QUESTIONS.items():
                times = [post(url, q)[1] for _ in range(max(1, args.rounds // 2)) for q in questions]
                lines.append(
                    f"| {kind} | {len(times)} | {ms(pct(times, 50))} | {ms(pct(times, 95))} | {ms(pct(times, 99))} |"
                )
            lines += ["", "## Load (mixed questions, all kinds)", ""]
            lines += [
                "| clients | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | errors |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            load = {}
            for clients in (8, 32):
                row, load[clients] = load_run(url, clients, args.seconds)
                lines.append(row)
            peak = rss_peak_mb(proc.pid)
        done = sorted(x for x in starts if x)
        ready = done[len(done) // 2] if len(done) == len(starts) else None
        lines += [
            "",
            "## Start and memory",
            "",
            "- Cold start to ready (`assistant serve` with a built index, until `/healthz` answers 200), "
            "three runs before anything else: "
            + ", ".join(f"{x:.1f} s" if x else "not ready within 120 s" for x in starts)
            + (f" (median **{ready:.1f} s**)" if ready else ""),
            f"- Peak resident memory of the server process over the whole run (VmHWM): **{peak:.0f} MB**",
            "",
            "## Against the targets",
            "",
            "| target | measured | met |",
            "| --- | --- | --- |",
        ]
        for kind in ("numeric", "tasks", "document"):
            lines.append(
                f"| in-process p50 {kind} < 10 ms | {ms(summary[kind])} ms | {'yes' if summary[kind] < 0.010 else 'NO'} |"
            )
        for label in ("passage", "passage, new question (query cache cleared)"):
            lines.append(
                f"| in-process p50 {label} < 50 ms | {ms(summary[label])} ms | {'yes' if summary[label] < 0.050 else 'NO'} |"
            )
        p95_8 = load[8]["p95"]
        lines.append(
            f"| HTTP p95 at 8 clients < 300 ms, 0 errors | {ms(p95_8)} ms, {load[8]['errors']} errors | "
            f"{'yes' if p95_8 < 0.3 and load[8]['errors'] == 0 else 'NO'} |"
        )
        if ready:
            lines.append(f"| ready within 15 s | {ready:.1f} s | {'yes' if ready < 15 else 'NO'} |")
        lines.append(f"| under 1.5 GB resident | {peak:.0f} MB | {'yes' if peak < 1536 else 'NO'} |")
        out = ROOT / "benchmarks" / "results" / "serving.md"
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print("\n".join(lines))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

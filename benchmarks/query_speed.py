"""In-process latency of deterministic answers by kind of question (issue 12: < 10 ms p50), on
corpus/ alone and on corpus/ plus every real document of ../shared/realdocs (no index: only the
deterministic paths are timed; passages are timed by benchmarks/serving.py and scale.py).

    .venv/bin/python benchmarks/query_speed.py        # writes benchmarks/results/query_speed.md
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.chat import ChatService  # noqa: E402
from assistant.corpus import Corpus  # noqa: E402
from assistant.documents import load_corpus, parse_file  # noqa: E402

QUESTIONS = {
    "bounds over a column": [
        "Tiêu chí nào bị trừ trên 0,3 và không quá 0,8 điểm?",
        "tieu chi nao dat duoi mot nua thang diem",
    ],
    "sum of a part": ["Mục B.1 đạt tổng bao nhiêu điểm?"],
    "compare": ["Nhóm B hay nhóm C đạt tỷ lệ cao hơn?"],
    "difference / what-if": [
        "Còn thiếu bao nhiêu điểm để đạt 80 điểm?",
        "Nếu nhóm D đạt tối đa thì tổng điểm là bao nhiêu?",
    ],
    "ranking with ties": ["Nhóm nào đạt tỷ lệ thấp nhất?", "Tiêu chí nào đạt thấp nhất?"],
    "section / outline": ["Phần II của kế hoạch nói gì?", "Công văn gồm mấy phần?"],
    "across documents": ["Văn bản nào được ban hành sau?", "Cả hai văn bản cùng giao việc cho cơ quan nào?"],
    "tasks, loose names": ["Sở Tư phám có nhiệm vụ gì?", "Sở VHTT có nhiệm vụ gì?"],
    "not in the corpus": ["Điểm PCTN của Đà Nẵng năm 2023?", "Ai là Bộ trưởng Bộ Công an?"],
    "a place in a ranking": ["Tiêu chí nào bị trừ nhiều điểm thứ nhì?"],
    "table cells (real documents)": [
        "Học phí mầm non ở đô thị là bao nhiêu?",
        "Cấp học nào ở nông thôn có học phí thấp nhất?",
    ],
    "effect, proposal (real documents)": [
        "Nghị quyết 36/2025/NQ-HĐND có hiệu lực khi nào?",
        "Nghị quyết 36/2025/NQ-HĐND ban hành theo đề nghị của ai?",
    ],
    "documents naming something": ["Thanh tra Chính phủ được nhắc đến trong văn bản nào?"],
}


def measure(svc: ChatService, rounds: int) -> dict[str, tuple[float, float, str]]:
    out = {}
    for kind, questions in QUESTIONS.items():
        times = []
        kinds = set()
        for _ in range(rounds):
            for q in questions:
                t = time.perf_counter()
                a = svc.ask(q)
                times.append((time.perf_counter() - t) * 1000)
                kinds.add(a.kind)
        times.sort()
        p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
        out[kind] = (statistics.median(times), p95, "/".join(sorted(kinds)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--realdocs", type=Path, default=ROOT.parent / "shared" / "realdocs")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "query_speed.md")
    args = ap.parse_args()
    base = load_corpus(ROOT / "corpus")
    sizes = {"corpus/ (2 documents)": base}
    real = sorted(args.realdocs.glob("*.md")) if args.realdocs.is_dir() else []
    if real:
        docs = list(base)
        for p in real:
            try:
                docs.append(parse_file(p))
            except Exception as exc:  # a file the parser refuses is left out and named
                print(f"skipped {p.name}: {exc}", file=sys.stderr)
        sizes[f"corpus/ + realdocs ({len(docs)} documents)"] = docs
    results = {}
    for name, docs in sizes.items():
        svc = ChatService(Corpus.from_documents(docs), None)
        svc.ask("khởi động")  # the first question builds the corpus's cached vocabularies
        results[name] = measure(svc, args.rounds)
    lines = [
        "# Deterministic answers, in-process latency by kind of question",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, Python "
        f"{platform.python_version()}, with `.venv/bin/python benchmarks/query_speed.py --rounds {args.rounds}` "
        "(ChatService.ask without an index or LLM; the machine was shared with other jobs). Target: p50 < 10 ms.",
        "",
    ]
    for name, rows in results.items():
        lines += [
            f"## {name}",
            "",
            "| questions | p50 ms | p95 ms | answered as |",
            "| --- | ---: | ---: | --- |",
        ]
        for kind, (p50, p95, kinds) in rows.items():
            lines.append(f"| {kind} | {p50:.1f} | {p95:.1f} | {kinds} |")
        lines.append("")
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

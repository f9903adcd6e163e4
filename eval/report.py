"""Score the question bank (eval/bank/*.jsonl) against a running server and report per class.

    python3 eval/report.py --url http://127.0.0.1:8000 [--realdocs-url URL] [--verbose]
                           [--show-frozen] [--show-check]

Each question is checked by ../shared/eval/score.py's own `ask` and `check` (imported, not copied):
contains, contains_any, numbers, cites, not_found, and every quote verbatim in its file. The
results go, per class and separately for the tuning part, the frozen part and the check part,
into the section "Question bank" of benchmarks/results/eval.md (replaced on each run; the rest of
the file stays).

The tuning part includes eval/bank/probe.jsonl and probe2.jsonl, batches written to find failures
the rest of the bank does not show (see eval/bank/README.md); their real documents are listed in
eval/bank/probe-files.txt and probe2-files.txt, read here with the bank's and the check set's lists
to say which expected files the server lacks.

The check part is eval/bank/check/*.jsonl: an unseen set written after the frozen quarter had been
looked at (see eval/bank/README.md). It is scored on every run, reported per class next to the
other two, and its failures are printed only with --show-check.

Not found is reported both ways: unanswerable questions answered not_found (recall) and
answerable questions refused (kind not_found where an answer exists), with the precision of the
not_found replies.

Questions whose "docs" (files of ../shared/realdocs) are not loaded in the server they are sent
to are counted as skipped, not failed: ingest them first (`assistant ingest FILES` or POST
/api/documents), or point --realdocs-url at a server that has them.

Failures are printed for the tuning part only; the frozen part's failures stay unseen (only
counted) unless --show-frozen is given, which is meant for the end of the work; the check part's
likewise unless --show-check is given.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics
import sys
import time
import unicodedata
import urllib.error
import urllib.request
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- question-bank:start -->", "<!-- question-bank:end -->"
PARTS = ("tuning", "frozen", "check")
CLASS_ORDER = [
    "lookup",
    "conditions",
    "aggregates",
    "comparison",
    "direction",
    "ties",
    "sections",
    "lists",
    "across",
    "loose_names",
    "followups",
    "not_found",
    "realdocs",
]


def load_score(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def loaded_docs(url: str) -> set[str]:
    with urllib.request.urlopen(url.rstrip("/") + "/api/documents", timeout=30) as resp:
        return {d["doc"] for d in json.loads(resp.read().decode("utf-8"))}


def load_texts(corpus: Path, realdocs: Path, stems: set[str]) -> dict[str, str]:
    """The files quotes are checked against, whitespace folded as score.py does."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in corpus.iterdir() if p.suffix in {".md", ".txt"}}
    for stem in stems:
        p = realdocs / f"{stem}.md"
        if p.is_file():
            texts[stem] = p.read_text(encoding="utf-8")
    return {k: re.sub(r"\s+", " ", v) for k, v in texts.items()}


def has_accents(text: str) -> bool:
    return unicodedata.normalize("NFD", text) != text or "đ" in text.lower()


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "–"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--realdocs-url", help="server holding the realdocs files (default: --url)")
    ap.add_argument("--bank", type=Path, default=ROOT / "eval" / "bank")
    ap.add_argument(
        "--check",
        type=Path,
        default=ROOT / "eval" / "bank" / "check",
        help="the unseen check set (a folder of JSONL)",
    )
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--realdocs", type=Path, default=ROOT.parent / "shared" / "realdocs")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "eval.md")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--show-frozen", action="store_true", help="also print the frozen part's failures")
    ap.add_argument("--show-check", action="store_true", help="also print the check part's failures")
    ap.add_argument("--verbose", action="store_true", help="print the answer under each printed failure")
    args = ap.parse_args()

    score = load_score(args.score)
    items = load_items(args.bank, args.check)
    stems = {d for it in items for d in it.get("docs", [])}
    texts = load_texts(args.corpus, args.realdocs, stems)
    urls = {"main": args.url, "realdocs": args.realdocs_url or args.url}
    present = {k: loaded_docs(u) for k, u in urls.items()}
    expected = expected_realdocs(args.bank, args.check)
    unlisted = sorted(stems - expected)
    if unlisted:
        print(f"note: questions need realdocs files no *-files.txt lists: {', '.join(unlisted)}")
    absent = sorted(expected - present["realdocs"])
    if absent:
        print(
            f"note: {len(absent)} of {len(expected)} expected realdocs files are not loaded "
            f"at {urls['realdocs']} (their questions are skipped): {', '.join(absent)}"
        )

    # per (class, part): counts
    stats: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    nf: dict[tuple[str, bool, bool], int] = defaultdict(int)
    latencies: list[float] = []
    for it in items:
        cls, part = it["class"], part_of(it)
        which = "realdocs" if it.get("docs") else "main"
        s = stats[(cls, part)]
        missing = [d for d in it.get("docs", []) if d not in present[which]]
        if missing:
            s["skipped"] += 1
            continue
        t0 = time.perf_counter()
        try:
            reply = score.ask(urls[which], it["question"], it.get("history", []), args.timeout)
        except (urllib.error.URLError, OSError, ValueError) as e:
            reply, problems = {}, [f"request failed: {e}"]
        else:
            latencies.append(time.perf_counter() - t0)
            problems, _verified, fabricated = score.check(it, reply, texts)
            s["fabricated"] += fabricated
        s["total"] += 1
        accented = "acc" if has_accents(it["question"]) else "na"
        s[f"total_{accented}"] += 1
        if not problems:
            s["passed"] += 1
            s[f"passed_{accented}"] += 1
        unanswerable = bool(it["expect"].get("not_found"))
        refused = reply.get("kind") == "not_found"
        nf[(part, unanswerable, refused)] += 1
        shown = {"tuning": True, "frozen": args.show_frozen, "check": args.show_check}[part]
        if problems and shown:
            print(
                f"FAIL {it['id']} [{cls}{'' if part == 'tuning' else ', ' + part}]: {it['question']!r}: "
                + "; ".join(problems)
            )
            if args.verbose:
                print("     answer:", (reply.get("answer") or "")[:300].replace("\n", " "))

    lines = table(stats, nf, latencies, args, urls)
    print("\n".join(lines))
    write_section(args.out, lines)
    return 0


def load_items(bank: Path, check: Path | None) -> list[dict]:
    """The bank's questions (eval/bank/*.jsonl) and, marked "check", those of the check set."""
    items = []
    for path in sorted(bank.glob("*.jsonl")):
        items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if check is not None and check.is_dir():
        for path in sorted(check.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    it = json.loads(line)
                    it["check"] = True
                    items.append(it)
    return items


def expected_realdocs(bank: Path, check: Path | None) -> set[str]:
    """The files of ../shared/realdocs the questions expect loaded: the bank's realdocs-files.txt,
    the probe batches' probe-files.txt and probe2-files.txt and the check set's realdocs-files.txt."""
    lists = [bank / "realdocs-files.txt", bank / "probe-files.txt", bank / "probe2-files.txt"]
    if check is not None:
        lists.append(check / "realdocs-files.txt")
    return {
        line.strip().removesuffix(".md")
        for p in lists
        if p.is_file()
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


def part_of(it: dict) -> str:
    if it.get("check"):
        return "check"
    return "frozen" if it.get("frozen") else "tuning"


def table(stats: dict, nf: dict, latencies: list[float], args: argparse.Namespace, urls: dict) -> list[str]:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        START,
        "## Question bank (eval/bank, issue 12)",
        "",
        f"Measured {when} with `python3 eval/report.py --url {urls['main']}"
        + (f" --realdocs-url {urls['realdocs']}" if urls["realdocs"] != urls["main"] else "")
        + "`.",
        "Right = every expectation of the question met (score.py's checks, quotes verbatim). "
        "The frozen part is a quarter of the bank kept aside; the check part (eval/bank/check) is an "
        "unseen set written after the frozen part had been looked at. Nobody tunes on either.",
        "",
        "| class | tuning right | frozen right | check right | no accents right | skipped | quotes not verbatim |",
        "|---|---|---|---|---|---|---|",
    ]
    classes = sorted({c for c, _ in stats}, key=lambda c: CLASS_ORDER.index(c) if c in CLASS_ORDER else 99)
    sums: dict[str, int] = defaultdict(int)
    for cls in classes:
        ps = [stats[(cls, p)] for p in PARTS]
        na_p, na_t = sum(x["passed_na"] for x in ps), sum(x["total_na"] for x in ps)
        out.append(
            f"| {cls} | "
            + " | ".join(f"{x['passed']}/{x['total']} ({pct(x['passed'], x['total'])})" for x in ps)
            + f" | {na_p}/{na_t} ({pct(na_p, na_t)}) | {sum(x['skipped'] for x in ps)} "
            f"| {sum(x['fabricated'] for x in ps)} |"
        )
        for p, x in zip(PARTS, ps, strict=True):
            for k in ("passed", "total", "skipped", "fabricated"):
                sums[f"{p}_{k}"] += x[k]
        sums["na_p"] += na_p
        sums["na_t"] += na_t
    out.append(
        "| **all** | "
        + " | ".join(
            f"{sums[p + '_passed']}/{sums[p + '_total']} ({pct(sums[p + '_passed'], sums[p + '_total'])})"
            for p in PARTS
        )
        + f" | {sums['na_p']}/{sums['na_t']} ({pct(sums['na_p'], sums['na_t'])}) "
        f"| {sum(sums[p + '_skipped'] for p in PARTS)} | {sum(sums[p + '_fabricated'] for p in PARTS)} |"
    )
    out += [
        "",
        "Not found (over every scored question; target: unanswerable answered not_found ≥ 98%, "
        "answerable refused ≤ 2%):",
        "",
        "| part | unanswerable answered not_found (recall) | answerable refused | precision of not_found |",
        "|---|---|---|---|",
    ]
    for part in PARTS:
        tp, fn = nf[(part, True, True)], nf[(part, True, False)]
        fp, tn = nf[(part, False, True)], nf[(part, False, False)]
        out.append(
            f"| {part} | {tp}/{tp + fn} ({pct(tp, tp + fn)}) | {fp}/{fp + tn} ({pct(fp, fp + tn)}) "
            f"| {tp}/{tp + fp} ({pct(tp, tp + fp)}) |"
        )
    if latencies:
        latencies.sort()
        out += [
            "",
            f"Latency over HTTP: p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"max {latencies[-1] * 1000:.0f} ms.",
        ]
    out.append(END)
    return out


def write_section(path: Path, lines: list[str]) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    block = "\n".join(lines) + "\n"
    if START in old and END in old:
        new = old[: old.index(START)] + block + old[old.index(END) + len(END) :].lstrip("\n")
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())

"""How well the parser reads real documents nobody here wrote: ../shared/realdocs (270 files).

For every file: the header fields the parser found; where the website's own metadata box is at
the top (Số hiệu, Loại văn bản, Ngày ban hành, Người ký), the box is cut off before parsing and
used as the truth for those four fields. Reported per field and per document type, with section,
assignment and table-row counts, the documents with warnings, and (with ``--ingest``) the time to
ingest them all into a temporary index with the real embedding model.

    .venv/bin/python benchmarks/realdocs.py            # parse only; writes benchmarks/results/realdocs.md
    .venv/bin/python benchmarks/realdocs.py --ingest   # also the full ingest time
    .venv/bin/python benchmarks/realdocs.py --show number   # list every miss of one field

Benchmark data only: read from ../shared/realdocs at run time, never copied into the project.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.agencies import extract_assignments  # noqa: E402
from assistant.documents import parse_file  # noqa: E402
from assistant.model import Document  # noqa: E402
from assistant.text import fold, squash  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "realdocs"
RESULTS = ROOT / "benchmarks" / "results" / "realdocs.md"
FIELDS = ("number", "type", "date", "signer")


def _norm_number(s: str) -> str:
    return fold(re.sub(r"\s+", "", s))


def _norm_date(s: str) -> str:
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", s)
    return f"{int(m.group(1)):02d}/{int(m.group(2)):02d}/{m.group(3)}" if m else ""


def parsed_fields(doc: Document) -> dict[str, str]:
    return {
        "number": doc.number or doc.number_raw,
        "type": doc.doc_type,
        "date": str(doc.date) if doc.date and doc.date.complete else "",
        "signer": doc.signer.name if doc.signer else "",
    }


def field_right(name: str, got: str, truth: str) -> bool:
    if name == "number":
        return bool(got) and _norm_number(got) == _norm_number(truth)
    if name == "date":
        return bool(got) and _norm_date(got) == _norm_date(truth)
    if name == "type":
        return fold(got) == fold(truth)
    # signer: the box may list several signers ('Nguyễn Văn A, Trần Thị B')
    names = [fold(squash(x)) for x in re.split(r"[,;]", truth)]
    return bool(got) and fold(squash(got)) in names


def measure(files: list[Path]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for p in files:
        t0 = time.perf_counter()
        try:
            doc = parse_file(p)
        except Exception as exc:  # a benchmark reports every failure, whatever it is
            rows.append({"file": p.name, "error": f"{type(exc).__name__}: {exc}"})
            continue
        parse_ms = (time.perf_counter() - t0) * 1000
        truth = {k: doc.site_meta.get(k, "") for k in FIELDS}
        got = parsed_fields(doc)
        rows.append(
            {
                "file": p.name,
                "type_truth": truth["type"] or "(no box)",
                "truth": truth,
                "got": got,
                "right": {k: field_right(k, got[k], truth[k]) for k in FIELDS if truth[k]},
                "sections": sum(1 for _ in doc.walk()),
                # a label that names two sections (a quoted amendment's 'Điều 1.1' under the host's)
                "repeated_labels": sum(n - 1 for n in Counter(s.label for s in doc.walk()).values()),
                "assignments": len(extract_assignments(doc)),
                "table_rows": sum(len(t.rows) for t in doc.tables),
                "criteria": len(doc.criteria),
                "warnings": list(doc.warnings),
                "parse_ms": parse_ms,
                "header": {
                    "issuer": doc.issuer,
                    "place": doc.place,
                    "subject": doc.subject,
                },
            }
        )
    return {"rows": rows}


def report(result: dict[str, Any], ingest_s: float | None, files: int) -> str:
    rows = [r for r in result["rows"] if "error" not in r]
    errors = [r for r in result["rows"] if "error" in r]
    per_field = {k: [0, 0] for k in FIELDS}
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        for k, ok in r["right"].items():
            per_field[k][1] += 1
            per_field[k][0] += int(ok)
            per_type[r["type_truth"]][f"{k}_n"] += 1
            per_type[r["type_truth"]][f"{k}_ok"] += int(ok)
        per_type[r["type_truth"]]["docs"] += 1
        per_type[r["type_truth"]]["sections"] += r["sections"]
        per_type[r["type_truth"]]["assignments"] += r["assignments"]
        per_type[r["type_truth"]]["table_rows"] += r["table_rows"]
    total_ok = sum(v[0] for v in per_field.values())
    total_n = sum(v[1] for v in per_field.values())
    lines = [
        "# Real documents: what the parser reads",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with `.venv/bin/python benchmarks/realdocs.py"
        f"{' --ingest' if ingest_s is not None else ''}` over {files} files of `../shared/realdocs`.",
        "Truth: the website's metadata box at the top of a file (cut off before parsing).",
        "",
        f"**Header fields right: {total_ok}/{total_n} ({100 * total_ok / max(total_n, 1):.1f}%)**; "
        f"documents refused or failing to parse: {len(errors)}.",
        "",
        "| field | right | of | % |",
        "| --- | --- | --- | --- |",
    ]
    for k, (ok, n) in per_field.items():
        lines.append(f"| {k} | {ok} | {n} | {100 * ok / max(n, 1):.1f} |")
    lines += [
        "",
        "| type (from the box) | docs | number | type | date | signer | sections | assignments | table rows |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for t, c in sorted(per_type.items(), key=lambda kv: -kv[1]["docs"]):
        cells = [f"{c[f'{k}_ok']}/{c[f'{k}_n']}" for k in FIELDS]
        lines.append(
            f"| {t} | {c['docs']} | {' | '.join(cells)} | {c['sections']} | {c['assignments']} | {c['table_rows']} |"
        )
    parse_total = sum(r["parse_ms"] for r in rows) / 1000
    lines += [
        "",
        f"Sections {sum(r['sections'] for r in rows)}, assignments {sum(r['assignments'] for r in rows)}, "
        f"table rows {sum(r['table_rows'] for r in rows)}, criteria rows {sum(r['criteria'] for r in rows)} "
        f"in {sum(1 for r in rows if r['criteria'])} documents; "
        f"section labels naming more than one section {sum(r['repeated_labels'] for r in rows)}; "
        f"parsing all files {parse_total:.1f} s.",
    ]
    if ingest_s is not None:
        lines.append(f"Full ingest (parse, chunk, embed, index) of all files: {ingest_s:.1f} s.")
    warned = [r for r in rows if r["warnings"]]
    lines += ["", f"## Documents with warnings ({len(warned)})", ""]
    lines += [f"- `{r['file']}`: {'; '.join(r['warnings'])}" for r in warned] or ["(none)"]
    if errors:
        lines += ["", "## Failures", ""] + [f"- `{r['file']}`: {r['error']}" for r in errors]
    misses = [
        (r["file"], k, r["got"][k], r["truth"][k]) for r in rows for k, ok in r["right"].items() if not ok
    ]
    lines += [
        "",
        f"## Misses ({len(misses)})",
        "",
        "| file | field | parsed | truth |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| `{f}` | {k} | {g or '(empty)'} | {t} |" for f, k, g, t in misses]
    return "\n".join(lines) + "\n"


def ingest_time(files: list[Path]) -> float:
    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import ingest, load_embedder

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for p in files:
            (corpus / p.name).write_bytes(p.read_bytes())
        settings = Settings(corpus_dir=corpus, index_dir=Path(tmp) / "index", data_dir=Path(tmp) / "data")
        embedder = load_embedder(settings)
        t0 = time.perf_counter()
        ingest(load_corpus(corpus), settings=settings, embedder=embedder, progress=False)
        return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--ingest", action="store_true", help="also time a full ingest with the real model")
    ap.add_argument("--show", choices=FIELDS, help="print every miss of this field")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    files = sorted(p for p in args.data.glob("*.md") if p.name != "MANIFEST.md")
    result = measure(files)
    if args.show:
        for r in result["rows"]:
            if "error" not in r and r["right"].get(args.show) is False:
                print(f"{r['file']}\t{r['got'][args.show]!r}\t{r['truth'][args.show]!r}")
    ingest_s = ingest_time(files) if args.ingest else None
    text = report(result, ingest_s, len(files))
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    print("\n".join(text.splitlines()[:12]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Check the probe batches (eval/bank/probe.jsonl, probe2.jsonl, probe3.jsonl, probe4.jsonl) against the
files they were written from.

    python3 eval/bank/probe_validate.py

For each batch (probe.jsonl: ids "pr-NNN", files probe-files.txt; probe2.jsonl: ids "p2-NNN", files
probe2-files.txt; probe3.jsonl: ids "p3-NNN", files probe3-files.txt; probe4.jsonl: ids "p4-NNN",
files probe4-files.txt):
- ids of the batch's form, unique; a known class; "frozen" false; known expectation keys; not_found
  alone; history turns with a role (user/assistant) and content;
- every "contains" string is verbatim (whitespace folded) in a file the question cites or needs
  ("docs"), or in one of the two corpus files when it names none; every "contains_any" group has
  a verbatim member; "numbers" parse as numbers;
- every cited label is one the document prints (parts "II", items "II.10", "Điều 5", "Phụ lục II",
  "Kính gửi", "Nơi nhận", "Căn cứ"), or "" (any section);
- "docs" are files of ../shared/realdocs listed in realdocs-files.txt, the batch's own list or an
  earlier batch's list; the
  batch's own files are not the bank's, not the check set's, not an earlier batch's, and have no
  known gaps (probe2's, probe3's and probe4's are also not in tests/data/realdocs_golden.json);
- no question repeats a question of the bank's other files (folded text).
Exit status 1 on any problem.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REALDOCS = ROOT.parent / "shared" / "realdocs"
CORPUS = ["cv-410-ubnd-hai-phong-2025", "kh-pctn-dac-khu-cat-hai-2025"]
CLASSES = {
    "lookup", "conditions", "aggregates", "comparison", "direction", "ties", "sections",
    "lists", "across", "loose_names", "followups", "not_found", "realdocs",
}  # fmt: skip
KEYS = {"contains", "contains_any", "numbers", "cites", "not_found"}
# the file reading and label rules are the check set's validator's own (one reading of a file's labels)
sys.path.insert(0, str(HERE / "check"))
from validate import fold, load, ws  # noqa: E402
from validate import labels as printed_labels  # noqa: E402


def labels(text: str) -> set[str]:
    return printed_labels(text) | {""}  # "" cites any section


def stems(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return {x.strip().removesuffix(".md") for x in path.read_text(encoding="utf-8").splitlines() if x.strip()}


# (questions, id prefix, own files list, earlier batches' lists, whether the golden files are excluded)
BATCHES = [
    ("probe.jsonl", "pr", "probe-files.txt", [], False),
    ("probe2.jsonl", "p2", "probe2-files.txt", ["probe-files.txt"], True),
    ("probe3.jsonl", "p3", "probe3-files.txt", ["probe-files.txt", "probe2-files.txt"], True),
    (
        "probe4.jsonl",
        "p4",
        "probe4-files.txt",
        ["probe-files.txt", "probe2-files.txt", "probe3-files.txt"],
        True,
    ),
]


def main() -> int:
    problems: list[str] = []
    lines_total = 0
    for name, prefix, files, earlier, no_golden in BATCHES:
        n, n_ids, n_own = check_batch(name, prefix, files, earlier, no_golden, problems)
        lines_total += n
        print(f"{name}: {n} questions, {n_ids} ids, {n_own} files")
    for p in problems:
        print("PROBLEM", p)
    print(f"{lines_total} probe questions in {len(BATCHES)} batches: {len(problems)} problems")
    return 1 if problems else 0


def check_batch(
    name: str, prefix: str, files: str, earlier: list[str], no_golden: bool, problems: list[str]
) -> tuple[int, int, int]:
    own = stems(HERE / files)
    bank_rd, check_rd = stems(HERE / "realdocs-files.txt"), stems(HERE / "check" / "realdocs-files.txt")
    gaps = json.loads((ROOT / "tests" / "data" / "realdocs_known_gaps.json").read_text(encoding="utf-8"))
    gap_files = {m for i in gaps["ids"] for m in re.findall(r"[0-9a-f]{16}", i)}
    groups = [("the bank's", bank_rd), ("the check set's", check_rd), ("known gaps", gap_files)]
    groups += [(f"{e}'s", stems(HERE / e)) for e in earlier]
    if no_golden:
        golden = json.loads((ROOT / "tests" / "data" / "realdocs_golden.json").read_text(encoding="utf-8"))
        groups.append(("realdocs_golden.json's", {d["doc"] for d in golden["documents"]}))
    for f in sorted(own):
        for where, group in groups:
            if f in group:
                problems.append(f"{files}: {f} is in {where} files")
        if load(f) is None:
            problems.append(f"{files}: {f} is not a file of {REALDOCS}")
    # a question may also need a file of an earlier batch (one that compares two documents)
    allowed_docs = own | bank_rd | {f for e in earlier for f in stems(HERE / e)}

    others = {
        fold(json.loads(line)["question"])
        for p in sorted(HERE.glob("*.jsonl"))
        if p.name != name
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    texts: dict[str, str] = {}
    label_cache: dict[str, set[str]] = {}

    def text_of(doc: str) -> str | None:
        if doc not in texts:
            t = load(doc)
            if t is None:
                return None
            texts[doc] = ws(t)
            label_cache[doc] = labels(t)
        return texts[doc]

    ids: set[str] = set()
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        it = json.loads(line)
        where = f"{name}:{n} {it.get('id')}"
        if not re.fullmatch(prefix + r"-\d{3}", it.get("id", "")):
            problems.append(f"{where}: id is not {prefix}-NNN")
        if it.get("id") in ids:
            problems.append(f"{where}: duplicate id")
        ids.add(it.get("id"))
        if it.get("class") not in CLASSES:
            problems.append(f"{where}: unknown class {it.get('class')!r}")
        if it.get("frozen") is not False:
            problems.append(f"{where}: frozen must be false")
        exp = it.get("expect", {})
        if not exp or set(exp) - KEYS:
            problems.append(f"{where}: expectation keys {sorted(exp)}")
        if exp.get("not_found") and len(exp) > 1:
            problems.append(f"{where}: not_found with other expectations")
        for turn in it.get("history", []):
            if turn.get("role") not in {"user", "assistant"} or not turn.get("content"):
                problems.append(f"{where}: bad history turn {turn}")
        if fold(it["question"]) in others:
            problems.append(f"{where}: the bank asks this question already")
        docs = it.get("docs", [])
        for d in docs:
            if d not in allowed_docs:
                problems.append(f"{where}: doc {d} not in realdocs-files.txt nor {files}")
        cited = [c["doc"] for c in exp.get("cites", [])]
        for c in exp.get("cites", []):
            if text_of(c["doc"]) is None:
                problems.append(f"{where}: cites unknown doc {c['doc']}")
            elif c["section"] not in label_cache[c["doc"]]:
                problems.append(f"{where}: {c['doc']} prints no section {c['section']!r}")
            if c["doc"] not in CORPUS and c["doc"] not in docs:
                problems.append(f"{where}: cites {c['doc']} without listing it in docs")
        pool = [d for d in dict.fromkeys([*cited, *docs]) if text_of(d) is not None] or CORPUS
        hay = [text_of(d) or "" for d in pool]
        for s in exp.get("contains", []):
            if not any(ws(s) in h for h in hay):
                problems.append(f"{where}: {s!r} not verbatim in {pool}")
        for group in exp.get("contains_any", []):
            if not any(ws(s) in h for s in group for h in hay):
                problems.append(f"{where}: no member of {group!r} verbatim in {pool}")
        for x in exp.get("numbers", []):
            if not re.fullmatch(r"\d+(?:[.,]\d+)?", x):
                problems.append(f"{where}: number {x!r} not written as a number")
    return len(lines), len(ids), len(own)


if __name__ == "__main__":
    sys.exit(main())

"""Check the check set against the files it was written from (no assistant involved).

    python3 eval/bank/check/validate.py

- every line: an id "ck-…" (unique), "check" and "frozen" true, the class of its file, a known
  expectation, not_found alone, history turns with a role and content;
- every "contains" string is verbatim (whitespace folded) in the files the question cites or
  needs ("docs"), or in the two corpus files when it cites none; every "contains_any" group has
  at least one verbatim member;
- every cited label exists as the document prints it: "II.10" needs a part "II." holding an
  item "10."; "III.2.4" an item "2.4." under part "III."; "Điều 5" an article "Điều 5.";
  "Phụ lục II" a line "Phụ lục II"; "Kính gửi"/"Nơi nhận" their words;
- "docs" are files of ../shared/realdocs listed in realdocs-files.txt (the bank's or this one);
  this set's own files are neither in the bank's list nor in tests/data/realdocs_known_gaps.json;
- no question repeats a bank question (same words after folding accents, or difflib ratio ≥ 0.9);
- at least 30% of the questions are typed without accents.
Exit status 1 on any problem.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
BANK = HERE.parent
ROOT = HERE.parents[2]
REALDOCS = ROOT.parent / "shared" / "realdocs"
CLASSES = {
    "lookup", "conditions", "aggregates", "comparison", "direction", "ties", "sections",
    "lists", "across", "loose_names", "followups", "not_found", "realdocs",
}  # fmt: skip
CORPUS = ["cv-410-ubnd-hai-phong-2025", "kh-pctn-dac-khu-cat-hai-2025"]
ROMAN = re.compile(r"^[#*\s]*([IVX]+)\.(?=\s|\*|$)")
NUMBERED = re.compile(r"^[#*\s]*(\d+(?:\.\d+)*)\.(?=\s|\*|$)")
ARTICLE = re.compile(r"(?m)^[#*\s]*Điều\s+(\d+)\s*\.")
APPENDIX = re.compile(r"^[#*\s]*Phụ lục\s+([IVX]+|\d+)\b", re.IGNORECASE)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip().lower()


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def has_accents(text: str) -> bool:
    return unicodedata.normalize("NFD", text) != text or "đ" in text.lower()


def load(doc: str) -> str | None:
    for p in (ROOT / "corpus" / f"{doc}.md", REALDOCS / f"{doc}.md"):
        if p.is_file():
            return p.read_text(encoding="utf-8")
    return None


def labels(text: str) -> set[str]:
    """The section labels a file prints: parts, items under them, articles, appendices."""
    out: set[str] = set()
    part = ""
    for line in text.splitlines():
        m = APPENDIX.match(line)
        if m:
            out.add(f"Phụ lục {m[1].upper()}")
            part = ""
            continue
        m = ROMAN.match(line)
        if m:
            part = m[1]
            out.add(part)
            continue
        m = NUMBERED.match(line)
        if m:
            out.add(f"{part}.{m[1]}" if part else m[1])
    out |= {f"Điều {n}" for n in ARTICLE.findall(text)}  # "**Điều\n2." wraps across lines
    for word in ("Kính gửi", "Nơi nhận", "Căn cứ"):
        if word.lower() in text.lower():
            out.add(word)
    return out


def main() -> int:
    problems: list[str] = []
    rd_files = {
        line.strip().removesuffix(".md")
        for p in (BANK / "realdocs-files.txt", HERE / "realdocs-files.txt")
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    own = [
        line.strip().removesuffix(".md")
        for line in (HERE / "realdocs-files.txt").read_text().splitlines()
        if line.strip()
    ]
    bank_rd = {
        line.strip().removesuffix(".md")
        for line in (BANK / "realdocs-files.txt").read_text().splitlines()
        if line.strip()
    }
    gaps = json.loads((ROOT / "tests" / "data" / "realdocs_known_gaps.json").read_text(encoding="utf-8"))
    gap_files = {m for i in gaps["ids"] for m in re.findall(r"[0-9a-f]{16}", i)}
    for f in own:
        if f in bank_rd:
            problems.append(f"{f}: already in the bank's realdocs-files.txt")
        if f in gap_files:
            problems.append(f"{f}: has known gaps (tests/data/realdocs_known_gaps.json)")
        if load(f) is None:
            problems.append(f"{f}: not a file of {REALDOCS}")

    bank_q = [
        json.loads(line)["question"]
        for p in sorted(BANK.glob("*.jsonl"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    bank_folded = [fold(x) for x in bank_q]
    bank_set = set(bank_folded)

    texts: dict[str, str | None] = {}
    label_cache: dict[str, set[str]] = {}
    ids: set[str] = set()
    items = []
    for path in sorted(HERE.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            it = json.loads(line)
            items.append(it)
            where = f"{path.name}:{n} {it.get('id')}"
            if not str(it.get("id", "")).startswith("ck-") or it["id"] in ids:
                problems.append(f"{where}: id must be unique and start with 'ck-'")
            ids.add(it.get("id"))
            if it.get("check") is not True or it.get("frozen") is not True:
                problems.append(f'{where}: needs "check": true and "frozen": true')
            if it.get("class") != path.stem or path.stem not in CLASSES:
                problems.append(f"{where}: class {it.get('class')!r} in {path.name}")
            exp = it.get("expect", {})
            if set(exp) - {"contains", "contains_any", "numbers", "cites", "not_found"} or not exp:
                problems.append(f"{where}: unknown or empty expect {sorted(exp)}")
            if exp.get("not_found") and len(exp) > 1:
                problems.append(f"{where}: not_found with other expectations")
            for h in it.get("history", []):
                if h.get("role") not in {"user", "assistant"} or not h.get("content"):
                    problems.append(f"{where}: bad history turn {h}")
            for d in it.get("docs", []):
                if d not in rd_files:
                    problems.append(f"{where}: doc {d} not in a realdocs-files.txt")
            if (it["class"] == "realdocs") != bool(it.get("docs")):
                problems.append(f"{where}: realdocs questions, and only they, list their docs")
            fq = fold(it["question"])
            if fq in bank_set:
                problems.append(f"{where}: the bank asks this question already")
            else:
                close = difflib.get_close_matches(fq, bank_folded, n=1, cutoff=0.9)
                if close:
                    problems.append(f"{where}: too close to the bank's {close[0]!r}")

            docs = [c["doc"] for c in exp.get("cites", [])] + list(it.get("docs", []))
            docs = list(dict.fromkeys(docs)) or CORPUS
            for d in docs:
                if d not in texts:
                    texts[d] = load(d)
                if texts[d] is None:
                    problems.append(f"{where}: no file for doc {d}")
            pool = [ws(x) for x in (texts.get(d) for d in docs) if x]
            for sub in exp.get("contains", []):
                if not any(ws(sub) in t for t in pool):
                    problems.append(f"{where}: contains {sub!r} is not verbatim in {docs}")
            for group in exp.get("contains_any", []):
                if not any(ws(sub) in t for sub in group for t in pool):
                    problems.append(f"{where}: no member of {group!r} is verbatim in {docs}")
            for c in exp.get("cites", []):
                body = texts.get(c["doc"])
                if not c["section"] or body is None:
                    continue
                if c["doc"] not in label_cache:
                    label_cache[c["doc"]] = labels(body)
                if c["section"] not in label_cache[c["doc"]]:
                    problems.append(f"{where}: {c['doc']} prints no section {c['section']!r}")

    na = sum(1 for it in items if not has_accents(it["question"]))
    if na < 0.3 * len(items):
        problems.append(f"only {na}/{len(items)} questions without accents")
    by: dict[str, int] = {}
    for it in items:
        by[it["class"]] = by.get(it["class"], 0) + 1
    for p in problems:
        print("PROBLEM", p)
    print(
        f"{len(items)} questions ({na} without accents), "
        + ", ".join(f"{c} {by[c]}" for c in sorted(by))
        + f"; {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

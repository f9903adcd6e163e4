"""Assignments read from real documents nobody here wrote: ../shared/realdocs (270 files).

For every file, :func:`assistant.agencies.extract_assignments` over the parsed document; reported:
documents with assignments, assignments, partners found, and the agency names that fail a
structural check of Vietnamese administrative naming (see :func:`name_problem`): a name must start
with the head word of a body ('Sở', 'Ủy ban', 'Công an', 'Bộ Chỉ huy', 'Các sở', ...), possibly
after a head's title ('Giám đốc Sở ...', 'Chủ tịch Ủy ban ...'), must not end in a function word
('Sở Tài', 'Ủy ban', '... và') and must not hold a lowercase task verb ('... triển khai').

    .venv/bin/python benchmarks/agencies_real.py             # writes benchmarks/results/agencies_real.md
    .venv/bin/python benchmarks/agencies_real.py --show      # also print every failing name

Benchmark data only: read from ../shared/realdocs at run time, never copied into the project.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.agencies import Assignment, extract_assignments  # noqa: E402
from assistant.documents import parse_file  # noqa: E402
from assistant.text import fold  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "realdocs"
RESULTS = ROOT / "benchmarks" / "results" / "agencies_real.md"

# Folded head words of a body's name (longest first when matched).
_HEADS = sorted(
    (
        "so",
        "ban",
        "uy ban",
        "ubnd",
        "hdnd",
        "hoi dong",
        "cong an",
        "bo",
        "van phong",
        "vp",
        "thanh tra",
        "vien",
        "hoc vien",
        "toa an",
        "tand",
        "vksnd",
        "trung tam",
        "phong",
        "dai",
        "bao",
        "hoi",
        "lien doan",
        "lien minh",
        "doan",
        "cuc",
        "chi cuc",
        "tong cuc",
        "kho bac",
        "ngan hang",
        "bao hiem",
        "bhxh",
        "truong",
        "benh vien",
        "bo chi huy",
        "ban chi huy",
        "bch",
        "chinh phu",
        "thu tuong",
        "quoc hoi",
        "mat tran",
        "mttq",
        "dang uy",
        "thanh uy",
        "tinh uy",
        "thuong truc",
        "vu",
        "chi nhanh",
        "tram",
        "doi",
        "hai quan",
        "canh sat",
        "bo doi",
        "hat kiem lam",
        "kiem toan",
        "tap doan",
        "tong cong ty",
        "cong ty",
        "co quan",
        "don vi",
        "to chuc",
        "doanh nghiep",
        "hop tac xa",
        "lanh dao",
        "ban quan ly",
        "ban chi dao",
        "tieu ban",
        "to cong tac",
        "hoi dong nhan dan",
        "uy ban nhan dan",
        "vien kiem sat",
        "cac",
        "tat ca cac",
        "quy",
        "chu tich nuoc",
        "nguoi dung dau co quan",
        "co so",
        "chu dau tu",
        "nguoi dung dau don vi",
        "cong thong tin",
        "thue",
        "thong tan xa",
    ),
    key=len,
    reverse=True,
)
# A head's title before the body's name ('Giám đốc Sở Nội vụ', 'Chánh Văn phòng ...').
_TITLES = (
    "giam doc",
    "chu tich",
    "pho chu tich",
    "thu truong",
    "chanh",
    "nguoi dung dau",
    "bi thu",
    "tong giam doc",
    "cuc truong",
    "vu truong",
    "vien truong",
    "chanh an",
    "bo truong",
    "thu truong cac",
    "hieu truong",
    "truong ban",
    "truong phong",
    "chanh thanh tra",
    "chi cuc truong",
)
# Function words (as written, lowercase): a name never ends in one ('Ủy ban nhân dân tỉnh và').
_FUNCTION_LAST = set(
    re.findall(r"\w+", "và của các với cho tại theo trong về để có được là những thuộc hoặc từ đến trên nhân")
)
# A name whose last word opens a compound is cut: 'Sở Tài' (chính), 'Sở Giáo' (dục), 'Ủy ban'.
_CUT_LAST = {("so", "tai"), ("so", "giao"), ("so", "noi"), ("so", "khoa"), ("so", "van"), ("so", "xay")}
_BARE = {"uy ban", "ban", "so", "van phong", "van phong ban", "phong", "co quan", "don vi", "bo", "hoi dong"}
# Lowercase task verbs: part of a task, never of a name.
_VERBS = (
    "trien khai",
    "thuc hien",
    "chu tri",
    "phoi hop",
    "tham muu",
    "huong dan",
    "don doc",
    "bao cao",
    "ban hanh",
    "ra soat",
    "theo doi",
    "co trach nhiem",
    "chiu trach nhiem",
    "can cu",
    "xay dung",
    "to chuc thuc hien",
    "tang cuong",
    "day manh",
    "quyet dinh",
    "phan cap",
    "uy quyen",
    "trao doi",
)


def _words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z&]+", fold(text))


def _lower_words(text: str) -> str:
    """The folded words written in lowercase (a capitalised 'Xây dựng' in 'Sở Xây dựng' is part of
    the name; only the words after a capital that start lowercase can be a verb)."""
    return " ".join(fold(w) for w in re.findall(r"\w+", text) if w[:1].islower())


def name_problem(name: str) -> str:
    """'' when a name looks whole, else what is wrong with it ('no head', 'cut', 'verb', ...)."""
    if not name or not name[:1].isupper():
        return "lowercase start"
    if name.upper() == name and len(name) > 12:
        return "capitals (a heading or slogan)"
    w = _words(name)
    if not w:
        return "empty"
    last = re.findall(r"\w+", name)[-1]
    joined = " ".join(w)
    titled = False
    for t in sorted(_TITLES, key=len, reverse=True):
        if joined.startswith(t + " "):
            if not any(joined == h or joined.startswith(h + " ") for h in _HEADS):
                w = w[len(t.split()) :]
                joined = " ".join(w)
                titled = True
            break
    abbrev_after_title = titled and len(w) == 1 and name.split()[-1].isupper()  # 'Tổng Giám đốc VNMAC'
    if not abbrev_after_title and not any(joined == h or joined.startswith(h + " ") for h in _HEADS):
        return "no head"
    if joined in _BARE and not titled:
        return "bare head"
    if last in _FUNCTION_LAST or tuple(w[-2:]) in _CUT_LAST:
        return "cut"
    low = " " + _lower_words(name) + " "
    for v in _VERBS:
        if f" {v} " in low:
            return "verb"
    if len(w) > 22:
        return "too long"
    if name.count("(") != name.count(")"):
        return "parenthesis"
    return ""


def measure(files: list[Path]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    t0 = time.perf_counter()
    for p in files:
        try:
            doc = parse_file(p)
            found: list[Assignment] = extract_assignments(doc)
        except Exception as exc:  # a benchmark reports every failure, whatever it is
            rows.append({"file": p.name, "error": f"{type(exc).__name__}: {exc}"})
            continue
        rows.append(
            {
                "file": p.name,
                "assignments": [(a.agency, a.section, list(getattr(a, "partners", []))) for a in found],
            }
        )
    return {"rows": rows, "seconds": time.perf_counter() - t0}


def _commit() -> str:
    """The checkout's short commit ('unknown' outside git), so a figure can be traced to the code."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip() or "unknown"


def report(result: dict[str, Any], files: int) -> tuple[str, list[tuple[str, str, str, str]]]:
    rows = [r for r in result["rows"] if "error" not in r]
    errors = [r for r in result["rows"] if "error" in r]
    with_any = [r for r in rows if r["assignments"]]
    total = sum(len(r["assignments"]) for r in rows)
    partners = sum(len(p) for r in rows for _, _, p in r["assignments"])
    with_partners = sum(1 for r in rows for _, _, p in r["assignments"] if p)
    bad: list[tuple[str, str, str, str]] = []
    for r in rows:
        for agency, section, _ in r["assignments"]:
            why = name_problem(agency)
            if why:
                bad.append((r["file"], section, agency, why))
    bad_partners = [
        (r["file"], section, p, name_problem(p))
        for r in rows
        for _, section, ps in r["assignments"]
        for p in ps
        if name_problem(p) and p[:1].isupper()
    ]
    kinds = Counter(b[3] for b in bad)
    distinct = len({fold(a) for r in rows for a, _, _ in r["assignments"]})
    lines = [
        "# Real documents: who was given which task",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC at commit {_commit()} with "
        f"`.venv/bin/python benchmarks/agencies_real.py` over {files} files of `../shared/realdocs` "
        f"({result['seconds']:.1f} s, parse included).",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| documents with assignments | {len(with_any)} / {len(rows)} |",
        f"| assignments | {total} |",
        f"| distinct agency names | {distinct} |",
        f"| names failing the structural check | {len(bad)} ({100 * len(bad) / max(total, 1):.1f}%) |",
        f"| assignments with partners | {with_partners} |",
        f"| partners named | {partners} |",
        f"| partner names failing the check (lowercase groups such as 'các cơ quan liên quan' aside) | {len(bad_partners)} |",
        f"| files failing to parse | {len(errors)} |",
        "",
        "Structural check: a name starts with a body's head word (after a head's title such as "
        "'Giám đốc'), does not end in a function word or a cut compound, holds no lowercase task "
        "verb, is at most 22 words and closes its parentheses.",
        "",
        "| problem | names |",
        "| --- | --- |",
    ]
    lines += [f"| {k} | {n} |" for k, n in kinds.most_common()] or ["| (none) | 0 |"]
    lines += [
        "",
        f"## Failing names ({len(bad)})",
        "",
        "| file | section | name | problem |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| `{f}` | {s} | {a.replace('|', '/')} | {w} |" for f, s, a, w in bad]
    lines += [
        "",
        f"## Failing partner names ({len(bad_partners)})",
        "",
        "| file | section | name | problem |",
    ]
    lines += ["| --- | --- | --- | --- |"]
    lines += [f"| `{f}` | {s} | {a.replace('|', '/')} | {w} |" for f, s, a, w in bad_partners]
    if errors:
        lines += ["", "## Failures", ""] + [f"- `{r['file']}`: {r['error']}" for r in errors]
    return "\n".join(lines) + "\n", bad + bad_partners


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", action="store_true", help="print every failing name")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    files = sorted(p for p in args.data.glob("*.md") if p.name != "MANIFEST.md")
    result = measure(files)
    text, bad = report(result, len(files))
    if args.show:
        for f, s, a, w in bad:
            print(f"{f}\t{s}\t{w}\t{a}")
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
    print("\n".join(text.splitlines()[:17]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The bounds of one ingested document, what real documents need of them, and the memory of reading a .docx.

1. Reads, parses and chunks every real document (../shared/realdocs) and the corpus, and reports
   the largest text, section and chunk counts and the longest time: the figures the defaults of
   ``ASSISTANT_MAX_DOCUMENT_*`` and ``ASSISTANT_MAX_PARSE_SECONDS`` were chosen against.
2. Builds .docx files of about 15 MB of XML (under the 16 MB limit) and reads each in a fresh
   process, reporting the peak memory of reading it above what the process held before (VmHWM,
   Linux), for this checkout and, with ``--before REV``, for the ``assistant`` package of a git
   revision (the reader that parsed document.xml whole).

Writes the section "Bounds of one ingest" of benchmarks/results/reliability.md (the rest of the
file is benchmarks/reliability.py's). Benchmark data only: read at run time, never copied.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.chunks import chunk_document  # noqa: E402
from assistant.config import Settings  # noqa: E402
from assistant.parsecache import parse_with_facts  # noqa: E402
from assistant.readers import read_path  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "realdocs"
RESULTS = ROOT / "benchmarks" / "results" / "reliability.md"
SECTION = "## Bounds of one ingest"

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RUN_PROPS = (
    '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>'
)
_TEXT = "Tăng cường công tác phòng, chống tham nhũng"
SHAPES = {
    # markup as Word writes it: most of a paragraph's XML is not its text
    "paragraphs as Word writes them": (
        '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:spacing w:before="120" w:after="120"/>'
        f'<w:ind w:firstLine="567"/><w:jc w:val="both"/>{_RUN_PROPS}</w:pPr>'
        f'<w:r w:rsidRPr="00D4E5F6">{_RUN_PROPS}<w:t>{_TEXT}</w:t></w:r></w:p>'
    ),
    "one table of 5 columns": "<w:tr>"
    + "".join(f"<w:tc><w:p><w:r>{_RUN_PROPS}<w:t>ô {i}</w:t></w:r></w:p></w:tc>" for i in range(5))
    + "</w:tr>",
    "bare paragraphs (most text per byte)": f"<w:p><w:r><w:t>{_TEXT}</w:t></w:r></w:p>",
}

_PEAK = """
import gc, sys, time
from assistant.readers import read_bytes

def status(key):
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key))

data = open(sys.argv[1], "rb").read()
gc.collect()
before = status("VmRSS:")
started = time.perf_counter()
text = read_bytes(data, "x.docx", max_bytes=20 << 20).text
print(len(text), (status("VmHWM:") - before) / 1024, time.perf_counter() - started)
"""


def _package(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        zf.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def build(shape: str, unit: str, mb: float, folder: Path) -> tuple[Path, int]:
    raw = unit.encode()
    n = int(mb * 1024 * 1024) // len(raw)
    body = b"<w:tbl>" + raw * n + b"</w:tbl>" if unit.startswith("<w:tr>") else raw * n
    xml = b"<w:document " + _W_NS.encode() + b"><w:body>" + body + b"</w:body></w:document>"
    path = folder / f"{abs(hash(shape))}.docx"
    path.write_bytes(_package(xml))
    return path, len(xml)


def peak_of_reading(path: Path, package_root: Path) -> tuple[int, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
        env={**os.environ, "PYTHONPATH": str(package_root)},
        cwd=package_root,  # `python -c` puts the working folder first on sys.path
    ).stdout.split()
    return int(out[0]), float(out[1]), float(out[2])


def real_maxima(folders: list[Path]) -> list[tuple[str, str, float, str]]:
    rows = []
    for folder in folders:
        for p in sorted(folder.glob("*.md")):
            started = time.perf_counter()
            text = read_path(p, max_bytes=20 << 20).text + "\n"
            doc = parse_with_facts(p.stem, text, str(p)).doc
            chunks = len(chunk_document(doc))
            rows.append(
                (p.name, len(text), sum(1 for _ in doc.walk()), chunks, time.perf_counter() - started)
            )
    out = []
    for i, what in ((1, "characters"), (2, "sections"), (3, "chunks"), (4, "seconds")):
        top = max(rows, key=lambda r: r[i])
        out.append((what, top[0], top[i], f"{len(rows)} documents"))
    return out


def _n(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def replace_section(path: Path, body: list[str]) -> None:
    """Put this benchmark's section in the results file, in place of its previous one."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Reliability\n"
    head, _, rest = old.partition(SECTION)
    tail = ""
    if rest:
        nxt = rest.find("\n## ")
        tail = rest[nxt:] if nxt >= 0 else ""
    path.write_text(head.rstrip("\n") + "\n\n" + "\n".join(body).rstrip("\n") + "\n" + tail, encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--mb", type=float, default=15.0, help="MB of XML in each crafted .docx")
    ap.add_argument("--before", default="", help="git revision whose reader to measure too")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()

    settings = Settings()
    maxima = real_maxima([args.data, ROOT / "corpus"])
    limit = {
        "characters": settings.max_document_chars,
        "sections": settings.max_document_sections,
        "chunks": settings.max_document_chunks,
        "seconds": settings.max_parse_seconds,
    }
    setting = {
        "characters": "ASSISTANT_MAX_DOCUMENT_CHARS",
        "sections": "ASSISTANT_MAX_DOCUMENT_SECTIONS",
        "chunks": "ASSISTANT_MAX_DOCUMENT_CHUNKS",
        "seconds": "ASSISTANT_MAX_PARSE_SECONDS",
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roots = [("this checkout", ROOT)]
        if args.before:
            old = folder / "before"
            old.mkdir()
            archive = subprocess.run(
                ["git", "-C", str(ROOT), "archive", args.before, "assistant"], capture_output=True, check=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
            roots.insert(0, (f"before ({args.before})", old))
        memory = []
        for shape, unit in SHAPES.items():
            path, xml_bytes = build(shape, unit, args.mb, folder)
            for label, root in roots:
                chars, mb, seconds = peak_of_reading(path, root)
                memory.append((shape, xml_bytes, path.stat().st_size, label, chars, mb, seconds))

    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    cmd = "python benchmarks/ingest_bounds.py" + (f" --before {args.before}" if args.before else "")
    lines = [
        SECTION,
        "",
        f"Measured {now} on {platform.machine()}, {os.cpu_count()} cores (shared with other work: the "
        f"times are indicative), with `{cmd}`.",
        "",
        "Bytes are bounded where they arrive (`ASSISTANT_MAX_UPLOAD_MB`) and where a .docx unpacks (its XML: "
        "the upload limit, 16 MB at least). What reading, parsing and chunking make of them is bounded per "
        "document (`assistant/limits.py`); over a bound the document is refused with "
        "`413 DocumentLimitError` and nothing changes. The time bound stops a stage where it is.",
        "",
        "| bound | default | largest real document | that document | ratio |",
        "| --- | --- | --- | --- | --- |",
    ]
    for what, name, value, _ in maxima:
        shown = f"{value:.1f} s".replace(".", ",") if what == "seconds" else f"{_n(value)} {what}"
        lim = f"{limit[what]:g} s" if what == "seconds" else _n(limit[what])
        lines.append(f"| `{setting[what]}` | {lim} | {shown} | {name} | {limit[what] / value:.0f}× |")
    lines += [
        "",
        f"Largest of {maxima[0][3]} (../shared/realdocs and corpus/). Parsing a section-dense crafted text "
        "costs about 40 µs a character, so the character bound alone would let one document take minutes: "
        "the time bound is what stops it.",
        "",
        f"Reading a .docx of about {args.mb:g} MB of XML (peak memory above what the process held before):",
        "",
        "| document.xml | XML | .docx | reader | characters read | peak memory | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for shape, xml_bytes, size, label, chars, mb, seconds in memory:
        lines.append(
            f"| {shape} | {xml_bytes / 2**20:.1f} MB | {size / 1024:.0f} KB | {label} | {_n(chars)} | "
            f"{mb:.0f} MB | {seconds:.1f} |"
        )
    lines.append("")
    replace_section(args.out, lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

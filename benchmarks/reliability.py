"""Answers through admin changes, and the hostile inputs of issue 13, against a real server.

    .venv/bin/python benchmarks/reliability.py [--cycles 5] [--clients 16]

Copies corpus/ to a temporary folder, indexes it with the real model and starts `assistant serve`
(admin token set) on a free loopback port. Then:

1. load: ``--clients`` threads ask questions of every kind without pause while the admin uploads
   a document and deletes it again, ``--cycles`` times. Every reply must be 200; a citation of
   the uploaded document in an answer that started after its delete had returned is stale; every
   quote must be a verbatim passage of its file; /healthz must be 200 after each change.
2. probes: a 300 MB chunked chat body, a 1 GB upload without a token, a 50 MB header, a .docx
   whose XML unpacks to 390 MB, a 4,000-character "1/1/..." message, an overlong agency name:
   the status each gets, how long it takes, and the server's memory before and after.

Writes benchmarks/results/reliability.md. Traffic goes to 127.0.0.1 only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "bench-admin-token"
QUESTIONS = [
    "Tiêu chí nào bị trừ nhiều điểm nhất?",
    "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
    "Ai ký Công văn 410/UBND-NCKTGS?",
    "Mục tiêu chung của kế hoạch Cát Hải là gì?",
    "cong khai minh bach trong linh vuc dat dai",
    "Hạt Kiểm lâm tuần tra rừng thế nào trong mùa khô?",
    "Trạm Y tế xã chuẩn bị gì cho lực lượng chữa cháy rừng?",
    "Tỷ giá đô la hôm nay?",
]
UPLOAD_ID = "ke-hoach-phong-chay-rung"
UPLOAD = (
    "ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\n\nSố: 12/KH-UBND\n\nKẾ HOẠCH\n\nVề phòng cháy, chữa cháy rừng mùa khô\n\n"
    "I. MỤC ĐÍCH\n\nChủ động phòng ngừa, phát hiện sớm và dập tắt kịp thời các đám cháy rừng.\n\n"
    "II. NHIỆM VỤ\n\n1. Hạt Kiểm lâm tuần tra rừng phòng hộ hằng tuần trong mùa khô, lập biên bản "
    "mọi trường hợp đốt nương trái phép.\n\n"
    "2. Trạm Y tế xã chuẩn bị cơ số thuốc sơ cứu cho lực lượng chữa cháy rừng và trực 24/24 giờ.\n\n"
    "3. Công an xã phối hợp điều tra, xử lý các vụ cháy rừng do con người gây ra.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def verbatim(quote: str, text: str) -> bool:
    squash = " ".join
    return squash(quote.split()) in squash(text.split())


class Load:
    """Clients asking without pause; what went wrong is kept."""

    def __init__(self, url: str, corpus: Path, clients: int) -> None:
        self.url, self.corpus, self.clients = url, corpus, clients
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.stale: list[str] = []
        self.not_verbatim: list[str] = []
        self.deleted_at: float | None = None  # when the last delete returned
        self.texts: dict[str, str] = {}

    def text_of(self, doc: str) -> str:
        if doc not in self.texts:
            path = self.corpus / f"{doc}.md"
            self.texts[doc] = path.read_text(encoding="utf-8") if path.exists() else UPLOAD
        return self.texts[doc]

    def client(self, i: int) -> None:
        with httpx.Client(timeout=60) as http:
            while not self.stop.is_set():
                question = QUESTIONS[i % len(QUESTIONS)]
                i += 1
                started = time.monotonic()
                deleted_before = self.deleted_at
                try:
                    r = http.post(f"{self.url}/api/chat", json={"message": question})
                except httpx.HTTPError as exc:
                    with self.lock:
                        self.errors.append(f"{type(exc).__name__}: {exc}")
                    continue
                elapsed = time.monotonic() - started
                with self.lock:
                    self.latencies.append(elapsed)
                    if r.status_code != 200:
                        self.errors.append(f"{r.status_code} {r.text[:200]}")
                        continue
                    # asked after a delete had returned, answered before the next upload began
                    after_delete = deleted_before is not None and self.deleted_at == deleted_before
                    for c in r.json()["citations"]:
                        if c["doc"] == UPLOAD_ID and after_delete:
                            self.stale.append(question)
                        if not verbatim(c["quote"], self.text_of(c["doc"])):
                            self.not_verbatim.append(f"{c['doc']} {c['section']}: {c['quote'][:80]}")

    def run(self, cycles: int, admin: httpx.Client) -> list[dict[str, Any]]:
        threads = [threading.Thread(target=self.client, args=(i,)) for i in range(self.clients)]
        for t in threads:
            t.start()
        rounds = []
        try:
            time.sleep(2)
            for _ in range(cycles):
                self.deleted_at = None
                t0 = time.monotonic()
                up = admin.post(
                    "/api/documents", files={"files": (f"{UPLOAD_ID}.md", UPLOAD.encode(), "text/markdown")}
                )
                t1 = time.monotonic()
                health_up = admin.get("/healthz").status_code
                time.sleep(1)
                down = admin.delete(f"/api/documents/{UPLOAD_ID}")
                t2 = time.monotonic()
                self.deleted_at = t2
                health_down = admin.get("/healthz").status_code
                rounds.append(
                    {
                        "upload": up.status_code,
                        "upload_s": t1 - t0,
                        "health_after_upload": health_up,
                        "delete": down.status_code,
                        "delete_s": t2 - t1 - 1,
                        "health_after_delete": health_down,
                    }
                )
                time.sleep(1)
        finally:
            self.stop.set()
            for t in threads:
                t.join(timeout=60)
        return rounds


def chunked_chat(host: str, port: int, total: int) -> tuple[str, float, int]:
    """A chunked chat body of up to ``total`` bytes: the status, seconds, bytes sent."""
    sock = socket.create_connection((host, port))
    started = time.monotonic()
    sock.sendall(
        f"POST /api/chat HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode()
    )
    chunk = b"a" * (1 << 20)
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    sock.settimeout(0.001)
    status = "(none)"
    try:
        while sent < total:
            try:
                head = sock.recv(64)
                if head:
                    status = head.split(b"\r\n")[0].decode(errors="replace")
                    break
            except (TimeoutError, BlockingIOError):
                pass
            try:
                sock.settimeout(10)
                sock.sendall(frame)
                sock.settimeout(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        if status == "(none)":
            sock.settimeout(10)
            status = sock.recv(64).split(b"\r\n")[0].decode(errors="replace") or "(closed)"
    except OSError as exc:
        status = status if status != "(none)" else f"({type(exc).__name__})"
    finally:
        sock.close()
    return status, time.monotonic() - started, sent


def raw(host: str, port: int, head: bytes, body_bytes: int = 0) -> tuple[str, float]:
    sock = socket.create_connection((host, port))
    started = time.monotonic()
    try:
        sock.sendall(head)
        try:
            for _ in range(body_bytes >> 20):
                sock.sendall(b"x" * (1 << 20))
        except (BrokenPipeError, ConnectionResetError):
            pass
        sock.settimeout(10)
        line = sock.recv(64).split(b"\r\n")[0].decode(errors="replace") or "(closed)"
    except OSError as exc:
        line = f"({type(exc).__name__}: connection closed)"
    finally:
        sock.close()
    return line, time.monotonic() - started


def docx_bomb(xml_mb: int) -> bytes:
    para = b"<w:p><w:r><w:t>Noi dung lap lai</w:t></w:r></w:p>"
    xml = (
        b'<w:document xmlns:w="x"><w:body>'
        + para * (xml_mb * (1 << 20) // len(para))
        + b"</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("word/document.xml", xml)
    return buf.getvalue()


def probes(url: str, host: str, port: int, pid: int) -> list[tuple[str, str, float, float]]:
    """(probe, status, seconds, RSS after in MB)."""
    out = []
    status, secs, sent = chunked_chat(host, port, 300 << 20)
    out.append((f"300 MB chunked chat body (cut after {sent >> 20} MB sent)", status, secs, rss_mb(pid)))
    line, secs = raw(
        host,
        port,
        f"POST /api/documents HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode(),
    )
    out.append(("1 GB chunked upload, no token (nothing of the body sent)", line, secs, rss_mb(pid)))
    line, secs = raw(
        host, port, f"GET /healthz HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer ".encode(), 50 << 20
    )
    out.append(("50 MB Authorization header", line, secs, rss_mb(pid)))
    bomb = docx_bomb(390)
    started = time.monotonic()
    r = httpx.post(
        f"{url}/api/documents",
        files={"files": ("bom.docx", bomb, "application/octet-stream")},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    out.append(
        (
            f".docx of {len(bomb) >> 10} KB unpacking to 390 MB of XML",
            f"{r.status_code} {r.json().get('error', '')}",
            time.monotonic() - started,
            rss_mb(pid),
        )
    )
    for label, message in [("4,000-char message '1/1/…'", "1/" * 2000), ("12,000-char message", "a" * 12000)]:
        started = time.monotonic()
        r = httpx.post(f"{url}/api/chat", json={"message": message}, timeout=60)
        out.append(
            (
                label,
                f"{r.status_code} {r.json().get('kind', r.json().get('error', ''))}",
                time.monotonic() - started,
                rss_mb(pid),
            )
        )
    started = time.monotonic()
    r = httpx.get(f"{url}/api/agencies/{'Sở Giáo dục ' * 300}/tasks", timeout=60)
    out.append(("3,600-char agency name", str(r.status_code), time.monotonic() - started, rss_mb(pid)))
    return out


# Sections of the results file other benchmarks write (benchmarks/ingest_bounds.py): kept as they are.
KEPT_SECTIONS = ("## Bounds of one ingest",)


def _kept_sections(path: Path) -> str:
    try:
        old = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    kept = []
    for title in KEPT_SECTIONS:
        start = old.find(title)
        if start >= 0:
            end = old.find("\n## ", start + len(title))
            kept.append(old[start : end if end >= 0 else len(old)].strip("\n"))
    return "".join("\n" + k + "\n" for k in kept)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=5)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "reliability.md")
    args = ap.parse_args()

    from assistant.config import Settings
    from assistant.documents import load_corpus
    from assistant.indexing import ingest

    work = Path(tempfile.mkdtemp(prefix="reliability-"))
    try:
        shutil.copytree(ROOT / "corpus", work / "corpus")
        env = {
            **os.environ,
            "ASSISTANT_CORPUS_DIR": str(work / "corpus"),
            "ASSISTANT_INDEX_DIR": str(work / "index"),
            "ASSISTANT_DATA_DIR": str(work / "data"),
            "ASSISTANT_ADMIN_TOKEN": TOKEN,
            "ASSISTANT_RATE_LIMIT_PER_MINUTE": "0",
            "ASSISTANT_LLM_BASE_URL": "",
            "HF_HUB_OFFLINE": "1",
            "ANONYMIZED_TELEMETRY": "False",
        }
        settings = Settings(corpus_dir=work / "corpus", index_dir=work / "index", data_dir=work / "data")
        ingest(load_corpus(settings.corpus_dir), settings=settings, progress=False)
        host, port = "127.0.0.1", free_port()
        url = f"http://{host}:{port}"
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--host", host, "--port", str(port)],
            env=env,
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the server did not become ready")
                time.sleep(0.2)
            rss_start = rss_mb(proc.pid)
            load = Load(url, work / "corpus", args.clients)
            with httpx.Client(
                base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=300
            ) as admin:
                started = time.monotonic()
                rounds = load.run(args.cycles, admin)
                seconds = time.monotonic() - started
            rss_load = rss_mb(proc.pid)
            probe_rows = probes(url, host, port, proc.pid)
            alive = httpx.get(f"{url}/healthz", timeout=10).status_code
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        "# Reliability: answers through admin changes, and hostile input",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, {os.cpu_count()} cores, with "
        f"`.venv/bin/python benchmarks/reliability.py --cycles {args.cycles} --clients {args.clients}` "
        "(real model, no LLM, `assistant serve` as a separate process on loopback).",
        "",
        "## Questions during uploads and deletes",
        "",
        f"{args.clients} clients asking without pause ({len(QUESTIONS)} questions of every kind, "
        f"including the uploaded document's) for {seconds:.0f} s, while the admin API uploaded "
        f"a document and deleted it again {args.cycles} times.",
        "",
        "| requests | errors | stale citations | quotes not verbatim | p50 | p95 |",
        "| --- | --- | --- | --- | --- | --- |",
        f"| {len(load.latencies)} | {len(load.errors)} | {len(load.stale)} | {len(load.not_verbatim)} | "
        f"{pct(load.latencies, 50) * 1000:.0f} ms | {pct(load.latencies, 95) * 1000:.0f} ms |",
        "",
        "| cycle | upload | seconds | /healthz after | delete | seconds | /healthz after |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for n, r in enumerate(rounds, 1):
        lines.append(
            f"| {n} | {r['upload']} | {r['upload_s']:.1f} | {r['health_after_upload']} | {r['delete']} | "
            f"{r['delete_s']:.1f} | {r['health_after_delete']} |"
        )
    if load.errors:
        lines += ["", "Errors (first 10):", ""] + [f"- `{e}`" for e in load.errors[:10]]
    if load.not_verbatim:
        lines += ["", "Quotes not found verbatim (first 10):", ""] + [
            f"- {q}" for q in load.not_verbatim[:10]
        ]
    lines += [
        "",
        f"Resident memory: {rss_start:.0f} MB when ready, {rss_load:.0f} MB after the load.",
        "",
        "## Hostile input",
        "",
        "| probe | reply | seconds | server RSS after |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {p} | {s} | {t:.2f} | {m:.0f} MB |" for p, s, t, m in probe_rows]
    lines += ["", f"/healthz after the probes: {alive}.", ""]
    args.out.write_text("\n".join(lines) + _kept_sections(args.out), encoding="utf-8")
    print("\n".join(lines))
    ok = not load.errors and not load.stale and not load.not_verbatim and alive == 200
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())

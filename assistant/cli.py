"""The `assistant` command: docs, check, criteria, tasks, search, ask, chat, ingest, serve, feedback.

Readable Vietnamese tables on a terminal, JSON with ``--json``. Errors: one line, non-zero exit.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.config import Settings, get_settings
from assistant.errors import AssistantError, NotFoundError

if TYPE_CHECKING:
    import uvicorn
    from rich.text import Text

logger = logging.getLogger(__name__)


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# C0 and C1 control characters (escape sequences start with ESC or CSI) except tab and newline.
_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(value: Any) -> Text:
    """A cell as plain text for the terminal: what users wrote (feedback comments, documents)
    can carry neither escape sequences (clear screen, colours, OSC-8 links) nor Rich markup."""
    from rich.text import Text

    return Text(_TERMINAL_CONTROL.sub("\ufffd", "" if value is None else str(value)))


def _table(headers: Sequence[str], rows: Sequence[Sequence[Any]], title: str = "") -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=terminal_safe(title) if title else None, show_lines=False)
    for h in headers:
        table.add_column(h, overflow="fold")
    for r in rows:
        table.add_row(*(terminal_safe(c) for c in r))
    Console(width=max(100, min(160, _term_width()))).print(table)


def _term_width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 40)).columns


def _corpus(settings: Settings) -> Any:
    from assistant.corpus import Corpus

    return Corpus.load(settings.corpus_dir)


# --- commands ------------------------------------------------------------------------------------


def cmd_docs(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.compose.common import doc_name, issuer_name

    corpus = _corpus(settings)
    if args.json:
        from assistant.api import _doc_summary

        _print_json(
            [{**_doc_summary(d), "sections": [s.label for s in d.walk()]} for d in corpus.docs.values()]
        )
        return 0
    rows = []
    for d in corpus.docs.values():
        rows.append(
            [
                d.doc_id,
                doc_name(d),
                str(d.date or ""),
                issuer_name(d),
                d.signer.name if d.signer else "",
                sum(1 for _ in d.walk()),
                len(d.criteria),
            ]
        )
    _table(
        ["Mã tài liệu", "Văn bản", "Ngày", "Cơ quan ban hành", "Người ký", "Số mục", "Số tiêu chí"],
        rows,
        "Văn bản",
    )
    if args.outline:
        for d in corpus.docs.values():
            print(f"\n{d.doc_id}")
            for s in d.walk():
                print(
                    f"{'  ' * max(0, s.level - 1)}{s.label:<14} {s.title[:90]}  (dòng {s.line_start}–{s.line_end})"
                )
    return 0


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.check import check_documents, finding_to_dict

    corpus = _corpus(settings)
    findings = check_documents(list(corpus.docs.values()))
    if args.json:
        _print_json([finding_to_dict(f) for f in findings])
        return 0
    if not findings:
        print("Không phát hiện điểm bất thường nào.")
        return 0
    _table(
        ["Tài liệu", "Dòng", "Loại", "Nội dung"],
        [[f.doc, f.line, f.kind, f.message] for f in findings],
        f"{len(findings)} điểm cần lưu ý (cảnh báo; dữ liệu không bị sửa)",
    )
    return 0


def cmd_criteria(settings: Settings, args: argparse.Namespace) -> int:
    from assistant import scoring
    from assistant.text import format_decimal

    corpus = _corpus(settings)
    rows = list(corpus.criteria)
    if args.doc:
        rows = scoring.rows_of(rows, args.doc)
    if args.group:
        rows = scoring.rows_in_group(rows, args.group)
    if args.code:
        rows = scoring.find_by_code(rows, args.code)
    if args.zero:
        rows = scoring.zero_rows(rows)
    if args.full:
        rows = scoring.full_rows(rows)
    ranked = scoring.top_deductions(rows, args.top) if args.top else None
    if args.json:
        _print_json(
            [scoring.ranked_to_dict(x) for x in ranked]
            if ranked is not None
            else [scoring.row_to_dict(r) for r in rows]
        )
        return 0
    items = [(x.rank_label, x.row) for x in ranked] if ranked is not None else [("", r) for r in rows]
    table_rows = []
    for rank, r in items:
        ded = scoring.row_deduction(r)
        table_rows.append(
            ([rank] if ranked is not None else [])
            + [
                r.code,
                r.title[:70],
                r.appendix,
                format_decimal(r.max_points),
                format_decimal(r.awarded_points) if r.awarded_points is not None else "—",
                ded.text + ("" if ded.stated else "*"),
                r.line,
            ]
        )
    headers = (["Hạng"] if ranked is not None else []) + [
        "Mã",
        "Tiêu chí",
        "Phụ lục",
        "Thang điểm",
        "Điểm thẩm định",
        "Điểm bị trừ",
        "Dòng",
    ]
    _table(headers, table_rows, f"{len(items)} tiêu chí")
    if rows and not args.code:
        line = scoring.overall(rows)
        print(
            f"Cộng: đạt {line.awarded_points.text}/{line.max_points.text} điểm"
            f" ({line.rate.text if line.rate else '—'}%), bị trừ {line.deducted_points.text} (số do hệ thống tính)."
        )
    if any(not scoring.row_deduction(r).stated for _, r in items):
        print("* tính bằng Thang điểm − Điểm thẩm định (bảng không có cột Điểm bị trừ).")
    return 0


def cmd_tasks(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.agencies import assignment_to_dict

    corpus = _corpus(settings)
    directory = corpus.agencies
    found = directory.tasks_for(args.agency) if directory else []
    if not found:
        closest = directory.closest(args.agency, 3) if directory else []
        raise NotFoundError(
            f"Không tìm thấy cơ quan “{args.agency}” có nhiệm vụ trong các văn bản.", suggestions=closest
        )
    if args.json:
        _print_json([assignment_to_dict(a) for a in found])
        return 0
    _table(
        ["Cơ quan", "Văn bản", "Mục", "Nhiệm vụ", "Dòng"],
        [[a.agency, a.doc, a.section, a.task[:300], f"{a.line_start}–{a.line_end}"] for a in found],
        f"Nhiệm vụ của “{args.agency}”",
    )
    return 0


def cmd_search(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.retrieval import Retriever, hit_to_dict

    retriever = Retriever.open(settings)
    hits = retriever.search(args.query, k=args.k, doc=args.doc)
    if args.json:
        _print_json([hit_to_dict(h) for h in hits])
        return 0
    _table(
        ["#", "Tài liệu", "Mục", "Tiêu đề", "Điểm", "Nội dung"],
        [
            [i, h.doc, h.section, h.title[:50], f"{h.score:.4f}", h.body[:160].replace("\n", " ")]
            for i, h in enumerate(hits, 1)
        ],
        f"Kết quả cho “{args.query}”",
    )
    return 0


def _render_answer(answer: Any) -> None:
    print(answer.answer)
    if answer.citations:
        print("\nNguồn:")
        for c in answer.citations:
            print(f"[{c.id}] {c.doc} · {c.section} · {c.title} (dòng {c.line_start}–{c.line_end})")
            print(f"    “{c.quote}”")


def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.services import Services

    services = Services(settings)
    answer = services.chat.ask(args.question)
    if args.json:
        _print_json(answer.model_dump())
    else:
        _render_answer(answer)
    return 0


def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.chat import Turn
    from assistant.services import Services

    services = Services(settings)
    history: list[Turn] = []
    print("Trợ lý tra cứu văn bản. Nhập câu hỏi (Enter để gửi, gõ 'thoát' hoặc Ctrl+D để kết thúc).")
    while True:
        try:
            question = input("\nBạn: ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question.lower() in {"thoát", "thoat", "exit", "quit"}:
            return 0
        if not question:
            continue
        try:
            answer = services.chat.ask(question, history)
        except AssistantError as exc:
            print(f"Lỗi: {exc.message}")
            continue
        print("\nTrợ lý:")
        _render_answer(answer)
        history += [Turn("user", question), Turn("assistant", answer.answer)]
        history = history[-12:]


def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.ingest import incoming_files, ingest_paths

    report = None
    if args.paths and not args.rebuild and not args.local:
        # a running server of this store has the model and the corpus loaded: it does the work
        from assistant.handoff import hand_over

        report = hand_over(settings, incoming_files(settings, args.paths))
    if report is None:
        report = ingest_paths(settings, args.paths, rebuild=args.rebuild, progress=not args.json)
    if args.json:
        _print_json(report)
    else:
        if report.get("server"):
            print(f"Đã nạp qua máy chủ đang chạy tại {report['server']}.")
        print(report["summary"])
        for f in report.get("findings", []):
            print(f"  ! {f['doc']} dòng {f['line']}: {f['message']}")
    return 0


def server_config(app: Any, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    """How `assistant serve` runs uvicorn (the tests' servers use it too)."""
    import uvicorn

    from assistant.guard import MAX_HEADER_BYTES

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        timeout_graceful_shutdown=20,
        # h11 bounds the header block (httptools reads headers of any size)
        http="h11",
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
    )


def cmd_serve(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from assistant.api import create_app
    from assistant.indexing import clean_unfinished
    from assistant.services import Services

    clean_unfinished(settings)  # what a killed ingest left behind
    services = Services(settings)
    # The model loads while the server starts: /healthz says "starting" (503) until it is in, and
    # the answers that need no model (scores, tasks, document facts) are served meanwhile. Measured
    # by benchmarks/serving.py: ready about 1 s sooner than loading first and serving after.
    threading.Thread(target=services.warm, name="warm-up", daemon=True).start()
    # ingests made by another process (a second server, `assistant ingest`) are taken in
    services.watch()
    app = create_app(services)

    class Server(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            # an ingest in progress is cancelled at its next step (nothing changed) and its
            # request answered within the grace period
            services.stopping.set()
            super().handle_exit(sig, frame)

    # uvicorn drains the requests in flight on SIGTERM, then raises SIGTERM again on its way out;
    # a drained shutdown is a clean one, so that last SIGTERM ends the process with status 0.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    Server(server_config(app, args.host or settings.host, args.port or settings.port)).run()
    services.close()
    return 0


def cmd_feedback(settings: Settings, args: argparse.Namespace) -> int:
    from assistant.feedback import FeedbackStore

    items = FeedbackStore(settings.data_dir / "feedback.sqlite3").list(args.limit)
    if args.json:
        _print_json(items)
        return 0
    _table(
        ["#", "Mã câu trả lời", "Đánh giá", "Góp ý", "Câu hỏi"],
        [
            [i["id"], i["answer_id"], "👍" if i["rating"] == "up" else "👎", i["comment"], i["question"][:80]]
            for i in items
        ],
        f"{len(items)} phản hồi gần nhất",
    )
    return 0


# --- entry point ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="assistant", description="Trợ lý tra cứu văn bản chỉ đạo (công văn, kế hoạch, bảng điểm)."
    )
    p.add_argument("-v", "--verbose", action="store_true", help="ghi nhật ký chi tiết")
    sub = p.add_subparsers(dest="command", required=True)

    def add(
        name: str, fn: Callable[[Settings, argparse.Namespace], int], help_: str, json_flag: bool = True
    ) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_, description=help_)
        sp.set_defaults(fn=fn)
        if json_flag:
            sp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
        return sp

    sp = add("docs", cmd_docs, "liệt kê các văn bản")
    sp.add_argument("--outline", action="store_true", help="in cả cây mục của từng văn bản")
    add("check", cmd_check, "kiểm tra tính nhất quán của văn bản và bảng điểm")
    sp = add("criteria", cmd_criteria, "tra bảng điểm tiêu chí")
    sp.add_argument("--top", type=int, help="N tiêu chí bị trừ nhiều điểm nhất")
    sp.add_argument("--zero", action="store_true", help="chỉ các tiêu chí bị 0 điểm")
    sp.add_argument("--full", action="store_true", help="chỉ các tiêu chí đạt 100%% thang điểm")
    sp.add_argument("--group", help="nhóm tiêu chí: A, B, C, D")
    sp.add_argument("--code", help="mã tiêu chí, ví dụ B.1.9")
    sp.add_argument("--doc", help="chỉ một văn bản")
    sp = add("tasks", cmd_tasks, "nhiệm vụ được giao cho một cơ quan")
    sp.add_argument("agency", help="tên cơ quan, có dấu hoặc không, viết tắt được (Sở GD&ĐT)")
    sp = add("search", cmd_search, "tìm kiếm lai (ngữ nghĩa + từ khóa)")
    sp.add_argument("query")
    sp.add_argument("--k", type=int, default=10)
    sp.add_argument("--doc", help="chỉ tìm trong một văn bản")
    sp = add("ask", cmd_ask, "hỏi một câu")
    sp.add_argument("question")
    add("chat", cmd_chat, "hội thoại trên dòng lệnh", json_flag=False)
    sp = add("ingest", cmd_ingest, "nạp văn bản vào kho và chỉ mục (mặc định: thư mục corpus)")
    sp.add_argument("paths", nargs="*", help="tệp hoặc thư mục (.docx, .pdf, .md, .txt)")
    sp.add_argument("--rebuild", action="store_true", help="dựng lại chỉ mục từ đầu")
    sp.add_argument(
        "--local",
        action="store_true",
        help="nạp trong tiến trình này, không gửi cho máy chủ đang chạy (ASSISTANT_SERVER_URL)",
    )
    sp = add("serve", cmd_serve, "chạy máy chủ web và API", json_flag=False)
    sp.add_argument("--host")
    sp.add_argument("--port", type=int)
    sp = add("feedback", cmd_feedback, "xem phản hồi của người dùng")
    sp.add_argument("--limit", type=int, default=50)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    settings = get_settings()
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else getattr(logging, settings.log_level.upper(), logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command not in {"serve", "ingest"} and not args.verbose:
        logging.getLogger().setLevel(logging.WARNING)
    try:
        return int(args.fn(settings, args))
    except AssistantError as exc:
        print(f"Lỗi: {exc.message}", file=sys.stderr)
        if exc.suggestions:
            print("Gần nhất: " + ", ".join(exc.suggestions), file=sys.stderr)
        if exc.hint:
            print(exc.hint, file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

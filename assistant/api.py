"""The HTTP API and the web page (FastAPI). Routes are thin: they call the same services as the CLI."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import mimetypes
from collections.abc import AsyncIterator, Callable
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Header, Path, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import scoring
from assistant.agencies import assignment_to_dict
from assistant.answers import Answer
from assistant.chat import history_from_dicts
from assistant.check import check_documents, finding_to_dict
from assistant.errors import (
    AssistantError,
    FileTooLargeError,
    IngestCancelledError,
    InputError,
    NotFoundError,
)
from assistant.feedback import FeedbackStore
from assistant.guard import BodyTooLargeError, Guard, require_admin
from assistant.handoff import store_identity
from assistant.model import Section
from assistant.services import Services

logger = logging.getLogger(__name__)

WEB_DIR = FilePath(__file__).parent / "web"
# The longest agency name a request may ask about: real ones are under 150 characters, and
# matching costs grow with the name (a 60 KB one took 3 s).
MAX_AGENCY_NAME = 300
# ES modules must be served as JavaScript whatever the platform's MIME table says.
mimetypes.add_type("text/javascript", ".js")


class HistoryItem(BaseModel):
    role: Literal["user", "assistant"]
    content: str = Field(max_length=20000)


class ChatRequest(BaseModel):
    message: str = Field(description="The question, in Vietnamese, with or without accents.")
    history: list[HistoryItem] = Field(default_factory=list, description="Earlier turns, oldest first.")


class FeedbackRequest(BaseModel):
    answer_id: str = Field(min_length=1, max_length=64)
    rating: Literal["up", "down"]
    comment: str = Field("", max_length=2000)
    question: str = Field("", max_length=4000)


def _error(status: int, message: str, kind: str = "Error", **extra: Any) -> JSONResponse:
    return JSONResponse({"error": kind, "message": message, **extra}, status_code=status)


def _section_dict(sec: Section) -> dict[str, Any]:
    return {
        "label": sec.label,
        "title": sec.title,
        "kind": sec.kind,
        "line_start": sec.line_start,
        "line_end": sec.line_end,
        "children": [_section_dict(c) for c in sec.children],
    }


def create_app(services: Services) -> FastAPI:
    """The app over already-built services (the CLI's `serve` and the tests build them)."""
    settings = services.settings
    app = FastAPI(
        title="Trợ lý tra cứu văn bản chỉ đạo",
        description="Hỏi đáp có trích dẫn trên các công văn, kế hoạch và bảng điểm.",
        version="0.1.0",
        docs_url=None,  # served below from local files: an offline site cannot reach a CDN
        redoc_url=None,
    )
    app.state.services = services
    feedback = FeedbackStore(settings.data_dir / "feedback.sqlite3")
    # which corpus and index this server serves: `assistant ingest FILE` hands its files to a
    # server of its own store (assistant.handoff), and a load balancer can see that instances agree
    store = store_identity(settings, create=True)

    # --- errors: always a Vietnamese message, never internals ---
    @app.exception_handler(AssistantError)
    async def _assistant_error(request: Request, exc: AssistantError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for e in exc.errors()[:5]:
            if e.get("type") == "json_invalid":  # its "place" is a character offset, not a field
                offset = next((x for x in e.get("loc", ()) if isinstance(x, int)), None)
                at = f" (lỗi ở ký tự thứ {offset + 1})" if offset is not None else ""
                problems.append(f"nội dung không phải JSON hợp lệ{at}")
                continue
            where = ".".join(str(x) for x in e.get("loc", ()) if x != "body")
            problems.append(f"{where or 'nội dung'}: {_vi_validation(e)}")
        return _error(422, "Yêu cầu không hợp lệ: " + "; ".join(problems), "ValidationError")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if isinstance(exc, BodyTooLargeError):
            return _error(413, str(exc.detail), "FileTooLargeError")
        messages = {
            # a body that cannot be parsed at all (bad JSON bytes, multipart without boundary)
            400: "Không đọc được nội dung yêu cầu: sai định dạng hoặc sai mã hóa.",
            404: "Không tìm thấy địa chỉ này.",
            405: "Phương thức không được hỗ trợ cho địa chỉ này.",
            413: "Nội dung gửi lên quá lớn.",
        }
        return _error(exc.status_code, messages.get(exc.status_code, str(exc.detail)), "HTTPError")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unexpected error on %s", request.url.path)
        return _error(
            500, "Đã có lỗi không mong muốn. Vui lòng thử lại; nếu lỗi lặp lại, hãy báo quản trị viên."
        )

    # outermost: rate limits, bodies bounded as they arrive, admin tokens checked before a body is read
    app.add_middleware(Guard, settings=settings)

    # --- page ---
    if WEB_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
    _mount_api_docs(app)

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = WEB_DIR / "index.html"
        if not page.exists():
            return _error(404, "Trang web chưa được cài đặt.")
        return FileResponse(page, media_type="text/html; charset=utf-8")

    @app.get("/healthz", tags=["hệ thống"])
    def healthz() -> JSONResponse:
        """200 when every kind of answer works; 503 with the reason (and the fix) otherwise."""
        problem = services.health()
        ready = services.ready and problem is None
        body: dict[str, Any] = {
            "status": "ready" if ready else ("unavailable" if problem is not None else "starting"),
            "documents": len(services.corpus.docs),
            "index": services.ready,
            "store": store,
        }
        if problem is not None:
            body["error"] = type(problem).__name__
            body["message"] = problem.message
            body["hint"] = problem.hint
        return JSONResponse(body, status_code=200 if ready else 503)

    # --- chat ---
    def _ask(req: ChatRequest, on_text: Callable[[str], None] | None = None) -> Answer:
        if len(req.history) > settings.max_history_turns:
            raise InputError(
                f"Lịch sử hội thoại quá dài ({len(req.history)} lượt); tối đa {settings.max_history_turns} lượt."
            )
        history = history_from_dicts([h.model_dump() for h in req.history])
        return services.chat.ask(req.message, history, on_text)

    @app.post("/api/chat", tags=["hỏi đáp"], response_model=Answer)
    async def chat(req: ChatRequest, request: Request) -> Response:
        if "text/event-stream" in request.headers.get("accept", ""):
            return StreamingResponse(
                _stream(req), media_type="text/event-stream", headers={"Cache-Control": "no-cache"}
            )
        answer = await run_in_threadpool(_ask, req)
        return JSONResponse(answer.model_dump())

    async def _stream(req: ChatRequest) -> AsyncIterator[str]:
        """Events: ``delta`` (text as it forms), ``replace`` (the whole text, when the checked
        answer differs from the draft streamed so far), ``citations``, then ``done`` (the reply)
        or ``error``. An LLM-phrased answer streams as the LLM writes it; other answers are
        complete at once and are sent in pieces."""
        loop = asyncio.get_running_loop()
        drafts: asyncio.Queue[str] = asyncio.Queue()

        def on_text(piece: str) -> None:  # called from the worker thread
            loop.call_soon_threadsafe(drafts.put_nowait, piece)

        work = asyncio.ensure_future(run_in_threadpool(_ask, req, on_text))
        streamed = ""
        try:
            while not work.done() or not drafts.empty():
                if drafts.empty():
                    waiter = asyncio.ensure_future(drafts.get())
                    await asyncio.wait({waiter, work}, return_when=asyncio.FIRST_COMPLETED)
                    if not waiter.done():
                        waiter.cancel()
                        continue
                    piece = waiter.result()
                else:
                    piece = drafts.get_nowait()
                streamed += piece
                yield _sse("delta", {"text": piece})
            answer = work.result()
        except AssistantError as exc:
            yield _sse("error", exc.to_dict())
            return
        except Exception:
            logger.exception("unexpected error while streaming an answer")
            yield _sse("error", {"error": "InternalError", "message": "Đã xảy ra lỗi khi tạo câu trả lời."})
            return
        finally:
            if not work.done():
                work.cancel()
        if not streamed:
            for piece in _pieces(answer.answer):
                yield _sse("delta", {"text": piece})
                await asyncio.sleep(0)
        elif streamed != answer.answer:
            yield _sse("replace", {"text": answer.answer})
        yield _sse("citations", [c.model_dump() for c in answer.citations])
        yield _sse("done", answer.model_dump())

    # --- documents ---
    @app.get("/api/documents", tags=["văn bản"])
    def documents() -> list[dict[str, Any]]:
        return [_doc_summary(d) for d in services.corpus.docs.values()]

    @app.get("/api/documents/{doc}", tags=["văn bản"])
    def document(doc: str) -> dict[str, Any]:
        d = _get_doc(services, doc)
        return {
            **_doc_summary(d),
            "signer": d.signer.name if d.signer else "",
            "signer_title": d.signer.title if d.signer else "",
            "recipients": d.recipients,
            "bases": [
                {
                    "kind": r.kind,
                    "number": r.number,
                    "date": str(r.date) if r.date else "",
                    "issuer": r.issuer,
                }
                for r in d.bases
            ],
            "outline": [_section_dict(s) for s in d.sections],
            "criteria": len(d.criteria),
        }

    @app.get("/api/documents/{doc}/sections/{label:path}", tags=["văn bản"])
    def section(doc: str, label: str) -> dict[str, Any]:
        d = _get_doc(services, doc)
        sec = d.section(label)
        if sec is None:
            raise NotFoundError(
                f"Văn bản {doc} không có mục “{label[:80]}”.", suggestions=[s.label for s in d.walk()][:40]
            )
        return {
            "doc": d.doc_id,
            "label": sec.label,
            "title": sec.title,
            "heading_path": sec.heading_path,
            "text": sec.text,
            "line_start": sec.line_start,
            "line_end": sec.line_end,
            "lines": [{"n": n, "text": d.line(n)} for n in range(sec.line_start, sec.line_end + 1)],
        }

    # --- scores ---
    @app.get("/api/criteria", tags=["bảng điểm"])
    def criteria(
        group: Annotated[str | None, Query(max_length=1, pattern="^[A-Za-z]$")] = None,
        top: Annotated[int | None, Query(ge=1, le=500)] = None,
        zero: bool = False,
        full: bool = False,
        code: Annotated[str | None, Query(max_length=40)] = None,
        doc: Annotated[str | None, Query(max_length=120)] = None,
        format: Annotated[Literal["json", "csv"], Query()] = "json",
    ) -> Response:
        rows = list(services.corpus.criteria)
        if doc:
            _get_doc(services, doc)
            rows = scoring.rows_of(rows, doc)
        if group:
            rows = scoring.rows_in_group(rows, group)
        if code:
            rows = scoring.find_by_code(rows, code)
        if zero:
            rows = scoring.zero_rows(rows)
        if full:
            rows = scoring.full_rows(rows)
        if top:
            items = [scoring.ranked_to_dict(x) for x in scoring.top_deductions(rows, top)]
        else:
            items = [scoring.row_to_dict(r) for r in rows]
        if format == "csv":
            return _csv(items)
        return JSONResponse(items)

    @app.get("/api/scores", tags=["bảng điểm"])
    def scores() -> dict[str, Any]:
        rows = services.corpus.criteria
        totals = {d.doc_id: list(d.totals) for d in services.corpus.docs.values()}
        return {
            "overall": scoring.score_line_to_dict(scoring.overall(rows)) if rows else None,
            "groups": [scoring.score_line_to_dict(x) for x in scoring.score_by_group(rows)],
            "appendices": [scoring.score_line_to_dict(x) for x in scoring.score_by_appendix(rows, totals)],
            "top_deductions": [scoring.ranked_to_dict(x) for x in scoring.top_deductions(rows, 10)],
        }

    @app.get("/api/check", tags=["bảng điểm"])
    def check() -> list[dict[str, Any]]:
        return [finding_to_dict(f) for f in check_documents(list(services.corpus.docs.values()))]

    # --- agencies ---
    @app.get("/api/agencies", tags=["cơ quan"])
    def agencies() -> list[dict[str, Any]]:
        directory = services.corpus.agencies
        if directory is None:
            return []
        out: dict[str, dict[str, Any]] = {}
        for a in services.corpus.assignments:
            item = out.setdefault(a.agency_key, {"agency": a.agency, "tasks": 0, "documents": []})
            item["tasks"] += 1
            if a.doc not in item["documents"]:
                item["documents"].append(a.doc)
        return list(out.values())

    @app.get("/api/agencies/{name}/tasks", tags=["cơ quan"])
    def agency_tasks(name: Annotated[str, Path(max_length=MAX_AGENCY_NAME)]) -> dict[str, Any]:
        directory = services.corpus.agencies
        found = directory.tasks_for(name) if directory else []
        if not found:
            closest = directory.closest(name, 3) if directory else []
            raise NotFoundError(
                f"Không tìm thấy cơ quan “{name[:80]}” có nhiệm vụ trong các văn bản.", suggestions=closest
            )
        return {"query": name, "assignments": [assignment_to_dict(a) for a in found]}

    # --- feedback ---
    @app.post("/api/feedback", tags=["phản hồi"])
    def post_feedback(req: FeedbackRequest) -> dict[str, Any]:
        fid = feedback.add(req.answer_id, req.rating, req.comment, req.question)
        return {"ok": True, "id": fid}

    # --- admin: bring your own documents ---
    def _require_admin(authorization: str | None) -> None:
        # the Guard has checked already, before the body was read; this keeps each admin route
        # safe on its own
        require_admin(settings, authorization)

    @app.post("/api/documents", tags=["quản trị"], status_code=201)
    async def upload_documents(
        files: Annotated[list[UploadFile], File(description="Tệp .docx, .pdf, .md hoặc .txt")],
        authorization: Annotated[str | None, Header()] = None,
        replace: bool = False,
    ) -> JSONResponse:
        _require_admin(authorization)
        if not files:
            raise InputError("Chưa có tệp nào được gửi lên.")
        limit = int(settings.max_upload_mb * 1024 * 1024)
        payload = []
        for f in files:
            data = await f.read(limit + 1)
            if len(data) > limit:
                raise FileTooLargeError(
                    f"Tệp “{f.filename}” quá lớn; giới hạn là {settings.max_upload_mb:g} MB."
                )
            payload.append((f.filename or "tai-lieu", data))
        report = await run_in_threadpool(_ingest_uploads, services, payload, replace)
        return JSONResponse(report, status_code=201)

    @app.delete("/api/documents/{doc}", tags=["quản trị"])
    async def delete_document(
        doc: str, authorization: Annotated[str | None, Header()] = None
    ) -> dict[str, Any]:
        _require_admin(authorization)
        _get_doc(services, doc)
        return await run_in_threadpool(_delete_document, services, doc)

    app.state.feedback = feedback
    return app


def _mount_api_docs(app: FastAPI) -> None:
    """Swagger UI at /docs from the files of the swagger-ui-bundle package, not from a CDN."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # the API works without its docs page
        return
    app.mount("/static-docs", StaticFiles(directory=str(swagger_ui_path)), name="static-docs")

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> Response:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} — API",
            swagger_js_url="/static-docs/swagger-ui-bundle.js",
            swagger_css_url="/static-docs/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _refuse_when_stopping(services: Services) -> None:
    if services.stopping.is_set():
        raise IngestCancelledError(
            "Máy chủ đang dừng: không nhận thay đổi kho văn bản lúc này; không có gì thay đổi.",
            hint="Gửi lại yêu cầu khi máy chủ đã chạy lại.",
        )


def _ingest_uploads(services: Services, payload: list[tuple[str, bytes]], replace: bool) -> dict[str, Any]:
    from assistant.ingest import Incoming, commit, prepare

    _refuse_when_stopping(services)
    with services.ingest_lock:
        _refuse_when_stopping(services)
        existing = list(services.corpus.docs.values())
        incoming: list[Incoming] = []
        for name, data in payload:
            item = prepare(
                services.settings,
                name,
                data=data,
                existing=existing + [i.doc for i in incoming],
                replace=replace,
            )
            incoming.append(item)
        report = commit(
            services.settings, incoming, progress=False, embedder=services.embedder, cancel=services.stopping
        )
        services.reload_corpus()
    return report


def _delete_document(services: Services, doc: str) -> dict[str, Any]:
    from assistant.ingest import commit

    _refuse_when_stopping(services)
    with services.ingest_lock:
        _refuse_when_stopping(services)
        report = commit(
            services.settings,
            [],
            remove=[doc],
            progress=False,
            embedder=services.embedder,
            cancel=services.stopping,
        )
        services.reload_corpus()
    return {"deleted": doc, **report}


def _vi_validation(e: dict[str, Any]) -> str:
    kind = str(e.get("type", ""))
    messages = {
        "missing": "thiếu trường bắt buộc",
        "string_type": "phải là chuỗi ký tự",
        "list_type": "phải là danh sách",
        "json_invalid": "JSON không hợp lệ",
        "string_too_long": "quá dài",
        "string_too_short": "quá ngắn",
        "literal_error": "giá trị không được chấp nhận",
        "int_parsing": "phải là số nguyên",
        "bool_parsing": "phải là true/false",
        "model_attributes_type": "phải là một đối tượng JSON",
        "dict_type": "phải là một đối tượng JSON",
        "less_than_equal": "quá lớn",
        "greater_than_equal": "quá nhỏ",
        "string_pattern_mismatch": "sai định dạng",
        "enum": "giá trị không được chấp nhận",
    }
    return messages.get(kind, "giá trị không hợp lệ")


def _get_doc(services: Services, doc: str) -> Any:
    d = services.corpus.doc(doc)
    if d is None:
        raise NotFoundError(f"Không có văn bản “{doc[:80]}”.", suggestions=sorted(services.corpus.docs)[:20])
    return d


def _doc_summary(d: Any) -> dict[str, Any]:
    from assistant.compose.common import issuer_name

    return {
        "doc": d.doc_id,
        "doc_type": d.doc_type,
        "number": d.number,
        "date": str(d.date) if d.date else "",
        "issuer": issuer_name(d),
        "subject": d.subject,
        "place": d.place,
    }


def _pieces(text: str, size: int = 24) -> list[str]:
    """The answer cut into small pieces at spaces, for streaming."""
    out, current = [], ""
    for word in text.split(" "):
        current = f"{current} {word}" if current else word
        if len(current) >= size:
            out.append(current + " ")
            current = ""
    if current:
        out.append(current)
    return out


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
    written with a leading apostrophe, which spreadsheets show as text (OWASP's advice)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv(items: list[dict[str, Any]]) -> Response:
    buf = io.StringIO()
    if items:
        writer = csv.DictWriter(buf, fieldnames=list(items[0].keys()))
        writer.writeheader()
        writer.writerows({k: _csv_cell(v) for k, v in item.items()} for item in items)
    return Response(
        "\ufeff" + buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="tieu-chi.csv"'},
    )

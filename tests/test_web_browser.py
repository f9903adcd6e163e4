"""The chat page (assistant/web/) in a real headless Chromium, against the real app.

``live_server`` (tests/conftest.py) is the base URL of the app serving the real corpus.
Debian's chromium is used (Playwright's own browser download is not available here).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Request, Response, Route, expect, sync_playwright

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SCREENSHOT = ROOT / "docs" / "screenshot.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ANSWER_TIMEOUT = 120_000  # ms; the first question may wait for the model to load

Q_TASKS = "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?"
Q_GROUPS = "Điểm theo từng nhóm tiêu chí A, B, C, D?"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">'


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def open_page(
    browser: Browser, base_url: str, width: int = 1280, height: int = 800
) -> tuple[Page, list[str]]:
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": width, "height": height},
        locale="vi-VN",
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def same_origin(request: Request) -> None:
        # Everything comes from the app itself: no CDN, no web font, works without internet.
        if not request.url.startswith((base_url, "data:", "blob:")):
            errors.append(f"request outside the app: {request.url}")

    page.on("request", same_origin)
    page.goto("/")
    expect(page.locator("#question")).to_be_visible()
    return page, errors


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    pg, errors = open_page(browser, live_server)
    yield pg
    pg.context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def sse_events(body: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a text/event-stream body."""
    events = []
    for block in re.split(r"\r\n\r\n|\n\n|\r\r", body):
        name, data = "message", []
        for line in re.split(r"\r\n|\n|\r", block):
            if not line or line.startswith(":"):
                continue
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "event":
                name = value
            elif field == "data":
                data.append(value)
        if data:
            events.append((name, "\n".join(data)))
    return events


def ask(page: Page, question: str) -> Response:
    """Type a question, press Enter, wait until the answer is complete; the /api/chat response."""
    page.fill("#question", question)
    with page.expect_response(
        lambda r: r.url.endswith("/api/chat") and r.request.method == "POST", timeout=ANSWER_TIMEOUT
    ) as info:
        page.press("#question", "Enter")
    expect(page.locator(".message.assistant").last).to_have_attribute(
        "aria-busy", "false", timeout=ANSWER_TIMEOUT
    )
    return info.value


def final_reply(response: Response) -> dict[str, Any]:
    """The reply carried by the `done` event of a streamed answer."""
    assert response.ok, response.text()
    assert "text/event-stream" in response.headers.get("content-type", "")
    events = sse_events(response.text())
    assert any(name == "delta" for name, _ in events), "the answer was not streamed as delta events"
    done = [data for name, data in events if name == "done"]
    assert done, f"no done event in {events[-3:]}"
    reply = json.loads(done[-1])
    assert isinstance(reply, dict)
    return reply


def squash(text: str) -> str:
    """Text compared 'up to whitespace' (and Markdown marks), as the page matches quotes."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"[\s*_#`|\u200b]+", "", text)


def sse_body(events: list[tuple[str, Any]]) -> str:
    return "".join(
        f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n" for name, data in events
    )


# ---------------------------------------------------------------- tests


def test_streamed_answer_with_citations_opens_the_quoted_source(page: Page) -> None:
    response = ask(page, Q_TASKS)
    assert "text/event-stream" in (response.request.headers.get("accept") or "")
    reply = final_reply(response)
    citations = reply["citations"]
    assert citations, "the answer cites nothing"

    answer = page.locator(".message.assistant").last
    expect(page.locator(".message.user").last).to_have_text(Q_TASKS)
    assert len(answer.locator(".answer").inner_text().strip()) > 20
    chips = answer.locator(".citation-chip")
    expect(chips).to_have_count(len(citations))

    chip = chips.first
    cited = next(c for c in citations if c["id"] == int(chip.get_attribute("data-cite") or "0"))
    assert cited["section"] in chip.inner_text()
    chip.click()

    panel = page.locator("#source-panel")
    expect(panel).to_be_visible()
    mark = panel.locator("mark").first
    expect(mark).to_be_visible(timeout=15_000)
    marked = squash(mark.inner_text())
    assert marked, "the highlight is empty"
    assert marked in squash(cited["quote"]), (mark.inner_text(), cited["quote"])
    # The highlight is scrolled into the panel's view.
    body_box = page.locator("#source-body").bounding_box()
    mark_box = mark.bounding_box()
    assert body_box and mark_box
    assert body_box["y"] <= mark_box["y"] < body_box["y"] + body_box["height"]
    # The document's number, date and issuer are shown.
    meta = page.request.get(f"/api/documents/{cited['doc']}").json()
    for key in ("number", "date", "issuer"):
        if meta.get(key):
            expect(panel.locator(".doc-meta")).to_contain_text(meta[key])

    # Escape closes the panel; feedback is sent and acknowledged.
    page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    with page.expect_response(lambda r: r.url.endswith("/api/feedback")) as fb:
        answer.locator(".feedback-up").click()
    assert fb.value.ok
    assert json.loads(fb.value.request.post_data or "{}") == {"answer_id": reply["answer_id"], "rating": "up"}
    expect(answer.locator(".feedback-up")).to_have_attribute("aria-pressed", "true")
    expect(answer.locator(".feedback-status")).to_contain_text("Đã ghi nhận")

    answer.locator(".copy-answer").click()
    expect(answer.locator(".copy-answer")).to_contain_text("Đã sao chép")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "Nguồn:" in copied and f"[{cited['id']}]" in copied


def test_conversation_survives_reload_and_new_chat_clears_it(page: Page) -> None:
    reply = final_reply(ask(page, Q_TASKS))
    n_citations = len(reply["citations"])

    page.reload()
    expect(page.locator(".message.user")).to_have_text([Q_TASKS])
    answer = page.locator(".message.assistant")
    expect(answer).to_have_count(1)
    expect(answer.locator(".citation-chip")).to_have_count(n_citations)
    # Citations came back with their quotes: the source still opens highlighted.
    answer.locator(".citation-chip").first.click()
    expect(page.locator("#source-panel mark").first).to_be_visible(timeout=15_000)

    # A follow-up question carries the previous turns as history.
    with page.expect_request(lambda r: r.url.endswith("/api/chat")) as req:
        page.fill("#question", "Còn Sở Tài chính thì sao?")
        page.press("#question", "Enter")
    history = json.loads(req.value.post_data or "{}")["history"]
    assert [h["role"] for h in history] == ["user", "assistant"]
    assert history[0]["content"] == Q_TASKS
    expect(page.locator(".message.assistant").last).to_have_attribute(
        "aria-busy", "false", timeout=ANSWER_TIMEOUT
    )

    page.click("#new-chat")
    expect(page.locator("#messages .message")).to_have_count(0)
    expect(page.locator(".suggestion").first).to_be_visible()
    page.reload()
    expect(page.locator(".suggestion").first).to_be_visible()
    expect(page.locator("#messages .message")).to_have_count(0)


def test_suggestion_asks_its_question(page: Page) -> None:
    suggestion = page.locator(".suggestion").first
    text = suggestion.inner_text()
    with page.expect_request(lambda r: r.url.endswith("/api/chat")) as req:
        suggestion.click()
    assert json.loads(req.value.post_data or "{}")["message"] == text
    expect(page.locator(".message.user")).to_have_text([text])
    expect(page.locator(".message.assistant").last).to_have_attribute(
        "aria-busy", "false", timeout=ANSWER_TIMEOUT
    )


def test_numeric_answer_shows_table_and_bar_charts(page: Page) -> None:
    reply = final_reply(ask(page, Q_GROUPS))
    answer = page.locator(".message.assistant").last
    charts = answer.locator(".chart svg")
    expect(charts.first).to_be_visible()
    assert answer.locator(".chart svg rect.bar").count() >= 2

    data = reply.get("data") or {}
    groups = data.get("groups") or []
    if groups:
        group_chart = answer.locator(".chart-groups svg")
        expect(group_chart.locator("rect.bar")).to_have_count(2 * len(groups))
        for g in groups:
            expect(group_chart).to_contain_text(f"Nhóm {g['group']}")
    rows = data.get("rows") or []
    if rows:
        # Listed under the answer, or already in the answer's own table.
        for row in rows:
            expect(answer).to_contain_text(row["code"])
        deducted = [r for r in rows if (r.get("deducted_points") or 0) > 0]
        if len(deducted) > 2:
            expect(answer.locator(".chart-deductions svg rect.bar")).to_have_count(min(10, len(deducted)))


def test_document_list_and_outline(page: Page) -> None:
    expected = sorted(p.stem for p in CORPUS.glob("*.md"))
    buttons = page.locator("#doc-list .doc-button")
    expect(buttons).to_have_count(len(expected))
    assert sorted(b.get_attribute("data-doc") or "" for b in buttons.all()) == expected

    doc = page.locator('#doc-list .doc-button[data-doc="cv-410-ubnd-hai-phong-2025"]')
    doc.click()
    expect(doc).to_have_attribute("aria-expanded", "true")
    items = page.locator("#doc-list .outline-item")
    expect(items.first).to_be_visible()
    assert items.count() > 5

    section = page.locator('#doc-list .outline-item[data-label="II.10"]')
    section.click()
    panel = page.locator("#source-panel")
    expect(panel).to_be_visible()
    expect(panel.locator(".section-title")).to_contain_text("Sở Giáo dục và Đào tạo")
    expect(panel.locator(".source-lines")).to_contain_text("Giáo dục công dân")


def test_untrusted_text_is_shown_as_text(page: Page) -> None:
    citation = {
        "id": 1,
        "doc": "xss-doc",
        "section": "II.1",
        "title": XSS,
        "quote": f"Dòng trích {XSS}",
        "line_start": 2,
        "line_end": 2,
    }
    answer = f"Trả lời **đậm** {XSS} [1]\n\n- mục {XSS}\n\n| a | b |\n|---|---|\n| {XSS} | 1 |"
    reply = {"answer_id": "xss", "answer": answer, "kind": "passage", "citations": [citation], "data": {}}
    body = sse_body(
        [
            ("delta", {"text": answer[:30]}),
            ("delta", {"text": answer[30:]}),
            ("citations", [citation]),
            ("done", reply),
        ]
    )

    def chat(route: Route) -> None:
        route.fulfill(status=200, headers={"Content-Type": "text/event-stream"}, body=body)

    page.route("**/api/chat", chat)
    page.route(
        "**/api/documents/xss-doc",
        lambda route: route.fulfill(
            json={
                "doc": "xss-doc",
                "doc_type": XSS,
                "number": "1/XSS",
                "date": "01/01/2025",
                "issuer": XSS,
                "subject": XSS,
                "signer": XSS,
                "outline": [],
            }
        ),
    )
    page.route(
        "**/api/documents/xss-doc/sections/*",
        lambda route: route.fulfill(
            json={
                "doc": "xss-doc",
                "label": "II.1",
                "title": XSS,
                "heading_path": f"II. {XSS} > 1. {XSS}",
                "text": "",
                "line_start": 1,
                "line_end": 2,
                "lines": [{"n": 1, "text": f"## 1. {XSS}"}, {"n": 2, "text": f"Dòng trích {XSS}"}],
            }
        ),
    )

    page.fill("#question", f"Câu hỏi {XSS}")
    page.press("#question", "Enter")
    message = page.locator(".message.assistant").last
    expect(message).to_have_attribute("aria-busy", "false")
    expect(page.locator(".message.user").last).to_have_text(f"Câu hỏi {XSS}")
    expect(message.locator(".answer")).to_contain_text("<script>window.__xss=1</script>")
    expect(message.locator(".answer")).to_contain_text('<img src=x onerror="window.__xss=1">')
    expect(message.locator(".answer strong")).to_have_text("đậm")
    expect(message.locator(".citation-chip")).to_contain_text("<script>")

    message.locator(".citation-chip").click()
    mark = page.locator("#source-panel mark").first
    expect(mark).to_contain_text("<script>window.__xss=1</script>")
    expect(page.locator("#source-panel .doc-meta")).to_contain_text('<img src=x onerror="window.__xss=1">')

    assert (
        page.locator("#messages img, #messages script, #source-panel img, #source-panel script").count() == 0
    )
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_errors_show_as_messages_and_input_waits_for_the_answer(page: Page) -> None:
    held: list[Route] = []
    page.route("**/api/chat", lambda route: held.append(route))
    page.fill("#question", "Câu hỏi thử")
    page.press("#question", "Enter")
    expect(page.locator(".message.assistant .typing")).to_be_visible()
    expect(page.locator("#question")).to_be_disabled()
    expect(page.locator("#send")).to_be_hidden()
    for _ in range(50):  # the route handler runs while Playwright waits
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the question was not sent"
    held[0].fulfill(
        status=503,
        json={"error": "IndexNotBuiltError", "message": "Chỉ mục chưa được xây dựng, vui lòng thử lại sau."},
    )
    error = page.locator(".message.assistant.error")
    expect(error).to_contain_text("Chỉ mục chưa được xây dựng")
    expect(error.locator("[role=alert]")).to_be_visible()
    expect(page.locator("#question")).to_be_enabled()

    # Shift+Enter is a line break, not a send.
    page.fill("#question", "")
    page.type("#question", "dòng một")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("dòng hai")
    assert page.input_value("#question") == "dòng một\ndòng hai"
    expect(page.locator(".message.user")).to_have_count(1)


def test_phone_layout(browser: Browser, live_server: str) -> None:
    page, errors = open_page(browser, live_server, width=375, height=800)
    try:
        for selector in ("#question", "#send"):
            expect(page.locator(selector)).to_be_visible()
            box = page.locator(selector).bounding_box()
            assert (
                box and box["x"] >= 0 and box["x"] + box["width"] <= 375 and box["y"] + box["height"] <= 800
            )
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 375

        ask(page, Q_TASKS)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 375
        page.locator(".citation-chip").first.click()
        panel = page.locator("#source-panel")
        expect(panel.locator("mark").first).to_be_visible(timeout=15_000)
        # The panel is a drawer covering the screen, once it has slid in.
        page.wait_for_function(
            "() => { const r = document.querySelector('#source-panel').getBoundingClientRect();"
            " return r.left >= -0.5 && r.right <= innerWidth + 0.5 && r.width >= innerWidth - 1; }"
        )
        page.click("#close-panel")
        expect(panel).to_be_hidden()

        page.click("#toggle-docs")
        expect(page.locator("#doc-list .doc-button").first).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator("#doc-list .doc-button").first).to_be_hidden()
        expect(page.locator("#question")).to_be_visible()
    finally:
        page.context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def test_screenshot_after_one_answer(page: Page) -> None:
    ask(page, Q_TASKS)
    expect(page.locator(".message.assistant .citation-chip").first).to_be_visible()
    page.mouse.move(0, 0)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_links_in_answers_stay_on_safe_targets(page: Page) -> None:
    """Only http(s) and mailto links are made; a relative one must stay on this site ('/\\evil.example'
    and '//evil.example' are other sites to a browser)."""
    verdicts = page.evaluate(
        """async () => {
            const { safeHref } = await import(new URL("markdown.js", document.querySelector("script[type=module]").src));
            const urls = ["/docs", "tai-lieu/1", "https://example.org/a", "mailto:a@b.vn",
                          "//evil.example/x", "/\\\\evil.example", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
                          "data:text/html,x", " javascript:alert(1)", "http://[::1"];
            return urls.map((u) => [u, safeHref(u)]);
        }"""
    )
    allowed = {u: href for u, href in verdicts if href is not None}
    assert set(allowed) == {"/docs", "tai-lieu/1", "https://example.org/a", "mailto:a@b.vn"}, verdicts
    origin = page.evaluate("window.location.origin")
    assert allowed["/docs"] == f"{origin}/docs"

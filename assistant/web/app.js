// The chat page: the conversation, streamed answers, their citation chips. The other modules:
// api.js (backend), markdown.js (safe rendering), answer-data.js and charts.js (numeric
// answers), actions.js (copy, feedback), panel.js (sources panel), sidebar.js (documents
// list), layout.js (drawers), names.js (document names), dom.js, highlight.js.
// Every piece of text from an answer, a document or the user is put in the page with
// textContent / createElement; never as HTML.

import { paintActions } from "./actions.js";
import { paintData } from "./answer-data.js";
import { ApiError, errorFrom, networkError, parseData, readEvents } from "./api.js";
import { h, icon, isObject, showToast } from "./dom.js";
import { closeDocs, narrowPanel, narrowSidebar, openDocs, syncBackdrop } from "./layout.js";
import { renderMarkdown } from "./markdown.js";
import { docShort, readableTitle } from "./names.js";
import { closePanel, openSource, panelHasFocus } from "./panel.js";
import { loadDocuments } from "./sidebar.js";

const STORE_KEY = "assistant.conversation.v1";
const MAX_HISTORY = 20;
const CHIPS_SHOWN = 6;
const SUGGESTIONS = [
  "Sở Giáo dục và Đào tạo được giao nhiệm vụ gì?",
  "Tiêu chí nào bị trừ nhiều điểm nhất?",
  "Tổng điểm đánh giá năm 2023 là bao nhiêu?",
  "Kế hoạch của đặc khu Cát Hải triển khai nghị quyết nào?",
];
const KIND_LABELS = {
  numeric: "Số liệu",
  tasks: "Nhiệm vụ",
  document: "Thông tin văn bản",
  passage: "Trích đoạn",
  not_found: "Không tìm thấy",
};

const $ = (sel) => document.querySelector(sel);
const messagesEl = $("#messages");
const form = $("#composer");
const input = $("#question");
const sendBtn = $("#send");
const stopBtn = $("#stop");
const panel = $("#source-panel");
const finePointer = window.matchMedia("(pointer: fine)");

const state = {
  messages: [],
  busy: false,
  controller: null, // AbortController of the answer being received
};
const views = new Map(); // message id -> its DOM parts

function newId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

// ---------------------------------------------------------------- persistence

function save() {
  const keep = state.messages
    .filter((m) => !m.pending)
    .map(({ id, role, content, question, answer_id, kind, citations, data, error, stopped, feedback, commented }) => ({
      id, role, content, question, answer_id, kind, citations, data, error, stopped, feedback, commented,
    }));
  for (let start = 0; start <= keep.length; start += 2) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify({ version: 1, messages: keep.slice(start) }));
      return;
    } catch {
      // storage full: drop the oldest turn and try again
    }
  }
}

function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
    if (!isObject(stored) || !Array.isArray(stored.messages)) return [];
    return stored.messages.filter(
      (m) => isObject(m) && (m.role === "user" || m.role === "assistant") && typeof m.content === "string" && m.id,
    );
  } catch {
    return [];
  }
}

/** The previous turns sent with a question: answered pairs only, oldest first, at most 20. */
function buildHistory() {
  const turns = [];
  for (let i = 0; i < state.messages.length - 1; i++) {
    const q = state.messages[i];
    const a = state.messages[i + 1];
    if (q.role === "user" && a.role === "assistant" && !a.error && !a.pending && !a.stopped && a.content) {
      turns.push({ role: "user", content: q.content }, { role: "assistant", content: a.content });
      i++;
    }
  }
  return turns.slice(-MAX_HISTORY);
}

// ---------------------------------------------------------------- rendering messages

let stickToBottom = true;
messagesEl.addEventListener("scroll", () => {
  stickToBottom = messagesEl.scrollHeight - messagesEl.scrollTop - messagesEl.clientHeight < 80;
});

function scrollToBottom(force = false) {
  if (force || stickToBottom) {
    messagesEl.scrollTop = messagesEl.scrollHeight;
    stickToBottom = true;
  }
}

/** After an answer: charts and tables arrive at once; show them from the question down. */
function revealAnswer(msg) {
  const v = views.get(msg.id);
  if (!v || !stickToBottom) return;
  const tall = v.article.offsetHeight > messagesEl.clientHeight - 40;
  if (tall && v.extra.childElementCount) {
    const from = v.article.previousElementSibling || v.article;
    messagesEl.scrollTop = Math.max(0, from.offsetTop - 12);
  } else {
    scrollToBottom();
  }
}

function renderWelcome() {
  return h(
    "section",
    { class: "welcome", "aria-labelledby": "welcome-title" },
    h("h2", { id: "welcome-title", text: "Xin chào! Anh/chị cần tra cứu điều gì?" }),
    h("p", {
      class: "welcome-lead",
      text:
        "Trợ lý trả lời câu hỏi về nhiệm vụ được giao, tiêu chí và điểm đánh giá trong các công văn, kế hoạch đã nạp. " +
        "Mỗi câu trả lời đều kèm trích dẫn nguyên văn để đối chiếu.",
    }),
    h("h3", { class: "suggestions-title", text: "Câu hỏi gợi ý" }),
    h(
      "ul",
      { class: "suggestions" },
      SUGGESTIONS.map((q) =>
        h("li", {}, h("button", { type: "button", class: "suggestion", text: q, onclick: () => ask(q) })),
      ),
    ),
  );
}

function renderAll() {
  views.clear();
  messagesEl.replaceChildren();
  if (!state.messages.length) {
    messagesEl.append(renderWelcome());
    return;
  }
  for (const msg of state.messages) messagesEl.append(renderMessage(msg));
  scrollToBottom(true);
}

function renderMessage(msg) {
  if (msg.role === "user") {
    return h(
      "div",
      { class: "message user", dataset: { id: msg.id }, role: "group", "aria-label": "Câu hỏi" },
      h("div", { class: "bubble", text: msg.content }),
    );
  }
  const parts = {
    badge: h("span", { class: "kind-badge", hidden: true }),
    answer: h("div", { class: "answer md" }),
    extra: h("div", { class: "answer-data" }),
    sources: h("div", { class: "sources" }),
    actions: h("div", { class: "message-actions" }),
    problem: h("div", { class: "problem" }),
  };
  parts.article = h(
    "article",
    { class: "message assistant", dataset: { id: msg.id } },
    h("div", { class: "message-head" }, h("h3", { class: "who", text: "Trợ lý" }), parts.badge),
    parts.answer,
    parts.problem,
    parts.extra,
    parts.sources,
    parts.actions,
  );
  parts.answer.addEventListener("click", (event) => {
    const button = event.target.closest(".cite-ref");
    if (button) openCitation(msg, Number(button.dataset.cite), button);
  });
  views.set(msg.id, parts);
  paintAnswer(msg);
  paintComplete(msg);
  return parts.article;
}

function paintAnswer(msg) {
  const v = views.get(msg.id);
  if (!v) return;
  v.article.classList.toggle("streaming", Boolean(msg.pending && msg.content));
  v.article.setAttribute("aria-busy", msg.pending ? "true" : "false");
  if (v.extra.parentElement === v.answer) v.problem.after(v.extra); // see placeData
  if (msg.pending && !msg.content) {
    v.answer.replaceChildren(
      h(
        "div",
        { class: "typing" },
        h("span", { class: "dots", "aria-hidden": "true" }, h("i"), h("i"), h("i")),
        h("span", { text: "Đang tra cứu văn bản…" }),
      ),
    );
    return;
  }
  v.answer.replaceChildren(renderMarkdown(msg.content, { citations: msg.citations, final: !msg.pending }));
}

let paintQueued = new Set();
function schedulePaint(msg) {
  if (!paintQueued.size) {
    requestAnimationFrame(() => {
      const queued = paintQueued;
      paintQueued = new Set();
      for (const m of queued) if (m.pending) paintAnswer(m); // a finished answer is already painted
      scrollToBottom();
    });
  }
  paintQueued.add(msg);
}

function paintComplete(msg) {
  const v = views.get(msg.id);
  if (!v) return;
  const label = KIND_LABELS[msg.kind];
  v.badge.hidden = !label || msg.pending;
  v.badge.textContent = label || "";
  v.badge.className = `kind-badge kind-${msg.kind || "none"}`;
  v.article.classList.toggle("not-found", msg.kind === "not_found");
  v.article.classList.toggle("error", Boolean(msg.error));
  paintProblem(msg, v);
  paintData(msg, v);
  paintSources(msg, v);
  paintActions(msg, v, save);
}

function paintProblem(msg, v) {
  v.problem.replaceChildren();
  v.problem.removeAttribute("role");
  if (msg.error) {
    v.problem.setAttribute("role", "alert");
    v.problem.append(
      h(
        "div",
        { class: "error-box" },
        icon("alert", 20),
        h("p", { class: "error-text", text: msg.error }),
        msg.question
          ? h(
              "button",
              { type: "button", class: "button button-small retry", onclick: () => retry(msg) },
              icon("retry", 16),
              h("span", { text: "Thử lại" }),
            )
          : null,
      ),
    );
  } else if (msg.stopped) {
    v.problem.append(h("p", { class: "note", text: "Đã dừng trả lời theo yêu cầu." }));
  } else if (msg.kind === "not_found" && !msg.pending) {
    v.problem.append(
      h(
        "p",
        { class: "note" },
        icon("info", 16),
        " Hãy thử diễn đạt lại câu hỏi, hoặc duyệt danh sách văn bản để đọc trực tiếp.",
      ),
    );
  }
}

// ---- citations

function paintSources(msg, v) {
  v.sources.replaceChildren();
  const citations = Array.isArray(msg.citations) ? msg.citations.filter(isObject) : [];
  if (!citations.length || (msg.pending && !msg.citations)) return;
  const collapse = citations.length > CHIPS_SHOWN + 1;
  const list = h("ul", { class: collapse ? "citation-list collapsed" : "citation-list" });
  citations.forEach((c, i) => {
    // Several rows of one appendix: name each by its own text, not the shared title.
    const shared = citations.filter((x) => x.doc === c.doc && x.section === c.section).length > 1;
    const what = shared && c.quote ? String(c.quote).slice(0, 90) : readableTitle(c.title);
    const label = [docShort(c.doc || ""), c.section, what].filter(Boolean).join(" · ");
    const chip = h(
      "button",
      {
        type: "button",
        class: "citation-chip",
        dataset: { cite: c.id, doc: c.doc || "" },
        title: c.quote ? `${label}\n“${String(c.quote).slice(0, 300)}”` : label,
        "aria-label": `Nguồn ${c.id}: ${label}. Mở nguyên văn`,
        onclick: (e) => openCitation(msg, c.id, e.currentTarget),
      },
      h("span", { class: "chip-id", text: `[${c.id}]` }),
      h("span", { class: "chip-text", text: label }),
    );
    list.append(h("li", { class: collapse && i >= CHIPS_SHOWN ? "extra-chip" : null }, chip));
  });
  if (collapse) {
    // A long list (a table answer cites every row): the first few, the rest on demand.
    const more = h("button", {
      type: "button",
      class: "more-chips",
      text: `+ ${citations.length - CHIPS_SHOWN} nguồn khác`,
      onclick: () => {
        list.classList.remove("collapsed");
        more.parentElement.remove();
        list.querySelector(".extra-chip .citation-chip")?.focus();
      },
    });
    list.append(h("li", { class: "more-item" }, more));
  }
  v.sources.append(h("h4", { class: "sources-title", text: `Nguồn trích dẫn (${citations.length})` }), list);
}


function openCitation(msg, id, opener) {
  const c = (msg.citations || []).find((x) => x.id === id);
  if (!c) {
    if (msg.pending) showToast("Nguồn sẽ sẵn sàng khi câu trả lời hoàn tất.");
    return;
  }
  document.querySelectorAll(".citation-chip.active").forEach((b) => b.classList.remove("active"));
  const v = views.get(msg.id);
  const chip = v && v.sources.querySelector(`.citation-chip[data-cite="${Number(id)}"]`);
  if (chip) {
    chip.classList.add("active");
    const hidden = chip.closest(".citation-list.collapsed");
    if (hidden && chip.closest(".extra-chip")) {
      hidden.classList.remove("collapsed");
      hidden.querySelector(".more-item")?.remove();
    }
  }
  openSource(
    { doc: c.doc, label: c.section || "", quote: c.quote, lineStart: c.line_start, lineEnd: c.line_end, citeId: c.id },
    opener,
  );
}

// ---------------------------------------------------------------- asking

function setBusy(busy) {
  state.busy = busy;
  input.disabled = busy;
  form.classList.toggle("busy", busy);
  stopBtn.hidden = !busy;
  sendBtn.hidden = busy;
  updateSend();
  document.querySelectorAll(".suggestion").forEach((b) => {
    b.disabled = busy;
  });
}

function updateSend() {
  sendBtn.disabled = state.busy || !input.value.trim();
}

function autosize() {
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight, 200)}px`;
}

async function ask(question) {
  const text = String(question || "").trim();
  if (!text || state.busy) return;
  const history = buildHistory();
  const user = { id: newId(), role: "user", content: text };
  const bot = { id: newId(), role: "assistant", content: "", question: text, pending: true };
  if (!state.messages.length) messagesEl.replaceChildren();
  state.messages.push(user, bot);
  messagesEl.append(renderMessage(user), renderMessage(bot));
  scrollToBottom(true);
  input.value = "";
  autosize();
  setBusy(true);
  const controller = new AbortController();
  state.controller = controller;
  try {
    await streamAnswer({ message: text, history }, bot, controller.signal);
  } catch (err) {
    if (err && err.name === "AbortError") {
      bot.stopped = true;
    } else {
      bot.error = err instanceof ApiError ? err.message : "Đã xảy ra lỗi khi hiển thị câu trả lời.";
      if (!(err instanceof ApiError)) console.error(err);
    }
  } finally {
    bot.pending = false;
    if (state.controller === controller) state.controller = null;
    paintAnswer(bot);
    paintComplete(bot);
    save();
    setBusy(false);
    revealAnswer(bot);
    if (finePointer.matches && !panelHasFocus()) input.focus({ preventScroll: true });
  }
}

function retry(msg) {
  const i = state.messages.indexOf(msg);
  if (i < 0 || state.busy) return;
  // Drop the failed answer and its question; ask again.
  const start = i > 0 && state.messages[i - 1].role === "user" ? i - 1 : i;
  state.messages.splice(start, i - start + 1);
  renderAll();
  ask(msg.question);
}

function applyReply(bot, reply) {
  if (!isObject(reply)) throw new ApiError("Máy chủ trả về câu trả lời không hợp lệ.");
  if (typeof reply.answer === "string") bot.content = reply.answer;
  bot.answer_id = typeof reply.answer_id === "string" ? reply.answer_id : bot.answer_id;
  bot.kind = typeof reply.kind === "string" ? reply.kind : bot.kind;
  if (Array.isArray(reply.citations)) bot.citations = reply.citations;
  bot.data = isObject(reply.data) ? reply.data : undefined;
}


async function streamAnswer(payload, bot, signal) {
  let response;
  try {
    response = await fetch("/api/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(payload),
      signal,
    });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw networkError(err);
  }
  if (!response.ok) throw await errorFrom(response);
  const type = response.headers.get("content-type") || "";
  if (!type.includes("text/event-stream") || !response.body) {
    // The server answered in one piece.
    let reply;
    try {
      reply = await response.json();
    } catch {
      throw new ApiError("Máy chủ trả về câu trả lời không đọc được.");
    }
    applyReply(bot, reply);
    return;
  }
  let finished = false;
  try {
    for await (const { event, data } of readEvents(response.body)) {
      const value = parseData(data);
      if (event === "delta") {
        const piece = isObject(value) ? value.text : typeof value === "string" ? value : "";
        if (typeof piece === "string" && piece) {
          bot.content += piece;
          schedulePaint(bot);
        }
      } else if (event === "replace") {
        // The checked answer differs from the draft streamed so far (an LLM's citations renumbered,
        // or its draft rejected for the extractive answer): show the checked one.
        const text = isObject(value) ? value.text : "";
        if (typeof text === "string") {
          bot.content = text;
          schedulePaint(bot);
        }
      } else if (event === "citations") {
        if (Array.isArray(value)) {
          bot.citations = value;
          paintSources(bot, views.get(bot.id));
        }
      } else if (event === "done") {
        applyReply(bot, value);
        finished = true;
      } else if (event === "error") {
        throw new ApiError(
          isObject(value) && typeof value.message === "string" && value.message ? value.message : "Đã xảy ra lỗi khi tạo câu trả lời.",
        );
      }
    }
  } catch (err) {
    if (err instanceof ApiError || (err && err.name === "AbortError")) throw err;
    throw new ApiError("Kết nối bị gián đoạn trong khi nhận câu trả lời. Vui lòng thử lại.");
  }
  if (!finished) throw new ApiError("Kết nối bị gián đoạn trước khi câu trả lời hoàn tất. Vui lòng thử lại.");
}

// ---------------------------------------------------------------- wiring

function newChat() {
  if (state.controller) state.controller.abort();
  const previous = state.messages.filter((m) => !m.pending);
  state.messages = [];
  save();
  closePanel();
  renderAll();
  setBusy(false);
  if (previous.length) {
    showToast("Đã bắt đầu cuộc trò chuyện mới.", {
      label: "Hoàn tác",
      run: () => {
        if (state.messages.length || state.busy) return;
        state.messages = previous;
        save();
        renderAll();
      },
    });
  }
  input.focus();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  ask(input.value);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
    event.preventDefault();
    ask(input.value);
  }
});
input.addEventListener("input", () => {
  autosize();
  updateSend();
});

stopBtn.addEventListener("click", () => {
  if (state.controller) state.controller.abort();
});
$("#new-chat").addEventListener("click", newChat);
$("#close-panel").addEventListener("click", closePanel);
$("#toggle-docs").addEventListener("click", () =>
  document.body.classList.contains("docs-open") ? closeDocs() : openDocs(),
);
$("#close-docs").addEventListener("click", () => closeDocs());
$("#backdrop").addEventListener("click", () => {
  closeDocs(false);
  if (narrowPanel.matches) closePanel();
  syncBackdrop();
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (document.body.classList.contains("docs-open")) closeDocs();
  else if (!panel.hidden) closePanel();
});
narrowPanel.addEventListener("change", syncBackdrop);
narrowSidebar.addEventListener("change", () => {
  if (!narrowSidebar.matches) closeDocs(false);
});

state.messages = load();
renderAll();
setBusy(false);
// Chips drawn before the names arrived are drawn again with them.
loadDocuments(() => {
  for (const msg of state.messages) {
    const v = views.get(msg.id);
    if (v && msg.role === "assistant") paintSources(msg, v);
  }
});

// The chat page: conversation, streamed answers, sources panel, document browser.
// Every piece of text from an answer, a document or the user is put in the page with
// textContent / createElement (see markdown.js, highlight.js); never as HTML.

import { renderMarkdown, markdownToText } from "./markdown.js";
import { groupChart, deductionChart, countDeductions, formatNumber } from "./charts.js";
import { cleanLine, findQuote, renderStyledText } from "./highlight.js";

const STORE_KEY = "assistant.conversation.v1";
const MAX_HISTORY = 20;
const TABLE_PREVIEW_ROWS = 10;
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
const DOC_TYPE_ABBR = {
  "công văn": "CV",
  "kế hoạch": "KH",
  "quyết định": "QĐ",
  "nghị quyết": "NQ",
  "chỉ thị": "CT",
  "thông báo": "TB",
  "báo cáo": "BC",
  "nghị định": "NĐ",
  "thông tư": "TT",
};

const $ = (sel) => document.querySelector(sel);
const messagesEl = $("#messages");
const form = $("#composer");
const input = $("#question");
const sendBtn = $("#send");
const stopBtn = $("#stop");
const panel = $("#source-panel");
const panelBody = $("#source-body");
const panelTitle = $("#source-title");
const panelKicker = $("#source-kicker");
const layout = $("#layout");
const backdrop = $("#backdrop");
const docList = $("#doc-list");
const toast = $("#toast");

const narrowPanel = window.matchMedia("(max-width: 1199px)");
const narrowSidebar = window.matchMedia("(max-width: 799px)");
const finePointer = window.matchMedia("(pointer: fine)");

const state = {
  messages: [],
  busy: false,
  controller: null,
  docs: new Map(), // doc id -> summary from /api/documents
};
const views = new Map(); // message id -> its DOM parts

// ---------------------------------------------------------------- small helpers

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const ICONS = {
  copy: "M11 9h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-9a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2zM5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1",
  check: "M5 12.5l4.5 4.5L19 7",
  up: "M7 10v11M14 5.9 13 10h5.8a2 2 0 0 1 1.9 2.5l-1.7 7A2 2 0 0 1 17 21H7V10l4.4-7.4A1.9 1.9 0 0 1 14 5.9z",
  down: "M17 14V3M10 18.1 11 14H5.2a2 2 0 0 1-1.9-2.5l1.7-7A2 2 0 0 1 7 3h10v11l-4.4 7.4a1.9 1.9 0 0 1-2.6-3.3z",
  retry: "M3 4v6h6M3.5 15a9 9 0 1 0 2.1-9.4L3 10",
  doc: "M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6M16 13H8M16 17H8",
  alert: "M12 8v5M12 16.5v.5M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z",
  info: "M12 11v6M12 7.5v.5M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20z",
  chevron: "M9 6l6 6-6 6",
};

function icon(name, size = 18) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", size);
  svg.setAttribute("height", size);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("class", `icon icon-${name}`);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("d", ICONS[name]);
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  path.setAttribute("stroke-linecap", "round");
  path.setAttribute("stroke-linejoin", "round");
  svg.append(path);
  return svg;
}

function newId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);
const isNumber = (x) => typeof x === "number" && Number.isFinite(x);

class ApiError extends Error {}

function httpMessage(status) {
  if (status === 404) return "Không tìm thấy dữ liệu được yêu cầu.";
  if (status === 400 || status === 422) return "Yêu cầu không hợp lệ. Vui lòng kiểm tra lại nội dung câu hỏi.";
  if (status === 429) return "Hệ thống đang bận. Vui lòng thử lại sau ít phút.";
  if (status === 503) return "Hệ thống đang khởi động hoặc bảo trì. Vui lòng thử lại sau ít phút.";
  return `Máy chủ gặp sự cố (mã ${status}). Vui lòng thử lại sau.`;
}

async function errorFrom(response) {
  try {
    const body = await response.json();
    if (isObject(body) && typeof body.message === "string" && body.message.trim()) return new ApiError(body.message);
  } catch {
    // not JSON: fall through to the generic message
  }
  return new ApiError(httpMessage(response.status));
}

function networkError(err) {
  if (err instanceof ApiError) return err;
  return new ApiError("Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng và thử lại.");
}

async function requestJSON(url, options = {}) {
  let response;
  try {
    response = await fetch(url, { ...options, headers: { Accept: "application/json", ...(options.headers || {}) } });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw networkError(err);
  }
  if (!response.ok) throw await errorFrom(response);
  try {
    return await response.json();
  } catch {
    throw new ApiError("Máy chủ trả về dữ liệu không đọc được.");
  }
}

const postJSON = (url, body) =>
  requestJSON(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

const documentCache = new Map();
const sectionCache = new Map();

function cached(cache, key, load) {
  if (!cache.has(key)) {
    const promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

const getDocument = (doc) => cached(documentCache, doc, () => requestJSON(`/api/documents/${encodeURIComponent(doc)}`));
const getSection = (doc, label) =>
  cached(sectionCache, `${doc}\u0000${label}`, () =>
    requestJSON(`/api/documents/${encodeURIComponent(doc)}/sections/${encodeURIComponent(label)}`),
  );

function docTypeAbbr(type) {
  return DOC_TYPE_ABBR[String(type || "").toLowerCase()] || type || "";
}

function shortIssuer(issuer) {
  return String(issuer || "")
    .replace(/[ỦỦ]y ban nhân dân/gi, "UBND")
    .replace(/\bthành phố\b/gi, "TP");
}

/** A document's name for a chip: "CV 410/UBND-NCKTGS", else "KH UBND đặc khu Cát Hải". */
function docShort(doc) {
  const meta = state.docs.get(doc);
  if (!meta) return doc.length > 18 ? `${doc.slice(0, 16)}…` : doc;
  if (/\d/.test(meta.number || "")) return `${docTypeAbbr(meta.doc_type)} ${meta.number}`.trim();
  return `${docTypeAbbr(meta.doc_type)} ${shortIssuer(meta.issuer)}`.trim() || doc;
}

/** A document's full name: "Công văn số 410/UBND-NCKTGS". */
function docLong(meta, doc) {
  if (!meta) return doc;
  if (/\d/.test(meta.number || "")) return `${meta.doc_type || "Văn bản"} số ${meta.number}`;
  return `${meta.doc_type || "Văn bản"} của ${meta.issuer || doc}`;
}

function showToast(text, action) {
  toast.replaceChildren(h("span", { text }));
  if (action) {
    toast.append(
      h("button", {
        type: "button",
        class: "toast-action",
        text: action.label,
        onclick: () => {
          toast.hidden = true;
          action.run();
        },
      }),
    );
  }
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => {
    toast.hidden = true;
  }, action ? 7000 : 3500);
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
  paintActions(msg, v);
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

// ---- numeric data: summary, charts, table

const chartObserver = "ResizeObserver" in window ? new ResizeObserver(onChartResize) : null;
const chartDrawers = new WeakMap();

function onChartResize(entries) {
  for (const entry of entries) drawChart(entry.target);
}

function drawChart(canvas) {
  const draw = chartDrawers.get(canvas);
  const width = Math.floor(canvas.clientWidth);
  if (!draw || !width || canvas.dataset.width === String(width)) return;
  canvas.dataset.width = String(width);
  canvas.replaceChildren(draw(width));
}

function chartFigure(className, caption, draw) {
  const canvas = h("div", { class: "chart-canvas" });
  chartDrawers.set(canvas, draw);
  if (chartObserver) chartObserver.observe(canvas);
  else requestAnimationFrame(() => drawChart(canvas));
  canvas.append(draw(560)); // drawn again at the real width once laid out
  return h("figure", { class: `chart ${className}` }, h("figcaption", { text: caption }), canvas);
}

function paintData(msg, v) {
  v.extra.replaceChildren();
  const data = msg.data;
  if (msg.pending || !isObject(data)) return;
  const rows = Array.isArray(data.rows) ? data.rows.filter(isObject) : [];
  const groups = Array.isArray(data.groups)
    ? data.groups.filter((g) => isObject(g) && isNumber(g.max_points) && isNumber(g.awarded_points))
    : [];
  const overall = isObject(data.overall) ? data.overall : null;

  if (overall && isNumber(overall.awarded_points)) {
    const stats = [
      ["Tổng điểm đạt", `${formatNumber(overall.awarded_points)}${isNumber(overall.max_points) ? ` / ${formatNumber(overall.max_points)}` : ""}`],
    ];
    if (isNumber(overall.rate)) stats.push(["Tỷ lệ", `${formatNumber(overall.rate)}%`]);
    if (isNumber(overall.max_points)) stats.push(["Bị trừ", formatNumber(Math.round((overall.max_points - overall.awarded_points) * 100) / 100)]);
    v.extra.append(
      h("dl", { class: "stats" }, stats.map(([k, val]) => h("div", { class: "stat" }, h("dt", { text: k }), h("dd", { text: val })))),
    );
  }
  if (groups.length) {
    v.extra.append(
      chartFigure("chart-groups", "Điểm đạt so với thang điểm, theo nhóm tiêu chí", (w) => groupChart(groups, w)),
    );
  }
  const deductions = countDeductions(rows);
  if (deductions > 2) {
    const caption = deductions > 10 ? "10 tiêu chí bị trừ nhiều điểm nhất" : "Các tiêu chí bị trừ điểm, nhiều nhất ở trên";
    v.extra.append(chartFigure("chart-deductions", caption, (w) => deductionChart(rows, w)));
  }
  if (rows.length && !answerTablesShow(v.answer, rows)) v.extra.append(rowsTable(rows));
  placeData(v);
}

/** Summary and charts read best before the answer's long table, when it has one. */
function placeData(v) {
  const table = v.answer.querySelector(":scope > .table-wrap");
  if (table && v.extra.childElementCount) v.answer.insertBefore(v.extra, table);
}

/** Whether the answer's own Markdown tables already list every row (then no second table). */
function answerTablesShow(answerEl, rows) {
  const text = [...answerEl.querySelectorAll("table")].map((t) => t.textContent).join("\n");
  return Boolean(text) && rows.every((r) => typeof r.code === "string" && r.code && text.includes(r.code));
}

function rowsTable(rows) {
  const hasDeducted = rows.some((r) => isNumber(r.deducted_points));
  const hasAwarded = rows.some((r) => isNumber(r.awarded_points));
  const hasSource = rows.some((r) => r.doc && (r.appendix || isNumber(r.line)));
  const head = ["Mã", "Tiêu chí", "Thang điểm"];
  if (hasAwarded) head.push("Điểm đạt");
  if (hasDeducted) head.push("Bị trừ");
  if (hasSource) head.push("Nguồn");
  const tbody = h("tbody");
  rows.forEach((r, i) => {
    // data-label: the column's name, shown beside the value when rows are cards (phone).
    const cells = [
      h("td", { class: "code", text: r.code ?? "" }),
      h("td", { class: "title", text: r.title ?? "" }),
      h("td", { class: "num", "data-label": "Thang điểm", text: formatNumber(r.max_points) }),
    ];
    if (hasAwarded) cells.push(h("td", { class: "num", "data-label": "Đạt", text: formatNumber(r.awarded_points) }));
    if (hasDeducted) {
      const ded = isNumber(r.deducted_points) ? r.deducted_points : null;
      cells.push(h("td", { class: `num${ded ? " deducted" : ""}`, "data-label": "Bị trừ", text: formatNumber(ded) }));
    }
    if (hasSource) {
      const label = r.appendix || "";
      cells.push(
        h(
          "td",
          { class: "src" },
          r.doc && label
            ? h("button", {
                type: "button",
                class: "link-button row-source",
                text: label,
                title: isNumber(r.line) ? `Xem dòng ${r.line} trong ${label}` : `Xem ${label}`,
                onclick: (e) => openSource({ doc: r.doc, label, line: r.line }, e.currentTarget),
              })
            : "—",
        ),
      );
    }
    tbody.append(h("tr", { class: i >= TABLE_PREVIEW_ROWS ? "extra-row" : null }, cells));
  });
  const table = h(
    "table",
    { class: "data-table" },
    h("caption", { class: "visually-hidden", text: "Bảng số liệu tiêu chí" }),
    h("thead", {}, h("tr", {}, head.map((t) => h("th", { scope: "col", text: t })))),
    tbody,
  );
  const wrap = h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Bảng số liệu tiêu chí" }, table);
  const block = h("div", { class: "data-block" }, wrap);
  if (rows.length > TABLE_PREVIEW_ROWS) {
    wrap.classList.add("collapsed");
    const toggle = h("button", {
      type: "button",
      class: "button button-small show-all",
      "aria-expanded": "false",
      text: `Hiện tất cả ${rows.length} dòng`,
      onclick: () => {
        const open = wrap.classList.toggle("collapsed") === false;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.textContent = open ? "Thu gọn bảng" : `Hiện tất cả ${rows.length} dòng`;
      },
    });
    block.append(toggle);
  }
  return block;
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

/** A title written in capitals ("CÁC TIÊU CHÍ ĐÁNH GIÁ…") in sentence case, for chips. */
function readableTitle(title) {
  const t = String(title || "").trim();
  if (!t || t !== t.toLocaleUpperCase("vi") || !/\p{L}{3}/u.test(t)) return t;
  const lower = t.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
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

// ---- actions: copy, feedback

function paintActions(msg, v) {
  v.actions.replaceChildren();
  if (msg.pending || msg.error || !msg.content) return;
  const status = h("span", { class: "feedback-status", role: "status" });
  const copy = h(
    "button",
    { type: "button", class: "action copy-answer", title: "Sao chép câu trả lời kèm nguồn" },
    icon("copy", 16),
    h("span", { class: "action-label", text: "Sao chép" }),
  );
  copy.addEventListener("click", () => copyAnswer(msg, copy));
  const canRate = Boolean(msg.answer_id);
  const up = h(
    "button",
    {
      type: "button",
      class: "action icon-only feedback-up",
      "aria-pressed": String(msg.feedback === "up"),
      "aria-label": "Câu trả lời hữu ích",
      title: canRate ? "Hữu ích" : "Không thể đánh giá câu trả lời này",
      disabled: !canRate,
    },
    icon("up", 16),
  );
  const down = h(
    "button",
    {
      type: "button",
      class: "action icon-only feedback-down",
      "aria-pressed": String(msg.feedback === "down"),
      "aria-label": "Câu trả lời chưa tốt",
      title: canRate ? "Chưa tốt" : "Không thể đánh giá câu trả lời này",
      disabled: !canRate,
    },
    icon("down", 16),
  );
  if (msg.feedback) status.textContent = "Đã ghi nhận đánh giá. Cảm ơn anh/chị!";
  const commentBox = h("div", { class: "feedback-form", hidden: true });
  up.addEventListener("click", () => rate(msg, "up", { up, down, status, commentBox }));
  down.addEventListener("click", () => rate(msg, "down", { up, down, status, commentBox }));
  v.actions.append(copy, h("span", { class: "action-sep", "aria-hidden": "true" }), up, down, status, commentBox);
}

async function rate(msg, rating, ui) {
  ui.up.disabled = ui.down.disabled = true;
  ui.status.textContent = "Đang gửi đánh giá…";
  try {
    await postJSON("/api/feedback", { answer_id: msg.answer_id, rating });
    msg.feedback = rating;
    save();
    ui.up.setAttribute("aria-pressed", String(rating === "up"));
    ui.down.setAttribute("aria-pressed", String(rating === "down"));
    ui.status.textContent = "Đã ghi nhận đánh giá. Cảm ơn anh/chị!";
    if (rating === "down" && !msg.commented) showCommentForm(msg, ui);
    else ui.commentBox.hidden = true;
  } catch (err) {
    ui.status.textContent = err instanceof ApiError ? err.message : "Không gửi được đánh giá.";
    ui.status.classList.add("failed");
  } finally {
    ui.up.disabled = ui.down.disabled = false;
  }
}

function showCommentForm(msg, ui) {
  const box = ui.commentBox;
  const id = `fb-${msg.id}`;
  const area = h("textarea", { id, class: "feedback-comment", rows: "2", maxlength: "1000", placeholder: "Ví dụ: thiếu nhiệm vụ…, trích sai mục…" });
  const send = h("button", { type: "submit", class: "button button-small", text: "Gửi góp ý" });
  const cancel = h("button", { type: "button", class: "button button-small button-ghost", text: "Bỏ qua", onclick: () => { box.hidden = true; } });
  const f = h(
    "form",
    {},
    h("label", { for: id, text: "Câu trả lời chưa tốt ở điểm nào? (không bắt buộc)" }),
    area,
    h("div", { class: "feedback-form-actions" }, send, cancel),
  );
  f.addEventListener("submit", async (event) => {
    event.preventDefault();
    const comment = area.value.trim();
    if (!comment) {
      area.focus();
      return;
    }
    send.disabled = true;
    try {
      await postJSON("/api/feedback", { answer_id: msg.answer_id, rating: "down", comment });
      msg.commented = true;
      save();
      box.hidden = true;
      ui.status.textContent = "Đã gửi góp ý. Cảm ơn anh/chị!";
    } catch (err) {
      ui.status.textContent = err instanceof ApiError ? err.message : "Không gửi được góp ý.";
    } finally {
      send.disabled = false;
    }
  });
  box.replaceChildren(f);
  box.hidden = false;
  area.focus();
}

function answerAsText(msg) {
  let text = markdownToText(msg.content);
  const citations = Array.isArray(msg.citations) ? msg.citations : [];
  if (citations.length) {
    text +=
      "\n\nNguồn:\n" +
      citations
        .map((c) => {
          const name = docLong(state.docs.get(c.doc), c.doc);
          const where = [c.section ? `mục ${c.section}` : "", c.title].filter(Boolean).join(" – ");
          return `[${c.id}] ${name}${where ? `, ${where}` : ""}${c.quote ? `: “${c.quote}”` : ""}`;
        })
        .join("\n");
  }
  return text;
}

function legacyCopy(text) {
  const area = h("textarea", { readonly: true, class: "clipboard-proxy", "aria-hidden": "true" });
  area.value = text;
  document.body.append(area);
  const active = document.activeElement;
  area.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  area.remove();
  if (active && active.focus) active.focus();
  return ok;
}

async function copyAnswer(msg, button) {
  const text = answerAsText(msg);
  let ok = false;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = false;
    }
  }
  if (!ok) ok = legacyCopy(text);
  const label = button.querySelector(".action-label");
  if (ok) {
    button.classList.add("done");
    button.replaceChildren(icon("check", 16), h("span", { class: "action-label", text: "Đã sao chép" }));
    setTimeout(() => {
      button.classList.remove("done");
      button.replaceChildren(icon("copy", 16), label);
    }, 2000);
  } else {
    showToast("Không sao chép được. Hãy chọn văn bản và nhấn Ctrl+C.");
  }
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

async function* readEvents(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let pendingCR = "";
  const blocks = function* (final) {
    let at;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      yield block;
    }
    if (final && buffer.trim()) {
      yield buffer;
      buffer = "";
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    let chunk = pendingCR + (done ? decoder.decode() : decoder.decode(value, { stream: true }));
    pendingCR = "";
    if (!done && chunk.endsWith("\r")) {
      // "\r\n" may be split across reads: wait for the next piece.
      pendingCR = "\r";
      chunk = chunk.slice(0, -1);
    }
    buffer += chunk.replace(/\r\n?/g, "\n");
    for (const block of blocks(done)) {
      let event = "message";
      const data = [];
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? "" : line.slice(colon + 1);
        if (val.startsWith(" ")) val = val.slice(1);
        if (field === "event") event = val;
        else if (field === "data") data.push(val);
      }
      if (data.length) yield { event, data: data.join("\n") };
    }
    if (done) return;
  }
}

function parseData(raw) {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
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

// ---------------------------------------------------------------- source panel

let panelToken = 0;
let panelOpener = null;

function panelHasFocus() {
  return !panel.hidden && panel.contains(document.activeElement);
}

function syncBackdrop() {
  const docsOpen = document.body.classList.contains("docs-open");
  const panelModal = !panel.hidden && narrowPanel.matches;
  backdrop.hidden = !(docsOpen || panelModal);
}

function showPanel() {
  panel.hidden = false;
  layout.classList.add("panel-open");
  syncBackdrop();
}

function closePanel() {
  if (panel.hidden) return;
  panelToken++;
  panel.hidden = true;
  layout.classList.remove("panel-open");
  document.querySelectorAll(".citation-chip.active, .outline-item.current").forEach((b) => b.classList.remove("active", "current"));
  syncBackdrop();
  if (panelOpener && panelOpener.isConnected && typeof panelOpener.focus === "function") {
    panelOpener.focus({ preventScroll: true });
  }
  panelOpener = null;
}

/**
 * Show a section of a document in the panel.
 * req: {doc, label, quote?, lineStart?, lineEnd?, citeId?, line?}
 */
async function openSource(req, opener) {
  const token = ++panelToken;
  panelOpener = opener || document.activeElement;
  if (narrowSidebar.matches) closeDocs(false);
  showPanel();
  panelKicker.textContent = req.citeId ? `Nguồn [${req.citeId}]` : "Nội dung văn bản";
  panelTitle.textContent = docLong(state.docs.get(req.doc), req.doc);
  panelBody.setAttribute("aria-busy", "true");
  panelBody.replaceChildren(h("p", { class: "panel-loading", text: "Đang tải nguyên văn…" }));
  panelTitle.focus({ preventScroll: true });

  const [docResult, sectionResult] = await Promise.allSettled([
    getDocument(req.doc),
    req.label ? getSection(req.doc, req.label) : Promise.reject(new ApiError("")),
  ]);
  if (token !== panelToken) return;
  panelBody.removeAttribute("aria-busy");
  const meta = docResult.status === "fulfilled" && isObject(docResult.value) ? docResult.value : state.docs.get(req.doc);
  panelTitle.textContent = docLong(meta, req.doc);
  const content = [];
  if (meta) content.push(docMeta(meta));
  if (sectionResult.status === "fulfilled" && isObject(sectionResult.value)) {
    content.push(...sectionView(sectionResult.value, req));
  } else {
    const reason = sectionResult.reason instanceof ApiError && sectionResult.reason.message;
    if (req.label) content.push(h("p", { class: "panel-error", role: "alert", text: reason || "Không tải được mục văn bản này." }));
    if (req.quote) {
      content.push(
        h("h3", { class: "section-title", text: req.label ? `Mục ${req.label}` : "Đoạn trích dẫn" }),
        h("blockquote", { class: "quote-fallback", text: req.quote }),
      );
    }
  }
  if (!content.length) content.push(h("p", { class: "panel-error", text: "Không tải được văn bản." }));
  panelBody.replaceChildren(...content);
  revealHighlight();
}

function revealHighlight() {
  // Scroll the panel only (scrollIntoView would move the page too): the highlight's start
  // near the top, or no scrolling at all when it is already visible from the top.
  const target = panelBody.querySelector("mark") || panelBody.querySelector(".line.target");
  panelBody.scrollTop = 0;
  if (!target) return;
  const top = target.getBoundingClientRect().top - panelBody.getBoundingClientRect().top;
  const height = target.getBoundingClientRect().height;
  if (top + Math.min(height, 80) > panelBody.clientHeight - 16) panelBody.scrollTop = Math.max(0, top - 72);
}

function docMeta(meta) {
  const rows = [
    ["Số, ký hiệu", meta.number],
    ["Ngày ban hành", meta.date],
    ["Cơ quan ban hành", meta.issuer],
    ["Người ký", meta.signer],
    ["Trích yếu", meta.subject],
  ].filter(([, v]) => typeof v === "string" && v.trim());
  return h(
    "dl",
    { class: "doc-meta" },
    rows.map(([k, v]) => h("div", { class: "doc-meta-row" }, h("dt", { text: k }), h("dd", { text: v }))),
  );
}

function sectionView(section, req) {
  const out = [];
  const path = String(section.heading_path || "")
    .split(" > ")
    .filter(Boolean);
  if (path.length > 1) {
    const crumbs = h("ol", { class: "breadcrumb", "aria-label": "Vị trí trong văn bản" });
    path.slice(0, -1).forEach((p) => crumbs.append(h("li", { text: p })));
    out.push(crumbs);
  }
  const heading = path.length ? path[path.length - 1] : [section.label, section.title].filter(Boolean).join(". ");
  out.push(h("h3", { class: "section-title", text: heading || req.label }));

  const lines = Array.isArray(section.lines) ? section.lines.filter(isObject) : [];
  const shown = lines.length
    ? lines.map((l) => ({ n: l.n, ...cleanLine(l.text) }))
    : String(section.text || "")
        .split("\n")
        .map((t, i) => ({ n: (section.line_start || 1) + i, ...cleanLine(t) }));

  // Where to highlight: the quote, else the cited lines, else one line (a table row).
  const marks = new Map(); // index in shown -> [{start, end}]
  let status = "";
  let found = null;
  if (req.quote) {
    found = findQuote(shown.map((l) => l.text), req.quote);
    if (found) {
      for (const r of found.ranges) {
        if (!marks.has(r.line)) marks.set(r.line, []);
        marks.get(r.line).push({ start: r.start, end: r.end });
      }
      status = found.exact ? "Đoạn được trích dẫn được tô màu." : "Chỉ khớp được một phần đoạn trích dẫn; phần khớp được tô màu.";
    }
  }
  const cited = (n) =>
    isNumber(req.lineStart) && isNumber(n) && n >= req.lineStart && n <= (isNumber(req.lineEnd) ? req.lineEnd : req.lineStart);
  if (!found && (req.quote || isNumber(req.lineStart) || isNumber(req.line))) {
    const wanted = (n) => (isNumber(req.line) ? n === req.line : cited(n));
    shown.forEach((l, i) => {
      if (wanted(l.n) && l.text.trim()) marks.set(i, [{ start: 0, end: l.text.length }]);
    });
    if (marks.size) {
      status = req.quote
        ? "Không tìm thấy nguyên văn đoạn trích trong mục này; đã tô các dòng được dẫn."
        : isNumber(req.line)
          ? `Dòng ${req.line} được tô màu.`
          : "";
    } else if (req.quote) {
      status = "Không tìm thấy nguyên văn đoạn trích trong mục này.";
    }
  }
  const range = isNumber(section.line_start)
    ? `Dòng ${section.line_start}${isNumber(section.line_end) && section.line_end !== section.line_start ? `–${section.line_end}` : ""} của tệp ${section.doc || req.doc}`
    : "";
  if (status || range) {
    out.push(h("p", { class: "section-status" }, status ? h("span", { class: "status-text", text: status }) : null, range ? h("span", { class: "line-range", text: range }) : null));
  }

  const list = h("ol", { class: "source-lines", "aria-label": "Nguyên văn" });
  shown.forEach((l, i) => {
    const blank = !l.text.trim();
    const li = h("li", {
      class: ["line", blank ? "blank" : "", l.heading ? "heading" : "", cited(l.n) ? "cited" : "", isNumber(req.line) && l.n === req.line ? "target" : ""]
        .filter(Boolean)
        .join(" "),
      dataset: { line: l.n },
    });
    li.append(h("span", { class: "ln", "aria-hidden": "true", text: String(l.n ?? "") }));
    const textEl = h("span", { class: `lt${l.text.includes("\t") ? " tabular" : ""}` });
    renderStyledText(textEl, l.text, l.styles, marks.get(i) || []);
    li.append(textEl);
    list.append(li);
  });
  out.push(list);
  return out;
}

// ---------------------------------------------------------------- documents sidebar

function openDocs() {
  document.body.classList.add("docs-open");
  $("#toggle-docs").setAttribute("aria-expanded", "true");
  syncBackdrop();
  const first = docList.querySelector("button");
  if (first) first.focus();
}

function closeDocs(restoreFocus = true) {
  if (!document.body.classList.contains("docs-open")) return;
  document.body.classList.remove("docs-open");
  $("#toggle-docs").setAttribute("aria-expanded", "false");
  syncBackdrop();
  if (restoreFocus) $("#toggle-docs").focus();
}

async function loadDocuments() {
  docList.setAttribute("aria-busy", "true");
  try {
    const docs = await requestJSON("/api/documents");
    const list = Array.isArray(docs) ? docs.filter((d) => isObject(d) && typeof d.doc === "string") : [];
    state.docs = new Map(list.map((d) => [d.doc, d]));
    docList.replaceChildren(...list.map(docItem));
    if (!list.length) docList.append(h("li", { class: "doc-empty", text: "Chưa có văn bản nào được nạp." }));
    // Chips drawn before the list arrived can now name their documents.
    for (const msg of state.messages) {
      const v = views.get(msg.id);
      if (v && msg.role === "assistant") paintSources(msg, v);
    }
  } catch (err) {
    docList.replaceChildren(
      h(
        "li",
        { class: "doc-empty", role: "alert" },
        h("p", { text: err instanceof ApiError ? err.message : "Không tải được danh sách văn bản." }),
        h("button", { type: "button", class: "button button-small", text: "Thử lại", onclick: loadDocuments }),
      ),
    );
  } finally {
    docList.removeAttribute("aria-busy");
  }
}

function docItem(d) {
  const outlineId = `outline-${d.doc.replace(/[^\w-]/g, "_")}`;
  const outline = h("div", { class: "doc-outline", id: outlineId, hidden: true });
  const button = h(
    "button",
    { type: "button", class: "doc-button", "aria-expanded": "false", "aria-controls": outlineId, dataset: { doc: d.doc } },
    h(
      "span",
      { class: "doc-line1" },
      h("span", { class: "doc-type", text: d.doc_type || "Văn bản" }),
      h("span", { class: "doc-number", text: /\d/.test(d.number || "") ? d.number : shortIssuer(d.issuer) }),
    ),
    h("span", { class: "doc-subject", text: d.subject || d.doc }),
    h("span", { class: "doc-date", text: [d.date, d.issuer].filter(Boolean).join(" · ") }),
  );
  button.addEventListener("click", () => toggleOutline(d, button, outline));
  return h("li", { class: "doc-item" }, button, outline);
}

async function toggleOutline(d, button, outline) {
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.parentElement.classList.toggle("open", open);
  outline.hidden = !open;
  if (!open || outline.dataset.loaded) return;
  outline.replaceChildren(h("p", { class: "outline-loading", text: "Đang tải bố cục…" }));
  try {
    const detail = await getDocument(d.doc);
    const nodes = Array.isArray(detail.outline) ? detail.outline : [];
    outline.replaceChildren(
      nodes.length ? outlineTree(nodes, d.doc, 0) : h("p", { class: "outline-loading", text: "Văn bản này chưa có bố cục." }),
    );
    outline.dataset.loaded = "1";
  } catch (err) {
    outline.replaceChildren(
      h("p", { class: "panel-error", role: "alert", text: err instanceof ApiError ? err.message : "Không tải được bố cục." }),
    );
  }
}

function outlineTree(nodes, doc, depth) {
  const ul = h("ul", { class: `outline-tree depth-${depth}` });
  for (const node of nodes.filter(isObject)) {
    const children = Array.isArray(node.children) ? node.children.filter(isObject) : [];
    const item = h(
      "button",
      {
        type: "button",
        class: "outline-item",
        dataset: { label: node.label || "" },
        title: [node.label, node.title].filter(Boolean).join(". "),
      },
      h("span", { class: "outline-label", text: node.label || "" }),
      h("span", { class: "outline-title", text: node.title || "" }),
    );
    item.addEventListener("click", () => {
      document.querySelectorAll(".outline-item.current").forEach((b) => b.classList.remove("current"));
      item.classList.add("current");
      openSource({ doc, label: node.label }, item);
    });
    const row = h("div", { class: "outline-row" });
    const li = h("li", { class: "outline-node" }, row);
    if (children.length) {
      const sub = outlineTree(children, doc, depth + 1);
      const expanded = depth === 0;
      sub.hidden = !expanded;
      const toggle = h(
        "button",
        {
          type: "button",
          class: "outline-toggle",
          "aria-expanded": String(expanded),
          "aria-label": `${expanded ? "Thu gọn" : "Mở rộng"} mục ${node.label || ""}`,
        },
        icon("chevron", 14),
      );
      toggle.addEventListener("click", () => {
        const open = sub.hidden;
        sub.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        toggle.setAttribute("aria-label", `${open ? "Thu gọn" : "Mở rộng"} mục ${node.label || ""}`);
      });
      row.append(toggle, item);
      li.append(sub);
    } else {
      row.append(h("span", { class: "outline-spacer", "aria-hidden": "true" }), item);
    }
    ul.append(li);
  }
  return ul;
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
backdrop.addEventListener("click", () => {
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
loadDocuments();

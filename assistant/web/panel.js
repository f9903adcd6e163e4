// The sources panel: a section of a document, its number, date and issuer, and the quoted
// passage highlighted in the section's own lines. A column on wide screens, a drawer otherwise.

import { ApiError, getDocument, getSection } from "./api.js";
import { h, isNumber, isObject } from "./dom.js";
import { cleanLine, findQuote, renderStyledText } from "./highlight.js";
import { closeDocs, narrowSidebar, syncBackdrop } from "./layout.js";
import { docLong, documents } from "./names.js";

const panel = document.querySelector("#source-panel");
const panelBody = document.querySelector("#source-body");
const panelTitle = document.querySelector("#source-title");
const panelKicker = document.querySelector("#source-kicker");
const layout = document.querySelector("#layout");

let panelToken = 0;
let panelOpener = null;

export function panelHasFocus() {
  return !panel.hidden && panel.contains(document.activeElement);
}

function showPanel() {
  panel.hidden = false;
  layout.classList.add("panel-open");
  syncBackdrop();
}

export function closePanel() {
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
export async function openSource(req, opener) {
  const token = ++panelToken;
  panelOpener = opener || document.activeElement;
  if (narrowSidebar.matches) closeDocs(false);
  showPanel();
  panelKicker.textContent = req.citeId ? `Nguồn [${req.citeId}]` : "Nội dung văn bản";
  panelTitle.textContent = docLong(documents.get(req.doc), req.doc);
  panelBody.setAttribute("aria-busy", "true");
  panelBody.replaceChildren(h("p", { class: "panel-loading", text: "Đang tải nguyên văn…" }));
  panelTitle.focus({ preventScroll: true });

  const [docResult, sectionResult] = await Promise.allSettled([
    getDocument(req.doc),
    req.label ? getSection(req.doc, req.label) : Promise.reject(new ApiError("")),
  ]);
  if (token !== panelToken) return;
  panelBody.removeAttribute("aria-busy");
  const meta = docResult.status === "fulfilled" && isObject(docResult.value) ? docResult.value : documents.get(req.doc);
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

// The actions under an answer: copy it (with its sources) and rate it (POST /api/feedback),
// with an optional comment after a thumbs-down.

import { ApiError, postJSON } from "./api.js";
import { h, icon, showToast } from "./dom.js";
import { markdownToText } from "./markdown.js";
import { docLong, documents } from "./names.js";


/** Copy and rate buttons under a finished answer; `save` persists the conversation. */
export function paintActions(msg, v, save) {
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
  up.addEventListener("click", () => rate(msg, "up", { up, down, status, commentBox }, save));
  down.addEventListener("click", () => rate(msg, "down", { up, down, status, commentBox }, save));
  v.actions.append(copy, h("span", { class: "action-sep", "aria-hidden": "true" }), up, down, status, commentBox);
}

async function rate(msg, rating, ui, save) {
  ui.up.disabled = ui.down.disabled = true;
  ui.status.textContent = "Đang gửi đánh giá…";
  try {
    await postJSON("/api/feedback", { answer_id: msg.answer_id, rating });
    msg.feedback = rating;
    save();
    ui.up.setAttribute("aria-pressed", String(rating === "up"));
    ui.down.setAttribute("aria-pressed", String(rating === "down"));
    ui.status.textContent = "Đã ghi nhận đánh giá. Cảm ơn anh/chị!";
    if (rating === "down" && !msg.commented) showCommentForm(msg, ui, save);
    else ui.commentBox.hidden = true;
  } catch (err) {
    ui.status.textContent = err instanceof ApiError ? err.message : "Không gửi được đánh giá.";
    ui.status.classList.add("failed");
  } finally {
    ui.up.disabled = ui.down.disabled = false;
  }
}

function showCommentForm(msg, ui, save) {
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
          const name = docLong(documents.get(c.doc), c.doc);
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

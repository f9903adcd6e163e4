// The documents list: one entry per document; opening one shows its outline (nested), and a
// section of the outline opens in the sources panel.

import { ApiError, getDocument, requestJSON } from "./api.js";
import { h, icon, isObject } from "./dom.js";
import { documents, shortIssuer } from "./names.js";
import { openSource } from "./panel.js";

const docList = document.querySelector("#doc-list");

/** Fill the list from GET /api/documents; `onLoaded` runs once the names are known. */
export async function loadDocuments(onLoaded = () => {}) {
  docList.setAttribute("aria-busy", "true");
  try {
    const docs = await requestJSON("/api/documents");
    const list = Array.isArray(docs) ? docs.filter((d) => isObject(d) && typeof d.doc === "string") : [];
    documents.clear();
    for (const d of list) documents.set(d.doc, d);
    docList.replaceChildren(...list.map(docItem));
    if (!list.length) docList.append(h("li", { class: "doc-empty", text: "Chưa có văn bản nào được nạp." }));
    onLoaded();
  } catch (err) {
    docList.replaceChildren(
      h(
        "li",
        { class: "doc-empty", role: "alert" },
        h("p", { text: err instanceof ApiError ? err.message : "Không tải được danh sách văn bản." }),
        h("button", {
          type: "button",
          class: "button button-small",
          text: "Thử lại",
          onclick: () => loadDocuments(onLoaded),
        }),
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

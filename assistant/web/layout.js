// The drawers of narrow screens (documents list, sources panel) and the backdrop behind them.

export const narrowPanel = window.matchMedia("(max-width: 1199px)"); // panel over the chat
export const narrowSidebar = window.matchMedia("(max-width: 799px)"); // documents list hidden

const backdrop = document.querySelector("#backdrop");
const toggle = document.querySelector("#toggle-docs");
const docList = document.querySelector("#doc-list");

export function syncBackdrop() {
  const docsOpen = document.body.classList.contains("docs-open");
  const panelModal = !document.querySelector("#source-panel").hidden && narrowPanel.matches;
  backdrop.hidden = !(docsOpen || panelModal);
}

export function openDocs() {
  document.body.classList.add("docs-open");
  toggle.setAttribute("aria-expanded", "true");
  syncBackdrop();
  const first = docList.querySelector("button");
  if (first) first.focus();
}

export function closeDocs(restoreFocus = true) {
  if (!document.body.classList.contains("docs-open")) return;
  document.body.classList.remove("docs-open");
  toggle.setAttribute("aria-expanded", "false");
  syncBackdrop();
  if (restoreFocus) toggle.focus();
}
